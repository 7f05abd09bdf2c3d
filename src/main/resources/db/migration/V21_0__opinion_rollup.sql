-- The opinion loop's figures summed by month, so that a year's report reads a few thousand sums instead of
-- millions of opinions. Kept by PostgreSQL itself, in the transaction of every change to the opinion table,
-- whatever makes it (the application, a bulk load, a restore): statement triggers turn the rows a statement
-- inserted, changed or deleted into signed differences in opinion_rollup_delta (append-only, so concurrent
-- changes never wait for one another), and OpinionRollup folds those into opinion_rollup every few seconds.
-- A reader sums both tables and is exact at any moment.
--
-- Rows, by dimension:
--   'C'  an opinion's own region, the month it was received (Asia/Shanghai), key = its category;
--   'U'  the same with key = its lead unit (opinions with a lead unit only);
--   'S'  its own region, the month it was reported back (fed_back_at), key '', only `settled` counted.
-- The indicators are OpinionKpis' conditions, one column each (1 or 0 per opinion):
--   assigned   status in ASSIGNED … CLOSED;  settled  FED_BACK or CLOSED with a reply;  on_time  settled and
--   replied by the deadline;  rated  graded;  satisfied  (basically) satisfied;  replied  with a reply;
--   resolved  reply RESOLVED;  implemented;  closed  CLOSED;  closed_timed / closed_days  CLOSED with a
--   closing time, and the days from receipt to it;  closed_resolved  CLOSED with reply RESOLVED.
create table opinion_rollup (
    dimension            char(1) not null,
    region_code     varchar(12) not null,
    month           date not null,
    key             varchar(40) not null,
    received        bigint not null,
    assigned        bigint not null,
    settled         bigint not null,
    on_time         bigint not null,
    rated           bigint not null,
    satisfied       bigint not null,
    replied         bigint not null,
    resolved        bigint not null,
    implemented     bigint not null,
    closed          bigint not null,
    closed_timed    bigint not null,
    closed_days     numeric not null,
    closed_resolved bigint not null,
    primary key (dimension, month, region_code, key)
);
comment on table opinion_rollup is 'Derived from opinion by triggers; not backed up, rebuilt by a restore.';

create table opinion_rollup_delta (like opinion_rollup);
comment on table opinion_rollup_delta is 'Derived from opinion by triggers; not backed up, rebuilt by a restore.';

-- One opinion's indicators and the keys it counts under, for the rows of a transition table.
create function opinion_rollup_rows(sign int, o opinion) returns setof opinion_rollup
language sql immutable as $$
  with i as (
    select (o.status in ('ASSIGNED','ACCEPTED','REPLIED','FED_BACK','REOPENED','CLOSED'))::int as assigned,
           (o.status in ('FED_BACK','CLOSED') and o.reply_result is not null)::int as settled,
           coalesce(o.status in ('FED_BACK','CLOSED') and o.reply_result is not null and o.replied_at <= o.deadline, false)::int as on_time,
           (o.grade is not null)::int as rated,
           coalesce(o.grade in ('SATISFIED','BASICALLY_SATISFIED'), false)::int as satisfied,
           (o.reply_result is not null)::int as replied,
           coalesce(o.reply_result = 'RESOLVED', false)::int as resolved,
           o.implemented::int as implemented,
           (o.status = 'CLOSED')::int as closed,
           (o.status = 'CLOSED' and o.closed_at is not null)::int as closed_timed,
           case when o.status = 'CLOSED' and o.closed_at is not null
                then extract(epoch from (o.closed_at - o.received_at)) / 86400.0 else 0 end as closed_days,
           coalesce(o.status = 'CLOSED' and o.reply_result = 'RESOLVED', false)::int as closed_resolved,
           cast(date_trunc('month', o.received_at at time zone 'Asia/Shanghai') as date) as month)
  select k.dimension, o.region_code, i.month, k.key, sign::bigint, sign * i.assigned, sign * i.settled, sign * i.on_time,
         sign * i.rated, sign * i.satisfied, sign * i.replied, sign * i.resolved, sign * i.implemented, sign * i.closed,
         sign * i.closed_timed, sign * i.closed_days, sign * i.closed_resolved
  from i, (values ('C', cast(o.category as varchar(40))), ('U', cast(o.lead_unit_id as varchar(40)))) k(dimension, key)
  where k.key is not null
  union all
  select 'S', o.region_code, cast(date_trunc('month', o.fed_back_at at time zone 'Asia/Shanghai') as date), '',
         0, 0, sign::bigint, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  from i where i.settled = 1 and o.fed_back_at is not null
