r"""Terminal output: no reply, stored value or policy term can drive the terminal.

Escape sequences (ESC, and CSI as the C1 character U+009B), other control characters
and bidirectional overrides in what honestcs shows are written as their escapes
(``\x1b``, ``\u202e``) by the text renderers; the JSON formats keep the text, and the
offsets into it, exactly.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from honestcs import Promise, PromiseLedger, ReplyChecker, SQLiteStore, load_policy
from honestcs._terminal import terminal_safe
from honestcs.cli import main
from honestcs.render.github import render_github
from honestcs.render.text import render_text

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
NOW = "2026-12-01T10:00:00-06:00"
T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)

# What must never reach a terminal raw: C0 and C1 controls but tab and newline, DEL,
# and the bidirectional embeddings, overrides and isolates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Clears the screen, sets the title, makes a link, colours, moves back, reverses text.
HOSTILE = "\x1b[2J\x1b]0;owned\x07\x1b]8;;http://x\x1b\\\x9b31m\r\u202e"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("\x9b31m", "\\x9b31m"),
        ("a\rb", "a\\x0db"),
        ("bell\x07", "bell\\x07"),
        ("\x7f", "\\x7f"),
        ("\x00", "\\x00"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066x\u2069", "\\u2066x\\u2069"),
        ("\ud800", "\\ud800"),
        ("line\n\tnext", "line\n\tnext"),
        ("café 😀 مرحبا “quotes”", "café 😀 مرحبا “quotes”"),
    ],
    ids=["ESC", "C1 CSI", "CR", "BEL", "DEL", "NUL", "bidi override", "bidi isolate",
         "lone surrogate", "newline and tab kept", "ordinary text kept"],
)  # fmt: skip
def test_terminal_safe(text: str, shown: str) -> None:
    """Each character that could drive a terminal is its escape; the rest is as it was."""
    assert terminal_safe(text) == shown


def test_text_format_escapes_the_reply_and_keeps_the_carets_under_the_span() -> None:
    """The excerpt is escaped, and the carets still sit under the span's (escaped) text."""
    reply = f"Hi {HOSTILE}there. We'll refund you within 2 days."
    report = ReplyChecker(load_policy(POLICY)).check(reply, now=datetime.fromisoformat(NOW))
    [finding] = [f for f in report.findings if f.rule == "overpromise"]
    out = render_text(report, f"reply{HOSTILE}.txt")
    assert not RAW.search(out)
    heading, excerpt, carets = out.splitlines()[:3]
    assert heading.startswith("reply\\x1b[2J")
    assert "\\x1b]0;owned\\x07" in excerpt and "\\u202e" in excerpt
    start = carets.index("^") - len(" 1 | ")
    spanned = excerpt[len(" 1 | ") :][start : start + carets.count("^")]
    assert spanned == terminal_safe(reply[finding.start : finding.end])


def test_a_span_after_a_tab_keeps_the_tab_under_it() -> None:
    """A tab before the span is a tab in the caret line too, so the carets line up."""
    reply = "\tWe'll refund you within 2 days."
    report = ReplyChecker(load_policy(POLICY)).check(reply, now=datetime.fromisoformat(NOW))
    _, excerpt, carets = render_text(report, "-").splitlines()[:3]
    assert excerpt == " 1 | \tWe'll refund you within 2 days."
    assert carets.startswith("   | \t^")


def test_json_keeps_the_text_and_the_offsets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json gives the spans and text of Report.to_dict, control characters and all."""
    reply = f"Hi {HOSTILE}there. We'll refund you within 2 days."
    report = ReplyChecker(load_policy(POLICY)).check(reply, now=datetime.fromisoformat(NOW))
    monkeypatch.setattr("sys.stdin", io.StringIO(reply))
    assert main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "json", "-"]) == 1
    data = json.loads(capsys.readouterr().out)
    expected = report.to_dict()
    assert [(f["start"], f["end"], f["line"], f["column"]) for f in data["findings"]] == [
        (f["start"], f["end"], f["line"], f["column"]) for f in expected["findings"]
    ]
    assert data["promises"] == expected["promises"]
    assert all(reply[p["start"] : p["end"]] == p["text"] for p in data["promises"])
    assert data["findings"][0]["column"] > len(f"Hi {HOSTILE}")  # counted in the raw reply


def test_github_annotations_are_escaped() -> None:
    """A job's log shows escape sequences as colours and links: annotations escape them."""
    reply = f"{HOSTILE} We'll refund you within 2 days."
    report = ReplyChecker(load_policy(POLICY)).check(reply, now=datetime.fromisoformat(NOW))
    out = render_github(report, f"r{HOSTILE}.txt")
    assert out and not RAW.search(out)


