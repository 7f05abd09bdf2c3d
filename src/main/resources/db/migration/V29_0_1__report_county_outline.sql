-- A city's county outlines for the dashboards' maps (issue 22), uploaded by a city administrator as GeoJSON. Without
-- a row the outlines shipped with Lianluo serve (data/maps). Reference data of the whole installation, like the
-- calendar: read by every screen, changed only by the city's administrators, so it needs no region policy.
create table report_county_outline (
    city_code    varchar(12) primary key references region (code),
    geojson      text not null,
    counties     int not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz not null
);
