#!/usr/bin/env bash
# The HTTP exchange's throughput on loopback beside raw loopback TCP, in one run (by hand, never in CI).
#   bench/run-exchange.sh [--table lineitem] [--scale 1] [--tasks 1] [--runs 3] [--threads 2] [--tcp-bytes 2000000000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -DskipTests package -pl bench -am
cd bench
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
uptime
java -Xmx10g -XX:+UseParallelGC -Djol.skipDynamicAttach=true -Djol.skipHotspotSAAttach=true -cp "target/classes:$(cat target/classpath.txt)" io.strata.bench.BenchmarkExchangeThroughput "$@"
uptime
