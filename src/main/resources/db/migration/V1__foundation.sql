-- Foundation: regions, working-day calendar, users and tokens, security audit,
-- the event publication registry (Spring Modulith) and db-scheduler's task table.

create table region (
    code          varchar(12) primary key,
    name          varchar(64) not null,
    level         varchar(16) not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    parent_code   varchar(12),
    provisional   boolean not null default false,
    source_year   int
);
create index region_parent_idx on region (parent_code);

create table calendar_day (
    day        date primary key,
    kind       varchar(8) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name       varchar(32) not null,
    updated_at timestamptz not null default now()
);

create table app_user (
    id              uuid primary key,
    username        varchar(64) not null unique,
    display_name    varchar(64) not null,
    password_hash   varchar(100) not null,
    roles           varchar(200) not null,
    region_code     varchar(12) not null references region (code),
    unit_id         uuid,
    deputy_id       uuid,
    enabled         boolean not null default true,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index app_user_region_idx on app_user (region_code);

create table api_token (
    token_hash  varchar(64) primary key,
    user_id     uuid not null references app_user (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index api_token_user_idx on api_token (user_id);

-- Append-only: the trigger below refuses every update and delete.
create table audit_log (
    id          uuid primary key,
    at          timestamptz not null,
    actor       varchar(64),
    action      varchar(48) not null,
    target      varchar(200),
    detail      varchar(1000),
    address     varchar(64),
    region_code varchar(12)
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_action_idx on audit_log (action, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

-- Spring Modulith's event publication registry (schema v2, without the hash index on the payload).
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- db-scheduler's persistent tasks.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
