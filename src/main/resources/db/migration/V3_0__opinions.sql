-- The opinion loop: opinions, their units and deputies, the timeline, idempotency keys.
create table opinion (
    id                    uuid primary key,
    tracking_code         varchar(16) not null unique,
    status                varchar(16) not null,
    kind                  varchar(12) not null,
    category              varchar(20) not null,
    channel               varchar(20) not null,
    content               text not null,
    region_code           varchar(12) not null references region (code),
    station_id            uuid,
    submitter_name_enc    text,
    submitter_phone_enc   text,
    submitter_phone_hash  varchar(64),
    anonymous             boolean not null,
    received_at           timestamptz not null,
    primary_id            uuid references opinion (id),
    answer                text,
    reject_reason         text,
    reject_referral       varchar(200),
    lead_unit_id          uuid,
    assigned_at           timestamptz,
    deadline              timestamptz,
    extended              boolean not null default false,
    extensions_in_round   int not null default 0,
    extension_days        int,
    extension_reason      text,
    supervision_level     int not null default 0,
    next_supervision_at   timestamptz,
    reply_result          varchar(12),
    reply_text            text,
    replied_at            timestamptz,
    fed_back_at           timestamptz,
    grade                 varchar(24),
    grade_comment         text,
    rated_at              timestamptz,
    reopen_count          int not null default 0,
    implemented           boolean not null default false,
    implemented_note      text,
    closed_at             timestamptz,
    closed_unrated        boolean not null default false,
    version               bigint not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index opinion_region_idx on opinion (region_code, received_at desc);
create index opinion_status_idx on opinion (status, received_at);
create index opinion_lead_unit_idx on opinion (lead_unit_id, deadline) where lead_unit_id is not null;
create index opinion_next_supervision_idx on opinion (next_supervision_at) where next_supervision_at is not null;
create index opinion_fed_back_idx on opinion (fed_back_at) where status = 'FED_BACK';
create index opinion_phone_hash_idx on opinion (submitter_phone_hash) where submitter_phone_hash is not null;
create index opinion_primary_idx on opinion (primary_id) where primary_id is not null;

create table opinion_assisting_unit (
    opinion_id uuid not null references opinion (id) on delete cascade,
    unit_id    uuid not null,
    view       text,
    viewed_at  timestamptz,
    primary key (opinion_id, unit_id)
);
create index opinion_assisting_unit_unit_idx on opinion_assisting_unit (unit_id);

create table opinion_deputy (
    opinion_id uuid not null references opinion (id) on delete cascade,
    deputy_id  uuid not null,
    primary key (opinion_id, deputy_id)
);
create index opinion_deputy_deputy_idx on opinion_deputy (deputy_id);

-- The timeline: every transition, note, deadline change and escalation. Append-only.
create table opinion_event (
    id          uuid primary key,
    opinion_id  uuid not null references opinion (id),
    at          timestamptz not null,
    actor       varchar(64),
    kind        varchar(24) not null,
    from_status varchar(16),
    to_status   varchar(16),
    note        text,
    public_note text
);
create index opinion_event_opinion_idx on opinion_event (opinion_id, at);
create index opinion_event_kind_idx on opinion_event (kind, at);

create table opinion_idempotency (
    key           varchar(100) primary key,
    request_hash  varchar(64) not null,
    opinion_id    uuid not null references opinion (id),
    created_at    timestamptz not null
);
