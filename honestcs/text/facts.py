"""What each sentence of a reply says: the facts the rules read.

A sentence is cut into segments at clause boundaries (commas, semicolons,
colons, dashes, and "and"/"but"/"so" before a new subject). Each segment is
classified by its grammar: future commitment, offer, an act already done,
or a statement; negated or not; a condition or not. The sentence collects
its segments, the policy terms it mentions, and the quantities in it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Literal

import attrs
import regex

from honestcs._grammar import compile_alternatives, compile_verbose
from honestcs.text.lexicon import (
    DELIGHT_WORDS,
    GREETINGS,
    LIGHT_VERBS,
    NO_OBJECTION,
    OUTSIDE_PARTIES,
    PAST_ONLY_VERBS,
    alternation,
)
from honestcs.text.mentions import Mention
from honestcs.text.terms import TermMatch, Token

__all__ = [
    "CLAUSE_REACH",
    "Mood",
    "SegmentFacts",
    "SentenceFacts",
    "has_condition_after",
    "is_counterfactual",
    "is_negated_before",
    "label_end",
    "negated_outside",
    "opens_a_condition_proper",
    "others_meet",
    "own_clause",
    "read_sentence",
    "someone_else_did",
    "split_segments",
    "states_a_possibility",
    "unlabelled",
    "waits_on_a_requirement",
    "within_a_condition_after",
]

Mood = Literal["future", "offer", "done", "receive", "statement"]
"""What a segment does.

