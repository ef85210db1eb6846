#!/usr/bin/env bash
# How long report.html takes to write and how large it is (ReportPageBench): a page the size of the sample
# run and one as for 200,000 people at the default cap, in English and French. The pages land in
# OUT (default bench/out/report-page/) so two builds' pages can be compared with diff.
#
#   bench/report-page.sh [ROUNDS] [CLASSES]
#
# CLASSES (default target/classes) is the build measured: another build's classes folder compares it.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
rounds="${1:-20}"
classes="${2:-target/classes}"
[[ -f target/test-classes/ca/trialpath/bench/ReportPageBench.class ]] || mvn -q -B -o test-compile
if [[ ! -f "$BENCH_OUT/classpath.txt" || pom.xml -nt "$BENCH_OUT/classpath.txt" ]]; then
    mkdir -p "$BENCH_OUT"
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$BENCH_OUT/classpath.txt"
fi
java -cp "$classes:target/test-classes:$(cat "$BENCH_OUT/classpath.txt")" ca.trialpath.bench.ReportPageBench \
    "${OUT:-$BENCH_OUT/report-page}" "$rounds"
