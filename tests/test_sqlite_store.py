"""SQLiteStore: schema and migrations, refusing bad files, durability and several writers."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from honestcs import (
    MemoryStore,
    Promise,
    PromiseLedger,
    PromiseStatus,
    SQLiteStore,
    StoreError,
)
from honestcs.promises.model import PromiseQuery
from honestcs.promises.transitions import replay
from honestcs.stores.sqlite import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from honestcs.stores.sqlite.store import _error

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def promise(text: str = "We'll call you back today.", due: datetime | None = T0 + DAY) -> Promise:
    return Promise(text, 0, len(text), clause="callback", due=due)


def fill(path: Path, n: int = 20) -> list[str]:
    """Record n promises, keep, break and reschedule some, and return their ids."""
    with PromiseLedger(SQLiteStore(path), clock=lambda: T0 + 9 * DAY) as ledger:
        ids = []
        for i in range(n):
            rec = ledger.record(
                promise(), customer=f"C-{i % 3}", agent=("alex", "bo")[i % 2], made_at=T0
            )
            ids.append(rec.id)
            if i % 4 == 0:
                ledger.mark_kept(rec.id, at=T0 + DAY + i * HOUR)
            elif i % 4 == 1:
                ledger.mark_broken(rec.id, reason="lost", at=T0 + HOUR)
            elif i % 4 == 2:
                ledger.reschedule(rec.id, T0 + 3 * DAY, reason="asked", at=T0 + HOUR)
        return ids


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# -- the file format ---------------------------------------------------------------


def test_a_new_file_is_marked_versioned_and_in_wal_mode(tmp_path: Path) -> None:
    """A new store sets application_id, user_version, WAL, and a format row."""
    path = tmp_path / "p.db"
    SQLiteStore(path).close()
    conn = raw(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM honestcs_meta WHERE key = 'format'").fetchone() == (
        "honestcs promise store",
    )
    conn.close()


def test_synchronous_is_normal_by_default_and_full_on_request(tmp_path: Path) -> None:
    """The durability setting is NORMAL (survives a killed process) unless FULL is asked for."""
    normal = SQLiteStore(tmp_path / "a.db")
    full = SQLiteStore(tmp_path / "b.db", synchronous="full")
    assert normal._conn is not None and full._conn is not None
    assert normal._conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert full._conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    normal.close()
    full.close()
    with pytest.raises(ValueError, match="synchronous"):
        SQLiteStore(tmp_path / "c.db", synchronous="sometimes")  # type: ignore[arg-type]


def test_overdue_reads_the_partial_index_of_open_promises(tmp_path: Path) -> None:
    """The overdue query is answered from the open-by-due index, not a table scan."""
    path = tmp_path / "p.db"
    SQLiteStore(path).close()
    conn = raw(path)
    plan = " ".join(
        row[3]
        for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM promises WHERE status = 'open' AND due < 5 "
            "ORDER BY due, id"
        )
    )
    assert "promises_open_by_due" in plan
    conn.close()


def downgrade_to_v1(path: Path) -> None:
    """Turn a current file into what schema 1 looked like (no totals, lateness or department)."""
    conn = raw(path)
    conn.executescript(
        """
        DROP TABLE totals;
        DROP INDEX promises_late;
        DROP INDEX promises_late_by_agent;
        DROP INDEX promises_late_by_clause;
        ALTER TABLE promises DROP COLUMN late_us;
        ALTER TABLE promises DROP COLUMN department;
        PRAGMA user_version = 1;
        """
    )
    conn.close()


def schema_of(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}


def test_migration_from_schema_1(tmp_path: Path) -> None:
    """A schema-1 file is upgraded on open, and its statistics come out the same."""
    path = tmp_path / "p.db"
    fill(path)
    with PromiseLedger(SQLiteStore(path)) as ledger:
        before = ledger.stats(now=T0 + 2 * DAY)
        records = ledger.find()
    downgrade_to_v1(path)

    reference = raw(tmp_path / "v1.db")  # what MIGRATIONS[0] alone creates
    for statement in MIGRATIONS[0]:
        reference.execute(statement)
    conn = raw(path)
    assert schema_of(conn) == schema_of(reference)
    conn.close()
    reference.close()

    with PromiseLedger(SQLiteStore(path)) as ledger:
        assert ledger.stats(now=T0 + 2 * DAY) == before
        assert ledger.find() == records
    conn = raw(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    """A file written by a newer honestcs is refused, naming both versions."""
    path = tmp_path / "p.db"
    SQLiteStore(path).close()
    conn = raw(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match=rf"schema {SCHEMA_VERSION + 5}, newer .*up to {SCHEMA_VERSION}"):  # fmt: skip  # noqa: E501
        SQLiteStore(path)


# -- files that are not stores ---------------------------------------------------------------


def test_a_corrupt_file_is_a_clear_store_error(tmp_path: Path) -> None:
    """Random bytes are refused with a StoreError naming the file, not a sqlite3 exception."""
    path = tmp_path / "junk.db"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(StoreError, match=r"junk\.db is not a SQLite database"):
        SQLiteStore(path)


def test_a_text_file_is_not_a_store(tmp_path: Path) -> None:
    """A file of another kind entirely is refused the same way."""
    path = tmp_path / "notes.txt"
    path.write_text("call Mrs Jones back about the sofa\n" * 200)
    with pytest.raises(StoreError, match="is not a SQLite database"):
        SQLiteStore(path)


def test_damage_inside_a_store_surfaces_as_store_error(tmp_path: Path) -> None:
    """A store damaged in the middle gives StoreError from any operation, never sqlite3.Error."""
    path = tmp_path / "p.db"
    with PromiseLedger(SQLiteStore(path)) as ledger:
        ledger.record_many([promise("x" * 300)] * 3000, customer="C-1", agent="alex", made_at=T0)
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 3)
        f.write(b"\xff" * (size // 3))
    operations: list[Callable[[SQLiteStore], object]] = [
        lambda s: s.check_integrity(),
        lambda s: list(s.iter_events()),
        lambda s: s.find(PromiseQuery()),
        lambda s: s.rebuild(),
    ]
    failures = 0
    for operation in operations:
        try:
            store = SQLiteStore(path)
        except StoreError:
            failures += 1
            continue
        try:
            operation(store)
        except StoreError as exc:
            assert str(path) in str(exc)
            failures += 1
        finally:
            store.close()
    assert failures >= 1  # at least the integrity check notices


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    """A SQLite database of another application is refused and left untouched."""
    path = tmp_path / "other.db"
    conn = raw(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another application, not an honestcs promise store"):
        SQLiteStore(path)
    assert path.read_bytes() == before


def test_a_file_with_another_application_id_is_refused(tmp_path: Path) -> None:
    """Even an empty database stamped by another application is refused."""
    path = tmp_path / "other.db"
    conn = raw(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    with pytest.raises(StoreError, match="another application"):
        SQLiteStore(path)


def test_missing_file_directory_and_parent(tmp_path: Path) -> None:
    """create=False on a missing file, a directory, or a missing parent give clear errors."""
    with pytest.raises(StoreError, match="does not exist"):
        SQLiteStore(tmp_path / "none.db", create=False)
    with pytest.raises(StoreError, match="is a directory"):
        SQLiteStore(tmp_path)
    with pytest.raises(StoreError, match="cannot open"):
        SQLiteStore(tmp_path / "no" / "such" / "dir.db")
    assert not (tmp_path / "none.db").exists()


# -- read-only and full ------------------------------------------------------------------


def test_a_read_only_file_can_be_read_but_not_written(tmp_path: Path) -> None:
    """A file without write permission opens read-only, even as root; writing is a StoreError."""
    path = tmp_path / "p.db"
    ids = fill(path, 8)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        store = SQLiteStore(path)
        ledger = PromiseLedger(store, clock=lambda: T0 + 9 * DAY)
        assert store.read_only
        assert ledger.get(ids[3]).id == ids[3]
        assert ledger.stats(now=T0).overall.made == 8
        with pytest.raises(StoreError, match=r"p\.db is read-only: cannot record"):
            ledger.record(promise(), customer="C-1", agent="alex")
        with pytest.raises(StoreError, match="is read-only"):
            ledger.mark_kept(ids[3])
        with pytest.raises(StoreError, match="is read-only"):
            store.rebuild()
        assert len(ledger.find()) == 8
        store.close()
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_mode_cannot_write_even_as_root(tmp_path: Path) -> None:
    """read_only=True opens with SQLite's mode=ro, which refuses writes whoever runs it."""
    path = tmp_path / "p.db"
    fill(path, 4)
    store = SQLiteStore(path, read_only=True)
    with pytest.raises(StoreError, match="is read-only"):
        PromiseLedger(store).record(promise(), customer="C-1", agent="alex")
    assert store._conn is not None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):  # the engine refuses too
        store._conn.execute("DELETE FROM events")
    assert repr(store) == f"<SQLiteStore {str(path)!r} read-only schema={SCHEMA_VERSION}>"
    store.close()


