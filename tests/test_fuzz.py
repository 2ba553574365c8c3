"""Fuzzing: check() over any Unicode, and Policy.from_dict over any nested data.

A chatbot guard runs ``check()`` on text an attacker writes, and a policy is whatever
a business typed. These properties hold for every input:

* ``check()`` raises nothing but a ``HonestCSError``; every finding and promise spans
  visible text of the reply as given; two checks of one input give equal reports, in one
  checker or in two;
* ``Policy.from_dict`` raises nothing but a ``PolicyError``, and a policy it accepts
  round-trips through ``to_dict()`` and can be checked against.

A few hundred examples each in every run of the suite; ``HYPOTHESIS_PROFILE=long`` runs
20,000 each (tests/conftest.py, and the Testing page of the docs). What the fuzzing found
and is not fixed yet is a strict xfail test with the smallest input that shows it.
"""

from __future__ import annotations

import contextlib
import copy
import json
import tomllib
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_policy import SPEC_EXAMPLE, _policies

import honestcs
from honestcs import HonestCSError, Policy, PolicyError, ReplyChecker, Report

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


def test_promise_of_a_duration_is_not_due_before_it_is_made() -> None:
    """A promise to act within a time from now is due no earlier than now."""
    now = datetime(9999, 12, 31, tzinfo=UTC)
    (promise,) = CHICAGO.check("We'll refund you within 3 days.", now=now).promises
    assert promise.due is not None
    assert promise.due >= now


# --- Policy.from_dict ----------------------------------------------------------------------

# Values a business could type, or a bad export could produce, where a policy wants a
# duration, an amount, an id, a zone or a date.
ODD_VALUES = (
    "9999999 days", "99999999999999999999 business days", "9999999 weeks", "9999999 months",
    "99999 years", "1e309 days", "1e-400 days", "0 days", "-1 days", "5-3 days",
    "0.000000001 hours", "1.5 hours", "\u00bd day", "\u0663 days", "\u096a days",
    "\uff15 days", "five-ten days", "a day", "one to two weeks", "NaN days", "inf days",
    "1_000 days", "1,000,000 days", "10\u00a0days", "10 days\x00", "10 dayss", "days", "",
    " ", "5-10 business days", "30 days", "2 weeks or so",
    "$50", "$1e999", "$99999999999999999999999999999", "$-5", "$0.001", "\u00a55000",
    "\u20bf1", "50 XXX", "50 usd", "USD 50", "\u20ac 20", "\u00a330.999", "R$50", "50 \u20ac",
    "$", "%", "15%", "1000%", "-5%", "15.5555%", "1e400%", "9999999999 devices",
    "3 devices", "0 devices", "3 \u8bbe\u5907", "$50 or 15%",
    "r\u00e9fund", "\u9000\u6b3e", "\ud800", "a b", "refund\x00", "ID", "-", "a" * 300,
    "rtl\u202e", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "e\u0301",
    "UTC", "Pacific/Kiritimati", "Etc/GMT+12", "America/Chicago ", "../../etc/passwd",
    "Local", "localtime", "EST5EDT", "Factory", "America", "a\x00b",
    "US", "XX", "ZZ", "us", "\u00dcS", "GB",
    "mon", "Monday", "MON ", "sun", "funday",
    "2026-12-25", "0001-01-01", "9999-12-31", "2026-02-30", "20261225", "2026-W52-5",
    "error", "warning", "info", "overpromise", "no-such-rule",
    "change * basic economy", "* refund", "re*fund", "a * * * * * * * * * * * b",
    "(", "\\", "[a-z]+", "refund refund refund",
)  # fmt: skip
_KEYS = st.one_of(
    st.sampled_from(
        [
            "policy", "department", "calendar", "can", "cannot", "prohibited", "honesty",
            "name", "timezone", "version", "extends", "owner", "workdays", "holidays",
            "country", "id", "does", "terms", "takes", "within", "up_to", "costs", "needs",
            "because", "instead", "overrides", "guarantee_terms", "allow", "severity",
            "disable", "Takes", "take", "up-to", "",
        ]
    ),
    st.text(_ANY_CHARACTER, max_size=12),
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**400, -(10**400), 2**63, -(2**63) - 1, 0, -0]),
    st.floats(),  # nan, inf, -0.0, huge and tiny
    st.text(_ANY_CHARACTER, max_size=30),
    st.sampled_from(ODD_VALUES),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from(_ZONES)),
    st.times(),
    st.sampled_from([date.min, date.max, datetime.min, datetime.max, time.max]),
)
#: Any document a TOML or JSON parser could give, and a few it could not (tuples).
_NESTED = st.recursive(
    _SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(_KEYS, children, max_size=5),
    ),
    max_leaves=40,
)


