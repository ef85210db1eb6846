#!/usr/bin/env bash
# Installs or upgrades TrialPath from its release archive (target/trialpath-<version>.tar.gz): the jar and jobs/
# under /opt/trialpath, the configuration under /etc/trialpath (kept on upgrade), the job repository's folder
# /var/lib/trialpath (kept: Flyway upgrades it at the next run), the log folder /var/log/trialpath, the published
# folder, the service user, and the schedule (systemd timer or cron). docs/install.md says what each step does.
#
#   sudo ./install.sh [--systemd | --cron] [--coordinators GROUP] [--input DIR] [--output DIR]
#                     [--user NAME] [--root DIR]
#
#   --systemd           install trialpath-nightly.service and .timer and enable the timer (when systemd runs)
#   --cron              add the nightly lines to the service user's crontab, keeping its other lines
#   --coordinators G    the group whose members read the published reports: G becomes the service user's
#                       group (what the job writes is G's) and trialpath.publish-permissions=group makes the
#                       published folders 0750 and files 0640, so G's members read them and no one else;
#                       an upgrade without it keeps the group the service user has
#   --input DIR         the registry's export folder (default /srv/registry/exports/anal-cancer-recurrence)
#   --output DIR        where reports are published (default /srv/trialpath/reports)
#   --user NAME         the service account (default trialpath), created as a system user when missing
#   --root DIR          install under DIR instead of / (every path above prefixed; the user is still the host's):
#                       for trying an install, and for the CI test (.ci/install-test.sh)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root=""
user=trialpath
coordinators=""
schedule=""
input=/srv/registry/exports/anal-cancer-recurrence
output=/srv/trialpath/reports
while [ $# -gt 0 ]; do
    case "$1" in
        --systemd) schedule=systemd ;;
        --cron) schedule=cron ;;
        --coordinators) coordinators="$2"; shift ;;
        --input) input="$2"; shift ;;
        --output) output="$2"; shift ;;
        --user) user="$2"; shift ;;
        --root) root="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see install.sh --help)" >&2; exit 2 ;;
    esac
    shift
done
say() { echo "install.sh: $*"; }
if [ "$(id -u)" -ne 0 ]; then
    echo "install.sh: run it as root (sudo): it creates the user $user and folders owned by it" >&2
    exit 2
fi
for needed in trialpath.jar jobs/trialpath-nightly.sh jobs/nightly.properties jobs/trialpath.env; do
    if [ ! -e "$here/$needed" ]; then
        echo "install.sh: $here/$needed is missing: run the install.sh of an unpacked release archive" >&2
        exit 2
    fi
done

opt="$root/opt/trialpath"
etc="$root/etc/trialpath"
lib="$root/var/lib/trialpath"
log="$root/var/log/trialpath"
input="$root$input"
output="$root$output"
# every path the shipped files name, as installed here (the same unless --root)
relocate() {
    sed -e "s|/opt/trialpath|$opt|g" -e "s|/etc/trialpath|$etc|g" -e "s|/var/lib/trialpath|$lib|g" \
        -e "s|/var/log/trialpath|$log|g" -e "s|^User=trialpath|User=$user|" \
        -e "s|^Group=trialpath|Group=$group|" -e "s|crontab -u trialpath|crontab -u $user|g"
}

# --- the service account: a system user with no login and no home of its own. Its group is the coordinators'
# when given: a published folder's group is its writer's, and a user cannot give a file to a group it is not in.
# An upgrade run without --coordinators keeps the group the service user has (the configuration is the group's)
if [ -n "$coordinators" ]; then
    group="$coordinators"
elif id "$user" >/dev/null 2>&1; then
    group="$(id -gn "$user")"
else
    group="$user"
fi
if ! getent group "$group" >/dev/null; then
    if [ -n "$coordinators" ]; then groupadd "$group"; else groupadd --system "$group"; fi
    say "created group $group${coordinators:+: add the coordinators with usermod -aG $group NAME}"
fi
if ! id "$user" >/dev/null 2>&1; then
    useradd --system --gid "$group" --home-dir "$lib" --no-create-home --shell /usr/sbin/nologin "$user"
    say "created system user $user (group $group)"
