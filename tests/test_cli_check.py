"""``honestcs check``: inputs, outputs, exit status and recording promises."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import honestcs
from honestcs.cli import main

NOW = "2026-12-01T10:00:00-06:00"  # a Tuesday in Chicago

POLICY_TOML = """\
[policy]
name = "Test Furniture"
timezone = "America/Chicago"

[[can]]
id = "refund"
does = "refund returned items to the original payment method"
terms = ["refund", "money back"]
takes = "5-7 business days"

[[can]]
id = "delivery"
does = "deliver in-stock furniture"
terms = ["deliver", "delivery", "arrive"]
takes = "7-14 business days"

[[can]]
id = "discount"
does = "discount floor models"
terms = ["discount", "% off"]
up_to = "20%"
"""

HONEST = "Refunds take 5 to 7 business days to reach your card."
TOO_FAST = "Thanks for waiting.\nWe'll refund you within 3 days."
GUARANTEE = "I guarantee it."
VAGUE = "We'll look into it."


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(POLICY_TOML, encoding="utf-8")
    return path


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _run(
    capsys: pytest.CaptureFixture[str], *args: str | Path
) -> tuple[int, str, str]:
    """Run ``honestcs`` and return (exit status, stdout, stderr); never a traceback."""
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def _json_lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# -- exit status ---------------------------------------------------------------------------


def test_exit_0_for_an_honest_reply(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """A reply with no error finding exits 0 and says so in the summary."""
    reply = _write(tmp_path, "honest.txt", HONEST)
    status, out, err = _run(capsys, "check", "--policy", policy, "--now", NOW, reply)
    assert status == 0
    assert "1 reply checked, 0 with errors: 0 errors, 0 warnings, 0 info" in out
    assert err == ""


def test_exit_1_for_an_error_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """A reply with an error finding exits 1."""
    reply = _write(tmp_path, "fast.txt", TOO_FAST)
    status, out, _ = _run(capsys, "check", "--policy", policy, "--now", NOW, reply)
    assert status == 1
    assert "1 reply checked, 1 with errors: 1 error" in out


def test_warnings_alone_exit_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """Warnings and info are reported but do not fail the check."""
    reply = _write(tmp_path, "warn.txt", f"{GUARANTEE} {VAGUE}")
    status, out, _ = _run(capsys, "check", "--policy", policy, "--now", NOW, reply)
    assert status == 0
    assert "warning: absolute-guarantee" in out
    assert "info: vague-commitment" in out


def test_any_failing_reply_fails_the_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """With several replies, one error finding is enough to exit 1."""
    good = _write(tmp_path, "a.txt", HONEST)
    bad = _write(tmp_path, "b.txt", TOO_FAST)
    status, out, _ = _run(capsys, "check", "--policy", policy, "--now", NOW, good, bad)
    assert status == 1
    assert "2 replies checked, 1 with errors" in out


@pytest.mark.parametrize(
    ("case", "message"),
    [
        pytest.param("missing policy", "no such policy file", id="missing policy"),
        pytest.param("bad policy", "colour", id="bad policy (unknown key)"),
        pytest.param("missing reply", "no such file", id="missing reply file"),
        pytest.param("bad jsonl", "not JSON", id="bad JSON Lines"),
        pytest.param("jsonl without reply", '"reply" must be a string', id="JSON Lines, no reply"),
        pytest.param("record without db", "--record needs", id="--record without --db"),
        pytest.param("empty folder", "no .txt or .md replies", id="empty folder"),
        pytest.param("missing customer", "nope.txt", id="missing --customer file"),
        pytest.param("policy syntax", "syntax.toml:1:", id="policy syntax error with line"),
        pytest.param("not utf-8", "not UTF-8", id="reply not UTF-8"),
        pytest.param("jsonl array", "expected an object", id="JSON Lines row not an object"),
        pytest.param("not a database", "not a SQLite database", id="--db not SQLite"),
    ],
)  # fmt: skip
def test_exit_2_for_usage_policy_and_input_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path, case: str, message: str
) -> None:
    """Usage, policy and input errors exit 2 with one clear message on stderr, no traceback."""
    reply = _write(tmp_path, "reply.txt", HONEST)
    bad_policy = _write(tmp_path, "bad.toml", POLICY_TOML + 'colour = "blue"\n')
    args: dict[str, list[str | Path]] = {
        "missing policy": ["--policy", tmp_path / "nope.toml", "--now", NOW, reply],
        "bad policy": ["--policy", bad_policy, "--now", NOW, reply],
        "missing reply": ["--policy", policy, "--now", NOW, tmp_path / "nope.txt"],
        "bad jsonl": [
            "--policy", policy, "--now", NOW,
            _write(tmp_path, "bad.jsonl", '{"reply": "Hi."}\n{not json\n'),
        ],
        "jsonl without reply": [
            "--policy", policy, "--now", NOW, _write(tmp_path, "x.jsonl", '{"text_": "Hi."}\n'),
        ],
        "record without db": ["--policy", policy, "--now", NOW, "--record", reply],
        "empty folder": ["--policy", policy, "--now", NOW, _mkdir(tmp_path / "empty")],
        "missing customer": [
            "--policy", policy, "--now", NOW, "--customer", tmp_path / "nope.txt", reply,
        ],
        "policy syntax": [
            "--policy", _write(tmp_path, "syntax.toml", "not toml [[["), "--now", NOW, reply,
        ],
        "not utf-8": ["--policy", policy, "--now", NOW, _write_bytes(tmp_path / "l.txt")],
        "jsonl array": [
            "--policy", policy, "--now", NOW, _write(tmp_path, "a.jsonl", "[1, 2]\n"),
        ],
        "not a database": [
            "--policy", policy, "--now", NOW, "--db", _write(tmp_path, "g.db", "garbage"),
            "--customer-id", "C", reply,
        ],
    }  # fmt: skip
    status, out, err = _run(capsys, "check", *args[case])
    assert status == 2
    assert err.startswith("honestcs: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert out == ""


def _write_bytes(path: Path) -> Path:
    path.write_bytes(b"\xff\xfe not UTF-8")
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def test_missing_policy_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving out --policy, with no config file to name one, is a usage error with status 2."""
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-"]) == 2
    assert "no policy: give --policy FILE" in capsys.readouterr().err


