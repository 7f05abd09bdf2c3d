-- The opinion a proposal was drafted from (转化为代表建议), if any.
alter table proposal add column opinion_id uuid;
create index proposal_opinion_idx on proposal (opinion_id) where opinion_id is not null;
