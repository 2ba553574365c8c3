"""Policy.from_dict and Policy.to_dict: the schema, every problem it reports, round trips."""

from __future__ import annotations

import copy
import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honestcs.calendar import BusinessCalendar
from honestcs.exceptions import HonestCSError, PolicyError
from honestcs.policy import KNOWN_RULE_IDS, Can, Cannot, Honesty, Policy, Prohibited
from honestcs.quantities import Count, Duration, Money, Percent, TimeUnit
from honestcs.severity import Severity

CORPUS_POLICIES = Path(__file__).parents[2] / "shared" / "corpus" / "policies"
EXAMPLE = Path(__file__).parents[1] / "examples" / "northwind.toml"

# The example of SPEC section 2, as the mapping tomllib gives.
SPEC_EXAMPLE: dict[str, Any] = {
    "policy": {"name": "Acme Outfitters", "timezone": "America/New_York", "version": "2026-11"},
    "calendar": {
        "workdays": ["mon", "tue", "wed", "thu", "fri"],
        "holidays": ["2026-12-25", "2027-01-01"],
    },
    "can": [
        {
            "id": "refund",
            "does": "refund the purchase to the original payment method",
            "terms": ["refund", "money back", "reimburse"],
            "takes": "5-10 business days",
        },
        {
            "id": "returns",
            "does": "accept returns of unused items",
            "terms": ["return", "send it back"],
            "within": "30 days",
        },
        {
            "id": "discount",
            "does": "give a discount on a full-price item",
            "terms": ["discount", "coupon", "% off"],
            "up_to": "15%",
            "needs": "manager approval above 10%",
        },
        {
            "id": "express-delivery",
            "does": "upgrade an order to express delivery",
            "terms": ["express delivery", "express shipping"],
            "costs": "$12",
        },
    ],
    "cannot": [
        {
            "id": "price-match",
            "terms": ["price match", "match the price"],
            "because": "Our prices are set nationally, so we don't match other stores.",
            "instead": "I can email you when this item goes on sale.",
        }
    ],
    "prohibited": [
        {
            "id": "backdate-invoice",
            "terms": ["backdate", "change the invoice date", "earlier date on the invoice"],
            "because": "An invoice with a false date is a falsified financial record.",
        }
    ],
    "honesty": {
        "guarantee_terms": ["ironclad"],
        "allow": ["satisfaction guaranteed"],
        "severity": {"unanswered-question": "info"},
        "disable": [],
    },
}

# The smallest valid document, which the problem cases below change one thing in.
MINIMAL: dict[str, Any] = {
    "policy": {"name": "Acme", "timezone": "America/New_York"},
    "can": [{"id": "refund", "does": "refund the purchase", "terms": ["refund"]}],
}


def doc(**tables: Any) -> dict[str, Any]:
    """MINIMAL with top-level tables replaced (a value of None removes the table)."""
    data = copy.deepcopy(MINIMAL)
    for name, value in tables.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def can(**keys: Any) -> dict[str, Any]:
    """The minimal ``[[can]]`` clause with keys replaced (a value of None removes the key)."""
    clause: dict[str, Any] = {"id": "refund", "does": "refund the purchase", "terms": ["refund"]}
    for name, value in keys.items():
        if value is None:
            clause.pop(name, None)
        else:
            clause[name] = value
    return clause


def header(**keys: Any) -> dict[str, Any]:
    """The minimal ``[policy]`` table with keys replaced (None removes the key)."""
    table: dict[str, Any] = {"name": "Acme", "timezone": "America/New_York"}
    for name, value in keys.items():
        if value is None:
            table.pop(name, None)
        else:
            table[name] = value
    return table


def problems(data: Any) -> list[str]:
    """The problems from_dict reports for ``data``, read as "p.toml"."""
    with pytest.raises(PolicyError) as info:
        Policy.from_dict(data, source="p.toml")
    return list(info.value.problems)


# --- valid documents ----------------------------------------------------------


