"""``honestcs check --jsonl FILE|- --jobs N``: check an archive of replies, one JSON line each.

Input lines are ``{"id", "reply", "customer"?, "now"?, "policy"?, "agent"?}``; each
gives one output line, in input order: the report of SPEC section 4 with the input's
``id`` and ``line`` (and its ``agent`` and ``now`` when given), or
``{"id", "line", "error"}`` for a line that cannot be checked (not JSON, a bad
value, or a reply or customer message over the checker's size limit). A reply that
is empty or not English is reported with ``"not_checked"`` (see
:class:`~honestcs.Report`) and counted apart in the summary. An input with no
line at all is an error (exit 2), not a pass.

Memory stays flat whatever the size of the input: lines are read as they are
needed, in chunks, and at most a few chunks per worker are in flight. With
``--jobs N`` above 1 the chunks are checked in N worker processes, each with its
own copy of the checker (a pickled :class:`~honestcs.ReplyChecker` is its policy
alone), and written back in input order.
"""

from __future__ import annotations

import collections
import concurrent.futures
import json
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Final

import attrs

from honestcs._links import rule_url
from honestcs._rows import load_named_policy, read_row, shown_id
from honestcs._terminal import terminal_safe
from honestcs._text_files import NotTextError, loads, not_text
from honestcs.checker import ReplyChecker
from honestcs.cli._selection import fails, select_rules
from honestcs.cli._streams import stdin_bytes
from honestcs.exceptions import HonestCSError, ReplyTooLongError
from honestcs.severity import Severity

__all__ = ["JsonlRun", "run_jsonl"]

#: Lines sent to a worker at a time: big enough that sending costs little beside checking.
CHUNK: Final = 64
#: Chunks in flight per worker: enough to keep each busy while the oldest is written.
AHEAD: Final = 4
EXIT_INTERRUPTED: Final = 130


@attrs.frozen
class JsonlRun:
    """What every worker needs to check a line: the default checker and the options."""

    checker: ReplyChecker
    base: str  # folder that a line's "policy" is relative to
    now: datetime | None
    fail_on: Severity
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    docs_url: str


_run: JsonlRun | None = None
_checkers: dict[str, ReplyChecker] = {}


def _init(run: JsonlRun) -> None:
    global _run
    _run = run
    _checkers.clear()


def _init_worker(run: JsonlRun) -> None:
    # Ctrl-C is the parent's to handle: it stops sending work and says how far it got.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init(run)


def _checker_for(run: JsonlRun, policy: str) -> ReplyChecker:
    checker = _checkers.get(policy)
    if checker is None:
        checker = ReplyChecker(
            select_rules(load_named_policy(run.base, policy), run.select, run.ignore),
            max_reply_chars=run.checker.max_reply_chars,
            max_customer_chars=run.checker.max_customer_chars,
        )
        if len(_checkers) >= 32:
            _checkers.pop(next(iter(_checkers)))
        _checkers[policy] = checker
    return checker


def _error(number: int, ident: object, message: str) -> tuple[str, bool, bool | None]:
    line = json.dumps({"id": shown_id(ident), "line": number, "error": message}, ensure_ascii=False)
    return line, False, True


def check_line(run: JsonlRun, number: int, raw: bytes) -> tuple[str, bool, bool | None]:
    """One input line checked: (output line, fails --fail-on, is a bad line).

    The third value is None for a line that is good but whose reply was not checked
    (empty, or not English).
    """
    try:
        row = loads(raw)
    except UnicodeDecodeError as exc:
        return _error(number, None, f"line {number}: not UTF-8 text (byte {exc.start})")
    except json.JSONDecodeError as exc:
        return _error(number, None, f"line {number}: not JSON ({exc.msg}, column {exc.colno})")
    except NotTextError as exc:
        ident = exc.value.get("id") if isinstance(exc.value, dict) else None
        return _error(number, ident if not_text(ident) is None else None, f"line {number}: {exc}")
    if not isinstance(row, dict):
        return _error(number, None, f'line {number}: expected an object with "id" and "reply"')
    read = read_row(
        row, now=run.now, checker=run.checker, checker_for=lambda name: _checker_for(run, name)
    )
    if isinstance(read, list):
        return _error(number, row.get("id"), f"line {number}: " + "; ".join(read))
    try:
        report = read.checker.check(read.reply, customer_message=read.customer, now=read.now)
    except ReplyTooLongError as exc:
        option = "--max-reply-chars" if exc.which == "reply" else "--max-customer-chars"
        return _error(number, read.id, f"line {number}: {exc} ({option})")
    data = report.to_dict()
    for finding in data["findings"]:
        finding["url"] = rule_url(finding["rule"], run.docs_url)
    # Who wrote the reply and when travel with its report, for honestcs report.
    given = {key: row[key] for key in ("agent", "now") if row.get(key) is not None}
    line = json.dumps({"id": read.id, "line": number, **given, **data}, ensure_ascii=False)
    return line, fails(report, run.fail_on), None if report.not_checked else False


