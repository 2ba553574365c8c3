"""The scripts in examples/ run, exit as documented, and print what they promise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

#: Every runnable example, with its exit status and lines its output must contain.
#: tests/test_docs.py refuses to include a script in the docs unless it is listed here.
SCRIPTS: dict[str, tuple[int, tuple[str, ...]]] = {
    "check_a_reply.py": (
        0,
        (
            "Draft: NOT ok",
            '  error overpromise: "I\'ll send a technician tomorrow"',
            "the earliest honest promise is Tuesday 8 December",
            'gives "$100", but the policy allows at most $75',
            "Rewrite: ok",
            '  promise [repair-visit] due Tuesday 8 December, 10:00: '
            '"A technician will visit within 5 business days"',
        ),
    ),
    "fastapi_app.py": (
        0,
        (
            "POST /check \"We'll refund you within 3 days.\": 200 ['overpromise']",
            "POST /send \"We'll refund you within 3 days.\": 422 ['overpromise'] False",
            "POST /send \"We'll refund you within 7 business days.\": 200 [] True",
            "POST /check with 20001 characters: 422",
        ),
    ),
    "flask_app.py": (
        0,
        (
            "POST /check \"We'll refund you within 3 days.\": 200 ['overpromise']",
            "POST /send \"We'll refund you within 3 days.\": 422 ['overpromise'] False",
            "POST /send \"We'll refund you within 7 business days.\": 200 [] True",
            "POST /check with 20001 characters: 413",
        ),
    ),
    "guard_a_chatbot.py": (
        0,
        (
            "Customer: My sofa still hasn't arrived. When will it come?",
            "    -> back to the bot: overpromise: promises \"tomorrow\"",
            "    -> back to the bot: unexplained-refusal: declines",
            "    -> sent",
            "    -> handed over to a person",
            "  customer receives: I'm passing you to a colleague",
            "2 sent, 1 handed over to a person",
        ),
    ),
    "lint_canned_replies.py": (
        1,
        (
            # file:line:column, then the finding (columns follow the checker's spans).
            "replies/01-refund-too-fast.txt:1:",
            ': error overpromise: promises "within 3 days" (Friday 4 December)',
            "replies/03-fabric.txt:1:1: warning unexplained-refusal:",
            ": error prohibited-compliance: goes along with \"five-star review\"",
            "4 replies checked: 2 errors, 3 other findings",
        ),
    ),
    "spark_check.py": (
        0,
        (
            "4 replies checked on Spark: 5 findings, 0 bad rows",
            "  overpromise: 1",
            '01-refund-too-fast error overpromise: promises "within 3 days" (Friday 4 December)',
        ),
    ),
    "ledger_day.py": (
        0,
        (
            'P-001 [callback] due Tue 1 Dec 15:00: "I\'ll call you back within 1 business day"',
            "bot -> C-3110: NOT sent (overpromise): A technician will visit tomorrow!",
            "P-005 broken: no technician free this week",
            "P-003 rescheduled to Wed 6 Jan 17:00: customer asked for delivery after the holidays",
            "P-001 kept",
            'OVERDUE by 9h 00m: P-002 to C-0588 by alex, due Tue 1 Dec 23:59: '
            '"I\'ll call you back tomorrow"',
            "overall        5     1       1     3        1        50%",
            "<PromiseLedger open=3 kept=1 broken=1 cancelled=0>",
        ),
    ),
}


def spark_missing() -> str | None:
    """Why the Spark example cannot run here, or None when pyspark and Java are installed."""
    if find_spec("pyspark") is None:
        return "pyspark is not installed (.ci/run installs it where Java is)"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java: Spark needs Java 17 or newer (java not on PATH, no JAVA_HOME)"
    return None


#: Scripts that need more than the test extra: the reason to skip them, when it is missing.
NEEDS: dict[str, Callable[[], str | None]] = {
    "spark_check.py": spark_missing,
}
#: Scripts whose engine writes to stderr on its own (Spark's JVM notes its start-up there).
NOISY_STDERR = {"spark_check.py"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,  # Spark starts a JVM
        check=False,
    )


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_script_runs_and_prints_what_it_promises(name: str) -> None:
    """Each example script exits with its documented status and prints its key lines."""
    missing = NEEDS[name]() if name in NEEDS else None
    if missing:
        pytest.skip(missing)
    status, lines = SCRIPTS[name]
    result = run(str(EXAMPLES / name))
    assert result.returncode == status, result.stderr
    assert result.stderr == "" or name in NOISY_STDERR, result.stderr
    for line in lines:
        assert line in result.stdout, f"{line!r} missing from:\n{result.stdout}"


def test_every_script_is_tested() -> None:
    """Every .py file in examples/ is in SCRIPTS, so none can rot unseen."""
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(SCRIPTS)


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_script_is_self_contained(name: str) -> None:
    """Each script has a docstring, a main(), and the standard entry point."""
    source = (EXAMPLES / name).read_text(encoding="utf-8")
    assert source.startswith('"""')
    assert "\ndef main(" in source
    assert source.rstrip().endswith('if __name__ == "__main__":\n    raise SystemExit(main())')


def test_lint_script_lints_the_folder_it_is_given(tmp_path: Path) -> None:
    """lint_canned_replies.py takes a folder: honest replies exit 0, an empty folder 2."""
    honest = tmp_path / "honest"
    honest.mkdir()
    (honest / "refund.txt").write_text(
        "Refunds take 5 to 7 business days to reach your card.\n", encoding="utf-8"
    )
    result = run(str(EXAMPLES / "lint_canned_replies.py"), str(honest))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 reply checked: 0 errors, 0 other findings" in result.stdout

    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(str(EXAMPLES / "lint_canned_replies.py"), str(empty))
    assert result.returncode == 2
    assert "no .txt or .md replies" in result.stderr
