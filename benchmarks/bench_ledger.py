"""How fast the promise ledger is on SQLite: writes per second, and queries over a million promises.

Run: ``python benchmarks/bench_ledger.py`` (about a minute or two; ``--promises`` to change
the size of the big ledger, ``--db PATH`` to keep it and reuse it next time).

Targets (from the issue): at least 5,000 recorded promises per second in one process,
and ``overdue()`` and ``stats()`` over 1,000,000 promises in well under 100 ms. Each
figure is printed with its target and PASS or MISS, and nothing is rounded in our favour.

The big ledger is shaped like a real one: promises made over two years, due 1 hour to
10 days after they were made; those due more than two days ago are closed (kept,
mostly, some late; broken; cancelled), a third of those due in the last two days are
still open (so overdue), most of those not yet due are open, and one in twenty was
rescheduled. ``overdue()`` returns every overdue promise, so its time includes
building that many records in Python; the count is printed next to it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from honestcs import Promise, PromiseEvent, PromiseLedger, SQLiteStore
from honestcs.promises.model import EventKind

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
AGENTS = [f"agent-{i:02d}" for i in range(40)]
CLAUSES = ["refund", "returns", "discount", "express-delivery", "repair", "callback", None]


def line(figure: str, value: str, target: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("PASS" if ok else "MISS")
    print(f"{figure:<48} {value:>18}   target {target:<16} {verdict}")


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median seconds of ``repeat`` runs after one warm-up run, and the last result."""
    result = fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_writes(directory: Path, n: int) -> None:
    """Records per second: one transaction per promise, then batches of 100."""
    text = "We'll refund you within 10 business days."
    promise = Promise(text, 0, len(text), clause="refund", due=NOW + timedelta(days=14))

    with PromiseLedger(SQLiteStore(directory / "one.db"), clock=lambda: NOW) as ledger:
        start = time.perf_counter()
        ids = [ledger.record(promise, customer=f"C-{i}", agent=AGENTS[i % 40]).id for i in range(n)]
        rate = n / (time.perf_counter() - start)
        line("record(), one transaction each", f"{rate:,.0f} /s", ">= 5,000 /s", rate >= 5000)

        start = time.perf_counter()
        for pid in ids[: n // 2]:
            ledger.mark_kept(pid)
        rate = (n // 2) / (time.perf_counter() - start)
        line("mark_kept(), one transaction each", f"{rate:,.0f} /s", "(no target)", None)

    with PromiseLedger(SQLiteStore(directory / "batch.db"), clock=lambda: NOW) as ledger:
        batches = 4 * n // 100
        start = time.perf_counter()
        for b in range(batches):
            ledger.record_many([promise] * 100, customer=f"C-{b}", agent=AGENTS[b % 40])
        rate = batches * 100 / (time.perf_counter() - start)
        line("record_many(), 100 per transaction", f"{rate:,.0f} /s", ">= 5,000 /s", rate >= 5000)

    full = SQLiteStore(directory / "full.db", synchronous="full")
    with PromiseLedger(full, clock=lambda: NOW) as ledger:
        count = max(n // 10, 200)
        start = time.perf_counter()
        for i in range(count):
            ledger.record(promise, customer=f"C-{i}", agent="alex")
        rate = count / (time.perf_counter() - start)
        line("record(), synchronous=FULL (fsync each)", f"{rate:,.0f} /s", "(no target)", None)


def history(rng: random.Random, index: int, made: datetime) -> Iterator[PromiseEvent]:
    """The events of one promise of the big ledger."""
    pid = f"P-{index:012d}"
    uniform = rng.random
    due = made + timedelta(seconds=3600 + int(uniform() * 9 * 86400))
    agent = AGENTS[int(uniform() * len(AGENTS))]
    yield PromiseEvent(
        promise_id=pid,
        seq=1,
        at=made,
        kind=EventKind.RECORDED,
        actor=agent,
        data={
            "customer": f"C-{int(uniform() * 200_000)}",
            "agent": agent,
            "clause": CLAUSES[int(uniform() * len(CLAUSES))],
            "text": "We'll get this sorted for you within a few days.",
            "due": due.isoformat(),
            "key": None,
            "meta": {},
        },
    )
    seq = 2
    if uniform() < 0.05:
        due = due + timedelta(days=1 + int(uniform() * 5))
        yield PromiseEvent(
            promise_id=pid, seq=seq, at=made + timedelta(minutes=30),
            kind=EventKind.RESCHEDULED, actor=agent, reason="customer asked",
            data={"due": due.isoformat(), "previous_due": None},
        )  # fmt: skip
        seq += 1
    roll = uniform()
    if due >= NOW:
        still_open = roll < 0.8
    elif due >= NOW - timedelta(days=2):
        still_open = roll < 0.3
    else:
        still_open = False
    if still_open:
        return
    # Kept (or not) somewhere between just after it was made and 15% past its due time.
    span = (min(due, NOW) - made).total_seconds()
    at = min(made + timedelta(seconds=(0.05 + 1.1 * uniform()) * span), NOW)
    outcome = uniform()
    kind = (
        EventKind.KEPT if outcome < 0.9 else EventKind.BROKEN if outcome < 0.96
        else EventKind.CANCELLED
    )  # fmt: skip
    yield PromiseEvent(
        promise_id=pid, seq=seq, at=at, kind=kind, actor=agent,
        reason=None if kind is EventKind.KEPT else "it happens",
    )  # fmt: skip


def build(path: Path, n: int) -> None:
    """Fill a new store with ``n`` promises through the bulk import (every history folded)."""
    rng = random.Random(20261201)
    span = 730 * 86400

    def events() -> Iterator[PromiseEvent]:
        for i in range(n):
            yield from history(rng, i, NOW - timedelta(seconds=span * (1 - i / n)))

    start = time.perf_counter()
    with SQLiteStore(path) as store:
        imported = store.import_events(events())
    elapsed = time.perf_counter() - start
    print(f"(imported {imported:,} promises in {elapsed:.1f} s, "
          f"{path.stat().st_size / 1e6:.0f} MB)")  # fmt: skip


def bench_cold(path: Path) -> None:
    """The first overdue() and stats() after opening the file (pages in the OS cache only)."""
    for name, call in (
        ("overdue(), first call after opening", lambda ledger: ledger.overdue(NOW)),
        ("stats(), first call after opening", lambda ledger: ledger.stats(now=NOW)),
    ):
        with PromiseLedger(SQLiteStore(path), clock=lambda: NOW) as ledger:
            start = time.perf_counter()
            call(ledger)
            seconds = time.perf_counter() - start
        line(name, f"{seconds * 1000:.1f} ms", "(no target)", None)


def bench_queries(path: Path, n: int) -> None:
    """Latency of the queries a support team runs all day, over the big ledger (warm)."""
    with PromiseLedger(SQLiteStore(path), clock=lambda: NOW) as ledger:
        total = sum(ledger.counts().values())
        if total != n:
            sys.exit(f"{path} holds {total:,} promises, not {n:,}; delete it or change --promises")
        label = f"{n:,}"

        seconds, found = timed(lambda: ledger.overdue(NOW), 20)
        count = len(found)  # type: ignore[arg-type]
        line(f"overdue() over {label} ({count:,} returned)", f"{seconds * 1000:.1f} ms",
             "< 100 ms", seconds < 0.1)  # fmt: skip
        seconds, _ = timed(lambda: ledger.overdue(NOW, limit=50), 20)
        line("overdue(limit=50)", f"{seconds * 1000:.2f} ms", "(no target)", None)

        seconds, result = timed(lambda: ledger.stats(now=NOW), 20)
        line(f"stats() over {label}", f"{seconds * 1000:.1f} ms", "< 100 ms", seconds < 0.1)
        overall = result.overall  # type: ignore[attr-defined]
        print(f"    (made {overall.made:,}, kept {overall.kept:,}, overdue {overall.overdue:,}, "
              f"median lateness {overall.median_lateness})")  # fmt: skip

        seconds, _ = timed(lambda: ledger.stats(since=NOW - timedelta(days=30), now=NOW), 5)
        line("stats(since=30 days ago) (a window scan)", f"{seconds * 1000:.1f} ms",
             "(no target)", None)  # fmt: skip

        seconds, soon = timed(lambda: ledger.due_soon(NOW, timedelta(days=1)), 20)
        line(f"due_soon(1 day) ({len(soon):,} returned)", f"{seconds * 1000:.1f} ms",  # type: ignore[arg-type]
             "(no target)", None)  # fmt: skip

        customer = ledger.find(limit=1)[0].customer
        seconds, _ = timed(lambda: ledger.open(customer=customer, clause="refund"), 50)
        line("open(customer=, clause=) (the checker's)", f"{seconds * 1000:.2f} ms",
             "(no target)", None)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--promises", type=int, default=1_000_000, help="size of the big ledger")
    parser.add_argument("--writes", type=int, default=5_000, help="promises for the write test")
    parser.add_argument("--db", type=Path, help="keep the big ledger here and reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        print(f"SQLite, one process, temporary files in {tmp}")
        bench_writes(directory, args.writes)
        path = args.db or directory / "big.db"
        if not path.exists():
            build(path, args.promises)
        bench_cold(path)
        bench_queries(path, args.promises)


if __name__ == "__main__":
    main()
