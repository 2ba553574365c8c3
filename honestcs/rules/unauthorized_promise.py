"""`unauthorized-promise`: promising what a `cannot` clause rules out.

The business has said it cannot do this (and why). A reply that promises
or offers it anyway ("Sure, we'll reupholster it in a custom fabric!")
makes a promise nobody can keep. Saying that it can't be done ("we can't
offer a price match, because…") is the honest reply. See
:mod:`honestcs.rules._forbidden` for how going along is recognised,
including a bare "Sure, done!" to a customer's request.

Severity: ships as `warning`, not the `error` SPEC §3 gives it. On the first runs
of 295 blind corpora 2,019 of its 2,091 flags were right (96.6%): over the
95% an error needs; but on the labelled real replies it raises no flags to
judge by, and neither of the 2 it raised before this work was right, so it stays a
level down until real text says otherwise (see the Accuracy page).

Known problems:

* A reply that says no by describing what the business is ("We're a marketplace
  rather than a shipper: buyers and sellers arrange it themselves") and then
  helps with something nearby can be read as going along with the request.
* An act done against a `cannot` clause that only the booking data shows (a cabin
  changed on one flight of two) is not seen.
* What a third party usually does, said beside an offer ("we can appeal on your
  behalf, and HMRC usually cancels the penalty"), is read as going along with a
  `cannot` clause about that act.
* A yes followed by an imperative joined to the act ("Yes of course! Just send it back
  and we'll swap it for a different size") is read as conditional, as "yes - once you show
  your photo ID we can cut the lock off" is (SPEC §3), so it is not flagged.
* A yes to a question of fact that names a `cannot` term ("yes, you'll need a valid lift
  pass", to "do we need a lift pass? can you sell one?") is read as agreeing to it when the
  no that follows names the thing in other words ("we can't sell passes ourselves").
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.policy import Cannot
from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, Suggest, quote
from honestcs.rules._forbidden import finding, going_along
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report promises and offers of what a `cannot` clause rules out."""
    for sentence, clause, asked in going_along(reply, view, Cannot):
        assert isinstance(clause, Cannot)
        because = f": {clause.because}" if clause.because else ""
        yield finding(
            sentence,
            clause,
            f"promises {quote(asked)}, which the policy says cannot be done{because}",
            Suggest(
                "Say it can't be done and why:",
                quote(clause.because) if clause.because else "(give the reason)",
                f"Then offer what you can: {quote(clause.instead)}." if clause.instead else None,
            ),
        )


RULE = Rule(
    id="unauthorized-promise",
    severity=Severity.WARNING,
    summary="promises or offers something a `cannot` clause rules out",
    doc=__doc__ or "",
    fires=(
        Example("Sure, we'll price match that for you!"),
        Example("No problem, I can match the price you found online."),
        Example("Sure, done!", customer="Can you price match the tent I saw at CampMart?"),
    ),
    quiet=(
        Example("We can't price match, because our prices are set nationally."),
        Example(
            "I'm afraid we don't match other stores: our prices are set nationally.",
            customer="Can you price match the tent I saw at CampMart?",
        ),
        Example("You asked whether we price match; we don't, as prices are set nationally."),
    ),
    check=check,
)
