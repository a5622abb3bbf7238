#!/usr/bin/env bash
# Load runs of the ticket flow (webhook/pull -> sanitise -> store -> classify -> decision kept), against a suite
# started in another terminal with
#     TRIAGE_KEEP_RUNNING=1 ./triage up --fresh
# (TRIAGE_KEEP_RUNNING: the crash run kills ingestion-service with SIGKILL and starts it again itself).
#
#   benchmarks/ingestion-benchmarks/run.sh [crash] [pull] [webhooks] [writeback]   (default: all four, in order)
#
# crash     10,000 incidents pulled from the ServiceNow simulator answering 5 % of calls with 503 or 429, with
#           ingestion-service killed (kill -9) mid-sync and started again: counts lost and duplicated decisions.
# pull      10,000 incidents pulled with the flow off (fetch + normalise + sanitise + store only), then 10,000 more
#           with it on: tickets/s from the sync run's own start and finish.
# webhooks  tickets at a fixed rate per source (open loop), Zendesk and Jira through their simulators' signed
#           webhooks, ServiceNow as its REST Message posts them: created -> decision stored, p50/p95/p99, and the CPU
#           each process spent per ticket. Each run starts with an empty outbox. RATES="10 25 50" runs several rates.
# writeback tickets at a fixed rate per source as in webhooks, with a field mapping published for each source (every
#           department automated) and 5 % of the simulators' API calls failing (2.5 % 503, 2.5 % 429 with
#           Retry-After: 1): created -> fields set in the simulator, attempts, dead letters, duplicate notes.
#           SOURCES="zendesk" runs one source only.
# Results: benchmarks/results/ingestion-flow.md and benchmarks/results/writeback.md (copy the tables printed here).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
export TRIAGE_DATA_DIR="${TRIAGE_DATA_DIR:-$ROOT/../shared/data}"
OPS='X-API-Key: local-ops-key'
SN=http://127.0.0.1:9101
LOG="$ROOT/var/logs/ingestion-service.bench.log"
RATE="${RATE:-50}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"

./mvnw -B -q -ntp -pl benchmarks/ingestion-benchmarks compile
CP="benchmarks/ingestion-benchmarks/target/classes:$(./mvnw -B -q -ntp -pl benchmarks/ingestion-benchmarks \
  dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
flowload() { "$JAVA_HOME/bin/java" -cp "$CP" io.triage.ingestion.benchmarks.FlowLoad "$@"; }

ingestion_pid() { ss -ltnpH 'sport = :8083' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true; }

# The command line ingestion-service runs with (as ./triage up started it), kept for restarts, also across runs.
SAVED_CMD="$ROOT/var/ingestion-service.cmdline"
if [[ -n "$(ingestion_pid)" ]]; then
  cp "/proc/$(ingestion_pid)/cmdline" "$SAVED_CMD"
elif [[ ! -f "$SAVED_CMD" ]]; then
  echo "ingestion-service is not running; start the suite with TRIAGE_KEEP_RUNNING=1 ./triage up" >&2
  exit 1
fi
mapfile -d '' INGESTION_CMD < "$SAVED_CMD"

await_ingestion() {
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null -H "$OPS" http://127.0.0.1:8083/actuator/health 2>/dev/null; then return; fi
    sleep 0.5
  done
  echo "ingestion-service did not come back within 120 s (see $LOG)" >&2
  exit 1
}

# Starts ingestion-service again with its command line, each --key=value given here replacing the same key.
start_ingestion() {
  local arg key keep cmd=()
  for arg in "${INGESTION_CMD[@]}"; do
    keep=1
    for key in "$@"; do
      if [[ "$arg" == "${key%%=*}="* ]]; then keep=0; fi
    done
    if ((keep)); then cmd+=("$arg"); fi
  done
  "${cmd[@]}" "$@" >>"$LOG" 2>&1 &
  await_ingestion
}

