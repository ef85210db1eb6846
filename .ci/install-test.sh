#!/usr/bin/env bash
# The release archive installed as an operator would (docs/install.md), into scratch roots, in three parts:
#  1. a first install: install.sh with a coordinators' group, the systemd units checked by systemd-analyze verify,
#     the scheduled command run as the service user with systemd's umask, the report readable by a coordinator and
#     by no one else, the retry that finds the night published, the cron block merged into a crontab;
#  2. an upgrade between two real releases: the release before (built from this repository's history,
#     TRIALPATH_PREVIOUS_RELEASE) installed and run for a night, then this one installed over it: the configuration,
#     modes and owners kept, the job repository migrated by Flyway to the same history as a new one's, the first
#     night recognised, the next night compared with it; then the H2 repository damaged and put back by
#     restore-repository;
#  3. the job repository on PostgreSQL: a night, its pg_dump backup, the database dropped and made again (a night
#     then refuses it), trialpath-restore-postgres.sh, the next night compared with the first, the first recognised.
#     Needs the server .ci/run starts (TRIALPATH_TEST_PG_URL/_USER/_PASSWORD); skipped without one, except in CI.
# Runs as root, after mvn verify (.ci/run). Leaves nothing but the previous release's build, kept in
# target/previous-release/<commit>/ for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

archive="$(ls target/trialpath-*.tar.gz | head -n 1)"
# the release before this one: a commit of this repository's history with install.sh and the same layout
previous="${TRIALPATH_PREVIOUS_RELEASE:-f2fef08}"
ci_user=trialpath-ci
ci_group=coordinators-ci
reader=reader-ci
stranger=stranger-ci
pg_database=trialpath_restore_ci
pg_created=false
scratch="$(mktemp -d /tmp/trialpath-install-test.XXXXXX)"
cleanup() {
    crontab -u "$ci_user" -r 2>/dev/null || true
    for u in "$reader" "$stranger" "$ci_user"; do userdel "$u" 2>/dev/null || true; done
    for g in "$ci_group" "$ci_user"; do groupdel "$g" 2>/dev/null || true; done
    if [ "$pg_created" = true ]; then pg_admin dropdb --if-exists "$pg_database" 2>/dev/null || true; fi
    rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }
step() { echo "install-test: [$((SECONDS - started)) s] $*"; }
chmod 0755 "$scratch"

# --- the release before, built once from the repository's history (its tests skipped: they ran in its own CI)
git_() { git -c safe.directory="$PWD" "$@"; }
previous_commit="$(git_ rev-parse --verify --quiet "$previous^{commit}")" \
    || fail "no commit $previous in this repository's history (a shallow clone? fetch with --unshallow)"
previous_cache="target/previous-release/$previous_commit"
if ! compgen -G "$previous_cache/trialpath-*.tar.gz" >/dev/null; then
    step "building the release before, $previous ($previous_commit), without its tests"
    build="$scratch/previous-build"
    mkdir -p "$build"
    git_ archive "$previous_commit" | tar -x -C "$build"
    if ! (cd "$build" && mvn -B -q -Dmaven.test.skip=true package) > "$scratch/previous-build.log" 2>&1; then
        tail -n 30 "$scratch/previous-build.log"
        fail "the release before ($previous) did not build"
    fi
    mkdir -p "$previous_cache"
    mv "$build"/target/trialpath-*.tar.gz "$previous_cache/"
    rm -rf "$build"
fi
previous_archive="$(ls "$previous_cache"/trialpath-*.tar.gz | head -n 1)"

unpack() {  # unpack ARCHIVE NAME: the release folder
    mkdir -p "$scratch/$2" && tar xzf "$1" -C "$scratch/$2"
    ls -d "$scratch/$2"/trialpath-*
}
release="$(unpack "$archive" release)"
previous_release="$(unpack "$previous_archive" previous-release)"

