-- Deputy duty's figures summed by month, kept by PostgreSQL in the transaction of every change to activities and
-- their attendance (the application, a bulk load, a restore), as for the opinions (V21_0). Activities are entered
-- at a human pace, so the sums are updated in place (and the statements are built per call, a few milliseconds of
-- planning each, which that pace affords); each statement upserts its keys in key order, so two
-- statements never wait for each other in a circle.
--
-- duty_rollup: per region, month (Asia/Shanghai) of the start, type and whether it is thematic (a visit,
--   inspection, briefing or public meeting with a theme): the activities, the voters received, the deputies
--   signed in.
-- station_reception: per station, deputy and month, how many receptions at the station the deputy signed in at
--   (进站履职参与率 asks whether a deputy on a station's roster came at all in the period).
create table duty_rollup (
    region_code varchar(12) not null,
    month       date not null,
    type        varchar(24) not null,
    thematic    boolean not null,
    activities  bigint not null,
    voters      bigint not null,
    signed_in   bigint not null,
    primary key (month, region_code, type, thematic)
);
comment on table duty_rollup is 'Derived from duty_activity and duty_activity_deputy by triggers; not backed up, rebuilt by a restore.';

create table station_reception (
    station_id uuid not null,
    deputy_id  uuid not null,
    month      date not null,
    signed_in  bigint not null,
    primary key (station_id, deputy_id, month)
);
comment on table station_reception is 'Derived from duty_activity and duty_activity_deputy by triggers; not backed up, rebuilt by a restore.';

-- The statements that add the signed rows of `source` to each table. (Statements, not functions doing it: a
-- trigger's transition tables are visible to the trigger function's own statements only.)
create function duty_rollup_add(source text) returns text language sql immutable as $$
  select 'insert into duty_rollup select region_code, month, type, thematic, sum(activities), sum(voters), sum(signed_in)
    from (' || source || ') x group by 1, 2, 3, 4
    having sum(activities) <> 0 or sum(voters) <> 0 or sum(signed_in) <> 0 order by 2, 1, 3, 4
    on conflict (month, region_code, type, thematic) do update set activities = duty_rollup.activities + excluded.activities,
      voters = duty_rollup.voters + excluded.voters, signed_in = duty_rollup.signed_in + excluded.signed_in'
$$;

create function station_reception_add(source text) returns text language sql immutable as $$
  select 'insert into station_reception select station_id, deputy_id, month, sum(n)
    from (' || source || ') x group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3
    on conflict (station_id, deputy_id, month) do update set signed_in = station_reception.signed_in + excluded.signed_in'
$$;

-- The key of duty_rollup for an activity `a`.
create function duty_rollup_key() returns text language sql immutable as $$
  select 'a.region_code, cast(date_trunc(''month'', a.start_at at time zone ''Asia/Shanghai'') as date) as month, a.type,
      (a.type in (''VISIT'', ''INSPECTION'', ''BRIEFING'', ''PUBLIC_MEETING'') and coalesce(a.theme, '''') <> '''') as thematic'
$$;

-- Activities `rows_` as rows of duty_rollup, with `sign`; their deputies signed in are counted when `children` (an
-- insert has none yet).
create function duty_activity_rows(rows_ text, sign int, children boolean) returns text language sql immutable as $$
  select 'select ' || duty_rollup_key() || ', ' || sign || ' as activities, ' || sign || ' * a.voters_received as voters, '
    || case when children then sign || ' * (select count(*) from duty_activity_deputy d where d.activity_id = a.id
      and d.attendance = ''SIGNED_IN'')' else '0' end || ' as signed_in from ' || rows_ || ' a'
$$;

-- Attendance `rows_` as rows of duty_rollup (the deputies signed in), for the activities they belong to.
create function duty_attendance_rows(rows_ text, sign int) returns text language sql immutable as $$
  select 'select ' || duty_rollup_key() || ', 0 as activities, 0 as voters, ' || sign
    || ' * (d.attendance = ''SIGNED_IN'')::int as signed_in from ' || rows_ || ' d join duty_activity a on a.id = d.activity_id'
$$;

-- The deputies signed in at receptions of the activities `rows_` (joined as a, their attendance as d) by station.
create function station_reception_rows(rows_ text, sign int) returns text language sql immutable as $$
  select 'select a.station_id, d.deputy_id, cast(date_trunc(''month'', a.start_at at time zone ''Asia/Shanghai'') as date) as month,
      ' || sign || ' as n from ' || rows_ || ' where a.type = ''RECEPTION'' and a.station_id is not null and d.attendance = ''SIGNED_IN'''
$$;

create function duty_activity_changed() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    execute duty_rollup_add(duty_activity_rows('new_rows', 1, false));
  else
    execute duty_rollup_add(duty_activity_rows('new_rows', 1, true) || ' union all ' || duty_activity_rows('old_rows', -1, true));
    execute station_reception_add(
      station_reception_rows('new_rows a join duty_activity_deputy d on d.activity_id = a.id', 1) || ' union all '
      || station_reception_rows('old_rows a join duty_activity_deputy d on d.activity_id = a.id', -1));
  end if;
  return null;
end $$;

-- Before each deleted activity goes, with the deputies it still has (a delete cascading to them comes after it,
-- and their own trigger no longer finds the activity, so they are counted out here).
create function duty_activity_deleting() returns trigger language plpgsql as $$
begin
  execute duty_rollup_add(duty_activity_rows('(select ($1).*)', -1, true)) using old;
  execute station_reception_add(station_reception_rows('(select ($1).*) a join duty_activity_deputy d on d.activity_id = a.id', -1))
    using old;
  return old;
end $$;

-- Attendance in, out or changed, counted for the activity it belongs to (if that is still there).
create function duty_attendance_changed() returns trigger language plpgsql as $$
declare
  joined text := ' d join duty_activity a on a.id = d.activity_id';
begin
  if tg_op = 'INSERT' then
    execute duty_rollup_add(duty_attendance_rows('new_rows', 1));
    execute station_reception_add(station_reception_rows('new_rows' || joined, 1));
  elsif tg_op = 'DELETE' then
    execute duty_rollup_add(duty_attendance_rows('old_rows', -1));
    execute station_reception_add(station_reception_rows('old_rows' || joined, -1));
  else
    execute duty_rollup_add(duty_attendance_rows('new_rows', 1) || ' union all ' || duty_attendance_rows('old_rows', -1));
    execute station_reception_add(station_reception_rows('new_rows' || joined, 1) || ' union all '
      || station_reception_rows('old_rows' || joined, -1));
  end if;
  return null;
end $$;

create function duty_rollup_truncated() returns trigger language plpgsql as $$
begin
  truncate duty_rollup, station_reception;
  return null;
end $$;

create trigger duty_rollup_insert after insert on duty_activity referencing new table as new_rows
  for each statement execute function duty_activity_changed();
create trigger duty_rollup_update after update on duty_activity referencing old table as old_rows new table as new_rows
  for each statement execute function duty_activity_changed();
create trigger duty_rollup_delete before delete on duty_activity
  for each row execute function duty_activity_deleting();
create trigger duty_rollup_truncate after truncate on duty_activity
  for each statement execute function duty_rollup_truncated();
create trigger duty_attendance_insert after insert on duty_activity_deputy referencing new table as new_rows
  for each statement execute function duty_attendance_changed();
create trigger duty_attendance_update after update on duty_activity_deputy referencing old table as old_rows new table as new_rows
  for each statement execute function duty_attendance_changed();
create trigger duty_attendance_delete after delete on duty_activity_deputy referencing old table as old_rows
  for each statement execute function duty_attendance_changed();

-- Starts again from the activities themselves (after changes made with triggers off, and here).
create function duty_rollup_rebuild() returns void language plpgsql as $$
begin
  lock table duty_activity, duty_activity_deputy in share mode;
  truncate duty_rollup, station_reception;
  execute duty_rollup_add(duty_activity_rows('duty_activity', 1, false) || ' union all '
    || duty_attendance_rows('duty_activity_deputy', 1));
  execute station_reception_add(station_reception_rows('duty_activity a join duty_activity_deputy d on d.activity_id = a.id', 1));
end $$;

select duty_rollup_rebuild();
