#!/usr/bin/env bash
# Collects every tr() text of the GUI (all of ui/) into resources/translations/jipp_en.ts and
# compiles the English .qm the app loads. Source texts are Indonesian; translate the new
# entries (Qt Linguist: pyside6-linguist resources/translations/jipp_en.ts), then run again.
# usage: scripts/update_translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${VENV_BIN:-.venv/bin}"
ts=resources/translations/jipp_en.ts
mapfile -t sources < <(find ui -name '*.py' | sort)
"$bin/pyside6-lupdate" -no-obsolete -locations none -source-language id -target-language en \
  "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" -removeidentical "$ts" -qm resources/translations/jipp_en.qm
# Qt's own texts (dialog buttons, context menus, file and print dialogs) in Indonesian: Qt ships
# no qtbase_id.qm, so qt_id.ts is written by hand (Qt's contexts and English sources) and compiled
# whole, "OK" = "OK" included, so tests/ui/test_qt_texts.py can tell a covered text from a missed one.
"$bin/pyside6-lrelease" resources/translations/qt_id.ts -qm resources/translations/qt_id.qm
