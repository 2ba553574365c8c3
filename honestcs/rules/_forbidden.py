"""Going along with what a `cannot` or `prohibited` clause rules out.

Shared by `unauthorized-promise` (cannot) and `prohibited-compliance`
(prohibited). A sentence goes along with a clause when it names one of the
clause's terms outside a negated clause and either commits (will, can,
have done, you'll get) or opens by agreeing ("Sure", "Of course", "Yes").
A condition can make an act allowed ("once we've verified your identity,
I can…"), so a sentence with a condition is exempt, unless the forbidden
thing is the condition itself ("if you leave a five-star review, I'll…").

The customer's message counts too: when the customer asked for the
forbidden thing and the reply agrees or simply does it without repeating
its words ("Sure, done!", "She's in room 412."), with no refusal and no
word of declining anywhere, that is going along with it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import lru_cache

from honestcs._function_words import ENGLISH
from honestcs.policy import Cannot, Clause, Prohibited
from honestcs.rules._base import PolicyView, RawFinding
from honestcs.text.acts import (
    ages_said,
    binds_a_kind,
    commands_up_to,
    exceptions_in,
    find_refusal,
    forbids,
    gives_leave,
    inside_a_whether_clause,
    is_declining,
    is_greeting,
    joins_imperative_to_promise,
    leads_into_a_no,
    repeats_a_wish,
    states_a_duty,
    takes_it_on,
    tells_not_to,
    voices_a_no,
    waits_to_be_told,
    youngest_outside,
)
from honestcs.text.answers import (
    acknowledges,
    declines_more_than_sympathy,
    echoes,
    exclaims,
    figures_in,
    gives_the_customer_leave,
    has_digits,
    names_a_number,
    offers_instead,
    opens_laughing,
    opens_with_pronoun,
    shows_sympathy,
    skips_a_step,
    states_a_requirement,
)
from honestcs.text.attribution import is_a_participle_before_a_noun
from honestcs.text.facts import (
    SegmentFacts,
    SentenceFacts,
    has_condition_after,
    invites,
    is_hedged,
    is_negated_before,
    is_the_conditions_act,
    negated_outside,
    others_meet,
    someone_else_did,
    waits_on_a_requirement,
    within_a_condition_after,
)
from honestcs.text.lexicon import SETTING_PREPOSITIONS
from honestcs.text.memo import Stage
from honestcs.text.questions import asks_what_is_so, content_stems, has_anaphor
from honestcs.text.reading import CustomerFacts, ReplyFacts
from honestcs.text.terms import TermMatch, inside_a_name, stem, tokenize

__all__ = ["going_along"]


def _declines(sentence: SentenceFacts, term_start: int, term_end: int) -> bool:
    """Whether the clause of the sentence that names the term says no to it."""
    segment = sentence.segment_at(term_start)
    # A negation says no to the term when it comes first ("we won't backdate it"); one after
    # it belongs to what follows ("I'll backdate it so October isn't charged").
    if is_negated_before(segment.text, term_start - segment.start):
        return True
    if forbids(segment.text, term_start - segment.start):
        return True  # "It's illegal to deliver alcohol to anyone under 21"
    refusal = find_refusal(sentence.text)
    if refusal is None:
        return False
    refused_from, refused_to = sentence.start + refusal[0], sentence.start + refusal[1]
    if refused_from < term_end and term_start < refused_to:
        return False  # the term itself says "can't" ("since you can no longer go")
    # The cause that runs into the no names the term as the case, not as anything done:
    # "your prescription has expired, so I can't send this refill".
    if (
        term_end <= refused_from
        and segment.mood in ("statement", "done")
        and leads_into_a_no(sentence.text[: refusal[0]])
    ):
        return True
    # A refusal counts when it is in the term's own clause, or the term's clause
    # only names the thing ("…skip the inspection: we can't").
    start = sentence.start + refusal[0]
    refused = sentence.segment_at(start)
    return refused is segment or segment.mood == "statement"


def _governed_by_condition(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether a condition next to the clause governs it.

    "Once we've verified your identity, I can remove two-factor": the condition makes the
    act allowed. In "I've marked it as damaged, and your refund will follow once it's
    picked up" the condition belongs to the refund, not to what was already done.
    """
    segments = sentence.segments
    at = next(i for i, s in enumerate(segments) if s is segment)
    before = segments[max(0, at - 1) : at]
    # An invitation after the clause is the condition of what follows it: "I can waive the fee
    # this one time - just reply to confirm and I'll close the account".
    after = [s for s in segments[at + 1 : at + 2] if not invites(s.text)]
    if any(s.condition for s in (*before, *after)):
        return True
    # A command to the customer just before it is its condition too (SPEC §3): "…if you want
    # to hand it back, *send us a note from your GP* and we can work out the refund". (After
    # a yes, the yes has already agreed: "Sure, send it over and we'll put the logo on".)
    return (
        not sentence.agreement
        and any(
            s.mood == "statement"
            and commands_up_to(s.text, len(s.text.rstrip()))
            # (joined to it by "and": "…; just bring your ID so you can sign" is no condition)
            and sentence.text[s.end - sentence.start : segment.start - sentence.start]
            .strip(" ,")
            .lower()
            == "and"
            for s in before
        )
    )


