#!/bin/bash
# privatelibvirtd.sh start|stop|uri DIR
#
# A libvirtd of a test's own, for tests that must stop and restart the daemon: the shared
# qemu:///system of libvirtd.sh is used by other tests at the same time and is never stopped.
# The daemon runs unprivileged in session mode (as "nobody" when the test runs as root) with
# its runtime, config and home directories and its socket in DIR, and serves libvirt's test
# driver: `uri` prints test+unix:///default?socket=DIR/run/libvirt-sock. Domains created or
# destroyed through that URI produce real lifecycle events over a real socket.
set -u

cmd=${1:?start, stop or uri}
dir=${2:?state directory}
sock=$dir/run/libvirt-sock
pidfile=$dir/libvirtd.pid

say() { echo "private libvirtd: $*" >&2; }

# shellcheck source=fixturelib.sh
. "$(dirname "$0")/fixturelib.sh"

read_pid() { [ -s "$pidfile" ] && tr -dc '0-9' <"$pidfile"; }
gone() { ! kill -0 "$1" 2>/dev/null; }

start() {
    if socket_answers "$sock"; then
        say "already running in $dir"
        return 0
    fi
    mkdir -p "$dir/run" "$dir/config" "$dir/home" "$dir/cache" || return 1
    cat >"$dir/libvirtd.conf" <<CONF
unix_sock_dir = "$dir/run"
unix_sock_rw_perms = "0700"
auth_unix_rw = "none"
auth_unix_ro = "none"
CONF
    rm -f "$sock" "$pidfile"
    local -a as_user=()
    if [ "$(id -u)" = 0 ]; then
        # libvirtd as root would be a second system daemon, sharing /run/libvirt with the real one.
        chown -R nobody:nogroup "$dir" || return 1
        chmod 0711 "$dir"
        as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
        if ! "${as_user[@]}" test -r "$dir/libvirtd.conf"; then
            say "user nobody cannot reach $dir: every directory above it must be searchable (chmod o+x)"
            return 1
        fi
    fi
    "${as_user[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$dir/home" \
        XDG_RUNTIME_DIR="$dir/run" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" \
        libvirtd --daemon --config "$dir/libvirtd.conf" --pid-file "$pidfile" >"$dir/libvirtd.log" 2>&1
    if ! poll 300 socket_answers "$sock"; then
        say "libvirtd did not open $sock; its log:"
        cat "$dir/libvirtd.log" >&2
        return 1
    fi
}

stop() {
    local pid
    pid=$(read_pid) || return 0
    kill -TERM "$pid" 2>/dev/null
    if ! poll 100 gone "$pid"; then
        kill -KILL "$pid" 2>/dev/null
        poll 50 gone "$pid" || { say "libvirtd $pid does not end"; return 1; }
    fi
    rm -f "$pidfile" "$sock"
}

case $cmd in
start) start ;;
stop) stop ;;
uri) echo "test+unix:///default?socket=$sock" ;;
*) say "unknown command $cmd"; exit 2 ;;
esac
