"""Quantities checked against the limits of `can` clauses (overpromise and misstatement).

A time, amount or count is checked against a clause only when the sentence
says that the clause's own action happens in that time or at that amount:

* the quantity is paired with the nearest term of a clause that can limit it
  (a duration with ``takes``/``within``, money with ``costs``/``up_to``…),
  in its own clause of the sentence, or for ``takes``, ``costs`` and
  ``up_to`` in an earlier clause of the sentence when its own names no clause
  ("I've started your refund, and the money will be back in 3 days");
* a time next to a verb that tells or starts rather than performs
  ("we'll *confirm* a delivery date within 1 business day", "your refund is
  *processed* within a day") is the time of that telling, not of the act;
* a time in a clause about an act already done ("I *started* your refund
  today") says when it was done, not when it will be finished;
* nothing inside a negated clause, a condition, a quotation or a report of
  what someone else said is checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import attrs
import regex

from honestcs.policy import Can
from honestcs.quantities import Count, Money, Percent, same_counted
from honestcs.rules._base import PolicyView, RawFinding, quote
from honestcs.text.acts import find_meta_verbs
from honestcs.text.facts import SegmentFacts, SentenceFacts, is_negated_before
from honestcs.text.lexicon import COMPOUND_HEADS
from honestcs.text.mentions import AmountMention, DeadlineMention, DurationMention, Mention
from honestcs.text.questions import content_stems
from honestcs.text.reading import ReplyFacts
from honestcs.text.terms import TermMatch, stem, tokenize

__all__ = ["Violation", "findings", "violations"]

# Nouns after a compound duration that name a window ("a 14-day window").
_WINDOW_NOUNS = frozenset(
    stem(w)
    for w in ("window", "period", "policy", "grace", "trial", "guarantee", "limit", "return")
)
# Multiples of a fixed price that are still that price ("3 nights at $25 is $75").
_MAX_MULTIPLE = 30


@attrs.frozen
class Violation:
    """A quantity that breaks a limit.

    Attributes:
        rule: "overpromise" or "policy-misstatement".
        start: Offset of the clause of the sentence it is in (normalised text).
        end: Offset just past it.
        sentence: Index of the sentence.
        clause: The clause id.
        message: What is wrong.
        suggestion: What to say instead.
    """

    rule: Literal["overpromise", "policy-misstatement"]
    start: int
    end: int
    sentence: int
    clause: str
    message: str
    suggestion: str


# "$" is written for every dollar; a business's own "$" is its own dollar.
_DOLLARS = frozenset({"USD", "AUD", "NZD", "CAD", "SGD", "HKD"})


def _same_currency(policy: str, reply: str) -> bool:
    return policy == reply or (policy in _DOLLARS and reply in _DOLLARS)


_FREE_PART = regex.compile(
    r"\b(?:free|included|includes|complimentary|allowance|no\s+charge|at\s+no\s+cost)\b",
    regex.IGNORECASE,
)


def _accepts(clause: Can, mention: Mention) -> bool:
    if isinstance(mention, (DurationMention, DeadlineMention)):
        return clause.takes is not None or (
            clause.within is not None and isinstance(mention, DurationMention)
        )
    assert isinstance(mention, AmountMention)
    value = mention.value
    if mention.aggregate:
        return False  # "your total is $1,172" is no voucher's figure (SPEC §3)
    if mention.free:
        # A clause whose own act or condition names a free part ("a checked bag beyond the
        # free allowance") is not contradicted by "free": the free part is another thing.
        return clause.costs is not None and not _FREE_PART.search(
            f"{clause.does} {clause.needs or ''}"
        )
    if isinstance(value, Money):
        limit = clause.costs if clause.costs is not None else clause.up_to
        return isinstance(limit, Money) and _same_currency(limit.currency, value.currency)
    if isinstance(value, Percent):
        return isinstance(clause.up_to, Percent)
    return isinstance(clause.up_to, Count) and same_counted(clause.up_to.noun, value.noun)


def _is_window(mention: Mention) -> bool:
    """Whether a duration is a window the customer has ("30 days to return it", "of joining")."""
    return isinstance(mention, DurationMention) and (
        mention.role in ("window", "rate") or mention.from_event
    )


def _other_readings(
    sentence: SentenceFacts, segment: SegmentFacts, mention: Mention, view: PolicyView, chosen: Can
) -> Iterator[tuple[Can, TermMatch]]:
    """Other clauses named in the quantity's own clause that could take the same figure.

    SPEC §3: when a quantity could belong to more than one clause, it is a finding only if it
    breaks every one of them ("Gold overnight shipping is $0" names overnight shipping, $20,
    and Gold overnight shipping, $0).
    """
    for term in sentence.terms:
        clause = view.clause_of(term)
        if clause is chosen or not isinstance(clause, Can) or not _accepts(clause, mention):
            continue
        if _is_window(mention) and clause.within is None:
            continue  # a window is never another clause's `takes` time
        if segment.start <= term.start < segment.end and not _modifies_another_noun(sentence, term):
            yield clause, term


def _attribute(
    sentence: SentenceFacts, mention: Mention, view: PolicyView
) -> tuple[Can, TermMatch] | None:
    """The clause whose action the quantity measures, with the term that names it."""
    segment = sentence.segment_at(mention.start)
    candidates = []
    in_segment_any = False
    for term in sentence.terms:
        if _modifies_another_noun(sentence, term):
            continue  # "credit card", "delivery date": the term names something else
        clause = view.clause_of(term)
        inside = segment.start <= term.start < segment.end
        in_segment_any = in_segment_any or inside
        if not (isinstance(clause, Can) and _accepts(clause, mention)):
            continue
        # "R38,400 (after your R2,500 excess)": the nearer amount is the excess.
        between = inside and isinstance(mention, AmountMention)
        if between and _amount_between(sentence, mention, term):
            continue
        candidates.append((term, clause, inside))
    if isinstance(mention, DurationMention) and mention.from_event and mention.permits:
        # "only possible within 24 hours of booking" is a window, never a time something
        # takes (SPEC §3).
        candidates = [(t, c, inside) for t, c, inside in candidates if c.within is not None]
    elif isinstance(mention, DurationMention) and (
        mention.role in ("window", "rate") or mention.from_event
    ):
        # "You have 30 days to…": a window, so a clause with one.
        windows = [(t, c, inside) for t, c, inside in candidates if c.within is not None]
        candidates = windows or candidates
    same = [(t, c) for t, c, inside in candidates if inside]
    before = [(t, c) for t, c in same if t.start < mention.start]
    if before:
        term, clause = max(before, key=lambda tc: tc[0].end)
        return clause, term
    if same:
        term, clause = min(same, key=lambda tc: tc[0].start)
        return clause, term
    if in_segment_any:
        return None  # its own clause names something else
    earlier = [(t, c) for t, c, _ in candidates if t.end <= segment.start]
    if not earlier:
        return None
    term, clause = max(earlier, key=lambda tc: tc[0].end)
    if clause.within is not None or clause.costs is not None:
        return None  # windows and prices are stated with their own words, never inherited
    return clause, term


# Nouns that, right after a term, make the term describe them rather than name the act:
# "credit card", "delivery date", "refund policy" (see the lexicon).
_HEAD_NOUNS = frozenset(stem(w) for w in COMPOUND_HEADS)


def _modifies_another_noun(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether a one-word term describes the noun after it rather than naming the act.

    "credit card", "delivery date"; a possessive ("the installer's arrival window");
    a past participle ("the cancelled massage", "your returned items").
    """
    if term.first_token != term.last_token:
        return False
    tokens = sentence.tokens  # token indices are the sentence's own
    word = tokens[term.last_token].lower
    index = term.last_token + 1
    if index >= len(tokens):
        return False
    following = tokens[index]
    if following.stem in _HEAD_NOUNS:
        return True
    names_a_noun = following.lower.isalpha() and following.lower not in _NOT_NOUNS
    if word.endswith("'s"):
        return names_a_noun  # "the installer's window", not "the rider's (has) just…"
    previous = tokens[term.first_token - 1].lower if term.first_token else ""
    return word.endswith("ed") and previous in _DETERMINERS and names_a_noun


