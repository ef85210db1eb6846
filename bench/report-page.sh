#!/usr/bin/env bash
# How long report.html takes to write and how large it is (ReportPageBench): a page the size of the sample
# run and one as for 200,000 people at the default cap, in English and French. The pages land in
# OUT (default bench/out/report-page/) so two builds' pages can be compared with diff.
#
#   bench/report-page.sh [ROUNDS] [CLASSES]
#   bench/report-page.sh browser [ROUNDS] PEOPLE...   # e.g. browser 3 200000 1000000
#
# CLASSES (default target/classes) is the build measured: another build's classes folder compares it.
# "browser" (ReportBrowserBench) writes the whole night's page for each PEOPLE (with its screening night) and
# times it in Debian's headless Chromium: interactive, loaded, a sort and a filter of today's list.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
[[ -f target/test-classes/ca/trialpath/bench/ReportBrowserBench.class ]] || mvn -q -B -o test-compile
if [[ "${1:-}" == "browser" ]]; then
    shift
    rounds="${1:-3}"
    shift || true
    if [[ ! -f "$BENCH_OUT/classpath-test.txt" || pom.xml -nt "$BENCH_OUT/classpath-test.txt" ]]; then
        mkdir -p "$BENCH_OUT"
        mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_OUT/classpath-test.txt"
    fi
    java -Xmx6g -cp "target/classes:target/test-classes:$(cat "$BENCH_OUT/classpath-test.txt")" \
        ca.trialpath.bench.ReportBrowserBench "${OUT:-$BENCH_OUT/report-page}" "$rounds" "${@:-200000}"
    exit 0
fi
rounds="${1:-20}"
classes="${2:-target/classes}"
if [[ ! -f "$BENCH_OUT/classpath.txt" || pom.xml -nt "$BENCH_OUT/classpath.txt" ]]; then
    mkdir -p "$BENCH_OUT"
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$BENCH_OUT/classpath.txt"
fi
java -cp "$classes:target/test-classes:$(cat "$BENCH_OUT/classpath.txt")" ca.trialpath.bench.ReportPageBench \
    "${OUT:-$BENCH_OUT/report-page}" "$rounds"
