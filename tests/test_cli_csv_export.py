"""``honestcs promises export`` as CSV: text a spreadsheet would run as a formula is text."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from honestcs import Promise, PromiseLedger, SQLiteStore
from honestcs.cli import main
from honestcs.cli._promises import spreadsheet_cell

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A ledger whose customer id, agent, text and reason start like formulas."""
    path = tmp_path / "ledger.db"
    text = "@SUM(A1:A9) refund"
    with PromiseLedger(SQLiteStore(path)) as ledger:
        promise = Promise(text, 0, len(text), clause="refund", due=T0 + timedelta(days=3))
        record = ledger.record(promise, customer=HYPERLINK, agent="+agent", made_at=T0)
        ledger.reschedule(record.id, T0 + timedelta(days=5), reason="-2 days: stock", at=T0)
    return str(path)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_formula_in_a_customer_id_is_written_as_text(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """=HYPERLINK(…) as a customer id gets a leading apostrophe; so do +, - and @ cells."""
    out = tmp_path / "promises.csv"
    assert main(["promises", "export", "--db", db, "-o", str(out)]) == 0
    capsys.readouterr()
    [row] = _rows(out.read_text(encoding="utf-8"))
    assert row["customer"] == "'" + HYPERLINK
    assert row["agent"] == "'+agent"
    assert row["text"] == "'@SUM(A1:A9) refund"
    assert row["reason"] == "'-2 days: stock"
    # Numbers and what cannot be a formula are written as they are.
    assert (row["reschedules"], row["version"], row["status"]) == ("1", "2", "open")
    assert row["due"] == "2026-12-06T09:00:00+00:00"


def test_the_event_log_as_csv_to_stdout_is_neutralised_too(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Export --events as CSV on standard output: the same, and seq stays a number."""
    assert main(["promises", "export", "--db", db, "--events", "--export-format", "csv"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert [row["seq"] for row in rows] == ["1", "2"]
    assert rows[0]["actor"] == "'+agent"
    assert json.loads(rows[0]["data"])["customer"] == HYPERLINK  # JSON, starting with {
    assert rows[1]["reason"] == "'-2 days: stock"


def test_json_lines_keep_the_values_as_they_are(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON Lines are data for programs (and import): nothing is changed."""
    assert main(["promises", "export", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["customer"] == HYPERLINK


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=1", "a=1"),
        ("", ""),
        (-3, -3),
        (2, 2),
        (None, None),
        ({"a": "=1"}, '{"a": "=1"}'),
    ],
    ids=["hyperlink", "plus", "minus", "at", "tab", "cr", "inside", "empty", "negative number",
         "number", "null", "mapping"],
)  # fmt: skip
def test_spreadsheet_cell(value: object, cell: object) -> None:
    """Text that starts a formula gets an apostrophe; a number, even negative, does not."""
    assert spreadsheet_cell(value) == cell
