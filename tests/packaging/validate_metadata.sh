#!/usr/bin/env bash
# Validates the desktop entry and the AppStream metainfo as distributions do, and checks that
# the metainfo and docs/CHANGELOG.md know the project's version.
# usage: validate_metadata.sh DESKTOP_FILE METAINFO_FILE CHANGELOG_MD VERSION
set -euo pipefail
desktop=$1 metainfo=$2 changelog=$3 version=$4

desktop-file-validate "$desktop"
echo "desktop-file-validate: ok"
appstreamcli validate --no-net --pedantic "$metainfo"
grep -q "<release version=\"$version\"" "$metainfo" \
    || { echo "FAIL: $metainfo has no <release version=\"$version\">" >&2; exit 1; }
grep -q "^## \[\?$version\]\?" "$changelog" \
    || { echo "FAIL: $changelog has no section for $version" >&2; exit 1; }
echo "metainfo and changelog know $version: ok"