``future``: the business undertakes a later act ("we'll refund you").
``offer``: the business offers something ("I can give you 15% off").
``done``: an act already done for the customer ("I've added $50 of credit").
``receive``: what the customer will get ("you'll receive an email").
``statement``: describes how things are, or the policy in general.
"""

# Where a sentence divides into clauses: punctuation, and a conjunction before a new subject.
# Each break starts where its whitespace starts, and takes all of it at once, so a long run
# of spaces is crossed once, not once per space.
_SEGMENT_BREAK = compile_verbose(
    r"""
    (?<!\s)\s*+[;:]\s++ | (?<!\s)\s++[-\u2013\u2014]\s++
  | ,\s++(?!(?:and|or)\s+(?:\w+\s+)?(?:[a-z]+s)\b[,.]?\s*$)
      # Items of a list run on to its last: "a hamper with cheese, crackers and chutney", "his
      # records, x-rays and scans"
      # (bare nouns; not a clause's subject, "your account and all data are…", nor the items
      # of a priced list, "…$400, delivery and setup $150").
      (?!(?<![\d%]\s*,\s*)(?!(?:the|a|an|your|our|my|his|her|their|its|this|that|these|those
          |i|we|you|they|he|she|it)\b)[a-z]+(?:-[a-z]+)*(?:\s+[a-z]+(?:-[a-z]+)*)?\s+(?:and|or)\s+
          [a-z]+(?:-[a-z]+)*\b(?!\s*,))
  | (?P<conj>(?<!\s)\s++)(?=(?:and|but|so|or|then|while|although|though|because|since|as|which|if|unless
        # "just this once", "for once", "at once": an adverb of how often, no conjunction.
        |once(?<!\b(?:this|that|for|at|than|just)\s++once)|provided|providing|assuming)\s+
        (?:I|I'll|I've|I'm|I'd|we|we'll|we've|we're|we'd|you|you'll|you're|you've|it|it's|it'll
          |they|they'll|they're|he|she|there|this|that|your|our|the|someone|once|if)\b)
    """
)

# A short aside in brackets, closed in the sentence.
_ASIDE = regex.compile(r"\([^()]{1,100}\)")

_JOINT = regex.compile(r"(?i)(?:and|but|or|then)\s+(?=\S)")

# The conjunctions of _SEGMENT_BREAK, each a word with spaces on both sides where it breaks.
_BREAK_WORDS = frozenset(
    {
        "and", "but", "so", "or", "then", "while", "although", "though", "because", "since",
        "as", "which", "if", "unless", "once", "provided", "providing", "assuming",
    }
)  # fmt: skip


def _may_break(text: str) -> bool:
    """Whether _SEGMENT_BREAK may match: at once false for ASCII text without its marks.

    Each of its breaks holds a ";", ":", a dash or a comma, or is a conjunction with spaces
    on both sides, so a word of its own; most short sentences have none of them.
    """
    if not text.isascii() or any(mark in text for mark in ";:,-"):
        return True
    return not _BREAK_WORDS.isdisjoint(text.lower().split())

# Words before "as" that make "as … as" one phrase, not two clauses.
# How far back _NOT_A_BREAK can reach: its longest phrase with generous spacing.
_NOT_A_BREAK_REACH = 60
# An "if" after a verb of asking or finding out asks whether; it opens no condition: "I'll
# contact the depot *to see if* it's been handed in", "we'll check if they have it".
_WHETHER_IF_BEFORE = regex.compile(
    r"(?i)\b(?:see|check|ask|asking|find\s+out|wonder|wondering|confirm)$"
)
_IF_AFTER = regex.compile(r"(?i)if\b")

_NOT_A_BREAK = regex.compile(
    r"(?i)\b(?:as\s+soon|as\s+long|so\s+long|as\s+well|as\s+far|as\s+much|such|just"
    r"|would\s+it\s+help|would\s+that\s+help|would\s+it\s+be\s+(?:ok|okay|easier))$"
)

# "As" before a noun phrase with no verb up to the clause's end names a role ("as your
# guests for Friday", "as a goodwill gesture"), not a clause of cause ("as your order is late").
_NOT_A_VERB = r"""(?!(?:is|are|was|were|has|have|had|can|can't|cannot|will|won't|would|should
    |could|must|do|does|don't|doesn't|did|didn't|need|needs|gets?|got|goes|went|came|comes
    |takes?|took|[a-z]+ed|[a-z]+'s|[a-z]+'re)\b)"""
_AS_A_ROLE = compile_verbose(
    rf"""as\s+(?:your|our|the|my|their|his|her)\s+
        (?:(?:{_NOT_A_VERB}[\w-]+\s*){{1,6}}+(?:[,.;!?]|$)
        # ...and so does one priced: "I'll add Yannis *as your skipper* at €160 a day".
        | (?:{_NOT_A_VERB}(?!(?:at|for)\b)[\w-]+\s+){{1,3}}+(?:at|for)\s+[$€£\d])"""
)

# A noun phrase with no verb of its own: "the homework", "your receipt".
_NOUN_PHRASE_ALONE = compile_verbose(
    r"""^\W*(?:the|a|an|your|my|his|her|their|our|all|any|both|some|every|each)\s+
        (?:(?!(?:is|are|was|were|will|can|could|would|should|has|have|had|do|does|did|we|i|you
        |they|it)\b)[\w'-]+\s*){1,5}\W*$"""
)
_JOINED_BY_AND_OR = regex.compile(r"(?i)\W*(?:and|or)\s*")
# The middle of a series of verb phrases that share one subject: "We'll take the ring back,
# *get it re-engraved properly and be in touch*": after a comma alone, a light verb with its
# object, and the series' last "and" still to come (CGEL ch. 15, coordination).
_JOINED_BY_A_COMMA = regex.compile(r",\s*")
_MIDDLE_OF_A_SERIES = compile_verbose(
    rf"""^(?:{alternation(LIGHT_VERBS)})\s+(?:it|them|this|that|the|your|you|us|a|an)\b
        [^,;:]*?\band\s+(?!(?:i|we|you|they|he|she|it|there)\b)[a-z]"""
)


# Words that open a condition.
_CONDITION = compile_verbose(
    # "As soon as I can" is when the writer finds time, no event and no condition.
    r"^(?:and\s+|but\s+|so\s+)?(?:if|once|when|whenever|unless"
    r"|as\s+soon\s+as(?!\s+(?:possible|(?:i|we)\s+can\b|(?:i|we)(?:'m|'re|\s+am|\s+are)\s+able\b))"
    # "After you return it, …" is a condition; "after 6pm" or "after Friday" is only a time.
    r"|after(?!\s+(?:\d|noon\b|midnight\b|(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b))"
    r"|provided(?:\s+that)?|as\s+long\s+as|assuming|in\s+case|should\s+you|subject\s+to)\b"
    # An invitation to the customer ("Please confirm, and I'll book it") makes what follows depend on it.
    r"|^\W*(?:please|kindly|just)\s+(?:confirm|reply|respond|provide|send|share|let\s+(?:me|us)\s+know|tell|give|choose|select|pick)\b"
)
# "I'd be grateful if you could…", "it would help if you'd…": a request said politely, not a
# condition (CGEL ch. 10, on indirect directives).
_POLITE_FRAME = compile_verbose(
    r"""\b(?:grateful|appreciate(?:d)?(?:\s+it)?|great|helpful|help|lovely|kind|nice|perfect
        |ideal)\W*$"""
)
_POLITE_IF = compile_verbose(r"^\W*if\s+you\s+(?:could|would|can|'d)\b")
_INVITATION = regex.compile(
    r"(?i)^\W*(?:please|kindly|just)\s+(?:confirm|reply|respond|provide|send|share"
    r"|let\s+(?:me|us)\s+know|tell|give|choose|select|pick)\b"
)


# The opening of a condition up to its verb: "if you", "once you've", "as long as your
# guests", "if you decide to".
_CONDITION_UP_TO_ITS_VERB = compile_verbose(
    r"""^\W*(?:(?:and|but|so)\s+)?(?:if|once|when|whenever|unless|as\s+soon\s+as|provided(?:\s+that)?
        |as\s+long\s+as|assuming|in\s+case|after|should)\s+
        (?:you|you've|you're|you'd|you'll|we|they|(?:your|the)\s+[\w-]+)\s+
        (?:(?:do|did|can|could|will|would|still|just|ever|really|already|want\s+to|wanted\s+to
          |need\s+to|have\s+to|decide\s+to|choose\s+to|plan\s+to|try\s+to)\s+)*$"""
)


def is_the_conditions_act(segment: str, offset: int) -> bool:
    """Whether the words at ``offset`` of a condition are its act ("if you *bring a dog*").

    What else a condition names is not its act: "if you buy the *ferry* cover", "if you find
    the *same van* cheaper".

    Args:
        segment: The text of a clause that is a condition.
        offset: Where the words start in it.
    """
    return _CONDITION_UP_TO_ITS_VERB.match(segment[:offset]) is not None


# The words that open a condition proper, not a time clause ("once", "when", "after").
_CONDITION_PROPER = (
    r"(?:if|unless|(?:as|so)\s+long\s+as|provided(?:\s+that)?|providing(?:\s+that)?"
    r"|on\s+condition\s+that)"
)
# A condition set after the act in its own clause, with no comma: "you can collect without the
# ticket *as long as you* bring photo ID", "we can skip it *provided you* sign the waiver".
# ("If" there is a clause of its own.)
_CONDITION_AFTER = compile_verbose(
    rf"""\b(?!if\b|unless\b){_CONDITION_PROPER}\s+
        (?:you|you've|you're|you'd|we|they|he|she|it|(?:your|the)\s+[\w-]+)\b"""
)
_OPENS_A_CONDITION_PROPER = compile_verbose(rf"^\W*{_CONDITION_PROPER}\b")


def opens_a_condition_proper(clause: str) -> bool:
    """Whether a clause opens with "if", "unless", "provided", "as long as": not a time clause.

    Args:
        clause: The text of a clause.
    """
    return _OPENS_A_CONDITION_PROPER.match(clause) is not None


def has_condition_after(segment: str, offset: int) -> bool:
    """Whether a condition follows ``offset`` in its clause ("…as long as you bring photo ID").

    Args:
        segment: The text of a clause.
        offset: Where the act ends in it.
    """
    return _CONDITION_AFTER.search(segment, offset) is not None


def within_a_condition_after(segment: str, offset: int) -> bool:
    """Whether ``offset`` lies in a condition set after the act, in its clause.

    "We can take a dog as long as you book *the pet pack*": what the condition names is the
    condition's, not the act's.

    Args:
        segment: The text of a clause.
        offset: Where a word starts in it.
    """
    return _CONDITION_AFTER.search(segment, 0, offset) is not None


# A requirement the act waits on, said before it: "we need Graham's signed consent before we
# release his audiogram", "we'll need the new prescription before we can send a different
# power", "we require a deposit before we start".
_REQUIRED_BEFORE = compile_verbose(
    r"""\b(?:(?:need|needs|require|requires)(?!\s+to\b)
          |(?:need|needs|have|has|must)\s+(?:to\s+)?(?:have|see|receive|get))\b[^.!?;]{1,120}?
        \bbefore\s+(?:we|i|they|our\s+[a-z]+)\s+(?:can\s+|could\s+|are\s+able\s+to\s+|'re\s+able\s+to\s+)?
        (?:[\w'-]+\s+){0,4}?$""",
    from_end=True,
)


def waits_on_a_requirement(segment: str, offset: int) -> bool:
    """Whether the act at ``offset`` follows "need … before we", which it waits on.

    "We need his signed consent before we release his audiogram": the release is
    conditional on the consent (SPEC §3), not agreed to.

    Args:
        segment: The text of a clause (or a sentence).
        offset: Where the act's words start in it.
    """
    return _REQUIRED_BEFORE.search(segment, max(0, offset - 200), offset) is not None


def invites(text: str) -> bool:
    """Whether a clause invites the customer to act ("just reply to confirm", "please send…").

    An invitation is a condition of what follows it ("just reply to confirm and I'll close the
    account"), not of what came before ("I can waive the fee - just reply to confirm").
    """
    return _INVITATION.match(text) is not None

# A negation of the verb: not, n't, never, cannot, unable.
_NEGATION = compile_alternatives(
    r"""\b(?:not|never|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't
        |shouldn't|wouldn't|couldn't|haven't|hasn't|unable|no\s+longer|nor|neither|none\s+of
        # "Unlikely" says it probably won't, and licenses "any" and "ever" as "not" does:
        # "it's unlikely to arrive before the weekend".
        |unlikely)\b
      # An existential with a negative quantifier negates its clause as "no" does (CGEL ch. 5,
      # 9): "there's nobody on the road tonight", "there's nothing we can do before Monday".
      | \b(?:there(?:'s|\s+is|\s+are|\s+was|\s+were)|(?:i|we)\s+(?:have|had))\s+(?:no|nobody|no\s+one|nothing|none)\b
      # A subject led by "no" negates its clause: "no hearing aid gives perfect hearing back",
      # "nobody can promise that". ("No problem", "no worries" are set aside before.)
      | ^\W*(?:no\s+(?!(?:rush|need|stress|charge|cost|fee|extra)\b)[a-z]+(?:\s+[a-z]+)?\s+
          (?:can|will|could|would|is|are|was|were|has|have|[a-z]+s)\b
        # ...and so does "none" said alone: "none in stock right now, but…".
        | (?:nobody|no\s+one|nothing|none)\b)
      | n't\b"""
)
# Phrases that contain a negation word but agree or comfort rather than negate.
_NOT_NEGATION = compile_verbose(
    r"""\b(?:no\s+(?:problem|worries|trouble)|not\s+a\s+problem|don't\s+(?:worry|hesitate|fret)
        |not\s+only|never\s+mind|why\s+not|can't\s+wait|won't\s+regret|couldn't\s+agree
        |if\s+not|or\s+not|not\s+to\s+worry)\b
      # Reassurance says yes: "a couple won't hurt", "that shouldn't be a problem", "it's not an
      # issue".
      | \b(?:won't|wouldn't|shouldn't|doesn't|isn't|is\s+not|'s\s+not|will\s+not|should\s+not)
        \s+(?:hurt|matter|be\s+(?:a\s+|an\s+|any\s+)?(?:problem|issue|bother)s?|an?\s+(?:problem|issue))\b
      # A question embedded after a verb of finding out holds its own negation, not the
      # clause's (CGEL ch. 11): "we'll look into why your tutor didn't show".
      | \b(?:look(?:ing)?\s+into|find(?:ing)?\s+out|check(?:ing)?|investigat\w*|ask(?:ing)?
          |work(?:ing)?\s+out|figur\w*\s+out|dig(?:ging)?\s+into|review(?:ing)?|understand|explain)
        \s+(?:why|whether|how\s+come)\b[^,;.!?]*
      # ...and so does a non-finite clause bid on someone (CGEL ch. 9, on the scope of
      # negation): "I'll let the officers know not to fine you", "we'll ask the driver not to
      # ring the bell", "I've told the team not to charge you" undertake or report an act.
      | \b(?:(?:tell|told|telling|ask|asked|asking|remind|reminded|instruct|instructed)\s+
          (?:(?!not\b|never\b|[\w'-]*n't\b)[\w'-]+\s+){1,4}?
        | let\s+(?:(?!not\b|never\b|[\w'-]*n't\b)[\w'-]+\s+){1,4}?know\s+)
        not\s+to\b"""
)

_FIRST_PERSON_FUTURE = compile_verbose(
    r"""\b(?:i|we)\s*(?:'ll|\s+will|\s+shall|'m\s+going\s+to|\s+am\s+going\s+to|'re\s+going\s+to
        |\s+are\s+going\s+to|(?:'d|\s+would)\s+be\s+(?:more\s+than\s+)?(?:happy|glad|pleased|delighted)
          \s+to)\b
        (?!\s+(?:need|have\s+to|be\s+(?:here|happy|glad|available|around)|require))
      | ^\W*let\s+me\s+(?!know\b)
      | \b(?:i|we)\s+(?:personally\s+)?(?:guarantee|promise)\b(?!\s+(?:you\s+)?(?:that\s+)?(?:i|we)\s+(?:will|'ll))"""
)
_OTHER_FUTURE = compile_verbose(
    # "You'll want Roam Pass", "you'll need your booking number", "you'll love it": advice or a
    # guess about the customer, nothing anyone undertakes.
    r"""\b(?:will|'ll|shall|is\s+going\s+to|are\s+going\s+to)\s+(?!you\b)
        (?!(?<=\byou(?:'ll|\s+will)\s+)(?:want|need|love|like|enjoy|have\s+to|probably|just\s+need)\b)
        # What something will need or have to do is a requirement, nobody's undertaking: "the
        # paint will need to stay behind", "it'll have to be signed for".
        (?!(?:need|have|require)\s+to\b)
        (?:\d+\s?%\s+)?[a-z]+\b
      # (Money "hits" an account as it lands in one: "it'll hit your card by Friday".)
      | \bshould\s+(?!you\b)(?:\w+\s+){0,2}?(?:be|arrive|reach|get|come|land|show|appear|take
           |clear|go\s+through|hit)\w*\b
      | \b(?:it|they|he|she)'ll\b(?!\s+(?:need|have|require)\s+to\b)
      | \b(?:is|are|'s|'re)\s+(?:guaranteed|certain|sure|set|scheduled|due)\s+to\s+[a-z]+\b"""
)
_RECEIVE = compile_verbose(
    r"""\byou(?:'ll|\s+will|\s+should|'re\s+going\s+to|\s+are\s+going\s+to)\s+(?:\w+\s+)?
        (?:get|receive|have|see|hear|be\s+(?:getting|receiving|contacted|called|refunded|credited)
          |find|notice)\b"""
)
_OFFER = compile_alternatives(
    # ("I'm happy to", with the verb run into the pronoun, as much as "I am happy to".)
    r"""\b(?:i|we)(?:\s+|(?='))(?:can|could|am\s+able\s+to|are\s+able\s+to|'m\s+able\s+to
        |'re\s+able\s+to|(?:am|'m|are|'re)\s+(?:more\s+than\s+)?(?:happy|glad|pleased|delighted)\s+to
          # "I'm pleased to say it's fixed" reports news; it offers nothing.
          (?!\s+(?:say|report|announce|inform|tell\s+you)\b)
        |'d\s+like\s+to\s+offer|would\s+like\s+to\s+offer|want\s+to\s+offer|'m\s+offering
        |are\s+offering
        # Leave given for now, as an offer is: "we're letting players use smoke grenades", "we
        # are allowing early check-in this week".
        |(?:am|'m|are|'re)\s+(?:now\s+|also\s+|even\s+)?(?:allowing|permitting
          # (Not news: "I'm letting you know it shipped".)
          |letting(?!\s+(?:\w+\s+){1,2}(?:know|down)\b)))
        \s+(?!only\b)\w+
      | \bhow\s+about\s+(?:i|we)\b
      # ...or its verb joined to another with the subject shared: "we've got an opening *and can
      # start* the job on Monday".
      | \b(?:i|we)(?:'ve|'m|'re|\s+\w+)\s[^,.;:!?]{0,40}?\band\s+(?:can|could)\s+(?!only\b|not\b)[a-z]+
      # Not a subordinate "I can", which offers nothing: "as soon as I can", "whatever we can".
      | (?<!\b(?:soon\s+as|quickly\s+as|fast\s+as|much\s+as|when|whenever|if|whatever|what
          |everything|anything|all|best)\s+)\b(?:i|we)\s+can\b(?!\s+only\b)
      | \b(?:would|do)\s+you\s+(?:like|want)\s+(?:me|us)\s+to\b | \bshall\s+(?:i|we)\b
      | \bwant\s+me\s+to\b
      | \bcan\s+be\s+(?:arranged|organi[sz]ed|sorted|set\s+up|done\s+for\s+you)\b
      # "Here's a code for 15% off", not a noun phrase's "here" of place: "an MOT here is £40",
      # "the setup price here is $60" ("as an apology here's a code" still hands one over).
      | (?<!(?<!\b(?:as|for|in|with|by|to|from|of)\s+)
            \b(?:a|an|the|our|your|my|this|that|every|each|any|some)\s+
            (?:[\w'-]+\s+){0,3}(?!(?:and|so|but|or|then)\s)[\w'-]+\s+
          | \b\w+'s\s+[\w-]+\s+)
        \bhere(?:'s|\s+is|\s+are)\b
      | ^\W*(?:just\s+)?use\s+(?:the\s+)?(?:code|coupon|voucher\s+code|promo\s+code)\b
      | ^\W*(?:would|how\s+about|what\s+about)\b(?=[^?]*(?:\d|%|\bfree\b|\boff\b))
      | ^\W*(?:would\s+it\s+help|would\s+that\s+help|how\s+about|what\s+about|shall)\s+(?:if\s+)?(?:i|we)\b
      | \b(?:someone|somebody|an?\s+\w+|the\s+\w+|our\s+\w+|they|he|she)\s+(?:can|could)\s+
        (?:come|visit|be\s+(?:there|with\s+you)|call|ring|phone|pop|stop|drop
          # ...or bring the customer's thing to an end: "our tech can have the repair done
          # within 3 days", "the workshop could get it back to you by Friday".
          |(?:have|get)\s+(?:it|this|that|them|the\s+[\w-]+|your\s+[\w-]+)\s+
            (?:done|ready|finished|fixed|repaired|sorted|back)
        )\b"""
)
# A perfect inside a time clause is when, not what was done: "estimates take one business day
# *after we've walked* the property".
_IN_A_TIME_CLAUSE = r"(?<!\b(?:after|once|when|whenever|until|till|since|before|as\s+soon\s+as)\s+)"
_DONE = compile_alternatives(
    rf"""{_IN_A_TIME_CLAUSE}\b(?:i|we)(?:'ve|\s+have|\s+had|'d)?\s+(?:just\s+|now\s+|already\s+|also\s+|gone\s+ahead\s+and\s+)?
        (?:added|applied|issued|sent|posted|refunded|credited|booked|arranged|started|processed
          |cancel+ed|waived|removed|changed|updated|upgraded|given|made|put|placed|scheduled|logged
          |raised|escalated|submitted|filed|ordered|reserved|transferred|initiated|requested
          |reimbursed|replaced|reissued|emailed|texted|forwarded|asked|noted|flagged|taken|done
          |confirmed|adjusted|reversed|extended|switched|set\s+up|included|granted|offered|credited)\b
      | {_IN_A_TIME_CLAUSE}\b(?:i|we)(?:'ve|\s+have)\s+(?:just\s+|now\s+|already\s+|also\s+|only\s+
        |gone\s+ahead\s+and\s+)?(?:[a-z]+ed|paid|sent|made|given|put|set|done|taken|bought|sold|left|kept|lent|spent|told
          |brought|got|gotten|written|sorted|refunded|found|won|chosen|drawn|shown|seen|held|met
          |built|sent|read|reset|split|cut|let|shut|spread|begun|run|torn|thrown|stuck)\b
      | \b(?:has|have)\s+(?:now\s+|just\s+|already\s+)?been\s+\w+(?:ed|en|t)\b
      | \b(?:i|we)(?:'ve|\s+have)\s+(?:now\s+|just\s+)?been\s+able\s+to\s+\w+
      # Being done for this customer as the reply is written: "I'm applying a 25% discount to
      # your monitoring", "we're adding a £90 voucher to your account" (not "we're offering 20%
      # off this month", said to everyone).
      | {_IN_A_TIME_CLAUSE}\b(?:i|we)(?:'m|'re|\s+am|\s+are)\s+(?:just\s+|now\s+|also\s+)?
        (?:adding|applying|issuing|sending|refunding|crediting|booking|processing|waiving|upgrading
          |extending|giving|reserving|reversing|adjusting|putting|taking)\b
        (?=[^,;.!?]*\b(?:you|your)\b)
      # ...with any verb, when the clause says it is happening right now (the progressive of
      # an act in progress, CGEL ch. 4): "I'm popping a £30 credit onto your account right
      # now", "we're sorting out your refund right now".
      | {_IN_A_TIME_CLAUSE}\b(?:i|we)(?:'m|'re|\s+am|\s+are)\s+(?:just\s+|also\s+)?
        (?!(?:going|hoping|wondering|thinking|guessing|assuming|writing|reaching|looking|trying
          |working|waiting|checking|afraid|sorry|happy|glad)\b)[a-z]{{3,}}ing\b
        (?=[^,;.!?]*\b(?:you|your)\b)(?=[^.!?]*\bright\s+now\b)
      | \b(?:went|came|arrived|left|departed)\s+(?:off|out|back|in|through|ahead)\b
      # Done for the customer, said in the passive: "site 22 is held for you", "it's booked in".
      | \b(?:is|are|'s|'re)\s+(?:now\s+|all\s+)?(?:held|booked|reserved|confirmed|set\s+aside|saved
        |arranged|added|applied|waived|refunded|credited|upgraded|extended)\s+(?:in\s+)?for\s+you\b
      | \b(?:was|were)\s+(?:just\s+|already\s+)?(?:processed|sent|issued|refunded|credited|paid
        |approved|cancel+ed|dispatched|shipped|posted|completed|booked|added|applied|released)\b
      | \b(?:it|they|he|she|this|that|your\s+\w+)(?:'ve|\s+have|'s|\s+has)\s+(?:already\s+|just\s+|now\s+)?
        (?:\w+ed|received|got|gotten|sent|paid|arrived|gone)\b
      # ...or any thing's: "refund's gone through", "payment's been processed".
      | \b[a-z]+(?:'s|\s+has)\s+(?:already\s+|just\s+|now\s+)?(?:gone\s+(?:through|out|off|back)
        |been\s+\w+(?:ed|en|t))\b
      # What the customer has received is an outcome; what they have done ("a class you've
      # booked") is their own act, done for nobody.
      | \byou(?:'ve|\s+have)\s+(?:already\s+|just\s+|now\s+)?(?:received|got|gotten|been\s+\w+)\b"""
)

# Quotation or report of what someone else said.
_REPORTED = compile_verbose(
    # (Not what is conceded: "no matter what the agent says", "whatever they said".)
    r"""(?<!\b(?:no\s+matter\s+what|whatever|regardless\s+of\s+what|despite\s+what|even\s+if)\s+)
    \b(?:you|they|he|she|someone|(?:the|an?|our|your|their|my|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+
        # A passive ("the treatment is quoted separately", "it's stated on the receipt") reports
        # no one's words.
        (?<!\b(?:is|are|be|been|being|was|were|gets?|got)\s+)
        (?:said|says|told|mentioned|promised|claimed|wrote|writes|stated|states|were\s+told
          |was\s+told|quoted|assured
          # An emphatic "do": "my colleague did mention a 15% discount".
          |(?:did|does|do)\s+(?:say|tell|mention|promise|claim|write|state|quote))\b
      | \baccording\s+to\b | \byou\s+were\s+(?:told|promised|quoted|informed)\b
      # A message that said it: "the message you got saying 2 days was wrong", "an email
      # saying it had shipped" (not one still to be sent: "we'll text you a link saying when").
      | (?<!\b(?:will|'ll|going\s+to|shall)\b[^.!?]*)
        \b(?:the|an?|your|their|that|this|his|her|my)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+saying\b"""
)
_REPORTED_HINT = regex.compile(
    r"(?i)\b(?:said|says|saying|told|mentioned|promised|claimed|wrote|writes|stated|states|quoted"
    r"|assured"
    r"|according|informed|(?:did|does|do)\s+(?:say|tell|mention|promise|claim|write|state|quote))\b"
)
# A piece of every match of _REPORTED_HINT, in lower case.
_REPORTED_CUES = (
    "said", "say", "told", "tell", "mention", "promis", "claim", "wrote", "write", "state",
    "quot", "assured", "according", "informed",
)  # fmt: skip


def _may_report(text: str) -> bool:
    """Whether _REPORTED_HINT matches ``text``: at once false for ASCII text without a cue."""
    if text.isascii() and not any(cue in text.lower() for cue in _REPORTED_CUES):
        return False
    return _REPORTED_HINT.search(text) is not None


_QUOTED = regex.compile(r'"[^"\n]{1,300}"|(?<![\w])\'[^\'\n]{3,200}\'(?![\w])')

_AGREEMENT = compile_verbose(
    # A greeting may come first: "Hi Jordan, yes you can!", "hiya, yes we can do that", "Hi
    # Tom \u2013 yes, no problem".
    rf"""^\W*(?:(?:{alternation(GREETINGS)})(?:\s+[\w.'-]+)?\s*[,!\u2013\u2014-]\s*)?
        # ...and so may an interjection, alone or with a word of delight: "Ha, totally
        # fine!", "Oh, of course", "Aww, sure", "oh nice, yeah", "ah lovely, sure".
        (?:(?:ha(?:ha)*|ah|oh|ooh|aw+)(?:\s+{alternation(DELIGHT_WORDS)})?\s*[,!]?\s+)?
        # ...and so may a remark of delight of its own, set off by a comma or a dash: "Sounds
        # awesome, go for it!", "Ha, love it, sure!", "Love that idea - of course".
        (?:(?:(?:sounds|looks)\s+(?:so\s+|really\s+)?{alternation(DELIGHT_WORDS)}
            |love\s+(?:it|that|this)(?:\s+idea)?)
          \s*[,!\u2013\u2014-]+\s*)?
        # ...and a word of candour: "honestly that's fine", "honestly, no problem at all".
        (?:honestly\s*,?\s+)?
        # ...and so may an acknowledgement: "Totally hear you - no problem", "I understand,
        # sure".
        (?:(?:totally|completely|absolutely|i)\s+(?:get\s+it|hear\s+you|understand)
          \s*[,!.:;\u2013\u2014-]+\s*)?
        (?:yes|yeah|yep|sure(?:\s+thing)?|of\s+course
        # (An adverb before a verb of understanding is sympathy: "totally understand the
        # frustration", "absolutely get why".)
        |(?:absolutely|certainly|definitely|totally)
          (?!\s+(?:understand|get|agree|see|hear|appreciate|know|feel|relate|sympathi[sz]e)\b)
        |no\s+problem
        |not\s+a\s+problem|ok(?:ay)?|done|will\s+do|consider\s+it\s+done|happy\s+to|gladly
        |that(?:'s|\s+is)\s+(?:fine|ok(?:ay)?|no\s+problem|not\s+a\s+problem|all\s+right|alright)
        |fair\s+enough|sounds\s+good|go\s+for\s+it|why\s+not|all\s+done|easy|sorted|deal|can\s+do
        # "Sounds like a plan!", "I don't see why not", "we don't see a problem with that".
        |sounds\s+like\s+a\s+(?:(?:good|great|solid)\s+)?plan
        |(?:i|we)\s+(?:don't|do\s+not|can't|cannot)\s+{alternation(NO_OBJECTION)}
        |you\s+bet|for\s+sure|indeed
        |(?:ha|haha|ah|oh),?\s+(?:fair\s+enough|sure|ok(?:ay)?|no\s+problem)
        |that\s+works|fine\s+by\s+(?:me|us)
        |(?:that|it|this)\s+(?:won't|shouldn't|wouldn't|will\s+not|should\s+not)\s+be\s+(?:a|an|any)
          \s+(?:problem|issue|bother)
        |you\s+got\s+it|right\s+away|no\s+worries|perfect|great\s+news
        # Taking the request on: "Leave it with me, I'll get it sorted".
        |leave\s+it\s+with\s+(?:me|us)
        # Leave given: "Go on then, it's a special occasion", "Go ahead!" ("go ahead and
        # book it" and "go ahead with the repair" say what to do, not yes).
        |go\s+on\s+then|go\s+ahead(?!\s+(?:and|with)\b))\b
      # A short "we can" on its own: "We sure can!", "We can do that.", "I certainly can."
      | ^\W*(?:i|we|you)\s+(?:sure|certainly|absolutely|definitely|totally)?\s*(?:can|do|will)
          (?:\s+(?:certainly|definitely|absolutely))?(?:\s+do\s+(?:that|it|this))?\s*(?:[!.,]|$)"""
)


@attrs.frozen
class SegmentFacts:
    """One clause of a sentence.

    Attributes:
        start: Offset of its first character (normalised text).
        end: Offset just past it.
        text: Its text.
        mood: What it does (see :data:`Mood`).
        first_person: Whether the business ("I", "we") is its subject.
        negated: Whether its verb is negated.
        condition: Whether it is a condition ("if you renew", "once it's back").
    """

    start: int
    end: int
    text: str
    mood: Mood
    first_person: bool
    negated: bool
    condition: bool

    @property
    def undertakes(self) -> bool:
        """Whether the business offers or promises something here, unnegated and on no condition.

        "We can rekey today", "we'll move you to another room": not "we can't", not "if you
        book today, we'll…".
        """
        return (
            self.first_person
            and self.mood in ("offer", "future")
            and not self.negated
            and not self.condition
        )


def _segment_start(segment: SegmentFacts) -> int:
    return segment.start


def _segment_end(segment: SegmentFacts) -> int:
    return segment.end


@attrs.frozen
class SentenceFacts:
    """Everything the rules need to know about one sentence.

    Attributes:
        index: Position of the sentence in the reply (0-based).
        start: Offset of its first character (normalised text).
        end: Offset just past it.
        text: Its text.
        tokens: Its words.
        segments: Its clauses, in order.
        terms: Policy terms found in it, outside quotations.
        mentions: Quantities, deadlines and relative times in it, outside quotations.
        reported: Whether it reports what someone else said.
        agreement: Whether it opens by agreeing ("Sure", "Of course", "Yes").
        question: Whether it is a question.
        quoted: Spans (normalised offsets) of the quotations in it.
    """

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    segments: tuple[SegmentFacts, ...]
    terms: tuple[TermMatch, ...]
    mentions: tuple[Mention, ...]
    reported: bool
    agreement: bool
    question: bool
    quoted: tuple[tuple[int, int], ...] = ()

    def in_quotes(self, start: int, end: int) -> bool:
        """Whether the span ``start:end`` (normalised offsets) lies inside a quotation."""
        return any(qs <= start and end <= qe for qs, qe in self.quoted)

    def segment_at(self, offset: int) -> SegmentFacts:
        """The segment that contains ``offset`` (found by bisection: segments are in order).

        An offset between two segments (in the "and" that joins them) gets the last segment.
        """
        at = bisect.bisect_right(self.segments, offset, key=_segment_start) - 1
        if at >= 0 and self.segments[at].start <= offset < self.segments[at].end:
            return self.segments[at]
        # Segments do not overlap, so none other holds the offset: a scan of them all, once
        # for each of thousands of times in a sentence, found none and was quadratic.
        return self.segments[-1]

    def index_of(self, segment: SegmentFacts) -> int:
        """Where ``segment`` stands in :attr:`segments` (found by bisection, not by a scan).

        Raises:
            ValueError: When it is not one of this sentence's segments.
        """
        at = bisect.bisect_left(self.segments, segment.start, key=_segment_start)
        if at < len(self.segments) and self.segments[at] == segment:
            return at
        raise ValueError(f"not a segment of sentence {self.index}: {segment.text!r}")

    def index_holding(self, offset: int) -> int | None:
        """The index of the segment that holds ``offset``, or None when it falls between two."""
        at = bisect.bisect_right(self.segments, offset, key=_segment_start) - 1
        if at >= 0 and offset < self.segments[at].end:
            return at
        return None

    def ended_by(self, offset: int) -> int:
        """How many segments end at or before ``offset``: the first ones, as they are in order."""
        return bisect.bisect_right(self.segments, offset, key=_segment_end)

    @property
    def conditional(self) -> bool:
        """Whether any segment of the sentence is a condition."""
        return any(s.condition for s in self.segments)

    @property
    def commits(self) -> bool:
        """Whether any segment commits the business (future, offer, done or receive) unnegated."""
        return any(
            s.mood != "statement" and not s.negated and not s.condition for s in self.segments
        )


# Where the main clause of a condition written without a comma starts: the business or the
# customer as subject with a modal ("if you stay on i can put a credit on", "once it's back
# we'll…", "once that's paid you can request the unlock"), or a fee or outcome that exists
# then ("if you leave early there's an exit fee of £75", "if you cancel after that it'll be
# charged in full").
_MAIN_AFTER_CONDITION = compile_verbose(
    r"""\s(?=(?:i|we|you)(?:'ll|'d|\s+(?:can|could|will|would|shall|may|might)\b)
          |there(?:'s|'ll\s+be|\s+(?:is|are|will\s+be|would\s+be)\b)
          |(?:it|that)(?:'ll|\s+will)\b)"""
)


_TWO_WORDS = regex.compile(r"\s+\S+\s+\S+")


def _main_after_condition(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A condition clause and the main clause that follows it without a comma, split."""
    piece = text[start:end]
    opener = _CONDITION.match(piece)
    if not opener:
        return [(start, end)]
    # The condition has a subject and a verb of its own before its main clause starts.
    body = _TWO_WORDS.match(piece, opener.end())
    main = _MAIN_AFTER_CONDITION.search(piece, body.end()) if body else None
    if main is None:
        return [(start, end)]
    return [(start, start + main.start()), (start + main.end(), end)]


def split_segments(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence, shifted by ``offset``."""
    spans = []
    cursor = 0
    # An aside in brackets is one piece of its clause, whatever marks it holds: "the packing
    # kit (30 boxes, tape, paper) is £65".
    asides = [m.span() for m in _ASIDE.finditer(text)] if "(" in text else []
    aside = 0
    for match in _SEGMENT_BREAK.finditer(text) if _may_break(text) else ():
        while aside < len(asides) and asides[aside][1] <= match.start():
            aside += 1
        if aside < len(asides) and asides[aside][0] < match.start():
            continue
        # The words just before the break decide ("as soon | as it arrives" is one
        # condition); looking only that far back keeps a long sentence linear.
        window = max(0, match.start() - _NOT_A_BREAK_REACH)
        if match["conj"] is not None and _NOT_A_BREAK.search(text, window, match.start()):
            continue
        if match["conj"] is not None and _AS_A_ROLE.match(text, match.end()):
            continue  # "put them down *as your guests* for Friday": a role, not a clause
        if (
            match["conj"] is not None
            and _IF_AFTER.match(text, match.end())
            and _WHETHER_IF_BEFORE.search(text, window, match.start())
        ):
            continue  # "to see if it's been handed in": whether, no condition
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < len(text):
        spans.append((cursor, len(text)))
    spans = [part for span in spans for part in _main_after_condition(text, *span)]
    result = []
    for start, end in spans:
        piece = text[start:end]
        # The joining word belongs to neither clause: "…today, and the money will…".
        joint = _JOINT.match(piece)
        if joint and joint.end() < len(piece):
            start += joint.end()
            piece = piece[joint.end() :]
        stripped = piece.strip(" ,.!?")
        if not stripped:
            continue
        lead = piece.find(stripped)
        result.append((offset + start + lead, offset + start + lead + len(stripped)))
    return result or [(offset, offset + len(text))]


# Words without which a mood's pattern cannot match; a set look-up is far cheaper
# than running the pattern over a clause that could never match it.
_FUTURE_WORDS = frozenset(
    {
        "will",
        "i'll",
        "we'll",
        "shall",
        "going",
        "let",
        "it'll",
        "they'll",
        "guarantee",
        "promise",
        "he'll",
        "she'll",
        "you'll",
        # A relative clause's future: "an engineer *who'll* be there within 4 hours".
        "who'll",
        "that'll",
        "there'll",
        "should",
        "would",
        "i'd",
        "we'd",
        "guaranteed",
        "certain",
        "sure",
        "set",
        "scheduled",
        "due",
    }
)
_OFFER_WORDS = frozenset(
    {
        "can",
        "could",
        "able",
        "happy",
        "glad",
        "pleased",
        "delighted",
        "offer",
        "offering",
        "letting",
        "allowing",
        "permitting",
        "about",
        "would",
        "do",
        "shall",
        "want",
        "here's",
        "here",
        "how",
        "what",
        "use",
    }
)
_DONE_WORDS = frozenset(
    {
        "was",
        "were",
        "went",
        "came",
        "arrived",
        "left",
        "departed",
        "i",
        "we",
        "i've",
        "we've",
        "i'm",
        "we're",
        "have",
        "has",
        "had",
        "you've",
        "it's",
        "you",
        "it",
        "they",
        "he",
        "she",
        "this",
        "that",
        "your",
        "they've",
        # "refund's gone through", "payment's been reversed": any thing's perfect tense.
        "gone",
        "been",
    }
)


_PUNCTUATION = '.,!?;:()[]"*_'


# A limit as the subject of its clause: "The most we can put on your account is $100" states
# the rule; its "we can" sits inside the noun phrase, and offers nothing.
_LIMIT_SUBJECT = compile_verbose(
    r"""^\W*(?:but\s+|and\s+|so\s+|though\s+|although\s+|however,?\s+)?
        (?:the|our)\s+(?:most|maximum|max|limit|highest|biggest|largest|cap)\b
        [^.!?]*?\s(?:is|are|was|would\s+be|'s)\s"""
)


# A wish contrary to fact commits to nothing: "I wish I could get you better seats", "if
# only we were able to refund it".
_COUNTERFACTUAL = regex.compile(
    r"(?i)\b(?:(?:i|we)\s+(?:really\s+|truly\s+|do\s+|so\s+)?wish\s+(?:that\s+)?|if\s+only\s+)"
    r"(?:i|we)(?:\s+(?:could|were\s+able\s+to|had|did|was|were)|'d)\b"
)


def is_counterfactual(text: str) -> bool:
    """Whether a clause wishes something contrary to fact ("I wish I could…", "if only we…").

    Args:
        text: A clause of a sentence.
    """
    lowered = text.lower()
    return ("wish" in lowered or "only" in lowered) and bool(_COUNTERFACTUAL.search(text))


def _mood(text: str) -> tuple[Mood, bool]:
    if _LIMIT_SUBJECT.search(text) or is_counterfactual(text):
        return "statement", False
    words = {w.strip(_PUNCTUATION) for w in text.lower().split()}
    # A clause that has done something and will do more ("has been packed and will be
    # delivered…") is read by its future: that is the part the customer can hold us to.
    future = not words.isdisjoint(_FUTURE_WORDS)
    if future and _FIRST_PERSON_FUTURE.search(text):
        return "future", True
    if not words.isdisjoint(_OFFER_WORDS) and _OFFER.finds_any(text):
        return "offer", True
    if future and _RECEIVE.search(text):
        return "receive", False
    if future and _OTHER_FUTURE.search(text):
        return "future", False
    if not words.isdisjoint(_DONE_WORDS) and _DONE.finds_any(text):
        return "done", True
    return "statement", bool(_FIRST_PERSON_START.match(text))


# A causative verb, whose object is a thing and the state it is brought to: "we'll *have*
# your bike serviced", "I'll *get* the forms signed".
_CAUSATIVE = regex.compile(r"(?i)\b(?:have|get)\b")
# A piece that is only a time or a place, cut off from its clause by the commas of a list
# before it: "I've booked a review for you, your dad and his nurse, Niamh, *on Wednesday
# 28th October at 2pm in the family room*". It has no verb of its own.
_ONLY_WHEN_OR_WHERE = compile_verbose(
    r"""^\W*(?:on|at|by|from|before|until|till)\s+
        (?:(?!(?:is|are|was|were|be|been|will|can|could|would|should|shall|may|might|must|has
          |have|had|do|does|did|i|we|you|they|he|she|it|there|this|that)\b)[\w'-]+\W*){1,10}$"""
)
# Words with no verb among them, as far as can be told without a dictionary: no auxiliary,
# pronoun subject or relative, and no word in "-s" or "-ed" that may be a verb ("your mum on
# Thursday at 10am", but not "your mum comes on Thursday").
_NOTHING_BUT_A_NOUN_PHRASE = compile_verbose(
    r"""^\W*(?:(?!(?:is|are|was|were|be|been|being|am|will|would|can|could|shall|should|may
          |might|must|has|have|had|do|does|did|i|we|you|they|he|she|it|there|this|that|who
          |which|what|when|where|if|so|then|but)\b)(?![\w'-]*(?:'s|'re|'ve|'d|'ll|'m|n't|s|ed)\b)
        [\w'-]+\W*){1,8}$"""
)
# The most words an item of a list cut off by commas has ("your dad and his key nurse"), and
# the most items read back.
_LIST_ITEM_WORDS = 6
_LIST_ITEMS = 4


def _clause_before_a_list(segments: list[SegmentFacts]) -> SegmentFacts | None:
    """The clause that the short verbless pieces at the end of ``segments`` belong to, if any.

    Only a few pieces back are read, so a run of thousands costs the same for each.
    """
    for segment in reversed(segments[-_LIST_ITEMS - 1 :]):
        if segment.mood != "statement":
            return segment
        if len(segment.text.split()) > _LIST_ITEM_WORDS:
            return None
    return None


# A future "be" whose verb the next clause leaves out: "the hammers will be done and the action
# back in your piano in three weeks".
_WILL_BE = regex.compile(r"(?i)(?:\bwill|'ll)\s+be\b")
# A clause of a thing and its state alone, with no verb of its own: "the car ready for you by
# 5", "your feedback back to you by Wednesday", "the paperwork signed off".
_RESULT_ONLY = regex.compile(
    r"(?i)(?:the|your|his|her|their|its|our)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:ready|back|done|finished|sorted|fixed|[a-z]{3,}ed)\b"
)


# How far back in its own clause the words that bear on a figure are read (a negation, a verb
# of telling, of starting or of the past, the customer's own act): longer than any clause that
# is not a run-on, so that a clause of thousands of figures costs the same for each.
CLAUSE_REACH = 500

_FIRST_PERSON_START = regex.compile(r"(?i)\W*(?:i|we)\b")
_TRAILING_NO = regex.compile(r"(?i)\bno\s*$")


_SPACES = regex.compile(r"\s+")


def is_negated_before(text: str, offset: int) -> bool:
    """Whether a negation comes before ``offset`` in a clause ("can't guarantee", "no promise").

    In a clause that runs on, only the words in the :data:`CLAUSE_REACH` characters before
    ``offset`` are read: a clause of thousands of figures costs the same for each.
    """
    begin = 0
    if offset > CLAUSE_REACH:
        space = _SPACES.search(text, offset - CLAUSE_REACH, offset)
        begin = offset if space is None else space.end()  # cut no word
    # The space before the cut is kept, and read behind the first word: a clause opens with
    # "No one can…" only at its own start, not where the reading starts.
    kept = text[begin - 1 : begin] if begin else ""
    cleaned = kept + _NOT_NEGATION.sub(lambda m: " " * len(m.group()), text[begin:offset])
    return (
        _NEGATION.search(cleaned, len(kept)) is not None
        or _TRAILING_NO.search(cleaned, len(kept)) is not None
    )


# A negated verb right after a figure that is its subject: "Friday isn't doable", "tomorrow
# won't be possible", "£20 is not enough"; or the figure judged too soon: "so Friday is
# unfortunately too soon"; with a pronoun standing for it, "by the 12th it's too tight",
# "for Friday that's too soon".
_DENIED_AFTER = compile_verbose(
    r"""\W{0,2}\s*(?:(?:it|that|this)(?=['\s])\s*)?(?:isn't|is\s+not|'s\s+not|aren't|are\s+not|won't|will\s+not|wouldn't|would\s+not
        |can't|cannot|doesn't|does\s+not
        |(?:is|'s|are|'re|would\s+be|will\s+be)\s+(?:\w+\s+)?too\s+(?:soon|early|tight|quick|short|late)
        # ...or judged unlikely in other words: "so Friday would be tight", "the 12th is a
        # stretch", "Monday's pushing it", "Tuesday is unlikely".
        |(?:is|'s|are|'re|would\s+be|will\s+be|looks)\s+(?:\w+\s+)?(?:tight|a\s+stretch|pushing\s+it
          |unlikely|ambitious|optimistic)
        # ...or sooner than can be done: "so 1 October is sooner than we can manage".
        |(?:is|'s|are|'re|would\s+be|will\s+be)\s+(?:\w+\s+)?(?:sooner|earlier|quicker|faster)\s+than
          \s+(?:we|i|they|anyone|our\s+\w+)\s+(?:can|could)\b)\b"""
)


def is_denied_after(text: str, offset: int) -> bool:
    """Whether the figure ending at ``offset`` is the subject of a negated verb ("Friday isn't doable").

    Args:
        text: A clause.
        offset: Where the figure ends in it.
    """
    return _DENIED_AFTER.match(text, offset) is not None


_NEGATION_HINT = regex.compile(
    r"(?i)n't|\b(?:not|never|cannot|unable|unlikely|no|nor|neither|nobody|nothing|none)\b"
)


def _negated(text: str) -> bool:
    if not _NEGATION_HINT.search(text):
        return False
    cleaned = _NOT_NEGATION.sub(" ", text)
    return _NEGATION.finds_any(cleaned)


def negated_outside(segment: SegmentFacts, start: int, end: int) -> bool:
    """Whether a clause is negated once the words in ``start:end`` (reply offsets) are set aside.

    A term can carry its own negation ("isn't on the agreement"); that does
    not make the clause around it a refusal.
    """
    a, b = max(start - segment.start, 0), max(end - segment.start, 0)
    return _negated(segment.text[:a] + " " + segment.text[b:])


def read_sentence(
    index: int,
    start: int,
    text: str,
    tokens: Sequence[Token],
    terms: Sequence[TermMatch],
    mentions: Sequence[Mention],
    *,
    commitments: bool = True,
) -> SentenceFacts:
    """Read one sentence.

    Args:
        index: Position of the sentence in the reply.
        start: Offset of the sentence in the normalised reply.
        text: The sentence's text.
        tokens: Its words (offsets in the normalised reply).
        terms: Policy terms found in it.
        mentions: Quantities found in it.
        commitments: Whether to work out what each clause commits to; a customer's
            message is read for what it asks, and its clauses are all statements.
    """
    # Most sentences quote nothing: an apostrophe inside a word is not a quotation mark.
    may_quote = '"' in text or " '" in text or text.startswith("'")
    quoted = (
        [(m.start() + start, m.end() + start) for m in _QUOTED.finditer(text)] if may_quote else []
    )

    quote_starts = [qs for qs, _ in quoted]

    def outside_quotes(a: int, b: int) -> bool:
        # Quotations are in order and apart: only the last one starting before b can overlap.
        before_b = bisect.bisect_left(quote_starts, b) - 1
        return before_b < 0 or quoted[before_b][1] <= a

    segments: list[SegmentFacts] = []
    for seg_start, seg_end in split_segments(text, start):
        seg_text = text[seg_start - start : seg_end - start]
        mood, first_person = _mood(seg_text) if commitments else ("statement", False)
        if (
            mood == "statement"
            and segments
            and segments[-1].mood == "future"
            and (_CAUSATIVE.search(segments[-1].text) or _WILL_BE.search(segments[-1].text))
            and _RESULT_ONLY.match(seg_text)
        ):
            # "We'll have the boiler serviced and the report emailed by noon": a thing and the
            # state it will be in, joined on to "have" or "get", is what the business will have
            # done; so is one joined on to "will be" ("the regulation will be done and the
            # action back in your piano in three weeks").
            mood, first_person = segments[-1].mood, segments[-1].first_person
        if (
            mood == "statement"
            and segments
            and segments[-1].mood != "statement"
            and _JOINED_BY_AND_OR.fullmatch(text, segments[-1].end - start, seg_start - start)
            and _NOTHING_BUT_A_NOUN_PHRASE.match(seg_text)
        ):
            # "I've booked a review with you and your mum on Thursday at 10am": "and" joins
            # a second person to the object, not a clause of its own; the act is the one
            # before it.
            mood, first_person = segments[-1].mood, segments[-1].first_person
        if (
            mood == "statement"
            and segments
            and segments[-1].mood == "future"
            and _JOINED_BY_A_COMMA.fullmatch(text, segments[-1].end - start, seg_start - start)
            and _MIDDLE_OF_A_SERIES.match(seg_text)
        ):
            # "We'll take the ring back, get it re-engraved and be in touch": the verbs of a
            # series share the subject and the "will" of its first.
            mood, first_person = segments[-1].mood, segments[-1].first_person
        if mood == "statement" and segments and _ONLY_WHEN_OR_WHERE.match(seg_text):
            # "…for you, your dad and his nurse, Niamh, on Wednesday at 2pm": the time of
            # the clause the list belongs to, whose act it is.
            owner = _clause_before_a_list(segments)
            if owner is not None:
                mood, first_person = owner.mood, owner.first_person
        segments.append(
            SegmentFacts(
                seg_start,
                seg_end,
                seg_text,
                mood,
                first_person,
                _negated(seg_text),
                # (Both of its kinds open at "^": a match at the start is the only one.)
                (
                    _CONDITION.match(seg_text) is not None
                    and not (
                        _POLITE_IF.match(seg_text)
                        and _POLITE_FRAME.search(text, 0, seg_start - start) is not None
                    )
                )
                # A noun phrase joined on to a condition is still part of it: "If you complete
                # all 12 classes | and the homework, we guarantee…".
                or (
                    bool(segments)
                    and segments[-1].condition
                    and mood == "statement"
                    and _NOUN_PHRASE_ALONE.match(seg_text) is not None
                    and _JOINED_BY_AND_OR.fullmatch(
                        text, segments[-1].end - start, seg_start - start
                    )
                    is not None
                ),
            )
        )
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group()), text) if quoted else text
    return SentenceFacts(
        index=index,
        start=start,
        end=start + len(text),
        text=text,
        tokens=tuple(tokens),
        segments=tuple(segments),
        terms=tuple(t for t in terms if outside_quotes(t.start, t.end)),
        mentions=tuple(m for m in mentions if outside_quotes(m.start, m.end)),
        reported=_may_report(unquoted) and _REPORTED.search(unquoted) is not None,
        agreement=bool(_AGREEMENT.search(text)),
        question=text.rstrip().endswith("?"),
        quoted=tuple(quoted),
    )


