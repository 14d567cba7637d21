#!/usr/bin/env bash
# Brings translations/*.ts up to date with the texts in ui/ and app/gui/ (lupdate): new texts
# appear as unfinished, texts gone from the sources as vanished. Translate the new ones (Qt
# Linguist or an editor) and delete the vanished ones before committing;
# tests/support/check-translations.sh fails until then.
# With a directory argument, updates the .ts files found there instead (the check uses a copy).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(realpath "${1:-$root/translations}")
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}

cd "$root"
# No source locations: line numbers would change the .ts files on every unrelated edit.
common=(-silent -locations none -no-ui-lines -extensions cpp,h -source-language en ui app/gui)
warnings=$(mktemp)
trap 'rm -f "$warnings"' EXIT
"$lupdate" "${common[@]}" -target-language de -ts "$dir/cowherd_de.ts" 2>>"$warnings"
"$lupdate" "${common[@]}" -target-language zh_CN -ts "$dir/cowherd_zh_CN.ts" 2>>"$warnings"
# English needs only the plural forms of the %n texts.
"$lupdate" "${common[@]}" -target-language en -pluralonly -ts "$dir/cowherd_en.ts" 2>>"$warnings"
# A warning such as "lacks Q_OBJECT macro" means texts filed under a context that tr() at run
# time does not look in: they would never appear translated.
if [[ -s $warnings ]]; then
    sort -u "$warnings" >&2
    echo "lupdate warned (above): fix the tr() calls" >&2
    exit 1
fi
