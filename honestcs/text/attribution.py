"""Attribution: which policy clause a time, an amount or a count in a reply is about.

A stage of the text pipeline (SPEC §3, "Which clause a quantity belongs to"),
read by the limit rules. A quantity belongs to a clause only when the sentence
says the clause's own act happens in that time or at that amount:

* it is paired with the nearest term of a clause that can limit it (a duration
  with ``takes``/``within``, money with ``costs``/``up_to``…), in its own clause
  of the sentence, or for ``takes``, ``costs`` and ``up_to`` in an earlier
  clause when its own names no clause ("I've started your refund, and the money
  will be back in 3 days");
* a term that modifies another noun ("refund policy", "delivery date") names
  that noun, not the act;
* a sum, total or balance is no clause's figure; a window counted from an event
  in what is allowed is never a ``takes`` time;
* a sentence with no term that points back ("It will be credited within 3
  days") takes the clause of the sentence before;
* a time next to a verb of telling ("we'll *confirm* a date within a day") is
  the telling's, not the act's (:func:`times_a_telling`);
* when another clause named in the same clause of the sentence could take the
  figure, :func:`other_readings` gives it, for the benefit of the doubt.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate

import attrs
import regex

from honestcs._function_words import ENGLISH
from honestcs._grammar import NUMBER, NUMBER_WORDS, compile_verbose, match_at, number_value
from honestcs._last import LastOne
from honestcs.policy import Can, Clause
from honestcs.quantities import Count, Money, Percent, same_counted, singular
from honestcs.text.acts import find_meta_verbs, find_refusal
from honestcs.text.answers import states_a_maximum
from honestcs.text.facts import (
    CLAUSE_REACH,
    SegmentFacts,
    SentenceFacts,
    opens_a_condition_proper,
    states_a_result,
)
from honestcs.text.lexicon import (
    ACCUSTOMED,
    ADJUNCT_OPENERS,
    AFTER_AN_AMOUNT,
    ARRIVAL_VERBS,
    AUXILIARIES,
    COMPLEMENT_NOUNS,
    COMPOUND_HEADS,
    CONCEPTS,
    DELIVERY_PARTICIPLES,
    DELIVERY_VERBS,
    FASTER_TIERS,
    FORMER_ADJECTIVES,
    FORMER_TIME,
    GENERIC_COUNT_NOUNS,
    HANDLING_VERBS,
    MESSAGE_NOUNS,
    NOT_PAST_IN_ED,
    PAST_ONLY_VERBS,
    PRESENT_TIME,
    PRICE_NOUNS,
    RULE_NOUNS,
    THIRD_PARTIES,
    THIRD_PARTY_MODIFIED,
    WINDOW_NOUNS,
    alternation,
    is_a_kind_of,
)
from honestcs.text.memo import Stage
from honestcs.text.mentions import (
    MONTH,
    MONTH_DAY,
    WEEKDAY,
    AmountMention,
    DeadlineMention,
    DurationMention,
    Mention,
    is_taken_off,
)
from honestcs.text.questions import content_stems
from honestcs.text.reading import CustomerFacts, ReplyFacts
from honestcs.text.terms import TermMatch, Token, stem, tokenize

__all__ = [
    "HEAD_NOUNS",
    "attribute",
    "carries_on",
    "concludes_from",
    "counted_nouns",
    "counts_from_an_event",
    "counts_several",
    "describes_a_former_state",
    "from_previous",
    "from_the_question",
    "is_a_participle_before_a_noun",
    "is_appositive",
    "is_window",
    "moved_into",
    "names_a_start",
    "names_another_thing",
    "names_the_figure",
    "other_readings",
    "reports_what_happened",
    "states_what_we_can",
    "stems_of",
    "takes_a_third_party",
    "the_customer_acts_by",
    "times_a_delivery",
    "times_a_message",
    "times_a_start",
    "times_a_telling",
    "times_the_handling",
    "to_the_one_discount",
]


# "$" is written for every dollar; a business's own "$" is its own dollar.
_DOLLARS = frozenset({"USD", "AUD", "NZD", "CAD", "SGD", "HKD"})


def _same_currency(policy: str, reply: str) -> bool:
    return policy == reply or (policy in _DOLLARS and reply in _DOLLARS)


_FREE_PART = regex.compile(
    r"\b(?:free|included|includes|complimentary|allowance|no\s+charge|at\s+no\s+cost)\b",
    regex.IGNORECASE,
)


# A clause for those outside a group: "a standard eye test for a private (non-NHS) patient",
# "a day pass for non-members". The group itself may get it free, so "free" is not its price.
_FOR_THOSE_OUTSIDE = regex.compile(
    r"\b(?:for|to|of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}\(?non-?[a-z]", regex.IGNORECASE
)


def _accepts(clause: Can, mention: Mention) -> bool:
    if isinstance(mention, (DurationMention, DeadlineMention)):
        # A window is a length ("60 days") or where a span from now ends ("until Friday").
        return clause.takes is not None or (
            clause.within is not None and (isinstance(mention, DurationMention) or mention.until)
        )
    assert isinstance(mention, AmountMention)
    value = mention.value
    if mention.aggregate:
        return False  # "your total is $1,172" is no voucher's figure (SPEC §3)
    if mention.free:
        # A clause whose own act or condition names a free part ("a checked bag beyond the
        # free allowance") is not contradicted by "free": the free part is another thing.
        # Nor is a clause for those outside a group ("for non-members"): members may get it
        # free ("your eye test is also free on the NHS").
        described = f"{clause.does} {clause.needs or ''}"
        return (
            clause.costs is not None
            and not _FREE_PART.search(described)
            and not _FOR_THOSE_OUTSIDE.search(described)
        )
    if isinstance(value, Money):
        limit = clause.costs if clause.costs is not None else clause.up_to
        return isinstance(limit, Money) and _same_currency(limit.currency, value.currency)
    if isinstance(value, Percent):
        return isinstance(clause.up_to, Percent)
    if value.noun == "time":
        return isinstance(clause.up_to, Count)  # "renew it 5 times": see _times_of_another_act
    # A count of a kind of the thing counts the thing: "6 dolls" counts toys, "three cars"
    # vehicles. Not the other way: "5 items" need not be toys.
    return isinstance(clause.up_to, Count) and any(
        same_counted(noun, value.noun)
        or is_a_kind_of(stem(value.noun.split()[-1]), stem(noun.split()[-1]))
        or noun.split()[-1] in GENERIC_COUNT_NOUNS  # "up to 2 units" counts any thing
        for noun in counted_nouns(clause)
    )


def _times_of_another_act(mention: Mention, clause: Clause, term: TermMatch) -> bool:
    """Whether "N times" counts something other than the clause's counted act.

    "Renew it up to 5 times" counts renewals when the clause counts "3 renewals" and its term
    is "renew": the count's noun is the act's own noun. "Charged twice" counts no renewals.
    """
    if not (
        isinstance(mention, AmountMention)
        and isinstance(mention.value, Count)
        and mention.value.noun == "time"
    ):
        return False
    if not isinstance(clause, Can) or not isinstance(clause.up_to, Count):
        return True
    act = stem(term.term.split()[0])
    counted = stem(singular(clause.up_to.noun.split()[-1]))
    # The act's noun shares the verb's root: renew/renewal, swap/swap, extend/extension.
    shortest = min(len(act), len(counted))
    pairs = zip(act, counted, strict=False)
    shared = next((i for i, (a, b) in enumerate(pairs) if a != b), shortest)
    return shared < max(4, shortest - 2)


@lru_cache(maxsize=1024)
def counted_nouns(clause: Can) -> tuple[str, ...]:
    """What a clause's `up_to` count counts: its noun, and the nouns its own terms end in.

    A policy that counts "12 instalments" and lists "monthly payments" among the clause's
    terms counts payments too ("a plan over 18 monthly payments"); one that counts "4 guest
    passes" counts guests too.
    """
    if not isinstance(clause.up_to, Count):
        return ()
    nouns = [clause.up_to.noun]
    words = clause.up_to.noun.split()
    if len(words) == 2 and words[0].isalpha():
        nouns.append(words[0])  # "4 guest passes" also counts guests ("up to 6 guests a month")
    for term in clause.terms:
        words = term.lower().split()
        last = words[-1]
        if last.isalpha() and (len(words) == 1 or (last.endswith("s") and len(last) > 3)):
            # A plural a term ends in names what is counted ("monthly payments"), and so does
            # a term that is one word: a policy that counts "2 pets" with the terms "dog" and
            # "cat" counts dogs ("all three dogs are welcome").
            nouns.append(singular(last))
    return tuple(dict.fromkeys(nouns))


# A clause whose subject points back: "it's usually with you…", "and they'll arrive…".
_POINTING_SUBJECT = regex.compile(
    r"(?i)^\W*(?:(?:and|so|but|then)\s+)?(?:it|they)(?:'s|'ll|'re|\s+is|\s+are|\s+will|\s+should"
    r"|\s+can|\s+usually|\s+normally|\s+typically)?\b"
)
# Words that may come before the head of a sentence's subject: "the", "your", "our new".
_SUBJECT_LEAD = frozenset({"the", "your", "our", "a", "an", "this", "that", "my", "new", "any"})


# A clause that opens with its verb has its subject before the commas that cut it off: "the
# full amount, deposit included, *will be refunded* within 7 working days".
_OPENS_WITH_VERB = regex.compile(
    r"(?i)^\W*(?:will|'ll|would|is|are|was|were|has|have|had|can|could|should|may|might|must"
    r"|gets?|goes|go)\b"
)
# The longest piece of a subject cut off by commas: "deposit included", "the full amount".
_SUBJECT_PIECE_WORDS = 5


def _subject_start(sentence: SentenceFacts, segment: SegmentFacts) -> int:
    """Where the clause's subject starts, when commas cut it off from its verb."""
    if _OPENS_WITH_VERB.match(segment.text) is None:
        return segment.start
    first = _segments(sentence).subject_from[sentence.index_of(segment)]
    return sentence.segments[first].start


@attrs.frozen
class _SegmentIndex:
    """What a quantity asks of the clauses around its own, worked out once per sentence.

    A sentence that runs on through thousands of clauses would otherwise be walked back or
    forward from each of its times.

    Attributes:
        subject_from: For each segment, the index of the first of the short clauses right
            before it, which hold the subject of a segment that opens with its verb ("the
            full amount, deposit included, *will be refunded*"); its own index when none do.
        in_condition: For each segment, whether it is a condition, or joined by "and" or
            "or" to a condition before it.
        next_main: For each index, the first segment from there on that is neither a
            condition nor a joining word cut off on its own; ``len(segments)`` when none is.
    """

    subject_from: tuple[int, ...]
    in_condition: tuple[bool, ...]
    next_main: tuple[int, ...]


def _index_segments(sentence: SentenceFacts) -> _SegmentIndex:
    """The sentence's :class:`_SegmentIndex`, in one pass each way."""
    segments = sentence.segments
    subject_from: list[int] = []
    in_condition: list[bool] = []
    for at, segment in enumerate(segments):
        if at == 0:
            subject_from.append(0)
            in_condition.append(segment.condition)
            continue
        before = segments[at - 1]
        piece = (
            before.mood == "statement"
            and not before.condition
            and len(before.text.split()) <= _SUBJECT_PIECE_WORDS
        )
        subject_from.append(subject_from[-1] if piece else at)
        gap = sentence.text[before.end - sentence.start : segment.start - sentence.start]
        joined = gap.strip(" ,").lower() in ("and", "or")
        in_condition.append(segment.condition or (joined and in_condition[-1]))
    next_main = [len(segments)] * (len(segments) + 1)
    for at in range(len(segments) - 1, -1, -1):
        segment = segments[at]
        main = not segment.condition and segment.text.lower() not in _JOINTS
        next_main[at] = at if main else next_main[at + 1]
    return _SegmentIndex(tuple(subject_from), tuple(in_condition), tuple(next_main))


# Worked out once for a sentence however many quantities it has.
_segments = LastOne(_index_segments)


def _points_back_to_the_subject(text: str) -> bool:
    """Whether a clause opens with "it" or "they" as its subject."""
    return _POINTING_SUBJECT.match(text) is not None


