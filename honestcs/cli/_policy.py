"""The ``honestcs policy`` sub-command: ``check``, ``show`` and ``diff``.

``check`` validates a policy file (every problem, one line each, exit 2),
then lints it: things a valid policy should still not do, printed as
warnings (exit 0, or 1 with ``--strict``). ``show`` prints the effective
policy, with the file and department of each clause. ``diff`` prints what a
change of policy does, and with ``--replies`` which past replies change verdict.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from honestcs._terminal import terminal_safe
from honestcs._times import EXAMPLE, parse_instant
from honestcs.exceptions import PolicyError
from honestcs.policy._diff import (
    clause_rows,
    describe,
    diff_policies,
    read_past_replies,
    reverdicts,
)
from honestcs.policy._lint import lint_policy
from honestcs.policy._loading import load_policy

__all__ = [
    "register",
    "run_check",
    "run_diff",
    "run_show",
]

EXIT_OK = 0
EXIT_WARNINGS = 1  # only with --strict
EXIT_INVALID = 2


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``policy check``, ``policy show`` and ``policy diff`` to the ``honestcs`` command.

    Args:
        commands: The sub-parsers of the top-level parser.
    """
    policy = commands.add_parser(
        "policy",
        help="validate and lint a policy file",
        description="Work with policy files.",
    )
    actions = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    _register_check(actions)
    _register_show(actions)
    _register_diff(actions)


def _register_check(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``policy check``."""
    check = actions.add_parser(
        "check",
        help="validate a policy file and warn about weak clauses",
        description=(
            "Validate a policy file (exit 2 and every problem when it is invalid), "
            "then warn about clauses that would make the checker less useful."
        ),
    )
    check.add_argument("policy", metavar="POLICY", help="the policy file (.toml or .json)")
    check.add_argument("--strict", action="store_true", help="exit 1 when there is any warning")
    check.set_defaults(run=run_check)


def _register_show(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``policy show``."""
    show = actions.add_parser(
        "show",
        help="print the effective policy, with the file and department of each clause",
        description=(
            "Print the effective policy: a file with [policy] extends put together with the "
            "files it extends, each clause with the file and department it came from."
        ),
    )
    show.add_argument("policy", metavar="POLICY", help="the policy file (.toml or .json)")
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    show.set_defaults(run=run_show)


def _register_diff(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``policy diff``."""
    diff = actions.add_parser(
        "diff",
        help="print what changing from one policy to another does",
        description=(
            "Compare two policies clause by clause: limits that got tighter (fewer replies "
            "pass) or looser (more replies pass), exact values that changed, clauses added "
            "and removed. With --replies, check past replies under both and list those whose "
            "verdict changes (an error under one policy and none under the other)."
        ),
    )
    diff.add_argument("old", metavar="OLD", help="the policy as it is")
    diff.add_argument("new", metavar="NEW", help="the policy as it would be")
    diff.add_argument(
        "--replies",
        metavar="FILE.jsonl",
        type=Path,
        help='past replies, one {"id", "reply", "customer"?, "now"?} a line',
    )
    diff.add_argument(
        "--now",
        type=parse_instant,
        metavar="ISO",
        help=f"when a reply without its own now was sent (e.g. {EXAMPLE}); default: now",
    )
    diff.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    diff.set_defaults(run=run_diff)


def run_check(args: argparse.Namespace) -> int:
    """Validate and lint ``args.policy``; print the result.

    Args:
        args: Parsed arguments with ``policy`` (a path) and ``strict``.

    Returns:
        0 when valid, 1 when valid with warnings and ``--strict``, 2 when invalid.
    """
    source: str = args.policy
    try:
        policy = load_policy(source)
    except PolicyError as exc:
        for problem in exc.problems:
            print(terminal_safe(problem), file=sys.stderr)
        return EXIT_INVALID
    warnings = lint_policy(policy)
    for warning in warnings:
        print(terminal_safe(f"{source}: warning: {warning}"), file=sys.stderr)
    print(
        terminal_safe(
            f'{source}: valid policy "{policy.name}": {len(policy.can)} can, '
            f"{len(policy.cannot)} cannot, {len(policy.prohibited)} prohibited clauses"
        )
    )
    return EXIT_WARNINGS if warnings and args.strict else EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    """Print the effective policy of ``args.policy``.

    Returns:
        0; an invalid policy raises PolicyError, which the command line prints.
    """
    policy = load_policy(args.policy)
    if args.format == "json":
        departments = [
            {"name": d.name, "owner": d.owner} for d in policy.departments
        ]
        data = {
            "source": args.policy,
            "name": policy.name,
            "timezone": policy.timezone,
            "version": policy.version,
            "departments": departments,
            "clauses": clause_rows(policy),
        }
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(describe(policy, args.policy))
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    """Print what changing from ``args.old`` to ``args.new`` does.

    Returns:
        0; an invalid policy or replies file raises an error the command line prints.
    """
    old, new = load_policy(args.old), load_policy(args.new)
    changes = diff_policies(old, new)
    checked, changed = (
        reverdicts(old, new, read_past_replies(args.replies), args.now)
        if args.replies is not None
        else (0, [])
    )
    if args.format == "json":
        data: dict[str, object] = {
            "old": args.old,
            "new": args.new,
            "changes": [change.to_dict() for change in changes],
        }
        if args.replies is not None:
            data["replies"] = {
                "checked": checked,
                "changed_verdict": [reverdict.to_dict() for reverdict in changed],
            }
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    lines = [f"{args.old} -> {args.new}: {_count(len(changes), 'difference')} in clauses"]
    for change in changes:
        owner = f" ({change.department})" if change.department else ""
        lines.append(f"  {change.kind}: {change.clause}{owner}: {change.what}")
    if args.replies is not None:
        lines.append(
            f"{args.replies}: {_count(checked, 'reply', 'replies')} checked under both; "
            f"{_count(len(changed), 'reply', 'replies')} change verdict"
        )
        for reverdict in changed:
            before = ", ".join(reverdict.before) or "no errors"
            after = ", ".join(reverdict.after) or "no errors"
            lines.append(f"  {reverdict.ident} (line {reverdict.line}): {before} -> {after}")
    print(terminal_safe("\n".join(lines)))
    return EXIT_OK


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
