# Over 500 lines: one class, PromiseLedger, whose methods are each part of its public API.
"""The promise ledger: a state machine over an injected store and clock.

The ledger does no I/O of its own: storage is an injected
:class:`~honestcs.stores.PromiseStore` and time an injected clock, so every
method that needs "now" also accepts an explicit time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final

import attrs

from honestcs.exceptions import StaleEventError, StoreError
from honestcs.promises.ids import new_promise_id
from honestcs.promises.model import (
    _LAST_INSTANT,
    _ZERO,
    EventKind,
    PromiseEvent,
    PromiseQuery,
    PromiseRecord,
    PromiseStatus,
    _iso,
    _json_normal,
    _text,
    aware_utc,
)
from honestcs.promises.stats import LedgerStats
from honestcs.promises.transitions import _check_move

if TYPE_CHECKING:
    from honestcs.report import Promise, Report
    from honestcs.stores.base import PromiseStore

__all__ = ["PromiseLedger", "Recorded"]


# ---------------------------------------------------------------------------
# The ledger


@attrs.frozen
class Recorded:
    """What :meth:`PromiseLedger.record_keyed` did with one promise.

    Attributes:
        record: The promise's record: the one just made, or the one its key was
            first recorded with.
        created: True when this call recorded it; False when its key was already
            in the ledger, and nothing was written.
    """

    record: PromiseRecord
    created: bool


def _utc_now() -> datetime:
    return datetime.now(UTC)


#: How many times a change is retried when another writer changed the promise first.
_RETRIES: Final = 8


@attrs.define(repr=False)
class PromiseLedger:
    """Every promise made to customers, tracked until it is kept, broken or cancelled.

    Args:
        store: Where promises and their events live (``MemoryStore()``,
            ``SQLiteStore(path)``, or any :class:`~honestcs.stores.PromiseStore`).
        clock: Returns the current aware time; used only when a method is not
            given an explicit time. Defaults to the system clock in UTC.
        new_id: Makes a new promise id; defaults to :func:`new_promise_id`.

    Example:
        >>> from datetime import datetime, UTC
        >>> from honestcs import MemoryStore, Promise, PromiseLedger
        >>> ledger = PromiseLedger(MemoryStore())
        >>> now = datetime(2026, 12, 1, 9, tzinfo=UTC)
        >>> rec = ledger.record(Promise("We'll refund you by Friday.", 0, 27, clause="refund",
        ...                     due=datetime(2026, 12, 4, 17, tzinfo=UTC)),
        ...                     customer="C-1042", agent="alex", made_at=now)
        >>> ledger.mark_kept(rec.id, at=datetime(2026, 12, 3, tzinfo=UTC)).status.value
        'kept'
    """

    store: PromiseStore
    clock: Callable[[], datetime] = attrs.field(default=_utc_now, kw_only=True)
    new_id: Callable[[], str] = attrs.field(default=new_promise_id, kw_only=True)

    def __repr__(self) -> str:
        try:
            counts = self.store.counts()
        except StoreError:
            return f"<PromiseLedger {self.store!r}>"
        shown = " ".join(f"{status.value}={counts.get(status, 0)}" for status in PromiseStatus)
        return f"<PromiseLedger {shown}>"

    def __enter__(self) -> PromiseLedger:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the store."""
        self.store.close()

    def _now(self, at: datetime | None, name: str) -> datetime:
        return aware_utc(self.clock() if at is None else at, "clock()" if at is None else name)

    # -- recording ----------------------------------------------------------

    def _recording(
        self,
        promise: Promise,
        *,
        customer: str,
        agent: str,
        made_at: datetime,
        key: str | None,
        meta: Mapping[str, Any] | None,
        recorded_at: datetime,
    ) -> PromiseEvent:
        text = _text(promise.text, "promise.text")
        due = None if promise.due is None else aware_utc(promise.due, "promise.due")
        if key is not None:
            _text(key, "key")
        data = {
            "customer": _text(customer, "customer"),
            "agent": _text(agent, "agent"),
            "clause": promise.clause or None,
            "text": text,
            "due": _iso(due),
            "key": key,
            "meta": _json_normal(meta, "meta"),
        }
        if promise.department is not None:
            # Only when there is one: a recording without a department is as it always was.
            data["department"] = _text(promise.department, "promise.department")
        return PromiseEvent(
            promise_id=self.new_id(),
            seq=1,
            at=made_at,
            kind=EventKind.RECORDED,
            actor=agent,
            data=data,
            recorded_at=recorded_at,
        )

    def record(
        self,
        promise: Promise,
        *,
        customer: str,
        agent: str,
        made_at: datetime | None = None,
        key: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> PromiseRecord:
        """Record a promise made to a customer; it starts open.

        Args:
            promise: The commitment, usually from ``Report.promises``; its ``due``
                (if any) becomes the promise's due time.
            customer: Who it was made to.
            agent: Who made it.
            made_at: When it was made (aware); default the clock's now.
            key: An idempotency key: recording the same key again stores nothing
                and returns the first record (whatever the promise given), so a
                retried request never counts a promise twice.
            meta: Free-form details to keep with it (JSON values only).

        Raises:
            ValueError: A naive datetime, a blank customer, agent or text, or
                ``meta`` that is not JSON.
            StoreError: The store cannot be written.
        """
        now = self._now(None, "clock()")
        when = now if made_at is None else aware_utc(made_at, "made_at")
        event = self._recording(
            promise, customer=customer, agent=agent, made_at=when, key=key, meta=meta,
            recorded_at=now,
        )  # fmt: skip
        return self.store.append([event])[0]

    def record_many(
        self,
        promises: Iterable[Promise],
        *,
        customer: str,
        agent: str,
        made_at: datetime | None = None,
        key: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> list[PromiseRecord]:
        """Record several promises made together, in one write (all or none).

        Args:
            promises: The commitments, in order.
            customer: Who they were made to.
            agent: Who made them.
            made_at: When they were made (aware); default the clock's now.
            key: An idempotency key for the batch: the i-th promise gets the key
                ``f"{key}#{i}"``, so retrying the same batch records nothing new.
            meta: Free-form details kept with each of them.

        Returns:
            One record per promise, in order.
        """
        now = self._now(None, "clock()")
        when = now if made_at is None else aware_utc(made_at, "made_at")
        events = [
            self._recording(
                promise,
                customer=customer,
                agent=agent,
                made_at=when,
                key=None if key is None else f"{key}#{index}",
                meta=meta,
                recorded_at=now,
            )
            for index, promise in enumerate(promises)
        ]
        return self.store.append(events) if events else []

    def record_report(
        self,
        report: Report,
        *,
        customer: str,
        agent: str,
        made_at: datetime | None = None,
        key: str | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> list[PromiseRecord]:
        """Record every promise of a checked reply (``report.promises``) in one write.

        Args:
            report: What :meth:`honestcs.ReplyChecker.check` returned.
            customer: Who the reply went to.
            agent: Who wrote it.
            made_at: When it was sent (aware); default the clock's now.
            key: An idempotency key for the reply (for example the message id);
                see :meth:`record_many`.
            meta: Free-form details kept with each promise.

        Returns:
            One record per promise of the report, in reply order (empty when it has none).
        """
        return self.record_many(
            report.promises, customer=customer, agent=agent, made_at=made_at, key=key, meta=meta
        )

    def record_keyed(
        self,
        promises: Iterable[tuple[Promise, str]],
        *,
        customer: str,
        agent: str,
        made_at: datetime | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> list[Recorded]:
        """Record promises, each with its own idempotency key, in one write (all or none).

        A promise whose key is already in the ledger is not recorded again: its
        first record comes back with ``created`` False. So a batch job can be run
        again, after a crash or on purpose, and count every promise once, and can
        say which promises it recorded and which it skipped.

        Args:
            promises: Each commitment with its key, in order; keys must differ.
            customer: Who they were made to.
            agent: Who made them.
            made_at: When they were made (aware); default the clock's now.
            meta: Free-form details kept with each of them.

        Returns:
            One :class:`Recorded` per promise, in order.

        Raises:
            ValueError: A key is blank or given twice, or another argument is invalid
                (as for :meth:`record`).
            StoreError: The store cannot be written.
        """
        now = self._now(None, "clock()")
        when = now if made_at is None else aware_utc(made_at, "made_at")
        events: list[PromiseEvent] = []
        seen: set[str] = set()
        for promise, key in promises:
            if key in seen:
                raise ValueError(f"key {key!r} is given to two promises of one batch")
            seen.add(key)
            event = self._recording(
                promise, customer=customer, agent=agent, made_at=when, key=key, meta=meta,
                recorded_at=now,
            )  # fmt: skip
            events.append(event)
        records = self.store.append(events) if events else []
        return [
            Recorded(record, record.id == event.promise_id)
            for event, record in zip(events, records, strict=True)
        ]

    # -- changes ------------------------------------------------------------

    def _change(
        self,
        promise_id: str,
        kind: EventKind,
        *,
        at: datetime | None,
        by: str | None,
        reason: str | None,
        data: Callable[[PromiseRecord], Mapping[str, Any]] | None = None,
    ) -> PromiseRecord:
        now = self._now(None, "clock()")
        when = now if at is None else aware_utc(at, "at")
        for _ in range(_RETRIES):
            current = self.store.get(promise_id)
            _check_move(current, kind)
            if when < current.made_at:
                raise ValueError(
                    f"at ({when.isoformat()}) is before promise {promise_id} was made "
                    f"({current.made_at.isoformat()})"
                )
            event = PromiseEvent(
                promise_id=promise_id,
                seq=current.version + 1,
                at=when,
                kind=kind,
                actor=by,
                reason=reason,
                data={} if data is None else data(current),
                recorded_at=now,
            )
            try:
                return self.store.append([event])[0]
            except StaleEventError:
                continue
        raise StoreError(
            f"promise {promise_id} kept changing under this writer; gave up after {_RETRIES} tries"
        )

    def mark_kept(
        self, promise_id: str, *, at: datetime | None = None, by: str | None = None
    ) -> PromiseRecord:
        """Mark an open promise kept.

        Args:
            promise_id: The promise's id.
            at: When it was kept (aware); default the clock's now.
            by: Who kept it or reports it.

        Raises:
            PromiseNotFoundError: No promise has that id.
            IllegalTransitionError: It is not open (the message names both states).
            ValueError: ``at`` is naive or before the promise was made.
        """
        return self._change(promise_id, EventKind.KEPT, at=at, by=by, reason=None)

    def mark_broken(
        self,
        promise_id: str,
        *,
        reason: str,
        at: datetime | None = None,
        by: str | None = None,
    ) -> PromiseRecord:
        """Mark an open promise broken, saying why.

        Args:
            promise_id: The promise's id.
            reason: Why it was broken (required, non-blank).
            at: When it was broken (aware); default the clock's now.
            by: Who reports it.

        Raises:
            PromiseNotFoundError: No promise has that id.
            IllegalTransitionError: It is not open.
            ValueError: A blank reason, or ``at`` naive or before the promise was made.
        """
        reason = _text(reason, "reason")
        return self._change(promise_id, EventKind.BROKEN, at=at, by=by, reason=reason)

    def cancel(
        self,
        promise_id: str,
        *,
        reason: str,
        at: datetime | None = None,
        by: str | None = None,
    ) -> PromiseRecord:
        """Cancel an open promise (it no longer applies), saying why.

        Args:
            promise_id: The promise's id.
            reason: Why it was cancelled (required, non-blank).
            at: When (aware); default the clock's now.
            by: Who cancelled it.

        Raises:
            PromiseNotFoundError: No promise has that id.
            IllegalTransitionError: It is not open.
            ValueError: A blank reason, or ``at`` naive or before the promise was made.
        """
        reason = _text(reason, "reason")
        return self._change(promise_id, EventKind.CANCELLED, at=at, by=by, reason=reason)

    def reschedule(
        self,
        promise_id: str,
        new_due: datetime,
        *,
        reason: str,
        at: datetime | None = None,
        by: str | None = None,
    ) -> PromiseRecord:
        """Give an open promise a new due time, on the record: it stays open.

        The old and new due times and the reason are kept in its history, so a
        renegotiation is visible; there is no way to change a due time silently.

        Args:
            promise_id: The promise's id.
            new_due: The new due time (aware).
            reason: Why it moved (required, non-blank), such as "customer asked
                for delivery after the holidays".
            at: When it was agreed (aware); default the clock's now.
            by: Who agreed it.

        Raises:
            PromiseNotFoundError: No promise has that id.
            IllegalTransitionError: It is not open.
            ValueError: A blank reason, a naive time, or the due time it already has.
        """
        reason = _text(reason, "reason")
        due = aware_utc(new_due, "new_due")

        def data(current: PromiseRecord) -> Mapping[str, Any]:
            if current.due == due:
                raise ValueError(f"promise {promise_id} is already due {due.isoformat()}")
            return {"due": _iso(due), "previous_due": _iso(current.due)}

        return self._change(
            promise_id, EventKind.RESCHEDULED, at=at, by=by, reason=reason, data=data
        )

    # -- queries ------------------------------------------------------------

    def get(self, promise_id: str) -> PromiseRecord:
        """The current state of one promise.

        Raises:
            PromiseNotFoundError: No promise has that id.
        """
        return self.store.get(promise_id)

    def history(self, promise_id: str) -> list[PromiseEvent]:
        """Every event of one promise, oldest first (the first is its recording).

        Raises:
            PromiseNotFoundError: No promise has that id.
        """
        return self.store.history(promise_id)

    def find(
        self,
        *,
        status: PromiseStatus | None = None,
        customer: str | None = None,
        agent: str | None = None,
        clause: str | None = None,
        made_since: datetime | None = None,
        made_until: datetime | None = None,
        limit: int | None = None,
    ) -> list[PromiseRecord]:
        """Promises meeting every filter given, oldest first (by ``made_at``, then id)."""
        return self.store.find(
            PromiseQuery(
                status=status,
                customer=customer,
                agent=agent,
                clause=clause,
                made_since=None if made_since is None else aware_utc(made_since, "made_since"),
                made_until=None if made_until is None else aware_utc(made_until, "made_until"),
                limit=limit,
            )
        )

    def open(
        self,
        *,
        customer: str | None = None,
        agent: str | None = None,
        clause: str | None = None,
        limit: int | None = None,
    ) -> list[PromiseRecord]:
        """Open promises, soonest due first (those without a due time last).

        ``open(customer=c, clause=k)`` is what a checker asks before a reply:
        what has this customer already been promised about this clause?
        """
        return self.store.find(
            PromiseQuery(
                status=PromiseStatus.OPEN,
                customer=customer,
                agent=agent,
                clause=clause,
                order="due",
                limit=limit,
            )
        )

    def overdue(
        self,
        now: datetime | None = None,
        *,
        customer: str | None = None,
        agent: str | None = None,
        clause: str | None = None,
        limit: int | None = None,
    ) -> list[PromiseRecord]:
        """Open promises whose due time is before ``now``, most overdue first.

        Args:
            now: The time to judge against (aware); default the clock's now.
            customer: Only this customer's.
            agent: Only this agent's.
            clause: Only this clause's.
            limit: At most this many.
        """
        return self.store.find(
            PromiseQuery(
                status=PromiseStatus.OPEN,
                customer=customer,
                agent=agent,
                clause=clause,
                due_before=self._now(now, "now"),
                order="due",
                limit=limit,
            )
        )

    def due_soon(
        self,
        now: datetime | None = None,
        within: timedelta = timedelta(days=1),
        *,
        customer: str | None = None,
        agent: str | None = None,
        clause: str | None = None,
        limit: int | None = None,
    ) -> list[PromiseRecord]:
        """Open promises not yet overdue but due within ``within`` of ``now``, soonest first.

        Args:
            now: The time to judge against (aware); default the clock's now.
            within: How far ahead to look (positive).
            customer: Only this customer's.
            agent: Only this agent's.
            clause: Only this clause's.
            limit: At most this many.

        Raises:
            ValueError: ``within`` is not positive, or ``now`` is naive.
        """
        if within <= _ZERO:
            raise ValueError(f"within must be positive, got {within}")
        start = self._now(now, "now")
        try:
            end = start + within
        except OverflowError:  # past the year 9999: every promise due after now is due soon
            end = _LAST_INSTANT
        return self.store.find(
            PromiseQuery(
                status=PromiseStatus.OPEN,
                customer=customer,
                agent=agent,
                clause=clause,
                due_from=start,
                due_before=end,
                order="due",
                limit=limit,
            )
        )

    def counts(self) -> dict[PromiseStatus, int]:
        """How many promises are in each state."""
        counts = self.store.counts()
        return {status: counts.get(status, 0) for status in PromiseStatus}

    def stats(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        now: datetime | None = None,
    ) -> LedgerStats:
        """How promises fared: made, kept, kept on time, broken, cancelled, open, overdue.

        Args:
            since: Only promises made at or after this time (aware).
            until: Only promises made before this time (aware).
            now: The time overdue is judged against (aware); default the clock's now.

        Returns:
            Overall figures and the same per agent and per clause; see
            :class:`StatsRow` for what each figure counts.
        """
        start = None if since is None else aware_utc(since, "since")
        end = None if until is None else aware_utc(until, "until")
        if start is not None and end is not None and end < start:
            raise ValueError(f"until ({end.isoformat()}) is before since ({start.isoformat()})")
        return self.store.stats(since=start, until=end, now=self._now(now, "now"))
