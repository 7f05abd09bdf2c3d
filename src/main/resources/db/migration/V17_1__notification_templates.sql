-- The office's own wording of a message per template and channel (INBOX, SMS, EMAIL), with named placeholders
-- such as {code} and {deadline}. No row: the application's default text (i18n/notification_zh_CN.properties).
create table notification_template (
    template   varchar(64) not null,
    channel    varchar(8) not null check (channel in ('INBOX', 'SMS', 'EMAIL')),
    subject    varchar(200),
    body       text not null,
    updated_by varchar(64) not null,
    updated_at timestamptz not null,
    primary key (template, channel)
);

-- Every change of a template, by whom and when, the old and the new text (NULL body: back to the default).
create table notification_template_change (
    id         bigserial primary key,
    template   varchar(64) not null,
    channel    varchar(8) not null,
    changed_by varchar(64) not null,
    changed_at timestamptz not null,
    old_subject varchar(200),
    old_body   text,
    new_subject varchar(200),
    new_body   text
);
create index notification_template_change_idx on notification_template_change (template, channel, changed_at desc);