def _deep(value: Any, depth: int, as_list: bool) -> Any:
    for _ in range(depth):
        value = [value] if as_list else {"can": value}
    return value


_VALUES = st.one_of(
    _SCALARS,
    _NESTED,
    st.builds(_deep, _SCALARS | _NESTED, st.integers(1, 200), st.booleans()),
)


def _base_documents() -> st.SearchStrategy[dict[str, Any]]:
    """Valid documents: the SPEC's example, two example policies, and generated policies."""
    examples = [SPEC_EXAMPLE, NORTHWIND, _toml("airline.toml"), _toml("telecom.toml")]
    return st.one_of(
        st.sampled_from(examples).map(copy.deepcopy), _policies().map(lambda p: p.to_dict())
    )


def _nodes(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) inside a document, so that any value can be replaced."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        keys: Sequence[Any] = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            found.append((node, key))
            if isinstance(node[key], dict | list):
                stack.append(node[key])
    return found


_NUMBERS = st.one_of(
    st.integers(0, 10**30).map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.builds("{}.{}".format, st.integers(0, 10**30), st.integers(0, 10**30)),
    st.sampled_from(["1e999", "0.0000001", "1,000", "1 000", "\uff19\uff19", "9" * 400]),
)
_UNITS = st.sampled_from(
    ["minutes", "hours", "days", "business days", "working days", "weeks", "months", "years",
     "day", "%", "devices", "gift cards", "USD", "EUR", "JPY", "XXX", "\u5929"]
)  # fmt: skip
#: Quantities of any size in any form: "99999999 business days", "$1e999", "0.0000001%".
_QUANTITIES = st.one_of(
    st.builds("{} {}".format, _NUMBERS, _UNITS),
    st.builds("{}-{} {}".format, _NUMBERS, _NUMBERS, _UNITS),
    st.builds("{}{}".format, st.sampled_from(["$", "\u00a3", "\u20ac", "\u00a5", "-$"]), _NUMBERS),
    st.builds("{}%".format, _NUMBERS),
)
_LIMITS = ("takes", "within", "up_to", "costs")


def _set_limit(document: dict[str, Any], draw: st.DrawFn) -> None:
    """Give one `can` clause a single limit, of any size and form (often still valid)."""
    clauses = document.get("can")
    if not isinstance(clauses, list) or not clauses or not isinstance(clauses[0], dict):
        return
    clause = draw(st.sampled_from([c for c in clauses if isinstance(c, dict)]))
    for key in _LIMITS:
        clause.pop(key, None)
    clause[draw(st.sampled_from(_LIMITS))] = draw(_QUANTITIES | st.sampled_from(ODD_VALUES))


_MUTATIONS: tuple[str, ...] = ("replace", "odd", "add", "delete", "wrap", "duplicate", "limit")


@st.composite
def _mutated_documents(
    draw: st.DrawFn, mutations: tuple[str, ...] = _MUTATIONS, most: int = 6
) -> dict[str, Any]:
    """A valid document with a few values replaced, added, removed, wrapped or repeated."""
    document = draw(_base_documents())
    for _ in range(draw(st.integers(1, most))):
        nodes = _nodes(document)
        if not nodes:
            break
        node, key = draw(st.sampled_from(nodes))
        mutation = draw(st.sampled_from(mutations))
        if mutation == "replace":
            node[key] = draw(_VALUES)
        elif mutation == "odd":
            node[key] = draw(st.sampled_from(ODD_VALUES))
        elif mutation == "add" and isinstance(node, dict):
            node[draw(_KEYS)] = draw(_VALUES)
        elif mutation == "delete" and isinstance(node, dict):
            del node[key]
        elif mutation == "wrap":
            node[key] = _deep(node[key], draw(st.integers(1, 50)), draw(st.booleans()))
        elif mutation == "duplicate" and isinstance(node, list):
            node.append(copy.deepcopy(node[key]))
        elif mutation == "limit":
            _set_limit(document, draw)
    return document


