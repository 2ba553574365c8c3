"""split_sentences(): where sentences end, and the spans they keep."""

from __future__ import annotations

import doctest
import importlib
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from honestcs.text import Sentence, normalise, split_sentences

# honestcs.text re-exports split_sentences; import_module returns the module itself.
sentences_module = importlib.import_module("honestcs.text.sentences")

AGENT_REPLIES = Path(__file__).parents[2] / "shared" / "external" / "agent_replies.jsonl"


def _texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def _case(name: str, text: str, *expected: str) -> object:
    return pytest.param(text, list(expected), id=name)


PUNCTUATION = [
    _case("full stop", "We got it. Thanks.", "We got it.", "Thanks."),
    _case("question and exclamation", "Is it late? Yes! Sorry.", "Is it late?", "Yes!", "Sorry."),
    _case("run of ?!", "Really?! OK.", "Really?!", "OK."),
    _case("ellipsis then capital", "Hmm... Let me check.", "Hmm...", "Let me check."),
    _case("ellipsis character", "Hmm\u2026 Let me check.", "Hmm\u2026", "Let me check."),
    _case(
        "ellipsis then lower case", "I was thinking... maybe not.", "I was thinking... maybe not."
    ),
    _case("no terminal punctuation at the end", "Thanks. See you", "Thanks.", "See you"),
    _case("before a digit", "It is done. 3 items shipped.", "It is done.", "3 items shipped."),
    _case("before an opening quote", 'Done. "Great," she said.', "Done.", '"Great," she said.'),
    _case("before a bracket", "Done. (It was easy.)", "Done.", "(It was easy.)"),
    _case("before a currency sign", "Done. $20 was refunded.", "Done.", "$20 was refunded."),
    _case("before Markdown emphasis", "Done. **Note:** wait.", "Done.", "**Note:** wait."),
    _case("closing quote", 'She said "no." Then she left.', 'She said "no."', "Then she left."),
    _case("closing bracket", "(See below.) Next one.", "(See below.)", "Next one."),
    _case("closing emphasis", "**Important.** Please read.", "**Important.**", "Please read."),
    _case("full stop then lower case", "Open Mon. to Fri. only", "Open Mon. to Fri. only"),
    _case(
        "full stop then a word of a run-on",
        "We ship in approx. two days. then it's yours",
        "We ship in approx. two days. then it's yours",
    ),
    _case(
        "chat full stop then a pronoun",
        "sorry about that. we'll sort it. thanks for waiting",
        "sorry about that.",
        "we'll sort it.",
        "thanks for waiting",
    ),
    _case(
        "chat full stop after an initialism",
        "See the F.A.Q. we update it",
        "See the F.A.Q. we update it",
    ),
    _case("exclamation then lower case", "Sorry! we'll fix it.", "Sorry!", "we'll fix it."),
    _case("quoted question mid-sentence", 'He asked "why?" and left.', 'He asked "why?" and left.'),
    _case("bracketed exclamation mid-sentence", "It (really!) works.", "It (really!) works."),
    _case("semicolon does not split", "Yes; it does. OK.", "Yes; it does.", "OK."),
    _case("colon does not split", "Note: it ships today.", "Note: it ships today."),
    _case("no space after the stop", "Thanks.Please wait.", "Thanks.Please wait."),
]

