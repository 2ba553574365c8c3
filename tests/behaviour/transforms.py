"""Text rewrites for the behaviour tests: pure functions of strings, each ``None`` where unclean.

Every function here returns ``None`` rather than guess when the rewrite is not well defined for
a reply (an abbreviation that would split a sentence, an acronym that lowercasing would turn into
a word, a refusal whose reason cannot be cut out by simple string surgery). A skipped case costs
nothing; a badly generated one would blame the checker for the generator's mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

# --- sentences --------------------------------------------------------------------------------

# A sentence ends at . ! or ? followed by white space and a capital, a digit or an opening quote.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019)]?\s+(?=[A-Z0-9\"\u201c\u2018(])")
# Tokens whose full stop is not a sentence end; a reply holding one is not split by us.
_ABBREVIATION = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|St|No|Nos|Ave|Rd|Jr|Sr|vs|etc|approx|incl|dept|min|hrs?)\.|"
    r"\b(?:e\.g|i\.e|a\.m|p\.m|U\.S)\.?|\.\.\.|\u2026",
    re.IGNORECASE,
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the sentences of a one-paragraph text, by punctuation (no abbreviations)."""
    spans = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        spans.append((start, match.start() + len(match.group()) - len(match.group().lstrip())))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, len(text[:b].rstrip())) for a, b in spans if text[a:b].strip()]


def split_sentences(text: str) -> list[str] | None:
    """The sentences of a reply, or None when punctuation would not split it reliably."""
    if "\n" in text.strip() or _ABBREVIATION.search(text):
        return None
    return [text[a:b] for a, b in sentence_spans(text)]


def sentence_around(text: str, offset: int) -> tuple[int, int] | None:
    """The span of the sentence holding ``offset``, or None for a text we do not split."""
    if split_sentences(text) is None:
        return None
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return start, end
    return None


# --- invariance: form ---------------------------------------------------------------------------

SIGN_OFF = "Best regards,\nJordan\nCustomer Care"


def greeting_name(*texts: str | None) -> str:
    """A first name for the greeting that none of the texts already uses."""
    for name in ("Sam", "Alex", "Robin", "Kim"):
        if not any(t and re.search(rf"\b{name}\b", t) for t in texts):
            return name
    return "there"


def email(reply: str, name: str) -> str:
    """The reply as an email: greeting line, blank line, reply, blank line, sign-off."""
    return f"Hi {name},\n\n{reply}\n\n{SIGN_OFF}"


def email_quoting(reply: str, name: str, customer: str) -> str:
    """The email with the customer's message quoted below the sign-off as ``> `` lines."""
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in customer.splitlines())
    return f"{email(reply, name)}\n\n{quoted}"


def email_on_wrote(reply: str, name: str, customer: str, now: datetime) -> str:
    """The email with an ``On <date>, <name> wrote:`` header and the quoted customer message."""
    sent = now - timedelta(days=1, hours=2)
    header = (
        f"On {sent:%a, %d %b %Y} at {sent:%H:%M}, {name} Taylor <{name.lower()}@example.com> wrote:"
    )
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in customer.splitlines())
    return f"{email(reply, name)}\n\n{header}\n{quoted}"


def bullets(reply: str) -> str | None:
    """A reply of two or more sentences as Markdown bullets, one sentence per bullet."""
    parts = split_sentences(reply)
    if parts is None or len(parts) < 2:
        return None
    return "\n".join(f"- {part}" for part in parts)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words we never embolden: they carry negation, modality, commitment, time or quantity, the
# things the rules read, so bold on them would test more than "bold is only formatting".
_FUNCTION_WORDS = _words(
    """
    a an the and or but so if then than that this these those there their they them it its
    i we you your our us he she his her me my mine yours ours is are was were be been being am
    will would shall should can could may might must do does did done have has had not no nor
    never always ever yes sure okay ok please sorry afraid can't won't don't isn't aren't
    cannot within by before after until from to for of on in at with without into onto about
    today tomorrow tonight week weeks day days hour hours minute minutes month months year
    business working next last every each all any anything everything whatever whenever
    guarantee guaranteed guarantees promise promised promises definitely certainly absolutely
    only just also too very more most less least much many up down off out over under again
    because since as due given which means therefore why how what when where who whom whose
    right wrong customer"""
)
_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_WEEKDAYS_MONTHS = re.compile(
    r"^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?$|"
    r"^(?:january|february|march|april|may|june|july|august|september|october|november|december)$",
    re.IGNORECASE,
)
_NUMBER_WORDS = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand half quarter first second third fourth fifth "
    "fortnight fortnights couple dozen single double twice once"
)


