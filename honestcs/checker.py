"""`ReplyChecker`: compile a policy once, then read replies and report what is dishonest.

Data flows one way: text -> normalised text with an offset map ->
sentences -> facts per sentence -> rules -> findings and promises -> report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

import attrs
import regex

if TYPE_CHECKING:
    from honestcs.promises.ledger import PromiseLedger

from honestcs._language import not_checked
from honestcs.exceptions import ReplyTooLongError
from honestcs.policy import Policy
from honestcs.quantities import Count
from honestcs.report import Finding, Promise, Report, Severity
from honestcs.rules import RULES, Rule
from honestcs.rules._base import PolicyView, RawFinding
from honestcs.rules._promises import find_promises
from honestcs.text.acts import phrase_pattern
from honestcs.text.attribution import counted_nouns
from honestcs.text.reading import OpenPromise, ReplyFacts, read_reply
from honestcs.text.terms import TermMatcher

__all__ = ["DEFAULT_MAX_CHARS", "ReplyChecker"]

#: The default longest reply and customer message, in characters (100 KiB of ASCII).
DEFAULT_MAX_CHARS: Final = 102_400


def _limit(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(
            f"{attribute.name} must be a whole number of characters from 1, or None "
            f"for no limit, not {value!r}"
        )


def _rebuild(
    policy: Policy, max_reply_chars: int | None, max_customer_chars: int | None
) -> ReplyChecker:
    return ReplyChecker(
        policy, max_reply_chars=max_reply_chars, max_customer_chars=max_customer_chars
    )


@attrs.define
class ReplyChecker:
    """Checks draft replies against one policy.

    The policy's terms are compiled once, when the checker is made; a checker
    is cheap to call many times and safe to share between threads (it keeps
    no state between checks). It pickles as its policy alone (a few kilobytes)
    and compiles again when unpickled, in well under a millisecond, so it is
    cheap to send to worker processes.

    A reply or customer message longer than its limit is refused with
    :class:`~honestcs.ReplyTooLongError` before any of it is read, so the time
    and memory a check takes are bounded whatever text it is given. The limits
    count characters (``len(text)``), 102,400 of each by default: far more than
    any real reply or message, small enough for a web guard in front of text an
    attacker controls.

    Args:
        policy: The policy replies must keep to.
        max_reply_chars: The longest reply, in characters, that :meth:`check`
            accepts; None for no limit.
        max_customer_chars: The longest customer message, in characters, that
            :meth:`check` accepts; None for no limit.

    Raises:
        ValueError: A limit is not a whole number of at least 1 (or None).
    """

    policy: Policy
    max_reply_chars: int | None = attrs.field(
        default=DEFAULT_MAX_CHARS, kw_only=True, validator=_limit
    )
    max_customer_chars: int | None = attrs.field(
        default=DEFAULT_MAX_CHARS, kw_only=True, validator=_limit
    )
    _view: PolicyView = attrs.field(init=False, repr=False)
    _matcher: TermMatcher = attrs.field(init=False, repr=False)
    _rules: tuple[tuple[Rule, Severity], ...] = attrs.field(init=False, repr=False)
    _yielding: frozenset[str] = attrs.field(init=False, repr=False)
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
        self._yielding = frozenset(rule.id for rule, _ in self._rules if rule.yields_in_sentence)
        self._count_nouns = tuple(
            noun
            for c in self.policy.can
            if isinstance(c.up_to, Count)
            for noun in counted_nouns(c)
        )
        self._allow = phrase_pattern(honesty.allow)

    def __reduce__(
        self,
    ) -> tuple[
        Callable[[Policy, int | None, int | None], ReplyChecker],
        tuple[Policy, int | None, int | None],
    ]:
        # The compiled patterns are derived from the policy: send the policy, not them.
        return (_rebuild, (self.policy, self.max_reply_chars, self.max_customer_chars))

    def check(
        self,
        reply: str,
        customer_message: str | None = None,
        now: datetime | None = None,
        *,
        ledger: PromiseLedger | None = None,
        customer_id: str | None = None,
        reply_key: str | None = None,
    ) -> Report:
        """Check one draft reply.

        A reply that is empty (white space only) or not in English is not read:
        the report says so in ``not_checked`` (``"empty"`` or ``"not English"``)
        and has no findings. English is told cheaply, from the share of English
        among its function words ("the", "you", "we'll"; "el", "vous", "und").

        Args:
            reply: The draft reply.
            customer_message: What the customer wrote, when known; needed to find
                unanswered questions and agreement to a request the reply doesn't repeat.
            now: When the reply is sent (aware). Default: the current time in the
                policy's time zone.
            ledger: A promise ledger; with ``customer_id``, the reply is also checked
                against this customer's open promises (``silent-reschedule``).
            customer_id: The customer the reply is for, as recorded in ``ledger``.
            reply_key: The idempotency key this reply's promises are recorded under
                (``record_report(key=...)`` records them as ``f"{reply_key}#{i}"``;
                ``honestcs check --record`` as ``f"{reply_key}#{start}-{end}"``).
                Open promises recorded under it are this reply's own, and a reply
                checked again is not compared with them.

        Returns:
            The report: findings ordered by start offset, and the promises made.

        Raises:
            ReplyTooLongError: The reply or the customer message is longer than
                this checker's limit.
            ValueError: ``now`` has no time zone or no local time in the policy's zone
                (it lies at the very start or end of the years a datetime holds), or
                ``ledger`` is given without ``customer_id``.
        """
        if ledger is not None and customer_id is None:
            raise ValueError("checking against a ledger needs the customer_id the reply is for")
        if self.max_reply_chars is not None and len(reply) > self.max_reply_chars:
            raise ReplyTooLongError("reply", len(reply), self.max_reply_chars)
        if (
            customer_message is not None
            and self.max_customer_chars is not None
            and len(customer_message) > self.max_customer_chars
        ):
            raise ReplyTooLongError(
                "customer message", len(customer_message), self.max_customer_chars
            )
        calendar = self.policy.calendar
        moment = datetime.now(calendar.tz) if now is None else calendar.localize(now)
        reason = not_checked(reply)
        if reason is not None:
            return Report(reply, not_checked=reason)
        open_promises: tuple[OpenPromise, ...] = ()
        if ledger is not None and customer_id is not None:
            own = None if reply_key is None else reply_key + "#"
            open_promises = tuple(
                OpenPromise(r.clause, r.due, r.text)
                for r in ledger.open(customer=customer_id)
                if own is None or r.key is None or not r.key.startswith(own)
            )
        facts = read_reply(
            reply,
            matcher=self._matcher,
            now=moment,
            calendar=calendar,
            count_nouns=self._count_nouns,
            customer_message=customer_message,
            open_promises=open_promises,
        )
        raw = [
            (rule.id, severity, finding)
            for rule, severity in self._rules
            for finding in rule.check(facts, self._view)
        ]
        raw = self._suppress(facts, raw)
        findings = sorted(
            {self._finding(facts, *item) for item in raw},
            # A total order: two findings of one rule on one span (two unanswered questions)
            # come in the order of their messages, not of the set, which varies by process.
            key=lambda f: (f.start, f.end, f.rule, f.message),
        )
        return Report(reply, tuple(findings), tuple(self._promises(facts)))

    def _suppress(
        self, facts: ReplyFacts, raw: list[tuple[str, Severity, RawFinding]]
    ) -> list[tuple[str, Severity, RawFinding]]:
        yielding = self._yielding
        # The sentences a rule that does not yield reports. Two yielding rules never hide
        # each other, and a finding of the whole reply (sentence None) hides nothing.
        reported = {
            f.sentence
            for rule_id, _, f in raw
            if rule_id not in yielding and f.sentence is not None
        }
        kept = [item for item in raw if item[0] not in yielding or item[2].sentence not in reported]
        if self._allow is None:
            return kept
        allowed = [(m.start(), m.end()) for m in self._allow.finditer(facts.text)]
        return [
            item
            for item in kept
            if not any(a <= item[2].start and item[2].end <= b for a, b in allowed)
        ]

    def _finding(
        self, facts: ReplyFacts, rule_id: str, severity: Severity, raw: RawFinding
    ) -> Finding:
        start, end = facts.normalised.to_original(raw.start, raw.end)
        return Finding(
            rule_id, severity, start, end, raw.message, raw.suggestion, raw.clause,
            self._department(raw.clause),
        )  # fmt: skip

    def _department(self, clause_id: str | None) -> str | None:
        department = self.policy.department_of(clause_id)
        return None if department is None else department.name

    def _promises(self, facts: ReplyFacts) -> Iterator[Promise]:
        for raw in find_promises(facts, self._view):
            start, end = facts.normalised.to_original(raw.start, raw.end)
            yield Promise(
                facts.normalised.original[start:end],
                start,
                end,
                raw.clause.id if raw.clause else None,
                raw.due,
                self._department(raw.clause.id if raw.clause else None),
            )
