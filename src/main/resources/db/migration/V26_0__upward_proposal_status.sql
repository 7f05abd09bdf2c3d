-- A delegation's proposal to a higher congress is followed there (DESIGN.md: "with their external number and
-- status"): the office records what the higher congress did with it, when it learns of it.
alter table upward_proposal
    add column status     varchar(16) not null default 'SUBMITTED',
    add column status_note text,
    add column status_at  timestamptz;
