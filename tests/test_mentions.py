"""find_mentions(): durations, deadlines, amounts and relative times in a reply."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import TypeVar
from zoneinfo import ZoneInfo

import pytest

from honestcs.calendar import BusinessCalendar
from honestcs.quantities import Count, Duration, Money, Percent, TimeUnit
from honestcs.text.mentions import (
    AmountMention,
    DeadlineMention,
    DurationMention,
    Mention,
    RelativeMention,
    find_mentions,
)

CHICAGO = ZoneInfo("America/Chicago")
CALENDAR = BusinessCalendar("America/Chicago", holidays=frozenset({date(2026, 12, 25)}))
# Tuesday 1 December 2026, 10:00 in Chicago.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=CHICAGO)
COUNT_NOUNS = ("child seat", "pet", "device")
M = TypeVar("M", DurationMention, DeadlineMention, RelativeMention, AmountMention)


def _mentions(text: str, now: datetime = NOW) -> list[Mention]:
    return find_mentions(text, now=now, calendar=CALENDAR, count_nouns=COUNT_NOUNS)


def _one(text: str, kind: type[M], now: datetime = NOW) -> M:
    """The single mention of ``kind`` in ``text`` (fails when there are none or several)."""
    found = [m for m in _mentions(text, now) if isinstance(m, kind)]
    assert len(found) == 1, f"{text!r}: expected one {kind.__name__}, got {found}"
    return found[0]


def _span(text: str, mention: Mention) -> str:
    return text[mention.start : mention.end]


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=CHICAGO)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CHICAGO)


# -- durations ------------------------------------------------------------------

D, BD, H, W, MO, MIN = (
    TimeUnit.DAY,
    TimeUnit.BUSINESS_DAY,
    TimeUnit.HOUR,
    TimeUnit.WEEK,
    TimeUnit.MONTH,
    TimeUnit.MINUTE,
)


def _dur(name: str, text: str, span: str, low: str, high: str, unit: TimeUnit, role: str) -> object:
    return pytest.param(text, span, Duration(Decimal(low), Decimal(high), unit), role, id=name)


DURATIONS = [
    _dur("takes a range", "Refunds take 5-7 business days.",
         "5-7 business days", "5", "7", BD, "takes"),
    _dur("takes in words", "It takes two weeks.", "two weeks", "2", "2", W, "takes"),
    _dur("usually", "Delivery usually needs 10 to 14 days.",
         "10 to 14 days", "10", "14", D, "takes"),
    _dur("within", "It will arrive within 3 days.", "3 days", "3", "3", D, "within"),
    _dur("in, worded range", "It will arrive in three to five business days.",
         "three to five business days", "3", "5", BD, "within"),
    _dur("in an hour", "I'll do it in an hour.", "an hour", "1", "1", H, "within"),
    _dur("in minutes", "I'll do it in 5 minutes.", "5 minutes", "5", "5", MIN, "within"),
    _dur("within a week", "Within a week.", "a week", "1", "1", W, "within"),
    _dur("window: you have", "You have 30 days to return it.", "30 days", "30", "30", D, "window"),
    _dur("window: is", "The window is 60 days.", "60 days", "60", "60", D, "window"),
    _dur("compound window", "We offer a 14-day window.", "14-day", "14", "14", D, "compound"),
    _dur("compound delivery", "It comes with 2-day delivery.", "2-day", "2", "2", D, "compound"),
    _dur("for a length", "Renew for 12 months.", "12 months", "12", "12", MO, "for"),
    _dur("ago", "You ordered it 10 days ago.", "10 days", "10", "10", D, "ago"),
    _dur("earlier", "It arrived 2 weeks earlier.", "2 weeks", "2", "2", W, "ago"),
    _dur("before an event", "Cancel up to 24 hours before arrival.",
         "24 hours", "24", "24", H, "before"),
    _dur("bare", "Returns: 30 days.", "30 days", "30", "30", D, "bare"),
    _dur("hyphenated number word", "It takes twenty-four hours.",
         "twenty-four hours", "24", "24", H, "takes"),
    _dur("decimal", "It takes 1.5 hours.", "1.5 hours", "1.5", "1.5", H, "takes"),
    _dur("or range", "It takes 2 or 3 days.", "2 or 3 days", "2", "3", D, "takes"),
    _dur("en dash range", "It takes 2\u20133 days.", "2\u20133 days", "2", "3", D, "takes"),
    _dur("a couple of", "It takes a couple of days.", "a couple of days", "2", "2", D, "takes"),
    _dur("a few", "It takes a few days.", "a few days", "3", "3", D, "takes"),
    _dur("a day", "It takes a day.", "a day", "1", "1", D, "takes"),
    _dur("full-width digit", "It will arrive in \uff13 days.",
         "\uff13 days", "3", "3", D, "within"),
    # A measure genitive measures the noun after it: a sum so measured is no time; another
    # length ("12 months' warranty") is its own; a wait so measured is still a time.
    _dur("measure genitive", "We keep one day's hire charge.", "one day", "1", "1", D,
         "measure"),
    _dur("measure genitive, plural", "We keep a week's rent as the deposit.",
         "a week", "1", "1", W, "measure"),
    _dur("measure genitive of a length", "It comes with 12 months' warranty.", "12 months",
         "12", "12", MO, "for"),
    _dur("notice genitive", "It needs 30 days' notice.", "30 days", "30", "30", D, "notice"),
    _dur("a wait, measured", "Fittings take a week's wait.", "a week", "1", "1", W, "takes"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "duration", "role"), DURATIONS)
def test_durations_and_their_roles(text: str, span: str, duration: Duration, role: str) -> None:
    """A duration is read with its bounds, its unit, and how the sentence uses it."""
    mention = _one(text, DurationMention)
    assert _span(text, mention) == span
    assert mention.duration == duration
    assert mention.role == role


def test_compound_duration_names_its_noun() -> None:
    """A compound duration ("a 14-day window") records the noun it describes."""
    assert _one("We offer a 14-day window.", DurationMention).noun == "window"
    assert _one("It comes with 2-day delivery.", DurationMention).noun == "delivery"
    assert _one("It takes 2 days.", DurationMention).noun is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We'll do it as soon as possible.", id="as soon as possible"),
        pytest.param("We'll do it soon.", id="soon"),
        pytest.param("We'll do it shortly.", id="shortly"),
        pytest.param("I bought 5 apples.", id="a number of something not counted"),
    ],
)
def test_vague_times_are_not_mentions(text: str) -> None:
    """Words that give no trackable time or amount ("soon", "ASAP") are not mentions."""
    assert _mentions(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Reply with a few days and times that suit.",
        "Send us a couple of days that work for you.",
        "Give us 3 days you're free and we'll pick one.",
    ],
)
def test_days_to_choose_from_are_no_length_of_time(text: str) -> None:
    """'Reply with a few days and times that suit': days as options, not a time taken."""
    assert not any(isinstance(m, DurationMention) for m in _mentions(text))


def test_days_before_an_act_are_still_a_length_of_time() -> None:
    """'It takes a few days and costs £5': the days are how long it takes."""
    text = "It takes a few days and costs £5."
    mention = _one(text, DurationMention)
    assert text[mention.start : mention.end] == "a few days"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Call me at 5pm.", "at 5pm"),
        ("I'll ring them at 2:30 to check.", "at 2:30"),
        ("We'll give her the dose at lunchtime.", "at lunchtime"),
        ("We'll text you photos during the groom.", "during the groom"),
        ("We'll sort it all on the day.", "on the day"),
    ],
)
def test_a_time_of_day_or_an_event_is_a_time_frame_not_a_deadline(text: str, span: str) -> None:
    """A clock time without by/before/until, or an event, can be held to, but sets no due date.

    So it is a relative mention, which no limit of the policy is checked against.
    """
    mentions = _mentions(text)
    assert [type(m) for m in mentions] == [RelativeMention]
    assert _span(text, mentions[0]) == span


@pytest.mark.parametrize(
    "text",
    ["We'll text you photos during the day.", "We'll look into what happened on the night."],
)
def test_any_time_of_the_day_or_a_night_gone_is_no_time_frame(text: str) -> None:
    assert _mentions(text) == []


# -- deadlines ------------------------------------------------------------------

TUE, WED, FRI, SAT = date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 4), date(2026, 12, 5)
MON, THU10, FRI11 = date(2026, 12, 7), date(2026, 12, 10), date(2026, 12, 11)


def _due(name: str, text: str, span: str, due: datetime) -> object:
    return pytest.param(text, span, due, id=name)


DEADLINES = [
    _due("today", "It will arrive today.", "today", _end_of(TUE)),
    _due("tonight", "It will arrive tonight.", "tonight", _end_of(TUE)),
    _due("this afternoon", "It will arrive this afternoon.", "this afternoon", _at(TUE, 17)),
    _due("tomorrow", "It will arrive tomorrow.", "tomorrow", _end_of(WED)),
    _due("tomorrow morning", "It will arrive tomorrow morning.", "tomorrow morning", _at(WED, 12)),
    _due("tomorrow before noon", "It will arrive tomorrow before noon.",
         "tomorrow before noon", _at(WED, 12)),
    _due("by Friday", "It will arrive by Friday.", "Friday", _end_of(FRI)),
    _due("on Monday (next one)", "It will arrive on Monday.", "Monday", _end_of(MON)),
    _due("by next Friday", "It will arrive by next Friday.", "next Friday", _end_of(FRI11)),
    _due("Friday at 3pm", "It will arrive Friday at 3pm", "Friday at 3pm", _at(FRI, 15)),
    _due("by 5pm", "It will arrive by 5pm", "by 5pm", _at(TUE, 17)),
    _due("by noon", "It will arrive by noon.", "by noon", _at(TUE, 12)),
    _due("by 9am (already past today)", "It will arrive by 9am", "by 9am", _at(WED, 9)),
    _due("by 5pm today", "It will arrive by 5pm today.", "by 5pm today", _at(TUE, 17)),
    _due("by 5 p.m. on Friday", "It will arrive by 5 p.m. on Friday.",
         "by 5 p.m. on Friday", _at(FRI, 17)),
    _due("by 5pm on December 10", "It will arrive by 5pm on December 10.",
         "by 5pm on December 10", _at(THU10, 17)),
    _due("by 5pm EST on December 10 (4pm in Chicago)", "It will arrive by 5pm EST on December 10.",
         "by 5pm EST on December 10", _at(THU10, 16)),
    _due("by 9am PT tomorrow (11am in Chicago)", "It will arrive by 9am PT tomorrow.",
         "by 9am PT tomorrow", _at(WED, 11)),
    _due("by noon, Thursday December 10", "It will arrive by noon, Thursday December 10.",
         "by noon, Thursday December 10", _at(THU10, 12)),
    _due("by December 10", "It will arrive by December 10.", "December 10", _end_of(THU10)),
    _due("by 13/12: day first, the only reading", "It will arrive by 13/12.",
         "13/12", _end_of(date(2026, 12, 13))),
    _due("by 12/10: the later of Dec 10 and Oct 12 next year", "It will arrive by 12/10.",
         "12/10", _end_of(date(2027, 10, 12))),
    _due("on 10/12/2026: the later of Oct 12 and Dec 10", "It will arrive on 10/12/2026.",
         "10/12/2026", _end_of(THU10)),
    _due("by Dec 10th", "It will arrive by Dec 10th.", "Dec 10th", _end_of(THU10)),
    _due("ISO date", "It will arrive on 2026-12-10.", "2026-12-10", _end_of(THU10)),
    _due("a date already past means next year", "It will arrive by November 30.",
         "November 30", _end_of(date(2027, 11, 30))),
    _due("day, date and time window", "Delivery is Saturday 5 December between 8am and 1pm",
         "Saturday 5 December between 8am and 1pm", _at(SAT, 13)),
    _due("end of day", "I'll do it by end of day.", "by end of day", _end_of(TUE)),
    _due("EOD", "It will arrive by EOD.", "EOD", _end_of(TUE)),
    _due("close of business", "Done by close of business.", "close of business", _end_of(TUE)),
    _due("later this week", "It will arrive later this week.", "later this week", _end_of(FRI)),
    _due("next week", "It will ship next week.", "next week", _end_of(FRI11)),
    _due("within the hour", "I'll call within the hour.", "within the hour", _at(TUE, 11)),
    _due("end of the month", "It will arrive by the end of the month.",
         "by the end of the month", _end_of(date(2026, 12, 31))),
    _due("end of next month, into next year", "Done by the end of next month.",
         "by the end of next month", _end_of(date(2027, 1, 31))),
    _due("end of a named month still to come", "We'll hold it until the end of February.",
         "the end of February", _end_of(date(2027, 2, 28))),
    _due("end of this month by name", "It ships before the end of December.",
         "the end of December", _end_of(date(2026, 12, 31))),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "due"), DEADLINES)
def test_deadlines_resolve_against_now_and_the_calendar(
    text: str, span: str, due: datetime
) -> None:
    """A deadline is resolved to the instant it ends, in the calendar's time zone."""
    mention = _one(text, DeadlineMention)
    assert _span(text, mention) == span
    assert mention.due == due
    assert mention.due.utcoffset() == due.utcoffset()
    assert not mention.instant


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I'll do it right away.", id="right away"),
        pytest.param("I'll do it immediately.", id="immediately"),
        pytest.param("It is refunded instantly.", id="instantly"),
    ],
)
def test_instant_deadlines_are_now(text: str) -> None:
    """Right away, immediately and instantly are due now and marked instant."""
    mention = _one(text, DeadlineMention)
    assert mention.due == NOW
    assert mention.instant


