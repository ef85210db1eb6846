#!/usr/bin/env bash
# Runs one night of TrialPath: today's run date, every *.csv of the export folder.
# Exit status is the job's: 0 published (or already published from the same files),
# 1 failed (nothing published; see the log), 2 called wrongly (fix this script or its settings).
#
# Settings (environment, or edit the defaults):
#   TRIALPATH_JAR      the application jar
#   TRIALPATH_CONFIG   the nightly properties (see jobs/nightly.properties)
#   TRIALPATH_INPUT    the folder the registry exports the cohort files to
#   TRIALPATH_OUTPUT   the folder the reports are published under (<output>/<YYYY-MM-DD>/)
#   TRIALPATH_MAX_REJECT_RATE  fail the run above this share of rejected rows
#   TRIALPATH_LANG     the language of report.html: en (default) or fr
#   TRIALPATH_DEIDENTIFY  true for a de-identified export (needs TRIALPATH_PSEUDONYM_KEY_FILE, see README)
#   TRIALPATH_PROFILE  empty: the H2 file repository of the config; postgres: the job repository on PostgreSQL
#   TRIALPATH_DB_ENV   with postgres: the file of TRIALPATH_DB_URL/USER/PASSWORD (see jobs/postgres.env)
#   JAVA_OPTS          JVM options, e.g. -Xmx1g
set -uo pipefail

TRIALPATH_JAR="${TRIALPATH_JAR:-/opt/trialpath/trialpath.jar}"
TRIALPATH_CONFIG="${TRIALPATH_CONFIG:-/etc/trialpath/nightly.properties}"
TRIALPATH_INPUT="${TRIALPATH_INPUT:-/srv/registry/exports/anal-cancer-recurrence}"
TRIALPATH_OUTPUT="${TRIALPATH_OUTPUT:-/srv/trialpath/reports}"
TRIALPATH_MAX_REJECT_RATE="${TRIALPATH_MAX_REJECT_RATE:-0.10}"
# optional: the night's ClinicalTrials.gov download and the coordinators' criteria (empty: no trial matching)
TRIALPATH_TRIALS="${TRIALPATH_TRIALS:-}"
TRIALPATH_TRIAL_CRITERIA="${TRIALPATH_TRIAL_CRITERIA:-}"
TRIAL_ARGS=()
if [ -n "$TRIALPATH_TRIALS" ]; then
    TRIAL_ARGS+=("trials=$TRIALPATH_TRIALS")
    if [ -n "$TRIALPATH_TRIAL_CRITERIA" ]; then
        TRIAL_ARGS+=("trialCriteria=$TRIALPATH_TRIAL_CRITERIA")
    fi
fi
TRIALPATH_DEIDENTIFY="${TRIALPATH_DEIDENTIFY:-false}"
TRIALPATH_LANG="${TRIALPATH_LANG:-en}"
TRIALPATH_PROFILE="${TRIALPATH_PROFILE:-}"
TRIALPATH_DB_ENV="${TRIALPATH_DB_ENV:-/etc/trialpath/postgres.env}"

profile=()
if [ -n "$TRIALPATH_PROFILE" ]; then
    profile=("--spring.profiles.active=$TRIALPATH_PROFILE")
fi
if [ "$TRIALPATH_PROFILE" = postgres ] && [ ! -r "$TRIALPATH_DB_ENV" ]; then
    # without it the jar would try the default credentials: say what is wrong instead
    echo "trialpath-nightly: TRIALPATH_PROFILE=postgres but $TRIALPATH_DB_ENV cannot be read" >&2
    exit 2
fi
if [ "$TRIALPATH_PROFILE" = postgres ]; then
    # exported for the jar only: application-postgres.properties reads them from the environment
    set -a
    # shellcheck disable=SC1090
    . "$TRIALPATH_DB_ENV"
    set +a
fi

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$TRIALPATH_JAR" \
    "input=$TRIALPATH_INPUT" \
    "output=$TRIALPATH_OUTPUT" \
    "runDate=$(date +%F)" \
    "maxRejectRate=$TRIALPATH_MAX_REJECT_RATE" \
    ${TRIAL_ARGS[@]+"${TRIAL_ARGS[@]}"} \
    "deidentify=$TRIALPATH_DEIDENTIFY" \
    "lang=$TRIALPATH_LANG" \
    "--spring.config.additional-location=file:$TRIALPATH_CONFIG" \
    "${profile[@]}"
status=$?
if [ "$status" -eq 2 ]; then
    echo "TrialPath was called wrongly (exit status 2): fix the setting named above in this script or its environment." >&2
elif [ "$status" -ne 0 ]; then
    echo "TrialPath nightly run for $(date +%F) FAILED with exit status $status: nothing was published." >&2
    echo "Fix the cause named above, then run this script again: it resumes where the run stopped." >&2
fi
exit "$status"
