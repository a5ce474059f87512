"""storydiff on an archive: find every story with Spark, compare each with storydiff's engine.

Pipeline (all in Spark; no all-pairs step anywhere):

1. read the corpus (JSON Lines or Parquet: ``id``, ``text`` or ``paragraphs``, optional
   ``outlet``/``site``, ``url``, ``date``, ``title``);
2. candidates with Spark's own MinHash LSH (``pyspark.ml.feature.MinHashLSH``): in ``copies``
   mode the sets are word shingles (republications and rewrites of one text), in ``events``
   mode the most distinctive content words and names of each article (independent reports of
   one event); ``approxSimilarityJoin`` joins on equal hash buckets, then keeps the pairs
   within the Jaccard distance of the mode;
3. clusters: connected components of the candidate graph by iterative min-label propagation
   over DataFrames, capped at ``--max-cluster`` members (a cluster that hits the cap says so);
4. each cluster compared by ``storydiff batch`` on the executors (``RDD.pipe``): the same
   alignment, diff and findings as the window;
5. ``OUT_DIR/clusters.jsonl``: one line per cluster, ``{"cluster", "members", "summary",
   "report"}``; articles that join no cluster are not written.

Run it through ``spark/storydiff-corpus`` (see the README).
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass

# The Jaccard similarity a pair must reach to become a candidate, and the sets compared, per
# mode. Fitted on the dev corpora (``spark/check_corpus.py`` prints the figures): see the
# README's "Corpus scale" section for how.
MODES = {
    # Word 3-shingles; a rewrite at another reading level keeps about a fifth of them.
    "copies": {"shingle": 3, "min_jaccard": 0.12, "tables": 24},
    # The 40 most distinctive content words of each article (by tf-idf over the corpus).
    "events": {"terms": 40, "min_jaccard": 0.12, "tables": 24},
}


@dataclass
class Options:
    mode: str
    input: str
    output: str
    master: str
    max_cluster: int
    binary: str
    partitions: int


def find_binary(explicit: str | None) -> str:
    """The storydiff binary: --storydiff, else PATH, else target/release beside this folder."""
    if explicit:
        return os.path.abspath(explicit)
    on_path = shutil.which("storydiff")
    if on_path:
        return on_path
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(os.path.dirname(here), "target", "release", "storydiff")
    if os.access(built, os.X_OK):
        return built
    sys.exit(
        "storydiff-corpus: no storydiff binary on PATH or in target/release "
        "(build it with `cargo build --release`)"
    )


def parse_args(argv: list[str]) -> Options:
    p = argparse.ArgumentParser(
        prog="storydiff-corpus",
        description="Find every story in an archive with Spark and compare each with storydiff.",
    )
    p.add_argument("--mode", choices=sorted(MODES), required=True)
    p.add_argument("--input", required=True, help="corpus: JSON Lines file(s) or Parquet")
    p.add_argument("--output", required=True, help="folder for clusters.jsonl")
    p.add_argument("--master", default="local[*]", help="Spark master (default: local[*])")
    p.add_argument("--max-cluster", type=int, default=40, help="largest cluster compared")
    p.add_argument("--storydiff", help="the storydiff binary (default: PATH, target/release)")
    p.add_argument("--partitions", type=int, default=8, help="shuffle partitions")
    a = p.parse_args(argv)
    if a.max_cluster < 2:
        p.error("--max-cluster must be at least 2")
    return Options(
        mode=a.mode,
        input=a.input,
        output=a.output,
        master=a.master,
        max_cluster=a.max_cluster,
        binary=find_binary(a.storydiff),
        partitions=a.partitions,
    )


def spark_session(opts: Options):
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(opts.master)
        .appName(f"storydiff-corpus {opts.mode}")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(opts.partitions))
        .config("spark.default.parallelism", str(opts.partitions))
        # A cartesian product is an all-pairs step: refuse it rather than run it.
        .config("spark.sql.crossJoin.enabled", "false")
        .getOrCreate()
    )


COLUMNS = ["id", "text", "paragraphs", "outlet", "site", "url", "date", "title", "author",
           "format", "encoding"]


def read_corpus(spark, path: str):
    """The corpus as a DataFrame with every column of COLUMNS (absent ones null)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    is_parquet = path.endswith(".parquet") or (
        os.path.isdir(path) and glob.glob(os.path.join(path, "*.parquet"))
    )
    if is_parquet:
        df = spark.read.parquet(path)
    else:
        schema = T.StructType(
            [T.StructField(c, T.ArrayType(T.StringType()) if c == "paragraphs" else T.StringType())
             for c in COLUMNS]
        )
        df = spark.read.schema(schema).option("mode", "PERMISSIVE").json(path)
    for c in COLUMNS:
        if c not in df.columns:
            df = df.withColumn(
                c, F.lit(None).cast(T.ArrayType(T.StringType()) if c == "paragraphs" else "string")
            )
    df = df.where(F.col("id").isNotNull())
    body = F.coalesce(F.concat_ws("\n\n", F.col("paragraphs")), F.col("text"), F.lit(""))
    return df.select(*COLUMNS).withColumn("body", body)