def _condition_just_before(sentence: SentenceFacts, segment: SegmentFacts) -> bool:
    """Whether the clause just before this one is a condition ("once you show your ID, …")."""
    at = next(i for i, s in enumerate(sentence.segments) if s is segment)
    return at > 0 and sentence.segments[at - 1].condition


def _conditional(sentence: SentenceFacts) -> bool:
    """Whether every commitment of the sentence is made on a condition."""
    if joins_imperative_to_promise(sentence.text):
        return True
    commitments = [s for s in sentence.segments if s.mood != "statement" and not s.condition]
    return bool(commitments) and all(_governed_by_condition(sentence, s) for s in commitments)


def _goes_along(
    sentence: SentenceFacts,
    term_start: int,
    term_end: int,
    asked: bool = False,
    agreed_before: bool = False,
    yes_confirms: bool = False,
) -> bool:
    if _declines(sentence, term_start, term_end):
        return False
    if inside_a_whether_clause(sentence.text, term_start - sentence.start):
        return False  # "…or check whether Delaware will extend it while she's out of state"
    # "Their address is 12 Willow Park": the forbidden thing the customer asked for, given
    # as a figure after the term in the term's own clause.
    segment = sentence.segment_at(term_start)
    verb = sentence.text[term_start - sentence.start : term_end - sentence.start].split()[0]
    if segment.mood in ("statement", "done") and someone_else_did(
        sentence.text[segment.start - sentence.start : term_start - sentence.start], verb
    ):
        # "Your eye doctor changed your prescription, so we'll remake your lenses": the
        # forbidden act was someone else's, and what we commit to is our own.
        return False
    # "The driver ahead of you was Greg Hollis, and our camera caught his plate: KLM-4471."
    # A condition just before the act makes it allowed (SPEC §3), whatever figures follow:
    # "yes - once you show your photo ID we can cut the lock off, and a new padlock is €15".
    if not segment.condition and _condition_just_before(sentence, segment):
        return False
    after_term = sentence.text[term_end - sentence.start :]
    gives_it = asked and not sentence.question and names_a_number(after_term)
    if gives_it and not is_declining(sentence.text):
        return True
    if not segment.condition and _governed_by_condition(sentence, segment):
        return False
    if has_condition_after(segment.text, term_end - segment.start):
        return False  # "you can collect without the ticket as long as you bring photo ID"
    if within_a_condition_after(segment.text, term_start - segment.start):
        return False  # "…as long as you book the pet pack": the condition's words, not the act
    if waits_on_a_requirement(sentence.text, term_start - sentence.start):
        return False  # "we need his signed consent before we release his audiogram"
    if joins_imperative_to_promise(sentence.text):
        return False  # "Book before Friday and you'll get a creekside spot": a condition (SPEC §3)
    # A yes before a question or a refusal agrees to neither ("Of course! What would you
    # like to know about X?", "Sure! X can't be done").
    carried = agreed_before and not sentence.question and not segment.negated
    agrees = (sentence.agreement and not yes_confirms) or carried
    if (
        segment.condition
        and not agrees
        and not is_the_conditions_act(segment.text, term_start - segment.start)
    ):
        # "If you buy the ferry cover, we can allow the car on the ferry": what a condition
        # names besides its act grants nothing, and the sentence is conditional (SPEC §3).
        # Its act is the customer's, granted as a premise ("If you bring a dog, we'll give you
        # a bigger room"), and a yes with it agrees ("Sure, just send it back and we'll…").
        return False
    if segment.condition and repeats_a_wish(segment.text):
        return False  # "if you want to X, …" repeats the customer's wish; it grants nothing
    if segment.condition and others_meet(segment.text):
        # "Once the gas line has been capped by a licensed fitter, we can install…": a
        # condition someone else meets is a prerequisite, not a deal ("if you leave a
        # five-star review, I'll…" is the customer's act, and the forbidden thing itself).
        return False
    if segment.mood != "statement" and not segment.negated:
        return True
    if is_hedged(segment.text) and not any(
        s.start > segment.start and s.mood != "statement" and not s.negated
        for s in sentence.segments
    ):
        # "…, and sometimes a couple of laser sessions elsewhere help first": what happens as a
        # rule, offered to no one (SPEC §3), unless a commitment follows it ("we usually go
        # without a permit, and we'll do the same for you").
        return False
    lead = sentence.text[segment.start - sentence.start : term_start - sentence.start]
    if gives_leave(lead) and not is_negated_before(segment.text, term_start - segment.start):
        return True  # "your sister is welcome to share your membership": permission given
    # The term is only mentioned; the sentence must agree, or commit in a clause joined to the
    # term's, without a word of declining. A clause after a semicolon stands on its own: "I can
    # process the cancellation here; the early termination fee on your account is $96".
    commits = any(
        s.mood != "statement"
        and not s.negated
        and not s.condition
        and _joined(sentence, s, segment)
        for s in sentence.segments
    )
    # (A commitment that waits on the customer's act, "…so let us know if you won't make it
    # and we'll give it to someone else", grants nothing; SPEC §3.)
    commits = commits and not waits_to_be_told(sentence.text)
    return (agrees or commits) and not is_declining(sentence.text)


