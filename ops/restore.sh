#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into a new database that Lianluo's migrations have brought to the
# backup's schema version (start the same Lianluo version once against the new, empty database, then stop
# it). Everything in it is replaced, in one transaction: it all comes back or nothing does. Run it as the
# tables' owner (ops/connection.sh prefers the Flyway user).
# Usage: ops/restore.sh lianluo-2026-11-29.tar.gz   (connection: see ops/connection.sh)
set -euo pipefail
in=${1:?usage: ops/restore.sh <file.tar.gz>}
. "$(dirname "$0")/connection.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$in" -C "$work"

want=$(cat "$work/schema-version")
have=$(psql -XAtq -c "select version from flyway_schema_history where success and version is not null
  order by installed_rank desc limit 1" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "The backup is of schema version $want, the database is at '${have:-none}': start the matching Lianluo once against it first." >&2
  exit 3
fi
# Parents before children, so that every foreign key holds as the rows arrive.
order=$(psql -XAtq -v ON_ERROR_STOP=1 -c "
  with recursive fk as (
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and c.conrelid <> c.confrelid and n.nspname = current_schema()),
  depth(t, d) as (
    select tablename::text, 0 from pg_tables where schemaname = current_schema()
    union all select fk.child, depth.d + 1 from fk join depth on fk.parent = depth.t where depth.d < 50)
  select t from depth where t <> 'flyway_schema_history' group by t order by max(d), t")
# Only a new database: one that the first start prepared (regions, the calendar, the first administrator and
# its audit entry) and nobody has used. A database holding records is never overwritten.
used=$(psql -XAtq -v ON_ERROR_STOP=1 -c "select (select count(*) from opinion) + (select count(*) from proposal)
  + (select count(*) from deputy) + (select count(*) from station) + (select count(*) from app_user) - 1")
if [ "$used" -gt 0 ]; then
  echo "The database already holds records: restore only into a new database that Lianluo has started on once." >&2
  exit 4
fi
# What the migrations and the first start put in makes way for the backup's rows. The audit log is
# append-only even against TRUNCATE; its guard steps aside for this one transaction only, as the owner may.
filled=""
for t in $order; do
  [ "$(psql -XAtq -c "select exists (select 1 from $t)")" = "t" ] && filled="$filled${filled:+, }$t"
done
{
  echo "begin;"
  echo "alter table audit_log disable trigger audit_log_no_truncate;"
  [ -n "$filled" ] && echo "truncate table $filled cascade;"
  echo "alter table audit_log enable trigger audit_log_no_truncate;"
  for t in $order; do
    [ -f "$work/$t.csv" ] && echo "\\copy $t from '$work/$t.csv' with (format csv, header)"
  done
  echo "commit;"
} | psql -Xq -v ON_ERROR_STOP=1
echo "Restored $(echo "$order" | wc -w) tables at schema version $want"
