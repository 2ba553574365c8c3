"""Split a reply into sentences, keeping their offsets.

The splitter reads normalised text (see :mod:`honestcs.text.normalise`), so
quotes are ASCII, but it works on any string. Every sentence is a span of the
text it was given; nothing is rewritten.

Where a sentence ends:

- **After ``.``, ``!`` or ``?``** (or a run such as ``?!`` or ``...``), with
  any closing quotes, brackets or Markdown emphasis after it (``"no."``,
  ``(see below.)``, ``**Note.**``), when whitespace follows. A full stop ends a
  sentence when what follows starts like a sentence: an upper-case letter, a
  digit, an opening quote or bracket, a currency sign, Markdown emphasis, or
  the end of the text. After ``!`` and ``?`` a lower-case word starts a new
  sentence too ("Sorry! we'll fix it" is two), unless the mark sat inside
  quotes or brackets (``He asked "why?" and left`` is one). In chat, a full
  stop after an ordinary lower-case word ends a sentence before a lower-case
  pronoun or a word replies open with ("sorry about that. we'll sort it",
  "all done. thanks for waiting") or a determiner ("on friday. the fee is $89"). An ellipsis
  followed by a lower-case word does not end a sentence.
- **Not** where the full stop belongs to something else: abbreviations (Mr.,
  Dr., St., e.g., i.e., vs., approx., ref., Inc., Ltd., Jr., U.S., U.K., and
  other dotted initialisms), single capital initials ("J. Smith"), "No." and
  the like before a number ("No. 5", "Dec. 10"), a list number at the start of
  a sentence or after a colon ("Steps: 1. Open ..."). A dot with no whitespace
  after it never ends a sentence, which keeps numbers and money ("$1.50",
  "3.5%", "v2.1"), codes, URLs and e-mail addresses ("example.com/refunds",
  "help@shop.co.uk") whole. "etc.", "a.m." and "p.m." end a sentence only when
  the next word starts like a sentence and is not all capitals ("5 p.m. EST"
  is one sentence, "5 p.m. Please call" is two).
- **At line breaks.** A blank line always ends a sentence. A single line break
  ends one too, unless the next line starts with a lower-case letter (a
  wrapped line) and the line before does not end with a colon; a line that
  starts with a list marker always starts a sentence, and a line that ends
  with a full stop after an ordinary word ends one whatever follows. A line
  that ends in an abbreviation ("Dr.") runs on into the next.
- **After an emoji** followed by whitespace and a word, as chat uses one for a full stop
  ("thanks for having us round 😊 your quote will be in your inbox today" is two), unless
  the word carries the clause on ("and", "but", "to", "for", "with", "because", …) or the
  emoji closes a subordinate clause ("Since it's your birthday 🎉 I've added…").
- Semicolons and colons inside a line never end a sentence.

Each sentence is trimmed of surrounding whitespace, and of a list marker at
the start of a line ("- ", "* ", "+ ", a bullet such as U+2022, "1. ", "1) ",
"a) ", "(iv) ") or a Markdown heading's "#"s. Markdown emphasis stays in the
text. Pieces with no letter or digit in them (a stray "---", an emoji on its
own) are not sentences and are dropped.
"""

from __future__ import annotations

import bisect
import re

import attrs

__all__ = ["Sentence", "split_sentences"]


@attrs.frozen
class Sentence:
    """One sentence of a text, as a span of it.

    Attributes:
        start: Offset of its first character in the text that was split.
        end: Offset just past its last character.
        text: The sentence itself, ``text[start:end]`` of the text that was split.
    """

    start: int
    end: int
    text: str


# Characters that end a line (as str.splitlines sees them).
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"

