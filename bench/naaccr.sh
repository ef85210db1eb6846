#!/usr/bin/env bash
# The NAACCR input benchmark (issue 14, point 7): a generated whole-registry NAACCR XML extract (PATIENTS
# people, ANAL_SHARE of them with an anal tumour) with its clinic supplement, and the same people as one cohort
# CSV file (every patient a row: those without an anal tumour as the row of their first tumour, which the job
# assesses as out of scope). The job runs on each, and the extract is also read once alone with the job's reader
# (the time of reading it). Target: a patient with no anal tumour costs the job at most the time of reading it.
#
#   bench/naaccr.sh [PATIENTS]          (default 1000000)
#
# Env: JAVA_OPTS   JVM options of the job runs (default -Xmx256m)
#      ANAL_SHARE  share of patients with an anal tumour (default 0.10)
#      SPEC        NAACCR XML specification of the extract (default 1.8: StAX; 1.6: naaccr-xml)
#      SEED        generator seed (default 42)
#      KEEP=1      keeps the runs' output folders and job repositories
#      BENCH_OUT   replaces bench/out
#
# Prints one line per run and the figures; keeps them in bench/out/naaccr/summary.md.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

PATIENTS="${1:-1000000}"
[[ "$PATIENTS" =~ ^[1-9][0-9]*$ ]] || bench_die "usage: bench/naaccr.sh [PATIENTS]"
JAVA_OPTS="${JAVA_OPTS--Xmx256m}"
ANAL_SHARE="${ANAL_SHARE:-0.10}"
SPEC="${SPEC:-1.8}"
SEED="${SEED:-42}"
RUN_DATE=2026-11-27
OUT="$BENCH_OUT/naaccr"
DATA="$OUT/data-$PATIENTS-$ANAL_SHARE-$SPEC-$SEED"
mkdir -p "$OUT"

bench_require_time
bench_require_jar
bench_require_test_classes

CP_CACHE="$BENCH_OUT/test-classpath.txt"
if [[ ! -s "$CP_CACHE" ]]; then
    echo "bench: asking Maven for the test classpath" >&2
    # offline first; the dependency plugin's own dependencies may not be in the local repository yet
    for offline in -o ""; do
        mvn -q -B $offline dependency:build-classpath -Dmdep.outputFile="$CP_CACHE" >&2 && break
    done
fi
CP="target/test-classes:target/classes:$(cat "$CP_CACHE")"

# ---- the data, made once per parameters ---------------------------------------------------------------
if [[ ! -f "$DATA/.complete" ]]; then
    rm -rf "$DATA"
    mkdir -p "$DATA/naaccr" "$DATA/csv" "$DATA/inscope"
    echo "bench: generating $PATIENTS patients ($ANAL_SHARE with an anal tumour, spec $SPEC) into $DATA" >&2
    java -cp "$CP" ca.trialpath.bench.RegistryExtractGenerator --patients "$PATIENTS" --anal-share "$ANAL_SHARE" \
        --seed "$SEED" --spec "$SPEC" --out "$DATA/naaccr/registry.xml" --supplement "$DATA/supplement.csv" >&2
    echo "bench: writing the same people as cohort CSV" >&2
    java -cp "$CP" ca.trialpath.bench.RegistryAsCohortCsv "$DATA/naaccr/registry.xml" "$DATA/supplement.csv" \
        "$DATA/csv/registry.csv" >&2
    # the same number of patients in scope with none out of it: what the people in scope cost the job
    java -cp "$CP" ca.trialpath.bench.RegistryExtractGenerator --patients "$(awk -v n="$PATIENTS" -v s="$ANAL_SHARE" \
        'BEGIN { printf "%.0f", n * s }')" --anal-share 1 --seed "$SEED" --spec "$SPEC" \
        --out "$DATA/inscope/registry.xml" --supplement "$DATA/inscope-supplement.csv" >&2
    touch "$DATA/.complete"
fi

