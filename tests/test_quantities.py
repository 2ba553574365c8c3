"""Quantities: parsing and rendering durations, money, percentages and counts."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from honestcs._grammar import MATCH_REACH, match_at, number_value
from honestcs.calendar import BusinessCalendar
from honestcs.quantities import (
    Count,
    Duration,
    Money,
    Percent,
    TimeUnit,
    parse_limit,
    same_counted,
    singular,
)
from honestcs.text.mentions import DurationMention, find_mentions

D = Decimal
DAY, BDAY, HOUR, MINUTE = TimeUnit.DAY, TimeUnit.BUSINESS_DAY, TimeUnit.HOUR, TimeUnit.MINUTE
WEEK, MONTH, YEAR = TimeUnit.WEEK, TimeUnit.MONTH, TimeUnit.YEAR


# -- numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5", D(5)),
        ("1,250", D(1250)),
        ("1,000,000", D(1000000)),
        ("1.5", D("1.5")),
        ("1,250.75", D("1250.75")),
        ("five", D(5)),
        ("Twenty-Four", D(24)),
        ("seventy two", D(72)),
        ("a", D(1)),
        ("an", D(1)),
        ("a couple of", D(2)),
        ("a  dozen", D(12)),
        ("no", D(0)),
        ("one hundred", D(100)),
    ],
)
def test_number_value(text: str, value: Decimal) -> None:
    """Numbers are read from digits (with thousands commas) or from words."""
    assert number_value(text) == value


@pytest.mark.parametrize("text", ["1,25", "1.", "five-ish", "", "-3", "1,2345"])
def test_number_value_rejects(text: str) -> None:
    """Text that is not a number is rejected, quoting it."""
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a number")):
        number_value(text)


# -- units --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("seconds", TimeUnit.SECOND),
        ("secs", TimeUnit.SECOND),
        # Named alone, as in a policy's "1 second", the singular is the unit too.
        ("second", TimeUnit.SECOND),
        ("sec", TimeUnit.SECOND),
        ("min", MINUTE),
        ("mins", MINUTE),
        ("minutes", MINUTE),
        ("hr", HOUR),
        ("hrs", HOUR),
        ("hour", HOUR),
        ("Hours", HOUR),
        ("day", DAY),
        ("calendar days", DAY),
        ("business day", BDAY),
        ("business-days", BDAY),
        ("working days", BDAY),
        ("work days", BDAY),
        ("weeks", WEEK),
        ("month", MONTH),
        ("years", YEAR),
    ],
)
def test_time_unit_from_text(text: str, unit: TimeUnit) -> None:
    """Unit words, abbreviations and "working days" name their unit."""
    assert TimeUnit.from_text(text) is unit


@pytest.mark.parametrize(
    "text",
    ["hello", "h", "fortnite", "weekday", "minimal", "", "secondary", "secs ago"],
)
def test_time_unit_from_text_rejects(text: str) -> None:
    """A word that is not a unit of time is rejected, not guessed from its first letter."""
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a unit of time")):
        TimeUnit.from_text(text)


@pytest.mark.parametrize(
    ("unit", "days"),
    [
        (TimeUnit.SECOND, D(1) / D(86400)),
        (MINUTE, D(1) / D(1440)),
        (HOUR, D(1) / D(24)),
        (DAY, D(1)),
        (BDAY, D("1.4")),
        (WEEK, D(7)),
        (MONTH, D(30)),
        (YEAR, D(365)),
    ],
)
def test_approximate_days(unit: TimeUnit, days: Decimal) -> None:
    """Windows compare in days: a month is 30 days, a business day 7/5 of a day."""
    assert unit.approximate_days == days


# -- durations ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("3 days", 3, 3, DAY),
        ("1 day", 1, 1, DAY),
        ("a day", 1, 1, DAY),
        ("an hour", 1, 1, HOUR),
        ("30 mins", 30, 30, MINUTE),
        ("2 hrs", 2, 2, HOUR),
        ("1.5 hours", D("1.5"), D("1.5"), HOUR),
        ("twenty-four hours", 24, 24, HOUR),
        ("a couple of days", 2, 2, DAY),
        ("a week", 1, 1, WEEK),
        ("6 months", 6, 6, MONTH),
        ("1 year", 1, 1, YEAR),
        ("2 calendar days", 2, 2, DAY),
        ("1,000 days", 1000, 1000, DAY),
        ("0 days", 0, 0, DAY),
        ("3-day", 3, 3, DAY),
        ("  7 BUSINESS DAYS ", 7, 7, BDAY),
        # Ranges.
        ("5-10 business days", 5, 10, BDAY),
        ("5\u201310 business days", 5, 10, BDAY),  # en dash
        ("5 - 10 business-days", 5, 10, BDAY),
        ("5 to 10 days", 5, 10, DAY),
        ("five to seven working days", 5, 7, BDAY),
        ("between 3 and 5 days", 3, 5, DAY),
        ("between five and ten days", 5, 10, DAY),
        ("ten to twelve weeks", 10, 12, WEEK),
        ("3-3 days", 3, 3, DAY),
        ("3 work days", 3, 3, BDAY),
    ],
)
def test_duration_parse(text: str, low: int | Decimal, high: int | Decimal, unit: TimeUnit) -> None:
    """Durations are a number or a range, in words or digits, and a unit."""
    assert Duration.parse(text) == Duration(D(low), D(high), unit)


@pytest.mark.parametrize(
    "text",
    [
        "half an hour",  # fractions in words are not supported
        "half a day",
        "hours",
        "3 dayss",
        "48h",
        "soon",
        "3 days or so",
        "",
    ],
)
def test_duration_parse_rejects(text: str) -> None:
    """Text that is not a duration is rejected, quoting it."""
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a duration")):
        Duration.parse(text)


def test_duration_backwards_range() -> None:
    """A range whose end comes before its start is rejected, quoting it."""
    with pytest.raises(ValueError, match=re.escape("'10-5 days' is a range whose end comes")):
        Duration.parse("10-5 days")


@pytest.mark.parametrize(("low", "high"), [(D(-1), D(1)), (D(5), D(3))])
def test_duration_invalid_bounds(low: Decimal, high: Decimal) -> None:
    """A duration's bounds are non-negative and ordered."""
    with pytest.raises(ValueError, match="not an ordered, non-negative range"):
        Duration(low, high, DAY)


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (Duration.of(3, DAY), "3 days"),
        (Duration.of(1, DAY), "1 day"),
        (Duration.of(1, BDAY), "1 business day"),
        (Duration(D(5), D(10), BDAY), "5-10 business days"),
        (Duration.of(D("1.5"), HOUR), "1.5 hours"),
        (Duration.of(D("2.50"), HOUR), "2.5 hours"),
        (Duration.of(1000, DAY), "1,000 days"),
        (Duration.of(30, MINUTE), "30 minutes"),
        (Duration.of(30, TimeUnit.SECOND), "30 seconds"),
        (Duration.of(1, YEAR), "1 year"),
    ],
)
def test_duration_str(duration: Duration, text: str) -> None:
    """A duration renders as a customer would read it."""
    assert str(duration) == text


