#!/usr/bin/env bash
# Runs one night of TrialPath: today's run date, every *.csv of the export folder; first, when a catalogue folder
# is configured, the night's download of the trial catalogue. Installed by install.sh as
# /opt/trialpath/jobs/trialpath-nightly.sh; run by the systemd timer or cron as the service user (docs/install.md).
#
# Exit status (README, Exit status):
#   0  published, or already published from the same files ("nothing to do")
#   1  failed, nothing published for today; the trialpath: line above says why and what to do
#   2  called wrongly: a setting of this script, its settings file or the configuration (nothing ran)
#   3  published, but on the last good trial catalogue: tonight's download failed (TRIALPATH_CATALOGUE only)
#
# Settings: /etc/trialpath/trialpath.env (TRIALPATH_ENV; see jobs/trialpath.env), or the environment, which wins:
#   TRIALPATH_JAR      the application jar
#   TRIALPATH_CONFIG   the nightly properties (see jobs/nightly.properties)
#   TRIALPATH_INPUT    the folder the registry exports the cohort files to
#   TRIALPATH_OUTPUT   the folder the reports are published under (<output>/<YYYY-MM-DD>/)
#   TRIALPATH_MAX_REJECT_RATE  fail the run above this share of rejected rows
#   TRIALPATH_CATALOGUE  a folder: download the trial catalogue into it first (fetch-trials), match on DIR/current
#   TRIALPATH_TRIALS   without TRIALPATH_CATALOGUE: a catalogue file or folder to match on as it is
#   TRIALPATH_TRIAL_CRITERIA  the coordinators' curated criteria (with a catalogue)
#   TRIALPATH_SCREENING  the screening log the coordinators give back (their edited screening_log.csv, docs/screening.md),
#                      with a catalogue; empty (default): none, the run history carries the statuses from night to
#                      night. A file named here that is not there yet is said on standard error and the night runs
#                      without it
#   TRIALPATH_LANG     the language of report.html: en (default) or fr
#   TRIALPATH_DEIDENTIFY  true for a de-identified export (needs TRIALPATH_PSEUDONYM_KEY_FILE, see README)
#   TRIALPATH_PROFILE  empty: the H2 file repository of the config; postgres: the job repository on PostgreSQL
#   TRIALPATH_DB_ENV   with postgres: the file of TRIALPATH_DB_URL/USER/PASSWORD (see jobs/postgres.env)
#   TRIALPATH_LOCK_WAIT  how long a run waits for another run of the same output still going (default 4h)
#   TRIALPATH_RUN_DATE the run date (default today), for a night run by hand for another date; taken from the
#                      environment only: in the settings file it would make every night that one night
#   JAVA_OPTS          JVM options, e.g. -Xmx1g
set -uo pipefail
SELF=trialpath-nightly

# the settings file gives defaults: a variable already in the environment (cron line, systemd Environment=) wins
TRIALPATH_ENV="${TRIALPATH_ENV:-/etc/trialpath/trialpath.env}"
if [ -r "$TRIALPATH_ENV" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in '' | '#'*) continue ;; esac
        name="${line%%=*}"
        case "$name" in *[!A-Za-z0-9_]* | '') continue ;; esac
        if [ "$name" = TRIALPATH_RUN_DATE ]; then
            echo "$SELF: ignored TRIALPATH_RUN_DATE in $TRIALPATH_ENV: a run date is given for one run, in its" \
                "environment; tonight runs for today" >&2
            continue
        fi
        if [ -z "${!name+x}" ]; then
            export "$name=${line#*=}"
        fi
    done < "$TRIALPATH_ENV"
fi

TRIALPATH_JAR="${TRIALPATH_JAR:-/opt/trialpath/trialpath.jar}"
TRIALPATH_CONFIG="${TRIALPATH_CONFIG:-/etc/trialpath/nightly.properties}"
TRIALPATH_INPUT="${TRIALPATH_INPUT:-/srv/registry/exports/anal-cancer-recurrence}"
TRIALPATH_OUTPUT="${TRIALPATH_OUTPUT:-/srv/trialpath/reports}"
TRIALPATH_MAX_REJECT_RATE="${TRIALPATH_MAX_REJECT_RATE:-0.10}"
TRIALPATH_CATALOGUE="${TRIALPATH_CATALOGUE:-}"
TRIALPATH_TRIALS="${TRIALPATH_TRIALS:-}"
TRIALPATH_TRIAL_CRITERIA="${TRIALPATH_TRIAL_CRITERIA:-}"
TRIALPATH_SCREENING="${TRIALPATH_SCREENING:-}"
TRIALPATH_DEIDENTIFY="${TRIALPATH_DEIDENTIFY:-false}"
TRIALPATH_LANG="${TRIALPATH_LANG:-en}"
TRIALPATH_PROFILE="${TRIALPATH_PROFILE:-}"
TRIALPATH_DB_ENV="${TRIALPATH_DB_ENV:-/etc/trialpath/postgres.env}"
TRIALPATH_LOCK_WAIT="${TRIALPATH_LOCK_WAIT:-4h}"
TRIALPATH_JAVA="${TRIALPATH_JAVA:-java}"
if [ -n "${TRIALPATH_RUN_DATE:-}" ] && [ -n "${INVOCATION_ID:-}" ]; then
    # systemd's EnvironmentFile= reads trialpath.env into the environment: the timer's night is always today's
    echo "$SELF: ignored TRIALPATH_RUN_DATE under systemd (from $TRIALPATH_ENV?): the timer runs today's night" >&2
    TRIALPATH_RUN_DATE=""
