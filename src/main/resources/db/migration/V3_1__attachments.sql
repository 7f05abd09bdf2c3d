-- Files attached to records (reply documents, photos), kept in the database so that every node sees them.
create table attachment (
    id           uuid primary key,
    owner_type   varchar(32) not null,
    owner_id     uuid not null,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    sha256       varchar(64) not null,
    data         bytea not null,
    created_by   varchar(64),
    created_at   timestamptz not null
);
create index attachment_owner_idx on attachment (owner_type, owner_id, created_at);
