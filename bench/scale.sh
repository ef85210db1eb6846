#!/usr/bin/env bash
# The scale benchmark (issue 5): for each size, the whole job (a 500-study catalogue, every output) on the
# cohort as one file and as 8 files (with 1 and with 2 threads), each beside the plainest program that reads
# the same input (ca.trialpath.bench.Baseline), and the figures the targets are stated in.
#
#   bench/scale.sh [PEOPLE ...]          (default: 1000000 10000000)
#
# Env: JAVA_OPTS   JVM options of the job runs (default -Xmx256m; the baseline runs with the JVM's defaults)
#      SEED        generator seed (default 42)
#      BAD_RATE    fraction of bad rows (default 0.001)
#      STUDIES     catalogue size (default 500)
#      SPLIT       number of files of the split cohort (default 8)
#      SPLIT_MAX   the split cohort is generated and run only for sizes up to this (default: every size);
#                  SPLIT_MAX=1000000 measures 10M on the one-file cohort only (a third of the time and disk)
#      NIGHT2=0    skips the second night (default: after the one-file run, the same job again on the same
#                  output folder and repository for the next run date, so the history is compared)
#      PROFILE=1   records each job run with JFR (bench/out/scale/RUN.jfr) and prints its top methods
#      KEEP=1      keeps each run's output folder and job repository (they are deleted once measured)
#      TIMEOUT     stops a job run after that many seconds (its exit is then 124)
#      BYTES_PER_PERSON  disk a job run is assumed to need per person until one run has been measured
#                  (default 8000: 1M people with trials wrote about 6.5 GB before issue 5); afterwards
#                  what the last run wrote a person, plus a tenth. DISK_CHECK=0 skips the check
#      BASELINE_CP the baseline's classpath (default: target/test-classes and Commons CSV with its
#                  dependencies, asked from Maven once and cached in bench/out/baseline-classpath.txt)
#      CDS=1       runs the job as install.sh installs it: the jar extracted (bench/out/cds/app/) with a
#                  class-data sharing archive trained on it, made once per jar and Java (docs/install.md)
#      BENCH_JOB   replaces "java $JAVA_OPTS -jar target/trialpath.jar" (the job's arguments are appended),
#                  to test this script without the jar; BENCH_OUT replaces bench/out
#
# Prints one line per run, the derived figures, then a Markdown table (also kept in bench/out/scale/summary.md).
# Exits 0 when every run exited 0, 1 when one did not, 3 when the disk is too full for the next run.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

