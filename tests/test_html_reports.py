"""The two HTML reports: checked replies, and the promise ledger."""

from __future__ import annotations

from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from honestcs.cli import main

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
REPLIES = ROOT / "examples" / "replies"
NOW = "2026-12-01T10:00:00-06:00"


class _Page(HTMLParser):
    """Collects what a test needs from a page: tags, marks, text, external references."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self.external: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self._in_mark: str | None = None
        self._mark_text: list[str] = []
        self.svgs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        for key in ("src", "href"):
            if values.get(key) and (tag, key) == ("a", "href"):  # a link is followed, not loaded
                self.links.append(str(values[key]))
            elif values.get(key):
                self.external.append(str(values[key]))
        if tag in ("script", "link", "img", "iframe"):
            self.external.append(tag)
        if tag == "svg":
            self.svgs += 1
        if tag == "mark":
            self._in_mark = values.get("class") or ""
            self._mark_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._in_mark is not None:
            self.marks.append((self._in_mark, "".join(self._mark_text)))
            self._in_mark = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_mark is not None:
            self._mark_text.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_check_report_highlights_findings_in_place(tmp_path: Path) -> None:
    """The check report marks each finding's span in the reply, with message and suggestion."""
    out = tmp_path / "report.html"
    status = main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "html",
                   "-o", str(out), str(REPLIES)])  # fmt: skip
    assert status == 1
    page = _parse(out)
    assert ("error", "the money will be back on your card within 3 days1") in page.marks
    text = page.all_text
    assert "overpromise" in text
    assert "the earliest honest promise is Thursday 10 December" in text
    assert 'Promise no sooner than the policy allows: "within 7 business days' in text
    assert "01-refund-too-fast.txt" in text and "02-honest-refund.txt" in text


def test_a_clean_reply_has_no_findings_not_a_verdict(tmp_path: Path) -> None:
    """A reply with no finding says "no findings", never "honest": the tool claims no more."""
    reply = tmp_path / "clean.txt"
    reply.write_text("Refunds take 5 to 7 business days to reach your card.", "utf-8")
    out = tmp_path / "report.html"
    main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "html", "-o", str(out),
          str(reply)])  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert '<span class="status ok">no findings</span>' in page
    assert "No findings in any of these replies." in page
    assert ">honest<" not in page
    assert "keeps to the policy" not in page


def test_check_report_summarises_by_rule_at_the_top(tmp_path: Path) -> None:
    """The summary table counts findings per rule before the replies."""
    out = tmp_path / "report.html"
    main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "html", "-o", str(out),
          str(REPLIES)])  # fmt: skip
    text = _parse(out).all_text
    summary = text.index("Rule Severity Findings")
    assert summary < text.index("01-refund-too-fast.txt")
    assert "overpromise error 1" in text
    assert "4 replies checked" in text


def test_check_report_is_self_contained(tmp_path: Path) -> None:
    """No script, stylesheet link, image or other external asset is referenced."""
    out = tmp_path / "report.html"
    main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "html", "-o", str(out),
          str(REPLIES)])  # fmt: skip
    assert _parse(out).external == []


def test_check_report_links_each_rule_to_its_page(tmp_path: Path) -> None:
    """Each rule named in the report links to its section of the rules reference."""
    out = tmp_path / "report.html"
    main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "html", "-o", str(out),
          "--docs-url", "https://docs.example.com/honestcs/", str(REPLIES)])  # fmt: skip
    links = _parse(out).links
    assert links
    assert "https://docs.example.com/honestcs/reference/rules/#overpromise" in links
    assert all(link.startswith("https://docs.example.com/honestcs/reference/rules/#")
               for link in links)  # fmt: skip


def test_check_report_escapes_reply_text(tmp_path: Path) -> None:
    """Markup inside a reply is shown as text, never interpreted."""
    reply = tmp_path / "r.txt"
    reply.write_text('<script>alert("x")</script> Your sofa will arrive by Friday.', "utf-8")
    out = tmp_path / "report.html"
    main(["check", "--policy", str(POLICY), "--now", NOW, "--format", "html", "-o", str(out),
          str(reply)])  # fmt: skip
    page = _parse(out)
    assert "script" not in page.tags
    assert '<script>alert("x")</script>' in page.all_text


def test_html_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    """--format html without -o is a usage error, with a clear message."""
    status = main(["check", "--policy", str(POLICY), "--format", "html", str(REPLIES)])
    assert status == 2
    assert "-o FILE" in capsys.readouterr().err


def _ledger_db(tmp_path: Path) -> Path:
    db = tmp_path / "promises.db"
    replies = [str(REPLIES / "01-refund-too-fast.txt"), str(REPLIES / "02-honest-refund.txt")]
    for day, customer in (("01", "C-1"), ("02", "C-2")):
        main(["check", "--policy", str(POLICY), "--now", f"2026-12-{day}T10:00:00-06:00",
              "--record", "--db", str(db), "--customer-id", customer, "--agent", "alex",
              *replies])  # fmt: skip
    return db


def test_ledger_report_shows_rates_and_open_promises_as_svg(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The ledger report has inline SVG charts per agent and clause, and the overdue list."""
    from honestcs import PromiseLedger, SQLiteStore

    db = _ledger_db(tmp_path)
    with PromiseLedger(SQLiteStore(db)) as ledger:
        first = ledger.open(customer="C-1")[0]
        ledger.mark_kept(first.id, at=datetime.fromisoformat("2026-12-03T09:00:00-06:00"))
    capsys.readouterr()
    out = tmp_path / "ledger.html"
    status = main(["promises", "report", "--db", str(db), "--now", "2026-12-09T12:00:00-06:00",
                   "-o", str(out)])  # fmt: skip
    assert status == 0
    assert "4 promises, 3 open, 1 overdue" in capsys.readouterr().out
    page = _parse(out)
    assert page.svgs == 4
    assert page.external == []
    text = page.all_text
    assert "Kept rate per agent" in text and "Kept rate per clause" in text
    assert "100% (1 kept, 0 broken)" in text
    assert "Overdue (1)" in text
    assert "the money will be back on your card within 3 days" in text
