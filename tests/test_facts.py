"""What a sentence says (honestcs.text.facts): segments, moods, negation, conditions, quoting."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from honestcs.calendar import BusinessCalendar
from honestcs.text.facts import (
    SentenceFacts,
    is_negated_before,
    negated_outside,
    read_sentence,
    split_segments,
)
from honestcs.text.reading import read_reply
from honestcs.text.terms import TermMatcher, tokenize

CALENDAR = BusinessCalendar("America/Chicago")
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Chicago"))
MATCHER = TermMatcher.compile(
    [("refund", "refund"), ("price-match", "price match"), ("cover", "not covered")]
)

def _sentences(text: str) -> tuple[SentenceFacts, ...]:
    return read_reply(text, matcher=MATCHER, now=NOW, calendar=CALENDAR).sentences


def _sentence(text: str) -> SentenceFacts:
    """The one sentence of ``text``."""
    sentences = _sentences(text)
    assert len(sentences) == 1, [s.text for s in sentences]
    return sentences[0]


# -- segments -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        pytest.param("We'll refund you.", ["We'll refund you"], id="one clause"),
        pytest.param("I'm sorry, we can't do that.", ["I'm sorry", "we can't do that"], id="comma"),
        pytest.param(
            "Refunds take 5 days; we'll refund you tomorrow.",
            ["Refunds take 5 days", "we'll refund you tomorrow"],
            id="semicolon",
        ),
        pytest.param(
            "Note: we'll refund you tomorrow.", ["Note", "we'll refund you tomorrow"], id="colon"
        ),
        pytest.param(
            "It's done - we'll refund you tomorrow.",
            ["It's done", "we'll refund you tomorrow"],
            id="spaced dash",
        ),
        pytest.param(
            "Refunds take 5 days and we'll refund you tomorrow.",
            ["Refunds take 5 days", "we'll refund you tomorrow"],
            id="and before a new subject",
        ),
        pytest.param(
            "It has been packed and will be delivered tomorrow.",
            ["It has been packed and will be delivered tomorrow"],
            id="and without a new subject does not cut",
        ),
    ],
)
def test_sentences_are_cut_into_clauses(text: str, segments: list[str]) -> None:
    """A sentence divides at clause punctuation and at a conjunction before a new subject."""
    assert [s.text for s in _sentence(text).segments] == segments


def test_segment_spans_are_offsets_into_the_reply() -> None:
    """Segment spans point into the whole reply, after any earlier sentences."""
    text = "Hello there. I'm sorry, we can't do that."
    second = _sentences(text)[1]
    assert [text[s.start : s.end] for s in second.segments] == ["I'm sorry", "we can't do that"]
    assert second.segment_at(text.index("can't")).text == "we can't do that"


def test_split_segments_shifts_offsets_and_trims() -> None:
    """split_segments gives trimmed clause spans shifted by the offset it is given."""
    text = "Sorry,  we can't; it's sold out."
    spans = split_segments(text, offset=10)
    assert [text[a - 10 : b - 10] for a, b in spans] == ["Sorry", "we can't", "it's sold out"]


# -- moods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mood", "first_person"),
    [
        pytest.param("We'll refund you.", "future", True, id="we'll"),
        pytest.param("I will refund you.", "future", True, id="I will"),
        pytest.param("We're going to refund you.", "future", True, id="going to"),
        pytest.param("I'd be happy to refund you.", "future", True, id="I'd be happy to"),
        pytest.param("Let me check that for you.", "future", True, id="let me"),
        pytest.param("It will arrive tomorrow.", "future", False, id="it will"),
        pytest.param("It should arrive tomorrow.", "future", False, id="should arrive"),
        pytest.param("I can give you 15% off.", "offer", True, id="I can give"),
        pytest.param("Would you like me to book it?", "offer", True, id="would you like me to"),
        pytest.param("Shall I refund you?", "offer", True, id="shall I"),
        pytest.param("How about I refund you?", "offer", True, id="how about I"),
        pytest.param("I've added $50 of credit.", "done", True, id="I've added"),
        pytest.param("I've gone ahead and refunded you.", "done", True, id="gone ahead and"),
        pytest.param("We refunded you.", "done", True, id="we refunded"),
        pytest.param("Your refund has been processed.", "done", True, id="has been processed"),
        pytest.param("You'll receive an email.", "receive", False, id="you'll receive"),
        pytest.param("You'll get a refund.", "receive", False, id="you'll get"),
        pytest.param("Refunds take 5 days.", "statement", False, id="policy statement"),
        pytest.param("Is there anything else?", "statement", False, id="question"),
    ],
)
def test_moods(text: str, mood: str, first_person: bool) -> None:
    """Each clause is a future commitment, an offer, a done act, a receipt, or a statement."""
    (segment,) = _sentence(text).segments
    assert (segment.mood, segment.first_person) == (mood, first_person)


def test_read_sentence_reads_a_sentence_on_its_own() -> None:
    """read_sentence works from the sentence text, its tokens, terms and mentions."""
    text = "We'll refund you."
    facts = read_sentence(3, 40, text, tokenize(text, 40), [], [])
    assert (facts.index, facts.start, facts.end) == (3, 40, 40 + len(text))
    assert [(s.start, s.end, s.mood) for s in facts.segments] == [(40, 56, "future")]
    assert facts.commits


# -- negation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        pytest.param("We can't refund it.", True, id="can't"),
        pytest.param("We won't refund it.", True, id="won't"),
        pytest.param("We don't refund that.", True, id="don't"),
        pytest.param("We never do that.", True, id="never"),
        pytest.param("We are unable to refund it.", True, id="unable"),
        pytest.param("There's no refund for that.", True, id="there's no"),
        pytest.param("We have no refunds left.", True, id="we have no"),
        pytest.param("We'll refund you.", False, id="plain"),
        pytest.param("Don't worry about it.", False, id="don't worry"),
        pytest.param("No problem at all.", False, id="no problem"),
        pytest.param("Not a problem at all.", False, id="not a problem"),
        pytest.param("Don't hesitate to ask.", False, id="don't hesitate"),
        pytest.param("I can't wait to see it.", False, id="can't wait"),
    ],
)
def test_negation(text: str, negated: bool) -> None:
    """A clause is negated by not, n't, never, unable, "no"; comforting phrases don't negate."""
    (segment,) = _sentence(text).segments
    assert segment.negated is negated


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("No problem, I'll refund you.", id="no problem"),
        pytest.param("Don't worry, I'll refund you.", id="don't worry"),
        pytest.param("No worries, we'll refund you.", id="no worries"),
        pytest.param("Never mind, we'll refund you.", id="never mind"),
    ],
)
def test_comforting_openers_leave_the_commitment_standing(text: str) -> None:
    """Comforting openers (no problem, don't worry) negate nothing, so the commitment stands."""
    sentence = _sentence(text)
    assert not any(s.negated for s in sentence.segments)
    assert sentence.commits


def test_a_negated_commitment_commits_to_nothing() -> None:
    """A negated sentence ("we can't refund it") makes no commitment."""
    assert not _sentence("We can't refund it.").commits
    assert _sentence("We can refund it.").commits


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        pytest.param("I can't guarantee it", "guarantee", True, id="can't before"),
        pytest.param("There's no guarantee", "guarantee", True, id="trailing no"),
        pytest.param("No problem, guaranteed", "guaranteed", False, id="no problem"),
        pytest.param("I guarantee it won't break", "guarantee", False, id="negation after"),
    ],
)
def test_is_negated_before(text: str, word: str, negated: bool) -> None:
    """is_negated_before looks only at what comes before the offset."""
    assert is_negated_before(text, text.index(word)) is negated


