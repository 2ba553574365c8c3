"""Figures of the Scale guide, measured side by side in one run.

Run: ``python benchmarks/bench_scale.py`` (a few minutes; ``--promises`` sets the size of
the big PostgreSQL ledger, ``--replies`` the size of the archive). It starts its own
throwaway PostgreSQL server (see throwaway_postgres.py), with fsync ON, so write rates
are those of a durable server on this machine's disk.

1. ``honestcs check --jsonl`` with ``--jobs 1`` and ``--jobs 2`` on the same archive: time
   of each, whether the outputs are identical, and the speed-up (target: at least 1.6x on
   2 cores).
2. ``PostgresStore``: promises recorded per second, one transaction each, by 1 and by 4
   writer processes at once, each with its own store.
3. ``overdue()`` and ``stats()`` over a PostgreSQL ledger of ``--promises`` promises
   (target: under 50 ms each at 1,000,000), median of 5 runs after a warm-up.

Each figure is printed with its target and PASS or MISS where there is one.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench_ledger import NOW, history, line, timed
from throwaway_postgres import throwaway_server

from honestcs import PostgresStore, Promise, PromiseLedger

ROOT = Path(__file__).resolve().parents[1]


def bench_jobs(folder: Path, n: int) -> None:
    replies = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/replies").glob("*"))]
    source = folder / "archive.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = {"id": i, "reply": replies[i % len(replies)]}
            if i % 2:
                row["customer"] = "Can I send it back, and how long will the refund take?"
            out.write(json.dumps(row) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    seconds = {}
    for jobs in (1, 2):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "honestcs", "check", "--policy",
             str(ROOT / "examples/northwind.toml"), "--now", "2026-12-01T10:00:00-06:00",
             "--jsonl", str(source), "--jobs", str(jobs), "-o", str(folder / f"out{jobs}.jsonl")],
            env=env, check=False, capture_output=True,
        )  # fmt: skip
        seconds[jobs] = time.perf_counter() - start
        line(f"check --jsonl --jobs {jobs}, {n:,} replies", f"{seconds[jobs]:.1f} s "
             f"({n / seconds[jobs]:,.0f}/s)", "", None)  # fmt: skip
    same = (folder / "out1.jsonl").read_bytes() == (folder / "out2.jsonl").read_bytes()
    line("--jobs 2 output identical to --jobs 1", str(same), "True", same)
    speedup = seconds[1] / seconds[2]
    line("speed-up of --jobs 2 (whole command)", f"{speedup:.2f}x", ">= 1.6x", speedup >= 1.6)


def _writer(dsn: str, schema: str, n: int, start: object) -> float:
    text = "We'll refund you within 10 business days."
    promise = Promise(text, 0, len(text), clause="refund", due=NOW + timedelta(days=14))
    with PromiseLedger(PostgresStore(dsn, schema=schema), clock=lambda: NOW) as ledger:
        start.wait()  # type: ignore[attr-defined]
        began = time.perf_counter()
        for i in range(n):
            ledger.record(promise, customer=f"C-{i}", agent=f"agent-{os.getpid() % 40}")
        return time.perf_counter() - began


def bench_writes(dsn: str, n: int) -> None:
    context = multiprocessing.get_context("spawn")
    for writers in (1, 4):
        schema = f"writes_{writers}"
        PostgresStore(dsn, schema=schema).close()
        with context.Manager() as manager:
            start = manager.Barrier(writers)
            began = time.perf_counter()
            with context.Pool(writers) as pool:
                pool.starmap(_writer, [(dsn, schema, n, start)] * writers)
            elapsed = time.perf_counter() - began
        # Wall time from the barrier is within the pool's; count the whole for honesty.
        rate = writers * n / elapsed
        line(f"PostgreSQL record(), {writers} writer process(es)", f"{rate:,.0f} /s",
             "(no target)", None)  # fmt: skip


def bench_queries(dsn: str, n: int) -> None:
    rng = __import__("random").Random(20261201)
    span = 730 * 86400

    def events():  # type: ignore[no-untyped-def]
        for i in range(n):
            yield from history(rng, i, NOW - timedelta(seconds=span * (1 - i / n)))

    with PostgresStore(dsn, schema="big") as store:
        began = time.perf_counter()
        store.import_events(events())
        print(f"(imported {n:,} promises into PostgreSQL in {time.perf_counter() - began:.0f} s)")
        import psycopg

        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE big.promises")
        ledger = PromiseLedger(store, clock=lambda: NOW)
        seconds, overdue = timed(lambda: ledger.overdue(NOW), 5)
        line(f"overdue() at {n:,} ({len(overdue):,} returned)",  # type: ignore[arg-type]
             f"{seconds * 1000:.1f} ms", "< 50 ms", seconds < 0.05)  # fmt: skip
        seconds, _ = timed(lambda: ledger.stats(now=NOW), 5)
        line(f"stats() at {n:,}", f"{seconds * 1000:.1f} ms", "< 50 ms", seconds < 0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replies", type=int, default=20_000, help="size of the archive")
    parser.add_argument("--writes", type=int, default=2_000, help="promises per writer")
    parser.add_argument("--promises", type=int, default=1_000_000, help="size of the big ledger")
    args = parser.parse_args()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M}Z, {os.cpu_count()} CPUs, Python "
          f"{sys.version.split()[0]}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        bench_jobs(Path(folder), args.replies)
    with throwaway_server(durable=True) as dsn:
        bench_writes(dsn, args.writes)
        bench_queries(dsn, args.promises)


if __name__ == "__main__":
    main()
