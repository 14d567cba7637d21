# Sourced by the fixture scripts of tests/support (libvirtd.sh, privatelibvirtd.sh, sshd.sh).

# poll TRIES COMMAND...: runs the command every 0.1 s until it succeeds, at most TRIES times.
poll() {
    local tries=$1
    shift
    for ((i = 0; i < tries; i++)); do
        "$@" && return 0
        sleep 0.1
    done
    return 1
}

# socket_answers PATH: somebody accepts connections on the unix socket PATH. A socket file
# outlives a killed daemon: only a connection tells that somebody listens.
socket_answers() {
    [ -S "$1" ] && python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])' "$1" 2>/dev/null
}

# no_inherited_fds CMD...: execs CMD with nothing open but stdin, stdout and stderr (run it in a
# subshell). A daemon that inherited the fixture lock's descriptor (flock
# /tmp/cowherd-fixtures.lock ctest ...) would hold the lock for as long as it runs: every other
# test run on the machine would wait for it, and a `stop` waiting for that lock forever.
no_inherited_fds() {
    local fd
    for fd in /proc/"$BASHPID"/fd/*; do
        fd=${fd##*/}
        [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done
    exec "$@"
}
