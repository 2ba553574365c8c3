"""``honestcs check --jsonl FILE --jobs N``: an archive in, one report a line out, in order."""

from __future__ import annotations

import io
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from honestcs import ReplyChecker, load_policy
from honestcs.cli import main
from honestcs.cli._jsonl import JsonlRun, run_jsonl
from honestcs.severity import Severity

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
NOW = "2026-12-01T10:00:00-06:00"
REPLIES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/replies").glob("*.txt"))]


def archive(path: Path, n: int, *, bad: dict[int, str] | None = None) -> Path:
    """``n`` replies a line, with bad lines put in after the given reply numbers."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            row = {"id": f"r{i}", "reply": REPLIES[i % len(REPLIES)]}
            if i % 3 == 0:
                row["customer"] = "How long will the refund take?"
            out.write(json.dumps(row) + "\n")
            if bad and i in bad:
                out.write(bad[i] + "\n")
    return path


def check(*argv: str) -> int:
    return main(["check", "--policy", str(POLICY), "--now", NOW, *argv])


def test_two_jobs_write_what_one_job_writes(tmp_path: Path) -> None:
    """--jobs 2 gives the same output, byte for byte and in input order, as --jobs 1."""
    source = archive(tmp_path / "in.jsonl", 700)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert check("--jsonl", str(source), "-o", str(one)) == 1
    assert check("--jsonl", str(source), "--jobs", "2", "-o", str(two)) == 1
    assert one.read_bytes() == two.read_bytes()
    lines = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [f"r{i}" for i in range(700)]
    assert [line["line"] for line in lines] == list(range(1, 701))
    assert {"ok", "findings", "promises"} <= set(lines[1])


def test_bad_lines_become_error_objects_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad line is an error object with its line number; the run goes on; exit status 2."""
    bad = {
        0: "not json",
        1: '["a list"]',
        2: '{"id": "x", "reply": 5}',
        3: '{"id": "y", "reply": "ok", "now": "2026-12-01T10:00"}',
        4: '{"id": "z", "reply": "ok", "policy": "missing.toml"}',
        5: '{"id": "w", "reply": "ok", "colour": "red"}',
    }
    source = archive(tmp_path / "in.jsonl", 8, bad=bad)
    assert check("--jsonl", str(source), "--jobs", "2") == 2
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    errors = {row["line"]: (row["id"], row["error"]) for row in rows if "error" in row}
    assert errors == {
        2: (None, "line 2: not JSON (Expecting value, column 1)"),
        4: (None, 'line 4: expected an object with "id" and "reply"'),
        6: ("x", 'line 6: "reply" must be a string'),
        8: ("y", "line 8: \"now\" must be an ISO 8601 time with a UTC offset, not "
                 "'2026-12-01T10:00'"),
        10: ("z", f'line 10: "policy": missing.toml: no such policy file (looked in {tmp_path})'),
        12: ("w", "line 12: unknown key 'colour' "
                  "(a line has id, reply, customer, now, policy, agent)"),
    }  # fmt: skip
    assert len(rows) == 14
    assert err.startswith("8 replies checked in ")
    assert err.rstrip().endswith("; 6 bad lines (an error object each in the output)")