SIZES=("$@")
if [[ ${#SIZES[@]} -eq 0 ]]; then
    SIZES=(1000000 10000000)
fi
for n in "${SIZES[@]}"; do
    if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
        echo "usage: bench/scale.sh [PEOPLE ...]   (whole numbers, default 1000000 10000000)" >&2
        exit 2
    fi
done
# sorted, so that each size is compared with the one below it
mapfile -t SIZES < <(printf '%s\n' "${SIZES[@]}" | sort -n -u)

JAVA_OPTS="${JAVA_OPTS--Xmx256m}"
SEED="${SEED:-42}"
BAD_RATE="${BAD_RATE:-0.001}"
STUDIES="${STUDIES:-500}"
SPLIT="${SPLIT:-8}"
BYTES_PER_PERSON="${BYTES_PER_PERSON:-8000}"
RUN_DATE=2026-11-27
RUN_DATE_2=2026-11-28
OUT="$BENCH_OUT"
RUNS="$OUT/scale"
CATALOGUE="$OUT/trials-$STUDIES"
GIB=$((1024 * 1024 * 1024))
# what is left for everything else on the machine after a run
MARGIN_BYTES=$GIB

bench_require_time
mkdir -p "$RUNS"
if [[ -z "${BENCH_JOB:-}" ]]; then
    bench_require_jar
fi

# ---- CDS=1: the jar as install.sh leaves it, extracted, with its class-data sharing archive -------------------
JOB_JAR=target/trialpath.jar
CDS_OPTS=()
if [[ "${CDS:-0}" == 1 && -z "${BENCH_JOB:-}" ]]; then
    cds="$OUT/cds"
    stamp="$(stat -c '%s %Y' target/trialpath.jar) $(java -version 2>&1 | head -n 1)"
    if [[ ! -f "$cds/.complete" || "$(cat "$cds/.complete")" != "$stamp" ]]; then
        rm -rf "$cds"
        mkdir -p "$cds/training/in"
        echo "bench: extracting the jar and training its class-data sharing archive into $cds" >&2
        java -Djarmode=tools -jar target/trialpath.jar extract --destination "$cds/app" > /dev/null
        # install.sh's training run: Spring starts on a scratch folder and exits once its context is refreshed
        printf 'patient_id\n' > "$cds/training/in/training.csv"
        (cd "$cds/training" && java -XX:ArchiveClassesAtExit="$PWD/../app/trialpath.jsa" \
            -Dspring.context.exit=onRefresh -jar ../app/trialpath.jar input=in output=out \
            --trialpath.repository.path=db/repository --logging.file.name= > log 2>&1) \
            || bench_die "the class-data sharing archive could not be trained: see $cds/training/log"
        echo "$stamp" > "$cds/.complete"
    fi
    JOB_JAR="$cds/app/trialpath.jar"
    CDS_OPTS=("-XX:SharedArchiveFile=$cds/app/trialpath.jsa" -Xshare:auto)
fi
bench_require_test_classes

# ---- the baseline's classpath: once from Maven, then from the cache ------------------------------------
if [[ -z "${BASELINE_CP:-}" ]]; then
    CP_CACHE="$OUT/baseline-classpath.txt"
    if [[ ! -s "$CP_CACHE" || pom.xml -nt "$CP_CACHE" ]]; then
        echo "bench: asking Maven for Commons CSV's classpath" >&2
        # offline first; the dependency plugin's own dependencies may not be in the local repository yet
        for offline in -o ""; do
            mvn -q -B $offline dependency:build-classpath -Dmdep.outputFile="$CP_CACHE" \
                -DincludeScope=runtime -DincludeArtifactIds=commons-csv,commons-io,commons-codec >&2 && break
        done
    fi
    BASELINE_CP="target/test-classes:$(cat "$CP_CACHE")"
fi

# ---- results ---------------------------------------------------------------------------------------------
declare -A WALL EXIT PUBLISHED_PER_PERSON
TABLE=()        # Markdown rows, in run order
FAILED=0

gib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1073741824 }'; }
# 1234567 -> 1,234,567 (n/a and decimals left alone)
commas() { sed -e ':a' -e 's/^\([0-9]\+\)\([0-9]\{3\}\)/\1,\2/' -e 'ta' <<< "$1"; }

# need_disk WHAT BYTES: stops the benchmark, with what it has so far, when the disk cannot take BYTES more.
need_disk() {
    local what=$1 bytes=$2 free
    if [[ "${DISK_CHECK:-1}" == 0 ]]; then
        return 0
    fi
    free=$(bench_free_bytes "$RUNS")
    if (( free < bytes + MARGIN_BYTES )); then
        echo "bench: refusing $what: it needs about $(gib "$bytes") GiB and $(gib "$MARGIN_BYTES") GiB" \
            "must stay free, but $RUNS has $(gib "$free") GiB free. Free some space (bench/out/ holds" \
            "cohorts and, with KEEP=1, earlier runs) or run a smaller size. A job run is estimated at" \
            "$BYTES_PER_PERSON bytes a person (BYTES_PER_PERSON; DISK_CHECK=0 runs anyway)." >&2
        finish 3
    fi
}

# record NAME PEOPLE FILES THREADS WALL RSS_MIB HTML_KIB OUTPUT_MIB EXIT VS_BASELINE: one line on stdout, one
# row of the table.
record() {
    local name=$1 people=$2 files=$3 threads=$4 wall=$5 rss=$6 html=$7 output=$8 code=$9 vs=${10}
    local rate kind=${name##*-}
    rate=$(bench_div "$people" "$wall" "%.0f")
    WALL[$name]=$wall
    EXIT[$name]=$code
    if [[ $code -ne 0 ]]; then
        FAILED=1
    fi
    printf 'run=%s people=%s files=%s threads=%s wall_s=%s rows_per_s=%s peak_rss_mib=%s report_html_kib=%s output_mib=%s exit=%s vs_baseline=%s\n' \
        "$kind" "$people" "$files" "$threads" "$wall" "$rate" "$rss" "$html" "$output" "$code" "$vs"
    TABLE+=("| $(commas "$people") | $files | $threads | $kind | $wall | $(commas "$rate") | $rss | $html | $output | $code | $vs |")
}

# wall time of a run that exited 0, else nothing
good_wall() {
    if [[ "${EXIT[$1]:-x}" == 0 ]]; then
        echo "${WALL[$1]}"
    fi
}

run_baseline() {
    local people=$1 files=$2 input=$3
    local name="$people-f$files-baseline"
    local output="$RUNS/$name.csv"
    need_disk "$name" $((people * 40))
    rm -f "$output"
    bench_timed "$RUNS/$name.time.txt" "$RUNS/$name.log" \
        java -cp "$BASELINE_CP" ca.trialpath.bench.Baseline "$input" "$output"
    local code=$BENCH_EXIT
    bench_read_time "$RUNS/$name.time.txt"
    if [[ $code -ne 0 ]]; then
        echo "bench: the baseline exited with $code; last lines of $RUNS/$name.log:" >&2
        tail -n 20 "$RUNS/$name.log" >&2
    fi
    local output_mib
    output_mib=$({ du -sb "$output" 2>/dev/null || true; } | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')
    if [[ -z "${KEEP:-}" ]]; then
        rm -f "$output"
    fi
    record "$name" "$people" "$files" - "$BENCH_WALL" "$BENCH_RSS_MIB" - "$output_mib" "$code" -
}

# run_job PEOPLE FILES INPUT THREADS(empty: the job's default) BASELINE_NAME [NIGHT]
# NIGHT 2 runs the next night on the folders the first night of the same name left (its history compared).
run_job() {
    local people=$1 files=$2 input=$3 threads=$4 baseline=$5 night=${6:-1}
    local first="$people-f$files${threads:+-t$threads}-trialpath"
    local name=$first run_date=$RUN_DATE
    if [[ $night == 2 ]]; then
        name="$first-night2"
        run_date=$RUN_DATE_2
    fi
    local reports="$RUNS/$first.reports" repo="$RUNS/$first.repo" jfr="$RUNS/$name.jfr"
    need_disk "$name" $((people * BYTES_PER_PERSON))
    if [[ $night == 1 ]]; then
        rm -rf "$reports" "$repo"
    fi
    rm -f "$jfr"

    local -a cmd opts
    # shellcheck disable=SC2206
    opts=($JAVA_OPTS)
    if [[ -n "${PROFILE:-}" ]]; then
        # Spring Batch stacks are deep: JFR's default depth of 64 would cut the frames inclusive counts need
        opts+=("-XX:StartFlightRecording=filename=$jfr,settings=profile" "-XX:FlightRecorderOptions=stackdepth=256")
    fi
    if [[ -n "${BENCH_JOB:-}" ]]; then
        # shellcheck disable=SC2206
        cmd=($BENCH_JOB)
    else
        cmd=(java ${CDS_OPTS[@]+"${CDS_OPTS[@]}"} ${opts[@]+"${opts[@]}"} -jar "$JOB_JAR")
    fi
    if [[ -n "${TIMEOUT:-}" ]]; then
        cmd=(timeout "$TIMEOUT" "${cmd[@]}")
    fi
    cmd+=("input=$input" "output=$reports" "runDate=$run_date" maxRejectRate=0.10
          "trials=$CATALOGUE/catalogue" "trialCriteria=$CATALOGUE/criteria.json"
          "--trialpath.repository.path=$repo/trialpath")
    if [[ -n "$threads" ]]; then
        cmd+=("--trialpath.threads=$threads")
    fi

    bench_timed "$RUNS/$name.time.txt" "$RUNS/$name.log" "${cmd[@]}"
    local code=$BENCH_EXIT
    bench_read_time "$RUNS/$name.time.txt"
    if [[ $code -ne 0 ]]; then
        echo "bench: the job exited with $code; last lines of $RUNS/$name.log:" >&2
        tail -n 20 "$RUNS/$name.log" >&2
    fi

    local html="$reports/$run_date/report.html" html_kib=- bytes output_mib published
    if [[ -f "$html" ]]; then
        html_kib=$(stat -c %s "$html" | awk '{ printf "%.1f", $1 / 1024 }')
    fi
    # a failed run may have made neither folder
    bytes=$({ du -sb "$reports" "$repo" 2>/dev/null || true; } | awk '{ s += $1 } END { printf "%.0f", s }')
    output_mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
    if [[ $code -eq 0 && "$bytes" -gt 0 ]]; then
        # later runs are checked against what this one took, with a tenth more for safety
        BYTES_PER_PERSON=$(( bytes * 11 / 10 / people + 1 ))
    fi
    if [[ $code -eq 0 && -d "$reports/$run_date" ]]; then
        # what one night publishes, all files together, per person (issue 12: at most 1 KB)
        published=$(find "$reports/$run_date" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }')
        echo "published: run=$name bytes=$published bytes_per_person=$(bench_div "$published" "$people" "%.0f")"
        find "$reports/$run_date" -type f -printf '%s %f\n' | sort -rn | awk -v n="$people" \
            '{ printf "published_file: %s bytes=%s bytes_per_person=%.1f\n", $2, $1, $1 / n }'

        PUBLISHED_PER_PERSON[$name]=$(bench_div "$published" "$people" "%.0f")
    fi
    local keep_for_night2=
    if [[ $night == 1 && $files == 1 && "${NIGHT2:-1}" != 0 && $code -eq 0 ]]; then
        keep_for_night2=1
    fi
    if [[ -z "${KEEP:-}" && -z "$keep_for_night2" ]]; then
        rm -rf "$reports" "$repo"
    fi

    local vs=n/a
    if [[ $code -eq 0 ]]; then
        vs=$(bench_div "$BENCH_WALL" "$(good_wall "$baseline")")
    fi
    record "$name" "$people" "$files" "${threads:-default}" "$BENCH_WALL" "$BENCH_RSS_MIB" "$html_kib" \
        "$output_mib" "$code" "$vs"

    if [[ -n "${PROFILE:-}" && -f "$jfr" ]]; then
        echo "--- $name: JFR top methods ($jfr)"
        java bench/JfrTop.java "$jfr" "${PROFILE_TOP:-15}" | tee "$RUNS/$name.jfr-top.txt"
        echo "---"
    fi
}

# finish CODE: the derived figures and the table of what ran, then exit.
finish() {
    local code=$1 derived=() a b n m cfg ratio
    for n in "${SIZES[@]}"; do
        for cfg in "f1-trialpath|f1-baseline|1 file" "f$SPLIT-t1-trialpath|f$SPLIT-baseline|$SPLIT files, 1 thread" \
                   "f$SPLIT-t2-trialpath|f$SPLIT-baseline|$SPLIT files, 2 threads"; do
            IFS='|' read -r a b m <<< "$cfg"
            [[ -n "${EXIT[$n-$a]:-}" ]] || continue
            ratio=$(bench_div "$(good_wall "$n-$a")" "$(good_wall "$n-$b")")
            echo "derived: vs_baseline people=$n ($m) ratio=$ratio"
            derived+=("| TrialPath / baseline, $(commas "$n") people, $m | $ratio | ≤ 4 |")
        done
        if [[ -n "${PUBLISHED_PER_PERSON[$n-f1-trialpath]:-}" ]]; then
            echo "derived: published_bytes_per_person people=$n value=${PUBLISHED_PER_PERSON[$n-f1-trialpath]}"
            derived+=("| bytes published per person, $(commas "$n") people, first night | ${PUBLISHED_PER_PERSON[$n-f1-trialpath]} | ≤ 1024 |")
        fi
        if [[ -n "${EXIT[$n-f1-trialpath-night2]:-}" ]]; then
            ratio=$(bench_div "$(good_wall "$n-f1-trialpath-night2")" "$(good_wall "$n-f1-trialpath")")
            echo "derived: second_night_over_first people=$n ratio=$ratio"
            derived+=("| second night / first night, $(commas "$n") people, 1 file | $ratio | ≤ 1.2 |")
        fi
        if [[ -n "${EXIT[$n-f$SPLIT-t1-trialpath]:-}" && -n "${EXIT[$n-f$SPLIT-t2-trialpath]:-}" ]]; then
            ratio=$(bench_div "$(good_wall "$n-f$SPLIT-t1-trialpath")" "$(good_wall "$n-f$SPLIT-t2-trialpath")")
            echo "derived: speedup_2_over_1_thread people=$n files=$SPLIT ratio=$ratio"
            derived+=("| speed-up of 2 threads over 1, $(commas "$n") people, $SPLIT files | $ratio | > 1 |")
        fi
    done
    local i
    for (( i = 1; i < ${#SIZES[@]}; i++ )); do
        n=${SIZES[i-1]}
        m=${SIZES[i]}
        local people_ratio
        people_ratio=$(bench_div "$m" "$n")
        # the target: 10 times the people in at most 10.5 times the time, that is 5% above linear
        for cfg in "f1-trialpath|1 file" "f$SPLIT-t1-trialpath|$SPLIT files, 1 thread" \
                   "f$SPLIT-t2-trialpath|$SPLIT files, 2 threads"; do
            IFS='|' read -r a b <<< "$cfg"
            [[ -n "${EXIT[$m-$a]:-}" && -n "${EXIT[$n-$a]:-}" ]] || continue
            ratio=$(bench_div "$(good_wall "$m-$a")" "$(good_wall "$n-$a")")
            echo "derived: time_ratio people=$n->$m ($b) people_ratio=$people_ratio time_ratio=$ratio"
            derived+=("| time of $(commas "$m") / $(commas "$n") people, $b | $ratio | ≤ $(bench_div "$((m * 105))" "$((n * 100))" "%.1f") |")
        done
    done

    local commit cores summary="$RUNS/summary.md"
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
        commit="$commit (with uncommitted changes)"
    fi
    cores=$(nproc)
    {
        echo
        echo "Scale benchmark, $(date -u +%Y-%m-%d), commit $commit, $cores cores, job JAVA_OPTS=\`${JAVA_OPTS}\`," \
            "$STUDIES studies, seed $SEED, bad-row rate $BAD_RATE${CDS_OPTS[0]:+, the jar as installed (extracted, class-data sharing archive)}${PROFILE:+, under JFR (times and RSS not comparable)}:"
        echo
        echo "| people | files | threads | run | wall s | rows/s | peak RSS MiB | report.html KiB | output MiB | exit | × baseline |"
        echo "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|"
        if [[ ${#TABLE[@]} -gt 0 ]]; then
            printf '%s\n' "${TABLE[@]}"
        fi
        if [[ ${#derived[@]} -gt 0 ]]; then
            echo
            echo "| figure | value | target |"
            echo "|---|---:|---|"
            printf '%s\n' "${derived[@]}"
        fi
    } | tee "$summary"
    exit "$code"
}

# ---- the runs --------------------------------------------------------------------------------------------
need_disk "the catalogue" $((64 * 1024 * 1024))
bench_catalogue "$CATALOGUE" "$STUDIES" "$SEED"
for n in "${SIZES[@]}"; do
    ONE="$OUT/cohort-$n"
    MANY="$OUT/cohort-$n-x$SPLIT"
    split=1
    if [[ -n "${SPLIT_MAX:-}" && $n -gt $SPLIT_MAX ]]; then
        split=
    fi
    for cohort in "$ONE|1" ${split:+"$MANY|$SPLIT"}; do
        IFS='|' read -r dir files <<< "$cohort"
        if [[ ! -f "$dir/.complete" ]]; then
            # about 92 bytes a person
            need_disk "generating $dir" $((n * 100))
        fi
        bench_cohort "$dir" "$n" "$files" "$SEED" "$BAD_RATE"
    done

    run_baseline "$n" 1 "$ONE"
    run_job "$n" 1 "$ONE" "" "$n-f1-baseline"
    if [[ "${NIGHT2:-1}" != 0 && "${EXIT[$n-f1-trialpath]}" == 0 ]]; then
        run_job "$n" 1 "$ONE" "" "$n-f1-baseline" 2
        if [[ -z "${KEEP:-}" ]]; then
            rm -rf "$RUNS/$n-f1-trialpath.reports" "$RUNS/$n-f1-trialpath.repo"
        fi
    fi
    if [[ -n "$split" ]]; then
        run_baseline "$n" "$SPLIT" "$MANY"
        run_job "$n" "$SPLIT" "$MANY" 1 "$n-f$SPLIT-baseline"
        run_job "$n" "$SPLIT" "$MANY" 2 "$n-f$SPLIT-baseline"
    fi
done
finish "$FAILED"
