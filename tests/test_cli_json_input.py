r"""JSON input that is not text: half a surrogate pair (``"\ud800"``) written alone.

Python reads it into a string, but it is no character and cannot be written out as
UTF-8: every command that reads JSON refuses it with one line naming the file, the line
and the key, and loses nothing already written or recorded.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from honestcs import load_policy
from honestcs._text_files import NotTextError, loads
from honestcs.cli import main
from honestcs.exceptions import PolicyError

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
NOW = "2026-12-01T10:00:00-06:00"
LONE = r"We'll refund you \ud800 within 2 days."  # as JSON writes it: a backslash escape
PROBLEM = (
    '"reply" holds \\ud800 at character 17, half of a surrogate pair without its other '
    "half, which is not text"
)
GOOD = json.dumps({"id": "r1", "reply": "We'll refund you within 2 days."})
BAD = '{"id": "r2", "reply": "' + LONE + '"}'


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err.rstrip("\n")


# -- the reader ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (BAD, PROBLEM),
        (r'{"data": {"customer": "\udc00"}}', '"data.customer" holds \\udc00 at character 0'),
        (r'{"terms": ["refund", "x\ud83d"]}', '"terms[1]" holds \\ud83d at character 1'),
        (r'{"\ud800": 1}', 'a key ("\\ud800") holds half of a surrogate pair'),
        (r'"\udfff"', "it holds \\udfff at character 0"),
    ],
    ids=["high", "nested low", "in a list", "in a key", "the whole document"],
)
def test_a_lone_surrogate_is_named_by_where_it_is(raw: str, message: str) -> None:
    """A surrogate without its pair is refused, naming the key or path and the character."""
    with pytest.raises(NotTextError) as info:
        loads(raw)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    "raw",
    [r'"\ud83d\ude00"', r'"a \\ud800 b"', '"plain"', b'{"reply": "caf\xc3\xa9"}'],
    ids=["a pair", "an escaped backslash", "no escape", "UTF-8 bytes"],
)
def test_text_passes(raw: str | bytes) -> None:
    """A surrogate pair (one character), a backslash before "ud800", and plain text are text."""
    loads(raw)


def test_bytes_that_encode_a_surrogate_are_not_utf8() -> None:
    """UTF-8-like bytes of a surrogate (json.loads would let them through) are not UTF-8."""
    with pytest.raises(UnicodeDecodeError):
        loads(b'"\xed\xa0\x80"')


# -- the commands -------------------------------------------------------------------------------


def test_check_jsonl_reports_the_line_and_checks_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Check --jsonl gives the line an error object with its id, checks the rest, and exits 2."""
    source = _write(tmp_path / "in.jsonl", GOOD, BAD, GOOD.replace("r1", "r3"))
    out = tmp_path / "out.jsonl"
    status = main(["check", "--policy", str(POLICY), "--now", NOW, "--jsonl", str(source),
                   "-o", str(out)])  # fmt: skip
    assert status == 2
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["r1", "r2", "r3"]
    assert rows[1] == {"id": "r2", "line": 2, "error": f"line 2: {PROBLEM}"}
    assert "findings" in rows[0] and "findings" in rows[2]
    assert "1 bad line" in capsys.readouterr().err


def test_check_jsonl_to_stdout_writes_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The error object is written to standard output like any other line, as valid UTF-8."""
    source = _write(tmp_path / "in.jsonl", BAD)
    assert main(["check", "--policy", str(POLICY), "--now", NOW, "--jsonl", str(source)]) == 2
    out = capsys.readouterr().out
    out.encode("utf-8")
    assert json.loads(out)["error"] == f"line 1: {PROBLEM}"


def test_check_of_a_jsonl_file_records_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Check FILE.jsonl --record stops at the line before checking or recording anything."""
    replies = _write(tmp_path / "replies.jsonl", GOOD, BAD)
    db = tmp_path / "ledger.db"
    status = main(["check", "--policy", str(POLICY), "--now", NOW, "--record", "--db", str(db),
                   "--customer-id", "C-1", "--agent", "alex", str(replies)])  # fmt: skip
    assert status == 2
    assert _one_line(capsys.readouterr().err) == f"honestcs: error: {replies}:2: {PROBLEM}"
    assert not db.exists()


