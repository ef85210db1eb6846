#!/usr/bin/env bash
# Benchmark one TrialPath run on a synthetic cohort of N people (default 1000000).
#
#   bench/run.sh [N]
#
# Env: JAVA_OPTS  extra JVM options for the job (e.g. "-Xmx512m")
#      FILES      number of cohort files to split N into (default 1)
#      SEED       generator seed (default 42)
#      BAD_RATE   fraction of bad rows (default 0.001)
#      TRIALS     a trial catalogue (file or folder) to match against: adds trials=TRIALS to the run
#      TRIAL_CRITERIA  a curated criteria file (with TRIALS): adds trialCriteria=TRIAL_CRITERIA
#      BENCH_CMD  replace the job command by another one (to test this script, e.g. "java -version");
#                 the jar is then neither built nor required
#
# Prints one summary line: people, wall seconds, rows per second, peak RSS in MiB, exit code.
# Everything it writes goes under bench/out/ (git-ignored; BENCH_OUT names another folder).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

N="${1:-1000000}"
FILES="${FILES:-1}"
SEED="${SEED:-42}"
BAD_RATE="${BAD_RATE:-0.001}"
OUT="$BENCH_OUT"
COHORT="$OUT/cohort-$N"
# a run with trials keeps its own files, so the two runs can be compared
RUN="$N${TRIALS:+-trials}"
REPORTS="$OUT/reports-$RUN"
REPO="$OUT/repo-$RUN"
TIME_LOG="$OUT/time-$RUN.txt"
JOB_LOG="$OUT/job-$RUN.log"
TRIAL_ARGS=()
if [[ -n "${TRIALS:-}" ]]; then
    TRIAL_ARGS+=("trials=$TRIALS")
    if [[ -n "${TRIAL_CRITERIA:-}" ]]; then
        TRIAL_ARGS+=("trialCriteria=$TRIAL_CRITERIA")
    fi
fi

if ! [[ "$N" =~ ^[0-9]+$ ]]; then
    echo "usage: bench/run.sh [PEOPLE]   (a whole number, default 1000000)" >&2
    exit 2
fi
bench_require_time
mkdir -p "$OUT"

# (a) the application jar
if [[ -z "${BENCH_CMD:-}" ]]; then
    bench_require_jar
fi

# (b) the cohort, generated once per size (the generator is a test class, pure JDK)
bench_cohort "$COHORT" "$N" "$FILES" "$SEED" "$BAD_RATE"

# (c) one fresh run, measured
rm -rf "$REPORTS" "$REPO"
if [[ -n "${BENCH_CMD:-}" ]]; then
    CMD=(bash -c "$BENCH_CMD")
else
    # shellcheck disable=SC2206
    CMD=(java ${JAVA_OPTS:-} -jar target/trialpath.jar "input=$COHORT" "output=$REPORTS"
         runDate=2026-11-27 maxRejectRate=0.10 ${TRIAL_ARGS[@]+"${TRIAL_ARGS[@]}"}
         "--trialpath.repository.path=$REPO/trialpath")
fi
bench_timed "$TIME_LOG" "$JOB_LOG" "${CMD[@]}"
CODE=$BENCH_EXIT
bench_read_time "$TIME_LOG"
WALL=$BENCH_WALL
RSS_MIB=$BENCH_RSS_MIB
RATE=$(bench_div "$N" "$WALL" "%.0f")

if [[ $CODE -ne 0 ]]; then
    echo "bench: the job exited with $CODE; last lines of $JOB_LOG:" >&2
    tail -n 20 "$JOB_LOG" >&2
fi
printf 'people=%s wall_s=%s rows_per_s=%s peak_rss_mib=%s exit=%s\n' "$N" "$WALL" "$RATE" "$RSS_MIB" "$CODE"
exit "$CODE"
