#!/usr/bin/env bash
# Many small files against one file of the same rows (issue 17, point 3): a registry that exports one file per
# person. Runs the real jar on N people (default 10000) as one file, then as N files of one row each, and
# prints both rates and their ratio (the target: the many files within 3x of the one file).
#
#   bench/many-files.sh [N]
#
# Env: JAVA_OPTS  JVM options for the job (default "-Xmx256m")
#      THREADS    --trialpath.threads for both runs (default 0: one per processor)
#
# Prints one line per run (files, wall seconds, rows per second, peak RSS in MiB, exit code), then the ratio.
# Writes under bench/out/ (git-ignored; BENCH_OUT names another folder).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

N="${1:-10000}"
JAVA_OPTS="${JAVA_OPTS:--Xmx256m}"
THREADS="${THREADS:-0}"
OUT="$BENCH_OUT"

if ! [[ "$N" =~ ^[0-9]+$ ]] || [[ "$N" -lt 1 ]]; then
    echo "usage: bench/many-files.sh [PEOPLE]   (a whole number, default 10000)" >&2
    exit 2
fi
bench_require_time
mkdir -p "$OUT"
bench_require_jar

declare -A RATES
for FILES in 1 "$N"; do
    COHORT="$OUT/many-files-$N-x$FILES"
    bench_cohort "$COHORT" "$N" "$FILES" 42 0.001
    REPORTS="$OUT/many-files-reports-$N-x$FILES"
    REPO="$OUT/many-files-repo-$N-x$FILES"
    TIME_LOG="$OUT/many-files-time-$N-x$FILES.txt"
    JOB_LOG="$OUT/many-files-job-$N-x$FILES.log"
    rm -rf "$REPORTS" "$REPO"
    # shellcheck disable=SC2206
    bench_timed "$TIME_LOG" "$JOB_LOG" java $JAVA_OPTS -jar target/trialpath.jar "input=$COHORT" \
        "output=$REPORTS" runDate=2026-11-27 maxRejectRate=0.10 "--trialpath.threads=$THREADS" \
        "--trialpath.repository.path=$REPO/trialpath"
    CODE=$BENCH_EXIT
    bench_read_time "$TIME_LOG"
    RATES[$FILES]=$(bench_div "$N" "$BENCH_WALL" "%.0f")
    if [[ $CODE -ne 0 ]]; then
        echo "bench: the job exited with $CODE; last lines of $JOB_LOG:" >&2
        tail -n 20 "$JOB_LOG" >&2
    fi
    printf 'people=%s files=%s wall_s=%s rows_per_s=%s peak_rss_mib=%s exit=%s\n' "$N" "$FILES" "$BENCH_WALL" \
        "${RATES[$FILES]}" "$BENCH_RSS_MIB" "$CODE"
    [[ $CODE -eq 0 ]] || exit "$CODE"
done
printf 'one_file_over_many_files=%s (target: at most 3)\n' "$(bench_div "${RATES[1]}" "${RATES[$N]}")"
