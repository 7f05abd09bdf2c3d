# Sourced by backup.sh and restore.sh: points psql (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) at
# Lianluo's database. Given PG* variables win; then SPRING_DATASOURCE_URL (jdbc:postgresql://host:port/db)
# with the owner of the tables, SPRING_FLYWAY_USER and _PASSWORD (the application's own role sees no rows outside a
# caller's scope, so a copy made as it would be empty), else SPRING_DATASOURCE_USERNAME and _PASSWORD; else the embedded server of LIANLUO_DATA_DIR (default
# ./data), whose port is the fourth line of postgres/postmaster.pid while it runs.
if [ -z "${PGPORT:-}" ] && [ -n "${SPRING_DATASOURCE_URL:-}" ]; then
  rest=${SPRING_DATASOURCE_URL#jdbc:postgresql://}
  hostport=${rest%%/*}
  db=${rest#*/}
  export PGHOST=${hostport%%:*}
  if [ "$hostport" != "$PGHOST" ]; then export PGPORT=${hostport##*:}; else export PGPORT=5432; fi
  export PGDATABASE=${db%%\?*}
  if [ -n "${SPRING_FLYWAY_USER:-}" ]; then
    export PGUSER=$SPRING_FLYWAY_USER
    [ -n "${SPRING_FLYWAY_PASSWORD:-}" ] && export PGPASSWORD=$SPRING_FLYWAY_PASSWORD
  else
    export PGUSER=${SPRING_DATASOURCE_USERNAME:-${PGUSER:-postgres}}
    [ -n "${SPRING_DATASOURCE_PASSWORD:-}" ] && export PGPASSWORD=$SPRING_DATASOURCE_PASSWORD
  fi
elif [ -z "${PGPORT:-}" ]; then
  pid="${LIANLUO_DATA_DIR:-./data}/postgres/postmaster.pid"
  if [ ! -f "$pid" ]; then
    echo "No database given and no embedded server running ($pid not found): start Lianluo, or set PGHOST/PGPORT or SPRING_DATASOURCE_URL." >&2
    exit 2
  fi
  export PGHOST=localhost PGPORT=$(sed -n 4p "$pid") PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
fi
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
command -v psql >/dev/null || { echo "psql is needed (Debian: apt-get install postgresql-client)." >&2; exit 2; }
