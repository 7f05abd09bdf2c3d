-- The opinions collected during an activity (each a new opinion of the opinion loop, which owns it) in the
-- order they were handed in. Photos of an activity are attachments (owner type 'activity').
create table duty_activity_opinion (
    activity_id uuid not null references duty_activity (id) on delete cascade,
    opinion_id  uuid not null,
    position    int not null,
    primary key (activity_id, opinion_id)
);
create index duty_activity_opinion_opinion_idx on duty_activity_opinion (opinion_id);
