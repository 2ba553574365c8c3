"""`vague-commitment`: "I/we will" do something later with no time frame.

Staff count as "we": "our claims team will be in touch", "someone will
reach out soon".

"We'll look into it and get back to you" cannot be held to anything. A
commitment to a later act by staff needs a tracked time frame: a duration
("within 2 business days"), a deadline ("by Friday", "tomorrow before
noon") or an event ("once it's back with us", "the day before the visit").
"Soon", "shortly" and "as soon as possible" are not time frames.

Not counted: what the customer will receive ("you'll get an email"), acts
done now in the conversation ("let me check", "I'll proceed with the
cancellation now"), conditional sentences (an imperative joined to the promise,
"bring it in and we'll refund it", is a condition, and so is "then" after asking the
customer for something: "Could you send me the reference? Then I'll fix it", as is
acting on what was asked for: "Can you share the file? We'll send it to an engineer"), an act
asked about with "whether" ("ask your doctor whether they'll send a new prescription"),
and sentences that already have another finding.

Known problems:

* An act of staff tied to an event named only by a document ("the tech will apply it on
  the invoice automatically") is flagged: the invoice is not read as an event.
* Minding someone ("our staff will keep an eye on them") is no later act, and neither is
  watching for the customer's reply; watching for a thing to turn up ("I'll keep an eye
  out for one") is, though it has no end a customer could hold the business to.
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.quantities import Duration, TimeUnit
from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, quote
from honestcs.text.acts import (
    acts_on_it,
    asked_whether,
    asks_for_a_moment,
    ends_with_a_condition,
    find_later_acts,
    is_done_now,
    joins_imperative_to_promise,
    names_a_bare_hour,
    points_to_then,
    promises_then,
    sets_against,
)
from honestcs.text.answers import gathers
from honestcs.text.facts import SentenceFacts, own_clause
from honestcs.text.mentions import AmountMention, DeadlineMention, DurationMention, Mention
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report first-person commitments to a later act with no trackable time frame."""
    one_day = Duration.of(1, TimeUnit.BUSINESS_DAY)
    # "We'll refund the unused part. … Refunds take up to 15 working days.": an act of a
    # policy clause whose time the reply gives elsewhere has that time frame.
    timed = {
        term.clause
        for sentence in reply.sentences
        if any(_a_time_frame(m) for m in sentence.mentions)
        for term in sentence.terms
    }
    for sentence in reply.sentences:
        if sentence.reported or sentence.conditional:
            continue
        if joins_imperative_to_promise(sentence.text, in_any_clause=True):
            continue  # "Bring it in and we'll refund it": conditional on the customer (SPEC §3)
        if asks_for_a_moment(sentence.text):
            continue  # "Give me a sec and I'll text it over": done now, in the conversation
        asked_before = sentence.index > 0 and (
            reply.sentences[sentence.index - 1].question
            or gathers(reply.sentences[sentence.index - 1].text)
        )
        if asked_before and promises_then(sentence.text):
            continue  # "Could you send me the reference? Then I'll fix it": once they do
        if any(
            _times_something(m) and not _set_against_by_a_no(sentence, m)
            for m in sentence.mentions
        ):
            continue
        for segment in sentence.segments:
            # The subject is in the later-act pattern: "I", "we", or staff ("our team").
            if segment.mood != "future" or segment.negated:
                continue
            acts = tuple(
                a for a in find_later_acts(segment.text) if not asked_whether(segment.text, a[0])
            )
            if not acts or is_done_now(own_clause(segment.text, acts[0][0])):
                continue
            # The act itself must be the clause's: "I'll look into the delivery charge" is a
            # look, whatever the delivery's time.
            act_start, act_end = segment.start + acts[0][0], segment.start + acts[0][1]
            if any(
                act_start <= term.start < act_end and term.clause in timed
                for term in sentence.terms
            ):
                continue  # its time is given in another sentence
            if asked_before and acts_on_it(segment.text, acts[0][1]):
                continue  # "Can you share the file? We will send that to an engineer": once sent
            if ends_with_a_condition(segment.text, acts[0][1]):
                continue  # "We'll let you know if anything changes": conditional (SPEC §3)
            if names_a_bare_hour(segment.text[acts[0][0] :]):
                continue  # "I'll ring you by 4 with his answer": an hour the customer can hold
            example = view.describe(view.calendar.add(one_day, reply.now), reply.now)
            yield RawFinding(
                segment.start,
                segment.end,
                f"commits to {quote(segment.text)} with no time frame the customer could hold "
                "you to",
                f'Give a time frame you can keep (e.g. "by {example}") or tie it to an event '
                '("as soon as the courier confirms").',
                None,
                sentence.index,
            )
            break


def _set_against_by_a_no(sentence: SentenceFacts, mention: Mention) -> bool:
    """Whether a time lies in a negated clause that a "but" sets the rest against.

    "I'm not at the shop today, but I'll check on them and get back to you": "today" says
    when the agent is away, and the "but" turns from it to what will be done, with no time.
    (A clause that points back to it, "…, but I'll ring you then", still has it.)
    """
    segment = sentence.segment_at(mention.start)
    if not segment.negated or not segment.start <= mention.start < segment.end:
        return False
    after = sentence.text[segment.end - sentence.start :]
    return sets_against(after.lstrip(" ,;\u2014\u2013-")) and not points_to_then(after)


def _times_something(mention: Mention) -> bool:
    """Whether a figure of the sentence may be the time frame of what it commits to.

    An amount times nothing, and neither does the day or length of what already happened
    ("the parcel left us on Monday, so I'll chase the courier", "you wrote 3 days ago").
    """
    if isinstance(mention, AmountMention):
        return False
    if isinstance(mention, DeadlineMention) and mention.gone:
        return False
    return not (isinstance(mention, DurationMention) and mention.role == "ago")


def _a_time_frame(mention: Mention) -> bool:
    """Whether a figure is a time an act is done in or by, not a rate or a length of use."""
    if isinstance(mention, DurationMention):
        return mention.role in ("takes", "within", "bare", "compound", "notice")
    return isinstance(mention, DeadlineMention) and not mention.gone


RULE = Rule(
    id="vague-commitment",
    severity=Severity.INFO,
    summary='says "I/we will" do something later with no time frame that could be tracked',
    doc=__doc__ or "",
    fires=(
        Example("Thanks for letting us know. We'll look into it and get back to you."),
        Example("I'll sort it out."),
    ),
    quiet=(
        Example("I'll look into it and email you by 5pm tomorrow."),
        Example("I'll get back to you once the warehouse has checked the parcel."),
        Example("You'll get an email when it ships."),
        Example("Let me check that for you."),
    ),
    check=check,
    yields_in_sentence=True,
)
