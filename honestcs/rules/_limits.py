"""Quantities checked against the limits of `can` clauses (overpromise and misstatement).

Which clause a quantity is about is read by :mod:`honestcs.text.attribution`; this
module checks the quantity against that clause's limit, in the direction SPEC §3
gives (a shorter time than `takes` allows, more than `up_to`, a price other than
`costs`, a window other than `within`), and applies the benefit of the doubt: a
figure that fits another clause named with it is no finding. Nothing inside a
negated clause, a condition, a quotation or a report of what someone else said is
checked.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import attrs

from honestcs._function_words import ENGLISH
from honestcs._last import LastOne
from honestcs.policy import Can
from honestcs.quantities import Count, Duration, Money, Percent, TimeUnit
from honestcs.rules._base import PolicyView, RawFinding, quote
from honestcs.text.acts import (
    commands_up_to,
    grants,
    has_done_for_them,
    opens_with_thanks_for,
    takes_it_up,
)
from honestcs.text.attribution import (
    attribute,
    carries_on,
    concludes_from,
    counts_from_an_event,
    counts_several,
    describes_a_former_state,
    from_previous,
    from_the_question,
    inside_a_term,
    is_appositive,
    moved_into,
    names_a_start,
    names_the_figure,
    other_readings,
    reports_what_happened,
    states_what_we_can,
    the_customer_acts_by,
    times_a_delivery,
    times_a_start,
    times_a_telling,
    times_the_handling,
    to_the_one_discount,
)
from honestcs.text.facts import (
    SegmentFacts,
    SentenceFacts,
    is_counterfactual,
    is_denied_after,
    is_hedged,
    is_negated_before,
    states_a_possibility,
    states_a_result,
)
from honestcs.text.lexicon import (
    COUNTED_FROM,
    GENERIC_DETERMINERS,
    SPECIFIC_DETERMINERS,
    TIME_TAKEN_NOUNS,
    WINDOW_NOUNS,
)
from honestcs.text.memo import Stage
from honestcs.text.mentions import (
    AmountMention,
    DeadlineMention,
    DurationMention,
    Mention,
    is_a_floor,
    is_a_threshold,
    is_acted_on,
    is_excepted,
    is_how_far_off,
    is_notice_given,
    is_taken_off,
    is_well_before,
    means_currently,
    speaks_of_notice,
    starts_from,
    with_preposition,
)
from honestcs.text.reading import CustomerFacts, ReplyFacts
from honestcs.text.terms import TermMatch, stem, tokenize

__all__ = ["Violation", "findings", "violations"]

# Nouns after a compound duration that name a window ("a 14-day window"), stemmed once.
_WINDOW_NOUNS = frozenset(stem(w) for w in WINDOW_NOUNS)
# Nouns of the time an act takes, after a compound duration ("a 3-day turnaround").
_TIME_TAKEN = frozenset(TIME_TAKEN_NOUNS)
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


def violations(reply: ReplyFacts, view: PolicyView) -> list[Violation]:
    """Every quantity in the reply that breaks the limit of the clause it is about.

    When one sentence gives a clause two times and the later-ending one is
    honest ("processed within 24 hours, then 5-10 business days to reach your
    card"), the shorter one is a step on the way and is not reported. The
    result is the stage :data:`LIMIT_VIOLATIONS`, worked out once per reply and shared by the
    two rules that read it.
    """
    return reply.memo.once(LIMIT_VIOLATIONS, lambda: list(_violations(reply, view)))


LIMIT_VIOLATIONS: Stage[None, list[Violation]] = Stage("quantities that break a limit")
"""Every quantity of a reply that breaks its clause's limit: read by ``overpromise`` (what is
promised) and ``policy-misstatement`` (what is stated)."""


_Timed = DurationMention | DeadlineMention | AmountMention
_Attributed = list[tuple[_Timed, tuple[Can, TermMatch] | None]]


def findings(
    reply: ReplyFacts, view: PolicyView, rule: Literal["overpromise", "policy-misstatement"]
) -> Iterator[RawFinding]:
    """The findings of one of the two limit rules."""
    for v in violations(reply, view):
        if v.rule == rule:
            yield RawFinding(v.start, v.end, v.message, v.suggestion, v.clause, v.sentence)


def _attributed(
    reply: ReplyFacts, view: PolicyView, sentence: SentenceFacts, names_an_act: bool
) -> _Attributed:
    """Each time and amount of a sentence, with the clause it is about (or None)."""
    return [
        (
            m,
            attribute(sentence, m, view.clauses)
            or from_previous(reply, sentence, m, view.clauses)
            or from_the_question(
                reply, sentence, m, view.clauses, reply_names_an_act=names_an_act
            )
            or to_the_one_discount(sentence, m, view.clauses),
        )
        for m in sentence.mentions
        if isinstance(m, (DurationMention, DeadlineMention, AmountMention))
    ]


def _violations(reply: ReplyFacts, view: PolicyView) -> Iterator[Violation]:
    names_an_act = any(s.terms for s in reply.sentences)
    # A sentence read ahead for the one before it is read once (the one ahead, carried on).
    ahead: tuple[int, _Attributed] | None = None
    for sentence in reply.sentences:
        if sentence.reported or not sentence.mentions:
            continue
        if ahead is not None and ahead[0] == sentence.index:
            attributed = ahead[1]
        else:
            attributed = _attributed(reply, view, sentence, names_an_act)
        found = list(_sentence_violations(reply, view, sentence, attributed))
        if not found:
            continue
        honest_timed = _honest_timed_clauses(reply, view, attributed)
        # The sentence right after may finish what this one starts: "I'll put the refund
        # through today. It should reach your card within 10 days." The later, honest time
        # is when the act is done; the earlier is a step on the way, as inside one sentence.
        following = (
            reply.sentences[sentence.index + 1]
            if sentence.index + 1 < len(reply.sentences)
            else None
        )
        honest_next: dict[str, int] = {}
        if following is not None and following.mentions and not following.reported:
            ahead = (following.index, _attributed(reply, view, following, names_an_act))
            # Only the same act carried on counts: the sentence after takes it up by a
            # pronoun ("It'll be with you by Monday"), naming no act of its own; one that
            # names an act ("I've also put through the deposit refund, which takes a week")
            # may be another act of the clause.
            honest_next = _honest_timed_clauses(
                reply,
                view,
                [
                    (m, owner)
                    for m, owner in ahead[1]
                    if owner is not None and not following.start <= owner[1].start < following.end
                ],
            )
        # Where the sentence last gives each clause a time too soon, and a promised one: with
        # these, each time asks once whether a later one follows, not once for every other.
        last_time: dict[str, int] = {}
        last_promised: dict[str, int] = {}
        for v, is_time, at in found:
            if is_time:
                last_time[v.clause] = max(last_time.get(v.clause, at), at)
                if v.rule == "overpromise":
                    last_promised[v.clause] = max(last_promised.get(v.clause, at), at)
        for violation, is_time, at in found:
            # Of two times too soon for one act, the later is when it is done and the earlier
            # a step on the way ("the modem goes out today and will be with you tomorrow"):
            # the act is held to the later one alone, unless only the earlier is promised.
            later = last_time if violation.rule == "policy-misstatement" else last_promised
            if is_time and later.get(violation.clause, at) > at:
                continue
            # A shorter time beside an honest one is a step on the way ("processed within 24
            # hours, then 5-10 business days to reach your card"), unless the reply concludes
            # it from the honest one ("it takes up to 10 working days, so you'll have it by
            # 6 Jan"): that is checked.
            honest_at = honest_timed.get(violation.clause)
            if is_time and honest_at is not None and not concludes_from(reply.text, honest_at, at):
                continue
            if is_time and violation.clause in honest_next:
                continue
            yield violation


def _honest_timed_clauses(
    reply: ReplyFacts, view: PolicyView, attributed: _Attributed
) -> dict[str, int]:
    """Where the sentence last gives an honest time, by clause with a `takes` limit."""
    honest: dict[str, int] = {}
    for mention, found in attributed:
        if not isinstance(mention, (DurationMention, DeadlineMention)):
            continue
        if found is None or found[0].takes is None:
            continue
        if isinstance(mention, DurationMention):
            if mention.role not in ("within", "takes", "bare"):
                continue
            promised = view.add(reply, mention.duration.upper)
        elif is_well_before(reply.text, mention.start):
            continue  # "…by the end of next week, well before Christmas": a day to compare with
        else:
            promised = mention.due
        if promised >= view.add(reply, found[0].takes.upper):
            honest[found[0].id] = max(honest.get(found[0].id, -1), mention.start)
    return honest


def _sentence_violations(
    reply: ReplyFacts, view: PolicyView, sentence: SentenceFacts, attributed: _Attributed
) -> Iterator[tuple[Violation, bool, int]]:
    previous: Mention | None = None
    for mention, found in attributed:
        # The figure just before, to tell a day named again from a day of its own.
        before, previous = previous, mention
        if found is None:
            continue
        if not isinstance(mention, (DurationMention, DeadlineMention, AmountMention)):
            continue
        segment = sentence.segment_at(mention.start)
        if describes_a_former_state(sentence, mention):
            continue
        if _restates_the_day_before(sentence, before, mention):
            continue  # "by Thursday, Christmas Eve": one day, said twice, judged once
        if isinstance(mention, DurationMention) and inside_a_term(
            sentence, mention.start, mention.end
        ):
            continue  # "apply a day pass": a time inside the policy's own name for a thing
        if _reads(sentence, is_counterfactual, segment):
            continue  # "I wish I could give you £200": no figure said to hold
        if _reads(sentence, opens_with_thanks_for, segment):
            continue  # "Thank you for choosing your frames with us this morning": a past act
        if isinstance(mention, (DurationMention, DeadlineMention)) and reports_what_happened(
            segment.text, mention.start - segment.start, day=isinstance(mention, DeadlineMention)
        ):
            # "which was cancelled about two hours before the start", "your proof went to
            # print this morning": the time of what happened.
            continue
        if (
            isinstance(mention, (DurationMention, DeadlineMention))
            and times_a_start(segment.text, mention.start - segment.start)
            and not names_a_start(reply.text[found[1].start : found[1].end])
        ):
            # "your proof goes to print today": when the act begins (unless beginning is the
            # act: "we can start the job next Monday" against a clause "start the job").
            continue
        if isinstance(mention, DeadlineMention) and the_customer_acts_by(
            segment.text, mention.start - segment.start
        ):
            continue  # "book the inspection today and…": the customer's day to act by
        if isinstance(mention, DeadlineMention) and _starts_the_clock(
            found[0], reply.text[found[1].start : found[1].end]
        ):
            # "It's being dispatched today", when the clause delivers "from dispatch": the
            # day the clause's time starts, not the day it ends.
            continue
        # A condition states no time or price of its own ("if it hasn't come within 3 days,
        # call us"), but the window it sets is the customer's window ("price adjustments are
        # available if the price drops within 30 days of purchase").
        if segment.condition and not _window_in_condition(mention, found[0]):
            continue
        # A negation after the figure belongs to what follows it ("30 days to send back any
        # book you're not happy with").
        if (
            segment.negated and is_negated_before(segment.text, mention.start - segment.start)
        ) or is_denied_after(segment.text, mention.end - segment.start):
            # ...and so does one right after a figure it denies: "so Friday isn't doable",
            # "so Friday is unfortunately too soon".
            continue
        clause, term = found
        check = _CHECKS.get(type(mention))
        if check is None:
            continue
        result = check(reply, view, sentence, segment, mention, clause, term)
        if result is not None and any(
            check(reply, view, sentence, segment, mention, other, other_term) is None
            and not _times_no_window_of(sentence, segment, mention, other)
            for other, other_term in other_readings(
                sentence,
                segment,
                mention,
                view.clauses,
                clause,
                previous=reply.sentences[sentence.index - 1] if sentence.index else None,
            )
        ):
            continue  # benefit of the doubt: it fits another clause the clause could be about
        if result is not None:
            rule, message, suggestion = result
            violation = Violation(
                rule, segment.start, segment.end, sentence.index, clause.id, message, suggestion
            )
            yield violation, not isinstance(mention, AmountMention), mention.start


def _restates_the_day_before(
    sentence: SentenceFacts, before: Mention | None, mention: Mention
) -> bool:
    """Whether a day names again the day just before it, set off by a comma or a dash.

    "by Thursday, Christmas Eve", "on Friday - the 12th": the second names the same day in
    other words (an appositive), so it is no second time to judge. ``before`` is the figure
    right before ``mention`` in the sentence, if any.
    """
    if not isinstance(mention, DeadlineMention) or not isinstance(before, DeadlineMention):
        return False
    if before.end > mention.start:
        return False
    between = sentence.text[before.end - sentence.start : mention.start - sentence.start]
    return (
        before.due.date() == mention.due.date()
        and bool(between.strip())
        and not between.strip(" ,\u2013\u2014-(")
    )


def _states_the_window_beside(
    sentence: SentenceFacts, mention: DurationMention, window: Duration
) -> bool:
    """Whether another length in the same sentence is exactly the clause's window."""
    days = window.days()
    named = _lengths_named(sentence).get(days, 0)
    return named > (1 if mention.duration.days() == days else 0)


