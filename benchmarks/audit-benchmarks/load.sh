#!/bin/bash
# Group-commit load run (benchmarks/results/audit.md, "Group commit (issue 17)"): starts one audit-service jar on a
# fresh JVM against its own database, warms up, runs the AuditLoad scenarios, stops the service.
#   load.sh <audit-service exec jar> <database name> <port> [label]
# Build first: ./mvnw -o -pl audit-service,benchmarks/audit-benchmarks -am package -DskipTests
set -euo pipefail
jar=$1; db=$2; port=$3; label=${4:-$db}
here=$(cd "$(dirname "$0")" && pwd)
bench=$here/target/benchmarks.jar
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java=$JAVA_HOME/bin/java
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" 2>/dev/null || true
work=$(mktemp -d)
(cd "$work" && SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$db SERVER_PORT=$port \
  exec "$java" -Xmx512m -jar "$jar" > service.log 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null; do
  kill -0 $pid || { tail -30 "$work/service.log"; exit 1; }
  sleep 1
done
load() { "$java" -Xmx256m -cp "$bench" io.triage.benchmarks.audit.AuditLoad "http://127.0.0.1:$port" $pid "$@"; }
# JIT warm-up of both paths, not reported.
load single 8 15 > /dev/null
load batch 2 15 50 200 > /dev/null
echo "## $label $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario | clients | events/request | events | events/s | p50 ms | p99 ms | service CPU ms/event | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
load single 16 20
load single 1 20
load batch 1 20 50 200
load batch 4 20 50 200
