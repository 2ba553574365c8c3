"""`unanswered-question`: leaving a question the customer asked unaddressed.

Needs the customer's message. Each question is found (a sentence ending in
"?", or "I'd like to know…" with something to know), and split at "and"/"or"
before a new question ("Can I send it back, and how long will the refund
take?" is two). Not questions to answer: tag questions ("how does that
sound?"), rhetorical ones ("wtf?", "seriously?"), ones the customer answers
themselves ("Why did…? Because…"), pieces of a condition ("if it's basic economy
and can't be changed, could we…"), and statements said as questions. A question
made of "that"/"it" asks about the sentence before it; one that points back but has
words of its own among several questions ("Do you sell umbrellas? And do you have *them*
in blue?") is about those words, and linking words ("as", "per", "usually") name no subject.

A question is answered when a sentence of the reply is about its subject
(shares a subject word, a policy clause, or a concept such as refund = "money
back") and:

* for a yes/no question: says anything about it, or the reply says yes, no or
  that it can't, or gives the outcome ("I've located your account"); a no that points
  back ("that's not something we're able to do") answers any request;
* for "when"/"how long": gives a time, a date, a duration or an event; for "what time" or
  "how late", when no other question asks for a time, a clock time on any day;
* for "how much"/"how many"/"how big": gives an amount (for the only question, any
  number: "How many tools can I borrow?" - "Up to 3 at a time"); for "what's the most…?"
  or "is there a limit?": an amount stated as a most ("up to 20% off labour");
* for "why": gives a cause, or states something of the customer's case in a sentence
  about no other question, with no offer, promise or apology in it and not only granting
  the customer's side ("Why was €12 taken?" - "You bumped 4 listings yesterday");
* for any question: gives the concrete next step that gets the answer;
* for the only question: a guarantee of its outcome, honest or not ("Will it be ready
  for Christmas?" - "I guarantee it'll be ripe"), which is its own finding;
* for a yes/no or open question that is all the message asks (no other question, part,
  "also" or request said as a statement): any sentence that says something of its own
  about the case (a yes or no, a refusal, an offer, an act done or to come, a time, or the
  message's words), by the benefit of the doubt ("My son is 4, can he join the swim class?" -
  "Once he's 5 he's very welcome"). Courtesies, sympathy, flattery and a later
  act with no time ("we'll look into it") say nothing of their own.

A reply that only gathers what it needs to answer (identity, order number,
platform, a photo; "let me check"), states the scope it handles, or hands the
customer over answers every question; one that also answers some of them must
answer the rest. The finding covers the whole reply and quotes the question.

Severity: ships as `info`. On the labelled real replies 1 of its 3 flags is
right, and over 295 blind corpora's first runs 1,437 of its 1,870 (77%): far
below the 85% a warning needs (see the Accuracy page).

Known problems:

* Whether a reply addresses a question is judged by shared words and a few
  kinds of answer; a reply that answers in a list or a table ("In your orders
  you have the following t-shirts: …") or agrees ("You're correct.") can be
  flagged.
* A question asked by one Twitter user and "answered" by another is read as a
  customer's question.
* Of two questions, one whose subject shares a common word with a sentence about
  the other ("does the policy cover therapy?" beside "your excess is £95 per
  policy year") can be taken as answered.
* Synonyms are a short list of customer-service groups (refund and money back,
  bags and suitcases, deals and discounts…); an answer in other words outside
  them ("can I take my bicycle?" - "cycles are welcome on every sailing") is
  flagged, and a word with two senses ("a team free on the 30th") can answer a
  question about a charge.
* A follow-up that points back with a word of its own ("How long can I stretch it?")
  is about that word, so an answer in other terms ("up to 24 monthly payments") can
  leave it flagged.
* A "why" is answered by any statement of the case, so one that restates it without a
  cause ("Why was my order late?" - "Your order is on its way now") is not flagged; the
  same holds after an opening apology ("Hi Jo, sorry about that, the app's back up now!"),
  which can leave a second question beside the "why" unflagged.
* Yes answers given in order in a bulleted list ("Flooring: yes…", "Site visit: yes…")
  go only to the first yes/no question, so the second can be flagged.
* A form or link in a sentence about one question does not answer another ("has
  anyone handed them in? How do I get them back?" - "fill in the lost property
  form").
* A question run into a greeting with no mark ("hi is there a discount for first time
  buyers? and can i pay by card") is not read, so it is never flagged; reading it would
  flag answers the reading does not see yet ("you need to be 23 or older" to "is there a
  minimum age?").
* A "who" question is not answered by a commitment of "we" ("Who fixes that?" - "We'll
  take care of it"), and a photo asked for is not answered by "I'll email them to you
  tonight": sending and emailing are not one subject.
* A yes that opens a sentence about another question, where a word of this one is only
  a landmark ("can I use my pass at the Leeds clinic? And is there parking at Ancoats?" -
  "yes, there's a car park behind the Ancoats clinic"), answers both.
* A link given for another purpose ("You can apply online at …/join") answers any
  question beside it ("do you offer a seniors' rate?"), and a sentence naming only a yes/no
  question's object ("can I cancel the express upgrade?" - "the €9.90 is the Express upgrade
  you selected") answers it.
* A word shared only with the phrase that sets a question in time answers it ("can I add
  gift wrap after ordering?" - "we dispatch all orders within 2 days"); that phrase is as
  often the point of the question ("does the battery work during a power cut?"), so it is
  not set aside.
* Deferring to the customer ("Anything you want - you're the boss") is a `sycophancy`;
  whether it also leaves a request unanswered is read both ways, and it is flagged.
* An offer that ends in a tag question ("Pieter can come on Wednesday at 14:00 - does that
  suit you?") is read as a question back, so it answers nothing.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

import attrs

from honestcs._function_words import ENGLISH
from honestcs.quantities import Money, Percent
from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, quote
from honestcs.text.acts import (
    find_guarantees,
    find_later_acts,
    find_next_steps,
    find_refusal,
    find_routes,
    find_sycophancy,
    gives_reason,
    is_hedge,
    joins_imperative_to_promise,
    says_no_to_it,
)
from honestcs.text.answers import (
    acknowledges,
    acts_now,
    answers_every_question,
    answers_where_with_an_address,
    asks_a_limit_in_time,
    asks_for_record,
    asks_how_to,
    asks_if_there_is,
    asks_leave,
    asks_the_most,
    asks_where,
    bids_farewell,
    closes,
    concedes,
    declines_more_than_sympathy,
    deferred_at,
    defers_the_answer,
    explains_a_change,
    farewell_on_their_day,
    gathers,
    gives_a_clock_time,
    gives_clock_or_date,
    gives_instructions,
    gives_the_customer_leave,
    goes_on_with_yes_or_no,
    hands_over,
    hedges_a_time,
    hedges_which,
    identifies,
    introduces_a_list,
    is_courtesy,
    is_pleasantry,
    is_request,
    labels_its_answer,
    names_a_number,
    names_a_thing,
    names_its_topic,
    offers_instead,
    only_greets,
    opens_with_because,
    opens_with_pronoun,
    promises_the_answer,
    recommends,
    says_it_depends,
    says_not_known_yet,
    says_there_is,
    says_what_alone,
    says_what_it_covers,
    says_what_it_is_for,
    says_yes_and,
    says_yes_or_no,
    shows_sympathy,
    spares_an_act,
    states_a_maximum,
    states_scope,
    tells_what_follows,
)
from honestcs.text.facts import SegmentFacts, SentenceFacts
from honestcs.text.lexicon import (
    DERIVATIONAL_SUFFIXES,
    MEASURE_NOUNS,
    POLICY_NOUNS,
    PRICE_DOCUMENTS,
    REPORTING_BACK,
    SAME_SENSE_STEM_SUFFIXES,
    VAGUE_TIMES,
)
from honestcs.text.mentions import (
    AmountMention,
    DeadlineMention,
    DurationMention,
    RelativeMention,
)
from honestcs.text.questions import (
    Question,
    asks_by_a_day,
    asks_for_advice,
    asks_for_news,
    asks_how_it_goes,
    asks_how_likely,
    asks_how_long_it_lasts,
    asks_how_many,
    asks_how_many_units_of_time,
    asks_the_hour,
    asks_the_past,
    asks_what_if,
    asks_what_next,
    asks_whats_included,
    asks_whether_we_act,
    concepts_of,
    content_stems,
    everyday_senses,
    figures_of,
    has_anaphor,
    item_label,
    senses_said,
    states_how_likely,
)
from honestcs.text.reading import CustomerFacts, ReplyFacts
from honestcs.text.terms import stem, tokenize

__all__ = ["RULE"]


def _gives_a_time(sentence: SentenceFacts, after: datetime | None = None) -> bool:
    """Whether the sentence gives a time; with ``after``, a day or hour not yet gone by then.

    "How long until I see it?" - "your refund was processed on Monday": a day gone by tells
    when something happened, not when the customer will see it.
    """
    return any(
        (isinstance(m, DeadlineMention) and (after is None or (m.due >= after and not m.gone)))
        or (
            isinstance(m, DurationMention)
            and m.role not in ("ago", "age", "for", "rate", "per", "measure")
        )
        for m in sentence.mentions
    )


_TIMES = (DurationMention, DeadlineMention, RelativeMention)
# The roles of a length that give a time for something: how long it takes, or is open for.
_TIME_GIVEN = frozenset({"takes", "within", "bare", "window"})

# A word this long at the start of a longer one is its head: "creek" in "creekside".
_HEAD_LETTERS = 5


@lru_cache(maxsize=4096)
def _heads_of_compounds(text: str) -> frozenset[str]:
    """The first words of a text's compounds ("creek" of "creekside", "water" of "waterfront").

    A question about the creek is answered by a sentence about a creekside spot. What is left
    after the first word must be three letters or more and no ending of derivation.
    """
    words = content_stems(list(tokenize(text)))
    return frozenset(
        word[:end]
        for word in words
        if len(word) > _HEAD_LETTERS
        for end in range(_HEAD_LETTERS, len(word) - 2)
        if word[end:] not in _SUFFIXES
    )


@lru_cache(maxsize=4096)
def _tails_of_compounds(text: str) -> frozenset[str]:
    """The last words of a text's closed compounds ("charg" of "surcharge", "park" of "carpark").

    The head of an English compound is its last part: a surcharge is a charge. The tail must
    be five letters or more, after two or more.
    """
    words = content_stems(list(tokenize(text)))
    return frozenset(
        word[start:]
        for word in words
        if len(word) >= _HEAD_LETTERS + 2
        for start in range(2, len(word) - _HEAD_LETTERS + 1)
    )


# Endings that make another word of the same root (see the lexicon).
_SUFFIXES = frozenset(DERIVATIONAL_SUFFIXES)

# A derived word's root is three letters or more ("pay" of "payabl").
_ROOT_LETTERS = 3


def _roots(stems: Iterable[str]) -> frozenset[str]:
    """The roots of the derived words among some stems ("pay" of "payabl", "strong")."""
    stems = list(stems)
    return frozenset(
        word[: -len(suffix)]
        for word in stems
        for suffix in SAME_SENSE_STEM_SUFFIXES
        if word.endswith(suffix) and len(word) - len(suffix) >= _ROOT_LETTERS
    ) | {_MEASURED[word] for word in stems if word in _MEASURED}


# The stem of each noun of measure, with its adjective's: "strength" with "strong".
_MEASURED = {stem(noun): stem(adjective) for noun, adjective in MEASURE_NOUNS.items()}


@lru_cache(maxsize=4096)
def _roots_of_derivations(text: str) -> frozenset[str]:
    """The roots of a text's derived words ("pay" of "payable", "inspect" of "inspection").

    A question whether to pay on the day is answered by "payable on the day".
    """
    return _roots(content_stems(list(tokenize(text))))


@lru_cache(maxsize=4096)
def _joined(text: str) -> Mapping[str, frozenset[str]]:
    """Two adjacent words written as one ("cloak room" as "cloakroom"), by their parts' stems."""
    tokens = [t for t in tokenize(text) if t.lower.isalpha()]
    return {
        stem(first.lower + second.lower): frozenset({first.stem, second.stem})
        for first, second in itertools.pairwise(tokens)
        if not text[first.end : second.start].strip(" -")
    }


