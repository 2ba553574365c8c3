"""The standard streams as a command meets them: closed, gone, or holding bytes that are not text.

A shell can start a command with a stream closed (``honestcs check - <&-``, ``>&-``),
the reader of its output can go away (``honestcs promises list | head``), and what is
piped in need not be UTF-8. Each of these is one line on stderr and exit 2, or for a
reader that went away a quiet stop, never a traceback. Output is always UTF-8, the
encoding JSON Lines requires, whatever the locale says.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path
from typing import IO

from honestcs.exceptions import HonestCSError

__all__ = ["prepare_streams", "read_stdin", "stdin_bytes", "stop_writing_stdout"]

#: What a command line names standard input as, in messages.
STDIN = "standard input"


class _ClosedOutput(io.TextIOBase):
    """Stands in for a standard output the command was started without: every write fails."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(
            errno.EBADF,
            "standard output is closed, so there is nowhere to write the output "
            "(give -o FILE where the command has it, or open standard output)",
        )


def prepare_streams() -> None:
    """Make the standard streams safe to use before a command runs.

    A closed standard output fails on the first write, with an error that says so;
    a closed standard error is dropped, as every Unix command's is; standard output
    and error encode as UTF-8, and a file name that is not UTF-8 (Python holds its
    bytes as surrogates) is written back as the bytes it was.
    """
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for good
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and (
            stream.encoding.lower().replace("-", "") != "utf8" or stream.errors == "strict"
        ):
            errors = "backslashreplace" if stream is sys.stderr else "surrogateescape"
            stream.reconfigure(encoding="utf-8", errors=errors)


def stop_writing_stdout() -> None:
    """Send whatever is still to be written to standard output nowhere.

    For a reader that went away (``| head``), as the Python documentation advises
    for SIGPIPE: Python flushes standard output on exit, and writing to the broken
    pipe again would print an error there.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file: nothing is flushed to it
        pass


def stdin_bytes() -> IO[bytes]:
    """Standard input as bytes.

    Raises:
        HonestCSError: The command was started with standard input closed.
    """
    stream = sys.stdin
    if stream is None or stream.closed:
        raise HonestCSError(
            f"-: {STDIN} is closed, so there is nothing to read; pipe the input in, "
            "or give a FILE"
        )
    buffer: IO[bytes] | None = getattr(stream, "buffer", None)
    return buffer if buffer is not None else _encoded(stream)


def _encoded(stream: IO[str]) -> IO[bytes]:
    """A text stream without bytes under it (a test's StringIO), as UTF-8 bytes."""
    return io.BytesIO(stream.read().encode("utf-8", "surrogateescape"))


def read_stdin() -> str:
    """All of standard input, as UTF-8 text.

    Raises:
        HonestCSError: Standard input is closed, cannot be read, or is not UTF-8
            (the message names the first byte that is not).
    """
    try:
        data = stdin_bytes().read()
    except OSError as exc:
        raise HonestCSError(f"-: cannot read {STDIN}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HonestCSError(f"-: {STDIN} is not UTF-8 text (byte {exc.start})") from None
