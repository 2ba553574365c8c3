"""The README's main job: check the example replies against the example policy."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from honestcs.cli import main

ROOT = Path(__file__).parents[1]
COMMAND = (
    "honestcs check --policy examples/northwind.toml --now 2026-12-01T10:00:00-06:00 "
    "examples/replies"
)
TOO_FAST = "examples/replies/01-refund-too-fast.txt"
HONEST = "examples/replies/02-honest-refund.txt"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, as the README does."""
    monkeypatch.chdir(ROOT)


def _args() -> list[str]:
    return shlex.split(COMMAND)[1:]


def test_readme_shows_the_command() -> None:
    """The README's quick start runs exactly this command."""
    assert COMMAND in (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_command_exits_1_and_flags_the_fast_refund(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The command exits 1, reporting an overpromise in the too-fast refund reply."""
    status = main(_args())
    out, err = capsys.readouterr()
    assert status == 1
    assert err == ""
    assert f"{TOO_FAST}:1:" in out
    assert "error: overpromise [refund]" in out
    assert "Thursday 10 December" in out
    assert HONEST not in out


def test_each_example_reply_gets_what_it_shows(capsys: pytest.CaptureFixture[str]) -> None:
    """01 over-promises the refund; 02, the honest refund, has no finding at all."""
    status = main([*_args(), "--format", "json"])
    rows = {
        row["source"]: row
        for row in map(json.loads, capsys.readouterr().out.splitlines())
    }
    assert status == 1
    assert {f["rule"] for f in rows[TOO_FAST]["findings"]} == {"overpromise"}
    assert rows[TOO_FAST]["ok"] is False
    assert rows[HONEST]["findings"] == []
    assert rows[HONEST]["ok"] is True
    assert list(rows) == sorted(rows)