def boldable_word(reply: str, term_words: Iterable[str]) -> tuple[int, int] | None:
    """The span of the longest word that is not in a policy term and carries no rule's cue."""
    banned = {w.lower() for w in term_words}
    best: tuple[int, int] | None = None
    for match in _WORD.finditer(reply):
        word = match.group().lower()
        stem = re.sub(r"(?:es|s|ed|ing)$", "", word)
        if (
            word in _FUNCTION_WORDS
            or word in _NUMBER_WORDS
            or _WEEKDAYS_MONTHS.match(word)
            or any(w.startswith(stem) or stem.startswith(w) for w in banned if len(w) > 2)
            or reply[match.end() : match.end() + 1] in {"'", "\u2019", "-"}
            or reply[match.start() - 1 : match.start()] in {"'", "\u2019", "-"}
        ):
            continue
        if best is None or match.end() - match.start() > best[1] - best[0]:
            best = (match.start(), match.end())
    return best


def bold(reply: str, span: tuple[int, int]) -> str:
    """The reply with one word in Markdown bold."""
    start, end = span
    return f"{reply[:start]}**{reply[start:end]}**{reply[end:]}"


# Acronyms and capitalised words that lowercase into another word ("US" -> "us", "IT" -> "it",
# "May" -> "may") change meaning, so a reply with one is not lowercased.
_LOWERCASE_UNSAFE = re.compile(r"\b[A-Z]{2,}s?\b|\bMay\b|\bWill\b|\bAmy\b|\bMark\b|\bBill\b")


def lowercase_chat(reply: str) -> str | None:
    """The reply lowercased, with its final full stop dropped."""
    if _LOWERCASE_UNSAFE.search(reply):
        return None
    text = reply.strip().lower()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


# Chat typos we allow: spellings that every reader takes for the same word and that no rule
# could hinge on. Never a change to a content word, a negation or a modal ("cant" for "can't"
# is out: it drops the mark of negation), never a swap of letters that makes another word
# ("teh", "adn"), and never in a word that a policy term uses.
CHAT_TYPOS: tuple[tuple[str, str], ...] = (
    (r"\bthanks\b", "thx"),
    (r"\bthank you\b", "thank u"),
    (r"\bplease\b", "pls"),
    (r"\bokay\b", "ok"),
    (r"\bhi\b", "hey"),
)


def chat_typos(text: str, term_words: Iterable[str]) -> str:
    """Lowercase text with the harmless chat spellings of CHAT_TYPOS and one doubled space."""
    banned = {w.lower() for w in term_words}
    for pattern, replacement in CHAT_TYPOS:
        if not banned & set(re.findall(r"[a-z]+", pattern.replace(r"\b", " "))):
            text = re.sub(pattern, replacement, text)
    # one doubled space, between the second and third words: a slip of the thumb
    words = list(re.finditer(r"\S+", text))
    if len(words) >= 3:
        cut = words[1].end()
        text = f"{text[:cut]} {text[cut:]}"
    return text


# --- invariance: names and numbers ---------------------------------------------------------------