def test_a_term_can_carry_its_own_negation() -> None:
    """A negation inside a policy term does not make the clause around it negated."""
    text = "I can add the not covered items."
    sentence = _sentence(text)
    (segment,) = sentence.segments
    (term,) = sentence.terms
    assert segment.negated
    assert not negated_outside(segment, term.start, term.end)
    assert negated_outside(_sentence("We can't add the not covered items.").segments[0], 0, 0)


# -- conditions ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("If you send it back, we'll refund you.", id="if"),
        pytest.param("Once it's back, we'll refund you.", id="once"),
        pytest.param("When it arrives, we'll refund you.", id="when"),
        pytest.param("Unless it is damaged, we'll refund you.", id="unless"),
        pytest.param("Provided that it's unused, we'll refund you.", id="provided that"),
        pytest.param("Should you need it, we can refund you.", id="should you"),
        pytest.param("As soon as Maria approves, I'll refund you.", id="as soon as + name"),
        pytest.param("Please confirm, and I'll refund you.", id="please confirm, and I'll"),
        pytest.param(
            "Kindly reply with your order number and I'll refund you.", id="kindly reply"
        ),
        pytest.param(
            "As soon as it arrives, I'll refund you.", id="as soon as + it"
        ),
        pytest.param(
            "As long as it's unused, we'll refund you.",
            id="as long as + it",
        ),
    ],
)
def test_conditions(text: str) -> None:
    """A condition (if, once, as soon as, an invitation to act first) is conditional."""
    sentence = _sentence(text)
    assert sentence.conditional
    assert sentence.segments[0].condition
    assert not sentence.segments[-1].condition


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("As soon as possible, I'll refund you.", id="as soon as possible"),
        pytest.param("We'll refund you.", id="no condition"),
        pytest.param("Please note that we'll refund you.", id="please note"),
        # "Once" after "this", "for", "at" says how often or how soon, and opens no clause.
        pytest.param("OK, just this once we'll refund you.", id="just this once"),
        pytest.param("For once we'll refund you in cash.", id="for once"),
        pytest.param("We'll refund you at once.", id="at once"),
        # "I'd be grateful if you could…" asks politely; it is no condition.
        pytest.param("I'd be grateful if you could send it back.", id="grateful if you could"),
        pytest.param("It would help if you could send a photo.", id="help if you could"),
    ],
)
def test_not_conditions(text: str) -> None:
    """As soon as possible, 'just this once', and a polite request are not conditions."""
    assert not any(segment.condition for segment in _sentence(text).segments)