@lru_cache(maxsize=4096)
def _stems_said(text: str) -> frozenset[str]:
    """The subject stems of a sentence, worked out once however many questions ask."""
    return content_stems(list(tokenize(text)))


@lru_cache(maxsize=4096)
def _senses_said(text: str) -> frozenset[int]:
    """The everyday senses a sentence's words share with others (verbs for "-ed"/"-ing")."""
    return senses_said(tokenize(text))


def _spelt_as_one_or_two(stems: frozenset[str], question: str, sentence: str) -> bool:
    """Whether a question's word and a sentence's differ only in being written as one or two.

    English writes compounds open, hyphenated or closed ("cloak room", "cloak-room",
    "cloakroom"; "car park", "carpark"; "check in", "check-in", "checkin").
    """
    said = _stems_said(sentence)
    if stems & frozenset(_joined(sentence)):
        return True
    return any(joined in said and parts & stems for joined, parts in _joined(question).items())


def _about(
    question: Question,
    stems: frozenset[str],
    sentence: SentenceFacts,
    clauses: set[str],
    refers_back: bool,
    days: frozenset[date] = frozenset(),
) -> bool:
    """Whether a sentence is about the question's subject.

    ``stems`` are the words that tell this question apart from the customer's
    other questions. A sentence that opens with "it"/"that" refers back to the
    question when ``refers_back`` (it opens the reply, or there is one question).
    ``days`` are the dates the question names: a sentence naming one of them is
    about it ("on Christmas Day?" - "We're closed on December 25th").
    """
    if days and any(
        isinstance(m, DeadlineMention) and m.due.date() in days for m in sentence.mentions
    ):
        return True
    # "How long does dispatch take, and can I add gift wrap after ordering?": the second is
    # about gift wrap, and a sentence naming only the words of when it would happen ("we
    # dispatch all orders within 2 days") is about the other. (The only question keeps
    # the benefit of the doubt.)
    core = stems - question.circumstances
    senses = question.senses
    if core and core != stems and question.kind == "yesno" and not question.alone:
        stems, senses = core, everyday_senses(core)
    if stems & _stems_said(sentence.text):
        return True
    if stems & _heads_of_compounds(sentence.text):
        return True  # "by the creek?" - "a creekside spot"; "refund" - "refundable"
    if stems & _tails_of_compounds(sentence.text):
        return True  # "an extra charge?" - "no surcharge": a surcharge is a kind of charge
    if stems & _roots_of_derivations(sentence.text) or _roots(stems) & _stems_said(sentence.text):
        return True  # "do I pay on the day?" - "payable on the day"; "hygienist" - "hygiene"
    if _spelt_as_one_or_two(stems, question.text, sentence.text):
        return True  # "a cloakroom?" - "a cloak room at Gate C"; "car park" - "carpark"
    if senses and senses & _senses_said(sentence.text):
        return True  # "my bicycle?" - "bikes are welcome"; "my invoice?" - "your bill"
    if figures_of(question.text) & figures_of(sentence.text):
        return True  # "Why was my bill $214?" - "Your total of $214 is…": its own figure
    if question.concepts & concepts_of(sentence.text):
        return True
    if question.kind == "amount" and any(
        isinstance(m, AmountMention) and isinstance(m.value, Money) for m in sentence.mentions
    ):
        return True
    if "price" in question.concepts and _gives_a_price(sentence):
        return True  # "any wiggle room on price?" - "I can give you 10% off"
    if refers_back and opens_with_pronoun(sentence.text):
        return True
    if asks_a_limit_in_time(question.text) and _gives_a_time(sentence):
        return True  # "is there a deadline?" - "submit it within 28 days"
    if asks_the_most(question.text) and any(
        isinstance(m, AmountMention) and states_a_maximum(sentence.text, m.start - sentence.start)
        for m in sentence.mentions
    ):
        return True  # "what's the most I could get?" - "up to 20% off labour"
    if answers_where_with_an_address(question.text, sentence.text):
        return True  # "where are you located?" - "We're at 4120 Leary Way NW"
    return bool(clauses & {t.clause for t in sentence.terms})


def _times_an_act(sentence: SentenceFacts, clauses: set[str]) -> bool:
    """Whether the sentence gives a time beside a policy term (of the clause asked, if known)."""
    timed = any(isinstance(m, (DurationMention, DeadlineMention)) for m in sentence.mentions)
    return timed and any(not clauses or t.clause in clauses for t in sentence.terms)


def _names_a_count(sentence: SentenceFacts) -> bool:
    """Whether the sentence gives a number of things (an amount that is not money, or "3")."""
    return any(
        isinstance(m, AmountMention) and not isinstance(m.value, Money) for m in sentence.mentions
    ) or bool(names_a_number(sentence.text))


def _counts_things(sentence: SentenceFacts) -> bool:
    """Whether the sentence gives a number of things, not of units of time ("90 minutes")."""
    if any(
        isinstance(m, AmountMention) and not isinstance(m.value, Money) for m in sentence.mentions
    ):
        return True
    text = sentence.text
    for m in sentence.mentions:
        if isinstance(m, _TIMES):
            at, to = m.start - sentence.start, m.end - sentence.start
            text = text[:at] + " " * (to - at) + text[to:]
    return bool(names_a_number(text))


def _gives_a_price(sentence: SentenceFacts) -> bool:
    """Whether the sentence gives a sum of money or a share of one ("10% off"), or "free"."""
    return any(
        isinstance(m, AmountMention) and (isinstance(m.value, (Money, Percent)) or m.free)
        for m in sentence.mentions
    )


