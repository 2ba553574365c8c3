"""Fuzzing: check() over any Unicode.

A chatbot guard runs ``check()`` on text an attacker writes. These properties hold for
every input: ``check()`` raises nothing but a ``HonestCSError``; every finding and promise
spans visible text of the reply as given; two checks of one input give equal reports, in
one checker or in two.

A few hundred examples each in every run of the suite; ``HYPOTHESIS_PROFILE=long`` runs
20,000 each (tests/conftest.py, and the Testing page of the docs). What the fuzzing found
and is not fixed yet is a strict xfail test with the smallest input that shows it.
"""

from __future__ import annotations

import contextlib
import copy
import json
import tomllib
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import honestcs
from honestcs import HonestCSError, Policy, ReplyChecker, Report

EXAMPLES = Path(__file__).parents[1] / "examples"

#: A few hundred examples per property in the suite; the loaded profile when it asks for more
#: (HYPOTHESIS_PROFILE=long: 20,000). No deadline: a long generated reply may take a while
#: on a loaded machine, and speed has its own tests.
FUZZ = settings(
    max_examples=max(300, settings().max_examples),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- Policies and checkers ----------------------------------------------------------------


def _toml(name: str) -> dict[str, Any]:
    with (EXAMPLES / name).open("rb") as file:
        return tomllib.load(file)


def _in_zone(data: dict[str, Any], zone: str) -> dict[str, Any]:
    moved = copy.deepcopy(data)
    moved["policy"]["timezone"] = zone
    return moved


NORTHWIND = _toml("northwind.toml")
# Plain terms (northwind), terms with wildcards (airline), departments (an extended policy),
# and time zones whose offsets and daylight saving are odd: +14:00, +12:45 with DST, a
# half-hour DST shift, -12:00, +05:45.
POLICIES: tuple[Policy, ...] = (
    Policy.from_dict(NORTHWIND),
    honestcs.load_policy(EXAMPLES / "airline.toml"),
    honestcs.load_policy(EXAMPLES / "departments" / "company.toml"),
    Policy.from_dict(_in_zone(NORTHWIND, "Pacific/Kiritimati")),
    Policy.from_dict(_in_zone(NORTHWIND, "Pacific/Chatham")),
    Policy.from_dict(_in_zone(NORTHWIND, "Australia/Lord_Howe")),
    Policy.from_dict(_in_zone(NORTHWIND, "Etc/GMT+12")),
    Policy.from_dict(_in_zone(NORTHWIND, "Asia/Kathmandu")),
)
CHECKERS: tuple[ReplyChecker, ...] = tuple(ReplyChecker(policy) for policy in POLICIES)
CHICAGO, KIRITIMATI = CHECKERS[0], CHECKERS[3]


# --- Text --------------------------------------------------------------------------------

# What a customer-service reply is made of, so that generated text reaches the reading
# of terms, times, amounts, refusals and questions instead of being passed over.
SENTENCES = (
    "We'll refund you within 3 days.",
    "I've started your refund, and the money will be back on your card within 3 days.",
    "I can give you 30% off the sofa.",
    "I've added $100 of store credit to your account.",
    "Your order will arrive tomorrow.",
    "I guarantee it will be delivered by Friday.",
    "It will definitely arrive by 5pm EST on December 10.",
    "We can't reupholster the sofa.",
    "Unfortunately we can't do that.",
    "Sure, no problem!",
    "The customer is always right.",
    "We'll look into it and get back to you.",
    "You have 60 days to return it.",
    "White-glove delivery is $99.",
    "I'll call you back by the 18th.",
    "Refunds usually take 2 business days.",
    "If you leave a five-star review, I'll send you a gift card.",
    "We will call you in 10000 years.",
    "Your refund will arrive within 99999999 days.",
    "We'll deliver it by 9999-12-31 at 11pm.",
    "I'll skip the inspection for you, no problem.",
    "Per our policy, returns aren't possible after 30 days.",
    "A technician will visit next week.",
    "I can change your basic economy flight and add 6 passengers.",
    "We'll send it by 13/12, or by 9/12 at the latest.",
    'She said "I will refund you today", but that was a mistake.',
    "Anything you want!",
    "I'm so sorry about that.",
    "Thanks for waiting.",
)
QUESTIONS = (
    "Can I get a refund?",
    "When will my sofa arrive?",
    "How much is white-glove delivery?",
    "Could you skip the inspection?",
    "Can you reupholster it in a different fabric?",
    "Can you change my basic economy flight?",
    "wtf?",
    "What do I owe?",
    "how long until I get my money back",
    "Any discount?",
)
WORDS = (
    "refund", "deliver", "arrive", "return", "discount", "% off", "store credit", "gift card",
    "technician", "white-glove", "call you back", "reupholster", "exact time",
    "five-star review", "skip the inspection", "guaranteed", "100%", "ironclad", "promise",
    "definitely", "never", "always", "I", "we", "you", "will", "we'll", "I'll", "can",
    "can't", "won't", "not", "no", "yes", "if", "because", "so", "but", "and", "the", "a",
    "your", "it", "within", "in", "by", "until", "before", "after", "of", "for", "up to",
    "days", "business days", "hours", "weeks", "months", "years", "minutes", "today",
    "tonight", "tomorrow", "Friday", "next week", "December 10", "the 18th", "5pm", "EST",
    "3", "2", "0", "1,000", "5-7", "two", "a week or two", "$50", "$0.01", "£30", "€20",
    "50 USD", "15%", "30%", "3 devices", "99999999", "9999-12-31", "13/12", "9/12",
    "$100000000000000000000000000.5", "$1.0000000000000000000000000001", "1e30%",
)  # fmt: skip
SEPARATORS = (
    " ", " ", " ", ". ", ", ", "? ", "! ", "; ", ": ", " - ", " \u2014 ", "\n", "\n\n",
    "\r", "\r\n", "\t", '"', "'", "(", ")", "[", "]", "*", "- ", "1. ", "...", "\u2026",
)  # fmt: skip

# Characters that break naive text handling, alone or in the sequences they come in.
ODD_PIECES = (
    "\x00", "\r", "\r\r", "\x0b", "\x0c", "\x1c", "\x1e", "\x85", "\u2028", "\u2029",
    "\ud800", "\udfff", "\udc00x", "\ud83d", "\ude00",  # lone surrogates, and halves of a pair
    "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202d", "\u202e", "\u202c",
    "\u2066", "\u2067", "\u2068", "\u2069",  # direction marks, embeddings and isolates
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627 \u0663 \u0623\u064a\u0627\u0645",
    "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",  # family: ZWJ sequence
    "\U0001f3f3\ufe0f\u200d\U0001f308", "\U0001f468\U0001f3fd\u200d\U0001f4bb",
    "\U0001f1fa\U0001f1f8", "1\ufe0f\u20e3", "\U0001f3f4\U000e0067\U000e0062\U000e0073"
    "\U000e0063\U000e0074\U000e007f", "\u200d", "\U0001f3fd", "\ufe0f",
    "\u0301", "e\u0301", "\u0308\u0308\u0308", "a" + "\u0300\u0301\u0302\u0303\u0304" * 8,
    "\u20dd", "\u0489",  # combining marks, alone, stacked and enclosing
    "\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u3000", "\u2009",
    "\uff13", "\uff05", "\u0663", "\u096a", "\u00bd", "\u00b9", "\ufb01", "\ufb00",
    "\u0130", "\u0131", "\u00df", "\u1e9e", "\u01c5", "\u03a3", "\u0390", "\ufb03",
    "\u0440\u0435\u0444\u0430\u043d\u0434", "r\u0435fund", "\u03bf\u03ba",  # look-alikes
    "\u9000\u6b3e", "\u8fd4\u91d1\u3057\u307e\u3059", "\u0930\u093f\u092b\u0902\u0921",
    "\u0e04\u0e37\u0e19\u0e40\u0e07\u0e34\u0e19",  # refund: Chinese, Japanese, Hindi, Thai
    "\U0001d42b\U0001d41e\U0001d41f\U0001d42e\U0001d427\U0001d41d",  # mathematical bold
    "\ue000", "\U0010ffff", "\ufffd", "\ufffe", "\U000e0001",
)  # fmt: skip

_SURROGATES = st.characters(categories=["Cs"])
_ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates too
_UNUSUAL_CHARACTER = st.characters(
    categories=["Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Mc", "Me", "Zs", "Zl", "Zp", "Sk", "So"]
)
_LETTERS = st.characters(categories=["L", "Nd", "No", "Nl"])
_LONG_WORD = st.one_of(
    st.builds(
        lambda piece, n: piece * n,
        st.sampled_from(["a", "9", "x\u0301", "refund", "$", "%", "-", "'", ".", "?", "!"]),
        st.integers(50, 1500),
    ),
    st.text(_LETTERS, min_size=60, max_size=400),
)
_ODD = st.one_of(
    st.sampled_from(ODD_PIECES),
    _SURROGATES,
    _UNUSUAL_CHARACTER,
    st.text(st.characters(categories=["Mn", "Me"]), min_size=1, max_size=30),
    st.text(_LETTERS, min_size=1, max_size=12),  # a word in any script
)


@st.composite
def _spliced(draw: st.DrawFn, text: st.SearchStrategy[str]) -> str:
    """Text with odd characters put anywhere: inside words, numbers and terms too."""
    result = draw(text)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(result)))
        result = result[:at] + draw(_ODD) + result[at:]
    return result