def _count_lengths(sentence: SentenceFacts) -> dict[Decimal, int]:
    """How many of the sentence's durations come to each number of days."""
    counts: dict[Decimal, int] = {}
    for m in sentence.mentions:
        if isinstance(m, DurationMention):
            counts[m.duration.days()] = counts.get(m.duration.days(), 0) + 1
    return counts


# Worked out once for a sentence however many times ask.
_lengths_named = LastOne(_count_lengths)


_COUNTED_FROM_WORDS = frozenset(COUNTED_FROM)


@lru_cache(maxsize=4096)
def _clock_starters(does: str) -> frozenset[str]:
    """The stems of the events a clause's time is counted from ("…by courier from dispatch").

    Words as the policy spaces them: "before-and-after photos" and "after-hours access" are
    one word each, and count from nothing.
    """
    words = [w.strip(".,;:()").lower() for w in does.split()]
    return frozenset(
        stem(after)
        for before, after in itertools.pairwise(words)
        if before in _COUNTED_FROM_WORDS and after.isalpha() and after not in _DETERMINERS
    )


# The words that open the event's noun phrase rather than name it.
_DETERMINERS = frozenset({"the", *SPECIFIC_DETERMINERS, *GENERIC_DETERMINERS})


def _starts_the_clock(clause: Can, term_text: str) -> bool:
    """Whether the term that names the clause is the event its own time is counted from."""
    starters = _clock_starters(clause.does)
    return bool(starters) and any(t.stem in starters for t in tokenize(term_text))


