"""Watch a ledger: say when each promise comes due soon, and when it becomes overdue.

The watcher polls: every ``interval`` it asks the store for the open promises due
within ``within`` of now (the due-soon window, which time alone moves promises
into) and for the open promises whose due time passed since the last poll. It
keeps only the ids of the promises now in the window, so its memory is bounded by
the window, not by the ledger. Any store works; PostgreSQL is what several app
servers share.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Literal

import attrs

from honestcs.promises.ledger import PromiseLedger
from honestcs.promises.model import PromiseQuery, PromiseRecord, PromiseStatus

__all__ = ["WatchEvent", "WatchSummary", "watch"]

Kind = Literal["due-soon", "overdue"]


@attrs.frozen
class WatchEvent:
    """A promise that entered its due-soon window, or became overdue, at ``at``."""

    kind: Kind
    at: datetime
    record: PromiseRecord


@attrs.define
class WatchSummary:
    """What a watch saw, for the line it prints when it stops."""

    started: datetime
    polls: int = 0
    due_soon: int = 0
    overdue: int = 0
    already_overdue: int = 0
    last: datetime | None = None


def watch(
    ledger: PromiseLedger,
    *,
    within: timedelta,
    interval: float,
    emit: Callable[[WatchEvent], None],
    clock: Callable[[], datetime],
    sleep: Callable[[float], None],
    summary: WatchSummary,
    customer: str | None = None,
    agent: str | None = None,
    clause: str | None = None,
    polls: int | None = None,
) -> None:
    """Poll ``ledger`` until interrupted (or ``polls`` times), emitting each change.

    The first poll emits every promise already in its due-soon window, and counts
    (in ``summary.already_overdue``) those already overdue without listing them.
    Later polls emit each promise the first time it is seen in the window, and each
    promise whose due time passed since the poll before, whether or not it was
    announced as due soon first.

    Args:
        ledger: The ledger to watch.
        within: The length of the due-soon window.
        interval: Seconds between polls.
        emit: Called with each event, in due order within a poll.
        clock: The current time (aware).
        sleep: Waits a number of seconds (``time.sleep``; a test passes its own).
        summary: Filled in as the watch goes, so it is complete when the watch is stopped.
        customer: Only this customer's promises.
        agent: Only this agent's.
        clause: Only this clause's.
        polls: Stop after this many polls (None: until interrupted).
    """
    now = clock()
    summary.already_overdue = len(
        ledger.overdue(now, customer=customer, agent=agent, clause=clause)
    )
    in_window: set[str] = set()
    last: datetime | None = None
    while polls is None or summary.polls < polls:
        if last is not None:
            sleep(interval)
            now = clock()
            for record in _crossed(ledger, last, now, customer, agent, clause):
                summary.overdue += 1
                emit(WatchEvent("overdue", now, record))
        soon = ledger.due_soon(now, within, customer=customer, agent=agent, clause=clause)
        for record in soon:
            if record.id not in in_window:
                summary.due_soon += 1
                emit(WatchEvent("due-soon", now, record))
        in_window = {record.id for record in soon}
        last = now
        summary.polls += 1
        summary.last = now


def _crossed(
    ledger: PromiseLedger,
    last: datetime,
    now: datetime,
    customer: str | None,
    agent: str | None,
    clause: str | None,
) -> list[PromiseRecord]:
    """The open promises whose due time passed between ``last`` and ``now``, by due time."""
    return ledger.store.find(
        PromiseQuery(
            status=PromiseStatus.OPEN,
            customer=customer,
            agent=agent,
            clause=clause,
            due_from=last,
            due_before=now,
            order="due",
        )
    )
