# Over 500 lines: one class, SQLiteStore, whose methods each hold one transaction.
"""The embedded default store: one SQLite file, safe for several processes at once.

Durability
----------
Every write is one ``BEGIN IMMEDIATE`` transaction, and a method returns only
after its ``COMMIT``: what the ledger acknowledged is in the file. The file is
in WAL mode with ``synchronous=NORMAL`` by default: a commit is written to the
write-ahead log before ``COMMIT`` returns, so it survives the process being
killed (``kill -9``, a crash, an exception anywhere). What NORMAL gives up is
only the ``fsync`` per commit, so the last few commits can be lost if the
*machine* loses power or the OS crashes. Pass ``synchronous="full"`` to fsync
every commit when that matters more than write speed (expect roughly ten to a
hundred times fewer writes per second, depending on the disk).

Several processes may write at once: ``BEGIN IMMEDIATE`` takes the write lock
at the start of each transaction and waits up to ``timeout`` seconds for it,
and WAL lets readers go on while one process writes.

Layout
------
* ``events``: the append-only log, the truth. Never updated or deleted.
* ``promises``: the current state of each promise, derived from the log and
  written in the same transaction as each event; :meth:`SQLiteStore.rebuild`
  recomputes it from the log.
* ``totals``: running counts per (agent, clause), updated in the same
  transaction, so :meth:`SQLiteStore.stats` over a million promises reads a
  few rows instead of a million. Overdue counts (which depend on "now") come
  from a partial index of open promises by due time, and median lateness from
  a partial index of the promises kept late.
* ``honestcs_meta`` plus ``PRAGMA application_id`` mark the file as a promise
  store; ``PRAGMA user_version`` is the schema version, and
  :data:`MIGRATIONS` takes an older file to the current one.

Times are stored as integer microseconds since 1970-01-01 UTC.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal

import attrs

from honestcs.exceptions import PromiseNotFoundError, StoreError
from honestcs.promises.model import (
    PromiseEvent,
    PromiseQuery,
    PromiseRecord,
    PromiseStatus,
)
from honestcs.promises.stats import LedgerStats, median_of_sorted
from honestcs.promises.transitions import fold_histories
from honestcs.stores import _checked as checked
from honestcs.stores.sqlite._fold import fold_events, total_deltas
from honestcs.stores.sqlite._rows import (
    _event,
    _event_row,
    _late_us,
    _record,
    _record_row,
    _replayed,
    _us,
    _us_or_none,
)
from honestcs.stores.sqlite._schema import (
    _ADD_TOTALS,
    _EVENT_COLUMNS,
    _FORMAT,
    _INSERT_EVENT,
    _INSERT_RECORD,
    _RECORD_COLUMNS,
    _TOTAL_COLUMNS,
    _TOTALS_FROM_PROMISES,
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
)
from honestcs.stores.sqlite._stats import (
    _TOTAL_CHECKS,
    _assemble,
    _Groups,
    _Median,
    _require_plain,
    _require_whole,
)

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "SQLiteStore"]

#: How long one try to turn a new file to WAL waits for other processes, in milliseconds.
_WAL_TRY_MS: Final = 20


def _error(path: str, action: str, exc: sqlite3.Error, timeout: float) -> StoreError:
    """A :class:`StoreError` that says which file, what was being done, and what went wrong."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_READONLY"):
        return StoreError(f"{path} is read-only: cannot {action}")
    if name == "SQLITE_FULL":
        return StoreError(
            f"{path}: cannot {action}: the disk (or the database's size limit) is full"
        )
    if name == "SQLITE_NOTADB":
        return StoreError(
            f"{path} is not a SQLite database (it is corrupt, or another kind of file); "
            f"cannot {action}"
        )
    if name.startswith("SQLITE_CORRUPT"):
        return StoreError(f"{path} is corrupt: cannot {action} ({exc})")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreError(
            f"{path} is locked by another process: gave up after {timeout:g} s trying to {action}"
        )
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(f"cannot open {path} (does its directory exist and can it be written?)")
    if name.startswith("SQLITE_IOERR"):
        return StoreError(f"{path}: an I/O error stopped it to {action} ({exc})")
    return StoreError(f"{path}: cannot {action}: {exc}")


