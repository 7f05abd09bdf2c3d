-- Activities are indexed too (issue 22), their type standing as the status facet: LAW_ENFORCEMENT_CHECK is 21
-- characters, one more than the column held. Widening a varchar rewrites nothing.
alter table search_document alter column status type varchar(32);
