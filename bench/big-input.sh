#!/usr/bin/env bash
# Runs the real jar on one cohort file of several GiB (default 3) under a small heap (default -Xmx256m):
# bad input at scale (issue 4, point 5). Rows are wide (a 16 KiB ignored notes column), so the file is
# large while the number of people stays moderate: this measures the streaming of bytes, not the set of
# assessed ids (see bench/README.md for that limit).
#
#   bench/big-input.sh [GIB]
#
# Env: JAVA_OPTS   JVM options for the job (default "-Xmx256m")
#      NOTE_BYTES  width of the notes column (default 16384)
#
# Prints: gib, rows, wall seconds, MiB/s, peak RSS in MiB, exit code. Writes under bench/out/ (git-ignored).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

GIB="${1:-3}"
NOTE_BYTES="${NOTE_BYTES:-16384}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
OUT="$BENCH_OUT"
COHORT="$OUT/big-$GIB"
REPORTS="$OUT/big-reports-$GIB"
REPO="$OUT/big-repo-$GIB"
TIME_LOG="$OUT/big-time-$GIB.txt"
JOB_LOG="$OUT/big-job-$GIB.log"

if ! [[ "$GIB" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
    echo "usage: bench/big-input.sh [GIB]   (a number, default 3)" >&2
    exit 2
fi
bench_require_time
mkdir -p "$OUT"
bench_require_jar
if [[ ! -f "$COHORT/.complete" ]]; then
    rm -rf "$COHORT"
    mkdir -p "$COHORT"
    echo "bench: generating $GIB GiB into $COHORT" >&2
    java bench/WideCohort.java "$GIB" "$NOTE_BYTES" "$COHORT/cohort.csv" > "$COHORT/.complete"
fi
ROWS=$(sed -n 's/^rows=\([0-9]*\).*/\1/p' "$COHORT/.complete")
BYTES=$(stat -c %s "$COHORT/cohort.csv")

rm -rf "$REPORTS" "$REPO"
# shellcheck disable=SC2206
CMD=(java $JAVA_OPTS -jar target/trialpath.jar "input=$COHORT" "output=$REPORTS" runDate=2026-11-27
     maxRejectRate=0.10 "--trialpath.repository.path=$REPO/trialpath")
bench_timed "$TIME_LOG" "$JOB_LOG" "${CMD[@]}"
CODE=$BENCH_EXIT
bench_read_time "$TIME_LOG"
WALL=$BENCH_WALL
RSS_MIB=$BENCH_RSS_MIB
MIBS=$(awk -v b="$BYTES" -v s="$WALL" 'BEGIN { if (s > 0) printf "%.0f", b / 1048576 / s; else print "n/a" }')
if [[ $CODE -ne 0 ]]; then
    echo "bench: the job exited with $CODE; last lines of $JOB_LOG:" >&2
    tail -n 20 "$JOB_LOG" >&2
else
    grep -o '"read" : [0-9]*\|"assessed" : [0-9]*\|"rejected" : [0-9]*' "$REPORTS/2026-11-27/summary.json" \
        | head -3 | tr '\n' ' ' >&2
    echo >&2
fi
printf 'gib=%s bytes=%s rows=%s wall_s=%s mib_per_s=%s peak_rss_mib=%s java_opts="%s" exit=%s\n' \
    "$GIB" "$BYTES" "$ROWS" "$WALL" "$MIBS" "$RSS_MIB" "$JAVA_OPTS" "$CODE"
exit "$CODE"
