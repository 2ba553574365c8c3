"""Reading a whole reply (and the customer's message) into facts, once per check."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import attrs
import regex

from honestcs._grammar import ends_just_before
from honestcs.calendar import BusinessCalendar
from honestcs.text.facts import SentenceFacts, read_sentence
from honestcs.text.memo import ReplyMemo, Stage
from honestcs.text.mentions import DeadlineMention, DurationMention, find_mentions
from honestcs.text.normalise import NormalisedText, normalise
from honestcs.text.questions import Question, find_questions
from honestcs.text.sentences import split_sentences
from honestcs.text.terms import TermMatch, TermMatcher, tokenize

__all__ = ["CustomerFacts", "OpenPromise", "ReplyFacts", "read_customer", "read_reply"]


@attrs.frozen
class CustomerFacts:
    """What the customer wrote, as the rules need it.

    Attributes:
        text: The normalised message.
        sentences: Its sentences, read like a reply's.
        questions: The questions it asks.
        requested: Policy terms it mentions outside negated clauses (what it asks about).
        waited: How long the customer says has gone by, in days ("I've waited three weeks",
            "I ordered it 10 days ago"), each with the clauses its sentence names.
        own_acts: Requested terms the customer says they will do themselves ("can I fit
            the bracket myself?"). Letting a customer do a thing is not promising to do it
            for them.
    """

    text: str
    sentences: tuple[SentenceFacts, ...]
    questions: tuple[Question, ...]
    requested: tuple[TermMatch, ...]
    waited: tuple[tuple[Decimal, frozenset[str]], ...] = ()
    own_acts: tuple[TermMatch, ...] = ()


@attrs.frozen
class OpenPromise:
    """A promise already made to this customer and not yet kept (from a ledger).

    Attributes:
        clause: Its clause id, if any.
        due: When it is due, if known.
        text: What was promised.
    """

    clause: str | None
    due: datetime | None
    text: str


@attrs.frozen
class ReplyFacts:
    """A reply read into sentences and facts.

    Attributes:
        normalised: The normalised text with its map back to the original.
        sentences: Every sentence, in order.
        now: When the reply is sent, in the policy's time zone.
        customer: The customer's message, when given.
        open_promises: Promises this customer already has open, when a ledger was given.
    """

    normalised: NormalisedText
    sentences: tuple[SentenceFacts, ...]
    now: datetime
    customer: CustomerFacts | None
    open_promises: tuple[OpenPromise, ...] = ()
    memo: ReplyMemo = attrs.field(factory=ReplyMemo, eq=False, repr=False)
    """The answers of the stages read within this check (see :mod:`honestcs.text.memo`)."""

    @property
    def text(self) -> str:
        """The normalised text."""
        return self.normalised.text

    def line_start(self, offset: int) -> int:
        """Where the line holding ``offset`` starts: just past the last line break before it."""
        breaks = self._line_breaks()
        at = bisect.bisect_left(breaks, offset)
        return breaks[at - 1] + 1 if at else 0

    def line_end(self, offset: int) -> int:
        """Where the line holding ``offset`` ends: its line break, or the end of the text."""
        breaks = self._line_breaks()
        at = bisect.bisect_left(breaks, offset)
        return breaks[at] if at < len(breaks) else len(self.text)

    def _line_breaks(self) -> list[int]:
        """The offsets of the text's line breaks, found once.

        A search back from each sentence for the start of its line made a long reply of
        one line quadratic.
        """
        return self.memo.once(_LINE_BREAKS, self._find_line_breaks)

    def _find_line_breaks(self) -> list[int]:
        text = self.text
        breaks: list[int] = []
        at = text.find("\n")
        while at >= 0:
            breaks.append(at)
            at = text.find("\n", at + 1)
        return breaks


_LINE_BREAKS: Stage[None, list[int]] = Stage("line breaks")


def _read_sentences(
    text: str,
    matcher: TermMatcher,
    now: datetime,
    calendar: BusinessCalendar,
    count_nouns: Iterable[str],
    *,
    with_mentions: bool = True,
) -> tuple[SentenceFacts, ...]:
    # The customer's message is read for what it asks: no quantities, no commitments.
    tokens = tokenize(text)
    mentions = (
        find_mentions(text, now=now, calendar=calendar, count_nouns=count_nouns, tokens=tokens)
        if with_mentions
        else []
    )
    sentences = []
    token_index = 0
    # Mentions in order of where they start, walked once alongside the sentences: filtering
    # every mention for every sentence made a long reply quadratic.
    ordered = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    mention_index = 0
    for index, sentence in enumerate(split_sentences(text)):
        while token_index < len(tokens) and tokens[token_index].start < sentence.start:
            token_index += 1
        first = token_index
        while token_index < len(tokens) and tokens[token_index].end <= sentence.end:
            token_index += 1
        sentence_tokens = tokens[first:token_index]
        terms = matcher.find(sentence_tokens)
        while (
            mention_index < len(ordered) and mentions[ordered[mention_index]].start < sentence.start
        ):
            mention_index += 1
        inside = []
        scan = mention_index
        while scan < len(ordered) and mentions[ordered[scan]].start < sentence.end:
            if mentions[ordered[scan]].end <= sentence.end:
                inside.append(ordered[scan])
            scan += 1
        # In the order they were found, as the rules have always read them.
        sentence_mentions = [mentions[i] for i in sorted(inside)]
        sentences.append(
            read_sentence(
                index,
                sentence.start,
                sentence.text,
                sentence_tokens,
                terms,
                sentence_mentions,
                commitments=with_mentions,
            )
        )
    return tuple(sentences)


def read_reply(
    reply: str,
    *,
    matcher: TermMatcher,
    now: datetime,
    calendar: BusinessCalendar,
    count_nouns: Iterable[str] = (),
    customer_message: str | None = None,
    open_promises: tuple[OpenPromise, ...] = (),
) -> ReplyFacts:
    """Read a reply, and the customer's message when there is one.

    Args:
        reply: The draft reply, as given.
        matcher: The policy's compiled terms.
        now: When the reply is sent (aware).
        calendar: The policy's calendar.
        count_nouns: Nouns the policy counts.
        customer_message: What the customer wrote, or None.
        open_promises: Promises this customer already has open.
    """
    normalised = normalise(reply)
    text = _without_emphasis(_without_quoted_thread(normalised.text))
    sentences = _read_sentences(text, matcher, now, calendar, count_nouns)
    customer = None
    if customer_message is not None:
        customer = read_customer(customer_message, matcher, now, calendar)
    return ReplyFacts(normalised, sentences, calendar.localize(now), customer, open_promises)


# An email's quoted thread: lines that start with ">", and an "On …, … wrote:" header with
# everything after it. What the customer (or anyone) wrote there is not the reply.
_QUOTED_LINE = regex.compile(r"(?m)^[ \t]*>.*$")
_WROTE_HEADER = regex.compile(r"(?m)^[ \t]*On\b[^\n]{4,200}\bwrote:[ \t]*$")


def _without_quoted_thread(text: str) -> str:
    """The text with its quoted thread blanked out, so every offset stays where it was."""
    if ">" not in text and "wrote:" not in text:
        return text
    header = _WROTE_HEADER.search(text)
    if header is not None:
        text = text[: header.start()] + _blank(text[header.start() :])
    return _QUOTED_LINE.sub(lambda m: _blank(m.group()), text)


# Markdown emphasis markers: "I've **taken** 25% off" reads as "I've taken 25% off".
_EMPHASIS = regex.compile(r"\*\*|__")


def _without_emphasis(text: str) -> str:
    """The text with Markdown bold markers blanked (offsets kept)."""
    if "**" not in text and "__" not in text:
        return text
    return _EMPHASIS.sub(lambda m: " " * len(m.group()), text)


def _blank(text: str) -> str:
    """Spaces for every character but line breaks (offsets and lines are kept)."""
    return "".join(c if c == "\n" else " " for c in text)


def _negated_before(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether the customer turns the term down before naming it.

    "I don't want a refund", or "if I can't split the payment, …" (the no is already
    accepted). Other negations name the forbidden thing all the same: "I didn't have time to
    fill in the consent form" is asking to go without it.
    """
    segment = sentence.segment_at(term.start)
    return bool(_NOT_WANTED.search(segment.text, 0, term.start - segment.start))


# An event a request is timed by: "knock the hours down *before the buyer's* survey", "can
# you fit it *ahead of my* inspection?". The event is when, not what is asked for.
_TIMED_BY = regex.compile(
    r"(?i)\b(?:before|after|until|till|ahead\s+of|in\s+time\s+for|prior\s+to|during)\s+"
    r"(?:(?:the|my|our|your|his|her|their|a|an|this|that|next)\s+)?(?:[\w-]+'s\s+)?"
    r"(?:[a-z][\w-]*\s+)?$"
)
# How far back the event's preposition is looked for: a few words.
_TIMED_BY_REACH = 50


def _times_the_request(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether the term names the event a request is timed by, not what is asked for."""
    at = term.start - sentence.start
    return ends_just_before(_TIMED_BY, sentence.text, at, _TIMED_BY_REACH)


def _reports_past(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether the customer names the term in a report of what they did.

    "I thought I added insurance", "I already paid the fee": a report of the past asks
    for nothing (SPEC §3).
    """
    segment = sentence.segment_at(term.start)
    if sentence.question and _ASKS_WHAT_HAPPENED.match(segment.text):
        return True  # "Did Rosie get her walk today?": a question of what was done, no request
    # The verb of the report may open the term itself: "I thought I *added insurance*".
    return bool(_DID.search(segment.text, 0, term.end - segment.start)) or bool(
        _HABIT.search(segment.text)
    )


# A question of what happened: "Did Rosie get her walk today?", "Was the refund sent?" (not
# "Can she get a walk today?", "Have you got a slot?", which ask for something).
_ASKS_WHAT_HAPPENED = regex.compile(r"(?i)^\W*(?:(?:and|so|also|but)\s+)?(?:did|was|were)\s+")


# The customer's belief that they did something: "I thought I added", "I'm sure we paid".
# Only a belief about the past ("I thought I added…") is read as a report: a plain "I
# bought a list of addresses. Can you unblock port 25?" is the context of a request.
_DID = regex.compile(
    r"(?i)\b(?:i|we)(?:\s+thought|\s+think|\s+believe|\s+was\s+sure|\s+am\s+sure|'m\s+sure)\s+"
    r"(?:that\s+)?(?:i|we)"
    r"(?:\s+had|'d|\s+have|'ve)?\s+(?:already\s+|just\s+|definitely\s+)?"
    r"(?:(?!need)[a-z]{2,}ed|bought|paid|got|made|sent|put|took|gave|chose|did)\b"
)
# A habit reported "for years": "I've been coming to you guys for years" asks for nothing.
_HABIT = regex.compile(
    r"(?i)\b(?:i|we)(?:'ve|\s+have)\s+been\s+[a-z]{2,}ing\b[^.?!]*\b(?:for|since)\s+"
    r"(?:years|months|ages|a\s+long\s+time|\d{4}|\w+\s+(?:years|months))"
)
_NOT_WANTED = regex.compile(
    r"(?i)\b(?:don't|do\s+not|didn't|did\s+not|never|wouldn't|won't)\s+(?:\w+\s+)?"
    r"(?:want|need|wish|ask|asked|mean|expect|like)\b|\bnot\s+(?:asking|looking)\s+for\b"
    # "If I can't split the payment, …": the customer has already accepted the no.
    r"|\bif\s+(?:i|you|we)\s+(?:can't|cannot|can\s+not|couldn't|won't\s+be\s+able\s+to)\b"
    # What the customer could not do, a report of the past: "I was in hospital and couldn't
    # use my railcard at all", "we weren't able to make the class".
    r"|\b(?:i|we)?\s*(?:couldn't|could\s+not|wasn't\s+able\s+to|weren't\s+able\s+to"
    r"|was\s+unable\s+to|were\s+unable\s+to)\s+(?:\w+\s+)?$"
)


def read_customer(
    message: str, matcher: TermMatcher, now: datetime, calendar: BusinessCalendar
) -> CustomerFacts:
    """Read the customer's message: its sentences, questions and requested clauses."""
    text = normalise(message).text
    # The customer's own times and amounts are not checked; only what they ask for.
    sentences = _read_sentences(text, matcher, now, calendar, (), with_mentions=False)
    questions = tuple(
        _with_days(question, now, calendar)
        for question in find_questions(text, [(s.start, s.end) for s in sentences])
    )
    requested = tuple(
        term
        for sentence in sentences
        for term in sentence.terms
        if not _negated_before(sentence, term)
        and not _reports_past(sentence, term)
        and not _times_the_request(sentence, term)
    )
    waited = tuple(
        (mention.duration.days("high"), frozenset(t.clause for t in sentence.terms))
        for sentence in sentences
        if _MAY_SAY_TIME_GONE.search(sentence.text)
        for mention in find_mentions(sentence.text, now=now, calendar=calendar)
        if isinstance(mention, DurationMention) and mention.role == "ago"
    )
    # Each sentence's own requested terms, so a long message costs each term once.
    asked = frozenset(requested)
    own_acts = tuple(
        term
        for sentence in sentences
        for term in sentence.terms
        if term in asked and _own_act(sentence, term)
    )
    return CustomerFacts(text, sentences, questions, requested, waited, own_acts)


def _own_act(sentence: SentenceFacts, term: TermMatch) -> bool:
    """Whether the customer says they will do the term's act themselves.

    "Is it ok if I fit the bracket myself?": "I" is the subject of the term's act, and the
    reflexive says nobody else does it. In "would you hem a dress I bought myself?" the
    customer is not the one who fits, and a reflexive inside the term ("we fit it
    ourselves" as a term) is the very thing the clause is about.
    """
    segment = sentence.segment_at(term.start)
    at = term.start - segment.start
    return bool(_I_BEFORE.search(segment.text[max(0, at - _SUBJECT_REACH) : at])) and any(
        m.start() >= term.end - segment.start for m in _BY_MYSELF.finditer(segment.text)
    )


# How far before a term its subject and modals lie ("we could just ").
_SUBJECT_REACH = 40
# The customer as the subject of the act that follows: "I ", "we'll ", "I could just ".
_I_BEFORE = regex.compile(
    r"(?i)\b(?:i|we)(?:'ll|'d|\s+(?:can|could|will|would|should|might|may|just))*\s+$"
)
_BY_MYSELF = regex.compile(r"(?i)\b(?:myself|ourselves|(?:on|by)\s+(?:my|our)\s+own)\b")


# Words without which a sentence says no time has gone by: a cheap test before reading it.
_MAY_SAY_TIME_GONE = regex.compile(r"(?i)\b(?:ago|waited|waiting|been|since|earlier|back)\b")


# Words without which a question names no day: a cheap test before reading its dates.
_MAY_NAME_A_DAY = regex.compile(
    r"(?i)\d|day|week|tomorrow|tonight|christmas|new\s+year|\b(?:jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec)"
)


def _with_days(question: Question, now: datetime, calendar: BusinessCalendar) -> Question:
    """The question with the calendar days it names (read from the question alone)."""
    if not _MAY_NAME_A_DAY.search(question.text):
        return question
    days = frozenset(
        m.due.date()
        for m in find_mentions(question.text, now=now, calendar=calendar)
        if isinstance(m, DeadlineMention) and not m.instant
    )
    return attrs.evolve(question, days=days) if days else question
