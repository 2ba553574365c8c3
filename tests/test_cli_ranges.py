"""Times and numbers past what the code can use: one line naming the option and its range.

A time must lie within the years 2 to 9998 (UTC), so that every date worked out from it
exists; a whole number must fit what SQLite, PostgreSQL and the process can hold. Beyond
either, every command exits 2 before it reads or writes anything.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from honestcs import MemoryStore, Promise, PromiseLedger, SQLiteStore
from honestcs.cli import main
from honestcs.promises.model import MAX_LIMIT, PromiseQuery, aware_utc

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
REPLY = ROOT / "examples" / "replies" / "01-refund-too-fast.txt"
RANGE = "honestcs takes times from 0002-01-01T00:00:00Z to 9998-12-31T23:59:59Z"
T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)

# No local time at all (year 0 in UTC), just past the end, and the very last second.
OUT_OF_RANGE = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-01-01T00:00:00Z"]


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, str]:
    """A ledger with one open promise: its path and the promise's id."""
    path = tmp_path / "ledger.db"
    text = "We'll refund you by Friday."
    with PromiseLedger(SQLiteStore(path)) as ledger:
        promise = Promise(text, 0, len(text), clause="refund", due=T0 + timedelta(days=3))
        record = ledger.record(promise, customer="C-1", agent="alex", made_at=T0)
    return str(path), record.id


def usage_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """The one error line of a usage error (after argparse's usage line)."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[0].startswith("usage: ")
    assert len(lines) == 2 or lines[1].startswith(" "), err  # the usage may wrap
    return lines[-1]


_TIMED = [
    ("check", ["check", "--policy", str(POLICY), "{opt}", "{time}", str(REPLY)], "--now"),
    ("policy diff", ["policy", "diff", str(POLICY), str(POLICY), "{opt}", "{time}"], "--now"),
    ("list", ["promises", "list", "--db", "{db}", "{opt}", "{time}"], "--now"),
    ("overdue", ["promises", "overdue", "--db", "{db}", "{opt}", "{time}"], "--now"),
    ("due-soon", ["promises", "due-soon", "--db", "{db}", "{opt}", "{time}"], "--now"),
    ("stats --now", ["promises", "stats", "--db", "{db}", "{opt}", "{time}"], "--now"),
    ("stats --since", ["promises", "stats", "--db", "{db}", "{opt}", "{time}"], "--since"),
    ("stats --until", ["promises", "stats", "--db", "{db}", "{opt}", "{time}"], "--until"),
    ("kept", ["promises", "kept", "{id}", "--db", "{db}", "{opt}", "{time}"], "--at"),
    ("broken", ["promises", "broken", "{id}", "--db", "{db}", "--reason", "r", "{opt}", "{time}"],
     "--at"),
    ("reschedule", ["promises", "reschedule", "{id}", "--db", "{db}", "--reason", "r", "{opt}",
                    "{time}"], "--due"),
    ("report", ["promises", "report", "--db", "{db}", "-o", "{db}.html", "{opt}", "{time}"],
     "--now"),
    ("watch", ["promises", "watch", "--db", "{db}", "{opt}", "{time}"], "--now"),
]  # fmt: skip


@pytest.mark.parametrize("time", OUT_OF_RANGE)
@pytest.mark.parametrize(("argv", "option"), [(a, o) for _, a, o in _TIMED],
                         ids=[name for name, _, _ in _TIMED])  # fmt: skip
def test_a_time_out_of_range_is_a_usage_error_naming_the_option(
    db: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    option: str,
    time: str,
) -> None:
    """Every option that takes a time refuses one outside the years 2 to 9998, saying so."""
    path, ident = db
    before = Path(path).read_bytes()
    filled = [a.format(db=path, id=ident, opt=option, time=time) for a in argv]
    line = usage_error(capsys, filled)
    assert line.endswith(f'error: argument {option}: "{time}" is out of range: {RANGE}')
    assert Path(path).read_bytes() == before


@pytest.mark.parametrize("time", ["0002-01-01T00:00:00Z", "9998-12-31T23:59:59Z",
                                  "9998-12-31T09:59:59-14:00"])  # fmt: skip
def test_the_ends_of_the_range_are_times_like_any_other(
    db: tuple[str, str], capsys: pytest.CaptureFixture[str], time: str
) -> None:
    """At either end of the range, check and the ledger commands work."""
    path, _ = db
    assert main(["check", "--policy", str(POLICY), "--now", time, str(REPLY)]) in (0, 1)
    for action in ("list", "overdue", "due-soon", "stats"):
        assert main(["promises", action, "--db", path, "--now", time]) == 0
    assert main(["promises", "due-soon", "--db", path, "--now", time, "--within", "36500d"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_line_now_out_of_range_is_that_lines_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In check --jsonl, a line whose "now" is out of range gets an error object; the rest run."""
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "reply": "We'll refund you within 2 days.", "now": "9999-12-31T23:59:59Z"},
        {"id": "b", "reply": "We'll refund you within 2 days.", "now": "2026-12-01T10:00:00Z"},
    ]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    status = main(["check", "--policy", str(POLICY), "--jsonl", str(source)])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 2
    assert out[0] == {
        "id": "a",
        "line": 1,
        "error": f'line 1: "now": "9999-12-31T23:59:59Z" is out of range: {RANGE}',
    }
    assert out[1]["findings"]


