"""The promise state machine: the table of legal moves, and the fold of events into records.

A promise is recorded *open*; from there it can be *kept*, *broken* or
*cancelled*, or *rescheduled* (it stays open with a new due time). Those moves,
and only those, are in :data:`TRANSITIONS`; :func:`apply_event` refuses anything
else with an :class:`~honestcs.IllegalTransitionError` naming both states, and
:func:`replay` folds a whole history into the current record.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final

from honestcs.exceptions import (
    IllegalTransitionError,
    PromiseNotFoundError,
    StaleEventError,
    StoreError,
)
from honestcs.promises.model import (
    EventKind,
    PromiseEvent,
    PromiseRecord,
    PromiseStatus,
    _from_iso,
)

__all__ = ["TRANSITIONS", "apply_event", "fold_histories", "replay"]


#: The legal moves: for each state, the events it accepts and the state each leads to.
#: A state with no entries is final. Nothing else in the ledger decides what is legal.
TRANSITIONS: Final[Mapping[PromiseStatus, Mapping[EventKind, PromiseStatus]]] = MappingProxyType(
    {
        PromiseStatus.OPEN: MappingProxyType(
            {
                EventKind.KEPT: PromiseStatus.KEPT,
                EventKind.BROKEN: PromiseStatus.BROKEN,
                EventKind.CANCELLED: PromiseStatus.CANCELLED,
                # An honest renegotiation: still open, with a new due time on the record.
                EventKind.RESCHEDULED: PromiseStatus.OPEN,
            }
        ),
        PromiseStatus.KEPT: MappingProxyType({}),
        PromiseStatus.BROKEN: MappingProxyType({}),
        PromiseStatus.CANCELLED: MappingProxyType({}),
    }
)

# Where each event would lead, to name the target state of an illegal move.
_TARGET: Final[Mapping[EventKind, PromiseStatus]] = {
    kind: target for moves in TRANSITIONS.values() for kind, target in moves.items()
}

_VERB: Final[Mapping[EventKind, str]] = {
    EventKind.KEPT: "mark it kept",
    EventKind.BROKEN: "mark it broken",
    EventKind.CANCELLED: "cancel it",
    EventKind.RESCHEDULED: "reschedule it",
}


# ---------------------------------------------------------------------------
# The state machine


def _check_move(record: PromiseRecord, kind: EventKind) -> PromiseStatus:
    """The state ``kind`` leads ``record`` to, or an error naming both states."""
    target = TRANSITIONS[record.status].get(kind)
    if target is None:
        wanted = _TARGET[kind]
        raise IllegalTransitionError(
            f"cannot {_VERB[kind]}: promise {record.id} is {record.status.value}, "
            f"and {record.status.value} -> {wanted.value} is not a legal move"
        )
    return target


def apply_event(record: PromiseRecord | None, event: PromiseEvent) -> PromiseRecord:
    """One step of the fold: the state of a promise after ``event``.

    Args:
        record: The state before (None before the ``recorded`` event).
        event: The next event of that promise.

    Raises:
        IllegalTransitionError: The event is a move :data:`TRANSITIONS` forbids.
        PromiseNotFoundError: A change to a promise that was never recorded.
        StaleEventError: The event's ``seq`` is not the promise's next one.
        ValueError: The event is malformed (a second recording, bad data).
    """
    if event.kind is EventKind.RECORDED:
        return _recorded(record, event)
    if record is None:
        raise PromiseNotFoundError(f"no promise with id {event.promise_id!r}")
    return _moved(record, event)


def _recorded(record: PromiseRecord | None, event: PromiseEvent) -> PromiseRecord:
    """The first state of a promise, from its ``recorded`` event."""
    if record is not None:
        raise ValueError(f"promise {event.promise_id} is already recorded")
    if event.seq != 1:
        raise ValueError(f"the recording of {event.promise_id} must be event 1, not {event.seq}")
    data = event.data
    due = _from_iso(data.get("due"))
    missing = [key for key in ("customer", "agent", "text") if key not in data]
    if missing:
        raise ValueError(f"the recording of {event.promise_id} has no {missing[0]!r} in its data")
    return PromiseRecord(
        id=event.promise_id,
        status=PromiseStatus.OPEN,
        customer=data["customer"],
        agent=data["agent"],
        clause=data.get("clause"),
        text=data["text"],
        made_at=event.at,
        due=due,
        original_due=due,
        reason=event.reason,
        key=data.get("key"),
        meta=data.get("meta") or {},
        version=1,
        updated_at=event.at,
        department=data.get("department"),
    )


def _moved(record: PromiseRecord, event: PromiseEvent) -> PromiseRecord:
    """The state of a recorded promise after a move: kept, broken, cancelled or rescheduled."""
    if event.seq != record.version + 1:
        raise StaleEventError(
            f"event {event.seq} of promise {record.id} is stale: the promise is at "
            f"event {record.version} (another writer changed it)"
        )
    target = _check_move(record, event.kind)
    rescheduled = event.kind is EventKind.RESCHEDULED
    if rescheduled and not isinstance(event.data.get("due"), str):
        raise ValueError(
            f"event {event.seq} of {event.promise_id} reschedules it with no new 'due' time"
        )
    # Spelled out rather than attrs.evolve: this runs once per event (millions in a rebuild).
    return PromiseRecord(
        id=record.id,
        status=target,
        customer=record.customer,
        agent=record.agent,
        clause=record.clause,
        text=record.text,
        made_at=record.made_at,
        due=_from_iso(event.data["due"]) if rescheduled else record.due,
        original_due=record.original_due,
        closed_at=None if rescheduled else event.at,
        reason=event.reason,
        reschedules=record.reschedules + rescheduled,
        key=record.key,
        meta=record.meta,
        version=event.seq,
        updated_at=event.at,
        department=record.department,
    )


def replay(events: Iterable[PromiseEvent]) -> PromiseRecord:
    """The current state of a promise from its whole history, in order.

    Raises:
        ValueError: There are no events.
    """
    record: PromiseRecord | None = None
    for event in events:
        record = apply_event(record, event)
    if record is None:
        raise ValueError("a promise needs at least its recorded event")
    return record


def fold_histories(
    events: Iterable[PromiseEvent], where: str
) -> Iterator[PromiseEvent | PromiseRecord]:
    """Each event of whole histories in turn, and each promise's record once its history ends.

    The events come grouped by promise, each history in order from its first event; a store
    importing them writes the events as they come and each record as it is finished.

    Args:
        events: The histories, one after the other.
        where: The store, for the error message.

    Raises:
        StoreError: An event does not follow its promise's earlier events.
        IllegalTransitionError: A history makes an illegal move.
    """
    record: PromiseRecord | None = None
    for event in events:
        if event.seq == 1:
            if record is not None:
                yield record
            record = None
        elif record is None or record.id != event.promise_id:
            raise StoreError(
                f"{where}: cannot import promises: event {event.seq} of "
                f"{event.promise_id} does not follow its promise's earlier events"
            )
        record = apply_event(record, event)
        yield event
    if record is not None:
        yield record
