#!/usr/bin/env bash
# The fixed cost of a run, with and without the class-data sharing archive install.sh trains (docs/install.md,
# Start-up cost): the sample cohort's night (220 rows, the README's command with its trial catalogue) and the
# no-op rerun of it ("already published"), ROUNDS times each (default 5), the variants alternated within each
# round so that a shared machine's load falls on all of them alike. Prints each time, then the medians.
#
#   bench/startup.sh            (needs target/trialpath.jar: mvn -B -q -DskipTests package)
#
# Variants: plain    java -jar target/trialpath.jar
#           cds      java -XX:SharedArchiveFile=app/trialpath.jsa -Xshare:auto -jar app/trialpath.jar
#                    (the jar extracted and trained as install.sh does)
# (spring.main.lazy-initialization=true is not a variant: the night then fails, Flyway's migration being lazy
# too, so the job repository meets its first query empty; docs/install.md)
# Everything it writes goes under bench/out/startup (git-ignored; BENCH_OUT names another folder).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
ROUNDS="${ROUNDS:-5}"
work="$BENCH_OUT/startup"
rm -rf "$work" && mkdir -p "$work/in"
work="$(cd "$work" && pwd)"
printf 'patient_id\n' > "$work/in/training.csv"

# the training run, as install.sh makes it
java -Djarmode=tools -jar target/trialpath.jar extract --destination "$work/app" > /dev/null
(cd "$work" && java "-XX:ArchiveClassesAtExit=$work/app/trialpath.jsa" -Dspring.context.exit=onRefresh \
    -jar "$work/app/trialpath.jar" "input=$work/in" "output=$work/train-out" \
    "--trialpath.repository.path=$work/train-db/r" --logging.file.name= > "$work/training.log" 2>&1)
[ -s "$work/app/trialpath.jsa" ] || bench_die "no archive trained: see $work/training.log"

repo="$(pwd)"
jar="$repo/target/trialpath.jar"
command_of() {
    case "$1" in
        plain) echo "-jar $jar" ;;
        cds) echo "-XX:SharedArchiveFile=$work/app/trialpath.jsa -Xshare:auto -jar $work/app/trialpath.jar" ;;
    esac
}
# one run: its wall time in seconds on standard output; a run that does not exit 0 stops the bench
timed() {
    local dir="$1" variant="$2" start end
    start="$(date +%s%N)"
    # shellcheck disable=SC2046
    (cd "$dir" && java $(command_of "$variant") "input=$repo/sample-data" output=out runDate=2026-11-27 \
        "trials=$repo/sample-data/trials" "trialCriteria=$repo/sample-data/trial-criteria.json" \
        --trialpath.repository.path=db/r \
        >> run.log 2>&1) || bench_die "$variant run in $dir failed: see $dir/run.log"
    end="$(date +%s%N)"
    echo "scale=2; ($end - $start) / 1000000000" | bc
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

variants=(plain cds)
for round in $(seq "$ROUNDS"); do
    for variant in "${variants[@]}"; do
        dir="$work/$variant-$round"
        mkdir -p "$dir"
        night="$(timed "$dir" "$variant")"
        echo "night $variant $night" | tee -a "$work/times"
        rerun="$(timed "$dir" "$variant")"
        grep -q 'already published' "$dir/run.log" || bench_die "the rerun in $dir did not find the night published"
        echo "rerun $variant $rerun" | tee -a "$work/times"
    done
done
echo "medians of $ROUNDS (seconds, wall), load average $(cut -d' ' -f1-3 /proc/loadavg):"
for kind in night rerun; do
    for variant in "${variants[@]}"; do
        values="$(awk -v k="$kind" -v v="$variant" '$1 == k && $2 == v { print $3 }' "$work/times")"
        [ -n "$values" ] || continue
        echo "  $kind $variant: $(median <<<"$values") (min $(sort -n <<<"$values" | head -n 1), max $(sort -n <<<"$values" | tail -n 1))"
    done
done
