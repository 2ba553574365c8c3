"""``honestcs promises watch``: each promise once as it comes due soon, once as it goes overdue."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from honestcs import MemoryStore, PostgresStore, Promise, PromiseLedger, SQLiteStore
from honestcs.cli._watch import WatchEvent, WatchSummary, watch

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def _add(ledger: PromiseLedger, due: datetime, customer: str = "C-1") -> str:
    text = "We'll call you back."
    promise = Promise(text, 0, len(text), clause=None, due=due)
    return ledger.record(promise, customer=customer, agent="bo", made_at=T0 - MINUTE).id


def test_each_promise_is_announced_once_as_due_soon_and_once_as_overdue() -> None:
    """Polls a minute apart announce entries into the window and crossings of the due time."""
    ledger = PromiseLedger(MemoryStore(), clock=lambda: T0)
    late = _add(ledger, T0 - 5 * MINUTE)  # overdue before the watch starts: counted, not listed
    soon = _add(ledger, T0 + 3 * MINUTE)  # in the window at once
    later = _add(ledger, T0 + 12 * MINUTE)  # enters the window at 09:02
    times = iter([T0 + n * MINUTE for n in range(20)])
    seen: list[tuple[str, str, int]] = []
    summary = WatchSummary(started=T0)

    def emit(event: WatchEvent) -> None:
        seen.append((event.kind, event.record.id, int((event.at - T0) / MINUTE)))

    def sleep(seconds: float) -> None:
        assert seconds == 60
        if len(seen) == 1:  # recorded between two polls, already overdue: still announced
            _add(ledger, T0 + MINUTE // 2, customer="C-2")

    watch(
        ledger, within=10 * MINUTE, interval=60, emit=emit, clock=lambda: next(times),
        sleep=sleep, summary=summary, polls=14,
    )  # fmt: skip
    [newcomer] = [r.id for r in ledger.find(customer="C-2")]
    assert seen == [
        ("due-soon", soon, 0),
        ("overdue", newcomer, 1),
        ("due-soon", later, 3),  # due 09:12: inside [now, now + 10 min) from 09:03
        ("overdue", soon, 4),  # due 09:03: the first poll after it
        ("overdue", later, 13),
    ]
    assert (summary.polls, summary.due_soon, summary.overdue, summary.already_overdue) == (
        14, 2, 3, 1,
    )  # fmt: skip
    assert late not in {pid for _, pid, _ in seen}


def _watch_until_interrupted(db: str, expected: int) -> tuple[list[str], str, int]:
    """Run the watch command, wait for ``expected`` lines, then press Ctrl-C."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "honestcs", "promises", "watch", "--db", db,
         "--within", "2s", "--interval", "0.2s"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    # Lines are read on a thread of their own, so a watch that prints too few fails the test
    # at the deadline instead of blocking it in readline() for ever.
    arrived: queue.Queue[str] = queue.Queue()
    stdout = process.stdout

    def read() -> None:
        for line in stdout:
            arrived.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    lines: list[str] = []
    deadline = time.monotonic() + 30
    while len(lines) < expected and time.monotonic() < deadline:
        try:
            lines.append(arrived.get(timeout=max(0.0, deadline - time.monotonic())).rstrip("\n"))
        except queue.Empty:
            break
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    reader.join(timeout=5)
    while not arrived.empty():
        lines.append(arrived.get().rstrip("\n"))
    return lines, err, process.returncode


def _record_coming_due(store: SQLiteStore | PostgresStore) -> tuple[str, str]:
    now = datetime.now(UTC)
    with PromiseLedger(store) as ledger:
        # Far enough ahead that a slow start of the command (seconds on a busy machine) still
        # sees both promises come due soon before they become overdue.
        first = _add(ledger, now + timedelta(seconds=8))
        second = _add(ledger, now + timedelta(seconds=10.5), customer="C-2")
    return first, second


def _check_watch_output(db: str, first: str, second: str) -> None:
    lines, err, status = _watch_until_interrupted(db, expected=4)
    assert [line.split()[2] for line in lines] == ["DUE", "OVERDUE", "DUE", "OVERDUE"], lines
    assert [line.split()[4] if "SOON" in line else line.split()[3] for line in lines] == [
        first, first, second, second,
    ], lines  # fmt: skip
    assert status == 0, err
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith("stopped after ")
    assert err.splitlines()[-1].endswith("2 came due soon, 2 became overdue")


@pytest.mark.slow
def test_watch_on_sqlite_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    """The command prints due-soon then overdue for each promise, and Ctrl-C ends it with 0."""
    path = tmp_path / "promises.db"
    first, second = _record_coming_due(SQLiteStore(path))
    _check_watch_output(str(path), first, second)


@pytest.mark.slow
def test_watch_on_postgres_stops_cleanly_on_ctrl_c(postgres_dsn: str) -> None:
    """The same against a PostgreSQL ledger given as --db postgresql://…."""
    import psycopg

    def drop() -> None:
        with psycopg.connect(postgres_dsn, autocommit=True) as conn:
            conn.execute("DROP SCHEMA IF EXISTS honestcs CASCADE")

    drop()
    try:
        first, second = _record_coming_due(PostgresStore(postgres_dsn))
        _check_watch_output(postgres_dsn, first, second)
    finally:
        drop()
