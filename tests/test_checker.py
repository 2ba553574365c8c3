"""ReplyChecker.check(): findings and promises on the original reply, the report, tuning."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import honestcs
from honestcs import Report, Severity

CHICAGO = ZoneInfo("America/Chicago")
# Tuesday 1 December 2026, 10:00 in Chicago.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=CHICAGO)

POLICY: dict[str, Any] = {
    "policy": {"name": "Test Furniture", "timezone": "America/Chicago"},
    "calendar": {"workdays": ["mon", "tue", "wed", "thu", "fri"], "holidays": ["2026-12-25"]},
    "can": [
        {"id": "refund", "does": "refund returned items to the original payment method",
         "terms": ["refund", "money back"], "takes": "5-7 business days"},
        {"id": "delivery", "does": "deliver in-stock furniture",
         "terms": ["deliver", "delivery", "arrive"], "takes": "7-14 business days"},
        {"id": "returns", "does": "accept returns of undamaged items",
         "terms": ["return", "send it back"], "within": "30 days"},
        {"id": "discount", "does": "discount floor models",
         "terms": ["discount", "% off"], "up_to": "20%"},
        {"id": "credit", "does": "add store credit as an apology",
         "terms": ["store credit"], "up_to": "$75"},
        {"id": "white-glove", "does": "upgrade to white-glove delivery",
         "terms": ["white-glove", "white glove"], "costs": "$149"},
    ],
    "cannot": [
        {"id": "custom-fabric", "terms": ["custom fabric", "reupholster"],
         "because": "Our sofas come from the manufacturer in a fixed range of fabrics.",
         "instead": "I can send you free swatches of the fabrics we do offer."},
    ],
    "prohibited": [
        {"id": "paid-review", "terms": ["five-star review", "for a good review"],
         "because": "Paying for reviews misleads other shoppers."},
    ],
}  # fmt: skip

CHECKER = honestcs.ReplyChecker(honestcs.Policy.from_dict(POLICY))


def _checker(**honesty: Any) -> honestcs.ReplyChecker:
    """A checker for POLICY with the given ``[honesty]`` settings."""
    data = copy.deepcopy(POLICY)
    data["honesty"] = honesty
    return honestcs.ReplyChecker(honestcs.Policy.from_dict(data))


def _check(reply: str, customer: str | None = None, checker: Any = CHECKER) -> Report:
    report: Report = checker.check(reply, customer_message=customer, now=NOW)
    return report


def _rules(report: Report) -> list[str]:
    return [f.rule for f in report.findings]


# -- offsets into the original reply -----------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "covered"),
    [
        pytest.param(
            "We\u2019ll refund you within 3 days.",
            "We\u2019ll refund you within 3 days",
            id="curly apostrophe",
        ),
        pytest.param(
            "We'll ref\u200bund you within 3 days.",
            "We'll ref\u200bund you within 3 days",
            id="zero-width space inside a term",
        ),
        pytest.param(
            "We'll refund you within \uff13 days.",
            "We'll refund you within \uff13 days",
            id="full-width digit",
        ),
        pytest.param(
            "We'll r\u0435fund you within 3 days.",
            "We'll r\u0435fund you within 3 days",
            id="Cyrillic look-alike in a term",
        ),
        pytest.param(
            "I can give you 30% o\ufb00 the sofa.",
            "I can give you 30% o\ufb00 the sofa",
            id="NFKC ligature in a term",
        ),
        pytest.param(
            "\u201cThanks!\u201d \u200b\u200b I can give you 30% o\ufb00.",
            "I can give you 30% o\ufb00",
            id="dropped characters before the finding",
        ),
        pytest.param(
            "Hmm\u2026 I can give you 30% off.",
            "I can give you 30% off",
            id="one character that became three before the finding",
        ),
        pytest.param(
            "\ufb01ne: I can give you 30% off.",
            "I can give you 30% off",
            id="ligature before the finding",
        ),
    ],
)
def test_finding_offsets_index_the_original_reply(reply: str, covered: str) -> None:
    """A finding's span is in the reply as written, whatever normalisation changed."""
    report = _check(reply)
    assert _rules(report) == ["overpromise"]
    (finding,) = report.findings
    assert reply[finding.start : finding.end] == covered
    (promise,) = report.promises
    assert (promise.start, promise.end) == (finding.start, finding.end)
    assert promise.text == covered


