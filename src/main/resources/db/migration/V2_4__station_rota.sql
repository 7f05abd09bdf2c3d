-- The duty rota of a station: which deputy of its roster receives voters there on which day.
create table station_rota (
    station_id uuid not null references station (id) on delete cascade,
    day        date not null,
    deputy_id  uuid not null,
    primary key (station_id, day, deputy_id)
);
create index station_rota_day_idx on station_rota (day);