def test_duration_bounds() -> None:
    """A range knows its bounds; a single value is both."""
    duration = Duration.parse("5-10 business days")
    assert duration.is_range
    assert duration.upper == Duration.of(10, BDAY)
    assert duration.lower == Duration.of(5, BDAY)
    single = Duration.parse("3 days")
    assert not single.is_range
    assert single.upper == single.lower == single


@pytest.mark.parametrize(
    ("text", "low_days", "high_days"),
    [
        ("5-10 business days", D(7), D(14)),
        ("2 weeks", D(14), D(14)),
        ("1-2 months", D(30), D(60)),
        ("12 hours", D("0.5"), D("0.5")),
    ],
)
def test_duration_days(text: str, low_days: Decimal, high_days: Decimal) -> None:
    """Either bound converts to approximate calendar days."""
    duration = Duration.parse(text)
    assert duration.days("low") == low_days
    assert duration.days() == duration.days("high") == high_days


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("2-3 hours", timedelta(hours=2), timedelta(hours=3)),
        ("90 minutes", timedelta(minutes=90), timedelta(minutes=90)),
        ("1 week", timedelta(days=7), timedelta(days=7)),
    ],
)
def test_duration_timedelta(text: str, low: timedelta, high: timedelta) -> None:
    """Clock units have an exact length."""
    duration = Duration.parse(text)
    assert duration.timedelta("low") == low
    assert duration.timedelta() == high


