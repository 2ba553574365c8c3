"""``honestcs.insight`` and ``honestcs report`` over a generated month across three departments."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from _month import COMPANY, write_ledger, write_month

from honestcs import MemoryStore, Promise, PromiseLedger
from honestcs.cli import main
from honestcs.cli._report import _without_credentials
from honestcs.insight import build_insight, read_reports


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A month of replies checked with check --jsonl: the report file it writes."""
    return write_month(tmp_path_factory.mktemp("month"))


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Promises per department: billing 6 kept 2 broken, shipping 3 and 3, support 4 and 0."""
    return write_ledger(tmp_path_factory.mktemp("ledger"))


def test_the_api_gives_the_known_counts(month: Path) -> None:
    replies = read_reports(month)
    assert len(replies) == 72
    insight = build_insight(replies)
    assert insight.findings == 25
    assert dict(insight.by_rule) == {"overpromise": 25}
    assert dict(insight.by_department) == {"billing": 10, "support": 8, "shipping": 7}
    assert dict(insight.by_agent) == {"ana": 10, "bot-support": 8, "ben": 7}
    assert dict(insight.by_week) == {"2026-W49": 7, "2026-W50": 6, "2026-W51": 6, "2026-W52": 6}
    assert [(s.clause, s.department, s.findings, s.days) for s in insight.hot_spots] == [
        ("refund", "billing", 10, 4), ("repair-visit", "support", 8, 4),
        ("delivery", "shipping", 7, 4),
    ]  # fmt: skip
    assert (insight.hot_spots[0].typical, insight.hot_spots[0].typical_count) == (
        "within 3 days", 10,
    )  # fmt: skip
    assert [(t.agent, t.before, t.after) for t in insight.improved] == [("ana", 4 / 6, 1 / 6)]
    assert [(t.agent, t.before, t.after) for t in insight.slipped] == [("ben", 1 / 6, 3 / 6)]


def test_report_as_text_puts_the_typical_promise_next_to_the_limit(
    month: Path, ledger_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", str(month), "--policy", str(COMPANY), "--db", str(ledger_db)])
    assert code == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "72 replies checked, 25 findings"
    assert "  2026-W49: 7 (18 replies)" in out
    assert "  refund (billing): 10 findings on 4 days" in out
    assert (
        '    replies most often say "within 3 days" (10 times); '
        "the policy says takes 5-7 business days"
    ) in out
    assert "  ana: 0.67 in 2026-W49 -> 0.17 in 2026-W52" in out
    assert "  ben: 0.17 in 2026-W49 -> 0.50 in 2026-W52" in out
    assert "kept rate (18 promises in the ledger):" in out
    assert "    billing: 75% kept (6 kept, 2 broken, 0 open)" in out
    assert "    shipping: 50% kept (3 kept, 3 broken, 0 open)" in out
    assert "    support: 100% kept (4 kept, 0 broken, 0 open)" in out
    assert "  trend by week made:" in out
    assert "    department billing: 2026-W49 75%" in out
    assert "    clause repair-visit: 2026-W49 100%" in out
    assert not any("honest" in line for line in out)


def test_report_as_json(month: Path, ledger_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["report", str(month), "--format", "json", "--policy", str(COMPANY)]
    assert main([*argv, "--db", str(ledger_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["replies"], data["findings"]) == (72, 25)
    assert data["by_department"] == {"billing": 10, "support": 8, "shipping": 7}
    assert data["hot_spots"][0]["limit"] == "takes 5-7 business days"
    assert data["kept_by_department"]["billing"]["kept_rate"] == 0.75
    assert data["kept_by_agent"]["ben"]["kept_rate"] == 0.5
    assert data["kept_by_clause"]["repair-visit"]["kept"] == 4
    assert data["kept_by_week"] == {
        "2026-W49": {"kept": 13, "broken": 5, "open": 0, "kept_rate": 13 / 18}
    }
    assert [t["agent"] for t in data["improved"]] == ["ana"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("nope", "checked.jsonl:1: not JSON"),
        ('{"ok": true}', 'checked.jsonl:1: not a report of honestcs check (no "findings" list)'),
        ('{"findings": [], "now": "later"}', 'checked.jsonl:1: "now" is not an ISO 8601 time'),
    ],
)
def test_bad_input_is_one_clear_line(
    tmp_path: Path, text: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "checked.jsonl"
    path.write_text(text + "\n", encoding="utf-8")
    assert main(["report", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_replies_without_findings_say_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "checked.jsonl"
    path.write_text('{"source": "a.txt", "ok": true, "findings": [], "promises": []}\n', "utf-8")
    assert main(["report", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 reply checked, 0 findings\n")
    assert "none: no overpromise or policy-misstatement finding names a clause" in out


class _Page(HTMLParser):
    """The text (tooltips and style apart), tags and external references of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []
        self.tooltips: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in = tag if tag in ("title", "style") else None
        self.external += [str(v) for k, v in attrs if k in ("src", "href") and v]
        if tag in ("script", "link", "img", "iframe", "object", "embed"):
            self.external.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title" and "svg" in self.tags:
            self.tooltips.append(data)
        elif self._in is None:
            self.text.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def _html_report(month: Path, out: Path, *extra: str) -> _Page:
    argv = ["report", str(month), "--format", "html", "-o", str(out), *extra]
    assert main(argv) == 0
    page = _Page()
    page.feed(out.read_text(encoding="utf-8"))
    return page


