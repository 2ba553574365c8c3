"""Size limits: a reply or customer message over the limit is refused, saying which and how long."""

from __future__ import annotations

import io
import json
import pickle
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import honestcs
from honestcs import ReplyChecker, ReplyTooLongError, load_policy
from honestcs.checker import DEFAULT_MAX_CHARS
from honestcs.cli import main
from honestcs.render.text import EXCERPT_WIDTH, excerpt, render_text
from honestcs.report import Report

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
NOW = "2026-12-01T10:00:00-06:00"
WHEN = datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("America/Chicago"))
TOO_FAST = "We'll refund you within 3 days."


def _checker(**limits: int | None) -> ReplyChecker:
    return ReplyChecker(load_policy(POLICY), **limits)  # type: ignore[arg-type]


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["check", "--policy", str(POLICY), "--now", NOW, *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


# -- the API -------------------------------------------------------------------------------


def test_the_default_limit_is_100_kib_of_characters() -> None:
    """Both limits default to 102,400 characters."""
    checker = _checker()
    assert DEFAULT_MAX_CHARS == 102_400
    assert checker.max_reply_chars == checker.max_customer_chars == 102_400


def test_a_reply_at_the_limit_is_checked_and_one_over_is_refused() -> None:
    """Exactly the limit is checked; one character more raises ReplyTooLongError."""
    checker = _checker(max_reply_chars=len(TOO_FAST))
    assert [f.rule for f in checker.check(TOO_FAST, now=WHEN).findings] == ["overpromise"]
    with pytest.raises(ReplyTooLongError) as caught:
        checker.check(TOO_FAST + " ", now=WHEN)
    error = caught.value
    assert (error.which, error.size, error.limit) == ("reply", 32, 31)
    assert str(error) == "the reply is 32 characters long, over the limit of 31 characters"
    assert isinstance(error, honestcs.HonestCSError)
    assert isinstance(error, ValueError)


def test_a_long_customer_message_is_refused_with_its_own_limit() -> None:
    """The customer message has a limit of its own, and the error names it."""
    checker = _checker(max_customer_chars=10)
    with pytest.raises(ReplyTooLongError, match=r"^the customer message is 1,000 characters"):
        checker.check("Thanks!", customer_message="?" * 1000, now=WHEN)
    assert checker.check("Thanks!", customer_message="Refund?", now=WHEN).ok


def test_the_default_limit_refuses_a_reply_of_100_kib_and_one() -> None:
    """A reply of 102,401 characters is refused before any of it is read."""
    with pytest.raises(ReplyTooLongError, match="102,401 characters long, over the limit of 102,"):
        _checker().check("x" * 102_401, now=WHEN)


def test_no_limit_is_none() -> None:
    """None switches a limit off."""
    checker = _checker(max_reply_chars=None, max_customer_chars=None)
    assert checker.check("Thanks! " * 20_000, customer_message="?" * 200_000, now=WHEN).ok


@pytest.mark.parametrize("bad", [0, -1, 1.5, "10", True])
def test_a_limit_must_be_a_whole_number_from_1(bad: object) -> None:
    """A limit that is not a positive whole number (or None) is a ValueError naming it."""
    with pytest.raises(ValueError, match=r"max_reply_chars must be a whole number"):
        _checker(max_reply_chars=bad)  # type: ignore[arg-type]


def test_a_pickled_checker_keeps_its_limits() -> None:
    """A checker sent to a worker process refuses what it refused at home."""
    checker = pickle.loads(pickle.dumps(_checker(max_reply_chars=50, max_customer_chars=60)))
    assert (checker.max_reply_chars, checker.max_customer_chars) == (50, 60)
    error = pickle.loads(pickle.dumps(ReplyTooLongError("reply", 51, 50)))
    assert (error.which, error.size, error.limit, str(error)) == (
        "reply", 51, 50, "the reply is 51 characters long, over the limit of 50 characters",
    )  # fmt: skip


def test_the_limit_is_exported_and_documented() -> None:
    """ReplyTooLongError is part of the public API."""
    assert "ReplyTooLongError" in honestcs.__all__
    assert honestcs.ReplyTooLongError.__doc__


# -- the command line ----------------------------------------------------------------------


def test_an_over_long_reply_file_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The CLI names the file, its size, the limit and the option; nothing on stdout."""
    short = tmp_path / "a.txt"
    short.write_text(TOO_FAST, encoding="utf-8")
    long = tmp_path / "b.txt"
    long.write_text("Thanks. " * 12_801, encoding="utf-8")
    status, out, err = _run(capsys, short, long)
    assert status == 2
    assert out == ""
    assert err == (
        f"honestcs: error: {long}: the reply is 102,408 characters long, over the limit of "
        "102,400 characters (--max-reply-chars)\n"
    )


def test_max_reply_chars_raises_or_lowers_the_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--max-reply-chars sets the limit for the run."""
    reply = tmp_path / "a.txt"
    reply.write_text(TOO_FAST, encoding="utf-8")
    status, _, err = _run(capsys, "--max-reply-chars", "10", reply)
    assert status == 2
    assert "is 31 characters long, over the limit of 10 characters" in err
    status, out, _ = _run(capsys, "--max-reply-chars", "31", reply)
    assert status == 1
    assert "overpromise" in out


def test_an_over_long_customer_file_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A --customer file over its limit is named, with its option."""
    reply = tmp_path / "a.txt"
    reply.write_text(TOO_FAST, encoding="utf-8")
    customer = tmp_path / "customer.txt"
    customer.write_text("Where is my refund? " * 10, encoding="utf-8")
    status, _, err = _run(capsys, "--customer", customer, "--max-customer-chars", "100", reply)
    assert status == 2
    assert err == (
        f"honestcs: error: {customer}: the customer message is 200 characters long, over the "
        "limit of 100 characters (--max-customer-chars)\n"
    )


@pytest.mark.parametrize("bad", ["0", "-5", "lots"])
def test_a_bad_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    """A limit that is not a whole number from 1 is refused by the parser (exit 2)."""
    with pytest.raises(SystemExit) as stopped:
        main(["check", "--policy", str(POLICY), "--max-reply-chars", bad, "-"])
    assert stopped.value.code == 2
    assert "--max-reply-chars" in capsys.readouterr().err


def test_jsonl_over_long_line_is_an_error_object_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--jsonl: an over-long reply or customer message is a bad line; the others are checked."""
    rows = [
        {"id": "a", "reply": TOO_FAST},
        {"id": "b", "reply": "Thanks! " * 10},
        {"id": "c", "reply": "Thanks!", "customer": "?" * 100},
        {"id": "d", "reply": "Refunds take up to 7 business days."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    status, out, err = _run(
        capsys, "--jsonl", source, "--max-reply-chars", "40", "--max-customer-chars", "50"
    )
    assert status == 2
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c", "d"]
    assert lines[1] == {
        "id": "b",
        "line": 2,
        "error": "line 2: the reply is 80 characters long, over the limit of 40 characters "
        "(--max-reply-chars)",
    }
    assert lines[2]["error"] == (
        "line 3: the customer message is 100 characters long, over the limit of 50 characters "
        "(--max-customer-chars)"
    )
    assert lines[0]["ok"] is False and lines[3]["ok"] is True
    assert "2 replies checked" in err and "2 bad lines" in err


def test_jsonl_lines_naming_a_policy_keep_the_limit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A line with its own policy file is checked with the run's limits too."""
    (tmp_path / "p.toml").write_text(POLICY.read_text(encoding="utf-8"), encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "reply": "x" * 50, "policy": "p.toml"}) + "\n")
    status, out, _ = _run(capsys, "--jsonl", source, "--max-reply-chars", "40")
    assert status == 2
    assert "over the limit of 40 characters" in json.loads(out)["error"]


def test_stdin_over_the_limit_is_named_as_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reply from standard input is named "-"."""
    monkeypatch.setattr("sys.stdin", io.StringIO("y" * 30))
    status, _, err = _run(capsys, "--max-reply-chars", "20", "-")
    assert status == 2
    assert err.startswith("honestcs: error: -: the reply is 30 characters long")


# -- long lines in the text format ---------------------------------------------------------


def test_excerpt_keeps_a_short_line_whole() -> None:
    """A line no longer than the width is shown as it is."""
    assert excerpt("We'll refund you.", 6, 12) == ("We'll refund you.", 6, 12)


def test_excerpt_cuts_a_long_line_around_the_span() -> None:
    """A long line is cut to the width around the span, with "…" at each cut."""
    line = "a" * 5000 + "REFUND" + "b" * 5000
    text, start, end = excerpt(line, 5000, 5006)
    assert text[start:end] == "REFUND"
    assert text.startswith("…") and text.endswith("…")
    assert len(text) == EXCERPT_WIDTH + 2
    text, start, end = excerpt(line, 0, 6)
    assert text.startswith("aaaaaa") and text[start:end] == "aaaaaa"
    text, start, end = excerpt(line, 10_004, 10_006)
    assert text.startswith("…") and not text.endswith("…") and text[start:end] == "bb"


def test_text_output_of_a_long_line_grows_with_the_findings_not_the_line() -> None:
    """A finding on a 100,000-character line prints a few hundred characters, not the line."""
    from honestcs.report import Finding
    from honestcs.severity import Severity

    line = "x" * 50_000 + " guaranteed " + "y" * 50_000
    finding = Finding("absolute-guarantee", Severity.WARNING, 50_001, 50_011, "guarantees")
    shown = render_text(Report(line, (finding,)), "long.txt")
    assert len(shown) < 500
    lines = shown.splitlines()
    assert lines[0] == "long.txt:1:50002: warning: absolute-guarantee: guarantees"
    caret = lines[2].index("^")
    body = lines[1][len(" 1 | ") :]
    assert body[caret - len(" 1 | ") :][:10] == "guaranteed"
    assert lines[2].count("^") == 10


def test_batch_gives_an_error_row_for_an_over_long_reply(tmp_path: Path) -> None:
    """honestcs.batch: an over-long reply is an error row; the rows around it are checked."""
    pytest.importorskip("pandas")
    from honestcs.batch import _check_items

    items = [
        {"id": "a", "reply": TOO_FAST},
        {"id": "b", "reply": "x" * (DEFAULT_MAX_CHARS + 1)},
    ]
    frame = _check_items(items, 0, load_policy(POLICY), {"now": WHEN, "base": str(tmp_path)})
    rows = frame.to_dict("records")
    assert [(row["id"], row["rule"]) for row in rows] == [("a", "overpromise"), ("b", None)]
    assert rows[1]["error"] == (
        "partition 0, item 1: the reply is 102,401 characters long, over the limit of "
        "102,400 characters"
    )