_PIECE = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(WORDS),
    st.sampled_from(SEPARATORS),
    _ODD,
)
_ASSEMBLED = st.lists(st.one_of(_PIECE, _spliced(_PIECE)), min_size=1, max_size=40).map("".join)

#: A reply, or a customer's message: mostly customer-service English with odd characters
#: spliced in, sometimes any Unicode at all, a run of one odd thing, or a very long word.
REPLIES = st.one_of(
    _spliced(_ASSEMBLED),
    _spliced(_ASSEMBLED),
    _spliced(_ASSEMBLED),
    st.text(_ANY_CHARACTER, max_size=200),
    st.lists(st.sampled_from(ODD_PIECES), max_size=60).map("".join),
    st.lists(st.one_of(_LONG_WORD, st.sampled_from(SENTENCES), _ODD), max_size=4).map(" ".join),
)
CUSTOMER_MESSAGES = st.one_of(
    st.none(),
    st.just(""),
    st.lists(
        st.one_of(st.sampled_from(QUESTIONS), st.sampled_from(SEPARATORS), _spliced(_PIECE)),
        min_size=1,
        max_size=12,
    ).map("".join),
    REPLIES,
)


# --- Time --------------------------------------------------------------------------------

_ZONES: tuple[tzinfo, ...] = (
    UTC,
    timezone(timedelta(hours=14)),
    timezone(timedelta(hours=-12)),
    timezone(timedelta(hours=5, minutes=45)),
    timezone(timedelta(hours=12, minutes=45)),
    timezone(timedelta(hours=-9, minutes=-30)),
    timezone(timedelta(minutes=1)),
    timezone(timedelta(hours=23, minutes=59)),
    timezone(-timedelta(hours=23, minutes=59)),
    ZoneInfo("America/Chicago"),
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/London"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Pacific/Kiritimati"),
    ZoneInfo("Pacific/Apia"),
    ZoneInfo("America/St_Johns"),
)
# Year ends, a leap day, the policies' holidays, and the days clocks change: US (8 March,
# 1 November 2026), UK (29 March, 25 October 2026), Lord Howe (5 April, 4 October 2026).
_MOMENTS = (
    datetime(2026, 12, 31, 23, 59, 59),
    datetime(2027, 1, 1, 0, 0),
    datetime(2025, 12, 31, 12, 0),
    datetime(2027, 12, 31, 18, 0),
    datetime(2028, 2, 29, 9, 30),
    datetime(2026, 12, 24, 17, 0),
    datetime(2026, 11, 25, 23, 0),
    datetime(2026, 3, 8, 2, 30),  # does not exist in Chicago
    datetime(2026, 11, 1, 1, 30),  # happens twice in Chicago
    datetime(2026, 3, 29, 1, 30),
    datetime(2026, 10, 25, 1, 30),
    datetime(2026, 4, 5, 1, 45),
    datetime(2026, 10, 4, 2, 15),
    datetime(2026, 12, 1, 10, 0),
    # Near the ends of datetime's range, but far enough in (two days and any offset) that the
    # instant is one in every zone: "within 99999999 days" and "by 9999-12-31" meet the end.
    datetime(1, 1, 5, 0, 0),
    datetime(9999, 12, 27, 0, 0),
)