elif [ "$(id -gn "$user")" != "$group" ]; then
    usermod -g "$group" "$user"
    say "the group of $user is now $group"
fi

# --- folders, with their modes (docs/install.md, Folders)
install -d -m 0755 -o root -g root "$opt" "$opt/jobs" "$opt/docs"
install -d -m 0750 -o root -g "$group" "$etc"
install -d -m 0700 -o "$user" -g "$group" "$lib"
install -d -m 0750 -o "$user" -g "$group" "$log"
if [ ! -d "$input" ]; then
    install -d -m 0750 -o root -g "$group" "$input"
    say "created $input: the registry's export lands there (readable by $user)"
fi
install -d -m 0750 -o "$user" -g "$group" "$output"

# --- the application: replaced on upgrade, the previous jar kept beside it for a rollback. The same release
# installed again (to change the schedule, say) keeps the jar, its start-up archive and the previous jar as they are
# (trained by the same Java: after a change of Java the archive is retrained)
java_command="$(sed -n 's/^TRIALPATH_JAVA=//p' "$etc/trialpath.env" 2>/dev/null | tail -n 1 || true)"
java_command="${java_command:-java}"
java_identity() { { readlink -f "$(command -v "$java_command")" && "$java_command" -version 2>&1; } | tr '\n' ' '; }
same_jar=false
if [ -f "$opt/trialpath.jar" ] && cmp -s "$here/trialpath.jar" "$opt/trialpath.jar" && [ -s "$opt/app/trialpath.jsa" ] \
    && [ "$(cat "$opt/app/trialpath.jar.source" 2>/dev/null)" = "$(stat -c '%s %Y' "$opt/trialpath.jar")" ] \
    && [ "$(cat "$opt/app/trialpath.jsa.java" 2>/dev/null)" = "$(java_identity 2>/dev/null)" ]; then
    same_jar=true
    say "$opt/trialpath.jar is already this release's: kept, with its start-up archive"
elif [ -f "$opt/trialpath.jar" ]; then
    cp -p "$opt/trialpath.jar" "$opt/trialpath.jar.previous"
    say "upgrade: the previous jar is kept as $opt/trialpath.jar.previous"
fi
if [ "$same_jar" = false ]; then
    install -m 0644 -o root -g root "$here/trialpath.jar" "$opt/trialpath.jar.new"
    mv -f "$opt/trialpath.jar.new" "$opt/trialpath.jar"
fi

# --- start-up: the jar extracted to $opt/app (Spring Boot's layout: trialpath.jar and lib/) and a class-data
# sharing archive trained on it, app/trialpath.jsa: a training run starts Spring on a scratch folder and exits once
# the context is refreshed, leaving the classes it loaded in the archive. The wrapper uses them while
# app/trialpath.jar.source (written last) names the installed jar's size and time, else the jar as it is. A failure
# here is a warning: the nights still run, only slower to start (docs/install.md, Start-up cost).
[ "$same_jar" = true ] || rm -rf "$opt/app"
if [ "$same_jar" = true ]; then
    :  # app/ is this jar's already (checked above)
elif ! command -v "$java_command" >/dev/null 2>&1; then
    say "warning: no $java_command on PATH: the jar is not extracted for a faster start (install Java 17, then rerun)"
elif ! "$java_command" -Djarmode=tools -jar "$opt/trialpath.jar" extract --destination "$opt/app" > /dev/null; then
    rm -rf "$opt/app"
    say "warning: could not extract $opt/trialpath.jar (above): the nights run it as it is"
else
    training="$(mktemp -d "${TMPDIR:-/tmp}/trialpath-training.XXXXXX")"
    mkdir "$training/in"
    printf 'patient_id\n' > "$training/in/training.csv"
    if (cd "$training" && timeout 600 "$java_command" "-XX:ArchiveClassesAtExit=$opt/app/trialpath.jsa" \
        -Dspring.context.exit=onRefresh -jar "$opt/app/trialpath.jar" "input=$training/in" "output=$training/out" \
        "--trialpath.repository.path=$training/db/repository" --logging.file.name= > "$training/log" 2>&1) \
        && [ -s "$opt/app/trialpath.jsa" ]; then
        say "trained the start-up archive $opt/app/trialpath.jsa"
        java_identity > "$opt/app/trialpath.jsa.java"
    else
        rm -f "$opt/app/trialpath.jsa"
        say "warning: the start-up archive could not be trained (the nights run without it, slower to start):"
        tail -n 5 "$training/log" | sed 's/^/install.sh:   /'
    fi
    rm -rf "$training"
    chmod -R go+rX,go-w "$opt/app"
    stat -c '%s %Y' "$opt/trialpath.jar" > "$opt/app/trialpath.jar.source"
    chmod 0644 "$opt/app/trialpath.jar.source"
