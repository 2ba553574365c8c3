"""`policy-misstatement`: stating a policy fact that contradicts the policy.

A statement of policy describes the rule in general rather than committing
to an act: "refunds take 2 days", "you can return it within 60 days",
"express delivery is $5", "up to 4 pets per room". The rule reports:

* a time for a `takes` clause shorter than its upper bound;
* any window other than the `within` clause's ("60 days" when it is 30);
* any price other than the `costs` clause's ("free", "$5" when it is $12;
  a whole multiple of the price is a total and is accepted);
* an `up_to` limit stated as a rule ("up to", "only", "at most", what every one of a
  kind of customer gets: "members get 10% off", a named offer: "our move-in special
  is 25% off") with any other figure, unless the reply also names the policy's own
  figure (a smaller one is then a tier below it).

Quoting what someone else said ("you were told refunds take 2 days") is
not a statement of policy.

Severity: ships as `warning`, not the `error` SPEC §3 gives it. On the first
runs of 295 blind corpora 3,219 of its 3,490 flags were right (92.2%), and on the
labelled real replies none of the 3 it raised before this release was; an error
needs 95% (see the Accuracy page). Raise it with `[honesty] severity` if you
accept that rate.

Known problems:

* A figure for something else in a sentence whose clause is named nearby can
  still be read as the clause's, when nothing in the grammar says so: a time
  for a team's reply after a handover ("they handle missing parcels and reply
  within 1 business day" read as the delivery's time), or another company's
  price ("Brightcell charges $25 a day for roaming"). A bank's or card
  issuer's own time ("banks take 5 to 7 business days to show it") is read as
  theirs.
* A price stated for a subgroup ("free for Gold members") when another clause
  covers the subgroup is only spared when both clauses are named.
* A discount one kind of customer gets from a programme the policy does not name
  ("AAA members get 10% off the base rate" under a discount of up to 20%) is read as
  stating the discount's limit, and so is one said of another business's shop
  ("lesson students get 10% off there").
* The customer's own booked day, given as the cause of a fee ("as yours is tomorrow
  morning that window has passed"), is read as a time for the clause named before it.
* A rise said with "up to" ("the play fee goes up to $10 at weekends") is read as a most,
  so a wrong price said that way is missed.
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule
from honestcs.rules._limits import findings
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report statements of policy whose figure differs from the policy's."""
    return findings(reply, view, "policy-misstatement")


RULE = Rule(
    id="policy-misstatement",
    severity=Severity.WARNING,
    summary="states a policy fact (a window, a time, a limit, a price) that contradicts the policy",
    doc=__doc__ or "",
    fires=(
        Example("Our return window is 60 days, so there's no rush."),
        Example("Express delivery is $5."),
        Example("Refunds take 2 days."),
        Example("Display models can be discounted up to 25%."),
        Example("Express shipping is free this week."),
    ),
    quiet=(
        Example("You can return it within 30 days of delivery."),
        Example("Express delivery costs $12."),
        Example("Refunds usually take 5 to 10 business days."),
        Example("Two express deliveries come to $24."),
        Example("As you bought it 10 days ago, you can still return it."),
    ),
    check=check,
)
