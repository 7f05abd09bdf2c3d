-- A proposal is always a list of unit parts (承办): one part for a proposal assigned to one unit (with its assisting
-- units), one per unit for a proposal assigned SEPARATE to several (分别办理). The table of the separately replying
-- units becomes the table of all parts; its row-level policy (V27_0) and the attachments' policy, which name the table
-- by its identity, follow it. The part of a proposal assigned to one unit has the proposal's id, so that the signed
-- reply documents already filed under the proposal are its part's.
alter table proposal_separate_unit rename to proposal_part;
alter index proposal_separate_unit_unit_idx rename to proposal_part_unit_idx;
alter index proposal_separate_unit_supervision_idx rename to proposal_part_supervision_idx;

-- The part of each proposal assigned to one unit, from the proposal's own columns, which from now on are written
-- from its parts (Handling.summarise) for the lists and figures that read them.
insert into proposal_part (id, proposal_id, unit_id, position, status, assigned_at, deadline, extension_months,
        extension_reason, extended, extension_notice, extension_noticed_at, reply_class, reply_text, replied_at,
        replied_without_contact, replied_on_time, reply_public, grade, grade_comment, rated_at, rehandling_count,
        closed_at, supervision_level, next_supervision_at)
select p.id, p.id, p.lead_unit_id, 0, p.status, p.assigned_at, p.deadline, p.extension_months, p.extension_reason,
        p.extended, p.extension_notice, p.extension_noticed_at, p.reply_class, p.reply_text, p.replied_at,
        p.replied_without_contact, p.replied_on_time, p.reply_public, p.grade, p.grade_comment, p.rated_at,
        p.rehandling_count, p.closed_at, p.supervision_level, p.next_supervision_at
from proposal p
where p.lead_unit_id is not null;

-- What the figures, the board, the letters and the supervision sweep read as the separately replying units: the parts
-- of proposals that have several. Read with the reader's own row-level scope.
create view proposal_separate_unit with (security_invoker = true) as
    select s.* from proposal_part s
    where (select count(*) from proposal_part o where o.proposal_id = s.proposal_id) > 1;
