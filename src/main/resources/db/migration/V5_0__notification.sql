-- Notifications: the in-app inbox, users' e-mail preferences and the delivery outbox for SMS and e-mail.
-- Ids are name-based UUIDs of (event, recipient, channel): the primary key refuses a second copy of one message.

create table notification_message (
    id           uuid primary key,
    recipient_id uuid not null,
    kind         varchar(32) not null,
    template     varchar(64) not null,
    params       text not null,
    link         varchar(200),
    created_at   timestamptz not null,
    read_at      timestamptz
);
create index notification_message_recipient_idx on notification_message (recipient_id, created_at desc);
create index notification_message_unread_idx on notification_message (recipient_id) where read_at is null;

-- One row per message to send outside the application. SENDING is a lease: a row still SENDING after
-- next_attempt_at belonged to a node that died between sending and marking, and is sent again.
create table notification_delivery (
    id              uuid primary key,
    channel         varchar(8) not null check (channel in ('SMS', 'EMAIL')),
    recipient_enc   text not null,
    recipient_hash  varchar(64) not null,
    template        varchar(64) not null,
    params          text not null,
    link            varchar(200),
    recipient_user  uuid,
    urgent          boolean not null,
    region_code     varchar(12),
    status          varchar(8) not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    last_error      varchar(500),
    created_at      timestamptz not null,
    sent_at         timestamptz,
    updated_at      timestamptz not null
);
create index notification_delivery_due_idx on notification_delivery (next_attempt_at)
    where status in ('PENDING', 'SENDING', 'FAILED');
create index notification_delivery_status_idx on notification_delivery (status, updated_at desc);
create index notification_delivery_recipient_idx on notification_delivery (recipient_hash, sent_at)
    where status = 'SENT';

-- Where a user wants e-mail, whether at all, and the token of the opt-out link in every e-mail.
create table notification_preference (
    user_id       uuid primary key,
    email_enc     text,
    email_enabled boolean not null default true,
    opt_out_token varchar(64) not null unique,
    updated_at    timestamptz not null
);
