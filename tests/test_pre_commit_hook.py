"""The pre-commit hook of .pre-commit-hooks.yaml, run by pre-commit on a temporary repository.

pre-commit builds a Python hook's environment with pip, which needs the
package index; the tests must not. So the main test runs the hook exactly as
.pre-commit-hooks.yaml defines it (entry, files, serial), as a ``repo: local``
hook of ``language: system`` that calls the honestcs installed with the tests.
A second test tries ``pre-commit try-repo`` against this checkout with pip
kept off the network, and is skipped, saying so, when the environment cannot
be built that way.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
HONESTCS = Path(sys.executable).parent / "honestcs"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")

HONEST = "Refunds take 5 to 7 business days to reach your card.\n"
TOO_FAST = "I've started your refund, and the money will be back on your card within 3 days.\n"


def _hook() -> dict[str, Any]:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hook, dict)
    return hook


def _environment() -> dict[str, str]:
    """The environment without git's own variables (GIT_DIR, GIT_INDEX_FILE...).

    Inside a git hook or a rebase they are set, and would point the git commands of the test
    and of pre-commit at this checkout instead of the temporary repository.
    """
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args], cwd=repo, env=_environment(), check=True, capture_output=True, timeout=60
    )


def _pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **_environment(),
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "PIP_NO_INDEX": "1",  # never the network, also not by accident
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with a policy, its settings in pyproject.toml, and canned replies."""
    repo = tmp_path / "support"
    (repo / "canned").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "northwind.toml", repo / "policy.toml")
    (repo / "pyproject.toml").write_text(
        '[tool.honestcs]\npolicy = "policy.toml"\n', encoding="utf-8"
    )
    (repo / "canned" / "refund.txt").write_text(HONEST, encoding="utf-8")
    (repo / "README.md").write_text("We'll refund you within 3 days, guaranteed!\n", "utf-8")
    _git(repo, "init", "-q")
    return repo


def _local_config(repo: Path, files: str) -> None:
    """The hook as .pre-commit-hooks.yaml defines it, run from this environment."""
    hook = _hook()
    command = hook["entry"].split()
    assert command[0] == "honestcs"
    local = {
        **hook,
        "entry": " ".join([str(HONESTCS), *command[1:]]),
        "language": "system",
        "files": files,
    }
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")


def test_hook_definition() -> None:
    """The hook checks replies with honestcs check, in one run, on text, Markdown and JSON Lines."""
    hook = _hook()
    assert hook["id"] == "honestcs"
    assert hook["entry"] == "honestcs check"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert {"a.txt", "b.md", "c.jsonl"} == {
        name for name in ("a.txt", "b.md", "c.jsonl", "d.py", "e.toml")
        if re.search(hook["files"], name)
    }  # fmt: skip


def test_hook_passes_honest_replies_and_fails_an_overpromise(repo: Path) -> None:
    """pre-commit passes a folder of honest replies and fails one that over-promises."""
    _local_config(repo, r"^canned/.*\.(txt|md|jsonl)$")
    _git(repo, "add", "-A")
    passed = _pre_commit(repo, "run", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "honestcs (canned replies)" in passed.stdout
    assert "Passed" in passed.stdout
    (repo / "canned" / "refund-fast.txt").write_text(TOO_FAST, encoding="utf-8")
    _git(repo, "add", "-A")
    failed = _pre_commit(repo, "run", "--all-files")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert "canned/refund-fast.txt:1:" in failed.stdout
    assert "error: overpromise [refund]" in failed.stdout
    assert "2 replies checked, 1 with errors" in failed.stdout
    assert "README.md" not in failed.stdout  # outside files:, never read as a reply


def test_try_repo_against_this_checkout(repo: Path) -> None:
    """pre-commit try-repo builds the hook from this checkout and runs it (when it can offline)."""
    if not (ROOT / ".git").exists():
        pytest.skip("this copy of honestcs is not a git checkout, which try-repo needs")
    _git(repo, "add", "-A")
    result = _pre_commit(repo, "try-repo", str(ROOT), "honestcs", "--files", "canned/refund.txt")
    if "An unexpected error has occurred" in result.stdout + result.stderr and (
        "pip" in result.stdout + result.stderr
    ):
        pytest.skip(
            "pre-commit could not build the hook's Python environment: pip would need the "
            "package index (PIP_NO_INDEX=1 keeps this test off the network)"
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