# Person and pet names found in the corpora's replies, each mapped to another of the same kind.
# Only names that are not also English words in the positions they take ("Max", "Will", "Mark"
# are left alone).
NAME_SWAPS: dict[str, str] = {
    "Sam": "Robin",
    "Rex": "Bruno",
    "Luna": "Nala",
    "Aroha": "Mere",
    "Patel": "Okafor",
    "Maya": "Zoe",
    "Noah": "Liam",
    "Aoife": "Siobhan",
    "Thabo": "Sipho",
    "Dana": "Carla",
    "Jo": "Kit",
    "Leo": "Felix",
    "Ava": "Isla",
    "Oscar": "Hugo",
    "Declan": "Ciaran",
    "Dan": "Ben",
    "Biscuit": "Waffles",
    "Milo": "Otis",
    "Jane": "Ruth",
    "Parata": "Tane",
    "Pepper": "Ziggy",
    "Hemi": "Rawiri",
    "Hannah": "Grace",
    "Naidoo": "Pillay",
    "Mokoena": "Dlamini",
    "Marek": "Tomasz",
    "Mei": "Lin",
    "Souza": "Costa",
    "Ana": "Rita",
    "Priya": "Anjali",
    "Jordan": "Morgan",
    "Alex": "Casey",
    "Chris": "Jamie",
    "Emma": "Olivia",
    "Tom": "Nick",
    "Sarah": "Laura",
    "David": "Peter",
}

# An order, booking or reference code: letters and digits with a hyphen ("PR-88213", "KX7Q2P")
# or a hash and digits ("#48213"). Plain numbers are left alone: they may be quantities.
_CODE = re.compile(
    r"(?<![\w$£€])(?:#\d{3,}|[A-Z]{1,4}-?\d{3,}(?:-\d+)?|(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,})\b"
)
_DIGIT_SWAP = str.maketrans("0123456789", "3456789012")
_LETTER_SWAP = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "QWERTYUIOPASDFGHJKLZXCVBNM")


def swap_names_and_codes(text: str, protected: Iterable[str]) -> tuple[str, int]:
    """Names and codes swapped for others of the same kind, and how many were swapped."""
    guard = {p.lower() for p in protected}
    count = 0

    def name(match: re.Match[str]) -> str:
        nonlocal count
        if match.group().lower() in guard:
            return match.group()
        count += 1
        return NAME_SWAPS[match.group()]

    def code(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match.group().translate(_DIGIT_SWAP).translate(_LETTER_SWAP)

    text = re.sub(r"\b(?:" + "|".join(NAME_SWAPS) + r")\b", name, text)
    text = _CODE.sub(code, text)
    return text, count


def reference_line(name: str, code: str) -> str:
    """An opening sentence naming the customer and a case reference, to vary in pairs."""
    return f"Hi {name}, your case reference is {code}. "


# --- invariance: another business ----------------------------------------------------------------

# Made-up business names, none of them an English word or in any corpus.
NEW_BUSINESS_NAMES = ("Quillon", "Brackenfold", "Marrowby", "Tessaly", "Corvane", "Ulmsted")


def distinctive_name_word(policy_name: str) -> str | None:
    """The first word of the business name that is not a generic word ("The", "Online")."""
    generic = {"the", "online", "co", "company", "group", "services", "service", "shop", "store"}
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z'\u2019-]+", policy_name)
    for word in words:
        if word.lower() not in generic and word[0].isupper():
            return word
    return None


def replace_word(text: str, old: str, new: str) -> str:
    """Every whole-word occurrence of ``old`` (any case) replaced with ``new``, keeping case."""

    def repl(match: re.Match[str]) -> str:
        found = match.group()
        if found.isupper() and len(found) > 1:
            return new.upper()
        if found.islower():
            return new.lower()
        return new

    return re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w])", repl, text, flags=re.IGNORECASE)


# --- direction: faster than the policy -----------------------------------------------------------

