"""What every rule module shares: the finding it yields, its examples, the policy view."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime

import attrs

from honestcs.calendar import BusinessCalendar
from honestcs.policy import Can, Cannot, Clause, Policy, Prohibited
from honestcs.quantities import Duration
from honestcs.report import Severity
from honestcs.text.acts import PhrasePattern, phrase_pattern
from honestcs.text.memo import Stage
from honestcs.text.reading import ReplyFacts
from honestcs.text.terms import TermMatch

__all__ = ["Example", "PolicyView", "RawFinding", "Rule", "Suggest"]


@attrs.frozen
class RawFinding:
    """A finding before it is mapped back to the original reply.

    Attributes:
        start: Offset in the normalised reply.
        end: Offset just past it.
        message: What is wrong, naming the policy value.
        suggestion: What an honest reply would say instead.
        clause: The clause involved.
        sentence: Index of the sentence it is in, or None when it speaks of the whole
            reply (a question left unanswered). A finding of the whole reply covers no
            one sentence, so no rule yields to it (see :attr:`Rule.yields_in_sentence`).
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    clause: str | None = None
    sentence: int | None = None


@attrs.frozen
class Example:
    """A reply that a rule must (or must not) report, against the example policy.

    Attributes:
        reply: The reply.
        customer: The customer's message, when the rule needs one.
        now: When the reply is sent (ISO 8601 with offset).
        earlier: Open promises this customer already has, as (clause, due ISO, text).
    """

    reply: str
    customer: str | None = None
    now: str = "2026-12-01T10:00:00-05:00"
    earlier: tuple[tuple[str, str, str], ...] = ()


@attrs.define
class PolicyView:
    """A policy prepared once for the rules: clauses by id, the calendar, tuning."""

    policy: Policy
    clauses: Mapping[str, Clause] = attrs.field(init=False)
    guarantee_terms: PhrasePattern | None = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.clauses = {c.id: c for c in self.policy.clauses}
        self.guarantee_terms = phrase_pattern(self.policy.honesty.guarantee_terms)

    def add(self, reply: ReplyFacts, duration: Duration) -> datetime:
        """``now`` plus ``duration`` on the calendar, computed once per reply and duration."""
        return reply.memo.get(_ADDED, duration, lambda: self.calendar.add(duration, reply.now))

    @property
    def calendar(self) -> BusinessCalendar:
        """The policy's business calendar."""
        return self.policy.calendar

    def clause_of(self, term: TermMatch) -> Clause:
        """The clause a matched term belongs to."""
        return self.clauses[term.clause]

    def describe(self, moment: datetime, now: datetime) -> str:
        """A date as a customer reads it ("Tuesday 15 December")."""
        return self.calendar.describe(moment, now=now)


Check = Callable[[ReplyFacts, PolicyView], Iterator[RawFinding]]


@attrs.frozen
class Rule:
    """One rule: its id, default severity, documentation, examples, and check.

    Attributes:
        id: The rule id of SPEC §3.
        severity: Its default severity.
        summary: One line saying when it fires.
        doc: Its longer documentation (the module docstring).
        fires: Replies it must report.
        quiet: Replies it must not report.
        check: The function that finds it.
        yields_in_sentence: Whether its finding is dropped when another rule reports the
            same sentence. A vague commitment inside a sentence already reported as an
            over-promise adds nothing the agent needs, so that rule yields; the checker
            reads this, and holds no list of rule ids of its own.
    """

    id: str
    severity: Severity
    summary: str
    doc: str
    fires: tuple[Example, ...]
    quiet: tuple[Example, ...]
    check: Check
    yields_in_sentence: bool = False


def Suggest(*parts: str | None) -> str | None:
    """Join the non-empty parts of a suggestion with spaces; None when all are empty."""
    text = " ".join(p.strip() for p in parts if p and p.strip())
    return text or None


def quote(text: str, limit: int = 80) -> str:
    """Text in double quotes, shortened with an ellipsis past ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def kind_of(clause: Clause) -> str:
    """The table a clause comes from: "can", "cannot" or "prohibited"."""
    if isinstance(clause, Can):
        return "can"
    if isinstance(clause, Cannot):
        return "cannot"
    assert isinstance(clause, Prohibited)
    return "prohibited"


# ``now`` plus a duration on the policy's calendar, by the duration.
_ADDED: Stage[Duration, datetime] = Stage("now plus a duration")
