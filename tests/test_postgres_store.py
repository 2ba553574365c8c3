"""PostgresStore beyond the contract suite: several writers at once, migrations, clear errors.

These tests need a PostgreSQL server (see the ``postgres_dsn`` fixture in conftest.py);
without one they skip, saying why.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from honestcs import (
    IllegalTransitionError,
    PostgresStore,
    Promise,
    PromiseEvent,
    PromiseLedger,
    PromiseRecord,
    PromiseStatus,
    StoreError,
)
from honestcs.promises.model import EventKind
from honestcs.stores.postgres import MIGRATIONS, SCHEMA_VERSION, _describe

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TEXT = "We'll refund you within 10 business days."
PROMISE = Promise(TEXT, 0, len(TEXT), clause="refund", due=NOW + timedelta(days=14))


def _record_replies(dsn: str, schema: str, start: Any, order: int) -> list[tuple[str, str]]:
    """One app server: record the same 1,000 replies (keyed by reply id), in some order."""
    replies = range(1000) if order == 0 else range(999, -1, -1)
    with PromiseLedger(PostgresStore(dsn, schema=schema), clock=lambda: NOW) as ledger:
        start.wait()
        return [
            (f"reply-{i}", ledger.record_many([PROMISE], customer=f"C-{i}", agent="bot",
                                              key=f"reply-{i}")[0].id)
            for i in replies
        ]  # fmt: skip


def test_two_processes_recording_the_same_replies_leave_one_promise_each(
    postgres_dsn: str, postgres_schema: str
) -> None:
    """Two processes recording the same 1,000 replies at once leave exactly 1,000 promises."""
    PostgresStore(postgres_dsn, schema=postgres_schema).close()  # migrate before the race
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(2)
        with context.Pool(2) as pool:
            first, second = pool.starmap(
                _record_replies,
                [
                    (postgres_dsn, postgres_schema, start, 0),
                    (postgres_dsn, postgres_schema, start, 1),
                ],
            )
    assert dict(first) == dict(second)  # both were told the same promise for each reply
    with PostgresStore(postgres_dsn, schema=postgres_schema) as store:
        assert sum(store.counts().values()) == 1000
        assert len({record.key for record in PromiseLedger(store).find()}) == 1000


def test_two_servers_cannot_both_close_one_promise(postgres_dsn: str, postgres_schema: str) -> None:
    """Of two stores racing to close the same promises, exactly one wins each time."""
    stores = [PostgresStore(postgres_dsn, schema=postgres_schema) for _ in range(2)]
    ledgers = [PromiseLedger(store, clock=lambda: NOW + timedelta(days=1)) for store in stores]
    ids = [r.id for r in ledgers[0].record_many([PROMISE] * 60, customer="C-1", agent="bot")]
    barrier = threading.Barrier(2)
    wins: list[list[str]] = [[], []]
    losses: list[list[str]] = [[], []]

    def close(side: int) -> None:
        barrier.wait()
        for pid in ids:
            try:
                if side == 0:
                    ledgers[0].mark_kept(pid)
                else:
                    ledgers[1].mark_broken(pid, reason="courier lost it")
                wins[side].append(pid)
            except IllegalTransitionError:
                losses[side].append(pid)

    threads = [threading.Thread(target=close, args=(side,)) for side in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert sorted(wins[0] + wins[1]) == sorted(ids)
        assert sorted(losses[0] + losses[1]) == sorted(ids)
        for pid in ids:
            history = ledgers[0].history(pid)
            assert history[0].kind is EventKind.RECORDED
            assert len(history) == 2
            expected = PromiseStatus.KEPT if pid in wins[0] else PromiseStatus.BROKEN
            assert ledgers[0].get(pid).status is expected
    finally:
        for ledger in ledgers:
            ledger.close()


class OtherServerFirst:
    """A store whose first append is preceded by another server's change, on its own store."""

    def __init__(self, inner: PostgresStore, rival: PostgresStore, event: PromiseEvent) -> None:
        self.inner, self.rival, self.event = inner, rival, event

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def append(self, events: Sequence[PromiseEvent]) -> list[PromiseRecord]:
        if self.event is not None:
            event, self.event = self.event, None  # type: ignore[assignment]
            self.rival.append([event])
        return self.inner.append(events)


