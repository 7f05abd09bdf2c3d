-- Per kind of message, whether a user wants it by e-mail and by SMS as well as in the inbox (which is always on).
-- A kind without a row keeps the default: e-mail on (when an address is given), SMS off.
alter table notification_preference add column phone_enc text;

create table notification_kind_preference (
    user_id uuid not null,
    kind    varchar(32) not null,
    channel varchar(8) not null check (channel in ('EMAIL', 'SMS')),
    enabled boolean not null,
    primary key (user_id, kind, channel)
);
