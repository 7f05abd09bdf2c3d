-- Issue 18: sessions and tokens end when what a user may do changes, and failed sign-ins cannot flood the audit.

-- Raised whenever a user's roles, region, links, password or enabled flag change; a screen session signed in
-- under another value has ended (checked on every request, so on every node).
alter table app_user add column security_version bigint not null default 0;

-- Repeated failed sign-ins from one address in one hour are one audit row that counts up: hits, and when the
-- last came. tally_key names the address and the hour; rows without it stay strictly append-only.
alter table audit_log add column hits int;
alter table audit_log add column last_at timestamptz;
alter table audit_log add column tally_key varchar(100);
create unique index audit_log_tally_idx on audit_log (tally_key) where tally_key is not null;
create index audit_log_region_idx on audit_log (region_code, at desc);

create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        -- a tally may only count up; nothing else of it changes
        if old.tally_key is not null and new.tally_key = old.tally_key and new.id = old.id and new.at = old.at
           and new.actor is not distinct from old.actor and new.action = old.action
           and new.target is not distinct from old.target and new.detail is not distinct from old.detail
           and new.address is not distinct from old.address and new.region_code is not distinct from old.region_code
           and new.hits > old.hits and new.last_at >= old.last_at then
            return new;
        end if;
    end if;
    raise exception 'audit_log is append-only';
end;
$$;
