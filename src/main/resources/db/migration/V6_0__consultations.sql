-- Consultations on draft laws and regulations: articles, comments, moderation, adoption.
create table consultation (
    id           uuid primary key,
    title        varchar(200) not null,
    issuer       varchar(100) not null,
    region_code  varchar(12) not null references region (code),
    opens_on     date not null,
    closes_on    date not null,
    status       varchar(12) not null,
    created_by   varchar(64),
    created_at   timestamptz not null,
    published_at timestamptz,
    check (closes_on >= opens_on)
);
create index consultation_region_idx on consultation (region_code, opens_on desc);

create table consultation_article (
    consultation_id uuid not null references consultation (id) on delete cascade,
    number          int not null,
    text            text not null,
    primary key (consultation_id, number)
);

create table consultation_comment (
    id              uuid primary key,
    consultation_id uuid not null references consultation (id),
    article_number  int,
    text            text not null,
    name_enc        text,
    phone_enc       text,
    phone_hash      varchar(64),
    tracking_code   varchar(16) not null unique,
    channel         varchar(16) not null,
    station_id      uuid,
    entered_by      varchar(64),
    hidden          boolean not null default false,
    hidden_reason   varchar(500),
    adoption        varchar(16),
    adoption_note   varchar(1000),
    created_at      timestamptz not null
);
create index consultation_comment_idx on consultation_comment (consultation_id, article_number, created_at);
