"""Whether a reply can be checked at all: is there any text, and is it English?

The checker reads English only. A reply in another language would come back
with no finding, which looks exactly like an honest reply: a silent pass. So
before reading, :func:`not_checked` says why a reply cannot be checked.

**Empty**: nothing but white space and invisible format characters (zero-width
spaces, joiners, direction marks, a byte-order mark).

**Not English**, judged from function words (:mod:`honestcs._function_words`),
which every sentence of every language is made of, whatever it is about:

1. When most of its letters (and at least :data:`MIN_LETTERS` of them) are in a
   script other than Latin (Cyrillic, Greek, Arabic, Hebrew, Chinese, Japanese,
   Korean, Thai...), it is not English.
2. Otherwise its words are counted: English function words (and words with an
   English clitic, "can't", "we'll", "it's"), and function words of six other
   languages written in Latin script. It is not English when at least
   :data:`MIN_OTHER` of them are the other languages' and English has less than
   :data:`MAX_ENGLISH_SHARE` of all the function words it has.

So a short reply with no function words ("OK, done!", "Refunds normally take 2
business days.") and an order summary of product names and prices are English:
there is no evidence of another language. The known misses: a reply in a Latin
script language without a list here (Polish, Turkish, Indonesian...) or of fewer
than three function words ("Gracias, hecho.") is taken as English and checked,
and finds nothing.
"""

from __future__ import annotations

from typing import Final

import regex

from honestcs._function_words import ENGLISH, ENGLISH_CLITICS, OTHER, OTHER_ELISIONS

__all__ = ["EMPTY", "MAX_ENGLISH_SHARE", "MIN_LETTERS", "MIN_OTHER", "NOT_ENGLISH", "not_checked"]

#: Why a reply was not checked: it has no text.
EMPTY: Final = "empty"
#: Why a reply was not checked: it is written in another language.
NOT_ENGLISH: Final = "not English"

#: Fewest letters in other scripts that make a reply not English ("谢谢" has two).
MIN_LETTERS: Final = 2
#: Fewest function words of other languages that make a reply not English.
MIN_OTHER: Final = 3
#: Below this share of English among the function words found, with MIN_OTHER others,
#: a reply is not English. Real English replies with any other-language function
#: words have at least half English ones; prose in the other languages, under a tenth.
MAX_ENGLISH_SHARE: Final = 0.3

# Nothing to read: white space, and format characters (Cf) that draw nothing.
_BLANK = regex.compile(r"[\p{White_Space}\p{Cf}]*")
_NOT_LETTER = regex.compile(r"\P{L}+")
_NOT_OTHER_SCRIPT = regex.compile(r"\p{Script=Latin}+")
# A word: letters, with inner apostrophes ("can't", "l'article").
_WORD = regex.compile(r"\p{L}+(?:['\u2019]\p{L}+)*")
# The same, in ASCII text.
_ASCII_WORD = regex.compile(r"[a-zA-Z]+(?:'[a-zA-Z]+)*")


def not_checked(reply: str) -> str | None:
    """Why ``reply`` cannot be checked (:data:`EMPTY` or :data:`NOT_ENGLISH`), or None."""
    if _BLANK.fullmatch(reply):
        return EMPTY
    if reply.isascii():
        # Every ASCII letter is Latin, and lower case keeps ASCII words where they were:
        # the whole text is lowered once, and its words taken as they are.
        words = _ASCII_WORD.findall(reply.lower())
    else:
        letters = _NOT_LETTER.sub("", reply)
        others = len(_NOT_OTHER_SCRIPT.sub("", letters))
        if others >= MIN_LETTERS and others * 2 > len(letters):
            return NOT_ENGLISH
        words = [word.lower().replace("\u2019", "'") for word in _WORD.findall(reply)]
    english = other = 0
    for word in words:
        if word in ENGLISH or word.endswith(ENGLISH_CLITICS):
            english += 1
        elif word in OTHER or word.startswith(OTHER_ELISIONS):
            other += 1
    if other >= MIN_OTHER and english < MAX_ENGLISH_SHARE * (english + other):
        return NOT_ENGLISH
    return None
