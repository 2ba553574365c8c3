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
from datetime import UTC, datetime
from pathlib import Path

from honestcs._loading import load_policy
from honestcs._policy_diff import (
    clause_rows,
    describe,
    diff_policies,
    read_past_replies,
    reverdicts,
)
from honestcs._terminal import terminal_safe
from honestcs._times import EXAMPLE, parse_instant
from honestcs.exceptions import PolicyError
from honestcs.policy import Can, Cannot, Clause, Policy, Prohibited
from honestcs.quantities import Duration, singular
from honestcs.text.terms import _WILDCARD_MAX_WORDS, TermMatcher, tokenize

__all__ = [
    "GENERIC_WORDS",
    "MAX_WILDCARDS",
    "is_generic",
    "lint_policy",
    "never_matches",
    "register",
    "run_check",
    "run_diff",
    "run_show",
]

EXIT_OK = 0
EXIT_WARNINGS = 1  # only with --strict
EXIT_INVALID = 2

# A term whose every word is in this set says nothing about what the customer
# is asking for, so it would match almost any reply and tie the reply to the
# wrong clause. Two kinds of word qualify:
# - function words: articles, the pronouns of the two parties of every
#   conversation (I, we, you), prepositions, conjunctions, auxiliaries and
#   light verbs. Third-person pronouns (his, her, their) are left out on
#   purpose: a reply rarely talks about a third person, so they do narrow a
#   term down ("their account details");
# - words that turn up in nearly every customer-service reply whatever it is
#   about: order, item, account, help, request...
# Words are compared lower-cased and in the singular ("orders" is "order").
GENERIC_WORDS: frozenset[str] = frozenset(
    {
        # function words
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "it's",
        "i", "i'm", "i'll", "i've", "me", "my", "mine", "we", "we're", "we'll", "we've",
        "us", "our", "ours", "you", "you're", "you'll", "you've", "your", "yours",
        "some", "any", "all", "each", "every", "no", "not", "don't", "can't", "won't",
        "and", "or", "but", "if", "so", "as", "of", "to", "in", "on", "at", "by", "for",
        "from", "with", "about", "into", "over", "up", "down", "out", "off", "back",
        "now", "then", "there", "here", "what", "which", "who", "how", "when", "where",
        "why", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did",
        "have", "has", "had", "can", "could", "will", "would", "shall", "should", "may",
        "might", "must", "get", "got", "make", "take", "give", "go", "let", "just",
        "also", "very", "more", "one", "yes", "ok", "okay",
        # words of nearly every customer-service reply
        "help", "assist", "assistance", "order", "item", "product", "thing", "account",
        "customer", "service", "support", "team", "request", "issue", "problem",
        "question", "case", "ticket", "information", "info", "detail", "update",
        "message", "email", "contact", "time", "day", "today", "please", "thank",
        "thanks", "sorry", "apologize", "apologise", "hi", "hello", "happy", "glad",
        "need", "want", "know", "see", "look", "check", "something", "anything",
    }
)  # fmt: skip

#: The most wildcards a term should have before ``policy check`` warns about it.
MAX_WILDCARDS = 3

# Characters around a word that do not change it: "it," is "it".
_PUNCTUATION = ".,;:!?\"'()[]"


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