ABBREVIATIONS = [
    _case("Mr. and Dr.", "Mr. Smith met Dr. Lee. Bye.", "Mr. Smith met Dr. Lee.", "Bye."),
    _case("Mrs. and Ms.", "Mrs. Diaz and Ms. Ng agree.", "Mrs. Diaz and Ms. Ng agree."),
    _case("St.", "Go to St. Louis. Then stop.", "Go to St. Louis.", "Then stop."),
    _case("e.g.", "Use a card, e.g. Visa. OK.", "Use a card, e.g. Visa.", "OK."),
    _case("i.e.", "One item, i.e. The blue one.", "One item, i.e. The blue one."),
    _case("vs.", "Gold vs. Silver plans.", "Gold vs. Silver plans."),
    _case("approx.", "It costs approx. $50 total.", "It costs approx. $50 total."),
    _case("No. before a digit", "Order No. 5 shipped.", "Order No. 5 shipped."),
    _case("No. as an answer", "No. We can't.", "No.", "We can't."),
    _case("month before a day", "Ships by Dec. 10. Thanks.", "Ships by Dec. 10.", "Thanks."),
    _case("ref. before a code", "Use ref. ABC-123 please.", "Use ref. ABC-123 please."),
    _case(
        "Inc. and Ltd.",
        "Acme Inc. Sales and Foo Ltd. Support.",
        "Acme Inc. Sales and Foo Ltd. Support.",
    ),
    _case("Jr.", "Sam Davis Jr. Called.", "Sam Davis Jr. Called."),
    _case(
        "U.S. and U.K.",
        "Ships in the U.S. Or the U.K. Only.",
        "Ships in the U.S. Or the U.K. Only.",
    ),
    _case("other dotted initialism", "Please R.S.V.P. Today.", "Please R.S.V.P. Today."),
    _case("capital initial", "Ask J. Smith now.", "Ask J. Smith now."),
    _case("two initials", "Ask J. R. Smith now.", "Ask J. R. Smith now."),
    _case("a.m. before lower case", "Call at 9 a.m. tomorrow.", "Call at 9 a.m. tomorrow."),
    _case(
        "p.m. before lower case",
        "See you at 5 p.m. tomorrow. Bye.",
        "See you at 5 p.m. tomorrow.",
        "Bye.",
    ),
    _case(
        "p.m. before a time zone", "Open until 5 p.m. EST today.", "Open until 5 p.m. EST today."
    ),
    _case(
        "p.m. ends a sentence",
        "We close at 5 p.m. Please call.",
        "We close at 5 p.m.",
        "Please call.",
    ),
    _case(
        "etc. ends a sentence",
        "Hats, scarves, etc. The rest is gone.",
        "Hats, scarves, etc.",
        "The rest is gone.",
    ),
    _case("etc. mid-sentence", "Hats, etc. are on sale.", "Hats, etc. are on sale."),
    _case("abbreviation in brackets", "A fee (approx. $5) applies.", "A fee (approx. $5) applies."),
    _case(
        "list number after a colon",
        "Steps: 1. Open the app. 2. Tap Refund.",
        "Steps: 1. Open the app.",
        "2. Tap Refund.",
    ),
    _case(
        "a number that ends a sentence",
        "We have 2. Please pick one.",
        "We have 2.",
        "Please pick one.",
    ),
]

NUMBERS_CODES_LINKS = [
    _case("money", "It's $1.50 each. OK.", "It's $1.50 each.", "OK."),
    _case("percentage", "Save 3.5% today. OK.", "Save 3.5% today.", "OK."),
    _case("version", "Update to v2.1 now. OK.", "Update to v2.1 now.", "OK."),
    _case("time", "Departs 06:00 AM. OK.", "Departs 06:00 AM.", "OK."),
    _case("order code", "Order #W48213 is late. Sorry.", "Order #W48213 is late.", "Sorry."),
    _case("dotted code", "Code AB.12.C3 works. OK.", "Code AB.12.C3 works.", "OK."),
    _case(
        "URL path",
        "See example.com/refunds for more. OK.",
        "See example.com/refunds for more.",
        "OK.",
    ),
    _case(
        "URL at the end of a sentence",
        "See example.com/refunds. Then reply.",
        "See example.com/refunds.",
        "Then reply.",
    ),
    _case(
        "URL with a query",
        "Go to https://x.co/a?b=1.2 now. OK.",
        "Go to https://x.co/a?b=1.2 now.",
        "OK.",
    ),
    _case(
        "e-mail address",
        "Write to help@shop.co.uk. We reply fast.",
        "Write to help@shop.co.uk.",
        "We reply fast.",
    ),
    _case(
        "link after a question",
        "Tried this? https://x.co/faq Let us know!",
        "Tried this?",
        "https://x.co/faq Let us know!",
    ),
]

