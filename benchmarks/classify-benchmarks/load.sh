#!/usr/bin/env bash
# /classify under load against a running suite, started in another terminal with
#     TRIAGE_KEEP_RUNNING=1 ./triage up --fresh
# (the demo trains and promotes a model and publishes the default rule set).
#
#   benchmarks/classify-benchmarks/load.sh [history] [open] [wrk] [training]   (default: history open wrk)
#
# history  embeds 3,000 generated tickets (seed 102) with their labels as the semantic cache's history
#          (HISTORY=n for another count) and prints texts/s.
# open     open-loop runs at fixed rates (RATES="50 100 200 400", SECONDS_PER_RUN=30): status counts, latency
#          from each request's intended start (p50/p95/p99/max), the CPU each process spent per ticket, and how
#          many decisions skipped a tier (a circuit open or a deadline missed).
# wrk      closed-loop runs with wrk (CONNECTIONS="2 8 32"), with the same CPU and skipped-tier accounting.
# training the open loop at TRAINING_RATE (400) requests/s while a model trains in the background (a 2,000-ticket
#          training job started 5 s before the run; the run's numbers are only valid if it ended after the run).
# Each run is preceded by a 10 s warm-up at the same load, discarded. PROFILE=1 records a JFR file of every
# service JVM during each measured run (var/profiles/<run>-<service>.jfr).
# Results: benchmarks/results/classify-load.md (copy the tables printed here).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
WORK="$ROOT/var/classify-load"
mkdir -p "$WORK" "$ROOT/var/profiles"

./mvnw -B -q -ntp -pl benchmarks/classify-benchmarks compile
CP="benchmarks/classify-benchmarks/target/classes:$(./mvnw -B -q -ntp -pl benchmarks/classify-benchmarks \
  dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
load() { "$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -Xmx512m -cp "$CP" io.triage.classify.benchmarks.ClassifyLoad "$@"; }

pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true; }
PORTS=(8080:classify 8081:rules 8082:embedding 8084:audit 8083:ingestion)

# CPU seconds used so far by each service and by Postgres (all its processes).
cpu_snapshot() {
  local entry pid
  for entry in "${PORTS[@]}"; do
    pid="$(pid_on "${entry%%:*}")"
    if [[ -n "$pid" ]]; then echo "${entry#*:} $(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat")"; fi
  done
  echo "postgres $(pgrep postgres | xargs -I{} awk '{print $14 + $15}' /proc/{}/stat 2>/dev/null \
    | awk '{s += $1} END {print s / 100}')"
}

cpu_per_ticket() {  # $1: an earlier cpu_snapshot, $2: tickets since
  paste <(echo "$1") <(cpu_snapshot) | awk -v n="$2" \
    '{printf "  %s %.2f ms", $1, ($4 - $2) * 1000 / n} END {print ""}'
}

# Decisions logged since $1 (a timestamp), by tier, and those that skipped a tier, by reason.
decisions_since() {
  psql -h 127.0.0.1 -U postgres -d triage -Atc "SELECT routing_method || ' ' || n FROM (SELECT routing_method,
    count(*) AS n FROM classify.decisions WHERE decided_at >= '$1' GROUP BY routing_method) d ORDER BY 1" | tr '\n' ' '
  echo
  psql -h 127.0.0.1 -U postgres -d triage -Atc "SELECT '  skipped ' || tier || ': ' || reason || ' x' || n FROM
    (SELECT e->>'tier' AS tier, e->>'reason' AS reason, count(*) AS n FROM classify.decisions,
    jsonb_array_elements(skipped_tiers) e WHERE decided_at >= '$1' GROUP BY 1, 2) s ORDER BY n DESC LIMIT 8" || true
}

profile_start() {  # $1: run name
  [[ "${PROFILE:-0}" == 1 ]] || return 0
  local entry pid
  for entry in "${PORTS[@]}"; do
    pid="$(pid_on "${entry%%:*}")"
    [[ -n "$pid" ]] && jcmd "$pid" JFR.start name=load settings=profile \
      filename="$ROOT/var/profiles/$1-${entry#*:}.jfr" >/dev/null
  done
}