def test_a_read_only_file_that_needs_a_migration_is_refused(tmp_path: Path) -> None:
    """A read-only file at an old schema cannot be upgraded, and says so."""
    path = tmp_path / "p.db"
    fill(path, 2)
    downgrade_to_v1(path)
    with pytest.raises(StoreError, match="read-only and at schema 1"):
        SQLiteStore(path, read_only=True)


def test_a_full_disk_is_a_store_error_and_nothing_is_half_written(tmp_path: Path) -> None:
    """When the file cannot grow, the write fails with StoreError and the store is intact."""
    path = tmp_path / "p.db"
    store = SQLiteStore(path)
    ledger = PromiseLedger(store, clock=lambda: T0)
    ledger.record(promise(), customer="C-1", agent="alex")
    assert store._conn is not None
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # as full as a full disk
    with pytest.raises(StoreError, match="is full"):
        ledger.record_many([promise("y" * 500)] * 200, customer="C-2", agent="alex")
    assert len(ledger.find()) == 1
    assert ledger.counts()[PromiseStatus.OPEN] == 1
    store.close()


def test_a_write_lock_held_too_long_is_a_store_error(tmp_path: Path) -> None:
    """If another process holds the write lock past the timeout, the error says so."""
    path = tmp_path / "p.db"
    SQLiteStore(path).close()
    other = raw(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        store = SQLiteStore(path, timeout=0.1)
        with pytest.raises(StoreError, match=r"locked by another process: gave up after 0\.1 s"):
            PromiseLedger(store).record(promise(), customer="C-1", agent="alex")
        store.close()
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("SQLITE_READONLY_DBMOVED", "p.db is read-only: cannot record"),
        ("SQLITE_FULL", "p.db: cannot record: the disk (or the database's size limit) is full"),
        ("SQLITE_NOTADB",
         "p.db is not a SQLite database (it is corrupt, or another kind of file); cannot record"),
        ("SQLITE_CORRUPT_INDEX", "p.db is corrupt: cannot record (boom)"),
        ("SQLITE_BUSY_TIMEOUT",
         "p.db is locked by another process: gave up after 2.5 s trying to record"),
        ("SQLITE_LOCKED",
         "p.db is locked by another process: gave up after 2.5 s trying to record"),
        ("SQLITE_CANTOPEN_ISDIR",
         "cannot open p.db (does its directory exist and can it be written?)"),
        ("SQLITE_IOERR_WRITE", "p.db: an I/O error stopped it to record (boom)"),
        ("SQLITE_MISMATCH", "p.db: cannot record: boom"),
        (None, "p.db: cannot record: boom"),
    ],
)  # fmt: skip
def test_each_kind_of_sqlite_failure_is_a_store_error_saying_which(
    name: str | None, message: str
) -> None:
    """A SQLite error becomes a StoreError naming the file, the action and what went wrong."""
    exc = sqlite3.OperationalError("boom")
    if name is not None:
        exc.sqlite_errorname = name
    assert str(_error("p.db", "record", exc, 2.5)) == message


