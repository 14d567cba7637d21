#!/bin/bash
# bench/compare_scan.sh OLD_COWHERDCTL NEW_COWHERDCTL LAB [HOST_URI] — proves that a change to
# the scan keeps its output: both binaries scan LAB (--no-libvirt), one right after the other,
# and their `scan --json` texts must be identical byte for byte but for the "taken_at" line
# (the clock), their tables but for the AGE column (the clock again). Each run's wall time and
# peak RSS are printed. HOST_URI defaults to test:///default (a local scan); a qemu+ssh URI
# compares remote scans (COWHERD_SSH_CONFIG and the like come from the environment).
set -euo pipefail
old=$1 new=$2 lab=$3 uri=${4:-test:///default}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run() { # NAME BINARY ARGS...
    local name=$1 bin=$2
    shift 2
    /usr/bin/time -f "$name %e s, peak RSS %M KB" -o "$tmp/time" "$bin" --host "$uri" --instances-path "$lab" scan --no-libvirt "$@" >"$tmp/$name"
    cat "$tmp/time"
}
echo "# load:$(uptime | sed 's/.*load average://')"
run old.json "$old" --json
run new.json "$new" --json
run old.txt "$old"
run new.txt "$new"
status=0
if diff <(grep -v '^    "taken_at": ' "$tmp/old.json") <(grep -v '^    "taken_at": ' "$tmp/new.json") >/dev/null; then
    echo "scan --json: identical ($(wc -c <"$tmp/new.json") bytes)"
else
    echo "scan --json: DIFFERENT"; status=1
fi
age='s/  [0-9]+ (s|min|h|d) +/  AGE  /' # the column's width follows the clock too
if diff <(sed -E "$age" "$tmp/old.txt") <(sed -E "$age" "$tmp/new.txt") >/dev/null; then
    echo "scan (table): identical but for the ages ($(wc -c <"$tmp/new.txt") bytes)"
else
    echo "scan (table): DIFFERENT"; status=1
fi
exit $status