def test_stale_event_retry_works_across_connections(
    postgres_dsn: str, postgres_schema: str
) -> None:
    """A reschedule by another server first makes mark_kept read again and succeed."""
    with (
        PostgresStore(postgres_dsn, schema=postgres_schema, max_connections=1) as mine,
        PostgresStore(postgres_dsn, schema=postgres_schema, max_connections=1) as theirs,
    ):
        rec = PromiseLedger(mine).record(PROMISE, customer="C-1", agent="bot", made_at=NOW)
        rival = PromiseEvent(
            promise_id=rec.id, seq=2, at=NOW + timedelta(hours=1), kind=EventKind.RESCHEDULED,
            reason="customer away", data={"due": (NOW + timedelta(days=20)).isoformat(),
                                          "previous_due": PROMISE.due.isoformat()},  # type: ignore[union-attr]
        )  # fmt: skip
        ledger = PromiseLedger(
            OtherServerFirst(mine, theirs, rival),  # type: ignore[arg-type]
            clock=lambda: NOW + timedelta(days=2),
        )
        kept = ledger.mark_kept(rec.id)
        assert (kept.status, kept.version, kept.due) == (
            PromiseStatus.KEPT, 3, NOW + timedelta(days=20),
        )  # fmt: skip
        assert theirs.get(rec.id) == kept


# -- migrations ----------------------------------------------------------------------------


def _connect(dsn: str) -> Any:
    import psycopg

    return psycopg.connect(dsn, autocommit=True)


def test_an_older_schema_is_migrated(postgres_dsn: str, postgres_schema: str) -> None:
    """A schema at version 1 (no totals table) is taken to the current version on open."""
    with _connect(postgres_dsn) as conn:
        conn.execute(f"CREATE SCHEMA {postgres_schema}")
        conn.execute(f"SET search_path TO {postgres_schema}")
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute("INSERT INTO honestcs_meta VALUES ('schema_version', '1')")
        conn.execute(
            "INSERT INTO promises VALUES ('P-1', 'kept', 'C-1', 'bot', 'refund', 'x', "
            "'2026-12-01T09:00Z', '2026-12-02T09:00Z', '2026-12-02T09:00Z', "
            "'2026-12-03T09:00Z', NULL, 0, NULL, '{}', 2, '2026-12-03T09:00Z')"
        )
    with PostgresStore(postgres_dsn, schema=postgres_schema) as store:
        stats = PromiseLedger(store).stats(now=NOW)
        assert (stats.overall.made, stats.overall.kept, stats.overall.kept_on_time) == (1, 1, 0)
        assert stats.overall.median_lateness == timedelta(days=1)
        assert store.get("P-1").department is None  # schema 3 adds the column, empty
    with _connect(postgres_dsn) as conn:
        version = conn.execute(
            f"SELECT value FROM {postgres_schema}.honestcs_meta WHERE key = 'schema_version'"
        ).fetchone()
    assert version == (str(SCHEMA_VERSION),)


def test_a_newer_schema_is_refused(postgres_dsn: str, postgres_schema: str) -> None:
    """A schema written by a newer honestcs is not opened."""
    PostgresStore(postgres_dsn, schema=postgres_schema).close()
    with _connect(postgres_dsn) as conn:
        conn.execute(
            f"UPDATE {postgres_schema}.honestcs_meta SET value = '99' WHERE key = 'schema_version'"
        )
    with pytest.raises(
        StoreError, match=rf"schema 99, newer than this honestcs knows \(up to {SCHEMA_VERSION}\)"
    ):
        PostgresStore(postgres_dsn, schema=postgres_schema)


def test_another_applications_schema_is_refused(postgres_dsn: str, postgres_schema: str) -> None:
    """A schema holding other tables is never written to."""
    with _connect(postgres_dsn) as conn:
        conn.execute(f"CREATE SCHEMA {postgres_schema}")
        conn.execute(f"CREATE TABLE {postgres_schema}.invoices (id int)")
    with pytest.raises(StoreError, match=r"tables of another application \(invoices\)"):
        PostgresStore(postgres_dsn, schema=postgres_schema)


