"""``honestcs check --select/--ignore/--fail-on/--exit-zero``: which rules run, what fails a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _one_clause import NOW, POLICY, REPLY

from honestcs.cli import main
from honestcs.cli._selection import RULE_IDS

WARNING_AND_INFO = "I guarantee it. We'll look into it."
INFO_ONLY = "We'll look into it."


def _policy(tmp_path: Path, honesty: str = "") -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(POLICY + (f"\n[honesty]\n{honesty}\n" if honesty else ""), encoding="utf-8")
    return path


def _rules(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *flags: str, honesty: str = ""
) -> tuple[int, list[str]]:
    """Exit status and the rules reported for REPLY."""
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    policy = _policy(tmp_path, honesty)
    args = ["check", "--policy", str(policy), "--now", NOW, "--format", "json", *flags]
    status = main([*args, str(reply)])
    out, err = capsys.readouterr()
    assert err == ""
    (row,) = [json.loads(line) for line in out.splitlines()]
    return status, [f["rule"] for f in row["findings"]]


def test_every_rule_runs_by_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Without a selection, every rule the policy does not disable runs."""
    assert _rules(capsys, tmp_path) == (
        1,
        ["overpromise", "absolute-guarantee", "vague-commitment"],
    )


def test_select_runs_only_the_named_rules(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--select runs only the rules it names; the others report nothing."""
    status, rules = _rules(capsys, tmp_path, "--select", "absolute-guarantee,vague-commitment")
    assert (status, rules) == (0, ["absolute-guarantee", "vague-commitment"])


def test_select_may_be_repeated(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Several --select options add up."""
    status, rules = _rules(
        capsys, tmp_path, "--select", "overpromise", "--select", "vague-commitment"
    )
    assert (status, rules) == (1, ["overpromise", "vague-commitment"])


def test_ignore_switches_rules_off(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--ignore switches the named rules off; an ignored error no longer fails the run."""
    status, rules = _rules(capsys, tmp_path, "--ignore", "overpromise")
    assert (status, rules) == (0, ["absolute-guarantee", "vague-commitment"])


def test_ignore_wins_over_select(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A rule both selected and ignored does not run."""
    status, rules = _rules(
        capsys, tmp_path, "--select", "overpromise,absolute-guarantee", "--ignore", "overpromise"
    )
    assert (status, rules) == (0, ["absolute-guarantee"])


def test_select_runs_a_rule_the_policy_disables(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The flags win over [honesty] disable: a rule selected by name runs."""
    honesty = 'disable = ["absolute-guarantee"]'
    assert _rules(capsys, tmp_path, honesty=honesty)[1] == ["overpromise", "vague-commitment"]
    _, rules = _rules(capsys, tmp_path, "--select", "absolute-guarantee", honesty=honesty)
    assert rules == ["absolute-guarantee"]


def test_ignore_keeps_the_policy_disable_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--ignore adds to the rules the policy disables; it does not switch them back on."""
    honesty = 'disable = ["absolute-guarantee"]'
    _, rules = _rules(capsys, tmp_path, "--ignore", "vague-commitment", honesty=honesty)
    assert rules == ["overpromise"]


def test_policy_severity_still_applies(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A selected rule keeps the severity the policy's [honesty] table gives it."""
    honesty = 'severity = { "vague-commitment" = "error" }'
    status, rules = _rules(capsys, tmp_path, "--select", "vague-commitment", honesty=honesty)
    assert (status, rules) == (1, ["vague-commitment"])


@pytest.mark.parametrize(
    ("reply", "fail_on", "status"),
    [
        pytest.param(WARNING_AND_INFO, None, 0, id="warning, default error: passes"),
        pytest.param(WARNING_AND_INFO, "warning", 1, id="warning, fail on warning"),
        pytest.param(INFO_ONLY, "warning", 0, id="info, fail on warning: passes"),
        pytest.param(INFO_ONLY, "info", 1, id="info, fail on info"),
        pytest.param(REPLY, "error", 1, id="error, fail on error"),
    ],
)
def test_fail_on_sets_the_severity_that_fails(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    reply: str,
    fail_on: str | None,
    status: int,
) -> None:
    """--fail-on makes findings of that severity or worse exit 1."""
    path = tmp_path / "reply.txt"
    path.write_text(reply, encoding="utf-8")
    flags = ["--fail-on", fail_on] if fail_on else []
    args = ["check", "--policy", str(_policy(tmp_path)), "--now", NOW, *flags, str(path)]
    assert main(args) == status
    out = capsys.readouterr().out
    if fail_on and fail_on != "error":
        assert f"; {status} with " in out
        assert f"(--fail-on {fail_on})" in out


def test_exit_zero_passes_a_failing_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--exit-zero exits 0 with findings that would fail the run, and still reports them."""
    status, rules = _rules(capsys, tmp_path, "--exit-zero", "--fail-on", "info")
    assert (status, rules) == (0, ["overpromise", "absolute-guarantee", "vague-commitment"])


def test_exit_zero_keeps_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--exit-zero does not hide a usage error: a missing policy still exits 2."""
    status = main(["check", "--policy", str(tmp_path / "nope.toml"), "--exit-zero", "-"])
    assert status == 2
    assert "no such policy file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        pytest.param(
            "--select", "overpromis", '--select: no rule "overpromis"; did you mean "overpromise"?',
            id="select typo",
        ),
        pytest.param(
            "--ignore", "overpromise,sycophncy",
            '--ignore: no rule "sycophncy"; did you mean "sycophancy"?', id="ignore typo",
        ),
        pytest.param(
            "--select", "E501", '--select: no rule "E501"; the rules are overpromise, ',
            id="nothing near: list the rules",
        ),
        pytest.param("--select", ",", "--select: names no rule", id="empty list"),
    ],
)  # fmt: skip
def test_unknown_rule_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, flag: str, value: str, message: str
) -> None:
    """An unknown rule id exits 2 naming the id, with the nearest rule id as a hint."""
    status = main(["check", "--policy", str(_policy(tmp_path)), flag, value, "-"])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.startswith(f"honestcs: error: {message}")
    assert len(err.strip().splitlines()) == 1


def test_rule_list_names_every_rule() -> None:
    """The rule ids a selection accepts are the rules the checker runs, in SPEC §3 order."""
    assert RULE_IDS[:9] == (
        "overpromise", "policy-misstatement", "unauthorized-promise", "prohibited-compliance",
        "absolute-guarantee", "unexplained-refusal", "sycophancy", "unanswered-question",
        "vague-commitment",
    )  # fmt: skip