def test_deadlines_take_now_in_another_zone() -> None:
    """A ``now`` in another zone is moved into the calendar's zone before resolving."""
    utc_now = datetime(2026, 12, 1, 16, 0, tzinfo=ZoneInfo("UTC"))  # 10:00 in Chicago
    mention = _one("It will arrive today.", DeadlineMention, now=utc_now)
    assert mention.due == _end_of(TUE)
    assert mention.due.tzinfo == CHICAGO


def test_next_week_ends_on_its_last_workday() -> None:
    """Next week ends at the end of next week's last workday, skipping a holiday Friday."""
    thursday = datetime(2026, 12, 17, 10, 0, tzinfo=CHICAGO)  # Christmas 2026 is a Friday
    mention = _one("It will ship next week.", DeadlineMention, now=thursday)
    assert mention.due == _end_of(date(2026, 12, 24))


def test_a_clock_time_later_today_stays_today() -> None:
    """A bare "by 5pm" is today while 5pm is still ahead, otherwise tomorrow."""
    evening = datetime(2026, 12, 1, 18, 0, tzinfo=CHICAGO)
    assert _one("Done by 5pm", DeadlineMention).due == _at(TUE, 17)
    assert _one("Done by 5pm", DeadlineMention, now=evening).due == _at(WED, 17)