def _only_agrees(sentence: SentenceFacts) -> bool:
    """Whether a sentence does nothing but agree ("Of course!", "Sure, that's totally fine!").

    Such a sentence agrees to what the next one says: "Of course! Go ahead and sign for
    both of you" agrees to signing for someone else as surely as "Of course, go ahead…".
    """
    return (
        sentence.agreement
        and not sentence.terms
        and not sentence.question
        and not any(s.negated for s in sentence.segments)
        and not is_declining(sentence.text)
    )


# Share of a clause's own reason a reply must repeat for it to be explaining why not.
_REASON_SHARE = 0.6


def _gives_its_reason(reply: ReplyFacts, clause: Cannot | Prohibited) -> bool:
    """Whether a sentence of the reply gives the clause's own reason, in most of its words.

    "Happy to help get his records to the new dentist! Because dental records are
    confidential, we can only release them with his signed consent": a reply that explains
    why not is not going along, whatever its friendly opening says. Worked out once per
    clause and reply: a reply naming the clause's term thousands of times asks it of each.
    """
    return reply.memo.get(_GIVES_ITS_REASON, clause.id, lambda: _find_its_reason(reply, clause))


def _find_its_reason(reply: ReplyFacts, clause: Cannot | Prohibited) -> bool:
    wanted, needed = _reason_words(tuple(clause.terms), clause.because or "")
    return len(wanted) >= needed and any(
        len(wanted & content_stems(list(sentence.tokens))) >= needed
        for sentence in reply.sentences
    )


# Whether a sentence of the reply gives a clause's own reason, by the clause's id.
_GIVES_ITS_REASON: Stage[str, bool] = Stage("reply gives the clause's reason")


