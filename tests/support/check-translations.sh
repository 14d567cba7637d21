#!/usr/bin/env bash
# Fails unless translations/*.ts are complete and exactly up to date with the sources: runs
# scripts/update-translations.sh (lupdate) on a copy of them, so the committed files stay as they
# are, and compares. A difference means a text was added, changed or removed in ui/ or app/gui/
# without updating the .ts files; then no entry may be unfinished, vanished or obsolete.
set -euo pipefail

root=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

shopt -s nullglob
committed=("$root"/translations/*.ts)
if [[ ${#committed[@]} -eq 0 ]]; then
    echo "no .ts files in $root/translations" >&2
    exit 1
fi
for ts in cowherd_de.ts cowherd_zh_CN.ts cowherd_en.ts; do
    [[ -f $root/translations/$ts ]] || { echo "missing translations/$ts" >&2; status=1; }
done
cp "${committed[@]}" "$work/"

"$root/scripts/update-translations.sh" "$work"

for ts in "${committed[@]}"; do
    name=$(basename "$ts")
    if ! diff -u --label "committed/$name" --label "lupdate/$name" "$ts" "$work/$name"; then
        echo "translations/$name is not up to date with the sources: run scripts/update-translations.sh," \
            "translate the new texts and delete the vanished ones" >&2
        status=1
    fi
    # Checked on lupdate's result too, so that a text new in the sources counts as unfinished.
    for file in "$ts" "$work/$name"; do
        if grep -n -E 'type="(unfinished|vanished|obsolete)"' "$file" >&2; then
            echo "$file: unfinished, vanished or obsolete entries (above)" >&2
            status=1
        fi
    done
done

messages=$(grep -c '<message' "$work/cowherd_de.ts" || true)
if [[ $messages -lt 1 ]]; then
    echo "lupdate found no texts in the sources" >&2
    status=1
fi
[[ $status -eq 0 ]] && echo "translations complete: $messages texts (de, zh_CN), $(grep -c '<message' "$work/cowherd_en.ts") plural forms (en)"
exit $status
