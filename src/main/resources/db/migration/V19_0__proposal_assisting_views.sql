-- The views (协办意见) each assisting unit sends the lead unit within 1 month of a LEAD + ASSISTING assignment: when
-- they are due and whether the sweep has warned the late units, and the views themselves, one per unit and round.
alter table proposal add column assisting_views_due timestamptz;
alter table proposal add column assisting_views_warned boolean not null default false;
create index proposal_assisting_views_due_idx on proposal (assisting_views_due)
    where assisting_views_due is not null and not assisting_views_warned;

create table proposal_assisting_view (
    id          uuid primary key,
    proposal_id uuid not null references proposal (id) on delete cascade,
    unit_id     uuid not null,
    text        text not null,
    at          timestamptz not null,
    actor       varchar(64),
    round       int not null,
    unique (proposal_id, unit_id, round)
);
