#!/bin/bash
# bench/bench_remote_scan.sh [BASES] [OVERLAYS] — a remote scan over SSH against the sshd test
# fixture (tests/support/sshd.sh; host alias cowherd-lab-a on 127.0.0.1), compared with what a
# script would do: `ssh host qemu-img info` per file, once over a shared ControlMaster (fair) and
# once with a new connection per file. Counts the SSH connections each side opened (sshd's
# "Accepted publickey" lines) and the ssh invocations (round trips). Needs root (sshd).
set -euo pipefail
cd "$(dirname "$0")/.."
bases=${1:-50} overlays=${2:-1000}
lab=${BENCH_LAB:-/tmp/cowherd-bench-remote-$bases-$overlays}
fixture=${BENCH_SSHD_STATE:-/tmp/cowherd-bench-sshd}
cmake --preset default >/dev/null
cmake --build --preset default -j2 --target cowherdctl >/dev/null
ctl=build/default/app/ctl/cowherdctl
[ -d "$lab/_base" ] && [ "$(ls "$lab" | wc -l)" -gt "$overlays" ] || bench/makelab.sh "$lab" "$bases" "$overlays"
COWHERD_SSHD_PORTS="22231 22232" bash tests/support/sshd.sh start "$fixture"
trap 'bash tests/support/sshd.sh stop "$fixture"' EXIT
export COWHERD_SSH_CONFIG=$fixture/ssh_config
control=$(mktemp -d /tmp/cowherd-bench-ctl-XXXXXX)
export COWHERD_SSH_CONTROL_DIR=$control
log=$fixture/sshd-cowherd-lab-a.log
accepted() { grep -c 'Accepted publickey' "$log" || true; }
now() { date +%s.%N; }
files=$(ls "$lab"/_base/* "$lab"/*/disk | wc -l)
cat "$lab"/_base/* "$lab"/*/disk >/dev/null 2>&1 || true
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), OpenSSH $(ssh -V 2>&1 | cut -d' ' -f1), $bases base files, $overlays overlays ($files images)"

uri=qemu+ssh://cowherd-lab-a/system
run_scan() { "$ctl" --host "$uri" --instances-path "$lab" scan --json --no-libvirt >/tmp/cowherd-bench-remote.json; }
a0=$(accepted); t0=$(now); run_scan; t1=$(now); a1=$(accepted)
t2=$(now); run_scan; t3=$(now); a2=$(accepted)
refs=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["bases"]), sum(len(b["references"]) for b in d["bases"]))' /tmp/cowherd-bench-remote.json)

mux=(-F "$COWHERD_SSH_CONFIG" -o BatchMode=yes -o ControlMaster=auto -o ControlPersist=60 -o "ControlPath=$control/ref-%C")
ssh "${mux[@]}" cowherd-lab-a true
b0=$(accepted); t4=$(now)
for f in "$lab"/_base/* "$lab"/*/disk; do ssh "${mux[@]}" cowherd-lab-a qemu-img info -U --output=json "'$f'" >/dev/null; done
t5=$(now); b1=$(accepted)
ssh "${mux[@]}" -O exit cowherd-lab-a 2>/dev/null || true
sample=${BENCH_NOMUX_SAMPLE:-100}
list=$(mktemp)
ls "$lab"/_base/* "$lab"/*/disk >"$list"
c0=$(accepted); t6=$(now)
head -n "$sample" "$list" | while read -r f; do
    ssh -F "$COWHERD_SSH_CONFIG" -o BatchMode=yes -o ControlMaster=no -o ControlPath=none cowherd-lab-a \
        qemu-img info -U --output=json "'$f'" >/dev/null </dev/null
done
t7=$(now); c1=$(accepted)
rm -f "$list"
python3 - "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$t6" "$t7" "$files" "$refs" "$((a1 - a0))" "$((a2 - a1))" "$((b1 - b0))" "$((c1 - c0))" "$sample" <<'PY'
import sys
t = list(map(float, sys.argv[1:9]))
files, refs = int(sys.argv[9]), sys.argv[10]
cold_conn, warm_conn, mux_conn, nomux_conn, sample = map(int, sys.argv[11:16])
cold, warm = t[1] - t[0], t[3] - t[2]
mux, nomux = t[5] - t[4], (t[7] - t[6]) * files / sample
print(f"cowherdctl scan over SSH, new master:  {cold*1000:8.0f} ms  1 round trip, {cold_conn} SSH connection(s) ({refs} bases/references)")
print(f"cowherdctl scan over SSH, warm master: {warm*1000:8.0f} ms  1 round trip, {warm_conn} new SSH connection(s)")
print(f"ssh host qemu-img info per file, one ControlMaster: {mux*1000:8.0f} ms  {files} round trips, {mux_conn} new connection(s)")
print(f"ssh host qemu-img info per file, no multiplexing:   {nomux*1000:8.0f} ms  {files} round trips, {nomux_conn * files // sample} connections (extrapolated from {sample} files)")
print(f"ratio (multiplexed reference / warm scan): {mux/warm:6.1f}x; (unmultiplexed / warm scan): {nomux/warm:6.1f}x")
PY
# End cowherdctl's master (ControlPersist would keep it for 10 minutes).
ssh -F "$COWHERD_SSH_CONFIG" -o "ControlPath=$control/ssh-%C" -O exit cowherd-lab-a 2>/dev/null || true
rm -rf "$control"