def features(df, mode: str, partitions: int):
    """`(id, features)`: each article's set (shingles or distinctive terms) hashed to a vector."""
    from pyspark.ml.feature import HashingTF, NGram, RegexTokenizer, StopWordsRemover
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    words = RegexTokenizer(
        inputCol="body", outputCol="words", pattern="[^\\p{L}\\p{N}]+", toLowercase=True
    ).transform(df.select("id", "body"))
    if mode == "copies":
        sets = NGram(n=MODES["copies"]["shingle"], inputCol="words", outputCol="set").transform(
            words
        )
    else:
        content = StopWordsRemover(inputCol="words", outputCol="content").transform(words)
        terms = content.select("id", F.explode("content").alias("term")).where(
            (F.length("term") >= 3) & ~F.col("term").rlike("^[0-9]+$")
        )
        n_docs = df.count()
        tf = terms.groupBy("id", "term").count()
        dfreq = tf.groupBy("term").agg(F.count("*").alias("df"))
        # A term in more than a tenth of the corpus names no event.
        scored = (
            tf.join(dfreq, "term")
            .where(F.col("df") <= F.greatest(F.lit(2), F.lit(n_docs) * 0.1))
            .withColumn("score", F.col("count") * F.log(F.lit(n_docs + 1) / F.col("df")))
        )
        rank = Window.partitionBy("id").orderBy(F.desc("score"), F.asc("term"))
        top = scored.withColumn("rank", F.row_number().over(rank)).where(
            F.col("rank") <= MODES["events"]["terms"]
        )
        sets = top.groupBy("id").agg(F.collect_list("term").alias("set"))
    hashed = HashingTF(inputCol="set", outputCol="features", numFeatures=1 << 20, binary=True)
    # MinHash needs at least one non-zero entry: articles too short for one shingle drop out.
    nonempty = sets.select("id", "set").where(F.size("set") > 0)
    return hashed.transform(nonempty).select("id", "features").repartition(partitions)


def candidate_pairs(feats, mode: str):
    """`(a, b)` with a < b: the pairs MinHash LSH finds within the mode's distance."""
    from pyspark.ml.feature import MinHashLSH
    from pyspark.sql import functions as F

    conf = MODES[mode]
    model = MinHashLSH(
        inputCol="features", outputCol="hashes", numHashTables=conf["tables"], seed=20261204
    ).fit(feats)
    joined = model.approxSimilarityJoin(
        feats, feats, 1.0 - conf["min_jaccard"], distCol="distance"
    )
    pairs = joined.select(
        F.col("datasetA.id").alias("a"), F.col("datasetB.id").alias("b"), "distance"
    ).where(F.col("a") < F.col("b"))
    return pairs