# "and" before a later act starts its own clause, whose time is its own: in "I'm working
# through the edits now and will send the gallery", "now" is the editing's.
_AND = regex.compile(r"(?i)\band\b")


def own_clause(text: str, act_start: int) -> str:
    """The part of ``text`` from the "and" that joins the act at ``act_start`` on.

    "I'm working through the edits now and will send the gallery": the sending's own
    clause is "and will send the gallery".

    Args:
        text: A clause of a sentence.
        act_start: Where the act starts in ``text``; its span may open with the "and"
            itself ("… and will send it").
    """
    joins = [m.start() for m in _AND.finditer(text, 0, act_start + len("and"))]
    return text[joins[-1] :] if joins else text


# A bullet's label before its answer: "VIP upgrade: …", "Moving the static IP: …".
_LABEL = regex.compile(r"^\W*[^:.!?\n]{1,40}:\s+")


def label_end(text: str) -> int | None:
    """Where a bullet's leading label ends ("VIP upgrade: unfortunately we can't…"), if any.

    Args:
        text: A sentence.

    Returns:
        The offset just past the label and the space after its colon, or None.
    """
    label = _LABEL.match(text)
    return label.end() if label else None


def unlabelled(text: str) -> str:
    """The text with a bullet's leading label blanked ("Cost: a static IP is $10").

    Args:
        text: A sentence.
    """
    label = _LABEL.match(text)
    return " " * label.end() + text[label.end() :] if label else text


