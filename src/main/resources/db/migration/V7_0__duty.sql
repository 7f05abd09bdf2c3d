-- Deputy duty: activities with their participating deputies, contact plans and contacts of committee
-- members, and the opinions deputies received (copied from the opinion loop's events).
-- Deputies and stations are referred to by id only: their modules own their tables.

create table duty_activity (
    id                uuid primary key,
    type              varchar(24) not null,
    title             varchar(200) not null,
    theme             varchar(100),
    start_at          timestamptz not null,
    end_at            timestamptz,
    region_code       varchar(12) not null references region (code),
    station_id        uuid,
    organiser         varchar(100),
    voters_received   int not null default 0 check (voters_received >= 0),
    outcome           varchar(2000),
    mixed_level       boolean not null,
    disputes_resolved int not null default 0 check (disputes_resolved >= 0),
    people_relocated  int not null default 0 check (people_relocated >= 0),
    hazards_inspected int not null default 0 check (hazards_inspected >= 0),
    created_by        varchar(64) not null,
    created_at        timestamptz not null,
    check (end_at is null or end_at >= start_at)
);
create index duty_activity_region_idx on duty_activity (region_code, start_at desc);
create index duty_activity_station_idx on duty_activity (station_id, start_at);

create table duty_activity_deputy (
    activity_id uuid not null references duty_activity (id) on delete cascade,
    deputy_id   uuid not null,
    attendance  varchar(12) not null check (attendance in ('SIGNED_IN', 'EXCUSED', 'ABSENT')),
    primary key (activity_id, deputy_id)
);
create index duty_activity_deputy_idx on duty_activity_deputy (deputy_id);

create table duty_contact_plan (
    id          uuid primary key,
    year        int not null,
    member_id   uuid not null,
    deputy_id   uuid not null,
    target      int not null check (target > 0),
    region_code varchar(12) not null references region (code),
    created_at  timestamptz not null,
    unique (year, member_id, deputy_id)
);

create table duty_contact (
    id          uuid primary key,
    member_id   uuid not null,
    deputy_id   uuid not null,
    at          timestamptz not null,
    method      varchar(12) not null,
    note        varchar(2000),
    region_code varchar(12) not null references region (code),
    created_by  varchar(64) not null,
    created_at  timestamptz not null
);
create index duty_contact_pair_idx on duty_contact (member_id, deputy_id, at);
create index duty_contact_region_idx on duty_contact (region_code, at);

create table duty_opinion (
    opinion_id  uuid not null,
    deputy_id   uuid not null,
    station_id  uuid,
    received_at timestamptz not null,
    primary key (opinion_id, deputy_id)
);
create index duty_opinion_deputy_idx on duty_opinion (deputy_id, received_at);
