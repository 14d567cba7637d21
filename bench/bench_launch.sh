#!/bin/bash
# bench/bench_launch.sh [ROUNDS] — launch overhead with a cached base: `cowherdctl launch`
# (overlay, disk.info, XML, define, start) against `virsh define` + `virsh start` of the same
# domain XML, on qemu:///system under TCG. Needs root and a running libvirtd.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
ctl=${COWHERDCTL:-build/default/app/ctl/cowherdctl}
[ -x "$ctl" ] || { cmake --preset default >/dev/null; cmake --build --preset default -j2 --target cowherdctl >/dev/null; }
lab=/var/lib/cowherd-test/bench-launch
rm -rf "$lab"; mkdir -p "$lab"; chmod 755 /var/lib/cowherd-test "$lab"
uri=qemu:///system
now() { date +%s.%N; }
"$ctl" demo-image "$lab/demo.raw" --label bench >/dev/null
id=bench-launch-image
# The first launch fetches; it is not measured.
"$ctl" --host $uri --instances-path "$lab" launch --image "$lab/demo.raw" --image-id $id --name cowherd-bench-warm --virt-type qemu --quiet >/dev/null 2>&1
ours=0 theirs=0
for ((i = 0; i < rounds; i++)); do
    t0=$(now)
    json=$("$ctl" --host $uri --instances-path "$lab" launch --image-id $id --name "cowherd-bench-$i" --virt-type qemu --json --quiet 2>/dev/null)
    t1=$(now)
    dir=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["directory"])' "$json")
    # The same XML under another name and uuid, for virsh.
    sed -e "s|<name>cowherd-bench-$i</name>|<name>cowherd-virsh-$i</name>|" -e "s|<uuid>[^<]*</uuid>|<uuid>$(cat /proc/sys/kernel/random/uuid)</uuid>|" \
        "$dir/libvirt.xml" >"$lab/virsh-$i.xml"
    "$ctl" --host $uri --instances-path "$lab" terminate "cowherd-bench-$i" --timeout 0 >/dev/null 2>&1
    # virsh gets its own directory with a fresh overlay, like Cowherd's.
    mkdir -p "$lab/virsh-$i"
    qemu-img create -q -f qcow2 -F raw -b "$lab/_base/$(printf '%s' $id | sha1sum | cut -c1-40)" "$lab/virsh-$i/disk"
    sed -i "s|$dir|$lab/virsh-$i|g" "$lab/virsh-$i.xml"
    t2=$(now)
    virsh -q -c $uri define "$lab/virsh-$i.xml" >/dev/null
    virsh -q -c $uri start "cowherd-virsh-$i" >/dev/null
    t3=$(now)
    virsh -q -c $uri destroy "cowherd-virsh-$i" >/dev/null 2>&1 || true
    virsh -q -c $uri undefine "cowherd-virsh-$i" >/dev/null
    rm -rf "$lab/virsh-$i"
    ours=$(python3 -c "print($ours + $t1 - $t0)")
    theirs=$(python3 -c "print($theirs + $t3 - $t2)")
done
"$ctl" --host $uri --instances-path "$lab" terminate cowherd-bench-warm --timeout 0 >/dev/null 2>&1 || true
python3 - "$ours" "$theirs" "$rounds" <<'PY'
import sys
ours, theirs, n = float(sys.argv[1]) / int(sys.argv[3]), float(sys.argv[2]) / int(sys.argv[3]), int(sys.argv[3])
print(f"# {n} rounds, qemu:///system, TCG, cached base")
print(f"cowherdctl launch:            {ours*1000:7.0f} ms")
print(f"virsh define + virsh start:   {theirs*1000:7.0f} ms")
print(f"overhead:                     {(ours-theirs)*1000:7.0f} ms")
PY
