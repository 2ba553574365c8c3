"""The questions a customer asks, and what would answer them.

A customer's message is split into sentences; each question (a sentence
ending in "?", or "I'd like to know…", "please tell me…") is split again at
"and"/"or" before a new question word, so "Can I send it back, and how
long will the refund take?" is two questions. Each question keeps its
subject words (stems without question words, pronouns or auxiliaries), the
concepts they name, and the kind of answer it needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import Literal

import attrs
import regex

from honestcs._grammar import Alternatives, compile_verbose, match_at
from honestcs.text.lexicon import (
    ANAPHORS,
    CONCEPTS,
    GREETINGS,
    INVERTED_SUBJECT_OPENERS,
    LAUGHTER,
    PRICE_NOUNS,
    RHETORICAL_MARKERS,
    TAG_QUESTIONS,
    TIME_TAKEN_NOUNS,
    alternation,
    senses_of,
)
from honestcs.text.terms import Token, stem, tokenize

__all__ = [
    "Question",
    "QuestionKind",
    "asks_by_a_day",
    "asks_for_advice",
    "asks_for_an_act",
    "asks_for_news",
    "asks_how_it_goes",
    "asks_how_likely",
    "asks_how_long_it_lasts",
    "asks_how_many",
    "asks_the_hour",
    "asks_the_past",
    "asks_what_if",
    "asks_what_is_so",
    "asks_what_next",
    "asks_whats_included",
    "asks_whether_so",
    "asks_whether_we_act",
    "concepts_of",
    "content_stems",
    "figures_of",
    "find_questions",
    "has_anaphor",
    "item_label",
    "states_how_likely",
]

QuestionKind = Literal["yesno", "time", "amount", "reason", "open"]
"""What answers a question: yes/no; a time or date; an amount; a reason; information."""

# The first word of the subject after an inverted verb: "can *one of your coaches* take us".
_SUBJECT_OPENER = alternation(INVERTED_SUBJECT_OPENERS)
# How a piece that asks may open: a question word or an auxiliary, after "and" or "also".
_QUESTION_OPENING = (
    r"\W*(?:(?:and|also|plus|oh|but|so)[\s,]+)?(?:how|when|what|what's|why|where|where's|which"
    r"|who|can|could|will|would|is|are|do|does|did|should|may|might|any)\b"
)
_QUESTION_SPLIT = compile_verbose(
    # (Not "can't" with no subject: "she's at work and can't come to the phone" goes on.)
    # (Nor "have it" + a participle: "can I take out cover now and have it backdated?" asks
    # one thing; nor "do it", where "do" is the verb, not the auxiliary, which would agree
    # as "does it": "can we skip the waiver and do it after the lesson?"; nor "have a" or
    # "do a", whose article opens an object, never a subject: "can you come on Sunday and
    # have a look?".)
    # ("Also" joins a question after a comma or "and" only: "could Jess *also* do the
    # windows?" asks one thing.)
    # (An approximator may come between: "…, and roughly how much would that cost?".)
    rf"""(?:(?:,\s*|\s+)(?:and|or|plus)|,\s*also|\s+and\s+also)\s+
      (?:(?:roughly|approximately|approx|about|around|exactly|precisely|realistically)\s+
        (?=(?:how|when|what)\b))?
      (?=(?:how|when|what|why|where|which|who|whom|whose|can(?!'t)|could
        |will|would|is|are|do(?!\s+(?:it|this|that|them|a|an)\b)|does|did|should|may|might
        |(?:have|has)(?!\s+(?:it|them|this|that|a|an)\s)
          # (An auxiliary "have" takes a participle after its subject: "and has the parcel
          # arrived?"; "my son is 19 and has his full licence" has none.)
          (?=\s+(?:[\w'-]+\s+){{1,4}}?(?:[a-z]+(?:ed|en|wn)|been|got|gotten|done|made|paid|sent
            |had|heard|told|found|left|kept|bought|brought|taken|given|seen|put|set|read|cut)\b)
        )\b)
      | ,\s*(?=(?:how|when|what|why|where|which|who|can|could|will|would|is|are|do|does|did|should
        |may|might)\s+{_SUBJECT_OPENER}\b)
      | ,\s*(?:and\s+)?(?=whether\b|if\s+(?:i|we|you|it|they|there|my|the|your)\b)
      | ,\s*(?=any\s+idea\b|do\s+you\s+know\b)
      # An item number after a comma opens the next item: "1) how long…, 2) how much…" (not
      # an aside in brackets: "can my son (9) come?").
      | ,\s*(?=\d{{1,2}}\)\s)
      | ^[^:?]{{1,40}}:\s+
      # ...or a dash after a short lead-in: "We've been with you six years now \u2014 any loyalty
      # discount?", "we're in Leeds - do you deliver here?".
      # (Not a question before the dash: "Also, what's your area \u2014 we're in Naas".)
      | ^(?!{_QUESTION_OPENING})[^:?\u2014\u2013]{{1,40}}?\s*[\u2014\u2013]\s*(?=\S)
      | ^(?!{_QUESTION_OPENING})[^:?\u2014\u2013]{{1,40}}?\s-\s+"""
)
_ASK = compile_verbose(
    r"""\b(?:i(?:'d|\s+would)\s+like\s+to\s+know|i\s+want\s+to\s+know|please\s+(?:tell|let)\s+me
        |i(?:'m|\s+am|\s+was)\s+(?:just\s+)?wondering|just\s+wondering|i\s+wonder|can\s+you\s+tell\s+me
        |could\s+you\s+tell\s+me)\b"""
)
_KIND_TIME = compile_verbose(
    r"^\W*(?:\w+,?\s+)?"
    # Asked indirectly: "any idea when the moodboard will be ready?", "do you know when…".
    r"(?:(?:any\s+idea|(?:do|does)\s+(?:you|anyone)\s+know|(?:can|could)\s+you\s+tell\s+me"
    r"|i\s+(?:wonder|was\s+wondering))\s+)?"
    r"(?:how\s+(?:much\s+)?long(?:er)?|when|what\s+time|how\s+soon|how\s+fast|how\s+quick(?:ly)?|by\s+when"
    r"|what\s+date|until\s+when"
    # How long before an event: "how far ahead should we order?", "how much notice do you need?"
    r"|how\s+far\s+(?:ahead|in\s+advance)|how\s+early|how\s+late|how\s+much\s+notice|how\s+(?:long|many\s+days)\s+before"
    # The nouns of a time: "what's the real timeline?", "what is the turnaround on prints?";
    # the words before one describe it, and a preposition among them ends the head noun
    # before ("what's the charge *for* next day delivery?" asks a price).
    r"|what(?:'s|\s+is|\s+are|\s+would\s+be)\s+(?:the|my|our|your)\s+"
    r"(?:(?!(?:for|of|on|to|with|in|at|from|about)\b)[\w-]+\s+){0,2}?"
    r"(?:timeline|timeframe|time\s+frame|turnaround|turn-around|eta|lead\s+time|wait(?:ing)?\s+time"
    # "What's the wait like for a replacement?": the wait is a length of time.
    r"|wait(?=\s+(?:like|for|on|at|these|right|now|currently|at\s+the\s+moment)\b|\W*$)"
    # A period or window is a length of time when nothing follows it but what it is of:
    # "what's the cooling-off period?", "what is the returns window on sale items?".
    r"|(?:period|window)(?=\W*$|\s+(?:for|on|of|to|if|when|after|before|with|in)\b)"
    # "What's your earliest date?", "what's the next available slot?"
    r"|(?:earliest|soonest|next|first)\s+(?:available\s+)?(?:date|slot|appointment|opening|time|day)"
    # A time of day named by what happens then, or a last moment: "what's the cut off time?",
    # "what is the closing time?", "what's the deadline?", "what's the cut-off for orders?".
    r"|time(?=\W*$|\s+(?:for|on|of|to|if|when|at|in)\b)|deadline|cut-?off(?!\s+time\b)))\b"
)
_KIND_AMOUNT = compile_verbose(
    # A size asks for a number too: "how big are the groups?", "how large is the room?"; so
    # does any measure: "how loud is it?", "how heavy is the unit?".
    r"^\W*(?:\w+,?\s+)?(?:how\s+much|how\s+many|how\s+(?:big|large|loud|heavy|wide|tall|deep"
    r"|thick|high|hot|cold|warm|far)\b"
    r"|what(?:'s|\s+is|\s+are|\s+would\s+be|\s+will\s+be)\s+(?:the|my|our|your)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:price|prices|cost|costs|fee|fees|charge|charges|total|balance|rate|rates|bill|amount)\b"
    # ...with the subject before "be": "what will the total be?", "what would my bill be?"
    r"|what\s+(?:will|would|'ll|'d)\s+(?:the|my|our|your)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:price|prices|cost|costs|fee|fees|charge|charges|total|balance|rate|rates|bill|amount)"
    r"\s+be\b"
    r"|what(?:'s|\s+is)\s+the\s+damage\b"
    r"|what\s+(?:do|does|would|will|did)\s+(?:i|we|my\s+\w+)\s+(?:still\s+|now\s+)?owe"
    r"|what\s+(?:does|do|would|will)\s+(?:[\w'-]+\s+){1,4}?(?:cost|charge))\b"
)
_HOW_MANY = compile_verbose(r"^\W*(?:\w+,?\s+)?how\s+many\b")


def asks_how_many(text: str) -> bool:
    """Whether a question asks for a count ("how many fees can you waive?"), not a price."""
    return bool(_HOW_MANY.match(text))


# A count of units of time: "how many hours a week should I expect?", "how many days does it
# take?". A length of time is its answer ("4-5 hours a week").
_HOW_MANY_UNITS = compile_verbose(
    r"^\W*(?:\w+,?\s+)?how\s+many\s+(?:more\s+)?(?:(?:business|working|calendar)\s+)?"
    r"(?:minutes|hours|days|weeks|months|years)\b"
)


def asks_how_many_units_of_time(text: str) -> bool:
    """Whether a question asks how many hours, days or weeks: a length of time answers it."""
    return bool(_HOW_MANY_UNITS.match(text))


# "Why…", and the same question asked indirectly: "any idea why…", "do you know why…".
_KIND_REASON = compile_verbose(r"^\W*(?:[\w']+\s+){0,3}?(?:why|how\s+come)\b")
_KIND_YESNO = compile_verbose(
    r"^\W*(?:(?:so|and|but|also|plus|oh|ok|okay)\b,?\s+)?(?:any\b|can|could|will|would|is|are"
    r"|do|does|did|should|may|might"
    r"|have|has|am|was|were|isn't|aren't|won't|can't|don't|doesn't)\b"
)

# Words that carry no subject: question words, pronouns, auxiliaries, and verbs of asking or getting.
# Verbs of asking, opining and confirming: "can you *show* me…", "could you *check*…".
# Some are nouns too, and then name what is asked about: "how long is *the show*?", "has
# *my check* cleared?" (see ``_named_by_a_determiner``).
_ASKING_VERBS = (
    "confirm", "check", "double", "clarify", "explain", "let", "show", "suggest", "ensure",
    "think", "believe", "guess", "suppose", "wonder", "mean", "understand", "see", "thought",
)  # fmt: skip
_NOT_SUBJECT_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "if",
        "then",
        "also",
        "plus",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "about",
        "into",
        "over",
        "how",
        "long",
        "when",
        "what",
        "time",
        "soon",
        "why",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "much",
        "many",
        "come",
        "i",
        "me",
        "my",
        "mine",
        "you",
        "your",
        "yours",
        "we",
        "us",
        "our",
        "ours",
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "done",
        "doing",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "have",
        "has",
        "had",
        "having",
        "get",
        "got",
        "getting",
        "go",
        "going",
        "make",
        "made",
        "take",
        "took",
        "taken",
        "know",
        "tell",
        "want",
        "need",
        "like",
        "please",
        "just",
        "still",
        "yet",
        "already",
        "ever",
        "really",
        "actually",
        "actual",
        "any",
        "some",
        "thank",
        "thanks",
        "hi",
        "hello",
        "hey",
        "okay",
        "ok",
        "yes",
        "no",
        "not",
        "n't",
        "don't",
        "can't",
        "won't",
        "back",
        "help",
        "helping",
        "assist",
        "assistance",
        "support",
        "anyone",
        "anybody",
        "someone",
        "somebody",
        "guys",
        "chance",
        "possible",
        # Spoken forms of "going to", "got to", "want to" carry no subject.
        "gonna",
        "gotta",
        "wanna",
        # ...and its synonyms: "is that doable?" asks whether what was just said can be done.
        "doable",
        "feasible",
        "achievable",
        "realistic",
        "workable",
        "alright",
        "way",
        # Asking, opining and confirming words carry no subject of their own.
        *_ASKING_VERBS,
        "correct",
        "right",
        "true",
        "sure",
        "ok",
        "okay",
        "fine",
        "good",
        "great",
        "oh",
        "ah",
        "wow",
        "hmm",
        "um",
        "well",
        "seriously",
        "maybe",
        "perhaps",
        # Approximators and precision adverbs (CGEL ch. 6) carry no subject: "roughly how long
        # is the wait?", "exactly when does it open?".
        "roughly",
        "approximately",
        "approx",
        "exactly",
        "precisely",
        "realistically",
        "something",
        "anything",
        "everything",
        "nothing",
        "else",
        "other",
        "one",
        "thing",
        "things",
        "like",
        "another",
        "new",
        "next",
        "step",
        "steps",
        "luck",
        "again",
        "try",
        # Words of "how far ahead", "how early", "in advance": they ask when, not what.
        "far",
        "ahead",
        "early",
        "advance",
        "beforehand",
        # "How fast", "how quickly": they ask when too.
        "fast",
        "faster",
        "quick",
        "quickly",
        "quicker",
        # Particles of phrasal verbs and compounds ("set up", "one-off") name no subject.
        "off",
        "up",
        "out",
        "down",
        "away",
        "across",
        "along",
        "through",
        "around",
        "round",
        # What happens now asks for the outcome, whatever it is; "until" only links a time.
        "happen",
        "now",
        "until",
        "till",
        "til",
        # Units of time name when, not what: "Christmas Day" is not about "3 business days".
        "day",
        "days",
        "week",
        "weeks",
        "hour",
        "hours",
        "minute",
        "minutes",
        "month",
        "months",
        "year",
        "years",
        "second",
        "seconds",
        # Linking words, and words of degree and of how often, say how, not what: "the same
        # *as* before", "*per* day", "what does it *usually* cost", "*however*, I'd like…".
        "as",
        "than",
        "per",
        "very",
        "too",
        "however",
        "though",
        "although",
        "anyway",
        "usually",
        "normally",
        "typically",
        "generally",
        "often",
        "always",
        "sometimes",
        # Quantifiers say how many of something, not what: "can they *all* come in?".
        "all",
        "both",
        "each",
        "every",
        "either",
        "neither",
    ]
)
_NOT_SUBJECT = frozenset(stem(w) for w in _NOT_SUBJECT_WORDS)
# The light stem drops a final "e", so a noun can share a stem with a word above that has
# none: "note" with "not", "fare" with "far", "theme" with "them". Such a noun, bare or in
# its plural, is a subject ("can you include a note?", "can I change my fare?").
_STEMS_WITH_AN_E = frozenset(stem(w) for w in _NOT_SUBJECT_WORDS if w.endswith("e"))


def _carries_no_subject(word: str, word_stem: str) -> bool:
    """Whether a word (lowercase) with this stem is one of the words that carry no subject."""
    if word_stem not in _NOT_SUBJECT:
        return False
    return not (
        word not in _NOT_SUBJECT_WORDS
        and word_stem not in _STEMS_WITH_AN_E
        and word in (word_stem + "e", word_stem + "es")
        # "goes", "does", "wishes": "-es" after a vowel or a hissing sound is no "e" of its own.
        and word_stem[-1] not in "aeiouyhsxz"
    )


# Concepts that customers and agents name with different words (see the lexicon).
_CONCEPTS = CONCEPTS


@attrs.frozen
class Question:
    """One question a customer asked.

    Attributes:
        text: The question as written.
        start: Offset in the customer's normalised message.
        end: Offset just past it.
        kind: What kind of answer it needs.
        stems: Its subject words, stemmed.
        concepts: The concepts it names (see ``_CONCEPTS``).
        alternatives: Which question it is one alternative of (questions with the same
            value were joined by "or": answering one answers them all).
        refers_back: Whether its subject is the sentence before ("Would that keep it under
            $1,000?"), whose words are then part of ``stems``.
        days: The calendar days it names ("on Christmas Day", "on the 24th").
        senses: The everyday senses its subject words share with other words (see
            :func:`everyday_senses`): a sentence naming one of them in other words is about
            it.
        label: The number or letter it has in a list of questions ("2" of "2) Can we…"),
            or "".
        circumstances: The stems only a time clause that ends it names ("can I add gift
            wrap *after ordering*?"): when it happens, not what it asks about. Among several
            questions, a sentence that names only these does not speak to a yes/no one.
        alone: Whether it is all the message asks: no other question, no other part of its
            sentence ("how much is it, and can I wait?"), no "also" before it, and no request
            said as a statement ("I'd like a tasting on the 5th") anywhere in the message.
    """

    text: str
    start: int
    end: int
    kind: QuestionKind
    stems: frozenset[str]
    concepts: frozenset[str]
    refers_back: bool = False
    alternatives: tuple[int, int] = (0, 0)
    days: frozenset[date] = frozenset()
    senses: frozenset[int] = frozenset()
    alone: bool = False
    label: str = ""
    circumstances: frozenset[str] = frozenset()


def content_stems(tokens: tuple[Token, ...] | list[Token]) -> frozenset[str]:
    """The subject-bearing stems of some words (no pronouns, auxiliaries, question words, numbers).

    A noun of status or state in "-ship" stands for its base ("membership" for "member"). A
    pronoun or question word with a verb run into it ("I'd", "we're", "what's") is no subject,
    as a possessive ("the customer's") is.
    """
    return frozenset(
        _base(t.stem)
        for index, t in enumerate(tokens)
        if (
            not _carries_no_subject(t.lower, t.stem)
            or (index and _named_by_a_determiner(t.lower, tokens[index - 1].lower))
        )
        and ("'" not in t.lower or stem(t.lower.partition("'")[0]) not in _NOT_SUBJECT)
        and len(t.stem) > 1
        and not t.lower.isdigit()
        and not _CLOCK_OR_ORDINAL.match(t.lower)
    )


def _named_by_a_determiner(word: str, before: str) -> bool:
    """Whether a verb of asking is a noun here, led by a determiner: "the show", "my check".

    A verb follows a subject or an auxiliary, never "the", "a" or "your" (CGEL ch. 5: a
    determiner heads a noun phrase), so after one the word names a thing.
    """
    return word in _ASKING_VERBS and before in _NOUN_DETERMINERS


# Determiners that lead only a noun phrase: the articles and the possessives that are not
# also pronouns of their own ("does *this* mean…", "let *her* see" lead a verb).
_NOUN_DETERMINERS = frozenset(("the", "a", "an", "your", "my", "our", "their", "his", "its"))


@lru_cache(maxsize=4096)
def everyday_senses(stems: frozenset[str]) -> frozenset[int]:
    """The everyday senses that some stems share with other words (see ``senses_of``).

    Two sets of words with a sense in common can name the same thing: a question about a
    "bicycle" is answered by a sentence about "bikes", one about an "invoice" by "your bill".
    """
    return frozenset().union(*(senses_of(word) for word in stems))


def senses_said(tokens: tuple[Token, ...] | list[Token]) -> frozenset[int]:
    """The everyday senses of some words as written: "-ed" and "-ing" forms as verbs only."""
    content = content_stems(tokens)
    return frozenset().union(
        *(
            senses_of(_base(token.stem), verb=token.lower.endswith(("ed", "ing")))
            for token in tokens
            if _base(token.stem) in content
        )
    )


# Clock times and ordinals say when, not what: "until about 10pm", "on the 3rd".
_CLOCK_OR_ORDINAL = regex.compile(r"\d{1,2}(?:am|pm|h)$|\d+(?:st|nd|rd|th)$")


def _base(word: str) -> str:
    if word.endswith("ship") and len(word) > 7:
        return stem(word[:-4])  # membership, ownership, partnership, citizenship
    return word


# The endings that inflect or derive a concept's word without changing what it names:
# "refunds", "refunded", "payment", "refundable". Any other ending makes another word:
# "fee" is not "feel" or "feedback", "charge" not "charger", "deal" not "dealer", "cat" not
# "category", "cost" not "costume".
_CONCEPT_ENDINGS = r"(?:s|es|d|ed|ing|ment|ments|able|al|ation|ations)?"
_VOWELS = "aeiou"


def _forms(phrase: str) -> str:
    """A pattern for a concept's phrase and the forms of its last word.

    A ``*`` stands for one to three words, the object inside a phrasal verb: "send * back"
    is "send it back", "send the GP9 back".
    """
    pattern = regex.escape(phrase).replace(r"\ ", r"\s+").replace(r"\s+\*\s+", r"\s+(?:[\w'-]+\s+){1,3}?")
    last = phrase[-1:]
    if not last.isalpha():
        return pattern  # "% off", "65+"
    forms = [pattern + _CONCEPT_ENDINGS]
    if last == "e":
        forms.append(pattern[:-1] + "(?:ing|ation|able)")  # "charging", "reservation"
    elif last == "y":
        forms.append(pattern[:-1] + "(?:ies|ied)")  # "deliveries"
    elif len(phrase) >= 3 and phrase[-2] in _VOWELS and phrase[-3] not in _VOWELS:
        forms.append(pattern + last + "(?:ed|ing)")  # "shipped", "cancelled"
    return "(?:" + "|".join(forms) + r")\b"


_CONCEPT_PATTERNS = {
    name: regex.compile(r"\b(?:" + "|".join(_forms(p) for p in phrases) + ")", regex.IGNORECASE)
    for name, phrases in _CONCEPTS.items()
}


# "How much" before the noun of a thing asks a quantity of it, not a price: "how much coffee
# do I need for a litre?", "how much space is there?" (but "how much deposit", "how much
# postage", and "how much is it?").
_HOW_MUCH_OF_A_THING = regex.compile(
    r"(?i)\bhow\s+much\s+(?!(?:"
    + "|".join(PRICE_NOUNS)
    + r"|is|are|was|were|do|does|did|will|would|should|could|can|to|for|it|that|this|they|those"
    r"|these|extra|more|of|money|cash|i|we|you|he|she|roughly|approximately|about|per|a|an|the"
    r"|postage|shipping|delivery|tax|vat|tip|interest|commission|discount|off|altogether"
    r"|in|on|overall|total|all)\b)[a-z][a-z-]*\b"
)


@lru_cache(maxsize=4096)
def concepts_of(text: str) -> frozenset[str]:
    """The concepts a text names ("money back" and "refund" both name *refund*)."""
    named = frozenset(name for name, pattern in _CONCEPT_PATTERNS.items() if pattern.search(text))
    if "price" in named and _HOW_MUCH_OF_A_THING.search(text):
        # ...a price only if another of its words names one.
        rest = _HOW_MUCH_OF_A_THING.sub(" ", text)
        if not _CONCEPT_PATTERNS["price"].search(rest):
            named -= {"price"}
    return named


# "?!" or "!?" ends a question that vents rather than asks.
_RHETORICAL = regex.compile(r"(?:\?+!+|!+\?+)[?!]*\s*$")
# Handles, links and hashtags name no subject of a question.
_NOISE = regex.compile(r"(?:@\w+|https?://\S+|#\w+)")


# How a piece of a sentence that is itself a question starts.
_ASKS = compile_verbose(
    r"""^\W*(?:(?:and|or|also|but|so|plus)[\s,]+)?
        # An adverb of approximation or precision may open it (CGEL ch. 6, "approximators"):
        # "roughly how much is the consultation?", "exactly when will it arrive?".
        (?:(?:roughly|approximately|approx|about|around|exactly|precisely|realistically)[\s,]+)?
        (?:how|when|what|what's|why|where|where's|which|who
        |can|could|will|would|is|are|do|does|did|should|may|might|have|has|am|was|were|isn't|aren't
        |won't|can't|don't|doesn't|any
        # Chat spells "are you" as "r u": "r u guys open monday??".
        |r(?=\s+(?:u|you|ya|we|they)\b))\b"""
)


_INNER_QUESTION = compile_verbose(
    r"(?:[^\w\s',]\s*|\b(?:so|but|and)\s+)(?P<q>(?:how|when|what|why|where|which)\b"
    # "my sim stopped working. can you send me a new one?": a lowercase question after a stop.
    r"|(?<=[.!]\s*)(?:can|could|will|would|do|does|is|are)\s+(?:i|you|u|we)\b)"
)
# A question that starts after a dash or a colon: "… last week - has my refund gone through",
# "two things about Friday: does she need…".
_AFTER_A_DASH = compile_verbose(
    rf"""(?:\s[-\u2013\u2014:]\s*|:\s+)
        (?=(?:how|when|what|why|where|which|has|have|is|are|can|could|will|would|do|does|did|should)
        \s+{_SUBJECT_OPENER}\b
        # ...or a question of amount or time, whatever follows: "two questions - how much is a
        # lesson, and…", "quick one - how long does it take?"
        |how\s+(?:much|many|long|soon|far|often)\b)"""
)
# A clause of time or condition with its subject before any verb: no inversion, no question.
_SUBORDINATE = compile_verbose(
    r"^\W*(?:when|whenever|once|after|before|while)\s+(?:i|i'm|we|we're|you|you're|it|it's|they"
    r"|they're|my|the|our|your|this)\b"
)
# A question typed without its "?" in chat: "do u ship to alaska", "what do i do now".
_BARE_QUESTION = compile_verbose(
    r"""^\W*(?:(?:and|also|plus|oh|but)[\s,]+)?
        (?:(?:how|when|what|where|which)\s+(?:do|does|did|can|could|will|would|is|are|should|long
        |much|many|soon)|(?:can|could|will|would|do|does|did|is|are|should)\s+(?:i|u|you|we|my|it|they
        |there)
        # "whats the diesel price this week", "where's my order": a thing asked after.
        |(?:what|where|how)(?:'s|s)\s+(?:the|your|ur|my|our)
        )\s"""
)


# A question that only asks for agreement: "how does that sound?", "is that ok?", "right?".
_TAG = compile_verbose(rf"^\W*(?:so\s+|and\s+|but\s+)?{alternation(TAG_QUESTIONS)}\W*$")
# An interrogative tag after a statement asks for agreement, not information (CGEL ch. 10):
# "That's not too much trouble, *is it*?", "You got my email, *didn't you*?".
_INTERROGATIVE_TAG = compile_verbose(
    r"""^\W*(?:is|isn't|are|aren't|was|wasn't|were|weren't|do|don't|does|doesn't|did|didn't|can
        |can't|could|couldn't|will|won't|would|wouldn't|have|haven't|has|hasn't|had|hadn't|should
        |shouldn't)(?:\s+not)?\s+(?:it|you|they|we|i|he|she|there|that|this)\W*$"""
)
# Whether what was just said is all right, asked of "that": "is that (gonna be) a problem?",
# "will that be an issue?". It asks for reassurance about the sentence before, and is
# answered with it, as "is that OK?" is.
_ALL_RIGHT_CHECK = compile_verbose(
    r"""^\W*(?:so\s+|and\s+|but\s+)?(?:is|will|would|could)\s+(?:that|this|it)\s+
        (?:(?:gonna|going\s+to)\s+)?(?:be\s+)?(?:a|an|any)\s+(?:problem|issue)s?\W*$"""
)
# An exclamative clause asks nothing (CGEL ch. 10): "What a mess, right?", "what a day!".
_EXCLAMATIVE = compile_verbose(r"^\W*what\s+an?\s+[\w'-]+(?:\s+[\w'-]+)?\W*(?:,\s*\w+)?\W*$")
# Words that make a question a complaint or an exclamation: "wtf?", "seriously?".
_RHETORICAL_WORDS = compile_verbose(rf"\b{alternation(RHETORICAL_MARKERS)}\b")
# The customer answers their own question in the next sentence: a joke or a riddle.
_SELF_ANSWER = compile_verbose(r"^\W*(?:because|cause|'cause|coz|answer:)\b")
# Laughter right after a question marks it as a joke.
_LAUGHTER_AFTER = compile_verbose(rf"[\s!?.]*{alternation(LAUGHTER)}(?!\w)")
# A yes/no piece with no subject of its own: "…and can't be changed?" continues a clause.
_NO_SUBJECT = compile_verbose(
    r"""^\W*(?:and\s+|or\s+)?(?:can|could|will|would|should|may|might|can't|won't|isn't|aren't|is|are
        |was|were|do|does|did|don't|doesn't)\s+(?:not\s+|n't\s+)?(?:be|been|being|have\s+been)\b
      # "…chest pains and can barely breathe": an adverb, then the verb, with no subject.
      | ^\W*(?:and\s+)?(?:can|could|can't|couldn't)\s+(?:barely|hardly|no\s+longer)\b
      # "my daughter is vegan and would like a plant-based menu": a wish goes on with the
      # subject before it (asking, it would have one: "would *you* like…").
      | ^\W*(?:and\s+|but\s+)?(?:would|wouldn't|will|'d)\s+(?:really\s+|also\s+)?
        (?:like|love|prefer|rather|appreciate)\b"""
)
# An "if" before a piece makes the piece part of the condition, not a question of its own.
_IF_BEFORE = compile_verbose(r"\b(?:if|unless|in\s+case|whether)\b")
# What "I'd like to know…" asks about: a question word, "if"/"whether", or a noun phrase.
_ASKED_OBJECT = compile_verbose(
    r"""\s*(?:[,:]\s*)?(?:how|when|what|why|where|which|who|whom|whose|whether|if|the|a|an|your|my|our
        |about|more|any|all|this|that|these|those|\d)\b"""
)
_OR = compile_verbose(r"^\W*or\b")
# The number or letter of an item in a list of questions: "1. ", "2) ", "(a) ", "Q3: ".
_ENUMERATOR = compile_verbose(
    r"\s*(?:\(?(?P<label>\d{1,2}|[a-e])[.)]|q(?P<label>\d{1,2})[.:)]?)\s+"
)


def item_label(text: str) -> str:
    """The number or letter a list item opens with ("2" of "2) Yes, we can…"), or ""."""
    found = _ENUMERATOR.match(text)
    return found["label"].lower() if found is not None else ""


# A sentence that adds to what came before: "Also, is there parking?", "And one more thing".
_ADDITION = compile_verbose(
    rf"""^\W*(?:(?:{alternation(GREETINGS)}|sorry|oh|ok|okay|right)\b[^,!:-]{{0,30}}[,!:-]+\s*)?
        (?:also|and|plus|oh\s+and|p\.?s)\b
      | \b(?:one\s+more\s+thing|another\s+(?:thing|question)|(?:two|three|a\s+few)\s+things
        |a\s+couple\s+of\s+(?:things|questions)|(?:two|three|a\s+few)\s+questions)\b"""
)
# A request said as a statement: "I'd like a private tasting", "we need it by Friday",
# "please cancel it", "can you send the invoice."
_STATED_REQUEST = compile_verbose(
    r"""\b(?:(?:i|we)(?:'d|\s+would)\s+(?:like|love|prefer)|(?:i|we)\s+(?:want|need)|please|pls
        |(?:can|could|would|will)\s+(?:you|u|someone|somebody|anyone))\b"""
)
# A greeting that opens the sentence of a question: "Hi, how much…", "Hello team, can I…".
_GREETING = compile_verbose(
    rf"""\W*{alternation(GREETINGS)}\b
        (?:\s+(?:there|all|team|guys|folks|again|[A-Z][\w'-]*))?
        # Chat may run the greeting into the question: "hey are you open monday??".
        (?:\s*[,!:-]+\s*|\s+(?=(?:are|can|could|do|does|is|will|would|how|what|when|where|why)\s))"""
)
# "one" before a noun is a number ("how many lines can one account have"), not a pronoun.
# "this week's box", "that morning" name a time, not something said before.
_ANAPHOR = compile_verbose(
    # ("One of *them*" points back; "one of our coordinators" names its own noun.)
    rf"\b{alternation(ANAPHORS)}\b(?<!\bones?(?=\s+(?!of\s+(?:them|those|these)\b|that\b|which\b"
    r"|for\b|is\b|was\b)[a-z]))"
    r"(?<!\b(?:this|that|these|those)(?=\s+(?:week|month|year|morning|afternoon|evening|weekend"
    r"|time|day|season)))"
)


# Anaphors that stand for a thing named before, not for a whole statement ("that", "this").
_ENTITY_ANAPHOR = compile_verbose(
    rf"\b{alternation(a for a in ANAPHORS if a not in ('that', 'this'))}\b"
)


# "It" that stands for what follows, not for anything said before: "what would *it* cost me
# to leave now?", "how long does *it* take to get a new SIM?", "is *it* possible to…".
_EXPLETIVE_IT = compile_verbose(
    r"""\bit(?=(?:\s+(?:would|will|'d|'ll|does|did|do|might|could))?\s+(?:cost|costs|take|takes|be|is
        |'s|was)\b(?:\s+[\w$£€.,%-]+){0,4}?\s+to\s+[a-z])"""
)


# A question with no verb and no subject of its own, asked of what was just said: "Why so
# small?", "Why not?", "Any idea?", "How come?" (not "What happened?", which has a verb).
# "Why?", "How come?", "Any left?", and the elliptical wh-question (CGEL ch. 10, 17):
# "And how much?", "How long?", "When?" ask about the sentence before.
_FRAGMENT = compile_verbose(
    r"^\W*(?:(?:and|so|also|but|plus)\W+)?(?:why|how\s+come|any|how\s+(?:much|many|long|soon)"
    r"|when)\b"
)
# Nouns that name only what an act costs: "What's the cost?" asks about the act the question
# before names, as "how much?" does.
_PRICE_OF_IT = frozenset(stem(w) for w in ("cost", "price", "charge", "fee"))
# ...and nouns that name only how long it takes: "what's the turnaround?", "how long's the
# wait?" ask the time of the act before.
_TIME_OF_IT = frozenset(stem(w) for w in TIME_TAKEN_NOUNS)
_FRAGMENT_WORDS = 3
# Words that make a short question a clause of its own: "Why is it?", "Any left?".
_VERB_LIKE = frozenset(
    {"is", "are", "was", "were", "be", "do", "does", "did", "can", "could", "will", "would",
     "has", "have", "had", "left", "happened", "happen", "going", "it", "that", "this"}
)  # fmt: skip


def _is_a_fragment(piece: str, tokens: Sequence[Token]) -> bool:
    """Whether a question is a fragment that asks about the sentence before it."""
    return (
        len(tokens) <= _FRAGMENT_WORDS
        and bool(_FRAGMENT.match(piece))
        and not any(t.lower in _VERB_LIKE for t in tokens)
    )


def _points_back(piece: str) -> bool:
    """Whether a question has a word that points to something said before it.

    As in :func:`has_anaphor`, a word after a noun phrase of the question may point to that
    phrase, and the question has a subject of its own: "do you need us home when *the crew*
    takes it down?" asks about the crew and the home, not about the question before.
    """
    text = _EXPLETIVE_IT.sub("  ", piece)
    found = _ANAPHOR.search(text)
    if found is None:
        return False
    # The subject of a clause of its own still points out: "tell the lender *it's* a gift?".
    return bool(_SUBJECT_AFTER.match(text, found.end())) or not _NOUN_PHRASE.search(
        text, 0, found.start()
    )


# A verb right after a pointing word makes it the subject of a clause: "it's", "that was".
_SUBJECT_AFTER = compile_verbose(r"(?:'s|'ll|'d|\s+(?:is|was|will|would|has|had|can|could))\b")


# "What happens if we get there after 10pm?": asks what follows from a case, whatever its words.
_WHAT_IF = compile_verbose(
    r"^\W*(?:and\s+|so\s+|but\s+)?what\s+(?:(?:happens|would\s+happen|will\s+happen)\s+)?if\b"
)


def asks_what_if(text: str) -> bool:
    """Whether a question asks what follows from a case ("what happens if…?", "what if…?")."""
    return bool(_WHAT_IF.match(text))


def has_anaphor(text: str) -> bool:
    """Whether a text has a word that points back ("it", "that", "these").

    Only a word with no noun phrase before it in the text points out of it: in "I've
    refunded the duplicate charge, and *it* will reach your card", "it" is the charge.
    """
    found = _ANAPHOR.search(text)
    return found is not None and not _NOUN_PHRASE.search(text, 0, found.start())


# A noun phrase a later "it" can point to: a determiner and a word.
_NOUN_PHRASE = compile_verbose(r"\b(?:the|a|an|your|my|our|their|his|her)\s+[\w-]{2,}")


# An approximator before the question word, and the conjunction before it ("and roughly
# how much…"): the kind is read from the question word on.
_APPROXIMATOR = compile_verbose(
    r"^\W*(?:(?:and|or|also|but|so|plus)[\s,]+)?"
    r"(?:roughly|approximately|approx|about|around|exactly|precisely|realistically)[\s,]+(?=\w)"
)


# A clause of time or condition before the question (CGEL ch. 8, on adverbial clauses):
# "When you do the survey can you leave it off?", "If I cancel now, will I get the deposit
# back?", "once it's fixed could you ring me?". Its wh-word heads no question: the question is
# the inverted clause after it, so that is what says what kind of answer is asked for.
_CLAUSE_BEFORE = compile_verbose(
    r"""^\W*(?:when|whenever|once|after|before|while|if)\s+
        (?:i|you|u|we|they|he|she|it|it's|the|my|your|our|his|her|their)\s+[^?]*?,?\s*
        (?<!\b(?:what|how|when|where|why|which|who|whom|much|long|many|soon)\s+)
        (?=(?:can|could|will|would|do|does|is|are|should|may|shall)\s+
          (?:you|u|i|we|they|it|he|she|someone|somebody|anyone)\b)"""
)


def _kind(text: str) -> QuestionKind:
    before = _CLAUSE_BEFORE.match(text)
    if before is not None:
        text = text[before.end() :]
    approximator = _APPROXIMATOR.match(text)
    if approximator is not None:
        text = text[approximator.end() :]
    if _KIND_TIME.search(text):
        return "time"
    if _KIND_AMOUNT.search(text):
        return "amount"
    if _KIND_REASON.search(text):
        return "reason"
    if _KIND_YESNO.search(text):
        return "yesno"
    return "open"


def find_questions(text: str, sentences: list[tuple[int, int]]) -> tuple[Question, ...]:
    """The questions in a customer's message.

    Args:
        text: The customer's normalised message.
        sentences: Spans of its sentences.
    """
    questions: list[Question] = []
    # What each sentence asks besides the questions read from it: a sentence asked that
    # yields no question ("What time is check-in?" has no subject word), one of several
    # parts, an addition ("Also, …"), or a request said as a statement.
    asks_more = [False] * len(sentences)
    for number, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        asked = sentence.rstrip().endswith("?") or bool(_BARE_QUESTION.search(sentence))
        adds = bool(_ADDITION.search(sentence))
        asks_more[number] = adds or bool(
            asked or _ASK.search(sentence) or _STATED_REQUEST.search(sentence)
        )
        if asked and (_RHETORICAL.search(sentence) or _RHETORICAL_WORDS.search(sentence)):
            asks_more[number] = False
            continue
        if _TAG.search(sentence.strip(" ?!.")) or _ALL_RIGHT_CHECK.search(sentence.strip(" ?!.")):
            asks_more[number] = False  # "Is that OK?" asks for agreement, not for more
        following = text[slice(*sentences[number + 1])] if number + 1 < len(sentences) else ""
        if asked and _SELF_ANSWER.search(following):
            continue  # "Why did the scarecrow win an award? Because…"
        if asked and match_at(_LAUGHTER_AFTER, text, end):
            continue  # "Can you make the treadmill run for me? 😂"
        previous = text[slice(*sentences[number - 1])] if number else ""
        ask = _ASK.search(sentence)
        if not asked and ask is None:
            continue
        if ask is not None and not asked:
            if not _ASKED_OBJECT.match(text, start + ask.end(), end):
                continue  # "I'd like to know before deciding": nothing is asked
            start += ask.end()
            sentence = text[start:end]
        pieces, groups = _pieces(sentence)
        # "How much is it, and can I wait?" asks two things, though the first may yield no
        # question; "He is 4, can he come?" and "Quick question: can I…" ask one.
        asking = {g for g, (a, b) in zip(groups, pieces, strict=True) if _asks(sentence[a:b])}
        several_parts = adds or len(asking) > 1
        last_piece: tuple[frozenset[str], frozenset[str]] | None = None
        # The number of the list item a piece is in: "3) my son missed a lesson, can he make
        # it up?" asks item 3's question after a statement.
        item = ""
        for index, (a, b) in enumerate(pieces):
            item = item_label(sentence[a:b]) or item
            found = _piece_asked(
                sentence,
                a,
                b,
                first=index == 0,
                last=index == len(pieces) - 1,
                several=len(pieces) > 1,
                stated=asked and ask is None,
            )
            if found is None:
                continue
            a, piece, label = found
            label = label or item
            offset = start + a + sentence[a:b].find(piece)
            stems, concepts, refers_back = _subject(
                piece, sentence, a, b, previous=previous, last_piece=last_piece
            )
            last_piece = (stems, concepts) if stems or concepts else last_piece
            if not stems and not concepts and not asks_what_if(piece):
                continue
            # "Do you have the DS-1 in stock? If not, can you order one?": a question asked in
            # case the one before is answered no is an alternative of it.
            hangs_on = bool(questions) and bool(_ON_THE_ANSWER.match(sentence, 0, a))
            questions.append(
                Question(
                    piece,
                    offset,
                    offset + len(piece),
                    _kind(piece),
                    stems,
                    concepts,
                    refers_back,
                    questions[-1].alternatives if hangs_on else (number, groups[index]),
                    senses=everyday_senses(stems),
                    alone=not several_parts,
                    label=label,
                    circumstances=_circumstances(piece),
                )
            )
    # One question, or alternatives of one ("Do I print my tickets or can I show them?").
    one = len({q.alternatives for q in questions}) == 1
    home = questions[0].alternatives[0] if questions else -1
    others_ask = any(more for number, more in enumerate(asks_more) if number != home)
    return tuple(
        q if q.alone == (one and q.alone and not others_ask) else attrs.evolve(q, alone=False)
        for q in questions
    )


# What opens a question asked only in case the one before is answered no (CGEL ch. 11,
# conditional adjuncts with an elided protasis): "if not,", "otherwise,", "failing that,".
# Answering the one before answers it, or makes it moot. ("If so, is there a travel
# charge?" asks more when the answer is yes, and stays a question of its own.)
_ON_THE_ANSWER = compile_verbose(
    r"""^\W*(?:(?:and|but|or)\s+)?(?:if\s+(?:not|no)|otherwise|failing\s+that
        |if\s+(?:you\s+)?(?:don't|do\s+not|can't|cannot)(?:\s+(?:have|stock|do)\s+(?:it|one|them))?)
        \W*$"""
)


# A time clause that ends a question, after its main verb and object: "can I add gift wrap
# *after ordering*", "is there parking *when we arrive*", "do I need a lock *while I'm away*"
# (CGEL ch. 8: temporal adjuncts). Not "before", "by" or "until", whose time is often what
# is asked ("can you fix it *before Friday*?", "will it be *before Christmas*?").
_TRAILING_TIME_CLAUSE = compile_verbose(
    r"""(?<=\w[\w'-]*\s+\w[\w'-]*\s+)\b(?:after|once|while|during|when|whenever)
        \s+(?P<clause>[^,;:?!]+)$"""
)


def _circumstances(piece: str) -> frozenset[str]:
    """The stems that only the time clause ending a question names, if any.

    A word the main clause names too is its subject as well ("is it cool if the *skipper*
    has a beer while *skippering*?").
    """
    found = _TRAILING_TIME_CLAUSE.search(piece)
    if found is None:
        return frozenset()
    main = content_stems(list(tokenize(_NOISE.sub(" ", piece[: found.start()]))))
    clause = content_stems(list(tokenize(_NOISE.sub(" ", found.group("clause")))))
    return clause - main


def _pieces(sentence: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The pieces a sentence asks in, and the group of alternatives each belongs to.

    "Do I need to print my tickets or can I just show them?": pieces joined by "or" are
    alternatives of one question; answering either answers it.
    """
    cursor = 0
    pieces = []
    groups = [0]
    for match in _QUESTION_SPLIT.finditer(sentence):
        pieces.append((cursor, match.start()))
        cursor = match.end()
        alternative = _OR.match(match.group())
        groups.append(groups[-1] if alternative else groups[-1] + 1)
    pieces.append((cursor, len(sentence)))
    return pieces, groups


def _piece_asked(
    sentence: str, a: int, b: int, *, first: bool, last: bool, several: bool, stated: bool
) -> tuple[int, str, str] | None:
    """Where a piece of a sentence asks its question, the question, and its list label.

    None when the piece asks nothing: a tag ("How does that sound?"), an exclamation, a
    lead-in, a time clause or condition before the question, a statement said as a question
    (``stated``: the sentence ends in "?" with no word of asking).

    Args:
        sentence: The sentence.
        a: Where the piece starts in it.
        b: Where the piece ends.
        first: Whether it is the sentence's first piece.
        last: Whether it is the sentence's last piece.
        several: Whether the sentence has more than one piece.
        stated: Whether the sentence is a statement said as a question.
    """
    greeting = _GREETING.match(sentence, a, b)
    if greeting is not None:
        a = greeting.end()  # "Hi, how much is a vase, and…": the greeting asks nothing
    enumerator = _ENUMERATOR.match(sentence, a, b)
    label = ""
    if enumerator is not None:
        a = enumerator.end()  # "1. Is the tax included? 2. Can we…": a list's numbers
        label = enumerator["label"].lower()
    piece = sentence[a:b].strip(" ,?!.")
    if (
        not piece
        or _TAG.search(piece)
        or _ALL_RIGHT_CHECK.search(piece)
        or _EXCLAMATIVE.search(piece)
        or (not first and _INTERROGATIVE_TAG.search(piece))
    ):
        return None  # "How does that sound?", "What a mess, right?" ask for no information
    if several and not last and not _ASKS.search(piece):
        # "I returned them last week - has my refund gone through, and…": the question
        # starts after the dash; with none, a lead-in ("In the meantime, is there…").
        dash = _AFTER_A_DASH.search(piece)
        if dash is None:
            return None
        a += sentence[a:b].find(piece) + dash.end()
        piece = sentence[a:b].strip(" ,?!.")
    if not last and _SUBORDINATE.search(piece):
        return None  # "When I'm ready to export, do I…": a time clause, not a question
    if _NO_SUBJECT.search(piece):
        return None  # "…and can't be changed?" goes on with the clause before it
    if not last and _IF_BEFORE.search(sentence, 0, a):
        return None  # "if it's basic economy and can't be changed, could we…": a condition
    if stated and not _ASKS.search(piece) and not _INNER_QUESTION.search(piece):
        # "Quick q's — can the address be used…?": the question after a dash or a colon.
        dash = _AFTER_A_DASH.search(piece)
        if dash is None:
            return None  # "You have to follow the artist too?": a statement said as a question
        a += sentence[a:b].find(piece) + dash.end()
        piece = sentence[a:b].strip(" ,?!.")
        if _TAG.search(piece) or _ALL_RIGHT_CHECK.search(piece):
            return None  # "We land late - will that be an issue?": asks for reassurance
    if not _ASKS.search(piece):
        # "My claim was approved today 🎉 when does the money come in": the question
        # starts at its question word, after an emoji or a mark.
        starts = list(_INNER_QUESTION.finditer(piece))
        inner = starts[-1] if starts else None
        if inner is not None:
            a += sentence[a:b].find(piece) + inner.start("q")
            piece = piece[inner.start("q") :]
    return a, piece, label


def _subject(
    piece: str,
    sentence: str,
    a: int,
    b: int,
    *,
    previous: str,
    last_piece: tuple[frozenset[str], frozenset[str]] | None,
) -> tuple[frozenset[str], frozenset[str], bool]:
    """A question's subject words and concepts, and whether it points back for them.

    Args:
        piece: The question.
        sentence: Its sentence.
        a: Where the question's piece starts in the sentence.
        b: Where it ends.
        previous: The sentence before ("" for none).
        last_piece: The subject of the question before it in the sentence, if any.
    """
    tokens = tokenize(_NOISE.sub(" ", piece))
    stems = content_stems(list(tokens))
    concepts = concepts_of(piece)
    # "What if we upgraded both legs? Would that keep it under $1,000?": a question
    # made of "that"/"it" and a word or two asks about the sentence before, whose
    # words become its subject. Inside one sentence ("Do you stock tubeless tires,
    # and could you fit them today?") each part keeps its own subject.
    opens_sentence = not content_stems(list(tokenize(sentence[:a])))
    # So does a fragment of a question with no subject of its own: "You quoted 10kW
    # but my roof fits more. *Why so small?*", "*Any idea?*", "*How come?*".
    asks_its_price = bool(stems) and (stems <= _PRICE_OF_IT or stems <= _TIME_OF_IT)
    refers_back = bool(
        (_points_back(piece) or _is_a_fragment(piece, tokens) or asks_its_price)
        and len(stems) <= 2
        and previous
        and opens_sentence
    )
    if refers_back:
        stems |= content_stems(list(tokenize(_NOISE.sub(" ", previous))))
        concepts |= concepts_of(previous)
    elif last_piece is not None and asks_its_price:
        # "can you fit them, and what's the cost?": the cost of the act asked before.
        stems, concepts = stems | last_piece[0], concepts | last_piece[1]
        refers_back = True
    elif not stems and not concepts and last_piece is not None and _points_back(piece):
        # "has my refund gone through, and how long until I see it?": "it" is the
        # refund of the question before it in the sentence.
        stems, concepts = last_piece
        refers_back = True
    elif not stems and not concepts and last_piece is None and _ENTITY_ANAPHOR.search(piece):
        # "I've got 6 friends coming Saturday, can they all come in?": with no question
        # before it, "they" are what the statement that opens the sentence names.
        # "That" points at the whole statement ("I'm torn between 8 colours, is *that*
        # too many?"), which a count or a rule can answer without its words: such a
        # question stays one with no subject, and is not asked.
        lead_in = sentence[: sentence[a:b].find(piece) + a]
        stems = content_stems(list(tokenize(_NOISE.sub(" ", lead_in))))
        concepts = concepts_of(lead_in)
        refers_back = bool(stems or concepts)
    return stems, concepts, refers_back


def _asks(piece: str) -> bool:
    """Whether a piece of a sentence asks something ("how much is that", "- can I wait")."""
    return bool(_ASKS.search(piece) or _INNER_QUESTION.search(piece) or _WHETHER.search(piece))


_WHETHER = compile_verbose(r"^\W*(?:and\s+)?(?:whether|if)\b")


# A question that asks for an act or leave to do something: "Can I bring…", "Could you…",
# "Do you allow/accept/offer…", "Is there any way…". A "no" to these declines.
_ASKS_FOR_AN_ACT = Alternatives(
    regex.compile(
        r"""(?ix)^\W*(?:\w+\s+)?(?:can|could|may|can't|couldn't)\s+
        # ...or for the customer's party: "can he take the van?", "could my son come?".
        (?:i|we|you|u|someone|somebody|anyone|he|she|they|(?:my|our)\s+[\w-]+)\b
      | \b(?:do|does|will|would|won't)\s+(?:you|u|they)\s+(?:\w+\s+)?(?:allow|accept|offer|take|do
        |sell|deliver|ship|let|have|give|make|refund|waive|match|hold|book|reserve|install|fix
        |replace)\b
      | \bis\s+there\s+(?:any|another|a|some)\s+(?:other\s+)?(?:way|chance|possibility)\b
      | \bany\s+(?:chance|way)\b
      | \b(?:is\s+it|would\s+it\s+be)\s+(?:ok|okay|alright|all\s+right|possible|fine)\b
      | \b(?:am\s+i|are\s+we)\s+(?:allowed|able)\b"""
    )
)


def asks_for_an_act(text: str) -> bool:
    """Whether a question asks for an act or for leave ("Can I bring my dog?", "Any chance…?").

    A "no" to such a question declines; a "no" to one that asks for a fact ("Do you charge
    a fee?") answers it.

    Args:
        text: A question.
    """
    return _ASKS_FOR_AN_ACT.finds_any(text)


# A question about when something happened: "when did it ship?", "what time was it delivered?".
_ASKS_THE_PAST = regex.compile(
    r"(?i)\b(?:when|what\s+(?:time|day|date))\s+(?:did|was|were|had)\b"
    # Asked indirectly, its subject first: "can you tell me when his last appointment was?"
    r"|\bwhen\s+(?:(?!will\b|'ll\b|is\b|are\b)[\w']+\s+){1,5}?(?:was|were)\b"
)


_BY_A_DAY = compile_verbose(r"\b(?:by|before|until|till|in\s+time\s+for)\b")


def asks_by_a_day(text: str) -> bool:
    """Whether a question asks if something comes by a day ("sorted before the 20th?")."""
    return bool(_BY_A_DAY.search(text))


def asks_the_past(text: str) -> bool:
    """Whether a question asks when something happened ("when did it ship?").

    A day gone by answers it; for "how long until I see it?" a day gone by is no answer.

    Args:
        text: A question.
    """
    return bool(_ASKS_THE_PAST.search(text))


# A question for an hour of the day: "what time will you get here?", "at what time do doors
# open?", "how late can we stay?", "how early can I drop him off?".
_ASKS_THE_HOUR = regex.compile(
    r"(?i)\b(?:what|which)\s+time\b|\bwhat\s+hour\b|\bhow\s+(?:early|late)\s+(?!is\b|are\b)"
)


def asks_the_hour(text: str) -> bool:
    """Whether a question asks for an hour of the day ("what time will you get here?").

    A clock time answers it on any day: "We'll be with you at 8am".

    Args:
        text: A question.
    """
    return bool(_ASKS_THE_HOUR.search(text))


# A yes/no question about what was done or was so ("did you note the dent?", "was it sent?"),
# or about what the customer must do ("do I have to report it?", "do we need to bring ID?",
# "must I sign in person?", "am I required to…"). ("Did you say I could bring a dog?" asks
# leave again, in reported words.)
_ASKS_WHAT_IS_SO = regex.compile(
    r"(?i)^\W*(?:(?:and|so|but|also)\W+)?"
    r"(?:(?:did|didn't|was|wasn't|were|weren't)\b(?![^?]*\b(?:can|could|will|would|may|might)\b)"
    # (Any subject but the business: "do lithium batteries need to be declared?")
    r"|(?:(?:do|does)\s+(?:i|we|he|she|they|(?!you\b|u\b)(?:[\w'-]+\s+){1,3}?)(?:have|need)\s+to"
    r"|(?:must|should)\s+(?:i|we)|(?:am\s+i|are\s+we)\s+(?:required|obliged|supposed)\s+to)\b)"
)


# A yes/no question of what is or will be so, asking for no act: "Will the survey pick up all
# the asbestos?", "Is the repair going to be invisible?", "Does the pass work at the zoo?".
# ("Can…?", "Could…?" and "Would…?" may ask for an act, "Can the crew take it away?", and
# so may any question put to "you": "Will you pick it up tomorrow?".)
_WHETHER_SO = compile_verbose(
    r"""^\W*(?:(?:and|so|but|also|plus|ok|okay)\b,?\s+)?
        (?:will|is|are|was|were|does|do|did|has|have|isn't|aren't|doesn't)\b(?!\s+(?:you|u)\b)"""
)


def asks_whether_so(text: str) -> bool:
    """Whether a question asks whether something is so, and for no act.

    Args:
        text: A customer's question.
    """
    return _WHETHER_SO.search(text) is not None and not asks_for_an_act(text)


def asks_what_is_so(text: str) -> bool:
    """Whether a question asks what was so, or what the customer must do.

    "Did you note the dent?", "Do I have to report it?": a yes to it confirms a fact or a
    duty; it agrees to do nothing.

    Args:
        text: A question.
    """
    return bool(_ASKS_WHAT_IS_SO.search(text))


# Questions about what can be done next, answered by whatever is offered or done.
_ASKS_WHAT_NEXT = regex.compile(
    r"(?i)(?:\bwhat\s+(?:are|r)\s+(?:my|our|the)\s+options\b|\bwhat\s+(?:can|should|do)\s+(?:i|we)\s+do\b"
    r"|\bwhat\s+now\b|\bwhat\s+(?:happens|are\s+the\s+next\s+steps)\s+(?:now|next)\b"
    r"|\bwhat\s+(?:are\s+you\s+going\s+to|will\s+you|can\s+you|do\s+you\s+plan\s+to)\s+do\b"
    # Asking for an offer: "what's the best you can do?", "what's your best price?"
    r"|\bwhat(?:'s|\s+is)\s+(?:the\s+best\s+(?:you|we)\s+can\s+(?:do|offer)|your\s+best\s+(?:offer|price|deal))\b"
    # Asking for a remedy for what was just said: "can this be sorted?", "can it be fixed?".
    r"|^\W*(?:and\s+|so\s+)?(?:can|could)\s+(?:this|that|it)\s+(?:please\s+)?be\s+"
    r"(?:sorted|fixed|resolved|put\s+right|rectified)(?:\s+out)?(?:\s+please)?\W*$)"
    # ...but "what do I do in the meantime?" asks about the wait, not the next step.
    r"(?![^?]*\b(?:meantime|meanwhile|until|till|interim|for\s+now)\b)"
)


# Asking for news of something under way: "Any news?", "any update on my claim?", "what's
# the latest?".
_ASKS_FOR_NEWS = regex.compile(
    r"(?i)^\W*(?:(?:and|so|but|also)\s+)?(?:(?:is\s+there|got|have\s+you\s+got|do\s+you\s+have)\s+)?"
    r"any\s+(?:news|updates?|word|progress)\b|\bwhat(?:'s|\s+is)\s+the\s+latest\b"
)


def asks_for_news(text: str) -> bool:
    """Whether a question asks for news of something under way ("Any update on my claim?").

    Args:
        text: A question.
    """
    return bool(_ASKS_FOR_NEWS.search(text))


def asks_what_next(text: str) -> bool:
    """Whether a question asks what can be done next ("What are my options?", "what now?").

    Args:
        text: A question.
    """
    return bool(_ASKS_WHAT_NEXT.search(text))


# Questions about how something goes, answered by the steps of it.
_ASKS_HOW_IT_GOES = regex.compile(
    r"(?i)\bwhat(?:'s|\s+is)\s+involved\b|\bhow\s+does\s+(?:it|that|this|the\s+\w+)\s+work\b"
    r"|\bwhat\s+does\s+(?:it|that|this|the\s+\w+)\s+involve\b|\bwhat\s+happens\s+(?:at|during|in)\b"
    # "What's the process?", "what are the steps?", "what's the procedure for a claim?"
    r"|\bwhat(?:'s|\s+is|\s+are)\s+the\s+(?:process|procedure|steps)\b"
)


def asks_how_it_goes(text: str) -> bool:
    """Whether a question asks how something goes ("What's involved?", "how does it work?").

    Args:
        text: A question.
    """
    return bool(_ASKS_HOW_IT_GOES.search(text))


# Asking for advice, answered by a recommendation: "what should we wear?", "what would you
# recommend?", "any tips for the first lesson?".
_ASKS_FOR_ADVICE = regex.compile(
    r"(?i)\bwhat\s+(?:should|would\s+you\s+(?:recommend|suggest)|do\s+you\s+(?:recommend|suggest))\b"
    r"|\bany\s+(?:tips|advice|suggestions|recommendations)\b"
)


def asks_for_advice(text: str) -> bool:
    """Whether a question asks for advice ("What should we wear?", "any tips?").

    Args:
        text: A question.
    """
    return bool(_ASKS_FOR_ADVICE.search(text))


# A figure of two digits or more ("$214", "1,250", "OS-55812"): one the customer wrote, said
# back, points to what they asked about.
_FIGURE = regex.compile(r"\d[\d,.]*\d")


@lru_cache(maxsize=4096)
def figures_of(text: str) -> frozenset[str]:
    """The figures of two digits or more in a text, without thousands commas ("$1,250": "1250").

    Args:
        text: A question or a sentence of the reply.
    """
    return frozenset(m.group().replace(",", "") for m in _FIGURE.finditer(text))


# "What's included?", "what does the package include?", "what do I get?": answered by what it
# covers, however it is worded.
_ASKS_WHATS_INCLUDED = regex.compile(
    r"(?i)\bwhat(?:'s|\s+is|\s+are)\s+(?:included|involved)\b"
    r"|\bwhat\s+(?:does|do)\s+(?:it|they|the\s+[\w\s-]{1,30}?)"
    r"\s+(?:include|involve|cover|come\s+with)\b|\bwhat\s+do\s+(?:i|we)\s+get\b"
    # ...and what the business has on offer: "what do you offer?", "what services do you
    # provide?", "what do you guys sell?".
    r"|\bwhat\s+(?:[a-z]+\s+)?(?:do|does)\s+(?:you|u)(?:\s+guys)?\s+"
    r"(?:offer|sell|stock|provide|carry)\b"
)


# Whether the business is doing or will do something, asked of it: "are you fixing them?",
# "are you going to replace it?", "will you refund me?", "is someone coming out?".
_ASKS_WHETHER_WE_ACT = compile_verbose(
    r"""^\W*(?:(?:and|so|also)\s+)?
        (?:are\s+(?:you|u)(?:\s+guys)?\s+(?:going\s+to\s+[a-z]+|gonna\s+[a-z]+|[a-z]{3,}ing)
        |will\s+(?:you|u)(?:\s+guys)?\s+(?!be\b)[a-z]+
        |is\s+(?:someone|somebody|anyone)\s+(?:going\s+to\s+[a-z]+|[a-z]{3,}ing))\b"""
)


def asks_whether_we_act(text: str) -> bool:
    """Whether a question asks if the business is doing, or will do, something.

    Args:
        text: A question.
    """
    return bool(_ASKS_WHETHER_WE_ACT.search(text))


def asks_whats_included(text: str) -> bool:
    """Whether a question asks what something includes ("what's included?"), or is on offer."""
    return bool(_ASKS_WHATS_INCLUDED.search(text))


# "What are the chances he'll be sound again?", "how likely is it to come back?": asked for
# a likelihood, answered by one however it is put ("most horses return to full work within
# four months", "complications are uncommon", "about 90% of claims are settled").
_ASKS_HOW_LIKELY = regex.compile(
    r"(?i)\bwhat(?:'s|\s+is|\s+are)\s+the\s+(?:chances?|odds|likelihood|risk)\b"
    r"|\bhow\s+likely\b|\bwhat\s+are\s+(?:my|his|her|their|our)\s+(?:chances|odds)\b"
)
_STATES_HOW_LIKELY = regex.compile(
    r"(?i)\b(?:most|many|few|usually|typically|generally|normally|rarely|seldom|often|uncommon"
    r"|common|rare|likely|unlikely|chances?|odds|risk|in\s+most\s+cases)\b|\d\s*%|\bper\s*cent\b"
)


def asks_how_likely(text: str) -> bool:
    """Whether a question asks how likely something is ("what are the chances…?")."""
    return bool(_ASKS_HOW_LIKELY.search(text))


def states_how_likely(text: str) -> bool:
    """Whether a sentence says how likely or how common something is ("most horses…")."""
    return bool(_STATES_HOW_LIKELY.search(text))


# "How long does it last?", "how long is the warranty valid?": a length, so "for 24 months"
# answers it.
_ASKS_HOW_LONG_IT_LASTS = regex.compile(
    r"(?i)\bhow\s+long\s+(?:does|do|will|is|are)\s+"
    r"(?:it|they|(?:the|a|an|my|your|our|this|that)\s+[\w\s-]{1,30}?)\s+"
    r"(?:last|valid|good|cover|run|stay\s+valid|take)\b"
    # ...or how long the customer has: "how long do I have to return it?" - "the trial runs
    # for 120 days".
    r"|\bhow\s+long\s+(?:do|will|would)\s+(?:i|we|you)\s+(?:have|get)\b"
)


def asks_how_long_it_lasts(text: str) -> bool:
    """Whether a question asks how long something lasts or takes ("how long does it last?").

    A length answers it however it is put: "it covers you for 24 months", "allow for about
    an hour".
    """
    return bool(_ASKS_HOW_LONG_IT_LASTS.search(text))
