-- Issue 21: what 百色's summary describes at its stations.
--
-- A station's upgrade (提档升级, 标准化、规范化、信息化): the day it was done and the checklist it was done against,
-- one item a line.
alter table station add column upgraded_on date;
alter table station add column checklist varchar(2100) not null default '';

-- The professionals stationed at a station who are not deputies (进站驻点: 法官、检察官、律师、调解员), with the days
-- they are there. They carry the station's region (kept with it when the station moves) so that row-level security
-- keeps them to the station's scope, as V27_0 does for the station itself (co-building regions included).
create table station_member (
    id           uuid primary key,
    station_id   uuid not null references station (id) on delete cascade,
    region_code  varchar(12) not null references region (code),
    name         varchar(50) not null,
    kind         varchar(16) not null check (kind in ('JUDGE', 'PROSECUTOR', 'LAWYER', 'MEDIATOR', 'OTHER')),
    organisation varchar(100) not null,
    schedule     varchar(200),
    position     int not null,
    created_at   timestamptz not null
);
create index station_member_station_idx on station_member (station_id, position);
create index station_member_region_idx on station_member (region_code);
alter table station_member enable row level security;
create policy scoped on station_member using (region_code >= lianluo_scope_from() and region_code < lianluo_scope_to()
    or exists (select 1 from station_co_region c where c.station_id = station_member.station_id
        and lianluo_scope_covers(c.region_code)));

-- The stations an activity was held at (片区联络站、联合): one row per station, the first being duty_activity.station_id.
-- The activity itself stays one row, so that every figure counts it once. Station members who took part beside the
-- deputies. Both refer to the station module's records by id only.
create table duty_activity_station (
    activity_id uuid not null references duty_activity (id) on delete cascade,
    station_id  uuid not null,
    position    int not null,
    primary key (activity_id, station_id)
);
create index duty_activity_station_station_idx on duty_activity_station (station_id);
insert into duty_activity_station (activity_id, station_id, position)
select id, station_id, 0 from duty_activity where station_id is not null;

create table duty_activity_member (
    activity_id uuid not null references duty_activity (id) on delete cascade,
    member_id   uuid not null,
    position    int not null,
    primary key (activity_id, member_id)
);
create index duty_activity_member_idx on duty_activity_member (member_id);

do $$
declare
    child text;
begin
    foreach child in array array['duty_activity_station', 'duty_activity_member'] loop
        execute format('alter table %I enable row level security', child);
        execute format('create policy scoped on %I using (exists (select 1 from duty_activity p where p.id = %I.activity_id))'
                || ' with check (true)', child, child);
    end loop;
end $$;

-- The disputes resolved at activities (朔良镇's mediations) for the report: a small index of the few activities that
-- record any, so that their sum needs no pass over all activities.
create index duty_activity_disputes_idx on duty_activity (region_code, start_at) include (disputes_resolved)
    where disputes_resolved > 0;

-- The application's role (V27_0) reads and writes the new tables too: default privileges cover tables created by
-- the owner after V27_0, so nothing more to grant here.