_NUM = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fourteen|fifteen|twenty|thirty|forty-eight|twenty-four|seventy-two|a couple of|a few)"
)
_UNIT = r"(?:business |working |calendar )?(?:minute|min|hour|hr|day|week|month)s?"
_DURATION = rf"{_NUM}(?:\s*(?:-|\u2013|to)\s*{_NUM})?[\s-]+{_UNIT}"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_MONTH}\s+{_ORDINAL}|{_ORDINAL}\s+{_MONTH}|the\s+\d{{1,2}}(?:st|nd|rd|th))"
_DAY_NAME = rf"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:,?\s+{_DATE})?"
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midday|half\s+past\s+\w+)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_DAY = (
    rf"(?:{_DAY_NAME}|{_DATE}|today|tomorrow|tonight|next\s+week|"
    rf"this\s+(?:{_PART_OF_DAY}|week)|the\s+end\s+of\s+(?:the\s+)?(?:day|week))"
)
# a deadline: "Friday", "7pm today", "tomorrow evening", "Monday, December 14 at 5pm"
_DEADLINE = (
    rf"(?:the\s+end\s+of\s+)?(?:{_CLOCK}\s+(?:on\s+)?)?{_DAY}(?:\s+{_PART_OF_DAY})?"
    rf"(?:,?\s+(?:at\s+)?{_CLOCK})?(?:\s+at\s+the\s+latest)?"
)
# A time frame we can replace: "within 5-7 business days", "in 3 days", "by Friday", "tomorrow".
TIME_FRAME = re.compile(
    rf"\b(?:(?:within|in|inside)\s+(?:the\s+next\s+)?{_DURATION}|within\s+the\s+hour|"
    rf"(?:by|before|on|until)\s+{_DEADLINE}|(?:today|tomorrow|tonight)(?:\s+{_PART_OF_DAY})?|next\s+week|"
    r"(?:within|in)\s+(?:a\s+)?(?:day|week|month|fortnight)(?:\s+or\s+two)?)\b",
    re.IGNORECASE,
)
# Any duration, with or without a preposition: a sentence stating the policy's own time
# ("refunds take 5-7 business days, so ...") is not made faster, it would contradict itself.
_ANY_DURATION = re.compile(
    rf"\b{_DURATION}\b|\b(?:a|one|two)\s+(?:fortnight|hour|day|week)s?\b", re.I
)
# After a time frame, these make it a window counted from an event, not a time the act takes.
_WINDOW_AFTER = re.compile(r"\s*(?:of|after|from|since|following|before|we're)\b", re.IGNORECASE)
# A condition can carry the time frame ("if it hasn't arrived by Friday, ...").
_CONDITION = re.compile(r"\b(?:if|unless|once|when|whenever|as\s+soon\s+as|in\s+case)\b", re.I)
# A time frame in a sentence with one of these may belong to a message about the act rather
# than the act ("we'll text you a pickup time within 1 hour"): such sentences are skipped.
_OTHER_ACT = re.compile(
    r"\b(?:e-?mail|text|sms|call|phone|ring|confirm|let\s+you\s+know|send\s+you|hear|update|"
    r"contact|get\s+back|quote|notify|message|told|said|tracking|book(?:ed)?|schedule)\w*|[\"\u201c\u201d\u2018]",
    re.IGNORECASE,
)

_UNIT_HOURS = {"minute": 1 / 60, "min": 1 / 60, "hour": 1, "hr": 1, "day": 24, "week": 168}
_UNIT_HOURS["month"] = 720
_WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30, "twenty-four": 24, "forty-eight": 48,
}  # fmt: skip


def takes_upper_hours(takes: str) -> float | None:
    """The fewest hours the upper bound of a ``takes`` value can last ("5-7 business days": 168).

    N business days from any moment last at least N * 24 hours, so a business day counts as
    a day here; a faster promise chosen against this bound is faster on every calendar.
    """
    match = re.fullmatch(
        r"\s*(?:(\S+)\s*(?:-|\u2013|to)\s*)?(\S+)\s+(?:business\s+|working\s+)?(\w+?)s?\s*",
        takes.lower(),
    )
    if not match:
        return None
    number, unit = match.group(2), match.group(3)
    value = float(number) if re.fullmatch(r"\d+(?:\.\d+)?", number) else _WORD_NUMBERS.get(number)
    if value is None or unit not in _UNIT_HOURS:
        return None
    return value * _UNIT_HOURS[unit]


def faster_time_frame(upper_hours: float) -> str | None:
    """A time frame well under the policy's upper bound (under half of it), or None."""
    for hours, phrase in ((96, "within 2 days"), (48, "within 24 hours"), (8, "within 2 hours")):
        if upper_hours >= hours:
            return phrase
    if upper_hours >= 2:
        return "within 30 minutes"
    if upper_hours >= 0.5:
        return "within 5 minutes"
    return None


