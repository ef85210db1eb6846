#!/usr/bin/env bash
# Kills a real run with SIGKILL part-way, starts it again with the same parameters, and checks that
# the published files are byte for byte those of an uninterrupted run (summary.json and report.html
# carry times and execution ids, so they are compared without them).
#
#   bench/crash-restart.sh [PEOPLE] [SECONDS_BEFORE_KILL]     (defaults: 1000000, 8)
#
# Uses the cohort and the uninterrupted reports of bench/run.sh when they exist, else makes them.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

N="${1:-1000000}"
KILL_AFTER="${2:-8}"
OUT="$BENCH_OUT"
COHORT="$OUT/cohort-$N"
CLEAN="$OUT/reports-$N/2026-11-27"
CRASH="$OUT/crash-$N"

if [[ ! -d "$CLEAN" ]]; then
    bench/run.sh "$N" >&2
fi
rm -rf "$CRASH"
mkdir -p "$CRASH"
JOB=(java -Xmx256m -jar target/trialpath.jar "input=$COHORT" "output=$CRASH/reports" runDate=2026-11-27
     "--trialpath.repository.path=$CRASH/repo/trialpath")

"${JOB[@]}" >> "$CRASH/job.log" 2>&1 & pid=$!
sleep "$KILL_AFTER"
if kill -9 "$pid" 2>/dev/null; then
    echo "crash: killed the run after ${KILL_AFTER}s" >&2
else
    echo "crash: the run ended before ${KILL_AFTER}s; choose a shorter delay" >&2
    exit 2
fi
wait "$pid" 2>/dev/null || true
if [[ -e "$CRASH/reports/2026-11-27" ]]; then
    echo "crash: FAIL a folder was published by the killed run" >&2
    exit 1
fi
"${JOB[@]}" >> "$CRASH/job.log" 2>&1
status=0
for f in assessments.csv options.csv rejects.csv assessments.jsonl; do
    if cmp -s "$CRASH/reports/2026-11-27/$f" "$CLEAN/$f"; then
        echo "crash: $f identical"
    else
        echo "crash: FAIL $f differs"; status=1
    fi
done
strip() { grep -vE '"(start_time|end_time|job_execution_id)"' "$1"; }
if diff <(strip "$CRASH/reports/2026-11-27/summary.json") <(strip "$CLEAN/summary.json") > /dev/null; then
    echo "crash: summary.json identical (times and execution id aside)"
else
    echo "crash: FAIL summary.json differs"; status=1
fi
grep -E "resuming after" "$CRASH/job.log" || true
exit "$status"
