"""The policy object model: what the business can do, cannot do, and will never do.

A policy is written once in TOML or JSON (see :func:`honestcs.load_policy`)
and becomes a tree of frozen values. ``Policy.from_dict`` validates strictly
and reports every problem at once; ``Policy.to_dict`` gives a mapping that
``from_dict`` turns back into an equal policy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeAlias

import attrs

from honestcs.calendar import WEEKDAY_NAMES, BusinessCalendar
from honestcs.exceptions import PolicyError
from honestcs.quantities import Count, Duration, Limit, Money, Percent
from honestcs.severity import Severity

__all__ = [
    "KNOWN_RULE_IDS",
    "Can",
    "Cannot",
    "Clause",
    "ClauseOrigin",
    "Department",
    "Honesty",
    "Policy",
    "PolicyDocument",
    "Prohibited",
]

KNOWN_RULE_IDS: tuple[str, ...] = (
    "overpromise",
    "policy-misstatement",
    "unauthorized-promise",
    "prohibited-compliance",
    "absolute-guarantee",
    "unexplained-refusal",
    "sycophancy",
    "unanswered-question",
    "vague-commitment",
    "silent-reschedule",
)
"""Every rule id the checker knows; ``[honesty]`` may name only these."""


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
        does: What the customer asks for, in words, when the file says it.
    """

    id: str
    terms: tuple[str, ...]
    because: str | None = None
    instead: str | None = None
    does: str | None = None


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
class Department:
    """The part of the business that owns a policy file's clauses (its ``[department]`` table).

    Attributes:
        name: The department's name, such as "billing"; unique across a composed policy.
        owner: Who answers for its clauses: a team or an email address, when given.
    """

    name: str
    owner: str | None = None


@attrs.frozen
class ClauseOrigin:
    """Where a clause of the effective policy was written.

    Attributes:
        source: The file (or the ``source`` given to ``from_dict``) that defines the clause.
        department: The department that file declares, when it declares one.
    """

    source: str
    department: Department | None = None


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


def _calendar_in_policy_zone(policy: Policy) -> BusinessCalendar:
    """The default calendar (Mon-Fri, no holidays) in the policy's own time zone."""
    return BusinessCalendar(timezone=policy.timezone)


@attrs.frozen
class Policy:
    """A business's written customer-service policy.

    Attributes:
        name: The business's name.
        timezone: IANA time-zone name (also in ``calendar.timezone``).
        version: Free-text version, when given.
        calendar: Workdays, holidays and time zone; by default Monday to
            Friday with no holidays, in ``timezone``.
        can: What the business can do, with limits.
        cannot: What it cannot do, and why.
        prohibited: What it will never do because it is wrong.
        honesty: Tuning of the checker.
        origins: Clause id -> the file and department it came from. Filled by
            ``from_dict`` and ``load_policy``; a policy built by hand may leave it
            empty. Where a clause was written is not part of the policy's value:
            two policies with the same clauses are equal wherever they came from.
    """

    name: str
    timezone: str = "UTC"
    version: str | None = None
    calendar: BusinessCalendar = attrs.field(
        default=attrs.Factory(_calendar_in_policy_zone, takes_self=True)
    )
    can: tuple[Can, ...] = ()
    cannot: tuple[Cannot, ...] = ()
    prohibited: tuple[Prohibited, ...] = ()
    honesty: Honesty = attrs.field(factory=Honesty)
    origins: Mapping[str, ClauseOrigin] = attrs.field(factory=dict, eq=False, repr=False)

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

    def department_of(self, clause_id: str | None) -> Department | None:
        """The department that owns a clause; None for no clause or a clause without one."""
        if clause_id is None:
            return None
        origin = self.origins.get(clause_id)
        return None if origin is None else origin.department

    @property
    def departments(self) -> tuple[Department, ...]:
        """Every department that owns a clause, in clause order, each once."""
        seen: dict[str, Department] = {}
        for clause in self.clauses:
            department = self.department_of(clause.id)
            if department is not None:
                seen.setdefault(department.name, department)
        return tuple(seen.values())

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str = "<policy>") -> Policy:
        """Build and validate a policy from a mapping with the file's structure.

        Validation is complete: every problem in the document is collected
        and reported together, one line each, in the form
        ``{source}: can[2] (id "refund"): takes: "5-10 bussiness days" is not a duration``.
        Nothing in the mapping is ever executed or evaluated.

        Args:
            data: The parsed TOML or JSON document.
            source: Name used in error messages, usually the file name.

        Returns:
            The policy, with its calendar in the policy's time zone.

        A ``[department]`` table makes every clause of the document carry that
        department. A document whose ``[policy]`` has ``extends`` names other
        files, which only :func:`honestcs.load_policy` can find: here it is an error.

        Raises:
            PolicyError: Every problem found, one line each.
        """
        document = PolicyDocument.read(data, source=source)
        if document.extends:
            raise PolicyError(
                f"{source}: [policy]: extends: a policy that extends other files must be "
                "read with load_policy(), which finds them beside the file"
            )
        if document.overrides:
            shown = ", ".join(_quote(clause_id) for clause_id in document.overrides)
            raise PolicyError(
                f"{source}: overrides = true on {shown}, but this document extends no file "
                "whose clause it could replace"
            )
        return document.policy

    def to_dict(self) -> dict[str, Any]:
        """The mapping ``from_dict`` reads; a round trip gives an equal policy.

        Quantities are rendered as text ("5-10 business days", "$75"),
        severities as their values, dates as "YYYY-MM-DD". Unset keys and
        tables that only hold defaults are left out.

        Returns:
            Plain data (str, list and dict only), ready for JSON or TOML.
        """
        header: dict[str, Any] = {"name": self.name, "timezone": self.timezone}
        if self.version is not None:
            header["version"] = self.version
        data: dict[str, Any] = {"policy": header}

        calendar: dict[str, Any] = {}
        if self.calendar.workdays != _DEFAULT_WORKDAYS:
            calendar["workdays"] = [WEEKDAY_NAMES[day] for day in sorted(self.calendar.workdays)]
        if self.calendar.holidays:
            calendar["holidays"] = [day.isoformat() for day in sorted(self.calendar.holidays)]
        if self.calendar.country is not None:
            calendar["country"] = self.calendar.country
        if calendar:
            data["calendar"] = calendar

        for table, clauses in (
            ("can", self.can),
            ("cannot", self.cannot),
            ("prohibited", self.prohibited),
        ):
            if clauses:
                data[table] = [_plain_fields(clause) for clause in clauses]

        honesty: dict[str, Any] = {}
        if self.honesty.guarantee_terms:
            honesty["guarantee_terms"] = list(self.honesty.guarantee_terms)
        if self.honesty.allow:
            honesty["allow"] = list(self.honesty.allow)
        if self.honesty.severity:
            honesty["severity"] = {
                rule: severity.value for rule, severity in self.honesty.severity.items()
            }
        if self.honesty.disable:
            honesty["disable"] = list(self.honesty.disable)
        if honesty:
            data["honesty"] = honesty
        departments = {self.department_of(clause.id) for clause in self.clauses}
        if len(departments) == 1 and None not in departments:
            (department,) = departments
            assert department is not None
            owned: dict[str, str] = {"name": department.name}
            if department.owner is not None:
                owned["owner"] = department.owner
            data["department"] = owned
        return data