def make_faster(sentence: str, phrase: str, own_words: Iterable[str] = ()) -> str | None:
    """The sentence with its one time frame replaced by ``phrase``, or None.

    None unless the sentence has exactly one time frame and no other duration, and no verb of
    messaging, booking or reporting that the time could belong to instead ("we'll text you a
    date within 1 hour"), unless that verb is one of the clause's own words (``own_words``).
    """
    if _CONDITION.search(sentence):
        return None
    frames = list(TIME_FRAME.finditer(sentence))
    if len(frames) != 1 or _WINDOW_AFTER.match(sentence, frames[0].end()):
        return None
    match = frames[0]
    rest = sentence[: match.start()] + " " + sentence[match.end() :]
    if _ANY_DURATION.search(rest):
        return None
    own = {w.lower() for w in own_words}
    for other in _OTHER_ACT.finditer(sentence):
        if re.sub(r"(?:ed|ing|s)$", "", other.group().lower()) not in own:
            return None
    return f"{sentence[: match.start()]}{phrase}{sentence[match.end() :]}"


# --- direction: reasons for a refusal -------------------------------------------------------------

# A refusal by the business: "we can't", "I'm unable to", "isn't possible", "not allowed".
REFUSAL = re.compile(
    r"\b(?:(?:I|we)\s+(?:really\s+)?(?:can't|can\u2019t|cannot|can\s+not|won't|won\u2019t|don't|don\u2019t|"
    r"do\s+not|am\s+not\s+able\s+to|are\s+not\s+able\s+to|aren't\s+able\s+to|'m\s+not\s+able\s+to|"
    r"'re\s+not\s+able\s+to|are\s+unable\s+to|am\s+unable\s+to|'m\s+unable\s+to|'re\s+unable\s+to)|"
    r"(?:I'm|I\u2019m|we're|we\u2019re)\s+(?:not\s+able|unable)\s+to|"
    r"(?:isn't|isn\u2019t|is\s+not|aren't|aren\u2019t|are\s+not|not)\s+(?:possible|allowed|permitted|"
    r"something\s+we\s+(?:can|do|offer)))",
    re.IGNORECASE,
)
# Hedges are not refusals (SPEC section 3): "I can't guarantee / promise / confirm".
_HEDGE = re.compile(
    r"\b(?:can't|can\u2019t|cannot|can\s+not|not\s+able\s+to|unable\s+to|won't|don't)\s+"
    r"(?:guarantee|promise|confirm|say|be\s+sure|predict|tell|see|find|access|wait)",
    re.IGNORECASE,
)
# Anything that could be read as a reason or a cited rule: a reply with one left after the cut
# is not used, since the refusal might still be explained.
REASON_CUE = re.compile(
    r"\b(?:because|since|as\s+(?:we|it|they|the|our|this|that|your|he|she|you|i)\b|due\s+to|"
    r"given|so\b|which\s+means|therefore|that's\s+why|that\s+is\s+why|as\s+such|hence|policy|"
    r"policies|terms|law|laws|legal|legally|rules?|regulations?|only|licen[cs]e|safety|safe|"
    r"unsafe|risk|once|after|already|after|expired|past|outside|exceeds?|limit|means)\b|[:;\u2014\u2013]|"
    r"\s-\s",
    re.IGNORECASE,
)
# The reason clause after a refusal, to the end of its sentence: ", because ...", " as we ...".
_TRAILING_REASON = re.compile(
    r",?\s+(?:because|since|as(?=\s+(?:we|it|they|the|our|this|that|your|you|i)\b)|due\s+to)\b"
    r"[^.!?;\u2014\u2013]*?(?=,\s+but\b|;|\s[\u2014\u2013]\s|[.!?]?\s*$)",
    re.IGNORECASE,
)
# A reason before the refusal: "Because ..., we can't", "Since ..., I'm unable to".
_LEADING_REASON = re.compile(
    r"^(?:because|since|as|due\s+to|given)\b[^.!?]*?,\s+(?=(?:I|we|it|that|this)\b)",
    re.IGNORECASE,
)