# Words after a participle that show it is a verb, not an adjective ("cancelled within").
_NOT_NOUNS = frozenset(
    {
        "by",
        "within",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "to",
        "after",
        "before",
        "from",
        "with",
        "as",
        "so",
        "but",
        "if",
        "when",
        "until",
        "it",
        "them",
        "you",
        "your",
        "yet",
        "already",
        "today",
        "tomorrow",
        "now",
        "just",
        "been",
        "got",
        "gone",
        "not",
        "still",
        "here",
        "there",
        "off",
        "out",
        "ready",
    }
)


def _after_a_head_noun(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether the term follows "the date for", "an update on your" and the like."""
    tokens = sentence.tokens
    words = [t.stem for t in tokens[max(0, term.first_token - 4) : term.first_token]]
    while words and words[-1] in _DETERMINERS:
        words.pop()
    linked = len(words) >= 2 and words[-1] in ("for", "of", "on", "about")
    return linked and words[-2] in _HEAD_NOUNS


_DETERMINERS = frozenset({"the", "a", "an", "your", "our", "my", "this", "that"})


def _amount_between(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether another amount stands between a quantity and the term (and so claims it)."""
    low, high = (
        sorted((mention.end, term.start))
        if term.start >= mention.end
        else (term.end, mention.start)
    )
    return any(
        isinstance(other, AmountMention) and other is not mention and low <= other.start < high
        for other in sentence.mentions
    )


_POINTS_BACK = regex.compile(r"(?i)^\W*(?:it|they|this|that|these|those)\b")


def _from_previous(
    reply: ReplyFacts, sentence: SentenceFacts, mention: Mention, view: PolicyView
) -> tuple[Can, TermMatch] | None:
    """The clause of the sentence before, when this one names none but points back to it.

    "I've processed your refund. It will be credited within 3 working days." "I've started
    your refund. You'll see the $73 back on your card by December 10."
    """
    if sentence.terms or sentence.index == 0:
        return None
    if not isinstance(mention, (DurationMention, DeadlineMention)):
        return None
    points_back = bool(_POINTS_BACK.search(sentence.text))
    commits = any(s.mood in ("future", "receive") for s in sentence.segments)
    previous = reply.sentences[sentence.index - 1]
    for term in reversed(previous.terms):
        clause = view.clause_of(term)
        if not (isinstance(clause, Can) and clause.takes is not None and _accepts(clause, mention)):
            continue
        # Without an "it", the sentence must speak of the clause's act in its own words.
        if points_back or (commits and content_stems(list(sentence.tokens)) & _stems(clause.does)):
            return clause, term
    return None


def _told_not_done(
    sentence: SentenceFacts, segment: SegmentFacts, mention: Mention, clause: Can
) -> bool:
    """Whether a verb of telling or starting governs the time, not the clause's own act.

    "We'll *confirm* a delivery date within 1 business day" and "I'll *call*
    you on Wednesday with an update" time the telling. But a verb that is the
    clause's own act ("answer an email": "they'll email you back by Tuesday"),
    or one whose object is the clause ("ring you with the results on Tuesday"),
    times the act itself.
    """
    offset = segment.start - sentence.start
    act = _stems(clause.does)
    for start, end in find_meta_verbs(segment.text):
        a, b = start + offset + sentence.start, end + offset + sentence.start
        if b > mention.start:
            continue
        if any(t.start <= a and b <= t.end for t in sentence.terms):
            continue
        if _stems(segment.text[start:end]) & act:
            continue
        # "email you an answer": what the telling carries is the clause's act (but not in
        # "text you the date for your boiler service", which carries a date).
        carried = []
        for token in tokenize(segment.text[end : mention.start - offset - sentence.start]):
            if token.stem in _HEAD_NOUNS:
                break
            carried.append(token)
        if content_stems(carried) & act:
            continue
        if any(
            b <= t.start < mention.start
            and _belongs_to(t, clause)
            and not _modifies_another_noun(sentence, t)
            and not _after_a_head_noun(sentence, t)
            for t in sentence.terms
        ):
            continue
        return True
    return False


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    return frozenset(t.stem for t in tokenize(text))


def _belongs_to(term: TermMatch, clause: Can) -> bool:
    """Whether a matched term belongs to ``clause``."""
    return term.clause == clause.id


def violations(reply: ReplyFacts, view: PolicyView) -> list[Violation]:
    """Every quantity in the reply that breaks the limit of the clause it is about.

    When one sentence gives a clause two times and the later-ending one is
    honest ("processed within 24 hours, then 5-10 business days to reach your
    card"), the shorter one is a step on the way and is not reported. The
    result is computed once per reply and shared by the rules that read it.
    """
    cached = reply.cache.get("violations")
    if cached is None:
        cached = reply.cache["violations"] = list(_violations(reply, view))
    assert isinstance(cached, list)
    return cached


_Timed = DurationMention | DeadlineMention | AmountMention
_Attributed = list[tuple[_Timed, tuple[Can, TermMatch] | None]]


def findings(
    reply: ReplyFacts, view: PolicyView, rule: Literal["overpromise", "policy-misstatement"]
) -> Iterator[RawFinding]:
    """The findings of one of the two limit rules."""
    for v in violations(reply, view):
        if v.rule == rule:
            yield RawFinding(v.start, v.end, v.message, v.suggestion, v.clause, v.sentence)


def _violations(reply: ReplyFacts, view: PolicyView) -> Iterator[Violation]:
    for sentence in reply.sentences:
        if sentence.reported or not sentence.mentions:
            continue
        attributed: _Attributed = [
            (m, _attribute(sentence, m, view) or _from_previous(reply, sentence, m, view))
            for m in sentence.mentions
            if isinstance(m, (DurationMention, DeadlineMention, AmountMention))
        ]
        found = list(_sentence_violations(reply, view, sentence, attributed))
        if not found:
            continue
        honest_timed = _honest_timed_clauses(reply, view, attributed)
        for violation, is_time in found:
            if is_time and violation.clause in honest_timed:
                continue
            yield violation


def _honest_timed_clauses(reply: ReplyFacts, view: PolicyView, attributed: _Attributed) -> set[str]:
    """Clauses with a `takes` limit that the sentence gives an honest time for."""
    honest = set()
    for mention, found in attributed:
        if not isinstance(mention, (DurationMention, DeadlineMention)):
            continue
        if found is None or found[0].takes is None:
            continue
        if isinstance(mention, DurationMention):
            if mention.role not in ("within", "takes", "bare"):
                continue
            promised = view.add(reply, mention.duration.upper)
        else:
            promised = mention.due
        if promised >= view.add(reply, found[0].takes.upper):
            honest.add(found[0].id)
    return honest


def _sentence_violations(
    reply: ReplyFacts, view: PolicyView, sentence: SentenceFacts, attributed: _Attributed
) -> Iterator[tuple[Violation, bool]]:
    for mention, found in attributed:
        if found is None:
            continue
        if not isinstance(mention, (DurationMention, DeadlineMention, AmountMention)):
            continue
        segment = sentence.segment_at(mention.start)
        if segment.condition:
            continue
        # A negation after the figure belongs to what follows it ("30 days to send back any
        # book you're not happy with").
        if segment.negated and is_negated_before(segment.text, mention.start - segment.start):
            continue
        clause, term = found
        check = _CHECKS.get(type(mention))
        if check is None:
            continue
        result = check(reply, view, sentence, segment, mention, clause, term)
        if result is not None and any(
            check(reply, view, sentence, segment, mention, other, other_term) is None
            for other, other_term in _other_readings(sentence, segment, mention, view, clause)
        ):
            continue  # benefit of the doubt: it fits another clause the clause could be about
        if result is not None:
            rule, message, suggestion = result
            violation = Violation(
                rule, segment.start, segment.end, sentence.index, clause.id, message, suggestion
            )
            yield violation, not isinstance(mention, AmountMention)


_Result = tuple[Literal["overpromise", "policy-misstatement"], str, str] | None


# A clause that carries on about what the sentence just did for the customer: "I've cancelled
# your membership and *it ends today*", "I've added them - *that's five drivers now*".
_CARRIES_ON = regex.compile(
    r"^\W*(?:so\s+)?(?:it|they|that|this|which|he|she|your(?:\s+[\w-]+){1,3}?)(?:'s|'re|\s+is|\s+are|\s+will|'ll|\s+\w+s)\b"
    r"|^\W*so\s+(?:that\s+)?you\b"
    r"|^\W*(?:just\s+)?(?:in\s+time\s+for|ahead\s+of|before|by)\b",
    regex.IGNORECASE,
)


def _rule_for(
    sentence: SentenceFacts, segment: SegmentFacts
) -> Literal["overpromise", "policy-misstatement"]:
    if segment.mood != "statement":
        return "overpromise"
    earlier_commits = any(
        s.mood != "statement" and not s.negated and s.end <= segment.start
        for s in sentence.segments
    )
    if earlier_commits and _CARRIES_ON.search(segment.text):
        return "overpromise"
    return "policy-misstatement"


def _check_time(
    reply: ReplyFacts,
    view: PolicyView,
    sentence: SentenceFacts,
    segment: SegmentFacts,
    mention: Mention,
    clause: Can,
    term: TermMatch,
) -> _Result:
    assert isinstance(mention, (DurationMention, DeadlineMention))
    if isinstance(mention, DurationMention) and clause.within is not None:
        return _check_window(mention, clause, term, reply.text)
    takes = clause.takes
    if takes is None:
        return None
    now = reply.now
    if isinstance(mention, DurationMention):
        if segment.mood == "done" or mention.role in (
            "for",
            "rate",
            "per",
            "ago",
            "before",
            "window",
        ):
            return None
        if mention.role == "compound" and (
            mention.noun is None or stem(mention.noun) not in _term_stems(term)
        ):
            return None
        promised = view.add(reply, mention.duration.upper)
    else:
        if segment.mood == "done" and mention.due <= view.calendar.end_of_today(now):
            return None
        if _STARTS_AT.search(reply.text[max(0, mention.start - 20) : mention.start]):
            return None  # "in from today": when it starts, not when it is done
        if _EXCEPT.search(reply.text[max(0, mention.start - 40) : mention.start]):
            return None  # "every day except the 24th": a day off, not a deadline
        promised = mention.due
    earliest = view.add(reply, takes.upper)
    if promised >= earliest:
        return None
    if _told_not_done(sentence, segment, mention, clause):
        return None
    said = quote(_with_preposition(reply.text, mention.start, mention.end))
    rule = _rule_for(sentence, segment)
    when = _when(view, promised, now, mention)
    honest = f"within {takes.upper}, by {view.describe(earliest, now)}"
    policy_says = f"it takes {takes} to {_what(clause)}"
    if rule == "overpromise":
        message = (
            f"promises {said}{when}, but {policy_says}, so the earliest honest promise is "
            f"{view.describe(earliest, now)}"
        )
        suggestion = f'Promise no sooner than the policy allows: "{honest}".'
    else:
        message = f"says {said}{when}, but {policy_says}"
        suggestion = f"State the policy: it takes {takes} ({honest})."
    return rule, message, suggestion


_PREPOSITION_BEFORE = regex.compile(
    r"(?:\b(?:within|in|by|under|inside|before|until|up\s+to|less\s+than)\s+(?:the\s+)?(?:next\s+)?)$",
    regex.IGNORECASE,
)


def _with_preposition(text: str, start: int, end: int) -> str:
    """The quantity with the preposition that says how it is used ("within 3 days")."""
    before = _PREPOSITION_BEFORE.search(text[max(0, start - 30) : start])
    if before is not None:
        start -= len(before.group())
    return text[start:end]


def _what(clause: Can) -> str:
    """The clause's act as the end of a sentence: 'refund the purchase (clause "refund")'."""
    return f'{clause.does} (clause "{clause.id}")'


_STARTS_AT = regex.compile(r"\b(?:from|starting|as\s+of|beginning|effective|since)\s+$", regex.I)


_EXCEPT = regex.compile(r"(?i)\b(?:except|apart\s+from|but\s+not|closed)\b[^.;:!?]*$")


def _when(view: PolicyView, promised: datetime, now: datetime, mention: Mention) -> str:
    if isinstance(mention, DeadlineMention) and mention.instant:
        return ""
    return f" ({view.describe(promised, now)})"


def _term_stems(term: TermMatch) -> frozenset[str]:
    return frozenset(stem(w) for w in term.term.replace("-", " ").split())


def _check_window(mention: DurationMention, clause: Can, term: TermMatch, text: str) -> _Result:
    window = clause.within
    assert window is not None
    if mention.role in ("ago", "takes", "per", "compare"):
        return None
    if mention.role == "compound":
        # "a 7-day money-back return policy": the noun phrase after it names the window.
        phrase = {t.stem for t in tokenize(text[mention.start : mention.end + 40])[:6]}
        if not phrase & (_WINDOW_NOUNS | _term_stems(term)):
            return None
    if mention.duration.days("high") == window.days("high"):
        return None
    said = quote(_with_preposition(text, mention.start, mention.end))
    return (
        "policy-misstatement",
        f"says the window is {said}, but the policy gives {window} to {_what(clause)}",
        f"State the window exactly: {window}.",
    )


def _check_amount(
    reply: ReplyFacts,
    view: PolicyView,
    sentence: SentenceFacts,
    segment: SegmentFacts,
    mention: Mention,
    clause: Can,
    term: TermMatch,
) -> _Result:
    assert isinstance(mention, AmountMention)
    said = quote(reply.text[mention.start : mention.end])
    if clause.costs is not None:
        return _check_price(segment, mention, clause, term, said)
    limit = clause.up_to
    if limit is None:
        return None
    value = mention.value
    given = _magnitude(value)
    most = _magnitude(limit)
    needs = f" ({clause.needs})" if clause.needs else ""
    if _rule_for(sentence, segment) == "policy-misstatement":
        # A limit stated as a rule must be the policy's; any other statement of an amount
        # is wrong only when it is more than the policy allows. A count of what one thing
        # has ("the reservation has only one passenger") states no limit at all.
        if given == most or (given < most and not mention.rule_like) or mention.held:
            return None
        if isinstance(value, Count) and not mention.rule_like:
            return None  # "use all three certificates" counts what is there; it states no limit
        return (
            "policy-misstatement",
            f"says {said}, but the policy allows at most {limit} to {_what(clause)}",
            f"State the limit exactly: up to {limit}{needs}.",
        )
    if given <= most:
        return None
    return (
        "overpromise",
        f"gives {said}, but the policy allows at most {limit} to {_what(clause)}",
        f"Offer no more than {limit}{needs}.",
    )


def _magnitude(value: Money | Percent | Count) -> Decimal:
    if isinstance(value, Money):
        return value.amount
    return value.value


def _check_price(
    segment: SegmentFacts, mention: AmountMention, clause: Can, term: TermMatch, said: str
) -> _Result:
    costs = clause.costs
    assert costs is not None
    amount = Decimal(0) if mention.free else _magnitude(mention.value)
    if amount == costs.amount:
        return None
    multiple = amount / costs.amount if costs.amount else Decimal(0)
    if amount and multiple == multiple.to_integral_value() and multiple <= _MAX_MULTIPLE:
        return None  # a total of several at the fixed price
    cheaper = amount < costs.amount
    if segment.mood != "statement" and cheaper:
        return (
            "overpromise",
            f"offers it for {said}, but it costs {costs} to {_what(clause)}",
            f"Quote the policy's price: {costs}.",
        )
    return (
        "policy-misstatement",
        f"says {said}, but it costs {costs} to {_what(clause)}",
        f"State the price exactly: {costs}.",
    )


_Check = Callable[
    [ReplyFacts, PolicyView, SentenceFacts, SegmentFacts, Mention, Can, TermMatch], _Result
]
_CHECKS: dict[type, _Check] = {
    DurationMention: _check_time,
    DeadlineMention: _check_time,
    AmountMention: _check_amount,
}
