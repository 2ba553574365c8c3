"""`prohibited-compliance`: agreeing to, or offering, what a `prohibited` clause forbids.

Some requests are wrong to grant even when a customer asks nicely: a false
date on an invoice, another guest's room number, a discount for a
five-star review. "The customer is always right" does not apply. The
honest reply says no and says why (the clause's `because`). See
:mod:`honestcs.rules._forbidden` for how going along is recognised, also
when the reply repeats none of the request's words.
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.policy import Prohibited
from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, Suggest, quote
from honestcs.rules._forbidden import finding, going_along
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report agreement to what a `prohibited` clause forbids."""
    for sentence, clause, asked in going_along(reply, view, Prohibited):
        assert isinstance(clause, Prohibited)
        because = f": {clause.because}" if clause.because else ""
        yield finding(
            sentence,
            clause,
            f"goes along with {quote(asked)}, which the policy prohibits{because}",
            Suggest(
                "Decline, and say why:",
                quote(clause.because) if clause.because else "(give the reason)",
            ),
        )


RULE = Rule(
    id="prohibited-compliance",
    severity=Severity.ERROR,
    summary="agrees to, or offers, something a `prohibited` clause forbids",
    doc=__doc__ or "",
    fires=(
        Example("Of course, I'll backdate the invoice for you."),
        Example(
            "Sure, done! The new invoice is in your inbox.",
            customer="Can you put an earlier date on the invoice for my expenses?",
        ),
    ),
    quiet=(
        Example("I can't backdate the invoice: a false date would make it a falsified record."),
        Example(
            "I'm sorry, we can't change the date, because an invoice with a false date is a "
            "falsified record.",
            customer="Can you put an earlier date on the invoice for my expenses?",
        ),
        Example("If you need it, I can resend the invoice with its original date."),
    ),
    check=check,
)
