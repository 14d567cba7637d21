#!/usr/bin/env bash
# Fetching from a loopback Glance: `cowherdctl fetch glance:ID` (download, Glance's sha512 check,
# the pipeline's sha256, write to _base, inspect) against `curl -o` of the same URL, alone, with
# the same sha512 check in a pipe, and followed by sha256sum. Peak memory from /usr/bin/time -v
# for each size. Then bench_fetch_stages adds one stage at a time to the same transfer (download
# and drop, + sha512, + sha256, + write and fsync) to show where the time goes, and the process's
# CPU seconds for each.
# Run from anywhere: bench/bench_fetch_glance.sh [SIZES_MIB...]   (default: 256 1024)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
cmake --preset default >/dev/null
cmake --build --preset default -j2 --target cowherdctl bench_fetch_stages >/dev/null
ctl=$src/build/default/app/ctl/cowherdctl
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(256 1024); fi
port=19392
work=$(mktemp -d /var/tmp/cowherd-bench-glance.XXXXXX)
trap 'bash "$src/tests/support/glance.sh" stop "$work/fixture" >/dev/null 2>&1; rm -rf "$work"' EXIT
bash "$src/tests/support/glance.sh" start "$work/fixture" "$port" 2>/dev/null
export OS_CLIENT_CONFIG_FILE=$work/fixture/clouds.yaml
glance=http://127.0.0.1:$port

timed() { # LABEL CMD... -> "label seconds maxrss_kib"
    local label=$1; shift
    /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; return 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    echo "$label $wall $rss"
}

echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), glance-api $(dpkg-query -W -f='${Version}' glance-api), curl $(curl --version | head -1 | cut -d' ' -f2)"
printf '%-8s %-34s %10s %10s %12s\n' size tool seconds MiB/s "max RSS MiB"
for mib in "${sizes[@]}"; do
    head -c "${mib}M" /dev/urandom > "$work/image.raw"
    id=$(curl -sf -X POST "$glance/v2/images" -H 'Content-Type: application/json' \
         -d "{\"name\":\"bench-$mib\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}" \
         | /usr/bin/python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
    curl -sf -T "$work/image.raw" -H 'Content-Type: application/octet-stream' "$glance/v2/images/$id/file"
    rm -f "$work/image.raw"
    for run in cowherd curl "curl|tee|sha512" curl+sha256sum; do
        rm -rf "$work/instances" "$work/out.raw"; mkdir -p "$work/instances"
        case $run in
        cowherd) r=$(timed "$run" "$ctl" --instances-path "$work/instances" fetch --quiet --cloud lab-noauth "glance:$id") ;;
        curl) r=$(timed "$run" curl -sf -o "$work/out.raw" "$glance/v2/images/$id/file") ;;
        "curl|tee|sha512") r=$(timed "$run" sh -c "curl -sf '$glance/v2/images/$id/file' | tee '$work/out.raw' | openssl dgst -sha512") ;;
        curl+sha256sum) r=$(timed "$run" sh -c "curl -sf -o '$work/out.raw' '$glance/v2/images/$id/file' && sha256sum '$work/out.raw'") ;;
        esac
        read -r label wall rss <<<"$r"
        printf '%-8s %-34s %10.2f %10.0f %12.1f\n' "${mib}MiB" "$label" "$wall" "$(echo "$mib / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
    done
    echo "# stages of the same transfer, ${mib} MiB (bench_fetch_stages)"
    "$src/build/default/bench/bench_fetch_stages" "$glance/v2/images/$id/file" "$work/stages.out"
done
