"""``honestcs report``: what the JSON output of ``honestcs check``, and a ledger, add up to."""

from __future__ import annotations

import argparse
import json
from typing import Any

from honestcs._loading import load_policy
from honestcs.insight import build_insight, read_reports, render_insight_text
from honestcs.ledger import PromiseLedger
from honestcs.stores._open import open_store

__all__ = ["register", "run_report"]


def register(commands: Any) -> None:
    """Add ``report`` to the ``honestcs`` command.

    Args:
        commands: The sub-parsers of the top-level parser.
    """
    report = commands.add_parser(
        "report",
        help="add up checked replies (and a ledger) per rule, agent, department and week",
        description=(
            "Read the JSON Lines that honestcs check --format json or --jsonl writes, and "
            "report findings per rule, department, agent and week; the clauses most often "
            "over-promised or misstated, with what replies say and (with --policy) the real "
            "limit; the agents whose findings per reply fell or rose between their first and "
            "last week; and, with --db, the kept rate per department, agent, clause and week."
        ),
    )
    report.add_argument("reports", metavar="REPORTS.jsonl", help="output of honestcs check")
    report.add_argument(
        "--policy", metavar="POLICY", help="the policy the replies were checked against"
    )
    report.add_argument(
        "--db", metavar="PATH", help="a promise ledger (SQLite file or postgresql:// URL)"
    )
    report.add_argument(
        "--min-replies",
        type=int,
        default=5,
        metavar="N",
        help="the fewest replies an agent's week needs to count in a trend (default 5)",
    )
    report.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Print the insight over ``args.reports``.

    Returns:
        0; bad input raises an error the command line prints on one line.
    """
    replies = read_reports(args.reports)
    policy = load_policy(args.policy) if args.policy else None
    records = None
    if args.db:
        with PromiseLedger(open_store(args.db, create=False)) as ledger:
            records = ledger.find()
    insight = build_insight(replies, policy=policy, records=records, min_replies=args.min_replies)
    if args.format == "json":
        print(json.dumps(insight.to_dict(), ensure_ascii=False))
    else:
        print(render_insight_text(insight))
    return 0
