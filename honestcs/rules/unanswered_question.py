"""`unanswered-question`: leaving a question the customer asked unaddressed.

Needs the customer's message. Each question is found (a sentence ending in
"?", or "I'd like to know…"), and split at "and"/"or" before a new question
("Can I send it back, and how long will the refund take?" is two). A
question is answered when a sentence of the reply is about its subject
(shares a subject word, a policy clause, or a concept such as refund =
"money back") and:

* for a yes/no question: says anything about it, or the reply says yes, no
  or that it can't;
* for "when"/"how long": gives a time, a date, a duration or an event;
* for "how much"/"how many": gives an amount;
* for "why": gives a cause;
* for any question: gives the concrete next step that gets the answer (a
  link, a form, "send us your order number"). A way to the answer that fits
  any question (a link, "create a ticket", "contact our support team",
  transferring to a colleague) answers every question; a request for
  information ("send us a photo") answers only the question it is about.

Rhetorical questions ("Really?!", "This is so frustrating?!") and bare
requests for help ("Can you help, please?") ask nothing a reply could leave
unanswered, and are skipped.

The finding covers the whole reply and quotes the question.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from honestcs._grammar import compile_verbose
from honestcs.quantities import Money
from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, quote
from honestcs.text.acts import (
    find_next_steps,
    find_refusal,
    find_routes,
    gives_reason,
    is_hedge,
)
from honestcs.text.facts import SentenceFacts
from honestcs.text.mentions import (
    CLOCK,
    MONTH,
    WEEKDAY,
    AmountMention,
    DeadlineMention,
    DurationMention,
    RelativeMention,
)
from honestcs.text.questions import Question, concepts_of, content_stems
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]

_CLOCK_OR_DATE = compile_verbose(
    rf"{CLOCK}|\b(?:today|tonight|tomorrow|weekdays?|weekends?)\b|\b{WEEKDAY}|\b{MONTH}"
)
_NUMBER = regex.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|free)\b", regex.IGNORECASE
)
_YES_NO = regex.compile(
    r"^\W*(?:yes|no|yep|nope|sure|of\s+course|absolutely|certainly|totally|you\s+bet|indeed"
    r"|unfortunately|i'm\s+afraid"
    r"|definitely|not\s+at\s+the\s+moment|it\s+is|it\s+isn't|it's\s+not|we\s+do|we\s+don't)\b",
    regex.IGNORECASE,
)


_ASKS_FOR_RECORD = regex.compile(
    r"\b(?:order|booking|reservation|account|customer|user|member(?:ship)?|reference|ticket|case)"
    r"\s*(?:id|number|no\.?|reference|code|email|details)\b|\bemail\s+address\b|\bzip\s+code\b",
    regex.IGNORECASE,
)
_REQUEST = regex.compile(
    r"^\W*(?:\w+\s+)?(?:can|could|would|will|can't|couldn't|won't)\s+(?:you|we|someone|somebody|anyone|u)\b"
    r"|\bis\s+there\s+(?:any|another|a|some)\s+(?:other\s+)?(?:way|chance|possibility)\b",
    regex.IGNORECASE,
)
_ASKS_A_LIMIT_IN_TIME = regex.compile(
    r"\b(?:deadline|time\s+limit|cut-?off|window|expir\w*|last\s+day)\b", regex.IGNORECASE
)
_BECAUSE_FIRST = regex.compile(
    r"^\W*(?:@\w+\s+)*(?:because|since|that's\s+because|it's\s+because|due\s+to)\b",
    regex.IGNORECASE,
)
_WHERE = regex.compile(r"^\W*where(?:'s|\s+is|\s+are)\b", regex.IGNORECASE)


def _gives_a_time(sentence: SentenceFacts) -> bool:
    return any(
        isinstance(m, DeadlineMention)
        or (isinstance(m, DurationMention) and m.role not in ("ago", "for", "rate", "per"))
        for m in sentence.mentions
    )


_HOW_DO_I = regex.compile(r"^\W*how\s+(?:do|can|should|would)\s+(?:i|we)\b", regex.IGNORECASE)
_INSTRUCTIONS = regex.compile(
    r"\b(?:you\s+can|you'll\s+need\s+to|just|open|tap|click|go\s+to|visit|select|log\s+in)\b",
    regex.IGNORECASE,
)
_TIMES = (DurationMention, DeadlineMention, RelativeMention)
_PRONOUN_LED = regex.compile(
    r"^\W*(?:it|that|this|they|those|these|he|she|him|her)\b", regex.IGNORECASE
)


def _about(
    question: Question,
    stems: frozenset[str],
    sentence: SentenceFacts,
    clauses: set[str],
    refers_back: bool,
) -> bool:
    """Whether a sentence is about the question's subject.

    ``stems`` are the words that tell this question apart from the customer's
    other questions. A sentence that opens with "it"/"that" refers back to the
    question when ``refers_back`` (it opens the reply, or there is one question).
    """
    if stems & content_stems(list(sentence.tokens)):
        return True
    if question.concepts & concepts_of(sentence.text):
        return True
    if question.kind == "amount" and any(
        isinstance(m, AmountMention) and isinstance(m.value, Money) for m in sentence.mentions
    ):
        return True
    if refers_back and _PRONOUN_LED.search(sentence.text):
        return True
    if _ASKS_A_LIMIT_IN_TIME.search(question.text) and _gives_a_time(sentence):
        return True  # "is there a deadline?" - "submit it within 28 days"
    return bool(clauses & {t.clause for t in sentence.terms})


def _supplies(question: Question, sentence: SentenceFacts) -> bool:
    kind = question.kind
    if kind in ("yesno", "open"):
        return True
    if find_refusal(sentence.text) is not None or find_next_steps(sentence.text):
        return True
    if kind == "time":
        return bool(
            any(isinstance(m, _TIMES) for m in sentence.mentions)
            or _CLOCK_OR_DATE.search(sentence.text)
        )
    if kind == "amount":
        return any(isinstance(m, AmountMention) for m in sentence.mentions) or bool(
            _NUMBER.search(sentence.text)
        )
    return gives_reason(sentence.text)


def _answered(
    question: Question,
    stems: frozenset[str],
    reply: ReplyFacts,
    clauses: set[str],
    *,
    only_question: bool,
    first_yes_no: bool,
    first_question: bool = False,
    siblings: Sequence[tuple[Question, frozenset[str]]] = (),
) -> bool:
    for sentence in reply.sentences:
        # "It's on the van" opening a reply refers back to the first question only.
        refers_back = only_question or (first_question and sentence.index == 0)
        about = _about(question, stems, sentence, clauses, refers_back)
        if about and _supplies(question, sentence):
            return True
        # Asking for the record that holds the answers, or saying it can't be shared, answers
        # every part of a two-part question ("which shirts did I order, and what are they
        # made of?" -> "could you give me the order id?"); asking for a photo does not.
        if _ASKS_FOR_RECORD.search(sentence.text) and any(
            _about(other, other_stems, sentence, clauses, refers_back)
            for other, other_stems in siblings
        ):
            return True
        if siblings and find_refusal(sentence.text) is not None:
            return True  # "who bought it and what did they pay?" - "I can't share that"
    if any(find_routes(s.text) for s in reply.sentences):
        return True
    # The customer's only question asks when (or where their order is), and the reply
    # gives a time: "How long till we've power?" - "connected within a month".
    asks_when = question.kind == "time" or _WHERE.search(question.text)
    if only_question and asks_when and any(_gives_a_time(s) for s in reply.sentences):
        return True
    # "How do I give it to her?" - "open the order and tap Transfer".
    how_to = only_question and _HOW_DO_I.search(question.text)
    if how_to and any(_INSTRUCTIONS.search(s.text) for s in reply.sentences):
        return True
    if only_question and any(find_refusal(s.text) is not None for s in reply.sentences):
        return True  # saying it can't be done answers the one thing asked
    if only_question and question.kind == "reason" and any(
        _BECAUSE_FIRST.search(s.text) for s in reply.sentences
    ):
        return True  # "Why does it say no purchases?" - "Because she hasn't made any."
    if question.kind != "yesno":
        return False
    # A bare "yes" answers the first yes/no question only. Saying no, hedging, or
    # offering to do it (for a request, "Can you…?") answers the first one, or one
    # the sentence is about.
    request = bool(_REQUEST.search(question.text))
    for s in reply.sentences:
        if first_yes_no and (_YES_NO.search(s.text) or s.agreement):
            return True
        outcome = any(g.mood == "done" and not g.negated for g in s.segments)
        if first_yes_no and (request or question.refers_back) and outcome:
            return True  # "Is that enough to get started?" - "I've located your account."
        says_something = (
            find_refusal(s.text) is not None
            or is_hedge(s.text)
            or any(g.negated for g in s.segments)
            or (request and any(g.mood in ("offer", "future", "done") for g in s.segments))
            or (request and bool(find_next_steps(s.text)))
        )
        if says_something and (first_yes_no or _about(question, stems, s, clauses, False)):
            return True
    return False


# The reply asks the customer for what it needs to answer (SPEC §3: identity, order number,
# platform, error message, a photo): a question to "you" that is not an offer, or a request.
_GATHERS = regex.compile(
    r"""\b(?:please|kindly)\s+(?:\w+\s+)?(?:provide|send|share|confirm|tell|let\s+(?:us|me)\s+know|dm|reply
        |give|check|include|attach|describe|specify)\b
      | \b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|also\s+)?
        (?!like\b|want\b|prefer\b)(?:provide|send|share|confirm|tell|let|give|check|clarify|specify|describe|dm|reply|include|attach
          |try|post|explain|advise)\b
      | \blet\s+(?:us|me)\s+know\b | \b(?:dm|direct\s+message|message)\s+us\b
      | \b(?:i|we)(?:'ll|\s+will|'d|\s+would)?\s+(?:first\s+)?need\s+
        (?:your|the|some|a\s+few|more
          |to\s+(?:first\s+)?(?:know|verify|authenticate|confirm|check|locate|find))\b
      | ^\W*(?:what|which|where|when|how|is|are|do|does|did|have|has|was|were)\b
        [^?]*\byour?\b[^?]*\?
      | \blet\s+me\s+(?:first\s+|quickly\s+|just\s+)?
        (?:check|look|see|verify|pull\s+up|find|review|confirm)\b
