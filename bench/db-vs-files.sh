#!/usr/bin/env bash
# Why not the database (issue 12): the job's hand-written duplicate finder (duplicates/) and history person
# blocks (history/PersonBlock and its sorts) against the same work done by the database, on embedded H2 (a
# file database with the job's settings) and on the local PostgreSQL, each case in a JVM of its own.
#
#   bench/db-vs-files.sh [PEOPLE ...]        default: 200000 1000000
#
# Cases (ca.trialpath.bench.DbVsFiles, a test class; its comment has the details):
#   dup-files      duplicates/: sorted runs on disk, merged, then a cursor asked row by row
#   dup-db         INSERT batches into a table, then GROUP BY patient_id HAVING COUNT(*) > 1, rows asked in order
#   dup-db-index   the same with an index on patient_id made before the load
#   hist-blocks    RunHistory: night 1 stored and published, night 2 stored, the two compared
#   hist-rows      one row per person (trialpath_person_result) by JDBC batches, the comparison as SQL joins
#
# Env:
#   JAVA_OPTS   the JVM options of each case (default -Xmx256m)
#   DATABASES   which databases (default "h2 pg"; pg needs TRIALPATH_TEST_PG_URL, _USER, _PASSWORD)
#   CASES       which cases (default all five)
#   ROUNDS      how many times each case runs, in turn with the others (default 1); the lines give every round
#   TIMEOUT     stops a case after that many seconds (default 1800); its line then says exit=124
#
# Prints one line per case and round: the case's own line (its phases, in seconds) with the wall time, peak
# resident memory and exit code of /usr/bin/time -v added; then, per size, the ratio of each database case to
# the file case it replaces (total or night-2 time, the median of the rounds). Logs go to bench/out/db-vs-files/.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(200000 1000000)
JAVA_OPTS="${JAVA_OPTS--Xmx256m}"
DATABASES="${DATABASES:-h2 pg}"
CASES="${CASES:-dup-files dup-db dup-db-index hist-blocks hist-rows}"
ROUNDS="${ROUNDS:-1}"
TIMEOUT="${TIMEOUT:-1800}"
OUT="$BENCH_OUT/db-vs-files"

for n in "${SIZES[@]}"; do
    if ! [[ "$n" =~ ^[0-9]+$ ]] || (( n % 1000 != 0 )); then
        echo "usage: bench/db-vs-files.sh [PEOPLE ...]   (multiples of 1000)" >&2
        exit 2
    fi
done
bench_require_time
if [[ ! -f target/test-classes/ca/trialpath/bench/DbVsFiles.class ]]; then
    echo "bench: compiling test classes" >&2
    mvn -q -B -o test-compile
fi
mkdir -p "$OUT"
CP_CACHE="$OUT/classpath.txt"
if [[ ! -s "$CP_CACHE" || pom.xml -nt "$CP_CACHE" ]]; then
    echo "bench: asking Maven for the test classpath" >&2
    mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$CP_CACHE" -Dmdep.includeScope=test >&2
fi
CP="target/test-classes:target/classes:$(cat "$CP_CACHE")"

declare -A TIMES    # "n case db" -> the times of its rounds, space-separated
FAILED=0
run_case() {
    local n=$1 kase=$2 db=$3 round=$4
    local name="$n-$kase-$db-r$round"
    # shellcheck disable=SC2086
    bench_timed "$OUT/$name.time.txt" "$OUT/$name.log" \
        timeout "$TIMEOUT" java $JAVA_OPTS -cp "$CP" ca.trialpath.bench.DbVsFiles "$kase" "$db" "$n" "$OUT/$name.data"
    bench_read_time "$OUT/$name.time.txt"
    local line
    line=$(grep '^case=' "$OUT/$name.log" || true)
    if [[ $BENCH_EXIT -ne 0 || -z "$line" ]]; then
        FAILED=1
        line="case=$kase db=$db people=$n (failed: see $OUT/$name.log)"
    else
        # the figure compared: the whole of a duplicates case, the second night of a history case
        local t
        t=$(sed -n 's/.*night2_total_s=\([0-9.]*\).*/\1/p; s/.*[^_]total_s=\([0-9.]*\).*/\1/p' <<< "$line" | head -1)
        TIMES["$n $kase $db"]+="$t "
    fi
    rm -rf "$OUT/$name.data"
    echo "$line round=$round wall_s=$BENCH_WALL peak_rss_mib=$BENCH_RSS_MIB exit=$BENCH_EXIT"
}

median() {
    tr ' ' '\n' <<< "$1" | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

for n in "${SIZES[@]}"; do
    for ((round = 1; round <= ROUNDS; round++)); do
        for kase in $CASES; do
            if [[ $kase == dup-files ]]; then
                run_case "$n" "$kase" h2 "$round"
                continue
            fi
            for db in $DATABASES; do
                run_case "$n" "$kase" "$db" "$round"
            done
        done
    done
    files_dup=$(median "${TIMES["$n dup-files h2"]:-}")
    for db in $DATABASES; do
        files_hist=$(median "${TIMES["$n hist-blocks $db"]:-}")
        for kase in dup-db dup-db-index hist-rows; do
            [[ " $CASES " == *" $kase "* ]] || continue
            t=$(median "${TIMES["$n $kase $db"]:-}")
            if [[ $kase == hist-rows ]]; then
                echo "derived: people=$n hist-rows db=$db night2_s=${t:-n/a} vs_hist_blocks=$(bench_div "$t" "$files_hist")"
            else
                echo "derived: people=$n $kase db=$db total_s=${t:-n/a} vs_dup_files=$(bench_div "$t" "$files_dup")"
            fi
        done
    done
done
exit $FAILED