def _supplies(question: Question, sentence: SentenceFacts, now: datetime) -> bool:
    kind = question.kind
    if kind in ("yesno", "open"):
        return True
    if find_refusal(sentence.text) is not None or find_next_steps(sentence.text):
        return True
    if _puts_off(sentence):
        return True
    if kind == "time":
        times = [m for m in sentence.mentions if isinstance(m, _TIMES)]
        if not times:
            return bool(gives_clock_or_date(sentence.text))
        # "How long until I see it?" - "it was processed on Monday": a day gone by says when
        # it happened, unless that is what was asked ("when did it ship?").
        after = None if asks_the_past(question.text) else now
        # "The last Sunday shuttle leaves at 11:40pm": "last Sunday" names no time to come,
        # but the clock time does.
        return any(
            not isinstance(m, DeadlineMention) or after is None or (m.due >= after and not m.gone)
            for m in times
        ) or gives_a_clock_time(sentence.text)
    if kind == "amount":
        if "price" in question.concepts and not asks_how_many(question.text):
            # "how much would it cost?" - not "within 8 miles"; but "how many fees can you
            # waive?" asks a count, not a price.
            return _gives_a_price(sentence) or _promises_a_quote(sentence)
        return any(isinstance(m, AmountMention) for m in sentence.mentions) or bool(
            names_a_number(sentence.text)
        )
    return (
        gives_reason(sentence.text)
        or identifies(sentence.text)
        or explains_a_change(sentence.text)
        or _breaks_down(question, sentence)
    )


def _promises_a_quote(sentence: SentenceFacts) -> bool:
    """Whether the sentence undertakes to send what states the price ("I'll email a quote").

    "How much would that be?" - "I'll put together a freight quote and email it by
    Thursday": the concrete next step that gets the answer (SPEC §3).
    """
    if joins_imperative_to_promise(sentence.text, in_any_clause=True):
        return False  # "Let me know which stock and I'll send a quote": for what is chosen
    tokens = sentence.tokens
    return any(
        not segment.negated and segment.mood in ("future", "offer")
        for at, token in enumerate(tokens)
        if token.stem in _PRICE_DOCUMENT_STEMS
        # The document itself, not a noun it modifies ("the estimate calendar").
        and (at + 1 == len(tokens) or not tokens[at + 1].text[:1].isalpha()
             or tokens[at + 1].text.lower() in _AFTER_A_DOCUMENT)
        for segment in (sentence.segment_at(token.start),)
    )  # fmt: skip


_PRICE_DOCUMENT_STEMS = frozenset(stem(word) for word in PRICE_DOCUMENTS)
# What may follow the document itself: a word of grammar, or a time ("a quote within 2 days",
# "an estimate today"); any other word is the noun it modifies.
_AFTER_A_DOCUMENT = ENGLISH | {"within", "today", "tomorrow", "tonight", "shortly", "soon", "asap"}


def _puts_off(sentence: SentenceFacts) -> bool:
    """Whether the sentence promises the answer later, vaguely or by coming back with it.

    "When will the corrected statement come through?" - "Accounts will send the corrected
    statement soon"; "why was I charged twice?" - "our billing team will investigate and
    we'll follow up": a sentence about the question that puts its answer off addresses it
    (SPEC §3); that no time is given is `vague-commitment`'s to report. Doing the act with
    no word of when ("we'll sort the refund" for "how long does the refund take?") does not.
    """
    return any(
        segment.mood == "future" and not segment.negated and defers_the_answer(segment.text)
        for segment in sentence.segments
    )


# The words of coming back later, which name no step of their own.
_DEFERRAL_STEMS = frozenset(
    token.stem for phrase in (*REPORTING_BACK, *VAGUE_TIMES) for token in tokenize(phrase)
)


def _names_its_own_step(sentence: SentenceFacts) -> bool:
    """Whether a sentence names something besides coming back later ("check with the lab").

    One that names what it will be about ("we'll update you *about the pool*") is about that,
    and answers a question only as a sentence about the question does.
    """
    if names_its_topic(sentence.text):
        return False
    return bool(content_stems(sentence.tokens) - _DEFERRAL_STEMS)


def _puts_off_until(sentence: SentenceFacts) -> bool:
    """Whether the sentence promises to come back with the answer by a time it names.

    "I'll check with Dan and message you back within the hour": the time is the coming
    back's, after it in its clause ("I'll check the 19th and come back to you" names a day,
    but not when the answer comes).
    """
    for segment in sentence.segments:
        if segment.mood != "future" or segment.negated:
            continue
        at = deferred_at(segment.text)
        if at is None:
            continue
        if any(
            not isinstance(m, AmountMention) and segment.start + at <= m.start < segment.end
            for m in sentence.mentions
        ):
            return True
    return False


def _breaks_down(question: Question, sentence: SentenceFacts) -> bool:
    """Whether the sentence gives the sum the question names as the sums it is made of.

    "Why is the quote $385?" - "The $385 includes the $120 call-out, plus $195 for the pump
    and $70 for fitting it": the sum asked about beside two or more others is its breakdown.
    """
    sums = [
        m.value.amount
        for m in sentence.mentions
        if isinstance(m, AmountMention) and isinstance(m.value, Money)
    ]
    asked = figures_of(question.text)
    named = [amount for amount in sums if _figure(amount) in asked]
    return bool(named) and len(sums) - len(named) >= 2


def _figure(amount: Decimal) -> str:
    """A sum as :func:`figures_of` writes it: "385", "19.99"."""
    return format(amount.normalize(), "f") if amount == amount.to_integral() else str(amount)


@attrs.frozen
class _Others:
    """The customer's other questions, as the reply's sentences are about them.

    ``about`` maps each sentence to the starts of the questions it is about, and
    ``yes_no_about`` to those of them that ask yes or no, both worked out once per reply, so
    asking "is this sentence about another question?" costs the same however many questions
    the customer asked.
    """

    about: Mapping[int, frozenset[int]]
    current: int
    yes_no: frozenset[int] = frozenset()
    questions: Sequence[tuple[Question, frozenset[str]]] = ()
    yes_no_about: Mapping[int, frozenset[int]] = attrs.field(factory=dict)

    def named_by(self, index: int) -> bool:
        about = self.about.get(index, frozenset())
        return len(about) > 1 or (len(about) == 1 and self.current not in about)

    def clause_about_another(
        self, sentence: SentenceFacts, segment: SegmentFacts, answering: datetime | None = None
    ) -> bool:
        """Whether one clause of a sentence is about another question, in its own words.

        With ``answering`` (the reply's ``now``), a clause about another question that asks
        for an amount counts only if it gives one: "How much is a blowout, and how long will
        it all take?" - "with the blowout you're looking at 2.5 hours" names the blowout but
        gives no price, so it is the time's answer, not the price's. (A cause or a yes may be
        in any words, so a clause about those is theirs whatever it gives.)
        """
        clause = _clause_of(sentence, segment)
        return any(
            question.start != self.current
            and _about(question, stems, clause, set(), False, question.days)
            and (
                answering is None
                or question.kind != "amount"
                or _supplies(question, clause, answering)
            )
            for question, stems in self.questions
        )

    def yes_no_named_by(self, index: int) -> bool:
        """Whether the sentence is about another question that a "yes" could answer."""
        about = self.yes_no_about.get(index, frozenset())
        return len(about) > 1 or (len(about) == 1 and self.current not in about)


_NO_OTHERS = _Others({}, -1)
# The one-word nouns of a business's rules ("policy", "rules"), stemmed once.
_POLICY_STEMS = frozenset(stem(w) for w in POLICY_NOUNS if " " not in w)


def _opens_with_a_figure(sentence: SentenceFacts, clause: SegmentFacts) -> bool:
    """Whether a clause starts with a number, time or amount: a piece of a list, not a clause."""
    return clause.text[:1].isdigit() or any(m.start == clause.start for m in sentence.mentions)


def _points_back_before_its_time(sentence: SentenceFacts, clause: SegmentFacts) -> bool:
    """Whether a clause points back by "it" before the first time it gives.

    "…and it takes 2 days" is about what was named before; in "you need to order before 2pm
    for it to go out the same day" the time comes first, and the "it" after it is the order.
    """
    times = [m.start for m in sentence.mentions if clause.start <= m.start < clause.end]
    upto = (min(times) if times else clause.end) - clause.start
    return has_anaphor(clause.text[:upto])


def _clause_of(sentence: SentenceFacts, segment: SegmentFacts) -> SentenceFacts:
    """The sentence cut down to one of its clauses, to ask what that clause alone is about."""

    def inside(start: int) -> bool:
        return segment.start <= start < segment.end

    return attrs.evolve(
        sentence,
        start=segment.start,
        end=segment.end,
        text=segment.text,
        tokens=tuple(t for t in sentence.tokens if inside(t.start)),
        segments=(segment,),
        terms=tuple(t for t in sentence.terms if inside(t.start)),
        mentions=tuple(m for m in sentence.mentions if inside(m.start)),
        quoted=(),
    )