def _within_its_exception(reply: ReplyFacts, clause: Cannot | Prohibited) -> bool:
    """Whether a sentence of the reply says, with no negation, the exception the reason makes.

    "Animals aren't allowed on site, except trained service animals": "yes - trained service
    animals are welcome" is about what the rule allows, not going along with what it forbids.
    Worked out once per clause and reply, like :func:`_gives_its_reason`.
    """
    return reply.memo.get(
        _WITHIN_ITS_EXCEPTION, clause.id, lambda: _find_its_exception(reply, clause)
    )


def _find_its_exception(reply: ReplyFacts, clause: Cannot | Prohibited) -> bool:
    for words in _exception_words(clause.because or ""):
        # Most of the exception's words: "service animals" names "trained service animals".
        needed = min(len(words), _EXCEPTION_WORDS)
        if any(
            len(words & content_stems(list(sentence.tokens))) >= needed
            and not any(segment.negated for segment in sentence.segments)
            for sentence in reply.sentences
        ):
            return True
    return False


def _outside_its_ages(reply: ReplyFacts, clause: Cannot | Prohibited) -> bool:
    """Whether everyone whose age the conversation gives is past the age the reason rules for.

    "Our licence requires under-14s to be with an adult": "My son is 15, can he come on his
    own?" - "Yes, anyone 14 or over can" goes along with nothing the rule forbids.
    """
    youngest = youngest_outside(clause.because or "")
    if youngest is None:
        return False
    customer = reply.customer.text if reply.customer else ""
    ages = reply.memo.once(_AGES_SAID, lambda: ages_said(customer) + ages_said(reply.text))
    return bool(ages) and min(ages) >= youngest


_AGES_SAID: Stage[None, tuple[int, ...]] = Stage("ages said in the conversation")


# How many words of an exception a sentence must say to name it.
_EXCEPTION_WORDS = 2

_WITHIN_ITS_EXCEPTION: Stage[str, bool] = Stage("reply names the exception of the clause's reason")


@lru_cache(maxsize=4096)
def _exception_words(because: str) -> tuple[frozenset[str], ...]:
    """The stems of each exception a clause's reason makes (see ``exceptions_in``).

    Every word but the function words counts: "assistance" in "assistance dogs" carries no
    subject of a question, but it is what sets these dogs apart from the rest.
    """
    found = (
        frozenset(t.stem for t in tokenize(phrase) if t.lower not in ENGLISH)
        for phrase in exceptions_in(because)
    )
    return tuple(words for words in found if words)


@lru_cache(maxsize=4096)
def _reason_words(terms: tuple[str, ...], because: str) -> tuple[frozenset[str], int]:
    """The content stems of a clause's reason that its terms don't name, and how many to repeat.

    Worked out once per clause: a policy's reasons don't change between replies.
    """
    named = content_stems([t for term in terms for t in tokenize(term)])
    wanted = frozenset(content_stems(list(tokenize(because))) - named)
    return wanted, max(3, math.ceil(len(wanted) * _REASON_SHARE))


def _joined(sentence: SentenceFacts, one: SegmentFacts, other: SegmentFacts) -> bool:
    """Whether two clauses of a sentence are not set apart by a semicolon or a colon."""
    low, high = sorted((one, other), key=lambda s: s.start)
    between = sentence.text[low.end - sentence.start : high.start - sentence.start]
    return ";" not in between and ":" not in between


def _term_in(sentence: SentenceFacts, segment: SegmentFacts) -> TermMatch | None:
    return next(
        (
            t
            for t in sentence.terms
            if segment.start <= t.start < segment.end
            and not _part_of_a_name(sentence.text, sentence.start, t)
        ),
        None,
    )


def _part_of_a_name(text: str, start: int, term: TermMatch) -> bool:
    """Whether a policy term was matched inside a longer capitalised name (see the terms)."""
    return inside_a_name(text, term.start - start, term.end - start, term.term)


