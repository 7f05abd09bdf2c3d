-- A proposal assigned SEPARATE (分别办理) to several units: each unit's own part, with its own state, deadline,
-- extension, reply, rating and supervision, in the same columns the proposal keeps for a single unit. The proposal's
-- own columns then summarise the parts (see Proposal's Javadoc).
create table proposal_separate_unit (
    id                      uuid primary key,
    proposal_id             uuid not null references proposal (id) on delete cascade,
    unit_id                 uuid not null,
    position                int not null,
    status                  varchar(16) not null,
    assigned_at             timestamptz,
    deadline                timestamptz,
    extension_months        int,
    extension_reason        text,
    extended                boolean not null default false,
    extension_notice        text,
    extension_noticed_at    timestamptz,
    reply_class             varchar(1),
    reply_text              text,
    replied_at              timestamptz,
    replied_without_contact boolean not null default false,
    replied_on_time         boolean,
    reply_public            boolean not null default false,
    grade                   varchar(24),
    grade_comment           text,
    rated_at                timestamptz,
    rehandling_count        int not null default 0,
    closed_at               timestamptz,
    supervision_level       int not null default 0,
    next_supervision_at     timestamptz,
    unique (proposal_id, unit_id)
);
create index proposal_separate_unit_unit_idx on proposal_separate_unit (unit_id, deadline);
create index proposal_separate_unit_supervision_idx on proposal_separate_unit (next_supervision_at)
    where next_supervision_at is not null;

-- Which unit a reply, or a timeline entry, is about when several units reply separately.
alter table proposal_reply add column unit_id uuid;
alter table proposal_event add column unit_id uuid;