$$;

-- The rows a statement inserted count +1, those it deleted -1 (both triggers name their rows `changed`), summed per
-- key. Static statements, planned once per connection: a statement built and executed anew each time cost more
-- to plan than the insert it follows.
create function opinion_rollup_added() returns trigger language plpgsql as $$
begin
  insert into opinion_rollup_delta
  select r.dimension, r.region_code, r.month, r.key, sum(r.received), sum(r.assigned), sum(r.settled), sum(r.on_time),
         sum(r.rated), sum(r.satisfied), sum(r.replied), sum(r.resolved), sum(r.implemented), sum(r.closed),
         sum(r.closed_timed), sum(r.closed_days), sum(r.closed_resolved)
  from changed o, opinion_rollup_rows(case tg_op when 'INSERT' then 1 else -1 end, o) r
  group by r.dimension, r.region_code, r.month, r.key;
  return null;
end $$;

-- An update: the old rows out, the new in; keys whose differences all cancel out (most updates: a supervision step,
-- a new deadline) write nothing.
create function opinion_rollup_updated() returns trigger language plpgsql as $$
begin
  insert into opinion_rollup_delta
  select r.dimension, r.region_code, r.month, r.key, sum(r.received), sum(r.assigned), sum(r.settled), sum(r.on_time),
         sum(r.rated), sum(r.satisfied), sum(r.replied), sum(r.resolved), sum(r.implemented), sum(r.closed),
         sum(r.closed_timed), sum(r.closed_days), sum(r.closed_resolved)
  from (select r.* from new_rows o, opinion_rollup_rows(1, o) r
        union all select r.* from old_rows o, opinion_rollup_rows(-1, o) r) r
  group by r.dimension, r.region_code, r.month, r.key
  having (sum(r.received), sum(r.assigned), sum(r.settled), sum(r.on_time), sum(r.rated), sum(r.satisfied),
          sum(r.replied), sum(r.resolved), sum(r.implemented), sum(r.closed), sum(r.closed_timed), sum(r.closed_days),
          sum(r.closed_resolved)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  return null;
end $$;

create function opinion_rollup_truncated() returns trigger language plpgsql as $$
begin
  truncate opinion_rollup, opinion_rollup_delta;
  return null;
end $$;

create trigger opinion_rollup_insert after insert on opinion referencing new table as changed
  for each statement execute function opinion_rollup_added();
create trigger opinion_rollup_update after update on opinion referencing old table as old_rows new table as new_rows
  for each statement execute function opinion_rollup_updated();
create trigger opinion_rollup_delete after delete on opinion referencing old table as changed
  for each statement execute function opinion_rollup_added();
create trigger opinion_rollup_truncate after truncate on opinion
  for each statement execute function opinion_rollup_truncated();

-- Starts again from the opinions themselves: after changes made with triggers off (session_replication_role),
-- and here, for the opinions already there.
create function opinion_rollup_rebuild() returns void language plpgsql as $$
begin
  lock table opinion in share mode;
  truncate opinion_rollup, opinion_rollup_delta;
  insert into opinion_rollup
  select r.dimension, r.region_code, r.month, r.key, sum(r.received), sum(r.assigned), sum(r.settled), sum(r.on_time),
         sum(r.rated), sum(r.satisfied), sum(r.replied), sum(r.resolved), sum(r.implemented), sum(r.closed),
         sum(r.closed_timed), sum(r.closed_days), sum(r.closed_resolved)
  from opinion o, opinion_rollup_rows(1, o) r
  group by r.dimension, r.region_code, r.month, r.key;
end $$;

select opinion_rollup_rebuild();
