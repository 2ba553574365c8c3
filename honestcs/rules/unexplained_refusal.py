"""`unexplained-refusal`: saying no without saying why.

"We can't do that." leaves the customer with nothing. A refusal is the
business declining an act, or saying it can't be done. Not refusals: the
customer's own situation ("sorry to hear you can't log in"), hedges ("I can't
promise", "we can't confirm a timeline"), an apology for not doing more, a
description in a relative clause ("listings, which aren't allowed", "an account
you can't access").

A refusal is explained when the sentence before, the same one or the next
gives a cause: because, since, as, due to, so, which means, "as such" or
"therefore" pointing back, a colon or dash and an explanation, "without…";
citing the policy, the terms or the law ("per our policy", "under the rental
terms"); a rule that names the kind of case ("basic economy fares can't be
changed", "not possible for delayed flights", "to an existing reservation",
"once an order is cancelled, it can't be undone", a kind named by what was done to it
whatever the verb, "hired instruments can't leave the country", unless it is the
customer's own thing said back, as "packed lunches aren't allowed" to "can she bring a
packed lunch?"; such a rule right after a bare "no" explains the no too); stating the scope one
handles ("we can't help with account-specific issues here", "I can help with
returns and exchanges, but I can't place orders"); a plain statement
of the policy fact behind it ("The return window closed on 1 November."); or
the clause's own `because` in other words. The suggestion carries the clause's
`because` and `instead` when the refusal is about a clause (named in the reply
or in the customer's message).

Severity: `warning`, as SPEC §3 sets it. On the labelled real replies 35 of its
41 flags are right (85.4%), and over 295 blind corpora's first runs 1,701 of
1,799 (95%): above the 85% a warning needs (see the Accuracy page).

Known problems:

* A refusal whose reason is only implied by the sentence before, with no cue
  ("The refund goes to the gift card. I can't change the method.") is flagged, and so is
  one whose reason before it is a requirement set against the refused act ("I need to
  change each item for another of the same kind, rather than removing one").
* "X isn't allowed" is read as a refusal without reason even when X names the
  customer's category ("under-16s aren't allowed on the gym floor").
* Lines that quote another customer ("Ditto... can not load") read as refusals.
* A sentence after the no that shares a word with the clause's `because` is read as
  giving it, though it only wishes the customer well ("Best of luck with the move!"
  after a no whose reason says passes "can't be moved"), or offers another way ("Shop's
  open from 8 if you want to grab them" after a no whose reason ends "at the shop").
* A no said of a named member of staff ("Dr Wong can't do Saturday for Charlie") is not
  read as a no, so it is never flagged.
* "We don't have EV chargers" in answer to a request is read as a fact about what the
  business has, not as declining it.
* The other way round, "we don't hire footwear" in a list that answers a question about
  oilskins is flagged: by SPEC §3 a fact about a product nobody asked for is no refusal.
  The reading sets such a fact aside only when every question asks whether something is
  so, none asks for an act or is put to "you" ("Will the survey find every problem?" -
  "we don't lift floor coverings"), and the customer named nothing of it; "Do you hire
  oilskins?" is put to "you".
* A category after the no that only says back the customer's own words ("sorry, 15 won't
  work for a private class", to "can I get the private class for 15 people?") is read as
  the rule's kind of case, so the no is taken as explained.
* A thing said to be unavailable to the customer ("the laundry isn't available to you")
  is not read as a no.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

from honestcs.policy import Cannot, Clause, Prohibited
from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, Suggest, quote
from honestcs.text.acts import (
    concedes_the_no,
    find_refusal,
    find_unavailable,
    gives_reason,
    gives_reason_after,
    habit_not_done,
    in_an_aside,
    is_bare_no,
    kind_done_to,
    kind_of_subject,
    leads_into_a_no,
    mark_opening_the_no,
    names_a_date_or_figure,
    names_category,
    offers_a_way_on,
    opens_a_cause,
    refers_back_to_it,
    refused_act,
    sets_against,
    way_by_end,
)
from honestcs.text.answers import closes
from honestcs.text.facts import SentenceFacts, label_end, unlabelled
from honestcs.text.lexicon import ANAPHORS, LIGHT_VERBS, WISHING_WORDS
from honestcs.text.mentions import RelativeMention
from honestcs.text.questions import asks_for_an_act, asks_whether_so, content_stems
from honestcs.text.reading import ReplyFacts
from honestcs.text.terms import inside_a_name, stem, tokenize

__all__ = ["RULE"]


# What may follow a bare no in its sentence: "Sorry, no.", "Afraid not!".
_PUNCTUATION = " .!,;:\u2014\u2013-\n"

# Share of the clause's `because` words a sentence must repeat to count as giving it.
_BECAUSE_OVERLAP = 0.25


def _about(sentence: SentenceFacts, reply: ReplyFacts, view: PolicyView) -> Clause | None:
    clauses = [view.clause_of(t) for t in sentence.terms]
    if reply.customer is not None:
        clauses += [view.clause_of(t) for t in reply.customer.requested]
    for wanted in (Cannot, Prohibited):
        for clause in clauses:
            if isinstance(clause, wanted):
                return clause
    return clauses[0] if clauses else None


def _clauses_refused(sentence: SentenceFacts, reply: ReplyFacts) -> set[str]:
    """The clauses a refusal is about: named in its sentence, else the one the customer asked for.

    Empty when that cannot be told (nothing named, or several acts asked for).
    """
    named = {t.clause for t in sentence.terms}
    if named or reply.customer is None:
        return named
    asked = {t.clause for t in reply.customer.requested}
    return asked if len(asked) == 1 else set()


def _may_be_its_cause(sentence: SentenceFacts, refused: set[str], reply: ReplyFacts) -> bool:
    """Whether a fact next to a refusal may be its cause, not the answer to another question.

    "We don't accept insurance. Our session fee is $165." to "Do you take insurance for
    couples counselling?" answers what the customer asked about the sessions: a fact of
    another clause the customer named is that answer. A fact of the refused act, or of a
    clause the customer did not name ("We can't refund it. The return window closed on
    1 November."), may be the cause.
    """
    named = {t.clause for t in sentence.terms}
    if not refused or refused & named or reply.customer is None:
        return True
    asked = {t.clause for s in reply.customer.sentences for t in s.terms}
    return not (named & asked)


_LIGHT_STEMS = frozenset(stem(verb) for verb in LIGHT_VERBS)


def _repeats_because(
    text: str, clause: Clause | None, asked: str, business: str, at_least: int = 1
) -> bool:
    """Whether ``text`` gives the clause's `because` in other words.

    It must repeat words of the reason that are not simply the names of the
    thing refused (the clause's terms, or the words of the customer's request), nor of
    the business ("we're an independent *academy*" and "clubs' *academy* open days" share
    only the name of the Junior Strikers Football Academy).
    """
    because = getattr(clause, "because", None)
    if not because or clause is None:
        return False
    named = content_stems([t for term in clause.terms for t in tokenize(term)])
    named |= content_stems(list(tokenize(asked)))
    # Words the reason shares with the alternative say what is offered instead, not why
    # ("You'll get your 4-hour window the evening before" offers the window; it is no cause).
    named |= content_stems(list(tokenize(getattr(clause, "instead", None) or "")))
    named |= content_stems(list(tokenize(business)))
    wanted = content_stems(list(tokenize(because))) - named - _LIGHT_STEMS
    if not wanted:
        return False
    said = content_stems(list(tokenize(text)))
    return len(wanted & said) >= max(at_least, int(len(wanted) * _BECAUSE_OVERLAP))


def _states_the_rule(sentence: SentenceFacts, view: PolicyView, *, before: bool = False) -> bool:
    """Whether a sentence states a fact of the policy, the cause of a refusal next to it.

    "The return window closed on 1 November.": a plain statement, not a question or a
    commitment, about a clause of the policy and with a date, a time or an amount in it.
    ``before`` is for the sentence before the refusal, where the fact may sit in one clause
    of a longer sentence ("The refund goes to PayPal, and it takes 5 to 7 business days.");
    after a refusal, a clause with a time is more often the alternative offered.
    """
    at, text = sentence.start, sentence.text
    terms = [t for t in sentence.terms if not inside_a_name(text, t.start - at, t.end - at, t.term)]
    # A time tied to an event ("on the day", "once it's back") is no figure of the policy.
    figures = [m for m in sentence.mentions if not isinstance(m, RelativeMention)]
    if sentence.question or not terms:
        return False  # "You could try Lakeside Exotic Animal Hospital" names no clause
    if not before:
        if any(s.mood != "statement" for s in sentence.segments):
            return False  # after a no, an offer with a time is an alternative, not the rule
        if offers_a_way_on(sentence.text):
            return False  # "If you book now, you can cancel free within 24 hours"
        if sets_against(sentence.text):
            return False  # "Black-and-white printing is free up to 100 pages, though!"
        return bool(figures or names_a_date_or_figure(sentence.text))
    # Before the no, the fact may sit in one clause of a longer sentence ("The refund will
    # go to PayPal, and it typically takes 5 to 7 business days. I can't make it 3.").
    return any(
        segment.mood == "statement"
        and not segment.negated
        and (
            any(segment.start <= m.start < segment.end for m in figures)
            or bool(names_a_date_or_figure(segment.text))
        )
        for segment in sentence.segments
    )


def _unavailable_on_request(sentence: SentenceFacts, reply: ReplyFacts) -> tuple[int, int] | None:
    """The span of "X isn't available", when X is a policy act the customer asked for.

    Said of a stock item nobody asked about it is a fact; said of the very act the customer
    requested ("Can we get a group discount?" - "a group discount isn't available for this
    booking") it declines it.
    """
    if reply.customer is None or not reply.customer.requested:
        return None
    found = find_unavailable(sentence.text)
    if found is None:
        return None
    asked = {t.clause for t in reply.customer.requested}
    named = [t for t in sentence.terms if t.clause in asked and t.end - sentence.start <= found[0]]
    return found if named else None


@lru_cache(maxsize=64)
def _stems_asked(text: str) -> frozenset[str]:
    """The stems of the customer's message, read once however many refusals ask."""
    return frozenset(t.stem for t in tokenize(text))


def _reassures(said: str, reply: ReplyFacts) -> bool:
    """Whether "we won't <act>" promises not to do what the customer never asked for.

    "Can we pay in parts?" - "we won't cancel your booking while you set it up": the business
    undertakes not to do something to the customer, and declines nothing. A "won't" of the
    act asked for ("Can you refund it?" - "we won't refund it") still declines it.
    """
    customer = reply.customer
    if customer is None:
        return False
    act = refused_act(said)
    return act is not None and stem(act) not in _stems_asked(customer.text)


def _a_habit_nobody_asked_about(said: str, reply: ReplyFacts) -> bool:
    """Whether "we don't <act>" states a fact about the service that nobody asked for.

    "Is the survey going to find every problem?" - "we don't lift floor coverings or open up
    walls, so hidden defects can be missed": the customer asked what is so, asked for no act,
    and named nothing of what the business says it doesn't do, so nothing is declined
    (SPEC §3: "a fact about a product nobody asked for" is no refusal). "We don't do that"
    points back to what was asked, and "we don't do refunds" to "do you do refunds?" names it.
    """
    customer = reply.customer
    if customer is None or customer.requested or not customer.questions:
        return False
    # Only questions of whether something is so ("Will the survey find…?", "Is it going to
    # be…?"): "Can the crew take the couch away?" asks for an act by staff, and "what do you
    # reckon it's worth?" for a valuation, whatever words the no uses.
    if not all(q.kind == "yesno" and asks_whether_so(q.text) for q in customer.questions):
        return False
    act = habit_not_done(said)
    if act is None:
        return False
    words = list(tokenize(act))
    if any(w.lower in ANAPHORS for w in words):
        return False
    named = content_stems(words) - _LIGHT_STEMS
    asked = content_stems(list(tokenize(customer.text)))
    return bool(named) and named.isdisjoint(asked)


def _asks_only_facts(reply: ReplyFacts) -> bool:
    """Whether the customer's questions all ask for facts ("Do you charge a fee…?").

    A "no" to such a question answers it; a "no" to "Can I bring my dog?" declines.
    """
    customer = reply.customer
    if customer is None or not customer.questions:
        return False
    return not any(asks_for_an_act(q.text) for q in customer.questions)


_WISHING = frozenset(WISHING_WORDS)


def _asks_for_nothing(reply: ReplyFacts) -> bool:
    """Whether the customer's message asks nothing and wants nothing: a worry, a report.

    A "no" to "Worried the possum will fall apart if the kids touch it" reassures; it
    declines nothing.
    """
    customer = reply.customer
    if customer is None or customer.questions or "?" in customer.text:
        return False  # (a question run into a greeting is not read as one, but still asks)
    return not any(t.lower in _WISHING for t in tokenize(customer.text))


def _answers_a_fact_question(sentence: SentenceFacts, reply: ReplyFacts) -> bool:
    """Whether a "no" sentence is about a question of fact, and about no request.

    "1. Is parking included? 2. Can we pay at the desk?" - "No, parking is charged
    separately": the no answers the first, which asks what is so; nothing is declined.
    """
    customer = reply.customer
    if customer is None:
        return False
    said = content_stems(list(sentence.tokens))
    shared = [(len(q.stems & said), q) for q in customer.questions]
    most = max((n for n, _ in shared), default=0)
    # The question it shares most words with ("parking", not "pay") is the one it answers.
    about = [q for n, q in shared if n == most]
    return most > 0 and not any(asks_for_an_act(q.text) for q in about)


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report refusals with no reason in the same or the next sentence."""
    sentences = reply.sentences
    # Sentences that give the reason of the refusal before them: a "no" inside one ("needs a
    # permit, which we don't hold") is the cause, not another refusal.
    reasons: set[int] = set()
    # Whether a no before this one went by unreported: "Sadly not - fresh flowers can't go
    # by rail. … Sorry we can't help with that one!" says the same no again, and the
    # reason given for it is the reason for both.
    said_no_before = False
    for i, sentence in enumerate(sentences):
        if sentence.reported or i in reasons:
            continue
        refusal = find_refusal(sentence.text) or _unavailable_on_request(sentence, reply)
        if refusal is None or in_an_aside(sentence.text, *refusal):
            continue  # "phones are fine (no hairdryers, sadly)": a remark, nothing declined
        if said_no_before and refers_back_to_it(sentence.text[refusal[0] :]):
            continue
        if (
            is_bare_no(sentence.text, refusal[0], refusal[1])
            and not sentence.text[refusal[1] :].strip(_PUNCTUATION)
            and i + 1 < len(sentences)
            and find_refusal(sentences[i + 1].text) is not None
        ):
            # "Sorry, no. We can't leave a defect out of the report. That would make it a
            # false report.": the next sentence spells the no out, and is judged with its
            # reason; the bare no before it is the same no.
            continue
        said_no_before = True
        if (
            is_bare_no(sentence.text, refusal[0], refusal[1])
            and find_refusal(sentence.text[refusal[1] :]) is None
            and (
                _asks_only_facts(reply)
                or _answers_a_fact_question(sentence, reply)
                or _asks_for_nothing(reply)
            )
        ):
            # "Do you charge a fee to change dates?" - "Nope, it's always free"; "Worried it
            # will fall apart" - "Nah, our skeletons are built to last".
            continue
        start, end = refusal
        if _a_habit_nobody_asked_about(sentence.text[start:], reply):
            continue  # "we don't lift floor coverings", to "will the survey find everything?"
        if _reassures(sentence.text[start:end], reply):
            continue  # "we won't cancel it while you set it up": a promise, nothing asked for
        if sentence.segment_at(sentence.start + start).condition:
            continue  # "if you can't get used to them, …" is the customer's case, not a no
        if concedes_the_no(sentence.text, start):
            continue  # "you're right that we don't reward long-standing members": granted
        # A dash or colon that ends the no's span ("Sorry, no —") still opens what follows:
        # keep it, so that an explanation after it is read as one.
        # (Not when what follows says no again: "Sorry, no — we don't do that.")
        said = sentence.text[start:end]
        words_end = start + len(said.rstrip(" :\u2014\u2013-"))
        if find_refusal(sentence.text[end:]) is not None:
            words_end = end
        # "We can't get past the passcode": the "past" of the verb is no bound in time.
        passed = way_by_end(sentence.text, start, end)
        if passed > end:
            words_end = passed
        rest = sentence.text[:start] + " " * (words_end - start) + sentence.text[words_end:]
        label = label_end(rest)
        if label is not None and label <= start:
            # "- VIP upgrade: unfortunately we can't…": the colon after a bullet's label
            # introduces the answer, not an explanation.
            rest = " " * label + rest[label:]
        opening = mark_opening_the_no(rest, start)
        if opening is not None:
            # "Sorry \u2014 splitting the fee isn't something we can do": the dash opens the no.
            rest = rest[:opening] + " " + rest[opening + 1 :]
        following = unlabelled(sentences[i + 1].text) if i + 1 < len(sentences) else ""
        # A reason just before the refusal counts too ("It's a basic fare. We can't change it.").
        # ...but not one that offers or promises something else ("We can rekey today - a tech
        # can be there by 3pm. Unfortunately we can't help with the car."): its "because" or
        # dash is about what it offers.
        before = (
            unlabelled(sentences[i - 1].text)
            if i > 0 and not any(g.undertakes for g in sentences[i - 1].segments)
            else ""
        )
        clause = _about(sentence, reply, view)
        if opens_a_cause(sentence.text[:start]):
            continue  # "…before Saturday, as coaches can't release children…": the no is a cause
        # After a no, a colon or a dash spells out the alternative offered ("You can pay by
        # transfer - the form is attached"); before it, the situation the no follows from.
        if gives_reason(rest) or gives_reason_after(following) or gives_reason(before):
            continue
        if _names_its_kind(sentence.text, start, end, reply):
            continue
        if _rule_beside(sentences, i, view, reply):
            continue
        asked = reply.customer.text if reply.customer else ""
        # The refusing sentence names what is refused, so it must repeat more of the reason
        # than the sentence after it.
        business = view.policy.name
        if _repeats_because(rest, clause, asked, business, at_least=2):
            continue
        # A question after the no asks something ("Is there another date that suits?"), and
        # a closing offer ("Let me know if you'd like to rebook") invites a choice; whatever
        # words of the reason they share, they give no cause.
        asks = i + 1 < len(sentences) and (sentences[i + 1].question or closes(following))
        if not asks and _repeats_because(following, clause, asked, business):
            reasons.add(i + 1)
            continue
        said_no_before = False
        yield _finding(sentence, start, end, clause)


def _names_its_kind(text: str, start: int, end: int, reply: ReplyFacts) -> bool:
    """Whether the refusal at ``start:end`` states a rule for the kind of case it declines.

    The rule names the customer's category, a kind named by what was done to it (not the
    customer's own thing said back), or what leads into the no ("up to 3 devices, so…").
    """
    if names_category(text, start, end):
        return True  # "basic economy fares can't be changed": the rule names the customer's case
    asked_words = {t.stem for t in tokenize(reply.customer.text)} if reply.customer else set()
    # "(No, sorry,) hired instruments can't leave the country" (asked of "the hired
    # guitar"): a kind named by what was done to it is the rule's category, unless it is
    # the customer's own thing said back ("packed lunches aren't allowed").
    then = (start, end)
    if is_bare_no(text, start, end):
        after_no = find_refusal(text[end:])
        then = (end + after_no[0], end + after_no[1]) if after_no else then
    head = kind_of_subject(text, *then)
    if head is not None and stem(head) not in asked_words:
        return True
    done = kind_done_to(text, start, end)
    # The kind is the customer's own when a word of theirs ends in it ("undercover
    # parking" asked for, "we can't offer covered parking" said back).
    if done is not None and not any(w.endswith(stem(done)) for w in asked_words):
        return True  # "we can't take back opened food": a kind the customer didn't name
    # "Premium works on up to 3 devices, so I can't add a fourth"
    return leads_into_a_no(text[:start])


def _rule_beside(
    sentences: Sequence[SentenceFacts], i: int, view: PolicyView, reply: ReplyFacts
) -> bool:
    """Whether the sentence after the no, or the one before it, states the rule behind it."""
    sentence = sentences[i]
    refused = _clauses_refused(sentence, reply)
    if (
        i + 1 < len(sentences)
        and _states_the_rule(sentences[i + 1], view)
        and _may_be_its_cause(sentences[i + 1], refused, reply)
    ):
        return True
    # "Refunds take 5-7 business days. I can't speed it up to 3."
    return (
        i > 0
        and _states_the_rule(sentences[i - 1], view, before=True)
        and _may_be_its_cause(sentences[i - 1], refused, reply)
    )


def _finding(sentence: SentenceFacts, start: int, end: int, clause: Clause | None) -> RawFinding:
    """The finding for a no without its reason, with the clause's reason and alternative."""
    because = getattr(clause, "because", None)
    instead = getattr(clause, "instead", None)
    message = f"declines ({quote(sentence.text[start:end])}) without saying why"
    if because:
        message += f"; the policy gives the reason: {because}"
    return RawFinding(
        sentence.start,
        sentence.end,
        message,
        Suggest(
            f"Say why: {quote(because, 200)}."
            if because
            else "Say why it can't be done, and what you can do instead.",
            f"Then offer what you can: {quote(instead, 200)}." if instead else None,
        ),
        clause.id if clause else None,
        sentence.index,
    )


RULE = Rule(
    id="unexplained-refusal",
    severity=Severity.WARNING,
    summary="declines or says something can't be done without giving any reason",
    doc=__doc__ or "",
    fires=(
        Example("I'm sorry, we can't do that.", customer="Can you price match CampMart?"),
        Example("Sorry, that's not possible."),
        Example("No, we don't offer that."),
    ),
    quiet=(
        Example("We can't price match, because our prices are set nationally."),
        Example("Unfortunately we can't refund it. The return window closed on 1 November."),
        Example("I can't guarantee it will arrive before Friday."),
        Example("I can't find an order under that email address. Could you send the order number?"),
    ),
    check=check,
)
