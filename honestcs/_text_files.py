"""Reading the text files a command is given: whole files, and JSON Lines a line at a time.

Every command that reads replies, reports or archives from files says what is wrong with
them in the same words, naming the file and the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from honestcs.exceptions import HonestCSError

__all__ = ["json_lines", "read_text"]


def read_text(path: Path) -> str:
    """The whole file as UTF-8 text.

    Raises:
        HonestCSError: The file is not UTF-8 or cannot be read (the message names it).
    """
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise HonestCSError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise HonestCSError(f"{path}: {exc.strerror or exc}") from None


def json_lines(path: Path) -> Iterator[tuple[int, str, object]]:
    """Each non-blank line of a JSON Lines file: its number, ``file:line``, and its value.

    Raises:
        HonestCSError: The file cannot be read, or a line is not JSON (the message names the
            file and the line).
    """
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise HonestCSError(f"{where}: not JSON ({exc.msg}, column {exc.colno})") from None
        yield number, where, row
