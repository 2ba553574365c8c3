# Over 500 lines: one class, _Reader, reads every table of a document and collects every problem.
"""Reading and validating one policy document: the mapping a file holds, into a :class:`Policy`.

:class:`_Reader` checks every table and key of a parsed TOML or JSON document,
collects every problem with where it is (table, index, clause id and key), and
builds the frozen values of :mod:`honestcs.policy.model`. It does not touch
files: :func:`honestcs.load_policy` reads them.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Context, Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import attrs

from honestcs.calendar import WEEKDAY_NAMES, BusinessCalendar
from honestcs.exceptions import PolicyError
from honestcs.policy.model import (
    _DEFAULT_WORKDAYS,
    KNOWN_RULE_IDS,
    Can,
    Cannot,
    Clause,
    ClauseOrigin,
    Department,
    Honesty,
    Policy,
    PolicyDocument,
    Prohibited,
    _quote,
)
from honestcs.quantities import Duration, Money, parse_limit
from honestcs.severity import Severity

# --- Reading and validating a document --------------------------------------

# The keys each table may hold, in the order the documentation lists them.
_TOP_KEYS = ("policy", "department", "calendar", "can", "cannot", "prohibited", "honesty")
_POLICY_KEYS = ("name", "timezone", "version", "extends")
_DEPARTMENT_KEYS = ("name", "owner")
_CALENDAR_KEYS = ("workdays", "holidays", "country")
_LIMIT_KEYS = ("takes", "within", "up_to", "costs")
_CAN_KEYS = ("id", "does", "terms", *_LIMIT_KEYS, "needs", "overrides")
_CANNOT_KEYS = ("id", "does", "terms", "because", "instead", "overrides")
_PROHIBITED_KEYS = ("id", "terms", "because", "overrides")
_HONESTY_KEYS = ("guarantee_terms", "allow", "severity", "disable")

_SEVERITY_VALUES = tuple(severity.value for severity in Severity)

_T = TypeVar("_T")


@attrs.frozen
class _Header:
    """What the ``[policy]`` table says, or None where it says nothing (or is wrong)."""

    name: str | None
    timezone: str | None
    version: str | None
    extends: tuple[str, ...]
    has_timezone: bool  # [policy] has the key: an extending document may lack it, and inherit


def _kind(value: object) -> str:
    """What a value is, in the words of the file formats: "a string", "a table"..."""
    # bool before int, datetime before date: each is a subclass of the other.
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "a boolean"),
        (int, "an integer"),
        (float, "a number"),
        (str, "a string"),
        ((list, tuple), "a list"),
        (Mapping, "a table"),
        (dt.datetime, "a date and time"),
        (dt.date, "a date"),
        (dt.time, "a time"),
    )
    if value is None:
        return "null"
    for types, name in kinds:
        if isinstance(value, types):
            return name
    return f"a {type(value).__name__}"


def _suggestion(word: str, known: Iterable[str], listing: str = "known keys are") -> str:
    """A hint for a near miss ("did you mean 'takes'?"), else ``listing`` and every known word."""
    known = tuple(known)
    close = difflib.get_close_matches(word, known, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"{listing} " + ", ".join(known)


def _is_zone(name: str) -> bool:
    """Whether ``name`` is a time zone the system's IANA database knows."""
    try:
        ZoneInfo(name)
    # ZoneInfo raises KeyError, ValueError ("../etc", "a\x00b"), OSError ("America", a
    # directory) and more; whatever it raises, the name is not a usable zone.
    except Exception:
        return False
    return True


def _label(table: str, index: int, clause_id: str | None) -> str:
    """Where a clause is: 'can[2] (id "refund")', or 'can[2]' when it has no valid id."""
    where = f"{table}[{index}]"
    return where if clause_id is None else f"{where} (id {_quote(clause_id)})"


# Decimal's default context keeps 28 significant digits; a price's cents count among them.
_MAX_DIGITS = 28
# A context wide enough to read any figure a policy writes without rounding it.
_WIDE = Context(prec=1000)


