-- The proposal's timeline is written by the writer both loops share (platform.casework.CaseTimeline), whose entries
-- may carry their note as a message key with its arguments, as the opinion's do since V28_1_0.
alter table proposal_event add column note_key varchar(100);
alter table proposal_event add column note_args text[];