def test_business_days_have_no_timedelta() -> None:
    """Business days have no fixed length, so they need a calendar."""
    with pytest.raises(ValueError, match=re.escape("use BusinessCalendar.add")):
        Duration.parse("3 business days").timedelta()


# -- money --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$50", D(50), "USD"),
        ("$ 50", D(50), "USD"),
        ("$12.50", D("12.50"), "USD"),
        ("$0.99", D("0.99"), "USD"),
        ("$1,000,000", D(1000000), "USD"),
        ("€20", D(20), "EUR"),
        ("£30", D(30), "GBP"),
        ("£1,234.56", D("1234.56"), "GBP"),
        ("¥500", D(500), "JPY"),
        ("₹1,200", D(1200), "INR"),
        ("50 USD", D(50), "USD"),
        ("50usd", D(50), "USD"),
        ("USD 1,250.00", D(1250), "USD"),
        ("EUR 20", D(20), "EUR"),
        ("12 CAD", D(12), "CAD"),
        ("40 dollars", D(40), "USD"),
        ("1 dollar", D(1), "USD"),
        ("10 euros", D(10), "EUR"),
        ("5 pounds", D(5), "GBP"),
        ("30 quid", D(30), "GBP"),
        ("20 bucks", D(20), "USD"),
    ],
)
def test_money_parse(text: str, amount: Decimal, currency: str) -> None:
    """Money is a symbol, an ISO code or a currency word with an exact amount."""
    money = Money.parse(text)
    assert money == Money(amount, currency)
    assert isinstance(money.amount, Decimal)


@pytest.mark.parametrize(
    "text", ["50", "fifty dollars", "$fifty", "50 XYZ", "$-5", "$1,25", "50 $", "1.000,50 EUR", ""]
)
def test_money_parse_rejects(text: str) -> None:
    """Text that is not an amount of money is rejected, quoting it."""
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not an amount of money")):
        Money.parse(text)


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(D(50), "USD"), "$50"),
        (Money(D("12.5"), "USD"), "$12.50"),
        (Money(D("12.00"), "USD"), "$12"),
        (Money(D(1250), "GBP"), "£1,250"),
        (Money(D("1234.5"), "EUR"), "€1,234.50"),
        (Money(D(12), "CAD"), "12 CAD"),
        (Money(D("1234.5"), "CAD"), "1,234.50 CAD"),
        (Money(D("0.125"), "USD"), "$0.125"),  # never rounded away
    ],
)
def test_money_str(money: Money, text: str) -> None:
    """Money renders with its symbol (or code), thousands commas and cents when there are any."""
    assert str(money) == text


# -- percentages --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15%", D(15)),
        ("15 %", D(15)),
        ("12.5%", D("12.5")),
        ("0%", D(0)),
        ("100%", D(100)),
        ("15 percent", D(15)),
        ("15 per cent", D(15)),
        ("fifteen percent", D(15)),
        ("1,000%", D(1000)),
    ],
)
def test_percent_parse(text: str, value: Decimal) -> None:
    """A percentage is a number with "%" or "percent"."""
    assert Percent.parse(text) == Percent(value)


@pytest.mark.parametrize("text", ["15", "%15", "15 pc", "fifteen", ""])
def test_percent_parse_rejects(text: str) -> None:
    """Text that is not a percentage is rejected, quoting it."""
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a percentage")):
        Percent.parse(text)


