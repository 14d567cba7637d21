#!/usr/bin/env bash
# Installs the Debian packages that are missing: `install-deps.sh run` those of
# scripts/packages-run.txt (build and run Cowherd), `install-deps.sh test` those and
# scripts/packages-test.txt (tests, fuzzing, packaging).
# When everything is present this costs a single dpkg query and no apt-get update.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lists=("$here/packages-run.txt")
case "${1:-test}" in
    run) ;;
    test) lists+=("$here/packages-test.txt") ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "${lists[@]}" | sort -u)
# One query; unknown packages simply do not appear in its output.
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null \
            | awk '$2 == "installed" { print $1 }' | sort -u || true)
mapfile -t missing < <(comm -23 <(printf '%s\n' "${wanted[@]}") <(printf '%s\n' "$installed"))
[ "${#missing[@]}" -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
