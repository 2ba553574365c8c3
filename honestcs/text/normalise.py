r"""Normalise a reply for reading, keeping a map back to the original offsets.

Later stages match words and numbers in a plain, predictable form of the
reply, but every span they report must point into the reply exactly as the
agent wrote it. :func:`normalise` therefore returns both the normalised text
and, for each of its characters, the offset in the original of the character
that produced it.

What changes, and why:

- **NFKC**, one character (with any combining marks after it) at a time:
  full-width letters and digits, ligatures (U+FB01 "fi"), mathematical letters
  and the like become the plain letters a term or a number is written in. One
  character may become several (the ellipsis U+2026 becomes "..."); all of
  them map back to it. Superscripts, subscripts and vulgar fractions are kept
  as they are, because NFKC would glue a footnote mark or a fraction onto a
  number ("$50" + superscript one would read "$501"); spacing accents (U+00B4,
  U+00A8) are kept too, because NFKC would turn them into a space and split
  the word they sit in.
- **Invisible characters are dropped**: zero-width spaces and joiners, the
  word joiner, the byte-order mark, soft hyphens, direction marks, variation
  selectors and tag characters. They change nothing a reader sees, so they
  must not split a word ("gua\u200brantee" reads "guarantee") or hide one
  from a term.
- **Typographic quotes and apostrophes** (U+2018/2019, U+201C/201D, primes,
  guillemets, ...) become ``'`` and ``"`` so that "we\u2019ll" and "we'll"
  read alike, and quotation is found with one pair of characters.
- **Chat spellings**: contractions typed without their apostrophe ("cant",
  "itll", "youre", "whats"; "ill" only before a verb) get it back, and a
  lower-case "u" or "ur" standing alone reads "you" or "your", and "r" before
  its subject ("r u open?") reads "are". Only forms
  that are no other English word are touched; the inserted characters map to
  the letter they stand before.
- **Hyphens** U+2010 and U+2011 become ``-``. The en and em dashes stay: they
  mean something different (a range, an aside) from a hyphen.
- **Unicode spaces** (no-break, thin, ideographic, ...) become a plain space,
  and the Unicode line and paragraph separators become newlines, so words
  and lines are found by one rule.
- **Look-alike letters**: Cyrillic and Greek letters that look like Latin
  ones (Cyrillic "\u043e", Greek "\u03bf") become the Latin letter, but only
  where they stand in for Latin. The rule, per word (a run of letters and
  combining marks): a word that has at least one Latin letter has its
  look-alikes mapped ("r\u0435fund" with a Cyrillic "\u0435"). A word made
  only of look-alikes ("\u041e\u041a", "\u0440\u0430\u0443") is mapped unless
  the nearest word on either side that is not itself made only of look-alikes
  is a Cyrillic or Greek word (one with a Cyrillic or Greek letter that has no
  Latin twin). So a Russian "\u0430" ("and") between Russian words stays
  Cyrillic, and a Greek sentence stays Greek.

Nothing else changes: case is kept (later stages need it), and so are line
breaks and every ASCII character. Pure ASCII text is returned as it is, with
an identity map that costs nothing until it is asked for.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs
import regex

__all__ = ["NormalisedText", "normalise"]


@attrs.frozen
class NormalisedText:
    """A reply in normalised form, with a map back to the original.

    Two instances are equal when their ``original`` and ``text`` are; the
    offset map is derived from them by :func:`normalise`.

    Attributes:
        original: The reply exactly as it was given.
        text: The normalised text that later stages read.
    """

    original: str
    text: str
    # None means the identity map: text has the length of original and
    # text[i] came from original[i]. It is built only when someone asks.
    _offsets: tuple[int, ...] | None = attrs.field(
        default=None, alias="offsets", eq=False, repr=False
    )
    # _ends[i] is the offset just past the original character(s) that
    # produced text[i]. Offsets alone cannot tell a character that expanded
    # from one followed by a dropped invisible character.
    _ends: tuple[int, ...] | None = attrs.field(
        default=None, alias="ends", eq=False, repr=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self._offsets is None:
            if len(self.text) != len(self.original):
                msg = "without offsets, text must have the length of original"
                raise ValueError(msg)
            return
        if len(self._offsets) != len(self.text) + 1:
            msg = (
                f"offsets has {len(self._offsets)} entries; "
                f"len(text) + 1 = {len(self.text) + 1} were expected"
            )
            raise ValueError(msg)
        if self._ends is not None and len(self._ends) != len(self.text):
            msg = f"ends has {len(self._ends)} entries; len(text) = {len(self.text)} were expected"
            raise ValueError(msg)

    @property
    def offsets(self) -> tuple[int, ...]:
        """Where each character of ``text`` came from.

        ``offsets[i]`` is the offset in ``original`` of the character that
        produced ``text[i]``; the tuple has ``len(text) + 1`` entries and the
        last one is ``len(original)``. Characters that one original character
        expanded into share its offset, so the tuple never decreases.
        """
        if self._offsets is None:
            return _identity(len(self.text))
        return self._offsets

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the span of ``original`` that produced it.

        ``original[s:e]`` covers every character that produced
        ``text[start:end]``, including the whole of a character that expanded
        (a ligature whose "f" alone is asked for) and any invisible character
        dropped inside the span; dropped characters just outside it are not
        included. An empty span maps to an empty span.

        Args:
            start: Offset of the first character in ``text``.
            end: Offset just past the last character in ``text``.

        Returns:
            ``(s, e)`` with ``0 <= s <= e <= len(original)``.

        Raises:
            ValueError: The span is not within ``text``.
        """
        size = len(self.text)
        if not 0 <= start <= end <= size:
            msg = f"span ({start}, {end}) is not within a normalised text of length {size}"
            raise ValueError(msg)
        offsets = self._offsets
        if offsets is None:
            return start, end
        if start == end:
            return offsets[start], offsets[start]
        if self._ends is not None:
            return offsets[start], self._ends[end - 1]
        # No ends were given (a hand-built instance): the last character's
        # producer ends where the next producer starts.
        last = offsets[end - 1]
        for after in offsets[end:]:
            if after > last:
                return offsets[start], after
        return offsets[start], len(self.original)


