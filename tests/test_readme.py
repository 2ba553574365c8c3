"""The README's example runs and prints what the README shows."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_readme_starts_with_the_two_commands() -> None:
    """The first two code blocks are the main job on the example, then the whole test suite."""
    first, second = _blocks("bash")[:2]
    assert "honestcs check --policy examples/northwind.toml" in first
    assert "examples/replies" in first
    assert "pip install -q -e '.[test]'" in second and "pytest" in second


def test_readme_python_example_prints_what_the_readme_shows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Running the README's Python block prints exactly its text block."""
    (code,) = _blocks("python")
    (shown,) = _blocks("text")
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert out.getvalue() == shown