def _answered(
    question: Question,
    stems: frozenset[str],
    reply: ReplyFacts,
    clauses: set[str],
    *,
    only_question: bool,
    only_of_its_kind: bool = False,
    only_how_to: bool = False,
    first_yes_no: bool,
    first_question: bool = False,
    siblings: Sequence[tuple[Question, frozenset[str]]] = (),
    others: _Others = _NO_OTHERS,
    days: frozenset[date] = frozenset(),
) -> bool:
    """Whether the reply answers one question, by each way an answer can be given.

    Each way is its own function, and any one of them is enough: a sentence about the
    question that gives what it asks, a form of answer its kind takes ("what are my
    options?" - anything offered), a sentence about no other question, or, for all the
    message asks, anything the reply says of its own. A yes/no question may still be
    answered by a yes or a no (:func:`_answered_yes_or_no`).
    """
    if _answered_sentence_by_sentence(
        question,
        stems,
        reply,
        clauses,
        only_question=only_question,
        first_question=first_question,
        siblings=siblings,
        others=others,
        days=days,
    ):
        return True
    sole = only_question or only_of_its_kind
    if _answered_in_its_form(question, reply, sole=sole):
        return True
    free = _free_sentences(question, reply, others, only_question=only_question)
    if _answered_by_a_free_sentence(question, reply, free, others, only_question=only_question):
        return True
    if _answered_with_its_time_or_amount(
        question,
        reply,
        free,
        others,
        only_question=only_question,
        only_of_its_kind=only_of_its_kind,
    ):
        return True
    if _answered_as_all_that_is_asked(
        question,
        reply,
        free,
        only_question=only_question,
        only_of_its_kind=only_of_its_kind,
        only_how_to=only_how_to,
    ):
        return True
    if question.kind != "yesno":
        return False
    return _answered_yes_or_no(
        question,
        stems,
        reply,
        clauses,
        only_question=only_question,
        first_yes_no=first_yes_no,
        others=others,
        days=days,
    )


def _answered_in_its_form(question: Question, reply: ReplyFacts, *, sole: bool) -> bool:
    """Whether the reply gives the form of answer the question's kind takes, in any sentence.

    ``sole``: no other question of the message asks for the same kind of thing.
    """
    # "What are my options?", "what can I do?": anything offered, done or to do answers it.
    # "What's involved?", "how does it work?": a list of what happens, or instructions.
    # "Any news?", "any update on my claim?": what the reply says has been done is the news.
    if asks_for_news(question.text) and any(
        g.mood == "done" and not g.negated for s in reply.sentences for g in s.segments
    ):
        return True
    if asks_what_next(question.text) and any(
        any(g.mood in ("offer", "future", "done") and not g.negated for g in s.segments)
        or gives_instructions(s.text)
        for s in reply.sentences
    ):
        return True
    if asks_how_it_goes(question.text) and any(
        introduces_a_list(s.text) or gives_instructions(s.text) for s in reply.sentences
    ):
        return True
    if asks_for_advice(question.text) and any(
        recommends(s.text) or introduces_a_list(s.text) for s in reply.sentences
    ):
        return True  # "What should we wear?" - "Here's what we recommend: …"
    if asks_whats_included(question.text) and any(
        says_what_it_covers(s.text) or introduces_a_list(s.text) for s in reply.sentences
    ):
        return True  # "What's included?" - "It covers 2 hours of bowling, shoes and pizza."
    if any(labels_its_answer(s.text, question.text) for s in reply.sentences):
        return True  # "how long can we keep it?" - "- **How long:** for as long as you need"
    if asks_how_likely(question.text) and any(states_how_likely(s.text) for s in reply.sentences):
        return True  # "What are the chances he'll be sound?" - "most horses return to work…"
    # "How fast will the gown come?" - "I can't give you an exact date until they confirm":
    # saying a time can't be given yet answers the only question asking for one.
    if question.kind == "time" and sole and any(hedges_a_time(s.text) for s in reply.sentences):
        return True
    # "What happens if we arrive after 10pm?" - "if you're late, your keys will be in the
    # lockbox": a sentence that says what follows from a case answers it.
    return asks_what_if(question.text) and any(
        any(g.condition for g in s.segments) for s in reply.sentences
    )


def _free_sentences(
    question: Question, reply: ReplyFacts, others: _Others, *, only_question: bool
) -> list[SentenceFacts]:
    """The sentences that may answer the question: those about no other question.

    Among several questions, a sentence about another answers that one. All may answer the
    only question; and "Can I get a refund, and how long will it take?": a time asked of
    "it" is the time of the act before, so a sentence about that act can give it.
    """
    of_it = question.refers_back and question.kind == "time"
    return [
        s for s in reply.sentences if only_question or of_it or not _about_another(reply, s, others)
    ]


def _answered_by_a_free_sentence(
    question: Question,
    reply: ReplyFacts,
    free: Sequence[SentenceFacts],
    others: _Others,
    *,
    only_question: bool,
) -> bool:
    """Whether a route, what follows from a case, or a substitute offered answers it."""
    # A route (a link, a ticket) answers any question, unless its sentence is about another
    # ("…can you send someone to fix it? Where are the care instructions?" - "They're at <link>").
    if any(find_routes(s.text) for s in free):
        return True
    # "What if I change my mind after signing?" - "you can cancel within 10 days"; "what
    # happens if the pump goes again?" - "you'll have a 12-month guarantee", "we'll come back
    # free": what the customer can do or will have, or what the business will do, is what
    # follows from the case.
    if asks_what_if(question.text) and any(
        tells_what_follows(s.text) or any(g.undertakes for g in s.segments) for s in free
    ):
        return True
    # "Could we sit on the terrace anyway?" - "We'll seat you in the garden room instead": a
    # substitute offered says no to what was asked, and what can be had instead.
    # (Its own clause must not be about another question: "…closed the Waterfall Loop…, and
    # we'll seat you in the garden room instead" answers "could we sit outside anyway?".)
    if question.kind == "yesno" and any(
        g.mood in ("offer", "future") and not g.negated and not others.clause_about_another(s, g)
        for s in reply.sentences
        if offers_instead(s.text)
        for g in s.segments
    ):
        return True
    # "The misting fans haven't worked in two weeks. Are you fixing them?" - "We'll get the
    # maintenance crew to look at the misters": the only question asks whether the business
    # will act, and an undertaking to act says what it will do (not "whatever you want us
    # to do, we'll do it", which says nothing of what).
    if (
        only_question
        and asks_whether_we_act(question.text)
        and any(
            g.undertakes
            and not g.negated
            and names_a_thing(g.text)
            and not find_sycophancy(s.text)
            for s in free
            for g in s.segments
        )
    ):
        return True
    # "Will my number come across before New Year?" - "the port will complete by Tuesday 29
    # December": the only question asks whether something comes by a day, and a day to come
    # says when it will (a length of time, "that takes 3-5 days", may time something else).
    return (
        only_question
        and question.kind == "yesno"
        and bool(question.days)
        and any(
            isinstance(m, DeadlineMention) and m.due >= reply.now and not m.gone
            for s in free
            for m in s.mentions
        )
    )


def _answered_with_its_time_or_amount(
    question: Question,
    reply: ReplyFacts,
    free: Sequence[SentenceFacts],
    others: _Others,
    *,
    only_question: bool,
    only_of_its_kind: bool,
) -> bool:
    """Whether a time or an amount the question asks for is given where it may answer it."""
    # The customer's only question asks when (or where their order is), and the reply
    # gives a time: "How long till we've power?" - "connected within a month". Among
    # several questions, a time answers the only one that asks for a time ("How long do I
    # have to return it, and do I pay for the pickup?" - "You've got 30 days from delivery").
    # A sentence about another of the customer's questions answers that one ("Can I send it
    # back, and how long does the refund take?" - "you can send it back within 30 days").
    asks_when = question.kind == "time" or (only_question and asks_where(question.text))
    sole = only_question or only_of_its_kind
    after = None if asks_the_past(question.text) else reply.now
    free = [s for s in free if not _farewell_on_their_day(s, reply)]
    if sole and asks_when and any(_gives_a_time(s, after) for s in free):
        return True
    # "What time will you get here?" - "We'll be with you at 8am": a clock time answers the
    # only question asking for an hour, whatever day it is on.
    if sole and asks_the_hour(question.text) and any(gives_a_clock_time(s.text) for s in free):
        return True
    if sole and asks_when and any(says_not_known_yet(s.text) for s in reply.sentences):
        return True  # "Any idea when you'll get more in?" - "Not sure yet, our supplier…"
    # "How quickly can you get here, and what's it cost?" - "An engineer can be with you within
    # 2 hours and the call-out fee is £79": a sentence about another question in its own words
    # gives this one's time in a clause about no other (one that points back by "it" may be
    # about what the sentence before was about, and a piece of a list that opens with its
    # figure, "we're open on 29, | 30 and 31 December", is no clause of its own).
    if (
        sole
        and asks_when
        and any(
            _gives_a_time(_clause_of(s, clause), after)
            and not _opens_with_a_figure(s, clause)
            and not _points_back_before_its_time(s, clause)
            and not others.clause_about_another(s, clause, answering=reply.now)
            for s in reply.sentences
            if others.named_by(s.index)
            for clause in s.segments
        )
    ):
        return True
    # "Can we have our money back, and when will it arrive?" - "you'll have the money back by
    # Thursday 10 September": "it" is the thing asked about before, so a time said in a
    # sentence about that one answers when.
    if (
        sole
        and asks_when
        and has_anaphor(question.text)
        and any(_gives_a_time(s, after) for s in reply.sentences)
    ):
        return True
    # "How much is the warranty, and how long does it last?" - "it covers you for 24 months":
    # "it" is the thing asked about before, so a sentence about that one can answer.
    lasting = reply.sentences if has_anaphor(question.text) else free
    if asks_how_long_it_lasts(question.text) and any(
        isinstance(m, DurationMention) and m.role in ("for", "window", "bare")
        for s in lasting
        for m in s.mentions
    ):
        return True
    # "How long is the tour, and how many stops are in *it*?": "it" is the thing asked about
    # before, so a sentence about that one can give the number.
    counted = reply.sentences if has_anaphor(question.text) else free
    amounts = (s for s in counted if any(isinstance(m, AmountMention) for m in s.mentions))
    if "price" in question.concepts:
        amounts = (s for s in counted if _gives_a_price(s))
    elif asks_how_many_units_of_time(question.text):
        # "How many hours a week should I expect?" - "most learners spend 4-5 hours a week".
        amounts = (
            s
            for s in counted
            if any(
                isinstance(m, DurationMention) and m.role not in ("ago", "age")
                for m in s.mentions
            )
        )
    elif asks_how_many(question.text):
        amounts = (s for s in counted if _counts_things(s))  # any count answers "how many"
    # "What does the pickup cost, and can I do it Friday?" - "It's $49."
    return only_of_its_kind and question.kind == "amount" and any(amounts)