# ---- the runs ------------------------------------------------------------------------------------------
run_job() {
    local name=$1
    shift
    local output="$OUT/run-$name"
    rm -rf "$output"
    mkdir -p "$output"
    # a job repository of its own, so the runs do not see each other
    # shellcheck disable=SC2086
    bench_timed "$OUT/$name.time" "$OUT/$name.log" java $JAVA_OPTS -jar target/trialpath.jar "$@" \
        output="$output/reports" runDate="$RUN_DATE" maxRejectRate=1 \
        "--trialpath.repository.path=$output/repository/trialpath"
    [[ "$BENCH_EXIT" -eq 0 ]] || { tail -5 "$OUT/$name.log" >&2; bench_die "the $name run exited $BENCH_EXIT"; }
    bench_read_time "$OUT/$name.time"
    echo "$name: ${BENCH_WALL} s, max RSS ${BENCH_RSS_MIB} MiB" >&2
}

bench_timed "$OUT/read.time" "$OUT/read.log" java $JAVA_OPTS -cp "$CP" ca.trialpath.bench.RegistryAsCohortCsv \
    --read "$DATA/naaccr/registry.xml" "$DATA/supplement.csv"
[[ "$BENCH_EXIT" -eq 0 ]] || bench_die "reading the extract exited $BENCH_EXIT"
bench_read_time "$OUT/read.time"
READ_WALL=$BENCH_WALL
echo "read alone: ${READ_WALL} s ($(cat "$OUT/read.log"))" >&2

# the fixed cost of a run (start, inspection, publication): the job on the 320 patients of the sample extract
run_job fixed input=sample-data/naaccr/registry-extract.xml supplement=sample-data/naaccr/supplement.csv
FIXED_WALL=$BENCH_WALL
run_job inscope input="$DATA/inscope/registry.xml" supplement="$DATA/inscope-supplement.csv"
INSCOPE_WALL=$BENCH_WALL
run_job naaccr input="$DATA/naaccr/registry.xml" supplement="$DATA/supplement.csv"
NAACCR_WALL=$BENCH_WALL
NAACCR_RSS=$BENCH_RSS_MIB
run_job csv input="$DATA/csv/registry.csv"
CSV_WALL=$BENCH_WALL
CSV_RSS=$BENCH_RSS_MIB

IN_SCOPE=$(awk -v n="$PATIENTS" -v s="$ANAL_SHARE" 'BEGIN { printf "%.0f", n * s }')
OUT_OF_SCOPE=$((PATIENTS - IN_SCOPE))
# what the job spends on a patient out of scope: the whole extract's run less the run of an extract of as
# many patients, all in scope, per patient out of scope; against the time of reading one patient alone
PER_OUT=$(awk -v t="$NAACCR_WALL" -v s="$INSCOPE_WALL" -v o="$OUT_OF_SCOPE" \
    'BEGIN { x = (t - s) / o * 1e6; if (x < 0) x = 0; printf "%.1f", x }')
PER_READ=$(awk -v r="$READ_WALL" -v n="$PATIENTS" 'BEGIN { printf "%.1f", r / n * 1e6 }')

{
    echo "| $PATIENTS patients, $ANAL_SHARE anal, spec $SPEC | wall s | max RSS MiB |"
    echo "|---|---|---|"
    echo "| reading the extract alone (one JVM, the job's reader) | $READ_WALL | - |"
    echo "| job on the 320-patient sample extract (the fixed cost of a run) | $FIXED_WALL | - |"
    echo "| job on an extract of its $IN_SCOPE patients in scope only (same generator, all anal) | $INSCOPE_WALL | - |"
    echo "| job on the NAACCR extract + supplement | $NAACCR_WALL | $NAACCR_RSS |"
    echo "| job on the same people as cohort CSV | $CSV_WALL | $CSV_RSS |"
    echo
    echo "- NAACCR / CSV: $(bench_div "$NAACCR_WALL" "$CSV_WALL")"
    echo "- a patient out of scope costs the job about $PER_OUT µs; reading one alone takes $PER_READ µs"
    echo "  (ratio $(bench_div "$PER_OUT" "$PER_READ"); target: at most 1)"
} | tee "$OUT/summary.md"

if [[ "${KEEP:-0}" != 1 ]]; then
    rm -rf "$OUT/run-naaccr" "$OUT/run-csv" "$OUT/run-fixed" "$OUT/run-inscope"
fi