# Terminal punctuation: . ! ? and the ellipsis (runs such as "?!" and "..." too).
_TERMINALS = ".!?\u2026"
# What may close a sentence after its terminal punctuation: quotes, brackets,
# Markdown emphasis ("no.", (see below.), **Note.**).
_CLOSERS = "\"')]}*_\u00bb\u201d\u2019"
# Where a sentence may end. They are found with str.find, which is many times
# faster than a regular expression scanning for a character class.
_CANDIDATES = _TERMINALS + _LINE_BREAKS
_ASCII_CANDIDATES = "".join(char for char in _CANDIDATES if char.isascii())
# One line break (\r\n counts once).
_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_NOT_SPACE = re.compile(r"\S")
# A letter or digit: a piece without one is not a sentence.
_ALPHANUMERIC = re.compile(r"[^\W_]")
# A word at a position (letters only), to see whether it is all capitals.
_LETTERS = re.compile(r"[^\W\d_]+")

# A list marker or heading at the start of a line, with the space after it.
_MARKER = re.compile(
    r"""
    (?: [-*+\u2022\u25e6\u25aa\u2023\u25cf\u2219\u00b7\u2013\u2014]   # - * + bullets, dashes
      | \d{1,3} [.)]                        # 1.  12)
      | [A-Za-z] \)                         # a)  B)
      | \( (?: \d{1,3} | [A-Za-z] | [ivxIVX]{1,4} ) \)   # (1)  (a)  (iv)
      | \#{1,6}                             # a Markdown heading
    )
    [ \t\u00a0]+ (?= \S )                   # then space and something on the same line
    """,
    re.VERBOSE,
)

# Abbreviations after which a full stop does not end a sentence, whatever
# follows (lower case, without the final dot).
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "hon", "gen", "capt", "col", "lt", "sgt",
    "st", "sr", "jr", "e.g", "i.e", "vs", "cf", "viz", "approx", "incl", "excl", "esp", "ca",
    "al", "ref", "dept", "apt", "ave", "blvd", "rd", "inc", "ltd", "co", "corp", "u.s", "u.k",
    "u.s.a", "ph.d",
})  # fmt: skip
# Abbreviations that do not end a sentence when a number follows ("No. 5").
_BEFORE_NUMBER = frozenset({
    "no", "nos", "nr", "p", "pp", "vol", "ch", "fig", "sec", "ext", "tel", "ph",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})  # fmt: skip
# Abbreviations that often end a sentence: they do when the next word starts
# like a sentence and is not all capitals (a time zone, an acronym).
_MAY_END = frozenset({"etc", "a.m", "p.m"})
# Dotted initialisms not listed above ("R.S.V.P").
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")

