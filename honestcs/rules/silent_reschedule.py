"""`silent-reschedule`: moving a promised date later without saying so.

Needs a promise ledger (``check(..., ledger=, customer_id=)``). When this
customer already has an open promise for a clause, and the reply now gives
a later date for the same clause without a word about the change in that
sentence or the one before ("instead of", "new date", "moved", "delayed",
"pushed back", "rescheduled", "originally", "sorry for the delay"…), the
earlier promise is being broken in silence. A word of regret elsewhere in the
reply ("unfortunately the colour is out of stock") says nothing about the date.
Renegotiating honestly is fine: say the date is changing, and why, and record it
with ``ledger.reschedule``.
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, quote
from honestcs.rules._promises import find_promises
from honestcs.text.acts import acknowledges_change
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]

def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report later dates for a clause this customer already has an open promise for."""
    if not reply.open_promises:
        return
    for promise in find_promises(reply, view):
        if promise.clause is None or promise.due is None:
            continue
        # The change must be said about this promise: in its sentence or the one before
        # ("Your refund is delayed. It will now arrive by Friday."), not anywhere in the reply.
        near = reply.sentences[max(0, promise.sentence - 1) : promise.sentence + 1]
        if any(acknowledges_change(s.text) for s in near):
            continue
        for earlier in reply.open_promises:
            if earlier.clause != promise.clause.id or earlier.due is None:
                continue
            if promise.due <= earlier.due:
                continue
            now = reply.now
            yield RawFinding(
                promise.start,
                promise.end,
                f"gives a new date for {promise.clause.id} ({view.describe(promise.due, now)}), "
                f"later than the open promise {quote(earlier.text)} due "
                f"{view.describe(earlier.due, now)}, without saying the date is changing",
                "Say the earlier date is changing and why (\"We said "
                f"{view.describe(earlier.due, now)}; it will now be "
                f"{view.describe(promise.due, now)}, because …\"), and record it with "
                "ledger.reschedule.",
                promise.clause.id,
                promise.sentence,
            )
            break


_EARLIER = (("refund", "2026-12-08T17:00:00-05:00", "Your refund will arrive by 8 December."),)

RULE = Rule(
    id="silent-reschedule",
    severity=Severity.WARNING,
    summary="gives a later date for a clause with an open promise without saying the date changes",
    doc=__doc__ or "",
    fires=(
        Example(
            "Your refund will be back on your card by Friday 11 December.",
            earlier=_EARLIER,
        ),
        Example(
            "Unfortunately the blue one is sold out. Your refund will be back on your card by "
            "Friday 11 December.",
            earlier=_EARLIER,
        ),
    ),
    quiet=(
        Example(
            "I'm sorry: your refund was due on 8 December, but it is delayed and will now arrive "
            "by Friday 11 December.",
            earlier=_EARLIER,
        ),
        Example(
            "Your refund will be back on your card by 7 December.",
            earlier=_EARLIER,
        ),
    ),
    check=check,
)
