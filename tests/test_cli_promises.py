"""``honestcs promises``: the ledger from the command line."""

from __future__ import annotations

import argparse
import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from honestcs import Promise, PromiseLedger, PromiseStatus, SQLiteStore
from honestcs.cli import main
from honestcs.cli._promises import parse_instant, parse_within

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
NOW = "2026-12-01T12:00:00Z"  # three hours after T0


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, dict[str, str]]:
    """A ledger with a refund due in 3 days, an overdue call-back, and a kept delivery."""
    path = tmp_path / "promises.db"
    with PromiseLedger(SQLiteStore(path), clock=lambda: T0 + 2 * DAY) as ledger:

        def add(text: str, clause: str | None, due: datetime, customer: str, agent: str) -> str:
            p = Promise(text, 0, len(text), clause=clause, due=due)
            return ledger.record(p, customer=customer, agent=agent, made_at=T0).id

        ids = {
            "refund": add("We'll refund you by Friday.", "refund", T0 + 3 * DAY, "C-1042", "alex"),
            "call": add("I'll call you back within the hour.", None, T0 + HOUR, "C-7", "bo"),
            "ship": add("Express delivery tomorrow.", "express", T0 + DAY, "C-7", "bo"),
        }
        ledger.mark_kept(ids["ship"], at=T0 + DAY + 3 * HOUR)
    return str(path), ids


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    return capsys.readouterr().err


# -- listing ----------------------------------------------------------------------------


