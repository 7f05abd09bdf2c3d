-- Congresses (level + region), their terms (届) and sessions (第N次会议), and deputies with their seats.
-- A congress's region is not a foreign key: provincial and national congresses sit above the region tree.

create table congress (
    id          uuid primary key,
    level       varchar(16) not null check (level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY', 'TOWNSHIP')),
    region_code varchar(12) not null,
    created_at  timestamptz not null,
    unique (level, region_code)
);

create table congress_term (
    id          uuid primary key,
    congress_id uuid not null references congress (id),
    number      int not null check (number > 0),
    starts_on   date,
    ends_on     date,
    unique (congress_id, number)
);

create table congress_session (
    id         uuid primary key,
    term_id    uuid not null references congress_term (id),
    kind       varchar(24) not null check (kind in ('PLENARY', 'STANDING_COMMITTEE')),
    number     int not null check (number > 0),
    opens_on   date not null,
    closes_on  date,
    created_at timestamptz not null,
    unique (term_id, kind, number)
);

create table deputy (
    id                    uuid primary key,
    name                  varchar(32) not null,
    gender                varchar(8) not null check (gender in ('MALE', 'FEMALE')),
    ethnicity             varchar(16),
    birth_year            int,
    political_affiliation varchar(24),
    occupation            varchar(24),
    workplace             varchar(100),
    title                 varchar(100),
    region_code           varchar(12) not null references region (code),
    phone_cipher          varchar(200),
    phone_hash            varchar(64),
    committee_position    varchar(24),
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index deputy_region_idx on deputy (region_code, name);
create index deputy_phone_hash_idx on deputy (phone_hash);
create index deputy_identity_idx on deputy (name, birth_year, region_code);

create table deputy_seat (
    id           uuid primary key,
    deputy_id    uuid not null references deputy (id) on delete cascade,
    congress_id  uuid not null references congress (id),
    term_id      uuid references congress_term (id),
    level        varchar(16) not null,
    constituency varchar(100),
    delegation   varchar(64),
    status       varchar(16) not null check (status in ('ACTIVE', 'RESIGNED', 'TERMINATED')),
    started_on   date,
    ended_on     date
);
create index deputy_seat_deputy_idx on deputy_seat (deputy_id);
create index deputy_seat_filter_idx on deputy_seat (level, status, delegation);
