"""`absolute-guarantee`: guaranteeing an outcome unconditionally.

Nobody controls couriers, banks or the weather. "Guaranteed", "I promise
it will never happen again", "100% sure", "it will definitely arrive
tomorrow" promise an outcome instead of an effort. Hedges are honest and
are not reported: "I can't guarantee…", "there's no guarantee…", "nothing's
guaranteed until…". Nor are a booking "guaranteed with a card", a warranty
("guaranteed against defects"), a promise of one's own act ("I promise to call
you by noon"), and words inside quotation marks. A policy
can add its own words (`[honesty] guarantee_terms`) and allow a backed
slogan (`[honesty] allow`).
"""

from __future__ import annotations

from collections.abc import Iterator

from honestcs.policy import Can
from honestcs.report import Severity
from honestcs.rules._base import Example, PolicyView, RawFinding, Rule, quote
from honestcs.text.acts import denies_the_guarantee, find_guarantees
from honestcs.text.facts import is_negated_before
from honestcs.text.reading import ReplyFacts

__all__ = ["RULE"]


def check(reply: ReplyFacts, view: PolicyView) -> Iterator[RawFinding]:
    """Report unconditional guarantees of an outcome."""
    extra = view.guarantee_terms
    for sentence in reply.sentences:
        if sentence.reported:
            continue
        for start, end in find_guarantees(sentence.text, extra):
            a, b = sentence.start + start, sentence.start + end
            segment = sentence.segment_at(a)
            denied = denies_the_guarantee(segment.text, a - segment.start, b - segment.start)
            if denied or (
                denied is None
                and segment.negated
                and is_negated_before(segment.text, a - segment.start)
            ):
                continue
            if sentence.in_quotes(a, b):
                continue  # quoting words ("you feel 'the customer is always right'") says none
            timed = next(
                (
                    view.clause_of(t)
                    for t in sentence.terms
                    if isinstance(view.clause_of(t), Can) and view.clause_of(t).takes  # type: ignore[union-attr]
                ),
                None,
            )
            if isinstance(timed, Can) and timed.takes is not None:
                suggestion = (
                    f"Say what is likely and what you will do, without guaranteeing it: "
                    f'"{timed.id} usually takes {timed.takes}".'
                )
            else:
                suggestion = (
                    "Say what you will do and what is likely, without guaranteeing the outcome "
                    '(e.g. "we\'ve changed how we pack these, which should prevent it").'
                )
            yield RawFinding(
                a,
                b,
                f"{quote(reply.text[a:b])} guarantees an outcome without any condition",
                suggestion,
                timed.id if timed else None,
                sentence.index,
            )
            break


RULE = Rule(
    id="absolute-guarantee",
    severity=Severity.WARNING,
    summary="guarantees an outcome unconditionally",
    doc=__doc__ or "",
    fires=(
        Example("I guarantee this will never happen again."),
        Example("Your order will definitely arrive tomorrow."),
        Example("This jacket is 100% guaranteed to keep you dry."),
    ),
    quiet=(
        Example("I can't guarantee it will arrive before the weekend."),
        Example("There's no guarantee, but most orders arrive within 5 business days."),
        Example("We'll refund 100% of the price once it's back with us."),
    ),
    check=check,
)
