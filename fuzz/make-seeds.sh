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
echo "make-seeds: $(find "$seeds" -type f | wc -l) seeds in $seeds"
