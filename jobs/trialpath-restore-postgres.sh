#!/usr/bin/env bash
# Restores the PostgreSQL job repository from a backup the nightly wrapper made with pg_dump after a published night
# (<output>/.trialpath/repository-backup/postgres-<date>.dump): the newest one, or the file named. Installed by
# install.sh as /opt/trialpath/jobs/trialpath-restore-postgres.sh; run it as the service user, the database's
# owner, with no night going (stop the timer first), into the damaged database or into an empty one made by
#   sudo -u postgres dropdb trialpath && sudo -u postgres createdb --owner=trialpath trialpath
# (docs/troubleshooting.md, A damaged job repository). The dump's tables replace theirs (pg_restore --clean
# --if-exists), in one transaction: a restore that fails changes nothing.
#
#   runuser -u trialpath -- /opt/trialpath/jobs/trialpath-restore-postgres.sh [DUMP]
#
# Exit status: 0 restored, 1 pg_restore failed (its message above; the database is as it was), 2 called wrongly
# (no backup, no pg_restore, the connection file unreadable).
# Settings as the nightly wrapper's: /etc/trialpath/trialpath.env (TRIALPATH_ENV) for TRIALPATH_OUTPUT and
# TRIALPATH_DB_ENV, the file of TRIALPATH_DB_URL/USER/PASSWORD (/etc/trialpath/postgres.env).
set -uo pipefail
SELF=trialpath-restore-postgres

TRIALPATH_ENV="${TRIALPATH_ENV:-/etc/trialpath/trialpath.env}"
if [ -r "$TRIALPATH_ENV" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in '' | '#'*) continue ;; esac
        name="${line%%=*}"
        case "$name" in TRIALPATH_OUTPUT | TRIALPATH_DB_ENV) ;; *) continue ;; esac
        if [ -z "${!name+x}" ]; then
            export "$name=${line#*=}"
        fi
    done < "$TRIALPATH_ENV"
fi
TRIALPATH_OUTPUT="${TRIALPATH_OUTPUT:-/srv/trialpath/reports}"
TRIALPATH_DB_ENV="${TRIALPATH_DB_ENV:-/etc/trialpath/postgres.env}"

if [ $# -gt 1 ] || [ "${1:-}" = -h ] || [ "${1:-}" = --help ]; then
    sed -n '2,/^set -uo/p' "$0" | sed '$d'
    exit 2
fi
if ! command -v pg_restore >/dev/null 2>&1; then
    echo "$SELF: no pg_restore on PATH: install PostgreSQL's client (apt-get install postgresql-client)" >&2
    exit 2
fi
if [ ! -r "$TRIALPATH_DB_ENV" ]; then
    echo "$SELF: $TRIALPATH_DB_ENV cannot be read by user $(id -un): run this as the service user" >&2
    exit 2
fi
set -a
# shellcheck disable=SC1090
. "$TRIALPATH_DB_ENV"
set +a

backups="$TRIALPATH_OUTPUT/.trialpath/repository-backup"
dump="${1:-$(find "$backups" -maxdepth 1 -name 'postgres-*.dump' 2>/dev/null | sort | tail -n 1)}"
if [ -z "$dump" ] || [ ! -r "$dump" ]; then
    echo "$SELF: no backup to restore: ${dump:-no postgres-*.dump under $backups} (name one: $SELF FILE)" >&2
    exit 2
fi

# the connection as the wrapper's pg_dump takes it: the JDBC URL without jdbc: and its parameters
url="${TRIALPATH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/trialpath}"
uri="${url#jdbc:}"
if ! PGPASSWORD="${TRIALPATH_DB_PASSWORD:-}" pg_restore --clean --if-exists --single-transaction --exit-on-error \
    --dbname="${uri%%\?*}" --username="${TRIALPATH_DB_USER:-trialpath}" "$dump"; then
    echo "$SELF: the restore of $dump into ${uri%%\?*} failed (above); nothing was changed" >&2
    exit 1
fi
echo "$SELF: restored the job repository ${uri%%\?*} from $dump: the next night resumes from the runs it holds"
