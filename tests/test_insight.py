"""``honestcs.insight`` and ``honestcs report`` over a generated month across three departments."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from honestcs import Promise, PromiseLedger, SQLiteStore
from honestcs.cli import main
from honestcs.insight import build_insight, read_reports

ROOT = Path(__file__).parents[1]
COMPANY = ROOT / "examples" / "departments" / "company.toml"
MONDAYS = ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"]  # ISO weeks 49 to 52
GOOD = "Your refund takes 5-7 business days once the sofa has passed inspection at our warehouse."
# agent -> (the reply that breaks its department's limit, broken replies per week of 6)
AGENTS = {
    "ana": ("We'll refund you within 3 days.", [4, 3, 2, 1]),
    "ben": ("Your sofa will arrive within 2 days.", [1, 1, 2, 3]),
    "bot-support": ("A technician will visit within 1 business day.", [2, 2, 2, 2]),
}


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A month of replies checked with check --jsonl: the report file it writes."""
    tmp = tmp_path_factory.mktemp("month")
    rows = []
    for week, monday in enumerate(MONDAYS):
        now = f"{monday}T10:00:00-06:00"
        for agent, (bad, broken) in AGENTS.items():
            for n in range(6):
                reply = bad if n < broken[week] else GOOD
                rows.append({"id": f"{agent}-{week}-{n}", "reply": reply, "now": now,
                             "agent": agent})  # fmt: skip
    replies = tmp / "replies.jsonl"
    replies.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp / "checked.jsonl"
    code = main(["check", "--policy", str(COMPANY), "--jsonl", str(replies), "-o", str(out)])
    assert code == 1  # some replies over-promise
    return out


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Promises per department: billing 6 kept 2 broken, shipping 3 and 3, support 4 and 0."""
    db = tmp_path_factory.mktemp("ledger") / "promises.db"
    made = datetime.fromisoformat("2026-12-01T10:00:00-06:00")
    plan = [("billing", "ana", "refund", 6, 2), ("shipping", "ben", "delivery", 3, 3),
            ("support", "bot-support", "repair-visit", 4, 0)]  # fmt: skip
    with PromiseLedger(SQLiteStore(db), clock=lambda: made + timedelta(days=30)) as ledger:
        for department, agent, clause, kept, broken in plan:
            for n in range(kept + broken):
                text = f"promise {n}"
                promise = Promise(text, 0, len(text), clause=clause,
                                  due=made + timedelta(days=3), department=department)  # fmt: skip
                record = ledger.record(promise, customer=f"C-{n}", agent=agent, made_at=made)
                if n < kept:
                    ledger.mark_kept(record.id, at=made + timedelta(days=1))
                else:
                    ledger.mark_broken(record.id, reason="late", at=made + timedelta(days=5))
    return db


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
