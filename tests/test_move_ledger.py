"""``honestcs promises export --events | honestcs promises import``: moving loses nothing."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import zip_longest
from pathlib import Path
from typing import Any

import pytest

from honestcs import PostgresStore, PromiseEvent, PromiseStore, SQLiteStore
from honestcs.cli import main
from honestcs.promises.model import EventKind, PromiseQuery

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
AGENTS = ["alex", "bo", "kim", "Zoë", "bot-7", "Søren"]
CLAUSES = ["refund", "returns", "discount", None]
TEXTS = [
    "We'll refund you within 10 business days.",
    'I\'ll call you back "first thing" tomorrow.\nSorry again!',
    "Votre remboursement arrivera d'ici vendredi. 💸",
]


def histories(n: int, seed: int = 11) -> Iterator[PromiseEvent]:
    """``n`` promises with every kind of event, optional field and awkward text."""
    rng = random.Random(seed)
    for i in range(n):
        pid = f"P-{i:09d}"
        made = NOW - timedelta(minutes=7 * (n - i))
        due = None if rng.random() < 0.1 else made + timedelta(hours=rng.randint(1, 240))
        agent = rng.choice(AGENTS)
        meta: dict[str, Any] = {}
        if rng.random() < 0.3:
            meta = {"channel": rng.choice(["chat", "email"]), "score": rng.random(), "n": [i, None]}
        yield PromiseEvent(
            promise_id=pid, seq=1, at=made, kind=EventKind.RECORDED, actor=agent,
            data={
                "customer": f"C-{rng.randint(1, 5000)}", "agent": agent,
                "clause": rng.choice(CLAUSES), "text": rng.choice(TEXTS),
                "due": None if due is None else due.isoformat(),
                "key": f"msg-{i}#0" if rng.random() < 0.7 else None, "meta": meta,
            },
            recorded_at=made + timedelta(seconds=rng.randint(0, 5)) if rng.random() < 0.5 else None,
        )  # fmt: skip
        seq = 2
        if due is not None and rng.random() < 0.2:
            new_due = due + timedelta(days=rng.randint(1, 5))
            yield PromiseEvent(
                promise_id=pid, seq=seq, at=made + timedelta(minutes=30),
                kind=EventKind.RESCHEDULED, actor=None if rng.random() < 0.5 else "lead",
                reason="customer asked: after the holidays, please", recorded_at=None,
                data={"due": new_due.isoformat(), "previous_due": due.isoformat()},
            )  # fmt: skip
            seq += 1
        roll = rng.random()
        if roll < 0.3:
            continue
        kind = (
            EventKind.KEPT if roll < 0.8 else EventKind.BROKEN if roll < 0.9
            else EventKind.CANCELLED
        )  # fmt: skip
        yield PromiseEvent(
            promise_id=pid, seq=seq, at=made + timedelta(hours=rng.randint(1, 300)), kind=kind,
            actor=agent, reason=None if kind is EventKind.KEPT else "courier lost it — sorry",
        )  # fmt: skip


def assert_same_ledger(source: PromiseStore, target: PromiseStore) -> None:
    """Same events in the same order, same records, same statistics."""
    for theirs, ours in zip_longest(source.iter_events(), target.iter_events()):
        assert theirs == ours
    assert source.find(PromiseQuery()) == target.find(PromiseQuery())
    for now in (NOW - timedelta(days=100), NOW):
        assert source.stats(since=None, until=None, now=now) == target.stats(
            since=None, until=None, now=now
        )
    assert source.counts() == target.counts()


@pytest.fixture
def postgres_url(postgres_dsn: str) -> Iterator[str]:
    """The DSN, with the schema a postgresql:// --db opens (``honestcs``) empty before and after."""
    import psycopg

    def drop() -> None:
        with psycopg.connect(postgres_dsn, autocommit=True) as conn:
            conn.execute("DROP SCHEMA IF EXISTS honestcs CASCADE")

    drop()
    yield postgres_dsn
    drop()


