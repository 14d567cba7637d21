#!/bin/bash
# bench/makelab.sh DIR BASES OVERLAYS — a Nova-style instances path for benchmarks: BASES raw base
# files (sparse, 1 GiB virtual) in DIR/_base and OVERLAYS qcow2 overlays spread over them, one
# per instance directory. Overlays are copies of one qemu-img-made overlay per base (the backing
# name lives in the header), so making 10,000 takes seconds, not minutes.
set -euo pipefail
dir=$1 bases=${2:-50} overlays=${3:-1000}
rm -rf "$dir"
mkdir -p "$dir/_base" "$dir/templates"
for ((b = 0; b < bases; b++)); do
    name=$(printf 'bench-image-%d' "$b" | sha1sum | cut -c1-40)
    truncate -s 1G "$dir/_base/$name"
    qemu-img create -q -f qcow2 -F raw -b "$dir/_base/$name" "$dir/templates/$b.qcow2"
done
for ((i = 0; i < overlays; i++)); do
    uuid=$(printf '%08x-0000-4000-8000-%012x' "$i" "$i")
    mkdir "$dir/$uuid"
    cp "$dir/templates/$((i % bases)).qcow2" "$dir/$uuid/disk"
done
rm -rf "$dir/templates"
