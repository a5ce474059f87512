#!/usr/bin/env bash
# Peak resident memory of the window with 8 articles of ~1 MB open, against `storydiff report`
# on the same files (the peer in the same script). The articles are built as in growth.sh
# (onestop stories at one reading level each, concatenated to the size). The window runs
# under Xvfb; the script polls /proc/PID/status until the process has used no CPU for 3 s
# after loading (the comparison is drawn), reads VmHWM and closes it.
# Needs xvfb (apt: xvfb); run from the repository: `bash bench/window_memory.sh [KB]`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/setup.sh
source bench/setup.sh
kb=${1:-1024}
mapfile -t stories < <(ls -d "$corpus"/*/ | sort)
levels=(adv int ele)
files=()
for k in $(seq 0 7); do
  out="$work/outlet$k.txt"
  : > "$out"
  i=$k
  while [ "$(wc -c < "$out")" -lt $(( kb * 1024 )) ]; do
    cat "${stories[$(( i % ${#stories[@]} ))]}${levels[$(( k % 3 ))]}.txt" >> "$out"
    printf '\n\n' >> "$out"
    i=$(( i + 1 ))
  done
  files+=("$out")
done
total=$(cat "${files[@]}" | wc -c)
printf 'inputs: 8 files, %d bytes in all\n' "$total"

/usr/bin/time -f '%M %e' -o "$work/report.time" "$bin" report --format text "${files[@]}" > /dev/null
read -r report_kb report_s < "$work/report.time"

display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1600x1000x24 > /dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2> /dev/null; rm -rf "$work"' EXIT
sleep 1
start=$(date +%s.%N)
# A fresh settings folder: the window opens the files given, nothing remembered.
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  DISPLAY=$display "$bin" "${files[@]}" > "$work/window.log" 2>&1 &
pid=$!
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
idle=0
last=$(ticks)
while [ "$idle" -lt 6 ]; do
  sleep 0.5
  kill -0 "$pid" 2> /dev/null || { echo "the window exited early:"; cat "$work/window.log"; exit 1; }
  now=$(ticks)
  # Under 5 ticks (50 ms of CPU) per half second: only redraws are left.
  if [ $(( now - last )) -lt 5 ]; then idle=$(( idle + 1 )); else idle=0; fi
  last=$now
done
ready=$(echo "$(date +%s.%N) - $start - 3" | bc -l)
window_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
kill "$pid"
wait "$pid" 2> /dev/null || true
printf '%-34s %10s %10s %12s\n' "" "peak MB" "seconds" "bytes/input byte"
printf '%-34s %10.0f %10.1f %12.1f\n' "storydiff report --format text" \
  "$(echo "$report_kb / 1024" | bc -l)" "$report_s" "$(echo "$report_kb * 1024 / $total" | bc -l)"
printf '%-34s %10.0f %10.1f %12.1f\n' "window (Xvfb), comparison drawn" \
  "$(echo "$window_kb / 1024" | bc -l)" "$ready" "$(echo "$window_kb * 1024 / $total" | bc -l)"
printf 'window / report peak memory: %.2fx\n' "$(echo "$window_kb / $report_kb" | bc -l)"