def _significant_digits(quantity: object) -> int:
    """How many digits a quantity's figures need when written out (a price counts its cents)."""
    needed = 0
    for name in ("amount", "value", "low", "high"):
        figure = getattr(quantity, name, None)
        if not isinstance(figure, Decimal) or not figure.is_finite():
            continue
        _, digits, exponent = figure.normalize(_WIDE).as_tuple()
        assert isinstance(exponent, int)  # finite
        places = max(0, -exponent)
        if isinstance(quantity, Money) and places:
            places = max(places, 2)  # "$1.5" is written "$1.50"
        needed = max(needed, max(1, len(digits) + exponent) + places)
    return needed


class _Reader:
    """Reads one document into a Policy, collecting every problem on the way.

    Each ``_read_*`` method returns the value it read, or None after
    recording why it could not; a clause is only built when nothing in it
    was wrong, and the policy only when nothing in the document was.
    """

    def __init__(
        self, source: str, *, extended_by: str | None = None, timezone: str | None = None
    ) -> None:
        self.source = source
        self.extended_by = extended_by
        self.default_timezone = timezone
        self.problems: list[str] = []
        self.ids: dict[str, str] = {}  # clause id -> where it was first used
        self.overrides: list[str] = []  # ids of clauses marked overrides = true

    # -- recording -----------------------------------------------------------

    def problem(self, where: str, key: str | None, text: str) -> None:
        """Record one problem: ``{source}: {where}: {key}: {text}``."""
        parts = [self.source, where] if where else [self.source]
        if key is not None:
            parts.append(key)
        parts.append(text)
        self.problems.append(": ".join(parts))

    def unknown_keys(self, where: str, table: Mapping[Any, Any], known: tuple[str, ...]) -> None:
        """Record every key of ``table`` that is not in ``known``."""
        for key in table:
            if key not in known:
                name = key if isinstance(key, str) else repr(key)
                self.problem(where, name, f"unknown key; {_suggestion(str(key), known)}")

    # -- scalar values -------------------------------------------------------

    def read_text(
        self, where: str, table: Mapping[str, Any], key: str, *, required: bool = False
    ) -> str | None:
        """A free-text value, stripped; blank text is a problem."""
        if key not in table:
            if required:
                self.problem(where, key, "required key is missing")
            return None
        value = table[key]
        if not isinstance(value, str):
            self.problem(where, key, f"must be a string, not {_kind(value)}")
            return None
        if not value.strip():
            self.problem(where, key, "must not be blank")
            return None
        return value.strip()

    def read_list(self, where: str, table: Mapping[str, Any], key: str, what: str) -> list[Any]:
        """A list value (empty when the key is absent); a non-list is a problem."""
        value = table.get(key, [])
        if not isinstance(value, list | tuple):
            self.problem(where, key, f"must be a list of {what}, not {_kind(value)}")
            return []
        return list(value)

    def read_strings(
        self, where: str, table: Mapping[str, Any], key: str, *, terms: bool, what: str = ""
    ) -> tuple[str, ...] | None:
        """A list of non-blank strings, whitespace normalised; terms also get the '*' check."""
        before = len(self.problems)
        items: list[str] = []
        what = what or ("terms" if terms else "phrases")
        for index, value in enumerate(self.read_list(where, table, key, what)):
            item_key = f"{key}[{index}]"
            if not isinstance(value, str):
                self.problem(where, item_key, f"must be a string, not {_kind(value)}")
                continue
            text = " ".join(value.split())
            if not text:
                self.problem(where, item_key, "must not be blank")
                continue
            if terms and (text.startswith("*") or text.endswith("*")):
                self.problem(
                    where,
                    item_key,
                    f'{_quote(text)} starts or ends with "*"; '
                    'a "*" only stands for words between two others',
                )
                continue
            if terms and any("*" in word and word != "*" for word in text.split()):
                self.problem(
                    where, item_key, f'{_quote(text)} has "*" inside a word; write it on its own'
                )
                continue
            items.append(text)
        return tuple(items) if len(self.problems) == before else None

    def read_quantity(
        self,
        where: str,
        table: Mapping[str, Any],
        key: str,
        parse: Callable[[str], _T],
        what: str,
    ) -> _T | None:
        """A quantity written as text, such as "5-10 business days" or "$75"."""
        if key not in table:
            return None
        value = table[key]
        if not isinstance(value, str):
            self.problem(where, key, f"must be a string such as {what}, not {_kind(value)}")
            return None
        try:
            parsed = parse(value)
        except ValueError:
            self.problem(where, key, f"{_quote(value)} is not {_QUANTITY_NAMES[key]}")
            return None
        digits = _significant_digits(parsed)
        if digits > _MAX_DIGITS:
            # Decimal arithmetic keeps 28 significant digits: a longer figure would be rounded
            # when written back or compared, and so stand for a different policy.
            self.problem(
                where,
                key,
                f"{_quote(value)} has {digits} significant digits; at most {_MAX_DIGITS} are kept",
            )
            return None
        return parsed

    # -- tables --------------------------------------------------------------

    def table(
        self, data: Mapping[str, Any], key: str, *, required: bool
    ) -> Mapping[str, Any] | None:
        """A top-level table such as ``[policy]``; None when it is absent or not a table."""
        where = f"[{key}]"
        if key not in data:
            if required:
                self.problem(where, None, "required table is missing")
            return None
        value = data[key]
        if not isinstance(value, Mapping):
            self.problem(where, None, f"must be a table, not {_kind(value)}")
            return None
        return value

    def document(self, data: Mapping[str, Any]) -> PolicyDocument:
        """Validate the whole document and build its policy.

        Raises:
            PolicyError: The document has at least one problem.
        """
        self.top_level(data)
        header = self.header(data)
        department = self.department(self.table(data, "department", required=False))

        calendar = self.calendar(
            self.table(data, "calendar", required=False) or {}, header.timezone
        )
        can = tuple(self.clauses(data, "can", self.can))
        cannot = tuple(self.clauses(data, "cannot", self.cannot))
        prohibited = tuple(self.clauses(data, "prohibited", self.prohibited))
        honesty = self.honesty(self.table(data, "honesty", required=False) or {})

        if self.problems:
            raise PolicyError(self.problems)
        # With no problems recorded, every required value was read.
        assert header.name is not None and header.timezone is not None
        assert calendar is not None and honesty is not None
        origin = ClauseOrigin(self.source, department)
        policy = Policy(
            name=header.name,
            timezone=header.timezone,
            version=header.version,
            calendar=calendar,
            can=can,
            cannot=cannot,
            prohibited=prohibited,
            honesty=honesty,
            origins={clause.id: origin for clause in _all_clauses(can, cannot, prohibited)},
        )
        return PolicyDocument(
            policy=policy,
            extends=header.extends,
            department=department,
            overrides=tuple(self.overrides),
            has_calendar="calendar" in data,
            has_timezone=header.has_timezone,
        )

    def top_level(self, data: Mapping[str, Any]) -> None:
        """Refuse a document that is not a table; record each key it should not have."""
        if not isinstance(data, Mapping):
            raise PolicyError(
                f"{self.source}: the document must be a table (object), not {_kind(data)}"
            )
        for key in data:
            if key not in _TOP_KEYS:
                shown = key if isinstance(key, str) else repr(key)
                suggestion = _suggestion(str(key), _TOP_KEYS, "known tables are")
                self.problem("", shown, f"unknown top-level key; {suggestion}")

    def header(self, data: Mapping[str, Any]) -> _Header:
        """The ``[policy]`` table, required unless the document extends another.

        An extending document's name defaults to the one it extends, and its time
        zone to the one given to the reader (else UTC).
        """
        extended = self.extended_by is not None
        name = timezone = version = None
        extends: tuple[str, ...] = ()
        table = self.table(data, "policy", required=not extended)
        has_timezone = table is not None and "timezone" in table
        if table is not None:
            self.unknown_keys("[policy]", table, _POLICY_KEYS)
            name = self.read_text("[policy]", table, "name", required=not extended)
            timezone = self.read_timezone(table, required=not extended)
            version = self.read_text("[policy]", table, "version")
            extends = self.read_strings(
                "[policy]", table, "extends", terms=False, what="file names"
            ) or ()
        if extended:
            name = name or self.extended_by
            if not has_timezone:
                timezone = self.default_timezone or "UTC"
        return _Header(name, timezone, version, extends, has_timezone)

    def department(self, table: Mapping[str, Any] | None) -> Department | None:
        """The ``[department]`` table: a name, and who owns it."""
        if table is None:
            return None
        where = "[department]"
        before = len(self.problems)
        self.unknown_keys(where, table, _DEPARTMENT_KEYS)
        name = self.read_text(where, table, "name", required=True)
        owner = self.read_text(where, table, "owner")
        if name is None or len(self.problems) != before:
            return None
        return Department(name=name, owner=owner)

    def read_overrides(self, where: str, clause_id: str | None, item: Mapping[str, Any]) -> None:
        """A clause's ``overrides``: true to replace the clause of that id in an extended file."""
        if "overrides" not in item:
            return
        value = item["overrides"]
        if not isinstance(value, bool):
            self.problem(where, "overrides", f"must be true or false, not {_kind(value)}")
        elif value and clause_id is not None:
            self.overrides.append(clause_id)

    def read_timezone(self, header: Mapping[str, Any], *, required: bool) -> str | None:
        """The ``timezone`` of ``[policy]``: a name the IANA database knows."""
        value = self.read_text("[policy]", header, "timezone", required=required)
        if value is None:
            return None
        if not _is_zone(value):
            self.problem("[policy]", "timezone", f"{_quote(value)} is not an IANA time zone")
            return None
        return value

    def calendar(self, table: Mapping[str, Any], timezone: str | None) -> BusinessCalendar | None:
        """The ``[calendar]`` table as a BusinessCalendar in the policy's time zone."""
        where = "[calendar]"
        before = len(self.problems)
        self.unknown_keys(where, table, _CALENDAR_KEYS)

        workdays: set[int] = set()
        names = self.read_list(where, table, "workdays", "weekday names")
        for index, value in enumerate(names):
            key = f"workdays[{index}]"
            if not isinstance(value, str):
                self.problem(where, key, f"must be a weekday name, not {_kind(value)}")
            elif value.strip().lower() in WEEKDAY_NAMES:
                workdays.add(WEEKDAY_NAMES.index(value.strip().lower()))
            else:
                hint = _suggestion(value.strip().lower(), WEEKDAY_NAMES, "use one of")
                self.problem(where, key, f"{_quote(value)} is not a weekday name; {hint}")
        if "workdays" in table and isinstance(table["workdays"], list | tuple) and not names:
            self.problem(where, "workdays", "must name at least one weekday")

        holidays: set[dt.date] = set()
        for index, value in enumerate(self.read_list(where, table, "holidays", "dates")):
            day = self.read_date(where, f"holidays[{index}]", value)
            if day is not None:
                holidays.add(day)

        country: str | None = None
        if "country" in table:
            value = table["country"]
            if not isinstance(value, str):
                self.problem(where, "country", f"must be a string, not {_kind(value)}")
            elif len(value) == 2 and value.isascii() and value.isalpha():
                country = value.upper()
            else:
                self.problem(
                    where, "country", f"{_quote(value)} is not a two-letter ISO 3166 country code"
                )

        if len(self.problems) != before or timezone is None:
            return None
        return BusinessCalendar(
            timezone=timezone,
            workdays=frozenset(workdays) if "workdays" in table else _DEFAULT_WORKDAYS,
            holidays=frozenset(holidays),
            country=country,
        )

    def read_date(self, where: str, key: str, value: object) -> dt.date | None:
        """A holiday: a TOML date or a "YYYY-MM-DD" string."""
        if isinstance(value, dt.datetime):
            self.problem(where, key, "must be a date without a time of day")
            return None
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            self.problem(where, key, f'must be a date ("YYYY-MM-DD"), not {_kind(value)}')
            return None
        text = value.strip()
        # fromisoformat alone also takes "20261225" and week dates; the file format is one form.
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        self.problem(where, key, f'{_quote(value)} is not a date ("YYYY-MM-DD")')
        return None

    def clauses(
        self,
        data: Mapping[str, Any],
        table: str,
        read: Callable[[str, str | None, Mapping[str, Any]], _T | None],
    ) -> list[_T]:
        """Every clause of one array of tables (``[[can]]``...), in file order."""
        if table not in data:
            return []
        value = data[table]
        if not isinstance(value, list | tuple):
            self.problem(
                f"[[{table}]]",
                None,
                f"must be an array of tables ([[{table}]]), not {_kind(value)}",
            )
            return []
        clauses: list[_T] = []
        for index, item in enumerate(value):
            if not isinstance(item, Mapping):
                self.problem(f"{table}[{index}]", None, f"must be a table, not {_kind(item)}")
                continue
            clause_id = self.read_id(table, index, item)
            self.read_overrides(_label(table, index, clause_id), clause_id, item)
            clause = read(_label(table, index, clause_id), clause_id, item)
            if clause is not None:
                clauses.append(clause)
        return clauses

    def read_id(self, table: str, index: int, item: Mapping[str, Any]) -> str | None:
        """The clause's id when it is valid and unused; record why when it is not.

        A duplicate id is still returned, so that the clause's other problems
        name it; the duplicate itself is recorded as a problem.
        """
        where = _label(table, index, None)
        if "id" not in item:
            self.problem(where, "id", "required key is missing")
            return None
        value = item["id"]
        if not isinstance(value, str):
            self.problem(where, "id", f"must be a string, not {_kind(value)}")
            return None
        if not value:
            self.problem(where, "id", "must not be empty")
            return None
        if any(char.isspace() for char in value):
            self.problem(where, "id", f"{_quote(value)} must not contain whitespace")
            return None
        if value in self.ids:
            self.problem(
                _label(table, index, value),
                "id",
                f"{_quote(value)} is already the id of {self.ids[value]}",
            )
        else:
            self.ids[value] = where
        return value

    def can(self, where: str, clause_id: str | None, item: Mapping[str, Any]) -> Can | None:
        """One ``[[can]]`` clause."""
        before = len(self.problems)
        self.unknown_keys(where, item, _CAN_KEYS)
        does = self.read_text(where, item, "does", required=True)
        terms = self.read_terms(where, item)
        present = [key for key in _LIMIT_KEYS if key in item]
        for key in present[1:]:
            self.problem(
                where,
                key,
                "a can clause has at most one of takes, within, up_to and costs; "
                f"this one already has {present[0]}",
            )
        takes = self.read_quantity(where, item, "takes", Duration.parse, '"5-10 business days"')
        within = self.read_quantity(where, item, "within", Duration.parse, '"30 days"')
        up_to = self.read_quantity(where, item, "up_to", parse_limit, '"15%"')
        costs = self.read_quantity(where, item, "costs", Money.parse, '"$12"')
        needs = self.read_text(where, item, "needs")
        if clause_id is None or len(self.problems) != before:
            return None
        assert does is not None and terms is not None
        return Can(
            id=clause_id,
            does=does,
            terms=terms,
            takes=takes,
            within=within,
            up_to=up_to,
            costs=costs,
            needs=needs,
        )

    def cannot(self, where: str, clause_id: str | None, item: Mapping[str, Any]) -> Cannot | None:
        """One ``[[cannot]]`` clause."""
        before = len(self.problems)
        self.unknown_keys(where, item, _CANNOT_KEYS)
        does = self.read_text(where, item, "does")
        terms = self.read_terms(where, item)
        because = self.read_text(where, item, "because")
        instead = self.read_text(where, item, "instead")
        if clause_id is None or len(self.problems) != before:
            return None
        assert terms is not None
        return Cannot(id=clause_id, terms=terms, because=because, instead=instead, does=does)

    def prohibited(
        self, where: str, clause_id: str | None, item: Mapping[str, Any]
    ) -> Prohibited | None:
        """One ``[[prohibited]]`` clause."""
        before = len(self.problems)
        self.unknown_keys(where, item, _PROHIBITED_KEYS)
        terms = self.read_terms(where, item)
        because = self.read_text(where, item, "because")
        if clause_id is None or len(self.problems) != before:
            return None
        assert terms is not None
        return Prohibited(id=clause_id, terms=terms, because=because)

    def read_terms(self, where: str, item: Mapping[str, Any]) -> tuple[str, ...] | None:
        """A clause's ``terms``: required, a non-empty list of terms."""
        if "terms" not in item:
            self.problem(where, "terms", "required key is missing")
            return None
        terms = self.read_strings(where, item, "terms", terms=True)
        if terms is None:
            return None
        if not terms:
            self.problem(where, "terms", "must list at least one term")
            return None
        return terms

    def honesty(self, table: Mapping[str, Any]) -> Honesty | None:
        """The ``[honesty]`` table."""
        where = "[honesty]"
        before = len(self.problems)
        self.unknown_keys(where, table, _HONESTY_KEYS)
        guarantee_terms = self.read_strings(where, table, "guarantee_terms", terms=True)
        allow = self.read_strings(where, table, "allow", terms=False)

        severity: dict[str, Severity] = {}
        overrides = table.get("severity", {})
        if not isinstance(overrides, Mapping):
            self.problem(
                where,
                "severity",
                f"must be a table of rule id = severity, not {_kind(overrides)}",
            )
            overrides = {}
        for rule, value in overrides.items():
            if self.read_rule_id(where, "severity", rule) is None:
                continue
            if isinstance(value, str) and value in _SEVERITY_VALUES:
                severity[rule] = Severity(value)
            else:
                shown = _quote(value) if isinstance(value, str) else _kind(value)
                self.problem(
                    where,
                    f"severity.{rule}",
                    f'{shown} is not a severity; use "error", "warning" or "info"',
                )

        disable: list[str] = []
        for index, rule in enumerate(self.read_list(where, table, "disable", "rule ids")):
            known = self.read_rule_id(where, f"disable[{index}]", rule)
            if known is not None:
                disable.append(known)

        if len(self.problems) != before:
            return None
        assert guarantee_terms is not None and allow is not None
        return Honesty(
            guarantee_terms=guarantee_terms,
            allow=allow,
            severity=severity,
            disable=tuple(disable),
        )

    def read_rule_id(self, where: str, key: str, value: object) -> str | None:
        """A rule id from ``[honesty]``; anything not in KNOWN_RULE_IDS is a problem."""
        if not isinstance(value, str):
            self.problem(where, key, f"must be a rule id, not {_kind(value)}")
            return None
        if value not in KNOWN_RULE_IDS:
            hint = _suggestion(value, KNOWN_RULE_IDS, "rule ids are")
            self.problem(where, key, f"{_quote(value)} is not a rule id; {hint}")
            return None
        return value


def _all_clauses(*tables: Iterable[Clause]) -> Iterator[Clause]:
    """Every clause of the tables, in order."""
    for table in tables:
        yield from table


# What each quantity key must hold, for "… is not {name}".
_QUANTITY_NAMES: dict[str, str] = {
    "takes": "a duration",
    "within": "a duration",
    "up_to": 'an amount of money, a percentage, or a count like "3 devices"',
    "costs": "an amount of money",
}
