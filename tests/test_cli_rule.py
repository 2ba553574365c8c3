"""``honestcs rule``: a rule's page, and the list of every rule, in the terminal."""

from __future__ import annotations

import pytest

from honestcs._links import rule_url
from honestcs.cli import main
from honestcs.rules import RULES, Rule


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["rule", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_page_shows_what_the_rule_carries(capsys: pytest.CaptureFixture[str], rule: Rule) -> None:
    """The page has the id, default severity, summary, documentation, examples and link."""
    status, out, err = _run(capsys, rule.id)
    assert (status, err) == (0, "")
    assert out.startswith(f"{rule.id} (default severity: {rule.severity.value})\n")
    flat = " ".join(out.split())
    assert f"Reports a reply that {' '.join(rule.summary.split())}." in flat
    for line in rule.doc.strip().splitlines()[1:]:  # the title line is the page's first
        words = line.strip().removeprefix("* ").replace("**", "").split()
        for role in (":mod:", ":func:", ":class:", ":meth:", ":data:"):
            words = [w.replace(role, "") for w in words]
        assert " ".join(words) in flat, line
    for example in (*rule.fires, *rule.quiet):
        assert " ".join(example.reply.split()) in flat
    assert "\nReported (" in out
    assert "\nNot reported:\n" in out
    assert "\nKnown problems:\n" in out
    assert out.rstrip().endswith(f"Documentation: {rule_url(rule.id)}")


def test_known_problems_come_from_the_rule_or_say_none_are_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A rule that lists its known problems shows them once; another says none are written."""
    for rule in RULES:
        _, out, _ = _run(capsys, rule.id)
        assert out.count("Known problems") == 1, rule.id
        if "Known problems" not in rule.doc:
            flat = " ".join(out.split())
            assert "Known problems: None written down for this rule yet." in flat
            assert "/concepts/accuracy/" in flat


def test_all_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """--all prints one line per rule: id, default severity, summary."""
    status, out, _ = _run(capsys, "--all")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["RULE", "SEVERITY", "REPORTS", "A", "REPLY", "THAT…"]
    for rule, line in zip(RULES, lines[1:], strict=False):
        assert line.split(None, 2) == [rule.id, rule.severity.value, rule.summary]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["overpromis"], 'rule: no rule "overpromis"; did you mean "overpromise"?',
                     id="typo"),
        pytest.param([], "give a rule id", id="nothing"),
        pytest.param(["overpromise", "--all"], "not both", id="both"),
    ],
)  # fmt: skip
def test_mistakes_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """An unknown id (with the nearest one), or no id, exits 2 with one line on stderr."""
    status, out, err = _run(capsys, *args)
    assert (status, out) == (2, "")
    assert err.startswith("honestcs: error: ")
    assert message in err
