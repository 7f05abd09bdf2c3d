-- Who gave an opinion's grade: the citizen with the rating key (CITIZEN) or the office on its phone call-back
-- (FOLLOW_UP, 回访). Ratings made before this migration were all taken through the public endpoint: CITIZEN.
alter table opinion add column rated_by varchar(20);
update opinion set rated_by = 'CITIZEN' where grade is not null;

-- The office's call-backs are few: OpinionKpis counts them per region and year through this small index, and the
-- citizens' ratings as the rest of the rated ones (opinion_rollup.rated).
create index opinion_follow_up_idx on opinion (region_code, received_at) where rated_by = 'FOLLOW_UP';