LINES = [
    _case("blank line", "Hello\n\nwe got it", "Hello", "we got it"),
    _case("blank line with spaces", "Hello  \n  \n  there", "Hello", "there"),
    _case("blank line after an abbreviation", "Ask Dr.\n\nSmith", "Ask Dr.", "Smith"),
    _case("CRLF blank line", "Hi\r\n\r\nThere\r\nyou go", "Hi", "There\r\nyou go"),
    _case("wrapped line", "Your refund is\nbeing processed.", "Your refund is\nbeing processed."),
    _case("next line upper case", "Your order\nArrives soon", "Your order", "Arrives soon"),
    _case("next line a digit", "Total\n$50 due", "Total", "$50 due"),
    _case("colon then lower case", "Choose one:\nred or blue", "Choose one:", "red or blue"),
    _case(
        "full stop then lower case line", "Thanks.\nthe order ships", "Thanks.", "the order ships"
    ),
    _case("abbreviation runs on", "Please call Dr.\nSmith today.", "Please call Dr.\nSmith today."),
    _case("ellipsis then lower case line", "Well...\nmaybe not", "Well...\nmaybe not"),
    _case("semicolon then lower case", "It ships;\nit arrives", "It ships;\nit arrives"),
    _case("greeting line", "Dear Ann,\nThanks for writing.", "Dear Ann,", "Thanks for writing."),
    _case("leading and trailing blank lines", "\n\n  Hi there.  \n\n", "Hi there."),
    _case("paragraph separator, normalised", normalise("One\u2029two").text, "One", "two"),
]

MARKERS = [
    _case("hyphen bullets", "Options:\n- red\n- blue", "Options:", "red", "blue"),
    _case("asterisk and plus bullets", "* one\n+ two", "one", "two"),
    _case("typographic bullet", "\u2022 one\n\u2022 two", "one", "two"),
    _case("numbered with full stops", "1. Open it\n2. Tap refund", "Open it", "Tap refund"),
    _case("numbered with brackets", "1) open it\n2) tap refund", "open it", "tap refund"),
    _case("lettered", "a) first\nb) second", "first", "second"),
    _case("bracketed", "(1) first\n(iv) second", "first", "second"),
    _case(
        "indented bullets",
        "Flight:\n   - Departure: 06:00\n   - Price: $121",
        "Flight:",
        "Departure: 06:00",
        "Price: $121",
    ),
    _case(
        "bullet continues on a wrapped line",
        "- a long item\n  that wraps\n- next",
        "a long item\n  that wraps",
        "next",
    ),
    _case("heading", "## Refunds\nWe refund in 5 days.", "Refunds", "We refund in 5 days."),
    _case("bullet with two sentences", "- Yes. It ships.", "Yes.", "It ships."),
    _case("bullet alone is no sentence", "-\n- \n* "),
    _case(
        "number alone on a line is kept (it may be an answer)", "How many?\n2.", "How many?", "2."
    ),
    _case(
        "hyphen inside a line is not a marker", "It's a 5 - 10 day wait.", "It's a 5 - 10 day wait."
    ),
    _case("emphasis is not a bullet", "**Flight HAT069**", "**Flight HAT069**"),
    _case("number inside a line is not a marker", "Pick 1. Or 2.", "Pick 1.", "Or 2."),
]

DROPPED = [
    _case("empty", ""),
    _case("only whitespace", " \n\t\n "),
    _case("only punctuation", "... !!! ---"),
    _case("emoji on its own", "Thanks! \U0001f642", "Thanks!"),
    _case("emoticon after a sentence", "Thanks! :)", "Thanks!"),
]

REAL_WORLD = [
    _case(
        "LLM reply with a Markdown list",
        "Here are the details:\n\n1. **Flight HAT069**\n   - Departure: 06:00 AM EST\n"
        "   - Price: $121\n\n2. **Flight HAT083**\n   - Departure: 01:00 AM EST\n\n"
        "Please let me know which flight you'd like.",
        "Here are the details:",
        "**Flight HAT069**",
        "Departure: 06:00 AM EST",
        "Price: $121",
        "**Flight HAT083**",
        "Departure: 01:00 AM EST",
        "Please let me know which flight you'd like.",
    ),
    _case(
        "twitter agent reply",
        "@AmericanAir we're sorry! DM us your conf. # and we'll look into it ^JS",
        "@AmericanAir we're sorry!",
        "DM us your conf. # and we'll look into it ^JS",
    ),
    _case(
        "twitter reply with a link and a signature",
        "@sam Sorry to hear that. Please submit a ticket here and we will help:"
        " https://support.example.com/categories *SR",
        "@sam Sorry to hear that.",
        "Please submit a ticket here and we will help: https://support.example.com/categories *SR",
    ),
    _case(
        "prices and a time",
        "Your refund of $121.50 is approved. It will reach your card by 5 p.m. tomorrow."
        " Express delivery is $12.",
        "Your refund of $121.50 is approved.",
        "It will reach your card by 5 p.m. tomorrow.",
        "Express delivery is $12.",
    ),
    _case(
        "numbered questions",
        "Could you tell me:\n\n1. Trip type: one-way or round-trip?\n"
        "2. Cabin: economy or business?",
        "Could you tell me:",
        "Trip type: one-way or round-trip?",
        "Cabin: economy or business?",
    ),
    _case(
        "normalised curly quotes",
        normalise("We\u2019ll refund it. \u201cGuaranteed,\u201d she said.").text,
        "We'll refund it.",
        '"Guaranteed," she said.',
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), PUNCTUATION + ABBREVIATIONS + NUMBERS_CODES_LINKS + LINES + MARKERS
)
def test_sentences(text: str, expected: list[str]) -> None:
    """Each rule splits (or does not split) the text into the expected sentences."""
    assert _texts(text) == expected


