"""Words, stems and the policy-term matcher (honestcs.text.terms)."""

from __future__ import annotations

import pytest

from honestcs.text.terms import TermMatcher, inside_a_name, stem, tokenize


def _found(terms: list[tuple[str, str]], text: str) -> list[tuple[str, str]]:
    """(clause, matched text) for every term of ``terms`` found in ``text``."""
    matcher = TermMatcher.compile(terms)
    return [(m.clause, text[m.start : m.end]) for m in matcher.find(tokenize(text))]


# -- stem ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(("refund", "refunds", "refunded", "refunding"), id="refund"),
        pytest.param(("ship", "ships", "shipped", "shipping"), id="ship (doubled consonant)"),
        pytest.param(
            ("cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling"),
            id="cancel (British and American spelling)",
        ),
        pytest.param(
            ("guarantee", "guarantees", "guaranteed", "guaranteeing"), id="guarantee (final e)"
        ),
        pytest.param(("arrive", "arrives", "arrived", "arriving"), id="arrive"),
        pytest.param(("reply", "replies", "replied"), id="reply (y to ies)"),
        pytest.param(("box", "boxes"), id="box (es plural)"),
        pytest.param(("tuning", "tunings"), id="tuning (plural of an -ing noun)"),
        pytest.param(("fitting", "fittings"), id="fitting (doubled consonant, -ings)"),
        pytest.param(("spring", "springs"), id="spring (an -ing word that is no verb form)"),
        pytest.param(("customer's", "customers", "customer"), id="possessive"),
    ],
)
def test_inflections_share_a_stem(words: tuple[str, ...]) -> None:
    """The ordinary inflections of a word all have the same stem."""
    stems = {stem(w) for w in words}
    assert len(stems) == 1, dict(zip(words, map(stem, words), strict=True))


def test_stem_ignores_case() -> None:
    """A word's stem does not depend on its case."""
    assert stem("REFUNDED") == stem("refunded") == stem("Refund")


@pytest.mark.parametrize(
    ("word", "other"),
    [
        pytest.param("refundable", "refund", id="refundable is a derivation"),
        pytest.param("delivery", "deliver", id="delivery is a derivation"),
        pytest.param("call", "cal", id="call keeps its double l"),
        pytest.param("pass", "pa", id="pass keeps its double s"),
        pytest.param("status", "statu", id="status keeps its final s"),
    ],
)
def test_stem_is_conservative(word: str, other: str) -> None:
    """Derivations and words that merely end like an inflection keep their own stem."""
    assert stem(word) != stem(other)


# -- tokenize -----------------------------------------------------------------


def test_tokenize_gives_words_with_offsets() -> None:
    """Each token carries its text, lower case, stem and offsets into the text."""
    text = "We'll REFUND it."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == ["We'll", "REFUND", "it"]
    assert [(t.start, t.end) for t in tokens] == [(0, 5), (6, 12), (13, 15)]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[1].lower == "refund"
    assert tokens[1].stem == "refund"


@pytest.mark.parametrize(
    ("plural", "term"),
    [("trade-ins", "trade-in"), ("add-ons", "add-on"), ("top-ups", "top-up"),
     ("walk-ins", "walk-in"), ("check-ups", "check-up")],
)  # fmt: skip
def test_a_plural_on_the_particle_matches_its_term(plural: str, term: str) -> None:
    """'Trade-ins' is the plural of 'trade-in': its "s" sits on the particle."""
    matcher = TermMatcher.compile([("c", term)])
    assert [m.clause for m in matcher.find(tokenize(f"We take {plural} here."))] == ["c"]


def test_a_lone_short_word_ending_in_s_keeps_its_own_stem() -> None:
    """'UPS' or 'ins' on its own is no particle's plural: only after a hyphen is it one."""
    matcher = TermMatcher.compile([("c", "up")])
    assert matcher.find(tokenize("Sent by UPS today.")) == []


def test_tokenize_shifts_offsets() -> None:
    """An offset is added to every token's start and end."""
    tokens = tokenize("refund now", offset=100)
    assert [(t.start, t.end) for t in tokens] == [(100, 106), (107, 110)]


def test_tokenize_keeps_term_symbols_as_tokens() -> None:
    """Percent, currency and similar symbols are tokens of their own; other punctuation is not."""
    tokens = tokenize("15% off, $50 & €20 #1!")
    assert [t.text for t in tokens] == ["15", "%", "off", "$", "50", "&", "€", "20", "#", "1"]


def test_tokenize_keeps_inner_apostrophes() -> None:
    """Contractions and possessives are one word each."""
    assert [t.text for t in tokenize("don't the customer's")] == ["don't", "the", "customer's"]