def test_several_normalisations_in_one_reply() -> None:
    """Two findings after and between normalised characters both point at their own words."""
    reply = (
        "\u201cSure!\u201d I\u2019ll give you 30% o\ufb00, and we\u2019ll r\u0435fund you "
        "in \uff12 days."
    )
    report = _check(reply)
    assert [(f.rule, f.clause) for f in report.findings] == [
        ("overpromise", "discount"),
        ("overpromise", "refund"),
    ]
    covered = [reply[f.start : f.end] for f in report.findings]
    assert covered[0] == "I\u2019ll give you 30% o\ufb00"
    assert "r\u0435fund you in \uff12 days" in covered[1]


# -- the report ----------------------------------------------------------------------


def test_findings_are_ordered_by_start() -> None:
    """Findings come in the order they appear in the reply, whatever rule found them."""
    reply = "We'll refund you within 3 days. The customer is always right! I guarantee it."
    report = _check(reply)
    assert _rules(report) == ["overpromise", "sycophancy", "absolute-guarantee"]
    starts = [f.start for f in report.findings]
    assert starts == sorted(starts)
    assert reply[report.findings[1].start : report.findings[1].end] == (
        "The customer is always right"
    )
    assert reply[report.findings[2].start : report.findings[2].end] == "I guarantee"


