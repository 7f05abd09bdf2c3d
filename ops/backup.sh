#!/usr/bin/env bash
# Backs up Lianluo's database into one file: every table (attachments included, they are bytea rows) as
# CSV, read in one repeatable-read snapshot while the application runs, and the Flyway version of the
# schema. Usage: ops/backup.sh lianluo-2026-11-29.tar.gz   (connection: see ops/connection.sh)
#
# Why not pg_dump: it must be of the server's major version or newer, and the embedded server is
# PostgreSQL 17 while Debian 12 ships pg_dump 15. psql of any version can copy rows; the schema comes
# from Lianluo's own migrations at restore. With an external server and a matching pg_dump,
# `pg_dump -Fc` works as well.
set -euo pipefail
out=${1:?usage: ops/backup.sh <file.tar.gz>}
. "$(dirname "$0")/connection.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql -XAtq -v ON_ERROR_STOP=1 -c "select version from flyway_schema_history where success and version is not null
  order by installed_rank desc limit 1" > "$work/schema-version"
# Tables derived by triggers from others (their comment says so: the opinion loop's monthly sums) are left out:
# restoring their sources rebuilds them, and restoring them too would count everything twice.
tables=$(psql -XAtq -v ON_ERROR_STOP=1 -c "select tablename from pg_tables where schemaname = current_schema()
  and tablename <> 'flyway_schema_history'
  and coalesce(obj_description(format('%I.%I', schemaname, tablename)::regclass, 'pg_class'), '') not like 'Derived%'
  order by 1")
{
  echo "begin transaction isolation level repeatable read read only;"
  for t in $tables; do
    echo "\\copy $t to '$work/$t.csv' with (format csv, header)"
  done
  echo "commit;"
} | psql -Xq -v ON_ERROR_STOP=1
tar -czf "$out" -C "$work" .
echo "Backed up $(echo "$tables" | wc -w) tables at schema version $(cat "$work/schema-version") to $out"
