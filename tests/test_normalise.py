"""normalise(): what changes in a reply, and the exact map back to the original."""

from __future__ import annotations

import doctest
import importlib
import itertools
import re
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from honestcs.text import NormalisedText, normalise

# honestcs.text re-exports the function normalise, which hides the module of
# the same name from "import honestcs.text.normalise as ..."; import_module
# returns the module.
normalise_module = importlib.import_module("honestcs.text.normalise")

# Characters that may never appear in normalised text.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u202e\ufe0f\U000e0041"
TYPOGRAPHIC = "\u2018\u2019\u201a\u201c\u201d\u201e\u2032\u2033\u00a0\u2009\u202f\u3000\u2010\u2011"

# A few of each kind of character that normalising touches, mixed with ASCII,
# so that generated strings exercise every path (and its offsets) often.
INTERESTING = st.sampled_from(
    list("ab Z1.,'\"-\n")
    + list(INVISIBLE + TYPOGRAPHIC)
    + list("\ufb01\uff21\uff11\u2026\u00b9\u00bd\u00a8\u00b4\u2028\u2029\u2013\u2014")
    + ["e\u0301", "\u0301", "\u0438\u0306", "\u0430", "\u0435", "\u043e", "\u0449"]
    + ["\u03bf", "\u03b1", "\u03c3", "\u041a", "\u0261", "\U0001d400", "\u00e9", "\U0001f642"]
)
STRINGS = st.one_of(st.text(), st.lists(INTERESTING).map("".join))


def _n(text: str) -> str:
    return normalise(text).text


# --- What changes ------------------------------------------------------------

NFKC_CASES = [
    ("full-width letters", "\uff52\uff45\uff46\uff55\uff4e\uff44", "refund"),
    ("full-width digits and percent", "\uff11\uff10\uff10\uff05", "100%"),
    ("ligature fi", "\ufb01nal", "final"),
    ("ligature ffl", "wa\ufb04e", "waffle"),
    ("ellipsis", "wait\u2026", "wait..."),
    ("mathematical bold", "\U0001d401\U0001d41e\U0001d42c\U0001d42d", "Best"),
    ("circled letter", "\u24b6", "A"),
    ("decomposed accent composes", "cafe\u0301", "caf\u00e9"),
    ("decomposed Cyrillic short i composes", "\u0438\u0306", "\u0439"),
    ("superscript stays off the number", "$50\u00b9", "$50\u00b9"),
    ("fraction stays off the number", "1\u00bd hours", "1\u00bd hours"),
    ("spacing diaeresis keeps its word", "na\u00a8ive", "na\u00a8ive"),
    ("trademark sign kept", "Acme\u2122", "Acme\u2122"),
    ("accented letters kept", "r\u00e9sum\u00e9 na\u00efve", "r\u00e9sum\u00e9 na\u00efve"),
    ("emoji kept", "thanks \U0001f642", "thanks \U0001f642"),
]

INVISIBLE_CASES = [
    ("zero-width space", "gua\u200brantee", "guarantee"),
    ("zero-width non-joiner", "re\u200cfund", "refund"),
    ("zero-width joiner", "re\u200dfund", "refund"),
    ("word joiner", "re\u2060fund", "refund"),
    ("byte-order mark", "\ufeffHello", "Hello"),
    ("soft hyphen", "guar\u00adantee", "guarantee"),
    ("direction marks", "\u202erefund\u202c\u200e", "refund"),
    ("variation selector", "100\ufe0f%", "100%"),
    ("tag characters", "ok\U000e0041\U000e0042", "ok"),
    ("several in a row", "g\u200b\u200c\u00ad\ufeffo", "go"),
]

QUOTE_CASES = [
    ("right single quote as apostrophe", "we\u2019ll", "we'll"),
    ("left and right single quotes", "\u2018refund\u2019", "'refund'"),
    ("curly double quotes", "\u201cguaranteed\u201d", '"guaranteed"'),
    ("low-9 quotes", "\u201eja\u201c \u201aja\u2018", "\"ja\" 'ja'"),
    ("prime and double prime", "5\u2032 11\u2033", "5' 11\""),
    ("modifier letter apostrophe", "don\u02bct", "don't"),
    ("acute accent as apostrophe", "don\u00b4t", "don't"),
    ("guillemets", "\u00abnon\u00bb \u2039oui\u203a", "\"non\" 'oui'"),
    ("full-width quotes", "\uff02hi\uff02", '"hi"'),
]

