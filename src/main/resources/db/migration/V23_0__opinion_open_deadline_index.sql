-- The opinions being handled, by deadline: what is overdue now (the dashboards' overdue board, the KPI screens'
-- overdue count) reads only these entries up to now, and the board's oldest records come first without a sort.
-- Settled and unassigned opinions, most of the table as it grows, are not in it.
create index opinion_open_deadline_idx on opinion (deadline, id) where status in ('ASSIGNED', 'ACCEPTED', 'REOPENED');
