#!/usr/bin/env bash
# Load runs of the ticket flow (webhook/pull -> sanitise -> store -> classify -> decision kept), against a suite
# started in another terminal with
#     TRIAGE_KEEP_RUNNING=1 ./triage up --fresh
# (TRIAGE_KEEP_RUNNING: the crash run kills ingestion-service with SIGKILL and starts it again itself).
#
#   benchmarks/ingestion-benchmarks/run.sh [crash] [pull] [webhooks]      (default: all three, in this order)
#
# crash     10,000 incidents pulled from the ServiceNow simulator answering 5 % of calls with 503 or 429, with
#           ingestion-service killed (kill -9) mid-sync and started again: counts lost and duplicated decisions.
# pull      10,000 incidents pulled with the flow off (fetch + normalise + sanitise + store only), then 10,000 more
#           with it on: tickets/s from the sync run's own start and finish.
# webhooks  tickets at a fixed rate per source (open loop), Zendesk and Jira through their simulators' signed
#           webhooks, ServiceNow as its REST Message posts them: created -> decision stored, p50/p95/p99.
# Results: benchmarks/results/ingestion-flow.md (copy the tables printed here).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
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

ingestion_pid() { ss -ltnpH 'sport = :8083' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# The command line ingestion-service runs with now, kept across restarts.
mapfile -d '' INGESTION_CMD < "/proc/$(ingestion_pid)/cmdline"

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
    for key in "$@"; do [[ "$arg" == "${key%%=*}="* ]] && keep=0; done
    ((keep)) && cmd+=("$arg")
  done
  "${cmd[@]}" "$@" >>"$LOG" 2>&1 &
  await_ingestion
}

stop_ingestion() {  # $1: signal
  local pid; pid="$(ingestion_pid)"
  kill "-$1" "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

sync_run() { curl -fsS -H "$OPS" "http://127.0.0.1:8083$1"; }

crash() {
  echo "== crash: 10,000 incidents, 5 % faults, kill -9 of ingestion-service mid-sync"
  curl -fsS -X POST "$SN/_sim/reset" >/dev/null
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
    now="$(flowload count-servicenow 10000 | tail -1 | cut -d'|' -f4 | tr -d ' ')"
    if [[ "$now" == "10000" ]]; then break; fi
    if [[ "$now" == "$last" ]]; then stable=$((stable + 1)); else stable=0; fi
    ((stable >= 30)) && break
    last="$now"
    sleep 5
  done
  flowload count-servicenow 10000
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
  flowload pull servicenow
  echo "== pull: 10,000 more with the flow on (classification and indexing run alongside)"
  curl -fsS -X POST "$SN/_sim/reset" >/dev/null
  flowload seed-servicenow 10000
  stop_ingestion TERM
  start_ingestion --triage.ingestion.sources.servicenow.max-pages=1000
  flowload pull servicenow
}

webhooks() {
  local source
  for source in zendesk jira servicenow; do
    echo "== webhooks: $source alone at $RATE tickets/s for $SECONDS_PER_RUN s"
    flowload webhooks "$RATE" "$SECONDS_PER_RUN" "$source"
  done
  echo "== webhooks: all three sources at $RATE tickets/s each for $SECONDS_PER_RUN s"
  flowload webhooks "$RATE" "$SECONDS_PER_RUN" zendesk,jira,servicenow
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)"
for run in "${@:-crash pull webhooks}"; do
  for step in $run; do "$step"; done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
