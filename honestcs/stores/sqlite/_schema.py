"""The schema of a SQLite promise store: tables, indexes, migrations, the SQL that writes rows."""

from __future__ import annotations

from typing import Final

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION"]

#: ``PRAGMA application_id`` of a promise store: "HCSP" in ASCII.
APPLICATION_ID: Final = 0x48435350

_FORMAT: Final = "honestcs promise store"

_TOTALS_FROM_PROMISES: Final = """
    INSERT INTO totals (agent, clause, made, open, kept, kept_on_time, broken, cancelled,
                        rescheduled, late)
    SELECT agent, coalesce(clause, ''), count(*),
           sum(status = 'open'), sum(status = 'kept'),
           sum(status = 'kept' AND (due IS NULL OR closed_at <= due)),
           sum(status = 'broken'), sum(status = 'cancelled'),
           sum(reschedules > 0), sum(late_us IS NOT NULL)
    FROM promises GROUP BY agent, coalesce(clause, '')
"""

#: ``MIGRATIONS[n]`` takes a file from schema version ``n`` to ``n + 1``.
MIGRATIONS: Final[tuple[tuple[str, ...], ...]] = (
    # 1: the event log, the current-state projection, and the indexes queries need.
    (
        "CREATE TABLE honestcs_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        f"INSERT INTO honestcs_meta (key, value) VALUES ('format', '{_FORMAT}')",
        """CREATE TABLE events (
            promise_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL,
            actor TEXT,
            reason TEXT,
            data TEXT NOT NULL,
            recorded_at INTEGER,
            PRIMARY KEY (promise_id, seq)
        ) WITHOUT ROWID""",
        """CREATE TABLE promises (
            id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            customer TEXT NOT NULL,
            agent TEXT NOT NULL,
            clause TEXT,
            text TEXT NOT NULL,
            made_at INTEGER NOT NULL,
            due INTEGER,
            original_due INTEGER,
            closed_at INTEGER,
            reason TEXT,
            reschedules INTEGER NOT NULL,
            key TEXT,
            meta TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at INTEGER
        )""",
        "CREATE UNIQUE INDEX promises_by_key ON promises (key) WHERE key IS NOT NULL",
        # Only open promises: overdue() and due_soon() read a range of it.
        "CREATE INDEX promises_open_by_due ON promises (due, agent, clause) WHERE status = 'open'",
        # What a checker asks before each reply: this customer's promises (open ones first of all).
        "CREATE INDEX promises_by_customer ON promises (customer, status)",
        # Agent and clause get no index of their own: open, overdue and due-soon filters by
        # them read the open-by-due index above, which holds both, and each extra index
        # costs every write about a tenth of its time. A filter by agent or clause over
        # closed promises scans the table.
        "CREATE INDEX promises_by_made ON promises (made_at)",
    ),
    # 2: what stats() needs to stay fast: running totals and the lateness of late promises.
    (
        "ALTER TABLE promises ADD COLUMN late_us INTEGER",
        """UPDATE promises SET late_us = closed_at - due
           WHERE status = 'kept' AND due IS NOT NULL AND closed_at > due""",
        "CREATE INDEX promises_late ON promises (late_us) WHERE late_us IS NOT NULL",
        """CREATE INDEX promises_late_by_agent ON promises (agent, late_us)
           WHERE late_us IS NOT NULL""",
        """CREATE INDEX promises_late_by_clause ON promises (clause, late_us)
           WHERE late_us IS NOT NULL""",
        """CREATE TABLE totals (
            agent TEXT NOT NULL,
            clause TEXT NOT NULL,  -- '' for promises without a clause
            made INTEGER NOT NULL,
            open INTEGER NOT NULL,
            kept INTEGER NOT NULL,
            kept_on_time INTEGER NOT NULL,
            broken INTEGER NOT NULL,
            cancelled INTEGER NOT NULL,
            rescheduled INTEGER NOT NULL,
            late INTEGER NOT NULL,
            PRIMARY KEY (agent, clause)
        ) WITHOUT ROWID""",
        _TOTALS_FROM_PROMISES,
    ),
    # 3: the department that owns each promise's clause (NULL for promises recorded before).
    ("ALTER TABLE promises ADD COLUMN department TEXT",),
)

#: The schema version this code writes.
SCHEMA_VERSION: Final = len(MIGRATIONS)

_RECORD_COLUMNS: Final = (
    "id, status, customer, agent, clause, text, made_at, due, original_due, closed_at, "
    "reason, reschedules, key, meta, version, updated_at, department"
)
_EVENT_COLUMNS: Final = "promise_id, seq, at, kind, actor, reason, data, recorded_at"
_TOTAL_COLUMNS: Final = (
    "made", "open", "kept", "kept_on_time", "broken", "cancelled", "rescheduled", "late"
)  # fmt: skip
_ADD_TOTALS: Final = (
    f"INSERT INTO totals (agent, clause, {', '.join(_TOTAL_COLUMNS)}) "
    f"VALUES (?, ?, {', '.join('?' * len(_TOTAL_COLUMNS))}) "
    "ON CONFLICT (agent, clause) DO UPDATE SET "
    + ", ".join(f"{c} = {c} + excluded.{c}" for c in _TOTAL_COLUMNS)
)
_INSERT_RECORD: Final = (
    f"INSERT INTO promises ({_RECORD_COLUMNS}, late_us) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_EVENT: Final = f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
