"""A ledger changed outside honestcs: one line naming the store, the row and the column.

The tests build a real ledger, change its rows with ``sqlite3`` (or ``psycopg``) as
someone might by hand, and read it back through the command line and the API: never a
ValueError, KeyError or traceback, always a StoreError that says where.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from honestcs import PostgresStore, Promise, PromiseLedger, SQLiteStore, StoreError
from honestcs.cli import main
from honestcs.stores import _checked as checked

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
NOW = "2026-12-20T09:00:00Z"
CHANGED = "honestcs never writes that, so the store was changed outside honestcs or is damaged"


def _fill(ledger: PromiseLedger) -> tuple[str, str]:
    """A kept refund (kept late) and an open call-back: their ids."""
    text = "We'll refund you by Friday."
    refund = ledger.record(
        Promise(text, 0, len(text), clause="refund", due=T0 + timedelta(days=3)),
        customer="C-1", agent="alex", made_at=T0,
    )  # fmt: skip
    ledger.mark_kept(refund.id, at=T0 + timedelta(days=4))
    text = "I'll call you back."
    call = ledger.record(
        Promise(text, 0, len(text), due=T0 + timedelta(days=1)),
        customer="C-2", agent="bo", made_at=T0 + timedelta(hours=1),
    )  # fmt: skip
    return refund.id, call.id


@pytest.fixture
def ledger_file(tmp_path: Path) -> tuple[Path, str, str]:
    """A SQLite ledger: its path, the kept refund's id and the open call-back's id."""
    path = tmp_path / "ledger.db"
    with PromiseLedger(SQLiteStore(path)) as ledger:
        refund, call = _fill(ledger)
    return path, refund, call


def tamper(path: Path, *statements: str, without_not_null: str | None = None) -> None:
    """Run SQL on the file, as someone with the sqlite3 shell would.

    ``without_not_null`` names a column of ``promises`` whose NOT NULL is edited out of
    the schema first, so that NULL can be written into it.
    """
    if without_not_null is not None:
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA writable_schema = ON")
            conn.execute(
                "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = 'promises'",
                (f"{without_not_null} TEXT NOT NULL", f"{without_not_null} TEXT"),
            )
        conn.close()
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return status, err


# (what is changed, SQL, the commands that read it, the end of the message after the row)
_TAMPERED: list[tuple[str, str, str | None, list[str], str]] = [
    ("a bad date string", "UPDATE promises SET made_at = 'yesterday' WHERE id = '{call}'",
     None, ["list", "export", "kept", "overdue"],
     'promises row "{call}": column made_at holds the text \'yesterday\', not a time '
     "(whole microseconds since 1970-01-01 UTC)"),
    ("a due date past the year 9999", "UPDATE promises SET due = 1e20 WHERE id = '{call}'",
     None, ["list", "export", "kept"],
     'promises row "{call}": column due holds the number 1e+20, not a time (whole '
     "microseconds since 1970-01-01 UTC)"),
    ("an unknown status", "UPDATE promises SET status = 'lost' WHERE id = '{call}'",
     None, ["list", "export", "kept"],
     'promises row "{call}": column status holds the text \'lost\', not a status (open, '
     "kept, broken, cancelled)"),
    ("NULL in a required column", "UPDATE promises SET customer = NULL WHERE id = '{call}'",
     "customer", ["list", "overdue", "kept"],
     'promises row "{call}": column customer holds NULL, not text'),
    ("a non-number for a number", "UPDATE promises SET reschedules = 'twice' WHERE id = '{call}'",
     None, ["list", "due-soon", "cancel"],
     'promises row "{call}": column reschedules holds the text \'twice\', not a whole number'),
    ("details that are not an object", "UPDATE promises SET meta = '[1, 2]' WHERE id = '{call}'",
     None, ["list", "export"],
     'promises row "{call}": column meta holds a JSON array, not a JSON object'),
    ("a count that is text", "UPDATE totals SET kept = 'some' WHERE agent = 'alex'",
     None, ["stats", "report"],
     'totals row ("alex", "refund"): column kept holds the text \'some\', not a whole number'),
    ("a lateness that is text", "UPDATE promises SET late_us = 'a day' WHERE id = '{refund}'",
     None, ["stats", "stats-window"],
     'promises row "{refund}": column late_us holds the text \'a day\', not a whole number'),
    ("an unknown event kind", "UPDATE events SET kind = 'lost' WHERE seq = 2",
     None, ["history", "export-events"],
     'events row ("{refund}", 2): column kind holds the text \'lost\', not an event kind '
     "(recorded, kept, broken, cancelled, rescheduled)"),
    ("an event time that is text", "UPDATE events SET at = 'noon' WHERE promise_id = '{call}'",
     None, ["history-call", "export-events"],
     'events row ("{call}", 1): column at holds the text \'noon\', not a time (whole '
     "microseconds since 1970-01-01 UTC)"),
    ("a recording without its customer",
     "UPDATE events SET data = json_remove(data, '$.customer') WHERE promise_id = '{call}'",
     None, ["history-call", "export-events"],
     'events row ("{call}", 1): column data (key "customer") is missing'),
]  # fmt: skip

_COMMANDS: dict[str, list[str]] = {
    "list": ["promises", "list"],
    "overdue": ["promises", "overdue", "--now", NOW],
    "due-soon": ["promises", "due-soon", "--now", "2026-12-01T12:00:00Z"],
    "stats": ["promises", "stats", "--now", NOW],
    "stats-window": ["promises", "stats", "--since", "2026-12-01T08:00:00Z",
                     "--until", "2026-12-01T09:30:00Z"],
    "export": ["promises", "export", "--export-format", "csv"],
    "export-events": ["promises", "export", "--events"],
    "history": ["promises", "history", "{refund}"],
    "history-call": ["promises", "history", "{call}"],
    "kept": ["promises", "kept", "{call}", "--now", NOW],
    "cancel": ["promises", "cancel", "{call}", "--reason", "no longer needed", "--now", NOW],
    "report": ["promises", "report", "-o", "{dir}/ledger.html", "--now", NOW],
}  # fmt: skip


@pytest.mark.parametrize(
    ("sql", "not_null", "commands", "message"),
    [case[1:] for case in _TAMPERED],
    ids=[case[0] for case in _TAMPERED],
)
def test_a_tampered_row_is_one_line_naming_store_row_and_column(
    ledger_file: tuple[Path, str, str],
    capsys: pytest.CaptureFixture[str],
    sql: str,
    not_null: str | None,
    commands: list[str],
    message: str,
) -> None:
    """Every command that reads the row exits 2 with one line: file, table, row, column."""
    path, refund, call = ledger_file
    tamper(path, sql.format(refund=refund, call=call), without_not_null=not_null)
    expected = f"honestcs: error: {path}: {message.format(refund=refund, call=call)}; {CHANGED}\n"
    for name in commands:
        argv = [a.format(refund=refund, call=call, dir=path.parent) for a in _COMMANDS[name]]
        status, err = run(capsys, *argv, "--db", str(path))
        assert (name, status, err) == (name, 2, expected)


def test_report_with_a_ledger_names_the_row(
    ledger_file: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Honestcs report --db reads every promise: a tampered one is named, exit 2."""
    path, refund, _ = ledger_file
    tamper(path, f"UPDATE promises SET status = 'unknown' WHERE id = '{refund}'")
    reports = tmp_path / "reports.jsonl"
    reports.write_text('{"source": "-", "ok": true, "findings": [], "promises": []}\n')
    status, err = run(capsys, "report", str(reports), "--db", str(path))
    assert status == 2
    assert err.startswith(f'honestcs: error: {path}: promises row "{refund}": column status')


