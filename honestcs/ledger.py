"""The promise ledger: every commitment a reply makes, tracked until it is kept or broken.

The ledger is a state machine over an event log. A promise is recorded
*open*; from there it can be *kept*, *broken* or *cancelled*, or
*rescheduled* (it stays open with a new due time, and the new time, the old
one and the reason are on the record). Those moves, and only those, are in
:data:`TRANSITIONS`; anything else raises :class:`~honestcs.IllegalTransitionError`
naming both states.

Every change is a :class:`PromiseEvent` appended to the log and never edited.
The current state of a promise, a :class:`PromiseRecord`, is derived from its
events by :func:`replay` (one step is :func:`apply_event`); stores may keep
that projection for fast queries, but it can always be rebuilt from the log.

The ledger does no I/O of its own: storage is an injected
:class:`~honestcs.stores.PromiseStore` and time an injected clock, so every
method that needs "now" also accepts an explicit time.
"""

from __future__ import annotations

import enum
import json
import os
import random
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import MappingProxyType, TracebackType
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from honestcs.exceptions import (
    IllegalTransitionError,
    PromiseNotFoundError,
    StoreError,
)

if TYPE_CHECKING:
    from honestcs.report import Promise, Report
    from honestcs.stores.base import PromiseStore

__all__ = [
    "MAX_LIMIT",
    "TRANSITIONS",
    "EventKind",
    "LedgerStats",
    "PromiseEvent",
    "PromiseLedger",
    "PromiseQuery",
    "PromiseRecord",
    "PromiseStatus",
    "Recorded",
    "StaleEventError",
    "StatsRow",
    "apply_event",
    "aware_utc",
    "new_promise_id",
    "replay",
    "tally",
]


class PromiseStatus(enum.Enum):
    """Where a promise stands. Only an open promise can still change."""

    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"


class EventKind(enum.Enum):
    """What happened to a promise: the "what" of a :class:`PromiseEvent`."""

    RECORDED = "recorded"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


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


class StaleEventError(StoreError):
    """An event was built on an outdated version of its promise.

    Stores raise it when an event's ``seq`` is not the promise's next one:
    another writer changed the promise first. The ledger re-reads the promise,
    checks the move again and retries.
    """


def aware_utc(value: datetime, name: str) -> datetime:
    """``value`` converted to UTC, refusing a naive datetime.

    Args:
        value: The datetime to check.
        name: The argument's name, for the error message.

    Raises:
        ValueError: ``value`` has no time zone, or no time in UTC (it lies in the first
            or the last hours that a datetime holds).
        TypeError: ``value`` is not a datetime.
    """
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(
            f"{name} must be timezone-aware; got the naive datetime {value.isoformat()} "
            "(give it a tzinfo, such as datetime.UTC)"
        )
    try:
        return value.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+14:00 is in year 0 in UTC
        raise ValueError(
            f"{name} ({value.isoformat()}) has no time in UTC: it lies at the very start or "
            "end of the years a datetime holds"
        ) from None


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 time, got {value!r}")
    return aware_utc(datetime.fromisoformat(value), "time")


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """A read-only view, so a record's mapping cannot change behind the store's back."""
    if value is None:
        return MappingProxyType({})
    if isinstance(value, MappingProxyType):
        return value
    return MappingProxyType(dict(value))


