"""A generated month of replies across three departments, and a ledger, with known counts.

``tests/test_insight.py`` checks what ``honestcs report`` says about them in text,
JSON and HTML; ``tests/test_html_layout.py`` lays the HTML out in a browser.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from honestcs import Promise, PromiseLedger, SQLiteStore
from honestcs.cli import main

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


def write_month(folder: Path) -> Path:
    """Check a month of replies with check --jsonl; the report file it writes."""
    rows = []
    for week, monday in enumerate(MONDAYS):
        now = f"{monday}T10:00:00-06:00"
        for agent, (bad, broken) in AGENTS.items():
            for n in range(6):
                reply = bad if n < broken[week] else GOOD
                rows.append({"id": f"{agent}-{week}-{n}", "reply": reply, "now": now,
                             "agent": agent})  # fmt: skip
    replies = folder / "replies.jsonl"
    replies.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = folder / "checked.jsonl"
    code = main(["check", "--policy", str(COMPANY), "--jsonl", str(replies), "-o", str(out)])
    assert code == 1  # some replies over-promise
    return out


def write_ledger(folder: Path) -> Path:
    """Promises per department: billing 6 kept 2 broken, shipping 3 and 3, support 4 and 0."""
    db = folder / "promises.db"
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
