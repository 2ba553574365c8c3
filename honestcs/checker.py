"""`ReplyChecker`: compile a policy once, then read replies and report what is dishonest.

Data flows one way: text -> normalised text with an offset map ->
sentences -> facts per sentence -> rules -> findings and promises -> report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

import attrs
import regex

from honestcs.policy import Can, Policy
from honestcs.quantities import Count
from honestcs.report import Finding, Promise, Report, Severity
from honestcs.rules import RULES, Rule
from honestcs.rules._base import PolicyView, RawFinding
from honestcs.text.acts import find_later_acts
from honestcs.text.facts import SegmentFacts, SentenceFacts
from honestcs.text.mentions import DeadlineMention, DurationMention
from honestcs.text.reading import ReplyFacts, read_reply
from honestcs.text.terms import TermMatcher

__all__ = ["ReplyChecker"]

# Rules whose findings cover the whole reply and so never hide a vague commitment.
_WHOLE_REPLY_RULES = frozenset({"unanswered-question"})
_LET_ME = regex.compile(r"^\W*let\s+me\b", regex.IGNORECASE)


@attrs.define
class ReplyChecker:
    """Checks draft replies against one policy.

    The policy's terms are compiled once, when the checker is made; a checker
    is cheap to call many times and safe to share between threads (it keeps
    no state between checks).

    Args:
        policy: The policy replies must keep to.
    """

    policy: Policy
    _view: PolicyView = attrs.field(init=False, repr=False)
    _matcher: TermMatcher = attrs.field(init=False, repr=False)
    _rules: tuple[tuple[Rule, Severity], ...] = attrs.field(init=False, repr=False)
    _count_nouns: tuple[str, ...] = attrs.field(init=False, repr=False)
    _allow: regex.Pattern[str] | None = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        honesty = self.policy.honesty
        self._view = PolicyView(self.policy)
        self._matcher = TermMatcher.compile(
            (clause.id, term) for clause in self.policy.clauses for term in clause.terms
        )
        self._rules = tuple(
            (rule, honesty.severity.get(rule.id, rule.severity))
            for rule in RULES
            if rule.id not in honesty.disable
        )
        self._count_nouns = tuple(
            c.up_to.noun for c in self.policy.can if isinstance(c.up_to, Count)
        )
        self._allow = _phrase_pattern(honesty.allow)

    def check(
        self,
        reply: str,
        customer_message: str | None = None,
        now: datetime | None = None,
    ) -> Report:
        """Check one draft reply.

        Args:
            reply: The draft reply.
            customer_message: What the customer wrote, when known; needed to find
                unanswered questions and agreement to a request the reply doesn't repeat.
            now: When the reply is sent (aware). Default: the current time in the
                policy's time zone.

        Returns:
            The report: findings ordered by start offset, and the promises made.

        Raises:
            ValueError: ``now`` has no time zone.
        """
        calendar = self.policy.calendar
        moment = datetime.now(calendar.tz) if now is None else calendar.localize(now)
        facts = read_reply(
            reply,
            matcher=self._matcher,
            now=moment,
            calendar=calendar,
            count_nouns=self._count_nouns,
            customer_message=customer_message,
        )
        raw = [
            (rule.id, severity, finding)
            for rule, severity in self._rules
            for finding in rule.check(facts, self._view)
        ]
        raw = self._suppress(facts, raw)
        findings = sorted(
            {self._finding(facts, *item) for item in raw},
            key=lambda f: (f.start, f.end, f.rule),
        )
        return Report(reply, tuple(findings), tuple(self._promises(facts)))

    def _suppress(
        self, facts: ReplyFacts, raw: list[tuple[str, Severity, RawFinding]]
    ) -> list[tuple[str, Severity, RawFinding]]:
        flagged = {
            f.sentence
            for rule_id, _, f in raw
            if rule_id != "vague-commitment" and rule_id not in _WHOLE_REPLY_RULES
        }
        kept = [
            item
            for item in raw
            if not (item[0] == "vague-commitment" and item[2].sentence in flagged)
        ]
        if self._allow is None:
            return kept
        allowed = [(m.start(), m.end()) for m in self._allow.finditer(facts.text)]
        return [
            item
            for item in kept
            if not any(a <= item[2].start and item[2].end <= b for a, b in allowed)
        ]

    @staticmethod
    def _finding(facts: ReplyFacts, rule_id: str, severity: Severity, raw: RawFinding) -> Finding:
        start, end = facts.normalised.to_original(raw.start, raw.end)
        return Finding(rule_id, severity, start, end, raw.message, raw.suggestion, raw.clause)

    def _promises(self, facts: ReplyFacts) -> Iterator[Promise]:
        for sentence in facts.sentences:
            if sentence.reported:
                continue
            for segment in sentence.segments:
                if segment.mood not in ("future", "offer", "receive"):
                    continue
                if segment.negated or segment.condition or _LET_ME.search(segment.text):
                    continue
                clause = self._clause_for(sentence, segment)
                due = self._due(facts, sentence, segment, clause)
                if clause is None and due is None and not find_later_acts(segment.text):
                    continue
                start, end = facts.normalised.to_original(segment.start, segment.end)
                yield Promise(
                    facts.normalised.original[start:end],
                    start,
                    end,
                    clause.id if clause else None,
                    due,
                )

    def _clause_for(self, sentence: SentenceFacts, segment: SegmentFacts) -> Can | None:
        inside = [t for t in sentence.terms if segment.start <= t.start < segment.end]
        earlier = [t for t in sentence.terms if t.end <= segment.start]
        for term in (*inside, *reversed(earlier)):
            clause = self._view.clause_of(term)
            if isinstance(clause, Can):
                return clause
        return None

    def _due(
        self, facts: ReplyFacts, sentence: SentenceFacts, segment: SegmentFacts, clause: Can | None
    ) -> datetime | None:
        calendar = self.policy.calendar
        for mention in sentence.mentions:
            if not segment.start <= mention.start < segment.end:
                continue
            if isinstance(mention, DeadlineMention):
                return mention.due
            if isinstance(mention, DurationMention) and mention.role in ("within", "takes", "bare"):
                return calendar.add(mention.duration.upper, facts.now)
        if clause is not None and clause.takes is not None:
            return calendar.add(clause.takes.upper, facts.now)
        return None


def _phrase_pattern(phrases: Iterable[str]) -> regex.Pattern[str] | None:
    """One case-insensitive pattern for literal phrases (whitespace-tolerant), or None."""
    parts = [regex.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrases if p.strip()]
    if not parts:
        return None
    return regex.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", regex.IGNORECASE)
