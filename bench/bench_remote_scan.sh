#!/bin/bash
# bench/bench_remote_scan.sh [BASES] [OVERLAYS] [CLUSTER] — a remote scan over SSH against the sshd
# test fixture (tests/support/sshd.sh; host alias cowherd-lab-a on 127.0.0.1), compared with the
# local scan of the same directory and with what a script would do: `ssh host qemu-img info` per
# file, once over a shared ControlMaster (fair) and once with a new connection per file. Counts
# the SSH connections each side opened (sshd's "Accepted publickey" lines) and the ssh
# invocations (round trips); reports the peak RSS of cowherdctl (with its ssh) and of the host's
# side (sshd's session and the script's processes, sampled by bench/peakrss.py in a run of its
# own), and checks that the remote scan's JSON equals the local one's (but for the host and the time). Needs root (sshd).
# BENCH_REMOTE_SAMPLE=N times the per-file loops on N files only and extrapolates (default: all
# files with a ControlMaster, 100 without). COWHERDCTL=BINARY benchmarks that binary instead of
# this tree's build.
set -euo pipefail
cd "$(dirname "$0")/.."
bases=${1:-50} overlays=${2:-1000} cluster=${3:-}
lab=${BENCH_LAB:-/tmp/cowherd-bench-remote-$bases-$overlays${cluster:+-$cluster}}
fixture=${BENCH_SSHD_STATE:-/tmp/cowherd-bench-sshd}
if [ -n "${COWHERDCTL:-}" ]; then
    ctl=$COWHERDCTL # another build (say main's, for a before/after)
else
    cmake --preset default >/dev/null
    cmake --build --preset default -j2 --target cowherdctl >/dev/null
    ctl=build/default/app/ctl/cowherdctl
fi
[ -d "$lab/_base" ] && [ "$(ls "$lab" | wc -l)" -gt "$overlays" ] || bench/makelab.sh "$lab" "$bases" "$overlays" $cluster
COWHERD_SSHD_PORTS="22231 22232" bash tests/support/sshd.sh start "$fixture"
out=$(mktemp -d /tmp/cowherd-bench-remote-XXXXXX)
control=$out/control
mkdir -m 0700 "$control"
cleanup() {
    ssh -F "$fixture/ssh_config" -o "ControlPath=$control/ssh-%C" -O exit cowherd-lab-a 2>/dev/null || true
    bash tests/support/sshd.sh stop "$fixture"
    rm -rf "$out"
}
trap cleanup EXIT
export COWHERD_SSH_CONFIG=$fixture/ssh_config
export COWHERD_SSH_CONTROL_DIR=$control
log=$fixture/sshd-cowherd-lab-a.log
accepted() { grep -c 'Accepted publickey' "$log" || true; }
now() { date +%s.%N; }
find "$lab/_base" -mindepth 1 -maxdepth 1 -type f | sort >"$out/files"
find "$lab" -mindepth 2 -maxdepth 2 -name disk -path "$lab/*/disk" | sort >>"$out/files"
files=$(wc -l <"$out/files")
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), OpenSSH $(ssh -V 2>&1 | cut -d' ' -f1), $bases base files, $overlays overlays ($files images)${cluster:+, $cluster-byte clusters}; load:$(uptime | sed 's/.*load average://')"

uri=qemu+ssh://cowherd-lab-a/system
scan() { # URI OUTPUT -> "SECONDS MAXRSS_KB"
    /usr/bin/time -f "%e %M" -o "$out/time" "$ctl" --host "$1" --instances-path "$lab" scan --json --no-libvirt >"$2"
    cat "$out/time"
}
scan test:///default "$out/local.json" >/dev/null # warms the page cache
local=$(scan test:///default "$out/local.json")
a0=$(accepted); cold=$(scan "$uri" "$out/remote.json"); a1=$(accepted)
warm=$(scan "$uri" "$out/remote.json"); a2=$(accepted)
# The host's side, in a run of its own: the sampler costs CPU the timed runs should not pay.
bench/peakrss.py "$(cat "$fixture/sshd-cowherd-lab-a.pid")" "$out/hostside" &
sampler=$!
scan "$uri" "$out/remote.json" >/dev/null
touch "$out/hostside.stop"
wait $sampler
hostside=$(cat "$out/hostside")
same=$(python3 -c 'import json,sys
l, r = (json.load(open(p)) for p in sys.argv[1:3])
for d in (l, r):
    del d["taken_at"], d["host"]
print("identical" if l == r else "different")' "$out/local.json" "$out/remote.json")
refs=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["bases"]), sum(len(b["references"]) for b in d["bases"]))' "$out/remote.json")