@pytest.mark.slow
def test_100k_promises_move_from_sqlite_to_postgres(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """100,000 promises exported from SQLite and imported into PostgreSQL lose nothing."""
    n = 100_000
    source_path = tmp_path / "source.db"
    exported, again = tmp_path / "events.jsonl", tmp_path / "again.jsonl"
    with SQLiteStore(source_path) as source:
        assert source.import_events(histories(n)) == n
    started = time.perf_counter()
    assert main(["promises", "export", "--events", "--db", str(source_path),
                 "-o", str(exported)]) == 0  # fmt: skip
    assert main(["promises", "import", "--db", postgres_url, str(exported)]) == 0
    moved = time.perf_counter() - started
    assert f"imported {n:,} promises (" in capsys.readouterr().err
    # The event log, read back out of PostgreSQL, is the same file byte for byte...
    assert main(["promises", "export", "--events", "--db", postgres_url, "-o", str(again)]) == 0
    assert again.read_bytes() == exported.read_bytes()
    # ...and so are the records PostgreSQL keeps beside it, and what they add up to.
    with SQLiteStore(source_path) as source, PostgresStore(postgres_url) as target:
        assert source.find(PromiseQuery()) == target.find(PromiseQuery())
        for now in (NOW - timedelta(days=100), NOW):
            assert source.stats(since=None, until=None, now=now) == target.stats(
                since=None, until=None, now=now
            )
    print(f"moved {n:,} promises from SQLite to PostgreSQL in {moved:.1f} s")


def test_the_pipe_moves_a_ledger(tmp_path: Path, postgres_url: str) -> None:
    """The shell pipe itself, between processes: SQLite to PostgreSQL, and back."""
    source_path = tmp_path / "source.db"
    with SQLiteStore(source_path) as source:
        source.import_events(histories(300, seed=3))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    honestcs = f"{sys.executable} -m honestcs"
    done = subprocess.run(
        f"{honestcs} promises export --events --db {source_path} "
        f"| {honestcs} promises import --db '{postgres_url}'",
        shell=True, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == "imported 300 promises (" + done.stderr.split("(", 1)[1]
    back_path = tmp_path / "back.db"
    back = subprocess.run(
        f"{honestcs} promises export --events --db '{postgres_url}' "
        f"| {honestcs} promises import --db {back_path}",
        shell=True, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert back.returncode == 0, back.stderr
    with (
        SQLiteStore(source_path) as source,
        PostgresStore(postgres_url) as target,
        SQLiteStore(back_path) as returned,
    ):
        assert_same_ledger(source, target)
        assert_same_ledger(source, returned)


def test_importing_again_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A promise already in the target makes the import fail whole, saying so."""
    source, events, target = tmp_path / "a.db", tmp_path / "e.jsonl", tmp_path / "b.db"
    with SQLiteStore(source) as store:
        store.import_events(histories(20))
    assert main(["promises", "export", "--events", "--db", str(source), "-o", str(events)]) == 0
    assert main(["promises", "import", "--db", str(target), str(events)]) == 0
    capsys.readouterr()
    assert main(["promises", "import", "--db", str(target), str(events)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"honestcs: error: {events}: {target}: cannot import promises: ")
    assert err.rstrip().endswith(f"nothing was imported into {target}")
    with SQLiteStore(target) as store:
        assert sum(store.counts().values()) == 20


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "stdin:2: not JSON (Expecting value, column 1); import reads JSON Lines"),
        ("[1, 2]", "stdin:2: expected a JSON object (an event)"),
        ('{"id": "P-1", "status": "open"}', "stdin:2: this is a promise record, not an event"),
        ('{"promise_id": "P-9", "seq": 1, "kind": "recorded"}', "stdin:2: missing 'at'"),
        (
            '{"promise_id": "P-9", "seq": 1, "at": "2026-12-01T00:00:00", "kind": "recorded"}',
            "stdin:2: at: time must be timezone-aware; got the naive datetime 2026-12-01T00:00:00",
        ),
        (
            '{"promise_id": "P-9", "seq": 2, "at": "2026-12-01T00:00Z", "kind": "lost"}',
            "stdin:2: kind must be one of recorded, kept, broken, cancelled, rescheduled",
        ),
        (
            '{"promise_id": "P-9", "seq": 1, "at": "2026-12-01T00:00Z", "kind": "kept", "x": 1}',
            "stdin:2: unknown key 'x'",
        ),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_imported(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    line: str,
    message: str,
) -> None:
    """Input that is not an event log stops the import at its line; no file is left behind."""
    import io

    good = next(histories(1)).to_dict()
    import json

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(good) + "\n" + line + "\n"))
    target = tmp_path / "new.db"
    assert main(["promises", "import", "--db", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"honestcs: error: {message}"), err
    assert err.rstrip().endswith(f"nothing was imported into {target}")
    assert not target.exists()