@pytest.mark.parametrize(
    ("percent", "text"),
    [(Percent(D(15)), "15%"), (Percent(D("12.50")), "12.5%"), (Percent(D(1000)), "1,000%")],
)
def test_percent_str(percent: Percent, text: str) -> None:
    """A percentage renders as digits and "%"."""
    assert str(percent) == text


# -- counts -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("3 devices", D(3), "device"),
        ("1 device", D(1), "device"),
        ("5,000 points", D(5000), "point"),
        ("two pets", D(2), "pet"),
        ("1 checked bag", D(1), "checked bag"),
        ("3 checked bags", D(3), "checked bag"),
        ("3 boxes", D(3), "box"),
        ("2 glasses", D(2), "glass"),
        ("4 companies", D(4), "company"),
        ("5 keys", D(5), "key"),
        ("2 people", D(2), "person"),
        ("3 children", D(3), "child"),
        ("2 Women", D(2), "woman"),
    ],
)
def test_count_parse(text: str, value: Decimal, noun: str) -> None:
    """A count is a number and a noun, kept in the singular."""
    assert Count.parse(text) == Count(value, noun)


@pytest.mark.parametrize("text", ["three", "3", "3 4", "3 checked bags extra", "devices", ""])
def test_count_parse_rejects(text: str) -> None:
    """Text that is not a number and a noun is rejected, quoting it."""
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a count")):
        Count.parse(text)


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (Count(D(1), "device"), "1 device"),
        (Count(D(3), "device"), "3 devices"),
        (Count(D(0), "device"), "0 devices"),
        (Count(D(2), "person"), "2 people"),
        (Count(D(2), "child"), "2 children"),
        (Count(D(2), "salesperson"), "2 salespeople"),
        (Count(D(4), "company"), "4 companies"),
        (Count(D(4), "key"), "4 keys"),
        (Count(D(2), "box"), "2 boxes"),
        (Count(D(2), "glass"), "2 glasses"),
        (Count(D(2), "status"), "2 statuses"),
        (Count(D(2), "bus"), "2 buses"),
        (Count(D(5000), "point"), "5,000 points"),
        (Count(D(3), "checked bag"), "3 checked bags"),
    ],
)
def test_count_str(count: Count, text: str) -> None:
    """A count renders the noun in the singular for one, in the plural otherwise."""
    assert str(count) == text


@pytest.mark.parametrize(
    ("plural", "single"),
    [
        ("devices", "device"),
        ("boxes", "box"),
        ("churches", "church"),
        ("dishes", "dish"),
        ("glasses", "glass"),
        ("companies", "company"),
        ("pies", "pie"),
        ("keys", "key"),
        ("people", "person"),
        ("Children", "child"),
        ("checked bags", "checked bag"),
        ("status", "status"),
        ("bonus", "bonus"),
        ("analysis", "analysis"),
        ("device", "device"),
        ("", ""),
    ],
)
def test_singular(plural: str, single: str) -> None:
    """Regular English plurals (and a few irregular ones) become singular."""
    assert singular(plural) == single


# -- limits -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("$50", Money(D(50), "USD")),
        ("50 EUR", Money(D(50), "EUR")),
        ("15%", Percent(D(15))),
        ("fifteen percent", Percent(D(15))),
        ("3 devices", Count(D(3), "device")),
        ("5,000 points", Count(D(5000), "point")),
    ],
)
def test_parse_limit(text: str, limit: Money | Percent | Count) -> None:
    """An up_to limit is money, a percentage or a count, tried in that order."""
    assert parse_limit(text) == limit


@pytest.mark.parametrize("text", ["lots", "15", "", "$"])
def test_parse_limit_rejects(text: str) -> None:
    """A limit that is none of the three is rejected, quoting it and naming the kinds."""
    message = f"{text!r} is not an amount of money, a percentage, or a count like '3 devices'"
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_limit(text)