def test_findings_on_one_span_come_in_the_same_order_in_every_process() -> None:
    """Two findings of one rule on one span are ordered by message, whatever the hash seed."""
    code = (
        "import json, honestcs\n"
        "checker = honestcs.ReplyChecker(honestcs.load_policy('examples/northwind.toml'))\n"
        "report = checker.check(\"Thanks for asking, we'll look into it.\", customer_message="
        "'Did my sofa ship? And where is the delivery van now?')\n"
        "found = [f.message for f in report.findings if f.rule == 'unanswered-question']\n"
        "print(json.dumps(found))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    root = Path(__file__).parents[1]
    orders = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=root, env={**env, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        orders.add(result.stdout)
    (order,) = orders
    messages = json.loads(order)
    assert len(messages) == 2 and messages == sorted(messages)


@pytest.mark.parametrize(
    ("reply", "ok", "severities"),
    [
        pytest.param("Refunds take 5 to 7 business days.", True, [], id="honest"),
        pytest.param("I guarantee it.", True, [Severity.WARNING], id="a warning only"),
        pytest.param("We'll look into it.", True, [Severity.INFO], id="info only"),
        pytest.param("I can give you 30% off.", False, [Severity.ERROR], id="an error"),
    ],
)
def test_report_is_ok_without_errors(reply: str, ok: bool, severities: list[Severity]) -> None:
    """A report is ok when no finding has severity error; warnings and info don't count."""
    report = _check(reply)
    assert [f.severity for f in report.findings] == severities
    assert report.ok is ok
    assert report.reply == reply


def test_to_dict_has_the_shape_of_spec_section_4() -> None:
    """to_dict gives ok, findings (with 1-based line and column) and promises (ISO due)."""
    reply = (
        "Hi Sam,\nThanks. Your sofa will arrive tomorrow.\n"
        "We'll refund you within 7 business days."
    )
    data = _check(reply).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"ok", "findings", "promises"}
    assert data["ok"] is False
    (finding,) = data["findings"]
    assert set(finding) == {
        "rule", "severity", "start", "end", "line", "column", "message", "suggestion", "clause",
        "department",
    }  # fmt: skip
    assert finding["department"] is None  # the policy declares no [department]
    assert finding["rule"] == "overpromise"
    assert finding["severity"] == "error"
    assert finding["clause"] == "delivery"
    assert (finding["line"], finding["column"]) == (2, 9)
    assert reply[finding["start"] : finding["end"]] == "Your sofa will arrive tomorrow"
    assert [set(p) for p in data["promises"]] == [
        {"text", "start", "end", "clause", "due", "department"}
    ] * 2
    delivery, refund = data["promises"]
    assert delivery["due"] == "2026-12-02T23:59:59-06:00"
    assert refund == {
        "text": "We'll refund you within 7 business days",
        "start": reply.index("We'll"),
        "end": reply.index("We'll") + len("We'll refund you within 7 business days"),
        "clause": "refund",
        "due": "2026-12-10T10:00:00-06:00",
        "department": None,
    }


def test_first_character_is_line_1_column_1() -> None:
    """A finding at the very start of the reply is at line 1, column 1."""
    (finding,) = _check("I guarantee it.").to_dict()["findings"]
    assert (finding["line"], finding["column"], finding["start"]) == (1, 1, 0)


def test_a_clean_report_dict() -> None:
    """An honest reply's dict is ok with no findings."""
    assert _check("Refunds take 5 to 7 business days.").to_dict() == {
        "ok": True,
        "findings": [],
        "promises": [],
    }


# -- promises ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "clause", "due"),
    [
        pytest.param(
            "We'll refund you within 7 business days.",
            "refund",
            datetime(2026, 12, 10, 10, 0, tzinfo=CHICAGO),
            id="business days skip the weekend",
        ),
        pytest.param(
            "We'll refund you once it's back with us.",
            "refund",
            datetime(2026, 12, 10, 10, 0, tzinfo=CHICAGO),
            id="no time given: the clause's upper bound",
        ),
        pytest.param(
            "Your sofa will arrive by Friday.",
            "delivery",
            datetime(2026, 12, 4, 23, 59, 59, 999999, tzinfo=CHICAGO),
            id="a deadline ends with its day",
        ),
        pytest.param(
            "We'll refund you in 2 days.",
            "refund",
            datetime(2026, 12, 3, 10, 0, tzinfo=CHICAGO),
            id="calendar days are exact",
        ),
        pytest.param("I can give you 15% off.", "discount", None, id="an offer has no due time"),
    ],
)
def test_promises_carry_clause_and_due(reply: str, clause: str, due: datetime | None) -> None:
    """A commitment becomes a promise with its clause and a due time from the policy calendar."""
    (promise,) = _check(reply).promises
    assert promise.clause == clause
    assert promise.due == due
    assert reply[promise.start : promise.end] == promise.text


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param("Refunds take 5 to 7 business days.", id="a statement of policy"),
        pytest.param("We can't refund it, as it was used.", id="a refusal"),
        pytest.param("You said we'd refund you tomorrow.", id="reported speech"),
        pytest.param("I've added $20 of store credit.", id="an act already done"),
        pytest.param("Let me check that for you.", id="an act done now"),
    ],
)
def test_no_promise(reply: str) -> None:
    """Statements, refusals, reports, finished acts and acts done now promise nothing."""
    assert _check(reply).promises == ()


@pytest.mark.parametrize(
    ("now", "due"),
    [
        pytest.param(
            datetime(2026, 10, 30, 10, 0, tzinfo=CHICAGO),
            "2026-11-10T10:00:00-06:00",
            id="across the end of daylight saving time: same clock time",
        ),
        pytest.param(
            datetime(2026, 12, 21, 10, 0, tzinfo=CHICAGO),
            "2026-12-31T10:00:00-06:00",
            id="across a holiday and a weekend",
        ),
    ],
)
def test_business_days_keep_the_clock_time(now: datetime, due: str) -> None:
    """N business days later is the same local time N workdays on, skipping holidays."""
    report = CHECKER.check("We'll refund you within 7 business days.", now=now)
    assert report.findings == ()
    assert report.to_dict()["promises"][0]["due"] == due


