"""Named pieces of the grammar of quantities, compiled once.

Each fragment is a verbose regular expression (``regex.VERBOSE``) with a
one-line comment of what it matches. Fragments are composed into bigger
patterns; nothing here is built from user input, so policy files can never
inject a pattern.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import regex

__all__ = [
    "CURRENCY_CODES",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "HUNDREDS",
    "MATCH_REACH",
    "NUMBER",
    "NUMBER_WORDS",
    "RANGE_SEP",
    "TIME_UNIT",
    "WORD_NUMBER",
    "Alternatives",
    "compile_alternatives",
    "compile_verbose",
    "match_at",
    "number_value",
]

# Number words a customer reads, with their values. "a"/"an" count as one
# ("a day", "an hour"); "a couple of" is two.
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
for _t in _TENS:
    for _u in _UNITS:
        NUMBER_WORDS[f"{_t}-{_u}"] = NUMBER_WORDS[_t] + NUMBER_WORDS[_u]
        NUMBER_WORDS[f"{_t} {_u}"] = NUMBER_WORDS[_t] + NUMBER_WORDS[_u]

CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_CODES: frozenset[str] = frozenset(
    {"USD", "EUR", "GBP", "JPY", "INR", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK",
     "PLN", "CZK", "MXN", "BRL", "ZAR", "SGD", "HKD", "CNY"}
)
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "quid": "GBP", "bucks": "USD",
}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that prefixes lose."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in items)


# A number in digits: 5, 1,250, 5000, 1.5 (a thousands separator needs three digits after it).
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# A number in words: "five", "twenty-four", "a couple of".
WORD_NUMBER = rf"(?:{_alternation(NUMBER_WORDS)})"
# A number of hundreds in words: "two hundred and fifty".
HUNDREDS = rf"""(?:\b(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred
    (?:\s+(?:and\s+)?{WORD_NUMBER}\b)?)"""
# Any number.
NUMBER = rf"(?:{DIGITS}|\b{WORD_NUMBER}\b)"
# The joint of a range: "5-10", "5 - 10" with any dash (hyphen to em dash), "5 to 10".
RANGE_SEP = r"(?:\s*[-\u2010-\u2014]\s*|\s+to\s+)"
# A unit of time, including business and working days: "days", "business days", and the
# short forms "hrs", "wks", "yrs".
TIME_UNIT = r"""(?:
    (?:business|working|work|calendar)[\s-]+days?
  # Seconds only in the plural: "a second", "a sec" are most often an ordinal or a moment.
  | seconds | secs
  | min(?:ute)?s? | h(?:ou)?rs? | hours? | days? | weeks? | wks? | fortnights? | months?
  | years? | yrs?
)"""


_DIGITS_ONLY = regex.compile(DIGITS)


def compile_verbose(pattern: str, *, from_end: bool = False) -> regex.Pattern[str]:
    """Compile a verbose, case-insensitive pattern once.

    Args:
        pattern: The pattern.
        from_end: Search from the end of the text backwards: much faster for a pattern
            anchored at the end (``…$``), such as "the words just before a number".
    """
    flags = regex.VERBOSE | regex.IGNORECASE | (regex.REVERSE if from_end else 0)
    return regex.compile(pattern, flags)


def compile_alternatives(pattern: str) -> Alternatives:
    """Compile a verbose, case-insensitive pattern as its top-level alternatives, each alone.

    It finds exactly what :func:`compile_verbose` would (see :class:`Alternatives`), faster
    when the pattern is a long list of phrases.
    """
    return Alternatives(compile_verbose(pattern))


class Alternatives:
    """A pattern ``A | B | C`` searched as its alternatives ``A``, ``B``, ``C`` compiled alone.

    The ``regex`` module skips ahead to a literal that every match must hold ("promise",
    "%"), and tries a pattern only where it may start. A long alternation has no such
    literal in common, so the whole of it is tried at every position of the text; its
    alternatives alone mostly have one. Searching each alternative on its own, and taking
    the leftmost match (the earliest alternative where two start together, as the
    alternation does), finds the same matches as the whole pattern, several times faster
    for the long lists of phrases the reading uses.

    Attributes:
        whole: The pattern as one alternation.
        parts: Its top-level alternatives, compiled with the same flags.
    """

    __slots__ = ("parts", "whole")

    def __init__(self, whole: regex.Pattern[str]) -> None:
        self.whole = whole
        verbose = bool(whole.flags & regex.VERBOSE)
        self.parts = tuple(
            regex.compile(part, whole.flags) for part in _top_level_parts(whole.pattern, verbose)
        )

    def search(self, text: str, pos: int = 0) -> regex.Match[str] | None:
        """The leftmost match at or after ``pos``, as ``whole.search(text, pos)`` finds it."""
        best: regex.Match[str] | None = None
        for part in self.parts:
            match = part.search(text, pos)
            if match is not None and (best is None or match.start() < best.start()):
                best = match
        return best

    def finds_any(self, text: str) -> bool:
        """Whether the pattern matches anywhere in ``text``."""
        return any(part.search(text) is not None for part in self.parts)

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The leftmost non-overlapping matches, as ``whole.finditer(text)`` yields them.

        Each alternative's next match is kept until a match taken overlaps its start, so
        every alternative reads the text about once: the whole stays linear.
        """
        upcoming = [part.search(text) for part in self.parts]
        position = 0
        while True:
            best_index = -1
            for index, match in enumerate(upcoming):
                if match is not None and match.start() < position:
                    match = upcoming[index] = self.parts[index].search(text, position)
                if match is not None and (
                    best_index < 0 or match.start() < upcoming[best_index].start()  # type: ignore[union-attr]
                ):
                    best_index = index
            if best_index < 0:
                return
            best = upcoming[best_index]
            assert best is not None
            yield best
            position = best.end() if best.end() > best.start() else best.end() + 1


def _top_level_parts(pattern: str, verbose: bool) -> list[str]:
    """``pattern`` cut at each ``|`` outside brackets, classes, escapes and comments."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    in_class = escaped = in_comment = False
    for char in pattern:
        if in_comment:
            in_comment = char != "\n"
        elif escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "#" and verbose:
            in_comment = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


#: How far past its start a phrase matched at one place in a text may reach, in characters.
#: Far longer than any phrase the patterns read (a date, an amount, "a party of 12").
MATCH_REACH = 1_000


def match_at(pattern: regex.Pattern[str], text: str, position: int) -> regex.Match[str] | None:
    """``pattern.match(text, position)``, looking no further than :data:`MATCH_REACH`.

    A pattern that holds a literal which must occur (a bracket, a colon, "%") makes the
    ``regex`` module look for that literal through all the rest of the text before it tries
    the match: matching at each of the numbers of a 1 MB reply would read the reply once per
    number. Bounding the end keeps each match local, and the whole reading linear.
    """
    return pattern.match(text, position, position + MATCH_REACH)


def ends_just_before(pattern: regex.Pattern[str], text: str, start: int, reach: int) -> bool:
    """Whether ``pattern`` matches in the ``reach`` characters before ``start``.

    The words that say how the thing at ``start`` is used lie just before it (a cue ending in
    ``$`` must end right there), and a bounded look keeps a long reply linear. The look is at
    those characters alone: ``^`` is where they begin, and nothing before them is seen.
    """
    return pattern.search(text[max(0, start - reach) : start]) is not None


def number_value(text: str) -> Decimal:
    """The value of a number written in digits or words.

    Args:
        text: "5", "1,250", "1.5", "five", "twenty-four", "a couple of".

    Returns:
        The value as a Decimal.

    Raises:
        ValueError: The text is not a number this grammar knows.
    """
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[cleaned])
    if " hundred" in cleaned:
        left, _, right = cleaned.partition(" hundred")
        right = right.strip().removeprefix("and").strip()
        hundreds = number_value(left) * 100
        return hundreds + (number_value(right) if right else 0)
    if _DIGITS_ONLY.fullmatch(cleaned):
        return Decimal(cleaned.replace(",", ""))
    raise ValueError(f"{text!r} is not a number")
