#!/bin/bash
# Cache pass benchmarks: sha256 of a base file by `cowherdctl verify` vs `openssl dgst -sha256`
# vs `sha256sum` (same file, warm page cache), and a cleanup dry run over 500 base files and
# 10,000 qcow2 overlays. Usage: bench/bench_verify.sh [BUILD_DIR] (default build/default).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/default}
ctl=$build/app/ctl/cowherdctl
[ -x "$ctl" ] || { echo "build cowherdctl first: cmake --build --preset default --target cowherdctl" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/cowherd-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
size_mib=${BENCH_SIZE_MIB:-2048}
bases=${BENCH_BASES:-500}
overlays=${BENCH_OVERLAYS:-10000}

now() { date +%s.%N; }
# best of 3 wall-clock seconds of "$@"
best() {
    local b=
    for _ in 1 2 3; do
        local t0 t1
        t0=$(now); "$@" >/dev/null 2>"$work/err" || { echo "failed: $* $(cat "$work/err")" >&2; exit 1; }; t1=$(now)
        b=$(echo "$t0 $t1 ${b:-999999}" | awk '{d=$2-$1; print (d<$3)?d:$3}')
    done
    echo "$b"
}

echo "== sha256 of one ${size_mib} MiB base file (warm cache, best of 3)"
inst=$work/verify/instances
mkdir -p "$inst/_base"
name=$(printf '%s' bench-image | sha1sum | cut -c1-40)
file=$inst/_base/$name
head -c "$((size_mib * 1024 * 1024))" /dev/urandom >"$file"
cat "$file" >/dev/null
conf=$work/verify.conf
"$ctl" --config "$conf" hosts add bench test:///default --instances-path "$inst" >/dev/null
"$ctl" --config "$conf" verify "$name" --no-libvirt --normal-io-priority >/dev/null 2>&1 # records sha256
t_cow=$(best "$ctl" --config "$conf" verify "$name" --no-libvirt --normal-io-priority --audit-log "$work/audit.jsonl")
t_ssl=$(best openssl dgst -sha256 "$file")
t_sum=$(best sha256sum "$file")
mb=$((size_mib * 1024 * 1024))
for row in "cowherdctl verify:$t_cow" "openssl dgst -sha256:$t_ssl" "sha256sum:$t_sum"; do
    label=${row%%:*} t=${row##*:}
    awk -v l="$label" -v t="$t" -v b="$mb" -v c="$t_cow" \
        'BEGIN { printf "  %-22s %7.2f s  %7.0f MB/s  (%.2fx cowherd time)\n", l, t, b / t / 1e6, t / c }'
done
rm -f "$file"

echo "== cleanup --dry-run over $bases base files and $overlays overlays"
inst=$work/clean/instances
mkdir -p "$inst/_base" "$work/templates"
t0=$(now)
for i in $(seq 1 "$bases"); do
    b=$inst/_base/$(printf 'image-%d' "$i" | sha1sum | cut -c1-40)
    truncate -s 1G "$b"
    touch -d '3 days ago' "$b"
    echo "$b"
done >"$work/bases.txt"
# One qemu-img overlay per base (two at a time), then copies of it for the other instances:
# a copy of an overlay points at the same base file.
xargs -P 2 -I{} sh -c 'qemu-img create -q -f qcow2 -F raw -b "$1" "$2/$(basename "$1").qcow2"' _ {} "$work/templates" <"$work/bases.txt"
python3 - "$inst" "$work/templates" "$overlays" <<'PY'
import os, shutil, sys, uuid
inst, templates, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(os.listdir(templates))
names = names[: max(1, len(names) * 4 // 5)]  # a fifth of the bases stay unused
for i in range(n):
    d = os.path.join(inst, str(uuid.UUID(int=i + 1)))
    os.mkdir(d)
    shutil.copyfile(os.path.join(templates, names[i % len(names)]), os.path.join(d, "disk"))
PY
t1=$(now)
echo "  generated in $(echo "$t0 $t1" | awk '{printf "%.1f", $2-$1}') s"
conf=$work/clean.conf
"$ctl" --config "$conf" hosts add bench test:///default --instances-path "$inst" >/dev/null
sync
t_scan=$(best "$ctl" --config "$conf" scan --no-libvirt --json)
t_dry=$(best "$ctl" --config "$conf" cleanup --dry-run --no-libvirt --json --audit-log "$work/audit.jsonl")
"$ctl" --config "$conf" cleanup --dry-run --no-libvirt --json >"$work/plan.json"
summary=$(python3 -c 'import json,sys,collections; p=json.load(open(sys.argv[1])); print(dict(collections.Counter(a["action"] for a in p["actions"])))' "$work/plan.json")
echo "  scan --no-libvirt      $t_scan s"
echo "  cleanup --dry-run      $t_dry s   plan: $summary"
t0=$(now); "$ctl" --config "$conf" cleanup --no-libvirt --json --audit-log "$work/audit.jsonl" >/dev/null; t1=$(now)
echo "  cleanup (real: touches in-use bases, removes the unused under locks, one rescan) $(echo "$t0 $t1" | awk '{printf "%.2f", $2-$1}') s"
echo "machine: $(nproc) cores, $(. /etc/os-release; echo "$PRETTY_NAME"), $(date -u +%Y-%m-%d)"
