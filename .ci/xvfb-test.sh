#!/usr/bin/env bash
# Real-window test: run the release binary under Xvfb on the sample story, screenshot it,
# check the image is not blank and the process is alive; then drive File ▸ Open end to end
# (zenity dialog via rfd, typed path with xdotool) and check a fourth column appears.
# Needs: xvfb x11-apps imagemagick zenity xdotool (fonts-wqy-microhei for CJK).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/xvfb
mkdir -p "$OUT"
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/storydiff}
[ -x "$BIN" ] || cargo build --release
DISPLAY_NUM=${DISPLAY_NUM:-:77}
Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB=$!
APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$DISPLAY_NUM
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
# Keep the settings of this run away from the user's.
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config" HOME="$PWD/$OUT/home"
mkdir -p "$HOME"
# Software GL so that the window renders without a GPU.
export LIBGL_ALWAYS_SOFTWARE=1
"$BIN" >"$OUT/app.log" 2>&1 &
APP=$!

find_window() {
  xdotool search --name "$1" 2>/dev/null | head -1
}
WIN=""
for _ in $(seq 300); do
  WIN=$(find_window "storydiff.*3 articles") && [ -n "$WIN" ] && break
  sleep 0.2
done
[ -n "$WIN" ] || { echo "FAIL: no window titled 'storydiff — 3 articles'"; cat "$OUT/app.log"; exit 1; }
xdotool windowsize "$WIN" 1600 1000 windowmove "$WIN" 0 0 || true
sleep 2
xwd -root -silent | convert xwd:- "$OUT/sample.png"
SD=$(convert "$OUT/sample.png" -format '%[fx:standard_deviation]' info:)
echo "sample.png standard deviation: $SD"
awk -v sd="$SD" 'BEGIN { exit !(sd > 0.01) }' || { echo "FAIL: the screenshot is blank"; exit 1; }
kill -0 "$APP" || { echo "FAIL: the app exited"; cat "$OUT/app.log"; exit 1; }
echo "ok: sample window renders and the app is alive"

# File ▸ Open with the native (zenity) dialog.
xdotool windowactivate --sync "$WIN" 2>/dev/null || xdotool windowfocus "$WIN" || true
xdotool key --window "$WIN" ctrl+o
DLG=""
for _ in $(seq 300); do
  # rfd runs zenity where there is no desktop portal; its window has class "zenity".
  DLG=$( (xdotool search --onlyvisible --class zenity 2>/dev/null; xdotool search --name "Open articles" 2>/dev/null) | head -1 || true)
  [ -n "$DLG" ] && break
  sleep 0.2
done
if [ -z "$DLG" ]; then
  echo "FAIL: no file dialog appeared (is zenity installed?)"
  xwd -root -silent | convert xwd:- "$OUT/no-dialog.png"
  exit 1
fi
sleep 1
# No window manager under Xvfb: give the dialog the input focus directly, then type.
xdotool windowfocus --sync "$DLG" 2>/dev/null || xdotool windowfocus "$DLG" 2>/dev/null || true
TARGET="$PWD/assets/samples/rtl-cjk/chinese.txt"
xdotool key ctrl+l
sleep 0.3
xdotool type --delay 20 "$TARGET"
sleep 0.3
xdotool key Return
for _ in $(seq 300); do
  [ -n "$(find_window "storydiff.*4 articles")" ] && break
  sleep 0.2
done
sleep 1
xwd -root -silent | convert xwd:- "$OUT/after-open.png"
[ -n "$(find_window "storydiff.*4 articles")" ] || { echo "FAIL: the opened file did not add a column"; exit 1; }
DIFF=$(compare -metric AE "$OUT/sample.png" "$OUT/after-open.png" null: 2>&1 || true)
echo "pixels changed after File ▸ Open: $DIFF"
kill -0 "$APP" || { echo "FAIL: the app exited"; exit 1; }
echo "ok: File ▸ Open added a fourth column (window title 'storydiff — 4 articles')"
