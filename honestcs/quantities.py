"""Quantities a policy limits and a reply mentions: durations, money, percentages, counts.

Each type parses the text a person writes ("5-10 business days", "$50",
"15%", "3 devices") and renders back to text a customer would read. Money
and every other amount are :class:`~decimal.Decimal`, never float.
"""

from __future__ import annotations

import enum
from datetime import timedelta
from decimal import Decimal
from typing import TypeAlias

import attrs

from honestcs._grammar import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIGITS,
    NUMBER,
    RANGE_SEP,
    TIME_UNIT,
    compile_verbose,
    number_value,
)

__all__ = [
    "CHILDREN",
    "PEOPLE",
    "Count",
    "Duration",
    "Limit",
    "Money",
    "Percent",
    "Quantity",
    "TimeUnit",
    "parse_limit",
    "same_counted",
    "singular",
]


class TimeUnit(enum.Enum):
    """A unit of time. Business days skip weekends and holidays; the others are exact."""

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    DAY = "day"
    BUSINESS_DAY = "business day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    @classmethod
    def from_text(cls, text: str) -> TimeUnit:
        """The unit named by a word such as "mins", "hours", "working days".

        Raises:
            ValueError: The text is not a unit of time.
        """
        if _UNIT_WORD.match(text) is None:
            raise ValueError(f"{text!r} is not a unit of time")
        word = " ".join(text.lower().replace("-", " ").split())
        if word.startswith(("business", "working", "work ")):
            return cls.BUSINESS_DAY
        if word.startswith("calendar"):
            return cls.DAY
        if word.startswith("sec"):
            return cls.SECOND
        if word.startswith("min"):
            return cls.MINUTE
        if word.startswith("h"):
            return cls.HOUR
        if word.startswith("fortnight"):
            return cls.WEEK  # counted as two weeks by unit_factor()
        if word.startswith("wk"):
            return cls.WEEK
        if word.startswith("yr"):
            return cls.YEAR
        for unit in (cls.DAY, cls.WEEK, cls.MONTH, cls.YEAR):
            if word.startswith(unit.value):
                return unit
        raise ValueError(f"{text!r} is not a unit of time")

    @property
    def approximate_days(self) -> Decimal:
        """Calendar days in one unit, for comparing windows (a month is 30 days)."""
        return _APPROXIMATE_DAYS[self]


# In a policy's own value a singular second follows a number and means one ("1 second"),
# which a reply's "a second" seldom does; so here it is a unit, and in replies it is not.
_UNIT = rf"(?:{TIME_UNIT}|seconds?|secs?)"
_UNIT_WORD = compile_verbose(rf"^\s*{_UNIT}\s*$")


def unit_factor(text: str) -> Decimal:
    """How many of :meth:`TimeUnit.from_text`'s unit one named unit is (a fortnight is 2 weeks)."""
    return Decimal(2) if text.strip().lower().startswith("fortnight") else Decimal(1)

_APPROXIMATE_DAYS: dict[TimeUnit, Decimal] = {
    TimeUnit.SECOND: Decimal(1) / Decimal(86400),
    TimeUnit.MINUTE: Decimal(1) / Decimal(1440),
    TimeUnit.HOUR: Decimal(1) / Decimal(24),
    TimeUnit.DAY: Decimal(1),
    # Five workdays span a calendar week.
    TimeUnit.BUSINESS_DAY: Decimal(7) / Decimal(5),
    TimeUnit.WEEK: Decimal(7),
    TimeUnit.MONTH: Decimal(30),
    TimeUnit.YEAR: Decimal(365),
}

_DURATION = compile_verbose(
    rf"""^\s*
    (?:between\s+)?(?P<low>{NUMBER})
    (?:(?:{RANGE_SEP}|\s+and\s+)(?P<high>{NUMBER}))?
    [\s-]*(?P<unit>{_UNIT})\s*$"""
)


def _render_number(value: Decimal) -> str:
    """Digits a person would write: 5, 1.5, 5,000 (no trailing zeros)."""
    if value == value.to_integral_value():
        return f"{int(value):,}" if abs(value) >= 1000 else str(int(value))
    return format(value.normalize(), "f")