# -- round trips --------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)
# Money is usually in cents, but a rendered amount must never round a finer one away.
fine_amounts = st.decimals(min_value=0, max_value=10**7, places=4, allow_nan=False)
whole_or_half = st.integers(min_value=0, max_value=20_000).map(lambda n: D(n) / 2)
units = st.sampled_from(list(TimeUnit))
nouns = st.sampled_from(
    ["device", "point", "pet", "checked bag", "box", "company", "person", "child", "key", "seat"]
)
ROUND_TRIP = settings(max_examples=200, deadline=None)


@ROUND_TRIP
@given(whole_or_half, whole_or_half, units)
def test_duration_round_trip(a: Decimal, b: Decimal, unit: TimeUnit) -> None:
    """A rendered duration parses back to an equal duration."""
    duration = Duration(min(a, b), max(a, b), unit)
    assert Duration.parse(str(duration)) == duration


@ROUND_TRIP
@given(fine_amounts, st.sampled_from(["USD", "EUR", "GBP", "JPY", "INR", "CAD", "CHF"]))
def test_money_round_trip(amount: Decimal, currency: str) -> None:
    """A rendered amount of money parses back to an equal amount."""
    money = Money(amount, currency)
    assert Money.parse(str(money)) == money


@ROUND_TRIP
@given(amounts)
def test_percent_round_trip(value: Decimal) -> None:
    """A rendered percentage parses back to an equal percentage."""
    assert Percent.parse(str(Percent(value))) == Percent(value)


@ROUND_TRIP
@given(st.integers(min_value=0, max_value=10**6), nouns)
def test_count_round_trip(value: int, noun: str) -> None:
    """A rendered count parses back to an equal count (and as a limit too)."""
    count = Count(D(value), noun)
    assert Count.parse(str(count)) == count
    assert parse_limit(str(count)) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a fortnight", "2 weeks"), ("3 fortnights", "6 weeks"), ("1-2 fortnights", "2-4 weeks")],
)
def test_a_fortnight_is_two_weeks(text: str, expected: str) -> None:
    """A fortnight is read as two weeks."""
    assert str(Duration.parse(text)) == expected


def test_a_match_at_one_place_reads_no_further_than_its_reach() -> None:
    """A pattern matched at one place of a long text stops at MATCH_REACH characters.

    A pattern with a literal that must occur would otherwise look for it through the whole
    rest of the text, once per place: a 1 MB reply of dates took 19 s, not 7 s.
    """
    text = "a" * (5 * MATCH_REACH)
    found = match_at(regex.compile("a+"), text, 10)
    assert found is not None
    assert found.span() == (10, 10 + MATCH_REACH)
    assert match_at(regex.compile(r"a+\)"), text + ")", 0) is None
    assert match_at(regex.compile(r"\s*\)"), "x  ) y", 1) is not None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("person", "passenger", True),
        ("child", "kid", True),
        ("party child", "kid", True),
        ("kid", "youngster", True),
        ("device", "device", True),
        # Children are not the adults or the guests a limit counts.
        ("child", "adult", False),
        ("kid", "guest", False),
        ("device", "kid", False),
    ],
)
def test_same_counted(a: str, b: str, same: bool) -> None:
    """Nouns that count one kind of thing: people, children, or the same noun."""
    assert same_counted(a, b) is same


@pytest.mark.parametrize("text", ["1 second", "0-1 second", "45 seconds", "1 sec"])
def test_a_policy_duration_in_seconds_round_trips(text: str) -> None:
    """A policy may write one second in the singular, and its text reads back the same."""
    duration = Duration.parse(text)
    assert duration.unit is TimeUnit.SECOND
    assert Duration.parse(str(duration)) == duration


def test_a_second_in_a_reply_is_no_length_of_time() -> None:
    """In a reply, "a second" is most often the ordinal ("a second photographer")."""
    now = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    calendar = BusinessCalendar()
    found = find_mentions("We can send a second photographer.", now=now, calendar=calendar)
    assert not any(isinstance(m, DurationMention) for m in found)
