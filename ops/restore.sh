#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into a database that Lianluo's migrations have brought to the
# backup's schema version (start the same Lianluo version once against the new, empty database, then stop
# it). Everything in it is replaced, in one transaction: it all comes back or nothing does.
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
# What the migrations put in (regions, the calendar) makes way for the backup's rows. The audit log is
# append-only even against TRUNCATE, so the target must be a new database whose audit log is still empty.
filled=""
for t in $order; do
  [ "$(psql -XAtq -c "select exists (select 1 from $t)")" = "t" ] && filled="$filled${filled:+, }$t"
done
{
  echo "begin;"
  [ -n "$filled" ] && echo "truncate table $filled cascade;"
  for t in $order; do
    [ -f "$work/$t.csv" ] && echo "\\copy $t from '$work/$t.csv' with (format csv, header)"
  done
  echo "commit;"
} | psql -Xq -v ON_ERROR_STOP=1
echo "Restored $(echo "$order" | wc -w) tables at schema version $want"