fi
today="${TRIALPATH_RUN_DATE:-$(date +%F)}"

# --- the jar as started: install.sh extracts the jar beside it (<jar dir>/app/) and trains a class-data sharing
# archive on it (docs/install.md, Start-up cost), which saves part of the JVM's and Spring's start. Used only while
# app/trialpath.jar.source still names TRIALPATH_JAR's size and time (a jar copied back by hand for a rollback runs
# as it is); -Xshare:auto: a JVM that refuses the archive (another Java, a changed jar) runs without it, unslowed.
jar="$TRIALPATH_JAR"
archive=()
extracted="$(dirname "$TRIALPATH_JAR")/app"
if [ -f "$extracted/trialpath.jar" ] && [ -r "$extracted/trialpath.jar.source" ] \
    && [ "$(cat "$extracted/trialpath.jar.source")" = "$(stat -c '%s %Y' "$TRIALPATH_JAR" 2>/dev/null)" ]; then
    jar="$extracted/trialpath.jar"
    if [ -r "$extracted/trialpath.jsa" ]; then
        # before JAVA_OPTS, so that JAVA_OPTS=-Xshare:off turns it off
        archive=("-XX:SharedArchiveFile=$extracted/trialpath.jsa" -Xshare:auto)
    fi
fi

spring=("--spring.config.additional-location=file:$TRIALPATH_CONFIG")
if [ -n "$TRIALPATH_PROFILE" ]; then
    spring+=("--spring.profiles.active=$TRIALPATH_PROFILE")
fi
if [ -n "${INVOCATION_ID:-}" ]; then
    # started by systemd: standard output is the journal, so no log file besides it (journalctl -u trialpath-nightly)
    spring+=("--logging.file.name=")
fi
if [ "$TRIALPATH_PROFILE" = postgres ]; then
    if [ ! -r "$TRIALPATH_DB_ENV" ]; then
        # without it the jar would try the default credentials: say what is wrong instead
        echo "$SELF: TRIALPATH_PROFILE=postgres but $TRIALPATH_DB_ENV cannot be read by user $(id -un): see jobs/postgres.env" >&2
        exit 2
    fi
    # exported for the jar only: application-postgres.properties reads them from the environment
    set -a
    # shellcheck disable=SC1090
    . "$TRIALPATH_DB_ENV"
    set +a
fi

# --- the trial catalogue: tonight's download when a catalogue folder is configured, else TRIALPATH_TRIALS as it is
download_failed=false
trials="$TRIALPATH_TRIALS"
if [ -n "$TRIALPATH_CATALOGUE" ]; then
    # shellcheck disable=SC2086
    "$TRIALPATH_JAVA" ${archive[@]+"${archive[@]}"} ${JAVA_OPTS:-} -jar "$jar" fetch-trials "catalogue=$TRIALPATH_CATALOGUE"
    fetched=$?
    case "$fetched" in
        0) trials="$TRIALPATH_CATALOGUE/current" ;;
        2)
            echo "$SELF: fetch-trials was called wrongly (exit status 2): fix TRIALPATH_CATALOGUE ($TRIALPATH_CATALOGUE)" \
                "named above; nothing ran" >&2
            exit 2
            ;;
        *)
            if [ -e "$TRIALPATH_CATALOGUE/current" ]; then
                download_failed=true
                trials="$TRIALPATH_CATALOGUE/current"
                echo "$SELF: tonight's trial catalogue download failed (exit status $fetched); running on the last good" \
                    "catalogue, $TRIALPATH_CATALOGUE/current" >&2
            else
                echo "$SELF: the trial catalogue download failed (exit status $fetched) and $TRIALPATH_CATALOGUE holds no" \
                    "good catalogue yet: nothing ran; fix the cause named above and run this script again" >&2
                exit 1
            fi
            ;;
    esac