def test_spec_example_reads_into_the_object_model() -> None:
    """The example of the specification becomes the clauses, quantities and tuning it says."""
    policy = Policy.from_dict(SPEC_EXAMPLE)
    assert policy.name == "Acme Outfitters"
    assert policy.timezone == "America/New_York"
    assert policy.version == "2026-11"
    assert policy.calendar == BusinessCalendar(
        timezone="America/New_York",
        workdays=frozenset({0, 1, 2, 3, 4}),
        holidays=frozenset({dt.date(2026, 12, 25), dt.date(2027, 1, 1)}),
    )
    refund, returns, discount, express = policy.can
    assert refund.takes == Duration(Decimal(5), Decimal(10), TimeUnit.BUSINESS_DAY)
    assert returns.within == Duration.of(30, TimeUnit.DAY)
    assert discount.up_to == Percent(Decimal(15))
    assert discount.needs == "manager approval above 10%"
    assert express.costs == Money(Decimal(12), "USD")
    assert policy.cannot == (
        Cannot(
            id="price-match",
            terms=("price match", "match the price"),
            because="Our prices are set nationally, so we don't match other stores.",
            instead="I can email you when this item goes on sale.",
        ),
    )
    assert policy.prohibited[0].id == "backdate-invoice"
    assert policy.honesty == Honesty(
        guarantee_terms=("ironclad",),
        allow=("satisfaction guaranteed",),
        severity={"unanswered-question": Severity.INFO},
        disable=(),
    )
    assert [clause.id for clause in policy.clauses] == [
        "refund",
        "returns",
        "discount",
        "express-delivery",
        "price-match",
        "backdate-invoice",
    ]


def test_minimal_policy_gets_default_calendar_in_its_own_time_zone() -> None:
    """Without [calendar], the calendar is Monday to Friday, no holidays, in the policy's zone."""
    policy = Policy.from_dict(MINIMAL)
    assert policy.calendar == BusinessCalendar(timezone="America/New_York")
    assert policy.version is None
    assert policy.cannot == ()
    assert policy.prohibited == ()
    assert policy.honesty == Honesty()


def test_policy_built_directly_puts_its_default_calendar_in_its_time_zone() -> None:
    """Policy(name, timezone) without a calendar gets one in that time zone."""
    assert Policy("Acme", timezone="Europe/London").calendar.timezone == "Europe/London"


@pytest.mark.parametrize(
    ("calendar", "expected"),
    [
        (
            {"workdays": ["Mon", " sat "]},
            BusinessCalendar("UTC", workdays=frozenset({0, 5})),
        ),
        (
            {"holidays": [dt.date(2026, 12, 25), "2027-01-01"]},
            BusinessCalendar(
                "UTC", holidays=frozenset({dt.date(2026, 12, 25), dt.date(2027, 1, 1)})
            ),
        ),
        ({"country": "us"}, BusinessCalendar("UTC", country="US")),
        ({}, BusinessCalendar("UTC")),
    ],
    ids=["weekday-names-any-case", "toml-dates-and-strings", "country-upper-cased", "empty"],
)
def test_calendar_table_builds_the_business_calendar(
    calendar: dict[str, Any], expected: BusinessCalendar
) -> None:
    """[calendar] accepts weekday names in any case, TOML dates, and a country code."""
    data = doc(policy=header(timezone="UTC"), calendar=calendar)
    assert Policy.from_dict(data).calendar == expected


def test_text_is_stripped_and_terms_have_whitespace_normalised() -> None:
    """Free text is stripped and the spaces inside a term collapse to one."""
    data = doc(can=[can(does="  refund it \n", terms=["money   back ", "change * date"])])
    clause = Policy.from_dict(data).can[0]
    assert clause.does == "refund it"
    assert clause.terms == ("money back", "change * date")


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("takes", "5-10 business days", Duration(Decimal(5), Decimal(10), TimeUnit.BUSINESS_DAY)),
        ("within", "two weeks", Duration.of(2, TimeUnit.WEEK)),
        ("up_to", "$50", Money(Decimal(50), "USD")),
        ("up_to", "15%", Percent(Decimal(15))),
        ("up_to", "3 devices", Count(Decimal(3), "device")),
        ("costs", "€20", Money(Decimal(20), "EUR")),
    ],
)
def test_quantities_are_parsed(key: str, text: str, expected: object) -> None:
    """takes/within hold Durations, up_to a Money, Percent or Count, costs a Money."""
    clause = Policy.from_dict(doc(can=[can(**{key: text})])).can[0]
    assert getattr(clause, key) == expected