DASH_AND_SPACE_CASES = [
    ("hyphen", "e\u2010mail", "e-mail"),
    ("non-breaking hyphen", "e\u2011mail", "e-mail"),
    ("en dash stays", "5\u201310 days", "5\u201310 days"),
    ("em dash stays", "no\u2014sorry", "no\u2014sorry"),
    ("minus sign stays", "\u22125", "\u22125"),
    ("no-break space", "5\u00a0days", "5 days"),
    ("en quad to hair space", "".join(chr(c) for c in range(0x2000, 0x200B)), " " * 11),
    ("narrow no-break space", "5\u202fPM", "5 PM"),
    ("medium mathematical space", "a\u205fb", "a b"),
    ("ideographic space", "a\u3000b", "a b"),
    ("line separator", "a\u2028b", "a\nb"),
    ("paragraph separator is a blank line", "a\u2029b", "a\n\nb"),
    ("next line", "a\u0085b", "a\nb"),
]

# "He said, and she left" (the "and" is a one-letter look-alike word).
RUSSIAN = (
    "\u041e\u043d \u0441\u043a\u0430\u0437\u0430\u043b, "
    "\u0430 \u043e\u043d\u0430 \u0443\u0448\u043b\u0430"
)
# "O Kostas and the Anna" ("and" is made only of look-alikes).
GREEK = (
    "\u039f \u039a\u03ce\u03c3\u03c4\u03b1\u03c2 \u03ba\u03b1\u03b9 \u03b7 \u0386\u03bd\u03bd\u03b1"
)

LOOKALIKE_CASES = [
    ("Cyrillic e in a Latin word", "r\u0435fund", "refund"),
    ("Cyrillic o and a in a Latin word", "gu\u0430r\u0430nt\u0435\u0435d", "guaranteed"),
    ("Greek omicron in a Latin word", "fl\u03bfw", "flow"),
    ("capitals in a Latin word", "\u0421\u0410SH", "CASH"),
    ("all look-alikes between English words", "we \u0440\u0430\u0443 now", "we pay now"),
    ("all look-alike words alone", "\u041e\u041a", "OK"),
    (
        "run of all look-alike words",
        "\u0422\u0410\u041a\u0415 \u0410 \u0421\u041e\u0420\u0423",
        "TAKE A COPY",
    ),
    ("script g", "\u0261uarantee", "guarantee"),
    ("Greek capitals among English", "\u039d\u039f refund", "NO refund"),
    ("Russian sentence left alone", RUSSIAN, RUSSIAN),
    (
        "Russian one-letter words between Russian words left alone",
        "\u0434\u043e\u043c \u0430 \u043e \u0441 \u0441\u0430\u0434",
        "\u0434\u043e\u043c \u0430 \u043e \u0441 \u0441\u0430\u0434",
    ),
    ("Greek sentence left alone", GREEK, GREEK),
    (
        "English reply quoting a Russian name keeps the name",
        "Thanks, \u041e\u043b\u044c\u0433\u0430!",
        "Thanks, \u041e\u043b\u044c\u0433\u0430!",
    ),
    (
        "mixed word next to a Russian word still mapped",
        "\u0434\u0430 r\u0435fund",
        "\u0434\u0430 refund",
    ),
]

CASE_AND_LINES_CASES = [
    ("case kept", "We WILL Refund", "We WILL Refund"),
    ("line breaks kept", "Hi\r\n\r\nThanks\n- one\n", "Hi\r\n\r\nThanks\n- one\n"),
    ("tabs kept", "a\tb", "a\tb"),
    ("ASCII kept verbatim", '`~!@#$%^&*()_+{}|:"<>?', '`~!@#$%^&*()_+{}|:"<>?'),
]

ALL_CASES = [
    pytest.param(original, expected, id=name)
    for name, original, expected in (
        NFKC_CASES
        + INVISIBLE_CASES
        + QUOTE_CASES
        + DASH_AND_SPACE_CASES
        + LOOKALIKE_CASES
        + CASE_AND_LINES_CASES
    )
]


@pytest.mark.parametrize(("original", "expected"), ALL_CASES)
def test_normalised_text(original: str, expected: str) -> None:
    """Each rule turns the original into the expected normalised text."""
    assert _n(original) == expected


@pytest.mark.parametrize(("original", "expected"), ALL_CASES)
def test_offsets_of_each_case_are_a_valid_map(original: str, expected: str) -> None:
    """Every case has a non-decreasing map ending at len(original)."""
    _assert_valid_map(normalise(original))