#: Random nested data, mostly grown from a valid policy so that validation goes deep.
DOCUMENTS = st.one_of(
    _mutated_documents(),
    _mutated_documents(),
    _mutated_documents(most=1),
    _mutated_documents(("limit",), most=3),
    _NESTED,
    st.dictionaries(st.sampled_from(["policy", "can", "cannot", "calendar", "honesty"]), _VALUES),
)


def _reply_for(policy: Policy) -> str:
    """A reply that names the policy's own terms next to times, amounts and guarantees."""
    terms = [clause.terms[0] for clause in policy.clauses[:6]]
    sentences = [
        f"We'll {term} within 2 days for $5, and I can give you 30% off. Guaranteed!"
        for term in terms
    ]
    return " ".join([*sentences, "We can't do that. We'll look into it."])


def _from_dict(document: Any) -> Policy | PolicyError:
    try:
        return Policy.from_dict(document)
    except PolicyError as error:
        return error


@FUZZ
@given(document=DOCUMENTS, now=NOWS)
def test_from_dict_raises_only_policy_error_and_what_it_accepts_can_check(
    document: Any, now: datetime
) -> None:
    """Any nested data: a PolicyError naming its problems, or a policy that checks replies."""
    before = repr(document)
    result = _from_dict(document)
    assert repr(document) == before, "from_dict changed the document it was given"
    if isinstance(result, PolicyError):
        assert result.problems and all(problem.strip() for problem in result.problems)
        assert str(result) == "\n".join(result.problems)
        return
    assert Policy.from_dict(result.to_dict()) == result
    reply = _reply_for(result)
    _assert_well_formed(
        ReplyChecker(result).check(reply, customer_message="Can I get one?", now=now), reply
    )


def _at(path: tuple[str | int, ...]) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    def put(document: dict[str, Any], value: Any) -> dict[str, Any]:
        node: Any = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return document

    return put


@pytest.mark.parametrize(
    "path",
    [("policy", "name"), ("can",), ("can", 0), ("can", 0, "terms"), ("can", 0, "takes"),
     ("calendar", "holidays"), ("honesty", "severity"), ("can", 0, "no-such-key")],
    ids=lambda path: ".".join(map(str, path)),
)  # fmt: skip
@pytest.mark.parametrize("as_list", [True, False], ids=["lists", "tables"])
def test_from_dict_reports_a_value_nested_100000_deep(
    path: tuple[str | int, ...], as_list: bool
) -> None:
    """A list or table nested 100,000 levels deep is a PolicyError, not a RecursionError."""
    document = _at(path)(copy.deepcopy(NORTHWIND), _deep("x", 100_000, as_list))
    with pytest.raises(PolicyError):
        Policy.from_dict(document)


def _one_clause(limit_key: str, limit: str) -> dict[str, Any]:
    return {
        "policy": {"name": "Shop", "timezone": "UTC"},
        "can": [{"id": "credit", "does": "add credit", "terms": ["credit"], limit_key: limit}],
    }


@pytest.mark.parametrize(
    "limit",
    ["$1.0000000000000000000000000001", "1.0000000000000000000000000001%",
     "1.0000000000000000000000000001 devices"],
)  # fmt: skip
def test_a_limit_of_29_significant_digits_round_trips_or_is_refused(limit: str) -> None:
    """A limit with more digits than usual is refused, or round-trips like any other."""
    try:
        policy = Policy.from_dict(_one_clause("up_to", limit))
    except PolicyError:
        return
    assert Policy.from_dict(policy.to_dict()) == policy


@pytest.mark.parametrize("step", ["to_dict", "check"])
def test_a_price_with_cents_past_28_digits_works_or_is_refused(step: str) -> None:
    """A price of $100000000000000000000000000.50 is refused, or written out and checked."""
    try:
        policy = Policy.from_dict(_one_clause("costs", "$100000000000000000000000000.5"))
    except PolicyError:
        return
    if step == "to_dict":
        policy.to_dict()
    else:
        ReplyChecker(policy).check("Credit costs $3.", now=datetime(2026, 12, 1, tzinfo=UTC))


def test_a_figure_past_28_significant_digits_is_refused_with_its_place() -> None:
    """Decimal keeps 28 digits: a longer figure would stand for another policy, so it is refused."""
    with pytest.raises(PolicyError, match=r'costs: "\$100000000000000000000000000\.5" has 29'):
        Policy.from_dict(_one_clause("costs", "$100000000000000000000000000.5"))
    Policy.from_dict(_one_clause("costs", "$1000000000000000000000000.50"))  # 27 digits: kept