# A possibility, not a claim: "it may arrive before Christmas", "it could be with you Friday".
_POSSIBLY = regex.compile(
    r"(?i)(?:\b(?:may|might)|(?<!\b(?:i|we)\s)\bcould)\s+(?:well\s+|even\s+|still\s+)?(?!not\b)[a-z]+"
)


def states_a_possibility(text: str) -> bool:
    """Whether a clause states a possibility, not a claim ("it may arrive before Christmas").

    Args:
        text: A clause of a sentence.
    """
    return _POSSIBLY.search(text) is not None


# A hedge of frequency makes a general statement: "we can usually have it boarded up within
# the hour", "it typically takes 7-10 days" describe the rule, not an undertaking (SPEC §3).
_HEDGED = regex.compile(
    r"(?i)\b(?:usually|typically|normally|generally|sometimes|occasionally|in\s+most\s+cases"
    r"|most\s+of\s+the\s+time"
    r"|tends?\s+to|on\s+average|as\s+a\s+rule)\b"
)


def is_hedged(text: str) -> bool:
    """Whether a clause is hedged as a general statement ("we can usually…", "typically").

    Args:
        text: A clause of a sentence.
    """
    return _HEDGED.search(text) is not None


# A clause of result: "so you can use them within 180 days", "so that you have until Friday",
# for whoever the customer acts for: "so they'll have 60 days to bring it back".
_RESULT = regex.compile(r"(?i)^\W*so\s+(?:that\s+)?(?:you|your|they|their|he|his|she|her)\b")


