#!/usr/bin/env bash
# Installs the .deb with apt-get, runs the installed binaries against a fixture lab, removes
# the package again (also when a check fails).
# usage: install_test.sh PACKAGE.deb VERSION [SCREENSHOT_HOOK]
# SCREENSHOT_HOOK (ON by default) says the package's cowherd has the screenshot hook
# (COWHERD_SCREENSHOT_HOOK, packaging/README.md): the window's check saves a picture through it.
# Needs root or password-less sudo (CI runs as root). Runs under a lock so two build trees on
# one machine do not install and remove the package under each other.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
    echo "usage: $0 PACKAGE.deb VERSION [SCREENSHOT_HOOK]" >&2
    exit 2
fi
deb=$(realpath "$1")
version=$2
hook=${3:-ON}
[[ -f $deb ]] || { echo "FAIL: no package at $deb" >&2; exit 1; }

exec 9>/tmp/cowherd-package-install-test.lock
flock 9

sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo -n)
export DEBIAN_FRONTEND=noninteractive

work=$(mktemp -d)
cleanup() {
    "${sudo[@]}" apt-get remove -y -qq cowherd >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

if dpkg-query -W -f='${db:Status-Status}' cowherd 2>/dev/null | grep -qx installed; then
    echo "note: cowherd was installed before this test; it is replaced and removed afterwards" >&2
fi

echo "== apt-get install $deb"
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get install failed"; }

echo "== installed files"
app_id=io.github.cowherd.Cowherd
expected=(/usr/bin/cowherd /usr/bin/cowherdctl
    /usr/share/applications/$app_id.desktop
    /usr/share/metainfo/$app_id.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg
    /usr/share/man/man1/cowherd.1.gz /usr/share/man/man1/cowherdctl.1.gz
    /usr/share/bash-completion/completions/cowherdctl
    /usr/share/doc/cowherd/copyright /usr/share/doc/cowherd/changelog.gz)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
listed=$(dpkg -L cowherd)
for f in "${expected[@]}"; do
    grep -qxF "$f" <<<"$listed" || fail "the package does not install $f"
    [[ -s $f ]] || fail "$f is missing or empty after installing"
done

# Everything below runs with a private home so the machine's configuration is neither read nor
# changed.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

echo "== cowherdctl --version"
got=$(/usr/bin/cowherdctl --version)
[[ $got == "cowherdctl $version" ]] || fail "cowherdctl --version printed '$got', expected 'cowherdctl $version'"

echo "== cowherdctl scan --json on a fixture lab"
instances=$work/instances
mkdir -p "$instances/_base"
base=$(printf '%s' "cowherd-package-test-image" | sha1sum | cut -d' ' -f1)
uuid=0b9d6f3e-5a1c-4e2b-8f7d-3c4b5a697887
qemu-img create -q -f raw "$instances/_base/$base" 64M
mkdir -p "$instances/$uuid"
qemu-img create -q -f qcow2 -F raw -b "$instances/_base/$base" "$instances/$uuid/disk"
config=$work/cowherd.conf
/usr/bin/cowherdctl --config "$config" hosts add lab test:///default --instances-path "$instances" >/dev/null
/usr/bin/cowherdctl --config "$config" scan --json >"$work/scan.json"
python3 - "$work/scan.json" "$instances" "$base" "$uuid" <<'PY'
import json, sys
path, instances, base, uuid = sys.argv[1:5]
snap = json.load(open(path))
def check(ok, what):
    if not ok:
        sys.exit(f'FAIL: scan --json: {what}\n{json.dumps(snap, indent=1)[:3000]}')
check(snap['host']['uri'] == 'test:///default', 'host uri is not test:///default')
check(snap['host']['instances_path'] == instances, 'wrong instances path')
bases = {b['name']: b for b in snap['bases']}
check(list(bases) == [base], f'expected exactly the base file {base}, got {list(bases)}')
check(bases[base]['kind'] == 'original', f"base kind is {bases[base]['kind']}")
check(bases[base]['format'] == 'raw', f"base format is {bases[base]['format']}")
check(bases[base]['virtual_size'] == 64 * 1024 * 1024, 'wrong virtual size')
instances_found = {i['uuid']: i for i in snap['instances']}
check(uuid in instances_found, f'instance {uuid} not found')
chain = [l['path'] for d in instances_found[uuid]['disks'] for l in d['backing_chain']]
check(f'{instances}/_base/{base}' in chain, f'the overlay does not lead to the base file: {chain}')
check(uuid in bases[base]['references'], f"base references are {bases[base]['references']}")
print('scan --json: ok')
PY

echo "== cowherd --version (offscreen)"
export QT_QPA_PLATFORM=offscreen
got=$(/usr/bin/cowherd --version)
[[ $got == "cowherd $version" ]] || fail "cowherd --version printed '$got', expected 'cowherd $version'"

if [[ $hook == ON ]]; then
    echo "== cowherd screenshot hook"
    shot=$work/window.png
    COWHERD_SCREENSHOT=$shot timeout 60 /usr/bin/cowherd --config "$config" \
        || fail "cowherd exited with status $? on the fixture lab"
    [[ -s $shot ]] || fail "cowherd did not save $shot"
    [[ $(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "$shot is not a PNG"
else
    echo "== cowherd screenshot hook: not in this build (COWHERD_SCREENSHOT_HOOK=OFF), the window is not opened"
fi

echo "== apt-get remove cowherd"
"${sudo[@]}" apt-get remove -y -qq cowherd >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get remove failed"; }
[[ ! -e /usr/bin/cowherdctl && ! -e /usr/bin/cowherd ]] || fail "the binaries are still there after removal"
echo "PASS"
