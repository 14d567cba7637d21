#!/bin/bash
# bench/bench_scan.sh [BASES] [OVERLAYS] [CLUSTER] — `cowherdctl scan --json` and the table it
# prints without --json, timed with their peak memory (/usr/bin/time), against what a shell
# script (or Nova) does: one `qemu-img info --output=json` per file. Prints the times, the peak
# RSS and the ratio. CLUSTER is the overlays' cluster size (makelab.sh; the 50,000-overlay case
# of issue 18 uses 4096). BENCH_QEMU_SAMPLE=N times qemu-img on the first N files only and
# extrapolates (52,500 files take minutes one process at a time).
set -euo pipefail
cd "$(dirname "$0")/.."
bases=${1:-50} overlays=${2:-1000} cluster=${3:-}
lab=${BENCH_LAB:-/tmp/cowherd-bench-scan-$bases-$overlays${cluster:+-$cluster}}
if [ -n "${COWHERDCTL:-}" ]; then
    ctl=$COWHERDCTL # the smoke test passes the binary it built
else
    cmake --preset default >/dev/null
    cmake --build --preset default -j2 --target cowherdctl >/dev/null
    ctl=build/default/app/ctl/cowherdctl
fi
[ -d "$lab/_base" ] && [ "$(ls "$lab" | wc -l)" -gt "$overlays" ] || bench/makelab.sh "$lab" "$bases" "$overlays" $cluster
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), $bases base files, $overlays overlays${cluster:+, $cluster-byte clusters}; load:$(uptime | sed 's/.*load average://')"

scan=("$ctl" --host test:///default --instances-path "$lab" scan --no-libvirt)
out=${TMPDIR:-/tmp}/cowherd-bench-scan
# Warm the page cache with one scan: it reads what the timed runs read (the headers), where
# reading the base files whole would read terabytes of sparse zeros.
"${scan[@]}" --json >/dev/null
timed() { # LABEL OUTPUT ARGS... -> "LABEL SECONDS MAXRSS_KB"
    local label=$1 output=$2
    shift 2
    /usr/bin/time -f "$label %e %M" -o "$out.time" "$@" >"$output"
    cat "$out.time"
}
json=$(timed json "$out.json" "${scan[@]}" --json)
table=$(timed table "$out.txt" "${scan[@]}")
files=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["bases"]), sum(len(b["references"]) for b in d["bases"]))' "$out.json")
list=$(mktemp)
find "$lab/_base" -mindepth 1 -maxdepth 1 -type f | sort >"$list"
find "$lab" -mindepth 2 -maxdepth 2 -name disk | sort >>"$list"
total=$(wc -l <"$list")
sample=${BENCH_QEMU_SAMPLE:-$total}
t2=$(date +%s.%N)
head -n "$sample" "$list" | while read -r f; do qemu-img info -U --output=json "$f" >/dev/null; done
t3=$(date +%s.%N)
rm -f "$list"
python3 - "$json" "$table" "$t2" "$t3" "$files" "$sample" "$total" <<'PY'
import sys
json, table = sys.argv[1].split(), sys.argv[2].split()
t2, t3 = float(sys.argv[3]), float(sys.argv[4])
sample, total = int(sys.argv[6]), int(sys.argv[7])
ours = float(json[1])
theirs = (t3 - t2) * total / sample
print(f"cowherdctl scan --json:              {ours*1000:8.0f} ms  peak RSS {int(json[2])/1024:6.1f} MB  ({sys.argv[5]} base files / references)")
print(f"cowherdctl scan (table):             {float(table[1])*1000:8.0f} ms  peak RSS {int(table[2])/1024:6.1f} MB  ({float(table[1])/max(ours, 1e-9):.2f}x the JSON's time)")
extrapolated = f" (extrapolated from {sample} of {total} files)" if sample < total else ""
print(f"qemu-img info per file (shell loop): {theirs*1000:8.0f} ms{extrapolated}")
print(f"ratio:                              {theirs/ours:8.1f}x")
PY