def _farewell_on_their_day(sentence: SentenceFacts, reply: ReplyFacts) -> bool:
    """Whether the sentence wishes them well on a day they named ("See you on the 19th!")."""
    if reply.customer is None:
        return False
    times = [reply.text[m.start : m.end] for m in sentence.mentions if isinstance(m, _TIMES)]
    return farewell_on_their_day(sentence.text, times, reply.customer.text)


def _answered_as_all_that_is_asked(
    question: Question,
    reply: ReplyFacts,
    free: Sequence[SentenceFacts],
    *,
    only_question: bool,
    only_of_its_kind: bool,
    only_how_to: bool,
) -> bool:
    """Whether the reply answers a question that is all (or all of its kind) the message asks.

    Instructions, what it depends on, a next step, a no, a cause, or, for a question asked
    alone, anything the reply says of its own about the case.
    """
    # "How do I give it to her?" - "open the order and tap Transfer".
    how_to = (only_question or only_how_to) and asks_how_to(question.text)
    if how_to and any(gives_instructions(s.text) for s in reply.sentences):
        return True
    if only_question and any(
        says_it_depends(s.text) or hedges_which(s.text) for s in reply.sentences
    ):
        # "Which is better?" - "whether it saves you money depends on…, so I can't say for
        # certain which works out cheaper": what it turns on is the honest answer.
        return True
    if only_question and any(find_next_steps(s.text) for s in reply.sentences):
        return True  # "Any way to get the difference?" - "Send me your order number"
    if _taken_up(question, reply, only_question=only_question):
        return True
    if only_question and any(
        find_refusal(s.text) is not None or says_what_alone(s.text) for s in reply.sentences
    ):
        # Saying it can't be done answers the one thing asked, and so does saying what alone
        # can: "Do you take two-year-olds?" - "We can only take children from age 3".
        return True
    if question.kind == "reason" and _answered_with_a_cause(
        question,
        reply,
        free,
        only_question=only_question,
        only_of_its_kind=only_of_its_kind,
    ):
        return True
    # The message asks one thing, and the reply says something of its own about the
    # customer's case: by the benefit of the doubt, that is its answer, in whatever words
    # ("My son is 4, can he join the swim class?" - "Once he's 5 and has had his first
    # lesson, he's very welcome"). What needs a kind of answer still needs it: a
    # cause for "why", steps for "how do I", a price for "is there a charge", a day for
    # "will it be done by the 20th".
    return (
        question.alone
        and question.kind in ("yesno", "open")
        and not (question.days and asks_by_a_day(question.text))
        and "price" not in question.concepts
        and not asks_how_to(question.text)
        and any(_speaks_to(s, reply) for s in reply.sentences)
    )


def _taken_up(question: Question, reply: ReplyFacts, *, only_question: bool) -> bool:
    """Whether the one thing asked is taken up by a next step that gets its answer."""
    if question.alone and any(_puts_off(s) and _names_its_own_step(s) for s in reply.sentences):
        # "Has my parcel turned up?" - "I'll ask the post room and let you know":
        # the one thing asked is taken up by a step of its own (whom or what is checked),
        # the next step that gets the answer; that it has no time is `vague-commitment`'s to
        # report. "We'll look into it" names nothing, and leaves it open.
        return True
    # "Have you got any koi in this week?" - "I'll check with the fish room and message you
    # back within the hour": the one thing asked is taken up, its answer promised by a time
    # the customer can hold us to (with none, "we'll look into it" leaves it open).
    return only_question and any(_puts_off_until(s) for s in reply.sentences)


def _answered_with_a_cause(
    question: Question,
    reply: ReplyFacts,
    free: Sequence[SentenceFacts],
    *,
    only_question: bool,
    only_of_its_kind: bool,
) -> bool:
    """Whether the reply gives the cause a "why" asks for."""
    if only_question and any(opens_with_because(s.text) for s in reply.sentences):
        return True  # "Why does it say no purchases?" - "Because she hasn't made any."
    if any(
        _speaks_to(s, reply)
        and _opens_with_a_statement(s)
        and not concedes(s.text)
        for s in (reply.sentences if question.alone else free)
    ):
        # "Why was €12 taken from my balance?" - "You bumped 4 listings yesterday, at €3 a
        # bump": a cause needs no "because". A sentence that states something of the
        # customer's case (no offer, no promise, no apology) is, by the benefit of the doubt,
        # what accounts for it, whatever it goes on to promise ("The plumber needed a part
        # that only arrived yesterday; he's booked for tomorrow"); "Sorry! We'll send you a
        # voucher" still leaves it open, and so does granting the customer's side ("I know it
        # looks calm in the bay").
        return True
    # "Data keeps cutting out, any idea why?" - "There's work on the mast, which is the
    # likely cause": a why with hardly a word of its own asks about what was just said, and
    # any cause the reply gives is about it, whatever else the message asks ("My rate went
    # up?! Why? Any discount?").
    return (
        only_of_its_kind
        and len(_stems_said(question.text)) <= 1
        and any(gives_reason(s.text) for s in reply.sentences)
    )


def _opens_with_a_statement(sentence: SentenceFacts) -> bool:
    """Whether a sentence's first clause states something.

    No offer, promise, apology or instruction: "Pop down to reception and we'll make you a
    new one" tells the customer what to do, and states no cause.
    """
    first = sentence.segments[0] if sentence.segments else None
    return (
        first is not None
        and first.mood == "statement"
        and not shows_sympathy(first.text)
        and not joins_imperative_to_promise(sentence.text)
        and not gives_instructions(first.text)
        and not find_next_steps(first.text)
    )


def _answered_sentence_by_sentence(
    question: Question,
    stems: frozenset[str],
    reply: ReplyFacts,
    clauses: set[str],
    *,
    only_question: bool,
    first_question: bool,
    siblings: Sequence[tuple[Question, frozenset[str]]],
    others: _Others,
    days: frozenset[date],
) -> bool:
    """Whether one sentence of the reply, about the question, gives what it asks for."""
    previous_about = False
    # A question that points back and asks something of its own ("Why was I charged $25? And
    # can you refund *it*?") is about its own words; a sentence that follows one about what it
    # points to and points there too ("That's our annual fee. If you think *it* was taken in
    # error, DM us") is about it as well.
    borrowed = question.stems - stems if question.refers_back else frozenset()
    previous_about_borrowed = False
    for sentence in reply.sentences:
        # "It's on the van" opening a reply refers back to the first question only; later,
        # "It takes 7-10 business days" refers back to the sentence before when that one was
        # about the question ("…your $75 deposit refund is on its way.").
        refers_back = only_question or (first_question and sentence.index == 0) or previous_about
        # "See you on board!" shares "board" with "is there a café on board?", and answers
        # nothing.
        about = not bids_farewell(sentence.text) and (
            _about(question, stems, sentence, clauses, refers_back, days)
            # The only question asks "how many": a number is its answer, in whatever words
            # ("How many tools can I borrow?" - "Up to 3 at a time").
            or (only_question and question.kind == "amount" and _names_a_count(sentence))
            # ...and one asking "when" or "how long" by a time of the act it names ("How late
            # can I move our booking?" - "You can reschedule up to 2 hours before your game").
            or (only_question and question.kind == "time" and _times_an_act(sentence, clauses))
            # The only question is answered by a promise of the outcome, honest or not ("Will it
            # be ready for Christmas?" - "I guarantee it'll be perfectly ripe by then").
            or (
                only_question
                and question.kind in ("yesno", "open")
                and bool(find_guarantees(sentence.text))
            )
        )
        if about and _priced_for_another(
            question, stems, sentence, clauses, others.questions, days
        ):
            about = False
        if borrowed and not about:
            about = previous_about_borrowed and has_anaphor(sentence.text)
            previous_about_borrowed = bool(borrowed & _stems_said(sentence.text)) or (
                others.named_by(sentence.index)
            )
        previous_about = about
        if about and _supplies(question, sentence, reply.now):
            return True
        # Asking for the record that holds the answers, or saying it can't be shared, answers
        # every part of a two-part question ("which shirts did I order, and what are they
        # made of?" -> "could you give me the order id?"); asking for a photo does not.
        if asks_for_record(sentence.text) and any(
            _about(other, other_stems, sentence, clauses, refers_back)
            for other, other_stems in siblings
        ):
            return True
        # "who bought it and what did they pay?" - "I can't share that"; not a no whose clause
        # is about another question in its own words ("can you bring fuel to my slip? also
        # what's the diesel price?" - "We don't do fuel delivery, sorry!"), though its sentence
        # may be ("She's welcome on the tour, but we can't serve her any beer").
        refusal = find_refusal(sentence.text) if siblings else None
        if refusal is not None and not others.clause_about_another(
            sentence, sentence.segment_at(sentence.start + refusal[0])
        ):
            return True
        if (
            question.refers_back
            and (question.kind in ("time", "amount") or "price" in question.concepts)
            and find_refusal(sentence.text) is not None
        ):
            # "Can you do a setup on a 7-string? Also how long would *it* take?" - "sorry, we're
            # not able to take that one on": saying no to the act answers what it would take or
            # cost, however the cost is asked ("do you charge for *that*?"); "do you have *it*
            # in pink?" asks of the thing, and stays to be answered.
            return True
    return False


