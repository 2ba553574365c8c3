"""A promise store in PostgreSQL, shared by several app servers (extra ``honestcs[postgres]``).

``PostgresStore(dsn)`` keeps the same event log and current-state projection as
:class:`~honestcs.SQLiteStore`, in a PostgreSQL schema of its own (``honestcs`` by
default), and passes the same contract suite. It needs psycopg 3 and psycopg_pool
(``pip install 'honestcs[postgres]'``); they are imported when a store is made, so
``import honestcs`` works without them.

Several writers at once
-----------------------
Every write is one transaction. Before it decides anything, :meth:`PostgresStore.append`
locks the rows of the promises it changes (``SELECT … FOR UPDATE``, in id order, so two
writers never wait on each other in a circle); the update then names the version it
read (``WHERE id = … AND version = …``). So two servers can never both close one
promise: the second waits for the first to commit, then finds the promise at a newer
version and raises :class:`~honestcs.stores.StaleEventError`; the ledger reads it
again, and refuses the move (kept -> broken is illegal) or retries a legal one.

An idempotency key is unique in the table. When two servers record the same key at
once, the second's insert waits for the first to commit and then fails; the store
runs its transaction again, finds the key, and returns the first server's record.
Same reply recorded twice, one promise.

Connections come from a :class:`psycopg_pool.ConnectionPool` of ``max_connections``
(opened with the store, closed by :meth:`PostgresStore.close`); the store is safe to
share between the threads of a process. A pool must not cross a ``fork``: make the
store in each worker process, after it starts.

Layout and migrations
---------------------
The tables are those of the SQLite store (``events``, ``promises``, ``totals``,
``honestcs_meta``), with times as ``timestamptz`` and details as ``json`` (kept as written). The
schema version scheme is SQLite's: ``honestcs_meta`` holds the format mark and
``schema_version``, :data:`MIGRATIONS` ``[n]`` takes a schema from version ``n`` to
``n + 1``, a schema newer than the code is refused, and migrations run in one
transaction under an advisory lock, so two servers starting at once migrate once.
A schema that holds tables but no honestcs mark is refused, never written to.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, Final

import attrs

from honestcs.exceptions import (
    PromiseNotFoundError,
    StaleEventError,
    StoreError,
    _DataError,
    _KeyTaken,
)
from honestcs.promises.model import (
    EventKind,
    PromiseEvent,
    PromiseQuery,
    PromiseRecord,
    PromiseStatus,
)
from honestcs.promises.stats import LedgerStats, median_of_sorted
from honestcs.promises.transitions import fold_histories
from honestcs.stores import _checked as checked
from honestcs.stores.sqlite._fold import fold_events, total_deltas
from honestcs.stores.sqlite._rows import _late_us, _replayed
from honestcs.stores.sqlite._schema import _TOTAL_COLUMNS
from honestcs.stores.sqlite._stats import _assemble, _Groups, _Median

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "PostgresStore"]

_FORMAT: Final = "honestcs promise store"

_TOTALS_FROM_PROMISES: Final = """
    INSERT INTO totals (agent, clause, made, open, kept, kept_on_time, broken, cancelled,
                        rescheduled, late)
    SELECT agent, coalesce(clause, ''), count(*),
           count(*) FILTER (WHERE status = 'open'),
           count(*) FILTER (WHERE status = 'kept'),
           count(*) FILTER (WHERE status = 'kept' AND (due IS NULL OR closed_at <= due)),
           count(*) FILTER (WHERE status = 'broken'),
           count(*) FILTER (WHERE status = 'cancelled'),
           count(*) FILTER (WHERE reschedules > 0),
           count(*) FILTER (WHERE late_us IS NOT NULL)
    FROM promises GROUP BY agent, coalesce(clause, '')