# -- amounts --------------------------------------------------------------------

USD, GBP, EUR = "USD", "GBP", "EUR"


def _amount(name: str, text: str, span: str, value: Money | Percent | Count) -> object:
    return pytest.param(text, span, value, id=name)


AMOUNTS = [
    _amount("dollar sign", "That's $50 back.", "$50", Money(Decimal(50), USD)),
    _amount("pound sign", "That's \u00a330.", "\u00a330", Money(Decimal(30), GBP)),
    _amount("euro sign", "That's \u20ac20.", "\u20ac20", Money(Decimal(20), EUR)),
    _amount("code after", "That's 50 USD.", "50 USD", Money(Decimal(50), USD)),
    _amount("euro sign after", "Cots are 8\u20ac a night.", "8\u20ac", Money(Decimal(8), EUR)),
    _amount("dollar sign after", "I paid 65.50 $.", "65.50 $", Money(Decimal("65.50"), USD)),
    _amount("dollars in words", "That's 50 dollars.", "50 dollars", Money(Decimal(50), USD)),
    _amount("thousands and cents", "That's $1,250.00.", "$1,250.00", Money(Decimal(1250), USD)),
    _amount("k for thousand", "I've sent $2k.", "$2k", Money(Decimal(2000), USD)),
    _amount("percent sign", "That's 15% off.", "15%", Percent(Decimal(15))),
    _amount("percent in words", "That's 15 percent.", "15 percent", Percent(Decimal(15))),
    _amount("count after adjectives", "I'll add three child seats.", "three child seats",
            Count(Decimal(3), "seat")),
    _amount("count after one adjective", "I'll add 2 extra pets.", "2 extra pets",
            Count(Decimal(2), "pet")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "value"), AMOUNTS)
