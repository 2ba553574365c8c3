"""The ``honestcs policy`` sub-command: ``honestcs policy check POLICY [--strict]``.

``check`` validates a policy file (every problem, one line each, exit 2),
then lints it: things a valid policy should still not do, printed as
warnings (exit 0, or 1 with ``--strict``).
"""

from __future__ import annotations

import argparse
import json
import sys

from honestcs._loading import load_policy
from honestcs.exceptions import PolicyError
from honestcs.policy import Cannot, Clause, Policy, Prohibited
from honestcs.quantities import singular

__all__ = ["GENERIC_WORDS", "is_generic", "lint_policy", "register", "run_check"]

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

# Characters around a word that do not change it: "it," is "it".
_PUNCTUATION = ".,;:!?\"'()[]"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``policy check`` to the ``honestcs`` command.

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
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    warnings = lint_policy(policy)
    for warning in warnings:
        print(f"{source}: warning: {warning}", file=sys.stderr)
    print(
        f'{source}: valid policy "{policy.name}": {len(policy.can)} can, '
        f"{len(policy.cannot)} cannot, {len(policy.prohibited)} prohibited clauses"
    )
    return EXIT_WARNINGS if warnings and args.strict else EXIT_OK


def lint_policy(policy: Policy) -> list[str]:
    """Weaknesses of a valid policy, one message each, in file order.

    Three things are reported: a ``cannot`` or ``prohibited`` clause with no
    ``because`` (a refusal would have no reason to give); a term used by two
    clauses (compared case-insensitively, whitespace normalised); and a term
    so generic it would match almost any reply (see :data:`GENERIC_WORDS`).

    Args:
        policy: A policy that passed validation.

    Returns:
        Messages such as ``can[1] (id "x"): terms: "it" is so generic it
        would match almost any reply``.
    """
    warnings: list[str] = []
    first_use: dict[str, str] = {}  # normalised term -> label of the first clause using it
    for label, clause in _labelled(policy):
        if isinstance(clause, Cannot | Prohibited) and clause.because is None:
            warnings.append(
                f"{label}: because: no reason given, so a reply that refuses has none to offer"
            )
        seen_here: set[str] = set()
        for term in clause.terms:
            key = " ".join(term.casefold().split())
            if is_generic(term):
                warnings.append(
                    f"{label}: terms: {json.dumps(term, ensure_ascii=False)} "
                    "is so generic it would match almost any reply"
                )
            if key in seen_here:
                continue
            seen_here.add(key)
            if key in first_use:
                warnings.append(
                    f"{label}: terms: {json.dumps(term, ensure_ascii=False)} is also a term "
                    f"of {first_use[key]}; a reply using it cannot tell the two apart"
                )
            else:
                first_use[key] = label
    return warnings


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