def test_rows_that_are_not_read_do_not_matter(
    ledger_file: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A command that does not read the tampered row works: stats reads running totals."""
    path, refund, _ = ledger_file
    tamper(path, f"UPDATE promises SET made_at = 'yesterday' WHERE id = '{refund}'")
    status, _ = run(capsys, "promises", "stats", "--db", str(path), "--now", NOW)
    assert status == 0


# -- from Python --------------------------------------------------------------------------------

_API: list[tuple[str, Callable[[PromiseLedger, str], Any]]] = [
    ("find", lambda ledger, _: ledger.find()),
    ("get", lambda ledger, ident: ledger.get(ident)),
    ("find by customer", lambda ledger, _: ledger.find(customer="C-2")),
    ("mark_kept", lambda ledger, ident: ledger.mark_kept(ident, at=T0 + timedelta(days=5))),
]


@pytest.mark.parametrize("call", [c for _, c in _API], ids=[name for name, _ in _API])
def test_the_api_raises_store_error_not_value_or_key_error(
    ledger_file: tuple[Path, str, str], call: Callable[[PromiseLedger, str], Any]
) -> None:
    """Reading a tampered row from Python raises StoreError, a HonestCSError."""
    path, _, ident = ledger_file
    tamper(path, f"UPDATE promises SET status = 'lost' WHERE id = '{ident}'")
    with PromiseLedger(SQLiteStore(path)) as ledger, pytest.raises(StoreError) as info:
        call(ledger, ident)
    assert f'promises row "{ident}": column status' in str(info.value)
    assert not isinstance(info.value, KeyError | ValueError)


def test_rebuild_names_an_event_it_cannot_replay(ledger_file: tuple[Path, str, str]) -> None:
    """SQLiteStore.rebuild of a log whose event cannot be replayed names the event."""
    path, refund, _ = ledger_file
    tamper(path, f"UPDATE events SET kind = 'broken' WHERE promise_id = '{refund}' AND seq = 1")
    with SQLiteStore(path) as store, pytest.raises(StoreError) as info:
        store.rebuild()
    assert str(info.value).startswith(f"{path}: events row (")


# -- PostgreSQL -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("UPDATE promises SET due = 'infinity' WHERE id = '{call}'",
         'promises row "{call}": column due holds \'infinity\', a time past the years 1 to '
         "9999 that a date holds"),
        ("UPDATE promises SET meta = '[1]' WHERE id = '{call}'",
         'promises row "{call}": column meta holds a JSON array, not a JSON object'),
        ("ALTER TABLE promises DROP CONSTRAINT promises_status_check; "
         "UPDATE promises SET status = 'lost' WHERE id = '{call}'",
         'promises row "{call}": column status holds the text \'lost\', not a status (open, '
         "kept, broken, cancelled)"),
        ("UPDATE events SET kind = 'lost' WHERE promise_id = '{call}'",
         'events row ("{call}", 1): column kind holds the text \'lost\', not an event kind '
         "(recorded, kept, broken, cancelled, rescheduled)"),
        ("UPDATE events SET data = (data::jsonb - 'customer')::json WHERE promise_id = '{call}'",
         'events row ("{call}", 1): column data (key "customer") is missing'),
        ("UPDATE events SET at = 'infinity' WHERE promise_id = '{call}'",
         'events row ("{call}", 1): column at holds \'infinity\', a time past the years 1 to '
         "9999 that a date holds"),
    ],
    ids=["infinity", "meta", "status", "event kind", "event data", "event time"],
)  # fmt: skip
def test_postgres_rows_changed_outside_honestcs_are_store_errors(
    postgres_dsn: str, postgres_schema: str, sql: str, message: str
) -> None:
    """PostgresStore names the schema, row and column of a tampered row, as SQLiteStore does."""
    import psycopg

    with PromiseLedger(PostgresStore(postgres_dsn, schema=postgres_schema)) as ledger:
        _, call = _fill(ledger)
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(f"SET search_path TO {postgres_schema}")
        for statement in sql.format(call=call).split("; "):
            conn.execute(statement)
    store = PostgresStore(postgres_dsn, schema=postgres_schema)
    read = store.history if "events" in sql else store.get
    with PromiseLedger(store), pytest.raises(StoreError) as info:
        read(call)
    assert str(info.value).endswith(f"schema {postgres_schema}: {message.format(call=call)}; "
                                    f"{CHANGED}")  # fmt: skip


# -- what each message says of a value -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "NULL"),
        ("x" * 40, f"the text '{'x' * 40}'"),
        ("x" * 41, f"the text '{'x' * 39}…'"),
        (True, "the boolean True"),
        (7, "the number 7"),
        (1.5, "the number 1.5"),
        (b"\x00" * 1234, "1,234 bytes of binary data"),
        ([1], "a list"),
    ],
    ids=["null", "text of 40", "text of 41", "boolean", "int", "float", "bytes", "other"],
)
def test_a_stored_value_is_shown_by_its_kind(value: object, shown: str) -> None:
    """Messages show a value as NULL, text (cut at 40 characters), a number, bytes or a type."""
    assert checked.shown(value) == shown


@pytest.mark.parametrize(
    ("make", "value", "problem"),
    [
        (lambda: checked.microseconds, -(10**17),
         "holds -100,000,000,000,000,000 microseconds since 1970-01-01 UTC, a time past the "
         "years 1 to 9999 that a date holds"),
        (lambda: checked.microseconds, True,
         "holds the boolean True, not a time (whole microseconds since 1970-01-01 UTC)"),
        (lambda: checked.timestamp, "noon", "holds the text 'noon', not a time with a time zone"),
        (lambda: checked.timestamp, datetime(2026, 1, 1),
         "holds a datetime, not a time with a time zone"),
        (lambda: checked.whole_number(0), -1, "holds -1, less than 0"),
        (lambda: checked.whole_number(1), 0, "holds 0, less than 1"),
        (lambda: checked.whole_number(0), False, "holds the boolean False, not a whole number"),
        (lambda: checked.whole_number(0), "2", "holds the text '2', not a whole number"),
        (lambda: checked.known(("a", "b"), "a letter"), "c",
         "holds the text 'c', not a letter (a, b)"),
        (lambda: checked.known(("a", "b"), "a letter"), None, "holds NULL, not a letter (a, b)"),
        (lambda: checked.optional(checked.text), 3, "holds the number 3, not text"),
    ],
    ids=["before year 1", "boolean time", "text time", "naive time", "negative count",
         "zero version", "boolean count", "text count", "unknown name", "null name",
         "optional text"],
)  # fmt: skip
def test_each_check_says_what_is_wrong(
    make: Callable[[], checked.Check], value: object, problem: str
) -> None:
    """A check names what a value holds and what the column needs; a right value passes."""
    assert make()(value) == problem
    assert checked.microseconds(-(10**16)) is None  # in the year 1653
    assert checked.timestamp(T0) is None
    assert checked.whole_number(1)(1) is None
    assert checked.known(("a", "b"), "a letter")("b") is None
    assert checked.optional(checked.text)(None) is None


_RECORD_NAMES = (
    "id, status, customer, agent, clause, text, made_at, due, original_due, closed_at, source, "
    "reschedules, note, details, version, updated_at, key"
)
_EVENT_NAMES = "promise_id, seq, at, kind, actor, reason, data, recorded_at"


_NOT_A_TIME = "not a time (whole microseconds since 1970-01-01 UTC)"


@pytest.mark.parametrize(
    ("table", "names", "nullable", "good", "messages"),
    [
        (checked.record_columns, _RECORD_NAMES,
         ["clause", "due", "original_due", "closed_at", "source", "note", "updated_at", "key"],
         ["P-1", "open", "C-1", "alex", "refund", "Text.", 0, 1, 2, 3, "r", 0, "n", "{}", 1, 4,
          "k"],
         {"status": ("lost", "holds the text 'lost', not a status (open, kept, broken, "
                             "cancelled)"),
          "version": (0, "holds 0, less than 1"),
          "made_at": ("x", f"holds the text 'x', {_NOT_A_TIME}"),
          "details": ("[]", "holds a JSON array, not a JSON object")}),
        (checked.event_columns, _EVENT_NAMES,
         ["actor", "reason", "recorded_at"],
         ["P-1", 1, 0, "kept", "sam", "why", "{}", 5],
         {"seq": (0, "holds 0, less than 1"),
          "kind": ("lost", "holds the text 'lost', not an event kind (recorded, kept, broken, "
                           "cancelled, rescheduled)"),
          "at": (None, "holds NULL, " + _NOT_A_TIME),
          "actor": (1, "holds the number 1, not text")}),
    ],
    ids=["promises", "events"],
)  # fmt: skip
def test_each_column_of_a_row_has_its_check(
    table: Callable[[str, checked.Check], tuple[checked.Column, ...]],
    names: str,
    nullable: list[str],
    good: list[object],
    messages: dict[str, tuple[object, str]],
) -> None:
    """The columns are named in order; each takes what honestcs writes, and says what is wrong."""
    columns = table(names, checked.microseconds)
    assert [column.name for column in columns] == names.split(", ")
    assert [column.name for column in columns if column.check(None) is None] == nullable
    assert [column.check(value) for column, value in zip(columns, good, strict=True)] == [
        None
    ] * len(columns)
    by_name = {column.name: column for column in columns}
    for name, (value, problem) in messages.items():
        assert (name, by_name[name].check(value)) == (name, problem)