def going_along(
    reply: ReplyFacts, view: PolicyView, kind: type[Cannot] | type[Prohibited]
) -> Iterator[tuple[SentenceFacts, Clause, str]]:
    """Sentences that go along with a clause of ``kind``, with the clause and what was asked."""
    named: set[str] = set()
    declined: set[str] = set()
    asked_for = {t.clause for t in reply.customer.requested} if reply.customer else set()
    if asked_for and any(
        find_refusal(s.text) is not None or declines_more_than_sympathy(s.text)
        for s in reply.sentences
    ):
        asked_for = set()  # a reply that says no somewhere is not handing the thing over
    for sentence in reply.sentences:
        for term in sentence.terms:
            named.add(term.clause)
            if isinstance(view.clause_of(term), kind) and _declines(sentence, term.start, term.end):
                declined.add(term.clause)
            clause = view.clause_of(term)
            if isinstance(clause, kind) and (
                _gives_its_reason(reply, clause)
                or _within_its_exception(reply, clause)
                or _outside_its_ages(reply, clause)
            ):
                declined.add(term.clause)
    yes_confirms = _yes_confirms_a_fact(reply)
    previous: SentenceFacts | None = None
    for sentence in reply.sentences:
        # A yes that confirms a fact or a duty carries no agreement to the next sentence.
        agreed_before = previous is not None and _only_agrees(previous) and not yes_confirms
        previous = sentence
        if sentence.reported:
            continue
        for term in sentence.terms:
            clause = view.clause_of(term)
            # A reply that says no to a clause anywhere is not going along with it elsewhere.
            if not isinstance(clause, kind) or clause.id in declined:
                continue
            if _part_of_a_name(sentence.text, sentence.start, term):
                continue  # "upgrade to A Reserve": a name, not the act
            if is_a_participle_before_a_noun(sentence, term):
                continue  # "a returning customer" is a kind of customer, not a return
            # Only a prohibited clause forbids telling: stating the fee a `cannot` clause won't
            # waive ("the early termination fee on your account is $96") gives nothing away.
            told = isinstance(clause, Prohibited) and (
                clause.id in asked_for or _opens_with_yes(reply)
            )
            if _goes_along(
                sentence,
                term.start,
                term.end,
                asked=told,
                agreed_before=agreed_before,
                yes_confirms=yes_confirms,
            ):
                yield sentence, clause, reply.text[term.start : term.end]
                break
    customer = reply.customer
    if customer is None or not reply.sentences:
        return
    # A reply that says no anywhere agrees to nothing it doesn't name, and neither does one
    # that names the duty the request would break ("We're required to record every sighting,
    # so the droppings stay on the report"). Sympathy ("I'm sorry you're still unwell") and a
    # negation about something else ("…and it won't trigger a report") say no to nothing.
    # Telling the customer not to do something else ("Of course! Just don't spill on the
    # props") says no only to that: it is a no to the request when it names what was asked.
    # (What was asked is the request's own sentence: "Just don't mention it to the HOA" tells
    # the customer not to do something else, though the HOA is in the message, when the
    # request is "could you inflate the invoice to $600?".)
    requesting = [
        s for s in customer.sentences if any(s.start <= t.start < s.end for t in customer.requested)
    ] or list(customer.sentences)
    asked_words = frozenset().union(*(_words_asked(customer, s) for s in requesting))
    if any(
        find_refusal(s.text) is not None
        or declines_more_than_sympathy(s.text)
        or states_a_duty(s.text)
        # "Cash sales have to be recorded", to "can we keep the cash sales off the books?"
        # (not "bins need to be taken in", to "who reported me?").
        or (binds_a_kind(s.text) and not asked_words.isdisjoint(content_stems(list(s.tokens))))
        or any(
            negated_outside(g, t.start, t.end)
            if (t := _term_in(s, g))
            else g.negated
            and voices_a_no(g.text)
            and not (
                tells_not_to(g.text)
                and asked_words.isdisjoint(content_stems(list(tokenize(g.text))))
            )
            for g in s.segments
        )
        for s in reply.sentences
    ):
        return
    opening = _opening(reply)
    for term in customer.requested:
        clause = view.clause_of(term)
        if not isinstance(clause, kind) or clause.id in named:
            continue
        if isinstance(clause, Cannot) and term in customer.own_acts:
            continue  # "Can I fit the bracket myself?" - "Sure!": the customer does it, not us
        if _gives_its_reason(reply, clause):
            continue  # "Because you're under 18, we need a parent's consent…": why not
        if _within_its_exception(reply, clause) or _outside_its_ages(reply, clause):
            continue  # "Can my service dog come?" - "Yes, service animals are welcome"
        if skips_a_step(customer.text[term.start : term.end]) and any(
            states_a_requirement(s.text) for s in reply.sentences
        ):
            continue  # "start without medical clearance?" - "I need a GP's note before we train"
        asked = next(s for s in customer.sentences if s.start <= term.start < s.end)
        if _part_of_a_name(asked.text, asked.start, term):
            continue  # "our two B Reserve seats": a name, not the act
        agreeing = _agreeing_sentence(reply, customer, term, asked, opening)
        if agreeing is not None:
            yield agreeing, clause, customer.text[term.start : term.end]
            return


