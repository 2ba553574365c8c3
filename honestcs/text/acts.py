"""Speech acts inside a sentence: refusals, reasons, guarantees, flattery, later acts.

Each detector is a named pattern over one sentence's normalised text and
returns spans (offsets within the sentence), so the rules never read raw
text themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TypeAlias

import regex

from honestcs._function_words import ENGLISH
from honestcs._grammar import (
    Alternatives,
    compile_alternatives,
    compile_verbose,
    ends_just_before,
    match_at,
)
from honestcs.text.lexicon import (
    ABSOLUTE_STATES,
    CATEGORY_PREPOSITIONS,
    CITED_DOCUMENTS,
    CITING_PREPOSITIONS,
    COMPLEMENT_NOUNS,
    DUTY_ADJECTIVES,
    GENERIC_DETERMINERS,
    GREETINGS,
    HEARSAY_FRAMES,
    HEDGE_VERBS,
    MOTIVE_NOUNS,
    NO_OBJECTION,
    NOT_REFUSAL_VERBS,
    PASSING_VERBS,
    PERSONAL_PRONOUNS,
    POINTING_BACK,
    POLICY_NOUNS,
    REPORT_FRAMES,
    SPECIFIC_DETERMINERS,
    SUBORDINATORS,
    alternation,
)
from honestcs.text.mentions import MONTH, WEEKDAY

__all__ = [
    "LIMITING_ONLY",
    "PRIVATE_AS_A_GROUND",
    "SECURITY_AS_A_GROUND",
    "PhrasePattern",
    "acknowledges_change",
    "acts_on_it",
    "ages_said",
    "asked_whether",
    "asks_for_a_moment",
    "binds_a_kind",
    "commands_up_to",
    "commits_to_tell",
    "concedes_the_no",
    "denies_the_guarantee",
    "ends_with_a_condition",
    "exceptions_in",
    "find_guarantees",
    "find_later_acts",
    "find_meta_verbs",
    "find_next_steps",
    "find_refusal",
    "find_routes",
    "find_sycophancy",
    "find_unavailable",
    "gives_leave",
    "gives_reason",
    "grants",
    "habit_not_done",
    "in_an_aside",
    "inside_a_whether_clause",
    "is_bare_no",
    "is_declining",
    "is_done_now",
    "is_greeting",
    "joins_imperative_to_promise",
    "kind_done_to",
    "kind_of_subject",
    "leads_into_a_no",
    "mark_opening_the_no",
    "names_a_bare_hour",
    "names_a_date_or_figure",
    "names_category",
    "opens_with_let_me",
    "opens_with_thanks_for",
    "phrase_pattern",
    "points_to_then",
    "promises_then",
    "refers_back_to_it",
    "refused_act",
    "repeats_a_wish",
    "says_no_to_it",
    "states_a_duty",
    "takes_it_on",
    "takes_it_up",
    "tells_about",
    "tells_not_to",
    "voices_a_no",
    "waits_to_be_told",
    "way_by_end",
    "youngest_outside",
]

# Sentences seen recently: the rules ask about the same sentence several times per check.
_CACHE_SIZE = 4096


# The time a no is bounded to: "afraid not this time", "sorry, not today", "no, not for now".
_THIS_TIME = r"(?:this\s+time|on\s+this\s+occasion|for\s+now|today|tonight|this\s+year)\b"

# A no on its own, after a greeting or a word of regret: "No,", "Unfortunately, no.", "Hi Tom,
# no, …", "Sadly not.".
_BARE_NO_WORDS = (
    r"(?:(?:hi|hello|hey|dear)\s+[\w.'-]+\W+)?"
    r"(?:(?:(?:sorry|unfortunately|sadly|(?:i'm\s+)?afraid)\W+)?(?:no|nope|nah)"
    r"|(?:(?:sorry|unfortunately|sadly)\W+)?(?:(?:i'm\s+)?afraid|sadly|unfortunately)\s+not"
    # "Sorry, not this time": a "not" after regret, bounded in time, is a no of its own.
    rf"|(?:sorry|unfortunately|sadly|(?:i'm\s+)?afraid)\W+not(?=\s+{_THIS_TIME}))"
)

# Verbs after "can't" that report a feeling or a search, not a refusal ("I can't wait", "I can't find it").
# (Finding something *for* someone is an act: "we're not able to find you a partner".)
_NOT_REFUSAL_VERBS = (
    rf"(?:(?:{alternation(NOT_REFUSAL_VERBS)})(?<!\bfind)"
    r"|find(?!\s+(?:you|him|her|them)\s+(?:a|an|another|some)\b))"
)
# Verbs after "can't" that hedge a prediction rather than refuse a request.
_HEDGE_VERBS = alternation(HEDGE_VERBS)
_PASSING_VERBS = alternation(PASSING_VERBS)
# Nouns after "no" that say there is none of something, not that it is refused: "no news
# yet", "no problem", "no charge", "no change".
_NOTHING_REFUSED = (
    r"(?:problems?|worries|worry|trouble|need|doubt|rush|charges?|costs?|fees?|extra|longer|news"
    r"|updates?|word|sign|trace|records?|reply|response|answers?|changes?|progress|luck|can|we|i"
    r"|it|that|this|one|more|matter|stress|pressure|obligation|issues?|harm|hassle|catch"
    r"|further|other|such)"
)
_REFUSAL = compile_alternatives(
    rf"""
    \b(?:i|we)\s*(?:couldn't|could\s+not)\s+(?!{_NOT_REFUSAL_VERBS}\b)(?!{_HEDGE_VERBS}\b)
      (?!(?:do|be|help|offer)\s+(?:\w+\s+)?(?:more|further)\b)\w+
  | \b(?:i|we|you|they|(?:the|that|this|your|our)\s+\w+|it|this|that|[a-z]+s)\s*
      (?:can't|cannot|can\s+not|won't\s+be\s+able\s+to|will\s+not\s+be\s+able\s+to
        |am\s+unable\s+to|are\s+unable\s+to|'m\s+unable\s+to|'re\s+unable\s+to|is\s+unable\s+to
        |am\s+not\s+able\s+to|are\s+not\s+able\s+to|'m\s+not\s+able\s+to|'re\s+not\s+able\s+to
        |'m\s+not\s+allowed\s+to|am\s+not\s+allowed\s+to|are\s+not\s+allowed\s+to|'re\s+not\s+allowed\s+to
        |aren't\s+able\s+to|aren't\s+allowed\s+to|can\s+no\s+longer)
      \s+(?!{_NOT_REFUSAL_VERBS}\b)(?!{_HEDGE_VERBS}\b)
      # "Sorry I can't do more": an apology for the limits of the help, not a no; so is one
      # for the limits of its speed ("sorry I can't make it any quicker", "we can't get it to
      # you sooner").
      (?!(?:do|be|help)\s+(?:any\s+)?(?:more|further)(?:\s+(?:help|on|for|here|today|right|at
        |straight|now|just|yet)\b
        |\s*(?:$|[.,;!\u2013\u2014-])))
      (?!(?:make|get)\s+(?:it|this|that|them|things)\s+(?:to\s+you\s+|there\s+|back\s+)?
        (?:any\s+|much\s+)?(?:quicker|faster|sooner|speedier)\b)
      (?:really\s+|actually\s+)?\w+
  | \bunable\s+to\s+(?!{_NOT_REFUSAL_VERBS}\b)(?!{_HEDGE_VERBS}\b)\w+
  # A request turned down, said in the passive: "your booking request has been declined".
  | \b(?:request|application|booking|claim|appeal)\s+(?:has|have|was|were|is|'s)\s+(?:been\s+)?
      (?:declined|refused|rejected|denied|turned\s+down)\b
  | \b(?:that|this|it|which)\s*(?:'s\s+not|\s+is\s+not|\s+isn't|\s+isnt|\s+are\s+not|\s+aren't)\s+
      (?:possible|allowed|permitted|an\s+option|doable
        |something\s+(?:we|i)\s+can\s+(?:do|allow|permit|offer|accept|approve|agree\s+to))\b
  | \b(?:i|we|our\s+\w+)\s+(?:don't|do\s+not|doesn't|does\s+not|won't|will\s+not)\s+
      (?:(?:really|clearly|fully|quite|actually|currently|always)\s+)?+(?!(?:think|know|see|need|mind|want|believe|hesitate|worry|charge|bill|require|ask|expect
        |recommend|usually|normally|have|keep|share|store|track|sell\s+your|get|feel|agree|like
        |understand|remember|recall|find|currently|yet|always|actually|really)\b)[a-z]+\b
  | \b(?:is|are|isn't|aren't|'s|'re)\s+(?:not\s+)?(?:eligible|entitled|covered)\b(?<=(?:not|n't)\s+\w+)
  | ^\W*{_BARE_NO_WORDS}\b
      (?!\s+(?:problem|worries|trouble|need|doubt))(?:\s+{_THIS_TIME})?\s*[,.!\u2013\u2014-]
  | \b(?:isn't|is\s+not|'s\s+not|aren't|are\s+not)\s+one\s+(?:we|i)\s+can\s+
      (?:do|pay|cover|offer|help|refund|accept|provide|arrange)\b
  | \bno\s+can\s+do\b
  # "There's nothing we can do to speed them up", "there is really nothing more I can do".
  | \bthere(?:'s|\s+is)\s+(?:really\s+|unfortunately\s+|sadly\s+)?(?:nothing|no\s+way)
      \s+(?:more\s+|else\s+|further\s+)?(?:that\s+)?(?:i|we)\s+can\s+do\b
  # What may not be used or entered: "the server room is off limits for our team".
  | \b(?:is|are|'s|'re)\s+(?:strictly\s+|completely\s+)?off[-\s]limits\b
  # "Sorry, no fireworks", "no confetti I'm afraid": what is not allowed, said with regret.
  # What there is none of ("no news yet, I'm afraid", "sorry, no problem") refuses nothing.
  | \b(?:sorry|unfortunately|sadly|afraid)\W{{1,3}}no\s+(?!{_NOTHING_REFUSED}\b)[a-z][\w-]*
  # (Right after the thing: "no alcohol on board, I'm afraid" states a rule for a place; but
  # after "that's", "no" and its word judge what happened: "that's no fun, sorry to hear it".)
  | (?<!\b(?:that|it|this)(?:'s|\s+is|\s+was)\s+)
    \bno\s+(?!{_NOTHING_REFUSED}\b)[a-z][\w-]*(?:\s+[a-z][\w-]*)?\W{{0,3}}
      (?:i'm\s+afraid|i\s+am\s+afraid|sorry|unfortunately|sadly)\b
  # "Sorry, that's a no on the gas bottle", "I'm afraid it's a no from us".
  | \b(?:that's|that\s+is|it's|it\s+is|they're|they\s+are|answer\s+is|afraid\s+it's)\s+a\s+
      (?:hard\s+|firm\s+|definite\s+)?no\b
      (?![-\s]*(?:brainer|problem|worries|charge|cost|fee|go-?between|show)\b)
  | \b(?:isn't|is\s+not|'s\s+not|aren't|are\s+not)\s+
      # "something we offer", and what kind of thing: "not a service we offer".
      # A kind of work as well: "not a job we take on", "not a repair we carry out".
      (?:something|a\s+(?:service|thing|product|feature|job|repair|treatment|procedure)
        |an\s+(?:option|offer))\s+
      # (The business's staff may be its subject: "not something our techs can do".)
      (?:we|i|our\s+[a-z]+)(?:'re|'m|\s+are|\s+am|'ll|\s+will)?\s*
      (?:(?:can|could|are\s+able\s+to|'re\s+able\s+to|able\s+to)\s+)?
      (?:do|offer|provide|arrange|change|sell|support|stock|carry|help(?:\s+with)?|cover|fix|accept
        |allow|permit|approve|agree\s+to|take\s+on|carry\s+out|handle)\b
  # With "can" or "able to", any act: "a six-month pause isn't something I'm able to set up".
  # (Or those who would do it for us: "that's not something they'll be able to do"; or "one"
  # of the kind asked about: "sorry, that's not one we can take in"; or a thing of any kind:
  # "that's not a price we can match", "not a journey we can do".)
  | \b(?:isn't|is\s+not|'s\s+not|aren't|are\s+not)\s+
      (?:something|one|an?\s+(?!{_HEDGE_VERBS}\b)[a-z][\w-]*)\s+
      (?:we|i|they|he|she|our\s+[a-z]+)(?:'re|'m|\s+are|\s+am)?\s*
      (?:can|could|are\s+able\s+to|'re\s+able\s+to|'m\s+able\s+to|am\s+able\s+to|able\s+to
        |(?:'ll|\s+will|'d|\s+would)\s+be\s+able\s+to)\s+
      (?!{_NOT_REFUSAL_VERBS}\b)(?!{_HEDGE_VERBS}\b)[a-z]+\b
  | (?:^|[,;:!.]\s*|\b(?:sorry|nah|afraid|unfortunately)\s+)(?:can't|cannot|can\s+not|won't\s+be\s+able\s+to)\s+
      (?!{_NOT_REFUSAL_VERBS}\b)(?!{_HEDGE_VERBS}\b)\w+
  # A bare no of who was asked about: "Is it OK if he signs?" - "I'm sorry, he can't."
  | \b(?:sorry|afraid|unfortunately|sadly)\W{{1,3}}(?:he|she|they)\s+(?:can't|cannot|can\s+not)
      (?=\W*$|\s*[,;:\u2014\u2013]|\s+-\s)
  | \b(?:i|we)\s+(?:must|have\s+to|need\s+to)\s+(?:decline|refuse|deny)\b
  # "we'll have to leave that one off", "I'll have to pass on this one", "we'd have to say no".
  | \b(?:i|we)(?:'ll|\s+will|'d|\s+would)\s+(?:have|need)\s+to\s+(?:decline|refuse|say\s+no
      |pass\s+on|leave\s+(?:it|that|this|them|those|that\s+one|this\s+one)\s+(?:off|out))\b
  | (?<!\bmak(?:e|es|ing)\s+it\s+|\bmade\s+it\s+)\b(?:impossible|not\s+possible)\b
  | \b(?:that|this)\s+(?:won't|will\s+not|doesn't|does\s+not)\s+work\b
  # "Sorry, Tuesday mornings won't work": said with regret, a time or a thing that won't work.
  | (?<=\b(?:sorry|afraid|unfortunately|sadly)\b[^.!?]{{0,40}})\b(?:won't|will\s+not)\s+work\b
      (?!\s+(?:with|on|in|if|until|unless|properly|again)\b)
  # ...or with the regret after it: "Friday won't work, sorry", "Sunday pickups won't work,
  # I'm afraid".
  | \b(?:won't|will\s+not)\s+work\b(?=\W{{1,3}}(?:sorry|i'm\s+afraid|unfortunately)\b)
  | \b(?:won't|will\s+not|doesn't|does\s+not)\s+work\s+for\s+(?:us|me)\b
  | \b(?:isn't|is\s+not|aren't|are\s+not|'s\s+not|'re\s+not|won't\s+be|will\s+not\s+be|wouldn't\s+be)\s+
      # "an early release isn't going to be possible": the future said with "going to".
      (?:going\s+to\s+be\s+)?(?:allowed|permitted|possible|an\s+option
        # ...but not a perception: "you won't be able to see the seam".
        |able\s+to(?!\s+{_NOT_REFUSAL_VERBS}\b))\b
    """
)

# The words of not being able: "can't", "unable to", "we aren't able to".
_CANNOT = (
    r"(?:can't|cannot|can\s+not|couldn't|unable\s+to|not\s+able\s+to"
    r"|(?:aren't|isn't|wasn't|weren't)\s+able\s+to|won't)"
)
_HEDGE = compile_verbose(
    rf"""\b{_CANNOT}\s+{_HEDGE_VERBS}\b
      | \bno\s+(?:guarantee|promises?)\b | \bnot\s+guaranteed\b
      # "I can't give you a cast-iron guarantee", "we can't make any promises".
      | \b(?:(?:i|we)\s*)?{_CANNOT}\s+
          (?:give|offer|make)\s+(?:you\s+)?(?:a|an|any)\s+(?:[\w-]+\s+)?(?:guarantee|promise)s?\b
      # "I can't give you my word on the weather": not promising is a hedge too.
      | \b(?:(?:i|we)\s*)?{_CANNOT}\s+
          give\s+(?:you\s+)?(?:my|our)\s+word\b
      # ...and so is not naming a time yet (SPEC §3, "I can't confirm a timeline"): "I can't
      # give you a firm date for the repair yet", "we can't give an exact time".
      | \b(?:(?:i|we)\s*)?{_CANNOT}\s+
          (?:give|quote|name)\s+(?:you\s+)?(?:a|an|any)\s+(?:firm|exact|definite|precise)\s+
          (?:date|timeline|timeframe|time\s+frame|eta|arrival\s+time|delivery\s+date)s?\b
          # (Not "we're not able to offer a fixed time", to a request for one: a no.)
      # "I'd rather not promise a date I can't keep", "I don't want to promise something we
      # can't deliver": declining to over-promise, with what could not be kept.
      | \b(?:(?:i|we)(?:'d|\s+would)?\s+)?(?:rather\s+not|(?:don't|do\s+not|wouldn't|would\s+not)
          \s+(?:want|like)\s+to|won't|will\s+not)\s+(?:promise|guarantee|commit\s+to)\b
          (?:\s+(?:you\s+)?(?:a|an|any|anything|something|what)(?:\s+[\w-]+)?\s+(?:i|we)\s+
            (?:can't|cannot|couldn't|won't)\s+[\w-]+)?"""
)

# Citing the rules a business works under gives the ground of a refusal (SPEC §3).
_POLICY_NOUN = alternation(POLICY_NOUNS)
_POINTING_BACK = alternation(POINTING_BACK)
_CITING = alternation(CITING_PREPOSITIONS)
_CITED = alternation(CITED_DOCUMENTS)
# How a request to the customer or an offer opens: "just send me…", "please call…", "happy
# to…".
_REQUEST_OPENING = (
    r"(?:just|please|simply|kindly|feel\s+free|let\s+(?:me|us)\s+know|send|give|call|email"
    r"|e-mail|drop|reply|click|visit|contact|text|message|ring|pop"
    # ...or an offer after a dash: "happy to book you in", "I can book you in", "shall I…".
    r"|happy|glad|(?:i|we)(?:'d|'ll|\s+can|\s+could|\s+would|\s+will)|shall|want\s+me|let\s+me)\b"
)
_MOTIVE = alternation(MOTIVE_NOUNS)
_REASON = compile_alternatives(
    rf"""
    \b(?:because|since|due\s+to|owing\s+to|which\s+means|that\s+means|this\s+means|therefore|given\s+that
      |the\s+reason|as\s+a\s+result|in\s+order\s+to|so\s+that)\b
  # A cause named as one: "which is the likely cause", "that's the usual culprit", "the
  # cracking was caused by the house settling".
  | \b(?:is|was|'s)\s+(?:(?:probably|likely|most\s+likely|almost\s+certainly)\s+)?(?:the|a)\s+
      (?:(?:most\s+)?likely\s+|probable\s+|main\s+|real\s+|root\s+|usual\s+)?(?:cause|culprit)\b
  | \b(?:is|was|were|are|'s)\s+(?:(?:usually|often|probably|likely|most\s+likely)\s+)?caused\s+by\b
  # The limit behind the no: "the most I can give is £80", "vouchers are capped at £80".
  | \bthe\s+(?:most|maximum|max|limit|highest)\b[^.!?]{{0,40}}?\b(?:is|are)\b
  # ...said the other way round: "15% is the most our nonprofit program allows".
  | \b(?:is|are|'s)\s+(?:the\s+)?(?:most|maximum|max|limit|highest|cap)\s+(?:(?:we|i|our|the)\b|that\b)
  # ...or in time: "our latest pickup on weekdays is 7pm", "the cut-off for changes is noon"
  # ("our earliest slot is Friday" offers a time; it is no limit).
  | \b(?:the|our)\s+(?:latest|cut-?off)\b[^.!?]{{0,40}}?\b(?:is|are)\s+(?:at\s+)?(?:\d|noon\b|midnight\b)
  | \bcapped\s+at\b | \bonly\s+go(?:es)?\s+up\s+to\b
  | \b{_POINTING_BACK}\b
  # What a thing brings about, pointed back to: "…, which is what keeps the price that low",
  # "that's what makes it safe".
  | \b(?:which|that)(?:'s|\s+is)\s+what\s+(?:keeps|makes|lets|allows|means|stops|protects)\b
  # What the act would bring about, pointed back to: "It would mean telling your employer
  # something that isn't true", "It means removing the original works", "That would involve
  # cutting the band" (not "it would mean a lot", which thanks).
  | ^\W*(?:it|this|that|doing\s+(?:so|that|this))\s+(?:(?:would|will|could)\s+(?:also\s+)?
      (?:mean|involve|require)|means|involves|requires)\s+(?!a\s+lot\b|so\s+much\b|the\s+world\b)
  | ^\W*(?:and\s+)?so\b(?!\s+(?:sorry|much|many|far|glad|happy|nice|good)\b)
  | \bwithout\s+(?:this|that|these|those|it|them)\b | ^\W*without\b
  | \bautomatic(?:ally)?\b
  | \bexceptions?\s+to\s+(?:the|our|this|that)\b
  | \b(?:not|isn't|aren't|is\s+not|are\s+not)\s+supported\b
  # A licence, cover or qualification the business lacks: "We're not licensed to transport
  # animals", "we aren't insured to carry passengers", "our staff aren't qualified to…".
  | (?:\bnot|n't)\s+(?:(?:fully|currently|legally)\s+)?(?:licensed|licenced|insured|certified
      |qualified|accredited|registered)\s+(?:to|for)\b
  | \b(?:system|platform|tool|app|website|site)\s+(?:doesn't|does\s+not|won't|will\s+not|can't|cannot)
      \s+(?:allow|let|permit|support|accept)\b
  # (Not the second "as" of a comparison: "as soon as it's finished", "as long as it fits".)
  | (?<!\bas\s+(?:soon|long|far|much|many|well|quickly|fast|early|late)\s+)
    \bas\s+(?!soon\b|well\b|long\b|much\b|many\b|a\s+\w+\s+gesture|per\b|an?\s+(?:apology|thank)|always\b|usual\b)
        # Not the manner "as it is", "as they are" (unchanged), which ends its clause.
        (?!(?:i|we|you|it|they|he|she)\s+(?:am|is|are|was|were|stands?)\s*(?:$|[,.;:!?)]))
        (?:i|we|you|your|our|the|this|that|it|they|he|she|there|all|every|each|no
          # ...or an indefinite pronoun: "as everything ships in plain boxes".
          |everything|everyone|everybody|nothing|nobody|none|both)\b
  # "as" before a clause whose subject is a bare noun phrase: ", as loyalty discounts are
  # capped at 20%", "As gift cards can't be refunded, …", ", as starting late would disrupt
  # everyone already seated".
  | (?:^|,\s*)as\s+(?!soon\b|well\b|long\b|much\b|many\b|per\b|always\b|usual\b|a\b|an\b)
        (?:[a-z][\w-]*\s+){{1,3}}?(?:are|is|was|were|can't|cannot|can|have|has|don't|doesn't|must
        |need|needs|aren't|isn't|won't|only|would|will|could|might)\b
  | (?:,|;|\s)\s*so\s+(?!much\b|sorry\b|many\b|far\b|that's\b)
        # A word of regret may come first: ", so unfortunately your veneers aren't covered".
        (?:(?:unfortunately|sadly|regrettably|i'm\s+afraid|i\s+am\s+afraid)\W+)?
        # A short phrase of time or case may come first: ", so at three weeks I'm afraid we
        # can't", ", so in this case we can't".
        (?:(?:at|after|with|in|on|by|from|for)\s+(?:[\w'-]+\s+){{1,3}}?(?=\w+'|(?:i|we)\b))?
        (?:i|we|you|your|our|the|this|it|they|there|any|a|an|these|those|my|their|his|her|its|he|she
        # ...or a gerund, the act as the subject of what follows: ", so saying it's original
        # would mislead whoever buys it".
          |(?!(?:nothing|something|anything|everything|morning|evening|thing|spring|king|bring)\b)
          [a-z]{{3,}}ing)\b
  # What the act would bring about, its gerund the subject: "calling it a genuine antique
  # would mislead whoever buys it", "opening the unit would void your warranty".
  | \b(?!(?:nothing|something|anything|everything|morning|evening|thing|spring|king|bring)\b)
        [a-z]{{3,}}ing\s+(?:[\w'-]+\s+){{0,5}}?(?:would|could)\s+(?:also\s+|only\s+)?
        (?:mislead|deceive|break|breach|violate|void|invalidate|damage|harm|endanger|compromise
          |be\s+(?:illegal|unlawful|unsafe|dangerous|dishonest|misleading|unfair|fraud)|put\s+\w+\s+at\s+risk)\b
  | \bfor\s+(?:(?:your|their|his|her|our|the\s+\w+'s|everyone's|other\s+\w+'s)\s+)?(?:own\s+)?
        (?:safety|security|privacy|protection|legal\s+reasons|security\s+reasons|safety\s+reasons
          |privacy\s+reasons|data[-\s]protection\s+reasons)\b
  | \b(?:by\s+law|legally|data[-\s]protection|illegal|unlawful|not\s+legal|fraud|fraudulent)\b
  # "disturbing a nesting bird is an offence under the Wildlife Act".
  | \b(?:is|are|'s|be|would\s+be)\s+(?:a|an)\s+(?:criminal\s+)?offen[cs]e\b
  # The law named as what it is: "it's state law", "that's the law", "a legal
  # requirement", "a criminal offence".
  | \b(?:it's|it\s+is|that's|that\s+is)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:law|regulations?)\b
  | \blegal\s+(?:requirement|obligation|duty)\b | \bcriminal\s+offen[cs]es?\b
  # A motive: "we don't copy another artist's work out of respect for them".
  | \bout\s+of\s+{_MOTIVE}\b
  # The rules cited: "it's our policy", "company policy", "the policy doesn't cover it". Not an
  # insurance policy the customer holds or an act is done to: "cancel the policy", "your
  # policy number".
  | (?<!\b(?:your|my|his|her|their|an?|insurance)\s+)
    (?<!\b(?:cancel|renew|buy|start|end|change|transfer|update|upgrade|reinstate|suspend|pause
        |activate|switch|sell|take\s+out|set\s+up)(?:s|ed|ing|led|ling)?\s+(?:the|this|that)\s+)
      \b{_POLICY_NOUN}\b(?!\s+(?:number|holder|holders|document|documents|details|schedule
        |premium|premiums|renewal|start|end|excess)\b)
  # "It's against Illinois law", "against the rules".
  | \bagainst\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:law|laws|rules|regulations)\b
  | \b{_CITING}\s+(?:the|our|its|their|your)\s+(?:[\w-]+\s+){{0,2}}{_CITED}\b
  # A law cited by its title, capitalised words ending in Act, Code or Law: "under the Privacy
  # Act", "under Section 40 of the Wildlife Act", "under Australian Consumer Law".
  | \b{_CITING}\s+(?:(?:section|article|part)\s+\d+\w*\s+of\s+)?(?:the\s+)?
      (?-i:(?:[A-Z][\w-]*\s+){{1,4}}(?:Act|Code|Law|Regulations?))\b
  # An explanation after a colon or a dash; a request there ("— just send me the file
  # numbers", ": please call us") explains nothing.
  # (A word of regret there opens the no itself: "Hi there - I'm afraid we can't"; "there's"
  # or "here's" points elsewhere: "- there's a form on our site for that".)
  | (?:[:\u2014\u2013]\s*|\s-\s)(?!{_REQUEST_OPENING})
      (?!(?:i'm|i\s+am|we're|we\s+are)\s+(?:afraid|sorry)\b|unfortunately\b|sadly\b|sorry\b
        |(?:there|here)'s\b)[\w']+(?:-[\w']+)*
      # Its words may be figures ("— the $20 covers our digitizer's time") or hyphenated
      # (": the 14-day cooling-off period ended on 3 March"), with commas between ("- we're
      # tuners, not movers"), and a figure may have its sign and unit ("- at -110°C anything
      # longer risks cold burns", "- above 60% humidity the glue won't set").
      # (Not a regret after the comma: "- we don't do price matching, sorry!".)
      (?:(?:,(?!\s*(?:sorry|unfortunately|sadly|i'm\s+afraid|i\s+am\s+afraid)\b))?\s+
        (?:[\w']+(?:-[\w']+)*|[-\u2212]?[$£€]?\d[\d,.]*(?:°[CF]?|%)?(?!\w))){{2,}}(?![^.!?]*\?)
  | \b(?:only|must|requires?|required|have\s+to\s+be|has\s+to\s+be|need\s+to\s+be|depends?\s+on
    # "Prices are set by the council" (not a booking: "your pickup is set for Thursday").
    |(?:is|are)\s+set(?!\s+(?:for|to|up|at|on)\b))\b
  # What every case of a kind has to do is a rule: "all damage has to go on the report",
  # "every guest needs to sign the waiver", "any change has to come from the lead booker".
  | \b(?:all|every|each|any)\s+(?:[\w-]+\s+){{0,3}}?(?:has|have|needs?)\s+to\b
  # ...and so is what a kind in general has to do, named by a bare plural: "receipts have to
  # match what was paid", "deposits need to clear first".
  | ^\W*(?:[a-z][\w-]*\s+)?[a-z][\w-]*[^s\W]s\s+(?:have|need)\s+to\b
  # ...or by a singular with "a" (CGEL ch. 5, generic NPs): "a receipt has to show the real
  # date", "an invoice needs to match the order".
  | ^\W*an?\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*\s+(?:has|needs)\s+to\b
  # ...or what the thing refused, pointed back to, has to be: "I can't change the date on the
  # receipt. It has to show the day you were treated", "they must stay sealed".
  | ^\W*(?:it|they|this|that)\s+(?:has|have|needs?)\s+to\b | ^\W*(?:it|they|this|that)\s+must\b
  | \b(?:non-refundable|non-transferable|out\s+of\s+stock|sold\s+out)\b
  | \bwithout\s+(?:the|your|a|an|any|proof|prior|valid|written)\b
  | \b(?:isn't|aren't|is\s+not|are\s+not|not)\s+(?:refundable|transferable|in\s+stock)\b
  | \b(?:expired|past\s+the|outside\s+(?:the|our)|after\s+the\s+\d|more\s+than\s+\w+\s+(?:days?|hours?|weeks?|months?)\s+ago)\b
    # ("Past" after a verb of moving or seeing is a way by, not a time gone: "we can't get
    # past the passcode".)
    (?<!\b(?:{_PASSING_VERBS})\s+past\s+the)
    """
)

# Security as a ground for declining ("for security reasons", "for your security"), not the
# guard ("security will walk you to the car park").
SECURITY_AS_A_GROUND = (
    r"security\s+(?:reasons?|purposes|policy|rules|grounds)|for\s+(?:your\s+|our\s+)?security"
)
# Privacy as a ground for declining ("that's private", "private information", "for privacy
# reasons"), not a thing kept for one party: "a private charter", "private lessons".
PRIVATE_AS_A_GROUND = (
    r"private(?!\s+(?!(?:information|info|details|data|matters?|records?)\b)[a-z])"
    r"|privacy|confidential"
)
# The "only" that limits ("we can only take cash"), not the one that makes little of
# something: "it's only a 5 minute walk", nor what a thing "only" takes or costs ("it'll only
# take 10 minutes", "that only costs €4").
LIMITING_ONLY = (
    r"(?:(?<!\b(?:it|that|this)(?:'ll|\s+will|'d|\s+would)?\s+)only|only(?!\s+(?:takes?|took|costs?)\b))"
    r"(?!\s+(?:a|an|about|around|\d))"
)
_DECLINING = compile_verbose(
    rf"""\b(?:sorry|afraid|unfortunately|regret|policy|{PRIVATE_AS_A_GROUND}|not\s+allowed
        |{SECURITY_AS_A_GROUND}|{LIMITING_ONLY}|however|but)\b"""
)

# "You're always right" (or "never wrong") flattery and offers to do whatever the customer wants.
_SYCOPHANCY = compile_alternatives(
    r"""
    # (Not a concession before a clause: "Whatever you decide, cancellation is free"; nor an
    # opinion of something, "I'd love a review, whatever you think of us", which defers to
    # nothing.)
    \bwhatever\s+you\s+(?:think|decide|feel|choose|reckon)\b(?!\s+(?:of|about)\b)(?:\s+is\s+best)?
      (?!\s*,\s*(?!(?:we|i)(?:'ll|\s+will)\s+(?:do|go\s+(?:along\s+)?with)\b)\w)
  | \b(?:customer|member|guest|client|patient|passenger|shopper|user)(?:'s|\s+is)\s+(?:always\s+)?
      (?:king|queen|boss|god)\b
  | \byou\s+call\s+the\s+shots\b
  | \b(?:just\s+)?tell\s+(?:me|us)\s+what\s+you\s+want\s+and\s+(?:i|we)(?:'ll|\s+will)\b
  | \bif\s+you\s+want\s+it,?\s+it(?:'s|\s+is)\s+yours\b
  |
    \b(?:the\s+|our\s+)?(?:customer|member|guest|client|patient|passenger|shopper|user|regular
      |tenant|student|subscriber|diner|buyer|visitor|renter)
      (?:'s|\s+is)\s+(?:always\s+right|never\s+wrong)\b
  | \b(?:customers|members|guests|clients|patients|passengers|shoppers|users|regulars|tenants
      |students|subscribers|diners|buyers|visitors|renters)(?:'re|\s+are)\s+(?:always\s+right
      |never\s+wrong)\b
  | \byou(?:'re|\s+are)\s+(?:always\s+right|never\s+wrong)\b
  # Free-choice "anything" only: after "there", in a question or an "if" ("is there anything
  # you'd like to go over?", "if there's anything you need, let me know"), "any" is the
  # non-affirmative kind (CGEL ch. 5, §7) and asks what the customer wants; it offers nothing.
  | (?<!\b(?:help|assist|support)(?:\s+you)?\s+with\s+)(?<!\bfor\s+)
    (?<!\bthere(?:'s|\s+is|\s+are|\s+was)?\s+)
    \b(?:whatever|anything)\s+you(?:'d|\s+would)?\s+(?:want|wish|say|like|prefer|ask|desire|need)\b
      (?!\s+(?:else|from|help)\b)
      (?!\s+to\s+(?:know|ask|discuss|talk|learn|check|tell|share|add|change|try|see|chat)\b)
  | \byour\s+wish\s+is\s+(?:my|our)\s+command\b
  # The act done the customer's way, whatever it is: "we'll handle the refund however you like", "I'll
  # bill it however you want".
  | \b(?:i|we)(?:'ll|\s+will|'d|\s+would|\s+can)\s+(?:[\w'-]+\s+){1,5}?however\s+you(?:'d|\s+would)?
      \s+(?:like|want|wish|prefer)\b
  # "Anything else, just say the word and it's done": whatever is asked, done unread.
  | \b(?:anything|whatever)\b[^.!?]{0,60}?\bsay\s+the\s+word\s+and\s+(?:it's|its|it\s+is|it'll\s+be|it\s+will\s+be|consider\s+it)\s+
      (?:done|yours|sorted|handled)\b
  | \bjust\s+name\s+it\b | \byou\s+name\s+it,?\s+(?:and\s+)?(?:we|i)(?:'ll|\s+will)\b
  | \b(?:can|may|will|'ll)\s+(?:have|get)\s+(?:whatever|anything)\s+(?:you|they|he|she)\s+(?:want|like|wish)s?\b
  | \bas\s+you\s+wish\b
  | \byou(?:'re|\s+are)\s+the\s+boss\b
  | \byou\s+know\s+best\b
  # (Not in a clause of "whether" or "if", where "any" asks and offers nothing: "I'll ask
  # whether we can do anything for you", "let me see if I can do anything for you".)
  | (?<!\b(?:whether|if)\s+(?:[\w']+\s+){1,4})
    \banything\s+(?:at\s+all\s+)?(?:for\s+you|to\s+make\s+you\s+happy)\b
  # The same turned round: "For you, anything!", "For you - anything."
  | \bfor\s+you\s*[,?!.:\u2013\u2014-]*\s*anything\b(?!\s+(?:else|we\s+can|i\s+can)\b)
  # "You deserve whatever you want from us": the demand is owed, whatever it is.
  | \bdeserve\s+(?:whatever|anything)\s+you\s+(?:want|wish|ask\s+for|like)\b
  # "For you, we'll do anything" (not "we'll do anything we can", "anything else").
  | \b(?:i|we)(?:'ll|\s+will|'d|\s+would)\s+(?:happily\s+|gladly\s+)?do\s+anything\b
      (?!\s+(?:else|we\s+can|i\s+can|you|possible|in\s+(?:our|my)\s+power|within|that|to\s+help|like)\b)
  | \bwhatever\s+it\s+takes\s+to\s+make\s+you\s+happy\b
  # The idioms of a word that is final (Cambridge, Collins: "what someone says goes", "someone's
  # word is law"): "whatever you say goes", "what the customer says goes", "your word is law".
  | \bwhat(?:ever)?\s+(?:you|the\s+(?:customer|client|guest|member)s?)\s+says?\s+goes\b
  | \b(?:your|the\s+(?:customer|client|guest|member)'s)\s+word\s+is\s+(?:law|final)\b
  # Whatever is asked, done before it is heard: "just tell me what you'd like done about the
  # girth and consider it done", "anything you want, just ask and it's done" (not a time
  # for a thing named: "tell me what you'd like engraved and it'll be done by Friday").
  | \b(?:tell\s+(?:me|us)|let\s+(?:me|us)\s+know)\s+what(?:ever)?\s+you(?:'d|\s+would)?\s+(?:want|like)\b
      [^.!?]{0,60}?\band\s+(?:consider\s+it|it(?:'s|\s+is))\s+done\b
  | \b(?:anything|whatever)\s+you\s+(?:want|like|need)\b[^.!?]{0,60}?\bjust\s+ask\b[^.!?]{0,20}?
      \band\s+(?:consider\s+it|it(?:'s|\s+is))\s+done\b
    """
)

# "100% <state>": an adjective of a state ("100% safe", "100% reliable") or a participle
# of one ("100% fixed", "100% shielded", "100% waterproof").
_ABSOLUTE_STATE = alternation(ABSOLUTE_STATES)
_NOT_A_STATE = alternation(("need", "feed", "speed", "seed", "bed", "red", "hundred", "linen"))
# "It will definitely arrive", "your table'll certainly be ready": one alternative for each
# adverb, so that the engine skips ahead to the adverb instead of trying every word before
# it (an alternation of the four adverbs has no literal to skip to).
_SURELY_WILL = "\n  | ".join(
    rf"""\b(?:(?:your|the|this|that|our|my|his|her|their)\s+)?(?!(?:i|we)\b)[\w']+\s*(?:will|'ll)\s+
      {adverb}\b
      # ...but a need made sure is a requirement: "you'll definitely need it with you".
      (?!\s+(?:need|have\s+to|want\s+to)\b)"""
    for adverb in ("definitely", "certainly", "surely", "absolutely")
)
_GREETING_WORD = alternation(GREETINGS)
_GUARANTEE = compile_alternatives(
    rf"""
    \b(?:i|we)\s+(?:can\s+|do\s+|absolutely\s+|fully\s+|personally\s+|100\s?%\s+){{0,2}}(?:guarantee|promise|swear)\b
  | \bguaranteed\b
  | \b100\s?%\s+(?:guaranteed|sure|certain|safe|secure)\b | \bi'm\s+100\s?%\b
  | \b(?:will|'ll|is|are|'s|'re)\s+100\s?%\s+(?:going\s+to\s+[a-z]+|be|get|arrive|work|fit|ready|there)\b
  # An event sure to happen: "Saturday's flight is 100% going ahead", "it's 100% happening".
  | \b(?:is|are|'s|'re)\s+100\s?%\s+(?:going\s+ahead|happening|on)\b
  | \b(?:will|'ll)\s+100\s?%\s+[a-z]{{2,}}\b
  | ^\W*(?:yes|yep|yeah|yup)\W+100\s?%
    # ...not a make-up: "Yes, 100% cotton sheets can go on hot", "yes, 100% wool blankets".
    (?!\s*(?!(?:i|we|you|it|they|he|she|that|this|there|your|our|the|sure|certain|guaranteed)\b)
      [a-z]+\s+[a-z]+s\b)
  # An outcome ruled out for good: "100% no warning lights", "nothing can ever happen to him".
  | \b100\s?%\s+no\b
  | (?<!\b(?:say|promise|guarantee|sure|certain|think|claim)\s+(?:that\s+)?)
    \bnothing\s+(?:can|will|could|'ll)\s+(?:(?:ever|possibly)\s+happen|(?:ever\s+|possibly\s+)?go\s+wrong)\b
  | \b(?:will|'ll|won't)\s+(?:\w+\s+)?(?:never|ever)\s+happen\s+again\b | \bnever\s+happen\s+again\b
  | \bwon't\s+happen\s+again\b
  | \b(?:will|'ll)\s+never\s+(?:\w+\s+){{0,6}}?again\b
  # "Never … another" is never again: "you'll never get another broken jar from us".
  | \b(?:will|'ll)\s+never\s+(?:\w+\s+){{1,2}}?another\b
  # "There's zero chance of anything going wrong", "no chance it'll fail".
  | \b(?:zero|no)\s+(?:chance|risk|way)\s+(?:of\s+)?(?:anything|it|that|this|them)
      (?:'ll|\s+will|\s+could|\s+can)?\s+(?:going\s+wrong|go\s+wrong|fail(?:s|ing)?|break(?:s|ing)?)\b
  | \b(?:it|this|that|we|i)\s*(?:won't|will\s+not)\s+(?:\w+\s+){{0,3}}?again\b
  | \bassure\s+you\s+100\s?%
  # (After a greeting too: "Hi Mark, 100% you'll be out by 9:30"; or after a yes or a no:
  # "nah 100% they'll fit perfectly off our size chart".)
  | (?<=^\W*(?:{_GREETING_WORD}(?:\s+(?:there|all|(?-i:[A-Z])[\w.'-]*))?\s*[,!\u2013\u2014-]\s*)?
      (?:(?:yes|yeah|yep|yup|no|nah|nope|oh)\W+)?)
    100\s?%[,!.]?\s+(?:you|it|we|they|your|that|this)\b
  | {_SURELY_WILL}
  # "We'll definitely be finished by 1pm", "we'll definitely fit all 19 of you": an outcome
  # made sure; an effort or a message made sure ("I'll definitely look into it", "we'll
  # definitely be in touch") is not.
  | \b(?:i|we)\s*(?:'ll|\s+will)\s+(?:definitely|certainly|surely|absolutely)\s+
      (?!(?:need|have\s+to|look|try|check|call|ring|phone|email|e-mail|text|message|write|reply|get\s+back
        |let\s+(?:you|us|me)\s+know|be\s+in\s+touch|keep|pass|ask|consider|review|think|see
        |do\s+(?:our|my)\s+best|recommend|mention|note|chase|follow\s+up|investigate)\b)[a-z]+\b
  # An outcome ruled out for sure: "you definitely won't owe a thing".
  | \b(?:you|it|they|this|that)\s+(?:definitely|certainly|absolutely)\s+(?:won't|will\s+not)\b
  | (?<!\byou(?:'re|\s+are)\s+)\b100\s?%\s+(?:{_ABSOLUTE_STATE}|(?!{_NOT_A_STATE}\b)(?:[a-z]{{3,}}(?:ed|en)|[a-z]{{2,}}-?(?:proof|tight|free)|[a-z]{{3,}}less))\b
  | \b(?:it|they|this|that|your\s+\w+|the\s+\w+)\s+(?:is|are)\s+(?:definitely|certainly)\s+going\s+to\b
  | \b(?:will|'ll)\s+always\s+(?:get|have|be|work|arrive|receive|see)\b
  | \b(?:will|'ll)\b[^.!?]{{0,60}}?\bwithout\s+(?:fail|a\s+doubt|any\s+doubt)\b | \bno\s+matter\s+what\b
  # "You'll have your braces off by June for sure" (not "we'll know for sure on Friday").
  | \b(?:will|'ll)\b
      # (The look ahead lets most "will"s go at once: the look behind is then tried at
      # only the words before a "for sure".)
      (?=[^.!?]{{0,60}}?\bfor\s+(?:sure|certain)\b)[^.!?]{{0,60}}?
      (?<!\b(?:know|say|tell|confirm|find\s+out|check|see)\s+(?:(?:us|you|me|them)\s+)?)
      \bfor\s+(?:sure|certain)\b(?=\s*(?:[.!?,;:)\u2013\u2014-]|$))  # not "for certain phones"
  # "100%!" on its own, or before a claim about everyone: "100%! Everyone who does it passes."
  | ^\W*(?:(?:yes|yep|yeah|oh)\W+)?100\s?%\W*$
  # ...or tagged on after a promise: "our handyman will do all six in one visit, 100%.", or
  # before a dash that backs it up: "every key we cut works first go, 100% - we test them".
  | (?:,|\s[\u2013\u2014-])\s*100\s?%\s*(?:[.!]*\s*$|[\u2013\u2014-]\s)
  # Always, with no exception: "it gets wine out 100% of the time".
  | \b100\s?%\s+of\s+the\s+time\b
  | ^\W*100\s?%[,!.]?\s+(?:everyone|everybody|all|every)\b
  | \bi\s+promise\b
  # ...or "promise" tagged on, the "I" dropped as chat drops it: "it'll be sorted by tomorrow,
  # promise!", "we'll have it back to you Friday - promise."
  | (?<=(?:,|\s[\u2013\u2014-])\s*)promise(?=\s*[.!]*\s*$)
  # Giving one's word is promising: "you have my word on that", "I give you my word".
  | \b(?:you\s+have|you've\s+got|i\s+give\s+you|i'll\s+give\s+you)\s+my\s+word\b
  # "100%" set off by commas inside a claim: "there's always a desk free, 100%, so…".
  | ,\s*100\s?%\s*,
    """
)

# Verbs that tell or arrange rather than perform: a time next to them is for the telling.
_META_VERBS = compile_verbose(
    # After a determiner the word is a noun ("the file", "your request", "an email"), no verb.
    r"""(?<!\b(?:the|a|an|your|our|my|this|that|his|her|their|any|each|every)\s+)
    \b(?:confirm|let\s+you\s+know|tell\s+you|email|e-mail|text|message|notify|inform|update\s+you
        |reply|respond|write\s+back|contact|follow\s+up|reach\s+out|(?:be|get)\s+in\s+touch|check|look\s+into|investigate
        |start|begin|initiate
        # "get back to you" tells; "items get back to their owners" are returned.
        |get\s+back(?!\s+to\s+(?!you\b|u\b|me\b|us\b))
        |submit|file|raise|escalate|log|request|(?:call|ring|phone)\s+you(?!\s+back)|send\s+(?:you\s+)?(?:an?\s+)?
          (?:email|e-mail|text|message|update|confirmation|link|label|notification|reminder|details)
        # Receiving a telling: "you'll get a call from us", "you'll hear from us by Friday".
        |(?:get|receive|hear)\s+(?:a|an)\s+(?:phone\s+)?(?:call|email|e-mail|text|message|update
          |notification|confirmation|reminder)|hear\s+(?:back\s+)?from\s+(?:us|me|the\s+team))\w*\b"""
)

# Acts the business will do later, after the conversation (for vague commitments),
# read as the verb right after "I'll"/"we will" (with "first", "then"… skipped).
# What a later act has done to a thing, in the causative ("we'll get your refund processed").
_MADE_TO_BE_DONE = r"""(?:sorted|fixed|resolved|sent|replaced|repaired|refunded|reversed|processed
    |booked|arranged|removed|cancelled|canceled|corrected|changed|delivered|posted|shipped
    |collected|looked\s+at|checked|seen\s+to|serviced|inspected|listed|uploaded|published|added
    |updated|approved)"""
_LATER_ACTS = compile_verbose(
    rf"""(?:\b(?:i|we|they|he|she|someone|somebody|a\s+colleague|who
          # Chat drops the "I": "noted, will follow up on the double charge".
          |(?:^|[,;:.!]|\b(?:and|so|but))\s*(?=will\b)
          |one\s+of\s+(?:our|my|the)\s+(?:[\w-]+\s+)?[\w-]+s
          |(?:someone|somebody|a\s+member)\s+(?:from|of)\s+(?:our|the)\s+(?:\w+\s+)?(?:team|department)
          |(?:our|the)\s+(?:[\w-]+\s+){{0,2}}?(?:team|department|specialists?|engineers?|agents?|colleagues?|staff
            |developers|devs|techs?|technicians?|experts?|advisers?|advisors?|people|folks|manager
            |handlers?)))
        \s*(?:'ll|\bwill|\s+shall|'m\s+going\s+to|\s+am\s+going\s+to|'re\s+going\s+to
          |\s+are\s+going\s+to|\s+is\s+going\s+to)
        \s+(?:(?:first|then|also|just|personally|definitely|certainly|quickly|now)\s+)*
        (?:look\s+into|dig\s+into|get\s+back|follow\s+up|make\s+(?:it|this|that)\s+up\s+to\s+you
          # Putting it right: "we will make this right", "we'll make things right with you".
          |make\s+(?:it|this|that|things)\s+right|reach\s+out|contact|call|ring|phone|email|e-mail|text
          |update\s+you\b|keep\s+you\s+(?:posted|updated|informed)|be\s+in\s+touch
          # ...or everyone: "we'll let everyone know on Instagram", "I'll let you all know".
          |let\s+(?:you|everyone|everybody|you\s+all|all\s+of\s+you)\s+know
          |get\s+in\s+touch|circle\s+back|sort|fix|resolve|investigate|escalate|forward|send|arrange|refund|replace
          # (Not "I'll pass on that one!": declining, in idiom.)
          |pass(?!\s+on\s+(?:that|this|it)(?:\s+one)?\s*(?:[.!,;]|$))
          |have\s+(?!to\b)[a-z]+\s+(?:take\s+a\s+look|look\s+(?:at|into)|check|fix|call|contact|come)
          |repair|credit|take\s+care\s+of|deal\s+with|handle|work\s+on|make\s+sure|chase|reply
          # (Not "waive": a fee waived is given up then and there, as part of the deal.)
          |apply|process|issue|reverse|adjust
          |respond|find\s+out
          # "We'll give you a ring", "I'll drop you a line": a call or a note, in idiom.
          |give\s+(?:you|u)\s+a\s+(?:call|ring|bell|buzz|shout)|drop\s+(?:you|u)\s+a\s+(?:line|note|message|email|text)
          |see\s+what\s+(?:else\s+|more\s+)?(?:i|we)\s+can\s+do|raise|flag|feed\s+(?:this|it)\s+back
          # ("They'll have a great time" wishes the customer well; it is no act of staff.)
          |have\s+(?:someone|somebody|a\s+(?!(?:great|good|lovely|nice|fun|wonderful|brilliant
            |fantastic|blast|ball)\b)\w+|an\s+(?!amazing\b|awesome\b|excellent\b)\w+|our\s+\w+|the\s+\w+
            |one\s+of\s+(?:our|my|the)\s+)
          # Asking a colleague, drawing up a document, or bringing a thing to the customer later:
          # "I'll talk to the scheduling team", "I'll put together a quote", "we'll get the
          # gallery to you".
          |(?:talk|speak)\s+(?:to|with)|check\s+with|put\s+together|draw\s+up|write\s+up
          # ("We'll get a replacement charger and basket out to you": a thing named by "a".)
          |get\s+(?:it|this|that|them|the\s+[\w-]+|your\s+[\w-]+|an?\s+[\w-]+)\s+(?:[\w-]+\s+){{0,3}}?
            (?:over\s+|back\s+|out\s+)?to\s+(?:you|them|him|her)\b
          # Staff coming to the customer: "someone will come back to sort it out", "an engineer
          # will come out", "our fitter will come round".
          |come\s+(?:back|out|round|around|over|by)\b
          # Raising it with someone: "I'll take this up with the manager", "we'll take it up
          # with the courier", "we will address it with the driver".
          |take\s+(?:it|this|that|these|those)\s+up\b|address\s+(?:it|this|that)\s+with\b
          # The same acts going on later: "we'll be reviewing how…", "I'll be in touch".
          |be\s+(?:looking\s+into|reviewing|investigating|reaching\s+out|contacting|following\s+up
            |checking|working\s+on|chasing|looking\s+at|dealing\s+with|sorting)
          |get\s+(?:this|that|it|everything|you)\s+(?:sorted|fixed|resolved|back|a|an|the)
          # A thing of the customer's made to be done, in the causative: "we'll get your refund
          # processed", "I'll get a new one sent out", "we'll get the invoice corrected".
          |get\s+(?:the|your|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_MADE_TO_BE_DONE}\b
          # (Not a message received: "they'll get an email to accept it" is no one made to act.)
          |get\s+(?:our|the|someone|somebody|a|an|one\s+of\s+(?:our|the|my))\s+
            (?!(?:[\w-]+\s+)?(?:email|e-mail|text|link|notification|message|letter|code|sms|invite
              |invitation|reminder)s?\b)(?:[\w-]+\s+){{0,3}}?to\s+\w+
          # ...or named by a pronoun: "I'll get that refunded for you", "we'll get it posted".
          |get\s+(?:it|this|that|them|those|these)\s+{_MADE_TO_BE_DONE}\b
          |get\s+(?:someone|somebody|a\s+\w+|the\s+\w+)\s+(?:onto|on)\s+(?:it|this|that)
          # ...or oneself: "we'll get onto it", "I'll get on it".
          |get\s+(?:onto|on\s+to|on)\s+(?:it|this|that)\b
          |come\s+back\s+to\s+you|go\s+(?:over|through)\s+(?:it|this|that|them|your)
          # Going over something again, or replying, in business English: "we will review the
          # matter and revert", "our damage team will review the charge", "I'll revert to you".
          |review\s+(?:how|our|the|your|this|that|it|them|these|those|his|her|their)\b|revert
          |look\s+at\s+(?:how|ways)
          # "we'll take another look at it", "I'll take a proper look".
          |take\s+(?:a|another)\s+(?:(?:closer|quick|proper|second|further|fresh)\s+)?look
          # Posting, in idiom: "we'll pop a new card in the mail", "I'll put it in the post".
          |(?:pop|put|stick)\s+(?:[\w-]+\s+){{1,4}}?in\s+the\s+(?:post|mail)\b
          # Watching for a thing to turn up: "I'll keep an eye out for one", "we'll keep a
          # lookout for another". (Not "our staff will keep an eye on them": minding someone
          # while they are there; nor "we'll keep an eye out for your reply": waiting on the
          # customer.)
          # Finding what went missing: "we'll track down the missing knife", "I'll hunt it down".
          |track\s+down|hunt\s+down|track\s+(?:it|them|that|this)\s+down|hunt\s+(?:it|them)\s+down
          # Posting a thing back: "we'll post it back to you", "I'll post them out".
          |post\s+(?:it|them|that|this|those|these|the\s+[\w-]+|your\s+[\w-]+)\s+(?:back|out|on)\b
          |keep\s+(?:an\s+eye\s+out|a\s+look-?out)\b
            (?!\s+for\s+(?:your|a|the)\s+(?:reply|replies|message|response|answer|email|e-mail|dm|text)s?\b)
          |improve|feed\s+back)\w*\b"""
)
# A later act joined to another by "and"/"then" ("we'll review it and be in touch").
_LATER_JOINED = compile_verbose(
    r"""\b(?:and|then)\s+(?:look\s+into|get\s+back|come\s+back\s+to\s+you|follow\s+up|reach\s+out|be\s+in\s+touch
        |get\s+in\s+touch
        |let\s+(?:you|everyone|everybody|you\s+all|all\s+of\s+you)\s+know
        |keep\s+you\s+(?:posted|updated|informed)|circle\s+back|update\s+you\b
        |contact\s+you|call\s+you|email\s+you
        # "I'll dig out the photos and send them over", "we'll print it and post it out".
        |send|forward|post\s+(?:it|them|this|that|you)|pass\s+(?:it|them|this|that)\s+on)\b"""
)

# A way to the answer that does not depend on the question: a link, a ticket, a contact channel.
_ROUTE = compile_alternatives(
    r"""https?://\S+|www\.\S+|\b\w+\.(?:com|co\.uk|org|net|io)/\S*
      # A host and a path, whatever its domain: "thunderridge.example/lost", "shop.de/returns".
      | \b[a-z][\w-]*(?:\.[a-z][\w-]*)+/[\w/.-]*
      | \b(?:create|submit|open|raise|file|make)\s+(?:a\s+|an\s+)?(?:support\s+)?(?:ticket|request|case|claim)\b
      | \b(?:contact|call|email|e-mail|dm|message|chat\s+with|reach|phone|ring)\s+(?:us|our\s+\w+(?:\s+team)?|support|the\s+\w+\s+team)\b
      | \bsend\s+us\s+(?:an?\s+)?(?:email|e-mail|dm|direct\s+message|message|note)\b
      | \bget\s+in\s+touch\b
      | \b(?:fill|filling)\s+(?:in|out)\s+(?:the|this|our|a)\s+(?:[\w-]+\s+){0,3}?form\b
      | \btransfer\s+you\s+to\b
      | (?:line|number|phone|call\s+\w+\s+on)\s+(?:is\s+)?\+?\d[\d\s-]{6,}\d"""
)

_NEXT_STEP = compile_verbose(
    r"""\b(?:send\s+(?:us|me)|dm\s+us|direct\s+message|please\s+(?:provide|share|send|confirm|reply|contact|call|visit|fill|check|follow)
        |could\s+you\s+(?:please\s+)?(?:send|share|provide|confirm|tell|give|let)
        |can\s+you\s+(?:please\s+)?(?:send|share|provide|confirm|tell|give|let)
        |https?://\S+|www\.\S+|\w+\.(?:com|co\.uk|org|net|io)/\S*|\bform\b|\blink\b|call\s+us|contact\s+us
        |reach\s+us|check\s+your\s+email|fill\s+(?:in|out)|reply\s+with|order\s+number|booking\s+reference
        |reservation\s+(?:id|number|code)|user\s+id|account\s+(?:number|email)
        |(?:i|we)(?:'ll|\s+will)?\s+need\s+(?:your|the|some|a\s+few|a\s+little|more|to\s+know))"""
)


def _spans(pattern: regex.Pattern[str] | Alternatives, text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))


# Cheap look-outs: a sentence without any of these words cannot hold the act.
_REFUSAL_HINT = regex.compile(
    r"(?i)n't|\b(?:not|no|nope|nah|nothing|cannot|unable|impossible|decline|refuse|deny|nor|pass|leave"
    r"|limits|declined|refused|rejected|denied|turned)\b"
)
# Pieces of words one of which every guarantee holds ("guarant" in "guaranteed", "sure" in
# "for sure" and "assure", "way" in "no way" and "always"): plain substring tests are several
# times faster than any pattern, and a sentence without them is not searched.
_GUARANTEE_CUES = (
    "guarant", "promis", "swear", "sure", "certain", "definitely", "absolutely", "100", "never",
    "again", "nothing", "without", "matter", "chance", "risk", "way", "word",
)  # fmt: skip
# The same for ASCII text, where a case-blind match holds its words in lower case, with the
# words of the two patterns that "way" stood for spelt out: "always", and what "no way" (or
# "zero chance", "no risk") goes on to ("…of anything going wrong", "…it'll fail"). "On its
# way" and "any way" no longer search the sentence.
_ASCII_GUARANTEE_CUES = (
    "guarant", "promis", "swear", "sure", "certain", "definitely", "absolutely", "100", "never",
    "again", "nothing", "without", "matter", "always", "wrong", "fail", "break", "word",
)  # fmt: skip
_SYCOPHANCY_HINT = regex.compile(
    r"(?i)always|never\s+wrong|whatever|anything|wish|boss|know\s+best|king|queen|shots"
    r"|what\s+you\s+want|yours"
    r"|name\s+it|say\s+the\s+word|however\s+you|says?\s+goes|word\s+is|what\s+you'd"
)


# Where the clause holding a word starts: after a stop, a colon or dash, or a conjunction that
# opens a new main clause ("I understand, but we can't…").
_CLAUSE_BOUNDARY = compile_verbose(
    r"""[.;!?:\u2014\u2013] | ,\s*(?:but|however|and|so|yet|though|although)\b
      | \b(?:but|however|although|though|unfortunately)\b"""
)
# A frame of sympathy or perception, or a subordinator, before a clause about someone else.
_FRAME = compile_verbose(rf"\b{alternation(REPORT_FRAMES + SUBORDINATORS)}\b")
# The business as the subject: it declines ("we can't", "I'm unable to", "our team won't").
_BUSINESS = compile_verbose(r"^(?:i|we|i'm|we're|i've|we've|our\s+[\w-]+)$")
# Words that cannot be the modifier or head of a noun phrase naming a kind of case.
_FUNCTION_WORD = alternation(
    PERSONAL_PRONOUNS
    + SPECIFIC_DETERMINERS
    + GENERIC_DETERMINERS
    + CATEGORY_PREPOSITIONS
    + ("the", "be", "is", "are", "was", "were", "me", "us", "him", "them", "just", "only", "more")
)
_HANDLE = regex.compile(r"@\w+|https?://\S+")
_SUBJECT_OPENER = compile_verbose(
    rf"\b(?:{alternation(REPORT_FRAMES + SUBORDINATORS)}|that)\b(?=\s+\S)"
)
_CUSTOMER = compile_verbose(r"^(?:you|you're|your\b.*)$")
_HEARSAY = compile_verbose(rf"\b{alternation(HEARSAY_FRAMES)}\b")
# A passive refusal: "cannot be modified", "are not covered", "isn't refundable". Not
# "aren't allowed": there the subject is the thing refused itself ("packed lunches
# aren't allowed"), not the kind of case a rule is about.
_PASSIVE = compile_verbose(
    r"""[^.!?]*?\b(?:can't|cannot|can\s+not|won't|will\s+not|couldn't)\s+be\s+[a-z]+(?:ed|en|ne|wn|ld|lt|id)\b
      | [^.!?]*?\b(?:isn't|aren't|is\s+not|are\s+not)\s+(?:covered|refundable|eligible
        |transferable|returnable|exchangeable|accepted)\b"""
)
_RELATIVE = compile_verbose(r"\b(?:which|who|whom)$")
# A relative clause without "that" after a noun phrase: "an account you can't access".
_CONTACT_RELATIVE = compile_verbose(
    r"""\b(?:a|an|the|any|every|your|my|his|her|their|this|these|those)\s+(?:[\w-]+\s+){0,3}?
        (?!(?:is|was|are|were|means|that|so|because|if|when|and|but|or)\b)[\w-]+\s+(?:you|they|he|she)$"""
)
# ...and one whose subject is the business, after the object of a preposition it describes:
# "so nobody is left waiting on a promise we can't keep" (not "it's a date we can't change",
# which says no to changing it).
_OUR_RELATIVE = compile_verbose(
    r"""\b(?:on|of|to|for|with|about|by|from|in)\s+(?:a|an|the|any|every)\s+
        (?:[\w-]+\s+){0,2}?(?!(?:is|was|are|were|that|so|because|if|when|and|but|or)\b)[\w-]+
        \s+(?:we|i)$"""
)
# A no that is what follows when a case is not met: "Damage needs to be reported within 48
# hours, otherwise we can't look at it", "please don't have it repaired before they inspect
# it, or they won't be able to assess it" ("or" right before the no's subject).
_CONSEQUENCE = compile_verbose(r"\b(?:otherwise|or\s+else)\b|\bor\s+$")
_PRONOUN = compile_verbose(rf"^{alternation(PERSONAL_PRONOUNS)}$")
# A relative clause whose subject is the business: "the range hut, *which I* can't get to".
_WHICH_WE = compile_verbose(r"\b(?:which|whom)\s+(?:i|we)$")
# What someone can't perceive, after the no's words: "PSA won't be able to *tell*", "you
# can't *see the difference*" (not "tell you the address", which withholds it).
_CANNOT_PERCEIVE = compile_verbose(
    r"""\s*(?:tell(?!\s+(?:you|u|him|her|them|anyone|anybody|us|me|people|customers|the)\b)
        |notice|spot|detect|see\s+(?:the|a|any)\s+difference)\b"""
)
_SPECIFIC = compile_verbose(rf"^{alternation(SPECIFIC_DETERMINERS)}\b")
# Words that open a clause without being its subject ("please note that basic fares…").
_LEAD_IN = compile_verbose(
    r"""^(?:\W|please|note|that|sorry|i'm\s+afraid|afraid|unfortunately|regrettably|also|and|so
        |just|so|as|a\s+reminder|remember|keep\s+in\s+mind)+"""
)
_MODAL = compile_verbose(
    r"""\s*(?:can't|cannot|can\s+not|couldn't|could\s+not|won't|will\s+not|isn't|is\s+not|aren't
        |are\s+not|'s\s+not|'re\s+not|is\b|are\b|am\b|'m\b|'re\b|'s\b|don't|do\s+not|doesn't
        |does\s+not|unable|not)\b"""
)
_COMPLEMENT_NOUN = alternation(COMPLEMENT_NOUNS)
# A kind of case after a preposition: a head noun with a modifier of its own ("to an existing
# reservation", "for delayed flights", "after the initial booking"). A bare noun ("from a
# reservation", "for flights") or a topic ("updates on flight statuses") names no kind.
_CATEGORY_PHRASE = compile_alternatives(
    rf"""(?<!\b{_COMPLEMENT_NOUN}\s+)\b(?:{alternation(CATEGORY_PREPOSITIONS)}\s+
          # "to the blue room" is where to; "to an existing booking" is a kind of case.
          # ("for the full session", "for the whole day" is how long, of the one thing asked.)
          (?:{alternation(GENERIC_DETERMINERS)}|(?<!\bto\s+)the(?!\s+(?:full|whole|entire)\b))
          \s+(?!{_FUNCTION_WORD}\b)[a-z][\w-]*\s+[a-z][\w-]*
        | for\s+(?!{_FUNCTION_WORD}\b)[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?(?!{_FUNCTION_WORD}\b)[a-z][\w-]*[^s\W]s)
        (?=\s*(?:$|[,.;:!?)]|\b(?:and|or|but|through|via|by|at|on|using|as|here|online
          |{alternation(CATEGORY_PREPOSITIONS)})\b))
      # A kind named by what was done to it: "for stays booked through an agent", "on items
      # bought in a sale", "for orders placed before Friday".
      | \b(?:for|on|with)\s+(?:[a-z-]+\s+)?(?!{_FUNCTION_WORD}\b)[a-z-]+[^s\W]s\s+
          (?:[a-z]+ed|bought|sold|made|paid|sent|held|taken|given|done|built|kept|won|set)\b
      | ^\s+(?:any\s+|all\s+)?(?:(?!{_FUNCTION_WORD}\b)[a-z-]+\s+)?(?!{_FUNCTION_WORD}\b)[a-z-]+[^s\W]s\s+
          (?:[a-z]+ed|bought|sold|made|paid|sent|held|taken|given|done|built|kept|won|set)\b
      # ...or by a participle before it: "on *freshly painted* cars", "for *discounted* items".
      | \b(?:for|on|with|to|from)\s+(?:any\s+|all\s+)?(?:[a-z]+ly\s+)?
          (?:[a-z]{{3,}}ed|used|worn|broken|sold|bought|made|built)\s+(?!{_FUNCTION_WORD}\b)[a-z-]+[^s\W]s\b
      | \b(?:after|once|past|beyond|since|outside)\s+(?:the|a|an|your|its|their)?\s*
          (?!{_FUNCTION_WORD}\b)[a-z][\w-]+
      # A kind bounded by a figure: "children under 4", "drivers under 25", "bags over 23kg".
      | ^\s+(?:back\s+|in\s+|to\s+|for\s+|from\s+)?(?:any\s+|all\s+)?(?:(?!{_FUNCTION_WORD}\b)[a-z-]+\s+)?
          (?!{_FUNCTION_WORD}\b)[a-z-]+\s+(?:under|over|below|above|aged
          |younger\s+than|older\s+than|heavier\s+than|longer\s+than|bigger\s+than)\s+
          # ...or by an ordinal: "windows above the third floor", "rows past the tenth".
          (?:\d|(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth
            |\d+(?:st|nd|rd|th))\b)
      # The case the rule holds in, as a condition after it: "we can't refund it if the seal
      # is broken", "we're unable to exchange them unless they're unworn", "we can't take it
      # back once it's been opened". Not a condition of the talk: "if I'm honest", "if that
      # helps", "if you like".
      | \b(?:if|unless|once|until|till|when|whenever|as\s+long\s+as)\s+
          (?!(?:i'm|i\s+am)\s+(?:being\s+)?honest|(?:that|it|this)(?:'s|\s+is)?\s+(?:helps?|makes\s+sense
            |ok|okay|alright|all\s+right)|you\s+(?:like|want|prefer|wish|need|don't\s+mind)\b)
          (?:(?:[\w-]+\s+){{0,4}}?(?:is|are|was|were|be|been|has|have|had|isn't|aren't|wasn't|weren't
            |hasn't|haven't|hadn't|does|do|did|doesn't|don't|didn't|can|can't|won't|will)
          | [\w-]+'(?:s|re|ve)
          | [a-z]+ed)\b
      | \b[a-z-]+s\s+(?:that|which|who)\s+(?:are|were|have|haven't|aren't|weren't|do|don't|is|isn't)\b
      | \b(?:a|an|any)\s+[a-z-]+\s+(?:that|which|who)\s+(?:is|was|has|hasn't|isn't|wasn't)\b"""
)
# Stating the scope of what one handles names the kind of request declined: "we can't help
# with account-specific issues here", "I'm here to help with orders, but I can't…".
_SCOPE_OBJECT = compile_verbose(
    r"""^\s*(?:help|assist|support|deal|handle|answer)\w*\s+(?:you\s+)?(?:further\s+)?
        # (One particular thing, "the car", "your boiler", is the customer's, no kind.)
        (?:with\s+|on\s+)?+(?:any\s+)?(?!(?:that|this|it|them|those|these|the|your|my|his|her|their)\b)
        [\w'-]+\s+[\w'-]+"""
)
_SCOPE_BEFORE = compile_verbose(
    r"""\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:only\s+)?here\s+to\s+(?:help|assist)
      | \b(?:i|we)\s+can\s+only\s+(?:help|assist)\s+(?:you\s+)?with\b
      # What one handles, set against what one doesn't: "I can help you with returns,
      # exchanges and address updates, but I'm not able to place new orders".
      | \b(?:i|we)\s+(?:can|am\s+able\s+to|'m\s+able\s+to)\s+(?:help|assist)\s+(?:you\s+)?with\s+
        (?!your\b|this\b|that\b|it\b|the\b)[^.!?]{3,200}?\bbut\b"""
)
# A kind named by a bound on a figure: "under-16s", "over-18s", "under 5s".
_AGE_BAND = compile_verbose(r"(?:under|over)-?\d+s$")
# A clause of circumstance before the refusal: "once an order is cancelled, it cannot be undone".
_CIRCUMSTANCE = compile_verbose(r"\b(?:once|after|if|when|whenever|unless)\s+\w+")


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding offset ``at`` starts."""
    start = 0
    for match in _CLAUSE_BOUNDARY.finditer(text, 0, at):
        start = match.end()
    return start


def _subject(text: str, start: int, end: int) -> str:
    """The words before the verb of a refusal found at ``start``: its grammatical subject."""
    head = text[_clause_start(text, start) : start] + text[start:end]
    # The refusal's own verb: the first modal or negation inside the refusal, not an earlier
    # one of the clause ("It's never fun when you can't…").
    modal = _MODAL.search(head, len(head) - (end - start)) or _MODAL.search(head)
    subject = head[: modal.start()] if modal else head
    # A subject holds no comma: what comes before one is an interjection or a lead-in
    # ("Sorry, that is not possible"); handles and links name nobody's subject.
    subject = _HANDLE.sub(" ", subject.rpartition(",")[2]).lower()
    # Nor does it hold the frame or subordinator that introduces its clause: "we understand
    # *you*", "it's never fun when *you*".
    frames = list(_SUBJECT_OPENER.finditer(subject))
    if frames:
        subject = subject[frames[-1].end() :]
    return _LEAD_IN.sub("", subject).strip(" ,")


_PAST_FAILURE = compile_verbose(
    r"(?:i|we|our\s+[\w-]+)\s*(?:couldn't|could\s+not|weren't\s+able\s+to|wasn't\s+able\s+to)\b"
)
_REGRET_BEFORE = compile_verbose(
    r"\b(?:sorry|apologi[sz]e|apologies|shame|pity|regret)\s+(?:that\s+)?$"
)


def _reports_situation(text: str, start: int, end: int) -> bool:
    """Whether a refusal is someone else's situation in a frame ("sorry you can't log in")."""
    if _CONSEQUENCE.search(text, _clause_start(text, start), start):
        return True
    subject = _subject(text, start, end)
    if _OUR_RELATIVE.search(subject) or _WHICH_WE.search(subject):
        # "nobody is left waiting on a promise we can't keep", "the range hut, which I can't
        # get to until tomorrow": a description of a thing
        return True
    if not _BUSINESS.match(subject) and (
        _CANNOT_PERCEIVE.match(text, end) or _CANNOT_PERCEIVE.match(text, text.rfind(" ", start, end))
    ):
        return True  # "PSA won't be able to tell", "you can't tell it was resized": unseen
    if _BUSINESS.match(subject):
        # "I'm sorry we couldn't repair it": a failure of the past, regretted, says no to no
        # request ("Sorry, we couldn't do that", set off by a comma, still may).
        return bool(
            _PAST_FAILURE.match(text, start, end)
            and _REGRET_BEFORE.search(text, _clause_start(text, start), start)
        )
    if _RELATIVE.search(subject) or _CONTACT_RELATIVE.search(subject):
        # "listings for price gouging, which aren't allowed", "a Minecraft account you can't
        # access": a description of a thing, not a no
        return True
    frames = _FRAME if _CUSTOMER.match(subject) else _HEARSAY
    # The frame must govern the clause: "sorry you can't…", not "Sorry, you can't…" (an
    # interjection set off by a comma, before a no).
    begins = _clause_start(text, start)
    comma = text.rfind(",", begins, start)
    return bool(frames.search(text, begins if comma < 0 else comma + 1, start))


# A verb of assurance right before a clause (CGEL ch. 11, on content clauses): what follows is
# vouched for, not declined. "I promise we won't charge you twice", "I can assure you that
# it won't happen again", "rest assured our team won't…".
_ASSURED = compile_verbose(
    r"""\b(?:(?:i|we)\s+(?:can\s+|will\s+|do\s+)?(?:\d+\s*%\s+|personally\s+|absolutely\s+)?
          (?:guarantee|promise|assure\s+(?:you|u))
        # "I'll make sure we don't charge you twice": seeing to it, not declining.
        | (?:i|we)(?:'ll|\s+will)\s+(?:make\s+sure|ensure)
        | rest\s+assured | you\s+have\s+(?:my|our)\s+word)
        ,?\s+(?:(?:to\s+)?(?:you|u)\s+)?(?:that\s+)?$"""
)


# The customer's point granted, in a content clause (CGEL ch. 11): "you're right that we
# don't reward long-standing members", "it's true that we can't see the cameras", "I agree
# that we don't make it easy". What the clause says is a fact conceded, not a no to a request.
_CONCEDED = compile_verbose(
    r"""\b(?:you(?:'re|\s+are)\s+(?:quite\s+|absolutely\s+|completely\s+|totally\s+|so\s+)?
          (?:right|correct)
        | it(?:'s|\s+is)\s+(?:quite\s+|absolutely\s+)?true
        | (?:i|we)\s+(?:do\s+)?(?:agree|admit|accept))
        \s+that\s+$"""
)
# How far before a no its concession is looked for.
_CONCEDED_REACH = 40


def concedes_the_no(text: str, start: int) -> bool:
    """Whether the no at ``start`` grants the customer's point ("you're right that we don't…").

    It says no to nothing asked, so it needs no reason: "you're right that we don't
    currently reward long-standing members, and I can see why that feels unfair".
    """
    return bool(_CONCEDED.search(text, max(0, start - _CONCEDED_REACH), start))


@lru_cache(maxsize=_CACHE_SIZE)
def find_refusal(text: str) -> tuple[int, int] | None:
    """The span of a refusal in a sentence ("we can't do that", "that's not possible"), if any.

    A hedge ("I can't guarantee…") is not a refusal, and neither is the customer's
    own situation in a frame of sympathy or perception ("sorry to hear you can't log in").
    """
    if not _REFUSAL_HINT.search(text):
        return None
    # A no that shares words with a hedge is the hedge: "we're not able to guarantee that"
    # (the no's words may start before the hedge's, at its subject).
    hedges = [(h.start(), h.end()) for h in _HEDGE.finditer(text)]
    for match in _REFUSAL.finditer(text):
        if any(a <= match.end() and match.start() <= b for a, b in hedges):
            continue
        if _ASSURED.search(text, 0, match.start()):
            continue  # "I guarantee our crew won't leave a scratch": an assurance, not a no
        if _reports_situation(text, match.start(), match.end()):
            continue
        return match.start(), match.end()
    return None


# Words of regret alone, back to the start of their clause: "Hi Carla, sorry", "Unfortunately".
_REGRET_ALONE_BEFORE = compile_verbose(
    rf"""^\W*(?:(?:{alternation(GREETINGS)})\b[^,.!?;:\u2013\u2014-]{{0,30}}[,!]\s*)?
        (?:(?:so|really|very|terribly)\s+)?
        (?:sorry|unfortunately|sadly|regrettably|i'm\s+(?:so\s+)?sorry|i'm\s+afraid|afraid|apologies
          |no|nope|nah|oh|ah)\W*$"""
)
# A dash or colon and the words after it up to the end: no stop, comma, semicolon or other
# mark between them, nor a word that joins another clause ("— publishers set a street date
# and our contracts don't…" explains).
_MARK_OPENING_THE_REST = compile_verbose(
    r"""(?:[:\u2014\u2013]|\s-)\s*
        (?:(?!\b(?:and|but|so|because|as|since|which|that|or)\b)[^:;,.!?\u2014\u2013()])*$"""
)


def mark_opening_the_no(text: str, start: int) -> int | None:
    """Where a dash or colon opens the very clause of the no at ``start``, if one does.

    "Sorry \u2014 splitting the fee into instalments isn't something we can do": the dash
    introduces the no; it explains nothing (SPEC §3's dash is followed by the explanation).

    Args:
        text: The sentence.
        start: Where the no's words start.
    """
    found = _MARK_OPENING_THE_REST.search(text, max(0, start - 120), start)
    if found is None:
        return None
    mark = found.start() + len(found.group()) - len(found.group().lstrip())
    # Only a mark after words of regret alone opens the no: "Fully booked: we can't fit you
    # in" puts a cause before it.
    return mark if _REGRET_ALONE_BEFORE.search(text, 0, mark) else None


def in_an_aside(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside brackets: an aside to what the sentence says.

    "Each bell tent has USB sockets, so phones are fine (no hairdryers, sadly)": a no in
    brackets remarks on something nobody asked for; it declines nothing.
    """
    opened = text.rfind("(", 0, start)
    if opened < 0 or text.rfind(")", opened, start) >= 0:
        return False
    closed = text.find(")", end)
    return closed >= 0 and text.find("(", end, closed) < 0


# A refusal whose verb is one of moving or seeing, and the "past" after it: a way by.
_PASSED_BY = regex.compile(rf"(?i)\b(?:{_PASSING_VERBS})\s*$")
_PAST_AFTER = regex.compile(r"(?i)\s*past\b")


def way_by_end(text: str, start: int, end: int) -> int:
    """Where the refusal at ``start:end`` ends, with the "past" of a verb of passing.

    "We can't get past the passcode": "past" goes with "get" as a way by, and is no bound
    in time ("past the deadline") for what follows to give as a reason or a kind of case.

    Args:
        text: The sentence.
        start: Where the refusal starts.
        end: Where it ends.
    """
    past = _PAST_AFTER.match(text, end)
    if past is None or _PASSED_BY.search(text, start, end) is None:
        return end
    return past.end()


@lru_cache(maxsize=_CACHE_SIZE)
def names_category(text: str, start: int, end: int) -> bool:
    """Whether the refusal at ``start:end`` states a rule for a kind of case (SPEC §3).

    "Basic economy flights cannot be modified", "changing the passenger is not
    allowed", "I can't add insurance to an existing reservation", "once an order
    is cancelled, it cannot be undone": the rule names the category the
    customer's case falls under, which is the reason. "Your order can't be
    changed" and "I can't change it" name no category.
    """
    subject = _subject(text, start, end)
    clause_end = _CLAUSE_BOUNDARY.search(text, end)
    # ("We can't get past the passcode": a way by, not "past the deadline".)
    rest = text[way_by_end(text, start, end) : clause_end.start() if clause_end else len(text)]
    rest = rest.lower()
    if _CATEGORY_PHRASE.finds_any(rest) or _CIRCUMSTANCE.search(text.lower(), 0, start):
        return True
    verb_and_object = text[end - len(text[start:end].split()[-1]) :].lower()
    if _SCOPE_OBJECT.match(verb_and_object) or _SCOPE_BEFORE.search(text.lower(), 0, start):
        return True
    words = subject.split()
    if len(words) == 1 and words[0].startswith("non-"):
        words = ["non", words[0][4:]]  # "non-members": a kind named by its prefix
    if len(words) == 1 and _AGE_BAND.match(words[0]):
        return True  # "under-16s aren't allowed": a kind named by its bound
    if len(words) < 2 or _BUSINESS.match(subject) or _SPECIFIC.match(subject):
        return False
    if not _PASSIVE.match(text, start, end + 40):
        return False  # "private tours aren't something we offer" restates what was asked
    # A kind named by its modifier ("basic economy fares"), not a gerund restating the act
    # ("changing the name is not allowed") or one particular thing ("the certificate").
    return not words[0].endswith("ing") and not (words[0] == "the" and len(words) == 2)


# A generic plural subject named by what was done to it: "hired instruments", "opened
# tubs", "used mattresses" (not "the hired van": one thing, with its determiner).
# The words that say what was done to a thing, shared by the readings of a kind named by them.
_DONE_TO = r"[a-z]+ed|worn|torn|broken|used|unsealed"
_DONE_TO_KIND = compile_verbose(
    rf"^(?:any\s+|all\s+)?(?:{_DONE_TO}|sold|bought|made|built)"
    r"\s+(?:[a-z-]+\s+)?(?P<head>[a-z-]+[^s\W]s)$"
)


def kind_of_subject(text: str, start: int, end: int) -> str | None:
    """The head noun of the refusal's subject when it is a kind named by what was done to it.

    "Hired instruments can't leave the country": a generic plural, "instruments", whatever
    the verb, as "opened software can't be returned" (SPEC §3). Whether it names the rule's
    category or only repeats what the customer asked ("packed lunches aren't allowed",
    asked "can she bring a packed lunch?") is for the caller, who has the customer's words.
    """
    found = _DONE_TO_KIND.match(_subject(text, start, end).lower())
    return found["head"] if found else None


# A bare object named by what was done to it: "we can't take back *opened food*", "we don't
# refund *worn shoes*". With no determiner the noun phrase is generic (CGEL ch. 5 §8): a kind
# of thing, the rule's category, not one thing.
_DONE_KIND = compile_verbose(
    rf"""^\s+(?:back\s+|in\s+|up\s+)?(?P<done>{_DONE_TO}|open)\s+
        (?!{_FUNCTION_WORD}\b)[a-z][\w-]*(?:\s+(?!{_FUNCTION_WORD}\b)[a-z][\w-]*)?
        (?=\s*(?:$|[,.;:!?)]|\b(?:and|or|but|from|at|after|once|so)\b))"""
)


def kind_done_to(text: str, start: int, end: int) -> str | None:
    """What was done to the kind of thing the refusal at ``start:end`` names, if it names one.

    "We can't take back opened food" gives "opened": the refusal's rule is about opened
    food, which is its reason when the customer did not say so themselves ("remove my
    checked bag" - "I'm unable to remove checked bags" only says the request back).
    """
    clause_end = _CLAUSE_BOUNDARY.search(text, end)
    match = _DONE_KIND.match(text[end : clause_end.start() if clause_end else len(text)].lower())
    return match["done"] if match else None


@lru_cache(maxsize=_CACHE_SIZE)
def is_hedge(text: str) -> bool:
    """Whether the sentence declines to guarantee or promise ("I can't guarantee…")."""
    return bool(_HEDGE.search(text))


@lru_cache(maxsize=_CACHE_SIZE)
def gives_reason(text: str) -> bool:
    """Whether the sentence gives a cause (because, since, due to, a colon and an explanation…)."""
    return _REASON.finds_any(text)


# A conjunction that opens a clause of cause, just before where a clause starts.
_CAUSE_OPENER = regex.compile(r"(?i)(?:^|[,;]\s*|\s)(?:as|because|since|given\s+that|seeing\s+as)\s+$")


@lru_cache(maxsize=_CACHE_SIZE)
def opens_a_cause(head: str) -> bool:
    """Whether the words before a clause end in "as", "because" or "since".

    The clause after them is then the cause of what the sentence says: "please add her
    before Saturday, *as* coaches can't release children to anyone else" explains a request;
    its "can't" declines nothing.
    """
    return bool(_CAUSE_OPENER.search(head))


# A sentence set against the one before: "…, though!", "However, …", "But …", "On the plus
# side, …". After a no, it offers what can be had instead; it does not explain the no.
_SET_AGAINST = regex.compile(
    r"(?i)^\W*(?:but|however|that\s+said|having\s+said\s+that|on\s+the\s+(?:plus|bright)\s+side"
    r"|the\s+good\s+news\s+is)\b|,?\s+though\W*$"
)


@lru_cache(maxsize=_CACHE_SIZE)
def sets_against(text: str) -> bool:
    """Whether a sentence is set against the one before it ("…, though!", "However, …")."""
    return bool(_SET_AGAINST.search(text))


# A colon or a dash inside a sentence explains what that sentence says.
_EXPLAINING_MARK = regex.compile(r"[:\u2014\u2013]|\s-\s")


@lru_cache(maxsize=_CACHE_SIZE)
def gives_reason_after(text: str) -> bool:
    """Whether the sentence after a refusal gives its cause.

    As :func:`gives_reason`, but a colon or a dash in it explains that sentence's own words,
    not the refusal before it: "That won't be possible. You can pay by bank transfer or
    cheque - the form is attached." gives no reason.
    """
    return _REASON.finds_any(_EXPLAINING_MARK.sub(" ", text))


@lru_cache(maxsize=_CACHE_SIZE)
def is_declining(text: str) -> bool:
    """Whether the sentence has the words of someone declining or qualifying (sorry, only, policy…)."""
    return bool(_DECLINING.search(text))


@lru_cache(maxsize=_CACHE_SIZE)
def find_sycophancy(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of "the customer is always right" and offers to do whatever the customer wants."""
    if not _SYCOPHANCY_HINT.search(text):
        return ()
    return _spans(_SYCOPHANCY, text)


PhrasePattern: TypeAlias = regex.Pattern[str]
"""A compiled pattern of a policy's literal phrases, made by :func:`phrase_pattern`."""


def phrase_pattern(phrases: Iterable[str]) -> PhrasePattern | None:
    """One case-insensitive pattern for literal phrases (any whitespace between words), or None.

    The phrases are escaped: nothing a policy writes is ever a pattern.
    """
    parts = [regex.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrases if p.strip()]
    if not parts:
        return None
    return regex.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", regex.IGNORECASE)


def find_guarantees(
    text: str, extra: regex.Pattern[str] | None = None
) -> tuple[tuple[int, int], ...]:
    """Spans of absolute guarantees, including a policy's extra guarantee terms.

    Args:
        text: A sentence.
        extra: The policy's extra guarantee terms, compiled with :func:`phrase_pattern`.
    """
    lowered = text.lower()
    cues = _ASCII_GUARANTEE_CUES if text.isascii() else _GUARANTEE_CUES
    may_guarantee = any(cue in lowered for cue in cues)
    spans = _spans(_GUARANTEE, text) if may_guarantee else ()
    if extra is not None:
        spans += _spans(extra, text)
    # "Nothing's guaranteed until…", "nobody can promise…": a negative subject denies it.
    # "Guaranteed with a card" secures a booking; "I promise to call you by noon" promises
    # one's own act, which is in one's power, not an outcome.
    return tuple(
        (start, end)
        for start, end in spans
        if not _NEGATIVE_SUBJECT.search(text, 0, start)
        and not (text[start:end].lower().endswith("guaranteed") and match_at(_SECURED, text, end))
        and not match_at(_OWN_ACT_PROMISED, text, start)
        and not (text[start:end].lower().endswith("promise") and _OWN_ACT_THEN_PROMISE.match(text))
        and not _LIMIT_OF_A_PROMISE.search(text, 0, start)
    )


# An adverbial that makes a claim unconditional: a "never" before it is the claim's own ("it
# will never stain no matter what"), not a denial of the guarantee, which takes a denied word
# of promising ("I can't promise it'll hold no matter what").
_UNCONDITIONALLY = compile_verbose(r"^(?:no\s+matter\s+what|whatever\s+happens|come\s+what\s+may)\b")
_DENIED_PROMISE = compile_verbose(
    r"""\b(?:can't|cannot|can\s+not|won't|don't|do\s+not|couldn't|unable\s+to|not\s+able\s+to|no|not)\s+
        (?:\w+\s+)?(?:promise|promising|guarantee|guaranteeing|assure|say|swear|commit|certain|sure)\b"""
)


def denies_the_guarantee(text: str, start: int, end: int) -> bool | None:
    """For an unconditional adverbial at ``start:end``, whether a denied promise comes before it.

    None for any other guarantee, whose own negation ("can't guarantee") the caller reads.

    Args:
        text: A clause.
        start: Where the guarantee's words start in it.
        end: Where they end.
    """
    if not _UNCONDITIONALLY.match(text[start:end]):
        return None
    return _DENIED_PROMISE.search(text, 0, start) is not None


# "The earliest I can promise is Wednesday", "the best we can guarantee is…": what can be
# promised at most, a limit stated, not an outcome guaranteed.
_LIMIT_OF_A_PROMISE = compile_verbose(
    r"""\b(?:earliest|soonest|latest|best|most|fastest|quickest)\s+(?:date\s+|time\s+|day\s+)?(?:that\s+)?$"""
)


_SECURED = compile_verbose(
    r"""\s+(?:against\s+|(?:with|by)\s+(?:a|an|your|the)?\s*(?:credit\s+|debit\s+)?
        (?:card|deposit|payment|pre-?authori[sz]ation|cheque|check|bond)\b)"""
)
# Our own acts of telling, looking and chasing: in our power, so promising them guarantees
# no outcome.
_OWN_ACTS = r"""(?:call|email|e-mail|ring|phone|look|check|get\s+back|follow\s+up|write|text|update
    |keep|let|contact|chase|investigate|reply|respond|pass)\b"""
_OWN_ACT_PROMISED = compile_verbose(
    rf"""(?:i|we)\s+promise\s+(?:(?:you\s+)?(?:that\s+)?(?:i|we)(?:'ll|\s+will)|to)\s+(?:personally\s+)?
        {_OWN_ACTS}"""
)
# ...and the same promised with the promise tagged on: "I'll call you back at 4, promise."
_OWN_ACT_THEN_PROMISE = compile_verbose(
    rf"""^\W*(?:i|we)(?:'ll|\s+will)\s+(?:personally\s+)?{_OWN_ACTS}[^.!?]*?
        (?:,|\s[\u2013\u2014-])\s*(?:i\s+)?promise\W*$"""
)


_NEGATIVE_SUBJECT = compile_verbose(
    r"""\b(?:nothing|nobody|no\s+one|none\s+of\s+(?:us|them|these|this))
        (?:'s|\s+is|\s+are|\s+was|\s+can|\s+could|\s+will|\s+would)?(?:\s+(?:be|ever|really|truly))*\s*$"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def find_meta_verbs(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of verbs that tell or arrange rather than perform (confirm, email, check…)."""
    return _spans(_META_VERBS, text)


# A no said again in general words, pointing back: "(sorry we) can't help with that one",
# "(we) can't do that", "won't be able to manage it this time" - no act of its own.
_SAYS_NO_AGAIN = compile_verbose(
    r"""^\W*(?:(?:i|we)\s*)?(?:can't|cannot|can\s+not|won't\s+be\s+able\s+to|am\s+unable\s+to|'m\s+unable\s+to
        |are\s+unable\s+to|'re\s+unable\s+to)\s+(?:help|do|assist|manage|accommodate|arrange)
        (?:\s+(?:with|on))?\s+(?:this|that|it)(?:\s+one)?
        (?:\s+(?:today|here|this\s+time|for\s+you|i'm\s+afraid))?\W*$"""
)


def refers_back_to_it(refusal_on: str) -> bool:
    """Whether a refusal from its verb on says an earlier no again ("can't help with that one")."""
    return bool(_SAYS_NO_AGAIN.search(refusal_on))


# What a no points back to with a pronoun, naming nothing of its own: "that's not something
# we're able to do", "it isn't possible", "we can't do that", "I'm unable to help with this".
_NO_TO_IT = compile_verbose(
    r"""\b(?:that|this|it)(?:'s|\s+is|\s+isn't|\s+wouldn't\s+be|\s+won't\s+be)\s+(?:not\s+)?
        (?:really\s+)?(?:something|anything|possible|doable|an\s+option)\b
        |\b(?:help|do|assist|manage|accommodate|arrange|offer|allow|provide)(?:\s+(?:with|on))?
        \s+(?:this|that|it)(?:\s+one)?\b(?!\s+(?:to|for|from|by|until|in|on|at)\b)"""
)


def says_no_to_it(text: str) -> bool:
    """Whether a no points back to what was asked, naming nothing of its own.

    "Can you tell from the picture?" - "sorry, that's not something we're able to do".

    Args:
        text: A sentence that says no.
    """
    return _NO_TO_IT.search(text) is not None


@lru_cache(maxsize=_CACHE_SIZE)
def find_later_acts(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of acts done later by staff (look into, get back, follow up, refund…)."""
    return _spans(_LATER_ACTS, text) + _spans(_LATER_JOINED, text)


@lru_cache(maxsize=_CACHE_SIZE)
def find_routes(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of routes to an answer that fit any question (a link, a ticket, "contact us")."""
    return _spans(_ROUTE, text)


# "We won't <verb>": a will-not of the business's own, with the verb it will not do.
_WONT_ACT = regex.compile(
    r"(?i)\b(?:i|we)\s*(?:won't|will\s+not)\s+(?:ever\s+|be\s+)?(?!(?:be|able|have|need)\b)([a-z]+)\b"
)


# A habit of the business, said in the negative: "we don't lift floor coverings", "our
# assessors don't miss anything". The act runs to the end of its clause.
_HABIT_NOT = regex.compile(
    r"(?i)\b(?:i|we|our\s+[\w-]+)\s+(?:don't|do\s+not|doesn't|does\s+not)\s+"
    r"((?:(?!\b(?:so|but|and|because|as|since|which|unless|if)\b)[^,;:.!?\u2014\u2013])+)"
)


def habit_not_done(said: str) -> str | None:
    """What a "we don't <act>" says the business does not do, up to its clause's end.

    "lift floor coverings or open up walls" in "we don't lift floor coverings or open up
    walls, so hidden defects can be missed". None for a no of any other form.

    Args:
        said: The text from the start of the refusal.
    """
    found = _HABIT_NOT.match(said) or _HABIT_NOT.search(said)
    return found.group(1).strip() if found else None


def refused_act(said: str) -> str | None:
    """The verb of a refusal said as "we won't <verb>" ("cancel" in "we won't cancel the booking").

    None for any other refusal ("can't", "unable to", "won't be able to").

    Args:
        said: The refusal's words.
    """
    found = _WONT_ACT.search(said)
    return found.group(1) if found else None


# An hour of the clock with no "am"/"pm", after a word of time: "I'll ring you by 4 with
# his answer", "he's in at 1 and…", "I'll call you by 12 to tell you what he's found". Only
# where what follows ends the phrase, so "by 3 days", "at 2 locations" and "by 3 to 5 days"
# are not hours.
_BARE_HOUR = regex.compile(
    r"(?i)\b(?:by|at|before|around|until|till)\s+(?:1[0-2]|[1-9])(?:[:.][0-5]\d)?"
    r"(?=\s*(?:$|[.,;!?)\u2014\u2013-]|(?:with|and|so|then|today|tomorrow|tonight|latest"
    r"|o'clock|for\s+(?:you|u)|to\s+(?!\d)[a-z]+)\b))"
)


def names_a_bare_hour(text: str) -> bool:
    """Whether the text names an hour of the clock without "am" or "pm" ("by 4 with his answer").

    Args:
        text: A sentence.
    """
    return _BARE_HOUR.search(text) is not None


@lru_cache(maxsize=_CACHE_SIZE)
def find_next_steps(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of concrete next steps (a link, a form, "send us your order number")."""
    return _spans(_NEXT_STEP, text)


# A cause that runs into the no after it: "Premium works on up to 3 devices, so I can't…".
# The subject of the no may come between: "Tastings are for up to four people, so six won't…",
# and so may the case it is said of: "…, so for three of you I'm not able to apply it".
_SO_BEFORE = regex.compile(
    r"(?i)\w[^.!?]*,?\s+(?:so|which\s+means|therefore)"
    r"(?:\s+(?:for|in|with)\s+(?:[\w'-]+\s+){1,4}?,?)?"
    r"(?:\s+(?!(?:sorry|much|many|far|glad|happy|pleased)\b)(?:[\w'-]+(?:[:.]\d+)?\s+){1,3}|\s*)$"
    # ...or the second of two things the cause leads to: "Walnuts are wind-pollinated, so
    # bees won't improve your set and we don't place colonies in walnut blocks".
    r"|\w[^.!?]*,?\s+(?:so|which\s+means|therefore)\s+(?!(?:sorry|much|many|far|glad|happy|pleased)\b)"
    r"[^.!?;]{1,80}?\s+and\s*$"
    # What the act would be, pointed back to: "Backdating the receipt would be fraud,
    # and that's not something we'll do."
    r"|\b(?:would|'d)\s+be\s+(?!able\b)[^.!?]{1,80}?,?\s+(?:and|so)\s+(?:that|which|it)\s*$"
)
_DATE_OR_FIGURE = compile_verbose(rf"\b{MONTH}|\b{WEEKDAY}|\b\d")


# What the law or the rules forbid, said as such: "it's illegal to deliver alcohol to anyone
# under 21", "it's against the law to sell to…", "we're not allowed to release it without…".
_FORBIDS_BEFORE = regex.compile(
    r"(?i)\b(?:illegal|unlawful|against\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:law|laws|rules)"
    r"|not\s+(?:allowed|permitted|legal)|forbidden|prohibited|banned)"
    r"\s+(?:for\s+(?:us|me|anyone|staff)\s+)?to\s+[^.;!?]*$"
)
# How far back the prohibition is looked for: a clause's worth.
_FORBIDS_REACH = 200


def forbids(text: str, at: int) -> bool:
    """Whether what is said at ``at`` of a clause is what the law or the rules forbid.

    "It's illegal to deliver alcohol to anyone under 21": naming the forbidden thing inside
    the prohibition says no to it.

    Args:
        text: A clause of a sentence.
        at: Where the thing named starts in ``text``.
    """
    return ends_just_before(_FORBIDS_BEFORE, text, at, _FORBIDS_REACH)


@lru_cache(maxsize=_CACHE_SIZE)
def leads_into_a_no(head: str) -> bool:
    """Whether the words before a refusal end in its cause.

    A cause joined by "so" or "therefore", or what the act would be, pointed back to ("…
    would be fraud, and that's not something we'll do").
    """
    return bool(_SO_BEFORE.search(head))


@lru_cache(maxsize=_CACHE_SIZE)
def names_a_date_or_figure(text: str) -> bool:
    """Whether the text names a month, a weekday or a figure (a fact of the policy)."""
    return bool(_DATE_OR_FIGURE.search(text))


# The business granting something to this customer: "I've extended…", "we'll give you…",
# "you'll have 28 days" (not "you can dispute any bill…", a rule for everyone).
_GRANTS = compile_verbose(
    r"""\b(?:i|we)(?:'ve|\s+have|'ll|\s+will|\s+can|'d|\s+would|\s+am|'m|\s+are|'re)?\s+
        (?:just\s+|now\s+|also\s+|happily\s+)?
        # An offer in words of being glad to: "we're happy to keep the room for a week".
        (?:(?:be\s+)?(?:more\s+than\s+)?(?:happy|glad|pleased|delighted)\s+to\s+)?
        (?:(?:gone|go|went)\s+ahead\s+and\s+)?  # "I've gone ahead and extended…"
        (?:extended|extend|given|give|granted|grant|added|add
          |increased|increase|made|make|set|allowed|allow|offered|offer|giving|extending|adding
          |hold|held|holding|keep|kept|keeping|reserve|reserved
          |lock|locked|locking|freeze|froze|frozen|freezing)\b
      | \byou(?:'ll|\s+will)\s+(?:now\s+|still\s+)?(?:have|get|receive|be\s+able\s+to|keep)\b
      # What this customer's own thing will have: "your new crown will have a 5-year warranty",
      # or how long it will be kept for them: "your photos will be held for 90 days".
      | \byour\s+(?:[\w-]+\s+){0,3}?(?:will|'ll)\s+(?:now\s+|still\s+|also\s+)?
          (?:have|get|come\s+with|carry|be\s+(?:held|kept|valid|good|covered|saved|stored))\b"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def grants(text: str) -> bool:
    """Whether the business grants something to this customer in the text."""
    return bool(_GRANTS.search(text) or _FOR_THIS_CUSTOMER.search(text))


# The business's own act, already done: "I've written a 7-year warranty into your contract",
# "we've put you down for 10 weeks". Not "I have 30 days" (a possession) or "you've got…".
_WE_HAVE_DONE = compile_verbose(
    r"""\b(?:i|we)(?:'ve|\s+have)\s+(?:(?:just|now|already|also|gone\s+ahead\s+and)\s+)?
        (?:[a-z]{3,}ed|written|given|made|put|set|sent|kept|held|done|taken|drawn)\b"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def has_done_for_them(text: str) -> bool:
    """Whether the business says it has already done an act in the text ("I've written…")."""
    return bool(_WE_HAVE_DONE.search(text))


# The business's own act on what the clause before it gave, pointed back to as its object:
# "you get 15% off, *and I've already applied it*", "a bulk discount of 20%, *which I've
# applied*", "members get 10% off - *I'll add that* to your booking".
_TAKES_IT_UP = compile_verbose(
    r"""^\W*(?:and\s+|so\s+)?
        (?:which\s+(?:i|we)\b
          | (?:i|we)(?:'ve|\s+have|'ll|\s+will)\s+
            (?:(?:just|already|now|also|gone\s+ahead\s+and|go\s+ahead\s+and)\s+)*
            [a-z]+\s+(?:it|that|this|them)\b)"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def takes_it_up(text: str) -> bool:
    """Whether a clause is the business acting on what the clause before it gave.

    "…, and I've already applied it", "…, which I've applied", "…, and I'll apply it".
    """
    return bool(_TAKES_IT_UP.search(text))


# A commitment to this customer in any verb: the agent's own "I'll…"/"I can…", or "we'll…"/
# "we can…" done for this customer ("we can put it aside for you", "we'll move your booking").
# A verb of doing after "I'll"/"we can": not a state, a need, or finding out ("I'll be…",
# "we'll need…", "I'll check…", "I'll let you know").
_DOING = r"(?!(?:be|have|need|check|ask|see|try|let\s+(?:you|u)\s+know)\b)[a-z]+"
_FOR_THIS_CUSTOMER = compile_verbose(
    rf"""\bi(?:'ll|\s+will|\s+can)\s+{_DOING}
      | \bwe(?:'ll|\s+will|\s+can)\s+{_DOING}[^,;.!?]*\b(?:for\s+you|your)\b"""
)


# A greeting or thanks that opens an email or a chat before its first real sentence:
# "Hi Sam,", "Dear Ms Reyes,", "Good morning!", "Thanks for getting in touch.".
_GREETING = compile_verbose(
    r"""^\W*(?:@\w+\W*)*(?:hi|hello|hey|hiya|dear|good\s+(?:morning|afternoon|evening)|greetings)\b
        (?:\s+[\w.'-]+){0,4}\s*[,!.]?\s*$
      | ^\W*(?:thanks|thank\s+you)\s+(?:so\s+much\s+)?for\s+(?:reaching\s+out|getting\s+in\s+touch
        |contacting\s+us|your\s+(?:message|patience|email|question))\b[^.!?]*[.!]?\s*$"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def is_greeting(text: str) -> bool:
    """Whether a sentence only greets or thanks ("Hi Sam,", "Thanks for getting in touch.")."""
    return bool(_GREETING.search(text))


# Words that tell the customer a date is changing (not "unfortunately" or "behind" alone,
# which are about anything: "unfortunately that colour is out of stock").
_CHANGE = compile_verbose(
    r"""\b(?:instead\s+of|new\s+(?:date|time|deadline|estimate)|moved|mov(?:e|ing)\s+(?:it|the\s+date)
      |delay(?:ed|s)?|push(?:ed|ing)?\s+back|resched\w*|originally|earlier\s+(?:date|estimate|promise)
      |later\s+than|revis\w*|chang\w*\s+(?:the\s+)?(?:date|time)|no\s+longer
      |(?:running|fallen|are|we're|is)\s+behind|was\s+(?:due|promised|meant|supposed)|we\s+promised
      |i\s+promised|running\s+late|slipped|now\s+(?:be|arrive|expect))\b"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def acknowledges_change(text: str) -> bool:
    """Whether the sentence tells the customer a date is changing ("delayed", "new date")."""
    return bool(_CHANGE.search(text))


# "If you want to…", "should you prefer…": a condition that repeats the customer's wish.
_WISH = compile_verbose(
    r"""^\W*(?:and\s+|but\s+|so\s+)?(?:if|should)\s+you\s+(?:still\s+|really\s+)?
        (?:need|want|would\s+like|'d\s+like|wish|prefer|decide|choose)\b"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def repeats_a_wish(text: str) -> bool:
    """Whether a condition only repeats the customer's wish ("if you want to X, …")."""
    return bool(_WISH.search(text))


# Words that open no command: words of grammar, greetings, and words of feeling, thanks or
# assent that open a sentence without a verb ("Glad the ring fits", "Thanks for your order").
_NO_COMMAND = alternation(
    tuple(ENGLISH)
    + GREETINGS
    + ("thanks", "sorry", "hope", "glad", "happy", "pleased", "great", "good", "welcome",
       "congrats", "cheers", "apologies", "unfortunately", "sadly", "fortunately", "yes",
       "yeah", "sure", "absolutely", "definitely", "certainly", "once", "lovely", "perfect",
       # Asking the customer to wait for us is no condition they meet: "let me check and
       # I'll…", "leave it with me and…", "bear with me and…", "hang on and…", "go on so".
       "let", "leave", "bear", "hang", "hold", "go", "give",
       # A preposition that looks like a verb: "Given the circumstances, we'll…".
       "given")
)  # fmt: skip
# What follows a verb that opens a command: its object, or a particle or preposition.
_OBJECT_OPENER = alternation(
    ("a", "an", "the", "your", "our", "us", "me", "it", "them", "this", "that", "these",
     "those", "back", "over", "up", "out")
)  # fmt: skip
# An imperative joined by "and" to a promise is a condition (SPEC §3): "Bring the receipt to
# any store and we'll refund it", "Send us a photo and I'll arrange a replacement".
# A verb of the customer's that opens a command: the common ones, whatever follows.
_COMMAND_VERB = r"""(?:bring|send|return|reply|call|drop|pop|post|upload
    |email|e-mail|fill|complete|take|show|come|visit|book|pay|click|tap|log|sign|forward|attach
    |share|tell|let\s+(?:us|me)\s+know|message|text|ring|head|go(?!\s+(?:on|ahead)\b)|pick|choose
    |select|pack|ship|enter|add|use|apply|approve|scan|type|keep
    # Handing a thing over: "hand your smartcard in at any staffed station", "hand the keys
    # back at reception", "hand it over to the driver".
    |hand
    # Calling, in idiom: "give us a ring and we'll sort the details", "give me a shout".
    |give\s+(?:us|me)\s+a\s+(?:ring|call|bell|buzz|shout)
    # Paying or ordering: "put down a £10 deposit and we'll hold a copy", "place the order and…".
    |put\s+down|place|order|buy|renew|register|top\s+up
    # A call in person: "Stop by the front desk with ID and we'll…", "swing by after 3 and…".
    |stop\s+(?:by|in)|swing\s+(?:by|past))\b"""
# ...or any verb followed by its object or a particle: "start a request", "grab a photo",
# "submit the form" (not a word of grammar, a greeting, or a word of feeling or thanks).
_ANY_COMMAND_VERB = rf"""(?:{_COMMAND_VERB}|(?!{_NO_COMMAND}\b)[a-z]+\s+(?={_OBJECT_OPENER}\b))"""
# ...whoever then acts: "and we'll…", "and Rosa, our seamstress, will…", "and one of the team
# will…". (A point inside a word, "at fixpoint.example/mail-in", "the $4.95 fee", ends no
# sentence.)
_WE_WILL = r"""\band\s+(?:then\s+)?(?:i|we|you|they|someone
      |our\s+(?:\w+\s+){0,2}?\w+|one\s+of\s+(?:us|the\s+team|our\s+\w+)|[A-Z][\w'-]*(?:,[^,.!?]{1,30},)?)
    (?:'ll|\s+will|\s+can)\b"""
_AND_THEN_WE_WILL = rf"(?:[^.!?]|\.(?=\w))*?{_WE_WILL}"
# The same within one clause: no dash, colon or semicolon crossed, so that each clause is
# read once however many a sentence has.
_IN_THE_CLAUSE_WE_WILL = rf"(?:(?!\s-\s)[^.!?\u2014\u2013;:]|\.(?=\w))*?{_WE_WILL}"
_PLEASE = r"(?:please\s+|just\s+|simply\s+)?"
_IMPERATIVE_AND_PROMISE = compile_verbose(rf"^\W*{_PLEASE}{_COMMAND_VERB}{_AND_THEN_WE_WILL}")
# ...with any verb, and also in a clause of its own after a dash, colon or semicolon, or
# after "so": "We can still resize it for a fee - reply with your order number and I'll get
# you a quote", "…, so please head back to the desk and they'll have the keys ready".
# ...or a common verb of the customer's as the advice that follows "is to" ("Best bet is to
# pop in and we'll have a look", "all you need to do is send it back and we'll…").
_IMPERATIVE_AND_PROMISE_IN_A_CLAUSE = compile_verbose(
    rf"""(?:(?:^\W*|[\u2014\u2013;:]\s*|\s-\s|,\s*so\s+(?=please\b|just\b|let\s+(?:us|me)\s+know\b))
            {_PLEASE}{_ANY_COMMAND_VERB}
          | \b(?:is|'s)\s+(?:just\s+)?(?:to\s+)?{_PLEASE}{_COMMAND_VERB})
        {_IN_THE_CLAUSE_WE_WILL}"""
)
# ...or after a comma, after words that are not themselves ours to do ("Sure, no problem,
# drop the book in and we'll sort it"; but "I'll cancel it, send you a label and we'll
# refund you" lists our own acts).
_IMPERATIVE_AND_PROMISE_AFTER_A_COMMA = compile_verbose(
    rf",\s*{_PLEASE}{_COMMAND_VERB}{_IN_THE_CLAUSE_WE_WILL}"
)
_OURS_TO_DO = compile_verbose(r"\b(?:i|we)(?:'ll|'d|\s+will|\s+would|\s+can|\s+shall)\b")


# A command to the customer, its verb before its object, up to a time: "Drop it off tomorrow",
# "bring the chair in by Friday". Not if another clause comes first ("Drop her off now and
# her groom will be done by 3pm"), nor a noun ("return shipping takes 1 day").
_COMMAND_UP_TO_A_TIME = compile_verbose(
    rf"""^\W*{_PLEASE}{_COMMAND_VERB}\s+(?={_OBJECT_OPENER}\b)
        (?:(?!\b(?:and|but|then|so|will|won't|can|could|would|should|is|are|'ll|'s|'re)\b)[^,;:.!?])*"""
)


def commands_up_to(text: str, end: int) -> bool:
    """Whether ``text[:end]`` is a command to the customer and nothing else ("Drop it off").

    A time right after it ("…tomorrow") times the customer's act, not the business's,
    whatever term the command names.
    """
    reach = _command_reach(text)
    return reach > 0 and end <= reach


@lru_cache(maxsize=_CACHE_SIZE)
def _command_reach(text: str) -> int:
    """How far a command to the customer opening ``text`` reaches (0 for none).

    Found once for a clause, however many times in it ask.
    """
    found = _COMMAND_UP_TO_A_TIME.match(text)
    return found.end() if found else 0


@lru_cache(maxsize=_CACHE_SIZE)
def joins_imperative_to_promise(text: str, *, in_any_clause: bool = False) -> bool:
    """Whether the sentence is "do X and we'll do Y": a promise that depends on the customer.

    With ``in_any_clause``, the command may be any verb before its object ("start a
    request and we'll email you a label"), and may also open a clause after a dash, colon
    or semicolon. A yes before it ("Sure, we can waive it - just reply and I'll close the
    account") has already agreed, and an uncommon verb may be no command at all, so that
    reading is only for whether a promise has a time frame, not for whether the reply
    goes along with a request.
    """
    if _IMPERATIVE_AND_PROMISE.search(text):
        return True
    if not in_any_clause:
        return False
    if _IMPERATIVE_AND_PROMISE_IN_A_CLAUSE.search(text):
        return True
    after_a_comma = _IMPERATIVE_AND_PROMISE_AFTER_A_COMMA.search(text)
    return after_a_comma is not None and not _OURS_TO_DO.search(text, 0, after_a_comma.start())


_LET_ME = regex.compile(r"^\W*let\s+me\b", regex.IGNORECASE)

# "Then" opening our promise: "Could you send me the reference? *Then I'll* fix it": once the
# customer has done what the sentence before asks. ("Then again", "then and there" are not.)
_THEN_WE = regex.compile(
    r"(?i)^\W*(?:and\s+)?then(?!\s+(?:again|and\s+there)\b)\W*\s*"
    r"(?:i|we|our\s+[\w-]+|someone|somebody)(?:'ll|\s+will|\s+can|'d|\s+would|\s+should)\b"
)


# Our act once the customer tells us: "…, so let us know if you won't make it and we'll give
# it to someone else", "just tell us which day suits and we'll book it".
_WAITS_TO_BE_TOLD = regex.compile(
    r"(?i)(?:^\W*|[,;:\u2014\u2013]\s*(?:so\s+|and\s+)?)(?:please\s+|just\s+)?"
    r"(?:let\s+(?:us|me)\s+know|tell\s+(?:us|me))\b[^.!?]{0,120}?\band\s+(?:i|we)(?:'ll|\s+will)\b"
)


# Taking on what was asked, pointed back to: "yeah we can do that", "I'll sort it".
_TAKES_IT_ON = regex.compile(
    r"(?i)\b(?:i|we)\s*(?:can|could|will|'ll|'d\s+be\s+happy\s+to)\s+(?:definitely\s+|certainly\s+)?"
    r"(?:do|sort|arrange|manage|handle)\s+(?:that|it|this)\b"
)


def takes_it_on(text: str) -> bool:
    """Whether a sentence takes on what was asked, pointing back to it ("we can do that")."""
    return _TAKES_IT_ON.search(text) is not None


def waits_to_be_told(text: str) -> bool:
    """Whether a promise waits on the customer telling us something first ("let us know…")."""
    return _WAITS_TO_BE_TOLD.search(text) is not None


# Passing on a thing pointed back to: "we will *send that* to an engineer", "I'll *pass them*
# on". (Not "we'll look into it": "it" is then the problem, not what was asked for.)
_PASSED_ON = regex.compile(r"(?i)\b(?:send|pass|forward|hand)$")
_POINTED_OBJECT = regex.compile(r"(?i)\s+(?:it|that|them|those|this|these)\b")


def acts_on_it(text: str, act_end: int) -> bool:
    """Whether the act ending at ``act_end`` passes on what was pointed back to ("send that")."""
    return (
        _PASSED_ON.search(text, 0, act_end) is not None
        and match_at(_POINTED_OBJECT, text, act_end) is not None
    )


# A time pointed back to: "…, but I'll ring you then", "we'll have it by then", "that day".
_THEN = regex.compile(
    r"(?i)\b(?:then|that\s+(?:day|morning|afternoon|evening|week)|at\s+that\s+point)\b"
)


def points_to_then(text: str) -> bool:
    """Whether a clause points back to a time said before it ("…, but I'll ring you then").

    Args:
        text: A clause or what follows one.
    """
    return _THEN.search(text) is not None


@lru_cache(maxsize=_CACHE_SIZE)
def promises_then(text: str) -> bool:
    """Whether the sentence opens "Then I'll…": a promise that follows on from the one before."""
    return bool(_THEN_WE.search(text))


# A condition after the act it governs, with no comma: "we'll let you know if anything
# changes", "I'll call you unless it arrives first". Not "see if", "check if", "ask if",
# which ask whether.
_TRAILING_CONDITION = compile_verbose(
    r"""(?<!\b(?:see|check|find\s+out|ask|know|confirm|wonder|tell\s+you|let\s+you\s+know)\s+)
        \b(?:if|unless|in\s+case)\s+\w+"""
)


# After "let you know" or "tell you", "if" may ask whether ("I'll let you know if it's in
# stock"), but not before something coming about: "I'll let you know if anything changes",
# "…if that happens", "…if they turn up" tell when an event comes, a condition.
_TOLD_IF_IT_COMES_ABOUT = compile_verbose(
    r"""\b(?:let\s+you\s+know|tell\s+you)\s+if\s+(?:[\w']+\s+){0,3}?(?:ever\s+)?
        (?:changes?|happens?|appears?|(?:turns?|shows?|comes?|crops?|pops?)\s+up|comes?\s+in
        |comes?\s+back|arrives?)\b"""
)


# An act asked about, not undertaken: "Ask your doctor *whether* they'll send a new one".
_WHETHER_BEFORE = regex.compile(r"(?i)\bwhether\s+(?:or\s+not\s+)?$")


# A clause of "whether" that runs on, with no stop, comma or "but", to a place: "she could
# check *whether Delaware will give her an extension while she's out of state*".
_IN_A_WHETHER_CLAUSE = regex.compile(r"(?i)\bwhether\b(?![^.;!?,]*\bbut\b)[^.;!?,]*$")


def inside_a_whether_clause(text: str, start: int) -> bool:
    """Whether ``start`` of a sentence lies in a clause of "whether", a question embedded.

    What such a clause names is asked about ("check whether they'll extend it while she's
    out of state"): nobody agrees to it or promises it. A comma ends the clause: "whether
    you're local or not, we'll waive the fee" still waives it.

    Args:
        text: A sentence.
        start: An offset in it.
    """
    return bool(_IN_A_WHETHER_CLAUSE.search(text, 0, start))


def asked_whether(text: str, start: int) -> bool:
    """Whether the act that starts at ``start`` of a clause is asked about with "whether".

    "Ask your doctor whether they'll send a prescription", "I've asked the lab whether
    they'll rush it": whether they will is the question, and nobody has undertaken it.

    Args:
        text: A clause.
        start: Where the act's words start in ``text``.
    """
    return bool(_WHETHER_BEFORE.search(text[:start]))


def ends_with_a_condition(text: str, after: int) -> bool:
    """Whether a condition follows the act that ends at ``after`` in a clause.

    Args:
        text: A commitment's clause.
        after: Where the act's words end in ``text``.
    """
    return bool(_TRAILING_CONDITION.search(text, after)) or bool(
        _TOLD_IF_IT_COMES_ABOUT.search(text)
    )


def opens_with_let_me(text: str) -> bool:
    """Whether a clause opens with "let me" ("Let me check that for you").

    An act the speaker does now in the conversation, not one left to keep.

    Args:
        text: A clause of a sentence.
    """
    return bool(_LET_ME.search(text))


# An act done now in the conversation, not later: "let me check", "I'll cancel it right now",
# "in a moment", "while you wait", "today".
_NOW = regex.compile(
    r"^\W*let\s+me\b|\b(?:now|right\s+now|in\s+a\s+(?:moment|minute|sec(?:ond)?)|while\s+you\s+wait"
    r"|at\s+the\s+moment|today|tonight)\b",
    regex.IGNORECASE,
)


# Asking the customer for a moment first: "Give me a sec and I'll text it over", "give us two
# minutes and I'll check". What follows is done in the conversation, now.
_A_MOMENT_FIRST = compile_verbose(
    r"""^\W*(?:(?:sure|ok|okay|yes|yep|yeah|no\s+problem|of\s+course)\W+)*
        (?:just\s+)?give\s+(?:me|us)\s+(?:a|one|two|a\s+few|a\s+couple(?:\s+of)?)?\s*
        (?:sec|secs|second|seconds|moment|moments|minute|minutes|mo|tick|jiffy)\b"""
)


def asks_for_a_moment(text: str) -> bool:
    """Whether a sentence opens by asking for a moment ("Give me a sec and I'll text it over").

    Args:
        text: A sentence of the reply.
    """
    return _A_MOMENT_FIRST.search(text) is not None


def is_done_now(text: str) -> bool:
    """Whether a commitment is to an act done now ("let me check", "I'll do it right now").

    Args:
        text: The commitment's own clause.
    """
    return bool(_NOW.search(text))


# A telling and what it is about, before the term: "call you back *about* your refund", "email
# you *regarding* the repair", "get back to you *with an update on* the claim".
_TELLING_ABOUT = regex.compile(
    r"(?i)\b(?:call|ring|phone|email|e-mail|text|message|write|contact|update|notify|get\s+back"
    r"|follow\s+up|reach\s+out|be\s+in\s+touch|let\s+you\s+know)\b[^,;]{0,40}?"
    r"\b(?:about|regarding|concerning|re|with\s+(?:an?\s+)?(?:update|news)\s+(?:on|about|of)"
    # The news the telling waits for: "I'll let you know when your refund is issued", "we'll
    # email you once the replacement ships", "I'll call to tell you whether the repair is on".
    r"|when|once|as\s+soon\s+as|whether|if"
    # What the message says: "you'll get an email confirming the refund".
    r"|confirming|to\s+confirm|that\s+confirms)"
    r"\b[^,;]*$"
)
# A commitment to tell: "I'll ring you tomorrow", "we'll email you", "I'll let you know".
_TELLS = regex.compile(
    r"(?i)\b(?:call|ring|phone|email|e-mail|text|message|write\s+to|contact|notify|get\s+back"
    r"|follow\s+up|reach\s+out|be\s+in\s+touch|let\s+you\s+know|update\s+you)\b"
)


def tells_about(text: str, end: int) -> bool:
    """Whether a telling and what it is about come just before ``end`` ("call you back about").

    In "I'll call you back about your refund" the commitment is the call, not the refund.

    Args:
        text: A commitment's clause.
        end: Where the act the telling is about is named, in ``text``.
    """
    return bool(_TELLING_ABOUT.search(text, 0, end))


def commits_to_tell(text: str) -> bool:
    """Whether a commitment is to tell the customer ("I'll ring you tomorrow", "we'll email you").

    Args:
        text: A commitment's clause.
    """
    return bool(_TELLS.search(text))


# "A group discount isn't available", "early check-in is not currently available".
_UNAVAILABLE = regex.compile(
    r"(?i)\b(?:isn't|is\s+not|'s\s+not|aren't|are\s+not|'re\s+not)\s+(?:currently\s+|always\s+)?"
    r"available\b"
)


def find_unavailable(text: str) -> tuple[int, int] | None:
    """The span of "isn't available" in a sentence ("a group discount isn't available"), if any.

    Args:
        text: A sentence.
    """
    found = _UNAVAILABLE.search(text)
    return (found.start(), found.end()) if found else None


# A no on its own at the start of a sentence: "No,", "Nope!", "Sorry, no.".
_BARE_NO = compile_verbose(rf"^\W*{_BARE_NO_WORDS}\b")


def is_bare_no(text: str, start: int, end: int) -> bool:
    """Whether a refusal at ``start:end`` is a no on its own ("No,", "Nope!", "Sorry, no.").

    Args:
        text: A sentence.
        start: Where the refusal starts in ``text``.
        end: Where it ends.
    """
    return bool(_BARE_NO.match(text, start, end))


# Leave given to the customer or their party to do the act named next: "your sister is welcome
# to…", "you're free to…", "it's fine for you to…", "feel free to…", "go ahead and…". (A bare
# "you can buy it without a prescription" may state a fact about the product: no leave.)
_PERMITS = regex.compile(
    r"(?i)(?:\b(?:(?:is|are|'re|'s)\s+(?:(?:more\s+than|very|most)\s+)?(?:welcome|free)\s+to)"
    # "It's perfectly fine for you to use his card".
    r"|\b(?:it's|it\s+is|that's|that\s+is)\s+(?:perfectly\s+|totally\s+|completely\s+|absolutely\s+)?"
    r"(?:fine|ok|okay|alright|all\s+right)\s+(?:for\s+(?:you|her|him|them|your\s+[\w-]+)\s+)?to"
    r"|\bfeel\s+free\s+to|\bgo\s+ahead\s+and)\s+(?:just\s+|simply\s+)?(?:\w+\s+){0,2}?$"
)


def gives_leave(lead: str) -> bool:
    """Whether the words before an act give leave to do it ("your sister is welcome to").

    Args:
        lead: A clause up to the act it may give leave for ("feel free to", "go ahead and").
    """
    return bool(_PERMITS.search(lead))


# A negated clause with the business as its subject ("we don't", "I can't", "we won't"),
# telling the customer not to ("Please don't"), or saying what can't be done by anyone.
_WE_SAY_NO = regex.compile(
    r"(?i)\b(?:i|we|us|our)\b|^\W*(?:please\s+|just\s+)?(?:no|not|never|don't|do\s+not)\b"
    # ...or says what anyone can't or isn't allowed to do: "garage staff can't waive them".
    r"|\b(?:can't|cannot|can\s+not|unable\s+to|not\s+able\s+to|not\s+allowed|not\s+permitted)\b"
)


# Telling the customer not to do something: "just don't spill on the props", "please do
# not park on the verge".
_TELLS_NOT_TO = regex.compile(r"(?i)^\W*(?:please\s+|just\s+|but\s+)*(?:don't|do\s+not|never)\b")


def tells_not_to(text: str) -> bool:
    """Whether a clause tells the customer not to do something ("just don't spill on it")."""
    return _TELLS_NOT_TO.search(text) is not None


def voices_a_no(text: str) -> bool:
    """Whether a negated clause is a no the business says ("we don't", "please don't").

    A clause about the business, one telling the customer not to, or one saying what
    nobody can do ("garage staff can't waive them") says no; "it won't trigger a report"
    does not.

    Args:
        text: A negated clause.
    """
    return _WE_SAY_NO.search(text) is not None and _NO_OBJECTION.search(text) is None


# Seeing no objection, a yes in negated words: "I don't see why not".
_NO_OBJECTION = compile_verbose(
    rf"\b(?:i|we)\s+(?:don't|do\s+not|can't|cannot)\s+{alternation(NO_OBJECTION)}\b"
)


# The business's duty: "we're (legally) required to", "I'm obliged by law to", "the law
# requires us to". (Not the customer's: "you're required to bring ID".)
_OUR_DUTY = compile_verbose(
    rf"""\b(?:we|i)(?:'re|\s+are|'m|\s+am)\s+(?:legally\s+|also\s+|still\s+|always\s+)?
        (?:{alternation(DUTY_ADJECTIVES)})(?:\s+by\s+(?:law|regulation|our\s+licen[cs]e))?\s+to\b
      | \b(?:requires?|obliges?|obligates?)\s+us\s+to\b
      # What the law makes us do: "we have to charge sales tax on every sale under state law".
      | \b(?:we|i)\s+(?:have|has|need)\s+to\s+[^.;!?]{{0,80}}?\b(?:by|under)\s+
          (?:(?:the|state|federal|local|national|uk|eu|australian|canadian)\s+)*
          (?:law|legislation|regulations?)\b"""
)
# What every thing of a kind must undergo: "cash sales have to be recorded just like card
# sales", "all dogs must be vaccinated" (a bare plural, no one thing of the customer's).
_KIND_MUST = compile_verbose(
    r"""(?:^|[,;:]\s*|\b(?:all|every|any)\s+)
        (?!(?:the|your|my|our|his|her|their|these|those|this|that)\b)(?:[a-z][\w-]*\s+)?
        [a-z][\w-]*[^s\W]s\s+(?:have\s+to|must|need\s+to)\s+be\s+[a-z]+(?:ed|en)\b"""
)


def binds_a_kind(text: str) -> bool:
    """Whether a sentence states what every thing of a kind must undergo.

    "Cash sales have to be recorded just like card sales": said of the thing a request names
    ("can we keep the cash sales out of the books?"), a no to leaving it undone.

    Args:
        text: A sentence of the reply.
    """
    return _KIND_MUST.search(text) is not None


def states_a_duty(text: str) -> bool:
    """Whether a sentence names something the business is bound to do by a rule.

    "We're required to record every sighting", "the law requires us to charge VAT": a duty
    named in answer to a request to skip it is a no to that request.

    Args:
        text: A sentence of the reply.
    """
    return _OUR_DUTY.search(text) is not None


# Thanks for something the customer did or put up with: "Thank you for booking with us this
# morning", "thanks for waiting 2 weeks", "many thanks for returning it within 30 days".
_THANKS_FOR = regex.compile(
    r"(?i)^\W*(?:thank\s+you|thanks|many\s+thanks)\s+(?:so\s+much\s+|again\s+|very\s+much\s+)?for\b"
)


def opens_with_thanks_for(text: str) -> bool:
    """Whether a clause thanks the customer for something ("Thanks for waiting 2 weeks").

    What follows is a past act of the customer's, not a commitment.

    Args:
        text: A clause of a sentence.
    """
    return bool(_THANKS_FOR.match(text))


# What the customer may do instead, or the state of their own arrangement: after a no, such a
# sentence offers a way on ("If you book now, you can cancel free within 24 hours", "You're
# welcome to skip a box") or reports a booking ("He's all set for Friday to Monday", "his
# reservation for June 3-8 is confirmed"); neither is the rule behind the no.
_ALTERNATIVE_OR_ARRANGEMENT = compile_verbose(
    r"""\byou\s+(?:can|could|may|might)\b | \byou(?:'re|\s+are)\s+(?:more\s+than\s+)?(?:welcome|free)\s+to\b
      | \bfeel\s+free\s+to\b
      | \b(?:i|we)(?:'d|\s+would)\s+(?:be\s+)?(?:happy|glad|delighted|pleased|love)\s+to\b
      | \b(?:you|he|she|they|it|we)(?:'re|'s|\s+is|\s+are)\s+(?:all\s+)?set\s+(?:for|up)\b
      | \b(?:your|his|her|their)\s+(?:[\w-]+\s+){0,6}?(?:is|are|'s)\s+(?:now\s+|already\s+|all\s+)?
          (?:confirmed|booked|reserved|scheduled|set|sorted|arranged|on\s+the\s+books)\b"""
)


def offers_a_way_on(text: str) -> bool:
    """Whether a sentence offers the customer a way on or reports their own arrangement.

    "If you book now, you can cancel for free within 24 hours", "his boarding reservation
    for June 3-8 is confirmed": after a refusal, these say what the customer can do or has,
    not why the refused thing can't be done.

    Args:
        text: A sentence.
    """
    return bool(_ALTERNATIVE_OR_ARRANGEMENT.search(text))


# The exception a rule's reason makes (Quirk §9.56, prepositions of exception): "animals
# aren't allowed on site, except trained service animals", "we can't take it back unless it
# is faulty", "…, apart from assistance dogs", "…, other than service animals", and the
# exception named as such: "(birthday cakes are the exception)", "certified assistance dogs
# are the only exception". ("Any date other than the real date" names no exception: the
# "other than" of a noun phrase describes what is forbidden.)
_EXCEPTION_AFTER = compile_verbose(
    r"""(?:\bexcept(?:\s+for)?|\bapart\s+from|\bunless|,\s*other\s+than|\bbut\s+not)\s+
        (?P<phrase>[^.;:()!?]+)
      # What the thing ruled out comes with instead: "round-the-clock access comes with the
      # Dedicated Desk plan because of…", "free delivery comes with Premium".
      | \bcomes?\s+with\s+(?P<phrase>(?:(?!\b(?:because|as|since|so)\b)[^.;:()!?,])+)"""
)
_EXCEPTION_BEFORE = compile_verbose(
    r"""(?:^|[.;:(,]\s*)(?P<phrase>[^.;:(),!?]+?)\s+(?:is|are)\s+the\s+(?:only\s+|one\s+)?exceptions?\b"""
)


@lru_cache(maxsize=_CACHE_SIZE)
def exceptions_in(reason: str) -> tuple[str, ...]:
    """The exceptions a clause's reason makes to its rule, as phrases.

    "Our county event permit doesn't allow animals on site, except trained service
    animals" makes one: "trained service animals". A reply about that case is about what
    the rule allows, not what it forbids.

    Args:
        reason: The clause's ``because`` text.
    """
    return tuple(
        match["phrase"].strip()
        for pattern in (_EXCEPTION_AFTER, _EXCEPTION_BEFORE)
        for match in pattern.finditer(reason)
    )


# The age below which a rule's reason applies: "requires under-14s to be with an adult",
# "tattooing anyone under 18 is illegal", "children younger than 12", "kids aged 11 and under".
_UNDER_AN_AGE = compile_verbose(
    r"""\bunder[\s-]?(?P<below>\d{1,2})s?\b(?![\s-]*(?:kg|kilos?|lbs?|pounds?|cm|m|km|miles?
        |minutes?|mins?|hours?|days?|weeks?|months?|people|guests|persons)\b)(?!\s*%)
      | \b(?:younger|less)\s+than\s+(?P<below>\d{1,2})\b(?=\s*(?:years?|[.,;)]|$))
      | \b(?:aged?\s+)?(?P<upto>\d{1,2})\s+(?:and|or)\s+(?:under|younger|below)\b"""
)
# An age a person is said to be: "my son is 15", "a 15-year-old", "aged 16", "she's 14",
# "anyone 14 or over", "14+".
_AGE_SAID = compile_verbose(
    r"""\b(?P<age>\d{1,2})[\s-]*(?:year|yr)s?[\s-]*olds?\b
      | \b(?:aged?|ages)\s+(?P<age>\d{1,2})\b(?!\s*(?:-|to|and|or)\s*\d)
      | \b(?P<age>\d{1,2})\s+(?:or|and)\s+(?:over|older|above|up)\b | \b(?P<age>\d{1,2})\+
      | \b(?:over|older\s+than)\s+(?P<over>\d{1,2})s?\b(?!\s*(?:kg|lbs?|pounds?|people|guests
        |minutes?|hours?|days?|weeks?|months?)\b)(?!\s*%)
      | \b(?:he|she|they|son|daughter|kid|child|boy|girl|teen|nephew|niece|grandson|granddaughter)
        (?:'s|'re|\s+is|\s+are|\s+was|\s+turned|\s+turns)\s+(?:now\s+|just\s+)?(?P<age>\d{1,2})
        \b(?!\s*(?:am|pm|minutes?|hours?|days?|weeks?|months?|mins?|kg|lbs?)\b)(?![:.]\d|\s*%)"""
)


# A reason about proving an age leaves no one out: "everyone 18 and over shows ID, and
# under-18s must be with a guardian", "we check ID for anyone who looks under 25". What a
# customer says of an age is what such a rule checks.
_PROVING_AN_AGE = compile_verbose(r"\b(?:id|ids|identification|proof|verif\w*|check\w*)\b")


def youngest_outside(reason: str) -> int | None:
    """The youngest age a rule's reason leaves out, when it is a rule for children under an age.

    "Our licence requires under-14s to be with an adult" leaves out 14 and over: a
    15-year-old on their own is not what the rule forbids. A rule about proving an age leaves
    no one out.

    Args:
        reason: The clause's ``because`` text.
    """
    if _PROVING_AN_AGE.search(reason):
        return None
    ages = [
        int(m["below"]) if m["below"] else int(m["upto"]) + 1 for m in _UNDER_AN_AGE.finditer(reason)
    ]
    return min(ages) if ages else None


def ages_said(text: str) -> tuple[int, ...]:
    """The ages a text says people are ("my son is 15", "anyone 14 or over" gives 14).

    "Over 14" gives 15, the youngest age it takes in.

    Args:
        text: A message or a reply.
    """
    return tuple(
        int(m["age"]) if m["age"] else int(m["over"]) + 1 for m in _AGE_SAID.finditer(text)
    )