def _priced_for_another(
    question: Question,
    stems: frozenset[str],
    sentence: SentenceFacts,
    clauses: set[str],
    questions: Sequence[tuple[Question, frozenset[str]]],
    days: frozenset[date],
) -> bool:
    """Whether a sentence is about a question only by a price it gives another question.

    "Is there parking? Also can I pay for the hire kit on the day?" - "Yep, free parking
    right outside": the price is the parking's, named in its own words, and says nothing
    of paying for the kit.
    """
    if "price" not in question.concepts or not _gives_a_price(sentence):
        return False
    if not _prices_a_thing_of_its_own(question.text, stems):
        return False
    unpriced = attrs.evolve(question, concepts=question.concepts - {"price"})
    if _about(unpriced, stems, sentence, clauses, False, days):
        return False
    return any(
        other_stems & _stems_said(sentence.text)
        for other, other_stems in questions
        if other.start != question.start
    )


@lru_cache(maxsize=4096)
def _prices_a_thing_of_its_own(question: str, stems: frozenset[str]) -> bool:
    """Whether a price question names a thing of its own, not what another names.

    "Is there a charge?", "what's that cost?", "do we pay for them?", "is there an extra
    cost?" ask the price of what another question names (a word just before the price's
    only says which price): any price the reply gives may be it. "Can I pay for the hire
    kit on the day?" names the kit. Worked out once per question, however many sentences
    give a price.
    """
    if has_anaphor(question):
        return False
    tokens = list(tokenize(question))
    priced = ["price" in concepts_of(t.text) for t in tokens]
    return any(
        t.stem in stems and not priced[i] and not (i + 1 < len(tokens) and priced[i + 1])
        for i, t in enumerate(tokens)
    )


def _answered_yes_or_no(
    question: Question,
    stems: frozenset[str],
    reply: ReplyFacts,
    clauses: set[str],
    *,
    only_question: bool,
    first_yes_no: bool,
    others: _Others,
    days: frozenset[date],
) -> bool:
    """Whether a yes/no question is answered by a yes, a no, a hedge, an outcome or an offer."""
    # A bare "yes" answers the first yes/no question only. Saying no, hedging, or
    # offering to do it (for a request, "Can you…?") answers the first one, or one
    # the sentence is about.
    # None of this answers the first question from a sentence about another question ("can I
    # get a refund, and can you rebook me?" - "I've booked you with Marco").
    request = bool(is_request(question.text))
    # Whether a sentence before this one was about another yes/no question.
    yes_no_before = False
    for s in reply.sentences:
        yes_no_before = yes_no_before or (s.index > 0 and others.yes_no_named_by(s.index - 1))
        if not only_question and _spares_another_act(question, stems, s, clauses, days):
            continue
        # An opening "yes" belongs to the first question ("Yes, and an extra night is £95"),
        # unless what it says is about another question alone ("do you have a shuttle, and is
        # breakfast included?" - "Yes, breakfast is included").
        # ...and only another question a "yes" can answer: "Do you do buttonholes, and how
        # much are they?" - "Yes, boutonnieres are $18 each" says yes to the first.
        yes_to_another = (
            not only_question
            and not says_yes_and(s.text)
            and _about_another(reply, s, others)
            and (not others.yes_no or others.yes_no_named_by(s.index))
            and not _about(question, stems, s, clauses, False, days)
        )
        if first_yes_no and (says_yes_or_no(s.text) or s.agreement) and not yes_to_another:
            return True
        # "Do you bring water? Also, does someone have to be home?" - "We're self-contained.
        # And nope, you don't need to be there.": after a sentence about an earlier yes/no
        # question (the one before, or any before it: "Yes, chips are fixed free. We've got
        # openings tomorrow. And yes, we stock cuticle oil."), an "and" with a yes or no goes
        # on to the next one.
        if not first_yes_no and yes_no_before and goes_on_with_yes_or_no(s.text):
            return True
        first = first_yes_no and (only_question or not _about_another(reply, s, others))
        # Done, or being done as the reply is written ("I'm dispatching a crew to you now").
        outcome = any(g.mood == "done" and not g.negated for g in s.segments) or (
            request and acts_now(s.text)
        )
        if first and (request or question.refers_back) and outcome:
            return True  # "Is that enough to get started?" - "I've located your account."
        refuses = find_refusal(s.text) is not None or is_hedge(s.text)
        says_something = refuses or _says_something_to_it(s, request=request)
        if refuses and first_yes_no:
            return True  # saying no answers the first request, whatever else it names
        # "…is this pink eye? Can you tell from the picture?" - "sorry, that's not something
        # we're able to do": a no that points back, about no other question, answers any
        # request ("we can't do storage for that long" names its own act).
        if (
            refuses
            and request
            and says_no_to_it(s.text)
            and not _about_another(reply, s, others)
        ):
            return True
        if says_something and (first or _about(question, stems, s, clauses, False)):
            return True
    return False


def _spares_another_act(
    question: Question,
    stems: frozenset[str],
    sentence: SentenceFacts,
    clauses: set[str],
    days: frozenset[date],
) -> bool:
    """Whether the sentence says there is no need to do an act the question does not name.

    "No need to bring anything" says no to bringing, not to "should I eat before?" (a
    sentence about the question may say it in other words; "no need to be there" names no
    act of its own).
    """
    spared = spares_an_act(sentence.text) & _stems_said(sentence.text)
    return (
        bool(spared)
        and not spared & question.stems
        and not _about(question, stems, sentence, clauses, False, days)
    )


def _says_something_to_it(sentence: SentenceFacts, *, request: bool) -> bool:
    """Whether a sentence says no, or (to a request) offers, does or sets out a next step.

    Sympathy, a closing offer of help and a lead-in to a list say nothing about the
    request, whatever their verbs: "I'm sorry your session didn't go ahead", "Anything else
    I can help with?", "Here's where things stand:". A negation in a condition asserts
    nothing: "20 minutes if there's nothing wrong".
    """
    text = sentence.text
    if shows_sympathy(text) or closes(text) or introduces_a_list(text):
        return False
    segments = sentence.segments
    return (
        any(g.negated and not g.condition for g in segments)
        or (request and any(g.mood in ("offer", "future", "done") for g in segments))
        or (request and bool(find_next_steps(text)))
    )


_LABEL_REACH = 12


def _numbered_one_by_one(reply: ReplyFacts, questions: Sequence[Question]) -> bool:
    """Whether the reply's numbered items run 1, 2, … as far as the questions asked."""
    asked = len({q.alternatives for q in questions})
    customer = reply.customer
    # No more question marks than questions, or the numbers may count questions not read as
    # such (a question without its mark, "…is there food? and whats the age limit", counts).
    if asked < 2 or customer is None or customer.text.count("?") > asked:
        return False
    labels = _item_labels(reply)
    return all(str(number) in labels for number in range(1, asked + 1))


def _item_labels(reply: ReplyFacts) -> frozenset[str]:
    """The numbers or letters the reply's sentences open with as items of a list."""
    text = reply.text
    labels = set()
    for sentence in reply.sentences:
        # The label opens the line just before the sentence ("\n2) "): look no further back.
        reach = max(0, sentence.start - _LABEL_REACH)
        newline = text.rfind("\n", reach, sentence.start)
        line = newline + 1 if newline >= 0 else (0 if reach == 0 else sentence.start)
        label = item_label(text[line : min(sentence.end, line + _LABEL_REACH)])
        if not label and line < sentence.start:
            # ...or the sentence itself, in a list run on in one line ("hey! 1) walk-ins are
            # welcome. 2) yes, full kitchen").
            own = text[sentence.start : min(sentence.end, sentence.start + _LABEL_REACH)]
            label = item_label(own)
        if label:
            labels.add(label)
    return frozenset(labels)


