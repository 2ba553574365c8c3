"""Composed policies: ``[policy] extends``, ``[department]`` and ``overrides = true``."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import honestcs
from honestcs.cli import main

ROOT = Path(__file__).parents[1]
COMPANY = ROOT / "examples" / "departments" / "company.toml"
REPLIES = ROOT / "examples" / "departments" / "replies"
NOW = datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("America/Chicago"))

TOP = '[policy]\nname = "Acme"\ntimezone = "UTC"\nextends = {extends}\n'


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _can(clause_id: str, takes: str = "5 days", *, overrides: bool = False) -> str:
    flag = "overrides = true\n" if overrides else ""
    return (
        f'[[can]]\nid = "{clause_id}"\n{flag}does = "do {clause_id}"\n'
        f'terms = ["{clause_id}"]\ntakes = "{takes}"\n'
    )


def _department(name: str) -> str:
    return f'[department]\nname = "{name}"\n'


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    _write(tmp_path, files)
    with pytest.raises(honestcs.PolicyError) as caught:
        honestcs.load_policy(tmp_path / "top.toml")
    return list(caught.value.problems)


def test_the_example_names_the_department_of_each_finding() -> None:
    """Each finding over the three-department example names the department of its clause."""
    checker = honestcs.ReplyChecker(honestcs.load_policy(COMPANY))
    expected = {
        "01-billing-refund.txt": [("overpromise", "refund", "billing")],
        "02-shipping-delivery.txt": [
            ("overpromise", "delivery", "shipping"),
            ("policy-misstatement", "returns", "shipping"),
        ],
        "03-support-repair.txt": [("overpromise", "repair-visit", "support")],
        "04-no-findings.txt": [],
    }
    for name, findings in expected.items():
        report = checker.check((REPLIES / name).read_text(encoding="utf-8"), now=NOW)
        assert [(f.rule, f.clause, f.department) for f in report.findings] == findings, name
        for promise in report.promises:
            assert promise.department == findings[0][2]


def test_the_example_composes_every_file_with_its_department_and_owner() -> None:
    policy = honestcs.load_policy(COMPANY)
    assert [d.name for d in policy.departments] == ["billing", "shipping", "support"]
    assert policy.department_of("refund") == honestcs.Department(
        "billing", "billing-team@northwind.example"
    )
    assert policy.department_of("paid-review") is None
    assert policy.origins["paid-review"].source == str(COMPANY)
    # shipping.toml overrides the callback of shared.toml, which it extends.
    callback = policy.clause("callback")
    assert isinstance(callback, honestcs.Can)
    assert str(callback.takes) == "1 business day"
    assert policy.origins["callback"].source.endswith("shipping.toml")
    # The first file's header and calendar stand.
    assert (policy.name, policy.timezone) == ("Northwind Furniture", "America/Chicago")
    assert len(policy.calendar.holidays) == 3


def test_json_output_has_the_department(capsys: pytest.CaptureFixture[str]) -> None:
    code = main([
        "check", "--policy", str(COMPANY), "--format", "json",
        "--now", "2026-12-01T10:00:00-06:00", str(REPLIES / "01-billing-refund.txt"),
    ])  # fmt: skip
    assert code == 1
    (line,) = capsys.readouterr().out.splitlines()
    data = json.loads(line)
    assert data["findings"][0]["department"] == "billing"
    assert data["promises"][0]["department"] == "billing"


def test_a_single_file_department_round_trips() -> None:
    data = {
        "policy": {"name": "Acme", "timezone": "UTC"},
        "department": {"name": "billing", "owner": "ops@acme.example"},
        "can": [{"id": "refund", "does": "refund", "terms": ["refund"], "takes": "5 days"}],
    }
    policy = honestcs.Policy.from_dict(data)
    assert policy.department_of("refund") == honestcs.Department("billing", "ops@acme.example")
    again = honestcs.Policy.from_dict(policy.to_dict())
    assert again == policy
    assert again.department_of("refund") == policy.department_of("refund")


# --- Every composition error, naming both files ---------------------------------------------


def test_a_cycle_names_both_files(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": TOP.format(extends='["a.toml"]'),
        "a.toml": '[policy]\nextends = ["b.toml"]\n' + _can("refund"),
        "b.toml": '[policy]\nextends = ["a.toml"]\n' + _can("delivery"),
    })  # fmt: skip
    (problem,) = problems
    assert problem.startswith(f"{tmp_path / 'b.toml'}: [policy]: extends: ")
    assert f"{tmp_path / 'a.toml'} makes a cycle" in problem
    assert "a.toml already extends" in problem


def test_a_file_extending_itself_is_a_cycle(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {"top.toml": TOP.format(extends='["top.toml"]')})
    assert len(problems) == 1
    assert "makes a cycle" in problems[0]


def test_an_id_in_two_extended_files_names_both(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": TOP.format(extends='["billing.toml", "shipping.toml"]'),
        "billing.toml": _department("billing") + _can("refund"),
        "shipping.toml": _department("shipping") + _can("refund", "3 days"),
    })  # fmt: skip
    assert problems == [
        f'{tmp_path / "shipping.toml"}: clause "refund": id: also defined in '
        f"{tmp_path / 'billing.toml'}; both are extended by {tmp_path / 'top.toml'}, so one of "
        "them must take another id (or one file extend the other and set overrides = true)"
    ]


def test_redefining_an_extended_id_without_overrides_names_both(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": TOP.format(extends='["billing.toml"]') + _can("refund", "2 days"),
        "billing.toml": _can("refund"),
    })  # fmt: skip
    assert problems == [
        f'{tmp_path / "top.toml"}: clause "refund": id: already defined in '
        f"{tmp_path / 'billing.toml'}; set overrides = true to replace it, or choose another id"
    ]


def test_overrides_true_replaces_the_extended_clause_in_place(tmp_path: Path) -> None:
    _write(tmp_path, {
        "top.toml": TOP.format(extends='["billing.toml"]')
        + _can("refund", "9 days", overrides=True),
        "billing.toml": _department("billing") + _can("refund") + _can("credit"),
    })  # fmt: skip
    policy = honestcs.load_policy(tmp_path / "top.toml")
    assert [c.id for c in policy.can] == ["refund", "credit"]
    assert str(policy.can[0].takes) == "9 days"
    assert policy.department_of("refund") is None  # top.toml declares no department
    assert policy.department_of("credit") == honestcs.Department("billing")


def test_overrides_with_nothing_to_override_is_an_error(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": TOP.format(extends='["billing.toml"]') + _can("gift", overrides=True),
        "billing.toml": _can("refund"),
    })  # fmt: skip
    assert problems == [
        f'{tmp_path / "top.toml"}: clause "gift": overrides: true, but no file it extends '
        'defines "gift"'
    ]


def test_a_department_name_used_twice_names_both_files(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": TOP.format(extends='["a.toml", "b.toml"]'),
        "a.toml": _department("billing") + _can("refund"),
        "b.toml": _department("billing") + _can("credit"),
    })  # fmt: skip
    assert problems == [
        f'{tmp_path / "b.toml"}: [department]: name: "billing" is already the department of '
        f"{tmp_path / 'a.toml'}; each department is written in one file"
    ]


def test_a_diamond_reads_the_shared_file_once(tmp_path: Path) -> None:
    """Two departments extending one shared file share its clauses: no duplicate."""
    _write(tmp_path, {
        "top.toml": TOP.format(extends='["a.toml", "b.toml"]'),
        "a.toml": '[policy]\nextends = ["shared.toml"]\n' + _department("a") + _can("refund"),
        "b.toml": '[policy]\nextends = ["shared.toml"]\n' + _department("b") + _can("credit"),
        "shared.toml": _can("callback"),
    })  # fmt: skip
    policy = honestcs.load_policy(tmp_path / "top.toml")
    assert [c.id for c in policy.can] == ["callback", "refund", "credit"]


def test_a_missing_extended_file_names_where_it_is_listed(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {"top.toml": TOP.format(extends='["nope.toml"]')})
    assert problems == [
        f"{tmp_path / 'top.toml'}: [policy]: extends[0]: no such policy file "
        f"{tmp_path / 'nope.toml'}"
    ]


def test_a_bad_clause_in_an_extended_file_names_that_file(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": TOP.format(extends='["sub/billing.toml"]'),
        "sub/billing.toml": _can("refund", "soon"),
    })  # fmt: skip
    assert problems == [
        f'{tmp_path / "sub" / "billing.toml"}: can[0] (id "refund"): takes: "soon" is not a '
        "duration"
    ]


def test_another_time_zone_or_calendar_in_an_extended_file_names_both(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": TOP.format(extends='["a.toml"]'),
        "a.toml": '[policy]\ntimezone = "Europe/Paris"\n[calendar]\nworkdays = ["mon"]\n'
        + _can("refund"),
    })  # fmt: skip
    top, sub = tmp_path / "top.toml", tmp_path / "a.toml"
    assert problems == [
        f'{sub}: [policy]: timezone: "Europe/Paris" differs from "UTC" of {top}; a composed '
        "policy has one time zone, the first file's",
        f"{sub}: [calendar]: differs from the calendar of {top}; a composed policy has one "
        "calendar, the first file's (leave it out here)",
    ]


def test_bad_extends_and_department_values_are_located(tmp_path: Path) -> None:
    problems = _problems(tmp_path, {
        "top.toml": '[policy]\nname = "Acme"\ntimezone = "UTC"\nextends = "a.toml"\n'
        '[department]\nowner = "x"\ncolour = "red"\n',
    })  # fmt: skip
    top = tmp_path / "top.toml"
    assert problems == [
        f"{top}: [policy]: extends: must be a list of file names, not a string",
        f"{top}: [department]: colour: unknown key; known keys are name, owner",
        f"{top}: [department]: name: required key is missing",
    ]


def test_from_dict_refuses_extends_and_overrides() -> None:
    header = {"name": "Acme", "timezone": "UTC"}
    with pytest.raises(honestcs.PolicyError, match=r"read with load_policy\(\)"):
        honestcs.Policy.from_dict({"policy": {**header, "extends": ["a.toml"]}}, source="p")
    clause = {"id": "r", "does": "r", "terms": ["r"], "overrides": True}
    with pytest.raises(honestcs.PolicyError, match='overrides = true on "r"'):
        honestcs.Policy.from_dict({"policy": header, "can": [clause]}, source="p")
    with pytest.raises(honestcs.PolicyError, match="overrides: must be true or false"):
        honestcs.Policy.from_dict({"policy": header, "can": [{**clause, "overrides": 1}]})


def test_honesty_tables_are_joined_with_the_first_file_last(tmp_path: Path) -> None:
    _write(tmp_path, {
        "top.toml": TOP.format(extends='["a.toml"]')
        + '[honesty]\nallow = ["top phrase"]\nseverity = { sycophancy = "error" }\n',
        "a.toml": '[honesty]\nallow = ["a phrase"]\ndisable = ["vague-commitment"]\n'
        'severity = { sycophancy = "info", overpromise = "warning" }\n',
    })  # fmt: skip
    honesty = honestcs.load_policy(tmp_path / "top.toml").honesty
    assert honesty.allow == ("a phrase", "top phrase")
    assert honesty.disable == ("vague-commitment",)
    assert {k: v.value for k, v in honesty.severity.items()} == {
        "sycophancy": "error", "overpromise": "warning",
    }  # fmt: skip


def test_the_cli_reports_a_composition_error_on_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {
        "top.toml": TOP.format(extends='["a.toml"]'),
        "a.toml": '[policy]\nextends = ["top.toml"]\n',
    })  # fmt: skip
    assert main(["policy", "check", str(tmp_path / "top.toml")]) == 2
    err = capsys.readouterr().err
    assert "makes a cycle" in err
    assert "Traceback" not in err