def test_no_store_without_create(postgres_dsn: str, postgres_schema: str) -> None:
    """With create=False, an empty schema is an error that says there is no store."""
    with pytest.raises(StoreError, match="no promise store here"):
        PostgresStore(postgres_dsn, schema=postgres_schema, create=False)


def test_two_servers_starting_at_once_migrate_once(postgres_dsn: str, postgres_schema: str) -> None:
    """Stores opened at the same moment on a new schema all open it (the migration is locked)."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def open_one() -> None:
        barrier.wait()
        try:
            PostgresStore(postgres_dsn, schema=postgres_schema).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# -- errors --------------------------------------------------------------------------------


def test_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    """A server that is not there gives a StoreError naming it, and never the password."""
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as caught:
        PostgresStore("postgresql://app:s3cret@127.0.0.1:1/ledger", timeout=2)
    message = str(caught.value)
    assert message.startswith("cannot connect to PostgreSQL app@127.0.0.1:1/ledger")
    assert "s3cret" not in message


def test_a_bad_schema_name_is_refused() -> None:
    """A schema name that would need quoting is refused before connecting."""
    pytest.importorskip("psycopg")
    with pytest.raises(ValueError, match="schema must be lower-case"):
        PostgresStore("postgresql://127.0.0.1:1/x", schema="Robert'); DROP")


def test_import_honestcs_works_without_psycopg() -> None:
    """Without psycopg, honestcs imports, and making a PostgresStore names the extra."""
    code = (
        "import sys; sys.modules['psycopg'] = None; sys.modules['psycopg_pool'] = None\n"
        "import honestcs\n"
        "from honestcs import *\n"
        "try:\n"
        "    honestcs.PostgresStore('postgresql://localhost/x')\n"
        "except honestcs.StoreError as exc:\n"
        "    print(exc)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == (
        "PostgresStore needs psycopg 3 and psycopg_pool (psycopg is not installed): "
        "pip install 'honestcs[postgres]'"
    )


# -- the command line ----------------------------------------------------------------------


@pytest.fixture
def default_schema(postgres_dsn: str) -> Any:
    """The schema a postgresql:// --db opens (``honestcs``), empty before and after the test."""
    import psycopg

    def drop() -> None:
        with psycopg.connect(postgres_dsn, autocommit=True) as conn:
            conn.execute("DROP SCHEMA IF EXISTS honestcs CASCADE")

    drop()
    yield
    drop()


def test_the_command_line_takes_a_postgres_url(
    postgres_dsn: str, default_schema: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--db postgresql://…`` opens the PostgresStore there, like a SQLite file."""
    from honestcs.cli import main

    with PromiseLedger(PostgresStore(postgres_dsn)) as ledger:
        rec = ledger.record(PROMISE, customer="C-7", agent="bot", made_at=NOW)
    assert main(["promises", "overdue", "--db", postgres_dsn, "--now", "2026-12-20T00:00Z"]) == 0
    assert capsys.readouterr().out.startswith(rec.id)


def test_the_command_line_names_an_unreachable_server(capsys: pytest.CaptureFixture[str]) -> None:
    """An unreachable server is one line on stderr and exit 2, without the password."""
    pytest.importorskip("psycopg")
    from honestcs.cli import main

    assert main(["promises", "list", "--db", "postgresql://app:pw@127.0.0.1:1/support"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("honestcs: error: cannot connect to PostgreSQL app@127.0.0.1:1/support")
    assert ":pw@" not in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("dsn", "described"),
    [
        ("postgresql://kim:secret@db.example:6432/ledger", "PostgreSQL kim@db.example:6432/ledger"),
        ("postgresql://kim@db.example/ledger", "PostgreSQL kim@db.example/ledger"),
        ("hostaddr=10.0.0.5 user=kim", "PostgreSQL kim@10.0.0.5/kim"),
        ("dbname=ledger", "PostgreSQL localhost/ledger"),
        ("", "PostgreSQL localhost/-"),
        ("host='unclosed", "PostgreSQL (an unreadable DSN)"),
    ],
    ids=["url", "no port", "hostaddr, no dbname", "dbname only", "empty", "unreadable"],
)
def test_messages_name_the_server_without_the_password(dsn: str, described: str) -> None:
    """A DSN is described as user@host:port/dbname, with libpq's defaults, never its password."""
    pytest.importorskip("psycopg")
    assert _describe(dsn) == described
