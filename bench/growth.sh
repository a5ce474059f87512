#!/usr/bin/env bash
# Growth run: time `storydiff report --format text` on 2 and on 8 articles while each article
# doubles from ~12 KB to ~1 MB, and print the time ratio per doubling. Article k is built from
# ../shared/corpora/onestop: the articles at one reading level (advanced, intermediate,
# elementary, in turn), starting at the k-th story, concatenated until the size is reached, so
# the articles are real rewrites of one another. Run from the repository:
# `bash bench/growth.sh` (RUNS=N repeats each size, the median is kept; needs bc).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/setup.sh
source bench/setup.sh
mapfile -t stories < <(ls -d "$corpus"/*/ | sort)
levels=(adv int ele)
# build ARTICLE BYTES OUT: article k's text cut at the first paragraph break past BYTES.
build() {
  local k=$1 bytes=$2 out=$3 level=${levels[$(( $1 % 3 ))]} i=$1
  : > "$out"
  while [ "$(wc -c < "$out")" -lt "$bytes" ]; do
    cat "${stories[$(( i % ${#stories[@]} ))]}$level.txt" >> "$out"
    printf '\n\n' >> "$out"
    i=$(( i + 1 ))
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for count in 2 8; do
  echo "$count articles"
  printf '%10s %10s %12s\n' "KB each" "median s" "ratio"
  previous=""
  for kb in 12 24 48 96 192 384 768; do
    files=()
    for k in $(seq 0 $(( count - 1 ))); do
      build "$k" $(( kb * 1024 )) "$work/a$k.txt"
      files+=("$work/a$k.txt")
    done
    "$bin" report --format text "${files[@]}" > /dev/null  # warm-up: page cache, first start
    t=$(for _ in $(seq "$runs"); do
      s=$(date +%s.%N)
      "$bin" report --format text "${files[@]}" > /dev/null
      e=$(date +%s.%N)
      echo "$e - $s" | bc -l
    done | median)
    ratio=${previous:+$(echo "$t / $previous" | bc -l)}
    printf '%10s %10.3f %12s\n' "$kb" "$t" "${ratio:+$(printf '%.2fx' "$ratio")}"
    previous=$t
  done
done