def test_cannot_may_say_what_is_asked_for() -> None:
    """A cannot clause may have a free-text does; because and instead are optional."""
    data = doc(cannot=[{"id": "price-match", "does": "match a rival's price", "terms": ["x"]}])
    assert Policy.from_dict(data).cannot == (
        Cannot(id="price-match", terms=("x",), does="match a rival's price"),
    )


def test_known_rule_ids_are_the_documented_ones() -> None:
    """KNOWN_RULE_IDS lists every rule the checker has, each once."""
    assert set(KNOWN_RULE_IDS) == {
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
    }
    assert len(KNOWN_RULE_IDS) == len(set(KNOWN_RULE_IDS))


def test_every_rule_id_may_be_tuned() -> None:
    """[honesty] accepts every known rule id in severity and disable."""
    honesty = {
        "severity": dict.fromkeys(KNOWN_RULE_IDS, "info"),
        "disable": list(KNOWN_RULE_IDS),
    }
    policy = Policy.from_dict(doc(honesty=honesty))
    assert policy.honesty.disable == KNOWN_RULE_IDS
    assert set(policy.honesty.severity.values()) == {Severity.INFO}


def test_clause_lookup_by_id() -> None:
    """Policy.clause finds a clause by id and raises KeyError for an unknown one."""
    policy = Policy.from_dict(SPEC_EXAMPLE)
    assert policy.clause("price-match") is policy.cannot[0]
    with pytest.raises(KeyError):
        policy.clause("nope")


# --- problems, one kind at a time -----------------------------------------------

