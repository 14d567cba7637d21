#!/usr/bin/env bash
# Runs lintian on the .deb; fails on any error (E:) or when lintian itself fails.
# Warnings and infos are printed, not fatal.
# usage: lintian_check.sh PACKAGE.deb
set -uo pipefail
deb=$1
[[ -f $deb ]] || { echo "FAIL: no package at $deb" >&2; exit 1; }
# lintian refuses to run as root without this flag; it only reads the .deb.
root=()
[[ $(id -u) -ne 0 ]] || root=(--allow-root)
lintian "${root[@]}" --fail-on error --tag-display-limit 0 --display-info "$deb"
status=$?
if [[ $status -ne 0 ]]; then
    echo "FAIL: lintian exited with status $status (errors above, or lintian could not run)" >&2
    exit 1
fi
echo "lintian: no errors"
