"""Promise statistics: how promises fared, overall, per agent and per clause.

:func:`tally` is the reference computation; a store may compute
:class:`LedgerStats` any faster way, but must give the same result.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

import attrs

from honestcs.promises.model import PromiseRecord, PromiseStatus, _iso, aware_utc

__all__ = ["LedgerStats", "StatsRow", "clause_order", "median_of_sorted", "tally"]


# ---------------------------------------------------------------------------
# Statistics


@attrs.frozen
class StatsRow:
    """Counts for one group of promises (all, one agent or one clause).

    Attributes:
        made: Promises made.
        kept: Of those, kept.
        kept_on_time: Kept no later than their (current) due time, or kept with none.
        broken: Broken.
        cancelled: Cancelled.
        open: Still open.
        overdue: Still open and past their due time.
        rescheduled: Rescheduled at least once (whatever their state now).
        median_lateness: Among promises kept after their due time, the median
            of how late; None when none was kept late.
    """

    made: int = 0
    kept: int = 0
    kept_on_time: int = 0
    broken: int = 0
    cancelled: int = 0
    open: int = 0
    overdue: int = 0
    rescheduled: int = 0
    median_lateness: timedelta | None = None

    @property
    def kept_rate(self) -> float | None:
        """Kept as a share of the promises decided (kept or broken); None when none is.

        Cancelled and open promises are left out: they were neither kept nor broken.
        """
        decided = self.kept + self.broken
        return self.kept / decided if decided else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``median_lateness_seconds`` is a number or None."""
        lateness = self.median_lateness
        return {
            "made": self.made,
            "kept": self.kept,
            "kept_on_time": self.kept_on_time,
            "broken": self.broken,
            "cancelled": self.cancelled,
            "open": self.open,
            "overdue": self.overdue,
            "rescheduled": self.rescheduled,
            "kept_rate": self.kept_rate,
            "median_lateness_seconds": None if lateness is None else lateness.total_seconds(),
        }


@attrs.frozen
class LedgerStats:
    """How promises fared: overall, per agent and per clause.

    Attributes:
        overall: Every promise in the window.
        by_agent: One row per agent, sorted by agent.
        by_clause: One row per clause (None for promises without one), sorted with None last.
        now: The time "overdue" was judged against.
        since: The window's start (promises made at or after it), if any.
        until: The window's end (promises made before it), if any.
    """

    overall: StatsRow
    by_agent: Mapping[str, StatsRow]
    by_clause: Mapping[str | None, StatsRow]
    now: datetime
    since: datetime | None = None
    until: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; the no-clause group is keyed ``null`` in JSON as ``"null"``."""
        return {
            "now": self.now.isoformat(),
            "since": _iso(self.since),
            "until": _iso(self.until),
            "overall": self.overall.to_dict(),
            "by_agent": {agent: row.to_dict() for agent, row in self.by_agent.items()},
            "by_clause": {
                ("null" if clause is None else clause): row.to_dict()
                for clause, row in self.by_clause.items()
            },
        }


def median_of_sorted(values: Sequence[int]) -> timedelta | None:
    """The median of sorted microsecond counts as a timedelta (mean of the middle two)."""
    if not values:
        return None
    n = len(values)
    low, high = values[(n - 1) // 2], values[n // 2]
    return timedelta(microseconds=(low + high) // 2)


@attrs.define
class _Tally:
    made: int = 0
    kept: int = 0
    kept_on_time: int = 0
    broken: int = 0
    cancelled: int = 0
    open: int = 0
    overdue: int = 0
    rescheduled: int = 0
    late: list[int] = attrs.Factory(list)

    def add(self, promise: PromiseRecord, now: datetime) -> None:
        self.made += 1
        status, due = promise.status, promise.due
        if promise.reschedules:
            self.rescheduled += 1
        if status is PromiseStatus.OPEN:
            self.open += 1
            if due is not None and due < now:
                self.overdue += 1
        elif status is PromiseStatus.KEPT:
            self.kept += 1
            closed = promise.closed_at
            if due is None or closed is None or closed <= due:
                self.kept_on_time += 1
            else:
                self.late.append((closed - due) // _MICROSECOND)
        elif status is PromiseStatus.BROKEN:
            self.broken += 1
        else:
            self.cancelled += 1

    def row(self) -> StatsRow:
        self.late.sort()
        return StatsRow(
            made=self.made,
            kept=self.kept,
            kept_on_time=self.kept_on_time,
            broken=self.broken,
            cancelled=self.cancelled,
            open=self.open,
            overdue=self.overdue,
            rescheduled=self.rescheduled,
            median_lateness=median_of_sorted(self.late),
        )


_MICROSECOND: Final = timedelta(microseconds=1)


def clause_order(clause: str | None) -> tuple[bool, str]:
    """Sort key for clause groups: by id, the no-clause group last."""
    return (clause is None, clause or "")


def tally(
    promises: Iterable[PromiseRecord],
    *,
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
) -> LedgerStats:
    """Statistics over ``promises``, the reference every store's ``stats`` must equal.

    Args:
        promises: The promises in the window (the caller filters by ``made_at``).
        now: The time overdue is judged against.
        since: Recorded in the result as the window's start.
        until: Recorded in the result as the window's end.
    """
    now = aware_utc(now, "now")
    overall = _Tally()
    agents: dict[str, _Tally] = {}
    clauses: dict[str | None, _Tally] = {}
    for promise in promises:
        overall.add(promise, now)
        by_agent = agents.get(promise.agent)
        if by_agent is None:
            by_agent = agents[promise.agent] = _Tally()
        by_agent.add(promise, now)
        by_clause = clauses.get(promise.clause)
        if by_clause is None:
            by_clause = clauses[promise.clause] = _Tally()
        by_clause.add(promise, now)
    return LedgerStats(
        overall=overall.row(),
        by_agent={agent: agents[agent].row() for agent in sorted(agents)},
        by_clause={clause: clauses[clause].row() for clause in sorted(clauses, key=clause_order)},
        now=now,
        since=since,
        until=until,
    )