def test_a_past_reply_now_out_of_range_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Policy diff --replies names the line whose "now" is out of range, and exits 2."""
    source = tmp_path / "past.jsonl"
    row = {"id": "a", "reply": "We'll refund you.", "now": "0001-01-01T00:00:00+14:00"}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main(["policy", "diff", str(POLICY), str(POLICY), "--replies", str(source)]) == 2
    assert capsys.readouterr().err == (
        f'honestcs: error: {source}:1: "now": "0001-01-01T00:00:00+14:00" is out of range: '
        f"{RANGE}\n"
    )


# -- whole numbers ------------------------------------------------------------------------------

_NUMBERS = [
    (["promises", "list", "--db", "{db}", "--limit", "99999999999999999999999"],
     "--limit must be from 1 to 9,223,372,036,854,775,807, not 99,999,999,999,999,999,999,999"),
    (["promises", "overdue", "--db", "{db}", "--limit", "9223372036854775808"],
     "--limit must be from 1 to 9,223,372,036,854,775,807, not 9,223,372,036,854,775,808"),
    (["promises", "export", "--db", "{db}", "--limit", "-1"],
     "--limit must be from 1 to 9,223,372,036,854,775,807, not -1"),
    (["promises", "due-soon", "--db", "{db}", "--limit", "9" * 5000],
     "--limit must be from 1 to 9,223,372,036,854,775,807, not a number of 5,000 digits"),
    (["check", "--policy", str(POLICY), "--jsonl", "-", "--jobs", "99999999999999999999"],
     "--jobs must be from 1 to 1,024, not 99,999,999,999,999,999,999"),
    (["check", "--policy", str(POLICY), "--max-reply-chars", "0", "-"],
     "--max-reply-chars must be at least 1, not 0"),
    (["report", "{db}", "--min-replies", "-5"], "--min-replies must be at least 1, not -5"),
    (["promises", "due-soon", "--db", "{db}", "--within", "99999999999d"],
     "'99999999999d' is too long: give a positive length of time up to 36,500d (100 years)"),
    (["promises", "watch", "--db", "{db}", "--interval", "101 years"],
     "'101 years' is too long: give a positive length of time up to 36,500d (100 years)"),
]  # fmt: skip


_NUMBER_IDS = [
    "limit huge", "limit 2**63", "limit -1", "limit 5000 digits", "jobs", "max-reply-chars",
    "min-replies", "within", "interval",
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), _NUMBERS, ids=_NUMBER_IDS)
def test_a_number_past_what_the_code_can_use_is_a_usage_error(
    db: tuple[str, str], capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """A whole number or length of time out of its range is one line naming both."""
    path, _ = db
    option = argv[-2] if argv[-2].startswith("--") else argv[-3]
    line = usage_error(capsys, [a.format(db=path) for a in argv])
    assert line.endswith(f"error: argument {option}: {message}")


def test_the_largest_limit_is_a_limit(
    db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--limit 2**63 - 1 is what SQLite holds, and lists every promise."""
    path, ident = db
    assert main(["promises", "list", "--db", path, "--limit", str(MAX_LIMIT)]) == 0
    assert capsys.readouterr().out.startswith(ident)


# -- the ledger, from Python ------------------------------------------------------------------


@pytest.mark.parametrize("limit", [-1, MAX_LIMIT + 1, 1.5, True])
def test_a_query_limit_out_of_range_is_a_value_error(limit: object) -> None:
    """PromiseQuery refuses a limit no store can take, instead of an overflow in the store."""
    with pytest.raises(ValueError, match="limit must be a whole number from 0 to"):
        PromiseQuery(limit=limit)  # type: ignore[arg-type]


def test_due_soon_over_the_end_of_time_is_everything_due_later() -> None:
    """A window past the year 9999 holds every promise due after now, not an OverflowError."""
    ledger = PromiseLedger(MemoryStore())
    text = "We'll call you."
    now = datetime(9998, 12, 1, tzinfo=UTC)
    due = datetime(9998, 12, 20, tzinfo=UTC)
    record = ledger.record(Promise(text, 0, len(text), due=due), customer="C", agent="a",
                           made_at=now)  # fmt: skip
    assert [r.id for r in ledger.due_soon(now, timedelta(days=999_999))] == [record.id]


def test_a_time_with_no_utc_time_is_a_value_error() -> None:
    """A time in year 1 whose UTC time is in year 0 is a ValueError that says so."""
    moment = datetime.fromisoformat("0001-01-01T00:00:00+14:00")
    with pytest.raises(ValueError, match="has no time in UTC"):
        aware_utc(moment, "at")