"""

#: ``MIGRATIONS[n]`` takes a schema from version ``n`` to ``n + 1`` (the steps of the
#: SQLite store's migrations, in PostgreSQL's types).
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    # 1: the event log, the current-state projection, and the indexes queries need.
    (
        "CREATE TABLE honestcs_meta (key text PRIMARY KEY, value text NOT NULL)",
        f"INSERT INTO honestcs_meta (key, value) VALUES ('format', '{_FORMAT}')",
        # Ids sort by code point (COLLATE "C"), as in SQLite and Python, whatever the
        # database's locale: iter_events() and find() promise an order.
        """CREATE TABLE events (
            promise_id text COLLATE "C" NOT NULL,
            seq integer NOT NULL,
            at timestamptz NOT NULL,
            kind text NOT NULL,
            actor text,
            reason text,
            data json NOT NULL,  -- json, not jsonb: kept as written (keys sorted), byte for byte
            recorded_at timestamptz,
            PRIMARY KEY (promise_id, seq)
        )""",
        """CREATE TABLE promises (
            id text COLLATE "C" PRIMARY KEY,
            status text NOT NULL CHECK (status IN ('open', 'kept', 'broken', 'cancelled')),
            customer text NOT NULL,
            agent text NOT NULL,
            clause text,
            text text NOT NULL,
            made_at timestamptz NOT NULL,
            due timestamptz,
            original_due timestamptz,
            closed_at timestamptz,
            reason text,
            reschedules integer NOT NULL,
            key text,
            meta json NOT NULL,
            version integer NOT NULL,
            updated_at timestamptz
        )""",
        "CREATE UNIQUE INDEX promises_by_key ON promises (key)",
        # Only open promises: overdue() and due_soon() read a range of it.
        "CREATE INDEX promises_open_by_due ON promises (due, agent, clause) WHERE status = 'open'",
        "CREATE INDEX promises_by_customer ON promises (customer, status)",
        "CREATE INDEX promises_by_made ON promises (made_at)",
    ),
    # 2: what stats() needs to stay fast: running totals and the lateness of late promises.
    (
        "ALTER TABLE promises ADD COLUMN late_us bigint",
        """UPDATE promises
           SET late_us = ((extract(epoch FROM closed_at) - extract(epoch FROM due))
                          * 1000000)::bigint
           WHERE status = 'kept' AND due IS NOT NULL AND closed_at > due""",
        "CREATE INDEX promises_late ON promises (late_us) WHERE late_us IS NOT NULL",
        "CREATE INDEX promises_late_by_agent ON promises (agent, late_us) "
        "WHERE late_us IS NOT NULL",
        "CREATE INDEX promises_late_by_clause ON promises (clause, late_us) "
        "WHERE late_us IS NOT NULL",
        """CREATE TABLE totals (
            agent text NOT NULL,
            clause text NOT NULL,  -- '' for promises without a clause
            made bigint NOT NULL,
            open bigint NOT NULL,
            kept bigint NOT NULL,
            kept_on_time bigint NOT NULL,
            broken bigint NOT NULL,
            cancelled bigint NOT NULL,
            rescheduled bigint NOT NULL,
            late bigint NOT NULL,
            PRIMARY KEY (agent, clause)
        )""",
        _TOTALS_FROM_PROMISES,
    ),
    # 3: the department that owns each promise's clause (NULL for promises recorded before).
    ("ALTER TABLE promises ADD COLUMN department text",),
)

#: The schema version this code writes.
SCHEMA_VERSION: Final = len(MIGRATIONS)

_RECORD_COLUMNS: Final = (
    "id, status, customer, agent, clause, text, made_at, due, original_due, closed_at, "
    "reason, reschedules, key, meta, version, updated_at, department"
)
_EVENT_COLUMNS: Final = "promise_id, seq, at, kind, actor, reason, data, recorded_at"
_INSERT_RECORD: Final = (
    f"INSERT INTO promises ({_RECORD_COLUMNS}, late_us) VALUES "
    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::json, %s, %s, %s, %s)"
)
_INSERT_EVENT: Final = (
    f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s::json, %s)"
)
_UPDATE_RECORD: Final = (
    "UPDATE promises SET status = %s, due = %s, closed_at = %s, reason = %s, "
    "reschedules = %s, version = %s, updated_at = %s, late_us = %s "
    "WHERE id = %s AND version = %s"
)
_ADD_TOTALS: Final = (
    f"INSERT INTO totals (agent, clause, {', '.join(_TOTAL_COLUMNS)}) "
    f"VALUES (%s, %s, {', '.join(['%s'] * len(_TOTAL_COLUMNS))}) "
    "ON CONFLICT (agent, clause) DO UPDATE SET "
    + ", ".join(f"{c} = totals.{c} + excluded.{c}" for c in _TOTAL_COLUMNS)
)
_to_json: Final = json.JSONEncoder(separators=(",", ":"), sort_keys=True).encode
_SCHEMA_NAME: Final = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
#: Whole transactions run again when a racing writer took a key first, or on a deadlock.
_RETRIES: Final = 5

_modules: tuple[ModuleType, ModuleType] | None = None


def _psycopg() -> tuple[ModuleType, ModuleType]:
    """The modules psycopg and psycopg_pool, imported on first use."""
    global _modules
    if _modules is None:
        try:
            import psycopg
            import psycopg_pool
        except ImportError as exc:
            raise StoreError(
                f"PostgresStore needs psycopg 3 and psycopg_pool ({exc.name} is not installed): "
                "pip install 'honestcs[postgres]'"
            ) from None
        _modules = (psycopg, psycopg_pool)
    return _modules


_Types = tuple[type | tuple[type, ...], ...]
_TEXT_OR_NULL: Final = (str, type(None))
_TIME_OR_NULL: Final = (datetime, type(None))
# What each column of _RECORD_COLUMNS holds, for the fast check of every row read.
_RECORD_TYPES: Final[_Types] = (
    str, str, str, str, _TEXT_OR_NULL, str, datetime, _TIME_OR_NULL, _TIME_OR_NULL,
    _TIME_OR_NULL, _TEXT_OR_NULL, int, _TEXT_OR_NULL, dict, int, _TIME_OR_NULL, _TEXT_OR_NULL,
)  # fmt: skip
_RECORD_CHECKS: Final = checked.record_columns(_RECORD_COLUMNS, checked.timestamp)
_EVENT_TYPES: Final[_Types] = (
    str, int, datetime, str, _TEXT_OR_NULL, _TEXT_OR_NULL, dict, _TIME_OR_NULL,
)  # fmt: skip
_EVENT_CHECKS: Final = checked.event_columns(_EVENT_COLUMNS, checked.timestamp)
# The time columns of each table and the key that names a row, for a time psycopg
# cannot read (a date past the year 9999, or 'infinity').
_TIME_COLUMNS: Final = (
    ("promises", "id", ("made_at", "due", "original_due", "closed_at", "updated_at")),
    ("events", "promise_id, seq", ("at", "recorded_at")),
)


def _as_is(value: datetime) -> datetime:
    """A time PostgreSQL has already read as a datetime."""
    return value


def _record(row: Sequence[Any], where: str) -> PromiseRecord:
    """The record a row of ``promises`` holds.

    Raises:
        StoreError: A value is not what honestcs writes there (the message names the
            store, the row and the column).
    """
    try:
        if not all(map(isinstance, row, _RECORD_TYPES)):
            raise TypeError("a column holds a value of the wrong type")
        return checked.record_from_row(row, _as_is, row[13])
    except (KeyError, TypeError, ValueError) as exc:
        raise checked.bad_row(where, "promises", row[0], row, _RECORD_CHECKS, problem=exc) from None


def _record_row(record: PromiseRecord) -> tuple[Any, ...]:
    return (
        record.id,
        record.status.value,
        record.customer,
        record.agent,
        record.clause,
        record.text,
        record.made_at,
        record.due,
        record.original_due,
        record.closed_at,
        record.reason,
        record.reschedules,
        record.key,
        _to_json(dict(record.meta)),
        record.version,
        record.updated_at,
        record.department,
        _late_us(record),
    )


def _event(row: Sequence[Any], where: str) -> PromiseEvent:
    """The event a row of ``events`` holds.

    Raises:
        StoreError: A value is not what honestcs writes there (the message names the
            store, the row and the column).
    """
    try:
        if not all(map(isinstance, row, _EVENT_TYPES)):
            raise TypeError("a column holds a value of the wrong type")
        details = checked.event_data(row[3], row[6])
        if details is not None:
            raise checked.bad_value(where, "events", (row[0], row[1]), "data", details)
        return checked.event_from_row(row, _as_is, row[6])
    except (KeyError, TypeError, ValueError) as exc:
        key = (row[0], row[1])
        raise checked.bad_row(where, "events", key, row, _EVENT_CHECKS, problem=exc) from None


def _event_row(event: PromiseEvent) -> tuple[Any, ...]:
    return (
        event.promise_id,
        event.seq,
        event.at,
        event.kind.value,
        event.actor,
        event.reason,
        _to_json(dict(event.data)),
        event.recorded_at,
    )


def _describe(dsn: str) -> str:
    """Where a DSN points, without its password: ``PostgreSQL user@host:port/dbname``."""
    psycopg, _ = _psycopg()
    try:
        parts = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError:
        return "PostgreSQL (an unreadable DSN)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = parts.get("host") or parts.get("hostaddr") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"PostgreSQL {user}{host}{port}/{parts.get('dbname') or user.rstrip('@') or '-'}"


@attrs.define(repr=False)
class PostgresStore:
    """A :class:`~honestcs.stores.PromiseStore` in PostgreSQL, shared by many writers.

    See the module notes for how concurrent writers are kept apart.

    Args:
        dsn: Where the database is: a ``postgresql://user:password@host:port/dbname``
            URL or a ``"host=… dbname=…"`` string, as libpq reads them.
        schema: The PostgreSQL schema that holds the store's tables; created with them
            when missing (unless ``create`` is false). Lower-case letters, digits and
            ``_``.
        create: Create the schema and tables when there is no store there yet
            (otherwise :class:`StoreError`).
        max_connections: The most connections the pool opens at once.
        timeout: Seconds to wait to connect, or for a free connection of the pool.

    Raises:
        StoreError: psycopg is not installed, the server cannot be reached, the
            schema holds something else or was written by a newer honestcs.
    """

    dsn: str = attrs.field()
    schema: str = attrs.field(default="honestcs", kw_only=True)
    create: bool = attrs.field(default=True, kw_only=True)
    max_connections: int = attrs.field(default=4, kw_only=True)
    timeout: float = attrs.field(default=30.0, kw_only=True)
    _pool: ConnectionPool[Any] | None = attrs.field(default=None, init=False)
    _where: str = attrs.field(default="", init=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False)

    def __attrs_post_init__(self) -> None:
        psycopg, psycopg_pool = _psycopg()
        if not _SCHEMA_NAME.match(self.schema):
            raise ValueError(
                f"schema must be lower-case letters, digits and _ (at most 63), not {self.schema!r}"
            )
        if self.max_connections < 1:
            raise ValueError(f"max_connections must be at least 1, not {self.max_connections}")
        self._where = f"{_describe(self.dsn)} schema {self.schema}"
        try:
            with psycopg.connect(
                self.dsn, autocommit=True, connect_timeout=max(1, round(self.timeout))
            ) as conn:
                self._configure(conn)
                self._prepare(conn)
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot connect to {self._where}: {_first_line(exc)}") from None
        except psycopg.Error as exc:
            raise StoreError(f"{self._where}: cannot open the store: {_first_line(exc)}") from None
        pool = psycopg_pool.ConnectionPool(
            self.dsn,
            min_size=1,
            max_size=self.max_connections,
            kwargs={"autocommit": True},
            configure=self._configure,
            open=False,
            timeout=self.timeout,
            name=f"honestcs:{self.schema}",
        )
        try:
            pool.open(wait=True, timeout=self.timeout)
        except psycopg_pool.PoolTimeout:
            pool.close()
            raise StoreError(
                f"cannot connect to {self._where}: the pool had no connection "
                f"after {self.timeout:g} s"
            ) from None
        self._pool = pool

    def __repr__(self) -> str:
        return f"<PostgresStore {self._where} schema_version={SCHEMA_VERSION}>"

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- opening ------------------------------------------------------------

    def _configure(self, conn: psycopg.Connection[Any]) -> None:
        psycopg, _ = _psycopg()
        conn.execute(
            psycopg.sql.SQL("SET search_path TO {}").format(psycopg.sql.Identifier(self.schema))
        )
        conn.execute("SET TIME ZONE 'UTC'")

    def _prepare(self, conn: psycopg.Connection[Any]) -> None:
        """Check what the schema holds and migrate it to :data:`SCHEMA_VERSION`."""
        with conn.transaction():
            # One migrator per schema at a time; the others wait here, then find it done.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"honestcs:{self.schema}",))
            version = self._version(conn)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self._where} has promise-store schema {version}, newer than this "
                    f"honestcs knows (up to {SCHEMA_VERSION}); upgrade honestcs to open it"
                )
            if version == SCHEMA_VERSION:
                return
            if version == 0 and not self.create:
                raise StoreError(f"{self._where}: no promise store here (no honestcs tables)")
            psycopg, _ = _psycopg()
            conn.execute(
                psycopg.sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(
                    psycopg.sql.Identifier(self.schema)
                )
            )
            for step in MIGRATIONS[version:]:
                for statement in step:
                    conn.execute(statement)
            conn.execute(
                "INSERT INTO honestcs_meta (key, value) VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(SCHEMA_VERSION),),
            )

    def _version(self, conn: psycopg.Connection[Any]) -> int:
        """The schema version stored, 0 for an empty or missing schema."""
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (self.schema,),
            )
        ]
        if not tables:
            return 0
        if "honestcs_meta" not in tables:
            raise StoreError(
                f"{self._where} holds tables of another application "
                f"({', '.join(sorted(tables)[:3])}{', …' if len(tables) > 3 else ''}), "
                "not an honestcs promise store; "
                "refusing to touch it (give another schema)"
            )
        marks = dict(conn.execute("SELECT key, value FROM honestcs_meta").fetchall())
        if marks.get("format") != _FORMAT:
            raise StoreError(f"{self._where} is not an honestcs promise store (no format mark)")
        try:
            return int(marks.get("schema_version", "0"))
        except ValueError:
            raise StoreError(
                f"{self._where}: honestcs_meta schema_version is "
                f"{marks['schema_version']!r}, not a number"
            ) from None

    # -- transactions ---------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self, action: str) -> Iterator[psycopg.Connection[Any]]:
        """One transaction on a connection of the pool; database errors become StoreError."""
        psycopg, psycopg_pool = _psycopg()
        pool = self._pool
        if pool is None:
            raise StoreError(f"{self._where}: the store is closed; cannot {action}")
        try:
            with pool.connection(timeout=self.timeout) as conn, conn.transaction():
                yield conn
        except psycopg_pool.PoolTimeout:
            raise StoreError(
                f"{self._where}: no connection came free within {self.timeout:g} s "
                f"to {action} (max_connections={self.max_connections})"
            ) from None
        except psycopg.errors.UniqueViolation as exc:
            raise _KeyTaken(str(exc)) from None
        except psycopg.errors.DeadlockDetected as exc:
            raise _KeyTaken(str(exc)) from None
        except psycopg.DataError as exc:
            raise _DataError(f"{self._where}: cannot {action}: {_first_line(exc)}") from None
        except psycopg.OperationalError as exc:
            raise StoreError(
                f"{self._where}: lost the connection, or the server refused, "
                f"trying to {action}: {_first_line(exc)}"
            ) from None
        except psycopg.Error as exc:
            raise StoreError(f"{self._where}: cannot {action}: {_first_line(exc)}") from None

    @contextlib.contextmanager
    def _reading(self, action: str) -> Iterator[psycopg.Connection[Any]]:
        """A transaction that reads rows; a time psycopg cannot read is named by its row."""
        try:
            with self._transaction(action) as conn:
                yield conn
        except _DataError as exc:
            raise self._unreadable_time() or exc from None

    def _unreadable_time(self) -> StoreError | None:
        """The first row with a time outside the years 1 to 9999 (psycopg reads no other)."""
        with self._transaction("look for a time it cannot read") as conn:
            for table, key, columns in _TIME_COLUMNS:
                for column in columns:
                    row = conn.execute(
                        f"SELECT {key}, {column}::text FROM {table} WHERE NOT ({column} "
                        "BETWEEN '0001-01-01 00:00:00+00' AND '9999-12-31 23:59:59.999999+00') "
                        "LIMIT 1"
                    ).fetchone()
                    if row is not None:
                        *ident, value = row
                        return checked.bad_value(
                            self._where, table, ident[0] if len(ident) == 1 else tuple(ident),
                            column,
                            f"holds {value!r}, a time past the years 1 to 9999 that a date holds",
                        )  # fmt: skip
        return None

    # -- the protocol -----------------------------------------------------------

    def append(self, events: Sequence[PromiseEvent]) -> list[PromiseRecord]:
        """Append events and update their records in one transaction; see :class:`PromiseStore`.

        The rows of the promises changed are locked first, so a concurrent writer of
        the same promise waits, and then gets :class:`StaleEventError`.
        """
        if not events:
            return []
        for _ in range(_RETRIES):
            try:
                with self._transaction("record promise changes") as conn:
                    return self._append(conn, events)
            except _KeyTaken:
                continue
        raise StoreError(
            f"{self._where}: cannot record promise changes: a promise with one of these ids "
            f"is already stored, or other writers kept taking its keys ({_RETRIES} tries)"
        )

    def _append(
        self, conn: psycopg.Connection[Any], events: Sequence[PromiseEvent]
    ) -> list[PromiseRecord]:
        stored = self._locked_records(conn, events)
        by_key = self._records_by_key(conn, events)
        folded = fold_events(events, stored_by_id=stored.get, stored_by_key=by_key.get)
        pending, before, out = folded.pending, folded.before, folded.out
        event_rows = [_event_row(event) for event in folded.applied]
        created = [record for pid, record in pending.items() if before[pid] is None]
        changed = [(record, old) for pid, record in pending.items() if (old := before[pid])]
        with conn.cursor() as cursor:
            if created:
                self._insert_created(conn, cursor, created)
            cursor.executemany(_INSERT_EVENT, event_rows)
            if changed:
                _update_changed(cursor, changed)
            deltas = total_deltas(pending, before)
            rows = [(agent, clause, *d) for (agent, clause), d in sorted(deltas.items()) if any(d)]
            if rows:
                cursor.executemany(_ADD_TOTALS, rows)
        return out

    def _locked_records(
        self, conn: psycopg.Connection[Any], events: Sequence[PromiseEvent]
    ) -> dict[str, PromiseRecord]:
        """The stored records the events change, by id, locked until the transaction ends."""
        changed_ids = sorted({e.promise_id for e in events if e.kind is not EventKind.RECORDED})
        stored: dict[str, PromiseRecord] = {}
        if changed_ids:
            for row in conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM promises WHERE id = ANY(%s) ORDER BY id FOR UPDATE",
                (changed_ids,),
            ):
                stored[row[0]] = _record(row, self._where)
        return stored

    def _records_by_key(
        self, conn: psycopg.Connection[Any], events: Sequence[PromiseEvent]
    ) -> dict[str, PromiseRecord]:
        """The stored records with a key that a recording among the events gives, by key."""
        wanted_keys = sorted(
            {
                e.data["key"]
                for e in events
                if e.kind is EventKind.RECORDED and e.data.get("key") is not None
            }
        )
        by_key: dict[str, PromiseRecord] = {}
        if wanted_keys:
            for row in conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM promises WHERE key = ANY(%s)", (wanted_keys,)
            ):
                by_key[row[12]] = _record(row, self._where)
        return by_key

    def _insert_created(
        self,
        conn: psycopg.Connection[Any],
        cursor: psycopg.Cursor[Any],
        created: list[PromiseRecord],
    ) -> None:
        """Insert the records of new promises, refusing an id that is already stored."""
        new_ids = [record.id for record in created]
        taken = conn.execute(
            "SELECT id FROM promises WHERE id = ANY(%s) LIMIT 1", (new_ids,)
        ).fetchone()
        if taken is not None:
            raise StoreError(
                f"{self._where}: cannot record promise changes: a promise with id "
                f"{taken[0]} is already stored"
            )
        cursor.executemany(_INSERT_RECORD, [_record_row(record) for record in created])

    def get(self, promise_id: str) -> PromiseRecord:
        """The current record of one promise; see :class:`PromiseStore`."""
        with self._reading("read a promise") as conn:
            row = conn.execute(
                f"SELECT {_RECORD_COLUMNS} FROM promises WHERE id = %s", (promise_id,)
            ).fetchone()
        if row is None:
            raise PromiseNotFoundError(f"no promise with id {promise_id!r}")
        return _record(row, self._where)

    def history(self, promise_id: str) -> list[PromiseEvent]:
        """The events of one promise, oldest first; see :class:`PromiseStore`."""
        with self._reading("read a promise's history") as conn:
            rows = conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE promise_id = %s ORDER BY seq",
                (promise_id,),
            ).fetchall()
        if not rows:
            raise PromiseNotFoundError(f"no promise with id {promise_id!r}")
        return [_event(row, self._where) for row in rows]

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
                where.append(f"{column} = %s")
                params.append(value)
        bounds = (
            ("due >= %s", query.due_from),
            ("due < %s", query.due_before),
            ("made_at >= %s", query.made_since),
            ("made_at < %s", query.made_until),
        )
        for condition, bound in bounds:
            if bound is not None:
                where.append(condition)
                params.append(bound)
        sql = f"SELECT {_RECORD_COLUMNS} FROM promises"
        if where:
            sql += " WHERE " + " AND ".join(where)
        if query.order == "made":
            sql += " ORDER BY made_at, id"
        else:
            sql += " ORDER BY due NULLS LAST, id"
        if query.limit is not None:
            sql += " LIMIT %s"
            params.append(query.limit)
        with self._reading("find promises") as conn:
            rows = conn.execute(sql, params).fetchall()
        return [_record(row, self._where) for row in rows]

    def counts(self) -> Mapping[PromiseStatus, int]:
        """How many promises are in each state (from the running totals)."""
        with self._transaction("count promises") as conn:
            row = conn.execute(
                "SELECT sum(open), sum(kept), sum(broken), sum(cancelled) FROM totals"
            ).fetchone()
        statuses = (
            PromiseStatus.OPEN, PromiseStatus.KEPT, PromiseStatus.BROKEN, PromiseStatus.CANCELLED
        )  # fmt: skip
        values = row or (None, None, None, None)
        return {status: int(value or 0) for status, value in zip(statuses, values, strict=True)}

    def stats(
        self, *, since: datetime | None, until: datetime | None, now: datetime
    ) -> LedgerStats:
        """Statistics of the promises made in ``[since, until)``; see :class:`PromiseStore`.

        Over the whole ledger this reads the running totals, the overdue range of the
        open-by-due index and the middle of the lateness indexes, as SQLiteStore does.
        """
        with self._transaction("compute statistics") as conn:
            if since is not None or until is not None:
                first, last = conn.execute(
                    "SELECT min(made_at), max(made_at) FROM promises"
                ).fetchone() or (None, None)
                whole = (
                    first is None
                    or last is None
                    or ((since is None or since <= first) and (until is None or last < until))
                )
                if not whole:
                    groups, median = self._window(conn, since=since, until=until, now=now)
                    return _assemble(groups, median, since=since, until=until, now=now)
            groups, median = self._everything(conn, now=now)
            return _assemble(groups, median, since=since, until=until, now=now)

    def _everything(
        self, conn: psycopg.Connection[Any], *, now: datetime
    ) -> tuple[_Groups, _Median]:
        overdue = {
            (agent, clause or ""): count
            for agent, clause, count in conn.execute(
                "SELECT agent, clause, count(*) FROM promises "
                "WHERE status = 'open' AND due < %s GROUP BY agent, clause",
                (now,),
            )
        }
        groups: _Groups = [
            (agent, clause or None, [int(c) for c in counts], overdue.get((agent, clause), 0))
            for agent, clause, *counts in conn.execute(
                f"SELECT agent, clause, {', '.join(_TOTAL_COLUMNS)} FROM totals WHERE made > 0"
            )
        ]

        def median(column: str | None, value: str | None, count: int) -> timedelta | None:
            if not count:
                return None
            params: tuple[Any, ...] = ()
            if column is None:
                where = ""
            elif value is None:
                where = f"{column} IS NULL AND"
            else:
                where, params = f"{column} = %s AND", (value,)
            values = [
                late
                for (late,) in conn.execute(
                    f"SELECT late_us FROM promises WHERE {where} late_us IS NOT NULL "
                    "ORDER BY late_us LIMIT 2 OFFSET %s",
                    (*params, (count - 1) // 2),
                )
            ]
            return median_of_sorted(values if count % 2 == 0 else values[:1])

        return groups, median

    def _window(
        self,
        conn: psycopg.Connection[Any],
        *,
        since: datetime | None,
        until: datetime | None,
        now: datetime,
    ) -> tuple[_Groups, _Median]:
        where = "TRUE"
        params: list[Any] = []
        if since is not None:
            where += " AND made_at >= %s"
            params.append(since)
        if until is not None:
            where += " AND made_at < %s"
            params.append(until)
        groups: _Groups = [
            (agent, clause or None, [int(c) for c in counts[:-1]], int(counts[-1]))
            for agent, clause, *counts in conn.execute(
                f"""SELECT agent, coalesce(clause, ''), count(*),
                       count(*) FILTER (WHERE status = 'open'),
                       count(*) FILTER (WHERE status = 'kept'),
                       count(*) FILTER (WHERE status = 'kept' AND late_us IS NULL),
                       count(*) FILTER (WHERE status = 'broken'),
                       count(*) FILTER (WHERE status = 'cancelled'),
                       count(*) FILTER (WHERE reschedules > 0),
                       count(*) FILTER (WHERE late_us IS NOT NULL),
                       count(*) FILTER (WHERE status = 'open' AND due < %s)
                   FROM promises WHERE {where}
                   GROUP BY agent, coalesce(clause, '')""",
                (now, *params),
            )
        ]
        late: dict[tuple[str | None, str | None], list[int]] = {}
        for agent, clause, value in conn.execute(
            f"SELECT agent, clause, late_us FROM promises WHERE {where} AND late_us IS NOT NULL",
            params,
        ):
            for group in ((None, None), ("agent", agent), ("clause", clause)):
                late.setdefault(group, []).append(value)
        for values in late.values():
            values.sort()

        def median(column: str | None, value: str | None, count: int) -> timedelta | None:
            return median_of_sorted(late.get((column, value), []))

        return groups, median

    def iter_events(self, *, chunk: int = 5000) -> Iterator[PromiseEvent]:
        """Every event, grouped by promise in id order, each promise's in seq order.

        Reads ``chunk`` events per transaction, so no connection is held between chunks.
        """
        after: tuple[str, int] = ("", 0)
        while True:
            with self._reading("read the event log") as conn:
                rows = conn.execute(
                    f"SELECT {_EVENT_COLUMNS} FROM events WHERE (promise_id, seq) > (%s, %s) "
                    "ORDER BY promise_id, seq LIMIT %s",
                    (*after, chunk),
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _event(row, self._where)
            after = (rows[-1][0], rows[-1][1])

    def close(self) -> None:
        """Close the connection pool."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    # -- maintenance --------------------------------------------------------------

    def rebuild(self) -> int:
        """Recompute the ``promises`` and ``totals`` tables from the event log.

        Returns:
            How many promises there are.
        """
        with self._transaction("rebuild the promise table") as conn:
            conn.execute("LOCK TABLE promises IN EXCLUSIVE MODE")
            conn.execute("DELETE FROM promises")
            conn.execute("DELETE FROM totals")
            record: PromiseRecord | None = None
            count = 0
            # A COPY cannot run while a server-side cursor is being read on the same
            # connection, so read a chunk of events, then write the records it finished.
            with conn.cursor(name="honestcs_rebuild") as source, conn.cursor() as target:
                source.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY promise_id, seq")
                while rows := source.fetchmany(20_000):
                    done: list[tuple[Any, ...]] = []
                    for row in rows:
                        event = _event(row, self._where)
                        if record is not None and record.id != event.promise_id:
                            done.append(_record_row(record))
                            record = None
                        record = _replayed(self._where, record, event)
                    count += self._copy_records(target, done)
                if record is not None:
                    count += self._copy_records(target, [_record_row(record)])
            conn.execute(_TOTALS_FROM_PROMISES)
        return count

    @staticmethod
    def _copy_records(cursor: psycopg.Cursor[Any], rows: list[tuple[Any, ...]]) -> int:
        if rows:
            with cursor.copy(f"COPY promises ({_RECORD_COLUMNS}, late_us) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return len(rows)

    def import_events(self, events: Iterable[PromiseEvent]) -> int:
        """Load whole histories of promises new to this store, with COPY, in one transaction.

        The same contract as :meth:`SQLiteStore.import_events
        <honestcs.stores.sqlite.SQLiteStore.import_events>`: every history is folded
        with :func:`~honestcs.promises.transitions.apply_event`, and either everything is imported
        or nothing is.

        Args:
            events: Events grouped by promise, each promise's in seq order from its
                recording (the order :meth:`iter_events` gives).

        Returns:
            How many promises were imported.

        Raises:
            StoreError: A promise's id or key is already stored, the history of a
                promise is not contiguous, or the store cannot be written.
            IllegalTransitionError: A history makes an illegal move.
        """
        try:
            with self._transaction("import promises") as conn:
                return self._import(conn, events)
        except _KeyTaken as exc:
            detail = str(exc).splitlines()[-1] if str(exc) else ""
            raise StoreError(
                f"{self._where}: cannot import promises: a promise id or key is already "
                f"stored ({detail.strip()})"
            ) from None

    def _import(
        self, conn: psycopg.Connection[Any], events: Iterable[PromiseEvent], batch: int = 20_000
    ) -> int:
        conn.execute("LOCK TABLE promises IN SHARE ROW EXCLUSIVE MODE")
        count = 0
        event_rows: list[tuple[Any, ...]] = []
        record_rows: list[tuple[Any, ...]] = []

        def flush() -> None:
            with conn.cursor() as cursor:
                with cursor.copy(f"COPY events ({_EVENT_COLUMNS}) FROM STDIN") as copy:
                    for row in event_rows:
                        copy.write_row(row)
                self._copy_records(cursor, record_rows)
            event_rows.clear()
            record_rows.clear()

        for item in fold_histories(events, self._where):
            if isinstance(item, PromiseRecord):
                record_rows.append(_record_row(item))
                count += 1
                continue
            event_rows.append(_event_row(item))
            if len(event_rows) >= batch:
                flush()
        flush()
        conn.execute("DELETE FROM totals")
        conn.execute(_TOTALS_FROM_PROMISES)
        return count


def _update_changed(
    cursor: psycopg.Cursor[Any], changed: list[tuple[PromiseRecord, PromiseRecord]]
) -> None:
    """Update the records of changed promises, each only if still at the version it was read at."""
    cursor.executemany(
        _UPDATE_RECORD,
        [
            (
                r.status.value,
                r.due,
                r.closed_at,
                r.reason,
                r.reschedules,
                r.version,
                r.updated_at,
                _late_us(r),
                r.id,
                old.version,
            )
            for r, old in changed
        ],
    )
    if cursor.rowcount != len(changed):
        # Cannot happen while the rows are locked; refuse rather than guess.
        raise StaleEventError("a promise changed under this writer's lock; nothing was written")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
