# shellcheck shell=bash
# What the bench scripts share: building what they run, the cached cohorts and catalogues, and one reading
# of `/usr/bin/time -v`. Sourced by each script after it has changed to the repository root:
#
#   . bench/lib.sh
#
# BENCH_OUT (default bench/out, git-ignored) is where everything is written.

BENCH_OUT="${BENCH_OUT:-bench/out}"

bench_die() {
    echo "bench: $*" >&2
    exit 2
}

bench_require_time() {
    [[ -x /usr/bin/time ]] || bench_die "/usr/bin/time is missing (Debian: apt-get install -y time)"
}

# A stale jar is not rebuilt: the scripts measure whatever target/trialpath.jar is (see bench/README.md).
bench_require_jar() {
    if [[ ! -f target/trialpath.jar ]]; then
        echo "bench: building target/trialpath.jar" >&2
        mvn -q -B -DskipTests package
    fi
}

# The generators and the baseline are test classes.
bench_require_test_classes() {
    if [[ ! -f target/test-classes/ca/trialpath/bench/CohortGenerator.class \
            || ! -f target/test-classes/ca/trialpath/bench/Baseline.class ]]; then
        echo "bench: compiling test classes" >&2
        mvn -q -B -o test-compile
    fi
}

# bench_cohort DIR PEOPLE FILES SEED BAD_RATE: generates the cohort once. DIR/.complete marks a finished
# generation and records its parameters, so a folder made with other parameters is made again.
bench_cohort() {
    local dir=$1 people=$2 files=$3 seed=$4 bad_rate=$5
    local stamp="people=$people files=$files seed=$seed bad_rate=$bad_rate"
    if [[ -f "$dir/.complete" && "$(cat "$dir/.complete")" == "$stamp" ]]; then
        return 0
    fi
    rm -rf "$dir"
    bench_require_test_classes
    echo "bench: generating $people people in $files file(s) into $dir" >&2
    java -cp target/test-classes ca.trialpath.bench.CohortGenerator \
        --people "$people" --files "$files" --seed "$seed" --bad-rate "$bad_rate" --out "$dir" >&2
    echo "$stamp" > "$dir/.complete"
}

# bench_catalogue DIR STUDIES SEED: a generated trial catalogue (DIR/catalogue/) and its curated criteria
# (DIR/criteria.json), made once.
bench_catalogue() {
    local dir=$1 studies=$2 seed=$3
    local stamp="studies=$studies seed=$seed"
    if [[ -f "$dir/.complete" && "$(cat "$dir/.complete")" == "$stamp" ]]; then
        return 0
    fi
    rm -rf "$dir"
    bench_require_test_classes
    echo "bench: generating a catalogue of $studies studies into $dir" >&2
    java -cp target/test-classes ca.trialpath.bench.TrialCatalogueGenerator --studies "$studies" --seed "$seed" \
        --out "$dir/catalogue" --criteria "$dir/criteria.json" >&2
    echo "$stamp" > "$dir/.complete"
}

# bench_timed TIME_LOG JOB_LOG COMMAND...: runs COMMAND under `/usr/bin/time -v`, its stdout and stderr to
# JOB_LOG, and sets BENCH_EXIT to its exit code (a failing command does not stop the calling script).
bench_timed() {
    local time_log=$1 job_log=$2
    shift 2
    echo "bench: running $*" >&2
    set +e
    /usr/bin/time -v -o "$time_log" "$@" > "$job_log" 2>&1
    BENCH_EXIT=$?
    set -e
}

# bench_read_time TIME_LOG: sets BENCH_WALL (seconds, "Elapsed (wall clock)", JVM start included) and
# BENCH_RSS_MIB ("Maximum resident set size"). Exits when the file does not hold them.
bench_read_time() {
    local time_log=$1 rss_kb
    # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.34" and "Maximum resident set size (kbytes): 123456"
    BENCH_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($NF, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i]
            printf "%.2f", s }' "$time_log")
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $NF }' "$time_log")
    if [[ -z "$BENCH_WALL" || -z "$rss_kb" ]]; then
        echo "bench: could not read $time_log" >&2
        cat "$time_log" >&2
        exit 1
    fi
    BENCH_RSS_MIB=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
}

# bench_div A B [FORMAT]: A / B (default "%.2f"), or n/a when B is not above zero or either is missing.
bench_div() {
    awk -v a="${1:-}" -v b="${2:-}" -v f="${3:-%.2f}" \
        'BEGIN { if (a != "" && b != "" && b + 0 > 0) printf f, a / b; else printf "n/a" }'
}

# bench_free_bytes DIR: bytes available to an unprivileged writer on DIR's file system.
bench_free_bytes() {
    df -P -k "$1" | awk 'NR == 2 { printf "%.0f", $4 * 1024 }'
}