# -- TermMatcher ----------------------------------------------------------------

REFUND = [("refund", "refund")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("We'll refund you.", ["refund"], id="base form"),
        pytest.param("Refunds take a week.", ["Refunds"], id="plural, capitalised"),
        pytest.param("I've REFUNDED it.", ["REFUNDED"], id="past, upper case"),
        pytest.param("We are refunding it.", ["refunding"], id="present participle"),
        pytest.param("It is refundable.", [], id="a derivation is another word"),
        pytest.param("It was a prerefund.", [], id="not inside a longer word"),
        pytest.param("A refund-eligible order.", ["refund"], id="hyphen ends a word"),
    ],
)
def test_terms_match_whole_words_with_inflections(text: str, expected: list[str]) -> None:
    """A term matches whole words, case-insensitively, with ordinary inflections only."""
    assert [found for _, found in _found(REFUND, text)] == expected


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        pytest.param("money back", "You'll get your money back.", "money back", id="two words"),
        pytest.param("send it back", "Try sending it back.", "sending it back", id="inflected"),
        pytest.param("express shipping", "Express  shipped", "Express  shipped", id="spaces"),
        pytest.param("money back", "your money\nback", "money\nback", id="line break"),
        pytest.param("money back", "money we sent back", None, id="words must be adjacent"),
        # ...but for "be" between a thing and where it goes: "your money is back".
        pytest.param("money back", "money is back", "money is back", id="be before back"),
        pytest.param("deposit back", "deposit will be back", "deposit will be back",
                     id="will be before back"),
    ],
)
def test_multi_word_terms(term: str, text: str, expected: str | None) -> None:
    """A multi-word term matches its words in order, each with its inflections."""
    found = _found([("c", term)], text)
    assert [f for _, f in found] == ([] if expected is None else [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("change basic economy", "change basic economy", id="zero words"),
        pytest.param("change my basic economy", "change my basic economy", id="one word"),
        pytest.param(
            "change my old cheap basic economy",
            "change my old cheap basic economy",
            id="three words",
        ),
        pytest.param("change my very old cheap basic economy", None, id="four words is too many"),
        pytest.param("basic economy change", None, id="order matters"),
        pytest.param(
            "change $40 of my basic economy",
            "change $40 of my basic economy",
            id="a sign is part of its number's word",
        ),
        pytest.param(
            "change £40 of my old basic economy", None, id="a sign does not stretch four words"
        ),
        pytest.param("change $ $ $ $ basic economy", None, id="signs alone stretch no further"),
    ],
)
def test_wildcard_stands_for_zero_to_three_words(text: str, expected: str | None) -> None:
    """In a term, ``*`` matches zero to three words, and not four."""
    found = _found([("change", "change * basic economy")], f"Can I {text}?")
    assert [f for _, f in found] == ([] if expected is None else [expected])


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        pytest.param("% off", "I can give you 15% off.", "% off", id="percent off"),
        pytest.param("% off", "15 percent off", None, id="the symbol is literal"),
        pytest.param("$ back", "$50 back", None, id="symbol then a number is not the term"),
        pytest.param("r&d", "our R&D team", "R&D", id="ampersand"),
    ],
)
def test_symbols_in_terms(term: str, text: str, expected: str | None) -> None:
    """Symbols in a term match the same symbol in the text, literally."""
    found = _found([("c", term)], text)
    assert [f for _, f in found] == ([] if expected is None else [expected])


def test_term_characters_are_literal_not_patterns() -> None:
    """Nothing in a term but ``*`` is a pattern: a dot matches nothing special."""
    assert _found([("c", "a.b")], "axb") == []


def test_overlapping_terms_are_all_found_longest_first() -> None:
    """Where terms overlap, every one is found, the longer first at the same start."""
    terms = [("short", "money back"), ("long", "money back guarantee"), ("word", "guarantee")]
    found = _found(terms, "It has a money back guarantee.")
    assert found == [
        ("long", "money back guarantee"),
        ("short", "money back"),
        ("word", "guarantee"),
    ]


def test_overlapping_terms_of_different_clauses() -> None:
    """A term inside a longer term of another clause is found for both clauses."""
    found = _found(
        [("express", "express delivery"), ("delivery", "delivery")], "Express delivery is $12."
    )
    assert found == [("express", "Express delivery"), ("delivery", "delivery")]


def test_match_offsets_and_token_indices() -> None:
    """A match gives its character span and the indices of its first and last tokens."""
    text = "Sure, your money back is coming."
    tokens = tokenize(text)
    (match,) = TermMatcher.compile([("refund", "money back")]).find(tokens)
    assert (match.clause, match.term) == ("refund", "money back")
    assert text[match.start : match.end] == "money back"
    assert (tokens[match.first_token].text, tokens[match.last_token].text) == ("money", "back")


