#!/usr/bin/env bash
# Runs the TPC-H benchmark by hand (never in CI): Strata beside DuckDB in one run.
#   bench/run.sh --scale 1 --queries 1,6 --runs 5 --warmup 2 --threads 2 [--source memory|tpch] [--memory-limit 6GB]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests package -pl bench -am
cd bench
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx10g -XX:+UseParallelGC -Djol.skipDynamicAttach=true -Djol.skipHotspotSAAttach=true -cp "target/classes:$(cat target/classpath.txt)" io.strata.bench.BenchmarkTpch --queries-dir "$root/../shared/tpch/queries" "$@"