profile_stop() {
  [[ "${PROFILE:-0}" == 1 ]] || return 0
  local entry pid
  for entry in "${PORTS[@]}"; do
    pid="$(pid_on "${entry%%:*}")"
    [[ -n "$pid" ]] && jcmd "$pid" JFR.stop name=load >/dev/null
  done
}

measured() {  # $1: run name, $2: tickets sent, then the command
  local name="$1" tickets="$2" before since
  shift 2
  since="$(date -u +%FT%T.%3NZ)"
  before="$(cpu_snapshot)"
  profile_start "$name"
  "$@"
  profile_stop
  echo "CPU per ticket:"
  cpu_per_ticket "$before" "$tickets"
  echo "decisions: $(decisions_since "$since")"
}

history() {
  echo "== history: ${HISTORY:-3000} generated tickets embedded"
  load history "${HISTORY:-3000}"
}

open() {
  local rate
  for rate in ${RATES:-50 100 200 400}; do
    echo "== open loop at $rate requests/s for $SECONDS_PER_RUN s"
    load open "$rate" 10 >/dev/null
    echo "| rate | sent | answered 200 | statuses | with Retry-After | p50 | p95 | p99 | max |"
    echo "|---|---|---|---|---|---|---|---|---|"
    measured "open-$rate" $((rate * SECONDS_PER_RUN)) load open "$rate" "$SECONDS_PER_RUN"
  done
}

training() {
  local rate="${TRAINING_RATE:-400}"
  echo "== open loop at $rate requests/s for $SECONDS_PER_RUN s while a model trains"
  load model > "$WORK/training.out" 2>&1 &
  local trainer=$!
  sleep 5
  echo "| rate | sent | answered 200 | statuses | with Retry-After | p50 | p95 | p99 | max |"
  echo "|---|---|---|---|---|---|---|---|---|"
  measured "training-$rate" $((rate * SECONDS_PER_RUN)) load open "$rate" "$SECONDS_PER_RUN"
  if kill -0 "$trainer" 2>/dev/null; then echo "(the training job was still running when the run ended)"; fi
  wait "$trainer" || echo "training job failed: $(tail -3 "$WORK/training.out")"
  tail -2 "$WORK/training.out"
}

wrk_run() {  # $1: connections
  wrk -t2 -c"$1" -d"$SECONDS_PER_RUN"s --latency -s "$WORK/classify.lua" http://127.0.0.1:8080 | tee "$WORK/wrk.out"
}

wrk_runs() {
  local connections requests
  load bodies "$WORK/requests.bodies"
  cat > "$WORK/classify.lua" <<LUA
local bodies = {}
for line in io.lines("$WORK/requests.bodies") do bodies[#bodies + 1] = line end
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "local-classifier-key"
request = function()
  counter = counter + 1
  return wrk.format(nil, "/classify", nil, bodies[(counter % #bodies) + 1])
end
LUA
  for connections in ${CONNECTIONS:-2 8 32}; do
    echo "== wrk, $connections connections, $SECONDS_PER_RUN s"
    wrk -t2 -c"$connections" -d10s -s "$WORK/classify.lua" http://127.0.0.1:8080 >/dev/null
    local since before
    since="$(date -u +%FT%T.%3NZ)"
    before="$(cpu_snapshot)"
    profile_start "wrk-$connections"
    wrk_run "$connections"
    profile_stop
    requests="$(awk '/requests in/ {print $1}' "$WORK/wrk.out")"
    echo "CPU per ticket ($requests requests):"
    cpu_per_ticket "$before" "$requests"
    echo "decisions: $(decisions_since "$since")"
  done
}

for step in "${@:-history open wrk}"; do
  for s in $step; do
    case "$s" in
      history) history ;;
      open) open ;;
      wrk) wrk_runs ;;
      training) training ;;
      *) echo "unknown step $s (history, open, wrk, training)" >&2; exit 2 ;;
    esac
  done
done
