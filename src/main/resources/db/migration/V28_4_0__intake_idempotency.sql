-- Idempotency keys of the activity and consultation-comment intakes (issue 24): a record queued offline and sent
-- twice is stored once. Like opinion_idempotency they hold a key, a hash of the request and the record's id, no
-- region's data, so they need no row-level policy: the record itself is read through its module, under its policies.
create table duty_activity_idempotency (
    key           varchar(100) primary key,
    request_hash  varchar(64) not null,
    activity_id   uuid references duty_activity (id),
    created_at    timestamptz not null
);

create table consultation_comment_idempotency (
    key           varchar(100) primary key,
    request_hash  varchar(64) not null,
    comment_id    uuid references consultation_comment (id),
    created_at    timestamptz not null
);
