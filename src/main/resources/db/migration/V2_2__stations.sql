-- Liaison stations (代表联络站), the regions that co-build a cross-region station, and their rosters.
-- Roster entries refer to deputies by id only: the deputy module owns its table.

create table station (
    id                 uuid primary key,
    name               varchar(100) not null,
    kind               varchar(16) not null check (kind in ('STANDARD', 'CROSS_REGION', 'INDUSTRY_CHAIN', 'PARK')),
    partners           varchar(64) not null default '',
    functions          varchar(100) not null default '',
    region_code        varchar(12) not null references region (code),
    address            varchar(200) not null,
    latitude           numeric(9, 6),
    longitude          numeric(9, 6),
    phone              varchar(32),
    opening_hours      varchar(100),
    reception_schedule varchar(200),
    status             varchar(16) not null check (status in ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index station_region_idx on station (region_code, name);

create table station_co_region (
    station_id  uuid not null references station (id) on delete cascade,
    region_code varchar(12) not null references region (code),
    primary key (station_id, region_code)
);
create index station_co_region_idx on station_co_region (region_code);

create table station_deputy (
    station_id uuid not null references station (id) on delete cascade,
    deputy_id  uuid not null,
    position   int not null,
    primary key (station_id, deputy_id)
);
create index station_deputy_deputy_idx on station_deputy (deputy_id);