""",
    regex.IGNORECASE | regex.VERBOSE,
)
# Handing the customer over to someone who can answer (SPEC §3).
_HANDOVER = regex.compile(
    r"""\b(?:transferr?(?:ed|ing)?|connect(?:ed|ing)?|pass(?:ed|ing)?|escalat\w*|forward(?:ed|ing)?)
        \s+(?:you|this|your|to)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)


# Sentences that carry no answer of their own: thanks, sympathy, an offer to help.
_PLEASANTRY = regex.compile(
    r"""^\W*(?:@\w+\s+)*(?:(?:then|and|also|so|first)\W+)?
      (?:hi|hello|hey|thanks|thank\s+you|sorry|i'm\s+sorry|we're\s+sorry|apologies
        |(?:i|we)(?:'ll|\s+will|'d|\s+would|'m|\s+am|'re|\s+are|\s+can)?\s+(?:be\s+)?
          (?:(?:happy|glad|here|able)\s+)?(?:to\s+)?(?:help|assist)
        |happy\s+to\s+help|sure|of\s+course
        |certainly|absolutely|no\s+problem|i\s+understand|we\s+understand|glad\s+to\s+help
        |just\s+to\s+(?:make\s+sure|confirm|clarify|check)|please\s+hold|one\s+moment)\b""",
    regex.IGNORECASE | regex.VERBOSE,
)
# Saying what one handles answers a request outside it: "I'm here to assist with orders…".
_SCOPE = regex.compile(
    r"\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:only\s+)?(?:here|able)\s+to\s+(?:help|assist)"
    r"\s+(?:you\s+)?with\b",
    regex.IGNORECASE,
)


