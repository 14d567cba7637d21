#!/bin/sh
# Times native header inspection against one `qemu-img info --output=json` per file on
# COUNT qcow2 overlays (default 1000). Run from the source tree: bench/bench_inspect.sh [COUNT]
set -eu
cd "$(dirname "$0")/.."
cmake --preset default >/dev/null
cmake --build --preset default -j2 --target bench_inspect >/dev/null
echo "# $(date -u +%Y-%m-%d) $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), $(qemu-img --version | head -1)"
exec build/default/bench/bench_inspect "${1:-1000}"