def test_a_deadline_before_a_holiday_is_too_soon() -> None:
    """With a holiday in the way, a date that would otherwise be honest is an overpromise."""
    now = datetime(2026, 12, 21, 10, 0, tzinfo=CHICAGO)
    report = CHECKER.check("We'll refund you by Wednesday 30 December.", now=now)
    (finding,) = report.findings
    assert finding.rule == "overpromise"
    assert "Thursday 31 December" in finding.message


def test_promises_come_in_reply_order() -> None:
    """Several promises in one reply are listed in the order they are made."""
    reply = (
        "Your sofa will arrive within 14 business days. "
        "We'll refund the cushion by Friday 11 December."
    )
    report = _check(reply)
    assert [p.clause for p in report.promises] == ["delivery", "refund"]
    assert report.promises[0].due == datetime(2026, 12, 21, 10, 0, tzinfo=CHICAGO)
    assert report.promises[1].due == datetime(2026, 12, 11, 23, 59, 59, 999999, tzinfo=CHICAGO)
    assert report.ok


# -- messages and suggestions ------------------------------------------------------------


def test_overpromise_names_the_policy_time_and_the_earliest_honest_date() -> None:
    """A too-fast promise names the policy time; the suggestion gives the earliest honest date."""
    (finding,) = _check("We'll refund you within 3 days.").findings
    assert finding.rule == "overpromise"
    assert finding.clause == "refund"
    assert "5-7 business days" in finding.message
    assert "Thursday 10 December" in finding.message
    assert finding.suggestion is not None
    assert "7 business days" in finding.suggestion
    assert "Thursday 10 December" in finding.suggestion


@pytest.mark.parametrize(
    ("reply", "rule", "clause", "in_message", "in_suggestion"),
    [
        pytest.param("I'll add $100 of store credit.", "overpromise", "credit", "$75", "$75",
                     id="up_to money"),
        pytest.param("I can give you 30% off.", "overpromise", "discount", "20%", "20%",
                     id="up_to percent"),
        pytest.param("Your sofa will arrive by Friday.", "overpromise", "delivery",
                     "7-14 business days", "Monday 21 December", id="takes, deadline"),
        pytest.param("White-glove delivery is $99.", "policy-misstatement", "white-glove",
                     "$149", "$149", id="costs"),
        pytest.param("You have 60 days to return it.", "policy-misstatement", "returns",
                     "30 days", "30 days", id="within"),
        pytest.param("Sure, we can reupholster it.", "unauthorized-promise", "custom-fabric",
                     "fixed range of fabrics", "free swatches", id="cannot: because and instead"),
        pytest.param("Leave a five-star review and I'll add $20 of store credit.",
                     "prohibited-compliance", "paid-review", "five-star review",
                     "misleads other shoppers", id="prohibited: because"),
        pytest.param("We can't reupholster it.", "unexplained-refusal", "custom-fabric",
                     "without saying why", "fixed range of fabrics", id="refusal: because"),
    ],
)  # fmt: skip
def test_messages_name_the_policy_value(
    reply: str, rule: str, clause: str, in_message: str, in_suggestion: str
) -> None:
    """Each finding's message names the policy value and its suggestion says what is honest."""
    report = _check(reply)
    (finding,) = [f for f in report.findings if f.rule == rule]
    assert finding.clause == clause
    assert in_message in finding.message
    assert finding.suggestion is not None
    assert in_suggestion in finding.suggestion


# -- [honesty] settings ------------------------------------------------------------------


