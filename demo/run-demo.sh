#!/usr/bin/env bash
# Runs the demo (module demo/) against the running suite (./triage up, or ./triage demo). Exits with the demo's
# status: 0 when every step passed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p var
if [[ ! -d demo/target/classes/io/triage/demo ]]; then
  ./mvnw -B -q -ntp -pl demo -am -DskipTests install
fi
./mvnw -B -q -ntp -pl demo dependency:build-classpath -Dmdep.outputFile="$ROOT/var/demo.classpath" >/dev/null
exec java -cp "demo/target/classes:$(cat "$ROOT/var/demo.classpath")" io.triage.demo.Demo
