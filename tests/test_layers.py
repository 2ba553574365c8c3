"""The layers of the data flow, checked: rules read the facts, never the raw text."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
import regex

import honestcs.rules

RULES = Path(honestcs.rules.__file__).parent
RULE_MODULES = sorted(RULES.rglob("*.py"))
# Modules that run patterns over text: the standard library's and the one honestcs depends on.
PATTERN_MODULES = frozenset({"re", "regex"})


def _imported(source: str) -> set[str]:
    """The top-level modules a source file imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.partition(".")[0])
    return found


@pytest.mark.parametrize(
    "source",
    ["import regex", "import re as pattern", "from re import compile", "def f():\n import regex.x"],
)
def test_an_import_of_a_pattern_module_is_seen(source: str) -> None:
    """The check below sees `regex` and `re` however they are imported."""
    assert _imported(source) & PATTERN_MODULES


@pytest.mark.parametrize("path", RULE_MODULES, ids=lambda p: p.name)
def test_no_rule_module_imports_a_pattern_module(path: Path) -> None:
    """No module under honestcs/rules/ imports `regex` or `re`: patterns live in honestcs.text."""
    assert not _imported(path.read_text(encoding="utf-8")) & PATTERN_MODULES


def _module_name(path: Path) -> str:
    parts = path.relative_to(RULES).with_suffix("").parts
    return ".".join(("honestcs.rules", *(p for p in parts if p != "__init__")))


@pytest.mark.parametrize("name", [_module_name(p) for p in RULE_MODULES])
def test_no_rule_module_holds_a_compiled_pattern(name: str) -> None:
    """No rule module holds a compiled pattern, however it was built (compile_verbose too)."""
    module = importlib.import_module(name)
    patterns = [n for n, value in vars(module).items() if isinstance(value, regex.Pattern)]
    assert patterns == []