# -- stored text --------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, str]:
    """A ledger whose customer, agent, clause, text and reason hold escape sequences."""
    path = tmp_path / "ledger.db"
    text = f"We'll refund you{HOSTILE} by Friday."
    with PromiseLedger(SQLiteStore(path)) as ledger:
        promise = Promise(text, 0, len(text), clause=f"refund{HOSTILE}", due=T0 + timedelta(3))
        record = ledger.record(promise, customer=f"C{HOSTILE}", agent=f"alex{HOSTILE}",
                               made_at=T0)  # fmt: skip
        ledger.reschedule(record.id, T0 + timedelta(days=5), reason=f"stock{HOSTILE}", at=T0)
    return str(path), record.id


@pytest.mark.parametrize(
    "argv",
    [
        ["promises", "list"],
        ["promises", "overdue", "--now", "2027-01-01T00:00:00Z"],
        ["promises", "due-soon", "--now", "2026-12-05T00:00:00Z", "--within", "2d"],
        ["promises", "stats"],
        ["promises", "history", "{id}"],
        ["promises", "cancel", "{id}", "--reason", f"gone{HOSTILE}"],
    ],
    ids=["list", "overdue", "due-soon", "stats", "history", "cancel"],
)
def test_stored_text_is_escaped_in_text_output(
    db: tuple[str, str], capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Every ledger listing in the text format escapes what the ledger holds."""
    path, ident = db
    assert main([a.format(id=ident) for a in argv] + ["--db", path]) == 0
    out, err = capsys.readouterr()
    assert out.strip()
    assert "\\x1b" in out
    assert not RAW.search(out + err)


def test_stored_text_is_kept_in_json_output(
    db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json gives the stored values exactly."""
    path, _ = db
    assert main(["promises", "list", "--db", path, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["customer"] == f"C{HOSTILE}"


def test_an_error_quoting_a_stored_value_is_escaped(
    db: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The one error line escapes what it quotes, here a tampered status."""
    path, ident = db
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE promises SET status = ?", (f"open{HOSTILE}",))
    conn.close()
    assert main(["promises", "list", "--db", path]) == 2
    err = capsys.readouterr().err
    assert f'promises row "{ident}": column status' in err
    assert not RAW.search(err)
    assert len(err.splitlines()) == 1


def test_policy_check_and_show_escape_what_the_policy_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A policy's name and terms are escaped in policy check warnings and policy show."""
    policy = tmp_path / "p.toml"
    policy.write_text(
        '[policy]\nname = "Acme\\u001b[2J"\ntimezone = "UTC"\n\n'
        '[[can]]\nid = "refund"\ndoes = "refund \\u202e it"\n'
        'terms = ["money \\u202e back"]\ntakes = "5 days"\n\n'
        '[[can]]\nid = "credit"\ndoes = "give credit"\n'
        'terms = ["money \\u202e back"]\nup_to = "$50"\n',
        encoding="utf-8",
    )
    assert main(["policy", "check", str(policy)]) == 0
    out, err = capsys.readouterr()
    assert 'valid policy "Acme\\x1b[2J"' in out
    assert "\\u202e" in err  # the term the two clauses share is warned about
    assert main(["policy", "show", str(policy)]) == 0
    shown = capsys.readouterr().out
    assert "\\u202e" in shown
    assert not RAW.search(out + err + shown)


def test_report_text_escapes_agents_and_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Honestcs report in the text format escapes the agents and ids it lists."""
    reports = tmp_path / "reports.jsonl"
    finding = {"rule": f"overpromise{HOSTILE}", "clause": "refund"}
    row = {"id": "r1", "agent": f"bot{HOSTILE}", "now": "2026-12-01T10:00:00+00:00",
           "findings": [finding], "promises": []}  # fmt: skip
    reports.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main(["report", str(reports)]) == 0
    out = capsys.readouterr().out
    assert "bot\\x1b[2J" in out
    assert not RAW.search(out)
