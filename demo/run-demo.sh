#!/usr/bin/env bash
# Runs demo/Demo.java against the running suite (started by ./triage up).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p var
./mvnw -B -q -ntp -pl ticket-generator dependency:build-classpath -Dmdep.outputFile="$ROOT/var/demo.classpath" >/dev/null
CP="$(ls ticket-generator/target/ticket-generator-*.jar | grep -v sources | head -1):$(cat "$ROOT/var/demo.classpath")"
exec java -cp "$CP" demo/Demo.java
