"""A store that keeps everything in memory: for tests, examples and short-lived processes."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime

import attrs

from honestcs.exceptions import PromiseNotFoundError, StoreError
from honestcs.promises.model import (
    EventKind,
    PromiseEvent,
    PromiseQuery,
    PromiseRecord,
    PromiseStatus,
)
from honestcs.promises.stats import LedgerStats, tally
from honestcs.promises.transitions import apply_event, replay

__all__ = ["MemoryStore"]


@attrs.define(repr=False)
class MemoryStore:
    """A :class:`~honestcs.stores.PromiseStore` held in a few dicts, safe across threads.

    It is also the test double for code that uses a ledger: it behaves exactly
    like :class:`~honestcs.SQLiteStore` (one contract suite runs against both),
    but nothing survives the process.
    """

    _records: dict[str, PromiseRecord] = attrs.field(factory=dict, init=False)
    _events: dict[str, list[PromiseEvent]] = attrs.field(factory=dict, init=False)
    _keys: dict[str, str] = attrs.field(factory=dict, init=False)
    _lock: threading.RLock = attrs.field(factory=threading.RLock, init=False)

    def __repr__(self) -> str:
        return f"<MemoryStore promises={len(self._records)}>"

    def append(self, events: Sequence[PromiseEvent]) -> list[PromiseRecord]:
        """Append events and update their records, all or nothing; see :class:`PromiseStore`."""
        with self._lock:
            records: dict[str, PromiseRecord] = {}
            keys: dict[str, str] = {}
            new_events: dict[str, list[PromiseEvent]] = {}
            out: list[PromiseRecord] = []
            for event in events:
                pid = event.promise_id
                if event.kind is EventKind.RECORDED:
                    key = event.data.get("key")
                    if key is not None:
                        existing = keys.get(key) or self._keys.get(key)
                        if existing is not None:
                            out.append(records.get(existing) or self._records[existing])
                            continue
                    if pid in self._records or pid in records:
                        raise StoreError(f"a promise with id {pid} is already stored")
                    current = None
                else:
                    current = records.get(pid) or self._records.get(pid)
                    if current is None:
                        raise PromiseNotFoundError(f"no promise with id {pid!r}")
                record = apply_event(current, event)
                records[pid] = record
                if record.key is not None and current is None:
                    keys[record.key] = pid
                new_events.setdefault(pid, []).append(event)
                out.append(record)
            # Nothing above changed the store, so a failure part-way left it as it was.
            self._records.update(records)
            self._keys.update(keys)
            for pid, added in new_events.items():
                self._events.setdefault(pid, []).extend(added)
            return out

    def get(self, promise_id: str) -> PromiseRecord:
        """The current record of one promise; see :class:`PromiseStore`."""
        with self._lock:
            try:
                return self._records[promise_id]
            except KeyError:
                raise PromiseNotFoundError(f"no promise with id {promise_id!r}") from None

    def history(self, promise_id: str) -> list[PromiseEvent]:
        """The events of one promise, oldest first; see :class:`PromiseStore`."""
        with self._lock:
            try:
                return list(self._events[promise_id])
            except KeyError:
                raise PromiseNotFoundError(f"no promise with id {promise_id!r}") from None

    def find(self, query: PromiseQuery) -> list[PromiseRecord]:
        """The matching records in the query's order; see :class:`PromiseStore`."""
        with self._lock:
            found = [record for record in self._records.values() if query.matches(record)]
        found.sort(key=query.sort_key)
        return found if query.limit is None else found[: query.limit]

    def counts(self) -> Mapping[PromiseStatus, int]:
        """How many promises are in each state."""
        counts = dict.fromkeys(PromiseStatus, 0)
        with self._lock:
            for record in self._records.values():
                counts[record.status] += 1
        return counts

    def stats(
        self, *, since: datetime | None, until: datetime | None, now: datetime
    ) -> LedgerStats:
        """Statistics of the promises made in ``[since, until)``, by ``ledger.tally``."""
        query = PromiseQuery(made_since=since, made_until=until)
        with self._lock:
            chosen = [record for record in self._records.values() if query.matches(record)]
        return tally(chosen, now=now, since=since, until=until)

    def iter_events(self) -> Iterator[PromiseEvent]:
        """Every event, grouped by promise in id order, each promise's in seq order."""
        with self._lock:
            snapshot = [list(self._events[pid]) for pid in sorted(self._events)]
        for events in snapshot:
            yield from events

    def import_events(self, events: Iterable[PromiseEvent]) -> int:
        """Load whole histories of promises new to this store, all or nothing.

        The same contract as :meth:`SQLiteStore.import_events
        <honestcs.stores.sqlite.SQLiteStore.import_events>`.

        Returns:
            How many promises were imported.
        """
        histories: dict[str, list[PromiseEvent]] = {}
        records: dict[str, PromiseRecord] = {}
        keys: dict[str, str] = {}
        record: PromiseRecord | None = None
        with self._lock:
            for event in events:
                pid = event.promise_id
                if event.seq == 1:
                    record = None
                    if pid in self._records or pid in records:
                        raise StoreError(f"cannot import promises: {pid} is already stored")
                elif record is None or record.id != pid:
                    raise StoreError(
                        f"cannot import promises: event {event.seq} of {pid} does not "
                        "follow its promise's earlier events"
                    )
                record = apply_event(record, event)
                if event.seq == 1 and record.key is not None:
                    if record.key in self._keys or record.key in keys:
                        raise StoreError(
                            f"cannot import promises: key {record.key!r} is already stored"
                        )
                    keys[record.key] = pid
                records[pid] = record
                histories.setdefault(pid, []).append(event)
            self._records.update(records)
            self._events.update(histories)
            self._keys.update(keys)
        return len(records)

    def rebuild(self) -> int:
        """Recompute every record from its events; returns how many promises there are."""
        with self._lock:
            self._records = {pid: replay(events) for pid, events in self._events.items()}
            self._keys = {
                record.key: pid for pid, record in self._records.items() if record.key is not None
            }
            return len(self._records)

    def close(self) -> None:
        """Nothing to release; the data stays readable until the store is dropped."""
