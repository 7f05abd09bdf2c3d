-- The search index: one row per searchable record, tokens segmented in Java (HanLP with the local names),
-- never any personal data. Rebuilt from the records on demand (POST /api/v1/admin/search/rebuild).
-- The tokens are already words, so the text search vector is built from them as they are
-- (array_to_tsvector) rather than by a text search parser, whose treatment of Chinese depends on the
-- server's ctype; the same expression works on KingbaseES and openGauss.
create extension if not exists pg_trgm;

create table search_document (
    type         varchar(16) not null,
    id           uuid not null,
    region_code  varchar(12) not null,
    station_id   uuid,
    category     varchar(20),
    status       varchar(20) not null,
    closed       boolean not null,
    year         int not null,
    at           timestamptz not null,
    parties      uuid[] not null default '{}',
    title        text not null,
    body         text not null,
    tokens       text not null,
    reply        text,
    indexed_at   timestamptz not null,
    primary key (type, id)
);
create index search_document_tokens_idx on search_document using gin (array_to_tsvector(string_to_array(tokens, ' ')));
create index search_document_title_trgm_idx on search_document using gin (title gin_trgm_ops);
create index search_document_region_idx on search_document (region_code, at desc);
create index search_document_parties_idx on search_document using gin (parties);