def _is_the_subject(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether a term opens its sentence as the subject ("Express shipping is €6.95")."""
    before = sentence.text[: term.start - sentence.start].lower().split()
    return all(word in _SUBJECT_LEAD for word in before)


def _index_subjects(sentence: SentenceFacts) -> tuple[TermMatch, ...]:
    """The terms that open the sentence as its subject (see :func:`_is_the_subject`).

    Once a whole word that leads no subject stands before a term, it stands before every
    term after it too: the look stops there, so a long sentence is read once, not once for
    each of its terms.
    """
    found = []
    for term in sentence.terms:
        if _is_the_subject(sentence, term):
            found.append(term)
            continue
        # (A term may start inside a word, "(refund": only the word it starts in, cut short
        # here, may read otherwise before a later term.)
        before = sentence.text[: term.start - sentence.start]
        words = before.lower().split()
        if before[-1:].isspace() or not all(word in _SUBJECT_LEAD for word in words[:-1]):
            break
    return tuple(found)


# Worked out once for the sentence before, however many quantities point back to it.
_subjects = LastOne(_index_subjects)


def _has_no_time_limit(clause: Can, mention: Mention) -> bool:
    """Whether a time is set against a clause that limits no time (no `takes`, no `within`)."""
    return (
        isinstance(mention, (DurationMention, DeadlineMention))
        and clause.takes is None
        and clause.within is None
    )


def is_window(mention: Mention) -> bool:
    """Whether a duration is a window the customer has ("30 days to return it", "of joining").

    A time counted back from an event ("up to 24 hours before you sail") is a window too.
    """
    return isinstance(mention, DurationMention) and (
        mention.role in ("window", "rate", "before") or mention.from_event
    )


def other_readings(
    sentence: SentenceFacts,
    segment: SegmentFacts,
    mention: Mention,
    clauses: Mapping[str, Clause],
    chosen: Can,
    previous: SentenceFacts | None = None,
) -> Iterator[tuple[Can, TermMatch]]:
    """Other clauses named in the quantity's own clause that could take the same figure.

    SPEC §3: when a quantity could belong to more than one clause, it is a finding only if it
    breaks every one of them ("Gold overnight shipping is $0" names overnight shipping, $20,
    and Gold overnight shipping, $0).

    A clause whose subject is "it" or "they", after no act named in its own sentence, may
    also be about the subject of the sentence before, ``previous``: "Express shipping is
    €6.95. Order before 2pm and it's with you the next working day" times express shipping,
    whatever "with you" names. A time set against a clause with no time limit of its own
    breaks nothing. A term more than 500 characters from the time is not weighed.
    """
    # The sentence's terms are indexed once, so each of thousands of times in it is weighed
    # against the few terms of its own clause, not against all of them.
    every = _term_index(sentence).every
    # The sentence's own earlier clauses come first: in "I've processed your refund, and it'll
    # be back within 48 hours", "it" is the refund.
    named_before = bool(every.starts) and every.starts[0] < segment.start
    if previous is not None and not named_before and _points_back_to_the_subject(segment.text):
        for term in _subjects(previous):
            clause = clauses[term.clause]
            if clause is chosen or not isinstance(clause, Can):
                continue
            if _accepts(clause, mention) or _has_no_time_limit(clause, mention):
                yield clause, term
    # (Clauses are keyed by their ids, so the terms of the chosen clause are those of its id.)
    chosen_terms = _terms_of(sentence, chosen) if clauses.get(chosen.id) is chosen else _NO_SPANS
    if _measures_its_noun(sentence, mention, chosen_terms):
        return  # "overhauls carry a 12-month warranty": the length is the warranty's alone
    # A figure whose clause names no act takes it from an earlier clause ("I've submitted your
    # unused balance for a refund, and it should be back within 7 days"): any act named there
    # is as likely a reading as the one chosen.
    home = segment
    if not every.any_between(segment.start, segment.end) and chosen_terms.starts:
        home = sentence.segment_at(chosen_terms.starts[-1])
    # Only a term in the home clause is another reading, and only one within reach of the time,
    # as in attribute(): a clause that runs on through thousands of terms and times would
    # otherwise weigh them all for each time.
    low = max(_elaborated_start(sentence, home), mention.start - _ATTRIBUTION_REACH)
    high = min(home.end, mention.end + _ATTRIBUTION_REACH + 1)
    for term in every.between(low, high):
        clause = clauses[term.clause]
        if clause is chosen or not isinstance(clause, Can):
            continue
        if not _accepts(clause, mention):
            # The act a dash's clause spells out may have no time limit: then the time it
            # takes breaks nothing of it.
            if (
                term.start < home.start
                and not is_window(mention)
                and _has_no_time_limit(clause, mention)
            ):
                yield clause, term
            continue
        if (
            is_window(mention)
            and clause.within is None
            and (chosen.within is not None or term.start > mention.start)
        ):
            # A window is never another clause's `takes` time; but a time read as the chosen
            # clause's `takes` ("Rush jobs are printed within 1 business day of approval") may
            # be the time of an act named before it (not of the event after it it counts from).
            continue
        if _names_the_start(sentence, mention, term):
            continue  # "a 14-day cooling-off period after installation": when it starts
        if chosen_terms.covers_more_than(term.start, term.end):
            continue  # "money back" inside "your money-back window" names no other act
        if _is_purpose_of(sentence, mention, term):
            continue
        if not _modifies_another_noun(sentence, term, clause):
            yield clause, term


def _measures_its_noun(sentence: SentenceFacts, mention: Mention, terms: _Spans) -> bool:
    """Whether a compound length stands just before one of ``terms``, the noun it measures."""
    if not (isinstance(mention, DurationMention) and mention.role == "compound"):
        return False
    return any(
        0 <= start - mention.end <= _COMPOUND_GAP
        and not sentence.text[mention.end - sentence.start : start - sentence.start].strip()
        for start in terms.starts
    )


def _elaborated_start(sentence: SentenceFacts, home: SegmentFacts) -> int:
    """Where the acts a clause may be about begin: its subject, or the clause it elaborates.

    A clause after a dash spells out the one before it (CGEL ch. 15, on appositive and
    elaborating clauses): in "Your best bet is express shipping for $25 - orders placed by
    noon arrive in 1-2 days", the days may be express shipping's, whatever "arrive" names.
    """
    start = _subject_start(sentence, home)
    at = sentence.index_of(home)  # by bisection: a clause of thousands of times asks for each
    if not at:
        return start
    before = sentence.segments[at - 1]
    if before.condition or not _AFTER_A_DASH.match(sentence.text, before.end - sentence.start):
        return start  # "Don't worry if the toner fades - …": a condition spells nothing out
    return before.start


# What joins a clause to the one it elaborates: a dash, and nothing but spaces around it.
_AFTER_A_DASH = regex.compile(r"\s*(?:[\u2014\u2013]|\s-)\s*")


# The event a time is counted from, right after it: "within 48 hours *of delivery*", "30 days
# *from the date of purchase*", "14 days *after your booking*".
_FROM_THE_EVENT = regex.compile(
    r"(?i)\s*(?:of|from|after)\s+(?:(?:the|your|our|a|an)\s+)?(?:(?:date|day|time)\s+of\s+"
    r"(?:(?:the|your|our)\s+)?)?$"
    # ...or the event as a clause: "the next business day after it ships", "3 days from
    # when we dispatch", "within 30 days of the day you collect it".
    r"|^\s*(?:from|after)\s+(?:when\s+)?(?:it|they|we|you|the\s+\w+)\s+$"
    r"|\s*(?:of|from|after)\s+the\s+(?:date|day|time|moment)\s+(?:that\s+|when\s+)?"
    r"(?:you|we|i|it|they)\s+(?:(?!to\b)[\w']+\s+){0,2}$"
)


def _names_the_start(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether ``term`` names the event a duration is counted from, not the act it measures.

    Only after "within", or in "the next day after dispatch", which is one day on from it:
    "12 months of warranty cover" is a length of cover, and "three days after our
    consultation" may date one event from another.
    """
    if not isinstance(mention, DurationMention):
        return False
    at = mention.start - sentence.start
    one_on = sentence.text[at : at + 10].lower().startswith(("next", "following"))
    if mention.role == "compound" and _linked_by(sentence, mention, term, _WINDOW_FROM_THE_EVENT):
        return True  # "a 14-day cooling-off period after installation": installation starts it
    if mention.role == "window" and _linked_by(sentence, mention, term, _COUNTED_FROM):
        return True  # "you'll have 60 days from delivery": the delivery starts the window
    if (
        mention.role == "bare"
        and _linked_by(sentence, mention, term, _COUNTED_FROM)
        and not _REPORTS_THE_PAST.search(sentence.text, max(0, at - _NEAR_BEFORE), at)
    ):
        # "Refunds reach your card 3-5 days after the parcel gets to us": the parcel
        # starts the time. (Not a past event dated from another: "it went out on Tuesday,
        # two days after your visit".)
        return True
    return (mention.role == "within" or one_on) and _linked_by(
        sentence, mention, term, _FROM_THE_EVENT
    )


@attrs.frozen
class _Spans:
    """Terms in order of start, with how far those up to each one reach.

    A question about every term of a long sentence ("is this time inside a term?") is then
    answered by bisection, not by a pass over the terms for each of its thousands of times.

    Attributes:
        terms: The terms, ordered by start.
        starts: Where each starts.
        reach: ``reach[i]`` is the furthest end of ``terms[: i + 1]``.
    """

    terms: tuple[TermMatch, ...]
    starts: tuple[int, ...]
    reach: tuple[int, ...]

    @classmethod
    def of(cls, terms: Iterable[TermMatch]) -> _Spans:
        """The spans of ``terms``, which come ordered by start."""
        ordered = tuple(terms)
        ends = accumulate((t.end for t in ordered), max)
        return cls(ordered, tuple(t.start for t in ordered), tuple(ends))

    def between(self, low: int, high: int) -> tuple[TermMatch, ...]:
        """The terms that start at ``low`` or after and before ``high``, in order."""
        first = bisect.bisect_left(self.starts, low)
        return self.terms[first : bisect.bisect_left(self.starts, high)]

    def any_between(self, low: int, high: int) -> bool:
        """Whether a term starts at ``low`` or after and before ``high``."""
        at = bisect.bisect_left(self.starts, low)
        return at < len(self.starts) and self.starts[at] < high

    def covers(self, start: int, end: int) -> bool:
        """Whether a term starts at or before ``start`` and ends at or after ``end``."""
        at = bisect.bisect_right(self.starts, start)
        return at > 0 and self.reach[at - 1] >= end

    def covers_more_than(self, start: int, end: int) -> bool:
        """Whether a longer term holds ``start:end`` ("money back" in "money-back window")."""
        at = bisect.bisect_left(self.starts, start)
        if at > 0 and self.reach[at - 1] >= end:
            return True  # one that starts before it and reaches its end
        # ...or one that starts with it and ends after it.
        return any(t.end > end for t in self.terms[at : bisect.bisect_right(self.starts, start)])

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a term shares a character with ``start:end``."""
        at = bisect.bisect_left(self.starts, end)
        return at > 0 and self.reach[at - 1] > start


_NO_SPANS = _Spans((), (), ())


@attrs.frozen
class _TermIndex:
    """What attributing any quantity of one sentence needs to know of its terms.

    Attributes:
        starting: Indices of the terms that name the event one of the sentence's times
            counts from ("within 48 hours *of delivery*").
        nested: Each term inside a longer term of another clause, by index, with that
            clause: "cleaning" in "deep cleaning" may be part of that service's name.
        every: All the terms, to find those near a place.
        by_clause: The terms of each clause, by clause id.
    """

    starting: frozenset[int]
    nested: Mapping[int, str]
    every: _Spans
    by_clause: Mapping[str, _Spans]


def _index_terms(sentence: SentenceFacts) -> _TermIndex:
    """The sentence's :class:`_TermIndex`.

    Each term is tried only against the times that end just before it.
    """
    durations = sorted(
        (m for m in sentence.mentions if isinstance(m, DurationMention)), key=lambda m: m.end
    )
    ends = [m.end for m in durations]
    starting = frozenset(
        at
        for at, term in enumerate(sentence.terms)
        if any(
            _names_the_start(sentence, mention, term)
            for mention in durations[
                bisect.bisect_left(ends, term.start - _LOOK_BACK) : bisect.bisect_right(
                    ends, term.start
                )
            ]
        )
    )
    # Terms come ordered by start, the longest first: one pass finds those inside another.
    nested = {}
    far_end, far_clause, far_length = -1, "", 0
    for at, term in enumerate(sentence.terms):
        if far_end >= term.end and far_clause != term.clause and far_length > term.end - term.start:
            nested[at] = far_clause
        if term.end > far_end:
            far_end, far_clause, far_length = term.end, term.clause, term.end - term.start
    grouped: dict[str, list[TermMatch]] = {}
    for term in sentence.terms:
        grouped.setdefault(term.clause, []).append(term)
    return _TermIndex(
        starting,
        nested,
        _Spans.of(sentence.terms),
        {clause: _Spans.of(terms) for clause, terms in grouped.items()},
    )


def inside_a_term(sentence: SentenceFacts, start: int, end: int) -> bool:
    """Whether the span ``start:end`` lies inside a term of the sentence ("a *day* pass").

    Args:
        sentence: The sentence.
        start: Where the span starts (normalised offset).
        end: Where it ends.
    """
    return _term_index(sentence).every.covers(start, end)


def _terms_of(sentence: SentenceFacts, clause: Clause) -> _Spans:
    """The sentence's terms of ``clause``."""
    return _term_index(sentence).by_clause.get(clause.id, _NO_SPANS)


# Worked out once for a sentence however many quantities it has.
_term_index = LastOne(_index_terms)


# The event a window the customer has is counted from: "60 days *from* delivery", "30 days
# *after the date of* purchase" (not "of", which may name what the time is for: "30 days of
# cover").
_COUNTED_FROM = regex.compile(
    r"(?i)\s*(?:from|after)\s+(?:(?:the|your|our)\s+)?(?:(?:date|day|time)\s+of\s+"
    r"(?:(?:the|your|our)\s+)?)?$"
    # ...or the day of an act said as a clause: "90 days from the day you put it on hold".
    r"|\s*(?:from|after)\s+the\s+(?:date|day|time|moment)\s+(?:that\s+|when\s+)?"
    r"(?:you|we|i|it|they)\s+(?:(?!to\b)[\w']+\s+){0,2}$"
)


# A window named after its length, then the event it counts from: "(14-day) cooling-off
# period after (installation)", "(30-day) return window from (delivery)".
_WINDOW_FROM_THE_EVENT = regex.compile(
    rf"(?i)^[\s-]*(?:[\w-]+\s+){{0,2}}?{alternation(WINDOW_NOUNS)}s?\s+(?:of|from|after|following)\s+"
    r"(?:(?:the|your|our|a|an)\s+)?(?:(?:date|day|time)\s+of\s+(?:(?:the|your|our)\s+)?)?$"
)


def _linked_by(
    sentence: SentenceFacts, mention: Mention, term: TermMatch, words: regex.Pattern[str]
) -> bool:
    """Whether ``term`` follows a quantity with only ``words`` between ("48 hours of delivery")."""
    if term.start < mention.end:
        return False
    between = sentence.text[mention.end - sentence.start : term.start - sentence.start]
    return len(between) < _LOOK_BACK and bool(words.fullmatch(between))


# What an amount is added to, right after it: "£30 *on top of the* call-out", "$40 *in
# addition to your* delivery fee".
_ADDED_TO = regex.compile(
    r"(?i)\s*(?:,\s*)?(?:on\s+top\s+of|in\s+addition\s+to|as\s+well\s+as|over\s+and\s+above)"
    # Whoever's it is: "£18 on top of *her* boarding", "on top of Poppy's stay".
    r"\s+(?:(?:the|your|our|a|an|any|his|her|their|my|its|\w+'s)\s+)?"
    r"(?:usual\s+|standard\s+|normal\s+)?$"
)


def _added_to(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether ``term`` names what an amount is added to ("£30 on top of the call-out")."""
    return isinstance(mention, AmountMention) and _linked_by(sentence, mention, term, _ADDED_TO)


# "send it back within 14 days *for a full refund*", "cancel within 24 hours for a refund":
# what the act right after a figure is done for; the figure measures the act before it.
_FOR_PURPOSE = regex.compile(
    r"(?i)^\s*for\s+(?:a|an|the|your)?\s*(?:full|partial|complete|free|quick)?\s*$"
)


_PURPOSE_AFTER_ACT = regex.compile(
    r"(?i)^(?:\s+[\w']+){0,4}?\s+for\s+(?:a|an|the|your)?\s*(?:full|partial|complete|free|quick)?\s*$"
)


def _purpose_of_another(
    sentence: SentenceFacts, segment: SegmentFacts, term: TermMatch, clauses: Mapping[str, Clause]
) -> bool:
    """Whether ``term`` is what an act with a window is done for ("cancel for a full refund").

    The figure then belongs to the act, whose window it is ("cancel for a full refund any time
    up to December 16"), and not to the purpose's own time.
    """
    own = clauses[term.clause]
    if isinstance(own, Can) and own.within is not None:
        return False
    offset = sentence.start
    # Only a term that starts shortly before this one can be the act it is done for.
    starts = _term_index(sentence).every.starts
    nearby = sentence.terms[
        bisect.bisect_left(starts, term.start - _PURPOSE_REACH) : bisect.bisect_left(
            starts, term.start
        )
    ]
    return any(
        other.clause != term.clause
        and isinstance(act := clauses[other.clause], Can)
        and act.within is not None
        and segment.start <= other.start
        and other.end <= term.start
        and _PURPOSE_AFTER_ACT.match(sentence.text[other.end - offset : term.start - offset])
        for other in nearby
    )


# How far from a quantity, each way, a term may name its act: longer than any sentence that
# is not a run-on.
_ATTRIBUTION_REACH = 500

# How far before a term the act it is the purpose of may start: the act's own words and up
# to four more, then "for a full".
_PURPOSE_REACH = 200


def _is_purpose_of(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether ``term`` names the purpose right after the figure, not what the figure measures."""
    if term.start < mention.end:
        return False
    between = sentence.text[mention.end - sentence.start : term.start - sentence.start]
    return bool(_FOR_PURPOSE.match(between))


# "<term> of": an amount right after it is that act's amount ("a refund of $74.85").
_OF_BEFORE = regex.compile(r"^\s+of\s+(?:about|around|roughly|nearly|just\s+over)?\s*$")


def _names_another_act(
    sentence: SentenceFacts, mention: AmountMention, clauses: Mapping[str, Clause]
) -> bool:
    """Whether the amount is "of" a term whose clause can't take it ("a refund of $74.85")."""
    # Only "of" and a word or two stand between them: a term ending further back than any
    # sentence that is not a run-on is not read, so each amount costs the same however long
    # its sentence runs. Of those within reach, the first in the sentence's order decides.
    at = mention.start - sentence.start
    if "of" not in sentence.text[max(0, at - _ATTRIBUTION_REACH) : at]:
        return False  # (the words between hold "of" or it is no such amount)
    ends, places = _term_ends(sentence)
    first = bisect.bisect_left(ends, mention.start - _ATTRIBUTION_REACH)
    near = sorted(places[first : bisect.bisect_right(ends, mention.start)])
    for place in near:
        term = sentence.terms[place]
        if _OF_BEFORE.match(
            sentence.text[term.end - sentence.start : mention.start - sentence.start]
        ):
            clause = clauses[term.clause]
            return not (isinstance(clause, Can) and _accepts(clause, mention))
    return False


def _index_term_ends(sentence: SentenceFacts) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the sentence's terms end, in order, with each one's place in its terms."""
    ordered = sorted(range(len(sentence.terms)), key=lambda at: sentence.terms[at].end)
    return tuple(sentence.terms[at].end for at in ordered), tuple(ordered)


# Worked out once for a sentence however many amounts it has.
_term_ends = LastOne(_index_term_ends)


_THIRD_PARTY = rf"{alternation(THIRD_PARTIES)}\b(?!\s+{alternation(THIRD_PARTY_MODIFIED)}\b)"
# "your bank may take 3-5 days", "banks usually need a week", "it can take your card
# provider up to 3 days": the institution is who takes the time.
_THIRD_PARTY_TAKES = regex.compile(
    # Not where the act goes: "payouts *to your bank* usually take 1 business day".
    r"(?<!\b(?:to|into|onto|from|via|through)\s+(?:your\s+|the\s+|their\s+|a\s+)?)"
    rf"\b{_THIRD_PARTY}(?:\s+\w+){{0,2}}?\s+(?:take|takes|taking|took|need|needs|require|requires)\b"
    rf"|\btak(?:e|es|ing)\s+(?:your|the|their|some|most)\s+{_THIRD_PARTY}",
    regex.IGNORECASE,
)


_FORMER = regex.compile(
    rf"(?<!\b{alternation(ACCUSTOMED)}\s+)\b{alternation(FORMER_TIME)}\b"
    rf"|\b{alternation(FORMER_ADJECTIVES)}\s+{alternation(RULE_NOUNS)}\b",
    regex.IGNORECASE,
)
_PRESENT = regex.compile(rf"\b{alternation(PRESENT_TIME)}\b|;", regex.IGNORECASE)
# A word every match of _FORMER holds, the longest of each phrase ("past" of "in the past"):
# an ASCII sentence without any, in lower case, names no former time (as for _cues).
_FORMER_CUES = tuple(
    {max(phrase.split(), key=len) for phrase in (*FORMER_TIME, *FORMER_ADJECTIVES)}
)


@attrs.frozen
class _TensesIndex:
    """Where a sentence names a former time, and where the present, found once per sentence.

    ``former_ends``: where each former-time adjunct ends; ``present``: the spans of each
    present-time word or semicolon, sorted by start. Offsets are in the sentence's text.
    """

    former_ends: list[int]
    present: list[tuple[int, int]]


def _index_tenses(sentence: SentenceFacts) -> _TensesIndex:
    text = sentence.text
    if text.isascii() and not any(cue in text.lower() for cue in _FORMER_CUES):
        return _NO_TENSES
    former_ends = [match.end() for match in _FORMER.finditer(text)]
    if not former_ends:
        return _NO_TENSES  # the present is read only after a former time
    return _TensesIndex(former_ends, [match.span() for match in _PRESENT.finditer(text)])


# The index of a sentence that names no former time.
_NO_TENSES = _TensesIndex([], [])


_tenses = LastOne(_index_tenses)


def describes_a_former_state(sentence: SentenceFacts, mention: Mention) -> bool:
    """Whether the figure is placed before a change ("previously, vouchers were up to £200").

    The past adjunct reaches the figure unless "now", "currently" or a semicolon comes between.
    The sentence's adjuncts are found once, so many figures in one sentence cost one pass.
    """
    index = _tenses(sentence)
    at = mention.start - sentence.start
    last = bisect.bisect_right(index.former_ends, at)
    if last == 0:
        return False
    former_end = index.former_ends[last - 1]
    # A present-time word wholly between the adjunct and the figure ends the former state;
    # the spans do not overlap, so the first after the adjunct is the one to look at.
    first = bisect.bisect_left(index.present, (former_end, -1))
    return first == len(index.present) or index.present[first][1] > at


def takes_a_third_party(sentence: SentenceFacts, mention: Mention) -> bool:
    """Whether a time is one an outside institution takes ("your bank may take 3 days").

    Such a time is the bank's step after the business's act, never the clause's own
    (SPEC §3: a time for something else in the sentence is not about the clause).
    """
    if not isinstance(mention, (DurationMention, DeadlineMention)):
        return False
    if not _cues(sentence).third_party:
        return False
    segment = sentence.segment_at(mention.start)
    # The institution is named close before its time; a bounded look keeps long clauses linear.
    begin = max(segment.start, mention.start - _THIRD_PARTY_REACH) - sentence.start
    before = sentence.text[begin : mention.start - sentence.start]
    return bool(_THIRD_PARTY_TAKES.search(before))


_THIRD_PARTY_REACH = 120

# Writing or calling the customer, sending them information, or looking into the act: "I'll
# send you the tracking link within 1 business day", "we'll call you back about your refund by
# Friday", "I'll let you know by 5pm". Its time is the message's, not the act's.
_MESSAGE = regex.compile(
    # (Staff named by their job write or call too: "the tech calls you when he's 30 minutes
    # out", "a claims adjuster will call you within 2 business days".)
    r"(?i)\b(?P<subject>i|we|someone|they|he|she|(?:the|our|your|an?)\s+(?:[a-z-]+\s+)?[a-z-]+)"
    r"(?:'ll|\s+will|\s+can|'d|\s+would|\s+shall)?\s+"
    r"(?:\w+\s+)?(?:"
    r"(?:call|ring|phone|text|email|e-mail|message|contact|notify|update|ping|reply\s+to)s?\s+you"
    r"|get\s+back\s+to\s+you|let\s+you\s+know|keep\s+you\s+(?:posted|updated)"
    r"|send\s+(?:you\s+)?(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}?(?:link|email|e-mail|confirmation"
    r"|update|details|number|code|quote|invoice|receipt|form|message|text|reply|answer)s?"
    # Looking into the act: "I'll check the pay run on Monday morning", "we'll chase the lab
    # tomorrow". The time is the check's.
    r"|check|look\s+into|look\s+at|chase|follow\s+up\s+on|investigate|review"
    # Confirming it: "we'll confirm a delivery date within 1 business day" promises the
    # confirmation, not the delivery (SPEC §3).
    r"|confirm"
    r")\b"
)


# Pieces of words one of which every match of _THIRD_PARTY_TAKES holds ("tak" in "takes" and
# "taking"), and of _MESSAGE ("mail" in "email" and "e-mail"). In ASCII text a case-blind
# match holds them in lower case, so a sentence with none of them has no such match, and its
# quantities are spared the searches; other text is searched as ever.
_THIRD_PARTY_CUES = ("tak", "took", "need", "requir")
_MESSAGE_CUES = (
    "call", "ring", "phone", "text", "mail", "message", "contact", "notify", "update", "ping",
    "reply", "get", "let", "keep", "send", "check", "look", "chase", "follow", "investigate",
    "confirm", "review",
)  # fmt: skip


@attrs.frozen
class _Cues:
    """Which searches of a sentence may find anything, told once per sentence by its words.

    ``third_party``: whether _THIRD_PARTY_TAKES may match in it; ``message``: _MESSAGE.
    """

    third_party: bool
    message: bool


def _find_cues(sentence: SentenceFacts) -> _Cues:
    text = sentence.text
    if not text.isascii():
        return _Cues(third_party=True, message=True)
    lowered = text.lower()
    return _Cues(
        third_party=any(cue in lowered for cue in _THIRD_PARTY_CUES),
        message=any(cue in lowered for cue in _MESSAGE_CUES),
    )


# Worked out once for a sentence however many quantities it has.
_cues = LastOne(_find_cues)

# What a message to the customer carries, just after "email you": "the", "your", "a".
_CARRIED_AFTER = regex.compile(r"(?i)\s+(?:the|your|a|an|our|this|that)\s+")
# A message that carries a thing written: "email you", "send you", "post you".
_SENDS = regex.compile(
    r"(?i)\s*(?:'ll|will|can|'d|would|shall)?\s*(?:\w+\s+)?(?:email|e-mail|send|post)s?\s+you\b"
)
# The end of the noun phrase carried: a time, a preposition or a stop after it.
_CARRIED_ENDS = regex.compile(
    r"(?i)\s*(?:$|[,.;:!?)]|(?:within|by|in|on|at|before|after|today|tonight|tomorrow|this|next"
    r"|to|over|as|once|when|and|shortly|later)\b)"
)
# A clause whose act is itself a message: "email a written estimate", "answer an email",
# "reply with findings", "email the lesson video"; or whose act opens with a verb of calling
# or telling ("ring the patient with their scan results", "tell the guest their room number").
_MESSAGE_ACT = regex.compile(
    r"(?i)\b(?:email|e-mail|reply|replies|respond|answer|(?:call|ring|phone)(?:\s+\w+){0,2}\s+back"
    r"|get\s+back"
    r"|text|notify|contact|write\s+back|quote|check|inspect|investigate|review|assess)\b"
    r"|^\W*(?:call|ring|phone|telephone|message|write\s+to|tell|inform|confirm)\b"
)


def is_a_message_act(clause: Clause) -> bool:
    """Whether a clause's act is itself writing or calling the customer ("email an estimate")."""
    return isinstance(clause, Can) and bool(_MESSAGE_ACT.search(clause.does or ""))


# (The first day of a range of dates may open the bracket: "the course (20-22 July)".)
_OPEN_BRACKET_BEFORE = regex.compile(r"(\S)\s*\(\s*(?:\d{1,2}(?:st|nd|rd|th)?\s*[-\u2013]\s*)?$")
_CLOSE_BRACKET_AFTER = regex.compile(r"\s*\)")


def _bracketed_after(sentence: SentenceFacts, mention: Mention) -> int | None:
    """Where the words end that a bracketed figure follows ("gutter clearing (£65)"), if any."""
    at = mention.start - sentence.start
    window = max(0, at - _LOOK_BACK)
    opened = _OPEN_BRACKET_BEFORE.search(sentence.text[window:at])
    closed = match_at(_CLOSE_BRACKET_AFTER, sentence.text, mention.end - sentence.start)
    if opened is None or closed is None:
        return None
    return sentence.start + window + opened.end(1)


def times_a_message(sentence: SentenceFacts, mention: Mention) -> bool:
    """Whether a time is when the business will write or call ("I'll let you know by 5pm").

    The message is about an act, but is not that act: "I'll call you back about your refund
    by Friday" promises a call by Friday, not the refund. A term of the policy that is itself
    the message ("call back") keeps its time.
    """
    if not isinstance(mention, (DurationMention, DeadlineMention)):
        return False
    if not _cues(sentence).message:
        return False
    segment = sentence.segment_at(mention.start)
    begin = max(segment.start, mention.start - _THIRD_PARTY_REACH)
    messages = list(
        _MESSAGE.finditer(sentence.text, begin - sentence.start, mention.start - sentence.start)
    )
    if not messages:
        return False
    # A term in the message's verb ("call you back") is the message itself; one in its subject
    # ("a *claims* adjuster will call you") names who calls.
    start, end = messages[-1].end("subject") + sentence.start, messages[-1].end() + sentence.start
    terms = _term_index(sentence).every
    if terms.overlaps(start, end):
        return False
    # "I'll email you the incident report within the hour": what a written message carries,
    # a term right after it and ending its noun phrase, is the act sent (not "call you about
    # the refund", "confirm the new flight date", "text you the tow truck driver's name").
    if _SENDS.match(sentence.text, messages[-1].end("subject")):
        carried = match_at(_CARRIED_AFTER, sentence.text, end - sentence.start)
        if carried is not None and any(
            t.start == end + len(carried.group())
            and match_at(_CARRIED_ENDS, sentence.text, t.end - sentence.start) is not None
            for t in sentence.terms
        ):
            return False
    # "I'll look into the heater and refund you within 3 days": a second act joined on after
    # the message is the one the time follows ("I'll call you about your refund by Friday"
    # keeps the call's).
    return not any(
        _JOINS_AN_ACT.search(sentence.text, end - sentence.start, t.start - sentence.start)
        for t in terms.between(end, mention.start)
    )


# A passive verb: what is done to a thing ("the money *is paid*", "you'll *be refunded*").
_PASSIVE_BEFORE = regex.compile(
    r"(?i)\b(?:is|are|was|were|be|been|'s|'re|gets?|got)\s+(?:\w+ly\s+)?"
    r"(?:[a-z]{2,}ed|paid|sent|made|done|given|shown|seen|known)\b"
)


# What a message is about, named just before a term: "a call *about the* results".
_TOPIC_BEFORE = regex.compile(
    r"(?i)\b(?:about|regarding|concerning)\s+(?:the\s+|your\s+|our\s+|his\s+|her\s+|their\s+)?$"
)
_JOINS_AN_ACT = regex.compile(r"(?i)\b(?:and|then)\s+(?:(?:i|we)(?:'ll|\s+will)\s+)?(?:\w+\s+)?$")


# A figure inside what someone asks for: "passed your request for a £100 voucher to my manager".
_ASKED_FOR = regex.compile(
    rf"(?i)\b{alternation(COMPLEMENT_NOUNS)}\s+for\s+(?:a|an|the|your|another)?\s*(?:extra\s+)?$"
)
# A figure whose own clause says it can't be had: "A £100 voucher isn't possible", "refunds
# in 2 days aren't something we offer".
_DENIED_AFTER = regex.compile(
    r"(?i)[^,;.!?]{0,40}?\b(?:isn't|aren't|is\s+not|are\s+not|wasn't|was\s+not|weren't"
    r"|were\s+not|(?:is|are|was|were)\s+never|ha(?:s|ve)\s+never\s+been|can't\s+be|cannot\s+be"
    r"|won't\s+be|will\s+never\s+be)"
    r"\s+(?:possible|available|allowed|permitted|offered|an\s+option|something)\b"
)


def attribute(
    sentence: SentenceFacts, mention: Mention, clauses: Mapping[str, Clause]
) -> tuple[Can, TermMatch] | None:
    """The clause whose action the quantity measures, with the term that names it."""
    # Only a term within reach of the quantity can name its act (see the loop below): with
    # none, every way through ends in None, so the looks that come first are not taken.
    if not sentence.terms:
        return None
    starts = _term_index(sentence).every.starts
    everywhere = range(
        bisect.bisect_left(starts, mention.start - _ATTRIBUTION_REACH),
        bisect.bisect_right(starts, mention.end + _ATTRIBUTION_REACH),
    )
    if not everywhere:
        return None
    if _never_attributed(sentence, mention, clauses):
        return None
    # "I'll send you the tracking link within 1 business day": only a clause whose act is a
    # message takes the time of one.
    message = times_a_message(sentence, mention)
    segment = sentence.segment_at(mention.start)
    owner = _bracketed_after(sentence, mention)
    phrase = _noun_phrase_after(sentence, mention)
    # Most quantities are settled by a term of their own clause: the terms of the others are
    # weighed only when it names none, and its own are weighed from the quantity outwards
    # until one settles it, so a quantity in a clause of a thousand terms weighs a few.
    own = _starting_in(starts, segment.start, segment.end, everywhere)
    weighing = _Weighing(sentence, mention, clauses, segment, message=message)
    if is_window(mention) or owner is not None or phrase is not None:
        # These choose among the candidates within reach (or, for a phrase, those in it).
        looked = everywhere
        if phrase is not None and owner is None:
            looked = _starting_in(starts, phrase[0], phrase[1], everywhere)
        candidates = _chosen(mention, weighing.candidates(looked), owner, phrase)
        if candidates is None:
            return None
        kept = {id(t): c for t, c, inside in candidates if inside}
        settled, found = _in_its_own_clause(
            sentence, mention, clauses, segment, own, lambda i: kept.get(id(sentence.terms[i])),
            phrase,
        )
    else:
        settled, found = _in_its_own_clause(
            sentence, mention, clauses, segment, own, weighing.clause_at, phrase
        )
        candidates = [] if settled else weighing.candidates(everywhere)
    if settled:
        return found
    in_segment_any = any(
        _may_name_an_act(sentence, index, clauses)
        and not _set_apart(sentence, mention, index, clauses)
        for index in own
    )
    return _in_another_clause(sentence, mention, segment, candidates, in_segment_any)


def _chosen(
    mention: Mention,
    candidates: list[tuple[TermMatch, Can, bool]],
    owner: int | None,
    phrase: tuple[int, int] | None,
) -> list[tuple[TermMatch, Can, bool]] | None:
    """The candidates a window, a bracket or a noun phrase after the quantity leaves.

    None when a bracket or a phrase leaves none: the quantity is then no act's.
    """
    if isinstance(mention, DurationMention) and mention.from_event and mention.permits:
        # "only possible within 24 hours of booking" is a window, never a time something
        # takes (SPEC §3).
        candidates = [(t, c, inside) for t, c, inside in candidates if c.within is not None]
    elif is_window(mention):
        # "You have 30 days to…": a window, so a clause with one.
        windows = [(t, c, inside) for t, c, inside in candidates if c.within is not None]
        candidates = windows or candidates
    if owner is not None:
        # "windows (£30) plus gutter clearing (£65)": a figure in brackets is the price of
        # the words just before the bracket, and of nothing else.
        candidates = [(t, c, inside) for t, c, inside in candidates if t.end == owner]
        if not candidates:
            return None
    if phrase is not None:
        # "the $25 pet-hair removal add-on": an amount before a noun is that noun's; a term
        # earlier in the clause is another thing's.
        low, high = phrase
        candidates = [(t, c, inside) for t, c, inside in candidates if low <= t.start < high]
        if not candidates:
            return None
    return candidates


def _starting_in(starts: Sequence[int], low: int, high: int, within: range) -> range:
    """The indices of ``within`` whose terms start at ``low`` or after and before ``high``."""
    return range(
        max(within.start, bisect.bisect_left(starts, low)),
        min(within.stop, bisect.bisect_left(starts, high)),
    )


def _in_its_own_clause(
    sentence: SentenceFacts,
    mention: Mention,
    clauses: Mapping[str, Clause],
    segment: SegmentFacts,
    own: range,
    clause_at: Callable[[int], Can | None],
    phrase: tuple[int, int] | None,
) -> tuple[bool, tuple[Can, TermMatch] | None]:
    """Whether a term in the quantity's own clause settles its clause, and that clause.

    ``own`` are the indices of the clause's terms within reach, and ``clause_at`` the clause
    of each that is a candidate (None for the others). When none is, the terms of the
    sentence's other clauses are weighed next.
    """
    terms = sentence.terms
    offset = sentence.start
    amount = isinstance(mention, AmountMention)
    # An addition names two sums: "the first visit is $95 plus the travel fee" prices no
    # travel fee, and in "the $189 platter plus $24 for the extra oysters" the $24 is an
    # addend, the price of no term before it. (Counts are counted together: "the two of you
    # plus 5 guests".)
    money = isinstance(mention, AmountMention) and isinstance(mention.value, Money)
    addend = money and bool(
        _PLUS_BEFORE.search(
            sentence.text, max(0, mention.start - offset - _PLUS_REACH), mention.start - offset
        )
    )

    def added(term: TermMatch) -> bool:
        return (addend and term.end <= mention.start) or (
            money and _added_after(sentence, mention, term)
        )

    if amount and match_at(_FOR_AFTER, sentence.text, mention.end - offset):
        for index in own:
            term = terms[index]
            if (
                not added(term)
                and _priced_for(sentence, mention, term)
                and (clause := clause_at(index))
            ):
                # "$149 for the amended return plus $35 for the extension": "for" names what
                # the amount is the price of, whatever term came before it.
                return True, (clause, term)

    if isinstance(mention, DurationMention) and mention.role == "compound":
        for index in own:
            term = terms[index]
            if (
                0 <= term.start - mention.end <= _COMPOUND_GAP
                and not sentence.text[mention.end - offset : term.start - offset].strip()
                and (clause := clause_at(index))
            ):
                # "overhauls carry a *12-month warranty*": a length before a noun measures
                # that noun (CGEL ch. 19), whatever the subject of the clause names.
                return True, (clause, term)

    def kept(index: int) -> Can | None:
        clause = clause_at(index)
        if (
            clause is not None
            and amount
            and (added(terms[index]) or _has_its_own_amount(sentence, mention, terms[index]))
        ):
            # "Your cake is $180 and delivery is $25": a term with its own amount after it is
            # not the price of one before it.
            return None
        return clause

    # The term before it that reaches furthest (the first of those that reach as far).
    every = _term_index(sentence).every
    split = min(own.stop, max(own.start, bisect.bisect_left(every.starts, mention.start)))
    reach = every.reach
    claimed = _amount_just_before(mention, sentence) if amount else -1
    best: tuple[Can, TermMatch] | None = None
    for index in reversed(range(own.start, split)):
        if best is not None and reach[index] < best[1].end:
            break  # no term from here back reaches as far
        if reach[index] <= claimed:
            break  # another amount stands between each term from here back and this one
        term = terms[index]
        if (best is None or term.end >= best[1].end) and (clause := kept(index)):
            best = clause, term
    if best is not None:
        return True, best
    first = next(((i, c) for i in range(split, own.stop) if (c := kept(i))), None)
    if first is None:
        return False, None
    term, clause = terms[first[0]], first[1]
    if (
        isinstance(mention, (DeadlineMention, DurationMention))
        and phrase is None
        and _unlimited_act_before(sentence, segment, mention, clauses)
        and _another_verb_between(sentence, mention, term.start)
    ):
        # "we could do a tuning … before the 20th and schedule the regulation for right
        # after it": the time is the act's named before it, which has no such limit; the
        # act named after it is another's (benefit of the doubt).
        return True, None
    return True, (clause, term)


def _amount_just_before(mention: Mention, sentence: SentenceFacts) -> int:
    """Where the last amount of the mention's kind before it starts, or -1 for none.

    Each term of the clause that ends by then has that amount between it and this one
    (:func:`_amount_between`), which claims it.
    """
    assert isinstance(mention, AmountMention)
    starts, _ = _amounts(sentence).by_kind.get(_kind_of(mention), ((), ()))
    at = bisect.bisect_left(starts, mention.start)
    return starts[at - 1] if at else -1


# The most characters between a compound length and the noun it measures: one space.
_COMPOUND_GAP = 1

# Where an amount may be priced for a term after it: "$35 *for the* extension" (_FOR_WHAT).
_FOR_AFTER = regex.compile(r"(?i)\s+for\s")


def _in_another_clause(
    sentence: SentenceFacts,
    mention: Mention,
    segment: SegmentFacts,
    candidates: list[tuple[TermMatch, Can, bool]],
    in_segment_any: bool,
) -> tuple[Can, TermMatch] | None:
    """The clause a term in another clause of the sentence names, when its own names none."""
    # (A range is how long something takes, never a window one has; and so is the time of a
    # passive verb: "once you sign, the deposit is returned within 5 business days" gives no
    # time to accept in.)
    if (
        isinstance(mention, DurationMention)
        and not mention.duration.is_range
        and (mention.role == "window" or (mention.role == "within" and not in_segment_any))
        and not _PASSIVE_BEFORE.search(
            sentence.text,
            max(segment.start, mention.start - _LOOK_BACK) - sentence.start,
            mention.start - sentence.start,
        )
    ):
        # "When a show is rescheduled and you can't make the new date, you have 30 days to
        # request a refund": the condition names the case whose window the main clause gives.
        # So does "if you'd like to cancel, you can do it up to 72 hours after booking", when
        # the main clause names no act of its own.
        for term, clause, _ in candidates:
            home = sentence.segment_at(term.start)
            if _in_condition(sentence, home) and home.end <= segment.start and clause.within:
                return clause, term
    if (
        isinstance(mention, DurationMention)
        and mention.role == "within"
        and segment.condition
        and not in_segment_any
    ):
        # "We offer a free rewash if you report the problem within 30 days": a window in an
        # "if" after the act's own clause is the time the customer has to claim the act.
        # (Not a time clause, "once it's approved the money reaches you in 5 days", nor a
        # clause further back.)
        at = sentence.index_of(segment)
        main = sentence.segments[at - 1] if at > 0 else None
        if main is not None and not main.condition and opens_a_condition_proper(segment.text):
            for term, clause, _ in candidates:
                if main.start <= term.start < main.end and clause.within is not None:
                    return clause, term
        # ...and so is one in an "if" that opens the sentence, before the act: "If the hair
        # slips within 30 days, we'll redo it for free", "if anything goes wrong in the next
        # 6 months, just bring it back and we'll redo it".
        # ("If it's still there *after* a week, bring it in": when the case begins, no window.)
        opener = _WINDOW_OPENER.search(
            sentence.text, max(0, mention.start - sentence.start - _LOOK_BACK),
            mention.start - sentence.start,
        )
        if at == 0 and opener is not None and opens_a_condition_proper(segment.text):
            for term, clause, _ in candidates:
                if term.start >= segment.end and clause.within is not None:
                    home = sentence.segment_at(term.start)
                    return (clause, term) if not home.condition else None
    if isinstance(mention, DurationMention) and mention.role in ("window", "bare"):
        # "You'll have 60 days to tell us, and we'll reprint it": the window of the act after
        # it, though its own clause names a thing with no window ("bring in a water sample").
        after = _act_after_its_window(sentence, segment, candidates)
        if after is not None:
            return after
    if in_segment_any:
        return None  # its own clause names something else
    return _inherited(sentence, mention, segment, candidates)


# The words that open a window just before its length: "within 30 days", "in the next 6
# months", "during the first year".
_WINDOW_OPENER = regex.compile(
    r"(?i)\b(?:within|in\s+the\s+(?:next|first)|during\s+the\s+(?:next|first))\s+$"
)


# A booking named by its day, a participle after its noun: "the installation booked for the
# 19th", "your delivery scheduled for Friday". The day says which one is meant ("I've booked
# you in for Friday", a clause of its own, is an act done for a day).
_WHICH_BOOKING_BEFORE = regex.compile(
    # (Not one we have booked: "I've got the nurse assessment booked for Monday".)
    r"(?i)(?<!\b(?:got|get|gets|have|has|had|'ve|'s)\s+)"
    r"\b(?:the|your|our|this|that|his|her|their)\s+(?:[\w-]+\s+){1,3}?"
    r"(?:booked|scheduled|planned|arranged|set|due|pencilled|penciled)\s+(?:in\s+)?(?:for|on)\s+$"
    # ...or one changed, named by its day: "I've cancelled your booking for Friday".
    r"|\b(?:cancel(?:l?ed)?|mov(?:e|ed)|chang(?:e|ed)|amend(?:ed)?|refund(?:ed)?)\s+"
    r"(?:the|your|our|this|that|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:booking|reservation|appointment|tickets?|table|session|lesson|class)\s+for\s+$"
)


# A verb phrase joined after a time: "…before the 20th *and schedule* the regulation".
_JOINED_VERB_PHRASE = regex.compile(r"(?i)\b(?:and|then|but|or)\b")


def _another_verb_between(sentence: SentenceFacts, mention: Mention, term_start: int) -> bool:
    """Whether a verb phrase of its own is joined on between the quantity and a later term."""
    at = sentence.start
    return term_start > mention.end and bool(
        _JOINED_VERB_PHRASE.search(sentence.text, mention.end - at, term_start - at)
    )


def _unlimited_act_before(
    sentence: SentenceFacts, segment: SegmentFacts, mention: Mention, clauses: Mapping[str, Clause]
) -> bool:
    """Whether the quantity's clause names, before it, an act with no limit of its kind."""
    term_index = _term_index(sentence)
    nested = term_index.nested
    # Only the terms within reach before it are weighed, as in ``_candidates``.
    low = max(segment.start, mention.start - _ATTRIBUTION_REACH)
    first = bisect.bisect_left(term_index.every.starts, low)
    last = bisect.bisect_left(term_index.every.starts, mention.start)
    for index in range(first, last):
        term = sentence.terms[index]
        if index in nested:
            continue
        clause = clauses[term.clause]
        if (
            isinstance(clause, Can)
            and not _accepts(clause, mention)
            and not _modifies_another_noun(sentence, term, clause)
        ):
            return True
    return False


# The customer doing a thing on their own (a reflexive of emphasis, CGEL ch. 17): "you can
# file Form 4868 yourself for free", "if you fit it on your own it costs nothing".
_ON_THEIR_OWN = regex.compile(r"(?i)\byou\b[^.;:]*?\b(?:yourself|yourselves|on\s+your\s+own)\b")


def _never_attributed(
    sentence: SentenceFacts, mention: Mention, clauses: Mapping[str, Clause]
) -> bool:
    """Whether the quantity measures no act of a clause, whatever terms are near it.

    A third party's time, another act's amount, what was asked for, a figure denied, a
    threshold the case passes, when a place is open, the day of a sum.
    """
    if takes_a_third_party(sentence, mention):
        return True
    if isinstance(mention, AmountMention) and _names_another_act(sentence, mention, clauses):
        return True  # "a refund of $74.85": the amount of an act that has no such limit
    at = mention.start - sentence.start
    if _ASKED_FOR.search(sentence.text[max(0, at - _LOOK_BACK) : at]):
        return True  # "your request for a £100 voucher": what was asked for, not given
    if match_at(_DENIED_AFTER, sentence.text, mention.end - sentence.start):
        return True  # "A £100 voucher isn't possible": the figure is denied
    if isinstance(mention, AmountMention) and _THRESHOLD_BEFORE.search(
        sentence.text[max(0, at - _LOOK_BACK) : at]
    ):
        return True  # "as the order is over €40": a threshold the case passes, no price
    if isinstance(mention, AmountMention) and _WHOLE_BEFORE.search(
        sentence.text[max(0, at - _LOOK_BACK) : at]
    ):
        return True  # "$150 of the $180": the whole a part is taken from, no price of its own
    if isinstance(mention, AmountMention) and _ON_THEIR_OWN.search(
        sentence.segment_at(mention.start).text
    ):
        return True  # "you can file it yourself for free": the customer's doing, no price of ours
    if isinstance(mention, DeadlineMention) and _WHICH_BOOKING_BEFORE.search(
        sentence.text[max(0, at - _LOOK_BACK) : at]
    ):
        return True  # "we'll cancel the installation booked for the 19th": which one, no time
    if _says_when_open(sentence, mention):
        return True  # "the office (open until 4pm today)": when a place is open, no act's time
    if isinstance(mention, DeadlineMention) and _day_measured_from(sentence, mention):
        return True  # "eight weeks before the 18th", "Saturday is 4 days away": a day measured
    if isinstance(mention, DeadlineMention) and _SEE_YOU_BEFORE.search(
        sentence.text[max(0, at - _LOOK_BACK) : at]
    ):
        return True  # "see you Thursday!": when we meet, no act's time
    if isinstance(mention, DeadlineMention):
        owned = match_at(_POSSESSIVE_AFTER, sentence.text, mention.end - sentence.start)
        if owned is not None and _term_index(sentence).every.overlaps(
            mention.end, mention.end + owned.end()
        ):
            # "back in on Thursday's nursery delivery": the day of the event the words after
            # it name, a policy term among them; it times no act of ours ("before Thursday's
            # meeting" still times the report due before it).
            return True
    if isinstance(mention, DurationMention) and match_at(
        _TRAVEL_AFTER, sentence.text, mention.end - sentence.start
    ):
        return True  # "within 25 minutes of the school by metro": how far, no act's time
    if _among_alternatives(sentence.text, at, mention.end - sentence.start):
        return True  # "the same whether the job takes 5 minutes or an hour": supposed, not said
    if isinstance(mention, AmountMention) and _NET_OF_A_DISCOUNT_BEFORE.search(
        sentence.text[max(0, at - _LOOK_BACK) : at]
    ):
        return True  # "Price after $600 discount: $23,395": what is left to pay, no discount
    # "your total today is €57": the day of a sum, no act's time
    return isinstance(mention, DeadlineMention) and bool(
        _SUM_BEFORE.search(sentence.text[max(0, at - _LOOK_BACK) : at])
    )


# What joins a day to how far off it is: "Saturday *is only* 4 days away".
_FAR_OFF_BETWEEN = regex.compile(
    r"(?i)^(?:'s|\s+is|\s+was|\s+are)(?:\s+(?:only|just|still|now|already|nearly|almost|barely"
    r"|about|around|roughly|approximately|less\s+than|more\s+than|under|over|a\s+good"
    r"|a\s+full))*\s+$"
)


# Periods counted as things, not a lead time: "the catch-up on *all* 14 months before the 30th".
_PERIODS_COUNTED_BEFORE = regex.compile(
    r"(?i)\b(?:all|every\s+one\s+of|each\s+of)\s+(?:the\s+|those\s+|these\s+|your\s+)?$"
)


def _day_measured_from(sentence: SentenceFacts, mention: DeadlineMention) -> bool:
    """Whether a day is the point a length of time is counted from or to, no act's deadline.

    A lead time ends at it ("that gives us eight weeks before the 18th", "48 hours before
    Friday"), or it is how far off the day is ("Saturday is 4 days away").
    """
    for other in sentence.mentions:
        if not isinstance(other, DurationMention):
            continue
        between = sentence.text[other.end - sentence.start : mention.start - sentence.start]
        if (
            other.role == "before"
            and other.end <= mention.start
            and not between.strip()
            and not _PERIODS_COUNTED_BEFORE.search(sentence.text, 0, other.start - sentence.start)
        ):
            return True
        if other.role == "compare" and other.start >= mention.end:
            between = sentence.text[mention.end - sentence.start : other.start - sentence.start]
            if _FAR_OFF_BETWEEN.match(between):
                return True
    return False


# A time of travel, which measures how far a place is: "within 25 minutes of the school by
# metro", "10 minutes from the station on foot", "20 minutes' walk", "a 5-minute drive".
_TRAVEL_MODE = (
    r"(?:\bby\s+(?:car|metro|bus|coach|train|tube|taxi|cab|bike|bicycle|subway|tram|underground)"
    r"|\bon\s+foot|\bwalk(?:ing)?|\bdrive|\bdriving|\bcycle|\bcycling)\b"
)
# (A time with the mode alone, "we'll be with you within 45 minutes by car", is the trip the
# act takes.)
_TRAVEL_AFTER = regex.compile(
    r"(?i)(?:'s|')?\s*(?:walk|drive|ride|cycle)\b"
    rf"|[^.,;:!?]{{0,40}}?\b(?:of|from)\b[^.,;:!?]{{0,40}}?{_TRAVEL_MODE}"
)
# What is left after a discount: "Price after $600 discount: $23,395", "after your 10% off
# it comes to £45".
_NET_OF_A_DISCOUNT_BEFORE = regex.compile(
    r"(?i)\bafter\s+(?:the\s+|your\s+|a\s+|our\s+|its\s+)?(?:[$£€]?\d[\d,.]*%?\s+)?"
    r"(?:[\w-]+\s+)?(?:discount|reduction|saving|trade-in|off)s?\b"
    r"\W{0,5}(?:(?:it|that)(?:'s|\s+is)\s+|(?:it\s+)?comes\s+to\s+|you\s+pay\s+)?$"
)
# A day named in a farewell: "see you Thursday", "see you on the 14th", "see you at 3".
_SEE_YOU_BEFORE = regex.compile(
    r"(?i)\b(?:see|speak\s+to|talk\s+to)\s+(?:you|u|y'all)(?:\s+(?:all|both|then))?\s+"
    r"(?:on\s+|at\s+|this\s+|next\s+)?$"
)
# "Whether" opening alternatives joined by "or" ("whether the job takes 5 minutes or an hour",
# "whether you spend £10 or £100"): each is supposed, none is said to be so.
_WHETHER_BEFORE = regex.compile(r"(?i)\bwhether\b[^.;:!?]*$")
_OR_AFTER = regex.compile(r"(?i)^[^.;:!?]*?\bor\b(?!\s+so\b)")
_OR_BETWEEN = regex.compile(r"(?i)\bor\b(?!\s+so\b)")


def _among_alternatives(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one of the alternatives after "whether"."""
    opener = _WHETHER_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    if opener is None:
        return False
    return bool(
        _OR_BETWEEN.search(text, opener.start(), start)
        or _OR_AFTER.match(text[end : end + _LOOK_BACK])
    )


# A faster tier of a service, named as its own thing: "rush is $35 and gets your order
# printed the next business day", "Express is £25 extra and gets it dispatched tomorrow".
_FASTER_TIER = regex.compile(
    r"(?i)\b(?:"
    + "|".join(word.replace("-", r"[-\s]") for word in FASTER_TIERS)
    + r"|fast[-\s]tracked|urgent)\b"
)
# How far before a quantity its tier is looked for, in characters.
_TIER_REACH = 120
# Where a clause of the sentence ends before a quantity: a tier named before it belongs to
# that clause ("Standard takes 3-5 days; express gets it to you tomorrow").
_CLAUSE_BREAK = regex.compile(r"[;:\u2014\u2013]|\s-\s|,\s+(?:or|but|while|whereas)\b")


@lru_cache(maxsize=4096)
def _tiers_named(clause: Can) -> frozenset[str]:
    """The faster tiers a clause's own words name ("express" in "deliver by express courier")."""
    words = " ".join((clause.id, clause.does, *clause.terms))
    return frozenset(_tier_key(m.group()) for m in _FASTER_TIER.finditer(words))


def _tier_key(word: str) -> str:
    return regex.sub(r"[-\s]+", " ", word.lower())


def _tiers_before(sentence: SentenceFacts, mention: Mention) -> frozenset[str]:
    """The faster tiers named in the quantity's clause shortly before it ("rush is $35")."""
    # The tier is named near the figure: a bounded look back keeps a long sentence linear.
    at = mention.start - sentence.start
    before = sentence.text[max(0, at - _TIER_REACH) : at]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    own = before[breaks[-1].end() :] if breaks else before
    return frozenset(_tier_key(m.group()) for m in _FASTER_TIER.finditer(own))


def _of_a_faster_tier(
    sentence: SentenceFacts,
    mention: Mention,
    term: TermMatch,
    clause: Can,
    clauses: Mapping[str, Clause],
    named: frozenset[str],
) -> bool:
    """Whether the quantity is a faster tier's, named before it, that another clause offers.

    "rush is $35 and gets your order printed the next business day", where the policy has a
    rush clause of its own: the time and the price may be the rush tier's, not the standard
    clause's, and by the benefit of the doubt they are (SPEC §3), even when the tier's clause
    gives no time. Where no clause names the tier, "we'll rush it through by Friday" is the
    standard act done faster, and is measured by it; and an act named after the figure
    ("£4.50 for Saturday delivery") is what it measures. ``named`` are the tiers named before
    the quantity (:func:`_tiers_before`).
    """
    if _priced_for(sentence, mention, term):
        return False
    if not named or named & _tiers_named(clause):
        return False
    return any(
        named & _tiers_named(other)
        for other in clauses.values()
        if isinstance(other, Can) and other is not clause
    )


# A thing already made and now mended: "the *corrected* draft", "a *revised* will". Sending it
# again is not the act of making the first one, when that is what the clause's time measures.
_REMADE_BEFORE = regex.compile(
    r"(?i)\b(?:corrected|revised|amended|edited|redone|re-?drafted)\s+$"
)
_REMADE_REACH = 20
# An amount off something: "15% off *your alterations*", "$20 off *the* repair", "half off *a
# second* lesson"; the words between "off" and the term are a determiner and a modifier at most.
_DISCOUNTED_BEFORE = compile_verbose(
    r"""(?:%|\bper\s*cent|\bpercent|\d|\b(?:half|pounds|dollars|euros|quid|bucks))\s+off\s+
        (?:(?:your|the|all|any|each|every|this|that|these|those|our|a|an)\s+)?(?:[a-z-]+\s+)?$""",
    from_end=True,
)
_DISCOUNTED_REACH = 60
# A clause whose act makes the first of something: "prepare the first draft of a will".
_FIRST_ONE = regex.compile(r"(?i)\b(?:first|initial|original)\b")


class _Weighing:
    """Which terms of a sentence one quantity may measure the act of, each weighed once."""

    __slots__ = ("_clauses", "_mention", "_message", "_segment", "_sentence", "_tiers",
                 "_verdicts", "_waived_fee")  # fmt: skip

    def __init__(
        self,
        sentence: SentenceFacts,
        mention: Mention,
        clauses: Mapping[str, Clause],
        segment: SegmentFacts,
        *,
        message: bool,
    ) -> None:
        self._sentence, self._mention, self._clauses = sentence, mention, clauses
        self._segment, self._message = segment, message
        # The fee a waiver names is the one it lets go, worked out once for all the terms.
        self._waived_fee = _waived_fee(sentence, mention)
        self._tiers = _tiers_before(sentence, mention)
        self._verdicts: dict[int, Can | None] = {}

    def candidates(self, looked: range) -> list[tuple[TermMatch, Can, bool]]:
        """The terms (of indices ``looked``) whose clause the quantity may measure.

        Each is the term, its clause, and whether it is in the quantity's own clause.
        """
        terms, segment = self._sentence.terms, self._segment
        return [
            (terms[index], clause, segment.start <= terms[index].start < segment.end)
            for index in looked
            if (clause := self.clause_at(index)) is not None
        ]

    def clause_at(self, index: int) -> Can | None:
        """The clause of the term at ``index``, if the quantity may measure its act."""
        verdicts = self._verdicts
        if index not in verdicts:
            verdicts[index] = self._weigh(index)
        return verdicts[index]

    def _weigh(self, index: int) -> Can | None:
        sentence, mention, clauses = self._sentence, self._mention, self._clauses
        if not _may_name_an_act(sentence, index, clauses):
            return None
        if _set_apart(sentence, mention, index, clauses):
            return None
        term = sentence.terms[index]
        clause = clauses[term.clause]
        if not isinstance(clause, Can):
            return None
        if not _accepts(clause, mention) and not _charged_for(sentence, mention, term):
            return None
        message = self._message
        if message and not is_a_message_act(clause):
            return None
        if self._tiers and _of_a_faster_tier(sentence, mention, term, clause, clauses, self._tiers):
            return None  # "rush is $35 and gets your order printed the next business day"
        at_term = term.start - sentence.start
        if message and _TOPIC_BEFORE.search(sentence.text, max(0, at_term - 30), at_term):
            return None  # "I'll call you on Friday about the results": a call about them
        if _times_of_another_act(mention, clause, term):
            return None  # "charged twice" counts no renewals
        if not isinstance(mention, AmountMention) and _DISCOUNTED_BEFORE.search(
            sentence.text, max(0, at_term - _DISCOUNTED_REACH), at_term
        ):
            # "I can take 15% off your alterations today": what a discount is off is the thing
            # priced, not an act the time measures; the time is the discount's. (Its limit
            # may still be the thing's: "up to 10% off a second rental".)
            return None
        # "R38,400 (after your R2,500 excess)": the nearer amount is the excess.
        segment = self._segment
        between = segment.start <= term.start < segment.end and isinstance(mention, AmountMention)
        if between and _amount_between(sentence, mention, term, skip=self._waived_fee):
            return None
        return clause


def _set_apart(
    sentence: SentenceFacts, mention: Mention, index: int, clauses: Mapping[str, Clause]
) -> bool:
    """Whether the words between them set the term apart from what the quantity measures."""
    term = sentence.terms[index]
    if _added_to(sentence, mention, term):
        return True  # "£30 on top of the call-out": the call-out is another charge
    clause = clauses[term.clause]
    # "the plan pays for repairs up to £1,000 a year": a most, never the plan's price.
    return (
        isinstance(mention, AmountMention)
        and isinstance(clause, Can)
        and clause.costs is not None
        and clause.up_to is None
        and states_a_maximum(sentence.text, mention.start - sentence.start)
    )


def _may_name_an_act(sentence: SentenceFacts, index: int, clauses: Mapping[str, Clause]) -> bool:
    """Whether a term of the sentence may name the act of a quantity, whichever quantity.

    Each term is weighed once, however many of the sentence's quantities it is near.
    """
    verdicts = _term_verdicts(sentence)
    if verdicts.clauses is not clauses:
        verdicts.clauses, verdicts.of = clauses, {}
    verdict = verdicts.of.get(index)
    if verdict is None:
        verdict = verdicts.of[index] = _names_no_other_thing(sentence, index, clauses)
    return verdict


def _names_no_other_thing(
    sentence: SentenceFacts, index: int, clauses: Mapping[str, Clause]
) -> bool:
    """Whether a term of the sentence names an act of its own (see :func:`_may_name_an_act`)."""
    term_index = _term_index(sentence)
    term = sentence.terms[index]
    clause = clauses[term.clause]
    covering = term_index.nested.get(index)
    if covering is not None and isinstance(clauses[covering], Can):
        # "deep cleaning is £90": the deep clean's price, not a standard clean's (inside a
        # term of what can't be done, "clean it today", the act is still a clean).
        return False
    if _modifies_another_noun(sentence, term, clause if isinstance(clause, Can) else None):
        return False  # "credit card", "delivery date": the term names something else
    at_term = term.start - sentence.start
    if (
        isinstance(clause, Can)
        and _FIRST_ONE.search(clause.does)
        and _REMADE_BEFORE.search(sentence.text, max(0, at_term - _REMADE_REACH), at_term)
    ):
        # "the corrected draft will be in your inbox", of a clause that prepares "the first
        # draft": a thing mended is not the first one made ("send a proposal" still times
        # "the revised proposal").
        return False
    if index in term_index.starting:
        # "within 48 hours of delivery": the delivery is when the time starts, and no act
        # the sentence prices ("the re-exam is included at no charge within 60 days of
        # your first visit").
        return False
    # "cancel *for a full refund* any time up to December 16": the cancelling's; and in a
    # clause after it too ("…to cancel for a full refund, so that's up to the 26th").
    return not _purpose_of_another(sentence, sentence.segment_at(term.start), term, clauses)


@attrs.define
class _TermVerdicts:
    """Which terms of one sentence may name an act (:func:`_may_name_an_act`), for a policy.

    Attributes:
        clauses: The policy's clauses the verdicts were reached for.
        of: Each verdict reached so far, by the term's index.
    """

    clauses: Mapping[str, Clause] | None = None
    of: dict[int, bool] = attrs.Factory(dict)


# Kept for the last sentence, whose quantities are attributed one after another.
_term_verdicts: LastOne[SentenceFacts, _TermVerdicts] = LastOne(lambda _: _TermVerdicts())


def _inherited(
    sentence: SentenceFacts,
    mention: Mention,
    segment: SegmentFacts,
    candidates: Sequence[tuple[TermMatch, Can, bool]],
) -> tuple[Can, TermMatch] | None:
    """The clause an earlier clause of the sentence names, when the quantity's own names none."""
    at = mention.start - sentence.start
    earlier = [(t, c) for t, c, _ in candidates if t.end <= segment.start]
    if not earlier or _GERUND_SUBJECT.match(segment.text):
        return None  # "Once your SIM arrives, *activating it* takes 10 minutes": its own act
    if (
        isinstance(mention, (DeadlineMention, DurationMention))
        and _THE_CUSTOMERS_CAUSE.match(segment.text)
        and not _WE_ACT.search(sentence.text, segment.start - sentence.start, at)
    ):
        # "…, you'll get a full refund *since you fly tomorrow*": a cause with the customer
        # as its subject times the customer's own doings, not the act named before it
        # (unless the business's own clause follows it: "since you're here so often I'll…").
        return None
    term, clause = max(earlier, key=lambda tc: tc[0].end)
    if _refused_in(sentence, term):
        # "we can't do same-day delivery as the vans are loaded the night before. if you ring
        # it through it'll be ready to collect in two hours": an act just refused has no time.
        return None
    near = max(segment.start, mention.start - _NEAR_BEFORE) - sentence.start
    if (
        isinstance(mention, (DeadlineMention, DurationMention))
        and (
            _NAMES_A_PAYMENT.search(sentence.text, near, at)
            # Money landing in the account, after a sum the sentence gives: "a £50 goodwill
            # refund, which will reach your card within 3 days" times that sum.
            or (
                _LANDS_IN_AN_ACCOUNT.search(sentence.text, near, at)
                and _first_sum_at(sentence) < mention.start
            )
        )
        and not _MOVES_MONEY.search(f"{clause.does} {' '.join(clause.terms)}")
    ):
        # "…if you stop today, so you'll see one final charge on the 1st", "I've
        # cancelled it, and the deposit will be back in 10 days": a clause that names a charge
        # or a payment of its own times that, not an act a clause before it named, unless
        # that act is the payment ("I've lodged the claim, and the payment will reach
        # you within 3 days").
        return None
    if clause.within is not None and _WINDOW_FOR_IT.search(segment.text):
        return clause, term  # "I've issued a credit, and you'll have 18 months to use it"
    if clause.within is not None and is_window(mention) and _spells_out(sentence, segment, term):
        # "I've extended your cancellation window - you'll have 7 days from today to decide":
        # after a dash or a colon, the window of the act the clause before names.
        return clause, term
    if (
        clause.within is not None
        and is_window(mention)
        and _lengthened_before(sentence, segment, term)
    ):
        # "I've extended your return window, so you'll have 60 days from delivery": the time
        # the customer is given next is the new length of the thing just lengthened.
        return clause, term
    appended = (
        _APPOSITIVE.match(segment.text)
        or _POINTING_PREDICATE.match(segment.text)
        or _after_its_label(sentence, segment)
    ) and _just_before(sentence, segment, term)
    predicate = _after_a_relative_clause(sentence, segment, term)
    # "I've added him as a driver and I won't charge you for it": a waiver is of the act the
    # sentence has just named.
    waived = isinstance(mention, AmountMention) and mention.waived
    charged = _our_charge_for_it(sentence, mention) or _priced_pronoun(sentence, mention)
    if (clause.within is not None or clause.costs is not None) and not (
        appended or predicate or waived or charged
    ):
        return None  # windows and prices are stated with their own words, never inherited
    return clause, term


_FOR_WHAT = regex.compile(r"(?i)\s+for\s+(?:(?:the|your|an?|each|every|one)\s+)?$")
_ITS_OWN_AMOUNT = regex.compile(
    # "…and nail art adds £8", "…and delivery will be $25": the verbs that price a thing,
    # after a phrase that says which one ("parking *at the hotel* is £15", "the clean *of
    # the oven* costs £30").
    r"(?i)(?:\s+(?:to|in|for|from|of|on|at|within)(?:\s+[a-z][\w'-]*){1,3}?)?"
    r"\s*(?:is|are|'s|costs?|comes\s+to|runs?|at|:|adds?(?:\s+(?:on|another))?"
    r"|will\s+be|would\s+be|'ll\s+be)\s+(?:just\s+|only\s+|an?\s+extra\s+)?$"
)


# "…plus $24", "+ £5": the amount is one added to another.
_PLUS_BEFORE = regex.compile(r"(?i)(?:\bplus|\+)\s*$")
# How far before an amount its "plus" is looked for.
_PLUS_REACH = 12
# "$95 plus the travel fee", "£30 + postage": the term after the amount is another addend.
_PLUS_BETWEEN = regex.compile(
    r"(?i)\s*(?:plus|\+)\s+(?:(?:the|a|an|our|your|any|its)\s+)?(?:[\w-]+\s+){0,2}?"
)


def _added_after(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether the term comes after the amount as another addend ("$95 plus the travel fee")."""
    if term.start < mention.end:
        return False
    between = sentence.text[mention.end - sentence.start : term.start - sentence.start]
    return bool(_PLUS_BETWEEN.fullmatch(between))


def _priced_for(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether the amount is followed by "for the <term>" ("$35 for the extension")."""
    if term.start <= mention.end:
        return False
    between = sentence.text[mention.end - sentence.start : term.start - sentence.start]
    return bool(_FOR_WHAT.fullmatch(between))


def _has_its_own_amount(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether a term has an amount of its own besides this one.

    "Your cake is $180 and delivery is $25": delivery's amount comes after it. "Plus $25
    dematting and $15 for nails": dematting's comes just before it.
    """
    index = _amounts(sentence)
    if term.start > mention.end:
        # The first amount (in the sentence's order) from the term's end on decides.
        after = index.first_from[bisect.bisect_left(index.starts, term.end)]
        if after is None:
            return False
        between = sentence.text[term.end - sentence.start : after.start - sentence.start]
        return bool(_ITS_OWN_AMOUNT.fullmatch(between))
    if mention.start <= term.end:
        return False
    # Only spaces and "for the" stand between such an amount and its term: amounts ending
    # further back than any sentence that is not a run-on are not read, so each amount costs
    # the same however long its sentence runs.
    low = bisect.bisect_left(index.ends, term.start - _ATTRIBUTION_REACH)
    for _, other in index.by_end[low : bisect.bisect_right(index.ends, term.start)]:
        between = sentence.text[other.end - sentence.start : term.start - sentence.start]
        if other is not mention and _JUST_BEFORE_ITS_TERM.fullmatch(between):
            return True
    return False


# "$25 dematting", "£40 for the deep clean": an amount just before the term it prices.
_JUST_BEFORE_ITS_TERM = regex.compile(r"(?i)\s+(?:for\s+(?:the|a|an|your)\s+)?")


# Words after an amount that are no noun it describes (see the lexicon), and the nouns of a
# price, which name the act's own price ("a $15 fee", "a $75 admin fee").
_PRICE_NOUNS = frozenset(PRICE_NOUNS)
_NOT_A_DESCRIBED_NOUN = ENGLISH | frozenset(AFTER_AN_AMOUNT) | _PRICE_NOUNS
# How far before a time its own words are looked for (a verb of the past, a charge), so that
# a long sentence costs no more per time.
_NEAR_BEFORE = 120
# A verb of the past before a time: the sentence dates what happened ("it went out on Tuesday").
_REPORTS_THE_PAST = regex.compile(rf"(?i)\b(?:was|were|had|{alternation(PAST_ONLY_VERBS)})\b")
# A charge or payment a clause names as its own: not "at no charge", "free of charge".
_NAMES_A_PAYMENT = regex.compile(
    rf"(?i)\b(?<!\b(?:no|of|without|zero)\s{{1,3}}(?:(?:extra|additional)\s{{1,3}})?)"
    rf"{alternation(PRICE_NOUNS)}\b"
)


def _first_sum(sentence: SentenceFacts) -> float:
    """Where the sentence's first sum of money starts (infinity when it has none)."""
    return min(
        (
            m.start
            for m in sentence.mentions
            if isinstance(m, AmountMention) and isinstance(m.value, Money)
        ),
        default=float("inf"),
    )


# Worked out once for a sentence however many times ask.
_first_sum_at = LastOne(_first_sum)


# Where money paid back lands: "your card", "your bank account", "your statement".
_YOUR_ACCOUNT = r"your\s+(?:bank\s+)?(?:account|card|balance|statement)\b"
# Money arriving where the customer keeps it: "…, which will reach your card within 3
# working days", "it'll be back on your card by Friday".
_LANDS_IN_AN_ACCOUNT = regex.compile(
    rf"(?i)\b(?:in|into|on|to|reach|hit)\s+{_YOUR_ACCOUNT}"
)
# An act that pays or gives money back: its payment is the act itself.
_MOVES_MONEY = regex.compile(
    rf"(?i)\b(?:{alternation(CONCEPTS['refund'])}|pay|pays|paid|payment|compensat\w*|credit\w*"
    r"|deposit|cash\w*)\b"
)


# Nouns for a bound on an amount: "a £2,000 weekly limit", "the $500 cap".
_LIMIT_NOUNS = frozenset(("limit", "limits", "cap", "caps", "allowance", "maximum", "minimum",
                          "threshold"))  # fmt: skip


def _noun_phrase_after(sentence: SentenceFacts, mention: Mention) -> tuple[int, int] | None:
    """The span of the noun phrase a money amount describes, when one follows it.

    "$25 pet-hair removal add-on", "a $50 travel voucher": up to four content words right
    after the amount. None when the amount stands alone ("$30 for the transfer", "£20 back")
    or names a price ("a $15 fee").
    """
    if not isinstance(mention, AmountMention) or not isinstance(mention.value, Money):
        return None
    tokens = sentence.tokens
    index = bisect.bisect_left(tokens, mention.end, key=lambda t: t.start)
    if (
        index == len(tokens)
        or sentence.text[
            mention.end - sentence.start : tokens[index].start - sentence.start
        ].strip()
    ):
        return None  # punctuation between: "$25, which…", "$25 (plus VAT)"
    first = tokens[index]
    if first.lower in _NOT_A_DESCRIBED_NOUN or not first.lower.replace("-", "").isalpha():
        return None
    limit_at = next(
        (i for i in range(index, min(index + 4, len(tokens))) if tokens[i].lower in _LIMIT_NOUNS),
        None,
    )
    between = (
        sentence.text[first.start - sentence.start : tokens[limit_at].start - sentence.start]
        if limit_at is not None
        else ","
    )
    if limit_at is not None and not any(c in between for c in ",;:.()"):
        # "your £2,000 weekly transfer limit": the figure is a limit's, however it is qualified.
        return first.start, tokens[limit_at].end
    if first.lower.endswith("ly"):
        return None  # "$25 only", "£40 monthly"
    if _a_participle_alone(sentence, index):
        return None  # "$40 fitted", "£450 supplied and hung": the price, the act done
    end = index + 1
    while end < len(tokens) and end < index + 4:
        offset = sentence.start
        if sentence.text[tokens[end - 1].end - offset : tokens[end].start - offset].strip():
            break
        if tokens[end].lower in _PRICE_NOUNS:
            return None  # "a $75 admin fee", "the $20 late charge": a price, the act's own
        if tokens[end].lower in _NOT_A_DESCRIBED_NOUN:
            break
        end += 1
    return first.start, tokens[end - 1].end


def _a_participle_alone(sentence: SentenceFacts, index: int) -> bool:
    """Whether the word at ``index`` is a participle with no noun after it ("$40 fitted").

    After a price, a participle that ends its phrase says the price includes the act done
    ("$45 fitted", "£450 supplied and hung"); one before a noun describes the noun
    ("a $25 prepaid card").
    """
    tokens = sentence.tokens
    if not tokens[index].lower.endswith("ed"):
        return False
    following = index + 1
    if following == len(tokens):
        return True
    offset = sentence.start
    gap = sentence.text[tokens[index].end - offset : tokens[following].start - offset]
    return bool(gap.strip()) or tokens[following].lower in ENGLISH


def _spells_out(sentence: SentenceFacts, segment: SegmentFacts, term: TermMatch) -> bool:
    """Whether a segment comes after a dash or a colon that ends the clause naming ``term``."""
    at = sentence.index_of(segment)
    if at == 0:
        return False
    before = sentence.segments[at - 1]
    if not before.start <= term.start < before.end:
        return False
    between = sentence.text[before.end - sentence.start : segment.start - sentence.start]
    return any(mark in between for mark in (":", "\u2013", "\u2014", " - "))


# A verb that lengthens the thing it governs, with up to three words before that thing's
# name: "extended *your* cooling-off period", "I'll stretch *the free* re-clean window".
_LENGTHENED = regex.compile(
    r"(?i)\b(?:extend|stretch|lengthen|prolong)(?:s|ed|ing)?\s+(?:for\s+you\s+)?(?:[\w'-]+\s+){0,3}$"
)


_SO = regex.compile(r"(?i)so\b")


def _lengthened_before(sentence: SentenceFacts, segment: SegmentFacts, term: TermMatch) -> bool:
    """Whether the clause before lengthens ``term``'s thing and this one gives the customer time.

    "I've extended your gift card, so you'll have 18 months from purchase": the clause right
    before names the thing as the object of "extend", and this one, opening with "so", gives
    the customer a time of their own ("you'll have", "I'll give you").
    """
    at = sentence.index_of(segment)
    if at == 0 or not _CUSTOMER_HAS.search(segment.text):
        return False
    before = sentence.segments[at - 1]
    if not before.start <= term.start < before.end:
        return False
    # "…, so you'll have": what the lengthening leads to ("…, and you have 5 days to pay the
    # balance" adds another time).
    if not _SO.match(segment.text):
        return False
    start = max(before.start, term.start - _LOOK_BACK) - sentence.start
    return _LENGTHENED.search(sentence.text, start, term.start - sentence.start) is not None


def _after_its_label(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether a segment is the value after a label and its colon ("Pickup & delivery: free").

    The label is the whole clause before the colon, a few words long, with no verb of its
    own: a line of a Markdown list or a form.
    """
    at = sentence.index_of(segment)
    if at == 0:
        return False
    label = sentence.segments[at - 1]
    between = sentence.text[label.end - sentence.start : segment.start - sentence.start]
    return ":" in between and at == 1 and len(label.text.split()) <= 4 and label.mood == "statement"


def _in_condition(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether a segment is a condition, or joined by "and"/"or" to the condition before it."""
    return _segments(sentence).in_condition[sentence.index_of(segment)]


# A threshold an order or a spend is measured against: "orders over €40", "as the order was
# under €40", "if you spend more than $50".
_THRESHOLD_BEFORE = regex.compile(
    r"(?i)\b(?:order|orders|basket|baskets|spend|spends|spending|purchase|purchases|total|bill"
    r"|subtotal|cart|carts)\b[^.,;!?]{0,20}?\b(?:over|under|above|below|more\s+than|less\s+than"
    r"|at\s+least|exceeding|of\s+at\s+least)\s*$"
)
# A day's possessive and the noun phrase after it: "Thursday's nursery delivery".
_POSSESSIVE_AFTER = regex.compile(r"'s(?:\s+[\w-]+){1,3}")
# A whole that a part before it is taken from: "we can cover $150 *of the* $180", "80% of the
# £200", "the rest of your £90". (A refund "of the $180" is no part: a part is named first.)
_WHOLE_BEFORE = regex.compile(
    r"(?i)(?:[\d%]|\b(?:half|part|most|some|all|rest|balance|remainder|portion))"
    r"\s+(?:out\s+)?of\s+(?:the|your|that|this|their|his|her)\s+$"
)
# How far back a cue before a figure is looked for: enough for a few words, and a bound, so
# that a sentence of thousands of figures costs time in proportion to its length.
_LOOK_BACK = 60
# Opening hours before a time: "(open until 4pm today)", "we close at 6", "opens at 9am".
# A sum just before a day: "your total today", "the balance due on Friday".
_SUM_BEFORE = regex.compile(
    r"(?i)\b(?:total|subtotal|balance|bill|amount|sum)(?:\s+(?:due|payable|owed|owing))?"
    r"(?:\s+(?:on|by))?\s+$"
)

_OPENING_HOURS = regex.compile(
    r"(?i)\b(?:open|opens|opening|closes?|closing|closed)\s+(?:(?:until|till|til|at|from|by|on)\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s+)?$"
)


# Someone there now, for a time: "she's in today until 17:00", "I'm around till 6", "we're
# here from 9am" (not "I'll be in on Monday to fix it": what is done then).
_PRESENT_NOW = regex.compile(
    r"(?i)\b(?:she|he|they|i|we)(?:'s|'re|'m|\s+is|\s+are|\s+am)\s+"
    r"(?:in|here|around|about|on\s+shift|at\s+work|in\s+the\s+office)\s+"
    r"(?:(?:until|till|til)\s+)?$"
)
# ...for as long as a bound says: "in today *until* 17:00" (not "she's in tomorrow and will
# call you", when she acts).
_UNTIL = regex.compile(r"(?i)\b(?:until|till|til)\b")


def _says_when_open(sentence: SentenceFacts, mention: Mention) -> bool:
    """Whether a deadline says when a place is open or someone is there.

    "we're open until 6 tonight", "she's in today until 17:00": no act's time.
    """
    if not isinstance(mention, DeadlineMention):
        return False
    at = mention.start - sentence.start
    before = sentence.text[max(0, at - _LOOK_BACK) : at]
    if _OPENING_HOURS.search(before):
        return True
    end = mention.end - sentence.start
    bounded = _UNTIL.search(before[-8:]) or _UNTIL.search(sentence.text, at, end)
    return bool(bounded and _PRESENT_NOW.search(before))


# A window given for using what was just named: "you'll have 18 months to use it", "you have
# 30 days to return them".
_WINDOW_FOR_IT = regex.compile(
    r"(?i)\b(?:have|get|got|give|giving|allow|allowing)\s+[^,;]{1,30}?\s+to\s+[a-z]+\s+(?:it|them|this|that)\b"
    # Holding the thing just named: "I've put a reservation on the unit and we'll hold it for
    # you for 21 days".
    r"|\b(?:hold|held|keep|kept|reserve|save|saved)\w*\s+(?:it|them|this|that)\s+(?:for\s+you\s+)?(?:for|until)\b"
    # Lengthening the thing just named: "our warranty is 12 months, but I'll extend *it* to 18
    # months", "the cut-off is 48 hours, but I'll stretch it to 24 hours for you".
    r"|\b(?:extend|stretch|lengthen|push|bump)\w*\s+(?:it|them|this|that|yours)\s+(?:out\s+|up\s+)?to\b"
)


# The customer is given a time: "you'll have 60 days", "you have 14 days", "you get a week",
# "I'll give you 30 days".
_CUSTOMER_HAS = regex.compile(
    r"(?i)\byou(?:'ll|\s+will)?\s+(?:still\s+|now\s+)?(?:have|get)\b"
    r"|\b(?:i|we)(?:'ll|\s+will|'ve|\s+have|\s+can)?\s+(?:give|given|allow|allowed)\s+you\b"
)


_YOU_CAN = regex.compile(r"(?i)^\W*(?:then\s+)?you\s+(?:can|could|may|are\s+free\s+to)\b")
# A joining word cut off as a clause of its own ("…to decide, *and* if it isn't for you, …").
_JOINTS = frozenset({"and", "but", "or", "so", "then"})


def _act_after_its_window(
    sentence: SentenceFacts, segment: SegmentFacts, candidates: list[tuple[TermMatch, Can, bool]]
) -> tuple[Can, TermMatch] | None:
    """The act a window given to the customer leads to, promised in the next clause.

    "You'll have 60 days to tell us if anything's wrong, and we'll reprint it free": the 60
    days are the reprint's window, as "I've issued a credit, and you'll have 18 months to use
    it" gives the credit's. Only a clause with a window of its own takes one, and only when
    the next clause is the business's commitment.
    """
    if not _CUSTOMER_HAS.search(segment.text):
        return None
    segments = sentence.segments
    at = sentence.index_of(segment)
    # "…30 days to decide, and if it isn't for you, you can cancel": past the condition.
    first = _segments(sentence).next_main[at + 1]
    if first == len(segments):
        return None
    following = segments[first]
    conditioned = first != at + 1
    # The business's promise, or the result the window leaves the customer ("I'll give you
    # 30 days, so you can still cancel your ticket"), or what they can do in the case named
    # ("…, and if it isn't for you, you can cancel your membership").
    if (
        following.mood != "future"
        and not states_a_result(following.text)
        and not (conditioned and (following.mood == "offer" or _YOU_CAN.match(following.text)))
    ):
        return None
    for term, clause, _ in sorted(candidates, key=lambda tc: tc[0].start):
        if following.start <= term.start < following.end and clause.within is not None:
            return clause, term
    return None


# The business's own charge for an act is that act's price, a sum though it is: "I've only
# charged $10 *for the transfer*", "we charged you £5 for the delivery".
_WE_CHARGED = regex.compile(
    r"(?i)\b(?:(?:i|we)(?:'ve|\s+have)?|and)\s+(?:only\s+|just\s+)?charged(?:\s+you)?(?:\s+(?:only|just))?\s*$"
)
_FOR_THE = regex.compile(r"(?i)^\s*for\s+(?:the|your|a|an|this|that)\s+$")


def _charged_for(sentence: SentenceFacts, mention: Mention, term: TermMatch) -> bool:
    """Whether the amount is what the business charged for the act ``term`` names."""
    if not isinstance(mention, AmountMention) or isinstance(mention.value, (Percent, Count)):
        return False
    if term.end <= mention.start:
        return _our_charge_for_it(sentence, mention)
    if not mention.aggregate or term.start < mention.end:
        return False
    offset = sentence.start
    return bool(
        _WE_CHARGED.search(sentence.text, 0, mention.start - offset)
        and _FOR_THE.match(sentence.text[mention.end - offset : term.start - offset])
    )


# What the business charges, said after the act it charges for: "I've booked you a late
# pickup and I'll only charge £10", "I've upgraded you to express and charged just $5 for it".
_WE_CHARGE = regex.compile(
    r"(?i)\b(?:(?:i|we)(?:'ll|\s+will|'ve|\s+have|'d|\s+would|\s+can|\s+could)?|and)"
    r"\s+(?:only\s+|just\s+)?(?:charge|charged|bill|billed)(?:\s+you)?(?:\s+(?:only|just))?\s*$"
)
# ...and names nothing else as what it is for: "for it", or no "for" at all ("…charged $30
# for the shipping label" prices the label).
_FOR_SOMETHING_ELSE = regex.compile(r"(?i)\s*(?:for|on)\s+(?!(?:it|that|this|them)\b)")


# A price given to a pronoun that points back to the thing just named: "I've put a lock aside,
# and I'll let you have *it for* $15", "we can do *them for* £40".
_IT_FOR = regex.compile(r"(?i)\b(?:it|them|one|both)\s+(?:to\s+you\s+)?for\s+(?:just\s+|only\s+)?$")


def _priced_pronoun(sentence: SentenceFacts, mention: Mention) -> bool:
    """Whether an amount is the price of "it", the thing the sentence named before."""
    if not isinstance(mention, AmountMention) or isinstance(mention.value, (Percent, Count)):
        return False
    offset = sentence.start
    return bool(
        _IT_FOR.search(sentence.text, max(0, mention.start - offset - 30), mention.start - offset)
    )


def _our_charge_for_it(sentence: SentenceFacts, mention: Mention) -> bool:
    """Whether the amount is the business's charge for the act the sentence named before it."""
    offset = sentence.start
    return bool(
        _WE_CHARGE.search(
            sentence.text, max(0, mention.start - offset - _LOOK_BACK), mention.start - offset
        )
        and not _FOR_SOMETHING_ELSE.match(sentence.text, mention.end - offset)
    )


# A predicate with no subject of its own: "costs $99", "takes 3 days", "is €15".
_PREDICATE = regex.compile(
    r"(?i)^\W*(?:costs?|is|are|takes?|runs?|comes?\s+to|lasts?|gives?\s+you|allows?)\b"
)
_RELATIVE_OPENER = regex.compile(r"(?i)^\W*(?:which|who|that)\b")


def _after_a_relative_clause(
    sentence: SentenceFacts, segment: SegmentFacts, term: TermMatch
) -> bool:
    """Whether the clause is the predicate of a subject a relative clause interrupted.

    "White glove delivery, which brings the piece to your room, costs $99": the price is
    the subject's, the term just before the relative clause.
    """
    if not _PREDICATE.match(segment.text):
        return False
    at = sentence.index_of(segment)
    if at < 2 or not _RELATIVE_OPENER.match(sentence.segments[at - 1].text):
        return False
    subject = sentence.segments[at - 2]
    same = _term_index(sentence).by_clause.get(term.clause, _NO_SPANS)
    return same.any_between(subject.start, subject.end)


# A clause whose subject is a gerund names its own act ("activating it takes about 10
# minutes", "setting it up takes an hour"). Words in -ing that are not verbs don't count.
# A clause of cause whose subject is the customer: "since you fly tomorrow", "as you're
# away until Monday", "because your flight leaves on Friday" (CGEL ch. 8, reason adjuncts).
_THE_CUSTOMERS_CAUSE = regex.compile(
    r"(?i)\W*(?:since|because|as|cos|coz)\s+(?:you\b|you're\b|your\s+(?:[\w-]+\s+){0,2}?[\w-]+"
    r"\s+(?:is|are|was|were|leaves?|lands?|flies|starts?|ends?)\b)"
)
_WE_ACT = regex.compile(r"(?i)\b(?:i|we)(?:'ll|'d|'m|'re|'ve|\s+\w+)\b")
_GERUND_SUBJECT = regex.compile(
    r"\W*(?:and\s+|but\s+|so\s+|then\s+|just\s+)?(?!(?:nothing|something|anything|everything"
    r"|morning|evening|during|including|according|regarding|pending|following|thing|things"
    # "…, meaning before the weekend": a participle that links a conclusion, not a subject.
    r"|meaning"
    r"|bring|spring|string|ring|king|wing|sing|ceiling|building|clothing|booking|shipping"
    r"|packaging|pricing|housing|parking|listing|setting|settings|meeting|wedding|training"
    r"|cleaning|heating|flooring|lighting|seating|plumbing|billing)\b)[a-z]{2,}ing\b",
    regex.IGNORECASE,
)


# A clause with no verb that adds a figure to the one before: "I've added late checkout,
# just €15", "we can do it, for $20", "a 60-day window, no questions asked".
_APPOSITIVE = regex.compile(
    r"(?i)^\W*(?:just|only|for|at|from|up\s+to|all|that's|which\s+is|costing|priced\s+at)?\s*"
    r"(?:[$€£]|\d)[^\s]*(?:\s+\S+){0,3}\W*$"
    # ...or that it costs nothing: "I've set you up for early arrival, no charge".
    r"|^\W*(?:and\s+)?(?:no\s+charge|free(?:\s+of\s+charge)?|at\s+no\s+(?:extra\s+)?(?:cost|charge)"
    r"|on\s+the\s+house|complimentary)\W*$"
    # ...or names the day again: "tomorrow afternoon, Wednesday the 11th", "by Friday, that's
    # 12 December".
    rf"|^\W*(?:that's|that\s+is|which\s+is|i\.e\.|so|on)?\s*(?:{WEEKDAY}\W*)?"
    rf"(?:(?:the\s+)?{MONTH_DAY}(?:\s+(?:of\s+)?{MONTH})?|{MONTH}\s+{MONTH_DAY}|(?<={WEEKDAY}\W*))\W*$"
)


# A clause whose subject points to the thing just named, with a verb of price or time: "you'll
# want Roam Pass, *it's £4 a day*", "try the express wash, that costs $12".
_POINTING_PREDICATE = regex.compile(
    r"(?i)^\W*(?:and\s+)?(?:it|that|this|they)(?:'s|'re|\s+is|\s+are|\s+costs?|\s+comes\s+to"
    r"|\s+takes?|\s+runs?|(?:'ll|\s+will|'d|\s+would)\s+(?:be|cost|come\s+to|take))"
    r"\s+(?:just\s+|only\s+)?(?:[$€£]|\d|a\s|an\s|one\s|two\s|three\s|free\b)"
)


def is_appositive(text: str) -> bool:
    """Whether a clause only adds a figure to the one before ("just €15", "for $20")."""
    return bool(_APPOSITIVE.match(text))


def _just_before(sentence: SentenceFacts, segment: SegmentFacts, term: TermMatch) -> bool:
    """Whether ``term`` is in the clause right before ``segment``."""
    segments = sentence.segments
    at = sentence.index_of(segment)
    return at > 0 and segments[at - 1].start <= term.start < segments[at - 1].end


# Nouns that, right after a term, make the term describe them rather than name the act:
# "credit card", "delivery date", "refund policy" (see the lexicon).
HEAD_NOUNS = frozenset(stem(w) for w in COMPOUND_HEADS)


# Nouns for a span of time: after a term they name the clause's own window when the clause
# has one ("the return window"), and another thing when it has none ("a delivery window").
_SPAN_HEADS = frozenset(stem(w) for w in ("window", "period", "slot", "deadline"))


def names_another_thing(sentence: SentenceFacts, term: TermMatch, clause: Can | None) -> bool:
    """Whether a one-word term only describes the noun after it ("the refund confirmation").

    Then the term does not name the act: "I'll send you the refund confirmation" promises a
    document, not a refund. See ``COMPOUND_HEADS`` in the lexicon.

    Args:
        sentence: The term's sentence.
        term: A term of the policy in it.
        clause: The `can` clause the term belongs to, if it is one.
    """
    return _modifies_another_noun(sentence, term, clause)


def is_a_participle_before_a_noun(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether a one-word term is a participle describing the noun after it.

    After a determiner, "a *returning* customer", "the *cancelled* flight", "our *upgraded*
    rooms" name a kind of customer, flight or room (CGEL ch. 14 §4.3), not the act of
    returning, cancelling or upgrading; "returning the book" and "the wiring" are the act.

    Args:
        sentence: The term's sentence.
        term: A term of the policy in it.
    """
    if term.first_token != term.last_token or term.first_token == 0:
        return False
    tokens = sentence.tokens
    word = tokens[term.last_token].lower
    index = term.last_token + 1
    if index >= len(tokens) or not word.endswith(("ing", "ed")):
        return False
    following = tokens[index].lower
    previous = tokens[term.first_token - 1].lower
    # A word in "-ing" after "the" is mostly the act named as a noun ("the wiring", "get the
    # siding done"); after "a" it describes ("a returning customer", "a cleaning product").
    determiners = _DETERMINERS if word.endswith("ed") else _INDEFINITE
    return (
        previous in determiners
        and following.isalpha()
        and not following.endswith(("ed", "ing"))
        and following not in _NOT_NOUNS
        and following not in ENGLISH
    )


_INDEFINITE = frozenset({"a", "an"})


def _modifies_another_noun(
    sentence: SentenceFacts, term: TermMatch, clause: Can | None = None
) -> bool:
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
    if following.stem in HEAD_NOUNS:
        return True
    if following.stem in _SPAN_HEADS and clause is not None and clause.within is None:
        return True  # "the delivery window": a span of time, not the delivery's own window
    names_a_noun = following.lower.isalpha() and following.lower not in _NOT_NOUNS
    if word.endswith("'s"):
        # "the installer's window", not "the rider's (has) just…" or "refund's (is) done".
        return (
            names_a_noun
            and not following.lower.endswith("ed")
            and (following.lower not in _STATES_AFTER_IS)
        )
    previous = tokens[term.first_token - 1].lower if term.first_token else ""
    return (
        word.endswith("ed")
        and previous in _DETERMINERS
        and names_a_noun
        and not _made_ready(tokens, index)
    )


def _made_ready(tokens: Sequence[Token], noun: int) -> bool:
    """Whether the noun after a participle is said to be, or to come, ready or done.

    "your repaired bike will be ready by Friday" times the repair: the thing is ready when
    the act its participle names is done. "your repaired bike is in the shop" times nothing.
    """
    at = noun + 1
    if at < len(tokens) and tokens[at].lower in _READY_LINKS:
        at += 1
    elif not tokens[noun].lower.endswith("'ll"):  # "the printed cards'll be ready"
        return False
    # "will be ready", "should all be done", "are all finished"
    while at < len(tokens) and tokens[at].lower in ("be", "all"):
        at += 1
    return at < len(tokens) and tokens[at].lower in _READY


# What links a thing to its being ready: a modal before "be", or "be" itself.
_READY_LINKS = frozenset({"will", "should", "would", "shall", "is", "are"})
# States that say the work on a thing is finished (CGEL ch. 7: predicative adjectives).
_READY = frozenset({"ready", "done", "finished", "complete", "completed"})


# What "'s" for "is" is followed by: "the refund's done", "your order's through"; the
# adverbs that come between "is" and its figure (CGEL ch. 6): "parking's only £10", "the fee's
# usually $25", "delivery's about 3 days"; and an article or "not", which no possessive takes
# ("postage's a flat £3.50", "the deposit's the same", "the upgrade's not free").
_STATES_AFTER_IS = frozenset(
    {"done", "sorted", "complete", "through", "underway", "pending", "being", "on", "back", "all",
     "only", "usually", "normally", "typically", "generally", "always", "currently", "also",
     "about", "around", "roughly", "approximately", "a", "an", "the", "not", "just", "still",
     "now"}
)  # fmt: skip
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
    return linked and words[-2] in HEAD_NOUNS


_DETERMINERS = frozenset({"the", "a", "an", "your", "our", "my", "this", "that"})


def _amount_between(
    sentence: SentenceFacts, mention: Mention, term: TermMatch, skip: Mention | None = None
) -> bool:
    """Whether another amount (not ``skip``) stands between a quantity and the term, claiming it.

    Only an amount of the same kind claims the term: in "your tasting for the two of you
    plus 5 guests", the count of people is not a count of guests.
    """
    if not isinstance(mention, AmountMention):
        return False
    low, high = (
        sorted((mention.end, term.start))
        if term.start >= mention.end
        else (term.end, mention.start)
    )
    # The sentence's amounts of this kind are found by bisection: a scan of them all, for
    # each amount and each term near it, was cubic in a sentence of thousands of amounts.
    starts, amounts = _amounts(sentence).by_kind.get(_kind_of(mention), ((), ()))
    for at in range(bisect.bisect_left(starts, low), bisect.bisect_left(starts, high)):
        if amounts[at] is not mention and amounts[at] is not skip:
            return True  # at most two are passed over: the amount itself and the skipped one
    return False


def _same_kind(one: AmountMention, other: Mention) -> bool:
    """Whether two amounts measure the same thing: money and money, or counts of one noun."""
    if not isinstance(other, AmountMention) or type(one.value) is not type(other.value):
        return False
    if isinstance(one.value, Count) and isinstance(other.value, Count):
        return one.value.noun == other.value.noun
    return True


def _kind_of(amount: AmountMention) -> tuple[type, str | None]:
    """What an amount measures, as a key: amounts of one key are of one kind (see above)."""
    value = amount.value
    return type(value), value.noun if isinstance(value, Count) else None


@attrs.frozen
class _AmountIndex:
    """A sentence's amounts, ordered by where they start and end, found once per sentence.

    Attributes:
        by_kind: For each kind of amount (:func:`_kind_of`), where each starts and the
            amounts, ordered by start.
        starts: Where each amount starts, in order.
        by_start: The amounts in that order.
        places: Where each of them stands in :attr:`SentenceFacts.mentions`.
        first_from: ``first_from[i]`` is the amount of ``by_start[i:]`` that comes first in
            :attr:`SentenceFacts.mentions`, or None for ``i`` past the last.
        ends: Where each amount ends, in order.
        by_end: The amounts in that order, each with its place in the sentence's mentions.
    """

    by_kind: Mapping[tuple[type, str | None], tuple[tuple[int, ...], tuple[AmountMention, ...]]]
    starts: tuple[int, ...]
    by_start: tuple[AmountMention, ...]
    places: tuple[int, ...]
    first_from: tuple[AmountMention | None, ...]
    ends: tuple[int, ...]
    by_end: tuple[tuple[int, AmountMention], ...]


def _index_amounts(sentence: SentenceFacts) -> _AmountIndex:
    placed = [(m, at) for at, m in enumerate(sentence.mentions) if isinstance(m, AmountMention)]
    by_start = sorted(placed, key=lambda ma: ma[0].start)
    grouped: dict[tuple[type, str | None], list[AmountMention]] = {}
    for amount, _ in by_start:
        grouped.setdefault(_kind_of(amount), []).append(amount)
    # The first in the sentence's order of those from each place on, built from the end.
    first_from: list[AmountMention | None] = [None] * (len(by_start) + 1)
    best: tuple[AmountMention, int] | None = None
    for i in range(len(by_start) - 1, -1, -1):
        if best is None or by_start[i][1] < best[1]:
            best = by_start[i]
        first_from[i] = best[0]
    by_end = sorted(placed, key=lambda ma: ma[0].end)
    return _AmountIndex(
        {
            kind: (tuple(a.start for a in amounts), tuple(amounts))
            for kind, amounts in grouped.items()
        },
        tuple(m.start for m, _ in by_start),
        tuple(m for m, _ in by_start),
        tuple(at for _, at in by_start),
        tuple(first_from),
        tuple(m.end for m, _ in by_end),
        tuple((at, m) for m, at in by_end),
    )


# Worked out once for a sentence however many amounts it has.
_amounts = LastOne(_index_amounts)


# "waive *the* $99 relocation fee": the words between a waiver and the fee it lets go.
_TO_THE_FEE = regex.compile(r"(?i)\s+(?:the|your|that|this|its|their|our)\s+")


def _waived_fee(sentence: SentenceFacts, mention: Mention) -> Mention | None:
    """The amount a waiver lets go, right after it ("I'll waive *the $99* relocation fee").

    That amount is what is waived, not another charge standing between the waiver and the act.
    """
    if not (isinstance(mention, AmountMention) and mention.waived):
        return None
    # Only "the" or "your" stands between them: amounts starting further on than any
    # sentence that is not a run-on are not read. Of those within reach, the first in the
    # sentence's order is the one.
    index = _amounts(sentence)
    first = bisect.bisect_left(index.starts, mention.end)
    last = bisect.bisect_right(index.starts, mention.end + _ATTRIBUTION_REACH)
    near = sorted(range(first, last), key=lambda at: index.places[at])
    return next(
        (
            index.by_start[at]
            for at in near
            if _TO_THE_FEE.fullmatch(
                sentence.text[
                    mention.end - sentence.start : index.by_start[at].start - sentence.start
                ]
            )
        ),
        None,
    )


_POINTS_BACK = regex.compile(
    r"(?i)^\W*(?:it|they|this|that|these|those)\b"
    # "You'll see it back in your account…": what the customer receives is the thing before.
    r"|\byou(?:'ll|\s+will|\s+should)\s+(?:see|get|have|receive|find)\s+(?:it|them|this|that)\b"
    # "We'll have it back on your card within 5 days", "I'll refund it by Friday": money given
    # back is the thing before. ("We can have it done next week" may be another thing's
    # doing, and "I'll process it today" starts what may take longer.)
    r"|\b(?:i|we)(?:'ll|\s+will|'d|\s+would|\s+can|\s+should)\s+"
    r"(?:(?:have|get|send|put|pay)\s+(?:it|them)\s+back|refund\s+(?:it|them))\b"
)


def from_previous(
    reply: ReplyFacts, sentence: SentenceFacts, mention: Mention, clauses: Mapping[str, Clause]
) -> tuple[Can, TermMatch] | None:
    """The clause of the sentence before, when this one names none but points back to it.

    "I've processed your refund. It will be credited within 3 working days." "I've started
    your refund. You'll see the $73 back on your card by December 10."
    """
    if sentence.index == 0:
        return None
    if isinstance(mention, AmountMention):
        return _price_said_of_the_act_before(reply, sentence, mention, clauses)
    if not isinstance(mention, (DurationMention, DeadlineMention)):
        return None
    if takes_a_third_party(sentence, mention) or _says_when_open(sentence, mention):
        return None  # "…and we're open until 6 tonight": no act's time
    message = times_a_message(sentence, mention)
    # The rest asks of the time only whether it is a message's, a length, and a window (any
    # clause with a `takes` accepts a time): it is worked out once for each such kind of time
    # in the sentence, not again for each of thousands of times.
    kind = (message, isinstance(mention, DurationMention), is_window(mention))
    return reply.memo.get(
        _FROM_PREVIOUS,
        (sentence.index, *kind),
        lambda: _act_before(reply, sentence, mention, clauses, message=message),
    )


# The act before a time, by the sentence's index and the kind of time (a message's, a
# length, a window).
_FROM_PREVIOUS: Stage[tuple[int, bool, bool, bool], tuple[Can, TermMatch] | None] = Stage(
    "act from a previous sentence"
)


def _act_before(
    reply: ReplyFacts,
    sentence: SentenceFacts,
    mention: DurationMention | DeadlineMention,
    clauses: Mapping[str, Clause],
    *,
    message: bool,
) -> tuple[Can, TermMatch] | None:
    """What :func:`from_previous` gives a time, once it is known to be no other party's."""
    heading = _heading_of_list(reply, sentence)
    if heading is not None:
        # "Here's how our re-clean works: 1. Let us know within 72 hours…": an item of a list
        # is about what its heading names.
        for term in reversed(heading.terms):
            clause = clauses[term.clause]
            if not isinstance(clause, Can):
                continue
            if clause.within is not None and isinstance(mention, DurationMention):
                return clause, term
            if clause.takes is not None and not is_window(mention):
                return clause, term
        return None
    if sentence.terms:
        return None
    points_back = _points_back(sentence)
    commits = any(s.mood in ("future", "receive") for s in sentence.segments)
    previous = reply.sentences[sentence.index - 1]
    for term in reversed(previous.terms):
        clause = clauses[term.clause]
        if _refused_in(previous, term):
            # "Sorry, we can't do same-day delivery… It'll be ready to collect in two hours":
            # an act just refused has no time; the one after is the alternative's.
            continue
        if message and not is_a_message_act(clause):
            continue  # "I'll let you know by Friday": the message's time, not the act's
        if (
            isinstance(clause, Can)
            and clause.within is not None
            and ((points_back and is_window(mention)) or _WINDOW_FOR_IT.search(sentence.text))
        ):
            # "Text PAC to 65075. It stays valid for 60 days." "Our warranty is 12 months. I'll
            # extend it to 18 months for you."
            return clause, term
        if not (isinstance(clause, Can) and clause.takes is not None and _accepts(clause, mention)):
            continue
        # Without an "it", the sentence must speak of the clause's act in its own words.
        if points_back or (
            commits and content_stems(list(sentence.tokens)) & act_stems(clause)
        ):
            return clause, term
    return None


def _refused_in(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether the clause holding a term refuses it ("we can't do same-day delivery")."""
    return find_refusal(sentence.segment_at(term.start).text) is not None


# A customer asking for haste: "please hurry", "it's urgent", "as soon as possible".
_URGES_HASTE = regex.compile(
    r"(?i)\b(?:hurry|asap|a\.s\.a\.p|as\s+soon\s+as\s+(?:possible|you\s+can)|urgent(?:ly)?"
    r"|right\s+away|straight\s+away|immediately)\b"
)


# A clause whose act is taking money off a price: "give a loyalty discount", "reduce the
# price of a car", "take money off for cash".
_TAKES_MONEY_OFF = regex.compile(r"(?i)\b(?:discount\w*|off|reduc\w*|knock\w*|markdown)\b")
_OFF_WORD = regex.compile(r"(?i)\boff\b")


def _money_off_caps(clauses: Mapping[str, Clause]) -> tuple[Can, ...]:
    """The `can` clauses with a limit whose act is taking money off a price."""
    return tuple(
        c
        for c in clauses.values()
        if isinstance(c, Can)
        and c.up_to is not None
        and _TAKES_MONEY_OFF.search(f"{c.does} {' '.join(c.terms)}")
    )


# Worked out once for a policy however many sums ask.
_caps_on_money_off = LastOne(_money_off_caps)


def to_the_one_discount(
    sentence: SentenceFacts, mention: Mention, clauses: Mapping[str, Clause]
) -> tuple[Can, TermMatch] | None:
    """The policy's one cap on money off, for a sum taken off in a sentence that names no act.

    "Order today and I can do £60 off", "£500 off, so £9,500": a sum *off* is a
    discount in any words. When the policy caps exactly one act of taking money off, with a
    limit of the sum's kind, the sum is that act's; with none or several, which one it comes
    under is not known. The word "off" stands as the term that names it.

    Args:
        sentence: The sentence the sum is in.
        mention: The sum.
        clauses: The policy's clauses by id.
    """
    if not isinstance(mention, AmountMention) or sentence.terms:
        return None
    if not is_taken_off(sentence.text, mention.end - sentence.start):
        return None
    caps = [c for c in _caps_on_money_off(clauses) if _accepts(c, mention)]
    if len(caps) != 1:
        return None
    off = _OFF_WORD.search(sentence.text, mention.end - sentence.start)
    assert off is not None  # is_taken_off found it
    start, end = sentence.start + off.start(), sentence.start + off.end()
    index = next(
        (i for i, t in enumerate(sentence.tokens) if t.start >= start), len(sentence.tokens) - 1
    )
    return caps[0], TermMatch(caps[0].id, "off", start, end, index, index)


def from_the_question(
    reply: ReplyFacts,
    sentence: SentenceFacts,
    mention: Mention,
    clauses: Mapping[str, Clause],
    *,
    reply_names_an_act: bool,
) -> tuple[Can, TermMatch] | None:
    """The clause the customer asked the time of, when the reply names none in its own words.

    "How fast is wash and fold?" - "drop them off this morning and they'll be ready by 6pm";
    "Dropped my comforter off for dry cleaning. When can I get it back?" - "Your comforter
    will be ready Saturday". Only for a time promised (not stated, not done), when the
    customer asked when, and named one act that takes time, and the reply names no act of
    the policy at all: otherwise the time may be another thing's. A window ("it's valid for 6
    months") may be stated too, when the sentence points back with "it" and the customer
    named one act with a window.
    """
    customer = reply.customer
    if customer is None or not isinstance(mention, (DurationMention, DeadlineMention)):
        return None
    if takes_a_third_party(sentence, mention):
        return None
    message = times_a_message(sentence, mention)
    if reply_names_an_act:  # any(s.terms for s in reply.sentences), worked out once
        return None
    segment = sentence.segment_at(mention.start)
    if segment.negated or segment.condition:
        return None
    window = is_window(mention)
    # What the customer asked, and which acts they named, are read once for the reply, and
    # whether the sentence points back once for it: a reply of thousands of times asks of
    # each.
    asked_when, urges_haste = _asks_when(reply, customer)
    # Asking for haste asks when: "Locked out with my toddler inside, please hurry!" - "A
    # technician will be there in 20 minutes" times the call-out.
    if not (asked_when or (not window and urges_haste)):
        return None
    if window:
        # "How long is the dive credit valid?" - "it's valid for 6 months": the window of what
        # was asked about, stated or promised, when the sentence points back to it.
        if not _points_back(sentence):
            return None
    elif segment.mood not in ("future", "receive") and not (
        segment.mood == "statement"
        and isinstance(mention, DurationMention)
        and not reply.memo.get(
            _HAS_A_CONDITION, sentence.index, lambda: any(g.condition for g in sentence.segments)
        )
    ):
        # A length stated in answer ("How long does an install take?" - "Usually 2-3
        # weeks") is the asked act's too; a day stated may be anything's ("we're in on
        # Friday"), and a length after an event ("when the crew arrives, most homes are done
        # in a day") counts from that event, not from now.
        return None
    return reply.memo.get(
        _ASKED_ABOUT,
        (message, window),
        lambda: _asked_about(customer, clauses, message=message, window=window),
    )


# Whether the customer asks when and urges haste; and the one timed act they asked about, by
# whether the time is a message's and whether it is a window.
_ASKS_WHEN: Stage[None, tuple[bool, bool]] = Stage("customer asks when")
_ASKED_ABOUT: Stage[tuple[bool, bool], tuple[Can, TermMatch] | None] = Stage(
    "timed act asked about"
)
# Whether a sentence has a clause of condition, by its index: asked once for the sentence,
# however many lengths it states.
_HAS_A_CONDITION: Stage[int, bool] = Stage("sentence has a condition")


def _asks_when(reply: ReplyFacts, customer: CustomerFacts) -> tuple[bool, bool]:
    """Whether the customer asks when, and whether they urge haste ("please hurry")."""
    return reply.memo.once(
        _ASKS_WHEN,
        lambda: (
            any(q.kind == "time" for q in customer.questions),
            bool(_URGES_HASTE.search(customer.text)),
        ),
    )


def _asked_about(
    customer: CustomerFacts, clauses: Mapping[str, Clause], *, message: bool, window: bool
) -> tuple[Can, TermMatch] | None:
    """The one act the customer named that has a window (or takes time), if only one does."""
    timed: dict[str, tuple[Can, TermMatch]] = {}
    for term in customer.requested:
        clause = clauses[term.clause]
        if message and not is_a_message_act(clause):
            continue
        if isinstance(clause, Can) and (clause.within if window else clause.takes) is not None:
            timed.setdefault(clause.id, (clause, term))
    return next(iter(timed.values())) if len(timed) == 1 else None


def _point_back(sentence: SentenceFacts) -> bool:
    return _POINTS_BACK.search(sentence.text) is not None


# Whether a sentence points back to the one before ("it", "you'll see it back"), read once
# for it however many times it has.
_points_back = LastOne(_point_back)


# A sentence that prices what the one before named: "I've booked Ruby's trial lesson. *It'll be
# $35*, payable on the day."
_PRICE_OF_IT = regex.compile(
    r"(?i)^\W*(?:it|that|this)(?:'ll\s+be|\s+will\s+be|'s|\s+is|\s+costs?|\s+comes\s+to)\s+"
    r"(?:just\s+|only\s+)?$"
)


# The price of doing "it", the act just named: "Yes, we can move the piano. I'll add *it* to
# your booking for £100", "I can do *that* for you for $20".
_FOR_IT = regex.compile(
    r"(?i)\b(?:i|we)(?:'ll|\s+will|\s+can|'ve|\s+have|\s+could)\s+(?:\w+\s+){1,2}?(?:it|that|them|this)\b"
    r"[^.!?]{0,60}?\bfor\s+(?:just\s+|only\s+)?$"
)


def _price_said_of_the_act_before(
    reply: ReplyFacts,
    sentence: SentenceFacts,
    mention: AmountMention,
    clauses: Mapping[str, Clause],
) -> tuple[Can, TermMatch] | None:
    """The priced clause of the sentence before, when this one opens "It'll be $35"."""
    if mention.aggregate or not isinstance(mention.value, Money):
        return None
    if _noun_phrase_after(sentence, mention) is not None:
        return None  # "…for a £5 postage fee" is another thing's price
    heading = _heading_of_list(reply, sentence)
    if heading is not None and not sentence.terms:
        # "**Storage at our Leeds depot** - £30 per container, per week": an item of a list
        # prices what its heading names.
        for term in reversed(heading.terms):
            clause = clauses[term.clause]
            if not isinstance(clause, Can) or _modifies_another_noun(heading, term, clause):
                continue  # "Here's your exchange summary:" heads a record, not the act
            if clause.costs is not None and _accepts(clause, mention):
                return clause, term
        return None
    before = sentence.text[: mention.start - sentence.start]
    if sentence.terms or not (
        _PRICE_OF_IT.match(before) or _FOR_IT.search(before[-2 * _LOOK_BACK :])
    ):
        return None
    previous = reply.sentences[sentence.index - 1]
    for term in reversed(previous.terms):
        clause = clauses[term.clause]
        if isinstance(clause, Can) and clause.costs is not None and _accepts(clause, mention):
            return clause, term
    return None


# A list marker before an item: "1.", "2)", "-", "*", "•". Matched from the start of the
# item's line to the item (from ``pos`` to ``endpos``: a slice of a long line would copy it).
_LIST_MARKER = regex.compile(
    r"[ \t]*(?:\d{1,2}[.)]|[-*+\u2022\u25e6\u25aa\u2023\u25cf\u2013\u2014])"
    # …and the emphasis an item's label opens with: "- **Response time:** 30 minutes".
    r"(?:[ \t]+(?:\*\*|__|\*|_)?|[ \t]*)$"
)
# How far back a list's heading may be, in items.
_LIST_REACH = 8


def _is_list_item(reply: ReplyFacts, sentence: SentenceFacts) -> bool:
    return bool(_LIST_MARKER.match(reply.text, reply.line_start(sentence.start), sentence.start))


def _heading_of_list(reply: ReplyFacts, sentence: SentenceFacts) -> SentenceFacts | None:
    """The sentence that heads the list ``sentence`` is an item of, if it names what follows.

    A heading ends with a colon ("Here's how our re-clean works:") or is a line of its own in
    bold ("**Rain Check Policy**").
    """
    if not _is_list_item(reply, sentence) or _labels_another_thing(reply, sentence):
        return None
    index = sentence.index - 1
    first = True
    while index >= 0 and sentence.index - index <= _LIST_REACH:
        candidate = reply.sentences[index]
        if not _is_list_item(reply, candidate):
            # Emphasis is blanked in the sentence's text: look for it in the reply's.
            bold = reply.text[max(0, candidate.start - 2) : candidate.start] == "**" and (
                reply.text[candidate.end : candidate.end + 2] == "**"
            )
            heads = candidate.text.rstrip().endswith(":") or bold
            if heads and first:
                return candidate
            # A Markdown heading names its whole section, a sentence or two of lead-in
            # included: "## Roadside assistance / Yes! Every rental includes it. / - …".
            if _is_section_heading(reply, candidate):
                return candidate
            first = False
        index -= 1
    return None


# An item's label: "Response time:", "**Move date:**" (emphasis is blanked in the text).
_LABEL = regex.compile(r"^\W*(?P<label>[^:\n]{1,40}?)\s*:")
# Words of a label that name an attribute of whatever the heading names ("Price:", "Response
# time:", "Cost:"), not another thing.
_ATTRIBUTE_WORDS = frozenset(
    stem(w)
    for w in (
        "price", "cost", "fee", "charge", "rate", "time", "response", "turnaround", "duration",
        "wait", "waiting", "how", "long", "much", "when", "timing", "window", "limit", "max",
        "maximum", "allowance", "typical", "usual", "estimated", "expected", "total", "the",
    )
)  # fmt: skip


def _labels_another_thing(reply: ReplyFacts, sentence: SentenceFacts) -> bool:
    """Whether a list item's label names something besides an attribute of the heading's.

    "- **Response time:** usually 30 minutes" under "## Roadside assistance" is the
    assistance's time; "- **Move date:** Saturday" under "Here's a summary of your home move:"
    and "- **Estimated sale price:** €2,100" are a date and a price of their own. So is an
    item that opens by naming its own subject in bold: "- **Towels** are rented at €6" under
    "Here's how private hire works:" prices the towels ("- **Total** would be €450" is still
    the heading's).
    """
    label = _LABEL.match(sentence.text) or _BOLD_NAME.match(
        reply.text, max(0, sentence.start - 2), sentence.end
    )
    if label is None:
        return False
    return bool({t.stem for t in tokenize(label["label"])} - _ATTRIBUTE_WORDS)


# An item's subject named in bold, with no colon after it: "- **Towels** are rented at €6".
_BOLD_NAME = regex.compile(r"\*\*(?P<label>[^*:\n]{1,40}?)\*\*(?![ \t]*:)")


# What opens a Markdown heading's line: "## ".
_HEADING_MARKS = regex.compile(r"[ \t]*#{1,6}[ \t]*")


def _is_section_heading(reply: ReplyFacts, sentence: SentenceFacts) -> bool:
    """Whether a sentence is a Markdown heading (``## …``) or a line of its own in bold.

    An emoji may stand before or after the bold ("🔋 **Battery replacement**",
    "**Assembly service** 🛠️"); a list item with a bold label is no heading.
    """
    line_start = reply.line_start(sentence.start)
    if _HEADING_MARKS.fullmatch(reply.text, line_start, sentence.start):
        return True
    line = reply.text[line_start : reply.line_end(sentence.end)]
    core = regex.sub(r"[^\w*]+", " ", line).strip()
    return len(core) > 4 and core.startswith("**") and core.endswith("**")


# A condition whose subject is not the customer names an event: "if the results land early",
# "once the part arrives", "when anything changes"; not "if you pay today", which the customer
# can do now.
_EVENT_CONDITION = regex.compile(
    r"(?i)\W*(?:(?:and|but|so)\s+)?(?:if|once|when|whenever|as\s+soon\s+as|the\s+moment)\s+"
    r"(?!(?:you|u)\b)\w"
)


def counts_from_an_event(sentence: SentenceFacts, segment: SegmentFacts, mention: Mention) -> bool:
    """Whether "right away" in a clause counts from an event that a condition beside it names.

    "If the results come back early, I'll ring you right away": at once after an event whose
    day is not known, which gives no time from now (SPEC §3, a time relative to an event).
    The condition may follow in the clause itself: "…straight away when the lab calls".
    """
    # (Matched from where it is, so no pattern scans past it.)
    if _EVENT_CONDITION.match(
        sentence.text, mention.end - sentence.start, segment.end - sentence.start
    ):
        return True
    segments = sentence.segments
    at = sentence.index_of(segment)
    beside = segments[max(0, at - 1) : at] + segments[at + 1 : at + 2]
    return any(g.condition and _EVENT_CONDITION.match(g.text) for g in beside)


# A clause's verbs of telling, found once for it however many times it holds.
_meta_verbs = LastOne(find_meta_verbs)


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


def _span_end(span: tuple[int, int]) -> int:
    return span[1]


# Verbs whose act is itself a telling: a clause that does one ("have an adjuster contact the
# policyholder", "reply to emails", "call the customer back") is timed by any verb of telling.
_TELLING_ACTS = frozenset(
    stem(w)
    for w in (
        "contact", "call", "phone", "ring", "email", "e-mail", "reply", "respond", "response",
        "answer", "notify", "inform", "message", "text", "tell", "confirm",
    )
)  # fmt: skip


def times_a_telling(
    sentence: SentenceFacts, segment: SegmentFacts, mention: Mention, clause: Can
) -> bool:
    """Whether a verb of telling or starting governs the time, not the clause's own act.

    "We'll *confirm* a delivery date within 1 business day" and "I'll *call*
    you on Wednesday with an update" time the telling. But a verb that is the
    clause's own act ("answer an email": "they'll email you back by Tuesday"),
    or one whose object is the clause ("ring you with the results on Tuesday"),
    times the act itself. Only a verb in the 500 characters before the time is weighed.
    """
    offset = segment.start - sentence.start
    act = stems_of(clause.does)
    if act & _TELLING_ACTS:
        return False  # "have an adjuster contact the policyholder": the telling is the act
    every, own = _term_index(sentence).every, _terms_of(sentence, clause)
    verbs = _meta_verbs(segment.text)
    at = mention.start - segment.start
    # Only a verb within reach before the time is weighed: a clause that runs on through
    # thousands of verbs and times is read near each time, not from its start for each.
    first = bisect.bisect_left(verbs, at - CLAUSE_REACH, key=_span_start)
    for start, end in verbs[first : bisect.bisect_right(verbs, at, key=_span_end)]:
        a, b = start + offset + sentence.start, end + offset + sentence.start
        if every.covers(a, b):
            continue
        if own.overlaps(a, b):
            continue  # "you'll get a call back": the telling is the clause's own act
        if content_stems(list(tokenize(segment.text[start:end]))) & act:
            continue  # its own words, not "a" or "get", name the act
        # "email you an answer": what the telling carries is the clause's act (but not in
        # "text you the date for your boiler service", which carries a date).
        # A record of the act ("log a maintenance *request*", "confirm the delivery *date*")
        # is what the telling carries, whatever act its modifiers name.
        carried = []
        names_a_record = False
        for token in tokenize(segment.text[end : mention.start - offset - sentence.start]):
            if token.stem in HEAD_NOUNS:
                names_a_record = token.stem not in act  # unless the act makes the record
                break
            carried.append(token)
        # "I'll confirm the refund within one business day": what is confirmed or checked,
        # timed in the same clause, may be timed by the confirming (benefit of the doubt).
        about_it = _checks_on_it(sentence, segment.text[start:end], b, mention)
        if not names_a_record and not about_it and content_stems(carried) & act:
            continue
        if any(
            not _modifies_another_noun(sentence, t, clause)
            and not _after_a_head_noun(sentence, t)
            and not _names_a_record(sentence, t, act)
            and not (about_it and _object_of(sentence, b, t))
            for t in own.between(b, mention.start)
        ):
            continue
        return True
    return False


_HANDLING = frozenset(stem(w) for w in HANDLING_VERBS)


def times_the_handling(
    sentence: SentenceFacts, segment: SegmentFacts, mention: Mention, clause: Can
) -> bool:
    """Whether a verb of handling before the time, in its clause, is what the time is for.

    "Appeals are usually decided within 14 days" says how long the deciding takes,
    not the 28 days the customer has to claim. A verb that is the clause's own act ("we
    process returns within 30 days" for a clause that processes returns) times the act.

    Args:
        sentence: The sentence.
        segment: The clause the time is in.
        mention: The time.
        clause: The clause the time is checked against.
    """
    act = stems_of(clause.does)
    # Only the words near the time are read, so a clause of thousands of times costs each
    # one the same (a verb of handling further back governs nearer times first).
    begin = max(segment.start, mention.start - CLAUSE_REACH)
    before = sentence.text[begin - sentence.start : mention.start - sentence.start]
    return any(t.stem in _HANDLING and t.stem not in act for t in tokenize(before))


# Something reaching the customer, or the business getting in touch, just before a time: the
# time is how soon it comes, not the customer's window for the clause's act. "Your gift
# voucher *will be emailed* to you within 10 minutes", "the claims team *will reply* within 2
# business days", "an adjuster *will call you* within 2 business days", "*you'll get* a
# cancellation email in the next few minutes", "provisional credit *posts* within 10 business
# days", "the store credit *lands* 1-2 business days after we receive it". The customer
# acting in a time is a window: "you can email us within 48 hours", "send it back within 30
# days", "as long as it reaches us within 30 days".
_DELIVERY_BEFORE = compile_verbose(
    rf"""(?:\b(?:will|'ll|would|'d)\s+(?:\w+ly\s+)?be\s+{alternation(DELIVERY_PARTICIPLES)}\b
      | (?<!\byou)(?:'ll|\s+will)\s+(?:\w+ly\s+)?{alternation(DELIVERY_VERBS)}\b
      | \byou(?:'ll|\s+will)\s+(?:\w+ly\s+)?(?:get|receive)\s+(?:a|an|the|your)\s+
          (?:[\w-]+\s+){{0,2}}?{alternation(MESSAGE_NOUNS)}\b
      | \b{alternation(ARRIVAL_VERBS)}\b
      # Money come back to where it was paid from: "the refund will be back on your card
      # within 5 working days", "it should be back in your account in 3-5 days".
      | \bbe\s+back\s+(?:on|in|into|to)\s+{_YOUR_ACCOUNT})
        (?:(?!\b(?:and|or|but|so|if|once|when|until|to(?!\s+(?:you|your)\b))\b)[^,;:.!?])*$""",
    from_end=True,
)


def times_a_delivery(sentence: SentenceFacts, segment: SegmentFacts, mention: Mention) -> bool:
    """Whether the time is how soon something reaches the customer, in its clause.

    Read up to the time from the start of its clause (a bounded look): a verb of sending,
    arriving or getting in touch, with nothing between it and the time that starts another
    act, times that delivery, not the window the customer has for the clause's act.

    Args:
        sentence: The sentence.
        segment: The clause the time is in.
        mention: The time.
    """
    begin = max(segment.start, mention.start - 120) - sentence.start
    return bool(_DELIVERY_BEFORE.search(sentence.text, begin, mention.start - sentence.start))


# What may stand between a verb and its object: a determiner and a word or two before the
# noun ("confirm *the* refund", "update *the return* shipping", "check *your new* booking").
_BEFORE_AN_OBJECT = regex.compile(
    r"(?i)\s+(?:(?:the|your|our|a|an|this|that|his|her|their|its)\s+)?"
    r"(?:(?!(?:and|or|then|to|with|about|on|for|by|before|after)\b)[\w'-]+\s+){0,2}"
)


# Verbs that confirm or look at a thing without carrying it ("email the notes" and "send the
# records" carry the thing, and their time is its time).
_ABOUT_A_THING = regex.compile(r"(?i)^(?:confirm|check|look\s+into|investigate)\w*$")
# What ends the clause of a verb and its object before a time: "…logged a call-out *and* an
# engineer will be with you today".
_ANOTHER_CLAUSE = regex.compile(r"(?i)[,;:]|\b(?:and|then|so|but|which|who)\b")


def _checks_on_it(sentence: SentenceFacts, verb: str, verb_end: int, mention: Mention) -> bool:
    """Whether a verb of confirming or checking and the time after it share one clause.

    "I'll *confirm* the refund amount *within one business day*", "we'll *check* your
    booking *within the hour*": one reasonable reading times the confirming, not the thing
    (SPEC §3, benefit of the doubt). Not "I'll check and refund it within 2 days", whose
    refund is an act of its own, nor "I'll email your notes by Friday", which carries them.

    Args:
        sentence: The sentence.
        verb: The verb's words.
        verb_end: Where the verb ends (offset in the reply).
        mention: The time after it.
    """
    if not _ABOUT_A_THING.match(verb.strip()):
        return False
    between = sentence.text[verb_end - sentence.start : mention.start - sentence.start]
    return not _ANOTHER_CLAUSE.search(between)


def _object_of(sentence: SentenceFacts, verb_end: int, term: TermMatch) -> bool:
    """Whether a term is the object of the verb that ends at ``verb_end`` ("confirm the refund")."""
    between = sentence.text[verb_end - sentence.start : term.start - sentence.start]
    return _BEFORE_AN_OBJECT.fullmatch(between) is not None


def _names_a_record(sentence: SentenceFacts, term: TermMatch, act: frozenset[str]) -> bool:
    """Whether a policy term is a record of the act ("maintenance request" for a repair).

    Not when making the record is the act itself ("incident report" for "send a report").
    """
    last = sentence.tokens[term.last_token].stem
    return term.last_token > term.first_token and last in HEAD_NOUNS and last not in act


@lru_cache(maxsize=4096)
def stems_of(text: str) -> frozenset[str]:
    """The stems of a text's words (a clause's `does`, a verb of telling)."""
    return frozenset(t.stem for t in tokenize(text))


_ADJUNCT = regex.compile(rf"(?i)\b(?:{alternation(ADJUNCT_OPENERS)})\b")


def act_stems(clause: Can) -> frozenset[str]:
    """The stems of a clause's act: its `does` up to a temporal or conditional adjunct.

    "Make and install a new headstone once the cemetery permit is granted" does the making
    and installing; "Hemi will be out at the cemetery on Thursday" speaks of the
    cemetery, not of that act.
    """
    cut = _ADJUNCT.search(clause.does)
    head = clause.does if cut is None else clause.does[: cut.start()]
    # ("When asked, email a copy of the contract" opens with its adjunct: all of it is read.)
    return stems_of(head if head.strip() else clause.does)


# What a reply draws from a time it has just given: "…10 working days, *so* you'll have it by…",
# "…, *that's* by Friday".
_CONCLUDED = regex.compile(
    r"(?i)\b(?:so|which\s+means|meaning|that\s+means|therefore|that's|that\s+is|i\.e\.)"
    r"(?:\s|\b)[^.;!?]*$"
)


def concludes_from(text: str, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` draw a conclusion ("…10 days, so by 6 Jan").

    A time the reply concludes from an honest one ("it takes up to 10 working days, so
    you'll have it by 6 Jan") is the reply's own claim, not a step on the way.

    Args:
        text: The reply.
        start: Where the honest time is.
        end: Where the time concluded from it is.
    """
    return _CONCLUDED.search(text, start, end) is not None


# A clause in the simple past with a subject of its own reports what happened, and its time is
# that event's: "which was cancelled two hours before", "you cancelled 3 hours before", "it
# arrived 12 days after". (Not "items purchased within 30 days", a kind stated by a rule.)
_WHAT_HAPPENED = regex.compile(
    r"(?i)\b(?:(?:was|were)\s+(?:\w+\s+)?[a-z]{2,}ed"
    # A state up to now: "we've just been very busy this week" (not "we've been able to
    # book you in for Friday", an act done for a day to come).
    r"|(?:we|i|they|it|you|he|she)(?:'ve|'s|\s+have|\s+has)\s+(?:only\s+|just\s+|really\s+)?"
    r"been\b(?!\s+able\b)"
    r"|(?P<subject>you|we|i|they|he|she|it)\s+(?:only\s+|just\s+)?"
    r"(?!\L<not_past>\b)[a-z]{2,}ed|\L<past_only>)\b",
    not_past=NOT_PAST_IN_ED,
    past_only=PAST_ONLY_VERBS,
)
# Every past verb above ends in "ed" or is a past-only form: a clause with none of them
# reports nothing, and one cheap look settles most clauses.
_PAST_ONLY = frozenset(PAST_ONLY_VERBS)


def _may_be_past(text: str) -> bool:
    """Whether a clause may hold a past verb: "ed", "was", "were", "been", or a past-only form."""
    lower = text.lower()
    if "ed" in lower or "was" in lower or "were" in lower or "been" in lower:
        return True
    return not _PAST_ONLY.isdisjoint(lower.split())


# What may follow the past verb up to the time: no will, must, can, "if" or "so" that turns
# the clause to what is to come. (A full stop inside a word ends nothing: "went live on
# Amazon.com.au this morning".)
_STILL_PAST = regex.compile(
    r"(?i)(?:(?!\b(?:will|'ll|must|need|should|can|could|is|are|be|if|when|so)\b)"
    r"(?:[^.!?;\n]|\.(?=\w)))*"
)
# The pronoun is the object of a causative "have", not a subject: "we'll have it delivered by
# Friday" is a promise.
_CAUSATIVE_BEFORE = regex.compile(r"(?i)\b(?:have|has|had|having|get|gets|got|getting)\s+$")


# A thing named as the subject of a past verb, as news is written: "Your order shipped today",
# "Refund processed this morning". Only before a day: "items returned within 30 days" is a
# noun with its participle, a rule's window.
_THING_DID = regex.compile(
    r"(?i)^\W*(?:(?:your|the|our)\s+)?(?:(?!\L<auxiliary>\b)[a-z][\w-]*\s+){1,6}?"
    # (With its particle: "inspections for your building *wrapped up* this week".)
    r"(?!\L<not_past>\b)(?:[a-z]{2,}ed|\L<past_only>)(?:\s+(?:up|out|off|over|through))?\s*$",
    auxiliary=AUXILIARIES,
    not_past=NOT_PAST_IN_ED,
    past_only=PAST_ONLY_VERBS,
)


def reports_what_happened(text: str, end: int, *, day: bool = False) -> bool:
    """Whether a clause up to ``end`` reports what happened ("you cancelled [3 hours before]").

    A time in such a clause is the event's, not a promise. The past verb is looked for in
    the 500 characters before the time.

    Args:
        text: A clause of a sentence.
        end: Where the time is, in ``text``.
        day: Whether the time is a day or an hour (not a length of time), which a thing
            named as the subject of a past verb may also be dated by ("Refund processed
            today").
    """
    begin = max(0, end - CLAUSE_REACH)
    if not _may_be_past(text[begin:end]):
        return False  # most clauses have no past verb: one cheap look settles them
    if day and _THING_DID.match(text, 0, end):
        return True
    for verb in _WHAT_HAPPENED.finditer(text, begin, end):
        before = max(0, verb.start() - 10)
        if verb["subject"] and _CAUSATIVE_BEFORE.search(text, before, verb.start()):
            continue
        if _STILL_PAST.fullmatch(text, verb.end(), end):
            return True
    return False


# The customer's own act and its deadline: "book the inspection today and…", "as long as you
# book before 6pm", "please reply by Friday". The day is theirs to act by, not a time the
# business's act takes.
_CUSTOMER_ACTS = regex.compile(
    # An imperative opens its clause, after a joining word or a word of caution: "so to be
    # safe drop it off by Friday", "and ideally book by the 3rd".
    r"(?i)(?:^\W*(?:(?:so|and|then)\s+)?(?:(?:to\s+be\s+safe|ideally|if\s+possible),?\s+)?"
    r"(?:just\s+|simply\s+)?"
    r"|\byou(?:'ll|\s+will|\s+can|\s+need\s+to|\s+must|\s+should"
    r"|\s+just)?\s+|\bplease\s+)"
    r"(?:book|order|call|ring|phone|email|e-mail|contact|reply|bring|drop(?:\s+(?:it|them))?\s+off|pay"
    r"|sign(?:\s+up|\s+off)?|register|apply|submit|confirm|approve|send|upload|choose|pick"
    r"|select|let\s+us\s+know)\b"
    r"(?:\s+[\w'-]+){0,4}?\s*$"
)


# The same acts as a gerund or a participle, with no "I"/"we" doing them: "booking today puts
# you at Friday", "an order placed today would reach you by the 21st", "one ordered today
# probably won't make it". The day is when the customer acts; the time the business's act
# takes is the other figure of the sentence.
_CUSTOMER_ACTING = regex.compile(
    r"(?i)(?<!\b(?:i|we)(?:'m|'re|'ve|'ll|\s+am|\s+are|\s+have|\s+had|\s+was|\s+were|\s+will)"
    r"\s+(?:just\s+)?)"
    # "your booking today": a noun, not the act.
    r"(?<!\b(?:the|a|an|your|my|our|this|that|their)\s+)"
    r"\b(?:booking|booked|ordering|ordered|placed|cancell?ing|cancell?ed|approving|paying|signing\s+up"
    r"|registering"
    r"|applying|submitting|confirming|uploading)"
    r"(?:\s+(?:it|them|one|this|that|now|in))?\s*$"
)


# What the business needs from the customer by a day: "we need your gown by 20 February",
# "we'd love to have the forms by Friday", "we'll need you to sign by the 3rd". The day is the
# customer's to hand it over by ("we need to finish it by Friday" is our own act).
_NEEDED_FROM_THE_CUSTOMER = regex.compile(
    r"(?i)\b(?:i|we)(?:'d|\s+would|'ll|\s+will)?\s+(?:really\s+)?(?:need|like|love|want)"
    r"(?:\s+to\s+(?:have|get|receive))?\s+(?:your|the|it|them|this|that|you\s+to)\b"
    r"(?:\s+[\w'-]+){0,4}?\s*$"
)


def the_customer_acts_by(text: str, end: int) -> bool:
    """Whether the deadline at ``end`` in a clause is the customer's to act by ("book today").

    The customer's act is looked for in the 500 characters before the deadline.

    Args:
        text: A clause of a sentence.
        end: Where the time is, in ``text``.
    """
    begin = max(0, end - CLAUSE_REACH)
    return bool(
        _CUSTOMER_ACTS.search(text, begin, end)
        or _CUSTOMER_ACTING.search(text, begin, end)
        or _NEEDED_FROM_THE_CUSTOMER.search(text, begin, end)
    )


# A time a few words after a verb of beginning is when the act starts, not when it is done:
# "your proof goes to print today", "work starts on Monday", "we'll begin within 2 days".
# The policy's `takes` times the whole act, so a start says nothing of its speed.
_STARTS = regex.compile(
    r"(?i)\b(?:start|starts|started|starting|begin|begins|began|beginning|commence[sd]?"
    r"|kicks?\s+off|kicked\s+off|(?:go|goes|going|went|gone)\s+(?:to\s+print|into\s+production))\b"
    r"(?:\s+[\w'-]+){0,5}?\s*$"
)


_START_WORD = regex.compile(r"(?i)\b(?:start\w*|begin\w*|began|commence\w*|kick\w*\s+off)\b")


def names_a_start(text: str) -> bool:
    """Whether a policy term is itself a start ("start the install"), so its time is a start's.

    Args:
        text: The words of a term as the reply says them.
    """
    return _START_WORD.search(text) is not None


def times_a_start(text: str, end: int) -> bool:
    """Whether the time at ``end`` in a clause is when an act begins ("goes to print today").

    The verb of beginning is looked for in the 500 characters before the time.

    Args:
        text: A clause of a sentence.
        end: Where the time is, in ``text``.
    """
    return bool(_STARTS.search(text, max(0, end - CLAUSE_REACH), end))


# A clause that carries on about what the sentence just did for the customer: "I've cancelled
# your membership and *it ends today*", "I've added them - *that's five drivers now*".
_CARRIES_ON = regex.compile(
    r"^\W*(?:so\s+)?(?:it|they|that|this|which|he|she|your(?:\s+[\w-]+){1,3}?)(?:'s|'re|\s+is|\s+are|\s+will|'ll|\s+\w+s)\b"
    r"|^\W*so\s+(?:that\s+)?you\b"
    # "So" opens what the commitment comes to, in any subject: "…, so the full $40 is off your
    # bill", "…, so the weekly clean moves to Tuesday", "…, so 15% off the lot".
    r"|^\W*so\s+(?:the|that|this|these|those)\s+(?:[^\s,;.!?]+\s+){0,3}?(?:is|are|will|'ll|comes?|goes|moves?|stays?)\b"
    r"|^\W*so\s+(?:just\s+|only\s+)?[$\u00a3\u20ac]?\d"
    # A conclusion restates the commitment's time: "…within 10 business days, so by 31
    # December", "…, that's by Friday", "…, meaning before the weekend".
    r"|^\W*(?:(?:so|that's|that\s+is|meaning|i\.e\.)\s+)?(?:just\s+|well\s+|long\s+)?"
    r"(?:in\s+(?:plenty\s+of\s+|good\s+|enough\s+)?time\s+for|ahead\s+of|before|by)\b",
    regex.IGNORECASE,
)


def carries_on(text: str) -> bool:
    """Whether a clause carries on about what the sentence just did ("and it ends today").

    Args:
        text: A clause after a commitment in the same sentence.
    """
    return bool(_CARRIES_ON.search(text))


# An act that moves the customer into a window gives it: "I've reset your workspace *to a*
# 30-day trial", "I'll put you *on a* 60-day plan", "set you up *with a* 45-day window".
_INTO_A = regex.compile(r"(?i)\b(?:to|on|onto|into|with)\s+an?\s+(?:new\s+|fresh\s+|full\s+)?$")


def moved_into(text: str, mention: DurationMention) -> bool:
    """Whether a compound window ("30-day") is what an act put the customer into.

    "I'll put you on a 60-day plan" gives the window; "a 60-day plan is available" states it.

    Args:
        text: The reply.
        mention: A duration in it.
    """
    return mention.role == "compound" and bool(
        _INTO_A.search(text, max(0, mention.start - 20), mention.start)
    )


# "We can give up to 20,000 points", "we can reverse up to 5 fees a year": what the business
# can do in general, with the limit's own words and nobody to give it to, states the rule.
# "We can give *you* up to…" and "I can add up to…" offer it to this customer.
_WE_CAN = regex.compile(
    r"(?i)^\W*(?:(?:but|and|so|just\s+so\s+you\s+know)\W+)?"
    # A frame of a kind of case, not this one: "in cases like this", "for delays like yours",
    # "in such situations".
    r"(?:(?:(?:in|for|with)\s+(?:[\w-]+\s+)?[\w-]+s\s+(?:like|such\s+as)\s+(?:this|these|that|yours)"
    r"|(?:in|for)\s+such\s+[\w-]+s)\W+)?"
    r"we\s+(?:can|could|may)\s+(?:only\s+)?(?:[\w-]+\s+){1,6}?$"
)
_LIMIT_WORDS = regex.compile(r"(?i)\b(?:up\s+to|a\s+maximum\s+of|at\s+most|no\s+more\s+than)\s*$")
_ADDRESSEE = regex.compile(r"(?i)\b(?:you|your|yours|u|ur)\b")


def states_what_we_can(
    sentence: SentenceFacts, segment: SegmentFacts, mention: AmountMention
) -> bool:
    """Whether an offer's figure is the business's general limit ("we can give up to 20,000").

    "We can give *you* up to…" and "I can add up to…" offer it to this customer instead. A
    figure added after a comma belongs to the clause before it ("we can offer vouchers, up to
    £80 a stay").

    Args:
        sentence: The sentence the figure is in.
        segment: The clause the figure is in.
        mention: The figure, a limit stated as a rule.
    """
    if not mention.rule_like:
        return False
    before = segment.text[: mention.start - segment.start]
    at = sentence.index_of(segment)
    if at and is_appositive(segment.text):
        before = f"{sentence.segments[at - 1].text} {before}"
    before = _LIMIT_WORDS.sub("", before)
    return bool(_WE_CAN.match(before)) and not _ADDRESSEE.search(before)


# A number of things (2 or more) or a word that sums: "two extra days is $44", "for your 3 bags
# that's $24", "the total comes to $91". Without one, a figure that is a multiple of a price is
# that price misstated ("Replacement cards cost $10" when they cost $5), not a total.
_SEVERAL = regex.compile(
    rf"(?i)\b(?:\d+(?:[.,]\d+)*|{alternation(w for w, n in NUMBER_WORDS.items() if n >= 2)}"
    r"|both|couple|several|few|dozens?|total|totals|altogether|in\s+all|combined|together|sum)\b"
)


@lru_cache(maxsize=4096)
def counts_several(text: str, start: int, end: int) -> bool:
    """Whether ``text`` outside ``start:end`` counts several things or names a sum.

    Args:
        text: A sentence, or a customer's message (``start`` = ``end`` = 0 to read it all).
        start: Where the figure being judged starts in ``text``.
        end: Where it ends.
    """
    # Read up to ``start`` in place, not from a copy of all before it: a sentence of
    # thousands of figures asks this of each. The search stops at the first word that
    # counts: in a sentence of many figures, an early figure's own number, so it reads little.
    return bool(_SEVERAL.search(text, 0, start) or _SEVERAL.search(text, end))


_NUMBER = regex.compile(NUMBER, regex.IGNORECASE)


def names_the_figure(text: str, value: Decimal) -> bool:
    """Whether ``text`` (a customer's message) names the figure ``value``, in digits or words.

    "Can we bring our 3 dogs?" names 3: a reply's "all three dogs are welcome" grants it.
    """
    return value in _figures_named(text)


@lru_cache(maxsize=64)
def _figures_named(text: str) -> frozenset[Decimal]:
    # Read once per message, however many figures of the reply are looked up in it.
    figures = set()
    for match in _NUMBER.finditer(text):
        try:
            figures.add(number_value(match.group()))
        except ValueError:
            continue
    return frozenset(figures)