PROBLEM_CASES: list[tuple[str, Any, list[str]]] = [
    # unknown keys, with a suggestion when one is close
    (
        "unknown-key-close",
        doc(can=[can(tkaes="5 days")]),
        ["""p.toml: can[0] (id "refund"): tkaes: unknown key; did you mean 'takes'?"""],
    ),
    (
        "unknown-key-far",
        doc(can=[can(colour="red")]),
        [
            'p.toml: can[0] (id "refund"): colour: unknown key; known keys are '
            "id, does, terms, takes, within, up_to, costs, needs, overrides"
        ],
    ),
    (
        "unknown-key-in-policy",
        doc(policy=header(versoin="1")),
        ["p.toml: [policy]: versoin: unknown key; did you mean 'version'?"],
    ),
    (
        "unknown-key-in-calendar",
        doc(calendar={"holiday": []}),
        ["p.toml: [calendar]: holiday: unknown key; did you mean 'holidays'?"],
    ),
    (
        "unknown-key-in-honesty",
        doc(honesty={"disabled": []}),
        ["p.toml: [honesty]: disabled: unknown key; did you mean 'disable'?"],
    ),
    (
        "unknown-key-in-cannot",
        doc(cannot=[{"id": "x", "terms": ["x"], "becuase": "y"}]),
        ["""p.toml: cannot[0] (id "x"): becuase: unknown key; did you mean 'because'?"""],
    ),
    (
        "prohibited-has-no-instead",
        doc(prohibited=[{"id": "x", "terms": ["x"], "instead": "y"}]),
        [
            'p.toml: prohibited[0] (id "x"): instead: unknown key; known keys are id, terms, '
            "because, overrides"
        ],
    ),
    (
        "unknown-top-level-key",
        doc(cann=[]),
        ["p.toml: cann: unknown top-level key; did you mean 'can'?"],
    ),
    # missing required keys and tables
    ("missing-policy-table", doc(policy=None), ["p.toml: [policy]: required table is missing"]),
    (
        "missing-name",
        doc(policy=header(name=None)),
        ["p.toml: [policy]: name: required key is missing"],
    ),
    (
        "missing-timezone",
        doc(policy=header(timezone=None)),
        ["p.toml: [policy]: timezone: required key is missing"],
    ),
    ("missing-id", doc(can=[can(id=None)]), ["p.toml: can[0]: id: required key is missing"]),
    (
        "missing-does",
        doc(can=[can(does=None)]),
        ['p.toml: can[0] (id "refund"): does: required key is missing'],
    ),
    (
        "missing-terms",
        doc(can=[can(terms=None)]),
        ['p.toml: can[0] (id "refund"): terms: required key is missing'],
    ),
    # duplicate ids, across the whole file
    (
        "duplicate-id-same-table",
        doc(can=[can(), can()]),
        ['p.toml: can[1] (id "refund"): id: "refund" is already the id of can[0]'],
    ),
    (
        "duplicate-id-other-table",
        doc(prohibited=[{"id": "refund", "terms": ["x"], "because": "y"}]),
        ['p.toml: prohibited[0] (id "refund"): id: "refund" is already the id of can[0]'],
    ),
    # wrong types
    (
        "policy-not-a-table",
        doc(policy="Acme"),
        ["p.toml: [policy]: must be a table, not a string"],
    ),
    (
        "name-not-a-string",
        doc(policy=header(name=42)),
        ["p.toml: [policy]: name: must be a string, not an integer"],
    ),
    (
        "version-not-a-string",
        doc(policy=header(version=2026.11)),
        ["p.toml: [policy]: version: must be a string, not a number"],
    ),
    (
        "terms-a-string",
        doc(can=[can(terms="refund")]),
        ['p.toml: can[0] (id "refund"): terms: must be a list of terms, not a string'],
    ),
    (
        "term-not-a-string",
        doc(can=[can(terms=["refund", 3])]),
        ['p.toml: can[0] (id "refund"): terms[1]: must be a string, not an integer'],
    ),
    (
        "does-a-list",
        doc(can=[can(does=["refund"])]),
        ['p.toml: can[0] (id "refund"): does: must be a string, not a list'],
    ),
    (
        "takes-a-number",
        doc(can=[can(takes=5)]),
        [
            'p.toml: can[0] (id "refund"): takes: must be a string such as '
            '"5-10 business days", not an integer'
        ],
    ),
    (
        "can-a-table",
        doc(can=can()),
        ["p.toml: [[can]]: must be an array of tables ([[can]]), not a table"],
    ),
    (
        "clause-not-a-table",
        doc(cannot=["price-match"]),
        ["p.toml: cannot[0]: must be a table, not a string"],
    ),
    (
        "id-not-a-string",
        doc(can=[can(id=7)]),
        ["p.toml: can[0]: id: must be a string, not an integer"],
    ),
    (
        "workdays-a-string",
        doc(calendar={"workdays": "mon-fri"}),
        ["p.toml: [calendar]: workdays: must be a list of weekday names, not a string"],
    ),
    (
        "holidays-a-table",
        doc(calendar={"holidays": {"xmas": "2026-12-25"}}),
        ["p.toml: [calendar]: holidays: must be a list of dates, not a table"],
    ),
    (
        "null-where-text-belongs",
        doc(can=[can(needs=None), {**can(), "id": "b", "needs": None}]),
        ['p.toml: can[1] (id "b"): needs: must be a string, not null'],
    ),
    # more than one limit in a clause
    (
        "two-limits",
        doc(can=[can(takes="5 days", costs="$5")]),
        [
            'p.toml: can[0] (id "refund"): costs: a can clause has at most one of takes, '
            "within, up_to and costs; this one already has takes"
        ],
    ),
    (
        "three-limits",
        doc(can=[can(within="5 days", up_to="5%", costs="$5")]),
        [
            'p.toml: can[0] (id "refund"): up_to: a can clause has at most one of takes, '
            "within, up_to and costs; this one already has within",
            'p.toml: can[0] (id "refund"): costs: a can clause has at most one of takes, '
            "within, up_to and costs; this one already has within",
        ],
    ),
    # quantities that do not parse
    (
        "takes-not-a-duration",
        doc(can=[can(takes="5-10 bussiness days")]),
        ['p.toml: can[0] (id "refund"): takes: "5-10 bussiness days" is not a duration'],
    ),
    (
        "within-not-a-duration",
        doc(can=[can(within="a while")]),
        ['p.toml: can[0] (id "refund"): within: "a while" is not a duration'],
    ),
    (
        "up-to-not-a-limit",
        doc(can=[can(up_to="plenty")]),
        [
            'p.toml: can[0] (id "refund"): up_to: "plenty" is not an amount of money, '
            'a percentage, or a count like "3 devices"'
        ],
    ),
    (
        "costs-not-money",
        doc(can=[can(costs="free")]),
        ['p.toml: can[0] (id "refund"): costs: "free" is not an amount of money'],
    ),
    # time zones, including names that try to leave the zone database
    (
        "unknown-zone",
        doc(policy=header(timezone="Mars/Base")),
        ['p.toml: [policy]: timezone: "Mars/Base" is not an IANA time zone'],
    ),
    (
        "zone-path-traversal",
        doc(policy=header(timezone="../etc")),
        ['p.toml: [policy]: timezone: "../etc" is not an IANA time zone'],
    ),
    (
        "zone-absolute-path",
        doc(policy=header(timezone="/etc/passwd")),
        ['p.toml: [policy]: timezone: "/etc/passwd" is not an IANA time zone'],
    ),
    (
        "zone-directory",
        doc(policy=header(timezone="America")),
        ['p.toml: [policy]: timezone: "America" is not an IANA time zone'],
    ),
    (
        "zone-null-byte",
        doc(policy=header(timezone="UTC\x00")),
        ['p.toml: [policy]: timezone: "UTC\\u0000" is not an IANA time zone'],
    ),
    (
        "zone-blank",
        doc(policy=header(timezone=" ")),
        ["p.toml: [policy]: timezone: must not be blank"],
    ),
    # holidays
    (
        "holiday-impossible-date",
        doc(calendar={"holidays": ["2026-13-01"]}),
        ['p.toml: [calendar]: holidays[0]: "2026-13-01" is not a date ("YYYY-MM-DD")'],
    ),
    (
        "holiday-compact-form",
        doc(calendar={"holidays": ["20261225"]}),
        ['p.toml: [calendar]: holidays[0]: "20261225" is not a date ("YYYY-MM-DD")'],
    ),
    (
        "holiday-in-words",
        doc(calendar={"holidays": ["2026-12-25", "Dec 26"]}),
        ['p.toml: [calendar]: holidays[1]: "Dec 26" is not a date ("YYYY-MM-DD")'],
    ),
    (
        "holiday-a-number",
        doc(calendar={"holidays": [20261225]}),
        ['p.toml: [calendar]: holidays[0]: must be a date ("YYYY-MM-DD"), not an integer'],
    ),
    (
        "holiday-with-time",
        doc(calendar={"holidays": [dt.datetime(2026, 12, 25, 9, 0)]}),
        ["p.toml: [calendar]: holidays[0]: must be a date without a time of day"],
    ),
    # weekdays
    (
        "weekday-long-name",
        doc(calendar={"workdays": ["monday"]}),
        ["p.toml: [calendar]: workdays[0]: \"monday\" is not a weekday name; did you mean 'mon'?"],
    ),
    (
        "weekday-unknown",
        doc(calendar={"workdays": ["mon", "funday"]}),
        [
            'p.toml: [calendar]: workdays[1]: "funday" is not a weekday name; '
            "use one of mon, tue, wed, thu, fri, sat, sun"
        ],
    ),
    (
        "weekday-a-number",
        doc(calendar={"workdays": [1]}),
        ["p.toml: [calendar]: workdays[0]: must be a weekday name, not an integer"],
    ),
    (
        "no-workdays",
        doc(calendar={"workdays": []}),
        ["p.toml: [calendar]: workdays: must name at least one weekday"],
    ),
    # country
    (
        "country-three-letters",
        doc(calendar={"country": "USA"}),
        ['p.toml: [calendar]: country: "USA" is not a two-letter ISO 3166 country code'],
    ),
    (
        "country-not-a-string",
        doc(calendar={"country": 1}),
        ["p.toml: [calendar]: country: must be a string, not an integer"],
    ),
    # terms
    (
        "empty-terms",
        doc(can=[can(terms=[])]),
        ['p.toml: can[0] (id "refund"): terms: must list at least one term'],
    ),
    (
        "blank-term",
        doc(can=[can(terms=["refund", "  "])]),
        ['p.toml: can[0] (id "refund"): terms[1]: must not be blank'],
    ),
    (
        "empty-term",
        doc(can=[can(terms=[""])]),
        ['p.toml: can[0] (id "refund"): terms[0]: must not be blank'],
    ),
    (
        "star-at-start",
        doc(can=[can(terms=["* refund"])]),
        [
            'p.toml: can[0] (id "refund"): terms[0]: "* refund" starts or ends with "*"; '
            'a "*" only stands for words between two others'
        ],
    ),
    (
        "star-at-end",
        doc(can=[can(terms=["refund *"])]),
        [
            'p.toml: can[0] (id "refund"): terms[0]: "refund *" starts or ends with "*"; '
            'a "*" only stands for words between two others'
        ],
    ),
    (
        "star-inside-a-word",
        doc(can=[can(terms=["re*fund"])]),
        [
            'p.toml: can[0] (id "refund"): terms[0]: "re*fund" has "*" inside a word; '
            "write it on its own"
        ],
    ),
    # ids
    ("empty-id", doc(can=[can(id="")]), ["p.toml: can[0]: id: must not be empty"]),
    (
        "id-with-space",
        doc(can=[can(id="money back")]),
        ['p.toml: can[0]: id: "money back" must not contain whitespace'],
    ),
    (
        "id-with-tab",
        doc(can=[can(id="refund\t")]),
        ['p.toml: can[0]: id: "refund\\t" must not contain whitespace'],
    ),
    # blank free text
    (
        "blank-because",
        doc(cannot=[{"id": "x", "terms": ["x"], "because": " "}]),
        ['p.toml: cannot[0] (id "x"): because: must not be blank'],
    ),
    ("blank-name", doc(policy=header(name="")), ["p.toml: [policy]: name: must not be blank"]),
    # [honesty]
    (
        "severity-unknown-rule",
        doc(honesty={"severity": {"overpromse": "info"}}),
        [
            """p.toml: [honesty]: severity: "overpromse" is not a rule id; """
            "did you mean 'overpromise'?"
        ],
    ),
    (
        "severity-unknown-level",
        doc(honesty={"severity": {"sycophancy": "fatal"}}),
        [
            'p.toml: [honesty]: severity.sycophancy: "fatal" is not a severity; '
            'use "error", "warning" or "info"'
        ],
    ),
    (
        "severity-level-not-a-string",
        doc(honesty={"severity": {"sycophancy": 1}}),
        [
            "p.toml: [honesty]: severity.sycophancy: an integer is not a severity; "
            'use "error", "warning" or "info"'
        ],
    ),
    (
        "severity-a-list",
        doc(honesty={"severity": ["sycophancy"]}),
        ["p.toml: [honesty]: severity: must be a table of rule id = severity, not a list"],
    ),
    (
        "disable-unknown-rule",
        doc(honesty={"disable": ["sycophancy", "flattery"]}),
        [
            'p.toml: [honesty]: disable[1]: "flattery" is not a rule id; rule ids are '
            + ", ".join(KNOWN_RULE_IDS)
        ],
    ),
    (
        "disable-a-string",
        doc(honesty={"disable": "sycophancy"}),
        ["p.toml: [honesty]: disable: must be a list of rule ids, not a string"],
    ),
    (
        "guarantee-term-star",
        doc(honesty={"guarantee_terms": ["guaranteed *"]}),
        [
            'p.toml: [honesty]: guarantee_terms[0]: "guaranteed *" starts or ends with "*"; '
            'a "*" only stands for words between two others'
        ],
    ),
    (
        "allow-blank",
        doc(honesty={"allow": [""]}),
        ["p.toml: [honesty]: allow[0]: must not be blank"],
    ),
    (
        "allow-a-string",
        doc(honesty={"allow": "satisfaction guaranteed"}),
        ["p.toml: [honesty]: allow: must be a list of phrases, not a string"],
    ),
    (
        "honesty-not-a-table",
        doc(honesty=["x"]),
        ["p.toml: [honesty]: must be a table, not a list"],
    ),
]