@st.composite
def _nows(draw: st.DrawFn) -> datetime:
    """An aware moment near a year end or a clock change, in a zone with an odd offset."""
    moment = draw(st.sampled_from(_MOMENTS)) + timedelta(minutes=draw(st.integers(-2880, 2880)))
    return moment.replace(tzinfo=draw(st.sampled_from(_ZONES)), fold=draw(st.integers(0, 1)))


NOWS = _nows()


# --- check() -----------------------------------------------------------------------------


def _visible(text: str) -> bool:
    return bool(text) and not text.isspace()


def _assert_well_formed(report: Report, reply: str) -> None:
    """Every span of the report indexes ``reply`` as given and covers visible text."""
    assert report.reply == reply
    size = len(reply)
    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= size, finding
        assert _visible(reply[finding.start : finding.end]), finding
    starts = [finding.start for finding in report.findings]
    assert starts == sorted(starts)
    for promise in report.promises:
        assert 0 <= promise.start < promise.end <= size, promise
        assert promise.text == reply[promise.start : promise.end], promise
        assert _visible(promise.text), promise
        assert promise.due is None or promise.due.utcoffset() is not None, promise
    json.dumps(report.to_dict())


def _check_or_error(
    checker: ReplyChecker, reply: str, customer: str | None, now: datetime
) -> Report | HonestCSError:
    try:
        return checker.check(reply, customer_message=customer, now=now)
    except HonestCSError as error:  # documented, such as a reply over the size limit
        return error


