#!/usr/bin/env bash
# fuzz/run.sh BUILD_DIR [TARGET...]: runs each fuzz target for FUZZ_SECONDS (60) seconds over
# its seeds and a working corpus kept in BUILD_DIR/fuzz-work (never committed). Any crash, leak
# of the budget (-rss_limit_mb=1024 for the process with ASan, -malloc_limit_mb=512 for one allocation), hang (-timeout=5 s) or sanitizer report fails the run; the
# input is left in BUILD_DIR/fuzz-artifacts/<target>/ to be fixed and added as a regression seed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
shift
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    mapfile -t targets < <(sed -n 's/^ *\(fuzz_[a-z_]*\))\{0,1\}$/\1/p' "$here/CMakeLists.txt")
fi
seeds=$build/fuzz-seeds
# Regenerated every run (a few seconds of qemu-img) so new regression seeds are always replayed.
"$here/make-seeds.sh" "$build" "$seeds"
# A small quarantine: with the default 256 MiB, freed memory held by ASan alone pushed the RSS of
# fuzz_image_header past the budget while its live heap was under 30 MiB.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1:quarantine_size_mb=16}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for target in "${targets[@]}"; do
    work=$build/fuzz-work/$target
    artifacts=$build/fuzz-artifacts/$target
    mkdir -p "$work" "$artifacts" "$seeds/$target"
    maxlen=16384
    # Images and the remote scan's answers (real ones are 30-50 KiB) get room for a whole seed.
    case $target in fuzz_image_header | fuzz_remote_listing) maxlen=65536 ;; esac
    log=$build/fuzz-artifacts/$target.log
    echo "fuzz: $target for ${seconds}s (log: $log)"
    if "$build/fuzz/$target" -max_total_time="$seconds" -rss_limit_mb=1024 -malloc_limit_mb=512 -timeout=5 \
        -max_len="$maxlen" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        "$work" "$seeds/$target" > "$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done ' "$log" | tr '\n' ' '
        echo
    else
        echo "fuzz: $target FAILED; last lines of $log:"
        tail -n 40 "$log"
        failed+=("$target")
    fi
done
if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: failures in ${failed[*]}; inputs in $build/fuzz-artifacts/" >&2
    exit 1
fi