# the scheduled command as the service user, with the unit's umask: night ROOT [NAME=VALUE ...]
night() {
    local at="$1"
    shift
    runuser -u "$ci_user" -- env -i PATH="$PATH" HOME=/ JAVA_OPTS="${java_opts:-}" "$@" \
        bash -c "umask 0077; exec $at/opt/trialpath/jobs/trialpath-nightly.sh" > "$scratch/night.out" 2> "$scratch/night.err"
}
show() { cat "$scratch/night.out" "$scratch/night.err" >&2; }
# the execution a night published or found published, from its trialpath: line
execution() { sed -n 's/^trialpath: .*(execution \([0-9]*\)).*/\1/p' "$scratch/night.out" | tail -n 1; }
next_day() { date -d "$1 + 1 day" +%F; }
# the registry's export: these sample files only, readable by the service user's group
export_files() {
    local input="$1/srv/registry/exports/anal-cancer-recurrence"
    shift
    rm -f "$input"/*.csv
    for file in "$@"; do cp "sample-data/$file" "$input/"; done
    chgrp -R "$ci_group" "$input" && chmod 0640 "$input"/*.csv
}
# what a night's changes.csv holds besides its header: at least one NEW_PERSON row for the people of cohort b
compared_with() {  # compared_with FOLDER DATE: the night of FOLDER was compared with the night of DATE
    tr -d ' \n' < "$1/summary.json" | grep -q "\"previous_run\":{\"run_date\":\"$2\"" \
        || { grep -A 3 '"previous_run"' "$1/summary.json" >&2; fail "$1 was not compared with the night of $2"; }
    [ "$(grep -c ',NEW_PERSON,' "$1/changes.csv")" -gt 0 ] \
        || { head -n 3 "$1/changes.csv" >&2; fail "$1/changes.csv lists no new person (a first run's header only?)"; }
}
# the modes and owners of docs/install.md's table, after a first install and after an upgrade alike
check_modes() {
    local at="$1"
    [ "$(stat -c '%a %U' "$at/var/lib/trialpath")" = "700 $ci_user" ] || fail "$at: repository folder is not 0700 $ci_user"
    [ "$(stat -c '%a %U:%G' "$at/srv/trialpath/reports")" = "750 $ci_user:$ci_group" ] \
        || fail "$at: output folder is $(stat -c '%a %U:%G' "$at/srv/trialpath/reports")"
    [ "$(stat -c '%a %U:%G' "$at/etc/trialpath")" = "750 root:$ci_group" ] || fail "$at: /etc/trialpath is not 0750"
    [ "$(stat -c '%a %G' "$at/etc/trialpath/nightly.properties")" = "640 $ci_group" ] || fail "$at: config is not 0640"
    [ "$(stat -c '%a %U' "$at/etc/trialpath/postgres.env")" = "600 $ci_user" ] || fail "$at: postgres.env is not 0600"
    [ "$(stat -c '%a %U' "$at/opt/trialpath/trialpath.jar")" = "644 root" ] || fail "$at: the jar is not root's 0644"
    grep -q '^trialpath.publish-permissions=group$' "$at/etc/trialpath/nightly.properties" \
        || fail "$at: --coordinators did not set publish-permissions=group"
    # the start-up archive: the jar extracted and an archive trained on it, stamped with the installed jar
    [ -s "$at/opt/trialpath/app/trialpath.jsa" ] || fail "$at: install.sh trained no start-up archive (app/trialpath.jsa)"
    [ "$(cat "$at/opt/trialpath/app/trialpath.jar.source")" = "$(stat -c '%s %Y' "$at/opt/trialpath/trialpath.jar")" ] \
        || fail "$at: app/trialpath.jar.source does not name the installed jar"
}
# the H2 repository's Flyway history (version, description, checksum, success), read as the service user
h2_history() {
    local at="$1" h2
    h2="$(ls "$at"/opt/trialpath/app/lib/h2-*.jar 2>/dev/null | head -n 1)"
    [ -n "$h2" ] || fail "$at: no H2 jar under opt/trialpath/app/lib (the jar was not extracted)"
    runuser -u "$ci_user" -- bash -c 'umask 0077; exec "$@"' - java -cp "$h2" org.h2.tools.Shell \
        -url "jdbc:h2:file:$at/var/lib/trialpath/repository" -user sa -password "" \
        -sql 'SELECT "version", "description", "checksum", "success" FROM "flyway_schema_history" ORDER BY "installed_rank"' \
        | grep -v '^([0-9]* rows\?, '
}

# ===== 1. a first install
root="$scratch/root"
step "1. first install under $root"
"$release/install.sh" --root "$root" --user "$ci_user" --coordinators "$ci_group" --systemd
useradd --no-create-home --shell /usr/sbin/nologin -G "$ci_group" "$reader"
useradd --no-create-home --shell /usr/sbin/nologin "$stranger"
stat -c '%a %U:%G %n' "$root/etc/trialpath" "$root/var/lib/trialpath" "$root/var/log/trialpath" \
    "$root/srv/trialpath/reports" "$root/opt/trialpath/trialpath.jar"
check_modes "$root"
grep -q 'TRIALPATH_INPUT="${TRIALPATH_INPUT:-' "$root/opt/trialpath/jobs/trialpath-nightly.sh" \
    || fail "the installed wrapper no longer lets the environment choose the input"

# the units: what systemd would load
systemd-analyze verify "$root/etc/systemd/system/trialpath-nightly.service" \
    "$root/etc/systemd/system/trialpath-nightly.timer"
for line in 'Wants=network-online.target' 'UMask=0077' 'Restart=on-failure' "User=$ci_user"; do
    grep -qx "$line" "$root/etc/systemd/system/trialpath-nightly.service" || fail "the unit lacks $line"
done

# the registry's export, then the scheduled command
export_files "$root" cohort-2026-11-a.csv cohort-2026-11-b.csv
night "$root" || { status=$?; show; fail "the first night exited $status"; }
published="$(sed -n 's/^trialpath: published \([^ ]*\) .*/\1/p' "$scratch/night.out")"
[ -f "$published/report.html" ] || { show; fail "the night did not say it published a report.html ($published)"; }
[ "$(dirname "$published")" = "$root/srv/trialpath/reports" ] || fail "published $published, not under the output folder"
[ -f "$root/var/log/trialpath/trialpath.log" ] || fail "no log file under cron-like start"
[ "$(stat -c '%a %G' "$published")" = "750 $ci_group" ] || fail "published folder is $(stat -c '%a %G' "$published")"
runuser -u "$reader" -- cat "$published/report.html" > /dev/null || fail "a coordinator cannot read the report"
if runuser -u "$stranger" -- cat "$published/report.html" > /dev/null 2>&1; then
    fail "an account outside the coordinators' group can read the report"
fi
[ "$(stat -c '%a' "$root/var/lib/trialpath/repository.mv.db")" = 600 ] || fail "the H2 file is not 0600"
if grep -q 'already exists' "$root"/var/lib/trialpath/*.trace.db 2>/dev/null; then fail "H2 traced expected errors"; fi
# what Flyway makes of a new repository: the history an upgraded one must end with
h2_history "$root" > "$scratch/history.new"
grep -q 'TRUE' "$scratch/history.new" || { cat "$scratch/history.new"; fail "no Flyway history in a new repository"; }

# the 05:00 retry: nothing to do. -Xshare:on (after the wrapper's -Xshare:auto) makes a JVM that cannot
# use the archive fail instead of starting without it: the retry ran with the archive
java_opts=-Xshare:on night "$root" || { status=$?; show; fail "the retry exited $status (with -Xshare:on: the archive)"; }
grep -q 'already published' "$scratch/night.out" || { show; fail "the retry did not find the night published"; }

# cron: the block is added beside the user's own lines, and replaced (not repeated) by a second install
if command -v crontab >/dev/null 2>&1; then
    echo '30 1 * * * /usr/bin/true # the user'"'"'s own line' | crontab -u "$ci_user" -
    archive_time="$(stat -c %Y "$root/opt/trialpath/app/trialpath.jsa")"
    "$release/install.sh" --root "$root" --user "$ci_user" --cron > /dev/null
    "$release/install.sh" --root "$root" --user "$ci_user" --cron > /dev/null
    crontab -u "$ci_user" -l > "$scratch/crontab"
    grep -q "the user's own line" "$scratch/crontab" || fail "install.sh --cron replaced the user's crontab"
    [ "$(grep -c '^# BEGIN trialpath-nightly' "$scratch/crontab")" = 1 ] || fail "the cron block is repeated"
    grep -q "^0 2 \* \* \*  $root/opt/trialpath/jobs/trialpath-nightly.sh" "$scratch/crontab" || fail "no 02:00 line"
    # the same release installed again keeps its jar and archive, and makes no "previous" jar of itself
    [ "$(stat -c %Y "$root/opt/trialpath/app/trialpath.jsa")" = "$archive_time" ] || fail "a reinstall retrained the archive"
    [ ! -e "$root/opt/trialpath/trialpath.jar.previous" ] || fail "a reinstall of the same release made a previous jar"
    check_modes "$root"
    # those installs named no --coordinators: the service user keeps its group, the configuration stays readable
    [ "$(id -gn "$ci_user")" = "$ci_group" ] || fail "install.sh without --coordinators changed $ci_user's group"
    [ "$(stat -c '%G' "$root/etc/trialpath")" = "$ci_group" ] || fail "install.sh without --coordinators regrouped /etc/trialpath"
    crontab -u "$ci_user" -r
else
    echo "install-test: no crontab command: cron part skipped"
fi

# ===== 2. an upgrade from the release before
up="$scratch/upgrade"
step "2. the release before ($previous) installed under $up, a night, then this release over it"
cmp -s "$previous_release/trialpath.jar" "$release/trialpath.jar" \
    && fail "the release before ($previous) has this release's very jar: set TRIALPATH_PREVIOUS_RELEASE to an older commit"
"$previous_release/install.sh" --root "$up" --user "$ci_user" --coordinators "$ci_group" --systemd > /dev/null
export_files "$up" cohort-2026-11-a.csv
night "$up" || { status=$?; show; fail "the night of the release before exited $status"; }
first="$(sed -n 's/^trialpath: published \([^ ]*\) .*/\1/p' "$scratch/night.out")"
first_execution="$(execution)"
[ -f "$first/report.html" ] && [ -n "$first_execution" ] || { show; fail "the release before published no night"; }
first_date="$(basename "$first")"
h2_history "$up" > "$scratch/history.before"
echo "# edited by the operator" >> "$up/etc/trialpath/trialpath.env"

"$release/install.sh" --root "$up" --user "$ci_user" --coordinators "$ci_group" --systemd > "$scratch/upgrade.out"
grep -q 'upgrade: the previous jar is kept' "$scratch/upgrade.out" || { cat "$scratch/upgrade.out"; fail "not an upgrade"; }
grep -q 'edited by the operator' "$up/etc/trialpath/trialpath.env" || fail "the upgrade replaced trialpath.env"
[ -f "$up/opt/trialpath/trialpath.jar.previous" ] || fail "the upgrade did not keep the previous jar"
cmp -s "$release/trialpath.jar" "$up/opt/trialpath/trialpath.jar" || fail "the upgrade did not install this release's jar"
check_modes "$up"
[ "$(stat -c '%a %U' "$up/var/lib/trialpath/repository.mv.db")" = "600 $ci_user" ] || fail "the upgrade changed the H2 file"

# the retry of the first night, answered from what the release before recorded, with the retrained archive
java_opts=-Xshare:on night "$up" "TRIALPATH_RUN_DATE=$first_date" \
    || { status=$?; show; fail "the first night's rerun after the upgrade exited $status (with -Xshare:on: the retrained archive)"; }
grep -q "already published .* (execution $first_execution)" "$scratch/night.out" \
    || { show; fail "after the upgrade the first night is not recognised"; }
# the next night, on an export with more people: Flyway migrates the repository, the history compares
export_files "$up" cohort-2026-11-a.csv cohort-2026-11-b.csv
second_date="$(next_day "$first_date")"
night "$up" "TRIALPATH_RUN_DATE=$second_date" || { status=$?; show; fail "the first night after the upgrade exited $status"; }
second="$up/srv/trialpath/reports/$second_date"
grep -q "published $second " "$scratch/night.out" || { show; fail "the night after the upgrade did not publish"; }
compared_with "$second" "$first_date"
[ "$(stat -c '%a %G' "$second")" = "750 $ci_group" ] || fail "a night after the upgrade published $(stat -c '%a %G' "$second")"
runuser -u "$reader" -- cat "$second/report.html" > /dev/null || fail "a coordinator cannot read the upgraded night's report"
h2_history "$up" > "$scratch/history.after"
if ! cmp -s "$scratch/history.after" "$scratch/history.new"; then
    diff "$scratch/history.after" "$scratch/history.new" >&2 || true
    fail "the upgraded repository's Flyway history (<) is not a new repository's (>)"
fi
# diff exits 1 when the upgrade applied a migration: under pipefail that must not end the test
applied="$({ diff "$scratch/history.before" "$scratch/history.after" || true; } | sed -n 's/^> *\([0-9][0-9.]*\) .*/V\1/p' | paste -sd' ' -)"
step "upgraded: Flyway applied ${applied:-no migration (the two releases have the same)}"
# the first night asked of the migrated repository itself (not of the watermark): known by its execution
rm -f "$up/srv/trialpath/reports/.trialpath/repository.watermark"
export_files "$up" cohort-2026-11-a.csv
night "$up" "TRIALPATH_RUN_DATE=$first_date" || { status=$?; show; fail "the first night's rerun on the migrated repository exited $status"; }
grep -q "already published .* (execution $first_execution)" "$scratch/night.out" \
    || { show; fail "the migrated repository does not know the first night's execution"; }

# the H2 repository damaged, then put back from the nightly backup by the documented command
step "2b. the H2 repository overwritten, then restore-repository"
printf 'overwritten by a careless copy\n' > "$up/var/lib/trialpath/repository.mv.db"
runuser -u "$ci_user" -- bash -c 'umask 0077; exec "$@"' - java -jar "$up/opt/trialpath/trialpath.jar" \
    restore-repository "output=$up/srv/trialpath/reports" \
    "--spring.config.additional-location=file:$up/etc/trialpath/nightly.properties" > "$scratch/restore.out" 2>&1 \
    || { status=$?; cat "$scratch/restore.out"; fail "restore-repository exited $status"; }
grep -q '^trialpath: restored ' "$scratch/restore.out" || { cat "$scratch/restore.out"; fail "restore-repository said no restore"; }
[ "$(stat -c '%a %U' "$up/var/lib/trialpath/repository.mv.db")" = "600 $ci_user" ] \
    || fail "the restored H2 file is $(stat -c '%a %U' "$up/var/lib/trialpath/repository.mv.db")"
ls "$up"/var/lib/trialpath/repository.mv.db.damaged-* > /dev/null || fail "restore-repository did not keep the damaged file"
h2_history "$up" > "$scratch/history.restored"
cmp -s "$scratch/history.restored" "$scratch/history.new" || fail "the restored repository lost its Flyway history"
rm -f "$up/srv/trialpath/reports/.trialpath/repository.watermark"
night "$up" "TRIALPATH_RUN_DATE=$first_date" || { status=$?; show; fail "the first night's rerun on the restored repository exited $status"; }
grep -q "already published .* (execution $first_execution)" "$scratch/night.out" \
    || { show; fail "the restored repository does not know the first night's execution"; }

# ===== 3. the job repository on PostgreSQL: backup, a lost database, restore
pg_url="${TRIALPATH_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/trialpath_test}"
pg_server="${pg_url#jdbc:postgresql://}"
pg_server="${pg_server%%/*}"
pg_host="${pg_server%%:*}"
pg_port=5432
case "$pg_server" in *:*) pg_port="${pg_server##*:}" ;; esac
pg_user="${TRIALPATH_TEST_PG_USER:-trialpath_test}"
pg_password="${TRIALPATH_TEST_PG_PASSWORD:-trialpath_test}"
# the server's superuser over its local socket (peer), as the one-time set-up in jobs/postgres.env
pg_admin() { runuser -u postgres -- "$@" --port="$pg_port"; }
if ! id postgres > /dev/null 2>&1 || ! pg_isready -q -h "$pg_host" -p "$pg_port" || ! command -v pg_dump > /dev/null; then
    if [ -n "${TRIALPATH_TEST_PG_URL:-}" ] || [ "${CI:-}" = true ]; then
        fail "PostgreSQL is required here (CI=true or TRIALPATH_TEST_PG_URL set) but $pg_host:$pg_port is not ready"
    fi
    echo "install-test: no PostgreSQL at $pg_host:$pg_port (or no pg_dump): the PostgreSQL part skipped"