@pytest.mark.parametrize(
    ("data", "expected"),
    [(data, expected) for _, data, expected in PROBLEM_CASES],
    ids=[name for name, _, _ in PROBLEM_CASES],
)
def test_each_problem_is_reported_with_where_and_what(data: Any, expected: list[str]) -> None:
    """Every kind of problem gives exactly the located, one-line messages expected."""
    assert problems(data) == expected


def test_several_problems_are_reported_together_in_file_order() -> None:
    """All problems of a document come in one PolicyError, one line each, in file order."""
    data = {
        "policy": {"name": "Acme", "timezone": "Mars/Base"},
        "calendar": {"workdays": ["mon", "tues"]},
        "can": [
            {"id": "refund", "does": "refund", "terms": ["refund"], "takes": "soon"},
            {"id": "x y", "does": "x", "terms": []},
        ],
        "cannot": [{"id": "refund", "terms": ["refund"], "because": "no"}],
        "honesty": {"disable": ["sycophansy"]},
    }
    with pytest.raises(PolicyError) as info:
        Policy.from_dict(data, source="northwind.toml")
    expected = [
        'northwind.toml: [policy]: timezone: "Mars/Base" is not an IANA time zone',
        'northwind.toml: [calendar]: workdays[1]: "tues" is not a weekday name; '
        "did you mean 'tue'?",
        'northwind.toml: can[0] (id "refund"): takes: "soon" is not a duration',
        'northwind.toml: can[1]: id: "x y" must not contain whitespace',
        "northwind.toml: can[1]: terms: must list at least one term",
        'northwind.toml: cannot[0] (id "refund"): id: "refund" is already the id of can[0]',
        'northwind.toml: [honesty]: disable[0]: "sycophansy" is not a rule id; '
        "did you mean 'sycophancy'?",
    ]
    assert list(info.value.problems) == expected
    assert str(info.value) == "\n".join(expected)


