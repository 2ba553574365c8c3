"""A pattern searched as its alternatives finds exactly what the whole pattern finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from honestcs._grammar import Alternatives, compile_alternatives, compile_verbose
from honestcs.text import acts, answers, facts, questions

# The reading's own lists of phrases, searched as alternatives where it runs.
READING_PATTERNS = {
    "guarantee": acts._GUARANTEE,
    "refusal": acts._REFUSAL,
    "reason": acts._REASON,
    "sycophancy": acts._SYCOPHANCY,
    "route": acts._ROUTE,
    "offer": facts._OFFER,
    "negation": facts._NEGATION,
    "gathers": answers._GATHERS,
    "request": answers._REQUEST,
    "yes or no": answers._YES_NO,
    "asks for an act": questions._ASKS_FOR_AN_ACT,
}

# Alternatives that overlap, tie at one start, and look behind and ahead.
HANDMADE = compile_verbose(
    r"""\bno\s+way\b
      | \bno\b                       # ties with the one above: the earlier alternative wins
      | way\s+out
      | (?<=\bsorry\s)\w+            # a lookbehind, reaching before the search position
      | \b\w+(?=\s+again\b)
      | ^\W*yes\b
    """
)

WORDS = ["no", "way", "out", "sorry", "yes", "again", "we", "guarantee", "can't", "it", "will",
         "definitely", "arrive", "100%", "because", "policy", ",", ".", "—", "!"]  # fmt: skip


def _spans(found: object) -> list[tuple[int, int]]:
    return [m.span() for m in found]  # type: ignore[attr-defined]


def _corpus_replies() -> list[str]:
    root = Path(__file__).parent
    replies = []
    for path in sorted(root.glob("corpus_*/cases.jsonl"))[:12]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                replies.append(json.loads(line)["reply"])
    return replies


@pytest.mark.parametrize("name", sorted(READING_PATTERNS))
def test_same_matches_as_the_whole_pattern_on_corpus_replies(name: str) -> None:
    alternatives = READING_PATTERNS[name]
    replies = _corpus_replies()
    assert len(replies) > 1000
    found_any = 0
    for reply in replies:
        whole = alternatives.whole
        assert _spans(alternatives.finditer(reply)) == _spans(whole.finditer(reply)), reply
        expected = whole.search(reply)
        got = alternatives.search(reply)
        assert (got and got.span()) == (expected and expected.span()), reply
        assert alternatives.finds_any(reply) == (expected is not None), reply
        found_any += expected is not None
    assert found_any > 0  # each list is seen matching, not only not matching


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.integers(min_value=0, max_value=40))
def test_same_matches_as_the_whole_pattern_on_any_words(words: list[str], pos: int) -> None:
    text = " ".join(words)
    alternatives = Alternatives(HANDMADE)
    assert _spans(alternatives.finditer(text)) == _spans(HANDMADE.finditer(text))
    expected = HANDMADE.search(text, pos)
    got = alternatives.search(text, pos)
    assert (got and got.span()) == (expected and expected.span())
    assert alternatives.finds_any(text) == (HANDMADE.search(text) is not None)


def test_the_earlier_alternative_wins_a_tie() -> None:
    match = Alternatives(HANDMADE).search("there is no way")
    assert match is not None
    assert match.group() == "no way"  # not "no", which starts at the same place


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        (r"a | b", 2),
        (r"(?:a|b) | c", 2),
        (r"[|] | c", 2),
        (r"\| | c", 2),
        ("a  # not here | nor here\n | c", 2),
        (r"[\]|] | c", 2),
        (r"a", 1),
    ],
)
def test_cut_only_at_top_level_bars(pattern: str, parts: int) -> None:
    assert len(compile_alternatives(pattern).parts) == parts


def test_the_flags_of_the_whole_pattern_hold_in_every_alternative() -> None:
    alternatives = Alternatives(regex.compile(r"(?i)alpha|BETA"))
    assert alternatives.finds_any("beta")
    assert all(part.flags & regex.IGNORECASE for part in alternatives.parts)


@pytest.mark.parametrize("text", ["abc", "abcabc", "xbc abc", "abbc"])
def test_a_match_overlapping_the_one_taken_is_searched_again(text: str) -> None:
    whole = compile_verbose(r"ab | bc | b")
    assert _spans(Alternatives(whole).finditer(text)) == _spans(whole.finditer(text))