@attrs.frozen
class PolicyDocument:
    """One policy file as written, before the files it extends are put together with it.

    :func:`honestcs.load_policy` reads each file of a composed policy into one of
    these; :meth:`Policy.from_dict` reads a single document.

    Attributes:
        policy: The document's clauses, calendar and tuning as a policy of its own.
        extends: The files ``[policy] extends`` names, as written (relative to the file).
        department: The document's ``[department]``, when it has one.
        overrides: Ids of the clauses marked ``overrides = true``, in file order.
        has_calendar: Whether the document has a ``[calendar]`` table.
        has_timezone: Whether ``[policy]`` gives a ``timezone``.
    """

    policy: Policy
    extends: tuple[str, ...] = ()
    department: Department | None = None
    overrides: tuple[str, ...] = ()
    has_calendar: bool = False
    has_timezone: bool = True

    @classmethod
    def read(
        cls,
        data: Mapping[str, Any],
        *,
        source: str = "<policy>",
        extended_by: str | None = None,
        timezone: str | None = None,
    ) -> PolicyDocument:
        """Validate one document, reporting every problem at once as ``from_dict`` does.

        Args:
            data: The parsed TOML or JSON document.
            source: Name used in error messages, usually the file name.
            extended_by: When the document is extended by another file, that file: then
                ``[policy]`` and its ``name`` and ``timezone`` are optional.
            timezone: The time zone to read the document in when it gives none.

        Raises:
            PolicyError: Every problem found, one line each.
        """
        from honestcs.policy._reader import _Reader  # the reader builds the classes above

        return _Reader(source, extended_by=extended_by, timezone=timezone).document(data)


def _plain_fields(clause: Clause) -> dict[str, Any]:
    """A clause as the table a file holds: set fields only, quantities as text."""
    table: dict[str, Any] = {}
    for field in attrs.fields(type(clause)):
        value = getattr(clause, field.name)
        if value is None:
            continue
        if isinstance(value, tuple):
            table[field.name] = list(value)
        elif isinstance(value, Duration | Money | Percent | Count):
            table[field.name] = str(value)
        else:
            table[field.name] = value
    return table


def _quote(text: str) -> str:
    """A value as it appears in a message: in double quotes, escaped like JSON."""
    return json.dumps(text, ensure_ascii=False)


_DEFAULT_WORKDAYS: frozenset[int] = BusinessCalendar().workdays
