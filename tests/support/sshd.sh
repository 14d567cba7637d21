#!/bin/bash
# sshd.sh start|stop STATE_DIR
#
# CTest fixture: two OpenSSH servers on loopback (ports 22221 and 22222 unless COWHERD_SSHD_PORTS
# says otherwise), standing for two remote hosts "cowherd-lab-a" and "cowherd-lab-b". It makes a
# host key and a client key in STATE_DIR, authorises the client key for root, and writes
# STATE_DIR/ssh_config with both aliases; tests point COWHERD_SSH_CONFIG at it. libvirt's own
# ssh runs through STATE_DIR/ssh (a wrapper adding -F), passed as ?command= in qemu+ssh URIs.
# Each server logs to STATE_DIR/sshd-<alias>.log ("Accepted publickey" once per connection).
set -u

state=${2:?usage: $0 start|stop STATE_DIR}
read -r -a ports <<<"${COWHERD_SSHD_PORTS:-22221 22222}"
aliases=(cowherd-lab-a cowherd-lab-b)

say() { echo "sshd fixture: $*" >&2; }

# shellcheck source=fixturelib.sh
. "$(dirname "$0")/fixturelib.sh"

listening() { ssh -F "$state/ssh_config" -o ControlMaster=no -o ControlPath=none "$1" true 2>/dev/null; }

start() {
    if [ "$(id -u)" != 0 ]; then
        say "needs root (sshd refuses to run unprivileged with these settings)"
        return 1
    fi
    stop 2>/dev/null
    mkdir -p "$state" /run/sshd
    chmod 0700 "$state"
    rm -f "$state"/*.log "$state"/known_hosts
    [ -s "$state/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$state/host_ed25519" || return 1
    [ -s "$state/client_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$state/client_ed25519" -C cowherd-test || return 1
    : >"$state/ssh_config"
    for i in 0 1; do
        local port=${ports[$i]} alias=${aliases[$i]}
        cat >"$state/sshd-$alias.conf" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $state/host_ed25519
PidFile $state/sshd-$alias.pid
AuthorizedKeysFile $state/client_ed25519.pub
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxSessions 100
MaxStartups 100:30:200
LogLevel INFO
Subsystem sftp internal-sftp
CONF
        /usr/sbin/sshd -f "$state/sshd-$alias.conf" -E "$state/sshd-$alias.log" || { say "sshd for $alias failed"; return 1; }
        cat >>"$state/ssh_config" <<CONF
Host $alias
    HostName 127.0.0.1
    Port $port
    User root
    IdentityFile $state/client_ed25519
    IdentitiesOnly yes
    UserKnownHostsFile $state/known_hosts
    StrictHostKeyChecking accept-new
    LogLevel ERROR
CONF
    done
    printf '#!/bin/sh\nexec ssh -F %q "$@"\n' "$state/ssh_config" >"$state/ssh"
    chmod 0755 "$state/ssh"
    for alias in "${aliases[@]}"; do
        if ! poll 100 listening "$alias"; then
            say "$alias does not accept the test key within 10 s; see $state/sshd-$alias.log"
            return 1
        fi
    done
    say "sshd for ${aliases[0]} on 127.0.0.1:${ports[0]}, ${aliases[1]} on :${ports[1]}; config $state/ssh_config"
}

stop() {
    for alias in "${aliases[@]}"; do
        local file=$state/sshd-$alias.pid pid
        [ -s "$file" ] || continue
        pid=$(tr -dc '0-9' <"$file")
        [ -n "$pid" ] && kill "$pid" 2>/dev/null
        rm -f "$file"
    done
    # Masters kept by ControlPersist in the tests' control directory end with their server.
    [ -d "$state/control" ] && for sock in "$state"/control/ssh-*; do
        [ -S "$sock" ] && ssh -F "$state/ssh_config" -o ControlPath="$sock" -O exit cowherd-lab-a 2>/dev/null
    done
    return 0
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