def test_amounts(text: str, span: str, value: Money | Percent | Count) -> None:
    """Money in any common currency form, percentages and counts of policy nouns are read."""
    mention = _one(text, AmountMention)
    assert _span(text, mention) == span
    assert mention.value == value
    assert not mention.free


def test_a_count_before_a_prefixed_sum_is_no_sum() -> None:
    """In "5 $10 vouchers" the symbol belongs to the 10 after it, not the 5 before."""
    mention = _one("Buy 5 $10 vouchers.", AmountMention)
    assert _span("Buy 5 $10 vouchers.", mention) == "$10"
    assert mention.value == Money(Decimal(10), USD)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param("Shipping is free.", "free", id="free"),
        pytest.param("Free of charge.", "Free of charge", id="free of charge"),
        pytest.param("There is no charge.", "no charge", id="no charge"),
        pytest.param("At no extra cost.", "At no extra cost", id="at no extra cost"),
        pytest.param("It's complimentary.", "complimentary", id="complimentary"),
    ],
)
def test_free_is_a_zero_price(text: str, span: str) -> None:
    """Free, no charge and the like are a zero amount marked free."""
    mention = _one(text, AmountMention)
    assert _span(text, mention) == span
    assert mention.free
    assert isinstance(mention.value, Money)
    assert mention.value.amount == 0


