"""The promise model: statuses, event kinds, events, records and queries.

A :class:`PromiseEvent` is one change to one promise, appended to the log and
never edited; a :class:`PromiseRecord` is the current state of a promise,
derived from its events; a :class:`PromiseQuery` says which records to read.
These are plain values: the stores keep them, and nothing here does I/O.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any, Final, Literal

import attrs

__all__ = [
    "MAX_LIMIT",
    "EventKind",
    "PromiseEvent",
    "PromiseQuery",
    "PromiseRecord",
    "PromiseStatus",
    "aware_utc",
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
