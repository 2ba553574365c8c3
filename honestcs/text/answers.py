"""What a reply does with a customer's question: gives a time, says yes, gathers details.

Named detectors over one sentence's normalised text, so the `unanswered-question`
rule reads facts rather than running patterns of its own. Each records a general
way English answers, or puts off answering, a question (SPEC §3, "An answered
question").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from honestcs._grammar import Alternatives, compile_verbose, ends_just_before
from honestcs.text.acts import (
    LIMITING_ONLY,
    PRIVATE_AS_A_GROUND,
    SECURITY_AS_A_GROUND,
    is_declining,
    is_hedge,
)
from honestcs.text.lexicon import (
    COURTESIES,
    GREETINGS,
    LAUGHTER,
    REPORTING_BACK,
    VAGUE_TIMES,
    alternation,
)
from honestcs.text.mentions import CLOCK, MONTH, WEEKDAY
from honestcs.text.terms import stem

__all__ = [
    "acknowledges",
    "acts_now",
    "answers_every_question",
    "answers_where_with_an_address",
    "asks_a_limit_in_time",
    "asks_for_record",
    "asks_how_to",
    "asks_if_there_is",
    "asks_leave",
    "asks_the_most",
    "asks_where",
    "closes",
    "concedes",
    "declines_more_than_sympathy",
    "deferred_at",
    "defers_the_answer",
    "explains_a_change",
    "farewell_on_their_day",
    "figures_in",
    "gathers",
    "gives_clock_or_date",
    "gives_instructions",
    "gives_the_customer_leave",
    "goes_on_with_yes_or_no",
    "hands_over",
    "has_digits",
    "hedges_a_time",
    "hedges_which",
    "identifies",
    "introduces_a_list",
    "is_courtesy",
    "is_pleasantry",
    "is_request",
    "labels_its_answer",
    "names_a_number",
    "names_a_thing",
    "names_its_topic",
    "offers_instead",
    "only_greets",
    "opens_laughing",
    "opens_with_because",
    "opens_with_pronoun",
    "promises_the_answer",
    "recommends",
    "says_it_depends",
    "says_there_is",
    "says_what_alone",
    "says_what_it_is_for",
    "says_yes_and",
    "says_yes_or_no",
    "shows_sympathy",
    "skips_a_step",
    "spares_an_act",
    "states_a_maximum",
    "states_a_requirement",
    "states_scope",
    "tells_what_follows",
]

_CACHE_SIZE = 4096

_CLOCK = compile_verbose(CLOCK)


@lru_cache(maxsize=_CACHE_SIZE)
def gives_a_clock_time(text: str) -> bool:
    """A clock time ("11:40pm", "at 9"), whatever day it is on."""
    return bool(_CLOCK.search(text))


_CLOCK_OR_DATE = compile_verbose(
    rf"{CLOCK}|\b(?:today|tonight|tomorrow|weekdays?|weekends?)\b|\b{WEEKDAY}|\b{MONTH}"
    # A day counted from another: "emailed the next day", "the following morning", "the day
    # after", "on the same day".
    r"|\bthe\s+(?:next|following|same)\s+(?:day|morning|afternoon|evening|week)\b"
    r"|\bthe\s+day\s+after\b"
)


@lru_cache(maxsize=_CACHE_SIZE)
def gives_clock_or_date(text: str) -> bool:
    """A clock time, a day or a date ("3pm", "tomorrow", "Friday", "in March", "the next day")."""
    return bool(_CLOCK_OR_DATE.search(text))


_NUMBER = regex.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|free|once|twice)\b", regex.IGNORECASE
)


@lru_cache(maxsize=_CACHE_SIZE)
def names_a_number(text: str) -> bool:
    """A number in digits or words ("3", "two"), or "free"."""
    return bool(_NUMBER.search(text))


_YES_NO = Alternatives(regex.compile(
    # A greeting may come first: "Hi Carla, yes - Rob is your first job"; so may a
    # conjunction that goes on to the next question: "And yes, the gym is open all day".
    r"^\W*(?:(?:hi|hello|hey|dear)(?:\s+[\w.'-]+)?\s*[,!-]\s*)?(?:(?:and|but|also)[\s,]+)?"
    # An interjection may come first, and "go on then" says yes too: "Ah go on so, sure -".
    # ("Oh no, I'm so sorry" is an exclamation, no answer.)
    r"(?:(?:ah|oh|aw|well|right|okay|ok)[\s,!]+(?!no\b|nope\b))?(?:go\s+on(?:\s+(?:then|so))?[\s,!]+)?"
    r"(?:yes|no|yep|nope|aye|sure|of\s+course|you\s+bet|indeed|go\s+for\s+it"
    # (Not before a verb of understanding: "totally understand the frustration" sympathises.)
    r"|(?:absolutely|certainly|totally)"
    r"(?!\s+(?:understand|get|agree|see|hear|appreciate|know|feel|relate|sympathi[sz]e)\b)"
    # "of course" clipped in chat: "Course you can!", "course he can" (not "Course price is").
    r"|course(?=\s+(?:you|he|she|we|they|it|i)\s+(?:can|do|does|did|will|may|could|are|is)\b)"
    r"|unfortunately|i'm\s+afraid|sadly|regrettably"
    r"|definitely|not\s+at\s+the\s+moment|it\s+is|it\s+isn't|it's\s+not|we\s+do|we\s+don't"
    # A no put kindly: "I'd love to say yes, but…", "I wish I could say yes".
    r"|(?:i|we)(?:'d|\s+would)\s+love\s+to\s+say\s+yes|i\s+wish\s+i\s+could\s+say\s+yes)\b"
    # The short answer to "is there…?": "There is!", "There are.", "There sure is —".
    r"|^\W*(?:yes,?\s+)?there\s+(?:sure\s+|certainly\s+|definitely\s+)?(?:is|are)"
    r"(?=\s*(?:[!.,;:\u2014\u2013-]|$))"
    # A hedged answer standing alone: "Possibly!", "Probably not.", "Maybe - it depends on…".
    r"|^\W*(?:(?:hi|hello|hey)(?:\s+[\w.'-]+)?\s*[,!-]\s*)?(?:quite\s+|very\s+|most\s+)?"
    r"(?:possibly|probably|maybe|perhaps|potentially|likely|hopefully)(?:\s+not)?"
    r"(?=\s*(?:[!.,;:\u2014\u2013-]|$))"
    # The yes or no that ends a reason: "Gift cards are good for 12 months, so yes, you're
    # all set!"; and one after a condition or a case: "If the drain has backed up more than
    # once this year, yes.", "For how you ride, yes."; and one that goes on to the next
    # question: "We take groups of up to 6, and yes, a glass of bubbles is included".
    r"|,\s*(?:(?:so|and|and\s+so|which\s+means)\s+)?(?:yes|no)\b(?=\s*[,.!;:\u2014\u2013-])"
    # ...and leave given after a remark: "You know your limits mate, go for it".
    r"|,\s*go\s+for\s+it\b"
    # ...and a regret that ends one: "We keep lost property for 7 days, so unfortunately it
    # would have been thrown away by now."
    r"|,\s*(?:so|and\s+so|which\s+means)\s+(?:unfortunately|sadly|i'm\s+afraid|regrettably)\b"
    # A verdict on what was asked is a yes: "9 points is fine for us", "that's totally fine",
    # "you're good to go", "you're all set".
    r"|\b(?:is|are|'s|'re)\s+(?:totally\s+|completely\s+|perfectly\s+|absolutely\s+)?"
    r"(?:fine|ok|okay|allowed)\b(?!\s+(?:to|with|if|as\s+long)\b)"
    r"|\byou(?:'re|\s+are)\s+(?:(?:all\s+)?good\s+to\s+go|all\s+set)\b"
    # ...and a verdict of no: "so it's outside the window", "you're past the deadline", "it
    # doesn't qualify", "they're no longer eligible".
    r"|\b(?:it|that|this|you|they|which)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+"
    r"(?:now\s+|just\s+|already\s+|sadly\s+|unfortunately\s+)?(?:outside|past|beyond)\s+"
    r"(?:the|our|your|its|their)\s+(?:[\w-]+\s+)?(?:window|period|deadline|limit|cut-?off)\b"
    r"|\b(?:isn't|aren't|is\s+not|are\s+not|no\s+longer|not)\s+eligible\b"
    r"|\b(?:doesn't|does\s+not|don't|do\s+not|won't|will\s+not)\s+qualify\b",
    regex.IGNORECASE,
))


# A thing put in the place of what was asked (CGEL ch. 8, "instead" as a substitution
# adjunct): "we'll seat you inside instead", "we could offer a voucher as an alternative".
# Not "instead of X", which sets two things side by side ("£10 instead of £25") and may
# say nothing of what was asked.
_INSTEAD = regex.compile(
    r"(?i)\b(?:instead\b(?!\s+of\b)|as\s+an\s+alternative\b|alternatively\b)"
)


def offers_instead(text: str) -> bool:
    """Whether a sentence puts something in the place of another ("…the garden room instead").

    Offered in answer to "could you take us to the falls?", a substitute says no to what was
    asked and what can be had: it answers the question.

    Args:
        text: A sentence.
    """
    return bool(_INSTEAD.search(text))


# A yes or a no to every question at once: "Yes to both!", "not yet on either, I'm afraid",
# "yes, both are", "no to all three", "neither is".
_TO_EVERY_QUESTION = regex.compile(
    r"(?i)\b(?:yes|yep|yeah|no|nope|not\s+yet|sadly\s+not|afraid\s+not)\s*,?\s+(?:to|on|for)\s+"
    r"(?:both|either|all(?:\s+(?:three|four|of\s+them))?|each)\b"
    r"|\b(?:yes|yep|yeah|no|nope)\b[,\s]+both\s+(?:are|do|can|will|have|were|did|is)\b"
    r"|^\W*(?:and\s+)?both\s+(?:are|do|can|will|have|were|did)\b"
    r"|^\W*neither\s+(?:is|are|do|does|can|has|have)\b"
)


@lru_cache(maxsize=_CACHE_SIZE)
def answers_every_question(text: str) -> bool:
    """Whether a sentence says yes or no to all the questions at once ("Yes to both!")."""
    return bool(_TO_EVERY_QUESTION.search(text))


@lru_cache(maxsize=_CACHE_SIZE)
def says_yes_or_no(text: str) -> bool:
    """Whether the sentence says yes or no ("Yes,", "Sure", "I'm afraid", "…, so yes,")."""
    return _YES_NO.finds_any(text)


# "No need to bring anything", "you don't need to bring anything else": a no to the act it
# names, not a bare no.
_SPARES = regex.compile(
    r"(?i)\b(?:no\s+need|(?:don't|do\s+not|doesn't|does\s+not|won't|will\s+not)\s+need"
    r"|needn't)\s+to\s+(?P<verb>[a-z]+)"
)


@lru_cache(maxsize=_CACHE_SIZE)
def spares_an_act(text: str) -> frozenset[str]:
    """The stems of the acts a sentence says there is no need to do ("no need to bring…")."""
    return frozenset(stem(m["verb"]) for m in _SPARES.finditer(text))


_ASKS_FOR_RECORD = regex.compile(
    r"\b(?:order|booking|reservation|account|customer|user|member(?:ship)?|reference|ticket|case)"
    r"\s*(?:id|number|no\.?|reference|code|email|details)\b|\bemail\s+address\b|\bzip\s+code\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def asks_for_record(text: str) -> bool:
    """Whether the sentence names a record that holds answers (order number, email address)."""
    return bool(_ASKS_FOR_RECORD.search(text))


_REQUEST = Alternatives(regex.compile(
    r"^\W*(?:\w+\s+)?(?:can|could|would|will|can't|couldn't|won't)\s+(?:you|we|someone|somebody|anyone|u)\b"
    # "Are you going to fix it?", "Is someone going to call me?"
    r"|^\W*(?:\w+\s+)?(?:are|is)\s+(?:you|someone|somebody|anyone|u)\s+going\s+to\b"
    # Asking to be given something: "Can I get my order sooner?", "Could I have a refund?"
    r"|^\W*(?:\w+\s+)?(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:get|have|bring|add"
    r"|keep|swap|change|move|switch|extend|upgrade)\b"
    # A bare "Any treat?", "Any discount?": asking to be given one.
    r"|^\W*any\s+(?!idea\b)[\w-]+(?:\s+[\w-]+)?(?:\s+(?:on|for|with|about)\b[^?]*)?\W*$"
    # Asking the business to act through its staff: "Can the bar skip the ID check?"
    r"|^\W*(?:\w+\s+)?(?:can|could|will|would)\s+(?:the|your)\s+[\w-]+\s+(?:just\s+|please\s+)?"
    r"(?!be\b|have\b)[a-z]+"
    r"|\bis\s+there\s+(?:any|another|a|some)\s+(?:other\s+)?(?:way|chance|possibility)\b"
    # "Any chance of a same-day clean?", "any way you could…": asking for the act.
    r"|^\W*(?:\w+\s+)?any\s+(?:chance|way|possibility)\b"
    # Asking whether it will be done, which a commitment to do it answers: "Is anyone fixing
    # it?", "is that going to be fixed?", "will there be a new schedule soon?".
    r"|^\W*(?:\w+\s+)?(?:is|are)\s+(?:anyone|someone|somebody|anybody)\s+[a-z]+ing\b"
    r"|^\W*(?:\w+\s+)?(?:is|are)\s+(?:it|that|this|they|these|those|the\s+[\w-]+)\s+"
    r"going\s+to\s+(?:be|get)\s+[a-z]+(?:ed|en|ne|t)\b"
    r"|^\W*(?:\w+\s+)?will\s+there\s+be\b",
    regex.IGNORECASE,
))


# An act the writer is doing as they write: "I'm dispatching a crew to you now", "we're
# processing your refund". Not a state of mind or the message itself ("I'm hoping", "I'm
# writing to let you know").
_IN_PROGRESS = regex.compile(
    r"\b(?:i|we)(?:'m|'re|\s+am|\s+are)\s+(?:now\s+|just\s+|already\s+)?"
    r"(?!(?:going|hoping|wondering|thinking|guessing|assuming|writing|reaching|afraid|sorry"
    r"|happy|glad|looking\s+forward)\b)[a-z]{3,}ing\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def acts_now(text: str) -> bool:
    """Whether the writer does an act as they write ("I'm dispatching a crew to you now")."""
    return bool(_IN_PROGRESS.search(text))


@lru_cache(maxsize=_CACHE_SIZE)
def is_request(text: str) -> bool:
    """Whether a question asks for an act ("Can you…", "Could someone…", "Is there any way…")."""
    return _REQUEST.finds_any(text)


# A question for the most there can be: "what's the most I could get?", "is there a limit?",
# "what's the maximum it pays out?". An amount stated as a limit answers it: "up to 20% off
# labour", "repairs up to £1,000 each plan year".
_ASKS_THE_MOST = regex.compile(
    r"(?i)\b(?:the\s+most|max(?:imum)?|limit|cap|ceiling|the\s+highest|the\s+biggest)\b"
)


@lru_cache(maxsize=_CACHE_SIZE)
def asks_the_most(text: str) -> bool:
    """Whether a question asks for the most there can be ("what's the most I could get?")."""
    return bool(_ASKS_THE_MOST.search(text))


# The words that state a maximum just before an amount: "up to 20%", "a maximum of £500".
_MAXIMUM_BEFORE = regex.compile(
    # ("went up to €59" is a rise, not a most; "values go up to £500" is a most.)
    r"(?i)\b(?:(?<!\b(?:went|gone|came|moved|jumped|shot|rose|risen)\s+)up\s+to|at\s+most"
    r"|a\s+maximum\s+of|maximum\s+of|max(?:imum)?|no\s+more\s+than|capped\s+at"
    r"|limit(?:ed)?\s+(?:of|to|is))\s*$"
)


def states_a_maximum(text: str, at: int) -> bool:
    """Whether the words just before ``at`` state a maximum ("up to 20%", "capped at £80")."""
    return ends_just_before(_MAXIMUM_BEFORE, text, at, 30)


_ASKS_A_LIMIT_IN_TIME = regex.compile(
    r"\b(?:deadline|time\s+limit|cut-?off|window|expir\w*|last\s+day|too\s+late)\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def asks_a_limit_in_time(text: str) -> bool:
    """Whether a question asks about a deadline, a window or an expiry."""
    return bool(_ASKS_A_LIMIT_IN_TIME.search(text))


_BECAUSE_FIRST = regex.compile(
    r"^\W*(?:@\w+\s+)*(?:because|since|that's\s+because|it's\s+because|due\s+to)\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def opens_with_because(text: str) -> bool:
    """Whether the sentence opens with a cause ("Because…", "That's because…")."""
    return bool(_BECAUSE_FIRST.search(text))


_WHERE = regex.compile(r"^\W*where(?:'s|\s+is|\s+are)\b", regex.IGNORECASE)


@lru_cache(maxsize=_CACHE_SIZE)
def asks_where(text: str) -> bool:
    """Whether a question asks where something is."""
    return bool(_WHERE.search(text))


# A question asking leave for the customer or their party: "Can I wait there?", "may we bring
# the dog?", "can my daughter try both?".
_ASKS_LEAVE = regex.compile(
    r"(?i)^\W*(?:(?:and|also|so)\s+)?(?:can|could|may)\s+(?:i|we|(?:my|our)\s+[a-z]+)\b"
)
# Leave given to the customer: "you're welcome to hang out in the lobby", "feel free to…";
# or to their party: "she's very welcome to try both" ("he's free to" is as often a member
# of staff who has time).
_GIVES_THE_CUSTOMER_LEAVE = regex.compile(
    r"(?i)\b(?:you(?:'re|\s+are)\s+(?:more\s+than\s+|very\s+|most\s+|always\s+)?(?:welcome|free)\s+to"
    r"|(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+(?:more\s+than\s+|very\s+|most\s+|always\s+)?"
    r"welcome\s+to"
    r"|feel\s+free\s+to)\b"
)


# A question whether something exists ("is there a pharmacy nearby?"), and a sentence that
# says what there is ("There's a Walgreens a block away", "No, there's no lift").
_ASKS_IF_THERE_IS = regex.compile(r"(?i)^\W*(?:(?:and|also|so|oh)\s+)?(?:is|are)\s+there\b")
_SAYS_THERE_IS = regex.compile(
    r"(?i)^\W*(?:(?:yes|yep|yeah|no|nope|sadly|unfortunately|and|also)\W+)*"
    r"there(?:'s|\s+is|\s+are|'re)\b"
)


def asks_if_there_is(question: str) -> bool:
    """Whether a question asks whether something exists ("Is there a pharmacy nearby?")."""
    return bool(_ASKS_IF_THERE_IS.search(question))


@lru_cache(maxsize=_CACHE_SIZE)
def says_there_is(sentence: str) -> bool:
    """Whether a sentence opens by saying what there is ("There's a Walgreens a block away")."""
    return bool(_SAYS_THERE_IS.search(sentence))


def asks_leave(question: str) -> bool:
    """Whether a question asks leave for the customer ("Can I wait there?")."""
    return bool(_ASKS_LEAVE.search(question))


@lru_cache(maxsize=_CACHE_SIZE)
def gives_the_customer_leave(sentence: str) -> bool:
    """Whether a sentence gives the customer leave ("You're welcome to wait in the lobby").

    A grant of leave is a yes to the one question that asks for it, in whatever words it
    names the act.
    """
    return bool(_GIVES_THE_CUSTOMER_LEAVE.search(sentence))


# A street address: a number, then capitalised words ending in a kind of street ("4120 Leary
# Way NW", "12 High Street", "4810 Industrial Oaks Blvd"), or in the town after a comma
# ("1420 S Broadway, Denver", "7 The Green, Ashby"): where a place is.
_STREET_ADDRESS = regex.compile(
    r"\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){1,4}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct"
    r"|Terrace|Parade|Highway|Hwy|Close|Crescent|Square|Row|Parkway|Pkwy)\b"
    r"|\b\d{1,6}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*,\s*[A-Z][a-z]"
)
# What asks where a place is: "where are you located?", "what's your address?".
_ASKS_FOR_A_PLACE = regex.compile(
    r"(?i)^\W*(?:and\s+|also\s+)?(?:where\b|what(?:'s|\s+is)\s+(?:your|the)\s+(?:\w+\s+)?address\b)"
)


@lru_cache(maxsize=_CACHE_SIZE)
def answers_where_with_an_address(question: str, sentence: str) -> bool:
    """Whether a sentence gives a street address in answer to where a place is.

    "Where are you located?" - "We're at 4120 Leary Way NW"; "what's your address?" - "Chroma
    Wrap Co. is at 4810 Industrial Oaks Blvd". A customer asks where in many words, and an
    address answers in none of them.
    """
    return bool(_ASKS_FOR_A_PLACE.search(question)) and bool(_STREET_ADDRESS.search(sentence))


_HOW_DO_I = regex.compile(
    # ("How can I tell whether my payment cleared?" asks whether it did, not for steps.)
    r"^\W*(?:and\s+|so\s+)?(?:how\s+(?:do|can|should|would)\s+(?:i|we)\b"
    r"(?!\s+(?:know|tell)\s+(?:if|whether)\b)"
    # "What do I need to do?", "Is there anything else I need to do?": what to do next.
    r"|(?:what|is\s+there\s+anything(?:\s+else)?)\s+(?:do|should|must|can)?\s*(?:i|we)\s+"
    r"(?:need\s+to|have\s+to|should|must)?\s*do\b)",
    regex.IGNORECASE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def asks_how_to(text: str) -> bool:
    """Whether a question asks how to do something ("How do I…")."""
    return bool(_HOW_DO_I.search(text))


_INSTRUCTIONS = regex.compile(
    r"\b(?:you\s+can|you'll\s+need\s+to|you\s+need\s+to|just|open|tap|click|go\s+to|visit|select"
    r"|log\s+in|please\s+(?:confirm|reply|send|bring|fill|complete|sign|return|follow))\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def gives_instructions(text: str) -> bool:
    """Whether the sentence tells the customer what to do ("tap", "go to", "you can")."""
    return bool(_INSTRUCTIONS.search(text))


_PRONOUN_LED = regex.compile(
    r"^\W*(?:it|that|this|they|those|these|he|she|him|her)\b", regex.IGNORECASE
)


@lru_cache(maxsize=_CACHE_SIZE)
def opens_with_pronoun(text: str) -> bool:
    """Whether the sentence opens with a pronoun that points back ("It's…", "That…").

    A greeting before it is no opening of its own: "Hi Jess, that's our booking fee".
    """
    return bool(_PRONOUN_LED.search(_after_greeting(text)))


def only_greets(text: str) -> bool:
    """Whether the text is a greeting and no more ("Hi Nicole", "Hello there!")."""
    return not _after_greeting(text).strip()


def _after_greeting(text: str) -> str:
    """The sentence after a greeting that opens it ("Hi Jess, that's…" -> "that's…")."""
    greeting = _GREETING.match(text)
    return text if greeting is None else text[greeting.end() :]


# The reply asks the customer for what it needs to answer (SPEC §3: identity, order number,
# platform, error message, a photo): a question to "you" that is not an offer, or a request.
_GATHERS = Alternatives(regex.compile(
    r"""\b(?:please|kindly)\s+(?:\w+\s+)?(?:provide|send|share|confirm|tell|let\s+(?:us|me)\s+know|dm|reply
        |give|check|include|attach|describe|specify|enter|type|upload)\b
      | \b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|also\s+)?
        (?!like\b|want\b|prefer\b)(?:provide|send|share|confirm|tell|let|give|check|clarify|specify|describe|dm|reply|include|attach
          |try|post|explain|advise)\b
      | \blet\s+(?:us|me)\s+know\b | \b(?:dm|direct\s+message|message)\s+us\b
      # ("We just need to know it's there when you book" states a need for later.)
      | \b(?:i|we)(?:'ll|\s+will|'d|\s+would)?\s+(?:just\s+|only\s+)need\s+(?:your|the)\b
      | \b(?:i|we)(?:'ll|\s+will|'d|\s+would)?\s+(?:first\s+)?need\s+
        # ...counting what it needs: "I need two things: your block map and the gate code".
        (?:(?:a\s+couple\s+of|a\s+few|two|three|four|\d)\s+(?:more\s+)?(?:things|details|bits)\b
          |your|the|some|a\s+few|more
          |to\s+(?:first\s+)?(?:know|verify|authenticate|confirm|check|locate|find))\b
      # (A second question of the series may open with "and": "What's the make and model?
      # And do you have a budget in mind?".)
      | (?:^|[\u2014\u2013:;]|\s-)\W*(?:(?:and|also|plus|or)\s+)?
        (?:what|which|where|when|how|is|are|do|does|did|have|has|was|were)(?:'?s)?\b
        [^?]*\byour?\b[^?]*\?
      | (?:^|[\u2014\u2013:;]|\s-|^[^,?]{1,60},\s)\W*(?:what|which)(?:'?s)?\b
        # (Not what the customer would like: "what would you like to do?"; "something like
        # 215/55R17" is an example of the detail asked.)
        (?![^?]*\b(?:help|assist|else|do\s+for|think|(?:'d|would|you)\s+like)\b)[^?]*\?
      # What would help to answer: "Any sounds or error messages are useful too", "a photo
      # would really help".
      | ^\W*(?:any|a|some)\s+[^.!?]{0,60}?\b(?:would|will|'d|is|are)\s+(?:also\s+|really\s+)?
        (?:help|be\s+(?:useful|helpful)|useful|helpful)\b
      # ...and what the customer might send, with no determiner: "Photos of the best few help
      # too", "screenshots would really help".
      | ^\W*(?:photos?|pictures?|images?|screenshots?|videos?)\b[^.!?]{0,60}?
        \b(?:(?:would|will|'d)\s+(?:also\s+|really\s+)?help|helps?\s+(?:too|as\s+well|a\s+lot)
          |(?:are|is)\s+(?:also\s+|really\s+)?(?:useful|helpful))\b
      | \blet\s+me\s+(?:first\s+|quickly\s+|just\s+)?
        (?:check|look|see|verify|pull\s+up|find|review|confirm)\b
      # "I'd be glad to check both for you", "we'd be happy to look into that".
      | \b(?:i|we)(?:'d|\s+would|'ll|\s+will|'m|\s+am|'re|\s+are)\s+(?:be\s+)?(?:more\s+than\s+)?
        (?:happy|glad|pleased)\s+to\s+(?:check|look\s+into)\b
      # "I can check both for you", "we can look into that": what was asked, looked up.
      | \b(?:i|we)\s+(?:can|could)\s+(?:certainly\s+|definitely\s+|quickly\s+)?
        (?:check|look\s+into|look\s+up|find\s+out)\s+(?:that|this|it|both|these|those|them)\b
""",
    regex.IGNORECASE | regex.VERBOSE,
))


@lru_cache(maxsize=_CACHE_SIZE)
def gathers(text: str) -> bool:
    """Whether the sentence asks for what is needed to answer, or says it will check."""
    return _GATHERS.finds_any(text)


# Handing the customer over to someone who can answer (SPEC §3).
_HANDOVER = regex.compile(
    r"""\b(?:transferr?(?:ed|ing)?|connect(?:ed|ing)?|escalat\w*)\s+(?:you|this|your|to)\b
      # Passing on needs where to: "passed your details on to", "forwarding this to billing";
      # "passing your theory" and "pass your inspection" hand nothing over.
      # "look forward to" forwards nothing: what is passed on is named.
      | \b(?:pass|forward)(?:ed|ing)?\s+(?:(?:you|this|it)\s+|(?:your|the)\s+(?:[\w-]+\s+){1,3}?)
        (?:(?:straight|right|\w+ly)\s+)?(?:on|over|along|to)\b
      # ...and so does handing it: "I'm handing this to Carla in our office", "I've handed
      # your case over to billing" ("hand it back to you" returns it).
      | \bhand(?:ed|ing|s)?\s+(?:this|that|it|you
          |(?:your|the|this)\s+(?:case|query|question|ticket|request|complaint|issue|claim|enquiry
            |inquiry|email|message))\s+
        (?:(?:straight|right|\w+ly)\s+)?(?:over\s+)?to\s+(?!you\b)
      # Someone who can answer will get in touch: "a pharmacist will call you back".
      | \b(?:a|an|our|the|one\s+of\s+our)\s+(?:[\w-]+\s+)?(?:pharmacists?|specialists?|experts?
        |nurses?|doctors?|vets?|engineers?|technicians?|advis[eo]rs?|managers?|colleagues?)\s+will\s+
        (?:call|ring|phone|contact|email|e-mail)\s+you\b
        # ...unless only to set a time: "the technician will call you to arrange access"
        # hands over the visit, not the customer's questions.
        (?![^.!?]{0,60}?\bto\s+(?:arrange|book|schedule|set\s+up)\b)
      # Someone who can answer copied into the email: "I've copied Lou into this email so she
      # can send you her rates", "I've looped in our billing team", "Sam is cc'd here".
      # (Copying the customer in hands nothing over.)
      | \b(?:cop(?:ied|ying)|loop(?:ed|ing))\s+(?!(?:you|it|this|that|them)\b)
        (?:[\w'-]+\s+){0,4}?in(?:to)?\b
      | \bcc'?(?:d|ed|ing)\b(?!\s+you\b)
      | \bput(?:ting)?\s+you\s+(?:(?:straight|right|directly|\w+ly)\s+)?through\b
      | \bhand(?:ing|ed)?\s+(?:you|this)\s+(?:over|on)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def hands_over(text: str) -> bool:
    """Whether the sentence hands the customer over to someone else (a transfer, an escalation)."""
    return bool(_HANDOVER.search(text))


# What must come first: "I need a note from your GP before we train", "we'll need your
# signed consent before we can start". Said to a request to skip it, it is a no.
# ...or what everyone of a kind must have first: "every jumper needs a signed waiver before
# they go on", "all riders must have a helmet before they set off".
_REQUIREMENT = regex.compile(
    r"(?i)\b(?:(?:i|we|you)(?:'ll|\s+will|'d|\s+would)?\s+(?:need|require|must\s+have|have\s+to\s+have)"
    r"|(?:every(?:one|body)|anyone|(?:every|each|any|all)\s+[\w-]+)\s+"
    r"(?:needs?|requires?|must\s+have|has\s+to\s+have|have\s+to\s+have))\b"
    r"[^.!?]{0,80}?\bbefore\b"
)


def states_a_requirement(text: str) -> bool:
    """Whether a sentence says what must come first ("I need a GP's note before we train").

    Args:
        text: A sentence of the reply.
    """
    return bool(_REQUIREMENT.search(text))


_SKIPPING = regex.compile(r"(?i)\b(?:without|skip|skipping)\b")


def skips_a_step(text: str) -> bool:
    """Whether a request is to do something without a step ("start without medical clearance").

    Args:
        text: The words of a request.
    """
    return bool(_SKIPPING.search(text))


# Sentences that carry no answer of their own: thanks, sympathy, an offer to help.
_PLEASANTRY = regex.compile(
    r"""^\W*(?:@\w+\s+)*(?:(?:then|and|also|so|first)\W+)?
      (?:thanks|thank\s+you|sorry|apologies
        |(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+)?sorry
        |(?:i|we)(?:'ll|\s+will|'d|\s+would|'m|\s+am|'re|\s+are|\s+can)?\s+(?:be\s+)?
          (?:(?:happy|glad|here|able)\s+)?(?:to\s+)?(?:help|assist)
        |(?:happy|glad)\s+to\s+(?:help|assist|check|look|sort)|sure|of\s+course
        # A yes of delight, on its own: "We'd love to!".
        |(?:i|we)(?:'d|\s+would)\s+love\s+to(?=\W*$)
        |certainly|absolutely|no\s+problem|i\s+understand|we\s+understand|glad\s+to\s+help
        |just\s+to\s+(?:make\s+sure|confirm|clarify|check)|please\s+hold|one\s+moment
        # Who is writing: "I'm Ava, the hotel's booking assistant", "This is Tom from bookings".
        |(?:i'm|i\s+am|my\s+name\s+is|this\s+is)\s+(?-i:[A-Z])[a-z]+(?=\s*,|\s+(?:from|with|at|here)\b))\b""",
    regex.IGNORECASE | regex.VERBOSE,
)


# A greeting and whom it greets: "Hi Fiona,", "Hello there!", "Good morning Mr Ortiz -".
_GREETING = compile_verbose(
    rf"""^\W*(?:@\w+\s+)*{alternation(GREETINGS)}\b
        # A name is written with a capital: "Hi Jess," (not "hi sorry about that").
        (?:\s+(?:there|all|team|guys|folks|again|(?-i:[A-Z])[\w'.-]*)){{0,2}}\W*"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def is_pleasantry(text: str) -> bool:
    """Whether the sentence carries no answer of its own (thanks, sympathy, an offer to help).

    A greeting carries none, but a sentence that only opens with one says what follows it:
    "Hi Fiona, fast-track is £40 for the whole order" answers.
    """
    greeting = _GREETING.match(text)
    if greeting is not None:
        rest = text[greeting.end() :]
        return not rest.strip() or bool(_PLEASANTRY.search(rest))
    return bool(_PLEASANTRY.search(text))


# Saying what one handles answers a request outside it: "I'm here to assist with orders…".
_SCOPE = regex.compile(
    r"\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:only\s+)?(?:here|able)\s+to\s+(?:help|assist)"
    r"\s+(?:you\s+)?with\b",
    regex.IGNORECASE,
)


@lru_cache(maxsize=_CACHE_SIZE)
def states_scope(text: str) -> bool:
    """Whether the sentence says what the business handles ("I'm here to help with orders")."""
    return bool(_SCOPE.search(text))


_DIGIT = regex.compile(r"\d")


def has_digits(text: str) -> bool:
    """Whether the text has a figure written in digits (an address, a code, a number)."""
    return bool(_DIGIT.search(text))


_FIGURE = regex.compile(r"\d[\d,]*(?:\.\d+)?")


def figures_in(text: str) -> frozenset[str]:
    """The figures written in digits in a text, without their thousands commas ("3000")."""
    if not _DIGIT.search(text):
        return frozenset()
    return frozenset(m.group().replace(",", "").rstrip(",") for m in _FIGURE.finditer(text))


# What a request for a detail is for: "Then I can see…", "That way we can…", "So I can…",
# "With that I can check…".
_PURPOSE = compile_verbose(
    # At the start, or after a comma: "Jobs vary by engine, so once I have those I can…".
    r"(?:^\W*|,\s*(?:so\s+|and\s+)?)(?:then|that\s+way|so|once\s+(?:i|we)\s+have\s+(?:it|that|them|those|these)"
    r"|with\s+(?:that|those|these|it|them|this)(?:\s+(?:details?|info(?:rmation)?))?)"
    r"\W*(?:i|we)(?:'ll|\s+can|\s+will)\b"
    # ...or once it is known: "…, and once we know the model we can quote for it".
    # ("Once I've pulled up the package I can tell you exactly what's refundable.")
    r"|(?:^\W*|,\s*(?:so\s+|and\s+)?)once\s+(?:i|we)(?:'ve|\s+have)?\s+"
    r"(?:have|know|get|got|see|seen|receive|received|pulled\s+up|found|looked\s+(?:it\s+)?up"
    r"|checked)\b"
    r"[^.!?;]{0,60}?[\s,](?:i|we)(?:'ll|\s+can|\s+will)\b"
    # Or that the answer waits for it: "…, so I want to be sure before giving you a price",
    # "we'll need to see it before we can quote you".
    r"|\bbefore\s+(?:(?:i|we)\s+(?:can\s+|could\s+)?)?(?:giv(?:e|ing)|quot(?:e|ing)|confirm(?:ing)?"
    r"|tell(?:ing)?)\s+you\b"
    # Or what will be done with it: "What's your order number? I'll look it up."
    r"|^\W*(?:and\s+)?(?:i|we)(?:'ll|\s+will|\s+can)\s+(?:then\s+)?(?:check|look\s+(?:it|that|them|this)\s+up"
    r"|look\s+into\s+(?:it|that|this)|find\s+(?:it|that|them|out)"
    # "What's the address on the booking? I'll pull both up.", "I'll pull up the tracking."
    r"|pull\s+(?:(?:it|that|them|this|both|those|these)\s+)?up)\b"
    # Or what it is needed for: "…, so I need it to pull up your account", "we'll need that
    # to find your booking".
    r"|\b(?:i|we)(?:'ll|\s+will|\s+would|'d)?\s+need\s+(?:it|that|them|this|those|these)\s+"
    r"(?:in\s+order\s+)?to\s+(?:find|check|pull|look|see|locate|confirm|access|open|verify"
    r"|match|book|work\s+out|give|quote|tell|process|sort)\b"
)


# Undertaking to give the answer asked for, once the details come: "Happy to give you a
# number!", "I can put together a quote", "we'll work out an exact price for you".
_PROMISES_THE_ANSWER = compile_verbose(
    r"""\b(?:happy|glad|able|can|could|will|'ll)\s+(?:\w+\s+)?
        (?:give|get|send|put\s+together|work\s+out|find)\s+(?:you\s+)?(?:a|an|the|that|your)\s+
        (?:exact\s+|rough\s+|firm\s+|proper\s+|final\s+)?
        (?:number|quote|price|figure|estimate|valuation|answer|date|time)\b
      # ...or to work out what was asked: "Happy to work that out", "glad to figure it out".
      | \b(?:happy|glad|able)\s+to\s+(?:work|figure)\s+(?:that|it|this)\s+out\b
      # ...or to price it, the verbs of a quote: "Happy to price that out", "glad to quote it".
      | \b(?:happy|glad|able)\s+to\s+(?:price|quote|cost)\s+(?:that|it|this|them|those)
        (?:\s+(?:out|up))?\b"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def promises_the_answer(text: str) -> bool:
    """Whether the sentence undertakes to give the answer ("Happy to give you a number!")."""
    return bool(_PROMISES_THE_ANSWER.search(text))


@lru_cache(maxsize=_CACHE_SIZE)
def says_what_it_is_for(text: str) -> bool:
    """Whether the sentence says what a requested detail is for ("Then I can see…")."""
    return bool(_PURPOSE.search(text))


# Saying what the thing asked about is explains it: "Why was I charged $25?" - "That's our
# annual maintenance fee.", "Your total of $214 is the $189 detail plus…", "the extra $10 is
# for the backup module", or working it out: "at $1.90 a pound that comes to $26.60".
_IDENTIFIES = compile_verbose(
    r"""(?:^\W*|\s[-\u2013\u2014:]\s+)
        (?:that|this|it|(?:the|your)\s+(?:[\w$£€.,-]+\s+){0,3}?[\w$£€.,-]+\s)
        (?:'s|\s*is|\s*was|\s*were)\s+(?:our|the|a|an|your|made\s+up\s+of|for)\b
      # Working the figure out: "at $1.90 per pound that comes to $26.60".
      | \b(?:comes?|came|adds?|added)\s+(?:up\s+)?to\s+[$£€\d]
      | \bworks?\s+out\s+(?:to|at)\s+[$£€\d]"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def identifies(text: str) -> bool:
    """Whether the sentence says what something is ("That's our annual fee", "Hi, that's…")."""
    return bool(_IDENTIFIES.search(_after_greeting(text)))


# A sentence of sympathy and nothing else: "I'm sorry your session didn't go ahead", "I'm
# sorry about that, I can see why that's annoying". A dash, colon or semicolon goes on to
# something more ("Thanks for clarifying - you can share a couple…").
_SYMPATHY = compile_verbose(
    r"""^\W*(?:(?:i'm|i\s+am|we're|we\s+are)\s+(?:so\s+|really\s+|very\s+|truly\s+|terribly\s+)?sorry
        |(?:so\s+|really\s+|very\s+|terribly\s+)?sorry|apologies|my\s+apologies|i\s+understand|we\s+understand|i\s+can\s+see
        |that\s+sounds|oh\s+no)\b[^\u2013\u2014:;]*$
      # "That's stressful, sorry", "that's so frustrating!" (alone: "that's frustrating after we
      # told you…" goes on to say more).
      | ^\W*that(?:'s|\s+is)\s+(?:so\s+|really\s+|very\s+|super\s+)?(?:stressful|frustrating
          |annoying|awful|horrible|worrying|upsetting|a\s+pain|not\s+good|no\s+good)
        (?:\W+(?:i'm\s+|we're\s+)?(?:so\s+|really\s+|very\s+)?sorry)?\W*$"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def shows_sympathy(text: str) -> bool:
    """Whether the sentence only shows sympathy ("I'm sorry your session didn't go ahead")."""
    return bool(_SYMPATHY.search(text)) and " - " not in text


# A change explains a difference the customer asks about: "Why am I paying more?" - "It was
# $7.99 until last month; it's $9.99 now", "the fee went up to $30 in July".
_CHANGE_EXPLAINED = compile_verbose(
    r"""\b(?:went\s+up|gone\s+up|go(?:es)?\s+up|increased|rose|has\s+risen|went\s+down|dropped
        |decreased|changed|used\s+to\s+be|until\s+(?:last|recently)|no\s+longer|is\s+now|are\s+now
        |it's\s+now|(?:is|are|it's)\s+[^.;]{1,30}\s+now)\b"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def explains_a_change(text: str) -> bool:
    """Whether the sentence tells of a change ("the fee went up to $30 in July")."""
    return bool(_CHANGE_EXPLAINED.search(text))


# A closing line offers more help and answers nothing: "Anything else I can help with?",
# "Let me know if you have any questions", "Have a great day!".
_CLOSING = compile_verbose(
    r"""^\W*(?:is\s+there\s+)?anything\s+else\b|\blet\s+(?:me|us)\s+know\s+if\b
      |\b(?:happy|glad)\s+to\s+help\b|\bfeel\s+free\s+to\b|^\W*have\s+a\s+(?:great|good|nice|lovely)\b
      |^\W*(?:if\s+you\s+(?:have|need)\s+(?:any|anything))"""
)


# A farewell wishes the customer well and says nothing about what they asked: "See you on
# board!", "Enjoy your stay!", "Safe travels!", "We look forward to welcoming you."
_FAREWELL = compile_verbose(
    r"""^\W*(?:see\s+you\b|enjoy\s+(?:your|the)\b|safe\s+travels?\b|bon\s+voyage\b
      |(?:we(?:'re|\s+are)?\s+|i(?:'m|\s+am)?\s+)?look(?:ing)?\s+forward\s+to\b)"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def bids_farewell(text: str) -> bool:
    """Whether the sentence only wishes the customer well ("See you on board!")."""
    return bool(_FAREWELL.search(text))


# The words a question opens with that a labelled line of the reply may repeat: "how long
# can we keep it?" - "- **How long:** for as long as your organ is away".
_WH_PHRASE = regex.compile(
    r"(?i)^\W*(?:(?:and|also|so|but|plus)\W+)?(how\s+(?:long|much|many|soon|often)|when|where"
    r"|what\s+time|which\s+days?)\b"
)
# A line labelled with words and a colon: "- **How long:** …", "* Where: …".
_LABELLED_LINE = regex.compile(r"^[\s*\-\u2022]*\**\s*(?P<label>[^:*\n]{1,30}?)\s*\**\s*:")


def labels_its_answer(sentence: str, question: str) -> bool:
    """Whether a line of the reply is labelled with the words the question opens with.

    "What would it cost, and how long can we keep it?" - "- **How long:** for as long as your
    main organ is out of action": a list that names each answer by its question answers it.

    Args:
        sentence: A sentence of the reply.
        question: A question of the customer's.
    """
    asked = _WH_PHRASE.match(question)
    line = _LABELLED_LINE.match(sentence)
    if asked is None or line is None:
        return False
    return " ".join(line["label"].lower().split()) == " ".join(asked.group(1).lower().split())


# A noun phrase led by a determiner: "the misters", "a new part", "that row" (not "it",
# "that" alone, or "anything").
_NAMES_A_THING = regex.compile(
    r"(?i)\b(?:the|your|our|a|an|those|these|that|this|their|his|her)\s+(?!(?:is|are|was|were|will|can|would)\b)[a-z]"
)


def names_a_thing(text: str) -> bool:
    """Whether a clause names a thing by a noun phrase, not only by "it" or "that".

    "We'll get the crew to look at the misters" names what it will act on; "We'll look into
    it" does not.

    Args:
        text: A clause.
    """
    return bool(_NAMES_A_THING.search(text))


def farewell_on_their_day(sentence: str, times: Sequence[str], message: str) -> bool:
    """Whether a farewell names only times the customer named themselves.

    "I've tickets for the 19th. How long is the show?" - "See you on the 19th!": the day
    was the customer's own, and wishing them well on it tells them nothing they asked.

    Args:
        sentence: A sentence of the reply.
        times: The words of each time it names ("the 19th").
        message: The customer's message.
    """
    return (
        bool(times)
        and bids_farewell(sentence)
        and all(
            regex.search(rf"(?<!\w){regex.escape(time)}(?!\w)", message, regex.IGNORECASE)
            for time in times
        )
    )


@lru_cache(maxsize=_CACHE_SIZE)
def closes(text: str) -> bool:
    """Whether the sentence is a closing offer of more help ("Anything else I can help with?")."""
    return bool(_CLOSING.search(text))


_COURTESY = compile_verbose(rf"\b{alternation(COURTESIES)}\b")


@lru_cache(maxsize=_CACHE_SIZE)
def is_courtesy(text: str) -> bool:
    """Whether the sentence holds a courtesy formula ("Have a wonderful day!", "You're welcome").

    Such a sentence answers nothing, whatever else it names: "The lake trip sounds great!",
    "We appreciate your patience while we look".
    """
    return bool(_COURTESY.search(text))


# A recommendation: "we recommend flat shoes", "I'd suggest layers", "our advice is to…",
# "here's what we recommend:", "it's best to bring a hat".
_RECOMMENDS = regex.compile(
    r"(?i)\b(?:(?:i|we)(?:'d|\s+would)?\s+(?:always\s+|strongly\s+|really\s+)?(?:recommend|suggest)"
    r"|what\s+(?:i|we)(?:'d|\s+would)?\s+(?:recommend|suggest)"
    r"|(?:our|my)\s+(?:advice|recommendation|suggestion|tip)s?|(?:it's|it\s+is)\s+best\s+to)\b"
)


@lru_cache(maxsize=_CACHE_SIZE)
def recommends(text: str) -> bool:
    """Whether the sentence recommends something ("we recommend…", "here's what I'd suggest:")."""
    return bool(_RECOMMENDS.search(text))


# A presentational lead-in to what follows: "Here's where things stand:", "Below is a summary:".
_LIST_LEAD_IN = compile_verbose(
    r"^\W*(?:here(?:'s|\s+is|\s+are)|below\s+(?:is|are)|see\s+below|as\s+follows)\b[^:]*:\s*$"
)


@lru_cache(maxsize=_CACHE_SIZE)
def introduces_a_list(text: str) -> bool:
    """Whether the sentence only introduces what follows ("Here's where things stand:")."""
    return bool(_LIST_LEAD_IN.search(text))


# Acknowledging the customer before answering: "Ha, totally get it.", "I hear you!".
_ACKNOWLEDGES = regex.compile(
    r"(?i)^\W*(?:(?:hi|hey|hello|hiya)(?:\s+[\w.'-]+)?\s*[,!-]\s*)?"
    r"(?:(?:ha|haha|oh|ah|ok|okay)\W+)?(?:totally|completely|absolutely|i|we)?\s*"
    r"(?:get\s+it|hear\s+you|understand|see\s+what\s+you\s+mean)"
    # ...and what is understood, or a word on the customer's plight after it: "Totally
    # understand how stressful visa paperwork is!", "Totally understand, that's a rough spot."
    r"(?:\s+(?:how|why|the|your|that)\b[^.!?,;]*"
    # ...or a remark that commits to nothing: "Totally get it, spiders are the worst."
    r"|,\s*(?![^.!?]*\b(?:can|will|'ll|could|would|we|i|we're|i'm|let|please)\b)[^.!?]*)?\W*$"
)


def acknowledges(text: str) -> bool:
    """Whether a sentence only acknowledges the customer ("Ha, totally get it.", "I hear you!").

    Args:
        text: A sentence.
    """
    return bool(_ACKNOWLEDGES.match(text))


# Granting what the customer says before answering it: "I know it looks calm in the bay",
# "I understand this is frustrating", "I appreciate it's not what you hoped for". ("I can see
# your card was blocked" reports what was found, and is not among them.)
_CONCEDES = regex.compile(
    r"(?i)^\W*(?:(?:and|but|look|honestly|ok|okay)\W+)?(?:i|we)\s+(?:totally\s+|completely\s+"
    r"|fully\s+|do\s+)?(?:know|understand|realise|realize|appreciate|get)\s+(?:that\s+)?"
    r"(?:it|this|that|these|those|you|your|the|there|things?)\b"
)


def concedes(text: str) -> bool:
    """Whether a sentence opens by granting what the customer says ("I know it looks calm").

    Such a sentence takes the customer's side of the case; it does not say why it is so.

    Args:
        text: A sentence.
    """
    return bool(_CONCEDES.match(text))


# A sentence that ends in "!" or an emoji exclaims: "What a fun idea!", "Sounds great 🎉".
_EXCLAIMS = regex.compile(r"(?:!|[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?)\W*$")


# A question of a few words with no question word or auxiliary first echoes the customer
# before the answer: "For a 40th?", "For the whole set?", "Honestly?" (CGEL ch. 10, echo
# questions; and elliptical ones: "Plans changed?").
_ECHO = compile_verbose(
    r"""^\W*(?!(?:how|when|what|whats|why|where|which|who|whose|can|could|will|would|shall|should
        |may|might|must|is|are|am|was|were|do|does|did|have|has|had|isn't|aren't|don't|doesn't
        |didn't|won't|can't|any|anything)\b)
        # Words and what lies between them share no character, and neither gives any back, so
        # a long run of hyphens or apostrophes is crossed once.
        (?:[\w'-]++[^\w?'-]*+){1,5}+\?\W*$"""
)


def echoes(text: str) -> bool:
    """Whether a sentence is a short echo of what the customer said ("For a 40th?").

    Args:
        text: A sentence.
    """
    return bool(_ECHO.match(text))


# Laughter that opens a sentence makes it a remark ("lol we get that a lot", "haha fair").
_OPENS_LAUGHING = regex.compile(rf"(?i)^\W*{alternation(LAUGHTER)}(?!\w)")


def opens_laughing(text: str) -> bool:
    """Whether a sentence opens with laughter ("lol we get that a lot.").

    Args:
        text: A sentence.
    """
    return bool(_OPENS_LAUGHING.search(text))


def exclaims(text: str) -> bool:
    """Whether a sentence ends in an exclamation mark or an emoji.

    Args:
        text: A sentence.
    """
    return bool(_EXCLAIMS.search(text))


# Words of declining besides an apology: "I'm sorry, I can *only* discuss it with…".
_DECLINING_BEYOND_SORRY = regex.compile(
    # (The "only" that limits, not "it's only a 5 minute walk" or "it'll only take a minute".)
    rf"(?i)\b(?:{LIMITING_ONLY}|however|but|policy|unfortunately|afraid|regret|{PRIVATE_AS_A_GROUND}"
    rf"|{SECURITY_AS_A_GROUND}|not\s+allowed|law)\b"
)


def declines_more_than_sympathy(text: str) -> bool:
    """Whether a sentence declines or qualifies, beyond saying sorry for the customer's trouble.

    "I'm sorry you're still unwell!" says no to nothing; "I'm sorry, I can only discuss an
    account with its holder" does.

    Args:
        text: A sentence.
    """
    if not is_declining(text):
        return False
    return not shows_sympathy(text) or bool(_DECLINING_BEYOND_SORRY.search(text))


# What an answer turns on: "it depends on the dates", "whether it saves you money depends on…".
_DEFERS = regex.compile(
    rf"(?i)\b(?:{alternation(REPORTING_BACK)}|{alternation(VAGUE_TIMES)})\b"
)


# What a later act will be about, named: "we'll update you *about the pool*", "I'll come back
# to you *regarding your invoice*".
_NAMES_ITS_TOPIC = regex.compile(
    r"(?i)\b(?:about|regarding|concerning|re)\s+(?:the|your|our|this|that|his|her|their)\b"
)


def names_its_topic(text: str) -> bool:
    """Whether a sentence names what it is about ("we'll update you about the pool").

    Args:
        text: A sentence.
    """
    return bool(_NAMES_ITS_TOPIC.search(text))


@lru_cache(maxsize=_CACHE_SIZE)
def defers_the_answer(text: str) -> bool:
    """Whether a clause puts its news off: a vague time, or coming back with it later.

    "We'll send the estimate over soon", "the lockers are on our list and we'll update you":
    the subject is taken up and its answer promised, however vaguely.

    Args:
        text: A clause.
    """
    return bool(_DEFERS.search(text))


def deferred_at(text: str) -> int | None:
    """Where in a clause its news is put off ("we'll *call you back*"), if it is.

    Args:
        text: A clause.
    """
    found = _DEFERS.search(text)
    return found.start() if found else None


_SAYS_IT_DEPENDS = regex.compile(
    r"(?i)\bdepends?\s+(?:on|upon)\b|\bit\s+depends\b"
    # ...in other words: "that changes both the price and the time", "the photos will tell
    # us which", "the size decides the cost".
    r"|\b(?:changes?|affects?|determines?|decides?)\s+(?:both\s+)?(?:the\s+)?"
    r"(?:price|cost|quote|time|timing|turnaround)\b"
    r"|\bwill\s+(?:tell|show)\s+(?:us|me)\s+(?:which|what|whether|how)\b"
    # ...or as a variation: "the wait is different for each", "prices vary by size", "it
    # differs between the two".
    r"|\b(?:is|are|'s|'re)\s+different\s+for\s+(?:each|every|both|all)\b"
    r"|\b(?:var(?:y|ies)|differs?)\s+(?:a\s+lot\s+|quite\s+a\s+bit\s+)?(?:by|with|between|from|for)\b"
)
# A hedge about which, whether or how much: "I can't say for certain which works out cheaper".
_WHICH = regex.compile(r"(?i)\b(?:which|whether|if|how\s+much|how\s+long|when)\b")
# What alone the business does or can: "we can only take…", "we only deliver within the US".
_ONLY = regex.compile(r"(?i)\b(?:i|we)\s+(?:can\s+|could\s+|do\s+|are\s+)?only\b")
# The nouns and question words of a time: "I can't give you an exact date", "no timeline yet".
_TIME_WORDS = regex.compile(r"(?i)\b(?:date|time|timeline|timeframe|when|how\s+long|eta)\b")
# A yes that goes on to something else: "Yes, and…", "We do - …", "Sure; …".
_YES_AND = regex.compile(
    r"(?i)^\W*[\w' ]{1,20}?(?:[,!]\s*(?:and|plus|also)\b|\s[-\u2013\u2014;]\s)"
)


# Saying the time is not known yet is an answer to "when?" (an honest one): "Not sure yet,
# our supplier is hit or miss", "we don't have a date yet", "no ETA yet, I'm afraid".
_NOT_KNOWN_YET = regex.compile(
    r"(?i)^\W*(?:(?:i'm|i\s+am|we're|we\s+are)\s+)?not\s+sure\s+yet\b"
    r"|\b(?:i|we)\s+(?:don't|do\s+not)\s+(?:know\s+yet|have\s+(?:a|an)\s+(?:date|eta|time)\s+yet)\b"
    r"|\bno\s+(?:word|date|eta|news)\s+(?:on\s+that\s+)?yet\b"
    # ...or that it is not done yet, so no time can be given: "the engineer hasn't finished
    # writing it up yet".
    r"|\b(?:hasn't|haven't|has\s+not|have\s+not|isn't|aren't|is\s+not|are\s+not)\s+"
    r"(?:quite\s+)?(?:finished|done|ready|complete|back|arrived|come\s+in)\b[^.!?]{0,40}?\byet\b"
)


def says_not_known_yet(text: str) -> bool:
    """Whether a sentence says the time asked about is not known yet ("Not sure yet").

    Args:
        text: A sentence.
    """
    return bool(_NOT_KNOWN_YET.search(text))


def says_it_depends(text: str) -> bool:
    """Whether a sentence says what the answer turns on ("it depends on the dates").

    Args:
        text: A sentence.
    """
    return bool(_SAYS_IT_DEPENDS.search(text))


def hedges_which(text: str) -> bool:
    """Whether a sentence hedges about which, whether or how much ("I can't say which is cheaper").

    Args:
        text: A sentence.
    """
    return is_hedge(text) and bool(_WHICH.search(text))


def hedges_a_time(text: str) -> bool:
    """Whether a sentence says a time can't be given yet ("I can't give you an exact date").

    Args:
        text: A sentence.
    """
    return is_hedge(text) and bool(_TIME_WORDS.search(text))


def says_what_alone(text: str) -> bool:
    """Whether a sentence says what alone the business does or can ("we can only take…").

    Args:
        text: A sentence.
    """
    return bool(_ONLY.search(text))


# A yes or no that goes on to the next point: "And nope, you don't need to be home", "Also,
# yes - there's parking".
_AND_YES_NO = regex.compile(
    r"(?i)^\W*(?:and|also|plus)\s*,?\s+(?:(?:yes|yep|yeah|nope|sure|of\s+course|absolutely)\b"
    # "no" as an answer stands alone ("And no, one quote is enough"), not "no need to…".
    r"|no(?=\s*[,.!;:\u2013\u2014-]))"
)


def goes_on_with_yes_or_no(text: str) -> bool:
    """Whether a sentence opens with "and"/"also" and a yes or no ("And nope, …").

    Args:
        text: A sentence.
    """
    return bool(_AND_YES_NO.match(text))


def says_yes_and(text: str) -> bool:
    """Whether a sentence opens with a yes that goes on to something else ("Yes, and…").

    Args:
        text: A sentence.
    """
    return bool(_YES_AND.match(text))


# What the customer can do or will have: "you can cancel within 10 days", "you'll have a
# 12-month guarantee", "you'd pay the £50 fee", "you're covered". (Not advice about what they
# will like: "you'll love it".)
_TELLS_WHAT_FOLLOWS = compile_verbose(
    r"""\byou(?:'ll|'d|\s+(?:can|could|will|would|may|might))\s+(?:still\s+|also\s+|just\s+|simply\s+)?
        (?!(?:love|like|enjoy|want)\b)[a-z]+
      | \byou(?:'re|\s+are)\s+(?:still\s+|fully\s+|well\s+|also\s+|completely\s+)?
        (?:covered|protected|entitled)\b"""
)


def tells_what_follows(text: str) -> bool:
    """Whether a sentence tells the customer what they can do or will have ("you can cancel").

    Args:
        text: A sentence.
    """
    return bool(_TELLS_WHAT_FOLLOWS.search(text))


# Saying what something covers: "It covers 2 hours of bowling…", "the package includes…".
_SAYS_WHAT_IT_COVERS = regex.compile(
    r"(?i)\b(?:includes?|including|covers?|comes\s+with|you\s+(?:get|'ll\s+get|will\s+get))\b"
)


def says_what_it_covers(text: str) -> bool:
    """Whether a sentence says what something includes ("It covers 2 hours of bowling").

    Args:
        text: A sentence.
    """
    return bool(_SAYS_WHAT_IT_COVERS.search(text))