def test_the_repr_says_the_file_and_schema_and_only_read_only_when_it_is(tmp_path: Path) -> None:
    """A writable store's repr is its file and schema, with no mode."""
    with SQLiteStore(tmp_path / "p.db") as store:
        assert repr(store) == f"<SQLiteStore {str(tmp_path / 'p.db')!r} schema={SCHEMA_VERSION}>"


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    """Using a store after close is a StoreError, and closing twice is harmless."""
    store = SQLiteStore(tmp_path / "p.db")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.get("P-1")


# -- the log is the truth --------------------------------------------------------------------


def test_rebuild_repairs_a_tampered_projection(tmp_path: Path) -> None:
    """After the derived tables are changed behind its back, rebuild restores them from the log."""
    path = tmp_path / "p.db"
    ids = fill(path)
    with PromiseLedger(SQLiteStore(path)) as ledger:
        before = ledger.find()
        stats = ledger.stats(now=T0 + 2 * DAY)
    conn = raw(path)
    conn.execute("UPDATE promises SET status = 'kept', due = NULL")
    conn.execute("UPDATE totals SET kept = 999")
    conn.execute("DELETE FROM promises WHERE id = ?", (ids[0],))
    conn.close()
    store = SQLiteStore(path)
    assert store.rebuild() == len(ids)
    assert store.find(PromiseQuery()) == before
    assert PromiseLedger(store).stats(now=T0 + 2 * DAY) == stats
    assert all(r == replay(store.history(r.id)) for r in before)
    store.check_integrity()
    store.close()


def test_import_into_an_empty_store_rebuilds_its_indexes(tmp_path: Path) -> None:
    """The bulk import drops and recreates the secondary indexes: the schema ends as it began."""
    fill(tmp_path / "source.db")
    target = tmp_path / "target.db"
    SQLiteStore(target).close()
    conn = raw(target)
    before = schema_of(conn)
    conn.close()
    with SQLiteStore(tmp_path / "source.db") as source, SQLiteStore(target) as store:
        assert store.import_events(source.iter_events()) == 20
        assert store.find(PromiseQuery()) == source.find(PromiseQuery())
        store.check_integrity()
    conn = raw(target)
    assert schema_of(conn) == before
    conn.close()


