#!/bin/bash
# bench/makelab.sh DIR BASES OVERLAYS [CLUSTER] — a Nova-style instances path for benchmarks: BASES
# raw base files (sparse, 1 GiB virtual) in DIR/_base and OVERLAYS qcow2 overlays spread over
# them, one per instance directory. Overlays are copies of one qemu-img-made overlay per base (the
# backing name lives in the header), so making 10,000 takes seconds, not minutes. CLUSTER is the
# overlays' cluster size in bytes (qemu-img's default, 64 KiB, when not given); 4096 keeps a
# 50,000-overlay lab at 16 KiB per overlay.
set -euo pipefail
dir=$1 bases=${2:-50} overlays=${3:-1000} cluster=${4:-}
rm -rf "$dir"
mkdir -p "$dir/_base" "$dir/templates"
for ((b = 0; b < bases; b++)); do
    name=$(printf 'bench-image-%d' "$b" | sha1sum | cut -c1-40)
    truncate -s 1G "$dir/_base/$name"
    qemu-img create -q -f qcow2 ${cluster:+-o cluster_size=$cluster} -F raw -b "$dir/_base/$name" "$dir/templates/$b.qcow2"
done
# One process writes every overlay (a cp per overlay takes minutes for 50,000 on a busy machine).
python3 - "$dir" "$bases" "$overlays" <<'PY'
import os, sys
d, bases, overlays = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
templates = [open(f"{d}/templates/{b}.qcow2", "rb").read() for b in range(bases)]
for i in range(overlays):
    uuid = f"{i:08x}-0000-4000-8000-{i:012x}"
    os.mkdir(f"{d}/{uuid}")
    with open(f"{d}/{uuid}/disk", "wb") as f:
        f.write(templates[i % bases])
PY
rm -rf "$dir/templates"
