-- A screen form's one-time token (issue 22): the first POST with a token claims it and, when it ends in a redirect,
-- leaves where it went; a second POST with the same token (a double click, a form sent again) is sent there instead
-- of doing the work twice. It holds a random token and a local path, no region's data, so it needs no row policy.
create table form_submission (
    token       varchar(64) primary key,
    location    varchar(2000),
    created_at  timestamptz not null default now()
);
create index form_submission_created on form_submission (created_at);