def test_report_as_html_gives_the_known_counts(
    month: Path, ledger_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The HTML page shows the same counts as text and JSON: cards, charts and tables."""
    page = _html_report(month, tmp_path / "insight.html", "--policy", str(COMPANY),
                        "--db", str(ledger_db))  # fmt: skip
    assert capsys.readouterr().out == f"{tmp_path / 'insight.html'}: 72 replies, 25 findings\n"
    text = page.all_text
    assert "72 replies checked 25 findings 0.35 findings per reply 3 hot-spot clauses" in text
    assert "18 promises in the ledger 72% kept rate" in text
    # The trend: a point per week, and the table under it.
    assert [t for t in page.tooltips if t.startswith("2026-W")] == [
        "2026-W49: 7 findings in 18 replies", "2026-W50: 6 findings in 18 replies",
        "2026-W51: 6 findings in 18 replies", "2026-W52: 6 findings in 18 replies",
        "2026-W49: 13 kept, 5 broken, 0 open",
    ]  # fmt: skip
    assert "2026-W49 18 7 0.39 2026-W50 18 6 0.33" in text
    # The bars: per rule, per department, per agent.
    assert "overpromise 25 findings (100% of all)" in text
    assert "billing 10 findings (40% of all) support 8 findings (32% of all) " in text
    assert "shipping 7 findings (28% of all)" in text
    assert "ana 10 findings (40% of all) bot-support 8 findings (32% of all) " in text
    assert {"billing: 10", "support: 8", "shipping: 7", "ana: 10", "ben: 7"} <= set(page.tooltips)
    # The hot spots: the typical promise, the real limit, an example span.
    assert (
        "refund billing 10 4 “within 3 days” (10 times) takes 5-7 business days "
        "We'll refund you within 3 days"
    ) in text
    assert "delivery shipping 7 4 “within 2 days” (7 times) takes 7-14 business days" in text
    assert "ana improved 0.67 in 2026-W49 0.17 in 2026-W52" in text
    assert "ben slipped 0.17 in 2026-W49 0.50 in 2026-W52" in text
    # Kept rates from the ledger.
    assert "billing 75% (6 kept, 2 broken) shipping 50% (3 kept, 3 broken)" in text
    assert "support 100% (4 kept, 0 broken)" in text
    assert "department billing 2026-W49: 75% (6 of 8) department shipping 2026-W49: 50%" in text
    assert "agent ana 2026-W49: 75% (6 of 8)" in text
    assert page.tags.count("svg") == 8
    assert page.external == []


def test_html_without_a_policy_or_ledger_says_what_is_missing(month: Path, tmp_path: Path) -> None:
    """Without --policy a hot spot asks for it; without --db no kept-rate charts are drawn."""
    page = _html_report(month, tmp_path / "insight.html")
    assert "takes 5-7 business days" not in page.all_text
    assert page.all_text.count("(give --policy)") == 3
    assert page.tags.count("svg") == 4
    assert "Kept rate" not in page.all_text


def test_html_escapes_everything_it_reads(tmp_path: Path) -> None:
    """Agent, rule, clause, department and message are shown as text, never as markup."""
    nasty = "<script>alert(1)</script>"
    finding = {"rule": "overpromise", "clause": '<img src="x">', "department": "<u>ops</u>",
               "message": f'promises "{nasty}" too soon', "start": 0, "end": 5}  # fmt: skip
    row = {"id": "r1", "agent": nasty, "now": "2026-12-01T10:00:00+00:00",
           "findings": [finding], "promises": [{"text": nasty, "start": 0, "end": 5}]}  # fmt: skip
    path = tmp_path / "checked.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    page = _html_report(path, tmp_path / "insight.html")
    assert not {"script", "img", "u"} & set(page.tags)
    assert page.external == []
    text = page.all_text
    assert f"{nasty} 1 finding (100% of all)" in text
    assert '<img src="x"> <u>ops</u> 1 1' in text


def test_html_needs_an_output_file(month: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format html without -o is an error that says what to give."""
    assert main(["report", str(month), "--format", "html"]) == 2
    err = capsys.readouterr().err.strip()
    assert "--format html writes a file: give it with -o FILE" in err
    assert len(err.splitlines()) == 1


def test_the_page_names_a_ledger_url_without_its_password() -> None:
    """A PostgreSQL URL in the subtitle loses its user and password: the page may be shared."""
    url = "postgresql://ops:s3cret@db.example.com:5433/promises"
    assert _without_credentials(url) == "postgresql://db.example.com:5433/promises"
    assert _without_credentials("/var/lib/honestcs/promises.db") == "promises.db"


def test_each_groups_kept_rate_has_its_trend_by_week() -> None:
    """Kept rate per department, agent and clause, week by week made; open ones decide nothing."""
    monday = datetime.fromisoformat("2026-11-30T10:00:00-06:00")
    # (week, department, agent, clause, kept?) with None for still open
    plan = [
        (0, "billing", "ana", "refund", True), (0, "billing", "ana", "refund", False),
        (1, "billing", "ana", "refund", True), (1, "billing", "ana", "refund", True),
        (1, "shipping", "ben", "delivery", None),
    ]  # fmt: skip
    with PromiseLedger(MemoryStore(), clock=lambda: monday + timedelta(days=20)) as ledger:
        for week, department, agent, clause, kept in plan:
            made = monday + timedelta(weeks=week)
            promise = Promise("p", 0, 1, clause=clause, due=made + timedelta(days=2),
                              department=department)  # fmt: skip
            record = ledger.record(promise, customer="C", agent=agent, made_at=made)
            if kept is True:
                ledger.mark_kept(record.id, at=made + timedelta(days=1))
            elif kept is False:
                ledger.mark_broken(record.id, reason="late", at=made + timedelta(days=3))
        insight = build_insight([], records=ledger.find())
    billing = insight.weekly_kept["department"]["billing"]
    assert {week: rate.rate for week, rate in billing.items()} == {
        "2026-W49": 0.5, "2026-W50": 1.0,
    }  # fmt: skip
    assert insight.weekly_kept["agent"]["ana"] == billing
    assert insight.weekly_kept["clause"]["delivery"]["2026-W50"].open == 1
    assert insight.weekly_kept["clause"]["delivery"]["2026-W50"].rate is None
    data = insight.to_dict()["weekly_kept"]
    assert data["department"]["billing"]["2026-W50"] == {
        "kept": 2, "broken": 0, "open": 0, "kept_rate": 1.0,
    }  # fmt: skip
