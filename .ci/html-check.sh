#!/usr/bin/env bash
# HTML report check: write the sample story's HTML report with the release binary (built
# before this script in .ci/run; nothing is built here), render it in headless Chromium at a
# desktop and a phone width, and check neither screenshot is blank.
# Needs: chromium imagemagick. Output: target/html/report.html, report.png, report-phone.png.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/html
mkdir -p "$OUT"
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/storydiff}
[ -x "$BIN" ] || { echo "FAIL: no release binary at $BIN (run cargo build --release first)"; exit 1; }

rm -f "$OUT/report.html"
"$BIN" report --format html -o "$OUT/report.html" \
  assets/samples/wire.txt assets/samples/republished.html assets/samples/rewrite.md
head -c 15 "$OUT/report.html" | grep -q '^<!DOCTYPE html>' || { echo "FAIL: $OUT/report.html is not HTML"; exit 1; }
if grep -qi '<script' "$OUT/report.html"; then echo "FAIL: the report has a script"; exit 1; fi

# Keep Chromium's profile and caches inside target/.
export HOME="$PWD/$OUT/home"
mkdir -p "$HOME"
shoot() { # shoot PNG WIDTH
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$PWD/$OUT/profile" --no-first-run --disable-extensions \
    --screenshot="$PWD/$1" --window-size="$2,2000" \
    "file://$PWD/$OUT/report.html" >"$OUT/chromium.log" 2>&1 || { cat "$OUT/chromium.log"; exit 1; }
  [ -s "$1" ] || { echo "FAIL: Chromium wrote no screenshot $1"; cat "$OUT/chromium.log"; exit 1; }
  local sd
  sd=$(convert "$1" -format '%[fx:standard_deviation]' info:)
  echo "$1 standard deviation: $sd"
  awk -v sd="$sd" 'BEGIN { exit !(sd > 0.01) }' || { echo "FAIL: $1 is blank"; exit 1; }
}
shoot "$OUT/report.png" 1280
shoot "$OUT/report-phone.png" 390
echo "ok: the HTML report renders ($OUT/report.png, $OUT/report-phone.png)"