def states_a_result(text: str) -> bool:
    """Whether a clause opens as the result of the one before ("so you can…").

    Args:
        text: A clause of a sentence.
    """
    return _RESULT.search(text) is not None


# A condition someone other than the customer or the business meets: "once the gas line
# has been capped by a licensed fitter", "when the part arrives".
_OTHERS_CONDITION = regex.compile(
    r"(?i)^\W*(?:(?:and|but|so)\s+)?(?:if|once|when|whenever|after|as\s+soon\s+as"
    r"|provided(?:\s+that)?|as\s+long\s+as|so\s+long\s+as)\s+"
    # ("your electrician", "your GP": someone of the customer's, not the customer.)
    rf"(?!(?:you|u|ur|i|we|our|my)\b|your\s+(?!(?:[\w-]+\s+)?{alternation(OUTSIDE_PARTIES)}\b)"
    r"|(?:i|we|you)'\w+)"
)


# Someone else's past act, told as a fact: "your eye doctor changed your prescription", "the
# airline cancelled your flight", "your bank has reversed the payment". The subject is the
# customer's own contact or a named outside party, never the business or its people.
_SOMEONE_ELSE = regex.compile(
    r"(?i)^\W*(?:(?:and|but|so|since|because|as)\s+)?(?:your|the)\s+"
    r"(?!(?:[\w-]+\s+){0,2}?(?:team|staff|agent|agents|colleague|colleagues|manager|department"
    r"|store|shop|branch|office|advis[eo]r|rep|representative|engineer|technician|driver|courier"
    r"|system|app|website)\b)"
    # (A modal says what may be done, not what was: in "the lads can play unaccompanied" the
    # word of the term is no verb of theirs.)
    r"(?:(?!(?:can|could|may|might|must|shall|should|will|would)\b)[\w-]+\s+){1,3}?"
    r"(?:has\s+|have\s+|had\s+)?$"
)


_PAST_ONLY = frozenset(PAST_ONLY_VERBS)


def someone_else_did(text: str, verb: str) -> bool:
    """Whether a clause tells what someone outside the business did, up to its verb.

    "Your eye doctor changed your prescription, so we'll remake your lenses": the
    change is the doctor's, and the business only acts on it.

    Args:
        text: The clause, up to the verb.
        verb: The verb, as written ("changed", "went").
    """
    word = verb.lower()
    past = word.endswith("ed") or word in _PAST_ONLY
    return past and _SOMEONE_ELSE.match(text) is not None


def others_meet(text: str) -> bool:
    """Whether a condition is met by someone other than the customer or the business.

    "Once the gas line has been capped by a licensed fitter": a prerequisite, where "if you
    leave a five-star review" is the customer's own act.

    Args:
        text: A clause that states a condition.
    """
    return _OTHERS_CONDITION.match(text) is not None
