"""The rule registry: every rule is documented, and its own examples behave as it says."""

from __future__ import annotations

from datetime import datetime

import pytest

import honestcs
from honestcs.policy import KNOWN_RULE_IDS
from honestcs.rules import RULES, Example, Rule
from honestcs.rules._examples import EXAMPLE_POLICY

CHECKER = honestcs.ReplyChecker(honestcs.Policy.from_dict(EXAMPLE_POLICY))
CUSTOMER_ID = "C-EXAMPLE"

# Examples a rule gets wrong today, with the bug; each stays a strict xfail until fixed.
KNOWN_BUGS: dict[tuple[str, str, str], str] = {}


def _by_rule() -> list[object]:
    return [pytest.param(rule, id=rule.id) for rule in RULES]


def _examples(kind: str) -> list[object]:
    params = []
    for rule in RULES:
        for index, example in enumerate(getattr(rule, kind)):
            bug = KNOWN_BUGS.get((kind, rule.id, example.reply))
            marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
            params.append(pytest.param(rule, example, id=f"{rule.id}-{index}", marks=marks))
    return params


def _rules_found(example: Example) -> set[str]:
    """The rule ids reported for an example, checked as the docs show it."""
    now = datetime.fromisoformat(example.now)
    if not example.earlier:
        report = CHECKER.check(example.reply, customer_message=example.customer, now=now)
        return {f.rule for f in report.findings}
    ledger = honestcs.PromiseLedger(honestcs.MemoryStore())
    for clause, due, text in example.earlier:
        ledger.record(
            honestcs.Promise(text, 0, len(text), clause=clause, due=datetime.fromisoformat(due)),
            customer=CUSTOMER_ID,
            agent="earlier-agent",
            made_at=now,
        )
    report = CHECKER.check(
        example.reply,
        customer_message=example.customer,
        now=now,
        ledger=ledger,
        customer_id=CUSTOMER_ID,
    )
    return {f.rule for f in report.findings}


def test_public_names_the_rules_need() -> None:
    """The names the rule examples use are public in honestcs."""
    assert {"PromiseLedger", "MemoryStore", "Promise", "ReplyChecker", "Policy"} <= set(
        dir(honestcs)
    )


def test_every_known_rule_id_has_a_rule() -> None:
    """The registry holds exactly one rule for each known rule id, in no particular order."""
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(KNOWN_RULE_IDS)


@pytest.mark.parametrize("rule", _by_rule())
def test_rule_is_documented(rule: Rule) -> None:
    """Every rule has a known id, a one-line summary and a docstring that names it."""
    assert rule.id in KNOWN_RULE_IDS
    assert rule.summary.strip()
    assert "\n" not in rule.summary
    assert rule.doc.strip()
    assert f"`{rule.id}`" in rule.doc
    assert isinstance(rule.severity, honestcs.Severity)


@pytest.mark.parametrize("rule", _by_rule())
def test_rule_has_examples_both_ways(rule: Rule) -> None:
    """Every rule has at least one example that fires and one that stays quiet."""
    assert len(rule.fires) >= 1, f"{rule.id} has no 'fires' example"
    assert len(rule.quiet) >= 1, f"{rule.id} has no 'quiet' example"


@pytest.mark.parametrize("rule", _by_rule())
def test_rule_examples_have_aware_times(rule: Rule) -> None:
    """Every example's ``now`` is an ISO time with a UTC offset (no example depends on today)."""
    for example in (*rule.fires, *rule.quiet):
        assert datetime.fromisoformat(example.now).tzinfo is not None, example


@pytest.mark.parametrize(("rule", "example"), _examples("fires"))
def test_fires_examples_fire(rule: Rule, example: Example) -> None:
    """Each of a rule's 'fires' examples produces a finding of that rule."""
    found = _rules_found(example)
    assert rule.id in found, f"{example.reply!r} reported {sorted(found)}"


@pytest.mark.parametrize(("rule", "example"), _examples("quiet"))
def test_quiet_examples_stay_quiet(rule: Rule, example: Example) -> None:
    """Each of a rule's 'quiet' examples produces no finding of that rule."""
    found = _rules_found(example)
    assert rule.id not in found, f"{example.reply!r} reported {sorted(found)}"


def test_silent_reschedule_needs_the_ledger() -> None:
    """Without a ledger, the silent-reschedule example has nothing to compare with."""
    (rule,) = [r for r in RULES if r.id == "silent-reschedule"]
    example = rule.fires[0]
    report = CHECKER.check(example.reply, now=datetime.fromisoformat(example.now))
    assert "silent-reschedule" not in {f.rule for f in report.findings}
    assert example.earlier, "the example must carry the open promise it reschedules"
    assert "silent-reschedule" in _rules_found(example)


def test_silent_reschedule_reads_only_this_customers_promises() -> None:
    """Another customer's open promise does not make a later date a silent reschedule."""
    (rule,) = [r for r in RULES if r.id == "silent-reschedule"]
    example = rule.fires[0]
    now = datetime.fromisoformat(example.now)
    ledger = honestcs.PromiseLedger(honestcs.MemoryStore())
    for clause, due, text in example.earlier:
        ledger.record(
            honestcs.Promise(text, 0, len(text), clause=clause, due=datetime.fromisoformat(due)),
            customer="SOMEONE-ELSE",
            agent="a",
            made_at=now,
        )
    report = CHECKER.check(example.reply, now=now, ledger=ledger, customer_id=CUSTOMER_ID)
    assert "silent-reschedule" not in {f.rule for f in report.findings}
