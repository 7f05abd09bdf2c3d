create table handling_unit (
    id           uuid primary key,
    name         varchar(100) not null,
    region_code  varchar(12) not null references region (code),
    kind         varchar(32) not null,
    parent_id    uuid references handling_unit (id),
    contact_name varchar(64),
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index handling_unit_region_idx on handling_unit (region_code, name);