def test_a_line_may_name_its_own_policy_and_time(tmp_path: Path) -> None:
    """A line's "policy" (beside the archive) and "now" are used for that line."""
    (tmp_path / "other.toml").write_text(POLICY.read_text(encoding="utf-8"), encoding="utf-8")
    reply = "I've started your refund; the money will be back on your card within 3 days."
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": 1, "reply": reply, "policy": "other.toml"}) + "\n"
        + json.dumps({"id": 2, "reply": reply, "now": "2026-12-04T10:00:00-06:00"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    assert check("--jsonl", str(source), "-o", str(out)) == 1
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["findings"][0]["rule"] == "overpromise"
    assert first["promises"][0]["due"].startswith("2026-12-04")
    assert second["promises"][0]["due"].startswith("2026-12-07")


def test_resume_continues_after_the_last_whole_line(tmp_path: Path) -> None:
    """--resume keeps the whole lines written, drops a half-written one, and finishes the run."""
    source = archive(tmp_path / "in.jsonl", 300)
    full, partial = tmp_path / "full.jsonl", tmp_path / "partial.jsonl"
    assert check("--jsonl", str(source), "-o", str(full)) == 1
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    partial.write_text("".join(lines[:123]) + lines[123][:40], encoding="utf-8")
    assert check("--jsonl", str(source), "-o", str(partial), "--resume", "--jobs", "2") == 1
    assert partial.read_bytes() == full.read_bytes()


def test_resume_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    """--resume without -o is a usage error naming what is missing."""
    assert check("--jsonl", "in.jsonl", "--resume") == 2
    assert "--resume continues an output file: give it with -o FILE" in capsys.readouterr().err


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_cleanly_saying_how_far_it_got(tmp_path: Path) -> None:
    """Ctrl-C exits 130 saying how far it got; the output then holds exactly those lines."""
    source = archive(tmp_path / "in.jsonl", 40_000)
    out = tmp_path / "out.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "honestcs", "check", "--policy", str(POLICY), "--now", NOW,
         "--jsonl", str(source), "--jobs", "2", "-o", str(out)],
        stderr=subprocess.PIPE, text=True, env=env,
        # A suite run in the background inherits SIGINT ignored, and Python then never
        # raises KeyboardInterrupt: give the child the default, as a terminal would.
        preexec_fn=_default_sigint,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size < 200_000) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert err.startswith("interrupted: every input line up to ")
    upto = int(err.split("up to ", 1)[1].split(" ", 1)[0].replace(",", ""))
    rows = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(rows[-1])["line"] == upto == len(rows)
    assert err.rstrip().endswith(f"rerun with --resume -o {out} to continue")


@pytest.mark.parametrize("half_written", [False, True])
def test_an_interrupt_between_writing_and_recording_keeps_the_file_exact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, half_written: bool
) -> None:
    """Ctrl-C landing while a chunk is written, or just after, leaves only what is on record.

    Under load the interrupt can arrive after a chunk's lines reach the file and before
    the run records them: the file then held more lines than the message named.
    """
    import honestcs.cli._jsonl as jsonl

    source = archive(tmp_path / "in.jsonl", 300)
    out = tmp_path / "o.jsonl"
    real_commit = jsonl._commit
    calls = []

    def interrupted_third_time(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            handle, results = args[0], args[1]
            assert isinstance(handle, io.TextIOBase) and isinstance(results, list)
            lines = results[: len(results) // 2] if half_written else results
            handle.write("".join(line + "\n" for line, _, _ in lines))
            handle.flush()
            raise KeyboardInterrupt
        return real_commit(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonl, "_commit", interrupted_third_time)
    run = JsonlRun(
        checker=ReplyChecker(load_policy(POLICY)), base=str(tmp_path), now=None,
        fail_on=Severity.ERROR, select=None, ignore=(), docs_url="https://example.org/",
    )  # fmt: skip
    err = io.StringIO()
    status = run_jsonl(run, source_name=str(source), jobs=1, output=str(out), resume=False,
                       stderr=err)  # fmt: skip
    assert status == 130
    upto = int(err.getvalue().split("up to ", 1)[1].split(" ", 1)[0].replace(",", ""))
    rows = out.read_text(encoding="utf-8").splitlines()
    assert upto == len(rows) == 2 * jsonl.CHUNK
    assert json.loads(rows[-1])["line"] == upto


def test_progress_is_shown_on_a_terminal(tmp_path: Path) -> None:
    """On a terminal, stderr shows the count, the rate and the time left."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    source = archive(tmp_path / "in.jsonl", 200)
    run = JsonlRun(
        checker=ReplyChecker(load_policy(POLICY)), base=str(tmp_path), now=None,
        fail_on=Severity.ERROR, select=None, ignore=(), docs_url="https://example.org/",
    )  # fmt: skip
    err = Terminal()
    run_jsonl(run, source_name=str(source), jobs=1, output=str(tmp_path / "o.jsonl"),
              resume=False, stderr=err)  # fmt: skip
    shown = err.getvalue()
    assert "\r200 replies  " in shown and "/s" in shown
    assert "replies checked in" in shown.splitlines()[-1]


def test_the_checker_pickles_as_its_policy() -> None:
    """A pickled ReplyChecker is its policy alone, and checks as the original does."""
    policy = load_policy(POLICY)
    checker = ReplyChecker(policy)
    data = pickle.dumps(checker)
    assert len(data) < len(pickle.dumps(policy)) + 200
    copy = pickle.loads(data)
    for reply in REPLIES:
        assert copy.check(reply, now=None).findings == checker.check(reply, now=None).findings