fi
trial_args=()
if [ -n "$trials" ]; then
    trial_args+=("trials=$trials")
    if [ -n "$TRIALPATH_TRIAL_CRITERIA" ]; then
        trial_args+=("trialCriteria=$TRIALPATH_TRIAL_CRITERIA")
    fi
fi
# --- the coordinators' screening log: given back when they have edited it; until then the history carries the
# statuses (giving the published log back unedited changes nothing), so a file not there yet does not stop the night
if [ -n "$TRIALPATH_SCREENING" ]; then
    if [ -e "$TRIALPATH_SCREENING" ]; then
        trial_args+=("screening=$TRIALPATH_SCREENING")
    else
        echo "$SELF: TRIALPATH_SCREENING names $TRIALPATH_SCREENING, which is not there (yet): tonight runs on the" \
            "screening statuses kept in the run history" >&2
    fi
fi

# --- the night. The jar's standard error (its few trialpath: lines; the log is on standard output) is kept to
# choose the advice below, and passed on once the run ends.
errors="$(mktemp "${TMPDIR:-/tmp}/trialpath-nightly.XXXXXX")" || exit 1
trap 'rm -f "$errors"' EXIT
# shellcheck disable=SC2086
"$TRIALPATH_JAVA" ${archive[@]+"${archive[@]}"} ${JAVA_OPTS:-} -jar "$jar" \
    "input=$TRIALPATH_INPUT" \
    "output=$TRIALPATH_OUTPUT" \
    "runDate=$today" \
    "maxRejectRate=$TRIALPATH_MAX_REJECT_RATE" \
    ${trial_args[@]+"${trial_args[@]}"} \
    "deidentify=$TRIALPATH_DEIDENTIFY" \
    "lang=$TRIALPATH_LANG" \
    "lockWait=$TRIALPATH_LOCK_WAIT" \
    "${spring[@]}" 2> "$errors"
status=$?
cat "$errors" >&2

if [ "$status" -eq 0 ] && [ "$TRIALPATH_PROFILE" = postgres ] && command -v pg_dump >/dev/null 2>&1; then
    # the H2 repository is backed up by the jar; PostgreSQL's by pg_dump, beside the published folders (7 kept)
    backups="$TRIALPATH_OUTPUT/.trialpath/repository-backup"
    url="${TRIALPATH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/trialpath}"
    uri="${url#jdbc:}"
    schema="$(sed -n 's/.*[?&]currentSchema=\([^&]*\).*/\1/p' <<<"$uri")"
    if mkdir -p "$backups" && PGPASSWORD="${TRIALPATH_DB_PASSWORD:-}" pg_dump --format=custom \
        --dbname="${uri%%\?*}" --username="${TRIALPATH_DB_USER:-trialpath}" ${schema:+--schema="$schema"} \
        --file="$backups/postgres-$today.dump.new"; then
        mv "$backups/postgres-$today.dump.new" "$backups/postgres-$today.dump"
        find "$backups" -maxdepth 1 -name 'postgres-*.dump' | sort | head -n -7 | xargs -r rm -f
    else
        rm -f "$backups/postgres-$today.dump.new"
        echo "$SELF: published, but pg_dump of the job repository failed; the backup before it is kept" >&2
    fi
fi

if [ "$status" -eq 0 ] && [ "$download_failed" = true ]; then
    echo "TrialPath nightly run for $today PUBLISHED on the last good trial catalogue: tonight's download failed" \
        "(exit status 3). Tomorrow's run downloads again; see the fetch-trials line above." >&2
    exit 3
elif [ "$status" -eq 2 ]; then
    echo "TrialPath was called wrongly (exit status 2): nothing ran. Fix the setting the trialpath: line above names" \
        "(docs/troubleshooting.md), in $TRIALPATH_ENV, $TRIALPATH_CONFIG or this script's environment." >&2
elif [ "$status" -ne 0 ] && grep -q 'a run is in progress for' "$errors"; then
    echo "TrialPath nightly run for $today did not start: another run of $TRIALPATH_OUTPUT was still going after" \
        "waiting $TRIALPATH_LOCK_WAIT (exit status $status). It was not disturbed; check it with ps or journalctl." >&2
elif [ "$status" -ne 0 ] && grep -q 'this run did not start' "$errors"; then
    echo "TrialPath nightly run for $today did not start (exit status $status): nothing was published. Fix what the" \
        "trialpath: line above names (docs/troubleshooting.md), then run this script again." >&2
elif [ "$status" -ne 0 ]; then
    echo "TrialPath nightly run for $today FAILED with exit status $status: nothing was published." >&2
    echo "Fix the cause named above, then run this script again: it resumes where the run stopped." >&2
fi
exit "$status"
