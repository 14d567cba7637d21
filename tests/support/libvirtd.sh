#!/bin/bash
# libvirtd.sh start|stop [STATE_DIR]
#
# CTest fixture for tests that need qemu:///system. When a libvirtd already answers (a developer's
# machine), it is used as it is. Otherwise (CI: root, no systemd, nothing running) this starts
# virtlogd and libvirtd itself and records their pids in STATE_DIR, so that `stop` ends only
# what `start` began. qemu runs under TCG when there is no usable /dev/kvm.
set -u

uri=qemu:///system
state=${2:-${COWHERD_LIBVIRTD_STATE:-/tmp/cowherd-libvirtd-fixture}}

say() { echo "libvirtd fixture: $*" >&2; }

answers() { timeout 10 virsh -c "$uri" version >/dev/null 2>&1; }

# Polls (every 0.1 s, up to the given number of tries) until the command succeeds.
# shellcheck source=fixturelib.sh
. "$(dirname "$0")/fixturelib.sh"

process_gone() { ! kill -0 "$1" 2>/dev/null; }

read_pid() { [ -s "$1" ] && tr -dc '0-9' <"$1"; }

# Without virtlogd a domain fails to start: "Failed to connect socket to .../virtlogd-sock".
# Checked even when libvirtd answers: a libvirtd left running can outlive its virtlogd.
ensure_virtlogd() {
    local sock=/run/libvirt/virtlogd-sock
    socket_answers "$sock" && return 0
    if [ "$(id -u)" != 0 ]; then
        say "virtlogd does not answer on $sock and only root can start it; start it (virtlogd -d) and retry"
        return 1
    fi
    rm -f "$sock" /run/libvirt/virtlogd-admin-sock
    # Without the fixture lock's descriptor: left running (domains still ran at stop), the
    # daemons would hold every other test run's lock.
    (no_inherited_fds virtlogd -d) || { say "virtlogd -d failed"; return 1; }
    if ! poll 200 socket_answers "$sock"; then
        say "virtlogd did not answer on $sock within 20 s"
        return 1
    fi
    read_pid /run/virtlogd.pid >"$state/virtlogd.pid"
    say "started virtlogd (pid $(cat "$state/virtlogd.pid"))"
}

start() {
    mkdir -p "$state"
    rm -f "$state/libvirtd.pid" "$state/virtlogd.pid"
    if answers; then
        say "$uri answers already; using it"
        ensure_virtlogd
        return
    fi
    if [ "$(id -u)" != 0 ]; then
        say "$uri does not answer and only root can start libvirtd; start it (virtlogd -d; libvirtd -d) and retry"
        return 1
    fi
    ensure_virtlogd || return 1
    (no_inherited_fds libvirtd -d) || { say "libvirtd -d failed"; return 1; }
    if ! poll 200 answers; then
        say "libvirtd did not answer on $uri within 20 s"
        return 1
    fi
    read_pid /run/libvirtd.pid >"$state/libvirtd.pid"
    say "started libvirtd (pid $(cat "$state/libvirtd.pid")); $uri answers"
}

stop_pid() {
    local name=$1 file=$state/$1.pid pid
    pid=$(read_pid "$file") || return 0
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null
    if poll 200 process_gone "$pid"; then
        say "stopped $name (pid $pid)"
    else
        say "$name (pid $pid) did not stop within 20 s"
    fi
    rm -f "$file"
}

stop() {
    # Other test runs on this machine may still use the daemons: leave both while domains run.
    local running
    running=$(timeout 10 virsh -c "$uri" list --name 2>/dev/null | grep -c .)
    if [ "${running:-0}" -gt 0 ]; then
        say "leaving libvirtd and virtlogd running: $running domain(s) still run"
        return 0
    fi
    stop_pid libvirtd
    stop_pid virtlogd
    return 0
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 start|stop [STATE_DIR]" >&2
    exit 2
    ;;
esac