# --- The offset map --------------------------------------------------------

MAP_CASES = [
    # (id, original, span of text, expected span of original)
    ("ligature, first half", "a \ufb01x", (2, 3), (2, 3)),
    ("ligature, second half", "a \ufb01x", (3, 4), (2, 3)),
    ("ligature, whole word", "a \ufb01x", (2, 5), (2, 4)),
    ("ellipsis, one dot", "so\u2026 ok", (3, 4), (2, 3)),
    ("after an expansion", "so\u2026 ok", (6, 8), (4, 6)),
    ("dropped inside the span", "gua\u200brantee", (0, 9), (0, 10)),
    ("dropped just after the span", "ab\u200bc", (0, 2), (0, 2)),
    ("dropped just before the span", "ab\u200bc", (2, 3), (3, 4)),
    ("several dropped before the end", "ok\u200b\u200b", (0, 2), (0, 2)),
    ("composed accent covers both", "cafe\u0301!", (3, 4), (3, 5)),
    ("after a composed accent", "cafe\u0301!", (4, 5), (5, 6)),
    ("curly quote", "we\u2019ll", (0, 5), (0, 5)),
    ("empty span", "a\ufb01b", (2, 2), (1, 1)),
    ("empty span at the end", "a\u200b", (1, 1), (2, 2)),
    ("look-alike is one for one", "r\u0435fund", (1, 2), (1, 2)),
    ("astral character", "\U0001d400 ok", (0, 1), (0, 1)),
    ("paragraph separator", "a\u2029b", (1, 3), (1, 2)),
]


@pytest.mark.parametrize(
    ("original", "span", "expected"),
    [pytest.param(o, s, e, id=name) for name, o, s, e in MAP_CASES],
)
def test_to_original(original: str, span: tuple[int, int], expected: tuple[int, int]) -> None:
    """A span of the normalised text maps to exactly the original characters behind it."""
    assert normalise(original).to_original(*span) == expected


def test_offsets_share_the_offset_of_an_expanded_character() -> None:
    """Characters that one original character expanded into all map back to it."""
    n = normalise("x\u2026y")
    assert n.text == "x...y"
    assert n.offsets == (0, 1, 1, 1, 2, 3)


def test_offsets_skip_dropped_characters() -> None:
    """A dropped character has no entry; the next character keeps its own offset."""
    assert normalise("a\u200bb").offsets == (0, 2, 3)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        pytest.param(-1, 1, id="negative start"),
        pytest.param(2, 1, id="reversed"),
        pytest.param(0, 99, id="past the end"),
    ],
)
@pytest.mark.parametrize(
    "original", [pytest.param("ab", id="ascii"), pytest.param("a\u2019", id="mapped")]
)
def test_to_original_rejects_spans_outside_the_text(original: str, start: int, end: int) -> None:
    """A span that is not within the normalised text raises ValueError."""
    with pytest.raises(ValueError, match="not within"):
        normalise(original).to_original(start, end)


def test_ascii_is_returned_unchanged_with_an_identity_map() -> None:
    """Pure ASCII is the fast path: same text, offsets 0..len, spans map to themselves."""
    text = "Your refund of $50 will arrive in 5-10 business days."
    n = normalise(text)
    assert n.text is text
    assert n.offsets == tuple(range(len(text) + 1))
    assert isinstance(n.offsets, tuple)
    assert n.to_original(5, 11) == (5, 11)


def test_unchanged_non_ascii_text_keeps_the_identity_map() -> None:
    """Non-ASCII text that needs no change is returned as it is."""
    text = "Caf\u00e9 \U0001f642"
    n = normalise(text)
    assert n.text == text
    assert n.offsets == tuple(range(len(text) + 1))


def test_equality_is_by_original_and_text() -> None:
    """Two normalisations of the same reply are equal."""
    assert normalise("we\u2019ll") == normalise("we\u2019ll")
    assert normalise("we\u2019ll") != normalise("we'll")