@pytest.mark.parametrize(("text", "expected"), DROPPED)
def test_empty_pieces_are_dropped(text: str, expected: list[str]) -> None:
    """Pieces with no letter or digit are not sentences."""
    assert _texts(text) == expected


@pytest.mark.parametrize(("text", "expected"), REAL_WORLD)
def test_real_world_replies(text: str, expected: list[str]) -> None:
    """Replies shaped like real LLM and agent replies split as a reader would."""
    assert _texts(text) == expected


def test_spans_are_offsets_into_the_text() -> None:
    """A sentence's start and end are offsets into the text that was split, markers excluded."""
    text = "Hi.\n- Yes, we can.\n"
    assert split_sentences(text) == (Sentence(0, 3, "Hi."), Sentence(6, 18, "Yes, we can."))


def test_spans_map_back_to_the_original_reply() -> None:
    """Sentences of normalised text map back to the original reply through to_original."""
    original = "We\u2019ll re\ufb01ll it\u2026 Then we\u200b\u2019re done."
    n = normalise(original)
    spans = [n.to_original(s.start, s.end) for s in split_sentences(n.text)]
    assert [original[s:e] for s, e in spans] == [
        "We\u2019ll re\ufb01ll it\u2026",
        "Then we\u200b\u2019re done.",
    ]


def test_module_examples_run() -> None:
    """The examples in the module's docstrings are true."""
    assert doctest.testmod(sentences_module).failed == 0


# --- Properties -------------------------------------------------------------

TOKENS = st.sampled_from(
    [
        "a", "B", "word", "Word", "7", "$1.50", " ", "  ", "\t", "\n", "\n\n", "\r\n", " \n ",
        ".", "!", "?", "?!", "...", "\u2026", ",", ";", ":", '"', "'", "(", ")", "**", "_",
        "- ", "* ", "1. ", "2) ", "a) ", "(iv) ", "# ", "Mr.", "e.g.", "p.m.", "etc.", "No.",
        "J.", "U.S.", "example.com", "\u00a0", "\u2028", "\U0001f642", "\u00e9",
    ]
)  # fmt: skip
TEXTS = st.one_of(st.text(), st.lists(TOKENS, max_size=40).map("".join))


def _assert_well_formed(text: str, sentences: tuple[Sentence, ...]) -> None:
    for sentence in sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.text == text[sentence.start : sentence.end]
        assert not sentence.text[0].isspace()
        assert not sentence.text[-1].isspace()
        assert any(char.isalnum() for char in sentence.text)
    for before, after in itertools.pairwise(sentences):
        assert before.end <= after.start


@given(TEXTS)
@example("")
@example("-  x")
@example("1.\n\n2.")
@example("x\x1c\x1cy")
def test_sentences_are_ordered_disjoint_trimmed_spans(text: str) -> None:
    """For any text, sentences are in order, disjoint, in bounds, trimmed, and match the text."""
    _assert_well_formed(text, split_sentences(text))


