"""The policy object model: what the business can do, cannot do, and will never do.

A policy is written once in TOML or JSON (see :func:`honestcs.load_policy`)
and becomes a tree of frozen values. ``Policy.from_dict`` validates strictly
and reports every problem at once; ``Policy.to_dict`` gives a mapping that
``from_dict`` turns back into an equal policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

import attrs

from honestcs.calendar import BusinessCalendar
from honestcs.quantities import Duration, Limit, Money
from honestcs.report import Severity

__all__ = ["Can", "Cannot", "Clause", "Honesty", "Policy", "Prohibited"]


@attrs.frozen
class Can:
    """Something the business does, with its real limit.

    At most one of ``takes``, ``within``, ``up_to`` and ``costs`` is set.

    Attributes:
        id: Unique id of the clause, such as "refund".
        does: What the business does, in words.
        terms: Words and phrases that show a reply is about this clause.
        takes: How long it really takes; promise nothing faster than its upper bound.
        within: A window the customer has; state it exactly.
        up_to: The most that may be given: money, a percentage or a count.
        costs: A fixed price or fee; state it exactly.
        needs: A condition, in words, such as "manager approval above 10%".
    """

    id: str
    does: str
    terms: tuple[str, ...]
    takes: Duration | None = None
    within: Duration | None = None
    up_to: Limit | None = None
    costs: Money | None = None
    needs: str | None = None


@attrs.frozen
class Cannot:
    """Something the business cannot do, and why.

    Attributes:
        id: Unique id of the clause.
        terms: Words and phrases that show a reply is about this clause.
        because: Why it cannot be done, as a reply would say it.
        instead: An honest alternative to offer, when there is one.
    """

    id: str
    terms: tuple[str, ...]
    because: str | None = None
    instead: str | None = None


@attrs.frozen
class Prohibited:
    """Something that is wrong to do even when a customer asks.

    Attributes:
        id: Unique id of the clause.
        terms: Words and phrases that show a reply is about this clause.
        because: Why it is wrong.
    """

    id: str
    terms: tuple[str, ...]
    because: str | None = None


Clause: TypeAlias = Can | Cannot | Prohibited
"""Any clause of a policy."""


@attrs.frozen
class Honesty:
    """Tuning of the checker (the ``[honesty]`` table).

    Attributes:
        guarantee_terms: Extra words that make an absolute guarantee ("ironclad").
        allow: Phrases never flagged; a finding inside one is dropped.
        severity: Rule id -> severity, overriding the rule's default.
        disable: Rule ids switched off.
    """

    guarantee_terms: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    disable: tuple[str, ...] = ()


@attrs.frozen
class Policy:
    """A business's written customer-service policy.

    Attributes:
        name: The business's name.
        timezone: IANA time-zone name (also in ``calendar.timezone``).
        version: Free-text version, when given.
        calendar: Workdays, holidays and time zone.
        can: What the business can do, with limits.
        cannot: What it cannot do, and why.
        prohibited: What it will never do because it is wrong.
        honesty: Tuning of the checker.
    """

    name: str
    timezone: str = "UTC"
    version: str | None = None
    calendar: BusinessCalendar = attrs.field(factory=BusinessCalendar)
    can: tuple[Can, ...] = ()
    cannot: tuple[Cannot, ...] = ()
    prohibited: tuple[Prohibited, ...] = ()
    honesty: Honesty = attrs.field(factory=Honesty)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause, in file order: can, then cannot, then prohibited."""
        return (*self.can, *self.cannot, *self.prohibited)

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id.

        Raises:
            KeyError: No clause has this id.
        """
        for clause in self.clauses:
            if clause.id == clause_id:
                return clause
        raise KeyError(clause_id)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<policy>") -> Policy:
        """Build and validate a policy from a mapping with the file's structure.

        Args:
            data: The parsed TOML or JSON document.
            source: Name used in error messages, usually the file name.

        Raises:
            PolicyError: Every problem found, one line each.
        """
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """The mapping ``from_dict`` reads; a round trip gives an equal policy."""
        raise NotImplementedError