@attrs.define(repr=False)
class SQLiteStore:
    """A :class:`~honestcs.stores.PromiseStore` in one SQLite file (see the module notes).

    Args:
        path: The file; created (with its schema) when missing, unless ``create`` is false.
            ``":memory:"`` gives a private in-memory database.
        read_only: Open for reading only; every write raises :class:`StoreError`.
            A file without write permission is opened read-only whatever this says.
        create: Create the file when it does not exist (otherwise :class:`StoreError`).
        timeout: Seconds to wait for another process's write lock before giving up.
        synchronous: ``"normal"`` (survives a killed process; the default) or
            ``"full"`` (also survives power loss, at a cost in write speed).

    Raises:
        StoreError: The file is corrupt, is not a SQLite file, belongs to another
            application, was written by a newer honestcs, or cannot be opened.
    """

    path: str = attrs.field(converter=os.fspath)
    read_only: bool = attrs.field(default=False, kw_only=True)
    create: bool = attrs.field(default=True, kw_only=True)
    timeout: float = attrs.field(default=30.0, kw_only=True)
    synchronous: Literal["normal", "full"] = attrs.field(default="normal", kw_only=True)
    _conn: sqlite3.Connection | None = attrs.field(default=None, init=False)
    _lock: threading.RLock = attrs.field(factory=threading.RLock, init=False)

    def __attrs_post_init__(self) -> None:
        if self.synchronous not in ("normal", "full"):
            raise ValueError(f"synchronous must be 'normal' or 'full', not {self.synchronous!r}")
        self._conn = self._connect()
        try:
            self._prepare(self._conn)
        except BaseException:
            self._conn.close()
            self._conn = None
            raise

    def __repr__(self) -> str:
        mode = " read-only" if self.read_only else ""
        return f"<SQLiteStore {self.path!r}{mode} schema={SCHEMA_VERSION}>"

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- opening ------------------------------------------------------------

    @property
    def _in_memory(self) -> bool:
        return self.path == ":memory:"

    def _connect(self) -> sqlite3.Connection:
        file = Path(self.path)
        if not self._in_memory:
            if not file.exists():
                if not self.create or self.read_only:
                    raise StoreError(
                        f"{self.path}: no promise store here (the file does not exist)"
                    )
            elif file.is_dir():
                raise StoreError(f"{self.path} is a directory, not a promise store")
            elif not file.stat().st_mode & 0o222 or not os.access(file, os.W_OK):
                # Honour a file marked read-only even when running as root, who may write anyway.
                self.read_only = True
        if self._in_memory:
            target, uri = ":memory:", False
        else:
            mode = "ro" if self.read_only else "rwc"
            target, uri = f"{file.absolute().as_uri()}?mode={mode}", True
        try:
            return sqlite3.connect(
                target,
                uri=uri,
                timeout=self.timeout,
                isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE … COMMIT
                check_same_thread=False,  # guarded by self._lock instead
            )
        except sqlite3.Error as exc:
            raise _error(self.path, "open it", exc, self.timeout) from exc

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _error(self.path, action, exc, self.timeout) from exc

    def _header(self, conn: sqlite3.Connection) -> tuple[int, int, int]:
        # One read transaction: another process creating the store between two of these
        # reads would otherwise show a half-made header ("tables, but no application id").
        started = not conn.in_transaction
        if started:
            conn.execute("BEGIN")
        try:
            application_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            if started:
                conn.execute("COMMIT")
        return application_id, version, tables

    def _use_wal(self, conn: sqlite3.Connection) -> None:
        """Switch the file to write-ahead logging, waiting out other processes doing the same.

        Turning a new file to WAL takes an exclusive lock. Processes opening one new file
        at once can each hold a shared lock while waiting for the exclusive one, and then
        SQLite's own wait never ends well. So each try waits only briefly, lets its shared
        lock go, and tries again until ``timeout``.
        """
        deadline = time.monotonic() + self.timeout
        conn.execute(f"PRAGMA busy_timeout = {_WAL_TRY_MS}")
        try:
            while True:
                try:
                    conn.execute("PRAGMA journal_mode = WAL")  # persistent; a no-op once set
                    return
                except sqlite3.OperationalError as exc:
                    name = getattr(exc, "sqlite_errorname", "") or ""
                    if not name.startswith("SQLITE_BUSY") or time.monotonic() >= deadline:
                        raise
                time.sleep(_WAL_TRY_MS / 1000)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {round(self.timeout * 1000)}")

    def _check_header(self, application_id: int, version: int, tables: int) -> bool:
        """Whether the file is a fresh one; raises if it is not a store this code can use."""
        fresh = application_id == 0 and version == 0 and tables == 0
        if not fresh and application_id != APPLICATION_ID:
            raise StoreError(
                f"{self.path} is a SQLite database of another application, "
                "not an honestcs promise store; refusing to touch it"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has promise-store schema {version}, newer than this "
                f"honestcs knows (up to {SCHEMA_VERSION}); upgrade honestcs to open it"
            )
        return fresh

    def _prepare(self, conn: sqlite3.Connection) -> None:
        with self._guard("read its header"):
            application_id, version, tables = self._header(conn)
        self._check_header(application_id, version, tables)
        if version == SCHEMA_VERSION:
            with self._guard("check its format"):
                row = conn.execute(
                    "SELECT value FROM honestcs_meta WHERE key = 'format'"
                ).fetchone()
            if row is None or row[0] != _FORMAT:
                raise StoreError(f"{self.path} is not an honestcs promise store (no format mark)")
        if self.read_only:
            if version < SCHEMA_VERSION:
                state = "empty" if version == 0 else f"at schema {version}"
                raise StoreError(
                    f"{self.path} is read-only and {state}; it needs schema {SCHEMA_VERSION}, "
                    "which only a writable file can be upgraded to"
                )
        else:
            with self._guard("set it up"):
                if not self._in_memory:
                    self._use_wal(conn)
                conn.execute(f"PRAGMA synchronous = {self.synchronous.upper()}")
        with self._guard("set it up"):
            conn.execute("PRAGMA cache_size = -32768")  # 32 MiB: the indexes stats() reads
            # Checkpoint (copy the WAL into the file, with two fsyncs) every ~40 MB rather
            # than every 4 MB: single-promise writes ran about 1.5 times faster when measured.
            # Durability is the same (a commit is in the WAL either way); the WAL file is
            # cut back to 64 MB after a checkpoint.
            conn.execute("PRAGMA wal_autocheckpoint = 10000")
            conn.execute("PRAGMA journal_size_limit = 67108864")
        if version < SCHEMA_VERSION:
            self._migrate(conn, SCHEMA_VERSION)

    def _migrate(self, conn: sqlite3.Connection, target: int) -> None:
        with self._transaction(f"upgrade it to schema {target}", write=True, conn=conn):
            # Read again under the write lock: another process may have just done it.
            application_id, version, tables = self._header(conn)
            if self._check_header(application_id, version, tables):
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for step in MIGRATIONS[version:target]:
                for statement in step:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {max(version, target)}")

    # -- transactions ---------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(
        self, action: str, *, write: bool, conn: sqlite3.Connection | None = None
    ) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` for writes, a consistent snapshot for reads."""
        if write and self.read_only:
            raise StoreError(f"{self.path} is read-only: cannot {action}")
        with self._lock:
            conn = conn or self._conn
            if conn is None:
                raise StoreError(f"{self.path}: the store is closed; cannot {action}")
            try:
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield conn
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        with contextlib.suppress(sqlite3.Error):
                            conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise _error(self.path, action, exc, self.timeout) from exc

    # -- the protocol -----------------------------------------------------------

    def append(self, events: Sequence[PromiseEvent]) -> list[PromiseRecord]:
        """Append events and update their records in one transaction; see :class:`PromiseStore`."""
        if not events:
            return []
        with self._transaction("record promise changes", write=True) as conn:
            folded = fold_events(
                events,
                stored_by_id=lambda pid: self._select(conn, pid),
                stored_by_key=lambda key: self._by_key(conn, key),
            )
            try:
                conn.executemany(_INSERT_EVENT, [_event_row(e) for e in folded.applied])
            except sqlite3.IntegrityError:
                raise StoreError(
                    f"{self.path}: cannot record promise changes: a promise with one of "
                    "these ids is already stored"
                ) from None
            pending, before = folded.pending, folded.before
            created = [record for pid, record in pending.items() if before[pid] is None]
            changed = [record for pid, record in pending.items() if before[pid] is not None]
            if created:
                self._insert_records(conn, [_record_row(record) for record in created])
            if changed:
                conn.executemany(_UPDATE_RECORD, [_updated_row(r) for r in changed])
            self._add_totals(conn, total_deltas(pending, before))
            return folded.out

    def _add_totals(
        self, conn: sqlite3.Connection, deltas: Mapping[tuple[str, str], Sequence[int]]
    ) -> None:
        conn.executemany(
            _ADD_TOTALS,
            [(agent, clause, *delta) for (agent, clause), delta in deltas.items() if any(delta)],
        )

    def _select(self, conn: sqlite3.Connection, promise_id: str) -> PromiseRecord | None:
        row = conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM promises WHERE id = ?", (promise_id,)
        ).fetchone()
        return None if row is None else _record(row, self.path)

    def _by_key(self, conn: sqlite3.Connection, key: str) -> PromiseRecord | None:
        row = conn.execute(
            f"SELECT {_RECORD_COLUMNS} FROM promises WHERE key = ?", (key,)
        ).fetchone()
        return None if row is None else _record(row, self.path)

    def get(self, promise_id: str) -> PromiseRecord:
        """The current record of one promise; see :class:`PromiseStore`."""
        with self._transaction("read a promise", write=False) as conn:
            record = self._select(conn, promise_id)
        if record is None:
            raise PromiseNotFoundError(f"no promise with id {promise_id!r}")
        return record

    def history(self, promise_id: str) -> list[PromiseEvent]:
        """The events of one promise, oldest first; see :class:`PromiseStore`."""
        with self._transaction("read a promise's history", write=False) as conn:
            rows = conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE promise_id = ? ORDER BY seq",
                (promise_id,),
            ).fetchall()
        if not rows:
            raise PromiseNotFoundError(f"no promise with id {promise_id!r}")
        return [_event(row, self.path) for row in rows]

    def find(self, query: PromiseQuery) -> list[PromiseRecord]:
        """The matching records in the query's order; see :class:`PromiseStore`."""
        where: list[str] = []
        params: list[Any] = []
        if query.status is not None:
            # A literal, not a parameter, so the partial index of open promises applies.
            where.append(f"status = '{query.status.value}'")
        for column in ("customer", "agent", "clause"):
            value = getattr(query, column)
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        bounds = (
            ("due >= ?", query.due_from),
            ("due < ?", query.due_before),
            ("made_at >= ?", query.made_since),
            ("made_at < ?", query.made_until),
        )
        for condition, bound in bounds:
            if bound is not None:
                where.append(condition)
                params.append(_us(bound))
        sql = f"SELECT {_RECORD_COLUMNS} FROM promises"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if query.order == "made":
            sql += " ORDER BY made_at, id"
        elif query.due_from is not None or query.due_before is not None:
            sql += " ORDER BY due, id"  # every match has a due time
        else:
            sql += " ORDER BY due IS NULL, due, id"
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        with self._transaction("find promises", write=False) as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_record(row, self.path) for row in rows]

    def counts(self) -> Mapping[PromiseStatus, int]:
        """How many promises are in each state (from the running totals)."""
        with self._transaction("count promises", write=False) as conn:
            row = conn.execute(
                "SELECT sum(open), sum(kept), sum(broken), sum(cancelled) FROM totals"
            ).fetchone()
            if not all(value is None or type(value) is int for value in row):
                # SQLite sums text as 0.0: something not a count is in a column of counts.
                raise self._first_bad_row(conn, TypeError("a count is not a whole number"))
        statuses = (
            PromiseStatus.OPEN, PromiseStatus.KEPT, PromiseStatus.BROKEN, PromiseStatus.CANCELLED
        )  # fmt: skip
        return {status: value or 0 for status, value in zip(statuses, row, strict=True)}

    def stats(
        self, *, since: datetime | None, until: datetime | None, now: datetime
    ) -> LedgerStats:
        """Statistics of the promises made in ``[since, until)``; see :class:`PromiseStore`.

        Over the whole ledger this reads the running totals, the overdue range
        of the open-by-due index and the middle of the lateness indexes, so it
        does not grow with the number of closed promises. A narrower window
        is one aggregate query over the promises made in it.
        """
        with self._transaction("compute statistics", write=False) as conn:
            try:
                return self._stats(conn, since=since, until=until, now=now)
            except (TypeError, ValueError, KeyError, OverflowError) as exc:
                raise self._first_bad_row(conn, exc) from None

    def _stats(
        self,
        conn: sqlite3.Connection,
        *,
        since: datetime | None,
        until: datetime | None,
        now: datetime,
    ) -> LedgerStats:
        if since is not None or until is not None:
            first, last = conn.execute("SELECT min(made_at), max(made_at) FROM promises").fetchone()
            whole = first is None or (
                (since is None or _us(since) <= first) and (until is None or last < _us(until))
            )
            if not whole:
                groups, median = self._window(conn, since=since, until=until, now=now)
                return _assemble(groups, median, since=since, until=until, now=now)
        groups, median = self._everything(conn, now=now)
        return _assemble(groups, median, since=since, until=until, now=now)

    def _first_bad_row(self, conn: sqlite3.Connection, exc: Exception) -> StoreError:
        """The row that stopped :meth:`stats`, found by reading every row the statistics use."""
        for row in conn.execute(f"SELECT agent, clause, {', '.join(_TOTAL_COLUMNS)} FROM totals"):
            if any(column.check(value) for column, value in zip(_TOTAL_CHECKS, row, strict=True)):
                return checked.bad_row(self.path, "totals", (row[0], row[1]), row, _TOTAL_CHECKS)
        late_check = checked.optional(checked.count)
        for *row, late in conn.execute(f"SELECT {_RECORD_COLUMNS}, late_us FROM promises"):
            try:
                _record(row, self.path)
            except StoreError as found:
                return found
            problem = late_check(late)
            if problem is not None:
                return checked.bad_value(self.path, "promises", row[0], "late_us", problem)
        return StoreError(f"{self.path}: cannot compute statistics: {exc}")

    def _everything(self, conn: sqlite3.Connection, *, now: datetime) -> tuple[_Groups, _Median]:
        """Groups from the running totals; medians from the middle of the lateness indexes."""
        overdue = {
            (agent, clause or ""): count
            for agent, clause, count in conn.execute(
                "SELECT agent, clause, count(*) FROM promises "
                "WHERE status = 'open' AND due < ? GROUP BY agent, clause",
                (_us(now),),
            )
        }
        groups = [
            (agent, clause or None, counts, overdue.get((agent, clause), 0))
            for agent, clause, *counts in conn.execute(
                f"SELECT agent, clause, {', '.join(_TOTAL_COLUMNS)} FROM totals WHERE made > 0"
            )
        ]
        _require_plain(groups)

        def median(column: str | None, value: str | None, count: int) -> timedelta | None:
            if not count:
                return None
            params: tuple[str, ...] = ()
            if column is None:
                where = ""
            elif value is None:
                where = f"{column} IS NULL AND"
            else:
                where, params = f"{column} = ? AND", (value,)
            values = [
                late
                for (late,) in conn.execute(
                    f"SELECT late_us FROM promises WHERE {where} late_us IS NOT NULL "
                    "ORDER BY late_us LIMIT 2 OFFSET ?",
                    (*params, (count - 1) // 2),
                )
            ]
            _require_whole(values)
            return median_of_sorted(values if count % 2 == 0 else values[:1])

        return groups, median

    def _window(
        self,
        conn: sqlite3.Connection,
        *,
        since: datetime | None,
        until: datetime | None,
        now: datetime,
    ) -> tuple[_Groups, _Median]:
        """Groups and medians of the promises made in a window, by one scan of that window."""
        window = (
            -(2**62) if since is None else _us(since),
            2**62 if until is None else _us(until),
        )
        groups = [
            (agent, clause or None, counts[:-1], counts[-1])
            for agent, clause, *counts in conn.execute(
                """SELECT agent, coalesce(clause, ''), count(*),
                       sum(status = 'open'), sum(status = 'kept'),
                       sum(status = 'kept' AND late_us IS NULL),
                       sum(status = 'broken'), sum(status = 'cancelled'),
                       sum(reschedules > 0), sum(late_us IS NOT NULL),
                       sum(status = 'open' AND due IS NOT NULL AND due < ?)
                   FROM promises WHERE made_at >= ? AND made_at < ?
                   GROUP BY agent, coalesce(clause, '')""",
                (_us(now), *window),
            )
        ]
        _require_plain(groups)
        late: dict[tuple[str | None, str | None], list[int]] = {}
        for agent, clause, value in conn.execute(
            "SELECT agent, clause, late_us FROM promises "
            "WHERE made_at >= ? AND made_at < ? AND late_us IS NOT NULL",
            window,
        ):
            for group in ((None, None), ("agent", agent), ("clause", clause)):
                late.setdefault(group, []).append(value)
        for values in late.values():
            _require_whole(values)
            values.sort()

        def median(column: str | None, value: str | None, count: int) -> timedelta | None:
            return median_of_sorted(late.get((column, value), []))

        return groups, median

    def iter_events(self, *, chunk: int = 5000) -> Iterator[PromiseEvent]:
        """Every event, grouped by promise in id order, each promise's in seq order.

        Reads ``chunk`` events per transaction, so writers are not held up.
        """
        after: tuple[str, int] = ("", 0)
        while True:
            with self._transaction("read the event log", write=False) as conn:
                rows = conn.execute(
                    f"SELECT {_EVENT_COLUMNS} FROM events WHERE (promise_id, seq) > (?, ?) "
                    "ORDER BY promise_id, seq LIMIT ?",
                    (*after, chunk),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _event(row, self.path)
            after = (rows[-1][0], rows[-1][1])

    def close(self) -> None:
        """Close the connection (WAL is checkpointed when the last one closes)."""
        with self._lock:
            if self._conn is not None:
                with self._guard("close it"):
                    self._conn.close()
                self._conn = None

    # -- maintenance --------------------------------------------------------------

    def rebuild(self) -> int:
        """Recompute the ``promises`` and ``totals`` tables from the event log.

        The log is the truth; run this if the derived tables are ever in doubt.

        Returns:
            How many promises there are.
        """
        with self._transaction("rebuild the promise table", write=True) as conn:
            conn.execute("DELETE FROM promises")
            conn.execute("DELETE FROM totals")
            cursor = conn.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY promise_id, seq")
            batch: list[tuple[Any, ...]] = []
            record: PromiseRecord | None = None
            count = 0
            for row in cursor:
                event = _event(row, self.path)
                if record is not None and record.id != event.promise_id:
                    batch.append(_record_row(record))
                    record = None
                record = _replayed(self.path, record, event)
                if len(batch) >= 10_000:
                    count += self._insert_records(conn, batch)
                    batch = []
            if record is not None:
                batch.append(_record_row(record))
            count += self._insert_records(conn, batch)
            conn.execute(_TOTALS_FROM_PROMISES)
        return count

    def import_events(self, events: Iterable[PromiseEvent], *, batch: int = 20_000) -> int:
        """Load whole histories of promises new to this store, fast, in one transaction.

        For restoring an exported log, moving a ledger from another store
        (``store.import_events(other.iter_events())``) or building a big test
        ledger. Every history is folded with :func:`~honestcs.promises.transitions.apply_event`,
        so an illegal one is refused like any other write. Into an empty store
        the secondary indexes are dropped and rebuilt afterwards, which is much
        faster than keeping them up to date row by row. Either everything is
        imported or nothing is; the write-ahead log grows to about the size of
        what is imported until the next checkpoint.

        Args:
            events: Events grouped by promise, each promise's in seq order from
                its recording (the order :meth:`iter_events` gives).
            batch: Rows handed to SQLite at a time (bounds the memory used).

        Returns:
            How many promises were imported.

        Raises:
            StoreError: A promise's id or key is already stored, the history of
                a promise is not contiguous, or the store cannot be written.
            IllegalTransitionError: A history makes an illegal move.
        """
        with self._transaction("import promises", write=True) as conn:
            empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM promises)").fetchone()[0]
            rebuild_later = _drop_secondary_indexes(conn) if empty else []
            count = self._import_histories(conn, events, batch)
            for sql in rebuild_later:
                conn.execute(sql)
            conn.execute("DELETE FROM totals")
            conn.execute(_TOTALS_FROM_PROMISES)
        return count

    def _import_histories(
        self, conn: sqlite3.Connection, events: Iterable[PromiseEvent], batch: int
    ) -> int:
        """Fold and insert the histories of ``events``, ``batch`` rows at a time; how many."""
        event_rows: list[tuple[Any, ...]] = []
        record_rows: list[tuple[Any, ...]] = []
        count = 0
        for item in fold_histories(events, str(self.path)):
            if isinstance(item, PromiseRecord):
                record_rows.append(_record_row(item))
                count += 1
                continue
            event_rows.append(_event_row(item))
            if len(event_rows) >= batch:
                self._insert_imported(conn, event_rows, record_rows)
        self._insert_imported(conn, event_rows, record_rows)
        return count

    def _insert_imported(
        self,
        conn: sqlite3.Connection,
        event_rows: list[tuple[Any, ...]],
        record_rows: list[tuple[Any, ...]],
    ) -> None:
        """Insert a batch of imported rows, then empty the lists for the next."""
        try:
            conn.executemany(_INSERT_EVENT, event_rows)
            self._insert_records(conn, record_rows)
        except sqlite3.IntegrityError as exc:
            raise StoreError(
                f"{self.path}: cannot import promises: {exc} (already stored?)"
            ) from None
        event_rows.clear()
        record_rows.clear()

    def check_integrity(self) -> None:
        """Read every page of the file and check its structure (slow on a large file).

        Raises:
            StoreError: The file is damaged; the message lists the first problems found.
        """
        with self._transaction("check its integrity", write=False) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise StoreError(f"{self.path} is corrupt: " + "; ".join(problems))

    def _insert_records(self, conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> int:
        conn.executemany(_INSERT_RECORD, rows)
        return len(rows)


_UPDATE_RECORD = (
    "UPDATE promises SET status = ?, due = ?, closed_at = ?, reason = ?, "
    "reschedules = ?, version = ?, updated_at = ?, late_us = ? WHERE id = ?"
)


def _drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the indexes of the promises table an import can rebuild; the SQL to rebuild them.

    The index on keys stays: an import must still refuse a key that is already stored.
    """
    dropped: list[str] = []
    for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'promises' AND sql IS NOT NULL AND name != 'promises_by_key'"
    ).fetchall():
        conn.execute(f'DROP INDEX "{name}"')
        dropped.append(sql)
    return dropped


def _updated_row(r: PromiseRecord) -> tuple[Any, ...]:
    """The values of :data:`_UPDATE_RECORD` for a changed record."""
    return (
        r.status.value,
        _us_or_none(r.due),
        _us_or_none(r.closed_at),
        r.reason,
        r.reschedules,
        r.version,
        _us_or_none(r.updated_at),
        _late_us(r),
        r.id,
    )