@attrs.frozen
class Duration:
    """A length of time, single ("3 days") or a range ("5-10 business days").

    Attributes:
        low: The shortest the duration can be.
        high: The longest (equal to ``low`` for a single value).
        unit: The unit both bounds are in.
    """

    low: Decimal
    high: Decimal
    unit: TimeUnit

    def __attrs_post_init__(self) -> None:
        if self.low < 0 or self.high < self.low:
            raise ValueError(f"{self.low}-{self.high} is not an ordered, non-negative range")

    @classmethod
    def of(cls, value: int | Decimal, unit: TimeUnit) -> Duration:
        """A single-valued duration: ``Duration.of(3, TimeUnit.DAY)``."""
        return cls(Decimal(value), Decimal(value), unit)

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Parse "3 days", "5-10 business days", "five to seven working days", "an hour".

        Raises:
            ValueError: The text is not a duration.
        """
        match = _DURATION.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a duration")
        low = number_value(match["low"])
        high = number_value(match["high"]) if match["high"] else low
        if high < low:
            raise ValueError(f"{text!r} is a range whose end comes before its start")
        factor = unit_factor(match["unit"])
        return cls(low * factor, high * factor, TimeUnit.from_text(match["unit"]))

    @property
    def is_range(self) -> bool:
        """Whether the duration has two different bounds."""
        return self.low != self.high

    @property
    def upper(self) -> Duration:
        """The longest value as a single duration."""
        return Duration(self.high, self.high, self.unit)

    @property
    def lower(self) -> Duration:
        """The shortest value as a single duration."""
        return Duration(self.low, self.low, self.unit)

    def days(self, bound: str = "high") -> Decimal:
        """Approximate calendar days of one bound ("low" or "high"); a month is 30 days."""
        value = self.high if bound == "high" else self.low
        return value * self.unit.approximate_days

    def length(self, bound: str = "high") -> tuple[str, Decimal]:
        """One bound as a length to compare with another's, in months or approximate days.

        Months when the unit is a month or a year (a year is 12 months, whatever its days),
        else days. Two lengths compare only when their first items are the same.
        """
        value = self.high if bound == "high" else self.low
        if self.unit is TimeUnit.MONTH:
            return ("months", value)
        if self.unit is TimeUnit.YEAR:
            return ("months", value * 12)
        return ("days", self.days(bound))

    def timedelta(self, bound: str = "high") -> timedelta:
        """An exact length for clock units; business days need a calendar instead.

        Raises:
            ValueError: The unit is business days, whose length depends on the calendar.
        """
        if self.unit is TimeUnit.BUSINESS_DAY:
            raise ValueError("business days have no fixed length; use BusinessCalendar.add")
        return timedelta(days=float(self.days(bound)))

    def __str__(self) -> str:
        number = _render_number(self.low)
        if self.is_range:
            number = f"{number}-{_render_number(self.high)}"
        plural = "" if self.high == 1 else "s"
        return f"{number} {self.unit.value}{plural}"


_CODES = "|".join(sorted(CURRENCY_CODES))
_SYMBOLS = "".join(CURRENCY_SYMBOLS)
_MONEY = compile_verbose(
    rf"""^\s*(?:
        (?P<sym>[{_SYMBOLS}])\s*(?P<a1>{DIGITS})              # $50, € 20
      | (?P<code1>{_CODES})\s*(?P<a2>{DIGITS})                # USD 50
      | (?P<a3>{DIGITS})\s*(?P<code2>{_CODES}|(?:dollars?|euros?|pounds?|quid|bucks))  # 50 USD
    )\s*$"""
)


@attrs.frozen
class Money:
    """An amount of money in one currency.

    Attributes:
        amount: The amount, exact.
        currency: The ISO 4217 code, "USD", "EUR", "GBP"...
    """

    amount: Decimal
    currency: str

    @classmethod
    def parse(cls, text: str) -> Money:
        """Parse "$50", "50 USD", "€20", "£30", "USD 1,250.00", "40 dollars".

        Raises:
            ValueError: The text is not an amount of money.
        """
        match = _MONEY.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not an amount of money")
        if match["sym"]:
            currency = CURRENCY_SYMBOLS[match["sym"]]
        else:
            word = (match["code1"] or match["code2"]).lower()
            currency = CURRENCY_WORDS.get(word, word.upper())
        amount = match["a1"] or match["a2"] or match["a3"]
        return cls(number_value(amount), currency)

    def __str__(self) -> str:
        if self.amount == int(self.amount):
            amount = f"{int(self.amount):,}"
        elif self.amount == round(self.amount, 2):
            amount = format(self.amount, ",.2f")
        else:  # more than cents: show every digit rather than round the amount away
            amount = format(self.amount.normalize(), ",f")
        for symbol, code in CURRENCY_SYMBOLS.items():
            if code == self.currency:
                return f"{symbol}{amount}"
        return f"{amount} {self.currency}"


_PERCENT = compile_verbose(rf"^\s*(?P<n>{NUMBER})\s*(?:%|per\s*cent)\s*$")


@attrs.frozen
class Percent:
    """A percentage, such as a discount limit.

    Attributes:
        value: 15 for 15%.
    """

    value: Decimal

    @classmethod
    def parse(cls, text: str) -> Percent:
        """Parse "15%", "15 %", "fifteen percent".

        Raises:
            ValueError: The text is not a percentage.
        """
        match = _PERCENT.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a percentage")
        return cls(number_value(match["n"]))

    def __str__(self) -> str:
        return f"{_render_number(self.value)}%"


_COUNT = compile_verbose(
    rf"""^\s*(?P<n>{NUMBER})\s+
    (?P<noun>[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?)   # one or two words
    \s*$"""
)

_IRREGULAR_PLURALS = {"people": "person", "children": "child", "men": "man", "women": "woman"}


# Nouns that count people: a limit of "4 people" is a limit of 4 passengers, guests or riders.
PEOPLE: frozenset[str] = frozenset(
    {
        "person", "people", "passenger", "guest", "adult", "traveller", "traveler", "participant",
        "attendee", "rider", "visitor", "occupant", "member", "diner", "player", "student",
    }
)


# Nouns that count children: a limit of "20 children" is a limit of 20 kids.
CHILDREN: frozenset[str] = frozenset({"child", "kid", "youngster"})


def same_counted(a: str, b: str) -> bool:
    """Whether two singular nouns count the same thing ("person" and "passenger" do)."""
    a, b = a.split()[-1], b.split()[-1]
    return a == b or any(a in kind and b in kind for kind in (PEOPLE, CHILDREN))


def singular(noun: str) -> str:
    """The singular of a regular English noun: "devices" -> "device", "boxes" -> "box"."""
    words = noun.lower().split()
    if not words:
        return noun
    last = words[-1]
    if last in _IRREGULAR_PLURALS:
        last = _IRREGULAR_PLURALS[last]
    elif last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes", "zes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _plural(noun: str) -> str:
    for plural, single in _IRREGULAR_PLURALS.items():
        if noun.endswith(single):
            return noun[: -len(single)] + plural
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "s", "x", "z")):
        return noun + "es"
    return noun + "s"


@attrs.frozen
class Count:
    """A number of things: "3 devices", "5000 points".

    Attributes:
        value: How many.
        noun: What is counted, in the singular ("device").
    """

    value: Decimal
    noun: str

    @classmethod
    def parse(cls, text: str) -> Count:
        """Parse "3 devices", "5,000 points", "two pets", "1 checked bag".

        Raises:
            ValueError: The text is not a number followed by a noun.
        """
        match = _COUNT.match(text)
        if match is None:
            raise ValueError(f"{text!r} is not a count (a number and a noun, like '3 devices')")
        return cls(number_value(match["n"]), singular(match["noun"]))

    def __str__(self) -> str:
        noun = self.noun if self.value == 1 else _plural(self.noun)
        return f"{_render_number(self.value)} {noun}"


Limit: TypeAlias = Money | Percent | Count
"""What ``up_to`` may hold: the most that may be given."""

Quantity: TypeAlias = Duration | Money | Percent | Count
"""Any quantity a policy or a reply can state."""


def parse_limit(text: str) -> Limit:
    """Parse an ``up_to`` value: money ("$50"), a percentage ("15%") or a count ("3 devices").

    Raises:
        ValueError: The text is none of these.
    """
    for kind in (Money, Percent):
        try:
            return kind.parse(text)
        except ValueError:
            pass
    try:
        return Count.parse(text)
    except ValueError:
        raise ValueError(
            f"{text!r} is not an amount of money, a percentage, or a count like '3 devices'"
        ) from None
