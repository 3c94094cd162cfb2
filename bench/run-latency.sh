#!/usr/bin/env bash
# Short queries' latency on an idle engine and beside long scans (by hand, never in CI).
#   bench/run-latency.sh [--threads 2] [--quantum 1s] [--short-runs 50] [--warmup 20] [--long-queries 1] [--short SQL] [--long SQL]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests package -pl bench -am
cd bench
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx4g -cp "target/classes:$(cat target/classpath.txt)" io.strata.bench.ShortQueryLatencyBench "$@"
