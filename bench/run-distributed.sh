#!/usr/bin/env bash
# TPC-H on a coordinator that runs no tasks + N workers (one JVM), for each N, beside DuckDB in one run (by hand,
# never in CI).
#   bench/run-distributed.sh [--scale 1] [--queries 1-22] [--workers 1,2] [--runs 3] [--warmup 1] [--threads 2] [--timeout 600]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests package -pl bench -am
cd bench
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
uptime
java -Xmx10g -XX:+UseParallelGC -Djol.skipDynamicAttach=true -Djol.skipHotspotSAAttach=true -cp "target/classes:$(cat target/classpath.txt)" io.strata.bench.BenchmarkDistributedTpch --queries-dir "$root/../shared/tpch/queries" "$@"
uptime