def lint_policy(policy: Policy, now: datetime | None = None) -> list[str]:
    """Weaknesses of a valid policy, one message each, in file order.

    What is reported, each naming the clause and the key:

    - a ``cannot`` or ``prohibited`` clause with no ``because`` (a refusal would
      have no reason to give);
    - a term that can never match, because the term matcher finds nothing in it
      to match (:func:`never_matches`);
    - a term given twice in one clause, or also given by another clause (compared
      case-insensitively, whitespace normalised);
    - a term with more than :data:`MAX_WILDCARDS` wildcards;
    - a term so generic it would match almost any reply (see :data:`GENERIC_WORDS`);
    - a ``takes`` or ``within`` that, counted from ``now``, would end after the
      year 9999, the last year a date can be worked out in.

    Args:
        policy: A policy that passed validation.
        now: When durations are counted from; default the clock.

    Returns:
        Messages such as ``can[1] (id "x"): terms[0]: "it" is so generic it
        would match almost any reply``.
    """
    start = now or datetime.now(UTC)
    warnings: list[str] = []
    first_use: dict[str, str] = {}  # term, case and spaces ignored -> its first clause
    for label, clause in _labelled(policy):
        if isinstance(clause, Cannot | Prohibited) and clause.because is None:
            warnings.append(
                f"{label}: because: no reason given, so a reply that refuses has none to offer"
            )
        seen_here: dict[str, int] = {}  # term, case and spaces ignored -> its index
        for index, term in enumerate(clause.terms):
            quoted = json.dumps(term, ensure_ascii=False)
            where = f"{label}: terms[{index}]"
            if never_matches(term):
                # The signs are those the tokenizer of honestcs.text.terms reads as words.
                warnings.append(
                    f"{where}: {quoted} can never match: the term matcher finds words of "
                    "letters and digits, and the signs % $ € £ # &, and it has none"
                )
                continue
            wildcards = term.split().count("*")
            if wildcards > MAX_WILDCARDS:
                warnings.append(
                    f"{where}: {quoted} has {wildcards} wildcards; each \"*\" stands for up to "
                    f"{_WILDCARD_MAX_WORDS} words, so it can stretch over "
                    f"{wildcards * _WILDCARD_MAX_WORDS} words that are not its own and tie "
                    "unrelated sentences to the clause, and each one makes matching it slower "
                    f"(use at most {MAX_WILDCARDS})"
                )
            if is_generic(term):
                warnings.append(f"{where}: {quoted} is so generic it would match almost any reply")
            key = _plain(term)
            if key in seen_here:
                first = clause.terms[seen_here[key]]
                shown = "" if term == first else f" ({json.dumps(first, ensure_ascii=False)})"
                warnings.append(
                    f"{where}: {quoted} repeats terms[{seen_here[key]}]{shown} of the same "
                    "clause; once is enough"
                )
                continue
            seen_here[key] = index
            if key in first_use:
                warnings.append(
                    f"{where}: {quoted} is also a term of {first_use[key]}; a reply using it "
                    "cannot tell the two apart"
                )
            else:
                first_use[key] = label
        if isinstance(clause, Can):
            for name in ("takes", "within"):
                duration = getattr(clause, name)
                if duration is not None and _past_the_last_date(policy, duration, start):
                    warnings.append(
                        f"{label}: {name}: {duration} from now ({start.date().isoformat()}) "
                        "would end after the year 9999, the last year a date can be worked "
                        "out in"
                    )
    return warnings


def never_matches(term: str) -> bool:
    """Whether the term matcher can never find ``term`` in any reply.

    Decided by the matcher itself (:mod:`honestcs.text.terms`): a term matches a reply
    that holds its words, with each ``*`` standing for no word at all, unless the
    matcher finds nothing to match in it (no word of letters or digits, and none of
    the signs it reads), and then it matches nothing.
    """
    words = " ".join(word for word in term.split() if word != "*")
    return not TermMatcher.compile([("lint", term)]).find(tokenize(words))


def _plain(term: str) -> str:
    """A term as duplicates are found: case folded, whitespace normalised."""
    return " ".join(term.casefold().split())


def _past_the_last_date(policy: Policy, duration: Duration, start: datetime) -> bool:
    """Whether ``duration`` after ``start`` is past the latest instant a date holds."""
    calendar = policy.calendar
    # add() takes any time past the year 9999 to be its end of time.
    return calendar.add(duration, start) >= calendar.end_of_time()


def is_generic(term: str) -> bool:
    """Whether every word of ``term`` is in :data:`GENERIC_WORDS` (``*`` is ignored).

    A word with a digit or a symbol ("%", "$") is specific, since no list of
    common words holds it.
    """
    stripped = (word.strip(_PUNCTUATION).lower() for word in term.split() if word != "*")
    words = [word for word in stripped if word]
    return bool(words) and all(
        word in GENERIC_WORDS or singular(word) in GENERIC_WORDS for word in words
    )


def _labelled(policy: Policy) -> list[tuple[str, Clause]]:
    """Every clause with where it is: ``can[1] (id "x")``, in file order."""
    labelled: list[tuple[str, Clause]] = []
    tables: tuple[tuple[str, tuple[Clause, ...]], ...] = (
        ("can", policy.can),
        ("cannot", policy.cannot),
        ("prohibited", policy.prohibited),
    )
    for table, clauses in tables:
        for index, clause in enumerate(clauses):
            label = f"{table}[{index}] (id {json.dumps(clause.id, ensure_ascii=False)})"
            labelled.append((label, clause))
    return labelled