def test_allow_suppresses_findings_inside_the_phrase() -> None:
    """An allowed phrase hides findings inside it, and only those."""
    reply = "The frame is guaranteed to last. I guarantee it."
    plain = _check(reply)
    assert [reply[f.start : f.end] for f in plain.findings] == ["guaranteed", "I guarantee"]
    allowed = _check(reply, checker=_checker(allow=["is guaranteed to last"]))
    assert [reply[f.start : f.end] for f in allowed.findings] == ["I guarantee"]


def test_allow_is_case_and_whitespace_tolerant() -> None:
    """An allowed phrase matches whatever its case and however its words are spaced."""
    reply = "The frame is\nguaranteed to last."
    assert _rules(_check(reply)) == ["absolute-guarantee"]
    assert _rules(_check(reply, checker=_checker(allow=["frame  IS guaranteed"]))) == []


def test_allow_does_not_hide_a_finding_that_reaches_past_the_phrase() -> None:
    """A finding whose span is larger than the allowed phrase is still reported."""
    checker = _checker(allow=["refund you within 3 days"])
    assert _rules(_check("We'll refund you within 3 days.", checker=checker)) == ["overpromise"]


def test_disable_switches_a_rule_off() -> None:
    """A disabled rule reports nothing; the other rules still run."""
    reply = "I guarantee it. I can give you 30% off."
    assert _rules(_check(reply)) == ["absolute-guarantee", "overpromise"]
    checker = _checker(disable=["absolute-guarantee"])
    assert _rules(_check(reply, checker=checker)) == ["overpromise"]


def test_severity_override_to_info_keeps_the_report_ok() -> None:
    """absolute-guarantee set to info is reported as info, and the report stays ok."""
    reply = "I guarantee it."
    (default,) = _check(reply).findings
    assert (default.rule, default.severity) == ("absolute-guarantee", Severity.WARNING)
    checker = _checker(severity={"absolute-guarantee": "info"})
    report = _check(reply, checker=checker)
    (finding,) = report.findings
    assert (finding.rule, finding.severity) == ("absolute-guarantee", Severity.INFO)
    assert report.ok
    assert report.to_dict()["findings"][0]["severity"] == "info"


def test_rules_below_their_precision_bar_ship_one_level_lower() -> None:
    """unanswered-question defaults to info until it earns warning; unexplained-refusal has."""
    (finding,) = _check("Thanks for reaching out!", "Do you deliver on Saturdays?").findings
    assert (finding.rule, finding.severity) == ("unanswered-question", Severity.INFO)
    (finding,) = _check("Sorry, that's not possible.").findings
    assert (finding.rule, finding.severity) == ("unexplained-refusal", Severity.WARNING)
    checker = _checker(severity={"unanswered-question": "warning"})
    (raised,) = _check("Thanks!", "Do you deliver on Saturdays?", checker=checker).findings
    assert raised.severity is Severity.WARNING


def test_severity_override_can_lower_an_error() -> None:
    """An error rule lowered to a warning no longer makes the report not ok."""
    reply = "I can give you 30% off."
    assert not _check(reply).ok
    report = _check(reply, checker=_checker(severity={"overpromise": "warning"}))
    assert [f.severity for f in report.findings] == [Severity.WARNING]
    assert report.ok


def test_guarantee_terms_add_words() -> None:
    """A policy's guarantee_terms are absolute guarantees too."""
    reply = "This frame is ironclad."
    assert _check(reply).findings == ()
    (finding,) = _check(reply, checker=_checker(guarantee_terms=["ironclad"])).findings
    assert finding.rule == "absolute-guarantee"
    assert reply[finding.start : finding.end] == "ironclad"


# -- vague commitments and other findings ---------------------------------------------------


def test_vague_commitment_is_not_reported_beside_another_finding() -> None:
    """A vague commitment in a sentence that already has a finding is not reported."""
    reply = "I guarantee we'll look into it."
    assert _rules(_check(reply)) == ["absolute-guarantee"]
    # The same sentence without the other rule: the vague commitment shows.
    alone = _check(reply, checker=_checker(disable=["absolute-guarantee"]))
    assert _rules(alone) == ["vague-commitment"]


