#!/usr/bin/env bash
# Installs the Debian packages that are missing: `install-deps.sh run` those of
# scripts/packages-run.txt (build and run Cowherd), `install-deps.sh test` those and
# scripts/packages-test.txt (tests, fuzzing, packaging).
# When everything is present this costs a single dpkg query and no apt-get update.
#
# The test set holds servers (openssh-server, libvirt-daemon-system, glance-api, keystone, ...)
# whose maintainer scripts start their daemon and enable it for every boot. The tests start
# their own instances on loopback ports, so an install by this script starts and enables none:
#  - during apt-get, /usr/sbin/policy-rc.d answers 101 ("forbidden") to invoke-rc.d and
#    deb-systemd-invoke, so nothing is started. A policy-rc.d already in place is kept when it
#    forbids starting too (Docker images ship one); one that allows it stops the script, which
#    never replaces a file it did not write. Ours is removed afterwards, also on failure.
#  - afterwards, every systemd unit and SysV rc link that this install enabled is disabled again
#    (deb-systemd-helper disable, update-rc.d disable) and named; units and daemons that were
#    enabled or running before are left as they were.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lists=("$here/packages-run.txt")
case "${1:-test}" in
    run) ;;
    test) lists+=("$here/packages-test.txt") ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "${lists[@]}" | sort -u)
# One query; unknown packages simply do not appear in its output.
missing_packages() {
    local installed
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null \
                | awk '$2 == "installed" { print $1 }' | sort -u || true)
    comm -23 <(printf '%s\n' "${wanted[@]}") <(printf '%s\n' "$installed")
}
mapfile -t missing < <(missing_packages)
[ "${#missing[@]}" -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive

# One install at a time (two work trees running make test at once share the policy file).
lockdir=/run/lock
[ -d "$lockdir" ] && [ -w "$lockdir" ] || lockdir=${TMPDIR:-/tmp}
exec 9>"$lockdir/cowherd-install-deps.lock"
flock 9
mapfile -t missing < <(missing_packages)
[ "${#missing[@]}" -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}" >&2

policy=/usr/sbin/policy-rc.d
marker='# Written by Cowherd scripts/install-deps.sh for the duration of one apt-get call.'
ours=0
remove_policy() { [ $ours -eq 1 ] && "${sudo[@]}" rm -f "$policy"; ours=0; }
trap remove_policy EXIT
# A signal waits for the apt-get call it interrupts (bash runs the trap once that returns):
# the policy must outlive every maintainer script that could start a service.
interrupted=0
trap 'interrupted=130' INT
trap 'interrupted=143' TERM HUP
if [ -e "$policy" ] && ! grep -qxF "$marker" "$policy"; then
    answer=0
    [ -x "$policy" ] && { "$policy" cowherd-probe start >/dev/null 2>&1 || answer=$?; }
    if [ "$answer" -ne 101 ]; then
        echo "install-deps: $policy exists and lets services start (it answered $answer, not 101," >&2
        echo "  to 'start'); the packages would start system daemons. Move it aside while this runs," >&2
        echo "  or install the packages yourself: ${missing[*]}" >&2
        exit 1
    fi
else
    # Ours, or one of ours left by a killed run (the lock above says no other run is using it).
    printf '#!/bin/sh\n%s\n# 101: no service is started.\nexit 101\n' "$marker" | "${sudo[@]}" tee "$policy" >/dev/null
    ours=1
    "${sudo[@]}" chmod 755 "$policy"
fi

enablement_links() {
    find /etc/systemd/system /etc/rc0.d /etc/rc1.d /etc/rc2.d /etc/rc3.d /etc/rc4.d /etc/rc5.d \
         /etc/rc6.d /etc/rcS.d -type l 2>/dev/null | sort || true
}
before=$(enablement_links)

"${sudo[@]}" apt-get update -qq
[ $interrupted -eq 0 ] || exit $interrupted
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
remove_policy
[ $interrupted -eq 0 ] || exit $interrupted

# What this install enabled for boot: new links of service and socket units (in *.wants/ and
# *.requires/ directories, or aliases) and new SysV start links of runlevels 2-5. Timers,
# targets and early-boot scripts (rcS) are not daemons and stay as the packages set them.
units=() scripts=()
while read -r link; do
    case "$link" in
        /etc/rc[2-5].d/S*) scripts+=("$(basename "$link" | sed 's/^S[0-9]*//')") ;;
        /etc/rc?.d/*) ;;
        */*.wants/* | */*.requires/*) units+=("$(basename "$link")") ;;
        /etc/systemd/system/*) units+=("$(basename "$(readlink "$link")")") ;;
    esac
done < <(comm -13 <(printf '%s\n' "$before") <(enablement_links))
mapfile -t units < <(printf '%s\n' "${units[@]}" | grep -E '\.(service|socket)$' | sort -u || true)
mapfile -t scripts < <(printf '%s\n' "${scripts[@]}" | sed '/^$/d' | sort -u)
disabled=()
if command -v systemctl >/dev/null; then
    # Works without a running systemd too, and disables the unit's SysV script with it.
    for unit in "${units[@]}"; do
        if "${sudo[@]}" systemctl --quiet disable "$unit" >/dev/null 2>&1; then disabled+=("$unit")
        else echo "install-deps: could not disable $unit" >&2; fi
    done
else
    for script in "${scripts[@]}"; do
        if "${sudo[@]}" update-rc.d "$script" disable >/dev/null 2>&1; then disabled+=("$script")
        else echo "install-deps: could not disable /etc/init.d/$script" >&2; fi
    done
fi
if [ "${#disabled[@]}" -gt 0 ]; then
    echo "install-deps: started no service; disabled at boot what the install enabled: ${disabled[*]}" >&2
    echo "  (to run one as a system service: sudo systemctl enable --now NAME)" >&2
fi