def test_document_must_be_a_mapping() -> None:
    """Anything but a mapping at the top is one clear problem."""
    assert problems(["policy"]) == ["p.toml: the document must be a table (object), not a list"]


def test_policy_error_is_a_value_error_and_a_honestcs_error() -> None:
    """Callers may catch a bad policy as PolicyError, HonestCSError or ValueError."""
    with pytest.raises(PolicyError) as info:
        Policy.from_dict({})
    assert isinstance(info.value, HonestCSError)
    assert isinstance(info.value, ValueError)
    assert info.value.problems == ("<policy>: [policy]: required table is missing",)


def test_values_are_never_evaluated() -> None:
    """Text that looks like code is only ever text: it fails as a quantity and runs nothing."""
    data = doc(can=[can(takes="__import__('os').system('false')")])
    assert problems(data) == [
        """p.toml: can[0] (id "refund"): takes: "__import__('os').system('false')" """
        "is not a duration"
    ]


# --- to_dict and round trips ------------------------------------------------------


def test_to_dict_gives_plain_data_that_reads_back_equal() -> None:
    """to_dict of the specification example is JSON-ready and reads back to an equal policy."""
    policy = Policy.from_dict(SPEC_EXAMPLE)
    data = policy.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert Policy.from_dict(data) == policy


