-- Region scope enforced by PostgreSQL (issue 18): whatever a query forgets, a connection sees only the rows of the
-- caller's region and below. The application connects as a role that is neither superuser nor owner of these tables
-- (${appRole}); this migration, like all others, runs as the owner, which row-level security does not limit.
--
-- On each checkout of a connection the application sets `lianluo.region` (platform.ScopedDataSource):
--   '*'          the named system scopes (sweeps, senders, folds, the demo load) and the public pages;
--   a prefix     a signed-in user: the region codes of their subtree start with it ('451022' for 田东县);
--   '' or unset  nobody: no rows at all, so a connection used outside any scope fails closed.
--
-- A caller's rows are a range of region codes, from the prefix up to the next prefix ('451022' to '451023'), so that
-- the policy itself is an index condition on each table's region index. (The application's own region filters, LIKE
-- or left(), are not leakproof: PostgreSQL evaluates them after the policy and may not use them in an index.)
create function lianluo_scope_from() returns text language sql stable parallel safe as $$
    select case coalesce(current_setting('lianluo.region', true), '')
        when '*' then ''
        when '' then 'z'
        else current_setting('lianluo.region', true)
    end
$$;

create function lianluo_scope_to() returns text language sql stable parallel safe as $$
    select case coalesce(current_setting('lianluo.region', true), '')
        when '*' then 'z'
        when '' then ''
        else lpad((current_setting('lianluo.region', true)::numeric + 1)::text, length(current_setting('lianluo.region', true)), '0')
    end
$$;

create function lianluo_scope_covers(code text) returns boolean language sql stable parallel safe as $$
    select code >= lianluo_scope_from() and code < lianluo_scope_to()
        or code is null and current_setting('lianluo.region', true) = '*'
$$;

-- Records that carry their region: read and written inside the scope only.
do $$
declare
    t text;
begin
    foreach t in array array['opinion', 'proposal', 'upward_proposal', 'duty_activity', 'duty_contact_plan', 'duty_contact',
            'consultation', 'deputy', 'handling_unit', 'app_user', 'opinion_rollup', 'opinion_rollup_delta', 'duty_rollup'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy scoped on %I using (region_code >= lianluo_scope_from() and region_code < lianluo_scope_to())', t);
    end loop;
end $$;

-- Not search_document: it holds no personal data, its queries filter by region as before, and under a policy its
-- text and trigram indexes could not be used (the match operators are not leakproof), so every search would read a
-- region's documents one by one.

-- A station is also seen from the regions it serves beside its own (跨区域联络站).
alter table station enable row level security;
create policy scoped on station using (region_code >= lianluo_scope_from() and region_code < lianluo_scope_to()
    or exists (select 1 from station_co_region c where c.station_id = station.id and lianluo_scope_covers(c.region_code)));

-- Rows written on behalf of others (the audit of any caller, a message or delivery for anyone): anyone may add them,
-- only the scope that holds them may read them. Rows without a region are the whole installation's.
alter table audit_log enable row level security;
create policy scoped on audit_log using (lianluo_scope_covers(region_code)) with check (true);
alter table notification_delivery enable row level security;
create policy scoped on notification_delivery using (lianluo_scope_covers(region_code)) with check (true);
alter table notification_message enable row level security;
create policy scoped on notification_message using (exists (select 1 from app_user u where u.id = recipient_id)) with check (true);

-- The parts of a record are seen with the record; they are written by the record's own commands, which read it first.
do $$
declare
    child record;
begin
    for child in select * from (values
            ('opinion_event', 'opinion', 'opinion_id'), ('opinion_assisting_unit', 'opinion', 'opinion_id'),
            ('opinion_deputy', 'opinion', 'opinion_id'), ('proposal_cosigner', 'proposal', 'proposal_id'),
            ('proposal_assisting_unit', 'proposal', 'proposal_id'), ('proposal_contact', 'proposal', 'proposal_id'),
            ('proposal_event', 'proposal', 'proposal_id'), ('proposal_reply', 'proposal', 'proposal_id'),
            ('proposal_separate_unit', 'proposal', 'proposal_id'), ('proposal_assisting_view', 'proposal', 'proposal_id'),
            ('consultation_comment', 'consultation', 'consultation_id'), ('duty_activity_deputy', 'duty_activity', 'activity_id'),
            ('duty_activity_opinion', 'duty_activity', 'activity_id'), ('station_deputy', 'station', 'station_id'))
            as c (child, parent, fk) loop
        execute format('alter table %I enable row level security', child.child);
        execute format('create policy scoped on %I using (exists (select 1 from %I p where p.id = %I.%I)) with check (true)',
                child.child, child.parent, child.child, child.fk);
    end loop;
end $$;

-- Files are seen with what they belong to: what a citizen sent with an opinion, a unit's signed reply to a proposal.
-- Activity photos and their thumbnails are shown on the stations' public pages.
alter table attachment enable row level security;
create policy scoped on attachment using (case owner_type
        when 'opinion' then exists (select 1 from opinion o where o.id = owner_id)
        when 'proposal-reply' then exists (select 1 from proposal p where p.id = owner_id)
            or exists (select 1 from proposal_separate_unit s where s.id = owner_id)
        else true
    end) with check (true);

-- The sums are kept by triggers for every region above a record, also those outside the writer's scope: the trigger
-- functions run as their owner.
do $$
declare
    f text;
begin
    foreach f in array array['opinion_rollup_added()', 'opinion_rollup_updated()', 'opinion_rollup_truncated()',
            'opinion_rollup_rebuild()', 'duty_activity_changed()', 'duty_activity_deleting()', 'duty_attendance_changed()',
            'duty_rollup_truncated()', 'duty_rollup_rebuild()'] loop
        execute format('alter function %s security definer set search_path from current', f);
    end loop;
end $$;

-- The application's role, where the installation has one (the embedded server always does; README: an external
-- server): it reads and writes rows, and owns nothing.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${appRole}');
        execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), '${appRole}');
        execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), '${appRole}');
        execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                current_schema(), '${appRole}');
        execute format('alter default privileges in schema %I grant usage, select on sequences to %I', current_schema(), '${appRole}');
    end if;
end $$;
