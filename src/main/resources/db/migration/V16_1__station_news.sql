-- The portal's station news (issue 7): the latest activities held at any station, for the home page.
create index duty_activity_station_news_idx on duty_activity (start_at desc) where station_id is not null;