def _window_in_condition(mention: Mention, clause: Can) -> bool:
    """Whether a duration in a condition is the clause's own window (a `within` clause)."""
    return (
        isinstance(mention, DurationMention)
        and clause.within is not None
        and (mention.from_event or mention.role in ("within", "window"))
    )


_Result = tuple[Literal["overpromise", "policy-misstatement"], str, str] | None


def _rule_for(
    sentence: SentenceFacts, segment: SegmentFacts
) -> Literal["overpromise", "policy-misstatement"]:
    if segment.mood != "statement":
        # "We can usually have it boarded up within the hour": a hedged statement of the
        # rule, not an undertaking (SPEC §3).
        hedged = _reads(sentence, is_hedged, segment)
        return "policy-misstatement" if hedged else "overpromise"
    if _reads(sentence, is_hedged, segment):
        # "…and it's normally back on your card within 24 hours": hedged, it states the rule,
        # whatever commitment came before it.
        return "policy-misstatement"
    earlier_commits = _limits_of(sentence).first_commitment_end <= segment.start
    if earlier_commits and (
        _reads(sentence, carries_on, segment) or _reads(sentence, is_appositive, segment)
    ):
        return "overpromise"
    # After a colon or a dash, a clause spells out the commitment before it: "I've set you up on
    # a payment plan: 12 monthly instalments of £520".
    if earlier_commits and _ends_with_a_break(sentence.text, segment.start - sentence.start):
        return "overpromise"
    return "policy-misstatement"