@functools.lru_cache(maxsize=64)
def _identity(size: int) -> tuple[int, ...]:
    return tuple(range(size + 1))


# --- What each character becomes -------------------------------------------

# Invisible format characters: they change nothing a reader sees, so they must
# not split a word. Variation selectors and tag characters are included because
# they are the usual way to smuggle invisible text past a filter.
_INVISIBLE = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u180b\u180c\u180d\u180e\u180f"  # Mongolian selectors and vowel separator
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"  # direction marks and embeddings
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # direction isolates
    "\ufeff"  # byte-order mark (zero-width no-break space)
    + "".join(map(chr, range(0xFE00, 0xFE10)))  # variation selectors
    + "".join(map(chr, range(0xE0000, 0xE0080)))  # tag characters
    + "".join(map(chr, range(0xE0100, 0xE01F0)))  # variation selectors supplement
)

# Spaces that look like a space are one: words are then split by one rule.
_SPACES = "\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"

# Typographic quotes and apostrophes, so "we\u2019ll" reads as "we'll" and a
# quotation is found with one pair of characters.
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u00b4\u2039\u203a"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\u301f"

_TABLE: dict[str, str] = {
    **dict.fromkeys(_INVISIBLE, ""),
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_SINGLE_QUOTES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    # Hyphens are hyphens; the en and em dashes are left alone (a range, an aside).
    "\u2010": "-",
    "\u2011": "-",
    # Line and paragraph separators, so lines are found by one rule; a
    # paragraph break is a blank line.
    "\u0085": "\n",
    "\u2028": "\n",
    "\u2029": "\n\n",
}

# NFKC would glue these onto a neighbouring number ("$50" + superscript 1 -> "$501").
_KEEP_DECOMPOSITIONS = ("<super>", "<sub>", "<fraction>")


