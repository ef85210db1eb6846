#!/usr/bin/env bash
# Benchmark trial matching: the same synthetic cohort of N people (default 1000000) run without and with a
# generated catalogue of S studies (default 500) and its curated criteria, and the added time as a ratio.
#
#   bench/trials.sh [N] [S]
#
# Env: as bench/run.sh (JAVA_OPTS, FILES, SEED, BAD_RATE). Everything goes under bench/out/ (git-ignored).
# Prints the two bench/run.sh lines, then: people, studies, wall seconds without and with, ratio.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh

N="${1:-1000000}"
S="${2:-500}"
SEED="${SEED:-42}"
OUT="$BENCH_OUT"
CATALOGUE="$OUT/trials-$S"

if ! [[ "$N" =~ ^[0-9]+$ && "$S" =~ ^[0-9]+$ ]]; then
    echo "usage: bench/trials.sh [PEOPLE] [STUDIES]   (whole numbers, default 1000000 500)" >&2
    exit 2
fi
mkdir -p "$OUT"
bench_catalogue "$CATALOGUE" "$S" "$SEED"

WITHOUT=$(bench/run.sh "$N")
echo "$WITHOUT"
WITH=$(TRIALS="$CATALOGUE/catalogue" TRIAL_CRITERIA="$CATALOGUE/criteria.json" bench/run.sh "$N")
echo "$WITH"

wall() { sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p' <<< "$1"; }
A=$(wall "$WITHOUT")
B=$(wall "$WITH")
RATIO=$(awk -v a="$A" -v b="$B" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "n/a" }')
ROWS=$(($(wc -l < "$OUT/reports-$N-trials/2026-11-27/trial_matches.csv") - 1))
printf 'people=%s studies=%s wall_s_without=%s wall_s_with=%s ratio=%s trial_match_rows=%s\n' \
    "$N" "$S" "$A" "$B" "$RATIO" "$ROWS"