# -- text output ---------------------------------------------------------------------------


def test_text_output_points_at_the_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """Text output is 'file:line:col: severity: rule', the line, and a caret underline."""
    reply = _write(tmp_path, "fast.txt", TOO_FAST)
    _, out, _ = _run(capsys, "check", "--policy", policy, "--now", NOW, reply)
    lines = out.splitlines()
    assert lines[0].startswith(f"{reply}:2:1: error: overpromise [refund]: ")
    assert lines[1] == " 2 | We'll refund you within 3 days."
    assert lines[2] == "   | " + "^" * len("We'll refund you within 3 days")
    assert lines[3].startswith("   = suggestion: ")
    assert "Thursday 10 December" in lines[3]


def test_caret_starts_at_the_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """The underline starts under the finding's first character."""
    reply = _write(tmp_path, "g.txt", f"Hello. {GUARANTEE}")
    _, out, _ = _run(capsys, "check", "--policy", policy, "--now", NOW, reply)
    lines = out.splitlines()
    assert lines[0].startswith(f"{reply}:1:8: warning: absolute-guarantee: ")
    assert lines[2] == "   | " + " " * 7 + "^" * len("I guarantee")


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path) -> None:
    """-o writes the output to a file instead of stdout."""
    reply = _write(tmp_path, "fast.txt", TOO_FAST)
    target = tmp_path / "out.jsonl"
    status, out, _ = _run(
        capsys, "check", "--policy", policy, "--now", NOW, "--format", "json", "-o", target, reply
    )
    assert status == 1
    assert out == ""
    (row,) = _json_lines(target.read_text(encoding="utf-8"))
    assert row["source"] == str(reply)


# -- json and github output ------------------------------------------------------------------


def test_json_output_is_one_object_per_reply(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """--format json prints one report object per reply, with its source."""
    good = _write(tmp_path, "a.txt", HONEST)
    bad = _write(tmp_path, "b.txt", TOO_FAST)
    status, out, _ = _run(
        capsys, "check", "--policy", policy, "--now", NOW, "--format", "json", good, bad
    )
    assert status == 1
    rows = _json_lines(out)
    assert len(out.strip().splitlines()) == 2
    assert [r["source"] for r in rows] == [str(good), str(bad)]
    assert [r["ok"] for r in rows] == [True, False]
    assert set(rows[1]) == {"source", "ok", "findings", "promises"}
    (finding,) = rows[1]["findings"]
    assert finding["rule"] == "overpromise"
    assert (finding["line"], finding["column"]) == (2, 1)
    (promise,) = rows[1]["promises"]
    assert promise["due"] == "2026-12-04T10:00:00-06:00"


def test_github_output_is_workflow_commands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """--format github prints one ::error / ::warning / ::notice command per finding."""
    error = _write(tmp_path, "a.txt", TOO_FAST)
    warning = _write(tmp_path, "b.txt", GUARANTEE)
    notice = _write(tmp_path, "c.txt", VAGUE)
    clean = _write(tmp_path, "d.txt", HONEST)
    status, out, _ = _run(
        capsys, "check", "--policy", policy, "--now", NOW, "--format", "github",
        error, warning, notice, clean,
    )  # fmt: skip
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"::error file={error},line=2,col=1,")
    assert "title=honestcs overpromise::" in lines[0]
    assert lines[1].startswith(f"::warning file={warning},line=1,col=1,")
    assert lines[2].startswith(f"::notice file={notice},line=1,col=1,")


