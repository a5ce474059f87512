#!/usr/bin/env bash
# Peak resident memory (`/usr/bin/time -v`, "Maximum resident set size") of `storydiff report`
# on the inputs the README's limits speak of, each beside the bundled wire copy, against the
# peer in the same script: the wire copy beside one ordinary article (the baseline a run
# costs whatever its input). Prints peak MB, seconds and bytes of memory per input byte.
# The generated inputs are words of ours (as tests/common/bad_input.rs makes them); the
# 8 x 1 MB row uses the onestop stories as bench/window_memory.sh does.
# Run from the repository: `bash bench/input_memory.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/setup.sh
source bench/setup.sh
wire=assets/samples/wire.txt
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
words = ("dockworkers voted to return on Thursday after the port authority "
         "raised its offer again").split()
def line(size):
    out, n, i = [], 0, 0
    while n < size:
        w = words[i % len(words)] + (" 1" if i % 97 == 0 else "") + " "
        out.append(w); n += len(w); i += 1
    return "".join(out) + "end.\n"
open(f"{work}/line10.txt", "w").write(line(10_000_000))
open(f"{work}/line1.txt", "w").write(line(1_000_000))
open(f"{work}/paragraphs.txt", "w").write("".join(f"Crew {i} left the quay.\n\n" for i in range(100_000)))
PY
mapfile -t stories < <(ls -d "$corpus"/*/ | sort)
levels=(adv int ele)
eight=()
for k in $(seq 0 7); do
  out="$work/outlet$k.txt"
  : > "$out"
  i=$k
  while [ "$(wc -c < "$out")" -lt 1048576 ]; do
    cat "${stories[$(( i % ${#stories[@]} ))]}${levels[$(( k % 3 ))]}.txt" >> "$out"
    printf '\n\n' >> "$out"
    i=$(( i + 1 ))
  done
  eight+=("$out")
done
ordinary="${stories[0]}adv.txt"

measure() {
  local label=$1
  shift
  local bytes
  bytes=$(cat "$@" | wc -c)
  /usr/bin/time -v -o "$work/time" "$bin" report --format json "$@" > /dev/null 2> "$work/err" || true
  local kb secs
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  printf '%-40s %10.1f %9.0f %8.1f %10.1f\n' "$label" "$(echo "$bytes / 1000000" | bc -l)" \
    "$(echo "$kb / 1024" | bc -l)" "$secs" "$(echo "$kb * 1024 / $bytes" | bc -l)"
  echo "$kb" > "$work/last_kb"
}

printf '%-40s %10s %9s %8s %10s\n' "input (beside the wire copy)" "input MB" "peak MB" "seconds" "B/input B"
measure "peer: one ordinary article" "$wire" "$ordinary"
base_kb=$(cat "$work/last_kb")
measure "a single 1 MB line" "$wire" "$work/line1.txt"
measure "a single 10 MB line" "$wire" "$work/line10.txt"
line_kb=$(cat "$work/last_kb")
measure "100,000 short paragraphs (2.5 MB)" "$wire" "$work/paragraphs.txt"
measure "8 articles of 1 MB (no wire copy)" "${eight[@]}"
printf '10 MB line / peer peak memory: %.1fx\n' "$(echo "$line_kb / $base_kb" | bc -l)"
