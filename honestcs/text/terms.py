"""Words, stems, and the policy-term matcher.

Terms match whole words, case-insensitively, with ordinary English
inflections ("refund" matches "refunds", "refunded", "refunding"). In a
term, ``*`` stands for zero to three words. All terms of a policy are
compiled once into one :class:`TermMatcher`, a trie of their stems: terms
that begin alike share the nodes of their common beginning, so matching a
sentence costs a dictionary look-up per word and per shared prefix, whatever
the number of clauses, and 5,000 terms that open with the same word are
walked together, not one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import attrs
import regex

from honestcs._grammar import match_at
from honestcs.text.lexicon import POSTPONING_VERBS

__all__ = ["TermMatch", "TermMatcher", "Token", "inside_a_name", "stem", "tokenize"]

# A word (letters, digits, inner apostrophes) or a symbol that terms use ("%", "$", "#", "&").
_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:'[\p{L}]+)*|[%$€£#&]")
# The same in ASCII text, where the standard library's engine finds it twice as fast.
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*|[%$#&]")

# How far a "*" in a term may stretch.
_WILDCARD_MAX_WORDS = 3
# Tokens that are signs, not words: a "*" passes over them without counting them.
_SYMBOLS = frozenset("%$€£#&")

_KEEP_S = ("ss", "us", "is", "ous")

# Irregular verb forms, so that "pay out" matches "paid out" and "send back" matches "sent back".
_IRREGULAR_FORMS = {
    "pay": "paid", "send": "sent", "make": "made", "give": "gave given", "take": "took taken",
    "get": "got gotten", "buy": "bought", "sell": "sold", "leave": "left", "keep": "kept",
    "tell": "told", "bring": "brought", "think": "thought", "find": "found", "spend": "spent",
    "lend": "lent", "ring": "rang rung", "come": "came", "go": "went gone", "see": "saw seen",
    "write": "wrote written", "choose": "chose chosen", "hold": "held", "meet": "met",
    "run": "ran", "win": "won", "lose": "lost", "build": "built", "feed": "fed", "lead": "led",
    "deal": "dealt", "drive": "drove driven", "fly": "flew flown", "break": "broke broken",
    "speak": "spoke spoken", "steal": "stole stolen", "do": "did done", "have": "had has",
    "be": "was were been is are am", "put": "put", "set": "set", "cut": "cut", "hit": "hit",
    "say": "said", "read": "read", "stand": "stood", "understand": "understood",
    "forget": "forgot forgotten", "freeze": "froze frozen", "wear": "wore worn",
    "tear": "tore torn", "fall": "fell fallen", "hang": "hung", "shake": "shook shaken",
}
_IRREGULAR: dict[str, str] = {}
_DOUBLE_OK = ("ll", "ss", "zz", "ff")


def _base(word: str) -> str:
    """The stem of a regular form (used to give irregular forms their base's stem)."""
    w = word
    while w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


for _base_form, _forms in _IRREGULAR_FORMS.items():
    for _form in _forms.split():
        _IRREGULAR[_form] = _base(_base_form)
    _IRREGULAR[_base_form] = _base(_base_form)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem, the same for a word's ordinary inflections.

    "refund", "refunds", "refunded" and "refunding" share a stem; so do
    "ship", "shipped" and "shipping", and "arrive", "arrives" and "arrived".
    It is deliberately conservative: derivations ("delivery" from "deliver")
    are different words, and a policy lists both when it means both.
    """
    w = word.lower()
    irregular = _IRREGULAR.get(w)
    if irregular is not None:
        return irregular
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if len(w) <= 3:
        return w
    if (w.endswith("ies") and len(w) > 4) or (w.endswith("ied") and len(w) > 4):
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(_KEEP_S):
        w = w[:-1]
        if w.endswith("ing") and len(w) > 5:
            w = _undouble(w[:-3])  # a plural noun in "-ings" is its singular's ("tunings")
    elif w.endswith("ing") and len(w) > 5:
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) > 4:
        w = _undouble(w[:-2])
    while w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _undouble(w: str) -> str:
    """Shipp -> ship, cancell -> cancel; but keep "call", "pass", "spell"."""
    if len(w) > 5 and w.endswith("ell"):
        return w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-2:] not in _DOUBLE_OK and w[-1] not in "aeiou":
        return w[:-1]
    return w


class Token(NamedTuple):
    """A word of a text with its offsets and stem (a named tuple: replies have many words).

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        text: The word as written.
        lower: The word in lower case.
        stem: Its stem (see :func:`stem`).
    """

    start: int
    end: int
    text: str
    lower: str
    stem: str


# The plural of a noun made of a verb and a particle puts its "s" on the particle, which is
# too short for :func:`stem`: "trade-ins", "add-ons", "top-ups", "walk-ins", "check-ups".
_PLURAL_PARTICLES = {"ins": "in", "ons": "on", "ups": "up"}


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """The words of ``text``, with offsets shifted by ``offset``."""
    tokens: list[Token] = []
    append = tokens.append
    # A named tuple's own constructor is a Python function: a reply has many words.
    new = tuple.__new__
    for match in (_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text):
        word = match.group()
        start, end = match.span()
        lower, word_stem = _lower_and_stem(word)
        if lower in _PLURAL_PARTICLES and start and text[start - 1] == "-":
            word_stem = _PLURAL_PARTICLES[lower]  # "trade-ins", "add-ons", "top-ups"
        append(new(Token, (start + offset, end + offset, word, lower, word_stem)))
    return tuple(tokens)


@lru_cache(maxsize=65536)
def _lower_and_stem(word: str) -> tuple[str, str]:
    """A word in lower case and its stem: worked out once for each word as written."""
    lower = word.lower()
    return lower, stem(lower)


@attrs.frozen
class TermMatch:
    """A policy term found in a text.

    Attributes:
        clause: Id of the clause the term belongs to.
        term: The term as the policy wrote it.
        start: Offset of the first matched character.
        end: Offset just past the last matched character.
        first_token: Index of the first matched token.
        last_token: Index of the last matched token.
    """

    clause: str
    term: str
    start: int
    end: int
    first_token: int
    last_token: int


@attrs.frozen(eq=False)  # each is one term: hashed by identity, as a key of the trie's walks
class _CompiledTerm:
    pieces: tuple[str | None, ...]  # stems; None is a wildcard
    # The passive of a verb-object term: "tickets can be cancelled" for "cancel * ticket".
    passive: bool
    # Its place among the compiled terms: matches found at one word come in this order.
    order: int
    # Every (clause, term as written) that compiles to these pieces: matched once for all.
    owners: dict[tuple[str, str], None] = attrs.field(factory=dict)


@attrs.define(eq=False)
class _Node:
    """A beginning that terms share: the pieces so far lead here, the next piece leads on."""

    # The next piece, by its stem.
    next: dict[str, _Node] = attrs.field(factory=dict)
    # The next piece when it is a wildcard.
    wildcard: _Node | None = None
    # The terms whose pieces end here.
    ends: list[_CompiledTerm] = attrs.field(factory=list)


# For each term under a node, the last token of its match from one token on.
_Ends = tuple[tuple[_CompiledTerm, int], ...]


# Forms of "be" that make a passive: "can be cancelled", "has been cancelled", "is cancelled".
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "'s", "'re", "get", "got"})
# Where a thing goes, after "be": "your deposit will be back".
_PARTICLES = frozenset({"back"})
# What may stand between the thing and "back": "be" and the words that go with it.
_BE_AUXILIARIES = _BE | {"will", "'ll", "should", "would", "can", "could", "may", "might", "has",
                         "have", "had", "already", "all", "now", "fully", "safely", "then"}


@attrs.define
class TermMatcher:
    """Every term of a policy, compiled once; finds them in tokenized text.

    Build it with :meth:`compile`; the cost of :meth:`find` depends on the
    words of the text and the distinct beginnings of terms, not on how many
    terms there are or how many times a term is repeated: terms that compile
    alike (in one clause or several) are matched once, and terms that begin
    alike are followed together as far as they agree.
    """

    _root: _Node = attrs.field(factory=_Node)
    _by_pieces: dict[tuple[tuple[str | None, ...], bool], _CompiledTerm] = attrs.field(
        factory=dict
    )

    @classmethod
    def compile(cls, terms: Iterable[tuple[str, str]]) -> TermMatcher:
        """Compile ``(clause_id, term)`` pairs.

        Terms are literal text: nothing in them is a pattern except ``*``.
        """
        matcher = cls()
        for clause, term in terms:
            pieces: list[str | None] = []
            for word in term.split():
                if word == "*":
                    pieces.append(None)
                else:
                    pieces.extend(t.stem for t in tokenize(word))
            while pieces and pieces[0] is None:  # validation forbids it; be safe anyway
                pieces.pop(0)
            while pieces and pieces[-1] is None:
                pieces.pop()
            if not pieces:
                continue
            matcher._add(tuple(pieces), False, clause, term)
            # A verb and its object ("cancel * ticket", "reserve seats") also read in the
            # passive, the object first: "tickets can be cancelled", "seats are reserved". A
            # particle is no object: "engraved * back" has no passive "back … engraved".
            if (
                len(pieces) in (2, 3)
                and pieces[-1] is not None
                and pieces[-1] not in _PARTICLES
                and (len(pieces) == 2 or pieces[1] is None)
            ):
                matcher._add((pieces[-1], None, pieces[0]), True, clause, term)
            # A thing and where it goes ("deposit back", "money back") also read with "be"
            # between: "your deposit will be back on your card".
            if len(pieces) == 2 and pieces[1] in _PARTICLES and pieces[0] is not None:
                matcher._add((pieces[0], None, pieces[1]), True, clause, term)
        return matcher

    def _add(
        self, pieces: tuple[str | None, ...], passive: bool, clause: str, term: str
    ) -> None:
        compiled = self._by_pieces.get((pieces, passive))
        if compiled is None:
            compiled = _CompiledTerm(pieces, passive, len(self._by_pieces))
            self._by_pieces[(pieces, passive)] = compiled
            node = self._root
            for piece in pieces:
                if piece is None:
                    if node.wildcard is None:
                        node.wildcard = _Node()
                    node = node.wildcard
                else:
                    node = node.next.setdefault(piece, _Node())
            node.ends.append(compiled)
        compiled.owners[(clause, term)] = None  # ordered, and each pair once

    def find(self, tokens: Sequence[Token]) -> list[TermMatch]:
        """Every term occurrence in ``tokens``, longest first where they overlap."""
        found: list[TermMatch] = []
        first_words = self._root.next
        # What each node matches from each token: the same from every start.
        known: dict[tuple[_Node, int], _Ends] = {}
        for index, token in enumerate(tokens):
            node = first_words.get(token.stem)
            if node is None:
                continue
            if index and _negated_by_prefix(tokens[index - 1], token):
                continue  # "non-prescription items" are not "prescription items"
            ends = _ends(node, tokens, index + 1, known)
            if len(ends) > 1:
                ends = tuple(sorted(ends, key=lambda end: end[0].order))
            for candidate, last in ends:
                if candidate.passive and not _is_passive(tokens, index, last):
                    continue
                if _postponed(tokens, index, last):
                    continue  # "can I push my payment back?" asks for no payment back
                found.extend(
                    TermMatch(clause, term, token.start, tokens[last].end, index, last)
                    for clause, term in candidate.owners
                )
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return found


# How far before a thing a verb of moving in time may stand: "push *my weekly* payment back".
_POSTPONED_REACH = 3
_POSTPONING = frozenset(POSTPONING_VERBS)


def _postponed(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether a match ending in "back" is the particle of a verb that moves a thing in time."""
    if tokens[last].lower not in _PARTICLES:
        return False
    return any(t.lower in _POSTPONING for t in tokens[max(0, first - _POSTPONED_REACH) : first])


def _negated_by_prefix(before: Token, token: Token) -> bool:
    """Whether ``token`` is the second half of a "non-" word ("non-prescription")."""
    return before.lower == "non" and token.start - before.end <= 1


def _is_passive(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether ``tokens[first..last]`` is a thing, a form of "be" and a participle.

    Or a thing, "be" and where it goes: "deposit will be back", "money is back".
    """
    word = tokens[last].lower
    if word in _PARTICLES:
        gap = [t.lower for t in tokens[first + 1 : last]]
        return bool(gap) and all(w in _BE_AUXILIARIES for w in gap) and not _BE.isdisjoint(gap)
    participle = (word.endswith(("ed", "en")) and word != tokens[last].stem) or (
        word in _IRREGULAR and _IRREGULAR[word] != word
    )
    between = {t.lower for t in tokens[first + 1 : last]}
    return participle and not between.isdisjoint(_BE)


def _ends(
    node: _Node, tokens: Sequence[Token], t: int, known: dict[tuple[_Node, int], _Ends]
) -> _Ends:
    """Each term under ``node`` whose remaining pieces match from token ``t``, with its last token.

    For each term, the first way found wins (each ``*`` as short as it can be), as a
    depth-first search of that term alone finds it: its pieces are tried in the same order,
    and a term met again further on keeps its first match. What a node matches from a token
    does not depend on where the match started, so ``known`` keeps it: a term of many
    wildcards costs at most nodes x tokens x 7 steps in all, not 7 to the power of its
    wildcards, and terms that begin alike share the steps of their common beginning.
    """
    key = (node, t)
    done = known.get(key)
    if done is not None:
        return done
    # Most nodes match nothing from most tokens: no dict is made for them.
    matched: dict[_CompiledTerm, int] | None = None
    if node.ends:
        matched = dict.fromkeys(node.ends, t - 1)
    wildcard = node.wildcard
    if wildcard is not None:
        # A symbol is part of the word beside it ("$50", "20 %"), so it is not counted
        # against the wildcard's words; at most as many symbols as words are passed over.
        words = 0
        for skip in range(2 * _WILDCARD_MAX_WORDS + 1):
            after = t + skip
            if after > len(tokens):
                break
            further = _ends(wildcard, tokens, after, known)
            if further:
                if matched is None:
                    matched = dict(further)
                else:
                    for term, last in further:
                        matched.setdefault(term, last)
            if after == len(tokens):
                break
            if tokens[after].lower not in _SYMBOLS:
                words += 1
                if words > _WILDCARD_MAX_WORDS:
                    break
            elif skip + 1 - words > _WILDCARD_MAX_WORDS:
                break
    if node.next and t < len(tokens):
        child = node.next.get(tokens[t].stem)
        if child is not None:
            further = _ends(child, tokens, t + 1, known)
            if further:
                if matched is None:
                    matched = dict(further)
                else:
                    for term, last in further:
                        matched.setdefault(term, last)
    done = known[key] = () if matched is None else tuple(matched.items())
    return done


# A capitalised word inside a sentence just before a match ("to *A* Reserve", "*Lakeside*
# Exotic"), or just after one ("Exotic *Animal* Hospital").
_CAPITALISED_BEFORE = regex.compile(r"\S[ \t]+(?:\p{Lu}|\p{Lu}\p{Ll}+)[ \t]+$")
_CAPITALISED_AFTER = regex.compile(r"[ \t]+\p{Lu}\p{Ll}+\b")


def inside_a_name(text: str, start: int, end: int, term: str) -> bool:
    """Whether a lower-case policy term matched ``text[start:end]`` inside a longer name.

    English capitalises names, not acts or kinds: "upgrade to *A Reserve* seats" names a
    seat tier, not the act "reserve seats"; "Lakeside *Exotic* Animal Hospital" names a
    hospital, not exotic pets. Only a capitalised match with a capitalised word right before
    it (not at the sentence's start) or right after it: a capital alone may be a day ("a
    Saturday appointment"), a brand the term names whole ("your App Store purchase") or an
    acronym ("a PDF copy"), all of which name the policy's thing.
    """
    written = text[start:end]
    if not written[:1].isupper() or written[1:2].isupper() or not term[:1].islower():
        return False
    before = text[max(0, start - 40) : start]  # a bounded look back: linear in the text
    return bool(_CAPITALISED_BEFORE.search(before) or match_at(_CAPITALISED_AFTER, text, end))