def _check_chunk(chunk: list[tuple[int, bytes]]) -> list[tuple[str, bool, bool | None]]:
    assert _run is not None, "the worker was not initialised"
    return [check_line(_run, number, raw) for number, raw in chunk]


@attrs.define
class _Progress:
    """A one-line progress report on stderr, when stderr is a terminal."""

    total: int | None
    stream: IO[str]
    started: float = attrs.field(factory=time.monotonic)
    shown: float = 0.0

    def update(self, count: int, done_bytes: int, *, final: bool = False) -> None:
        now = time.monotonic()
        if not final and now - self.shown < 0.25:
            return
        self.shown = now
        elapsed = max(now - self.started, 1e-9)
        text = f"\r{count:,} replies  {count / elapsed:,.0f}/s"
        if self.total and done_bytes:
            share = min(done_bytes / self.total, 1.0)
            left = elapsed * (1 - share) / share
            text += f"  {share:.0%}  {_clock(left)} left"
        self.stream.write(text + "\033[K" + ("\n" if final else ""))
        self.stream.flush()


def _clock(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def _chunks(source: IO[bytes], skip_through: int) -> Iterator[tuple[list[tuple[int, bytes]], int]]:
    """Chunks of (line number, line) with the bytes read so far; blank lines are skipped."""
    chunk: list[tuple[int, bytes]] = []
    read = 0
    for number, raw in enumerate(source, start=1):
        read += len(raw)
        if number <= skip_through or not raw.strip():
            continue
        chunk.append((number, raw))
        if len(chunk) >= CHUNK:
            yield chunk, read
            chunk = []
    if chunk:
        yield chunk, read


def _process_pool(jobs: int, run: JsonlRun) -> concurrent.futures.Executor:
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(run,),
    )


def _resume_point(path: Path) -> int:
    """The input line the output file got to; cuts off a last line written in half."""
    if not path.exists():
        return 0
    last_line = 0
    good_end = 0
    with path.open("rb") as out:
        offset = 0
        for raw in out:
            offset += len(raw)
            if not raw.endswith(b"\n"):
                break
            try:
                number = json.loads(raw)["line"]
            except (ValueError, KeyError, TypeError):
                raise HonestCSError(
                    f"{path}: cannot resume: it holds a line that honestcs check --jsonl did "
                    f"not write (at byte {offset - len(raw)})"
                ) from None
            if not isinstance(number, int):
                raise HonestCSError(f"{path}: cannot resume: a line has no input line number")
            last_line, good_end = number, offset
    with path.open("r+b") as out:
        out.truncate(good_end)
    return last_line


@attrs.frozen
class _Written:
    """What the output holds on record: every input line up to ``last_line``, and its tallies.

    Replaced whole after each chunk is written and flushed, so an interrupt leaves either
    the record before the chunk or the one after it, never a mix.
    """

    last_line: int
    count: int
    failed: int
    bad: int
    skipped: int
    position: int | None  # where the output file ends after those lines, when it can tell


def _commit(
    out: IO[str],
    results: list[tuple[str, bool, bool | None]],
    last_line: int,
    before: _Written,
    seekable: bool,
) -> _Written:
    """Write one chunk's output lines, flush them, and return the record that includes them."""
    out.write("".join(line + "\n" for line, _, _ in results))
    out.flush()
    return _Written(
        last_line,
        before.count + len(results),
        before.failed + sum(fail for _, fail, _ in results),
        before.bad + sum(is_bad is True for _, _, is_bad in results),
        before.skipped + sum(is_bad is None for _, _, is_bad in results),
        out.tell() if seekable else None,
    )


@attrs.define
class _Sink:
    """The output being written, with the record of what it holds so far."""

    out: IO[str]
    seekable: bool
    committed: _Written
    progress: _Progress | None

    def write(self, results: list[tuple[str, bool, bool | None]], last: int, read: int) -> None:
        """Commit one chunk's results and show how far the run has got."""
        self.committed = _commit(self.out, results, last, self.committed, self.seekable)
        if self.progress:
            self.progress.update(self.committed.count, read)


def _check_in_process(
    run: JsonlRun, chunks: Iterator[tuple[list[tuple[int, bytes]], int]], sink: _Sink
) -> None:
    """Check every chunk in this process, writing each as it is done."""
    _init(run)
    for chunk, read in chunks:
        sink.write(_check_chunk(chunk), chunk[-1][0], read)


def _check_in_pool(
    pool: concurrent.futures.Executor,
    jobs: int,
    chunks: Iterator[tuple[list[tuple[int, bytes]], int]],
    sink: _Sink,
) -> None:
    """Check the chunks in the pool's workers, a few ahead each, writing them in input order.

    The pool is shut down on the way out: at once, its queued work cancelled, on an interrupt.
    """
    interrupted = False
    try:
        pending: collections.deque[
            tuple[concurrent.futures.Future[list[tuple[str, bool, bool | None]]], int, int]
        ] = collections.deque()
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < jobs * AHEAD:
                try:
                    chunk, read = next(chunks)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((pool.submit(_check_chunk, chunk), chunk[-1][0], read))
            if not pending:
                break
            future, last, read = pending.popleft()
            sink.write(future.result(), last, read)
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)


