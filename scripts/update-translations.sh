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
common=(-locations none -no-ui-lines -extensions cpp,h -source-language en ui app/gui)
"$lupdate" -silent "${common[@]}" -target-language de -ts "$dir/cowherd_de.ts"
"$lupdate" -silent "${common[@]}" -target-language zh_CN -ts "$dir/cowherd_zh_CN.ts"
# English needs only the plural forms of the %n texts.
"$lupdate" -silent "${common[@]}" -target-language en -pluralonly -ts "$dir/cowherd_en.ts"
