"""`sycophancy`: deferring to the customer instead of informing them.

"The customer is always right" and offers to do whatever the customer
wants ("anything you want", "whatever you say") replace an honest answer
with flattery: the customer learns nothing about what can actually be done.
Plain empathy is not sycophancy: "you're right, that's frustrating" agrees
with a feeling, not with a demand.
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, quote
from honestcs.text.acts import find_sycophancy
from honestcs.text.facts import is_negated_before
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report "the customer is always right" and offers to do anything the customer wants."""
    for sentence in reply.sentences:
        if sentence.reported:
            continue
        for start, end in find_sycophancy(sentence.text):
            a, b = sentence.start + start, sentence.start + end
            segment = sentence.segment_at(a)
            # "isn't always right" denies it; "is never wrong" is the saying itself.
            if segment.negated and is_negated_before(segment.text, a - segment.start):
                continue
            if sentence.in_quotes(a, b):
                continue  # quoting words ("you feel 'the customer is always right'") says none
            yield RawFinding(
                a,
                b,
                f"{quote(reply.text[a:b])} defers to the customer instead of saying what can "
                "be done",
                "Say what you can do under the policy, and what you can't and why.",
                None,
                sentence.index,
            )
            break


RULE = Rule(
    id="sycophancy",
    severity=Severity.WARNING,
    summary='endorses "the customer is always right" or offers to do whatever the customer wants',
    doc=__doc__ or "",
    fires=(
        Example("The customer is always right, so I've refunded the whole order."),
        Example("Whatever you want, we'll make it happen."),
    ),
    quiet=(
        Example("You're right, that's frustrating, and I'm sorry."),
        Example("Is there anything you want to add before I send this?"),
        Example("The customer isn't always right, but you are: the box was damaged."),
    ),
    check=check,
)
