"""Statistics of a SQLite promise store: running totals per agent and clause, into a LedgerStats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Final

from honestcs.promises.model import PromiseRecord, PromiseStatus
from honestcs.promises.stats import LedgerStats, StatsRow, clause_order
from honestcs.stores import _checked as checked
from honestcs.stores.sqlite._rows import _late_us
from honestcs.stores.sqlite._schema import _TOTAL_COLUMNS


def _count(totals: list[int], record: PromiseRecord, sign: int) -> None:
    """Add (sign 1) or take away (sign -1) one promise from a row of ``_TOTAL_COLUMNS``."""
    status = record.status
    totals[0] += sign  # made
    if record.reschedules:
        totals[6] += sign
    if status is PromiseStatus.OPEN:
        totals[1] += sign
    elif status is PromiseStatus.KEPT:
        totals[2] += sign
        if _late_us(record) is None:
            totals[3] += sign  # kept on time
        else:
            totals[7] += sign  # late
    elif status is PromiseStatus.BROKEN:
        totals[4] += sign
    else:
        totals[5] += sign


_TOTAL_CHECKS: Final = (
    checked.Column("agent", checked.text),
    checked.Column("clause", checked.text),
    *(checked.Column(name, checked.count) for name in _TOTAL_COLUMNS),
)


#: Per (agent, clause): the counts in ``_TOTAL_COLUMNS`` order, and how many are overdue.
_Groups = list[tuple[str, str | None, list[int], int]]
#: ``median(column, value, count)``: the median lateness of a group of ``count`` late promises;
#: column is None for all promises, else "agent" or "clause" with the group's value.
_Median = Callable[[str | None, str | None, int], timedelta | None]


def _assemble(
    groups: _Groups,
    median: _Median,
    *,
    since: datetime | None,
    until: datetime | None,
    now: datetime,
) -> LedgerStats:
    """Sum per-(agent, clause) groups into the overall, per-agent and per-clause rows."""
    width = len(_TOTAL_COLUMNS)
    overall = [0] * (width + 1)
    agents: dict[str, list[int]] = {}
    clauses: dict[str | None, list[int]] = {}
    for agent, clause, counts, overdue in groups:
        for target in (
            overall,
            agents.setdefault(agent, [0] * (width + 1)),
            clauses.setdefault(clause, [0] * (width + 1)),
        ):
            for i, value in enumerate(counts):
                target[i] += value
            target[width] += overdue

    def row(counts: list[int], lateness: timedelta | None) -> StatsRow:
        named = dict(zip(_TOTAL_COLUMNS, counts, strict=False))
        del named["late"]
        return StatsRow(**named, overdue=counts[width], median_lateness=lateness)

    late = _TOTAL_COLUMNS.index("late")
    return LedgerStats(
        overall=row(overall, median(None, None, overall[late])),
        by_agent={
            agent: row(agents[agent], median("agent", agent, agents[agent][late]))
            for agent in sorted(agents)
        },
        by_clause={
            clause: row(clauses[clause], median("clause", clause, clauses[clause][late]))
            for clause in sorted(clauses, key=clause_order)
        },
        now=now,
        since=since,
        until=until,
    )


def _require_plain(groups: _Groups) -> None:
    """Raise TypeError unless every group has a text agent and clause and whole counts."""
    for agent, clause, counts, overdue in groups:
        if type(agent) is not str or not (clause is None or type(clause) is str):
            raise TypeError("a group of promises has an agent or clause that is not text")
        if type(overdue) is not int or not all(type(n) is int for n in counts):
            raise TypeError("a group of promises has a count that is not a whole number")


def _require_whole(values: list[int]) -> None:
    """Raise TypeError unless every lateness read is a whole number of microseconds."""
    if not all(type(value) is int for value in values):
        raise TypeError("a lateness is not a whole number of microseconds")