@FUZZ
@given(
    reply=REPLIES,
    customer=CUSTOMER_MESSAGES,
    now=NOWS,
    checker=st.sampled_from(CHECKERS),
)
@example(reply="\ud800 refund\x00\r within \u202e3 days\u200d", customer=None,
         now=datetime(2026, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-12))),
         checker=CHICAGO)  # fmt: skip
def test_check_raises_nothing_undocumented_and_spans_index_the_reply(
    reply: str, customer: str | None, now: datetime, checker: ReplyChecker
) -> None:
    """Any reply and message: a report whose spans cover visible text of it, or a HonestCSError."""
    result = _check_or_error(checker, reply, customer, now)
    if isinstance(result, Report):
        _assert_well_formed(result, reply)


def _same(first: Report | HonestCSError, second: Report | HonestCSError) -> None:
    if isinstance(first, Report):
        assert isinstance(second, Report)
        assert first == second
        assert first.to_dict() == second.to_dict()
    else:
        assert type(first) is type(second)
        assert str(first) == str(second)


@FUZZ
@given(reply=REPLIES, customer=CUSTOMER_MESSAGES, now=NOWS, index=st.integers(0, len(CHECKERS) - 1))
def test_check_is_deterministic(
    reply: str, customer: str | None, now: datetime, index: int
) -> None:
    """Checking one input twice, or with a fresh checker of the same policy, gives equal reports."""
    checker = CHECKERS[index]
    first = _check_or_error(checker, reply, customer, now)
    _same(first, _check_or_error(checker, reply, customer, now))
    _same(first, _check_or_error(ReplyChecker(POLICIES[index]), reply, customer, now))


# The ends of what a datetime can hold: an aware `now` whose instant lies there.
@pytest.mark.xfail(
    strict=True,
    raises=OverflowError,
    reason="check() converts now to the policy's zone through UTC, and a now at the ends of "
    "datetime's range overflows: OverflowError, which is no HonestCSError and not documented",
)
@pytest.mark.parametrize(
    ("now", "checker"),
    [
        pytest.param(datetime(1, 1, 1, tzinfo=UTC), CHICAGO, id="year 1, UTC, for Chicago"),
        pytest.param(
            datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-12))),
            CHICAGO,
            id="year 9999, -12:00, for Chicago",
        ),
        pytest.param(
            datetime(9999, 12, 31, 12, 0, tzinfo=UTC), KIRITIMATI, id="year 9999, UTC, for +14:00"
        ),
    ],
)
def test_now_at_the_ends_of_datetime_raises_only_documented_errors(
    now: datetime, checker: ReplyChecker
) -> None:
    """A now at the first or last instants a datetime holds: a report, or a documented error."""
    # A ValueError is documented for a caller's bad argument, such as a naive now.
    with contextlib.suppress(HonestCSError, ValueError):
        checker.check("", now=now)


@pytest.mark.xfail(
    strict=True,
    reason="a time past year 9999 becomes calendar.end_of_time(), 9999-12-30T00:00Z, even "
    "when now is later: 'within 3 days' from 9999-12-31 is due two days before it was made",
)
def test_promise_of_a_duration_is_not_due_before_it_is_made() -> None:
    """A promise to act within a time from now is due no earlier than now."""
    now = datetime(9999, 12, 31, tzinfo=UTC)
    (promise,) = CHICAGO.check("We'll refund you within 3 days.", now=now).promises
    assert promise.due is not None
    assert promise.due >= now
