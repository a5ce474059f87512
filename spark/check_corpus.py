"""Runs spark/storydiff-corpus in local mode on a corpus made from ../shared/corpora and checks
the clusters against the corpus's own grouping: onestop's articles at three reading levels
(rewrites of one text) and BASIL's triplets (three outlets' reports of one event).

Prints purity (the share of clustered articles whose cluster's majority group is their own)
and pair recall (the share of same-group pairs that share a cluster) per mode and asserts them
at floors; checks that one cluster's report equals `storydiff report` on the same files.
Skips, saying why, when ../shared/corpora or PySpark is absent.

    python3 spark/check_corpus.py
"""

from __future__ import annotations

import collections
import glob
import itertools
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPORA = os.path.join(ROOT, "..", "shared", "corpora")
BINARY = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "storydiff")

# Floors, set below what the dev corpora give (see the README's "Corpus scale"): rewrites
# at three reading levels must nearly all be found in copies mode, and no cluster may mix
# stories.
FLOORS = {
    "copies": {"purity": 0.95, "onestop_recall": 0.85},
    "events": {"purity": 0.90, "basil_recall": 0.35},
}


def group_of(path: str) -> str:
    parts = os.path.normpath(path).split(os.sep)
    return parts[-3] + "/" + parts[-2]


def skip_reason() -> str | None:
    """Why the corpus check cannot run here (no corpora, PySpark or binary), else None."""
    if not os.path.isdir(CORPORA):
        return "../shared/corpora is absent"
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed (pip install -r spark/requirements.txt)"
    if not os.access(BINARY, os.X_OK):
        return "target/release/storydiff is not built (cargo build --release)"
    return None


def export_corpus(path: str) -> None:
    """Writes the check corpus to `path` as JSON Lines: onestop's stories at three reading
    levels, then BASIL's triplets, read by `storydiff export --jsonl`."""
    files = sorted(
        f
        for level in ("adv", "int", "ele")
        for f in glob.glob(os.path.join(CORPORA, "onestop", "*", f"{level}.txt"))
    ) + sorted(glob.glob(os.path.join(CORPORA, "basil", "*", "*.json")))
    subprocess.run([BINARY, "export", "--jsonl", "-o", path, *files], check=True)


def main() -> int:
    reason = skip_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    work = tempfile.mkdtemp(prefix="storydiff-corpus-check-")
    corpus = os.path.join(work, "in.jsonl")
    export_corpus(corpus)
    groups = {}
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            rid = json.loads(line)["id"]
            groups[rid] = group_of(rid)
    failed = []
    for mode in ("copies", "events"):
        out = os.path.join(work, mode)
        subprocess.run(
            [os.path.join(HERE, "storydiff-corpus"), "--mode", mode, "--input", corpus,
             "--output", out, "--storydiff", BINARY],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with open(os.path.join(out, "plan.txt"), encoding="utf-8") as f:
            plan = f.read()
        if "CartesianProduct" in plan or "NestedLoopJoin" in plan:
            failed.append(f"{mode}: the candidate plan has an all-pairs join")
        clusters = [json.loads(l) for l in open(os.path.join(out, "clusters.jsonl"), encoding="utf-8")]
        clustered = [m for c in clusters for m in c["members"]]
        majority = 0
        for c in clusters:
            counts = collections.Counter(groups[m] for m in c["members"])
            majority += counts.most_common(1)[0][1]
        purity = majority / max(1, len(clustered))
        cluster_of = {m: c["cluster"] for c in clusters for m in c["members"]}
        figures = {"purity": purity}
        for corpus_name in ("onestop", "basil"):
            by_group = collections.defaultdict(list)
            for rid, g in groups.items():
                if g.startswith(corpus_name + "/"):
                    by_group[g].append(rid)
            pairs = [p for ids in by_group.values() for p in itertools.combinations(ids, 2)]
            found = sum(
                1 for a, b in pairs if a in cluster_of and cluster_of.get(a) == cluster_of.get(b)
            )
            figures[f"{corpus_name}_recall"] = found / max(1, len(pairs))
        print(
            f"{mode}: {len(clusters)} clusters, {len(clustered)} of {len(groups)} articles; "
            + ", ".join(f"{k} {v:.3f}" for k, v in figures.items())
        )
        for key, floor in FLOORS[mode].items():
            if figures[key] < floor:
                failed.append(f"{mode}: {key} {figures[key]:.3f} below the floor {floor}")
        # One cluster's stored report equals `storydiff report` on its files.
        if clusters:
            c = clusters[0]
            members = sorted(c["members"])
            reference = members.index(c["summary"]["reference"]) + 1
            direct = subprocess.run(
                [BINARY, "report", "--format", "json", "--reference", str(reference), *members],
                check=False,
                capture_output=True,
            )
            if json.loads(direct.stdout) != c["report"]:
                failed.append(f"{mode}: cluster {c['cluster']}'s report differs from storydiff report")
    for f in failed:
        print("FAILED:", f)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
