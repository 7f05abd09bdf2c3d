-- The sums by lead unit once more per county ('K'), beside those per the opinion's own region ('U'). Each county's
-- opinions go to many of its units, so the 'U' rows number townships x units x months (132,000 a year at the
-- province's 10,000,000 opinions), and the annual report of a city read them all to group them by unit; per county
-- there are a tenth of them. A county and every region above it read 'K', a township or a village 'U'
-- (OpinionKpis.unitSums).
--
-- The function as in V21_0 with the 'K' rows; then the sums are made again from the opinions.
create or replace function opinion_rollup_rows(sign int, o opinion) returns setof opinion_rollup
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
  select k.dimension, k.region_code, i.month, k.key, sign::bigint, sign * i.assigned, sign * i.settled, sign * i.on_time,
         sign * i.rated, sign * i.satisfied, sign * i.replied, sign * i.resolved, sign * i.implemented, sign * i.closed,
         sign * i.closed_timed, sign * i.closed_days, sign * i.closed_resolved
  from i, (values ('C', cast(o.category as varchar(40)), o.region_code),
                 ('U', cast(o.lead_unit_id as varchar(40)), o.region_code),
                 ('K', cast(o.lead_unit_id as varchar(40)), cast(left(o.region_code, 6) as varchar(12)))) k(dimension, key, region_code)
  where k.key is not null
  union all
  select 'S', o.region_code, cast(date_trunc('month', o.fed_back_at at time zone 'Asia/Shanghai') as date), '',
         0, 0, sign::bigint, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  from i where i.settled = 1 and o.fed_back_at is not null
$$;

select opinion_rollup_rebuild();