def test_which_rule_yields_is_data_on_the_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker hides a finding because its rule yields, not because of its id."""
    import attrs

    import honestcs.checker
    from honestcs.rules import RULES

    assert [r.id for r in RULES if r.yields_in_sentence] == ["vague-commitment"]
    reply = "I guarantee we'll look into it."
    standing = tuple(attrs.evolve(r, yields_in_sentence=False) for r in RULES)
    monkeypatch.setattr(honestcs.checker, "RULES", standing)
    assert _rules(_check(reply, checker=_checker())) == [
        "absolute-guarantee",
        "vague-commitment",
    ]
    yielding = tuple(
        attrs.evolve(r, yields_in_sentence=r.id == "absolute-guarantee") for r in RULES
    )
    monkeypatch.setattr(honestcs.checker, "RULES", yielding)
    assert _rules(_check(reply, checker=_checker())) == ["vague-commitment"]


def test_vague_commitment_in_another_sentence_is_still_reported() -> None:
    """A finding in one sentence does not hide a vague commitment in the next."""
    reply = "Sorry, that's not possible. We'll look into it."
    report = _check(reply)
    assert _rules(report) == ["unexplained-refusal", "vague-commitment"]
    assert reply[report.findings[1].start : report.findings[1].end] == "We'll look into it"


def test_unanswered_question_does_not_hide_a_vague_commitment() -> None:
    """A whole-reply unanswered-question finding suppresses nothing."""
    report = _check("Thanks for writing. We'll look into it.", "How much is white-glove delivery?")
    assert sorted(_rules(report)) == ["unanswered-question", "vague-commitment"]


# -- conditions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param("Once it's back with us, I'll reupholster it.", id="once"),
        pytest.param("If the fabric is in stock, we can reupholster it.", id="if"),
        pytest.param("As soon as it's back with us, I'll reupholster it.", id="as soon as"),
    ],
)
def test_conditional_sentences_are_exempt_from_unauthorized_promise(reply: str) -> None:
    """A condition can make an act allowed: conditional offers are not unauthorized promises."""
    assert "unauthorized-promise" not in _rules(_check(reply))


def test_a_condition_never_lifts_a_limit() -> None:
    """A conditional over-limit offer is still an overpromise."""
    report = _check("If you buy two, I can give you 30% off.")
    assert _rules(report) == ["overpromise"]


# -- arguments --------------------------------------------------------------------------


def test_naive_now_is_an_error() -> None:
    """A ``now`` without a time zone raises ValueError."""
    with pytest.raises(ValueError):
        CHECKER.check("We'll refund you within 3 days.", now=datetime(2026, 12, 1, 10, 0))


def test_ledger_needs_a_customer_id() -> None:
    """Checking against a ledger without saying which customer raises ValueError."""
    ledger = honestcs.PromiseLedger(honestcs.MemoryStore())
    with pytest.raises(ValueError, match="customer_id"):
        CHECKER.check("We'll refund you within 7 business days.", now=NOW, ledger=ledger)


def test_now_in_another_zone_is_the_same_instant() -> None:
    """``now`` in any zone is read as the same instant in the policy's zone."""
    utc = datetime(2026, 12, 1, 16, 0, tzinfo=ZoneInfo("UTC"))
    (promise,) = CHECKER.check("We'll refund you within 7 business days.", now=utc).promises
    assert promise.due == datetime(2026, 12, 10, 10, 0, tzinfo=CHICAGO)


def test_a_checker_keeps_no_state_between_checks() -> None:
    """Checking the same reply twice gives equal reports, whatever was checked between."""
    reply = "We'll refund you within 3 days."
    first = _check(reply)
    _check("I guarantee it.", "Do you deliver?")
    assert _check(reply) == first


# -- direction of each limit (SPEC §3) ------------------------------------------------------