def _opening(reply: ReplyFacts) -> int:
    """The reply's first sentence after any greeting or sympathy.

    "Hi Sam, Sure, no problem!", "I'm sorry you're still unwell! Yes, I can send…".
    """
    return next(
        (
            s.index
            for s in reply.sentences
            if not is_greeting(s.text)
            and not shows_sympathy(s.text)
            and not acknowledges(s.text)
            and not _only_remarks(s)
        ),
        0,
    )


def _words_asked(customer: CustomerFacts, asked: SentenceFacts) -> frozenset[str]:
    """The content words of a request, with those of what its "it" or "those" points to.

    "…to show a start date of January 1. Can you backdate *it*?": what "it" is, a statement
    just before names (not another question: "Do you clear estates in the Blue Mountains?
    Also can you do it before probate?").
    """
    words = content_stems(list(asked.tokens))
    if asked.index == 0 or not has_anaphor(asked.text):
        return words
    before = customer.sentences[asked.index - 1]
    if any(before.start <= q.start < before.end for q in customer.questions):
        return words
    return words | content_stems(list(before.tokens))


def _agreeing_sentence(
    reply: ReplyFacts,
    customer: CustomerFacts,
    term: TermMatch,
    asked: SentenceFacts,
    opening: int,
) -> SentenceFacts | None:
    """The reply's sentence that goes along with a request of the customer's, if any.

    An opening yes, a commitment about the request (on no condition, unless a yes came
    first), or the very information asked for.

    Args:
        reply: The reply.
        customer: The customer's message.
        term: The policy term the request names.
        asked: The customer's sentence that holds it.
        opening: The index of the reply's first sentence after a greeting or sympathy.
    """
    asked_stems = _words_asked(customer, asked) - _SETTING
    # The words of the term asked for: a substitute names an act of its own ("refund", for
    # "give * lessons to"), not one of these ("certificate", for "certificate for someone else").
    asked_words = set(term.term.lower().split())
    # Words of the customer's other questions: a yes in a sentence about one of those, and
    # not about this request, answers that one. (Questions of their own, not a fragment
    # that goes on with this one: "Can you give me an exact time? Like 2pm on Tuesday?")
    other_asked = frozenset().union(
        *(q.stems for q in customer.questions if not asked.start <= q.start < asked.end)
    )
    # A figure of the request said back shares it too: "write it up at $3000".
    asked_figures = figures_in(asked.text)
    question = next((q for q in customer.questions if q.start <= term.start < q.end), None)
    wh_question = question is not None and question.kind != "yesno"
    yes_so_far = False
    for sentence in reply.sentences:
        said = content_stems(list(sentence.tokens))
        shares = bool(asked_stems & said)
        # "Do you clear estates in the Blue Mountains? Also can you do it before probate?"
        # - "Yes, we cover the Blue Mountains": the yes is the other question's.
        # (Only when the request is a question of its own: a yes to "Can I sign up?" after
        # "my parents don't need to know" agrees to what the statement asks.)
        # (Not one that says back a figure of the request, "write it up at $3000", takes
        # it on, "we can do that", or gives leave, "feel free to bring him".)
        yes_to_another = (
            asked.question
            and not shares
            and not takes_it_on(sentence.text)
            and not gives_the_customer_leave(sentence.text)
            and not asked_figures & figures_in(sentence.text)
            and bool((other_asked - asked_stems) & said)
        )
        opens_with_yes = sentence.index == opening and sentence.agreement and not yes_to_another
        if (
            offers_instead(sentence.text)
            and not opens_with_yes
            and any(
                t.clause != term.clause and not set(t.term.lower().split()) <= asked_words
                for t in sentence.terms
            )
        ):
            # "…, I can refund the unused lessons to your card instead": a substitute of
            # another clause, put in the place of what was asked, does not go along with it
            # ("I'll make the certificate out in your name instead" is the thing asked).
            continue
        # A condition can make the act allowed (SPEC §3): "Bring the amp in and we'll
        # have a look and repair it", "We can release it as soon as you send the form".
        # (Not after the reply has already said yes: "Yes, we can do that! Send over the
        # crest and we'll print them.")
        does_it = (
            sentence.commits and shares and not (_conditional(sentence) and not yes_so_far)
        )
        # "She's in room 412.": the very information asked for, a figure included.
        # An answer to "what's her address?" opens with who or what it is about
        # ("She's at 42 Larkspur Lane"); a figure elsewhere (an order number) tells nothing.
        answers_it = shares or (wh_question and opens_with_pronoun(sentence.text))
        tells_it = answers_it and not sentence.question and has_digits(sentence.text)
        if opens_with_yes or does_it or tells_it:
            return sentence
        # A yes or a commitment of its own, unless it answers another question.
        yes_so_far = yes_so_far or (
            not yes_to_another
            and (sentence.agreement or (sentence.commits and not _conditional(sentence)))
        )
    return None