stop_ingestion() {  # $1: signal
  local pid; pid="$(ingestion_pid)"
  if [[ -z "$pid" ]]; then return 0; fi
  kill "-$1" "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

sync_run() { curl -fsS -H "$OPS" "http://127.0.0.1:8083$1"; }

# CPU seconds used so far by the process listening on each port, and by Postgres.
cpu_snapshot() {
  local port pid
  for port in 8080 8081 8082 8083 8084 9101; do  # 9101: the one simulator process serving all four systems
    pid="$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
    if [[ -n "$pid" ]]; then echo "$port $(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat")"; fi
  done
  echo "postgres $(pgrep postgres | xargs -I{} awk '{print $14 + $15}' /proc/{}/stat 2>/dev/null \
    | awk '{s += $1} END {print s / 100}')"
}

# Waits until the outbox is empty (the previous run's tickets are all decided and indexed).
drain() {
  local open
  for _ in $(seq 1 600); do
    open="$(psql -h 127.0.0.1 -U postgres -d triage -Atc 'SELECT count(*) FROM ingestion.event_publication')"
    if [[ "$open" == 0 ]]; then return; fi
    sleep 1
  done
}

crash() {
  echo "== crash: 10,000 incidents, 5 % faults, kill -9 of ingestion-service mid-sync"
  curl -fsS -X POST "$SN/_sim/reset" >/dev/null
  local since; since="$(date -u +%FT%TZ)"
  flowload seed-servicenow 10000
  stop_ingestion TERM
  start_ingestion --triage.ingestion.sources.servicenow.max-pages=1000
  curl -fsS -H 'Content-Type: application/json' "$SN/_sim/faults" \
    -d '{"fault":"server_error","status":503,"percent":2.5,"seed":1}' >/dev/null
  curl -fsS -H 'Content-Type: application/json' "$SN/_sim/faults" \
    -d '{"fault":"rate_limited","retryAfterSeconds":1,"percent":2.5,"seed":2}' >/dev/null
  local location seen=0
  location="$(curl -fsS -D - -o /dev/null -X POST -H "$OPS" http://127.0.0.1:8083/sources/servicenow/sync \
    | tr -d '\r' | awk -F': ' 'tolower($1)=="location" {print $2}')"
  while ((seen < 4000)); do
    sleep 0.2
    seen="$(sync_run "$location" | grep -o '"ticketsSeen":[0-9]*' | cut -d: -f2)"
  done
  echo "killing ingestion-service (kill -9) after $seen tickets of the pull"
  stop_ingestion KILL
  start_ingestion --triage.ingestion.sources.servicenow.max-pages=1000
  echo "restarted; pulling again from the committed watermark"
  flowload pull servicenow
  curl -fsS -X DELETE "$SN/_sim/faults" >/dev/null
  echo "waiting for every decision (the outbox redelivers what the crash interrupted)"
  local last=-1 now stable=0
  for _ in $(seq 1 180); do
    now="$(flowload count-servicenow 10000 "$since" | tail -1 | cut -d'|' -f4 | tr -d ' ')"
    if [[ "$now" == "10000" ]]; then break; fi
    if [[ "$now" == "$last" ]]; then stable=$((stable + 1)); else stable=0; fi
    if ((stable >= 30)); then break; fi
    last="$now"
    sleep 5
  done
  flowload count-servicenow 10000 "$since"
  echo "classify-service replays of an already logged decision: $(curl -fsS -H "$OPS" \
    http://127.0.0.1:8080/actuator/prometheus | awk '/^classify_idempotent_replays_total/ {print $2}')"
}

pull() {
  echo "== pull: 10,000 incidents with the flow off (fetch + normalise + sanitise + store)"
  curl -fsS -X POST "$SN/_sim/reset" >/dev/null
  flowload seed-servicenow 10000
  stop_ingestion TERM
  start_ingestion --triage.ingestion.sources.servicenow.max-pages=1000 \
    --triage.ingestion.flow.classify=false --triage.ingestion.flow.index=false
  echo "| source | status | pages | tickets | took | rate |"
  echo "|---|---|---|---|---|---|"
  local before; before="$(cpu_snapshot)"
  flowload pull servicenow
  cpu_per_ticket "$before" 10000
  echo "== pull: 10,000 more with the flow on (classification and indexing run alongside)"
  curl -fsS -X POST "$SN/_sim/reset" >/dev/null
  flowload seed-servicenow 10000
  stop_ingestion TERM
  start_ingestion --triage.ingestion.sources.servicenow.max-pages=1000
  flowload pull servicenow
}