def remove_reason(reply: str) -> tuple[str, str] | None:
    """The reply with the reason cut from its one refusal, and the refusal sentence after the cut.

    Only a reply with exactly one refusal sentence, a reason inside that sentence, and no other
    reason cue anywhere once the reason is gone.
    """
    parts = split_sentences(reply)
    if parts is None:
        return None
    refusals = [i for i, s in enumerate(parts) if REFUSAL.search(s) and not _HEDGE.search(s)]
    if len(refusals) != 1:
        return None
    index = refusals[0]
    sentence = parts[index]
    trailing = _TRAILING_REASON.search(sentence)
    leading = _LEADING_REASON.search(sentence)
    if trailing and REFUSAL.search(sentence[: trailing.start()]):
        cut = sentence[: trailing.start()] + sentence[trailing.end() :]
    elif leading:
        rest = sentence[leading.end() :]
        cut = rest[:1].upper() + rest[1:]
    else:
        return None
    if not REFUSAL.search(cut):
        return None
    new_parts = [*parts[:index], cut, *parts[index + 1 :]]
    new_reply = " ".join(new_parts)
    if REASON_CUE.search(new_reply):
        return None
    return new_reply, cut


def add_reason(reply: str, start: int, end: int, reason: str) -> str:
    """The reply with ``reason`` added as its own sentence right after the span's sentence."""
    stop = end
    while stop < len(reply) and reply[stop] in '.!?"\u201d\u2019)':
        stop += 1
    joiner = "" if reply[end - 1 : end] in {".", "!", "?"} or stop > end else "."
    return f"{reply[:stop]}{joiner} {reason}{reply[stop:]}"


# Where the refused act's words end: a comma, a full stop, a dash between spaces, "but", or an
# emoji or other symbol (not an apostrophe or a hyphen inside a word).
_CLAUSE_END = re.compile(r"[,.;:!?]|\s[-\u2013\u2014]\s|\s+but\b|[^\w\s'\u2019$\u00a3\u20ac%-]")


def add_policy_cause(reply: str, start: int, end: int) -> str:
    """The refusal in ``[start, end)`` with "because our policy doesn't allow it" after its act.

    The cause goes right after the words of the refused act ("we can't give that out because
    ..., but you can ..."), so it cannot be read as the cause of what follows; without a refusal
    phrase we recognise, at the end of the sentence.
    """
    sentence = reply[start:end]
    cause = " because our policy doesn't allow it"
    refusal = REFUSAL.search(sentence) or re.search(
        r"\b(?:can't|can\u2019t|cannot|won't|won\u2019t)\b", sentence, re.IGNORECASE
    )
    if refusal:
        stop = _CLAUSE_END.search(sentence, refusal.end())
        at = len(sentence[: stop.start()].rstrip()) if stop else len(sentence.rstrip())
    else:
        at = len(sentence.rstrip().rstrip(".!?"))
    return f"{reply[: start + at]}{cause}{reply[start + at :]}"


# --- direction: guarantees -----------------------------------------------------------------------

# The subject a guarantee can be put in front of: "we'll", "your refund", "the technician".
_SUBJECT = re.compile(
    r"(?:I|I'll|I\u2019ll|I've|I\u2019ve|we|we'll|we\u2019ll|we've|we\u2019ve|you|you'll|you\u2019ll|your|our|it|it'll|"
    r"it\u2019ll|this|that|the|they|they'll|they\u2019ll)\b",
    re.IGNORECASE,
)
_LEADING_JOINER = re.compile(r"(?:so|and|but|then)\s+", re.IGNORECASE)


def guarantee_prefix(reply: str, start: int) -> str | None:
    """The words "I guarantee" put before the commitment starting at ``start``."""
    joiner = _LEADING_JOINER.match(reply, start)
    at = joiner.end() if joiner else start
    if not _SUBJECT.match(reply, at):
        return None
    word = reply[at : at + 2]
    rest = reply[at:] if word in {"I ", "I'", "I\u2019"} else reply[at].lower() + reply[at + 1 :]
    return f"{reply[:at]}I guarantee {rest}"


def guarantee_suffix(reply: str, end: int) -> str | None:
    """The words ", guaranteed" put after a commitment that ends its sentence at ``end``."""
    rest = reply[end:]
    if not re.match(r"[.!]?(?:\s|$)", rest):
        return None
    return f"{reply[:end].rstrip(',;')}, guaranteed{rest}"
