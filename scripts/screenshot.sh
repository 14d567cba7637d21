#!/usr/bin/env bash
# Builds a small fixture lab with qemu-img (two originals, one resized copy, a stray file and
# four instances),
# opens cowherd on it under Xvfb and saves a picture to OUTPUT.png: the main window, or with
# MODE the launch wizard's last page (launch-wizard), the cache pass preview (cache-pass) or the
# task centre with a few real tasks (task-centre). Further arguments go to cowherd (e.g.
# `--lang de` for docs/screenshots/main-window-de.png).
# Fails when the picture is blank. Needs: qemu-img, xvfb-run, python3.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 OUTPUT.png [window|launch-wizard|cache-pass|task-centre] [COWHERD-ARGUMENTS...]" >&2
    exit 2
fi
output=$(realpath -m "$1")
shift
mode=window
if [[ $# -gt 0 && $1 != -* ]]; then
    mode=$1
    shift
fi
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COWHERD_BUILD_DIR:-$root/build/default}

[[ -f $build/build.ninja ]] || cmake --preset default -S "$root" >/dev/null
cmake --build "$build" -j2 --target cowherd cowherdctl

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
instances=$work/instances
base=$instances/_base
mkdir -p "$base"

sha1() { printf '%s' "$1" | sha1sum | cut -d' ' -f1; }

# Nova names originals sha1(image id) and resized copies <sha1>_<GiB>.
ubuntu=$(sha1 "5f0c6a7e-3b1d-4c8e-9a62-1d2e3f405162")
cirros=$(sha1 "a1b2c3d4-0e1f-4a5b-8c7d-9e0f1a2b3c4d")

make_raw() { # name, virtual size, MiB of data written at the start
    qemu-img create -q -f raw "$base/$1" "$2"
    dd if=/dev/urandom of="$base/$1" bs=1M count="$3" conv=notrunc status=none
}
make_raw "$ubuntu" 2252M 48
make_raw "$cirros" 112M 12
make_raw "${ubuntu}_10" 10G 64
touch -d '3 days ago' "$base/$ubuntu"
touch -d '5 hours ago' "$base/${ubuntu}_10"
touch -d '26 days ago' "$base/$cirros"
# A file someone copied in by hand: Cowherd flags names Nova would not have made.
make_raw cirros-0.6.2.img 112M 4
touch -d '40 days ago' "$base/cirros-0.6.2.img"

# Cowherd's metadata for the fetched originals: image ids (so the launch wizard offers them)
# and recorded checksums.
mkdir -p "$base/.cowherd"
meta() { # base file name, image id
    local sum
    sum=$(sha256sum "$base/$1" | cut -d' ' -f1)
    printf '{"image_id":"%s","sha256":"%s","state":"ok","verified_at":"%s","recorded_at":"%s"}\n' \
        "$2" "$sum" "$(date -u +%FT%TZ)" "$(date -u -d '3 days ago' +%FT%TZ)" > "$base/.cowherd/$1.json"
}
meta "$ubuntu" 5f0c6a7e-3b1d-4c8e-9a62-1d2e3f405162
meta "$cirros" a1b2c3d4-0e1f-4a5b-8c7d-9e0f1a2b3c4d
# Unused leftovers a cache pass removes: an old original and a resized copy nobody uses now.
debian=$(sha1 "0d7c1f2e-5a6b-4c3d-8e9f-a0b1c2d3e4f5")
make_raw "$debian" 2G 24
touch -d '12 days ago' "$base/$debian"
make_raw "${cirros}_1" 1G 12
touch -d '3 hours ago' "$base/${cirros}_1"

overlay() { # uuid, base file name
    mkdir -p "$instances/$1"
    qemu-img create -q -f qcow2 -F raw -b "$base/$2" "$instances/$1/disk"
}
overlay 3c5e7f10-8a2b-4d6c-9e1f-2a3b4c5d6e70 "$ubuntu"
overlay 7d9b1e42-1c3a-4f5b-8d6e-0f1a2b3c4d5e "$ubuntu"
overlay b4e6a8c0-2d4f-4a6b-8c0d-1e2f3a4b5c6d "${ubuntu}_10"
overlay e0f2a4b6-c8d0-4e2f-a4b6-c8d0e2f4a6b8 "$cirros"

config=$work/cowherd.conf
"$build/app/ctl/cowherdctl" --config "$config" hosts add lab1 test:///default --instances-path "$instances" >/dev/null

mkdir -p "$(dirname "$output")"
rm -f "$output"
# The task centre launches from a big sparse image so that its progress shows speed and ETA.
big=$work/images/noble-server.img
mkdir -p "$work/images"
truncate -s 6G "$big"

COWHERD_SCREENSHOT=$output COWHERD_SCREENSHOT_MODE=$mode COWHERD_SCREENSHOT_IMAGE=$big XDG_CONFIG_HOME=$work/xdg-config XDG_DATA_HOME=$work/xdg-data \
    xvfb-run -a -s '-screen 0 1400x900x24' "$build/app/gui/cowherd" --config "$config" "$@"

python3 - "$output" <<'PY'
# A blank window is (almost) one colour: decode the PNG with the standard library and count.
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, header = 8, b'', None
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR':
        header = struct.unpack('>IIBBBBB', body)
    elif kind == b'IDAT':
        idat += body
    pos += 12 + length
width, height, depth, colour = header[:4]
channels = {2: 3, 6: 4}.get(colour)
if depth != 8 or channels is None:
    sys.exit(f'unexpected PNG format (depth {depth}, colour type {colour})')
raw = zlib.decompress(idat)
stride = width * channels
previous = bytearray(stride)
colours = set()
for y in range(height):
    line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
    kind, row = line[0], bytearray(line[1:])
    for i in range(stride):
        a = row[i - channels] if i >= channels else 0
        b = previous[i]
        c = previous[i - channels] if i >= channels else 0
        if kind == 1: row[i] = (row[i] + a) & 255
        elif kind == 2: row[i] = (row[i] + b) & 255
        elif kind == 3: row[i] = (row[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        colours.update(bytes(row[x:x + 3]) for x in range(0, stride, channels * 4))
    previous = row
if len(colours) < 16:
    sys.exit(f'{sys.argv[1]}: looks blank ({len(colours)} colours)')
print(f'{sys.argv[1]}: {width}x{height}, {len(colours)} colours sampled')
PY
