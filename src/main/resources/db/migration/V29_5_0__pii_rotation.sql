-- Issue 23.3: the key rotation of personal data. One row per rotation, its progress moved in the same transaction as
-- each batch (table, last id, round), so a stop or a crash loses at most the batch under way. Not a region table:
-- a rotation is the whole installation's, started by an ADMIN of the whole installation.
create table pii_rotation (
    id              uuid primary key,
    key_id          varchar(16) not null,
    suite           varchar(16) not null check (suite in ('AES-256-GCM', 'SM4-GCM')),
    status          varchar(16) not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    round           int not null,
    table_name      varchar(63),
    last_id         uuid,
    found_in_round  bigint not null,
    rows_resealed   bigint not null,
    batches         bigint not null,
    started_by      varchar(100) not null,
    started_at      timestamptz not null,
    updated_at      timestamptz not null,
    finished_at     timestamptz,
    error           text
);

-- At most one rotation runs at a time.
create unique index pii_rotation_one_running on pii_rotation ((true)) where status = 'RUNNING';
