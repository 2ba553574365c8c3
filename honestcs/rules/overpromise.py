"""`overpromise`: committing to more, or sooner, than the policy allows.

A commitment is the business undertaking a particular act for this
customer: "I/we will…", "you'll get…", an offer ("I can give you 30% off"),
or an act already done ("I've added $100 of credit"). The rule compares the
commitment with the `can` clause it is about:

* **`takes`**: the promised time (a duration from now, or a deadline such
  as "by Friday", "tomorrow", "within the hour") must not come before *now
  plus the clause's upper bound*, computed with the business calendar. The
  message gives the earliest honest date.
* **`up_to`**: an amount given or offered must not exceed the limit. A
  condition never lifts a limit ("if you renew, I can give you 30% off").
* **`costs`**: offering the act for less than its price.
* **`within`**: granting a longer window than the clause's ("you'll have
  60 days", "I've extended it to 18 months"), or a window to a day that
  ends after *now plus the clause's window* ("I'll hold it for you until
  next Friday" against a 48-hour hold). A day with no hour runs to its end,
  and the window is counted from now, so a window that began earlier (a
  return window from the purchase) is given the benefit of the doubt.

Being slower than the policy is honest caution and is never reported.

Known problems:

* A time in a negated clause is never checked, so "it won't take more than 2 days"
  (a promise of at most two days) is missed; the negation is read as a no, which
  holds no time ("inside 72 hours the booking can't be refunded").
* A time of changing a record of the act is read as the act's own: "I'll update the
  return shipping on your order right now" is held to the shipping's `takes`.
* A time or price said of a faster tier another clause offers ("rush", "express",
  "same-day") is read as that tier's, even when its clause gives no time: "add our rush
  service for $45 and we'll have the repair done in 2 business days" is not held to the
  repair's `takes`.
* A day of the month alone ("before the 16th") is read as the next such day, even when
  the customer named another month for it ("my wedding's on 16 May").
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule
from honestcs.rules._limits import findings
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report commitments that are faster or bigger than their clause allows."""
    return findings(reply, view, "overpromise")


RULE = Rule(
    id="overpromise",
    severity=Severity.ERROR,
    summary="commits to doing something faster, or giving more, than the policy allows",
    doc=__doc__ or "",
    fires=(
        Example("I've started your refund, and the money will be back on your card within 3 days."),
        Example("Your order will arrive tomorrow."),
        Example("I can give you 20% off the display model."),
        Example("If you keep the tent, I'll add $80 of store credit to your account."),
        Example("I'll call you back within the hour."),
    ),
    quiet=(
        Example("Refunds take 5 to 10 business days to reach your card."),
        Example("We'll confirm a delivery date by email within 1 business day."),
        Example("I've added $40 of store credit to your account."),
        Example("I'll refund you within 2 weeks."),
        Example("You said the last agent promised your refund in 2 days; that was wrong."),
    ),
    check=check,
)
