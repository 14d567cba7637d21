#!/usr/bin/env bash
# Builds a fixture lab with qemu-img (three originals, two resized copies, a stray file and
# eight instances whose domains a libvirt test-driver file defines as running, paused, shut off;
# one instance is on disk only), runs one real cache pass over it (so the dashboard has history),
# opens cowherd on it under Xvfb and saves the main window to OUTPUT.png.
# VIEW chooses the picture: base (the base cache table, default), instances, map, dashboard, or
# launch-wizard (its last page), cache-pass (the preview dialog), task-centre (a few real tasks),
# hosts (the overview of all hosts, with a second lab and a host that cannot be reached),
# images (the Images tab: the clouds of OS_CLIENT_CONFIG_FILE or ~/.config/openstack), import-dialog.
# Further arguments go to cowherd (e.g. `--lang de` for docs/screenshots/main-window-de.png).
# Fails when the picture is blank. Needs: qemu-img, xvfb-run, python3.
#   scripts/screenshot.sh docs/screenshots/map.png map
# COWHERD_SCREENSHOT_SCALE=2 renders at twice the size (high-DPI check).
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 OUTPUT.png [base|instances|map|dashboard|hosts|images|launch-wizard|cache-pass|task-centre|import-dialog] [COWHERD-ARGUMENTS...]" >&2
    exit 2
fi
output=$(realpath -m "$1")
shift
view=base
if [[ $# -gt 0 && $1 != -* ]]; then
    view=$1
    shift
fi
tab='' mode=window
case $view in
    base | window) ;;
    map | dashboard | hosts | images | instances) tab=$view ;;
    launch-wizard | cache-pass | task-centre | import-dialog) mode=$view ;;
    *) echo "unknown view: $view" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
build=${COWHERD_BUILD_DIR:-$root/build/default}
scale=${COWHERD_SCREENSHOT_SCALE:-1}

# The pictures come from the screenshot hook (app/gui/doctools), which a build configured with
# COWHERD_SCREENSHOT_HOOK=OFF leaves out of cowherd.
if grep -qx 'COWHERD_SCREENSHOT_HOOK:BOOL=OFF' "$build/CMakeCache.txt" 2>/dev/null; then
    echo "$build has no screenshot hook: configure it with -DCOWHERD_SCREENSHOT_HOOK=ON" >&2
    exit 1
fi
# COWHERD_NO_BUILD=1: the binaries are built already (the screenshot test runs inside ctest).
if [[ -z ${COWHERD_NO_BUILD:-} ]]; then
    [[ -f $build/build.ninja ]] || cmake --preset default -S "$root" >/dev/null
    cmake --build "$build" -j2 --target cowherd cowherdctl
fi

work=$(mktemp -d)
session=''
trap '[[ -z $session ]] || kill -KILL -- "-$session" 2>/dev/null; rm -rf "$work"' EXIT
instances=$work/instances
base=$instances/_base
mkdir -p "$base"

sha1() { printf '%s' "$1" | sha1sum | cut -d' ' -f1; }

# Nova names originals sha1(image id) and resized copies <sha1>_<GiB>.
ubuntu=$(sha1 "5f0c6a7e-3b1d-4c8e-9a62-1d2e3f405162")
cirros=$(sha1 "a1b2c3d4-0e1f-4a5b-8c7d-9e0f1a2b3c4d")
debian=$(sha1 "0d6f1c2e-7a3b-4e5d-9c8b-1a2b3c4d5e6f")
centos=$(sha1 "c3b2a190-8f7e-4d6c-b5a4-9382716a5b4c")
fedora=$(sha1 "f3d0a391-0000-4c1a-9b2c-3d4e5f607182")

make_raw() { # name, virtual size, MiB of data written at the start
    qemu-img create -q -f raw "$base/$1" "$2"
    dd if=/dev/urandom of="$base/$1" bs=1M count="$3" conv=notrunc status=none
}
make_raw "$ubuntu" 2252M 48
make_raw "$cirros" 112M 12
make_raw "$debian" 2048M 40
make_raw "${ubuntu}_10" 10G 64
make_raw "${debian}_20" 20G 56
# Unused for a month: the cache pass below removes it and writes why to the audit log.
make_raw "$centos" 1024M 24
touch -d '30 days ago' "$base/$centos"
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