def _after_opening_sympathy(sentence: SentenceFacts) -> Sequence[SegmentFacts] | None:
    """The sentence's clauses after the greeting and apology that open it, if any open it.

    "Hi Nicole, sorry about that, it looks like a double charge from our billing run": what
    follows the apology is read. Not after "sure" or "no problem", which agree to something
    ("Sure, he's in 1019" answers the question it agrees to, not another). An apology that goes
    on to judge what happened ("I'm so sorry, that's not the service we want to give") is
    still the apology: None.
    """
    segments = sentence.segments
    at = 0
    while at < len(segments) and (
        shows_sympathy(segments[at].text) or only_greets(segments[at].text)
    ):
        at += 1
    if at == 0 or at == len(segments) or not any(
        shows_sympathy(g.text) for g in segments[:at]
    ):
        return None
    rest = segments[at:]
    if rest[0].negated and opens_with_pronoun(rest[0].text):
        return None  # "that's not…", "this shouldn't have happened"
    return rest


def _speaks_to(sentence: SentenceFacts, reply: ReplyFacts) -> bool:
    """Whether a sentence says something of its own about what the customer wrote.

    Not: courtesies, sympathy, thanks, flattery, closings, a question back, a signature, or
    a later act with no time ("we'll look into it"). Said: a yes or a no, a refusal, an
    offer, an act done or to come, something about "it"/"she", or words of the message.
    """
    text = sentence.text
    if len(sentence.tokens) <= _SIGNATURE_WORDS or text.rstrip().endswith("?"):
        return False
    # A greeting and an apology that open the sentence are set aside, and the rest is read:
    # "Hi Nicole, sorry about that, it looks like a double charge from our billing run".
    segments = _after_opening_sympathy(sentence)
    if segments is None:
        segments = sentence.segments
    else:
        text = text[segments[0].start - sentence.start :]
    if (
        is_pleasantry(text)
        or shows_sympathy(text)
        or closes(text)
        or bids_farewell(text)
        or acknowledges(text)
        or introduces_a_list(text)
        or is_courtesy(text)
        or find_sycophancy(text)
    ):
        return False
    untimed = all(isinstance(m, AmountMention) for m in sentence.mentions)
    for segment in sentence.segments:
        if segment.mood != "future" or segment.negated:
            continue
        if defers_the_answer(segment.text) or (untimed and find_later_acts(segment.text)):
            # "We'll look into it", "I'll check the 19th and come back to you": the answer is
            # still to come (by a time it names, see _puts_off_until).
            return False
    customer = reply.customer
    message = customer.text if customer is not None else ""
    return (
        says_yes_or_no(text)
        # When something happens: "an engineer is booked for Thursday", or the time given
        # for it: "any knife can be brought back for a free redo within 7 days" (not a rate,
        # "£15 a night").
        or any(
            isinstance(m, (DeadlineMention, RelativeMention))
            or (isinstance(m, DurationMention) and m.role in _TIME_GIVEN)
            for m in sentence.mentions
        )
        or any((g.negated and not g.condition) or g.mood != "statement" for g in segments)
        or opens_with_pronoun(text)
        or bool(_stems_said(text) & _stems_said(message))
        or bool(concepts_of(text) & concepts_of(message))
    )


def _about_another(reply: ReplyFacts, sentence: SentenceFacts, others: _Others) -> bool:
    """Whether a sentence is about another question, in its own words or by "it"/"that".

    "Why was my card declined?" - "It was blocked after three wrong PINs. I've unblocked *it*,
    so you can use it straight away": the second sentence is still about the card.
    """
    if others.named_by(sentence.index):
        return True
    if sentence.index == 0 or not has_anaphor(sentence.text):
        return False
    return others.named_by(sentence.index - 1)


def _questions_by_sentence(
    reply: ReplyFacts, questions: Sequence[tuple[Question, frozenset[str]]]
) -> dict[int, frozenset[int]]:
    """For each sentence, the questions it is about ("It…" opening a reply: the first)."""
    first = questions[0][0].start if questions else -1
    return {
        sentence.index: frozenset(
            q.start
            for q, stems in questions
            if _about(q, stems, sentence, set(), sentence.index == 0 and q.start == first, q.days)
        )
        for sentence in reply.sentences
    }


def _only_gathers(reply: ReplyFacts) -> bool:
    """Whether the reply only asks for what it needs to answer, hands over, or states its scope.

    Such a reply answers every question (SPEC §3); one that also says something of its
    own ("Yes, you can send it back. Could you send a photo?") must answer the rest.
    """
    if any(states_scope(s.text) or hands_over(s.text) for s in reply.sentences):
        return True
    gathering = [bool(gathers(s.text)) for s in reply.sentences]
    # "Are they both vaccinated? Pricing depends on that.": a question the answer is said to
    # turn on asks for what is needed to give it, whatever its words.
    for i in range(len(gathering) - 1):
        if reply.sentences[i].question and says_it_depends(reply.sentences[i + 1].text):
            gathering[i] = True
    listing = False
    for i in range(1, len(gathering)):
        # "could you send me: - the full model number - a photo of the error": the items of a
        # list opened by a sentence that gathers are what it asks for.
        previous = reply.sentences[i - 1].text.rstrip()
        listing = (listing or (gathering[i - 1] and previous.endswith(":"))) and _opens_a_line(
            reply, reply.sentences[i]
        )
        if listing:
            gathering[i] = True
            continue
        # "What's your order number? It starts with VC- and it's in your confirmation
        # email." / "… Then I can see which seats were billed.": a sentence that points back
        # says where to find what is asked, or what it is for.
        # So does one that says what the answer turns on: "What neighborhood are you in?
        # Pricing and availability both depend on whether we can fit them into a walk."
        text = reply.sentences[i].text
        if gathering[i - 1] and (
            opens_with_pronoun(text) or says_what_it_is_for(text) or says_it_depends(text)
        ):
            gathering[i] = True
    # The same said first: "The cost depends on the cause and the length of wall affected.
    # Could you send us your postcode and a couple of photos?"
    for i in range(len(gathering) - 2, -1, -1):
        if gathering[i + 1] and not gathering[i] and says_it_depends(reply.sentences[i].text):
            gathering[i] = True
    # (A way to talk instead, "if it's easier to chat, our line is 01 555 0142", asks for
    # the same details by another road.)
    # ...and so does undertaking to give the answer once they come ("Happy to give you a
    # number! What's in the collection roughly?").
    return any(gathering) and all(
        g
        or is_pleasantry(s.text)
        # Sympathy says nothing of its own: "Really sorry about this. Can you send me the job
        # number?" only gathers.
        or (shows_sympathy(s.text) and not declines_more_than_sympathy(s.text))
        or len(s.tokens) <= _SIGNATURE_WORDS
        or find_routes(s.text)
        or promises_the_answer(s.text)
        for g, s in zip(gathering, reply.sentences, strict=True)
    )


# What may stand before a list item on its line: bullets, numbers and their marks.
_ITEM_MARKS = " \t-*\u2022\u00b7\u2013\u2014.)0123456789"


def _opens_a_line(reply: ReplyFacts, sentence: SentenceFacts) -> bool:
    """Whether a sentence starts its line, after at most a bullet or a number ("- a photo")."""
    start = reply.line_start(sentence.start)
    return start > 0 and not reply.text[start : sentence.start].strip(_ITEM_MARKS)


def _leave_given_to_it(
    leave_given: Sequence[SentenceFacts],
    question: Question,
    about_by_sentence: Mapping[int, frozenset[int]],
    questions: Sequence[tuple[Question, frozenset[str]]],
) -> bool:
    """Whether a clause giving leave is about no other question than this one."""
    others = _Others(about_by_sentence, question.start, frozenset(), questions)
    return any(
        not others.clause_about_another(sentence, segment)
        for sentence in leave_given
        for segment in sentence.segments
        if gives_the_customer_leave(segment.text)
    )


