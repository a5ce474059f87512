#!/usr/bin/env bash
# Times storydiff against the usual word-diff tools on the same pair of real texts and prints
# each ratio. Inputs are built from ../shared/corpora/onestop: every article at the advanced
# level, concatenated, against every article at the intermediate level, each repeated to
# about 0.8 MB (a rewrite of one long text). Needs hyperfine, wdiff, git, python3 (apt:
# hyperfine wdiff); run from the repository: `bash bench/peers.sh [REPEAT]`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/setup.sh
source bench/setup.sh
repeat=${1:-6}
for level in adv int; do
  : > "$work/$level.txt"
  for _ in $(seq "$repeat"); do
    for f in "$corpus"/*/"$level.txt"; do
      cat "$f" >> "$work/$level.txt"
      printf '\n\n' >> "$work/$level.txt"
    done
  done
done
a="$work/adv.txt"
b="$work/int.txt"
printf 'inputs: %s (%d bytes) and %s (%d bytes)\n' adv "$(wc -c < "$a")" int "$(wc -c < "$b")"
cat > "$work/difflib.py" <<'PY'
import difflib, sys
a = open(sys.argv[1], encoding="utf-8").read().split()
b = open(sys.argv[2], encoding="utf-8").read().split()
m = difflib.SequenceMatcher(None, a, b, autojunk=False)
print(sum(1 for op in m.get_opcodes() if op[0] != "equal"))
PY
# Exit status 1 means "files differ" for the diff tools: not a failure.
hyperfine --style basic --runs "$runs" --warmup 1 -i --export-json "$work/times.json" \
  -n storydiff-text "$bin report --format text $a $b" \
  -n storydiff-json "$bin report --format json $a $b" \
  -n git-word-diff "git diff --no-index --word-diff $a $b" \
  -n wdiff "wdiff $a $b" \
  ${DIFFLIB:+-n difflib "python3 $work/difflib.py $a $b"} > "$work/hyperfine.log"
python3 - "$work/times.json" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
text = runs["storydiff-text"]["median"]
print(f"{'command':<16} {'median s':>9} {'storydiff text / it':>20}")
for name, r in runs.items():
    print(f"{name:<16} {r['median']:>9.3f} {text / r['median']:>19.2f}x")
PY
