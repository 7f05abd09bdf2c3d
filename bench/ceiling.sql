-- pgbench script: the ceiling for intake. One INSERT of an opinion-shaped row per transaction into
-- bench_opinion (created by run.sh as `like opinion including all`, so with the same columns, defaults,
-- primary key, unique tracking code and secondary indexes, but no foreign keys).
\set n random(1, 1000000000)
insert into bench_opinion (id, tracking_code, status, kind, category, channel, content, region_code,
    anonymous, received_at, version, created_at, updated_at)
values (gen_random_uuid(), upper(substr(md5(:client_id || '-' || :n || random()::text), 1, 13)), 'RECEIVED',
    'COMPLAINT', 'OTHER', 'PORTAL',
    '朔良镇那板村到镇上的道路塌方，雨天无法通行，请尽快修复。（第' || :client_id || '-' || :n || '号）',
    '451022', false, now(), 0, now(), now());