def test_hand_built_map_without_ends_still_covers_expansions() -> None:
    """Without ``ends``, a span ends where the next producing character starts."""
    n = NormalisedText("\ufb01x", "fix", (0, 0, 1, 2))
    assert n.to_original(0, 1) == (0, 1)
    assert n.to_original(1, 3) == (0, 2)
    assert n.offsets == (0, 0, 1, 2)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"original": "ab", "text": "a"}, "length of original", id="no map, short"),
        pytest.param(
            {"original": "ab", "text": "a", "offsets": (0,)}, "offsets has 1", id="offsets"
        ),
        pytest.param(
            {"original": "ab", "text": "a", "offsets": (0, 2), "ends": (1, 2)},
            "ends has 2",
            id="ends",
        ),
    ],
)
def test_inconsistent_maps_are_rejected(kwargs: dict[str, object], message: str) -> None:
    """A NormalisedText whose map does not fit its text cannot be built."""
    with pytest.raises(ValueError, match=message):
        NormalisedText(**kwargs)  # type: ignore[arg-type]


def test_module_examples_run() -> None:
    """The examples in the module's docstrings are true."""
    assert doctest.testmod(normalise_module).failed == 0


# --- Properties -------------------------------------------------------------


def _assert_valid_map(n: NormalisedText) -> None:
    offsets = n.offsets
    assert isinstance(offsets, tuple)
    assert len(offsets) == len(n.text) + 1
    assert offsets[-1] == len(n.original)
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    assert all(0 <= offset < len(n.original) for offset in offsets[:-1])


@given(STRINGS)
@example("")
@example("\u200b")
@example("\u2019\u0301")
@example("\u00a8\u034f")
def test_offsets_are_a_non_decreasing_map_ending_at_len_original(original: str) -> None:
    """For any string, offsets has len(text) + 1 entries, never decreases, ends at len(original)."""
    _assert_valid_map(normalise(original))


@given(STRINGS, st.data())
def test_every_span_maps_inside_the_original(original: str, data: st.DataObject) -> None:
    """For any span of the normalised text, to_original gives an ordered span of the original."""
    n = normalise(original)
    start = data.draw(st.integers(0, len(n.text)))
    end = data.draw(st.integers(start, len(n.text)))
    s, e = n.to_original(start, end)
    assert 0 <= s <= e <= len(original)
    if start < end:
        assert s == n.offsets[start]
        assert e > n.offsets[end - 1]
        assert s < e


@given(STRINGS)
def test_each_character_maps_to_a_non_empty_span(original: str) -> None:
    """Each normalised character came from a non-empty span of the original, in order."""
    n = normalise(original)
    spans = [n.to_original(i, i + 1) for i in range(len(n.text))]
    assert all(s < e for s, e in spans)
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in itertools.pairwise(spans))


@given(STRINGS)
def test_normalised_text_has_no_invisible_or_typographic_characters(original: str) -> None:
    """Nothing invisible, no curly quote, odd space or U+2010/2011 hyphen survives."""
    text = _n(original)
    assert not set(text) & set(INVISIBLE + TYPOGRAPHIC)


@given(STRINGS)
def test_ascii_characters_are_copied_in_place(original: str) -> None:
    """An ASCII character with no combining mark after it appears, unchanged, at its own offset."""
    n = normalise(original)
    # The last normalised character from each offset: letters chat leaves out ("u" reads
    # "you") are inserted before the character they stand before, sharing its offset.
    where = {offset: i for i, offset in enumerate(n.offsets[:-1])}
    for j, char in enumerate(original):
        followed_by_mark = j + 1 < len(original) and normalise_module._is_mark(original[j + 1])
        if char.isascii() and not followed_by_mark:
            assert n.text[where[j]] == char


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_input_only_gains_chat_letters(original: str) -> None:
    """For ASCII input, normalise only inserts the letters chat leaves out.

    "cant" reads "can't" and "u" reads "you"; every original character keeps its place, in
    order, mapped to itself.
    """
    n = normalise(original)
    offsets = n.offsets
    # An inserted character shares its offset with the original character after it.
    kept = [i for i in range(len(n.text)) if offsets[i] != offsets[i + 1]]
    assert "".join(n.text[i] for i in kept) == original
    assert [offsets[i] for i in kept] == list(range(len(original)))
    assert offsets[-1] == len(original)


@given(st.text(alphabet=st.characters(max_codepoint=127, blacklist_characters="u'")))
def test_ascii_input_without_chat_forms_is_the_identity(original: str) -> None:
    """ASCII with no chat spelling to restore is left exactly as it is."""
    n = normalise(original)
    if n.text != original:  # a bare contraction such as "cant" was typed
        assert "'" in n.text
        return
    assert n.offsets == tuple(range(len(original) + 1))


