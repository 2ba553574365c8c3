"""honestcs: keep customer service honest.

Check draft replies against a written policy, and track every promise they make.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from honestcs._loading import load_policy
from honestcs.calendar import BusinessCalendar
from honestcs.exceptions import (
    HonestCSError,
    IllegalTransitionError,
    PolicyError,
    PromiseNotFoundError,
    StoreError,
)
from honestcs.policy import Can, Cannot, Honesty, Policy, Prohibited
from honestcs.quantities import Count, Duration, Money, Percent, TimeUnit
from honestcs.report import Finding, Promise, Report, Severity

try:
    __version__ = version("honestcs")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "BusinessCalendar",
    "Can",
    "Cannot",
    "Count",
    "Duration",
    "Finding",
    "HonestCSError",
    "Honesty",
    "IllegalTransitionError",
    "Money",
    "Percent",
    "Policy",
    "PolicyError",
    "Prohibited",
    "Promise",
    "PromiseNotFoundError",
    "Report",
    "Severity",
    "StoreError",
    "TimeUnit",
    "__version__",
    "load_policy",
]