def _ends_with_a_break(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends in a colon or a dash, spaces aside.

    Read back from ``end`` over the spaces alone: a copy of all the text before it, for
    each time in a sentence of thousands, made the sentence quadratic.
    """
    at = end
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return text[max(0, at - 2) : at].endswith((":", "\u2013", "\u2014", " -"))


@attrs.frozen
class _SentenceLimits:
    """What checking any quantity of one sentence asks of the whole sentence.

    Attributes:
        first_commitment_end: Where the first clause that commits ends (not a statement,
            not negated); past the sentence's end when none does.
        ago: The most days ago any time of the sentence counts back ("6 business days
            ago"), or None.
        read: What each reading of a whole clause gave, by reading and clause start.
    """

    first_commitment_end: int
    ago: Decimal | None
    read: dict[tuple[Callable[[str], bool], int], bool] = attrs.field(factory=dict, eq=False)


def _reads(sentence: SentenceFacts, reading: Callable[[str], bool], segment: SegmentFacts) -> bool:
    """``reading(segment.text)``, worked out once for the clause.

    A clause that runs on may hold thousands of times, and each asks the same of it.
    """
    key = (reading, segment.start)
    found = _limits_of(sentence).read.get(key)
    if found is None:
        found = _limits_of(sentence).read[key] = reading(segment.text)
    return found


def _read_limits(sentence: SentenceFacts) -> _SentenceLimits:
    first = next(
        (s.end for s in sentence.segments if s.mood != "statement" and not s.negated),
        sentence.end + 1,
    )
    ago = [
        m.duration.days("high")
        for m in sentence.mentions
        if isinstance(m, DurationMention) and m.role == "ago"
    ]
    return _SentenceLimits(first, max(ago) if ago else None)


# Worked out once for a sentence however many quantities it has.
_limits_of = LastOne(_read_limits)


def _result_of_a_grant(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether a clause gives the result of a grant just before it.

    "I've extended your pack *so you can use your credits within 180 days*": the window is
    the one granted. ("I've added credit, and you can dispute any bill within 90 days" states
    a rule beside the grant.)
    """
    before = sentence.ended_by(segment.start)
    if not before:
        return False
    previous = sentence.segments[before - 1]
    if _reads(sentence, states_a_result, segment):
        # "I'll put a note on the receipt *so they'll have 60 days*": what our own act
        # brings about for the customer is granted by it, whatever the act.
        return _reads(sentence, grants, previous) or (
            previous.mood in ("future", "offer", "done")
            and previous.first_person
            and not previous.negated
        )
    # "I'll extend the window for you - *you have a week* to send photos": after a dash or a
    # colon, the clause spells out the grant before it.
    return _reads(sentence, grants, previous) and _ends_with_a_break(
        sentence.text, segment.start - sentence.start
    )


def _waited_for(reply: ReplyFacts, clause: Can) -> list[Decimal]:
    """How long the customer says they have waited for the clause's act, in days.

    "I've waited THREE WEEKS for my varifocals": the act began then, so "by Thursday" counts
    from three weeks ago, not from now. Only for the act the wait's sentence names, or the only
    act the message names ("Where are my varifocals? I've waited three weeks!"). Worked out
    once per clause: a reply of thousands of times asks it of each.
    """
    customer = reply.customer
    if customer is None:
        return []
    return reply.memo.get(_WAITED_FOR, clause.id, lambda: _read_wait(reply, customer, clause))


# How long the customer waited for a clause's act, by clause id; and the clauses whose act
# was done today.
_WAITED_FOR: Stage[str, list[Decimal]] = Stage("customer's wait for an act")
_DONE_TODAY: Stage[None, frozenset[str]] = Stage("acts done today")


def _read_wait(reply: ReplyFacts, customer: CustomerFacts, clause: Can) -> list[Decimal]:
    if clause.id in _done_today(reply):
        return []
    requested = {t.clause for t in customer.requested}
    # The wait is for the act its sentence names, or for the only act the message names.
    return [
        days
        for days, named in customer.waited
        if clause.id in named or (not named and requested == {clause.id})
    ]


def _done_today(reply: ReplyFacts) -> frozenset[str]:
    """The clauses whose act the reply says was done today ("your deposit went back today").

    Then its time counts from today, however long the customer waited before it: a clause
    of a sentence that is done, not negated, names the act and has a day that is today.
    Found in one pass over the reply, not one for each clause or each time.
    """
    return reply.memo.once(_DONE_TODAY, lambda: _find_done_today(reply))


def _find_done_today(reply: ReplyFacts) -> frozenset[str]:
    today = reply.now.date()
    done: set[str] = set()
    for sentence in reply.sentences:
        # The segments (by index) done, not negated, with a day that is today.
        today_in = {
            sentence.index_holding(m.start)
            for m in sentence.mentions
            if isinstance(m, DeadlineMention) and m.due.date() == today
        }
        done_today = {
            at
            for at in today_in
            if at is not None
            and sentence.segments[at].mood == "done"
            and not sentence.segments[at].negated
        }
        if done_today:
            done.update(
                t.clause for t in sentence.terms if sentence.index_holding(t.start) in done_today
            )
    return frozenset(done)


def _times_no_window_of(
    sentence: SentenceFacts, segment: SegmentFacts, mention: Mention, clause: Can
) -> bool:
    """Whether the time is how soon something reaches the customer, not the clause's window.

    Such a time is no reading of the clause at all, so it gives no benefit of the doubt:
    "as you cancelled within the cooling-off period it's a full refund, and it'll be back in
    your account within 3 working days" times the refund, not the window to cancel.
    """
    return (
        isinstance(mention, DurationMention)
        and clause.within is not None
        and times_a_delivery(sentence, segment, mention)
    )


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
        if times_the_handling(sentence, segment, mention, clause):
            return None  # "appeals are decided within 14 days": not the window to appeal
        if times_a_delivery(sentence, segment, mention):
            return None  # "the claims team will reply within 2 business days": not the window
        commits = _rule_for(sentence, segment) == "overpromise"
        granted = _grants_a_window(sentence, segment) or (
            commits
            and (
                moved_into(reply.text, mention)
                # "We'll take the flat off the market for 28 days": our own act, undertaken
                # for a length, lasts that long for this customer.
                or (mention.role == "for" and segment.first_person)
            )
        )
        if not granted and _states_the_window_beside(sentence, mention, clause.within):
            # "Rooms booked 3 weeks ahead can be cancelled free within 48 hours",
            # "the window is 48 hours, so cancelling 12 hours ahead is charged": a rule
            # that names the window exactly gives another length beside it to another case.
            # (A grant may set its window against the usual one: "3 weeks instead of one".)
            return None
        return _check_window(mention, clause, term, reply.text, granted=granted)
    if isinstance(mention, DeadlineMention) and clause.within is not None:
        return _check_window_end(reply, view, sentence, segment, mention, clause)
    takes = clause.takes
    if takes is None:
        return None
    if commands_up_to(segment.text, mention.start - segment.start):
        return None  # "Drop it off tomorrow and we'll…": the customer's act, whatever its term
    if isinstance(mention, DurationMention) and mention.at_event and segment.mood != "statement":
        # "Dr. Alvarez will call you the same day they arrive": a commitment timed by an event
        # still to come holds no time from now; the rule "proofs go out the same day we get
        # your artwork" counts from the act's own start.
        return None
    now = reply.now
    if segment.negated and isinstance(mention, DurationMention):
        return None  # "Inside 72 hours the booking can't be refunded": a no holds no time taken
    if isinstance(mention, DurationMention):
        if segment.mood == "done" or mention.role in (
            "for",
            "rate",
            "per",
            "ago",
            "age",
            "before",
            "window",
            "extra",
            "measure",
            "left",
        ):
            return None
        # "a 3-day repair" times the repair, and "a 3 day turnaround" the act it measures;
        # "a 10 minute call" times the call.
        if mention.role == "compound" and (
            mention.noun is None
            or (stem(mention.noun) not in _term_stems(term) and mention.noun not in _TIME_TAKEN)
        ):
            return None
        if mention.role in ("compare", "notice") and is_a_floor(
            reply.text, mention.start, mention.end
        ):
            # "at least 48 hours", "with at least a day's notice": a floor says nothing is
            # faster than it.
            return None
        if mention.role == "compare" and is_how_far_off(reply.text, mention.end):
            return None  # "tracking shows them about 10 minutes out": where they are
        if mention.role == "notice" and is_notice_given(reply.text, mention.start):
            return None  # "without 48 hours' notice it's non-refundable": the case, no time taken
        if _length_of_the_work(segment, mention, takes):
            return None
        promised = view.add(reply, mention.duration.upper)
    else:
        if mention.until:
            # "so that's up to the 26th January", "the offer runs until Friday": where a span
            # the customer has ends, never how long an act takes.
            return None
        if segment.mood == "done" and mention.due <= view.calendar.end_of_today(now):
            return None
        if segment.mood == "done" and is_acted_on(reply.text, mention):
            return None  # "I've moved Friday and refunded the difference": the booking
        if mention.gone:
            return None  # "your refund was processed on Monday": the last Monday, gone by
        if segment.mood == "statement" and means_currently(reply.text, mention):
            return None  # "both sizes are in stock right now": a state, no time for an act
        if mention.instant and counts_from_an_event(sentence, segment, mention):
            return None  # "if the results land early, I'll ring you right away"
        if starts_from(reply.text, mention.start):
            return None  # "in from today": when it starts, not when it is done
        if is_excepted(reply.text, mention.start):
            return None  # "every day except the 24th": a day off, not a deadline
        if is_well_before(reply.text, mention.start):
            return None  # "by Monday 28 December, well before New Year": a day to compare with
        promised = mention.due
    # "It may arrive before Christmas, but I can't promise that": a possibility is false only
    # when even the policy's shortest time is too long for it.
    possible = _reads(sentence, states_a_possibility, segment)
    # "Firing takes several days", when it takes 7-10: an imprecise number is false only
    # when even its longest reading is too short for the shortest time, as a possibility is.
    possible = possible or (isinstance(mention, DurationMention) and mention.vague)
    earliest = view.add(reply, takes.lower if possible else takes.upper)
    ago = _limits_of(sentence).ago
    gone = ([] if ago is None else [ago]) + _waited_for(reply, clause)
    if gone:
        # "We issued your refund 6 business days ago, so it should arrive within 4 more": the
        # time counts from when the act began, not from now.
        began = now - timedelta(days=float(max(gone)))
        # ...and a possibility is false only when even the shortest time from then is too long.
        earliest = view.calendar.add(takes.lower if possible else takes.upper, began)
    if promised >= earliest:
        return None
    if times_a_telling(sentence, segment, mention, clause):
        return None
    said = quote(with_preposition(reply.text, mention.start, mention.end))
    rule = _rule_for(sentence, segment)
    when = _when(view, promised, now, mention)
    earliest_day = view.describe(earliest, now)  # said twice below, worked out once
    honest = f"within {takes.upper}, by {earliest_day}"
    policy_says = f"it takes {takes} to {_what(clause)}"
    if rule == "overpromise":
        message = (
            f"promises {said}{when}, but {policy_says}, so the earliest honest promise is "
            f"{earliest_day}"
        )
        suggestion = f'Promise no sooner than the policy allows: "{honest}".'
    else:
        message = f"says {said}{when}, but {policy_says}"
        suggestion = f"State the policy: it takes {takes} ({honest})."
    return rule, message, suggestion


# Minutes: the length of a piece of work while it is being done. Days and longer: how long
# from the asking to the done.
_MINUTES = frozenset({TimeUnit.SECOND, TimeUnit.MINUTE})
_DAYS = frozenset(
    {TimeUnit.DAY, TimeUnit.BUSINESS_DAY, TimeUnit.WEEK, TimeUnit.MONTH, TimeUnit.YEAR}
)


def _length_of_the_work(segment: SegmentFacts, mention: DurationMention, takes: Duration) -> bool:
    """Whether a stated length is how long the work lasts, not how soon it is done.

    "Fitting four tyres takes around 40 minutes", when fitting is booked 2 business days
    ahead: a statement that an act takes minutes, against a time counted in days, measures
    the work once it starts; the clause's time runs from the asking to the done. (Both are
    readings of "takes"; by the benefit of the doubt the one that breaks nothing is taken.)
    Hours are not read so: "repeat prescriptions take about 24 hours" is a turnaround. A
    commitment ("I'll have them fitted in 40 minutes") or a time from now ("within 30
    minutes") is still how soon.
    """
    return (
        segment.mood == "statement"
        and mention.role in ("takes", "bare")
        and mention.duration.unit in _MINUTES
        and takes.unit in _DAYS
    )


def _what(clause: Can) -> str:
    """The clause's act as the end of a sentence: 'refund the purchase (clause "refund")'."""
    return f'{clause.does} (clause "{clause.id}")'


def _when(view: PolicyView, promised: datetime, now: datetime, mention: Mention) -> str:
    if isinstance(mention, DeadlineMention) and mention.instant:
        return ""
    return f" ({view.describe(promised, now)})"


def _term_stems(term: TermMatch) -> frozenset[str]:
    return frozenset(stem(w) for w in term.term.replace("-", " ").split())


# The function words that end a noun phrase after a compound length ("and" joins its nouns).
_PHRASE_ENDS = ENGLISH - {"and"}


def _check_window(
    mention: DurationMention,
    clause: Can,
    term: TermMatch,
    text: str,
    *,
    granted: bool,
) -> _Result:
    window = clause.within
    assert window is not None
    if mention.role in ("ago", "age", "takes", "per", "compare", "extra", "measure", "left"):
        return None
    # "We ask for 6 hours' notice to move it" states the window of a clause whose window is
    # notice given before an event, as "up to 12 hours before" does; of any other window
    # it says nothing.
    if mention.role == "notice" and not _counts_back(clause):
        return None
    if mention.role == "compound":
        # "a 7-day money-back return policy": the noun phrase after it names the window. It
        # ends at the first function word ("and" joins its nouns: "a 2-year parts and labour
        # warranty"): "the 2-hour refresher before their resit" is no window to resit.
        phrase: set[str] = set()
        after = text[mention.start : mention.end + 40]
        for token in tokenize(after)[:6]:
            if (
                token.start > mention.end - mention.start
                and token.lower in _PHRASE_ENDS
                and after[token.start - 1] != "-"  # "a 7-day cooling-off period"
            ):
                break
            phrase.add(token.stem)
        if not phrase & (_WINDOW_NOUNS | _term_stems(term)):
            return None
    said_length, window_length = mention.duration.length(), window.length()
    if said_length[0] != window_length[0]:
        # "a year" against "365 days": compare the days.
        said_length, window_length = ("days", mention.duration.days()), ("days", window.days())
    if said_length == window_length:
        return None  # "valid for a year" is a 12-month window in other words
    said = quote(with_preposition(text, mention.start, mention.end))
    # A window counted back from an event is longer the shorter its lead: "you'll have until
    # 2 hours before the game" gives more than "up to 24 hours before".
    longer = (
        said_length[1] < window_length[1]
        if mention.role in ("before", "notice")
        else said_length[1] > window_length[1]
    )
    if granted and longer:
        # A commitment of a longer window than the policy's gives more than it allows
        # ("I've extended your return window to 60 days"); a shorter one misstates it.
        return (
            "overpromise",
            f"gives {said}, but the policy gives {window} to {_what(clause)}",
            f"Offer no more than the policy's window: {window}.",
        )
    return (
        "policy-misstatement",
        f"says the window is {said}, but the policy gives {window} to {_what(clause)}",
        f"State the window exactly: {window}.",
    )


def _grants_a_window(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether the clause gives this customer the window it names, rather than stating one."""
    return (
        _rule_for(sentence, segment) == "overpromise"
        and (
            _reads(sentence, grants, segment)
            # An act already done for the customer holds the window it names: "I've written a
            # 7-year warranty into your contract".
            or (segment.mood == "done" and _reads(sentence, has_done_for_them, segment))
            or _result_of_a_grant(sentence, segment)
        )
    ) or _sets_the_case_for_a_commitment(sentence, segment)


def _sets_the_case_for_a_commitment(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether an "if" opening the sentence sets the case in which we then commit to the act.

    "If anything goes wrong in the next 6 months, just bring it back and we'll redo it for
    free": the commitment after it grants the window the condition names.
    """
    return (
        segment.condition
        and sentence.index_of(segment) == 0
        and any(
            later.mood == "future" and later.first_person and not later.negated
            for later in sentence.segments[1:]
            if not later.condition
        )
    )


def _counts_back(clause: Can) -> bool:
    """Whether the policy describes a clause's window as notice before an event.

    Only what the clause does says what its window is; notice named in ``needs``
    ("a week's notice" for a 30-day window to swap a room) is a condition.
    """
    return speaks_of_notice(clause.does)


def _check_window_end(
    reply: ReplyFacts,
    view: PolicyView,
    sentence: SentenceFacts,
    segment: SegmentFacts,
    mention: DeadlineMention,
    clause: Can,
) -> _Result:
    """A window granted to a day: "I'll hold it for you until next Friday".

    Only a grant that runs past the policy's window counted from now is a finding: the
    window may have started before now (a return window from the purchase), so a span that
    ends sooner may still be the policy's, and a date stated as a rule ("returns are
    accepted until 31 January") may count from a day the reply does not name.
    """
    window = clause.within
    assert window is not None
    granted = _grants_a_window(sentence, segment)
    # A day named with no hour runs to its end, so the window does too: "until Thursday" is
    # within 48 hours of Tuesday morning.
    latest = view.calendar.end_of_day(view.add(reply, window).date())
    if not granted or mention.gone or mention.due <= latest:
        return None
    said = with_preposition(reply.text, mention.start, mention.end)
    said = quote(said if said.lower().startswith(("until", "till", "til")) else f"until {said}")
    return (
        "overpromise",
        f"gives {said} ({view.describe(mention.due, reply.now)}), but the policy gives "
        f"{window} to {_what(clause)}, which from now ends {view.describe(latest, reply.now)}",
        f"Offer no more than the policy's window: {window}.",
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
    if mention.waived and _names_what_we_cannot(reply, view, sentence):
        return None  # a charge the policy says can't be waived: unauthorized-promise's to say
    if (
        clause.costs is not None
        and isinstance(mention.value, Money)
        and is_taken_off(reply.text, mention.end)
    ):
        # "I've taken £10 off today's sweep": a sum off the price, not the price. It is a
        # discount: the policy's one cap on a sum off, if it has exactly one, is its limit;
        # with none or several, which limit it comes under is not known.
        caps = [
            c for c in view.clauses.values() if isinstance(c, Can) and isinstance(c.up_to, Money)
        ]
        if len(caps) != 1:
            return None
        clause = caps[0]
    if clause.costs is not None:
        if isinstance(mention.value, Money) and is_a_threshold(reply.text, mention.start):
            return None  # "because the repairs are over £200": a bound on another sum
        if not mention.free and _after_a_stated_discount(reply, mention, clause.costs.amount):
            return None  # "40% off … makes the annual plan €47.99 instead of €79.99"
        committed = _rule_for(sentence, segment) == "overpromise" or mention.waived
        at = mention.start - sentence.start
        # A multiple of the price may be what several cost, when the sentence or the customer
        # counts several ("two extra days is $44"); otherwise it misstates the price.
        several = counts_several(sentence.text, at, at + mention.end - mention.start) or (
            reply.customer is not None and counts_several(reply.customer.text, 0, 0)
        )
        return _check_price(mention, clause, said, committed=committed, several=several)
    limit = clause.up_to
    if limit is None:
        return None
    value = mention.value
    given = _magnitude(value)
    most = _magnitude(limit)
    needs = f" ({clause.needs})" if clause.needs else ""
    rule = _rule_for(sentence, segment)
    if rule == "overpromise" and states_what_we_can(sentence, segment, mention):
        rule = "policy-misstatement"
    if rule == "policy-misstatement" and _agrees_to_the_request(reply, sentence, clause, given):
        rule = "overpromise"  # "Of course, all three dogs are welcome!": the request granted
    if (
        rule == "policy-misstatement"
        and not mention.rule_like
        and not states_what_we_can(sentence, segment, mention)
        and _given_by_the_next(sentence, segment)
    ):
        rule = "overpromise"  # "you get 15% off, and I've already applied it": given to them
    if rule == "policy-misstatement":
        # A limit stated as a rule must be the policy's; any other statement of an amount
        # is wrong only when it is more than the policy allows. A count of what one thing
        # has ("the reservation has only one passenger") states no limit at all.
        # What every one of a kind of customer gets states a rule too ("Club members get 10%
        # off"), unless the reply also names the policy's own figure: then the smaller one is
        # a tier below it ("members get 10% off, and for a full week I can take that up to
        # 15%, the most we can offer").
        rule_like = mention.rule_like or (
            mention.entitled and not _names_the_figure(reply, type(value), most)
        )
        if given == most or (given < most and not rule_like) or mention.held:
            return None
        # "use all three certificates" counts what is there and states no limit; "members get
        # 4 guest passes" does, when the policy allows fewer.
        over_entitled = mention.entitled and given > most
        if isinstance(value, Count) and not mention.rule_like and not over_entitled:
            return None
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


def _given_by_the_next(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether the clause right after this one is the business acting on what it names.

    "As NHS staff you get 15% off labour, *and I've already applied it to your quote*": what
    the first clause says the customer gets, the second gives them.
    """
    after = sentence.ended_by(segment.end)
    if after >= len(sentence.segments):
        return False
    following = sentence.segments[after]
    return (
        following.first_person
        and following.mood in ("done", "future", "offer")
        and not following.negated
        and not following.condition
        and _reads(sentence, takes_it_up, following)
    )


def _names_the_figure(
    reply: ReplyFacts, kind: type[Money | Percent | Count], magnitude: Decimal
) -> bool:
    """Whether the reply names an amount of this kind and size anywhere ("15%", "$50")."""
    return (kind, magnitude) in _figures_named(reply)


def _amounts_of(reply: ReplyFacts) -> frozenset[tuple[type, Decimal]]:
    """The amounts a reply names, as (kind, size) pairs."""
    return frozenset(
        (type(m.value), _magnitude(m.value))
        for s in reply.sentences
        for m in s.mentions
        if isinstance(m, AmountMention)
    )


# Worked out once for a reply however many amounts ask.
_figures_named = LastOne(_amounts_of)


def _agrees_to_the_request(
    reply: ReplyFacts, sentence: SentenceFacts, clause: Can, given: Decimal
) -> bool:
    """Whether the sentence says yes to the figure the customer asked of the clause.

    "Can we bring our 3 dogs?" - "Of course, all three dogs are welcome!" grants the three
    dogs. "Do you do discounts?" - "Yes, up to 20%" answers a question about the rule.
    """
    customer = reply.customer
    return (
        sentence.agreement
        and customer is not None
        and any(t.clause == clause.id for t in customer.requested)
        and names_the_figure(customer.text, given)
    )


def _magnitude(value: Money | Percent | Count) -> Decimal:
    if isinstance(value, Money):
        return value.amount
    return value.value


def _after_a_stated_discount(reply: ReplyFacts, mention: AmountMention, price: Decimal) -> bool:
    """Whether the amount is the price less a percentage the reply states ("40% off").

    The discount is checked against its own clause; the price it leads to is arithmetic.
    """
    amount = _magnitude(mention.value)
    # The prices the reply's percentages lead to are worked out once per reply and price,
    # in order: each amount then looks for one within a cent by bisection, not by a pass
    # over the whole reply.
    found = reply.memo.get(
        _DISCOUNTED,
        price,
        lambda: sorted(
            price * (100 - other.value.value) / 100
            for sentence in reply.sentences
            for other in sentence.mentions
            if isinstance(other, AmountMention) and isinstance(other.value, Percent)
        ),
    )
    at = bisect.bisect_left(found, amount - _A_CENT)
    return at < len(found) and found[at] - amount <= _A_CENT


# The prices a reply's percentages lead to, in order, by the price.
_DISCOUNTED: Stage[Decimal, list[Decimal]] = Stage("prices after stated discounts")
_A_CENT = Decimal("0.01")


def _names_what_we_cannot(reply: ReplyFacts, view: PolicyView, sentence: SentenceFacts) -> bool:
    """Whether the sentence names a term of a clause that is no Can ("waive the inspection").

    Worked out once per sentence: a sentence of thousands of waived amounts asks it of each.
    """
    return reply.memo.get(
        _NAMES_WHAT_WE_CANNOT,
        sentence.index,
        lambda: any(not isinstance(view.clauses[t.clause], Can) for t in sentence.terms),
    )


# Whether a sentence names a term of a clause that is no Can, by the sentence's index.
_NAMES_WHAT_WE_CANNOT: Stage[int, bool] = Stage("sentence names what we cannot")


def _check_price(
    mention: AmountMention, clause: Can, said: str, *, committed: bool, several: bool
) -> _Result:
    costs = clause.costs
    assert costs is not None
    amount = Decimal(0) if mention.free else _magnitude(mention.value)
    if amount == costs.amount:
        return None
    multiple = amount / costs.amount if costs.amount else Decimal(0)
    if (
        several
        and amount
        and multiple == multiple.to_integral_value()
        and multiple <= _MAX_MULTIPLE
    ):
        return None  # a total of several at the fixed price
    cheaper = amount < costs.amount
    if committed and cheaper:
        offer = f"lets the charge go ({said})" if mention.waived else f"offers it for {said}"
        return (
            "overpromise",
            f"{offer}, but it costs {costs} to {_what(clause)}",
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
