"""Check one draft reply against a policy, then check the honest rewrite.

A customer's new table wobbles. The first draft promises a technician
tomorrow and more store credit than the policy allows; honestcs says where,
why, and what an honest reply would say. The rewrite keeps to the policy and
its promises come with due dates worked out on the business calendar.

Run it with ``python examples/check_a_reply.py``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import honestcs

HERE = Path(__file__).parent

CUSTOMER = "My new table wobbles. When can a technician come to fix it?"

DRAFT = (
    "So sorry about the wobbly leg! I'll send a technician tomorrow, "
    "and I've added $100 of store credit to your account for the trouble."
)

REWRITE = (
    "So sorry about the wobbly leg! A technician will visit within 5 business days, "
    "by Tuesday 8 December, and I've added $25 of store credit to your account for the trouble."
)

# A fixed moment, so the due dates below are the same on every run:
# Tuesday 1 December 2026, 10:00 in Chicago, where Northwind Furniture works.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Chicago"))


def show(title: str, report: honestcs.Report) -> None:
    """Print a report: each finding with the words it is about, then each promise."""
    print(f"{title}: {'ok' if report.ok else 'NOT ok'}")
    for finding in report.findings:
        words = report.reply[finding.start : finding.end]
        print(f"  {finding.severity.value} {finding.rule}: \"{words}\"")
        print(f"    {finding.message}")
        if finding.suggestion:
            print(f"    suggestion: {finding.suggestion}")
    for promise in report.promises:
        due = f"{promise.due:%A} {promise.due.day} {promise.due:%B, %H:%M}" if promise.due else "-"
        print(f"  promise [{promise.clause or 'no clause'}] due {due}: \"{promise.text}\"")


def main() -> int:
    policy = honestcs.load_policy(HERE / "northwind.toml")
    checker = honestcs.ReplyChecker(policy)  # compile once, check many replies

    draft = checker.check(DRAFT, customer_message=CUSTOMER, now=NOW)
    show("Draft", draft)
    print()
    rewrite = checker.check(REWRITE, customer_message=CUSTOMER, now=NOW)
    show("Rewrite", rewrite)

    # The draft must not be sent; the rewrite may.
    return 0 if not draft.ok and rewrite.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