@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        pytest.param("I'll refund you within 2 weeks.", [], id="takes: slower is honest"),
        pytest.param("Refunds take up to 10 business days.", [], id="takes: longer statement"),
        pytest.param("Refunds take 2 days.", ["policy-misstatement"], id="takes: shorter"),
        pytest.param("You have a month to return it.", [], id="within: a month is 30 days"),
        pytest.param("You have 4 weeks to return it.", ["policy-misstatement"],
                     id="within: shorter window"),
        pytest.param("You have 60 days to return it.", ["policy-misstatement"],
                     id="within: longer window"),
        pytest.param("White-glove delivery costs $149.", [], id="costs: the price"),
        pytest.param("White-glove delivery is $199.", ["policy-misstatement"],
                     id="costs: a higher price"),
        pytest.param("I can do white-glove delivery for $99.", ["overpromise"],
                     id="costs: offered for less"),
        pytest.param("I'll add $75 of store credit.", [], id="up_to given: the limit"),
        pytest.param("I've added $100 of store credit to your account.", ["overpromise"],
                     id="up_to given: more, already done"),
        pytest.param("Floor models can be discounted up to 10%.", ["policy-misstatement"],
                     id="up_to as a rule: lower"),
        pytest.param("Store credit is capped at $100.", ["policy-misstatement"],
                     id="up_to as a rule: higher"),
        pytest.param("Floor models can be discounted up to 20%.", [], id="up_to as a rule: exact"),
        pytest.param("The maximum discount is 10%.", ["policy-misstatement"],
                     id="up_to as a rule: maximum before the noun"),
    ],
)  # fmt: skip
def test_direction_of_each_limit(reply: str, expected: list[str]) -> None:
    """Slower than `takes` is honest; other `within`, `costs` and stated `up_to` figures are not."""
    assert _rules(_check(reply)) == expected


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param("We deliver on Saturdays.", id="plural weekday"),
        pytest.param("We deliver on weekdays only.", id="weekdays"),
        pytest.param("We deliver Monday to Friday.", id="weekday range"),
        pytest.param("Deliveries run Monday through Saturday.", id="weekday range, through"),
    ],
)
def test_a_schedule_is_not_a_deadline(reply: str) -> None:
    """Days on which the business acts say nothing about how long the act takes."""
    assert _rules(_check(reply)) == []


# -- absolute guarantees --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("reply", "span"),
    [
        pytest.param("I guarantee it will arrive.", "I guarantee", id="I guarantee"),
        pytest.param("Delivery is guaranteed by Friday.", "guaranteed", id="is guaranteed"),
        pytest.param("I'm 100% sure it's fixed.", "100% sure", id="100% sure"),
        pytest.param("I promise it won't happen again.", "I promise", id="I promise"),
        pytest.param("Satisfaction guaranteed.", "guaranteed", id="slogan"),
        pytest.param("It will arrive by Friday, guaranteed.", "guaranteed", id="trailing"),
    ],
)  # fmt: skip
def test_absolute_guarantees(reply: str, span: str) -> None:
    """Unconditional guarantees are reported on the guaranteeing words."""
    findings = [f for f in _check(reply).findings if f.rule == "absolute-guarantee"]
    assert [reply[f.start : f.end] for f in findings] == [span]
    assert findings[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param("I can't guarantee it will arrive by Friday.", id="can't guarantee"),
        pytest.param("I can't promise it will arrive tomorrow.", id="can't promise"),
        pytest.param("There's no guarantee, but most sofas arrive in 10 days.", id="no guarantee"),
        pytest.param('You were told "guaranteed delivery by Friday"; that was wrong.', id="quoted"),
    ],
)
def test_hedges_and_quotes_are_not_guarantees(reply: str) -> None:
    """Declining to guarantee, and quoting someone else's guarantee, are honest."""
    assert "absolute-guarantee" not in _rules(_check(reply))