# A sentence this short is a signature or an interjection ("*SR", "-Emilia", "Thanks!").
_SIGNATURE_WORDS = 2


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report each customer question the reply leaves unaddressed."""
    customer = reply.customer
    if customer is None or not reply.sentences:
        return
    # A reply that only gathers what it needs to answer, or hands the customer over, answers
    # every question; one that answers some and asks for a detail has not answered the rest.
    gathers = _only_gathers(reply)
    unanswered: list[tuple[tuple[int, int], RawFinding]] = []
    answered_groups: set[tuple[int, int]] = set()
    questions, distinct = _told_apart(customer.questions)
    distinct_questions = [(q, distinct[id(q)]) for q in questions]
    about_by_sentence = _questions_by_sentence(reply, distinct_questions)
    yes_no_starts = frozenset(q.start for q in questions if q.kind == "yesno")
    yes_no_by_sentence = {i: about & yes_no_starts for i, about in about_by_sentence.items()}
    first_yes_no = True
    # Counted once: how many questions of each kind, and how many ask how to do something.
    kinds = Counter(q.kind for q in questions)
    how_tos = sum(bool(asks_how_to(q.text)) for q in questions)
    # "Any news on the survey? And has the offer come through?" - "Not yet on either": a yes
    # or no to all of them answers every yes/no question.
    to_every_yes_no = any(answers_every_question(s.text) for s in reply.sentences)
    leave_asked = sum(asks_leave(q.text) for q in questions)
    existence_asked = sum(asks_if_there_is(q.text) for q in questions)
    leave_given = (
        [s for s in reply.sentences if gives_the_customer_leave(s.text)] if leave_asked == 1 else []
    )
    homes, by_home = _homes(customer, questions)
    # "1) do you open on Sundays? 2) how much…?" - "1) Yes, … 2) A wash is $12.": an
    # item of a numbered reply answers the question with its number.
    labelled = any(q.label for q in questions)
    numbered = _item_labels(reply) if labelled else frozenset()
    # "A few questions: can…? Do I…? And is it…?" - "1. Yes… 2. You can… 3. Dentists are
    # available…": a reply numbered item by item, as many as the questions, answers them in
    # their order.
    in_order = not labelled and _numbered_one_by_one(reply, questions)
    for question in questions:
        if (
            in_order
            or (question.label and question.label in numbered)
            or (to_every_yes_no and question.kind == "yesno")
        ):
            answered_groups.add(question.alternatives)
            first_yes_no = first_yes_no and question.kind != "yesno"
            continue
        stems = distinct[id(question)]
        home = homes[id(question)]
        siblings = [
            (other, distinct[id(other)])
            for other in (by_home.get(home.index, []) if home is not None else [])
            if other is not question
        ]
        # A question's terms and their words lie in its own sentence.
        own_terms = home.terms if home else ()
        named = [t for t in own_terms if question.start <= t.start < question.end]
        clauses = {t.clause for t in named}
        # Among several questions, a sentence about the same clause answers one only when it
        # asks about nothing but the clause ("…, and do you install *on weekends*?" asks more).
        term_stems = {
            token.stem
            for token in (home.tokens if home else ())
            if any(t.start <= token.start < t.end for t in named)
        }
        answered = _answered(
            question,
            stems,
            reply,
            clauses if len(questions) == 1 or stems <= term_stems else set(),
            only_question=len(questions) == 1,
            only_of_its_kind=kinds[question.kind] == 1,
            only_how_to=how_tos == 1,
            first_yes_no=first_yes_no,
            first_question=question is questions[0],
            siblings=siblings,
            others=_Others(
                about_by_sentence,
                question.start,
                yes_no_starts,
                distinct_questions,
                yes_no_by_sentence,
            ),
            days=question.days,
        )
        if question.kind == "yesno":
            first_yes_no = False
        # "Can I wait there?" - "You're welcome to hang out in the lobby": the one question
        # asking leave is answered by leave given, in whatever words it names the act, in a
        # sentence about no other question ("Do we need to bring anything? Can my mum get into
        # the room?" - "You're welcome to bring a blanket" answers only the first).
        answered = answered or (
            asks_leave(question.text)
            and _leave_given_to_it(leave_given, question, about_by_sentence, distinct_questions)
        )
        # "Also is there a pharmacy nearby?" - "There's a Walgreens a block away": the one
        # question whether something exists is answered by what there is, in a sentence about
        # no other question.
        answered = answered or (
            existence_asked == 1
            and asks_if_there_is(question.text)
            and any(
                says_there_is(s.text) and not (about_by_sentence[s.index] - {question.start})
                for s in reply.sentences
            )
        )
        if answered:
            answered_groups.add(question.alternatives)
            continue
        unanswered.append((question.alternatives, _finding(reply, question, clauses)))
    if not gathers:
        yield from (f for group, f in unanswered if group not in answered_groups)


def _told_apart(
    questions: Sequence[Question],
) -> tuple[tuple[Question, ...], dict[int, frozenset[str]]]:
    """The questions narrowed to what tells each apart, and each one's telling words by id.

    A word, concept or sense that several questions use tells none of them apart.
    """
    distinct = {}
    has_own_words = {}
    shared_concepts = []
    # How many questions use each word and concept: one used by another question too tells
    # this one apart from nothing (counted once, so many questions cost no more than a few).
    # Alternatives joined by "or" are one question ("do I need to book or can I just walk
    # in?"), so what they share is counted once.
    groups: dict[tuple[int, int], list[Question]] = {}
    for question in questions:
        groups.setdefault(question.alternatives, []).append(question)

    def uses(words: Callable[[Question], frozenset[Any]]) -> Counter[Any]:
        return Counter(
            w for group in groups.values() for w in frozenset().union(*map(words, group))
        )

    # A word and one derived from it ("install", "installation") are one word here, as they
    # are when a sentence answers (see _about).
    stem_uses = uses(lambda q: q.stems | _roots(q.stems))
    concept_uses = uses(lambda q: q.concepts)
    # A sense that several questions name ("rent" and "rental", "install" and
    # "installation") tells none of them apart, as a shared word would not.
    sense_uses = uses(lambda q: q.senses)
    for question in questions:
        # (A word derived from one another question uses is shared too: "treatment" beside
        # "do you treat bed bugs?".)
        others = frozenset(
            stem
            for stem in question.stems
            if stem_uses[stem] > 1 or any(stem_uses[root] > 1 for root in _roots((stem,)))
        )
        # A question is told apart by the words no other question uses, borrowed or its own:
        # "When will I get my refund? And can I get *it* as credit instead?" borrowed "refund"
        # from the question before, which uses it too, so it is about credit, and a sentence
        # about the refund answers the question before it. One with no such word keeps all
        # of its words ("Can I get a refund? How long will *it* take?").
        # The noun of a rule tells nothing apart either: "I'd like to know your returns
        # policy" asks about returns, as "can I return the boots?" beside it does.
        own = question.stems - others - _POLICY_STEMS
        distinct[id(question)] = own or question.stems
        has_own_words[id(question)] = bool(own)
        shared_concepts.append(
            frozenset(c for c in question.concepts if own and concept_uses[c] > 1)
        )
    # A concept that several questions share ("how long will my refund take, and can I get the
    # money back on another card?") tells none of them apart when each has words of its own.
    evolved = []
    for question, shared in zip(questions, shared_concepts, strict=True):
        # ...and so does a sense, unless the question only borrowed words ("Could you check
        # that for me?" asks about what "that" points to, in all its words).
        borrows_only = question.refers_back and not has_own_words[id(question)]
        shared_senses = frozenset(
            s for s in question.senses if sense_uses[s] > 1 and not borrows_only
        )
        if question.concepts & shared or shared_senses:
            narrowed = attrs.evolve(
                question,
                concepts=question.concepts - shared,
                senses=question.senses - shared_senses,
            )
            distinct[id(narrowed)] = distinct[id(question)]
            question = narrowed
        evolved.append(question)
    return tuple(evolved), distinct


def _homes(
    customer: CustomerFacts, questions: Sequence[Question]
) -> tuple[dict[int, SentenceFacts | None], dict[int, list[Question]]]:
    """Each question's own sentence (by the question's id), and the questions of each sentence."""
    # The questions of each customer sentence, found once.
    sentence_starts = [s.start for s in customer.sentences]

    def home_of(q: Question) -> SentenceFacts | None:
        at = bisect.bisect_right(sentence_starts, q.start) - 1
        found = customer.sentences[at] if at >= 0 else None
        return found if found is not None and q.start < found.end else None

    homes = {id(q): home_of(q) for q in questions}
    by_home: dict[int, list[Question]] = {}
    for q in questions:
        home_of_q = homes[id(q)]
        if home_of_q is not None:
            by_home.setdefault(home_of_q.index, []).append(q)
    return homes, by_home


def _finding(reply: ReplyFacts, question: Question, clauses: set[str]) -> RawFinding:
    """The finding for a question the reply leaves unaddressed: over the whole reply."""
    return RawFinding(
        0,
        len(reply.text),
        f"does not answer the customer's question {quote(question.text + '?', 120)}",
        "Answer it, say plainly that you can't and why, or give the next step that "
        "gets the answer (a link, a form, what to send).",
        next(iter(sorted(clauses)), None),
        None,
    )


RULE = Rule(
    id="unanswered-question",
    severity=Severity.INFO,
    summary="leaves a question the customer asked unaddressed (needs the customer's message)",
    doc=__doc__ or "",
    fires=(
        Example(
            "I'm sorry about the tear. Yes, you can send it back within 30 days.",
            customer="Can I send it back, and how long will the refund take?",
        ),
        Example("Thanks for reaching out!", customer="Do you deliver on Saturdays?"),
    ),
    quiet=(
        Example(
            "Yes, you can send it back within 30 days, and the refund takes 5 to 10 business days.",
            customer="Can I send it back, and how long will the refund take?",
        ),
        Example(
            "Could you send us your order number so I can check when it will arrive?",
            customer="When will my order arrive?",
        ),
    ),
    check=check,
)
