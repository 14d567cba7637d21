#!/usr/bin/env bash
# fuzz/make-seeds.sh BUILD_DIR SEED_DIR: the seed corpus of every fuzz target.
#   - the committed text seeds and regression inputs of fuzz/corpus/<target>/ (*.b64 are decoded:
#     binary regression inputs are kept in git as base64 text);
#   - fuzz_image_header: the first 64 KiB of every image tests/support/imagecorpus generates
#     (good and hostile), plus each image's embedded text for fuzz_vmdk_descriptor;
#   - fuzz_qemuimg_json: `qemu-img info --output=json` of every good image.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1
seeds=$2
rm -rf "$seeds"
mkdir -p "$seeds"
for dir in "$here"/corpus/*/; do
    target=$(basename "$dir")
    mkdir -p "$seeds/$target"
    for file in "$dir"*; do
        [ -f "$file" ] || continue
        case $file in
            *.b64) base64 -d "$file" > "$seeds/$target/$(basename "${file%.b64}")" ;;
            *) cp "$file" "$seeds/$target/" ;;
        esac
    done
done

images=$(mktemp -d)
trap 'rm -rf "$images"' EXIT
mkdir -p "$seeds/fuzz_image_header" "$seeds/fuzz_qemuimg_json" "$seeds/fuzz_vmdk_descriptor"
"$build/fuzz/fuzz_write_image_seeds" "$images/corpus" > "$images/list"
while read -r image; do
    name=$(basename "$image")
    head -c 65536 "$image" > "$seeds/fuzz_image_header/$name"
    # Formats with a footer (VHD) or a trailing header (streamOptimized VMDK) also as their tail.
    size=$(stat -c %s "$image")
    if [ "$size" -gt 65536 ]; then
        tail -c 4096 "$image" > "$seeds/fuzz_image_header/$name.tail"
    fi
    if grep -aq 'createType' "$image"; then
        grep -a -m 20 -E '^(#|version|CID|parentCID|createType|parentFileNameHint|RW|RDONLY|NOACCESS|ddb)' "$image" \
            | tr -d '\000' > "$seeds/fuzz_vmdk_descriptor/$name.txt" || true
    fi
    qemu-img info --output=json "$image" > "$seeds/fuzz_qemuimg_json/$name.json" 2>/dev/null \
        || rm -f "$seeds/fuzz_qemuimg_json/$name.json"
done < "$images/list"
# fuzz_remote_listing: the real scan and probe scripts run over a small lab (base files from the
# corpus, one instance with an overlay), with perl and with the head|base64 fallback.
lab=$images/lab
mkdir -p "$lab/_base" "$lab/6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b" "$seeds/fuzz_remote_listing"
n=0
while read -r image && [ $n -lt 6 ]; do
    head -c 65536 "$image" > "$lab/_base/$(printf '%040x' $n)"
    n=$((n + 1))
done < "$images/list"
qemu-img create -q -f qcow2 -F raw -b "$lab/_base/$(printf '%040x' 0)" "$lab/6f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b/disk"
"$build/fuzz/fuzz_write_image_seeds" --listing-script "$lab" | sh -s > "$seeds/fuzz_remote_listing/listing-perl" || true
"$build/fuzz/fuzz_write_image_seeds" --listing-script "$lab" | COWHERD_NO_PERL=1 sh -s \
    > "$seeds/fuzz_remote_listing/listing-base64" || true
"$build/fuzz/fuzz_write_image_seeds" --probe-script "$lab/_base/$(printf '%040x' 0)" "$lab/missing" | sh -s \
    > "$seeds/fuzz_remote_listing/probe" || true

echo "make-seeds: $(find "$seeds" -type f | wc -l) seeds in $seeds"