def test_import_names_the_line_and_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Promises import of an event with a lone surrogate imports nothing, naming the line."""
    event = {
        "promise_id": "P-1", "seq": 1, "at": "2026-12-01T10:00:00+00:00", "kind": "recorded",
        "actor": "alex", "reason": None, "recorded_at": None,
        "data": {"customer": "C-1", "agent": "alex", "clause": None, "text": "x", "due": None,
                 "key": None, "meta": {}},
    }  # fmt: skip
    good = json.dumps(event)
    bad = json.dumps({**event, "promise_id": "P-2"}).replace('"C-1"', r'"C-\udc80"')
    log = _write(tmp_path / "events.jsonl", good, bad)
    db = tmp_path / "ledger.db"
    assert main(["promises", "import", "--db", str(db), str(log)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f'honestcs: error: {log}:2: "data.customer" holds \\udc80 at character 2, half of a '
        f"surrogate pair without its other half, which is not text; nothing was imported "
        f"into {db}"
    )
    assert not db.exists()


def test_import_into_a_ledger_leaves_it_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An import into an existing ledger that fails on a lone surrogate leaves it unchanged."""
    db = tmp_path / "ledger.db"
    first = tmp_path / "first.jsonl"
    event = {
        "promise_id": "P-1", "seq": 1, "at": "2026-12-01T10:00:00+00:00", "kind": "recorded",
        "data": {"customer": "C-1", "agent": "alex", "text": "x"},
    }  # fmt: skip
    _write(first, json.dumps(event))
    assert main(["promises", "import", "--db", str(db), str(first)]) == 0
    bad = json.dumps({**event, "promise_id": "P-2"}).replace('"x"', r'"x\ud800"')
    second = _write(tmp_path / "second.jsonl", bad)
    assert main(["promises", "import", "--db", str(db), str(second)]) == 2
    capsys.readouterr()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id FROM promises").fetchall() == [("P-1",)]


@pytest.mark.parametrize(
    ("argv", "where"),
    [
        (["report", "{file}"], "{file}:1"),
        (["policy", "diff", str(POLICY), str(POLICY), "--replies", "{file}"], "{file}:1"),
    ],
    ids=["report", "policy diff --replies"],
)
def test_other_readers_of_json_lines_name_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], where: str
) -> None:
    """Report and policy diff --replies exit 2 with one line naming the file and line."""
    file = _write(tmp_path / "in.jsonl", BAD)
    status = main([a.format(file=file) for a in argv])
    assert status == 2
    assert _one_line(capsys.readouterr().err) == (
        f"honestcs: error: {where.format(file=file)}: {PROBLEM}"
    )


def test_a_json_policy_with_a_lone_surrogate_is_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON policy holding one is a PolicyError naming the key; policy check exits 2."""
    path = tmp_path / "p.json"
    path.write_text(
        '{"policy": {"name": "Acme", "timezone": "UTC"}, "can": [{"id": "refund", '
        '"does": "refund", "terms": ["refund", "money \\ud800 back"], "takes": "5 days"}]}',
        encoding="utf-8",
    )
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    message = (
        f'{path}: "can[0].terms[1]" holds \\ud800 at character 6, half of a surrogate pair '
        "without its other half, which is not text"
    )
    assert str(info.value) == message
    assert main(["policy", "check", str(path)]) == 2
    assert _one_line(capsys.readouterr().err) == message


def test_import_of_a_recording_without_its_customer_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An event log whose recording has no customer is refused by its line, not a KeyError."""
    event = {
        "promise_id": "P-1", "seq": 1, "at": "2026-12-01T10:00:00+00:00", "kind": "recorded",
        "data": {"agent": "alex", "text": "We'll call you."},
    }  # fmt: skip
    log = _write(tmp_path / "events.jsonl", json.dumps(event))
    db = tmp_path / "ledger.db"
    assert main(["promises", "import", "--db", str(db), str(log)]) == 2
    assert _one_line(capsys.readouterr().err) == (
        f"honestcs: error: {log}:1: the recording of P-1 has no 'customer' in its data; "
        f"nothing was imported into {db}"
    )
    assert not db.exists()
