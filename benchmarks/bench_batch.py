"""Figures of the Scale guide's archive recipes, measured side by side in one run.

Run: ``python benchmarks/bench_batch.py`` (a few minutes; ``--replies`` sets the size of
the archive, 50,000 by default). The archive is the labelled corpora's replies
(tests/corpus*/cases.jsonl), again and again a day later each round, half of them
naming their own policy file, as tests/test_batch.py checks them.

1. The cost of one reply: ``ReplyChecker.check`` one by one in this process.
2. ``honestcs.batch.check_replies`` on Dask's synchronous scheduler, in this process: the
   cost of a reply with the batch around it (JSON parsing, rows, DataFrames).
3. The same on a ``distributed.LocalCluster`` of 1 and of 2 worker processes (one thread
   each): wall time from the JSON Lines file to the computed findings (best of 3 runs on
   one cluster), the speed-up, and each worker's resident memory afterwards.
4. The Spark recipe (examples/spark_check.py, ``mapInPandas`` on ``local[2]``), when
   pyspark and Java are installed, on the same replies but each against the call's policy.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib.util import find_spec, module_from_spec, spec_from_file_location
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
POLICY = ROOT / "examples" / "northwind.toml"


def archive_rows(n: int) -> Iterator[dict[str, Any]]:
    """``n`` archive rows: the corpus cases again and again, each round a day later.

    Even rounds name the case's own policy file (relative to tests/); odd rounds name
    none, so the call's policy checks them.
    """
    cases = [
        (path.parent.name, json.loads(line))
        for path in sorted(TESTS.glob("corpus*/cases.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for i in range(n):
        round_, (corpus, case) = i // len(cases), cases[i % len(cases)]
        row = {"id": i, "reply": case["reply"], "customer": case.get("customer")}
        row["now"] = (datetime.fromisoformat(case["now"]) + timedelta(days=round_)).isoformat()
        if round_ % 2 == 0:
            row["policy"] = f"{corpus}/policies/{case['policy']}"
        yield row


def line(what: str, value: str) -> None:
    print(f"{what:<62} {value}")


def one_by_one(rows: list[dict[str, Any]]) -> float:
    from honestcs import ReplyChecker, load_policy

    default = ReplyChecker(load_policy(POLICY))
    checkers: dict[str, ReplyChecker] = {}
    began = time.perf_counter()
    for row in rows:
        checker = default
        if row.get("policy"):
            name = row["policy"]
            if name not in checkers:
                checkers[name] = ReplyChecker(load_policy(TESTS / name))
            checker = checkers[name]
        checker.check(row["reply"], row["customer"], datetime.fromisoformat(row["now"]))
    return time.perf_counter() - began


def on_dask(source: Path, blocksize: int, scheduler: Any) -> tuple[float, int]:
    import dask
    import dask.bag

    from honestcs.batch import check_replies

    began = time.perf_counter()
    with dask.config.set(scheduler=scheduler) if isinstance(scheduler, str) else _nothing():
        lines = dask.bag.read_text(str(source), blocksize=blocksize)
        found = check_replies(lines, POLICY, policy_dir=TESTS).compute()
    return time.perf_counter() - began, len(found)


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def on_cluster(source: Path, workers: int, blocksize: int) -> tuple[float, float, list[float]]:
    from distributed import Client, LocalCluster

    began = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                     dashboard_address=None, silence_logs=40) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        started = time.perf_counter() - began
        # Best of 3: the machine's cores are shared, and a neighbour's burst is not our cost.
        seconds = min(on_dask(source, blocksize, client)[0] for _ in range(3))
        memory = client.run(lambda: __import__("psutil").Process().memory_info().rss)
    return started, seconds, [rss / 2**20 for rss in memory.values()]


def on_spark(rows: list[dict[str, Any]]) -> tuple[float, float] | str:
    if find_spec("pyspark") is None:
        return "pyspark is not installed"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java"
    spec = spec_from_file_location("spark_check", ROOT / "examples" / "spark_check.py")
    assert spec and spec.loader
    recipe = module_from_spec(spec)
    spec.loader.exec_module(recipe)
    import pandas

    from honestcs import load_policy

    began = time.perf_counter()
    spark = recipe.spark_session()
    started = time.perf_counter() - began
    try:
        frame = pandas.DataFrame(
            [{k: v for k, v in row.items() if k != "policy"} for row in rows]
        ).astype({"id": str})
        replies = spark.createDataFrame(frame, schema=recipe.REPLIES_SCHEMA).repartition(8)
        replies.cache().count()
        now = datetime.fromisoformat("2026-12-01T10:00:00-06:00")
        began = time.perf_counter()
        replies.mapInPandas(
            recipe.check_partitions(load_policy(POLICY), now), recipe.FINDINGS_SCHEMA
        ).count()
        seconds = time.perf_counter() - began
    finally:
        spark.stop()
    return started, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replies", type=int, default=50_000, help="size of the archive")
    parser.add_argument("--blocksize", type=int, default=1_000_000,
                        help="bytes of JSON Lines per partition")  # fmt: skip
    args = parser.parse_args()
    n = args.replies
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M}Z, {os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}, {n:,} replies")  # fmt: skip
    rows = list(archive_rows(n))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "archive.jsonl")
        source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        size = source.stat().st_size
        parts = -(-size // args.blocksize)
        line("archive", f"{size / 2**20:.1f} MiB of JSON Lines, {parts} partitions")
        seconds = one_by_one(rows)
        line("ReplyChecker.check one by one, 1 process",
             f"{seconds:.1f} s, {seconds / n * 1e3:.2f} ms a reply")  # fmt: skip
        seconds, findings = on_dask(source, args.blocksize, "sync")
        line("check_replies, synchronous scheduler, 1 process",
             f"{seconds:.1f} s, {seconds / n * 1e3:.2f} ms a reply, {findings:,} rows")  # fmt: skip
        walls = {}
        for workers in (1, 2):
            started, walls[workers], memory = on_cluster(source, workers, args.blocksize)
            rss = ", ".join(f"{m:.0f}" for m in memory)
            line(f"check_replies, LocalCluster of {workers} worker process(es)",
                 f"{walls[workers]:.1f} s ({n / walls[workers]:,.0f} replies/s); cluster start "
                 f"{started:.1f} s; worker RSS {rss} MiB")  # fmt: skip
        line("speed-up of 2 workers over 1", f"{walls[1] / walls[2]:.2f}x")
    spark = on_spark(rows)
    if isinstance(spark, str):
        line("Spark recipe (mapInPandas, local[2])", f"not run: {spark}")
    else:
        started, seconds = spark
        line("Spark recipe (mapInPandas, local[2]), the call's policy only",
             f"{seconds:.1f} s ({n / seconds:,.0f} replies/s); "
             f"session start {started:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