def test_list_prints_each_promise_id_first(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each line of list starts with a promise id, oldest first, with state and due time."""
    path, ids = db
    status, out, _ = run(capsys, "promises", "list", "--db", path, "--now", NOW)
    assert status == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [ids["refund"], ids["call"], ids["ship"]]
    assert "OVERDUE by 2h 0m" in lines[1]
    assert "kept 2026-12-02 12:00Z" in lines[2]
    assert '"We\'ll refund you by Friday."' in lines[0]


def test_list_json_is_one_object_per_line(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """With --format json, list prints one JSON record per line."""
    path, ids = db
    _, out, _ = run(capsys, "promises", "list", "--db", path, "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [ids["refund"], ids["call"], ids["ship"]]
    assert records[2]["status"] == "kept"
    assert records[0]["due"] == (T0 + 3 * DAY).isoformat()


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        (["--customer", "C-7"], ["call", "ship"]),
        (["--agent", "alex"], ["refund"]),
        (["--clause", "express"], ["ship"]),
        (["--status", "open"], ["refund", "call"]),
        (["--status", "KEPT"], ["ship"]),
        (["--customer", "C-7", "--status", "open"], ["call"]),
        (["--limit", "1"], ["refund"]),
    ],
)
def test_list_filters(
    db: tuple[str, dict[str, str]],
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    expected: list[str],
) -> None:
    """The customer, agent, clause, status and limit filters narrow the list."""
    path, ids = db
    _, out, _ = run(capsys, "promises", "list", "--db", path, *flags)
    assert [line.split()[0] for line in out.splitlines()] == [ids[name] for name in expected]


def test_an_empty_list_says_so_on_stderr(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """When nothing matches, stdout stays empty and stderr says why."""
    path, _ = db
    status, out, err = run(capsys, "promises", "list", "--db", path, "--customer", "nobody")
    assert (status, out) == (0, "")
    assert "no promises match" in err


def test_overdue_lists_only_overdue_ids(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Overdue prints the open promises past their due time at --now."""
    path, ids = db
    _, out, _ = run(capsys, "promises", "overdue", "--db", path, "--now", NOW)
    assert [line.split()[0] for line in out.splitlines()] == [ids["call"]]
    _, out, _ = run(capsys, "promises", "overdue", "--db", path, "--now", "2026-12-05T00:00Z")
    assert [line.split()[0] for line in out.splitlines()] == [ids["call"], ids["refund"]]
    _, out, err = run(capsys, "promises", "overdue", "--db", path, "--now", "2026-12-01T09:30Z")
    assert out == ""
    assert "no promise is overdue" in err


def test_overdue_json(db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    """Overdue with --format json prints each record as JSON."""
    path, ids = db
    _, out, _ = run(capsys, "promises", "overdue", "--db", path, "--now", NOW, "--format", "json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == [ids["call"]]


@pytest.mark.parametrize(
    ("within", "expected"),
    [("2h", []), ("1d", []), ("2d", ["refund"]), ("72h", ["refund"]), ("3 days", ["refund"])],
)
def test_due_soon(
    db: tuple[str, dict[str, str]],
    capsys: pytest.CaptureFixture[str],
    within: str,
    expected: list[str],
) -> None:
    """due-soon lists open promises due within --within of --now, not those already overdue."""
    path, ids = db
    _, out, _ = run(
        capsys, "promises", "due-soon", "--db", path, "--now", "2026-12-02T12:00Z",
        "--within", within,
    )  # fmt: skip
    assert [line.split()[0] for line in out.splitlines()] == [ids[name] for name in expected]


# -- stats ------------------------------------------------------------------------------


def test_stats_text_and_json(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Stats prints a table in text and the same figures as JSON."""
    path, _ = db
    _, out, _ = run(capsys, "promises", "stats", "--db", path, "--now", NOW)
    lines = out.splitlines()
    overall = next(line for line in lines if line.startswith("overall"))
    assert overall.split() == ["overall", "3", "1", "0", "0", "0", "2", "1", "100.0%", "3h", "0m"]
    assert "  alex" in out and "  (no clause)" in out
    _, out, _ = run(capsys, "promises", "stats", "--db", path, "--now", NOW, "--format", "json")
    data = json.loads(out)
    assert data["overall"]["made"] == 3
    assert data["overall"]["overdue"] == 1
    assert data["overall"]["median_lateness_seconds"] == 3 * 3600
    assert data["by_agent"]["bo"]["kept"] == 1
    assert data["by_clause"]["null"]["open"] == 1


def test_stats_window(db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    """--since and --until count only promises made in that window."""
    path, _ = db
    _, out, _ = run(
        capsys, "promises", "stats", "--db", path, "--now", NOW, "--format", "json",
        "--since", "2026-12-01T10:00:00+00:00",
    )  # fmt: skip
    assert json.loads(out)["overall"]["made"] == 0
    _, out, _ = run(
        capsys, "promises", "stats", "--db", path, "--until", "2026-12-02T00:00:00+00:00",
    )  # fmt: skip
    assert out.startswith("promises made before 2026-12-02 00:00Z")


# -- changes --------------------------------------------------------------------------


def test_kept_with_at_and_by(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Kept marks the promise kept at --at by --by and prints its id."""
    path, ids = db
    status, out, _ = run(
        capsys, "promises", "kept", ids["refund"], "--db", path,
        "--at", "2026-12-03T10:00:00+00:00", "--by", "sam",
    )  # fmt: skip
    assert status == 0
    assert out.startswith(f"{ids['refund']}  kept at 2026-12-03 10:00Z")
    with PromiseLedger(SQLiteStore(path)) as ledger:
        assert ledger.get(ids["refund"]).status is PromiseStatus.KEPT
        assert ledger.history(ids["refund"])[-1].actor == "sam"


def test_kept_defaults_to_now(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --at, a change happens at --now."""
    path, ids = db
    _, out, _ = run(
        capsys, "promises", "kept", ids["call"], "--db", path, "--now", NOW, "--format", "json"
    )
    assert json.loads(out)["closed_at"] == "2026-12-01T12:00:00+00:00"


def test_an_illegal_move_exits_2_naming_both_states(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Marking a kept promise broken is exit 2 with the state-table message, no traceback."""
    path, ids = db
    status, out, err = run(
        capsys, "promises", "broken", ids["ship"], "--db", path, "--reason", "late"
    )
    assert (status, out) == (2, "")
    assert "kept -> broken is not a legal move" in err
    assert "Traceback" not in err


def test_broken_and_cancel_need_a_reason(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Broken and cancel without --reason are usage errors; a blank reason is exit 2."""
    path, ids = db
    assert "--reason" in usage_error(capsys, "promises", "broken", ids["call"], "--db", path)
    assert "--reason" in usage_error(capsys, "promises", "cancel", ids["call"], "--db", path)
    status, _, err = run(capsys, "promises", "cancel", ids["call"], "--db", path, "--reason", "  ")
    assert status == 2
    assert "reason must be a non-blank string" in err


def test_broken_and_cancel(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Broken and cancel record the reason, shown in the output."""
    path, ids = db
    _, out, _ = run(
        capsys, "promises", "broken", ids["call"], "--db", path, "--now", NOW,
        "--reason", "line was busy",
    )  # fmt: skip
    assert out.strip() == f"{ids['call']}  broken at 2026-12-01 12:00Z  (line was busy)"
    _, out, _ = run(
        capsys, "promises", "cancel", ids["refund"], "--db", path, "--now", NOW,
        "--reason", "customer withdrew",
    )  # fmt: skip
    assert "cancelled" in out and "(customer withdrew)" in out


def test_reschedule(db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]) -> None:
    """Reschedule moves the due time, keeps the promise open, and is in its history."""
    path, ids = db
    _, out, _ = run(
        capsys, "promises", "reschedule", ids["refund"], "--db", path, "--now", NOW,
        "--due", "2026-12-10T17:00:00+00:00", "--reason", "bank holiday",
    )  # fmt: skip
    assert out.strip() == f"{ids['refund']}  rescheduled: now due 2026-12-10 17:00Z  (bank holiday)"
    _, out, _ = run(capsys, "promises", "history", ids["refund"], "--db", path)
    assert "rescheduled" in out
    assert "due 2026-12-04 09:00Z -> 2026-12-10 17:00Z" in out
    assert "(bank holiday)" in out
    assert "--reason" in usage_error(
        capsys, "promises", "reschedule", ids["refund"], "--db", path, "--due", NOW
    )


def test_unknown_id_exits_2(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """A change or history of an unknown id is exit 2 naming the id."""
    path, _ = db
    for argv in (["kept", "P-NOPE"], ["history", "P-NOPE"]):
        status, _, err = run(capsys, "promises", *argv, "--db", path)
        assert status == 2
        assert "no promise with id 'P-NOPE'" in err


def test_history_text_and_json(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """History prints the id, then each event; JSON prints one event per line."""
    path, ids = db
    _, out, _ = run(capsys, "promises", "history", ids["ship"], "--db", path)
    lines = out.splitlines()
    assert lines[0] == ids["ship"]
    assert "recorded" in lines[1] and "to C-7" in lines[1]
    assert "kept" in lines[2]
    _, out, _ = run(capsys, "promises", "history", ids["ship"], "--db", path, "--format", "json")
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["recorded", "kept"]


# -- export -----------------------------------------------------------------------------


def test_export_csv_file(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Export to a .csv file writes a header and one row per promise."""
    path, ids = db
    target = tmp_path / "out.csv"
    status, out, err = run(capsys, "promises", "export", "--db", path, "--output", str(target))
    assert (status, out) == (0, "")
    assert "wrote 3 promises" in err
    with target.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [row["id"] for row in rows] == [ids["refund"], ids["call"], ids["ship"]]
    assert rows[2]["status"] == "kept"
    assert json.loads(rows[0]["meta"]) == {}


def test_export_json_lines_file_with_filters(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Export to .jsonl writes one JSON record per line, filtered."""
    path, ids = db
    target = tmp_path / "out.jsonl"
    run(capsys, "promises", "export", "--db", path, "-o", str(target), "--customer", "C-7")
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["id"] for r in records] == [ids["call"], ids["ship"]]


def test_export_to_stdout_and_events(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --output, export writes to stdout in --export-format; --events exports the log."""
    path, ids = db
    _, out, _ = run(capsys, "promises", "export", "--db", path, "--export-format", "csv")
    assert out.splitlines()[0].startswith("id,status,customer,agent")
    _, out, _ = run(capsys, "promises", "export", "--db", path, "--events", "--status", "kept")
    events = [json.loads(line) for line in out.splitlines()]
    assert [(e["promise_id"], e["kind"]) for e in events] == [
        (ids["ship"], "recorded"), (ids["ship"], "kept"),
    ]  # fmt: skip


def test_export_to_a_file_of_unknown_suffix_needs_a_format(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file name that does not say CSV or JSON Lines is exit 2 unless --export-format is given."""
    path, _ = db
    target = tmp_path / "out.txt"
    status, _, err = run(capsys, "promises", "export", "--db", path, "-o", str(target))
    assert status == 2 and "--export-format" in err
    assert not target.exists()
    run(capsys, "promises", "export", "--db", path, "-o", str(target), "--export-format", "csv")
    assert target.read_text().startswith("id,status")


# -- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-12-01T12:00:00", "has no UTC offset"),
        ("tomorrow", "is not an ISO 8601 time"),
    ],
)
def test_bad_now_is_a_usage_error(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str], value: str, message: str
) -> None:
    """--now must be ISO 8601 with an offset; anything else is exit 2 with a clear message."""
    path, _ = db
    assert message in usage_error(capsys, "promises", "overdue", "--db", path, "--now", value)


@pytest.mark.parametrize("within", ["soon", "0h", "2 business days", "1-2 days", "-3d"])
def test_bad_within_is_a_usage_error(
    db: tuple[str, dict[str, str]], capsys: pytest.CaptureFixture[str], within: str
) -> None:
    """A --within that is not one positive calendar duration is exit 2."""
    path, _ = db
    err = usage_error(capsys, "promises", "due-soon", "--db", path, "--within", within)
    assert "argument --within" in err


def test_a_corrupt_db_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A --db that is not a SQLite file is exit 2 with the file named, never a traceback."""
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 1000)
    status, out, err = run(capsys, "promises", "list", "--db", str(bad))
    assert (status, out) == (2, "")
    assert err.startswith(f"honestcs: error: {bad} is not a SQLite database")
    assert "Traceback" not in err


def test_a_missing_db_is_exit_2_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A --db that does not exist is an error, not a new empty ledger."""
    missing = tmp_path / "missing.db"
    status, _, err = run(capsys, "promises", "stats", "--db", str(missing))
    assert status == 2
    assert "does not exist" in err
    assert not missing.exists()


def test_db_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    """Every action needs --db."""
    assert "--db" in usage_error(capsys, "promises", "list")


# -- the parsers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2d", timedelta(days=2)),
        ("48h", timedelta(hours=48)),
        ("90m", timedelta(minutes=90)),
        ("1w", timedelta(weeks=1)),
        ("30s", timedelta(seconds=30)),
        ("1.5d", timedelta(hours=36)),
        ("3 days", timedelta(days=3)),
        ("an hour", timedelta(hours=1)),
        ("two weeks", timedelta(weeks=2)),
    ],
)
def test_parse_within(text: str, expected: timedelta) -> None:
    """Short forms and the policy's duration words both parse to a timedelta."""
    assert parse_within(text) == expected


def test_parse_instant_keeps_the_offset() -> None:
    """An ISO time with Z or an offset parses to an aware datetime."""
    assert parse_instant("2026-12-01T09:00:00Z") == T0
    assert parse_instant("2026-12-01T04:00:00-05:00") == T0
    with pytest.raises(argparse.ArgumentTypeError):
        parse_instant("2026-12-01")
