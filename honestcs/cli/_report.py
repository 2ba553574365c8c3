"""``honestcs report``: what the JSON output of ``honestcs check``, and a ledger, add up to."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from honestcs._terminal import terminal_safe
from honestcs.cli._options import whole_number
from honestcs.exceptions import HonestCSError
from honestcs.insight import build_insight, read_reports, render_insight_text
from honestcs.policy._loading import load_policy
from honestcs.promises.ledger import PromiseLedger
from honestcs.render.html_insight import render_insight_report
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
            "last week; and, with --db, the kept rate per department, agent, clause and week, "
            "and each department's, agent's and clause's kept rate week by week. "
            "--format html writes one self-contained page of charts and tables (-o FILE)."
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
        type=whole_number("--min-replies", 1),
        default=5,
        metavar="N",
        help="the fewest replies an agent's week needs to count in a trend, at least 1 "
        "(default 5)",
    )
    report.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="output format (default text); html writes a page of charts and needs -o FILE",
    )
    report.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write the output to FILE instead of printing it (html needs it)",
    )
    report.set_defaults(run=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Print the insight over ``args.reports``.

    Returns:
        0; bad input raises an error the command line prints on one line.
    """
    if args.format == "html" and args.output is None:
        raise HonestCSError("--format html writes a file: give it with -o FILE")
    replies = read_reports(args.reports)
    policy = load_policy(args.policy) if args.policy else None
    records = None
    if args.db:
        with PromiseLedger(open_store(args.db, create=False)) as ledger:
            records = ledger.find()
    insight = build_insight(replies, policy=policy, records=records, min_replies=args.min_replies)
    if args.format == "json":
        out = json.dumps(insight.to_dict(), ensure_ascii=False)
    elif args.format == "html":
        out = render_insight_report(insight, title="honestcs report", subtitle=_read(args))
    else:
        out = render_insight_text(insight)
    if args.output is None:
        print(out)
        return 0
    try:
        args.output.write_text(out + "\n", encoding="utf-8")
    except OSError as exc:
        raise HonestCSError(f"{args.output}: {exc.strerror or exc}") from None
    said = "reply" if insight.replies == 1 else "replies"
    found = "finding" if insight.findings == 1 else "findings"
    print(terminal_safe(f"{args.output}: {insight.replies:,} {said}, {insight.findings:,} {found}"))
    return 0


def _read(args: argparse.Namespace) -> str:
    """What the report was made from, in one line."""
    parts = [f"from {Path(args.reports).name}"]
    if args.policy:
        parts.append(f"policy {Path(args.policy).name}")
    if args.db:
        parts.append(f"ledger {_without_credentials(args.db)}")
    return "; ".join(parts)


def _without_credentials(db: str) -> str:
    """A ledger's file name, or its URL without user and password (the page may be shared)."""
    if "://" not in db:
        return Path(db).name
    url = urlsplit(db)
    port = f":{url.port}" if url.port else ""
    return f"{url.scheme}://{url.hostname or ''}{port}{url.path}"
