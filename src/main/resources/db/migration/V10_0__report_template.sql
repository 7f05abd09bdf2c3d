-- The sentences around the figures of the annual report's documents (代表工作综述), as the office edited them.
-- No row: the application's default text (report/annual-template.txt) applies.
create table report_template (
    name       varchar(40) primary key,
    body       text not null,
    updated_by varchar(64) not null,
    updated_at timestamptz not null
);