@pytest.mark.parametrize(
    ("text", "rule_like"),
    [
        pytest.param("You can bring up to 4 pets.", True, id="up to"),
        pytest.param("Only one device is allowed.", True, id="only"),
        pytest.param("You can have a maximum of 15%.", True, id="a maximum of"),
        pytest.param("You can have up to $50.", True, id="money up to"),
        pytest.param("That's $50 back.", False, id="a plain amount"),
        pytest.param("I'll add three child seats.", False, id="a plain count"),
    ],
)
def test_rule_like_amounts(text: str, rule_like: bool) -> None:
    """An amount stated as a limit ("up to 4 pets", "only one device") is marked rule-like."""
    assert _one(text, AmountMention).rule_like is rule_like


def test_counts_only_for_policy_nouns() -> None:
    """A number before a noun the policy doesn't count is not a count."""
    assert _mentions("I bought 5 apples.") == []
    assert find_mentions("Bring 4 pets.", now=NOW, calendar=CALENDAR) == []


# -- relative times ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param("We'll refund you once it's back with us.", "once it", id="once it's back"),
        pytest.param("As soon as it's back, we refund.", "As soon as it", id="as soon as"),
        pytest.param("We'll call the day before.", "the day before", id="the day before"),
        pytest.param("We'll call before the delivery.", "before the", id="before the delivery"),
        pytest.param("We'll text the evening before.", "the evening before", id="evening before"),
    ],
)
def test_relative_times(text: str, span: str) -> None:
    """A time tied to an event is a relative mention."""
    assert _span(text, _one(text, RelativeMention)) == span


# -- the whole text ---------------------------------------------------------------


def test_mentions_come_in_text_order_with_true_offsets() -> None:
    """Mentions of every kind are returned in text order, each span pointing at its words."""
    text = "Refunds take 5-7 business days; I've added $20 and 10% off, and it ships by Friday."
    found = _mentions(text)
    assert [_span(text, m) for m in found] == ["5-7 business days", "$20", "10%", "Friday"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_an_amount_is_not_read_as_a_duration_or_count() -> None:
    """A number already read as money or a deadline is not read again as something else."""
    text = "It costs $30 and arrives December 10."
    kinds = [type(m) for m in _mentions(text)]
    assert kinds == [AmountMention, DeadlineMention]


def test_naive_now_is_rejected() -> None:
    """Deadlines cannot be resolved against a naive ``now``."""
    with pytest.raises(ValueError):
        find_mentions("today", now=datetime(2026, 12, 1, 10), calendar=CALENDAR)