# -- refusals and offers in one sentence ------------------------------------------------------


def test_a_refusal_of_one_thing_does_not_hide_an_offer_of_another() -> None:
    """'We can't X, but we can <cannot-term>' still promises what the policy rules out."""
    report = _check("We can't deliver on Sunday, but we can reupholster it.")
    assert "unauthorized-promise" in _rules(report)


def test_an_unauthorized_offer_in_its_own_sentence() -> None:
    """The same offer in a sentence of its own is reported."""
    report = _check("We can't deliver on Sunday. We can reupholster it, though.")
    assert "unauthorized-promise" in _rules(report)


def test_a_reply_is_not_compared_with_its_own_recorded_promises() -> None:
    """With reply_key, open promises recorded under that key are left out of silent-reschedule."""
    ledger = honestcs.PromiseLedger(honestcs.MemoryStore())
    reply = "Your refund will be back on your card within 7 business days."
    report = CHECKER.check(reply, now=NOW)
    ledger.record_report(report, customer="C-1", agent="alex", made_at=NOW, key="msg-1")
    a_day_later = NOW.replace(day=2)
    again = CHECKER.check(reply, now=a_day_later, ledger=ledger, customer_id="C-1")
    assert [f.rule for f in again.findings] == ["silent-reschedule"]
    own = CHECKER.check(
        reply, now=a_day_later, ledger=ledger, customer_id="C-1", reply_key="msg-1"
    )
    assert own.findings == ()
    other = CHECKER.check(
        reply, now=a_day_later, ledger=ledger, customer_id="C-1", reply_key="msg-2"
    )
    assert [f.rule for f in other.findings] == ["silent-reschedule"]


@pytest.mark.parametrize(
    ("reply", "clause", "due"),
    [
        pytest.param("I'll call you back about your refund.", None, None,
                     id="a call about the refund is not the refund: no clause, no due time"),
        pytest.param("I'll call you back about your refund on Friday.", None,
                     datetime(2026, 12, 4, 23, 59, 59, 999999, tzinfo=CHICAGO),
                     id="the call's own time is its due time"),
        pytest.param("We'll get back to you with an update on your refund by Friday.", None,
                     datetime(2026, 12, 4, 23, 59, 59, 999999, tzinfo=CHICAGO),
                     id="an update on the refund is a telling"),
        pytest.param("Your refund is done, and I'll ring you tomorrow.", None,
                     datetime(2026, 12, 2, 23, 59, 59, 999999, tzinfo=CHICAGO),
                     id="a term earlier in the sentence names another act"),
        pytest.param("I'll let you know when your refund is issued.", None, None,
                     id="news awaited is a telling: no refund due time made up"),
        pytest.param("We'll email you once the refund has gone through.", None, None,
                     id="'once' the news comes"),
        pytest.param("I'll send you the refund confirmation within 2 days.", None,
                     datetime(2026, 12, 3, 10, 0, tzinfo=CHICAGO),
                     id="a document about the refund is not the refund"),
        pytest.param("You'll get an email confirming the refund within 24 hours.", None,
                     datetime(2026, 12, 2, 10, 0, tzinfo=CHICAGO),
                     id="what the message says is not the act"),
        pytest.param("We'll refund you once the item is back.", "refund",
                     datetime(2026, 12, 10, 10, 0, tzinfo=CHICAGO),
                     id="the act itself, waiting on an event, keeps its clause and time"),
        pytest.param("I've started your refund and it will reach you in 5 days.", "refund",
                     datetime(2026, 12, 6, 10, 0, tzinfo=CHICAGO),
                     id="'it' points back to the refund"),
    ],
)  # fmt: skip
def test_promises_are_filed_under_the_act_they_undertake(
    reply: str, clause: str | None, due: datetime | None
) -> None:
    (promise,) = _check(reply).promises
    assert (promise.clause, promise.due) == (clause, due)
