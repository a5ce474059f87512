#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600), two at a time, and prints per
# target the minutes and executions libFuzzer reports. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); the stable toolchain runs it with RUSTC_BOOTSTRAP=1 (libFuzzer's
# sanitizer flags are nightly-only flags). New inputs go to fuzz/corpus/TARGET (not in git),
# crashes to fuzz/artifacts/TARGET; the seeds we wrote are in fuzz/seeds/TARGET.
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(load_txt load_md load_html load_json saved_comparison engine)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
mkdir -p logs
run() {
  local t=$1
  mkdir -p "corpus/$t"
  cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$secs" -timeout=20 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    > "logs/$t.log" 2>&1 || echo "$t: libFuzzer stopped with a finding, see logs/$t.log and artifacts/$t"
}
for ((i = 0; i < ${#targets[@]}; i += 2)); do
  run "${targets[$i]}" &
  [ -n "${targets[$((i + 1))]:-}" ] && run "${targets[$((i + 1))]}" &
  wait
done
printf '%-18s %8s %12s %8s\n' target minutes executions corpus
for t in "${targets[@]}"; do
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' || echo '?')
  time=$(grep -o 'Done [0-9]* runs in [0-9]* second' "logs/$t.log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' || echo "$secs")
  size=$(ls "corpus/$t" | wc -l)
  printf '%-18s %8.1f %12s %8s\n' "$t" "$(echo "$time / 60" | bc -l)" "$execs" "$size"
done