@pytest.mark.parametrize(
    "original",
    [
        pytest.param("\u0301" * 20_000, id="combining marks"),
        pytest.param("\u0430 " * 10_000, id="look-alike words"),
        pytest.param("r\u0435fund " * 5_000, id="mixed words"),
        pytest.param("\u200b" * 20_000, id="invisible characters"),
        pytest.param("\u2026" * 20_000, id="expanding characters"),
    ],
)
def test_pathological_input_is_normalised_in_linear_time(original: str) -> None:
    """Long runs of characters that need work are normalised without quadratic work."""
    _assert_valid_map(normalise(original))


# Latin letters, look-alikes, Cyrillic and Greek letters with no Latin twin, and
# separators: nothing here changes except by the look-alike rule.
LOOKALIKE_ALPHABET = st.sampled_from(
    "abZ ,-"
    "\u0430\u0435\u043e\u041a\u03bf\u03b1\u0261"  # look-alikes
    "\u0449\u0434\u03c3\u03ce\u00e9"  # letters with no Latin twin, and a Latin one
)


def _reference_lookalikes(text: str) -> str:
    """The look-alike rule as documented, applied word by word with no shortcuts."""
    table = normalise_module._LOOKALIKES
    words = list(re.finditer(r"[^\W\d_]+", text))

    def kind(word: str) -> str:
        letters = [char for char in word if char.isalpha()]
        if any(char in table for char in letters):
            if any(char not in table and "LATIN" in unicodedata.name(char) for char in letters):
                return "mixed"
            if all(char in table for char in letters):
                return "all"
        foreign = ("CYRILLIC", "GREEK")
        if any(
            char not in table and unicodedata.name(char).startswith(foreign) for char in letters
        ):
            return "foreign"
        return "plain"

    kinds = [kind(word.group()) for word in words]

    def nearest(indexes: range) -> str:
        return next((kinds[j] for j in indexes if kinds[j] != "all"), "plain")

    result = list(text)
    for i, word in enumerate(words):
        context = (nearest(range(i - 1, -1, -1)), nearest(range(i + 1, len(words))))
        if kinds[i] == "mixed" or (kinds[i] == "all" and "foreign" not in context):
            for j in range(word.start(), word.end()):
                result[j] = table.get(result[j], result[j])
    return "".join(result)


@given(st.lists(LOOKALIKE_ALPHABET).map("".join))
def test_lookalike_rule_matches_its_documented_form(original: str) -> None:
    """Look-alikes are mapped exactly where the documented word-and-neighbour rule says."""
    assert _n(original) == _reference_lookalikes(original)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("sorry, cant do that", "sorry, can't do that"),
        ("itll be there tmrw", "it'll be there tmrw"),
        ("youre all set, Im on it", "you're all set, I'm on it"),
        ("whats ur order number", "what's your order number"),
        ("its fine, we were ill, lets go", "its fine, we were ill, lets go"),
        ("na\u00a8ive", "na\u00a8ive"),
    ],
)
def test_contractions_typed_without_apostrophe_get_it_back(typed: str, read: str) -> None:
    """Chat drops apostrophes; forms that are no other English word are read with them."""
    normalised = normalise(typed)
    assert normalised.text == read
    if "'" in read and "'" not in typed:
        at = read.index("'")
        # The apostrophe and the letter after it both come from that letter.
        assert normalised.to_original(at, at + 2) == (at, at + 1)
        assert typed[slice(*normalised.to_original(0, len(read)))] == typed


# The chat forms, other case, near misses, and every kind of character around a word.
_CHAT_WORDS = """cant wont dont didnt doesnt isnt arent wasnt werent couldnt wouldnt shouldnt
havent hasnt hadnt itll youll theyll thatll youre theyre ive im ill thats whats theres wheres
u ur CANT Youre IM U cantt ucan get r ll s t"""
_CHAT_PIECES = [
    *_CHAT_WORDS.split(),
    *(" ", "(", "[", '"', "'", "-", ".", "2", "\u00e9", "\u017f", "x", "\u2019"),
]


@given(st.lists(st.sampled_from(_CHAT_PIECES), max_size=12).map("".join))
@example("(cant-do)")
@example('"youre"')
def test_the_chat_form_gate_lets_through_every_text_the_patterns_match(text: str) -> None:
    """The cheap look for chat forms never skips a text the two chat patterns would change."""
    if normalise_module._BARE_CONTRACTION.search(text) or normalise_module._CHAT_YOU.search(text):
        words = normalise_module._LETTER_RUN.findall(text.lower())
        assert not normalise_module._CHAT_FORMS.isdisjoint(words)
