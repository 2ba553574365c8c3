"""The :class:`PromiseStore` protocol: what the ledger needs from storage.

A store keeps two things: the append-only log of :class:`~honestcs.promises.model.PromiseEvent`
and, derived from it, the current :class:`~honestcs.promises.model.PromiseRecord` of each
promise. It never decides what is legal: it folds each event with
:func:`~honestcs.promises.transitions.apply_event` (which refuses illegal moves) and writes
the event and the new record in one transaction.

Every store must pass the same contract suite (``tests/test_stores_contract.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from honestcs.exceptions import StaleEventError
from honestcs.promises.model import (
    PromiseEvent,
    PromiseQuery,
    PromiseRecord,
    PromiseStatus,
)
from honestcs.promises.stats import LedgerStats

__all__ = ["PromiseStore", "StaleEventError"]


@runtime_checkable
class PromiseStore(Protocol):
    """Where a :class:`~honestcs.PromiseLedger` keeps promises and their events."""

    def append(self, events: Sequence[PromiseEvent]) -> list[PromiseRecord]:
        """Append events and update the records they change, all in one transaction.

        A ``recorded`` event (seq 1) adds a promise, unless its ``data["key"]`` is
        the key of a promise already stored: then nothing is written for it and
        that promise's record is returned. Any other event must carry the
        promise's next ``seq``. Either every event is stored or none is.

        Returns:
            The record of each event's promise after it, in order.

        Raises:
            PromiseNotFoundError: A change to a promise that does not exist.
            IllegalTransitionError: A move the state table forbids.
            StaleEventError: An event's ``seq`` is not its promise's next one.
            StoreError: The store cannot be written (read-only, full, corrupt…).
        """
        ...

    def get(self, promise_id: str) -> PromiseRecord:
        """The current record of one promise.

        Raises:
            PromiseNotFoundError: No promise has that id.
        """
        ...

    def history(self, promise_id: str) -> list[PromiseEvent]:
        """The events of one promise, oldest first.

        Raises:
            PromiseNotFoundError: No promise has that id.
        """
        ...

    def find(self, query: PromiseQuery) -> list[PromiseRecord]:
        """The records :meth:`PromiseQuery.matches`, in the query's order, up to its limit."""
        ...

    def counts(self) -> Mapping[PromiseStatus, int]:
        """How many promises are in each state (states with none may be left out)."""
        ...

    def stats(
        self, *, since: datetime | None, until: datetime | None, now: datetime
    ) -> LedgerStats:
        """Statistics of the promises made in ``[since, until)``.

        Must equal :func:`honestcs.promises.stats.tally` over those promises; a store
        may compute it any faster way.
        """
        ...

    def iter_events(self) -> Iterator[PromiseEvent]:
        """Every event of every promise, grouped by promise in id order, each in seq order."""
        ...

    def close(self) -> None:
        """Release the store's resources; it is not used afterwards."""
        ...
