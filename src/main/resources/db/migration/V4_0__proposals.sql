-- The proposal loop: proposals, co-signers, units, contacts, the per-session number counter, the timeline.
create table proposal (
    id                      uuid primary key,
    session_id              uuid not null,
    region_code             varchar(12) not null references region (code),
    number                  int,
    status                  varchar(16) not null,
    title                   varchar(200) not null,
    content                 text not null,
    lead_deputy_id          uuid not null,
    submitted_at            timestamptz,
    between_sessions        boolean not null default false,
    registered_at           timestamptz,
    assignment_due          timestamptz,
    not_registered_reason   text,
    mode                    varchar(12),
    lead_unit_id            uuid,
    assigned_at             timestamptz,
    deadline                timestamptz,
    extension_months        int,
    extension_reason        text,
    extended                boolean not null default false,
    reply_class             varchar(1),
    reply_text              text,
    replied_at              timestamptz,
    replied_without_contact boolean not null default false,
    replied_on_time         boolean,
    grade                   varchar(24),
    grade_comment           text,
    rated_at                timestamptz,
    rehandling_count        int not null default 0,
    closed_at               timestamptz,
    key_supervised          boolean not null default false,
    key_topic               varchar(100),
    key_leader              varchar(64),
    supervision_level       int not null default 0,
    next_supervision_at     timestamptz,
    assignment_warned       boolean not null default false,
    version                 bigint not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    unique (session_id, number)
);
create index proposal_region_idx on proposal (region_code, created_at desc);
create index proposal_session_idx on proposal (session_id, number);
create index proposal_lead_deputy_idx on proposal (lead_deputy_id);
create index proposal_lead_unit_idx on proposal (lead_unit_id, deadline) where lead_unit_id is not null;
create index proposal_next_supervision_idx on proposal (next_supervision_at) where next_supervision_at is not null;

create table proposal_cosigner (
    proposal_id uuid not null references proposal (id) on delete cascade,
    deputy_id   uuid not null,
    answer      varchar(12) not null,
    answered_at timestamptz,
    primary key (proposal_id, deputy_id)
);
create index proposal_cosigner_deputy_idx on proposal_cosigner (deputy_id);

create table proposal_assisting_unit (
    proposal_id uuid not null references proposal (id) on delete cascade,
    unit_id     uuid not null,
    primary key (proposal_id, unit_id)
);
create index proposal_assisting_unit_unit_idx on proposal_assisting_unit (unit_id);

-- Each contact of a unit with the deputy before replying (面商, phone, meeting, inspection together).
create table proposal_contact (
    id          uuid primary key,
    proposal_id uuid not null references proposal (id) on delete cascade,
    unit_id     uuid not null,
    method      varchar(16) not null,
    note        text,
    at          timestamptz not null,
    round       int not null
);
create index proposal_contact_proposal_idx on proposal_contact (proposal_id);

-- The last number given in a session; taken with the proposal's registration, in one transaction.
create table proposal_counter (
    session_id  uuid primary key,
    last_number int not null
);

create table proposal_event (
    id          uuid primary key,
    proposal_id uuid not null references proposal (id),
    at          timestamptz not null,
    actor       varchar(64),
    kind        varchar(24) not null,
    from_status varchar(16),
    to_status   varchar(16),
    note        text
);
create index proposal_event_proposal_idx on proposal_event (proposal_id, at);

-- Proposals a delegation sends to a higher congress, with the number it gets there.
create table upward_proposal (
    id              uuid primary key,
    delegation      varchar(100) not null,
    region_code     varchar(12) not null references region (code),
    target_level    varchar(12) not null,
    title           varchar(200) not null,
    submitted_on    date not null,
    external_number varchar(50),
    created_by      varchar(64),
    created_at      timestamptz not null
);
create index upward_proposal_region_idx on upward_proposal (region_code, submitted_on);