def test_to_dict_renders_quantities_and_drops_defaults() -> None:
    """Quantities become text, unset keys and default-only tables are left out."""
    data = Policy.from_dict(SPEC_EXAMPLE).to_dict()
    assert data["can"][0] == {
        "id": "refund",
        "does": "refund the purchase to the original payment method",
        "terms": ["refund", "money back", "reimburse"],
        "takes": "5-10 business days",
    }
    assert data["can"][2]["up_to"] == "15%"
    assert data["can"][3]["costs"] == "$12"
    assert data["calendar"] == {"holidays": ["2026-12-25", "2027-01-01"]}
    assert data["honesty"] == {
        "guarantee_terms": ["ironclad"],
        "allow": ["satisfaction guaranteed"],
        "severity": {"unanswered-question": "info"},
    }
    assert Policy.from_dict(MINIMAL).to_dict() == {
        "policy": {"name": "Acme", "timezone": "America/New_York"},
        "can": [{"id": "refund", "does": "refund the purchase", "terms": ["refund"]}],
    }


def _corpus_policy_files() -> list[Path]:
    """The policy files of the shared corpus, when it is present."""
    return sorted(CORPUS_POLICIES.glob("*.toml")) if CORPUS_POLICIES.is_dir() else []


@pytest.mark.skipif(
    not _corpus_policy_files(), reason=f"the shared corpus is not at {CORPUS_POLICIES}"
)
@pytest.mark.parametrize("path", _corpus_policy_files(), ids=lambda path: path.name)
def test_corpus_policies_load_and_round_trip(path: Path) -> None:
    """Each policy of the shared corpus is valid and survives a to_dict round trip."""
    policy = Policy.from_dict(tomllib.loads(path.read_text("utf-8")), source=path.name)
    assert policy.can
    assert Policy.from_dict(policy.to_dict()) == policy


