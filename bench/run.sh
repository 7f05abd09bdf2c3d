#!/usr/bin/env bash
# Benchmarks of Lianluo's opinion loop, each next to its ceiling measured in the same run (BENCHMARKS.md).
#
#   bash bench/run.sh                     # 3 rounds of 20 s per figure, 16 connections
#   BENCH_SECONDS=5 BENCH_ROUNDS=1 bash bench/run.sh   # a quick try while developing
#
# Starts the jar (built if missing) on a fresh temporary data directory and a free port, waits for
# /actuator/health, and then, in each round, measures one after the other:
#   intake    wrk POST /api/v1/public/opinions (bench/intake.lua: varied opinions, Idempotency-Key, half with
#             name and phone)
#   ceiling   pgbench on the SAME embedded PostgreSQL: one INSERT of an opinion-shaped row per transaction
#             (bench/ceiling.sql into bench_opinion, `like opinion including all`), synchronous_commit=on
#   liveness  wrk GET /actuator/health/liveness, the trivial endpoint of the same server
#   tracking  wrk GET /api/v1/public/opinions/{code} over codes collected by the intake runs (bench/track.lua)
#   cases     bench/cases.py: whole cases per second (intake, find, assign, accept, reply, review, evaluate)
# During every HTTP figure it samples the app's memory each second (jstat: heap used and committed; /proc:
# resident set) and prints the largest values per figure, and the JVM's peak resident set at the end.
# The figures are interleaved round by round, so that the machine's noise falls on all of them alike; the
# ratios are taken within each round, and medians are quoted. For each HTTP figure it also measures the CPU
# time the server used per request (the app's JVM, and every process of its PostgreSQL), which moves much
# less than the rates when other work shares the machine.
#
# Prints a table, appends the raw numbers to bench/results-<UTC date>.txt and stops the app. Traffic goes
# to 127.0.0.1 only, and every run is bounded in time.
#
# Settings (environment): BENCH_SECONDS (20), BENCH_ROUNDS (3), BENCH_CONNECTIONS (16, for wrk, pgbench
# and the case driver's threads), BENCH_WARMUP (15 s of intake and 5 s of each other figure first),
# BENCH_JAR (target/lianluo-*.jar), BENCH_RESULTS (the results file), BENCH_KEEP=1 keeps the temporary data
# directory.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECS=${BENCH_SECONDS:-20}
ROUNDS=${BENCH_ROUNDS:-3}
CONNS=${BENCH_CONNECTIONS:-16}
WARMUP=${BENCH_WARMUP:-15}
WRK_THREADS=2
RESULTS=${BENCH_RESULTS:-"$ROOT/bench/results-$(date -u +%F).txt"}