# The stems of the prepositions that only set a request in time or circumstance.
_SETTING = frozenset(stem(word) for word in SETTING_PREPOSITIONS)


# A remark is short: "What a fun birthday idea!", "Haha, sounds like a fun night!!".
_REMARK_WORDS = 10


def _only_remarks(sentence: SentenceFacts) -> bool:
    """Whether a sentence is a short exclamation or echo before the answer ("Sounds fun!").

    It agrees to nothing, commits to nothing, names no act of the policy and says no to
    nothing, so the answer starts after it: "What a fun idea! Sure, no problem.", "For a
    40th? Go on then."
    """
    return (
        (
            (exclaims(sentence.text) and not sentence.question)
            or echoes(sentence.text)
            or opens_laughing(sentence.text)  # "lol we get that a lot."
        )
        and len(sentence.tokens) <= _REMARK_WORDS
        and not sentence.agreement
        and not sentence.commits
        and not sentence.terms
        and not any(g.negated for g in sentence.segments)
    )


def _opens_with_yes(reply: ReplyFacts) -> bool:
    """Whether the reply's first sentence after a greeting agrees ("Sure!", "Of course.")."""
    opening = next((s for s in reply.sentences if not is_greeting(s.text)), None)
    return opening is not None and opening.agreement and not _yes_confirms_a_fact(reply)


def _yes_confirms_a_fact(reply: ReplyFacts) -> bool:
    """Whether a "yes" can only answer questions of what was or what must be done.

    "Did you note the dent?" - "Yes, it's listed as pre-existing on your handover report";
    "Do I have to report it?" - "Yes, it does need to be reported": a yes confirms a fact or
    a duty; it agrees to do nothing.
    """
    asked = reply.customer.questions if reply.customer else ()
    return bool(asked) and all(asks_what_is_so(q.text) for q in asked)


def span_of(sentence: SentenceFacts) -> tuple[int, int]:
    """The span a finding about a whole sentence covers."""
    return sentence.start, sentence.end


def finding(
    sentence: SentenceFacts, clause: Clause, message: str, suggestion: str | None
) -> RawFinding:
    """A finding on ``sentence`` about ``clause``."""
    start, end = span_of(sentence)
    return RawFinding(start, end, message, suggestion, clause.id, sentence.index)
