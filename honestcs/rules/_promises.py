"""The commitments of a reply, with their clause and due time.

A commitment is a clause of a sentence that undertakes a later act
("we'll refund you", "you'll get a new card"), or offers one ("I can give
you 15% off"), outside negations, conditions and reports of what someone
else said. An act already done ("I've added $50 of credit") is not kept
open: it is not something left to keep. "Let me check" is done now.

The clause is the `can` clause whose act the commitment undertakes: one named
in its own clause of the sentence, or before it when the commitment points
back ("…your refund, and it will reach you…"). A commitment to tell the
customer about an act ("I'll call you back about your refund", "I'll let you know
when your refund is issued") is the telling, not the act; so is a document about it ("I'll
send you the refund confirmation"). One that names no act has no clause.

The due time is, in order: a deadline in the same clause of the sentence
("by Friday"); now plus a duration there ("within 5 business days"); now
plus the upper bound of the matched clause's `takes` (the policy's own time
for that act); else none: a commitment with no time and no clause ("I'll call
you back about your refund") gets no due time made up for it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from datetime import datetime

import attrs

from honestcs.policy import Can
from honestcs.rules._base import PolicyView
from honestcs.text.acts import commits_to_tell, find_later_acts, opens_with_let_me, tells_about
from honestcs.text.attribution import names_another_thing
from honestcs.text.facts import SegmentFacts, SentenceFacts
from honestcs.text.mentions import DeadlineMention, DurationMention, Mention
from honestcs.text.reading import ReplyFacts
from honestcs.text.terms import TermMatch

__all__ = ["RawPromise", "find_promises"]


@attrs.frozen
class RawPromise:
    """A commitment before it is mapped back to the original reply.

    Attributes:
        start: Offset in the normalised reply.
        end: Offset just past it.
        clause: The `can` clause it is about, if any.
        due: When it must be kept, if known.
        sentence: Index of its sentence.
    """

    start: int
    end: int
    clause: Can | None
    due: datetime | None
    sentence: int


def find_promises(reply: ReplyFacts, view: PolicyView) -> Iterator[RawPromise]:
    """Every commitment in the reply, in reply order."""
    for sentence in reply.sentences:
        if sentence.reported:
            continue
        for segment in sentence.segments:
            if segment.mood not in ("future", "offer", "receive"):
                continue
            if segment.negated or segment.condition or opens_with_let_me(segment.text):
                continue
            clause = _clause_for(sentence, segment, view)
            due = _due(reply, sentence, segment, clause, view)
            if clause is None and due is None and not find_later_acts(segment.text):
                continue
            yield RawPromise(segment.start, segment.end, clause, due, sentence.index)


def _term_start(term: TermMatch) -> int:
    return term.start


# How many terms back a promise looks for the act it continues.
_REACH = 8


def _clause_for(sentence: SentenceFacts, segment: SegmentFacts, view: PolicyView) -> Can | None:
    """The `can` clause whose act the commitment undertakes, if any.

    A term in the commitment's own clause names it, unless the commitment is to tell the
    customer about that act ("I'll call you back about your refund": the call, not the
    refund). A term earlier in the sentence names it ("I've started your refund, and the
    money will be back in 5 days"), unless the commitment is a telling of its own
    ("Your refund is done, and I'll ring you tomorrow": the call).
    """
    terms = sentence.terms  # in order of start: found by bisection, not by a scan per segment
    low = bisect.bisect_left(terms, segment.start, key=_term_start)
    high = bisect.bisect_left(terms, segment.end, key=_term_start)
    inside = terms[low:high]
    for term in inside:
        clause = view.clause_of(term)
        if not isinstance(clause, Can) or names_another_thing(sentence, term, clause):
            continue  # "I'll send you the refund confirmation": the document, not the refund
        if not _tells_about(sentence, segment, term):
            return clause
    if inside or commits_to_tell(segment.text):
        return None
    earlier = [t for t in terms[max(0, low - _REACH) : low] if t.end <= segment.start]
    for term in reversed(earlier):
        clause = view.clause_of(term)
        if isinstance(clause, Can):
            return clause
    return None


def _tells_about(sentence: SentenceFacts, segment: SegmentFacts, term: TermMatch) -> bool:
    """Whether the commitment is to tell the customer about ``term``'s act, not to do it."""
    del sentence  # the segment holds the telling and the term
    return tells_about(segment.text, term.start - segment.start)


def _mention_start(mention: Mention) -> int:
    return mention.start


def _due(
    reply: ReplyFacts,
    sentence: SentenceFacts,
    segment: SegmentFacts,
    clause: Can | None,
    view: PolicyView,
) -> datetime | None:
    # Mentions come in order of start: those of the clause are found by bisection, not by a
    # scan of the whole sentence for each of its clauses.
    mentions = sentence.mentions
    low = bisect.bisect_left(mentions, segment.start, key=_mention_start)
    high = bisect.bisect_left(mentions, segment.end, key=_mention_start)
    for mention in mentions[low:high]:
        if isinstance(mention, DeadlineMention):
            return mention.due
        if isinstance(mention, DurationMention) and mention.role in ("within", "takes", "bare"):
            return view.add(reply, mention.duration.upper)
    if clause is not None and clause.takes is not None:
        return view.add(reply, clause.takes.upper)
    return None
