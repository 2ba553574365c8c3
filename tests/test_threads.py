"""Sharing one checker, one ledger and one store between the threads of a process.

The Production checklist page says what is safe across threads; these tests
hold it to that. Threads start together at a barrier so that their calls
overlap as much as the interpreter lets them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest

from honestcs import (
    IllegalTransitionError,
    MemoryStore,
    PostgresStore,
    Promise,
    PromiseLedger,
    PromiseStatus,
    PromiseStore,
    ReplyChecker,
    SQLiteStore,
    load_policy,
)

ROOT = Path(__file__).parents[1]
NOW = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
THREADS = 8
T = TypeVar("T")


def together(work: Callable[[int], T], threads: int = THREADS) -> list[T | BaseException]:
    """Run ``work(i)`` in ``threads`` threads started at once; each result or exception."""
    barrier = threading.Barrier(threads)
    results: list[T | BaseException] = [RuntimeError("did not run")] * threads

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:  # handed back to the test to judge
            results[i] = exc

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    return results


def test_a_shared_checker_reports_as_it_does_alone() -> None:
    """Threads sharing one ReplyChecker get the same reports as one thread checking alone."""
    checker = ReplyChecker(load_policy(ROOT / "examples" / "northwind.toml"))
    replies = sorted((ROOT / "examples" / "replies").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in replies]
    customer = "Can I send it back, and how long will the refund take?"
    alone = [checker.check(text, customer, now=NOW) for text in texts]

    def work(i: int) -> list[bool]:
        rotated = texts[i % len(texts) :] + texts[: i % len(texts)]
        expected = alone[i % len(texts) :] + alone[: i % len(texts)]
        return [
            checker.check(text, customer, now=NOW) == want
            for _ in range(20)
            for text, want in zip(rotated, expected, strict=True)
        ]

    for result in together(work):
        assert not isinstance(result, BaseException), result
        assert all(result)


@pytest.fixture(params=["memory", "sqlite-file", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PromiseStore]:
    made: PromiseStore
    if request.param == "postgres":
        made = PostgresStore(
            request.getfixturevalue("postgres_dsn"),
            schema=request.getfixturevalue("postgres_schema"),
        )
    else:
        made = (
            MemoryStore() if request.param == "memory" else SQLiteStore(tmp_path / "promises.db")
        )
    yield made
    made.close()


def _promise(text: str = "We'll refund you within 7 business days.") -> Promise:
    return Promise(text, 0, len(text), clause="refund", due=NOW + timedelta(days=9))


def test_threads_sharing_a_store_lose_no_promise(store: PromiseStore) -> None:
    """Promises recorded by threads sharing one ledger and store are all there, once each."""
    ledger = PromiseLedger(store, clock=lambda: NOW)

    def work(i: int) -> list[str]:
        return [
            ledger.record(_promise(), customer=f"C-{i}-{n}", agent=f"agent-{i}").id
            for n in range(50)
        ]

    results = together(work)
    ids = [pid for result in results if isinstance(result, list) for pid in result]
    assert len(ids) == len(set(ids)) == THREADS * 50
    assert store.counts()[PromiseStatus.OPEN] == THREADS * 50
    assert ledger.stats(now=NOW).overall.made == THREADS * 50


def test_threads_racing_to_close_one_promise_close_it_once(store: PromiseStore) -> None:
    """Of threads marking one promise kept at once, one succeeds; the others are refused."""
    ledger = PromiseLedger(store, clock=lambda: NOW)
    record = ledger.record(_promise(), customer="C-1", agent="alex")

    results = together(lambda i: ledger.mark_kept(record.id, by=f"agent-{i}"))
    kept = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(kept) == 1
    assert len(refused) == THREADS - 1
    assert all(isinstance(r, IllegalTransitionError) for r in refused), refused
    assert [e.kind.value for e in store.history(record.id)] == ["recorded", "kept"]