webhooks_run() {  # $1: rate per source, $2: sources
  local before tickets
  drain
  before="$(cpu_snapshot)"
  flowload webhooks "$1" "$SECONDS_PER_RUN" "$2"
  drain
  tickets=$(( $1 * SECONDS_PER_RUN * $(tr ',' '\n' <<<"$2" | wc -l) ))
  echo "CPU per ticket (ms), from the run's start until its outbox drained:"
  cpu_per_ticket "$before" "$tickets"
}

cpu_per_ticket() {  # $1: an earlier cpu_snapshot, $2: tickets since
  paste <(echo "$1") <(cpu_snapshot) | awk -v n="$2" \
    '{printf "  %s %.1f", ($1 == 8080 ? "classify" : $1 == 8081 ? "rules" : $1 == 8082 ? "embedding" : $1 == 8083 ? "ingestion" : $1 == 8084 ? "audit" : $1 == 9101 ? "simulators" : $1), ($4 - $2) * 1000 / n} END {print ""}'
}

webhooks() {
  local source rate
  for rate in ${RATES:-$RATE}; do
    for source in zendesk jira servicenow; do
      echo "== webhooks: $source alone at $rate tickets/s for $SECONDS_PER_RUN s"
      webhooks_run "$rate" "$source"
    done
    echo "== webhooks: all three sources at $rate tickets/s each for $SECONDS_PER_RUN s"
    webhooks_run "$rate" zendesk,jira,servicenow
  done
}

ADMIN='X-API-Key: local-admin-key'

# A mapping per source that automates every department: group, priority and a note are written for each ticket.
publish_mappings() {
  local source yaml
  for source in servicenow zendesk jira; do
    yaml="$(benchmarks/ingestion-benchmarks/mapping.sh "$source")"
    curl -fsS -X PUT -H "$ADMIN" -H 'Content-Type: application/yaml' --data-binary "$yaml" \
      "http://127.0.0.1:8083/mappings/$source" >/dev/null
    curl -fsS -X POST -H "$ADMIN" -H 'Content-Type: application/json' -d '{"reason":"write-back benchmark"}' \
      "http://127.0.0.1:8083/mappings/$source/publish" >/dev/null
  done
}

faults() {  # $1: on | off
  local port
  for port in 9101 9102 9103; do
    curl -fsS -X DELETE "http://127.0.0.1:$port/_sim/faults" >/dev/null
    if [[ "$1" == on ]]; then
      curl -fsS -H 'Content-Type: application/json' "http://127.0.0.1:$port/_sim/faults" \
        -d '{"fault":"server_error","status":503,"percent":2.5,"seed":3}' >/dev/null
      curl -fsS -H 'Content-Type: application/json' "http://127.0.0.1:$port/_sim/faults" \
        -d '{"fault":"rate_limited","retryAfterSeconds":1,"percent":2.5,"seed":4}' >/dev/null
    fi
  done
}

writeback() {
  publish_mappings
  local source rate
  for rate in ${RATES:-$RATE}; do
    for source in ${SOURCES:-servicenow zendesk jira}; do
      echo "== writeback: $source alone at $rate tickets/s for $SECONDS_PER_RUN s, 5 % transient faults"
      drain
      faults on
      local before; before="$(cpu_snapshot)"
      flowload writebacks "$rate" "$SECONDS_PER_RUN" "$source"
      faults off
      echo "CPU per ticket (ms), decision and write-back included:"
      cpu_per_ticket "$before" $((rate * SECONDS_PER_RUN))
    done
  done
  echo "ingestion_writeback_total:"
  curl -fsS -H "$OPS" http://127.0.0.1:8083/actuator/prometheus | grep '^ingestion_writeback_total' || true
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)"
for run in "${@:-crash pull webhooks writeback}"; do
  for step in $run; do "$step"; done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