@functools.lru_cache(maxsize=4096)
def _map_unit(unit: str) -> tuple[str, bool]:
    """What one character, with any combining marks after it, becomes.

    Returns:
        The replacement, and whether it holds a look-alike letter (so that the
        look-alike pass runs only when there is something for it to do).
    """
    mapped = _TABLE.get(unit)
    if mapped is None:
        base = unit[0]
        if unicodedata.decomposition(base).startswith(_KEEP_DECOMPOSITIONS):
            folded = unit
        else:
            folded = unicodedata.normalize("NFKC", unit)
            if len(folded) > 1 and folded[0] == " " and not base.isspace():
                # A spacing accent (U+00A8, U+02DC) would become a space and split its word.
                folded = unit
        mapped = "".join([_TABLE.get(char, char) for char in folded])
    return mapped, any(char in _LOOKALIKES for char in mapped)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


# Where the work is: runs of non-ASCII characters; everything else is copied.
# (The regex module finds them about twice as fast as re.)
_NON_ASCII = regex.compile(r"[^\x00-\x7f]+")


# --- Look-alike letters -----------------------------------------------------

# Letters that look like a Latin letter, by Unicode name (the glyphs themselves
# are indistinguishable in source), with the Latin letter they pass for.
_LOOKALIKE_NAMES = """
    CYRILLIC SMALL LETTER A=a  CYRILLIC SMALL LETTER IE=e  CYRILLIC SMALL LETTER O=o
    CYRILLIC SMALL LETTER ER=p  CYRILLIC SMALL LETTER ES=c  CYRILLIC SMALL LETTER U=y
    CYRILLIC SMALL LETTER HA=x  CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I=i
    CYRILLIC SMALL LETTER JE=j  CYRILLIC SMALL LETTER DZE=s  CYRILLIC SMALL LETTER KOMI DE=d
    CYRILLIC SMALL LETTER SHHA=h  CYRILLIC SMALL LETTER QA=q  CYRILLIC SMALL LETTER WE=w
    CYRILLIC SMALL LETTER PALOCHKA=l  CYRILLIC SMALL LETTER STRAIGHT U=y
    CYRILLIC CAPITAL LETTER A=A  CYRILLIC CAPITAL LETTER VE=B  CYRILLIC CAPITAL LETTER IE=E
    CYRILLIC CAPITAL LETTER KA=K  CYRILLIC CAPITAL LETTER EM=M  CYRILLIC CAPITAL LETTER EN=H
    CYRILLIC CAPITAL LETTER O=O  CYRILLIC CAPITAL LETTER ER=P  CYRILLIC CAPITAL LETTER ES=C
    CYRILLIC CAPITAL LETTER TE=T  CYRILLIC CAPITAL LETTER HA=X  CYRILLIC CAPITAL LETTER U=Y
    CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I=I  CYRILLIC CAPITAL LETTER JE=J
    CYRILLIC CAPITAL LETTER DZE=S  CYRILLIC CAPITAL LETTER QA=Q  CYRILLIC CAPITAL LETTER WE=W
    CYRILLIC CAPITAL LETTER SHHA=H  CYRILLIC LETTER PALOCHKA=I
    CYRILLIC CAPITAL LETTER STRAIGHT U=Y
    GREEK SMALL LETTER OMICRON=o  GREEK SMALL LETTER ALPHA=a  GREEK SMALL LETTER EPSILON=e
    GREEK SMALL LETTER IOTA=i  GREEK SMALL LETTER KAPPA=k  GREEK SMALL LETTER NU=v
    GREEK SMALL LETTER RHO=p  GREEK SMALL LETTER TAU=t  GREEK SMALL LETTER UPSILON=u
    GREEK SMALL LETTER CHI=x  GREEK LUNATE SIGMA SYMBOL=c  GREEK LETTER YOT=j
    GREEK CAPITAL LETTER ALPHA=A  GREEK CAPITAL LETTER BETA=B  GREEK CAPITAL LETTER EPSILON=E
    GREEK CAPITAL LETTER ZETA=Z  GREEK CAPITAL LETTER ETA=H  GREEK CAPITAL LETTER IOTA=I
    GREEK CAPITAL LETTER KAPPA=K  GREEK CAPITAL LETTER MU=M  GREEK CAPITAL LETTER NU=N
    GREEK CAPITAL LETTER OMICRON=O  GREEK CAPITAL LETTER RHO=P  GREEK CAPITAL LETTER TAU=T
    GREEK CAPITAL LETTER UPSILON=Y  GREEK CAPITAL LETTER CHI=X
    GREEK CAPITAL LUNATE SIGMA SYMBOL=C  GREEK CAPITAL LETTER YOT=J
    LATIN SMALL LETTER SCRIPT G=g
"""
_LOOKALIKES: dict[str, str] = {
    unicodedata.lookup(name.strip()): latin
    for name, latin in (pair.split("=") for pair in re.split(r"\s{2,}", _LOOKALIKE_NAMES.strip()))
}
_LOOKALIKE_TRANSLATION = str.maketrans(_LOOKALIKES)