mux=(-F "$COWHERD_SSH_CONFIG" -o BatchMode=yes -o ControlMaster=auto -o ControlPersist=60 -o "ControlPath=$control/ref-%C")
ssh "${mux[@]}" cowherd-lab-a true
muxSample=${BENCH_REMOTE_SAMPLE:-$files}
b0=$(accepted); t4=$(now)
head -n "$muxSample" "$out/files" | while read -r f; do
    ssh "${mux[@]}" cowherd-lab-a qemu-img info -U --output=json "'$f'" >/dev/null </dev/null
done
t5=$(now); b1=$(accepted)
ssh "${mux[@]}" -O exit cowherd-lab-a 2>/dev/null || true
sample=${BENCH_REMOTE_SAMPLE:-${BENCH_NOMUX_SAMPLE:-100}}
c0=$(accepted); t6=$(now)
head -n "$sample" "$out/files" | while read -r f; do
    ssh -F "$COWHERD_SSH_CONFIG" -o BatchMode=yes -o ControlMaster=no -o ControlPath=none cowherd-lab-a \
        qemu-img info -U --output=json "'$f'" >/dev/null </dev/null
done
t7=$(now); c1=$(accepted)
python3 - "$local" "$cold" "$warm" "$hostside" "$t4" "$t5" "$t6" "$t7" "$files" "$refs" "$((a1 - a0))" "$((a2 - a1))" \
    "$((b1 - b0))" "$((c1 - c0))" "$muxSample" "$sample" "$same" <<'PY'
import sys
a = sys.argv[1:]
local, cold, warm = (a[0].split(), a[1].split(), a[2].split())
host_peak, host_command, host_sum = a[3].split()
t4, t5, t6, t7 = map(float, a[4:8])
files, refs = int(a[8]), a[9]
cold_conn, warm_conn, mux_conn, nomux_conn, mux_sample, sample = map(int, a[10:16])
same = a[16]
mb = lambda kb: int(kb) / 1024
lt, ct, wt = float(local[0]), float(cold[0]), float(warm[0])
mux, nomux = (t5 - t4) * files / mux_sample, (t7 - t6) * files / sample
print(f"cowherdctl scan, local:                {lt*1000:8.0f} ms  peak RSS {mb(local[1]):6.1f} MB")
print(f"cowherdctl scan over SSH, new master:  {ct*1000:8.0f} ms  peak RSS {mb(cold[1]):6.1f} MB  1 round trip, {cold_conn} SSH connection(s) ({refs} bases/references)")
print(f"cowherdctl scan over SSH, warm master: {wt*1000:8.0f} ms  peak RSS {mb(warm[1]):6.1f} MB  1 round trip, {warm_conn} new SSH connection(s); {wt/lt:.2f}x the local scan")
print(f"host's side of a scan: largest process {mb(host_peak):6.1f} MB ({host_command}), all its processes together at most {mb(host_sum):6.1f} MB")
print(f"remote JSON against the local one (but for the host and taken_at): {same}")
ext = lambda n: f" (extrapolated from {n} files)" if n < files else ""
print(f"ssh host qemu-img info per file, one ControlMaster: {mux*1000:8.0f} ms  {files} round trips, {mux_conn * files // mux_sample} new connection(s){ext(mux_sample)}")
print(f"ssh host qemu-img info per file, no multiplexing:   {nomux*1000:8.0f} ms  {files} round trips, {nomux_conn * files // sample} connections{ext(sample)}")
print(f"ratio (multiplexed reference / warm scan): {mux/wt:6.1f}x; (unmultiplexed / warm scan): {nomux/wt:6.1f}x")
PY
