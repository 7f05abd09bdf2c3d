-- Anti-abuse for public submissions (issue 7): counters per client address and per phone in fixed windows,
-- kept in the database so that the limit holds across every node. Keys are keyed hashes (never an address or
-- a phone in clear). Rows older than two days are deleted by the guard's own recurring task.
create table submission_counter (
    key          varchar(100) not null,
    window_start timestamptz  not null,
    hits         int          not null,
    primary key (key, window_start)
);
create index submission_counter_window_idx on submission_counter (window_start);

-- A solved challenge is good once: its nonce is kept until it has expired.
create table submission_challenge_used (
    nonce   varchar(40) primary key,
    used_at timestamptz not null
);
create index submission_challenge_used_at_idx on submission_challenge_used (used_at);
