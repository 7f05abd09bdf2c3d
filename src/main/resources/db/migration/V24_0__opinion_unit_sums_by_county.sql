-- The sums by lead unit once more per county ('K'), beside those per the opinion's own region ('U'). Each county's
-- opinions go to many of its units, so the 'U' rows number townships x units x months (132,000 a year at the
-- province's 10,000,000 opinions), and the annual report of a city read them all to group them by unit; per county
-- there are a tenth of them. A county and every region above it read 'K', a township or a village 'U'
-- (OpinionKpis.unitSums).
--
-- The function of V21_0 keeps the indicators' definitions under a new name; opinion_rollup_rows, which the triggers
-- and opinion_rollup_rebuild() call by name, now adds a 'K' row for each 'U' row. Then the sums are made again.
alter function opinion_rollup_rows(int, opinion) rename to opinion_indicator_rows;

create function opinion_rollup_rows(sign int, o opinion) returns setof opinion_rollup
language sql immutable as $$
  with r as (select * from opinion_indicator_rows(sign, o))
  select * from r
  union all
  select 'K', cast(left(r.region_code, 6) as varchar(12)), r.month, r.key, r.received, r.assigned, r.settled, r.on_time,
         r.rated, r.satisfied, r.replied, r.resolved, r.implemented, r.closed, r.closed_timed, r.closed_days,
         r.closed_resolved
  from r where r.dimension = 'U'
$$;

select opinion_rollup_rebuild();