# Any look-alike at all: most text has none, and then nothing more is done.
_ANY_LOOKALIKE = re.compile(f"[{''.join(_LOOKALIKES)}]")
# A letter, or a combining mark from the common blocks of them.
_WORD_CHAR = re.compile(
    r"[^\W\d_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# A word: a run of them.
_WORD = re.compile(f"(?:{_WORD_CHAR.pattern})+")

# Kinds of word, for the look-alike rule.
_MIXED, _ALL_LOOKALIKE, _FOREIGN_WORD, _PLAIN = range(4)


@functools.lru_cache(maxsize=1024)
def _script(letter: str) -> str:
    """The script of a letter, from its Unicode name: "LATIN", "CYRILLIC", ..."""
    return unicodedata.name(letter, "").partition(" ")[0]


def _word_kind(word: str) -> int:
    if word.isascii():
        return _PLAIN
    lookalike = latin = foreign = other = False
    for char in word:
        if char in _LOOKALIKES:
            lookalike = True
        elif not char.isalpha():
            continue  # a combining mark or a numeric character
        elif char.isascii():
            latin = True
        else:
            script = _script(char)
            if script == "LATIN":
                latin = True
            elif script in ("CYRILLIC", "GREEK"):
                foreign = True
            else:
                other = True
    if lookalike and latin:
        return _MIXED
    if lookalike and not (foreign or other):
        return _ALL_LOOKALIKE
    return _FOREIGN_WORD if foreign else _PLAIN


def _unmask_lookalikes(text: str, near: list[int]) -> str:
    """Map look-alike letters to Latin where they stand in for Latin (see module doc).

    Args:
        text: The text, otherwise normalised.
        near: Offsets, in order, at or just before which look-alikes stand.
    """
    # First only the words that hold a look-alike: usually they are mixed with
    # Latin letters and need no context.
    spans: list[tuple[int, int]] = []
    kinds: list[int] = []
    end = 0
    for position in near:
        if position < end:
            continue  # in the word just read
        found = _ANY_LOOKALIKE.search(text, position)
        if found is None:
            break
        start = found.start()
        while start > 0 and _WORD_CHAR.match(text, start - 1):
            start -= 1
        word = _WORD.match(text, start)
        end = found.end() if word is None else word.end()
        spans.append((start, end))
        kinds.append(_word_kind(text[start:end]))
    if _ALL_LOOKALIKE in kinds:
        spans = [match.span() for match in _WORD.finditer(text)]
        kinds = [_word_kind(text[start:end]) for start, end in spans]
        to_map = _in_context(kinds)
    else:
        to_map = [index for index, kind in enumerate(kinds) if kind == _MIXED]
    if not to_map:
        return text
    pieces: list[str] = []
    position = 0
    for index in to_map:
        start, end = spans[index]
        pieces.append(text[position:start])
        pieces.append(text[start:end].translate(_LOOKALIKE_TRANSLATION))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _in_context(kinds: list[int]) -> list[int]:
    """Indexes, in order, of the words whose look-alikes stand in for Latin."""
    # For each word, the kind of the nearest word before it that is not made
    # only of look-alikes (a run of such words takes its context from outside).
    before: list[int] = []
    context = _PLAIN
    for kind in kinds:
        before.append(context)
        if kind != _ALL_LOOKALIKE:
            context = kind
    to_map: list[int] = []
    context = _PLAIN
    for index in range(len(kinds) - 1, -1, -1):
        kind = kinds[index]
        if kind == _MIXED or (
            kind == _ALL_LOOKALIKE and _FOREIGN_WORD not in (before[index], context)
        ):
            to_map.append(index)
        if kind != _ALL_LOOKALIKE:
            context = kind
    to_map.reverse()
    return to_map


# --- normalise --------------------------------------------------------------


# Contractions typed without their apostrophe in chat ("cant", "itll", "youre"), read as
# written with it. Only forms that are no other English word: not "its", "well", "were",
# "lets", "hes", "shed", "id"; "ill" only before a verb.
_BARE_CONTRACTION = regex.compile(
    r"""(?i)(?<![^\s(\["'])(?:(?:can|won|don|didn|doesn|isn|aren|wasn|weren|couldn|wouldn|shouldn|haven|hasn|hadn)
        (?P<suffix>t)|(?:it|you|they|that)(?P<suffix>ll)|(?:you|they)(?P<suffix>re)|i(?P<suffix>ve|m)
        |(?:that|what|there|where)(?P<suffix>s)
        # "ill" is a word too, but not before a verb: "ill get someone to look into it".
        |i(?P<suffix>ll)(?=\s+(?:get|be|do|make|send|call|check|look|have|let|sort|see|try|email
          |text|ring|pass|put|take|give|fix|need|ask|find|book|add|keep|update|arrange|chase)\b))\b""",
    regex.VERBOSE,
)


# Chat's "u" and "ur" for "you" and "your" ("let u know", "whats ur order number").
_CHAT_YOU = regex.compile(r"(?<![^\s(\[\"'])u(?=r?(?![\w'.-]))")
# ...and "r" for "are" before its subject ("r u open monday?", "r we still on?").
_CHAT_ARE = regex.compile(r"(?<![^\s(\[\"'])r(?=\s+(?:u|you|ya|we|they)(?![\w'.-]))")

# Every word either pattern above can match, as a run of letters; a reply holding none of
# them (most replies) is passed over with one cheap scan instead of the two patterns.
_CHAT_FORMS = frozenset(
    [
        "cant",
        "wont",
        "dont",
        "didnt",
        "doesnt",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "couldnt",
        "wouldnt",
        "shouldnt",
        "havent",
        "hasnt",
        "hadnt",
        "itll",
        "youll",
        "theyll",
        "thatll",
        "youre",
        "theyre",
        "ive",
        "im",
        "ill",
        "thats",
        "whats",
        "theres",
        "wheres",
        "u",
        "ur",
        "r",
    ]
)
_LETTER_RUN = regex.compile(r"[a-z]+")


def _restore_apostrophes(normalised: NormalisedText) -> NormalisedText:
    """Put the apostrophe back into "cant" and "itll", "you" into "u" and "ur", "are" into "r".

    The inserted letters are mapped to the letter they stand before.
    """
    text = normalised.text
    if _CHAT_FORMS.isdisjoint(_LETTER_RUN.findall(text.lower())):
        return normalised
    inserts = [(m.start("suffix"), "'") for m in _BARE_CONTRACTION.finditer(text)]
    inserts += [(m.start(), "yo") for m in _CHAT_YOU.finditer(text)]
    for m in _CHAT_ARE.finditer(text):
        inserts += [(m.start(), "a"), (m.end(), "e")]
    if not inserts:
        return normalised
    inserts.sort()
    offsets = normalised.offsets
    ends = normalised._ends
    if ends is None:
        ends = tuple(normalised.to_original(i, i + 1)[1] for i in range(len(text)))
    pieces: list[str] = []
    new_offsets: list[int] = []
    new_ends: list[int] = []
    position = 0
    for at, inserted in inserts:
        pieces.append(text[position:at])
        new_offsets.extend(offsets[position:at])
        new_ends.extend(ends[position:at])
        pieces.append(inserted)
        new_offsets.extend([offsets[at]] * len(inserted))
        new_ends.extend([ends[at]] * len(inserted))
        position = at
    pieces.append(text[position:])
    new_offsets.extend(offsets[position:])
    new_ends.extend(ends[position:])
    return NormalisedText(
        normalised.original, "".join(pieces), tuple(new_offsets), ends=tuple(new_ends)
    )


def normalise(original: str) -> NormalisedText:
    """Normalise a reply for reading, keeping where each character came from.

    See the module documentation for what changes and why; contractions typed
    without their apostrophe ("cant", "itll") get it back, and chat's "u" and "ur"
    read "you" and "your".

    Args:
        original: The reply exactly as it was given.

    Returns:
        The normalised text with its map back to ``original``.
    """
    return _restore_apostrophes(_normalise_characters(original))


def _normalise_characters(original: str) -> NormalisedText:
    r"""Normalise a reply for reading, keeping where each character came from.

    See the module documentation for what changes and why. Look-alike letters
    are replaced one for one, so they never disturb the offset map.

    Args:
        original: The reply exactly as it was given.

    Returns:
        The normalised text with its map back to ``original``.

    Example:
        >>> n = normalise("We\u2019ll \ufb01x it")
        >>> n.text
        "We'll fix it"
        >>> n.to_original(6, 7)  # the "f" came from the whole ligature
        (6, 7)
        >>> n.offsets[6:9]
        (6, 6, 7)
    """
    if original.isascii():
        # Nothing below changes an ASCII character.
        return NormalisedText(original, original)
    # Units are non-ASCII characters with the combining marks after them, so
    # that "e" + U+0301 composes to one letter; marks that open a run of
    # non-ASCII characters belong to the ASCII character before it.
    replaced: list[tuple[int, int, str]] = []
    # Where, in the normalised text, units holding a look-alike letter start.
    lookalikes: list[int] = []
    # How far the normalised text has moved against the original so far.
    shift = 0
    for run in _NON_ASCII.finditer(original):
        position, run_end = run.span()
        while position < run_end:
            start = position
            if position == run.start() and position > 0 and _is_mark(original[position]):
                start -= 1
            position += 1
            while position < run_end and _is_mark(original[position]):
                position += 1
            unit = original[start:position]
            mapped, has_lookalike = _map_unit(unit)
            if has_lookalike:
                lookalikes.append(start + shift)
            if mapped != unit:
                replaced.append((start, position, mapped))
                shift += len(mapped) - (position - start)
    if all(end - start == 1 == len(mapped) for start, end, mapped in replaced):
        # One character for one (quotes, spaces, hyphens): the map stays the identity.
        text = _replace(original, replaced)
        if lookalikes:
            text = _unmask_lookalikes(text, lookalikes)
        return NormalisedText(original, text)
    pieces: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    position = 0
    for start, end, mapped in replaced:
        if position < start:
            pieces.append(original[position:start])
            offsets.extend(range(position, start))
            ends.extend(range(position + 1, start + 1))
        pieces.append(mapped)
        offsets.extend([start] * len(mapped))
        ends.extend([end] * len(mapped))
        position = end
    size = len(original)
    if position < size:
        pieces.append(original[position:])
        offsets.extend(range(position, size))
        ends.extend(range(position + 1, size + 1))
    offsets.append(size)
    text = "".join(pieces)
    if lookalikes:
        text = _unmask_lookalikes(text, lookalikes)
    return NormalisedText(original, text, tuple(offsets), ends=tuple(ends))


def _replace(original: str, replaced: list[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    position = 0
    for start, end, mapped in replaced:
        pieces.append(original[position:start])
        pieces.append(mapped)
        position = end
    pieces.append(original[position:])
    return "".join(pieces)