# What may open a sentence besides an upper-case letter or a digit.
_OPENERS = frozenset("\"'([{*_$\u20ac\u00a3\u00a5\u00bf\u00a1\u201c\u2018\u00ab")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split text into sentences.

    See the module documentation for the rules. The text should be
    normalised first; offsets are into ``text`` as given.

    Args:
        text: The (normalised) text of a reply or a customer message.

    Returns:
        The sentences in order; they do not overlap, and each starts and ends
        with a character that is not whitespace.

    Example:
        >>> [s.text for s in split_sentences("Hi Mr. Lee! Your $1.50 refund is done.")]
        ['Hi Mr. Lee!', 'Your $1.50 refund is done.']
    """
    cuts = _cuts(text)
    if not text.isascii():
        cuts = sorted({*cuts, *_emoji_cuts(text, cuts)})
    sentences: list[Sentence] = []
    start = 0
    for end in [*cuts, len(text)]:
        sentence = _sentence(text, start, end)
        if sentence is not None:
            sentences.append(sentence)
        start = end
    return tuple(sentences)


def _cuts(text: str) -> list[int]:
    """Offsets, in order, at which one sentence ends and the next may begin."""
    cuts: list[int] = []
    size = len(text)
    # Where a full stop after an abbreviation ran on over a line break.
    run_on = -1
    # Candidates before this offset were read as part of an earlier one.
    resume = 0
    for position in _candidates(text):
        if position < resume:
            continue
        if text[position] in _LINE_BREAKS:
            end = resume = _skip_space(text, position + 1)
            start = _line_end(text, position)
            if start == 0 or end == size or (cuts and cuts[-1] >= start):
                continue
            first_end = position + 2 if text.startswith("\r\n", position) else position + 1
            blank_line = _BREAK.search(text, first_end, end) is not None
            if blank_line or (start != run_on and _line_break_ends(text, start, end)):
                cuts.append(start)
            continue
        stop_end = position + 1
        while stop_end < size and text[stop_end] in _TERMINALS:
            stop_end += 1
        resume = close_end = stop_end
        while close_end < size and text[close_end] in _CLOSERS:
            close_end += 1
        if close_end < size and not text[close_end].isspace():
            continue  # "$1.50", "example.com", "e.g" inside "e.g."
        verdict = _stop_ends(text, position, stop_end, close_end, cuts)
        if verdict is True:
            cuts.append(close_end)
        elif verdict is None:
            run_on = close_end
    return cuts


def _candidates(text: str) -> list[int]:
    """Offsets of terminal punctuation and line breaks, in order."""
    positions: list[int] = []
    for char in _ASCII_CANDIDATES if text.isascii() else _CANDIDATES:
        index = text.find(char)
        while index >= 0:
            positions.append(index)
            index = text.find(char, index + 1)
    positions.sort()
    return positions


def _skip_space(text: str, position: int) -> int:
    """The offset of the first character at or after ``position`` that is not whitespace."""
    found = _NOT_SPACE.search(text, position)
    return len(text) if found is None else found.start()


def _line_end(text: str, position: int) -> int:
    """Where the content of the line ending at ``position`` stops (spaces trimmed)."""
    while position > 0 and text[position - 1].isspace() and text[position - 1] not in _LINE_BREAKS:
        position -= 1
    return position


def _line_break_ends(text: str, line_end: int, next_line: int) -> bool:
    """Whether one line break between two lines ends a sentence."""
    if _MARKER.match(text, next_line):
        return True
    return not (text[next_line].islower() and text[line_end - 1] != ":")


def _stop_ends(
    text: str, stop_start: int, stop_end: int, close_end: int, cuts: list[int]
) -> bool | None:
    """Whether terminal punctuation, with the closers after it, ends a sentence.

    Returns:
        True if it does; False if it does not; None if it does not because it
        belongs to an abbreviation, which also joins a line break after it.
    """
    size = len(text)
    gap_end = _skip_space(text, close_end)
    if gap_end == size:
        return True
    stop = text[stop_start:stop_end]
    following = text[gap_end]
    line_break = _BREAK.search(text, close_end, gap_end) is not None
    if "!" in stop or "?" in stop:
        quoted = text[stop_end:close_end].strip("*_") != ""
        return line_break or not (quoted and following.islower())
    if len(stop) > 1 or "\u2026" in stop:  # an ellipsis
        return _starts_sentence(following)
    # One full stop: what word does it end?
    word_start = stop_start
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop_start].lstrip("\"'([{*_")
    key = word.lower()
    if key in _ABBREVIATIONS or (_INITIALISM.fullmatch(word) and key not in _MAY_END):
        return None
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return None
    if key in _BEFORE_NUMBER and following.isdigit():
        return None
    if word.isdigit() and len(word) <= 2 and _is_list_number(text, word_start, word, cuts):
        return False
    if key in _MAY_END:
        next_word = _LETTERS.match(text, gap_end)
        if next_word is not None and len(next_word.group()) > 1 and next_word.group().isupper():
            return False
        return _starts_sentence(following)
    return line_break or _starts_sentence(following) or _chat_sentence(text, word, gap_end)


# Lower-case words that open a sentence in chat ("sorry about that. we'll sort it"): pronouns,
# and the words replies open with. A full stop after an ordinary word ends a sentence before
# one of them, as it does before a capital.
_CHAT_OPENERS = frozenset({
    "i", "i'm", "i'll", "i've", "i'd", "we", "we'll", "we're", "we've", "we'd", "you", "you'll",
    "you're", "you've", "it", "it's", "it'll", "they", "they'll", "they're", "they've", "he",
    "he'll", "he's", "she", "she'll", "she's", "that's", "there's", "here's",
    "so", "but", "also", "please", "pls", "thanks", "thank", "sorry", "just", "let", "hope",
    "feel", "ok", "okay", "yes", "yeah", "yep", "no", "unfortunately", "sadly", "any",
    # Determiners open a sentence's subject ("on friday. the trip fee is $89", "all done. your
    # refund is on its way"); an abbreviation's stop is told apart before this is asked.
    "the", "your", "our", "my", "this", "these", "those",
    # A question opens with its question word or auxiliary ("all fitted. want me to book it?",
    # "done. what time suits?").
    "what", "when", "where", "why", "how", "which", "who", "want", "would", "could", "can",
    "shall", "should", "do", "does", "did", "is", "are", "will",
})  # fmt: skip
_WORD_AT = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _chat_sentence(text: str, word: str, next_start: int) -> bool:
    """Whether a full stop after an ordinary lower-case word is followed by a chat sentence."""
    if len(word) < 2 or not word.isalpha() or not word.islower():
        return False
    following = _WORD_AT.match(text, next_start)
    return following is not None and following.group() in _CHAT_OPENERS


# Emoji and pictographs (Unicode's Miscellaneous Symbols and Pictographs through Symbols and
# Pictographs Extended-A, Miscellaneous Symbols, Dingbats), with their modifiers, variation
# selectors and joiners, then the space and the word after them.
_EMOJI_THEN_WORD = re.compile(
    r"(?<=\S)[ \t]*[\U0001F300-\U0001FAFF\u2600-\u27BF]"
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF\U0001F3FB-\U0001F3FF\uFE0F\u200D]*"
    r"(?P<space>[ \t]+)(?P<word>[^\W\d_]+)"
)
# Words that carry a clause on past an emoji ("I've booked you in 😊 for Friday").
_CARRY_ON = frozenset({
    "and", "or", "nor", "to", "for", "with", "of", "in", "on", "at", "as", "because", "cause",
    "if", "when", "than", "from", "by", "into", "about", "until", "till", "but", "so",
})  # fmt: skip


# Subordinators that open a clause the sentence's main clause must follow ("Since it's your
# birthday week 🎉 I've added…"): an emoji after such a clause ends no sentence.
_OPENS_A_SUBORDINATE = re.compile(
    r"\W*(?:since|if|when|whenever|because|as|once|after|before|although|though|while|unless"
    r"|until|as\s+soon\s+as)\b",
    re.IGNORECASE,
)


def _emoji_cuts(text: str, cuts: list[int]) -> list[int]:
    """Offsets after emoji that end a chat sentence (see the module documentation)."""
    found: list[int] = []
    for match in _EMOJI_THEN_WORD.finditer(text):
        if match["word"].lower() in _CARRY_ON:
            continue
        at = bisect.bisect_right(cuts, match.start())
        start = max(cuts[at - 1] if at else 0, found[-1] if found else 0)
        # The line's start matters only after ``start``: the search back stops there.
        line = text.rfind("\n", start, match.start()) + 1
        if _OPENS_A_SUBORDINATE.match(text, max(start, line)):
            continue
        found.append(match.start("word"))
    return found


def _is_list_number(text: str, word_start: int, word: str, cuts: list[int]) -> bool:
    """Whether a number before a full stop numbers a list item ("1. Open the app")."""
    if _skip_space(text, cuts[-1] if cuts else 0) == word_start:
        return True
    before = word_start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return word == "1" and text[before - 1 : before] == ":"


def _starts_sentence(char: str) -> bool:
    """Whether a sentence may start with this character."""
    return (
        char.isupper()
        or char.isdigit()
        or char in _OPENERS
        or (char.isalpha() and not char.islower())
    )


def _sentence(text: str, start: int, end: int) -> Sentence | None:
    """The sentence in ``text[start:end]``, trimmed, or None if there is none."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _at_line_start(text, start):
        marker = _MARKER.match(text, start, end)
        if marker is not None:
            start = marker.end()
    if _ALPHANUMERIC.search(text, start, end) is None:
        return None
    return Sentence(start, end, text[start:end])


def _at_line_start(text: str, position: int) -> bool:
    """Whether only spaces stand between ``position`` and the start of its line."""
    while position > 0:
        char = text[position - 1]
        if char in _LINE_BREAKS:
            return True
        if not char.isspace():
            return False
        position -= 1
    return True