fi
for file in "$here"/jobs/*; do
    name="$(basename "$file")"
    mode=0644
    case "$name" in *.sh) mode=0755 ;; esac
    relocate < "$file" > "$opt/jobs/$name.new"
    chmod "$mode" "$opt/jobs/$name.new"
    mv -f "$opt/jobs/$name.new" "$opt/jobs/$name"
done
if [ -d "$here/docs" ]; then
    cp -r "$here/docs/." "$opt/docs/"
fi

# --- configuration: written once, never overwritten (an upgrade leaves the shipped version beside it as .new)
configure() {
    local name="$1" target="$etc/$1" owner=root mode=0640
    if [ "$name" = postgres.env ]; then
        owner="$user" mode=0600  # a password: the service user's only
    fi
    local shipped
    shipped="$(relocate < "$here/jobs/$name")"
    if [ "$name" = trialpath.env ]; then
        shipped="$(sed -e "s|^TRIALPATH_INPUT=.*|TRIALPATH_INPUT=$input|" \
            -e "s|^TRIALPATH_OUTPUT=.*|TRIALPATH_OUTPUT=$output|" <<<"$shipped")"
    fi
    if [ "$name" = nightly.properties ] && [ "$group" != "$user" ]; then
        shipped="$(sed 's/^trialpath.publish-permissions=.*/trialpath.publish-permissions=group/' <<<"$shipped")"
    fi
    if [ -e "$target" ]; then
        if [ "$shipped" != "$(cat "$target")" ]; then
            printf '%s\n' "$shipped" > "$target.new"
            chown "$owner:$group" "$target.new"
            chmod "$mode" "$target.new"
            say "kept your $target; this release's version is $target.new"
        fi
    else
        printf '%s\n' "$shipped" > "$target"
        chown "$owner:$group" "$target"
        chmod "$mode" "$target"
        say "wrote $target"
    fi
}
configure nightly.properties
configure trialpath.env
configure postgres.env

# --- the schedule
case "$schedule" in
    systemd)
        units="$root/etc/systemd/system"
        install -d -m 0755 "$units"
        for unit in trialpath-nightly.service trialpath-nightly.timer; do
            relocate < "$here/jobs/$unit" > "$units/$unit"
            chmod 0644 "$units/$unit"
        done
        if [ -z "$root" ] && [ -d /run/systemd/system ]; then
            systemctl daemon-reload
            systemctl enable --now trialpath-nightly.timer
            say "enabled trialpath-nightly.timer: systemctl list-timers trialpath-nightly.timer"
        else
            say "installed the units in $units (systemd not running here: enable trialpath-nightly.timer there)"
        fi
        ;;
    cron)
        if ! command -v crontab >/dev/null 2>&1; then
            echo "install.sh: --cron but no crontab command: install cron first (apt-get install cron)" >&2
            exit 2
        fi
        # the user's other lines stay; an earlier TrialPath block is replaced, not repeated
        { crontab -u "$user" -l 2>/dev/null | sed '/^# BEGIN trialpath-nightly/,/^# END trialpath-nightly/d' || true
          cat "$opt/jobs/crontab.example"; } | crontab -u "$user" -
        say "added the nightly lines to $user's crontab (crontab -u $user -l); set MAILTO there"
        ;;
    *) say "no schedule installed: rerun with --systemd or --cron (docs/install.md)" ;;
esac
say "done. Settings: $etc/trialpath.env and $etc/nightly.properties; first night by hand:"
say "  runuser -u $user -- $opt/jobs/trialpath-nightly.sh"
