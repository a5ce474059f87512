# Shared set-up of the bench scripts (sourced, from the repository root): skips when the
# onestop corpus is absent, sets `corpus`, `runs` (RUNS, default 3) and `bin` (STORYDIFF,
# default the release binary, built when missing), and a temporary `work` folder removed on exit.
corpus=../shared/corpora/onestop
if [ ! -d "$corpus" ]; then
  echo "skipped: $corpus is absent" >&2
  exit 0
fi
runs=${RUNS:-3}
bin=${STORYDIFF:-target/release/storydiff}
[ -x "$bin" ] || cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