# -- inputs ----------------------------------------------------------------------------------


def test_folders_are_read_sorted_txt_and_md(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """A folder contributes its .txt and .md files, sorted, and nothing else."""
    folder = tmp_path / "replies"
    _write(folder, "b.txt", GUARANTEE)
    _write(folder, "a.md", HONEST)
    _write(folder, "c.txt", TOO_FAST)
    _write(folder, "notes.json", TOO_FAST)
    _write(folder, "README", TOO_FAST)
    status, out, _ = _run(
        capsys, "check", "--policy", policy, "--now", NOW, "--format", "json", folder
    )
    assert status == 1
    rows = _json_lines(out)
    assert [Path(r["source"]).name for r in rows] == ["a.md", "b.txt", "c.txt"]
    assert [r["ok"] for r in rows] == [True, True, False]


def test_jsonl_input(capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path) -> None:
    """A .jsonl file holds one reply a line, with its customer message and id."""
    question = "Do you deliver on Saturdays?"
    rows = [
        {"id": "t-1", "reply": "Yes, we deliver on Saturdays.", "customer": question},
        {"id": "t-2", "reply": "Thanks for reaching out!", "customer": question},
        {"reply": TOO_FAST},
    ]
    path = _write(tmp_path, "replies.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    status, out, _ = _run(
        capsys, "check", "--policy", policy, "--now", NOW, "--format", "json", path
    )
    assert status == 1
    found = _json_lines(out)
    assert [r["source"] for r in found] == [f"{path}:t-1", f"{path}:t-2", f"{path}:3"]
    assert [[f["rule"] for f in r["findings"]] for r in found] == [
        [],
        ["unanswered-question"],
        ["overpromise"],
    ]


def test_customer_file_feeds_unanswered_question(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """--customer gives every reply the customer's message, so unanswered questions show."""
    reply = _write(tmp_path, "reply.txt", "Thanks for reaching out!")
    customer = _write(tmp_path, "customer.txt", "Do you deliver on Saturdays?")
    base = ["check", "--policy", policy, "--now", NOW, "--format", "json"]
    _, without, _ = _run(capsys, *base, reply)
    _, with_customer, _ = _run(capsys, *base, "--customer", customer, reply)
    assert _json_lines(without)[0]["findings"] == []
    (finding,) = _json_lines(with_customer)[0]["findings"]
    assert finding["rule"] == "unanswered-question"
    assert "Do you deliver on Saturdays?" in finding["message"]


@pytest.mark.parametrize("args", [pytest.param(["-"], id="dash"), pytest.param([], id="no file")])
def test_stdin(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    policy: Path,
    args: list[str],
) -> None:
    """With "-" or no file at all, the reply is read from standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO(TOO_FAST))
    status, out, _ = _run(
        capsys, "check", "--policy", policy, "--now", NOW, "--format", "json", *args
    )
    assert status == 1
    (row,) = _json_lines(out)
    assert row["source"] == "-"


# -- recording promises ---------------------------------------------------------------------


def test_record_stores_the_promises(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, policy: Path
) -> None:
    """--record writes every promise to the ledger with customer, agent, clause and due."""
    db = tmp_path / "promises.db"
    reply = _write(
        tmp_path,
        "reply.txt",
        "We'll refund you within 7 business days. Your sofa will arrive within 14 business days.",
    )
    status, out, _ = _run(
        capsys, "check", "--policy", policy, "--now", NOW,
        "--record", "--db", db, "--customer-id", "C-1042", "--agent", "alex", reply,
    )  # fmt: skip
    assert status == 0
    assert "2 promises found" in out
    ledger = honestcs.PromiseLedger(honestcs.SQLiteStore(db))
    try:
        records = ledger.open(customer="C-1042")
        assert ledger.open(customer="someone else") == []
    finally:
        ledger.close()
    assert [(r.clause, r.agent, r.status) for r in records] == [
        ("refund", "alex", honestcs.PromiseStatus.OPEN),
        ("delivery", "alex", honestcs.PromiseStatus.OPEN),
    ]
    assert records[0].text == "We'll refund you within 7 business days"
    assert records[0].made_at == datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
    assert records[0].due == datetime(2026, 12, 10, 16, 0, tzinfo=UTC)
    assert records[1].due == datetime(2026, 12, 21, 16, 0, tzinfo=UTC)