def _refuse_bad_resume(resume: bool, output: str | None, source_name: str) -> None:
    if resume and output is None:
        raise HonestCSError("--resume continues an output file: give it with -o FILE")
    if resume and source_name == "-":
        raise HonestCSError("--resume needs the input as a file, not standard input")


def _open_source(source_name: str) -> IO[bytes]:
    try:
        return stdin_bytes() if source_name == "-" else Path(source_name).open("rb")
    except OSError as exc:
        raise HonestCSError(f"{source_name}: {exc.strerror or exc}") from None


def _open_output(
    output: str | None, resume: bool, stdout: IO[str] | None, source: IO[bytes]
) -> IO[str]:
    """The output stream; closes ``source`` when the output file cannot be opened."""
    try:
        return (
            stdout or sys.stdout
            if output is None
            else Path(output).open("a" if resume else "w", encoding="utf-8")
        )
    except OSError as exc:
        source.close()
        raise HonestCSError(f"{output}: {exc.strerror or exc}") from None


def _input_size(source: IO[bytes], source_name: str) -> int | None:
    """The input's size in bytes, when it is a file that has one (for the time left)."""
    try:
        stat = os.fstat(source.fileno())
        return stat.st_size if stat.st_size and Path(source_name).is_file() else None
    except (OSError, ValueError, AttributeError):
        return None


def _close_output(out: IO[str], output: str | None, interrupted: bool, written: _Written) -> None:
    if output is None:
        out.flush()
        return
    if interrupted and written.position is not None:
        # An interrupt can land while a chunk is half written, or after it is written
        # and before it is on record: keep exactly the chunks on record, so the file
        # holds every line up to the one the message names, and no more.
        out.truncate(written.position)
    out.close()


def _summary(written: _Written, elapsed: float, fail_on: Severity, skip: int) -> str:
    """The closing line on stderr: what was checked, how fast, and what was found."""
    failed, bad, skipped = written.failed, written.bad, written.skipped
    checked = written.count - bad - skipped
    rate = f", {checked / elapsed:,.0f}/s" if elapsed > 0 and checked else ""
    not_checked = f", {skipped:,} not checked (empty or not English)" if skipped else ""
    summary = (
        f"{checked:,} repl{'y' if checked == 1 else 'ies'} checked in {elapsed:.1f} s{rate}"
        f"{not_checked}, {failed:,} with a finding of {fail_on.value} severity or worse; "
        f"{bad:,} bad line{'' if bad == 1 else 's'} (an error object each in the output)"
    )
    if skip:
        summary += f"; resumed after input line {skip:,}"
    return summary


def _interrupted(written: _Written, summary: str, output: str | None) -> str:
    """What to say on an interrupt: how far the output got, and how to go on from there."""
    where = f" -o {output}" if output else ""
    return terminal_safe(
        f"interrupted: every input line up to {written.last_line:,} is written"
        f" ({summary}); rerun with --resume{where} to continue\n"
    )


def run_jsonl(
    run: JsonlRun,
    *,
    source_name: str,
    jobs: int,
    output: str | None,
    resume: bool,
    stderr: IO[str] | None = None,
    stdout: IO[str] | None = None,
    pool_factory: Callable[[int, JsonlRun], concurrent.futures.Executor] | None = None,
) -> int:
    """Check every line of ``source_name`` and write one line each; return the exit status.

    Raises:
        HonestCSError: The input or output cannot be opened, or ``--resume`` cannot work.
    """
    err = stderr or sys.stderr
    _refuse_bad_resume(resume, output, source_name)
    skip = _resume_point(Path(output)) if resume and output else 0
    from_stdin = source_name == "-"
    source = _open_source(source_name)
    out = _open_output(output, resume, stdout, source)
    progress = _Progress(_input_size(source, source_name), err) if err.isatty() else None
    seekable = output is not None and out.seekable()
    position = out.tell() if seekable else None
    sink = _Sink(out, seekable, _Written(skip, 0, 0, 0, 0, position), progress)
    interrupted = False
    started = time.monotonic()
    try:
        chunks = _chunks(source, skip)
        if jobs > 1:
            # spawn, not fork: a fork of a process with threads may deadlock, and the
            # workers need only the pickled run (its checker is its policy alone).
            _check_in_pool((pool_factory or _process_pool)(jobs, run), jobs, chunks, sink)
        else:
            _check_in_process(run, chunks, sink)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if not from_stdin:
            source.close()
        _close_output(out, output, interrupted, sink.committed)
    written = sink.committed
    elapsed = time.monotonic() - started
    if progress:
        progress.update(written.count, 0, final=True)
    summary = _summary(written, elapsed, run.fail_on, skip)
    if interrupted:
        err.write(_interrupted(written, summary, output))
        return EXIT_INTERRUPTED
    if written.count == 0 and not skip:
        # Nothing at all to check (an empty file, or only blank lines): not a pass.
        raise HonestCSError(f"no input: {source_name} holds no lines to check")
    err.write(summary + "\n")
    if written.bad:
        return 2
    return 1 if written.failed else 0