say() { printf '%s %s\n' "$(date -u +%T)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------------
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v pgbench >/dev/null && command -v psql >/dev/null || need_apt+=(postgresql-client)
if ((${#need_apt[@]})); then
	say "installing ${need_apt[*]}"
	apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${need_apt[@]}" >/dev/null; }
fi
for t in java python3 wrk pgbench psql unzip; do command -v $t >/dev/null || die "$t is missing"; done
PY=$(python3 -c 'import sys; print(sys.executable)')   # the interpreter itself, not a shim

# --- the jar -----------------------------------------------------------------------------------------
# The reference data (region codes, holidays) must be in the jar or the first migration fails. While the
# repository's .gitignore line `data/` also hides src/main/resources/data/, a fresh clone lacks those files:
# take them from the shared design folder, where their sources are documented (data/SOURCES.md).
if [[ ! -f src/main/resources/data/regions-451000.csv ]]; then
	for shared in ../shared/data "$ROOT/../shared/data"; do
		if [[ -f $shared/regions-451000.csv ]]; then
			say "WARNING: src/main/resources/data/ is missing (ignored by .gitignore's 'data/'); copying it from $shared"
			mkdir -p src/main/resources/data
			cp "$shared"/regions-451000.csv "$shared"/holidays-cn.csv src/main/resources/data/
			[[ -f $shared/SOURCES.md ]] && cp "$shared"/SOURCES.md src/main/resources/data/
			rm -f target/lianluo-*.jar
			break
		fi
	done
fi
JAR=${BENCH_JAR:-$(ls target/lianluo-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [[ -n $JAR ]] && ! unzip -Z1 "$JAR" BOOT-INF/classes/data/regions-451000.csv >/dev/null 2>&1; then
	say "$JAR lacks the reference data; building it again"
	rm -f "$JAR"
	JAR=
fi
if [[ -z $JAR ]]; then
	say "building the jar"
	./mvnw -B -o -q package -DskipTests || ./mvnw -B -q package -DskipTests
	JAR=$(ls target/lianluo-*.jar | grep -v original | head -1)
fi

# --- start the app -----------------------------------------------------------------------------------
DATA=$(mktemp -d /tmp/lianluo-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ADMIN_PW="bench-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
BASE="http://127.0.0.1:$PORT"
APP_PID=
PG_PID=

stop_app() {
	if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
		say "stopping the app (pid $APP_PID)"
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 90); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
		kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID" 2>/dev/null || true
	fi
	# the app's shutdown hook stops its PostgreSQL; if it did not, stop that postmaster (fast shutdown)
	if [[ -n $PG_PID ]] && kill -0 "$PG_PID" 2>/dev/null; then
		kill -INT "$PG_PID" 2>/dev/null || true
		for _ in $(seq 1 20); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.5; done
	fi
	if [[ ${BENCH_KEEP:-0} == 1 ]]; then
		say "kept $DATA"
	else
		rm -rf "$DATA"
	fi
}
trap stop_app EXIT
trap 'exit 130' INT TERM

say "starting $JAR on port $PORT, data in $DATA"
# The load comes from one address (this machine) at hundreds of submissions a second, as a partner system's
# gateway would send them: such an address is exempt from the public submission limits (SubmissionGuard).
LIANLUO_DATA_DIR=$DATA SERVER_PORT=$PORT LIANLUO_ADMIN_PASSWORD=$ADMIN_PW LIANLUO_SUBMISSIONGUARD_EXEMPTADDRESSES=127.0.0.1,::1 \
	nohup java -jar "$JAR" >"$DATA/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 240); do
	curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
	kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$DATA/app.log" >&2; die "the app exited"; }
	((i == 240)) && { tail -40 "$DATA/app.log" >&2; die "no health UP after 240 s"; }
	sleep 1
done
PG_PID=$(head -1 "$DATA/postgres/postmaster.pid")
PG_PORT=$(sed -n 4p "$DATA/postgres/postmaster.pid")
say "app up (pid $APP_PID) after ${i} s; its PostgreSQL: pid $PG_PID, port $PG_PORT"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAtX)
"${PSQL[@]}" -c "create table bench_opinion (like opinion including all)"

# --- measuring helpers -------------------------------------------------------------------------------
TICK=$(getconf CLK_TCK)
# CPU seconds so far of the app's JVM and of its PostgreSQL (the postmaster, its live children, and the
# children it has already reaped: utime+stime+cutime+cstime)
cpu() {
	local app pg c v
	app=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
	pg=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$PG_PID/stat")
	# (a backend may exit between pgrep and reading its file: then it is skipped, its time is in the postmaster's)
	for c in $(pgrep -P "$PG_PID"); do
		v=$(awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null) && pg=$((pg + v)) || true
	done
	awk -v tick="$TICK" -v a="$app" -v p="$pg" 'BEGIN { printf "%.2f %.2f\n", a / tick, p / tick }'
}
# per NAME: milliseconds of CPU per operation from two cpu() readings and a count
per_op() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.3f", (b - a) * 1000 / n }'; }

# The app's memory while a figure runs: jstat samples the JVM's heap every second (it reads the JVM's
# hsperfdata file; it does not stop the JVM), and a shell loop samples the process's resident set
# (VmRSS in /proc/<pid>/status). mem_start before a run, mem_stop NAME ROUND after it records
# "heap used max MB, heap committed max MB, RSS max MB" and the samples' count.
MEM_DIR=$(mktemp -d)
mem_start() {
	jstat -gc "$APP_PID" 1000 >"$MEM_DIR/jstat" 2>/dev/null &
	JSTAT_PID=$!
	(while kill -0 "$APP_PID" 2>/dev/null; do awk '/^VmRSS:/{print $2}' "/proc/$APP_PID/status"; sleep 1; done) >"$MEM_DIR/rss" 2>/dev/null &
	RSS_PID=$!
}
mem_stop() {
	kill "$JSTAT_PID" "$RSS_PID" 2>/dev/null || true
	wait "$JSTAT_PID" "$RSS_PID" 2>/dev/null || true
	[[ $2 == warmup ]] && return
	# heap used = survivor + eden + old used; committed = the same capacities (kB in jstat's columns)
	MEM[$1,$2]=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		$1 ~ /^[0-9.]+$/ {
			u = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; c = $col["S0C"] + $col["S1C"] + $col["EC"] + $col["OC"]
			if (u > mu) mu = u; if (c > mc) mc = c; n++ }
		END { printf "%.0f %.0f %d", mu / 1024, mc / 1024, n }' "$MEM_DIR/jstat")
	MEM[$1,$2]+=" $(sort -n "$MEM_DIR/rss" | tail -1 | awk '{ printf "%.0f", $1 / 1024 }')"
	echo "memory during $1 round $2: heap used max, heap committed max, RSS max (MB), jstat samples: ${MEM[$1,$2]}" >>"$RAW"
}

declare -A RATE CPUAPP CPUPG P50 P99 ERRS MEM
RAW=$(mktemp)
CODES=$DATA/codes.txt

# wrk_run NAME ROUND URL [SCRIPT] [DURATION]: one wrk run; records rate, latency and CPU per request
wrk_run() {
	local name=$1 round=$2 url=$3 script=${4:-} dur=${5:-$SECS} out before after
	out=$(mktemp)
	mem_start
	before=$(cpu)
	BENCH_CODES=$CODES wrk -t"$WRK_THREADS" -c"$CONNS" -d"${dur}s" --timeout 10s --latency ${script:+-s "$script"} "$url" >"$out" 2>&1 || true
	after=$(cpu)
	mem_stop "$name" "$round"
	local rate n errs
	rate=$(awk '/^Requests\/sec:/{print $2}' "$out")
	n=$(awk '/requests in/{print $1}' "$out")
	errs=$(awk '/Non-2xx or 3xx responses:/{e+=$NF} /Socket errors:/{gsub(",","");e+=$4+$6+$8+$10} END{print e+0}' "$out")
	[[ -n $rate && -n $n && $n -gt 0 ]] || { cat "$out" >&2; die "wrk $name gave no figure"; }
	if [[ $round != warmup ]]; then
		RATE[$name,$round]=$rate
		ERRS[$name,$round]=$errs
		P50[$name,$round]=$(awk '$1=="50%"{print $2}' "$out")
		P99[$name,$round]=$(awk '$1=="99%"{print $2}' "$out")
		read -r a0 p0 <<<"$before"
		read -r a1 p1 <<<"$after"
		CPUAPP[$name,$round]=$(per_op "$a0" "$a1" "$n")
		CPUPG[$name,$round]=$(per_op "$p0" "$p1" "$n")
		{ echo "## $name round $round"; cat "$out"; echo "server CPU: app ${CPUAPP[$name,$round]} ms/request, postgres ${CPUPG[$name,$round]} ms/request"; } >>"$RAW"
	fi
	say "$name ($round): $rate requests/s, $n requests, $errs errors"
	((errs == 0)) || say "WARNING: $name had $errs failed responses"
	rm -f "$out"
}

# pg_run ROUND [DURATION]: pgbench, one opinion-shaped INSERT per transaction, synchronous_commit on
pg_run() {
	local round=$1 dur=${2:-$SECS} out before after
	out=$(mktemp)
	before=$(cpu)
	PGOPTIONS='-c synchronous_commit=on' pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared \
		-c "$CONNS" -j "$WRK_THREADS" -T "$dur" -f "$ROOT/bench/ceiling.sql" postgres >"$out" 2>&1 || true
	after=$(cpu)
	local tps n
	tps=$(awk '/^tps = /{print $3}' "$out")
	n=$(awk '/number of transactions actually processed/{print $NF}' "$out")
	[[ -n $tps ]] || { cat "$out" >&2; die "pgbench gave no figure"; }
	if [[ $round != warmup ]]; then
		RATE[ceiling,$round]=$tps
		ERRS[ceiling,$round]=$(awk '/number of failed transactions/{print $5}' "$out")
		read -r a0 p0 <<<"$before"
		read -r a1 p1 <<<"$after"
		CPUPG[ceiling,$round]=$(per_op "$p0" "$p1" "$n")
		{ echo "## ceiling round $round"; cat "$out"; echo "server CPU: postgres ${CPUPG[ceiling,$round]} ms/transaction"; } >>"$RAW"
	fi
	say "ceiling ($round): $tps inserts/s"
	rm -f "$out"
}

# case_run ROUND [DURATION] [WARMUP]: whole cases per second with bench/cases.py
case_run() {
	local round=$1 dur=${2:-$SECS} warm=${3:-0} out js before after
	out=$(mktemp)
	js=$(mktemp)
	mem_start
	before=$(cpu)
	"$PY" "$ROOT/bench/cases.py" --url "$BASE" --admin-password "$ADMIN_PW" --threads "$CONNS" \
		--seconds "$dur" --runs 1 --warmup "$warm" --json "$js" --setup-file "$DATA/cases-setup.json" >"$out" 2>&1 || { cat "$out" >&2; die "cases.py failed"; }
	after=$(cpu)
	mem_stop cases "$round"
	if [[ $round != warmup ]]; then
		local n rate errs steps
		read -r rate errs n steps < <("$PY" -c "import json; j = json.load(open('$js')); print(j['median_cases_per_s'], sum(r['errors'] for r in j['runs']), sum(r['cases'] for r in j['runs']), ' '.join(f'{k} {v}' for k, v in j['median_step_ms'].items()))")
		RATE[cases,$round]=$rate
		ERRS[cases,$round]=$errs
		P50[cases,$round]=$steps
		read -r a0 p0 <<<"$before"
		read -r a1 p1 <<<"$after"
		CPUAPP[cases,$round]=$(per_op "$a0" "$a1" "$n")
		CPUPG[cases,$round]=$(per_op "$p0" "$p1" "$n")
		{ echo "## cases round $round"; cat "$out"; cat "$js"; echo; echo "server CPU: app ${CPUAPP[cases,$round]} ms/case, postgres ${CPUPG[cases,$round]} ms/case"; } >>"$RAW"
	fi
	say "cases ($round): $(grep -E '^run 1' "$out" || tail -1 "$out")"
	rm -f "$out" "$js"
}

# --- warm-up (not counted) ---------------------------------------------------------------------------
# the case driver's unit, users and tokens, made once (password hashing is not part of a case)
"$PY" "$ROOT/bench/cases.py" --url "$BASE" --admin-password "$ADMIN_PW" --runs 0 --warmup 0 \
	--setup-file "$DATA/cases-setup.json" || die "cases.py could not set up its users"
if ((WARMUP > 0)); then
	say "warm-up: ${WARMUP} s of intake, 5 s of each other figure"
	wrk_run intake warmup "$BASE/api/v1/public/opinions" "$ROOT/bench/intake.lua" "$WARMUP"
	pg_run warmup 5
	wrk_run liveness warmup "$BASE/actuator/health/liveness" "" 5
	wrk_run tracking warmup "$BASE" "$ROOT/bench/track.lua" 5
	case_run warmup 5 0
fi

# --- the rounds --------------------------------------------------------------------------------------
for r in $(seq 1 "$ROUNDS"); do
	say "round $r of $ROUNDS (${SECS} s per figure, $CONNS connections)"
	wrk_run intake "$r" "$BASE/api/v1/public/opinions" "$ROOT/bench/intake.lua"
	pg_run "$r"
	wrk_run liveness "$r" "$BASE/actuator/health/liveness"
	wrk_run tracking "$r" "$BASE" "$ROOT/bench/track.lua"
	case_run "$r"
done
ROWS=$("${PSQL[@]}" -c "select count(*) from opinion")
PEAK_RSS=$(awk '/^VmHWM:/{ printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status")
MAX_HEAP=$(jcmd "$APP_PID" VM.flags 2>/dev/null | grep -oE 'MaxHeapSize=[0-9]+' | awk -F= '{ printf "%.0f", $2 / 1048576 }' || true)
MEM_LINE="app JVM: max heap ${MAX_HEAP:-?} MB (the JVM's default, a quarter of the machine's $(free -m | awk '/^Mem:/{print $2}') MB), peak resident set over its whole life (VmHWM) $PEAK_RSS MB"
# the staff search that step 2 of a case makes (OpinionQueries.list with q = a tracking code, its count query)
CODE=$(sed -n 1p "$CODES")
FIND_PLAN=$("${PSQL[@]}" -c "explain (analyze, costs off) select count(*) from opinion o where o.region_code like '4510%' and o.tracking_code = '$CODE'")
SCAN=$(grep -oE '(Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan)[^(]*' <<<"$FIND_PLAN" | sed -n '1s/ *$//p' || true)
FIND_LINE="staff search by tracking code, count query at $ROWS opinions: $SCAN, $(grep -oE 'Execution Time: [0-9.]+ ms' <<<"$FIND_PLAN" || true)"
SETTINGS=$("${PSQL[@]}" -c "select string_agg(name || '=' || setting, ' ' order by name) from pg_settings where name in ('fsync','synchronous_commit','shared_buffers','max_connections')")

# --- the table ---------------------------------------------------------------------------------------
TABLE=$(
	for k in "${!RATE[@]}"; do echo "RATE $k ${RATE[$k]}"; done
	for k in "${!CPUAPP[@]}"; do echo "CPUAPP $k ${CPUAPP[$k]}"; done
	for k in "${!CPUPG[@]}"; do echo "CPUPG $k ${CPUPG[$k]}"; done
	for k in "${!P50[@]}"; do echo "P50 $k ${P50[$k]}"; done
	for k in "${!P99[@]}"; do echo "P99 $k ${P99[$k]}"; done
	for k in "${!ERRS[@]}"; do echo "ERRS $k ${ERRS[$k]}"; done
	for k in "${!MEM[@]}"; do echo "MEM $k ${MEM[$k]}"; done
)
REPORT=$("$PY" - "$ROUNDS" <<EOF
import statistics, sys
rounds = int(sys.argv[1])
d = {}
for line in """$TABLE""".splitlines():
    kind, key, *val = line.split(" ")
    name, r = key.split(",")
    d.setdefault(kind, {}).setdefault(name, {})[int(r)] = " ".join(val)
def rates(n): return [float(d["RATE"][n][r]) for r in range(1, rounds + 1)]
def med(xs): return statistics.median(xs)
def to_ms(v):
    for suffix, factor in (("us", 0.001), ("ms", 1), ("s", 1000), ("m", 60000)):
        if v.endswith(suffix):
            x = float(v[: -len(suffix)]) * factor
            return f"{x:.1f}" if x < 100 else f"{x:.0f}"
    return v
def per_round_ratio(a, b): return med([float(d["RATE"][a][r]) / float(d["RATE"][b][r]) for r in range(1, rounds + 1)])
def cpu(n):
    a = d.get("CPUAPP", {}).get(n); p = d.get("CPUPG", {}).get(n)
    fa = f"{med([float(v) for v in a.values()]):.2f}" if a else "-"
    fp = f"{med([float(v) for v in p.values()]):.2f}" if p else "-"
    return fa, fp
rows = [
    ("intake", "POST /api/v1/public/opinions", "req/s", "ceiling", "of the ceiling"),
    ("ceiling", "pgbench: 1 opinion-shaped INSERT per transaction", "tx/s", None, ""),
    ("liveness", "GET /actuator/health/liveness", "req/s", None, ""),
    ("tracking", "GET /api/v1/public/opinions/{code}", "req/s", "liveness", "of liveness"),
    ("cases", "whole cases, 7 calls each (bench/cases.py)", "cases/s", None, ""),
]
print(f"{'figure':<9} {'what':<52} {'runs':<24} {'median':>9}  {'ratio (median of the rounds)':<44} {'server CPU ms/op':<16} {'p50/p99 ms':<12} errors")
for n, what, unit, ceil, label in rows:
    rs = rates(n)
    ratio = f"{per_round_ratio(n, ceil) * 100:.1f} % {label}" if ceil else ""
    if n == "intake":
        ratio += f", {per_round_ratio(n, 'liveness') * 100:.1f} % of liveness"
    a, p = cpu(n)
    lat = ""
    if n in d.get("P99", {}):
        mid = 2 if rounds >= 2 else 1
        lat = f"{to_ms(d['P50'][n][mid])}/{to_ms(d['P99'][n][mid])}"
    errs = sum(int(float(v)) for v in d["ERRS"][n].values())
    print(f"{n:<9} {what:<52} {' '.join(f'{x:.1f}' for x in rs):<24} {med(rs):>9.1f}  {ratio:<44} {a + '+' + p:<16} {lat:<12} {errs}")
print("(rates in requests, transactions or cases a second; server CPU = the app's JVM + its PostgreSQL per operation;")
print(" p50/p99 = wrk's latency percentiles in the middle round)")
print()
print("cases: median latency per step in ms (round " + str(2 if rounds >= 2 else 1) + "): " + d["P50"]["cases"][2 if rounds >= 2 else 1])
for n in ("intake", "tracking", "cases"):
    vals = [v.split() for v in d.get("MEM", {}).get(n, {}).values()]
    vals = [v for v in vals if len(v) == 4 and int(v[2]) > 0]
    if vals:
        print(f"app memory during {n}: heap used at most {max(int(v[0]) for v in vals)} MB (heap committed at most "
              f"{max(int(v[1]) for v in vals)} MB), resident set (RSS) at most {max(int(v[3]) for v in vals)} MB "
              f"(jstat and /proc samples every second, all rounds)")
print(f"intake vs. the Flowable 7 reference (500 intakes/s): {med(rates('intake')) / 500:.2f}x; cases vs. 20 cases/s: {med(rates('cases')) / 20:.2f}x (goal: 5x)")
EOF
)

HEADER="Lianluo benchmark $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes'), $(nproc) cores, load average before/after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg)
command: BENCH_SECONDS=$SECS BENCH_ROUNDS=$ROUNDS BENCH_CONNECTIONS=$CONNS bash bench/run.sh   (wrk -t$WRK_THREADS -c$CONNS; pgbench -c$CONNS -j$WRK_THREADS -M prepared)
java: $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); PostgreSQL $("${PSQL[@]}" -c 'show server_version'): $SETTINGS; opinions in the table at the end: $ROWS"
echo
echo "$HEADER"
echo "$REPORT"
echo "$MEM_LINE"
echo "$FIND_LINE"
{
	echo "==================================================================================================="
	echo "$HEADER"
	echo "$REPORT"
	echo "$MEM_LINE"
	echo "$FIND_LINE"
	echo
	echo "--- raw output ---"
	echo "$FIND_PLAN"
	cat "$RAW"
	echo
} >>"$RESULTS"
rm -rf "$RAW" "$MEM_DIR"
say "raw numbers appended to ${RESULTS#$ROOT/}"