def test_sqlite_and_memory_agree(tmp_path: Path) -> None:
    """The same operations on SQLite and in memory give the same records."""
    fill(tmp_path / "p.db")
    sqlite_store = SQLiteStore(tmp_path / "p.db")
    memory = MemoryStore()
    memory.append(list(sqlite_store.iter_events()))
    assert memory.find(PromiseQuery()) == sqlite_store.find(PromiseQuery())
    sqlite_store.close()


# -- processes -------------------------------------------------------------------------------

RECORD_FOREVER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, UTC
    from honestcs import Promise, PromiseLedger, SQLiteStore
    t0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
    ledger = PromiseLedger(SQLiteStore(sys.argv[1]), clock=lambda: t0)
    promise = Promise("We'll call you back today.", 0, 26, clause="callback", due=t0)
    while True:
        record = ledger.record(promise, customer="C-1", agent="bot")
        print(record.id, flush=True)
    """
)


def test_every_acknowledged_promise_survives_kill_9(tmp_path: Path) -> None:
    """A writer killed with SIGKILL mid-loop loses nothing it had acknowledged."""
    path = tmp_path / "p.db"
    SQLiteStore(path).close()
    errors = tmp_path / "stderr.txt"
    lines: list[str] = []
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-c", RECORD_FOREVER, str(path)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as proc,
    ):
        reader = threading.Thread(target=lambda: lines.extend(proc.stdout or []), daemon=True)
        reader.start()
        deadline = time.monotonic() + 20
        while not lines and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
        assert lines, f"the writer never acknowledged anything: {errors.read_text()}"
        time.sleep(0.5)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        reader.join(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    acknowledged = [line.strip() for line in lines if line.endswith("\n")]
    assert len(acknowledged) > 50
    store = SQLiteStore(path)
    stored = {r.id for r in store.find(PromiseQuery())}
    assert set(acknowledged) <= stored
    assert len(stored) - len(acknowledged) <= 1  # at most the one committed but not yet printed
    assert store.counts()[PromiseStatus.OPEN] == len(stored)
    store.check_integrity()
    store.close()


WRITE_250 = textwrap.dedent(
    """
    import sys
    from datetime import datetime, UTC
    from honestcs import Promise, PromiseLedger, SQLiteStore
    t0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
    ledger = PromiseLedger(SQLiteStore(sys.argv[1]), clock=lambda: t0)
    promise = Promise("We'll refund you by Friday.", 0, 27, clause="refund", due=t0)
    agent = sys.argv[2]
    for i in range(250):
        record = ledger.record(promise, customer=f"C-{i}", agent=agent, key=f"{agent}-{i}")
        if i % 5 == 0:
            ledger.mark_kept(record.id)
    """
)


def test_many_opening_one_new_file_at_once_all_get_the_store(tmp_path: Path) -> None:
    """Eight connections creating one new file at the same moment all open it.

    Two races once broke this: a header read in three statements saw another opener's
    half-made store ("a database of another application"), and openers all turning the
    file to WAL at once waited on each other until the timeout.
    """
    failures: list[str] = []
    for round_ in range(40):
        path = tmp_path / f"p{round_}.db"
        barrier = threading.Barrier(8)

        def open_it(path: Path = path, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            try:
                SQLiteStore(path, timeout=5).close()
            except StoreError as exc:
                failures.append(str(exc))

        threads = [threading.Thread(target=open_it) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    with SQLiteStore(tmp_path / "p0.db") as store:
        assert store._conn is not None
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_four_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    """Four processes recording 250 promises each into a new file leave all 1,000 there."""
    path = tmp_path / "p.db"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITE_250, str(path), f"agent-{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    # Wait for all before judging any, so that no pipe is left open by a failure.
    errors = [proc.communicate(timeout=120)[1] for proc in procs]
    assert [err for proc, err in zip(procs, errors, strict=True) if proc.returncode != 0] == []
    with PromiseLedger(SQLiteStore(path)) as ledger:
        records = ledger.find()
        assert len(records) == 1000
        assert len({r.id for r in records}) == 1000
        assert {r.key for r in records} == {f"agent-{n}-{i}" for n in range(4) for i in range(250)}
        stats = ledger.stats(now=T0)
        assert (stats.overall.made, stats.overall.kept, stats.overall.open) == (1000, 200, 800)
        assert {agent: row.made for agent, row in stats.by_agent.items()} == {
            f"agent-{n}": 250 for n in range(4)
        }
        assert ledger.store.rebuild() == 1000  # type: ignore[attr-defined]
        assert ledger.stats(now=T0) == stats
