-- The higher congress and its session a delegation's proposal went to (e.g. 自治区十四届人大三次会议), issue 21 point 6.
alter table upward_proposal
    add column target_congress varchar(100),
    add column target_term     int check (target_term between 1 and 99),
    add column target_session  int check (target_session between 1 and 99);