def _only_gathers(reply: ReplyFacts) -> bool:
    """Whether the reply only asks for what it needs to answer, hands over, or states its scope.

    Such a reply answers every question (SPEC §3); one that also says something of its
    own ("Yes, you can send it back. Could you send a photo?") must answer the rest.
    """
    if any(_SCOPE.search(s.text) or _HANDOVER.search(s.text) for s in reply.sentences):
        return True
    gathering = [bool(_GATHERS.search(s.text)) for s in reply.sentences]
    return any(gathering) and all(
        g or _PLEASANTRY.search(s.text) or len(s.tokens) <= _SIGNATURE_WORDS
        for g, s in zip(gathering, reply.sentences, strict=True)
    )


# A sentence this short is a signature or an interjection ("*SR", "-Emilia", "Thanks!").
_SIGNATURE_WORDS = 2


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report each customer question the reply leaves unaddressed."""
    customer = reply.customer
    if customer is None or not reply.sentences:
        return
    # A reply that only gathers what it needs to answer, or hands the customer over, answers
    # every question; one that answers some and asks for a detail has not answered the rest.
    gathers = _only_gathers(reply)
    unanswered: list[RawFinding] = []
    questions = customer.questions
    distinct = {}
    for question in questions:
        others = frozenset().union(*(q.stems for q in questions if q is not question))
        own = question.stems if question.refers_back else question.stems - others
        distinct[id(question)] = own or question.stems
    first_yes_no = True
    for question in questions:
        stems = distinct[id(question)]
        home = next(
            (s for s in customer.sentences if s.start <= question.start < s.end), None
        )
        siblings = [
            (other, distinct[id(other)])
            for other in questions
            if other is not question and home is not None and home.start <= other.start < home.end
        ]
        named = [
            t
            for s in customer.sentences
            for t in s.terms
            if question.start <= t.start < question.end
        ]
        clauses = {t.clause for t in named}
        # Among several questions, a sentence about the same clause answers one only when it
        # asks about nothing but the clause ("…, and do you install *on weekends*?" asks more).
        term_stems = {
            token.stem
            for s in customer.sentences
            for token in s.tokens
            if any(t.start <= token.start < t.end for t in named)
        }
        answered = _answered(
            question,
            stems,
            reply,
            clauses if len(questions) == 1 or stems <= term_stems else set(),
            only_question=len(questions) == 1,
            first_yes_no=first_yes_no,
            first_question=question is questions[0],
            siblings=siblings,
        )
        if question.kind == "yesno":
            first_yes_no = False
        if answered:
            continue
        unanswered.append(RawFinding(
            0,
            len(reply.text),
            f"does not answer the customer's question {quote(question.text + '?', 120)}",
            "Answer it, say plainly that you can't and why, or give the next step that gets the "
            "answer (a link, a form, what to send).",
            next(iter(sorted(clauses)), None),
            None,
        ))
    if not gathers:
        yield from unanswered


RULE = Rule(
    id="unanswered-question",
    severity=Severity.INFO,
    summary="leaves a question the customer asked unaddressed (needs the customer's message)",
    doc=__doc__ or "",
    fires=(
        Example(
            "I'm sorry about the tear. Yes, you can send it back within 30 days.",
            customer="Can I send it back, and how long will the refund take?",
        ),
        Example("Thanks for reaching out!", customer="Do you deliver on Saturdays?"),
    ),
    quiet=(
        Example(
            "Yes, you can send it back within 30 days, and the refund takes 5 to 10 business days.",
            customer="Can I send it back, and how long will the refund take?",
        ),
        Example(
            "Could you send us your order number so I can check when it will arrive?",
            customer="When will my order arrive?",
        ),
    ),
    check=check,
)
