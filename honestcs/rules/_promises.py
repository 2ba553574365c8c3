"""The commitments of a reply, with their clause and due time.

A commitment is a clause of a sentence that undertakes a later act
("we'll refund you", "you'll get a new card"), or offers one ("I can give
you 15% off"), outside negations, conditions and reports of what someone
else said. An act already done ("I've added $50 of credit") is not kept
open: it is not something left to keep. "Let me check" is done now.

The due time is, in order: a deadline in the same clause of the sentence
("by Friday"); now plus a duration there ("within 5 business days"); now
plus the upper bound of the matched clause's `takes`; else none.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import attrs
import regex

from honestcs.policy import Can
from honestcs.rules._base import PolicyView
from honestcs.text.acts import find_later_acts
from honestcs.text.facts import SegmentFacts, SentenceFacts
from honestcs.text.mentions import DeadlineMention, DurationMention
from honestcs.text.reading import ReplyFacts

__all__ = ["RawPromise", "find_promises"]

_LET_ME = regex.compile(r"^\W*let\s+me\b", regex.IGNORECASE)


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
            if segment.negated or segment.condition or _LET_ME.search(segment.text):
                continue
            clause = _clause_for(sentence, segment, view)
            due = _due(reply, sentence, segment, clause, view)
            if clause is None and due is None and not find_later_acts(segment.text):
                continue
            yield RawPromise(segment.start, segment.end, clause, due, sentence.index)


def _clause_for(sentence: SentenceFacts, segment: SegmentFacts, view: PolicyView) -> Can | None:
    inside = [t for t in sentence.terms if segment.start <= t.start < segment.end]
    earlier = [t for t in sentence.terms if t.end <= segment.start]
    for term in (*inside, *reversed(earlier)):
        clause = view.clause_of(term)
        if isinstance(clause, Can):
            return clause
    return None


def _due(
    reply: ReplyFacts,
    sentence: SentenceFacts,
    segment: SegmentFacts,
    clause: Can | None,
    view: PolicyView,
) -> datetime | None:
    for mention in sentence.mentions:
        if not segment.start <= mention.start < segment.end:
            continue
        if isinstance(mention, DeadlineMention):
            return mention.due
        if isinstance(mention, DurationMention) and mention.role in ("within", "takes", "bare"):
            return view.add(reply, mention.duration.upper)
    if clause is not None and clause.takes is not None:
        return view.add(reply, clause.takes.upper)
    return None
