-- The history of changes of each deputy: who changed what, when. Phones appear only as "changed", never by value.
create table deputy_change (
    id        uuid primary key,
    deputy_id uuid not null references deputy (id) on delete cascade,
    at        timestamptz not null,
    actor     varchar(64),
    action    varchar(16) not null check (action in ('CREATED', 'IMPORTED', 'UPDATED', 'SEAT_ENDED')),
    changes   text not null default '[]'
);
create index deputy_change_deputy_idx on deputy_change (deputy_id, at desc);
