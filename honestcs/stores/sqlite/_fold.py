"""Events applied to their records before a store writes them: one reading for both stores.

A batch of events is folded in order. Each event changes the record as the batch left it,
or as it is stored, and a recorded event whose key is already stored (or recorded earlier
in the batch) gives back that promise and records nothing. The stores differ only in how
they look a record up and in how they write the result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import attrs

from honestcs.exceptions import PromiseNotFoundError, StoreError
from honestcs.promises.model import EventKind, PromiseEvent, PromiseRecord
from honestcs.promises.transitions import apply_event
from honestcs.stores.sqlite._schema import _TOTAL_COLUMNS
from honestcs.stores.sqlite._stats import _count

__all__ = ["FoldedEvents", "fold_events", "total_deltas"]


@attrs.define
class FoldedEvents:
    """A batch of events applied to their records, before anything is written.

    Attributes:
        pending: Each promise's record after the batch, by id.
        before: Each promise's record as stored before the batch (None when new), by id.
        applied: The events that change something, in order (to insert as events).
        out: The record after each event (or the stored one, for a key seen before).
    """

    pending: dict[str, PromiseRecord] = attrs.field(factory=dict)
    before: dict[str, PromiseRecord | None] = attrs.field(factory=dict)
    applied: list[PromiseEvent] = attrs.field(factory=list)
    out: list[PromiseRecord] = attrs.field(factory=list)


def fold_events(
    events: Sequence[PromiseEvent],
    *,
    stored_by_id: Callable[[str], PromiseRecord | None],
    stored_by_key: Callable[[str], PromiseRecord | None],
) -> FoldedEvents:
    """Apply ``events`` in order to their records.

    Args:
        events: The batch, in the order it happened.
        stored_by_id: The stored record of a promise id, or None.
        stored_by_key: The stored record recorded under a key, or None.

    Raises:
        StoreError: A promise is recorded twice under one id in the batch.
        PromiseNotFoundError: An event changes a promise that is not stored.
    """
    folded = FoldedEvents()
    pending, before = folded.pending, folded.before
    keys: dict[str, str] = {}
    for event in events:
        pid = event.promise_id
        current: PromiseRecord | None
        if event.kind is EventKind.RECORDED:
            key = event.data.get("key")
            if key is not None:
                existing = pending[keys[key]] if key in keys else stored_by_key(key)
                if existing is not None:
                    folded.out.append(existing)
                    continue
            if pid in pending:
                raise StoreError(f"a promise with id {pid} is already stored")
            current = None
        else:
            current = pending.get(pid)
            if current is None:
                current = stored_by_id(pid)
                if current is None:
                    raise PromiseNotFoundError(f"no promise with id {pid!r}")
                before[pid] = current
        record = apply_event(current, event)
        if current is None:
            before[pid] = None
            if record.key is not None:
                keys[record.key] = pid
        pending[pid] = record
        folded.applied.append(event)
        folded.out.append(record)
    return folded


def total_deltas(
    pending: Mapping[str, PromiseRecord], before: Mapping[str, PromiseRecord | None]
) -> dict[tuple[str, str], list[int]]:
    """How a batch moves each agent's and clause's totals: the new counted in, the old out."""
    deltas: dict[tuple[str, str], list[int]] = {}
    width = len(_TOTAL_COLUMNS)
    for pid, record in pending.items():
        row = deltas.get((record.agent, record.clause or ""))
        if row is None:
            row = deltas[(record.agent, record.clause or "")] = [0] * width
        _count(row, record, 1)
        old = before[pid]
        if old is not None:
            _count(row, old, -1)
    return deltas
