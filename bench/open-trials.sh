#!/usr/bin/env bash
# Trial matching's memory when every study of the catalogue can match: a generated catalogue of S studies
# (default 22507, about 50 MB, all recruiting anal cancer studies in Canada, open to every sex and adult age)
# against the sample cohort (220 rows), the whole job at a small heap (default -Xmx512m).
#
#   bench/open-trials.sh [STUDIES] [XMX]
#
# Everything goes under bench/out/ (git-ignored). Every person flagged for a trial discussion matches every
# study, so the outputs are large: about 1 GB of trial_matches.csv and assessments.jsonl per 10,000 studies.
# Prints: studies, catalogue bytes, exit status, wall seconds, peak RSS, rows of trial_matches.csv, and the
# last line of standard error when the run failed.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

S="${1:-22507}"
XMX="${2:-512m}"
if ! [[ "$S" =~ ^[0-9]+$ ]]; then
    echo "usage: bench/open-trials.sh [STUDIES] [XMX]   (default 22507 512m)" >&2
    exit 2
fi
bench_require_time
bench_require_jar
OUT="$BENCH_OUT/open-trials-$S"
if [[ ! -f "$OUT/.complete" ]]; then
    rm -rf "$OUT"
    if [[ ! -f target/test-classes/ca/trialpath/bench/OpenTrialsGenerator.class ]]; then
        mvn -q -B -o test-compile
    fi
    java -cp target/test-classes ca.trialpath.bench.OpenTrialsGenerator --studies "$S" --out "$OUT/catalogue" >&2
    touch "$OUT/.complete"
fi
rm -rf "$OUT/reports" "$OUT/repository"
bench_timed "$OUT/time.log" "$OUT/job.log" java "-Xmx$XMX" -jar target/trialpath.jar input=sample-data \
    output="$OUT/reports" runDate=2026-11-27 trials="$OUT/catalogue" \
    --trialpath.repository.path="$PWD/$OUT/repository/db"
bench_read_time "$OUT/time.log"
ROWS=n/a
if [[ -f "$OUT/reports/2026-11-27/trial_matches.csv" ]]; then
    ROWS=$(($(wc -l < "$OUT/reports/2026-11-27/trial_matches.csv") - 1))
fi
printf 'studies=%s catalogue_bytes=%s xmx=%s exit=%s wall_s=%s rss_mib=%s trial_match_rows=%s\n' "$S" \
    "$(du -sb "$OUT/catalogue" | cut -f1)" "$XMX" "$BENCH_EXIT" "$BENCH_WALL" "$BENCH_RSS_MIB" "$ROWS"
if [[ "$BENCH_EXIT" != 0 ]]; then
    grep '^trialpath: ' "$OUT/job.log" | tail -1
fi