def test_a_condition_does_not_commit_but_its_consequence_does() -> None:
    """The condition clause is not a commitment; the clause it governs still is."""
    sentence = _sentence("If you send it back, we'll refund you.")
    condition, consequence = sentence.segments
    assert condition.condition and condition.mood == "statement"
    assert not consequence.condition and consequence.mood == "future"
    assert sentence.commits


# -- reported speech and quotations ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        pytest.param("You said we'd refund you in 2 days.", True, id="you said"),
        pytest.param("You were told we would refund you.", True, id="you were told"),
        pytest.param("He said we would refund you.", True, id="he said"),
        pytest.param("The previous agent promised a refund.", True, id="previous agent"),
        pytest.param("Our agent promised you a refund tomorrow.", True, id="our agent"),
        pytest.param("According to our policy, refunds take 5 days.", True, id="according to"),
        pytest.param("We'll refund you.", False, id="our own words"),
        pytest.param("I promise we'll refund you.", False, id="first person promise"),
    ],
)
def test_reported_speech(text: str, reported: bool) -> None:
    """A sentence reporting what someone else said or promised is marked reported."""
    assert _sentence(text).reported is reported


def test_quoted_words_carry_no_terms_or_mentions() -> None:
    """Terms and quantities inside quotation marks are not the reply's own."""
    text = 'They told me "we will refund you tomorrow" on the phone.'
    sentence = _sentence(text)
    assert sentence.reported
    assert sentence.terms == ()
    assert sentence.mentions == ()


def test_single_quotes_and_curly_quotes_quote_too() -> None:
    """Single quotes and typographic double quotes both quote."""
    single = _sentence("We'll refund you 'within two days' as they say.")
    assert [t.clause for t in single.terms] == ["refund"]
    assert single.mentions == ()
    curly = _sentence("Your note says \u201crefund me by Friday\u201d.")
    assert curly.terms == ()
    assert curly.mentions == ()


def test_unquoted_terms_and_mentions_are_kept() -> None:
    """Outside quotation marks, a sentence keeps its terms and mentions."""
    sentence = _sentence("We'll refund you by Friday.")
    assert [t.clause for t in sentence.terms] == ["refund"]
    assert len(sentence.mentions) == 1


# -- openers and questions --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        pytest.param("Sure, I'll price match it.", True, id="sure"),
        pytest.param("Of course!", True, id="of course"),
        pytest.param("Yes, that's fine.", True, id="yes"),
        pytest.param("Absolutely, we'll refund you.", True, id="absolutely"),
        pytest.param("No problem, I'll refund you.", True, id="no problem"),
        pytest.param("Consider it done.", True, id="consider it done"),
        pytest.param("Will do.", True, id="will do"),
        pytest.param("Happy to help!", True, id="happy to"),
        pytest.param("Yesterday we shipped it.", False, id="yes inside a word"),
        pytest.param("I'm sure it will arrive.", False, id="sure, not at the start"),
        pytest.param("I'm sorry, we can't do that.", False, id="a refusal"),
    ],
)
def test_agreement_openers(text: str, agreement: bool) -> None:
    """A sentence that opens by agreeing ("Sure", "Of course", "Yes") is marked agreement."""
    assert _sentence(text).agreement is agreement


def test_questions() -> None:
    """A sentence ending with a question mark is a question."""
    first, second = _sentences("Is there anything else? We'll refund you.")
    assert first.question
    assert not second.question


@pytest.mark.parametrize(
    ("message", "alone"),
    [
        pytest.param("My son is 4 next month, can he join the swim class?", True,
                     id="a statement, then the question"),
        pytest.param("My friend is visiting and he climbs a lot. Can he join the session?",
                     True, id="and inside a statement"),
        pytest.param("My friend is visiting. And can he join the session?", False,
                     id="a sentence that opens with and"),
        pytest.param("Quick question: can I bring my dog?", True, id="a label"),
        pytest.param("Can I bring my dog? Is that ok?", True, id="a tag question after it"),
        pytest.param("Do I print my tickets or can I show them on my phone?", True,
                     id="alternatives of one question"),
        pytest.param("How much is the spa, and can I bring a friend?", False, id="two parts"),
        pytest.param("What time is check-in? And is there a lift?", False,
                     id="a question with no subject word before it"),
        pytest.param("Our bath is leaking. Also, can we check out late?", False, id="also"),
        pytest.param("Sorry, one more thing: is the pool open?", False, id="one more thing"),
        pytest.param("I'd like a table for six. Is there a lift?", False,
                     id="a request said as a statement"),
    ],
)  # fmt: skip
def test_a_question_alone_is_all_the_message_asks(message: str, alone: bool) -> None:
    """`Question.alone`: no other question, part, addition or request in the message."""
    facts = read_reply("Thanks!", matcher=MATCHER, now=NOW, calendar=CALENDAR,
                       customer_message=message)  # fmt: skip
    assert facts.customer is not None
    assert [q.alone for q in facts.customer.questions] == [alone] * len(facts.customer.questions)
    assert facts.customer.questions