def test_example_policy_is_valid() -> None:
    """examples/northwind.toml is a valid policy that survives a round trip."""
    policy = Policy.from_dict(tomllib.loads(EXAMPLE.read_text("utf-8")))
    assert policy.name == "Northwind Furniture"
    assert Policy.from_dict(policy.to_dict()) == policy


# Strategies for policies whose values are already in the form from_dict produces.
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_TERM = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
_TEXT = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)
_IDS = st.lists(
    st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True), min_size=0, max_size=9, unique=True
)
_DECIMAL = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False)
_DURATION = st.builds(
    lambda low, extra, unit: Duration(Decimal(low), Decimal(low + extra), unit),
    st.integers(0, 400),
    st.integers(0, 30),
    st.sampled_from(TimeUnit),
)
_MONEY = st.builds(Money, _DECIMAL, st.sampled_from(["USD", "EUR", "GBP", "CAD", "JPY"]))
_LIMIT = st.one_of(
    _MONEY,
    st.builds(Percent, _DECIMAL),
    st.builds(
        Count,
        st.integers(0, 10_000).map(Decimal),
        st.sampled_from(["device", "pet", "point", "checked bag", "box", "person"]),
    ),
)
_TERMS = st.lists(_TERM, min_size=1, max_size=4).map(tuple)
_OPTIONAL_TEXT = st.none() | _TEXT


@st.composite
def _can(draw: st.DrawFn, clause_id: str) -> Can:
    limit = draw(st.sampled_from([None, "takes", "within", "up_to", "costs"]))
    values: dict[str, Any] = {}
    if limit in ("takes", "within"):
        values[limit] = draw(_DURATION)
    elif limit == "up_to":
        values[limit] = draw(_LIMIT)
    elif limit == "costs":
        values[limit] = draw(_MONEY)
    return Can(clause_id, draw(_TEXT), draw(_TERMS), needs=draw(_OPTIONAL_TEXT), **values)


@st.composite
def _policies(draw: st.DrawFn) -> Policy:
    ids = draw(_IDS)
    kinds = draw(
        st.lists(
            st.sampled_from(["can", "cannot", "prohibited"]), min_size=len(ids), max_size=len(ids)
        )
    )
    can: list[Can] = []
    cannot: list[Cannot] = []
    prohibited: list[Prohibited] = []
    for clause_id, kind in zip(ids, kinds, strict=True):
        if kind == "can":
            can.append(draw(_can(clause_id)))
        elif kind == "cannot":
            cannot.append(
                Cannot(
                    clause_id,
                    draw(_TERMS),
                    because=draw(_OPTIONAL_TEXT),
                    instead=draw(_OPTIONAL_TEXT),
                    does=draw(_OPTIONAL_TEXT),
                )
            )
        else:
            prohibited.append(Prohibited(clause_id, draw(_TERMS), because=draw(_OPTIONAL_TEXT)))
    timezone = draw(st.sampled_from(["UTC", "America/Chicago", "Europe/London", "Asia/Tokyo"]))
    calendar = BusinessCalendar(
        timezone=timezone,
        workdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        holidays=draw(st.frozensets(st.dates(), max_size=4)),
        country=draw(st.none() | st.from_regex(r"[A-Z]{2}", fullmatch=True)),
    )
    honesty = Honesty(
        guarantee_terms=draw(st.lists(_TERM, max_size=3).map(tuple)),
        allow=draw(st.lists(_TEXT.map(lambda text: " ".join(text.split())), max_size=3).map(tuple)),
        severity=draw(st.dictionaries(st.sampled_from(KNOWN_RULE_IDS), st.sampled_from(Severity))),
        disable=draw(st.lists(st.sampled_from(KNOWN_RULE_IDS), max_size=3).map(tuple)),
    )
    return Policy(
        name=draw(_TEXT),
        timezone=timezone,
        version=draw(_OPTIONAL_TEXT),
        calendar=calendar,
        can=tuple(can),
        cannot=tuple(cannot),
        prohibited=tuple(prohibited),
        honesty=honesty,
    )


@settings(max_examples=200, deadline=None)
@given(_policies())
def test_round_trip_property(policy: Policy) -> None:
    """For any policy, from_dict(to_dict(policy)) == policy, also through JSON text."""
    data = policy.to_dict()
    assert Policy.from_dict(data) == policy
    assert Policy.from_dict(json.loads(json.dumps(data))) == policy