else
    step "3. the job repository on PostgreSQL ($pg_host:$pg_port, database $pg_database): backup and restore"
    pg_created=true
    pg_admin dropdb --if-exists "$pg_database"
    pg_admin createdb --owner="$pg_user" "$pg_database"
    sed -i -e "s|^TRIALPATH_DB_URL=.*|TRIALPATH_DB_URL=jdbc:postgresql://$pg_host:$pg_port/$pg_database|" \
        -e "s|^TRIALPATH_DB_USER=.*|TRIALPATH_DB_USER=$pg_user|" \
        -e "s|^TRIALPATH_DB_PASSWORD=.*|TRIALPATH_DB_PASSWORD=$pg_password|" "$root/etc/trialpath/postgres.env"
    sed -i 's|^#TRIALPATH_PROFILE=postgres$|TRIALPATH_PROFILE=postgres|' "$root/etc/trialpath/trialpath.env"
    pg_output="$root/srv/trialpath/reports-postgres"
    install -d -m 0750 -o "$ci_user" -g "$ci_group" "$pg_output"
    pg_night() { night "$root" "TRIALPATH_OUTPUT=$pg_output" "$@"; }

    # before any backup, the restore says there is none (exit 2) and touches nothing
    restore_pg() {
        runuser -u "$ci_user" -- env -i PATH="$PATH" TRIALPATH_ENV="$root/etc/trialpath/trialpath.env" \
            TRIALPATH_OUTPUT="$pg_output" "$root/opt/trialpath/jobs/trialpath-restore-postgres.sh" > "$scratch/restore.out" 2>&1
    }
    status=0
    restore_pg || status=$?
    [ "$status" = 2 ] && grep -q 'no backup to restore' "$scratch/restore.out" \
        || { cat "$scratch/restore.out"; fail "the restore without a backup exited $status"; }

    export_files "$root" cohort-2026-11-a.csv
    pg_night || { status=$?; show; fail "the first night on PostgreSQL exited $status"; }
    first="$(sed -n 's/^trialpath: published \([^ ]*\) .*/\1/p' "$scratch/night.out")"
    first_execution="$(execution)"
    [ -f "$first/report.html" ] && [ -n "$first_execution" ] || { show; fail "the first night on PostgreSQL published nothing"; }
    first_date="$(basename "$first")"
    second_date="$(next_day "$first_date")"
    dump="$pg_output/.trialpath/repository-backup/postgres-$first_date.dump"
    [ -s "$dump" ] || { show; fail "the wrapper made no pg_dump backup ($dump)"; }
    [ "$(stat -c '%a %U' "$dump")" = "600 $ci_user" ] || fail "the pg_dump backup is $(stat -c '%a %U' "$dump")"

    # the database lost: dropped and made again, empty. The next night refuses it instead of starting afresh
    pg_admin dropdb "$pg_database"
    pg_admin createdb --owner="$pg_user" "$pg_database"
    export_files "$root" cohort-2026-11-a.csv cohort-2026-11-b.csv
    if pg_night "TRIALPATH_RUN_DATE=$second_date"; then show; fail "a night ran on an empty database as if nothing was lost"; fi
    grep -q -E 'lost runs|missing its tables' "$scratch/night.err" || { show; fail "the night did not say the runs are lost"; }
    [ ! -e "$pg_output/$second_date" ] || fail "a night on the empty database published $pg_output/$second_date"

    # the documented restore, as the service user
    restore_pg || { status=$?; cat "$scratch/restore.out"; fail "trialpath-restore-postgres.sh exited $status"; }
    grep -q "restored the job repository .* from $dump" "$scratch/restore.out" || { cat "$scratch/restore.out"; fail "no restore said"; }

    # the next night compares with the first; the first, asked of the restored database, is known by its execution
    pg_night "TRIALPATH_RUN_DATE=$second_date" || { status=$?; show; fail "the night after the restore exited $status"; }
    grep -q "published $pg_output/$second_date " "$scratch/night.out" || { show; fail "the night after the restore did not publish"; }
    compared_with "$pg_output/$second_date" "$first_date"
    [ -s "$pg_output/.trialpath/repository-backup/postgres-$second_date.dump" ] || fail "no backup after the restored night"
    rm -f "$pg_output/.trialpath/repository.watermark"
    export_files "$root" cohort-2026-11-a.csv
    pg_night "TRIALPATH_RUN_DATE=$first_date" || { status=$?; show; fail "the first night's rerun after the restore exited $status"; }
    grep -q "already published .* (execution $first_execution)" "$scratch/night.out" \
        || { show; fail "the restored database does not know the first night's execution"; }
fi
step "passed (installed under $root, published $published as $ci_user, read as $reader; upgraded from $previous)"
