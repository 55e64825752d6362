#!/usr/bin/env bash
# Builds the classes (own output folder) and runs bench/Benchmark.java with them on the classpath.
# Usage: bench/run.sh [--runs N] [--seconds N] [--clients N] [--languages a,b] [--url URL --problem-id ID] [--submit]
#        bench/run.sh history [--attempts N] [--requests N] [--warmup N]   (bench/HistoryBenchmark.java)
set -euo pipefail
cd "$(dirname "$0")/.."
program=bench/Benchmark.java
if [[ "${1:-}" == history ]]; then
  program=bench/HistoryBenchmark.java
  shift
fi
build="${IMPROVIEW_BENCH_BUILD:-/tmp/build-bench}"
mvn -q -B -Dskip.web=true -Dskip.e2e=true -Dspotless.check.skip=true -DskipTests \
  -Dimproview.build.dir="$build" test-compile
mvn -q -B -Dimproview.build.dir="$build" -Dmdep.outputFile="$build/bench-classpath.txt" \
  -Dmdep.includeScope=test dependency:build-classpath
exec java -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "$build/classes:$build/test-classes:$(cat "$build/bench-classpath.txt")" "$program" "$@"