@given(TEXTS)
def test_sentences_of_normalised_text_map_inside_the_original(original: str) -> None:
    """Sentences of any normalised text map back to ordered, non-empty spans of the original."""
    n = normalise(original)
    sentences = split_sentences(n.text)
    _assert_well_formed(n.text, sentences)
    spans = [n.to_original(s.start, s.end) for s in sentences]
    assert all(0 <= s < e <= len(original) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@given(TEXTS)
def test_letters_outside_sentences_are_only_in_markers(text: str) -> None:
    """No word is lost: every letter of the text is inside a sentence or a list marker."""
    covered = [False] * len(text)
    for sentence in split_sentences(text):
        covered[sentence.start : sentence.end] = [True] * (sentence.end - sentence.start)
    for index, char in enumerate(text):
        if char.isalpha() and not covered[index]:
            line_start = _line_start(text, index)
            marker = sentences_module._MARKER.match(text, line_start + _indent(text, line_start))
            assert marker is not None
            assert marker.start() <= index < marker.end()


def _line_start(text: str, index: int) -> int:
    breaks = sentences_module._LINE_BREAKS
    return max((text.rfind(char, 0, index) for char in breaks), default=-1) + 1


def _indent(text: str, start: int) -> int:
    return len(text[start:]) - len(text[start:].lstrip(" \t\u00a0"))


# --- Real replies -----------------------------------------------------------


def test_smoke_over_real_agent_replies() -> None:
    """Every real agent reply normalises and splits into well-formed sentences."""
    if not AGENT_REPLIES.exists():
        pytest.skip(f"{AGENT_REPLIES} is not present")
    count = 0
    with AGENT_REPLIES.open(encoding="utf-8") as lines:
        for line in lines:
            reply = json.loads(line)["text"]
            n = normalise(reply)
            sentences = split_sentences(n.text)
            _assert_well_formed(n.text, sentences)
            for sentence in sentences:
                s, e = n.to_original(sentence.start, sentence.end)
                assert 0 <= s < e <= len(reply)
            count += 1
    assert count > 0


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("." * 20_000 + "x", id="run of dots"),
        pytest.param(". " * 10_000, id="spaced dots"),
        pytest.param("a" + " " * 20_000 + "\nb", id="long gap before a line break"),
        pytest.param("\n" * 20_000, id="line breaks"),
        pytest.param("1. " * 10_000, id="list numbers"),
        pytest.param("x: 1. " * 5_000, id="list numbers after colons"),
        pytest.param("J. " * 10_000, id="initials"),
        pytest.param("- a\n" * 10_000, id="bullets"),
        pytest.param("\u2026" * 20_000, id="ellipses, normalised"),
    ],
)
def test_pathological_input_is_split_in_linear_time(text: str) -> None:
    """Long runs of punctuation, space or markers are split without quadratic work."""
    _assert_well_formed(normalise(text).text, split_sentences(normalise(text).text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thanks for having us round 😊 your quote will be with you today",
         ["thanks for having us round 😊", "your quote will be with you today"]),
        ("all sorted 👍 I'll send the receipt tonight",
         ["all sorted 👍", "I'll send the receipt tonight"]),
        ("Thanks so much 🙏🏽 we'll ring you tomorrow",
         ["Thanks so much 🙏🏽", "we'll ring you tomorrow"]),
        ("oh no ☹️ sorry to hear that", ["oh no ☹️", "sorry to hear that"]),
        # A word that carries the clause on keeps it one sentence.
        ("I've booked you in 😊 for Friday at 10", ["I've booked you in 😊 for Friday at 10"]),
        ("your table is ready 🎉 and the cake is on us",
         ["your table is ready 🎉 and the cake is on us"]),
        ("All done 👍", ["All done 👍"]),
    ],
)  # fmt: skip
def test_an_emoji_ends_a_chat_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since it's your birthday 🎉 I've added a free dessert",
         ["Since it's your birthday 🎉 I've added a free dessert"]),
        ("If you're free tomorrow 😊 we can fit you in at 10",
         ["If you're free tomorrow 😊 we can fit you in at 10"]),
        ("sorry, can't share that 🙅 but you can message the driver in the app",
         ["sorry, can't share that 🙅 but you can message the driver in the app"]),
    ],
)  # fmt: skip
def test_an_emoji_after_a_subordinate_clause_or_before_but_ends_nothing(
    text: str, expected: list[str]
) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("yep, i can book a tech on friday. the trip fee is $89", 2),
        ("all done. your refund is on its way", 2),
        ("we checked it on monday. this is what we found", 2),
        ("it weighs approx. the same as before", 1),
        ("see e.g. the terms on our site", 1),
    ],
)  # fmt: skip
def test_a_determiner_after_a_chat_full_stop_opens_a_sentence(text: str, count: int) -> None:
    """'on friday. the fee…' is two sentences; 'approx. the same' is one."""
    assert len(split_sentences(text)) == count
