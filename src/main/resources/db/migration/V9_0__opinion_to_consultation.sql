-- 纳入立法参考: an opinion about a draft law becomes a comment on that draft's consultation, and each knows the other.
alter table opinion add column consultation_id uuid references consultation (id);
alter table consultation_comment add column opinion_id uuid references opinion (id);
create unique index consultation_comment_opinion_idx on consultation_comment (opinion_id) where opinion_id is not null;
