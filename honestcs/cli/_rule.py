"""``honestcs rule ID`` and ``honestcs rule --all``: a rule's page in the terminal.

The page is made from what the rule module carries: id, default severity,
summary, documentation (with its measured precision and known problems, where
the rule has written them down), and examples that must and must not fire.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from honestcs._links import DOCS_URL, rule_url
from honestcs.cli._selection import rule_id
from honestcs.exceptions import HonestCSError
from honestcs.rules import RULES, Example, Rule

__all__ = ["register", "rule_page", "rule_table"]

_ROLES = (":mod:", ":func:", ":class:", ":meth:", ":data:")
_WIDTH = 88


def register(commands: Any) -> None:
    """Add ``rule`` to the command line."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "rule",
        help="explain a rule: what it flags, why, examples, known problems",
        description="Print a rule's page: what it flags and why, its default severity, "
        "examples, and what it is known to get wrong.",
    )
    parser.add_argument("rule", nargs="?", metavar="RULE", help="the rule id, like overpromise")
    parser.add_argument("--all", action="store_true", help="list every rule instead")
    parser.set_defaults(run=run_rule)


def run_rule(args: argparse.Namespace) -> int:
    """Run ``honestcs rule``."""
    if args.all and args.rule:
        raise HonestCSError("give a rule id or --all, not both")
    if args.all:
        print(rule_table())
        return 0
    if not args.rule:
        raise HonestCSError("give a rule id (honestcs rule overpromise), or --all to list them")
    found = rule_id(args.rule, "rule")
    print(rule_page(next(rule for rule in RULES if rule.id == found)))
    return 0


def rule_table() -> str:
    """One line per rule: id, default severity, when it fires."""
    lines = [f"{'RULE':<24} {'SEVERITY':<9} REPORTS A REPLY THAT…"]
    lines += [f"{r.id:<24} {r.severity.value:<9} {r.summary}" for r in RULES]
    lines += ["", "honestcs rule ID prints one rule's page."]
    return "\n".join(lines)


def _body(doc: str) -> str:
    """A rule module's docstring without its title line, for a terminal."""
    body = textwrap.dedent(doc.partition("\n")[2]).strip().replace("**", "")
    for role in _ROLES:
        body = body.replace(role, "")
    paragraphs = []
    for paragraph in body.split("\n\n"):
        if paragraph.lstrip().startswith("* "):  # a list: one item a line, wrapped under itself
            items = [" ".join(i.split()) for i in paragraph.strip()[2:].split("\n* ")]
            paragraphs.append("\n".join(_wrap(i, "  - ", "    ") for i in items))
        else:
            paragraphs.append(_wrap(" ".join(paragraph.split()), "", ""))
    return "\n\n".join(paragraphs)


def _wrap(text: str, first: str, rest: str) -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=first, subsequent_indent=rest)


def _example(example: Example) -> str:
    lines = [_wrap(example.reply, "  - ", "    ")]
    if example.customer:
        lines.append(_wrap(f"customer: {example.customer}", "    ", "      "))
    for clause, due, text in example.earlier:
        lines.append(_wrap(f"open promise ({clause}, due {due[:10]}): {text}", "    ", "      "))
    return "\n".join(lines)


def _known_problems(rule: Rule) -> str | None:
    """A section for a rule whose documentation does not list its known problems."""
    if "Known problems" in rule.doc:
        return None
    accuracy = f"{DOCS_URL.rstrip('/')}/concepts/accuracy/"
    return "Known problems:\n" + _wrap(
        "None written down for this rule yet. What was measured on real replies is on the "
        f"Accuracy page: {accuracy}",
        "",
        "",
    )


def rule_page(rule: Rule) -> str:
    """A rule's page, as the terminal shows it."""
    sections = [
        f"{rule.id} (default severity: {rule.severity.value})",
        _wrap(f"Reports a reply that {rule.summary}.", "", ""),
        _body(rule.doc),
        "Reported (against the example policy of the rules reference):\n"
        + "\n".join(_example(e) for e in rule.fires),
        "Not reported:\n" + "\n".join(_example(e) for e in rule.quiet),
        _known_problems(rule),
        f"Documentation: {rule_url(rule.id)}",
    ]
    return "\n\n".join(section for section in sections if section)
