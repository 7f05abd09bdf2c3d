-- What a proposal that was not registered became (转为来信 or 参阅件), beside the reason (issue 21 point 7).
alter table proposal add column not_registered_as varchar(12)
    check (not_registered_as in ('LETTER', 'REFERENCE'));