def plan_text(df) -> str:
    """The physical plan Spark will run, as text."""
    return df._jdf.queryExecution().executedPlan().toString()


def components(spark, pairs, partitions: int):
    """`(id, label)`: every article with a candidate pair and its component's smallest id."""
    from pyspark.sql import functions as F

    edges = pairs.select("a", "b").cache()
    both = edges.union(edges.select(F.col("b").alias("a"), F.col("a").alias("b")))
    labels = both.select(F.col("a").alias("id")).distinct().withColumn("label", F.col("id"))
    labels = labels.localCheckpoint()
    while True:
        # Each article takes the smallest label among itself and its neighbours.
        sent = both.join(labels, both.a == labels.id).select(
            F.col("b").alias("id"), F.col("label")
        )
        new = (
            labels.union(sent)
            .groupBy("id")
            .agg(F.min("label").alias("label"))
            .repartition(partitions, "id")
            .localCheckpoint()
        )
        changed = (
            new.alias("n")
            .join(labels.alias("o"), "id")
            .where(F.col("n.label") != F.col("o.label"))
            .count()
        )
        labels = new
        if changed == 0:
            return labels


def reference_of(members: list[dict]) -> str:
    """The article the others are read against: the earliest dated, else the longest."""
    dated = [m for m in members if m.get("date")]
    if dated:
        return min(dated, key=lambda m: (m["date"], m["id"]))["id"]
    return max(members, key=lambda m: (len(body_of(m)), m["id"]))["id"]


def body_of(m: dict) -> str:
    if m.get("paragraphs"):
        return "\n\n".join(m["paragraphs"])
    return m.get("text") or ""


def cluster_job(rows, max_cluster: int, mode: str) -> dict:
    """A cluster (label, members rows) as `{"batch": storydiff batch line, "meta": figures}`."""
    label, members = rows
    members = sorted(members, key=lambda m: m["id"])
    size = len(members)
    capped = size > max_cluster
    if capped:
        # The longest articles say the most about the story; ties by id.
        kept = sorted(members, key=lambda m: (-len(body_of(m)), m["id"]))[:max_cluster]
        members = sorted(kept, key=lambda m: m["id"])
    name = f"{mode}-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
    record = [{k: v for k, v in m.items() if v is not None and k != "body"} for m in members]
    line = {"cluster": name, "members": record, "reference": reference_of(members)}
    meta = {"cluster": name, "size": size, "capped": capped, "compared": len(members)}
    return {"batch": line, "meta": meta}


def summary_of(report: dict, meta: dict, reference: str) -> dict:
    """Figures for the cluster browser: outlets, dates, wire text kept, findings per kind."""
    arts = report.get("articles", [])
    ref = report.get("reference", 0)
    ref_words = max(1, arts[ref]["words"] if ref < len(arts) else 1)
    kept = [0] * len(arts)
    for row in report.get("rows", []):
        for k, cell in enumerate(row.get("cells", [])):
            if cell is None or k == ref or k >= len(kept):
                continue
            for op in cell.get("ops", []):
                if op.get("tag") == "equal":
                    kept[k] += len(op.get("text", "").split())
    findings: list[dict] = [dict() for _ in arts]
    for f in report.get("findings", []):
        a = f.get("article", 0)
        if a < len(findings):
            findings[a][f["kind"]] = findings[a].get(f["kind"], 0) + 1
    outlets = sorted({a["outlet"] for a in arts if a.get("outlet")})
    dates = sorted(a["date"] for a in arts if a.get("date"))
    out = {
        "size": meta["size"],
        "compared": meta["compared"],
        "reference": reference,
        "outlets": outlets,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "damage": sum(sum(f.values()) for f in findings),
        "articles": [
            {
                "id": a["path"],
                "outlet": a.get("outlet"),
                "date": a.get("date"),
                "words": a["words"],
                "wire_kept": None if k == ref else round(min(1.0, kept[k] / ref_words), 4),
                "findings": dict(sorted(findings[k].items())),
            }
            for k, a in enumerate(arts)
        ],
    }
    if meta["capped"]:
        out["note"] = (
            f"this cluster hit the size cap: {meta['size']} articles, the "
            f"{meta['compared']} longest compared (raise --max-cluster to compare more)"
        )
    return out


