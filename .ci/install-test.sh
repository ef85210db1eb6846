#!/usr/bin/env bash
# The release archive installed as an operator would (docs/install.md), into a scratch root: install.sh with a
# coordinators' group, the systemd units checked by systemd-analyze verify, the scheduled command run as the
# service user with systemd's umask, the report readable by a coordinator and by no one else, the retry that
# finds the night published, an upgrade that keeps the configuration and the job repository, and the cron
# block merged into a crontab without replacing it. Runs as root, after mvn verify (.ci/run). Leaves nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

archive="$(ls target/trialpath-*.tar.gz | head -n 1)"
ci_user=trialpath-ci
ci_group=coordinators-ci
reader=reader-ci
stranger=stranger-ci
scratch="$(mktemp -d /tmp/trialpath-install-test.XXXXXX)"
cleanup() {
    crontab -u "$ci_user" -r 2>/dev/null || true
    for u in "$reader" "$stranger" "$ci_user"; do userdel "$u" 2>/dev/null || true; done
    for g in "$ci_group" "$ci_user"; do groupdel "$g" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }
chmod 0755 "$scratch"
root="$scratch/root"
mkdir -p "$scratch/release" && tar xzf "$archive" -C "$scratch/release"
release="$(ls -d "$scratch"/release/trialpath-*)"

# --- install
"$release/install.sh" --root "$root" --user "$ci_user" --coordinators "$ci_group" --systemd
useradd --no-create-home --shell /usr/sbin/nologin -G "$ci_group" "$reader"
useradd --no-create-home --shell /usr/sbin/nologin "$stranger"
stat -c '%a %U:%G %n' "$root/etc/trialpath" "$root/var/lib/trialpath" "$root/var/log/trialpath" \
    "$root/srv/trialpath/reports" "$root/opt/trialpath/trialpath.jar"
[ "$(stat -c '%a %U' "$root/var/lib/trialpath")" = "700 $ci_user" ] || fail "repository folder is not 0700 $ci_user"
[ "$(stat -c '%a %G' "$root/srv/trialpath/reports")" = "750 $ci_group" ] || fail "output folder is not 0750 $ci_group"
[ "$(stat -c '%a %G' "$root/etc/trialpath/nightly.properties")" = "640 $ci_group" ] || fail "config is not 0640"
[ "$(stat -c '%a %U' "$root/etc/trialpath/postgres.env")" = "600 $ci_user" ] || fail "postgres.env is not 0600"
grep -q '^trialpath.publish-permissions=group$' "$root/etc/trialpath/nightly.properties" \
    || fail "--coordinators did not set publish-permissions=group"

# the start-up archive: the jar extracted and an archive trained on it, stamped with the installed jar
[ -s "$root/opt/trialpath/app/trialpath.jsa" ] || fail "install.sh trained no start-up archive (app/trialpath.jsa)"
[ "$(cat "$root/opt/trialpath/app/trialpath.jar.source")" = "$(stat -c '%s %Y' "$root/opt/trialpath/trialpath.jar")" ] \
    || fail "app/trialpath.jar.source does not name the installed jar"
grep -q 'TRIALPATH_INPUT="${TRIALPATH_INPUT:-' "$root/opt/trialpath/jobs/trialpath-nightly.sh" \
    || fail "the installed wrapper no longer lets the environment choose the input"

# --- the units: what systemd would load
systemd-analyze verify "$root/etc/systemd/system/trialpath-nightly.service" \
    "$root/etc/systemd/system/trialpath-nightly.timer"
for line in 'Wants=network-online.target' 'UMask=0077' 'Restart=on-failure' "User=$ci_user"; do
    grep -qx "$line" "$root/etc/systemd/system/trialpath-nightly.service" || fail "the unit lacks $line"
done

