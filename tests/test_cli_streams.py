"""The standard streams: a reader that goes away, closed streams, bytes that are not UTF-8.

These run ``honestcs`` as a process, as a shell starts it, since what is tested is what
happens to the process's own streams.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from honestcs import Promise, PromiseLedger, SQLiteStore

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
REPLIES = ROOT / "examples" / "replies"
NOW = "2026-12-01T10:00:00-06:00"
CHECK = ["check", "--policy", str(POLICY), "--now", NOW]


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def honestcs(
    *argv: str, stdin: bytes | None = b"", shell_redirect: str = ""
) -> subprocess.CompletedProcess[str]:
    """``python -m honestcs ARGV`` as ``sh`` starts it, with a redirection such as ``<&-``."""
    command = shlex.join([sys.executable, "-m", "honestcs", *argv])
    done = subprocess.run(
        ["sh", "-c", f"exec {command} {shell_redirect}"],
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode(), done.stderr.decode()
    )


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


# -- a reader that went away -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        ([*CHECK, str(REPLIES)], 141),
        ([*CHECK, "--format", "json", str(REPLIES)], 141),
        (["rule", "--all"], 141),
        # argparse drops help it cannot write, and exits 0 as after any --help.
        (["check", "--help"], 0),
    ],
    ids=["check text", "check json", "rule --all", "--help"],
)
def test_output_to_a_reader_gone_stops_quietly(argv: list[str], status: int) -> None:
    """Writing to a pipe whose reader has gone (EPIPE) stops with no message, as SIGPIPE would.

    141 is what a shell reports for a command that SIGPIPE ended.
    """
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "honestcs", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=_env(),
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (status, b"")


def test_head_reads_the_first_line_and_the_rest_is_dropped(tmp_path: Path) -> None:
    """``honestcs promises list | head -1`` prints one line, and no error from honestcs."""
    db = tmp_path / "ledger.db"
    with PromiseLedger(SQLiteStore(db)) as ledger:
        text = "We'll refund you by Friday."
        for n in range(5000):
            ledger.record(Promise(text, 0, len(text)), customer=f"C-{n}", agent="alex")
    command = shlex.join([sys.executable, "-m", "honestcs", "promises", "list", "--db", str(db)])
    done = subprocess.run(
        ["sh", "-c", f"{command} | head -1; echo status=$?"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == 2  # the first promise, then head's status


# -- closed streams -----------------------------------------------------------------------------


def test_closed_stdout_is_one_line_and_exit_2() -> None:
    """A command started with standard output closed (``>&-``) says so, and exits 2."""
    done = honestcs(*CHECK, str(REPLIES / "01-refund-too-fast.txt"), shell_redirect=">&-")
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "honestcs: error: standard output is closed, so there is nowhere to write the output "
        "(give -o FILE where the command has it, or open standard output)"
    )


def test_closed_stdout_is_no_matter_when_the_output_goes_to_a_file(tmp_path: Path) -> None:
    """With -o FILE, a closed standard output is never written to, so the run goes on."""
    out = tmp_path / "report.txt"
    done = honestcs(
        *CHECK, "-o", str(out), str(REPLIES / "01-refund-too-fast.txt"), shell_redirect=">&-"
    )
    assert (done.returncode, done.stderr) == (1, "")  # 1: the reply has an error finding
    assert "overpromise" in out.read_text(encoding="utf-8")


def test_closed_stderr_keeps_the_exit_status() -> None:
    """With standard error closed, an error still exits 2 (its message has nowhere to go)."""
    done = honestcs("check", "--policy", "missing.toml", "-", shell_redirect="2>&-")
    assert (done.returncode, done.stdout) == (2, "")


@pytest.mark.parametrize(
    "argv",
    [
        [*CHECK, "-"],
        [*CHECK, "--jsonl", "-"],
        ["promises", "import", "--db", "{db}"],
    ],
    ids=["check -", "check --jsonl -", "promises import"],
)
def test_closed_stdin_is_one_line_and_exit_2(argv: list[str], tmp_path: Path) -> None:
    """A command told to read standard input, started with it closed (``<&-``), exits 2."""
    db = tmp_path / "new.db"
    done = honestcs(*(a.format(db=db) for a in argv), stdin=None, shell_redirect="<&-")
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        "honestcs: error: -: standard input is closed, so there is nothing to read; "
        "pipe the input in, or give a FILE"
    )
    assert not db.exists()


def test_closed_stdin_without_a_file_is_no_input() -> None:
    """With no FILE, a closed standard input is no input (exit 2), not an empty reply."""
    done = honestcs(*CHECK, stdin=None, shell_redirect="<&-")
    assert done.returncode == 2
    assert _one_line(done.stderr).startswith("honestcs: error: no input: ")


# -- bytes that are not text --------------------------------------------------------------------


def test_stdin_not_utf8_is_named_with_its_byte() -> None:
    """A reply piped in that is not UTF-8 exits 2 naming the first bad byte, unchecked."""
    done = honestcs(*CHECK, "-", stdin=b"We'll refund you \xff tomorrow.")
    assert (done.returncode, done.stdout) == (2, "")
    assert _one_line(done.stderr) == (
        "honestcs: error: -: standard input is not UTF-8 text (byte 17)"
    )


def test_import_from_stdin_not_utf8_names_the_line(tmp_path: Path) -> None:
    """An event log piped in with a byte that is not UTF-8 names its line; nothing is imported."""
    db = tmp_path / "new.db"
    done = honestcs("promises", "import", "--db", str(db), stdin=b"\n\xff{}\n")
    assert done.returncode == 2
    assert _one_line(done.stderr) == (
        f"honestcs: error: stdin:2: not UTF-8 text (byte 0 of the line); nothing was "
        f"imported into {db}"
    )
    assert not db.exists()


def test_output_is_utf8_whatever_the_locale() -> None:
    """A locale that cannot encode the output (ASCII) does not stop it: output is UTF-8."""
    command = [sys.executable, "-m", "honestcs", "rule", "--all"]
    done = subprocess.run(
        command,
        capture_output=True,
        env={**_env(), "PYTHONIOENCODING": "ascii", "LC_ALL": "C"},
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert "REPORTS A REPLY THAT…".encode() in done.stdout


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["promises", "list", "--db", "{db}", "--customer", b"caf\xc3\xa9\xff"], "--customer"),
        (["promises", "kept", b"P-\xff", "--db", "{db}"], "id"),
        (["promises", "cancel", "P-1", "--reason", b"caf\xc3\xa9\xff", "--db", "{db}"],
         "--reason"),
        ([*CHECK, "--record", "--db", "{db}", "--customer-id", b"caf\xc3\xa9\xff", "--agent",
          "a", str(REPLIES / "01-refund-too-fast.txt")], "--customer-id"),
    ],
    ids=["--customer", "promise id", "--reason", "--customer-id"],
)  # fmt: skip
def test_an_argument_that_is_not_utf8_is_named(
    tmp_path: Path, argv: list[str | bytes], option: str
) -> None:
    """A value to store or look up given as bytes that are not UTF-8 is a usage error."""
    db = tmp_path / "ledger.db"
    SQLiteStore(db).close()
    before = db.read_bytes()
    args = [a.replace("{db}", str(db)) if isinstance(a, str) else a for a in argv]
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"honestcs", *(a if isinstance(a, bytes) else
                                                       a.encode() for a in args)],
        capture_output=True,
        env=_env(),
        timeout=120,
        check=False,
    )  # fmt: skip
    err = done.stderr.decode()
    assert (done.returncode, "Traceback" in err) == (2, False), err
    offset = 5 if option != "id" else 2
    assert err.rstrip().endswith(
        f"error: argument {option}: not UTF-8 text: byte {offset} is 0xff"
    )
    assert db.read_bytes() == before


# -- an error honestcs did not expect --------------------------------------------------------


def test_a_bug_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exception no code expected is one line naming it, and exit 2, not a traceback."""
    from honestcs.cli import _rule as _cli_rule
    from honestcs.cli import main

    def broken() -> str:
        raise ZeroDivisionError("division by zero\n\x1b[2Jsecond line")

    monkeypatch.setattr(_cli_rule, "rule_table", broken)
    monkeypatch.delenv("HONESTCS_DEBUG", raising=False)
    assert main(["rule", "--all"]) == 2
    assert capsys.readouterr().err == (
        "honestcs: internal error: ZeroDivisionError: division by zero \\x1b[2Jsecond line; "
        "this is a bug in honestcs, please report it with the command that caused it "
        "(HONESTCS_DEBUG=1 shows where it happened)\n"
    )
    monkeypatch.setenv("HONESTCS_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["rule", "--all"])
