"""honestcs: keep customer service honest.

Check draft replies against a written policy, and track every promise they make.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from honestcs.calendar import BusinessCalendar
from honestcs.chat import ChatCheck, check_chat
from honestcs.checker import ReplyChecker
from honestcs.exceptions import (
    HonestCSError,
    IllegalTransitionError,
    PolicyError,
    PromiseNotFoundError,
    ReplyTooLongError,
    StoreError,
)
from honestcs.policy import Can, Cannot, ClauseOrigin, Department, Honesty, Policy, Prohibited
from honestcs.policy._loading import load_policy
from honestcs.promises.ledger import PromiseLedger, Recorded
from honestcs.promises.model import EventKind, PromiseEvent, PromiseRecord, PromiseStatus
from honestcs.promises.stats import LedgerStats, StatsRow
from honestcs.quantities import Count, Duration, Money, Percent, TimeUnit
from honestcs.report import Finding, Promise, Report
from honestcs.severity import Severity
from honestcs.stores import MemoryStore, PostgresStore, PromiseStore, SQLiteStore

try:
    __version__ = version("honestcs")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "BusinessCalendar",
    "Can",
    "Cannot",
    "ChatCheck",
    "ClauseOrigin",
    "Count",
    "Department",
    "Duration",
    "EventKind",
    "Finding",
    "HonestCSError",
    "Honesty",
    "IllegalTransitionError",
    "LedgerStats",
    "MemoryStore",
    "Money",
    "Percent",
    "Policy",
    "PolicyError",
    "PostgresStore",
    "Prohibited",
    "Promise",
    "PromiseEvent",
    "PromiseLedger",
    "PromiseNotFoundError",
    "PromiseRecord",
    "PromiseStatus",
    "PromiseStore",
    "Recorded",
    "ReplyChecker",
    "ReplyTooLongError",
    "Report",
    "SQLiteStore",
    "Severity",
    "StatsRow",
    "StoreError",
    "TimeUnit",
    "__version__",
    "check_chat",
    "load_policy",
]
