"""The rules of SPEC §3, one small module each, registered in :data:`RULES`.

Each module has its id, default severity, a docstring that is its
documentation, examples that must and must not fire, and a pure check
function of (reply facts, policy) -> findings.
"""

from __future__ import annotations

from honestcs.rules import (
    absolute_guarantee,
    overpromise,
    policy_misstatement,
    prohibited_compliance,
    silent_reschedule,
    sycophancy,
    unanswered_question,
    unauthorized_promise,
    unexplained_refusal,
    vague_commitment,
)
from honestcs.rules._base import Example, Rule

__all__ = ["RULES", "Example", "Rule"]

RULES: tuple[Rule, ...] = (
    overpromise.RULE,
    policy_misstatement.RULE,
    unauthorized_promise.RULE,
    prohibited_compliance.RULE,
    absolute_guarantee.RULE,
    unexplained_refusal.RULE,
    sycophancy.RULE,
    unanswered_question.RULE,
    vague_commitment.RULE,
    silent_reschedule.RULE,
)
