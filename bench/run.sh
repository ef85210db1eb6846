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
# Everything it writes goes under bench/out/ (git-ignored).
set -euo pipefail

cd "$(dirname "$0")/.."

N="${1:-1000000}"
FILES="${FILES:-1}"
SEED="${SEED:-42}"
BAD_RATE="${BAD_RATE:-0.001}"
OUT=bench/out
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
if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time is missing (Debian: apt-get install -y time)" >&2
    exit 2
fi
mkdir -p "$OUT"

# (a) the application jar
if [[ -z "${BENCH_CMD:-}" && ! -f target/trialpath.jar ]]; then
    echo "bench: building target/trialpath.jar" >&2
    mvn -q -B -DskipTests package
fi

# (b) the generator (a test class, pure JDK)
if [[ ! -f target/test-classes/ca/trialpath/bench/CohortGenerator.class ]]; then
    echo "bench: compiling test classes" >&2
    mvn -q -B test-compile -o
fi

# (c) the cohort, generated once per size; .complete marks a finished generation
if [[ ! -f "$COHORT/.complete" ]]; then
    rm -rf "$COHORT"
    echo "bench: generating $N people into $COHORT" >&2
    java -cp target/test-classes ca.trialpath.bench.CohortGenerator \
        --people "$N" --files "$FILES" --seed "$SEED" --bad-rate "$BAD_RATE" --out "$COHORT" >&2
    echo "people=$N files=$FILES seed=$SEED bad_rate=$BAD_RATE" > "$COHORT/.complete"
fi

# (d) one fresh run, measured
rm -rf "$REPORTS" "$REPO"
if [[ -n "${BENCH_CMD:-}" ]]; then
    CMD=(bash -c "$BENCH_CMD")
else
    # shellcheck disable=SC2206
    CMD=(java ${JAVA_OPTS:-} -jar target/trialpath.jar "input=$COHORT" "output=$REPORTS"
         runDate=2026-11-27 maxRejectRate=0.10 ${TRIAL_ARGS[@]+"${TRIAL_ARGS[@]}"}
         "--trialpath.repository.path=$REPO/trialpath")
fi
echo "bench: running ${CMD[*]}" >&2
set +e
/usr/bin/time -v -o "$TIME_LOG" "${CMD[@]}" > "$JOB_LOG" 2>&1
CODE=$?
set -e

# "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" and "Maximum resident set size (kbytes): 123456"
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($NF, p, ":"); s = 0
        for (i = 1; i <= n; i++) s = s * 60 + p[i]
        printf "%.2f", s }' "$TIME_LOG")
RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $NF }' "$TIME_LOG")
if [[ -z "$WALL" || -z "$RSS_KB" ]]; then
    echo "bench: could not read $TIME_LOG" >&2
    cat "$TIME_LOG" >&2
    exit 1
fi
RATE=$(awk -v n="$N" -v s="$WALL" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
RSS_MIB=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')

if [[ $CODE -ne 0 ]]; then
    echo "bench: the job exited with $CODE; last lines of $JOB_LOG:" >&2
    tail -n 20 "$JOB_LOG" >&2
fi
printf 'people=%s wall_s=%s rows_per_s=%s peak_rss_mib=%s exit=%s\n' "$N" "$WALL" "$RATE" "$RSS_MIB" "$CODE"
exit "$CODE"
