"""Word lists of English that the reading of refusals, reasons and questions relies on.

Each list records one general fact of English grammar or usage, with where it
comes from. A word belongs here only when it is ordinary English seen in many
sentences from different sources, never because one test sentence needs it.
Sources named below:

- *CGEL*: Huddleston & Pullum, The Cambridge Grammar of the English Language
  (2002): pronouns and determiners (ch. 5, 17), subordinators (ch. 11),
  interrogatives and tags (ch. 10).
- *Quirk*: Quirk et al., A Comprehensive Grammar of the English Language
  (1985): comment clauses and emotive frames (§15.53-15.56), suffixation (App. I).
- *WordNet*: Princeton WordNet 3.0 (Miller 1995; Fellbaum 1998), whose synonym sets
  give :func:`senses_of`, and whose hypernyms give :func:`is_a_kind_of` (built by
  ``scripts/build_synonyms.py``; licence in ``WORDNET-LICENSE`` beside the tables).
- *Real replies*: the public customer-service conversations the checker is
  measured on (tau-bench, tau2-bench, ABCD, IBM Twitter customer care), where
  each cue was seen in replies from several sources.

The lists are tuples of lower-case words or phrases; algorithms join them into
patterns with :func:`alternation`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files

import regex

__all__ = [
    "ABSOLUTE_STATES",
    "ACCUSTOMED",
    "ADJUNCT_OPENERS",
    "AFTER_AN_AMOUNT",
    "ANAPHORS",
    "ARRIVAL_VERBS",
    "AUXILIARIES",
    "CATEGORY_PREPOSITIONS",
    "CITED_DOCUMENTS",
    "CITING_PREPOSITIONS",
    "COMPLEMENT_NOUNS",
    "COMPOUND_HEADS",
    "CONCEPTS",
    "COUNTED_FROM",
    "COURTESIES",
    "DELIGHT_WORDS",
    "DELIVERY_PARTICIPLES",
    "DELIVERY_VERBS",
    "DERIVATIONAL_SUFFIXES",
    "DUTY_ADJECTIVES",
    "FASTER_TIERS",
    "FORMER_ADJECTIVES",
    "FORMER_TIME",
    "GENERIC_COUNT_NOUNS",
    "GENERIC_DETERMINERS",
    "HANDLING_VERBS",
    "HEARSAY_FRAMES",
    "HEDGE_VERBS",
    "LAUGHTER",
    "LIGHT_VERBS",
    "MEASURE_NOUNS",
    "MESSAGE_NOUNS",
    "MOTIVE_NOUNS",
    "NOT_PAST_IN_ED",
    "NOT_REFUSAL_VERBS",
    "NO_OBJECTION",
    "OUTSIDE_PARTIES",
    "PASSING_VERBS",
    "PAST_AND_PARTICIPLE_VERBS",
    "PAST_ONLY_VERBS",
    "PERSONAL_PRONOUNS",
    "POINTING_BACK",
    "POLICY_NOUNS",
    "POSSESSIVE_PRONOUNS",
    "POSTPONING_VERBS",
    "PRESENT_TIME",
    "PRICE_DOCUMENTS",
    "PRICE_NOUNS",
    "REPORTING_BACK",
    "REPORT_FRAMES",
    "RHETORICAL_MARKERS",
    "RULE_NOUNS",
    "SAME_SENSE_STEM_SUFFIXES",
    "SETTING_PREPOSITIONS",
    "SPECIFIC_DETERMINERS",
    "SUBORDINATORS",
    "TAG_QUESTIONS",
    "THIRD_PARTIES",
    "THIRD_PARTY_MODIFIED",
    "TIME_TAKEN_NOUNS",
    "UNIVERSAL_QUANTIFIERS",
    "VAGUE_TIMES",
    "WINDOW_NOUNS",
    "WISHING_WORDS",
    "alternation",
    "is_a_kind_of",
    "senses_of",
]

# Verbs whose plain form ends in "-ed", so that "-ed" alone does not mark the past tense
# ("we need", "they proceed"): read past-tense clauses ("was processed on Monday") without them.
# Auxiliary and modal verbs (CGEL ch. 3), with infinitival "to" and the "get" passive: a verb
# after one of them is a participle or an infinitive, never a simple past ("your tickets will
# be reissued", "it's been sent", "to be collected", "it got delivered").
AUXILIARIES = (
    "will", "be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had",
    "can", "could", "should", "would", "may", "might", "must", "to", "get", "gets", "got",
)  # fmt: skip

NOT_PAST_IN_ED = ("need", "feed", "speed", "seed", "bleed", "proceed", "exceed", "succeed")

# Past forms that are never a passive participle, so after any subject they report what
# happened: irregular verbs whose simple past differs from their participle (CGEL ch. 3; "your
# proof copy went to print this morning", "the engineer came on Monday" - "sent", "left",
# "got" are participles too: "items sent by post"), and verbs that take no object.
PAST_ONLY_VERBS = (
    "went", "came", "began", "took", "gave", "wrote", "broke", "ran", "rang", "spoke", "chose",
    "flew", "drove", "rode", "fell", "froze", "grew", "knew", "saw", "threw", "tore", "wore",
    "woke", "forgot",
    # Verbs that take no object, so their "-ed" form is never a passive participle: "the new
    # lens arrived this morning", "the delivery failed on Monday".
    "arrived", "happened", "occurred", "landed", "departed", "appeared", "failed", "expired",
)  # fmt: skip

# Irregular pasts that are also the participle (CGEL ch. 3): after "have", "is" or "be" they
# are participles ("it's been sent", "items left with us"), and after a subject alone the simple
# past ("the refund left our side on Monday", "you paid on the 3rd"). Verbs of doing and
# handing over only: a reporting verb's day is often another act's ("I told him to come on
# Monday"), and a verb whose past is its plain form ("put", "set", "cut") says no tense.
PAST_AND_PARTICIPLE_VERBS = (
    "left", "paid", "made", "sent", "got", "bought", "brought", "found", "kept", "lost", "met",
    "sold", "spent", "built",
)  # fmt: skip

# Verbs so common and general that sharing one says nothing about a topic: the light verbs
# ("make", "take", "give", "have", "do"; Jespersen, CGEL ch. 4) and their everyday kin. "The
# cemeteries we work with don't open on Sundays" and "which would work better for you?" share
# no reason.
LIGHT_VERBS = (
    "make", "take", "give", "have", "do", "get", "go", "come", "put", "keep", "hold", "let",
    "work", "use", "help", "find", "try", "need", "want",
)  # fmt: skip

# Personal pronouns that can stand as a clause's subject (CGEL ch. 17).
PERSONAL_PRONOUNS = ("i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those")

# Possessive pronouns that stand alone as a noun phrase (CGEL ch. 5, independent genitives):
# "as soon as yours are ready", "once ours arrives".
POSSESSIVE_PRONOUNS = ("mine", "yours", "his", "hers", "ours", "theirs")

# Determiners that pick out one particular thing: possessives and demonstratives (CGEL ch. 5).
# A noun phrase led by one ("your order", "this booking") is about the customer's own case.
SPECIFIC_DETERMINERS = (
    "your", "my", "his", "her", "their", "our", "its", "this", "that", "these", "those",
)  # fmt: skip

# Universal quantifiers that pick out particular things already in view (CGEL ch. 5,
# "universal quantification"): "as soon as *both* are ready", "once *everything* is packed",
# "when *all* the parts arrive". (Not "something" or "anything": "when something breaks" is
# any case, not an event to come.)
UNIVERSAL_QUANTIFIERS = ("both", "all", "everything", "each", "every")

# Determiners of a kind rather than a particular: indefinite and free-choice (CGEL ch. 5).
# "for a basic economy ticket", "to any existing reservation" name a category.
GENERIC_DETERMINERS = ("a", "an", "any", "all", "every", "each", "no")

# Prepositions that restrict a rule to a class of cases ("not possible for delayed
# flights", "can't be added to an existing reservation", "after 30 days").
# "On"/"about" name a topic ("updates on flight statuses"), not a kind of case.
CATEGORY_PREPOSITIONS = (
    "for", "to", "from", "after", "with", "without", "once", "in", "under", "past", "beyond",
)  # fmt: skip

# Prepositions that set a request in time or circumstance (CGEL ch. 7): "can I change the
# price after I've listed?", "can we come before the show?", "can I enter without a
# ticket?". A reply sentence that shares only one of them with a request ("payouts go out
# 5-7 business days after the event") says nothing about what was asked.
SETTING_PREPOSITIONS = (
    "after", "before", "during", "within", "without", "between", "since", "until", "upon",
)  # fmt: skip

# Words that open a temporal or conditional adjunct (CGEL ch. 7, 8, 11): in a clause's
# `does` ("make and install a headstone *once* the cemetery permit is granted", "cancel a
# booking free of charge *before* pick-up", "refund the deposit *when* the car is back") what
# follows one sets when the act is done; it is not the act.
ADJUNCT_OPENERS = (
    "once", "when", "whenever", "if", "unless", "after", "before", "until", "till", "provided",
    "as soon as", "as long as", "so long as",
)  # fmt: skip

# Verbs of moving or seeing after which "past" is a way by, not a time gone (CGEL ch. 7,
# prepositions of path): "we can't get past the passcode", "it can't go past the gate", "I
# can't see past the glare" (where "it's past the 30-day window" is a bound in time).
PASSING_VERBS = (
    "get", "gets", "got", "getting", "go", "goes", "went", "going", "walk", "walks", "walked",
    "walking", "drive", "drives", "drove", "driving", "run", "runs", "ran", "running", "see",
    "sees", "saw", "seeing", "look", "looks", "looked", "looking", "move", "moves", "moved",
    "moving", "come", "comes", "came", "coming",
)  # fmt: skip

# Nouns whose "for"/"to" phrase says what they are for, not a kind of case: "your request
# for a second assessor", "an application for a refund" (CGEL ch. 5, noun complements).
COMPLEMENT_NOUNS = (
    "request", "requests", "application", "applications", "claim", "claims", "appeal", "demand",
    "search", "wait", "need", "reason", "right", "access", "permission",
)  # fmt: skip

# Subordinators that open a clause describing a situation rather than asserting an act
# (CGEL ch. 11): "when you can't log in", "if it can't be fixed".
SUBORDINATORS = ("when", "whenever", "if", "unless", "why", "because", "while", "whether")

# Frames of sympathy or perception before a clause about the customer (Quirk §15.53-56):
# "sorry to hear you can't log in", "we understand you are not able to find it", "it's no
# fun when…". What follows reports the customer's situation; it declines nothing.
REPORT_FRAMES = (
    "sorry", "hear", "heard", "understand", "understood", "see", "saw", "know", "notice", "noticed",
    "seems", "seem", "looks", "sounds", "appears", "fun", "frustrating", "annoying", "imagine",
    "realise", "realize", "gather",
)  # fmt: skip

# The frames that report a situation whoever its subject is ("sorry to hear the app
# won't open"); the others do so only for the customer ("it seems you can't log in",
# but "it seems the certificate can't be used" is the business saying no).
HEARSAY_FRAMES = ("hear", "heard")

# Verbs after "can't" that decline to predict or vouch, not to act (hedges, SPEC §3):
# "I can't promise", "we can't confirm a timeline", "I can't say when", "I can't speak to
# what they charge" (comment on it), "we can't rule out a delay" (say it won't happen).
# Disclaiming power over outside events hedges in the same way: "we can't control the
# weather", "I can't control how fast your bank processes it", "we can't control delays at
# customs".
HEDGE_VERBS = (
    "guarantee", "promise", "confirm", "predict", "speculate", "comment", "speak to", "rule out",
    "control",
    "say for sure", "say for certain", "say when", "say exactly", "be sure", "be certain",
    "know for sure",
    "commit to an exact", "commit to a", "give an exact", "give you an exact", "make any promises",
    "make promises", "make a promise", "make any guarantees",
)  # fmt: skip

# Verbs after "can't" that report a feeling, a perception or a search, not a refusal
# ("I can't wait", "I can't find your order", "I can't thank you enough", "you can't miss it").
NOT_REFUSAL_VERBS = (
    "wait", "imagine", "thank", "believe", "stress", "emphasise", "emphasize", "overstate",
    "find", "see", "locate", "hear", "seem", "recall", "remember", "understand", "tell you how",
    "tell how", "help but", "express", "apologise", "apologize", "agree", "blame", "vouch",
    "be sure", "be certain", "know", "say for", "say exactly", "say yet", "tell yet",
    "tell exactly", "tell for", "verify how", "speak for", "predict",
    # Idioms of certainty: "you can't miss it", "you can't go wrong", "you can't beat the view".
    "miss", "go wrong", "beat",
)  # fmt: skip

# Nouns for the rules a business works under: citing them gives the ground of a refusal
# (SPEC §3, "citing the policy, the terms or the law").
POLICY_NOUNS = (
    "policy", "policies", "rules", "terms and conditions", "terms of service", "terms of use",
    "guidelines", "regulations", "regulation",
)  # fmt: skip

# Connectives that point back to a cause just given (CGEL ch. 15): "…past the 30-day window.
# As such, I can't refund it."
POINTING_BACK = (
    "as such", "therefore", "hence", "thus", "consequently", "accordingly", "for this reason",
    "for that reason", "that's why", "that is why", "this is why", "which is why",
)  # fmt: skip

# Prepositions that cite a rule as the ground of what follows ("under the rental terms",
# "as per our policy", "according to the law").
CITING_PREPOSITIONS = (
    "under", "per", "as per", "according to", "in line with", "in accordance with", "against",
    "by",
)  # fmt: skip

# What a citation cites besides the policy nouns: "the terms", "your contract", "the law".
CITED_DOCUMENTS = (
    "terms", "conditions", "contract", "agreement", "law", "laws", "fire code", "building code",
    "safety code", "health code", "regulations",
)  # fmt: skip

# Words that stand for something said just before (CGEL ch. 17): a question made of them
# asks about the sentence before it ("Would that keep it under $1,000?").
ANAPHORS = ("that", "this", "it", "those", "these", "them", "they", "one", "ones")

# Greetings that open a message (CGEL ch. 10, on interjections and formulae): they say
# nothing of their own, so what comes after one is what the sentence says.
GREETINGS = (
    "hi", "hello", "hey", "hiya", "heya", "morning", "good morning", "good afternoon",
    "good evening", "greetings",
)  # fmt: skip

# Verbs that, with "back", move a thing later in time (CGEL ch. 4, on phrasal verbs): "can I
# push my payment back?", "could we move the deposit back a week?", "they pushed the
# delivery back". The "back" is theirs, so "payment back" there asks for no money back.
# ("Put" and "bring" are left out: "we'll put the money back on your card" returns it.)
POSTPONING_VERBS = ("push", "pushed", "pushing", "move", "moved", "moving")

# Words of delight an interjection carries before its answer (CGEL ch. 10, on interjections:
# "oh nice, yeah we can attach those", "ah lovely, sure", "oh great, yes we can", "ooh cool,
# yep"): the pair only reacts, so a yes after it is the sentence's answer.
DELIGHT_WORDS = (
    "nice", "lovely", "great", "cool", "brilliant", "perfect", "wonderful", "awesome", "fab",
    "amazing", "fantastic",
)  # fmt: skip

# Courtesies: formulae that wish the customer well, welcome their thanks, thank them for
# their custom or admire their plans, and answer nothing (Quirk §11.54, on formulaic
# utterances). Each seen in the real replies from several sources ("Have a wonderful day",
# "Have a fantastic day", "have a safe and pleasant journey", "You're welcome", "We
# appreciate your concern", "I appreciate your patience", "That sounds great",
# "Congratulations"), with the intensified forms of the same formula ("you're very welcome",
# "we really appreciate") and the wishes the closing lines already list ("have a good…").
COURTESIES = (
    "have a wonderful", "have a fantastic", "have a safe", "have a great", "have a good",
    "have a lovely", "have a nice", "congratulations", "congrats", "you're welcome",
    "you're so welcome", "you're very welcome", "you're most welcome", "you are welcome",
    "we appreciate your", "i appreciate your", "we really appreciate", "we truly appreciate",
    "sounds great",
)  # fmt: skip

# Words that open the subject of a question after its inverted verb (CGEL ch. 10, on
# subject-auxiliary inversion): pronouns, determiners and the quantifiers that begin a noun
# phrase ("can *one of your coaches* take us all?", "does *anyone* check it?", "is *a*
# heater available?", "will *our* deposit come back?").
INVERTED_SUBJECT_OPENERS = (
    "i", "we", "you", "u", "it", "they", "there", "he", "she", "this", "that", "these", "those",
    "my", "your", "our", "his", "her", "their", "its", "the", "a", "an", "one", "any", "anyone",
    "anybody", "someone", "somebody", "all", "both", "each", "either",
)  # fmt: skip

# Tag and check questions that ask for agreement, not information (CGEL ch. 10).
TAG_QUESTIONS = (
    "how does that sound", "how does this sound", "how's that", "how is that", "sound good",
    "sounds good", "does that work", "does this work", "would that work", "will that work",
    "is that ok", "is that okay", "is that alright", "is that all right", "is that fine",
    "is this ok", "is this okay", "ok", "okay", "right", "yeah", "yes", "no", "correct",
    "is that correct", "is that right", "you know", "deal", "fair", "agreed",
    # Asking the listener to agree with what was just said (CGEL ch. 10, on tags).
    "don't you agree", "wouldn't you agree", "don't you think", "wouldn't you say",
)  # fmt: skip

# Interjections that make a question a complaint or an exclamation, not a request.
RHETORICAL_MARKERS = (
    "wtf", "seriously", "are you kidding", "are you serious", "really", "smh", "ffs", "omg",
    "what the hell", "what the heck", "how hard is it", "how hard can it be", "why bother",
    "what's the point", "what is the point",
    # Exclamative questions that expect no answer (CGEL ch. 10, "who would have thought").
    "who knew", "who'd have thought", "who would have thought", "who would've thought",
    "who'd have guessed", "who would have guessed",
)  # fmt: skip

# What marks the question just asked as a joke: laughter right after it ("…do the running for
# me? 😂", "…? lol", "…? jk"). SPEC §3: jokes are not questions to answer.
LAUGHTER = (
    "lol", "lmao", "rofl", "haha", "hahaha", "hehe", "jk", "just kidding", "only joking",
    "kidding", "\U0001F602", "\U0001F923", "\U0001F606", "\U0001F61C", "\U0001F61D",
)  # fmt: skip


# Nouns that head a compound whose first word is an act ("refund policy", "delivery date",
# "cancellation form", "printing proof"): after a one-word policy term they make the term a
# modifier, so a time or amount there belongs to the head noun, not to the act (CGEL ch. 19,
# noun-noun compounds). Three classes of general English nouns:
COMPOUND_HEADS = (
    # records and attributes of an act
    "card", "date", "time", "slot", "number", "address", "form", "policy", "status", "details",
    "history", "page", "link", "code", "estimate", "update", "confirmation", "reference",
    "request", "option", "schedule",
    # documents about an act
    "quote", "invoice", "receipt", "document", "letter", "label", "report", "record", "file",
    "summary", "breakdown", "copy", "photo", "picture", "template",
    # representations made before the thing itself
    "sketch", "drawing", "draft", "proof", "mockup", "mock-up", "preview", "design", "rendering",
    "render", "sample", "prototype", "outline", "plan",
)  # fmt: skip

# Nouns after a compound duration that name the span allowed for an act, not the act: "a
# 14-day window", "a 30-day return policy", "a 7-day grace period", "a 14-day trial" (real
# replies: "30-day window", "90-day period"; the others head the same compounds in retail and
# subscription terms).
WINDOW_NOUNS = ("window", "period", "policy", "grace", "trial", "guarantee", "limit", "return")

# Nouns of the time an act takes, which a length before them measures: "a 3-day turnaround",
# "a two week lead time", "a day's wait", "a 48-hour delay" (real replies: "the wait", "our
# turnaround"; the others in retail, print and trades order pages).
TIME_TAKEN_NOUNS = ("wait", "waiting", "delay", "turnaround", "turn-around", "lead")

# Endings that make another word of the same root ("installation", "refundable"), not a
# compound of two (Quirk App. I, suffixation): a question about installing is not told apart
# from one about installation.
DERIVATIONAL_SUFFIXES = (
    "ation", "ations", "tion", "tions", "ion", "ions", "ment", "ments", "able", "ible", "ness",
    "ful", "less", "er", "ers", "ing", "ed", "ly", "al", "ance", "ence", "ity", "ive", "ous",
    "ise", "ize", "ist", "ism", "ure", "ant", "ent", "ery", "ory", "ship", "ward", "wards",
)  # fmt: skip

# The endings that derive a noun or adjective from a word of the same sense, as a stem ends
# ("payabl", "closur"): "payable" answers "do I pay…?", "an inspection" "do you inspect…?".
# Shorter ones ("-er", "-al") end too many words that are not derived ("tower", "petal");
# "-less" and "-ful" make words of another sense ("contactless").
SAME_SENSE_STEM_SUFFIXES = (
    "ation", "ment", "ness", "ship", "abl", "ibl", "anc", "enc", "ion", "ity", "ery", "ist", "iv",
    "ur",
)  # fmt: skip

# The nouns of measure made from an adjective with "-th" (Quirk App. I.33, a closed and
# unproductive set): "how strong are the colonies?" is answered by "a strength report", "how
# long is the hose?" by "the length is 15 m". Each noun with its adjective.
MEASURE_NOUNS = {
    "strength": "strong", "length": "long", "width": "wide", "depth": "deep", "height": "high",
    "breadth": "broad", "warmth": "warm",
}  # fmt: skip

# Saying one sees no objection is a yes, though its clause is negated: "I don't see why not",
# "we don't see a problem with that", "can't see any issue" (blind corpora of wedding cakes,
# cake classes and sailing replies; common English).
NO_OBJECTION = (
    "see why not", "see a problem", "see any problem", "see an issue", "see any issue",
    "see any reason why not",
)  # fmt: skip

# Adjectives of a state that "100%" makes absolute ("100% safe", "100% reliable"); participles
# ("100% fixed", "100% shielded") are found by their ending.
ABSOLUTE_STATES = (
    "effective", "reliable", "accurate", "successful", "safe", "secure", "risk-free", "fine", "ok",
    "okay", "certain", "sure", "working", "available", "happy", "done", "correct", "compatible",
    "uptime", "satisfaction", "right", "true", "clean", "free of", "covered", "permanent",
    "genuine", "authentic", "ready", "intact",
)  # fmt: skip

# The names of a faster tier of a service ("rush is $35", "express shipping", "a same-day
# repair"): speed in a question, and in a reply the tier whose price or time is given.
FASTER_TIERS = ("express", "expedited", "rush", "priority", "fast-track", "same-day", "next-day")

# Things customers and agents name with different words: a reply that names one answers a
# question that names another ("bags" answers "suitcases", SPEC §3). Each group is
# ordinary synonymy in customer service, not one sentence's words.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "refund": ("refund", "money back", "reimburse", "reimbursement", "repay", "back on your card",
               "back to your card", "pay me back", "credit back", "get paid", "paid out", "payout"),
    "delivery": ("deliver", "delivery", "arrive", "arrival", "ship", "shipping", "shipment",
                 "dispatch", "get here", "turn up", "courier", "in the post"),
    "price": ("price", "cost", "fee", "charge", "pay", "paid", "how much", "expensive", "cheap",
              "cheaper", "cheapest", "rate", "bill", "invoice", "balance", "quote", "estimate",
              "surcharge",
              # Nothing to pay is a price too: "do you measure up for free?" - "the survey
              # costs nothing"; "is it free of charge?" - "there's a $20 fee".
              "for free", "free of charge", "no charge", "at no cost", "no cost", "for nothing"),
    "gift card": ("gift card", "gift voucher", "gift certificate", "voucher"),
    "warranty": ("warranty", "guarantee", "cover", "covered"),
    "cancel": ("cancel", "cancellation", "terminate", "end my contract", "get out of", "drop out",
               "pull out", "back out"),
    # ("*" is one to three words: "send it back", "send the parcel back".)
    "return": ("return", "send back", "send * back", "exchange"),
    "luggage": ("bag", "baggage", "luggage", "suitcase"),
    # Coming without one is an answer about one: "do I need an appointment?" - "nail trims
    # are walk-in only".
    "booking": ("book", "reservation", "appointment", "walk-in", "walk in"),
    "discount": ("discount", "deal", "% off", "money off", "anything off", "something off",
                 "reduction", "concession", "promo"),
    "senior": ("pensioner", "senior", "over 65", "over-65", "65+", "retiree", "retired"),
    "bicycle": ("bicycle", "bike", "cycle"),
    # The young, asked about as "kids" and answered as "children" or "under-12s", or the
    # other way round (transit, ticketing, camps, lessons and attractions replies).
    "child": ("child", "children", "kid", "kids", "minor", "minors", "under-12s", "under 12s",
              "under-16s", "under 16s", "under-18s", "under 18s"),
    # How old one must be, asked "is there an age limit?" or "how old do you have to be?",
    # answered "riders need to be between 3 and 10 years old", "you must be 16 or over".
    "age": ("age", "aged", "years old", "year old", "year-old", "how old", "or over",
            "or older"),
    # Who teaches, asked as "who teaches them?" and answered "one of our certified
    # instructors (Mike or Jolene)" (lessons, classes, schools and coaching replies).
    "teaching": ("teach", "teacher", "teaching", "instructor", "tutor", "trainer"),
    # When a thing stops being usable, asked "does it expire?" or "when does my pass run
    # out?", answered "there's no expiry date", "it's valid until March", "credits lapse
    # after a year" (vouchers, passes, memberships, credits and class packs).
    "expiry": ("expire", "expiry", "expiration", "valid until", "valid till", "validity",
               "lapse"),
    "compensation": ("compensation", "compensate", "make up for", "make it up", "goodwill",
                     "gesture", "voucher", "credit"),
    "phone": ("phone", "mobile", "smartphone", "cell"),
    "repair": ("repair", "fix", "replacement", "replace", "mend"),
    "pet": ("pet", "dog", "cat", "puppy", "pup", "kitten", "animal"),
    "interim": ("meantime", "meanwhile", "in the interim", "until then", "till then",
                "for now"),
    # Whether something is to be expected, asked as "is that normal?" or "should I be
    # worried?", answered "it's quite common" or "no need to worry" (clinics, opticians,
    # hearing, dental and appliance replies).
    "normal": ("normal", "common", "usual", "typical", "expected", "worry", "worried",
               "worrying", "concern", "concerned", "concerning"),
    # Speed, asked as "is there a faster option?" or "what's the fastest you can do?",
    # answered "if you need it sooner, 2-day express is $14.99" (shipping, repairs, printing,
    # visas and call-outs).
    "speed": ("faster", "fastest", "quicker", "quickest", "sooner", "soonest", "expedite",
              "speed up", "same day", "next day", *FASTER_TIERS),
    # Whether something is worth having, asked as "is it worth it?" or "is the membership
    # worthwhile?", answered with its value ("it pays for itself after two deliveries", "works
    # out cheaper per year", "you save $60"), advice ("I'd recommend it") or what others choose
    # ("most people doing the overnight trips grab it"): subscriptions, add-ons, waivers and
    # packages in retail, rental, travel and lessons replies.
    "worth": ("worth", "worthwhile", "pays for itself", "pay for itself", "paid for itself",
              "pays off", "works out cheaper", "work out cheaper", "value for money",
              "good value", "great value", "saves you", "save you", "you save", "you'd save",
              "recommend", "most people", "most customers", "most clients", "most guests",
              "most of our", "most of my", "many people", "many of our", "a lot of people",
              "lots of people"),
    # How a bill is paid, asked as "can I pay by bank transfer?" or "can I pay on the day?",
    # answered "card or cash at the counter is fine", "we take contactless", "we can invoice
    # the school" (shops, studios, clinics, tradespeople and bookings).
    "payment": ("pay by", "pay with", "pay in cash", "pay cash", "pay on the day",
                "pay at the", "pay upfront", "pay up front", "payment method", "pay for it by",
                "cash", "by card", "card or", "or card", "card payment", "cards", "debit card",
                "credit card", "bank transfer", "transfer", "contactless", "paypal", "cheque",
                "invoice"),
}  # fmt: skip

# Nouns that count whatever the clause is about ("up to 2 units" of a pre-order, "5 pieces"
# of luggage): a count of any noun in a sentence naming the clause counts them.
GENERIC_COUNT_NOUNS = ("unit", "item", "piece", "article", "thing")

# Nouns of a price: after an amount they name what the amount is, the act's own price ("a $15
# fee", "a $75 admin fee", "a £20 late charge"), not another thing it describes.
PRICE_NOUNS = (
    "fee", "fees", "charge", "charges", "surcharge", "cost", "costs", "price", "rate", "rates",
    "deposit", "payment", "premium", "excess", "supplement",
)  # fmt: skip

# Words that follow an amount without being a noun it describes (beyond the function words
# of honestcs._function_words): adverbs and predicates of an amount ("$30 back", "$5 extra",
# "£20 upfront", "$25 covers…"), and prepositions and subordinators outside the function-word
# list (CGEL ch. 7, 11: "€20 per room", "$25 since it's small", "$900 through a claim").
AFTER_AN_AMOUNT = (
    "back", "extra", "instead", "today", "tomorrow", "now", "upfront", "up-front", "payable",
    "less", "left", "cash", "flat", "total", "altogether", "overall", "outstanding",
    "covers", "includes", "applies", "goes", "comes", "gets", "buys", "pays", "stays",
    "plus", "minus", "then", "too", "either", "apiece", "nightly",
    "per", "since", "through", "across", "via", "during", "within", "without", "under",
    "including", "excluding", "against", "towards", "toward", "between", "among", "onto",
    "upon", "while", "unless", "whether", "though", "although", "once", "till", "til",
    "anywhere", "everywhere", "somewhere", "again", "already", "still", "yet", "even",
    "inc", "incl", "ex", "exc", "vat", "gst", "tax", "taxes", "net", "gross", "max",
    "maximum", "minimum", "min", "tops",
    # A comparison that sets the amount against another: "£50 rather than the usual fee".
    "rather", "compared",
    # Heads of phrases that say what the amount turns on or ignores (CGEL ch. 7, complex
    # prepositions): "£1,000 regardless of the piano", "$100 depending on the delay".
    "regardless", "irrespective", "depending", "based", "according", "whatever", "whichever",
    # Terms of address that close a chat clause (CGEL ch. 10, vocatives): "$99 mate", "£40 love".
    "mate", "buddy", "pal", "hun", "hon", "love", "dear", "bro", "sir", "madam", "folks",
)  # fmt: skip

# Adjuncts and aspect that place a state in the past, before a change (CGEL ch. 3 and 8,
# "used to"; past-time adjuncts): "previously, vouchers were up to £200", "the old limit was
# 3 devices". What follows describes a former policy, not the one in force.
FORMER_TIME = (
    "previously", "formerly", "used to", "in the past", "until recently", "until last",
    "no longer",
    "before the change",
)  # fmt: skip

# "get used to", "be used to": accustomed, not the past habit of "used to".
ACCUSTOMED = ("get", "gets", "got", "getting", "be", "is", "are", "am", "was", "were", "been",
              "become", "becomes", "'re", "'m", "'s")  # fmt: skip

# Adjectives of a former arrangement before the noun of a rule or limit ("the old limit was 3
# devices", "our previous policy allowed 60 days").
FORMER_ADJECTIVES = ("old", "previous", "former", "earlier")
RULE_NOUNS = (
    *POLICY_NOUNS,
    "rule", "limit", "limits", "window", "price", "prices", "fee", "fees", "rate", "rates",
    "allowance", "terms", "plan", "plans", "pricing", "cap",
)  # fmt: skip

# Verbs of the business handling what a customer sent in. A time after one is how long the
# handling takes, not the customer's window to send it: "returns are processed within 5
# days", "approved appeals are settled within a fortnight", "appeals are decided
# within 14 days" beside a window to claim or appeal.
HANDLING_VERBS = (
    "review", "process", "pay", "paid", "assess", "settle", "investigate", "decide", "resolve",
    "handle", "approve",
)  # fmt: skip

# Adjuncts that bring a sentence back to the present after a former state ("…; now the most
# we can give is £80").
PRESENT_TIME = ("now", "currently", "today", "these days", "at the moment", "from now on")

# Institutions outside the business whose own step comes after the business's act: a time
# they take is theirs, not the clause's ("your bank may take 3-5 days to post it", "depending
# on your financial institution", "Refunds are processed by banks and between banks": public
# help-centre pages of ticketing, retail and cosmetics firms). Only as a noun standing alone:
# "bank account", "bank card", "bank holiday" name other things.
THIRD_PARTIES = (
    "bank", "banks", "card issuer", "card issuers", "card provider", "card providers",
    "card company", "card companies", "issuing bank", "financial institution",
    "financial institutions", "payment provider", "payment providers", "credit union",
    "building society",
)  # fmt: skip

# People of a trade or profession, and bodies, that work for the customer or over them, not
# for the business (CGEL ch. 5 on agentive nouns in -er/-ian/-ist): "once your electrician has
# fitted the socket", "if your GP signs the form", "when your landlord agrees". A condition
# they meet is a prerequisite, not the customer's act.
OUTSIDE_PARTIES = (
    "electrician", "plumber", "builder", "doctor", "gp", "vet", "dentist", "landlord",
    "insurer", "employer", "solicitor", "lawyer", "accountant", "surveyor", "architect",
    "contractor", "installer", "mechanic", "school", "council", "bank",
)  # fmt: skip

# Words with which a message asks for something without a question mark (CGEL ch. 10, on
# indirect directives): "I'd like a second copy", "please send…", "I need it by Friday",
# "could you…". A message with none of them and no question asks for nothing: a worry or a
# report ("Worried the frame will crack if the kids knock it").
WISHING_WORDS = (
    "want", "wanted", "wants", "like", "need", "needs", "please", "wish", "hoping", "hope",
    "could", "can", "would", "let", "request", "requesting", "asking",
)  # fmt: skip

# Prepositions before the event a time is counted from (CGEL ch. 7, on temporal
# prepositions): "deliver by courier *from* dispatch", "refund *after* inspection", "install
# *following* approval", "ship *once* paid". A policy's `does` names its clock's start so.
COUNTED_FROM = ("from", "after", "following", "once")

# Nouns after "bank" that make it a modifier ("bank account"), not the institution.
THIRD_PARTY_MODIFIED = (
    "account", "accounts", "card", "cards", "details", "transfer", "transfers", "statement",
    "statements", "holiday", "holidays", "app", "balance", "payment", "payments",
)  # fmt: skip

# Nouns of motive after "out of", which gives a reason (CGEL ch. 7, "out of" of cause and
# motive: "out of respect for the artist", "out of consideration for other passengers", "out
# of caution").
MOTIVE_NOUNS = (
    "respect", "courtesy", "consideration", "concern", "fairness", "caution", "precaution",
    "deference", "an abundance of caution",
)  # fmt: skip

# Adjectives of duty before "to" (Quirk §3.45, modal idioms of obligation): "we're required to
# record every sighting", "we're legally obliged to pass on rider details". Seen as the ground
# of a no in replies of insurers, lenders, tax and rental businesses. Not "bound to", which is
# as often certainty ("it's bound to arrive today").
DUTY_ADJECTIVES = ("required", "obliged", "obligated")

# Time adjuncts that name no time a customer could hold anyone to (Quirk §8.54-8.57, time
# when, "indefinite"): the vague answer to "when?". Seen answering "when will…?" in agent
# replies of retail, telecom and travel ("it'll go out shortly", "we'll send it soon").
VAGUE_TIMES = (
    "soon", "shortly", "asap", "as soon as possible", "as soon as we can", "as soon as i can",
    "in due course", "before long", "any day now",
)  # fmt: skip

# Documents that state a price (OED: "quotation", "estimate"): sending one is the concrete
# next step that answers "how much?" (SPEC §3), as trades, removals, repair and print shops
# reply ("I'll email you a quote by Thursday", "we'll send a written estimate").
PRICE_DOCUMENTS = ("quote", "quotation", "estimate", "costing")

# Verbs of sending something to the customer or getting in touch. A time right after one of
# them ("the claims team will reply within 2 business days", "your voucher will be emailed
# within 10 minutes", "an adjuster will call you within 2 business days") is how soon that
# comes, not the customer's window (blind corpora of removals, spa, parcel, pet-insurance
# and retail replies).
DELIVERY_VERBS = (
    "reply", "respond", "call", "ring", "phone", "email", "e-mail", "text", "message",
    "contact", "get back", "send", "ship", "post", "deliver", "dispatch",
)  # fmt: skip

# ...and the same, said of the thing sent: "will be emailed", "will be posted".
DELIVERY_PARTICIPLES = (
    "emailed", "e-mailed", "sent", "posted", "shipped", "delivered", "texted", "messaged",
    "dispatched",
)  # fmt: skip

# What the customer gets that is a message, not the act a clause is about: "you'll get a
# cancellation email in the next few minutes" (but "you'll get the free re-exam any time in
# the next 90 days" is the re-exam's window).
MESSAGE_NOUNS = (
    "email", "e-mail", "text", "message", "confirmation", "call", "letter", "link",
    "notification", "receipt", "reply", "update", "code", "sms",
)  # fmt: skip

# Money or a credit arriving, said in the present: "provisional credit posts within 10
# business days", "the store credit lands 1-2 business days after we receive it".
ARRIVAL_VERBS = ("posts", "lands", "appears", "shows up", "reaches you", "reaches your")

# A later act that is coming back to the customer with news: the answer deferred, not
# refused ("we'll update you", "I'll let you know", "our team will follow up"; real replies
# of airline, telecom and retail agents).
REPORTING_BACK = (
    "get back to you", "come back to you", "update you", "let you know", "keep you posted",
    "keep you updated", "keep you informed", "follow up", "be in touch", "circle back",
    "investigate", "look into", "find out",
    # A way of getting in touch, then "back": "I'll call you back", "we'll message you back"
    # (call, ring and message back are the commonest in agent replies of every sector).
    "call you back", "ring you back", "phone you back", "message you back", "email you back",
    "text you back",
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@cache
def _synonym_senses() -> Mapping[str, tuple[frozenset[int], frozenset[int]]]:
    table = files("honestcs.text").joinpath("synonyms.tsv").read_text(encoding="utf-8")
    senses = {}
    for line in table.splitlines():
        word, _, numbers = line.partition("\t")
        ids = numbers.split()
        senses[word] = (
            frozenset(int(n.lstrip("v")) for n in ids),
            frozenset(int(n[1:]) for n in ids if n.startswith("v")),
        )
    return senses


_NO_SENSES: tuple[frozenset[int], frozenset[int]] = (frozenset(), frozenset())


def senses_of(word_stem: str, *, verb: bool = False) -> frozenset[int]:
    """The everyday WordNet senses a stemmed noun or verb shares with other words.

    Two words with a sense in common can name the same thing: "bike" and "bicycle",
    "bill" and "invoice", "cost" and "price". Only a word's first two senses count, since
    WordNet orders senses by use and the rare ones link ordinary words through meanings
    nobody uses in customer service; see ``scripts/build_synonyms.py``. With ``verb``, only
    its senses as a verb (for a word written with "-ed" or "-ing": "finished orders" are not
    a coat of paint). Unknown words have none.
    """
    every, verbs = _synonym_senses().get(word_stem, _NO_SENSES)
    return verbs if verb else every


@cache
def _kinds() -> Mapping[str, tuple[frozenset[int], frozenset[int]]]:
    table = files("honestcs.text").joinpath("kinds.tsv").read_text(encoding="utf-8")
    kinds = {}
    for line in table.splitlines():
        word, own, general = line.split("\t")
        kinds[word] = (
            frozenset(int(n) for n in own.split()),
            frozenset(int(n) for n in general.split()),
        )
    return kinds


def is_a_kind_of(specific_stem: str, general_stem: str) -> bool:
    """Whether a stemmed noun names, in its everyday sense, a kind of what another names.

    "doll" is a kind of "toy", "car" of "vehicle" (up to four steps up WordNet's hypernyms
    from the noun's first sense, to any of the general noun's first three senses); see
    ``scripts/build_synonyms.py``. A noun is not a kind of itself, and unknown nouns are
    kinds of nothing.
    """
    table = _kinds()
    specific = table.get(specific_stem)
    general = table.get(general_stem)
    if specific is None or general is None or specific_stem == general_stem:
        return False
    return bool(specific[1] & general[0])