domains=$work/node.xml
echo '<node>' >"$domains"
instance() { # uuid, name (empty: on disk only), state (1 running, 3 paused, 5 shut off), base file name
    mkdir -p "$instances/$1"
    qemu-img create -q -f qcow2 -F raw -b "$base/$4" "$instances/$1/disk"
    # Some data written by the guest, so overlays are not all empty.
    qemu-io -f qcow2 -c "write 0 $(( (RANDOM % 12 + 2) ))M" "$instances/$1/disk" >/dev/null 2>&1 || true
    [[ -n $2 ]] || return 0
    cat >>"$domains" <<XML
  <domain type="test" xmlns:test="http://libvirt.org/schemas/domain/test/1.0">
    <name>$2</name><uuid>$1</uuid><memory>524288</memory><vcpu>1</vcpu><os><type>hvm</type></os>
    <devices><disk type="file" device="disk"><driver name="qemu" type="qcow2"/>
      <source file="$instances/$1/disk"/><target dev="vda" bus="virtio"/></disk></devices>
    <test:runstate>$3</test:runstate>
  </domain>
XML
}
instance 3c5e7f10-8a2b-4d6c-9e1f-2a3b4c5d6e70 web-1 1 "$ubuntu"
instance 7d9b1e42-1c3a-4f5b-8d6e-0f1a2b3c4d5e web-2 1 "$ubuntu"
instance 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d web-3 5 "$ubuntu"
instance b4e6a8c0-2d4f-4a6b-8c0d-1e2f3a4b5c6d db-1 1 "${ubuntu}_10"
instance e0f2a4b6-c8d0-4e2f-a4b6-c8d0e2f4a6b8 smoke-test 3 "$cirros"
instance 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d build-1 1 "$debian"
instance 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a ci-runner 5 "${debian}_20"
instance 0c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f "" 0 "${debian}_20"
echo '</node>' >>"$domains"

config=$work/cowherd.conf
"$build/app/ctl/cowherdctl" --config "$config" hosts add lab1 "test://$domains" --instances-path "$instances" >/dev/null
export XDG_CONFIG_HOME=$work/xdg-config XDG_DATA_HOME=$work/xdg-data
"$build/app/ctl/cowherdctl" --config "$config" --host lab1 cleanup >/dev/null || true
# After the pass: an original nobody has used for two days, which the next pass would remove.
make_raw "$fedora" 1536M 32
touch -d '2 days ago' "$base/$fedora"

if [[ $view == hosts ]]; then
    # A second, smaller lab on the same test driver, and a host whose name does not resolve:
    # ssh and libvirt fail at once, so it shows as reconnecting.
    lab2=$work/lab2
    mkdir -p "$lab2/_base"
    qemu-img create -q -f raw "$lab2/_base/$cirros" 112M
    dd if=/dev/urandom of="$lab2/_base/$cirros" bs=1M count=12 conv=notrunc status=none
    qemu-img create -q -f raw "$lab2/_base/swap_512" 512M
    touch -d '3 hours ago' "$lab2/_base/swap_512"
    "$build/app/ctl/cowherdctl" --config "$config" hosts add lab2 "test://$domains" --instances-path "$lab2" >/dev/null
    "$build/app/ctl/cowherdctl" --config "$config" hosts add lab3 "qemu+ssh://admin@lab3.invalid/system" \
        --instances-path /var/lib/nova/instances >/dev/null
fi

mkdir -p "$(dirname "$output")"
rm -f "$output"
# The task centre launches from a big sparse image so that its progress shows speed and ETA.
big=$work/images/noble-server.img
mkdir -p "$work/images"
truncate -s 6G "$big"

# In a session of its own, so that nothing it leaves behind outlives the script: under ASan, a
# child that libvirt forks for ssh can deadlock in the sanitizer's allocator before it execs,
# and would hold ctest's output pipe (and a core) until the test's timeout.
COWHERD_SCREENSHOT=$output COWHERD_SCREENSHOT_TAB=$tab COWHERD_SCREENSHOT_MODE=$mode COWHERD_SCREENSHOT_IMAGE=$big \
    QT_SCALE_FACTOR=$scale \
    setsid xvfb-run -a -s "-screen 0 $((1400 * scale))x$((900 * scale))x24" "$build/app/gui/cowherd" --config "$config" "$@" &
session=$!
status=0
wait "$session" || status=$?
kill -KILL -- "-$session" 2>/dev/null || true
session=''
[[ $status -eq 0 ]] || exit "$status"

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