# --- the registry's export, then the scheduled command as the service user, with the unit's umask
cp sample-data/cohort-*.csv "$root/srv/registry/exports/anal-cancer-recurrence/"
chgrp -R "$ci_group" "$root/srv/registry/exports/anal-cancer-recurrence" && chmod 0640 "$root"/srv/registry/exports/*/*.csv
night() { runuser -u "$ci_user" -- env -i PATH="$PATH" HOME=/ JAVA_OPTS="${java_opts:-}" bash -c "umask 0077; exec $root/opt/trialpath/jobs/trialpath-nightly.sh" \
    > "$scratch/night.out" 2> "$scratch/night.err"; }
night || { cat "$scratch/night.out" "$scratch/night.err"; fail "the first night exited $?"; }
today="$(date +%F)"
published="$root/srv/trialpath/reports/$today"
[ -f "$published/report.html" ] || fail "no $published/report.html"
grep -q "published $published" "$scratch/night.out" || fail "the night did not say it published"
[ -f "$root/var/log/trialpath/trialpath.log" ] || fail "no log file under cron-like start"
[ "$(stat -c '%a %G' "$published")" = "750 $ci_group" ] || fail "published folder is $(stat -c '%a %G' "$published")"
runuser -u "$reader" -- cat "$published/report.html" > /dev/null || fail "a coordinator cannot read the report"
if runuser -u "$stranger" -- cat "$published/report.html" > /dev/null 2>&1; then
    fail "an account outside the coordinators' group can read the report"
fi
[ "$(stat -c '%a' "$root/var/lib/trialpath/repository.mv.db")" = 600 ] || fail "the H2 file is not 0600"
if grep -q 'already exists' "$root"/var/lib/trialpath/*.trace.db 2>/dev/null; then fail "H2 traced expected errors"; fi

# --- the 05:00 retry: nothing to do. -Xshare:on (after the wrapper's -Xshare:auto) makes a JVM that cannot
# use the archive fail instead of starting without it: the retry ran with the archive
java_opts=-Xshare:on night || { cat "$scratch/night.err"; fail "the retry exited $? (with -Xshare:on: the archive)"; }
grep -q 'already published' "$scratch/night.out" || fail "the retry did not find the night published"

# --- upgrade: the operator's configuration and the job repository stay
echo "# edited by the operator" >> "$root/etc/trialpath/trialpath.env"
"$release/install.sh" --root "$root" --user "$ci_user" --coordinators "$ci_group" --systemd
grep -q 'edited by the operator' "$root/etc/trialpath/trialpath.env" || fail "the upgrade replaced trialpath.env"
[ -f "$root/opt/trialpath/trialpath.jar.previous" ] || fail "the upgrade did not keep the previous jar"
java_opts=-Xshare:on night || fail "the night after the upgrade exited $? (with -Xshare:on: the retrained archive)"
grep -q 'already published .* (execution 1)' "$scratch/night.out" || fail "the upgrade lost the job repository"

# --- cron: the block is added beside the user's own lines, and replaced (not repeated) by a second install
if command -v crontab >/dev/null 2>&1; then
    echo '30 1 * * * /usr/bin/true # the user'"'"'s own line' | crontab -u "$ci_user" -
    "$release/install.sh" --root "$root" --user "$ci_user" --cron > /dev/null
    "$release/install.sh" --root "$root" --user "$ci_user" --cron > /dev/null
    crontab -u "$ci_user" -l > "$scratch/crontab"
    grep -q "the user's own line" "$scratch/crontab" || fail "install.sh --cron replaced the user's crontab"
    [ "$(grep -c '^# BEGIN trialpath-nightly' "$scratch/crontab")" = 1 ] || fail "the cron block is repeated"
    grep -q "^0 2 \* \* \*  $root/opt/trialpath/jobs/trialpath-nightly.sh" "$scratch/crontab" || fail "no 02:00 line"
else
    echo "install-test: no crontab command: cron part skipped"
fi
echo "install-test: passed (installed under $root, published $published as $ci_user, read as $reader)"
