-- The opinions being handled, by deadline: what is overdue now (the dashboards' overdue board and map, the KPI
-- screens' overdue counts) reads only these entries up to now, and the board's oldest records come first without a
-- sort. Settled and unassigned opinions, most of the table as it grows, are not in it. The board's groupings (by
-- region, lead unit and supervision level) are read from the index alone, without visiting the table.
create index opinion_open_deadline_idx on opinion (deadline, id) include (region_code, lead_unit_id, supervision_level)
    where status in ('ASSIGNED', 'ACCEPTED', 'REOPENED');
