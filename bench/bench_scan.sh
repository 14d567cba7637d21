#!/bin/bash
# bench/bench_scan.sh [BASES] [OVERLAYS] — `cowherdctl scan --json` against what a shell script
# (or Nova) does: one `qemu-img info --output=json` per file. Prints both times and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
bases=${1:-50} overlays=${2:-1000}
lab=${BENCH_LAB:-/tmp/cowherd-bench-scan-$bases-$overlays}
if [ -n "${COWHERDCTL:-}" ]; then
    ctl=$COWHERDCTL # the smoke test passes the binary it built
else
    cmake --preset default >/dev/null
    cmake --build --preset default -j2 --target cowherdctl >/dev/null
    ctl=build/default/app/ctl/cowherdctl
fi
[ -d "$lab/_base" ] && [ "$(ls "$lab" | wc -l)" -gt "$overlays" ] || bench/makelab.sh "$lab" "$bases" "$overlays"
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), $bases base files, $overlays overlays"

now() { date +%s.%N; }
# Warm the page cache once so both sides read from memory.
cat "$lab"/_base/* "$lab"/*/disk >/dev/null 2>&1 || true

t0=$(now)
"$ctl" --host test:///default --instances-path "$lab" scan --json --no-libvirt >/tmp/cowherd-bench-scan.json
t1=$(now)
files=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["bases"]), sum(len(b["references"]) for b in d["bases"]))' /tmp/cowherd-bench-scan.json)
t2=$(now)
for f in "$lab"/_base/* "$lab"/*/disk; do qemu-img info -U --output=json "$f" >/dev/null; done
t3=$(now)
python3 - "$t0" "$t1" "$t2" "$t3" "$files" <<'PY'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5])
ours, theirs = t1 - t0, t3 - t2
print(f"cowherdctl scan --json:            {ours*1000:8.0f} ms  ({sys.argv[5]} base files / references)")
print(f"qemu-img info per file (shell loop): {theirs*1000:8.0f} ms")
print(f"ratio:                              {theirs/ours:8.1f}x")
PY