def test_the_same_term_matches_every_occurrence() -> None:
    """Each occurrence of a term is a match of its own."""
    assert len(_found(REFUND, "A refund, then another refund, then refunds.")) == 3


def test_empty_and_wildcard_only_terms_match_nothing() -> None:
    """A term with no words (or only wildcards) never matches."""
    assert _found([("a", ""), ("b", "*"), ("c", "* *")], "anything at all") == []


def test_a_thousand_clauses_compile_and_match_correctly() -> None:
    """A policy with 1,000 clauses compiles once and finds exactly the terms in the text."""
    terms = [(f"clause-{i}", f"widget{i} repair") for i in range(1000)]
    terms += [(f"alias-{i}", f"gadget{i} * swap") for i in range(1000)]
    matcher = TermMatcher.compile(terms)
    text = "Widget7 repairs, widget999 repaired, widget1000 repair, gadget500 quick swap."
    found = [(m.clause, text[m.start : m.end]) for m in matcher.find(tokenize(text))]
    assert found == [
        ("clause-7", "Widget7 repairs"),
        ("clause-999", "widget999 repaired"),
        ("alias-500", "gadget500 quick swap"),
    ]


@pytest.mark.parametrize(
    ("text", "word", "term", "inside"),
    [
        ("Upgrade to A Reserve seats for £10.", "Reserve seats", "reserve seats", True),
        ("Try Lakeside Exotic Animal Hospital.", "Exotic", "exotic", True),
        ("The Gold Reserve tier is sold out.", "Reserve", "reserve", True),
        ("I've booked a Saturday appointment.", "Saturday appointment", "saturday appointment",
         False),
        ("I'll refund your App Store purchase.", "App Store purchase", "app store purchase",
         False),
        ("I'll send a PDF copy now.", "PDF copy", "pdf copy", False),
        ("Reserve seats are gone.", "Reserve seats", "reserve seats", False),
        ("We can reserve seats for you.", "reserve seats", "reserve seats", False),
        ("Ask for the Parking Pass at reception.", "Parking", "Parking", False),
    ],
)  # fmt: skip
def test_a_term_inside_a_longer_capitalised_name(
    text: str, word: str, term: str, inside: bool
) -> None:
    start = text.index(word)
    assert inside_a_name(text, start, start + len(word), term) is inside


@pytest.mark.parametrize(
    ("term", "text", "found"),
    [
        ("cancel * ticket", "Flexi tickets can be cancelled free of charge",
         "tickets can be cancelled"),
        ("reserve seats", "Seats are reserved for members", "Seats are reserved"),
        ("pay * deposit", "the deposit was paid yesterday", "deposit was paid"),
        ("refund * order", "your order has already been refunded",
         "order has already been refunded"),
    ],
)  # fmt: skip
def test_a_verb_and_its_object_are_found_in_the_passive(term: str, text: str, found: str) -> None:
    matches = TermMatcher.compile([("c", term)]).find(tokenize(text))
    assert [text[m.start : m.end] for m in matches] == [found]


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("free cancellation", "cancellation is free"),  # no participle
        ("cancel * ticket", "the ticket office is closed"),  # another verb
        ("cancel * ticket", "tickets cancelled"),  # no form of "be"
    ],
)
def test_no_passive_without_be_and_the_terms_own_participle(term: str, text: str) -> None:
    assert TermMatcher.compile([("c", term)]).find(tokenize(text)) == []


def test_a_term_repeated_is_compiled_once_and_found_once_per_clause() -> None:
    matcher = TermMatcher.compile([("a", "refund")] * 1000 + [("b", "refunds"), ("b", "refund")])
    found = matcher.find(tokenize("I'll refund it"))
    assert [(m.clause, m.term) for m in found] == [("a", "refund"), ("b", "refunds"),
                                                   ("b", "refund")]  # fmt: skip


def test_terms_that_begin_alike_are_each_found_with_their_own_wildcards() -> None:
    """Terms sharing a beginning are followed together, and each keeps its own shortest match."""
    terms = [
        ("short", "refund * card"),
        ("long", "refund * card * fee"),
        ("plain", "refund card"),
        ("other", "refund * bank"),
    ]
    text = "We refund the card, then the card fee, to your bank card."
    found = _found(terms, text)
    assert found == [
        ("long", "refund the card, then the card fee"),
        ("short", "refund the card"),
    ]
    # At one start and of one length, in the order the policy lists them.
    assert _found(terms, "a refund card") == [("short", "refund card"), ("plain", "refund card")]
