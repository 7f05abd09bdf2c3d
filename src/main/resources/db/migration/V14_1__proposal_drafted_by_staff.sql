-- Staff who drafted a proposal on its lead deputy's behalf (e.g. from the paper form handed in at the session).
alter table proposal add column drafted_by varchar(64);
