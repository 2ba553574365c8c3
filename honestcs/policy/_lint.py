"""The policy linter: what a valid policy should still not do, as warnings.

:func:`lint_policy` is what ``honestcs policy check`` prints after a policy
has passed validation: ``cannot`` and ``prohibited`` clauses without a reason,
terms too generic to say what a customer asks for, terms that can never match
or have too many wildcards, and limits that run past the calendar's last date.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from honestcs.policy.model import Can, Cannot, Clause, Policy, Prohibited
from honestcs.quantities import Duration, singular
from honestcs.text.terms import _WILDCARD_MAX_WORDS, TermMatcher, tokenize

__all__ = ["GENERIC_WORDS", "MAX_WILDCARDS", "is_generic", "lint_policy", "never_matches"]

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
        warnings += _term_warnings(label, clause, first_use)
        if isinstance(clause, Can):
            warnings += _past_the_calendar(policy, label, clause, start)
    return warnings


def _term_warnings(label: str, clause: Clause, first_use: dict[str, str]) -> list[str]:
    """The warnings about a clause's terms; ``first_use`` gains those no clause gave before."""
    warnings: list[str] = []
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
        warnings += _too_loose(where, quoted, term)
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
    return warnings


def _too_loose(where: str, quoted: str, term: str) -> list[str]:
    """Warnings about a term that would match too much: too many wildcards, or generic words."""
    warnings: list[str] = []
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
    return warnings


def _past_the_calendar(policy: Policy, label: str, clause: Can, start: datetime) -> list[str]:
    """Warnings about a ``takes`` or ``within`` that would end after the last date there is."""
    warnings: list[str] = []
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
