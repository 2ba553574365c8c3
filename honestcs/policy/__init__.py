"""The policy: what the business can do, cannot do, and will never do.

:mod:`~honestcs.policy.model` holds the frozen values (:class:`Policy` and its
clauses); ``_reader`` validates one parsed document into them; ``_loading``
reads policy files (the only place that touches tomllib and json) and puts a
composed policy together. ``_lint`` warns about what a valid policy should
still not do, and ``_diff`` says what a change of policy does; those two read
replies and terms, so they sit above the rest of the package and above
:mod:`honestcs.text`.
"""

from __future__ import annotations

from honestcs.policy.model import (
    KNOWN_RULE_IDS,
    Can,
    Cannot,
    Clause,
    ClauseOrigin,
    Department,
    Honesty,
    Policy,
    PolicyDocument,
    Prohibited,
)

__all__ = [
    "KNOWN_RULE_IDS",
    "Can",
    "Cannot",
    "Clause",
    "ClauseOrigin",
    "Department",
    "Honesty",
    "Policy",
    "PolicyDocument",
    "Prohibited",
]
