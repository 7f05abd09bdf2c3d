-- Special committees (专门委员会/工作委员会) of a congress with their members and fields, and key supervision
-- (重点督办) of an opinion or a proposal by a leader or a committee: instructions (批示) the unit sees, deputies
-- invited to take part (代表全程参与督办), and its end (issue 21 point 5).
create table special_committee (
    id          uuid primary key,
    region_code varchar(12) not null references region (code),
    name        varchar(100) not null,
    kind        varchar(12) not null check (kind in ('SPECIAL', 'WORKING')),
    created_at  timestamptz not null,
    unique (region_code, name)
);
create index special_committee_region_idx on special_committee (region_code);

-- A field: an opinion category (CATEGORY), or a word of a proposal's title or content (SUBJECT).
create table special_committee_field (
    committee_id uuid not null references special_committee (id) on delete cascade,
    kind         varchar(12) not null check (kind in ('CATEGORY', 'SUBJECT')),
    value        varchar(50) not null,
    primary key (committee_id, kind, value)
);

create table special_committee_member (
    committee_id uuid not null references special_committee (id) on delete cascade,
    user_id      uuid not null references app_user (id),
    primary key (committee_id, user_id)
);
create index special_committee_member_user_idx on special_committee_member (user_id);

create table key_supervision (
    id           uuid primary key,
    region_code  varchar(12) not null references region (code),
    item_type    varchar(12) not null check (item_type in ('OPINION', 'PROPOSAL')),
    item_id      uuid not null,
    item_title   varchar(200) not null,
    committee_id uuid references special_committee (id),
    -- The committee's name as it took the item: shown to whoever sees the supervision, also where the committee's
    -- own row lies outside their region (a county's unit, a city committee).
    committee_name varchar(100),
    topic        varchar(100) not null,
    status       varchar(12) not null check (status in ('OPEN', 'CONCLUDED')),
    taken_by     varchar(64) not null,
    taken_at     timestamptz not null,
    concluded_by varchar(64),
    concluded_at timestamptz,
    conclusion   varchar(2000),
    version      bigint not null default 0
);
create index key_supervision_region_idx on key_supervision (region_code, taken_at);
-- One open key supervision per item.
create unique index key_supervision_open_item on key_supervision (item_type, item_id) where status = 'OPEN';
create index key_supervision_item_idx on key_supervision (item_id);

create table key_supervision_instruction (
    id             uuid primary key,
    supervision_id uuid not null references key_supervision (id),
    text           varchar(2000) not null,
    author         varchar(64) not null,
    author_name    varchar(100) not null,
    at             timestamptz not null
);
create index key_supervision_instruction_idx on key_supervision_instruction (supervision_id, at);

create table key_supervision_deputy (
    supervision_id uuid not null references key_supervision (id),
    deputy_id      uuid not null,
    invited_by     varchar(64) not null,
    invited_at     timestamptz not null,
    primary key (supervision_id, deputy_id)
);
create index key_supervision_deputy_idx on key_supervision_deputy (deputy_id);

-- Row-level security as V27_0: the records by their region, their parts with them.
do $$
declare
    t text;
begin
    foreach t in array array['special_committee', 'key_supervision'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy scoped on %I using (region_code >= lianluo_scope_from() and region_code < lianluo_scope_to())', t);
    end loop;
end $$;
do $$
declare
    child record;
begin
    for child in select * from (values
            ('special_committee_field', 'special_committee', 'committee_id'),
            ('special_committee_member', 'special_committee', 'committee_id'),
            ('key_supervision_instruction', 'key_supervision', 'supervision_id'),
            ('key_supervision_deputy', 'key_supervision', 'supervision_id'))
            as c (child, parent, fk) loop
        execute format('alter table %I enable row level security', child.child);
        execute format('create policy scoped on %I using (exists (select 1 from %I p where p.id = %I.%I)) with check (true)',
                child.child, child.parent, child.child, child.fk);
    end loop;
end $$;
