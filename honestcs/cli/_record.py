"""``honestcs check --record``: record each reply's promises once, however often it is run.

Each promise gets an idempotency key, so a second run over the same replies
finds every key already in the ledger and records nothing twice:

* with ``--key KEY`` (one reply), ``KEY#0``, ``KEY#1``… in reply order, the keys
  :meth:`honestcs.PromiseLedger.record_report` gives with ``key=KEY``, so the
  command line and an application that records the same message agree;
* otherwise ``check:H#START-END``, where ``H`` is the SHA-256 of the reply's
  source (its file's absolute path, with the line or id of a ``.jsonl`` row; ``-``
  for standard input), the customer id and the SHA-256 of the reply's text, and
  ``START-END`` is the promise's span in the reply.

What was done goes to standard error, one line a promise (``recorded`` or
``skipped``, with its id), then a count; standard output keeps the report, so
JSON output stays JSON. A run stopped part-way (Ctrl-C, a store error) says how
many replies' promises it recorded and up to which one: running it again goes on
from there, since what is recorded is skipped.
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final, Protocol

import attrs

from honestcs._terminal import terminal_safe
from honestcs.report import Report, line_and_column, line_starts

if TYPE_CHECKING:
    from honestcs.promises.ledger import PromiseLedger

__all__ = ["EXIT_INTERRUPTED", "Recording", "derived_key"]

#: Exit status of a run stopped with Ctrl-C, as a shell reports it (128 + SIGINT).
EXIT_INTERRUPTED: Final = 130


class _Source(Protocol):
    """A reply and where it came from (``honestcs.cli._check.Reply``)."""

    @property
    def source(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def path(self) -> str | None: ...


def _sha256(text: str) -> str:
    # surrogatepass: a reply read from JSON may hold a lone surrogate; it still has a hash.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stable_source(reply: _Source) -> str:
    """Where a reply came from, the same from any working folder: "-", or an absolute path."""
    if reply.path is None:
        return "-"
    rest = reply.source[len(reply.path) :] if reply.source.startswith(reply.path) else ""
    return str(Path(reply.path).resolve()) + rest


def derived_key(reply: _Source, customer_id: str) -> str:
    """The key of a reply's promises, before ``#START-END``: its source, customer and text."""
    parts = json.dumps([stable_source(reply), customer_id, _sha256(reply.text)])
    return "check:" + _sha256(parts)[:32]


@attrs.define
class Recording:
    """The promises one ``check --record`` run recorded and skipped, as it goes."""

    customer_id: str
    agent: str
    key: str | None
    stream: IO[str] = attrs.field(factory=lambda: sys.stderr)
    recorded: int = 0
    skipped: int = 0
    replies: int = 0  # replies whose promises are all in the ledger now
    last: str | None = None  # the source of the last of them

    def reply_key(self, reply: _Source) -> str:
        """The key this reply's promises are recorded under (before ``#…``)."""
        return self.key if self.key is not None else derived_key(reply, self.customer_id)

    def record(
        self,
        ledger: PromiseLedger,
        reply: _Source,
        report: Report,
        key: str,
        now: datetime | None,
    ) -> None:
        """Record the promises of one checked reply, each once, and say what was done."""
        if self.key is not None:
            keys = [f"{key}#{index}" for index in range(len(report.promises))]
        else:
            keys = [f"{key}#{p.start}-{p.end}" for p in report.promises]
        done = ledger.record_keyed(
            zip(report.promises, keys, strict=True),
            customer=self.customer_id,
            agent=self.agent,
            made_at=now,
            meta={"source": reply.source},
        )
        starts = line_starts(report.reply)
        for promise, outcome in zip(report.promises, done, strict=True):
            line, column = line_and_column(starts, promise.start)
            where = f"{reply.source}:{line}:{column}"
            clause = f" [{promise.clause}]" if promise.clause else ""
            if outcome.created:
                self.recorded += 1
                said = f"recorded {outcome.record.id}: {where}{clause}"
            else:
                self.skipped += 1
                said = f"skipped {outcome.record.id}: {where}{clause}: already recorded"
            self.stream.write(terminal_safe(said) + "\n")
        self.replies += 1
        self.last = reply.source

    def _counts(self) -> str:
        recorded = f"{self.recorded} promise{'' if self.recorded == 1 else 's'} recorded"
        return f"{recorded}, {self.skipped} skipped as already recorded"

    def summary(self) -> None:
        """The last line of a finished run: how many promises were recorded and skipped."""
        self.stream.write(f"--record: {self._counts()}\n")

    def progress(self, total: int) -> str:
        """How far a stopped run got, and what running it again does."""
        upto = f", up to {self.last}" if self.last else ""
        return (
            f"--record stopped after the promises of {self.replies} of {total} "
            f"repl{'y' if total == 1 else 'ies'}{upto} ({self._counts()}); run the same "
            "command again to go on: what is recorded is skipped"
        )

    def interrupted(self, total: int) -> None:
        """Say, on Ctrl-C, how far the run got."""
        self.stream.write(terminal_safe(f"interrupted: {self.progress(total)}\n"))
