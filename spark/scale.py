"""A scaling run of spark/storydiff-corpus in local mode: the check corpus of check_corpus.py
(onestop at three reading levels + BASIL's triplets, 150 articles) at 1×, 2×, 4× and 8× its
size, each factor's corpus holding the base records and F−1 edited copies of each (a dropped
paragraph now and then, a few swapped words, a changed number, a "Read more" line, another
outlet name), so that every copy is a near-duplicate that joins its original's cluster.

Times each whole run (JVM start included) and prints, per factor, the articles, clusters,
clustered articles, clusters over the size cap, candidate pairs, seconds and the ratio to the
previous factor (the time per doubling), and the size of clusters.jsonl. Fails when a
candidate plan (OUT/plan.txt) holds a cartesian or nested-loop join, or when a run fails.
Everything is written to a temporary folder, removed at the end unless --keep is given.
Skips, saying why, when ../shared/corpora, PySpark or the release binary is absent.

    python3 spark/scale.py [--mode copies|events] [--factors 1,2,4,8] [--max-cluster N] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # importing check_corpus leaves no __pycache__ in the repository
from check_corpus import BINARY, HERE, export_corpus, skip_reason  # noqa: E402

# The edits of the synthetic copies are drawn from random.Random seeded with this, the
# record's id and the copy's number: the same corpus on every run.
SEED = 20261204

# Plan operators that are all-pairs steps.
ALL_PAIRS = ("CartesianProduct", "BroadcastNestedLoopJoin")

BOILERPLATE = [
    "Read more: the full story, with updates as it develops, is on our website.",
    "Read more: sign up for the morning newsletter to get the day's news first.",
    "Read more: this article was shared through a content partnership.",
    "Read more: follow our live coverage for the latest on this story.",
]

PARTNERS = ["Newswire Digest", "Daily Syndicate", "Morning Relay", "Regional Press Exchange"]

NUMBER = re.compile(r"\d+")


def edited_copy(record: dict, copy: int) -> dict:
    """The `copy`-th synthetic copy of an exported record: id `ID~copyN`, a few edits."""
    rng = random.Random(f"{SEED}:{record['id']}:{copy}")
    paragraphs = list(record["paragraphs"])
    if len(paragraphs) > 3 and rng.random() < 0.4:
        del paragraphs[rng.randrange(len(paragraphs))]
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(paragraphs))
        words = paragraphs[k].split(" ")
        if len(words) > 1:
            j = rng.randrange(len(words) - 1)
            words[j], words[j + 1] = words[j + 1], words[j]
            paragraphs[k] = " ".join(words)
    numbers = [(k, m) for k, p in enumerate(paragraphs) for m in NUMBER.finditer(p)]
    if numbers:
        k, m = rng.choice(numbers)
        changed = str(int(m.group()) + rng.randint(1, 9))
        paragraphs[k] = paragraphs[k][: m.start()] + changed + paragraphs[k][m.end():]
    paragraphs.append(rng.choice(BOILERPLATE))
    partner = rng.choice(PARTNERS)
    outlet = record.get("outlet")
    return {
        **record,
        "id": f"{record['id']}~copy{copy}",
        "outlet": f"{outlet} via {partner}" if outlet else partner,
        "paragraphs": paragraphs,
    }


def write_scaled(base: list[dict], factor: int, path: str) -> None:
    """Writes the base records and factor−1 edited copies of each to `path`."""
    with open(path, "w", encoding="utf-8") as out:
        for record in base:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for copy in range(2, factor + 1):
            for record in base:
                out.write(json.dumps(edited_copy(record, copy), ensure_ascii=False) + "\n")


def run_job(mode: str, corpus: str, out: str, work: str, max_cluster: int | None) -> float:
    """Runs spark/storydiff-corpus on `corpus` in local mode; returns the wall-clock seconds."""
    command = [os.path.join(HERE, "storydiff-corpus"), "--mode", mode, "--input", corpus,
               "--output", out, "--storydiff", BINARY]
    if max_cluster is not None:
        command += ["--max-cluster", str(max_cluster)]
    start = time.monotonic()
    # In the work folder, so nothing Spark leaves behind lands in the repository.
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"scale: the job failed on {corpus} ({done.returncode}):\n{done.stderr[-4000:]}")
    return seconds


def row(cells: list[str]) -> str:
    widths = [6, 8, 8, 9, 6, 10, 8, 6, 20]
    return "  ".join(c.rjust(w) for c, w in zip(cells, widths))


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="scale.py", description="Time spark/storydiff-corpus on 1×…8× the check corpus."
    )
    p.add_argument("--mode", choices=("copies", "events"), default="copies")
    p.add_argument("--factors", default="1,2,4,8", help="corpus sizes, as multiples of the base")
    p.add_argument("--max-cluster", type=int, help="passed to the job (default: the job's)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    a = p.parse_args(argv)
    try:
        a.factors = [int(f) for f in a.factors.split(",")]
    except ValueError:
        p.error("--factors must be comma-separated whole numbers")
    if any(f < 1 for f in a.factors):
        p.error("--factors must be at least 1")
    return a


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    reason = skip_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    work = tempfile.mkdtemp(prefix="storydiff-corpus-scale-")
    base_path = os.path.join(work, "base.jsonl")
    export_corpus(base_path)
    with open(base_path, encoding="utf-8") as f:
        base = [json.loads(line) for line in f]
    print(f"mode {args.mode}: base corpus {len(base)} articles, {os.cpu_count()} cores, "
          f"local[*]; work folder {work}")
    print(row(["factor", "articles", "clusters", "clustered", "capped", "cand.pairs",
               "seconds", "ratio", "clusters.jsonl"]))
    previous: float | None = None
    total = 0.0
    failed = []
    for factor in args.factors:
        corpus = os.path.join(work, f"x{factor}.jsonl")
        write_scaled(base, factor, corpus)
        out = os.path.join(work, f"out-x{factor}")
        seconds = run_job(args.mode, corpus, out, work, args.max_cluster)
        with open(os.path.join(out, "stats.json"), encoding="utf-8") as f:
            stats = json.load(f)
        with open(os.path.join(out, "plan.txt"), encoding="utf-8") as f:
            plan = f.read()
        failed += [f"{factor}×: the candidate plan holds a {op}" for op in ALL_PAIRS if op in plan]
        clusters = os.path.join(out, "clusters.jsonl")
        with open(clusters, "rb") as f:
            lines = sum(1 for _ in f)
        ratio = f"{seconds / previous:.2f}" if previous else "—"
        previous = seconds
        total += seconds
        print(row([f"{factor}×", str(stats["articles"]), str(stats["clusters"]),
                   str(stats["clustered_articles"]), str(stats["capped_clusters"]),
                   str(stats["candidate_pairs"]), f"{seconds:.1f}", ratio,
                   f"{lines} lines, {os.path.getsize(clusters) / 1e6:.1f} MB"]), flush=True)
    print(f"total {total:.1f} s")
    if not failed:
        print("no candidate plan holds a " + " or a ".join(ALL_PAIRS))
    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    for f in failed:
        print("FAILED:", f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
