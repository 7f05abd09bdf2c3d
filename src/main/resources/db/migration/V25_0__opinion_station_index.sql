-- A deputy's opinions are those they received and those said at a station whose roster they are on: the second
-- half of that list (OpinionQueries.list) finds a station's opinions, newest first, here.
create index opinion_station_idx on opinion (station_id, received_at desc) where station_id is not null;
