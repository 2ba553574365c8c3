"""``honestcs policy show`` and ``honestcs policy diff``: the policy, and what a change does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from honestcs.cli import main

ROOT = Path(__file__).parents[1]
COMPANY = ROOT / "examples" / "departments" / "company.toml"
NOW = "2026-12-01T10:00:00-06:00"


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    """The example with limits tighter and looser, a window changed, a clause added, one gone."""
    folder = tmp_path / "new"
    shutil.copytree(COMPANY.parent, folder)
    billing = folder / "billing.toml"
    text = billing.read_text(encoding="utf-8")
    text = text.replace('takes = "5-7 business days"', 'takes = "5-10 business days"')
    billing.write_text(text.replace('up_to = "20%"', 'up_to = "25%"'), encoding="utf-8")
    shipping = folder / "shipping.toml"
    text = shipping.read_text(encoding="utf-8")
    shipping.write_text(text.replace('within = "30 days"', 'within = "45 days"'), encoding="utf-8")
    support = folder / "support.toml"
    text = support.read_text(encoding="utf-8")
    text = text[: text.index("[[cannot]]")] + (
        '[[can]]\nid = "fabric-swatches"\ndoes = "send free fabric swatches"\n'
        'terms = ["swatch", "swatches"]\ntakes = "3 business days"\n'
    )
    support.write_text(text, encoding="utf-8")
    return folder / "company.toml"


@pytest.fixture
def past(tmp_path: Path) -> Path:
    rows = [
        {"id": "r1", "reply": "I can give you 25% off this floor model.", "now": NOW},
        {"id": "r2", "reply": "We'll refund you within 8 business days.", "now": NOW},
        {"id": "r3", "reply": "We'll refund you within 12 business days."},
    ]
    path = tmp_path / "past.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_show_prints_each_clause_with_its_file_and_department(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["policy", "show", str(COMPANY)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f'{COMPANY}: policy "Northwind Furniture" (time zone America/Chicago, version 2026-11)'
    )
    assert out[1] == "departments (3):"
    billing = COMPANY.parent / "billing.toml"
    assert f"  billing ({billing}, owner billing-team@northwind.example): 3 clauses" in out
    assert (
        f"can refund [{billing}, department billing]: refund returned items to the original "
        "payment method; takes 5-7 business days"
    ) in out
    shipping = COMPANY.parent / "shipping.toml"
    assert (
        f"can callback [{shipping}, department shipping]: have a dispatcher call the customer "
        "back; takes 1 business day"
    ) in out
    paid_review = f"prohibited paid-review [{COMPANY}, no department]"
    assert any(line.startswith(paid_review) for line in out)


def test_show_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policy", "show", "--format", "json", str(COMPANY)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data["departments"]] == ["billing", "shipping", "support"]
    by_id = {row["id"]: row for row in data["clauses"]}
    assert len(by_id) == 12
    assert by_id["repair-visit"]["department"] == "support"
    assert by_id["repair-visit"]["owner"] == "support-leads@northwind.example"
    assert by_id["repair-visit"]["limit"] == "takes 3-5 business days"
    assert by_id["paid-review"]["department"] is None


def test_show_of_a_single_file_says_no_department_is_declared(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["policy", "show", str(ROOT / "examples" / "northwind.toml")]) == 0
    out = capsys.readouterr().out
    assert "departments: none declared" in out
    assert "no department" in out


def test_diff_names_what_got_tighter_looser_added_and_removed(
    changed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["policy", "diff", str(COMPANY), str(changed)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{COMPANY} -> {changed}: 5 differences in clauses",
        "  tighter: refund (billing): takes 5-7 business days -> takes 5-10 business days: "
        "a promise must now allow 10 business days (it was 7 business days)",
        "  looser: discount (billing): up_to 20% -> up_to 25%: the most that may be given is "
        "now 25% (it was 20%)",
        "  changed: returns (shipping): within 30 days -> within 45 days: a reply must now "
        "state 45 days exactly, and 30 days is a misstatement",
        "  added: fabric-swatches (support): new can clause; takes 3 business days",
        "  removed: custom-fabric (support): the cannot clause is gone",
    ]


def test_diff_with_replies_lists_those_whose_verdict_changes(
    changed: Path, past: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([
        "policy", "diff", str(COMPANY), str(changed), "--replies", str(past), "--now", NOW,
    ])  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-3:] == [
        f"{past}: 3 replies checked under both; 2 replies change verdict",
        "  r1 (line 1): overpromise [discount] -> no errors",
        "  r2 (line 2): no errors -> overpromise [refund]",
    ]


def test_diff_as_json(changed: Path, past: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["policy", "diff", "--format", "json", str(COMPANY), str(changed)]
    assert main([*argv, "--replies", str(past), "--now", NOW]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(c["kind"], c["clause"]) for c in data["changes"]] == [
        ("tighter", "refund"), ("looser", "discount"), ("changed", "returns"),
        ("added", "fabric-swatches"), ("removed", "custom-fabric"),
    ]  # fmt: skip
    assert data["replies"]["checked"] == 3
    assert data["replies"]["changed_verdict"][1] == {
        "id": "r2", "line": 2, "before": [], "after": ["overpromise [refund]"],
    }  # fmt: skip


def test_diff_of_a_policy_with_itself_has_no_differences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["policy", "diff", str(COMPANY), str(COMPANY)]) == 0
    assert capsys.readouterr().out == f"{COMPANY} -> {COMPANY}: 0 differences in clauses\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "past.jsonl:1: not JSON (Expecting value, column 1)"),
        ('{"text": "x"}', 'past.jsonl:1: expected an object with a string "reply"'),
        ('{"reply": "x", "now": "soon"}', 'past.jsonl:1: "now" is not an ISO 8601 date and time'),
        ('{"reply": "x", "now": "2026-12-01T10:00"}', 'past.jsonl:1: "now" needs a UTC offset'),
    ],
)
def test_a_bad_replies_line_is_one_clear_line(
    tmp_path: Path, line: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "past.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    assert main(["policy", "diff", str(COMPANY), str(COMPANY), "--replies", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_an_invalid_policy_in_diff_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[policy]\nname = "x"\n', encoding="utf-8")
    assert main(["policy", "diff", str(COMPANY), str(bad)]) == 2
    assert "timezone: required key is missing" in capsys.readouterr().err