def _json_normal(value: Mapping[str, Any] | None, name: str) -> dict[str, Any]:
    """``value`` as it will read back from any store (JSON types only)."""
    if value is None:
        return {}
    try:
        normal: dict[str, Any] = json.loads(json.dumps(dict(value), allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must hold only JSON values: {exc}") from None
    return normal


def _text(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-blank string, got {value!r}")
    return value


# ---------------------------------------------------------------------------
# Identifiers


_CROCKFORD: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Every two-character base-32 string, indexed by its 10-bit value: nine look-ups make an id.
_PAIRS: Final = tuple(high + low for high in _CROCKFORD for low in _CROCKFORD)
_RANDOM_BITS: Final = 40
_id_lock = threading.Lock()
_last_id: list[int] = [0, 0]  # [milliseconds, random] of the last id made in this process
# Ids need to be unique, not secret: a PRNG seeded from the OS is enough, and fast.
_id_random = random.Random(os.urandom(16))


def _after_fork() -> None:
    """A forked child must not continue its parent's sequence of ids."""
    _id_random.seed(os.urandom(16))
    _last_id[:] = [0, 0]


if hasattr(os, "register_at_fork"):  # pragma: no branch - absent only on Windows
    os.register_at_fork(after_in_child=_after_fork)


def new_promise_id() -> str:
    """A new promise id such as ``"P-1M84GCGVW0NGR3P0W"``: short, unique and sortable.

    The first nine characters are the wall-clock milliseconds and the last eight
    are random (Crockford base 32, like a ULID), so ids sort by creation time
    across processes, and ids made in the same millisecond by one process still
    sort in the order they were made (the random part counts up).
    """
    millis = time.time_ns() // 1_000_000
    with _id_lock:
        last_millis, last_random = _last_id
        if millis <= last_millis:
            millis, rand = last_millis, last_random + 1
            if rand >> _RANDOM_BITS:
                millis, rand = millis + 1, _id_random.getrandbits(_RANDOM_BITS - 1)
        else:
            rand = _id_random.getrandbits(_RANDOM_BITS - 1)  # leaves room to count up
        _last_id[:] = [millis, rand]
    low, p = millis & 0xFF_FFFF_FFFF, _PAIRS
    return (
        f"P-{_CROCKFORD[(millis >> 40) & 31]}"
        f"{p[low >> 30]}{p[(low >> 20) & 1023]}{p[(low >> 10) & 1023]}{p[low & 1023]}"
        f"{p[rand >> 30]}{p[(rand >> 20) & 1023]}{p[(rand >> 10) & 1023]}{p[rand & 1023]}"
    )


# ---------------------------------------------------------------------------
# Values


@attrs.frozen
class PromiseEvent:
    """One change to one promise, as appended to the log: when, who, what and why.

    Attributes:
        promise_id: The promise it changed.
        seq: Its position in that promise's history, from 1 (the recording).
        at: When it happened (UTC), as stated by whoever reported it.
        kind: What happened.
        actor: Who did it or reported it, when known.
        reason: Why, when given (always given for broken, cancelled, rescheduled).
        data: The details: the whole promise for ``recorded``; ``due`` and
            ``previous_due`` (ISO 8601) for ``rescheduled``; empty otherwise.
        recorded_at: When the ledger wrote it down (UTC); differs from ``at``
            when a change is reported after the fact.
    """

    promise_id: str
    seq: int
    at: datetime
    kind: EventKind
    actor: str | None = None
    reason: str | None = None
    data: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping, hash=False)
    recorded_at: datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PromiseEvent:
        """The event :meth:`to_dict` gave (as ``honestcs promises export --events`` writes it).

        Raises:
            ValueError: A key is missing, unknown or of the wrong type; the message names it.
        """
        unknown = sorted(set(data) - _EVENT_KEYS)
        if unknown:
            raise ValueError(
                f"unknown key {unknown[0]!r} (an event has {', '.join(_EVENT_KEYS_SHOWN)})"
            )
        missing = [key for key in ("promise_id", "seq", "at", "kind") if key not in data]
        if missing:
            raise ValueError(f"missing {missing[0]!r}")
        promise_id, seq, kind = data["promise_id"], data["seq"], data["kind"]
        if not isinstance(promise_id, str) or not promise_id:
            raise ValueError(f"promise_id must be a non-empty string, not {promise_id!r}")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError(f"seq must be a whole number from 1, not {seq!r}")
        try:
            event_kind = EventKind(kind)
        except ValueError:
            kinds = ", ".join(k.value for k in EventKind)
            raise ValueError(f"kind must be one of {kinds}, not {kind!r}") from None
        for key in ("actor", "reason"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ValueError(f"{key} must be a string or null, not {data[key]!r}")
        details = data.get("data", {})
        if not isinstance(details, dict):
            raise ValueError(f"data must be an object, not {details!r}")
        times: dict[str, datetime | None] = {}
        for key in ("at", "recorded_at"):
            try:
                times[key] = _from_iso(data.get(key))
            except ValueError as exc:
                raise ValueError(f"{key}: {exc}") from None
        at = times["at"]
        if at is None:
            raise ValueError("at must be an ISO 8601 time, not null")
        return cls(
            promise_id=promise_id,
            seq=seq,
            at=at,
            kind=event_kind,
            actor=data.get("actor"),
            reason=data.get("reason"),
            data=details,
            recorded_at=times["recorded_at"],
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; times are ISO 8601 in UTC."""
        return {
            "promise_id": self.promise_id,
            "seq": self.seq,
            "at": self.at.isoformat(),
            "kind": self.kind.value,
            "actor": self.actor,
            "reason": self.reason,
            "data": dict(self.data),
            "recorded_at": _iso(self.recorded_at),
        }


_EVENT_KEYS_SHOWN: Final = (
    "promise_id", "seq", "at", "kind", "actor", "reason", "data", "recorded_at",
)  # fmt: skip
_EVENT_KEYS: Final = frozenset(_EVENT_KEYS_SHOWN)


@attrs.frozen
class PromiseRecord:
    """The current state of one promise, derived from its events.

    Attributes:
        id: The promise id.
        status: Where it stands.
        customer: Who it was made to.
        agent: Who made it (a person or a bot).
        clause: The policy clause it is about, when one matched.
        text: The words that made it.
        made_at: When it was made (UTC).
        due: When it must be kept (UTC), after any reschedule; None if open-ended.
        original_due: The due time it was first made with.
        closed_at: When it was kept, broken or cancelled; None while open.
        reason: The reason given with the latest change, if any.
        reschedules: How many times it was rescheduled.
        key: The idempotency key it was recorded with, if any.
        meta: Free-form JSON details given when recording.
        version: The ``seq`` of its latest event.
        updated_at: When its latest event happened.
        department: The department that owns its clause (from the promise's
            ``department``), when the policy declares one.
    """

    id: str
    status: PromiseStatus
    customer: str
    agent: str
    clause: str | None
    text: str
    made_at: datetime
    due: datetime | None
    original_due: datetime | None = None
    closed_at: datetime | None = None
    reason: str | None = None
    reschedules: int = 0
    key: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping, hash=False)
    version: int = 1
    updated_at: datetime | None = None
    department: str | None = None

    @property
    def is_open(self) -> bool:
        """Whether it can still be kept, broken, cancelled or rescheduled."""
        return self.status is PromiseStatus.OPEN

    def is_overdue(self, now: datetime) -> bool:
        """Whether it is open and its due time is before ``now``."""
        return self.is_open and self.due is not None and self.due < aware_utc(now, "now")

    @property
    def lateness(self) -> timedelta | None:
        """How long after its due time it was kept (negative when early); None if not kept."""
        if self.status is not PromiseStatus.KEPT or self.due is None or self.closed_at is None:
            return None
        return self.closed_at - self.due

    @property
    def kept_on_time(self) -> bool:
        """Whether it was kept no later than its due time (a promise with no due time counts)."""
        lateness = self.lateness
        return self.status is PromiseStatus.KEPT and (lateness is None or lateness <= _ZERO)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; times are ISO 8601 in UTC."""
        return {
            "id": self.id,
            "status": self.status.value,
            "customer": self.customer,
            "agent": self.agent,
            "clause": self.clause,
            "text": self.text,
            "made_at": self.made_at.isoformat(),
            "due": _iso(self.due),
            "original_due": _iso(self.original_due),
            "closed_at": _iso(self.closed_at),
            "reason": self.reason,
            "reschedules": self.reschedules,
            "key": self.key,
            "meta": dict(self.meta),
            "version": self.version,
            "updated_at": _iso(self.updated_at),
            "department": self.department,
        }


_ZERO: Final = timedelta(0)
_LAST_INSTANT: Final = datetime.max.replace(tzinfo=UTC)


#: The most promises a query may ask for: the largest integer SQLite and PostgreSQL hold.
MAX_LIMIT: Final = 2**63 - 1


def _valid_limit(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_LIMIT:
        raise ValueError(f"limit must be a whole number from 0 to {MAX_LIMIT:,}, not {value!r}")


@attrs.frozen
class PromiseQuery:
    """Which promises to return, and in what order. Every criterion given must hold.

    Attributes:
        status: Only promises in this state.
        customer: Only promises made to this customer.
        agent: Only promises made by this agent.
        clause: Only promises about this policy clause.
        due_from: Only promises due at or after this time (UTC).
        due_before: Only promises due strictly before this time (UTC).
        made_since: Only promises made at or after this time (UTC).
        made_until: Only promises made strictly before this time (UTC).
        order: ``"made"`` (by made_at, then id) or ``"due"`` (soonest first,
            promises without a due time last, then id).
        limit: At most this many, from 0 to :data:`MAX_LIMIT`.

    Raises:
        ValueError: ``limit`` is not a whole number in that range.
    """

    status: PromiseStatus | None = None
    customer: str | None = None
    agent: str | None = None
    clause: str | None = None
    due_from: datetime | None = None
    due_before: datetime | None = None
    made_since: datetime | None = None
    made_until: datetime | None = None
    order: Literal["made", "due"] = "made"
    limit: int | None = attrs.field(default=None, validator=_valid_limit)

    def matches(self, record: PromiseRecord) -> bool:
        """Whether ``record`` meets every criterion (the reference for every store)."""
        if self.status is not None and record.status is not self.status:
            return False
        if self.customer is not None and record.customer != self.customer:
            return False
        if self.agent is not None and record.agent != self.agent:
            return False
        if self.clause is not None and record.clause != self.clause:
            return False
        if self.due_from is not None or self.due_before is not None:
            if record.due is None:
                return False
            if self.due_from is not None and record.due < self.due_from:
                return False
            if self.due_before is not None and record.due >= self.due_before:
                return False
        if self.made_since is not None and record.made_at < self.made_since:
            return False
        return self.made_until is None or record.made_at < self.made_until

    def sort_key(self, record: PromiseRecord) -> tuple[Any, ...]:
        """The key that puts records in this query's order."""
        if self.order == "due":
            return (record.due is None, record.due or record.made_at, record.id)
        return (record.made_at, record.id)


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
        if record is not None:
            raise ValueError(f"promise {event.promise_id} is already recorded")
        if event.seq != 1:
            raise ValueError(
                f"the recording of {event.promise_id} must be event 1, not {event.seq}"
            )
        data = event.data
        due = _from_iso(data.get("due"))
        missing = [key for key in ("customer", "agent", "text") if key not in data]
        if missing:
            raise ValueError(
                f"the recording of {event.promise_id} has no {missing[0]!r} in its data"
            )
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
    if record is None:
        raise PromiseNotFoundError(f"no promise with id {event.promise_id!r}")
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