def run(opts: Options) -> dict:
    spark = spark_session(opts)
    spark.sparkContext.setLogLevel("ERROR")
    corpus = read_corpus(spark, opts.input).cache()
    n_articles = corpus.count()
    feats = features(corpus, opts.mode, opts.partitions).cache()
    pairs = candidate_pairs(feats, opts.mode).cache()
    plan = plan_text(pairs)
    for bad in ("CartesianProduct", "BroadcastNestedLoopJoin"):
        if bad in plan:
            sys.exit(f"storydiff-corpus: the candidate plan holds a {bad} (an all-pairs step)")
    n_pairs = pairs.count()
    labels = components(spark, pairs, opts.partitions)
    grouped = (
        corpus.join(labels, "id")
        .rdd.map(lambda r: (r["label"], r.asDict()))
        .groupByKey()
        .mapValues(list)
    )
    max_cluster, mode = opts.max_cluster, opts.mode
    jobs = grouped.map(lambda kv: cluster_job(kv, max_cluster, mode)).cache()
    metas = jobs.map(lambda j: j["meta"]).collect()
    batch_in = jobs.map(lambda j: json.dumps(j["batch"], ensure_ascii=False))
    members_of = jobs.map(
        lambda j: (
            j["batch"]["cluster"],
            ([m["id"] for m in j["batch"]["members"]], j["batch"]["reference"], j["meta"]),
        )
    )
    answers = batch_in.pipe(f"{opts.binary} batch").map(json.loads)
    reports = answers.map(lambda a: (a.get("cluster"), a))

    def out_line(kv):
        name, (answer, (members, reference, meta)) = kv
        line = {"cluster": name, "members": members}
        if "report" in answer:
            line["summary"] = summary_of(answer["report"], meta, reference)
            line["report"] = answer["report"]
        else:
            line["summary"] = {"size": meta["size"], "error": answer.get("error")}
        return json.dumps(line, ensure_ascii=False, sort_keys=False)

    os.makedirs(opts.output, exist_ok=True)
    parts = os.path.join(opts.output, "parts")
    shutil.rmtree(parts, ignore_errors=True)
    reports.join(members_of).map(out_line).sortBy(lambda l: json.loads(l)["cluster"]).saveAsTextFile(
        parts
    )
    target = os.path.join(opts.output, "clusters.jsonl")
    with open(target + ".tmp", "w", encoding="utf-8") as out:
        for part in sorted(glob.glob(os.path.join(parts, "part-*"))):
            with open(part, encoding="utf-8") as f:
                shutil.copyfileobj(f, out)
    os.replace(target + ".tmp", target)
    shutil.rmtree(parts, ignore_errors=True)
    stats = {
        "mode": opts.mode,
        "articles": n_articles,
        "candidate_pairs": n_pairs,
        "clusters": len(metas),
        "clustered_articles": sum(m["size"] for m in metas),
        "capped_clusters": sum(1 for m in metas if m["capped"]),
        "output": target,
    }
    with open(os.path.join(opts.output, "plan.txt"), "w", encoding="utf-8") as f:
        f.write(plan)
    with open(os.path.join(opts.output, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=2)
    spark.stop()
    return stats


def main(argv: list[str]) -> int:
    opts = parse_args(argv)
    if not os.path.exists(opts.input):
        print(f"storydiff-corpus: input not found: {opts.input}", file=sys.stderr)
        return 2
    stats = run(opts)
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
