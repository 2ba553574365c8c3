"""The front door: what `import honestcs` offers, and nothing else."""

from __future__ import annotations

import inspect

import pytest

import honestcs

# The names SPEC §1 promises to other people's code.
SPEC_NAMES = (
    "load_policy", "Policy", "ReplyChecker", "Severity", "PromiseLedger", "SQLiteStore",
    "MemoryStore", "PromiseStatus", "HonestCSError", "PolicyError",
)  # fmt: skip


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and lists exactly the public names the package defines."""
    assert honestcs.__all__ == sorted(honestcs.__all__)
    public = {
        name
        for name, value in vars(honestcs).items()
        if not name.startswith("_")
        and not inspect.ismodule(value)
        and name not in ("annotations", "version", "PackageNotFoundError")
    }
    assert public == set(honestcs.__all__) - {"__version__"}


@pytest.mark.parametrize("name", SPEC_NAMES)
def test_spec_names_are_importable(name: str) -> None:
    """Every name SPEC §1 uses is importable from honestcs."""
    assert name in honestcs.__all__
    assert getattr(honestcs, name) is not None


@pytest.mark.parametrize("name", [n for n in honestcs.__all__ if n != "__version__"])
def test_every_public_name_is_documented(name: str) -> None:
    """Each public class and function has a docstring (the API reference is built from them)."""
    value = getattr(honestcs, name)
    assert inspect.getdoc(value), f"{name} has no docstring"


def test_exception_tree() -> None:
    """Every error derives from HonestCSError, and keeps the built-in it is a kind of."""
    assert issubclass(honestcs.PolicyError, honestcs.HonestCSError)
    assert issubclass(honestcs.PolicyError, ValueError)
    assert issubclass(honestcs.PromiseNotFoundError, KeyError)
    assert issubclass(honestcs.StoreError, honestcs.HonestCSError)
    assert issubclass(honestcs.IllegalTransitionError, honestcs.HonestCSError)


def test_severity_values_are_the_spec_strings() -> None:
    """Severity values are "error", "warning" and "info"; statuses are the SPEC strings."""
    assert [s.value for s in honestcs.Severity] == ["error", "warning", "info"]
    assert {s.value for s in honestcs.PromiseStatus} == {"open", "kept", "broken", "cancelled"}


def test_version_comes_from_the_package_metadata() -> None:
    """__version__ is the installed distribution's version."""
    from importlib.metadata import version

    assert honestcs.__version__ == version("honestcs")
