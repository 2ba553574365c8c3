r"""Reading the text files a command is given: whole files, and JSON Lines a line at a time.

Every command that reads replies, reports or archives from files says what is wrong with
them in the same words, naming the file and the line.

Text must be text. Bytes that are not UTF-8 are refused where they are decoded; JSON can
also write half of a UTF-16 surrogate pair on its own (``"\ud800"``), which Python reads
into a string but which is no character, cannot be written out as UTF-8, and so would stop
a command half-way through its output. :func:`loads` refuses it, saying where it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from honestcs.exceptions import HonestCSError, NotTextError

__all__ = ["NotTextError", "json_lines", "loads", "not_text", "read_text"]

# Half of a surrogate pair: JSON's "\ud83d\ude00" is read as one character, so any left in
# a string that json.loads made was written alone.
_SURROGATE = re.compile("[\ud800-\udfff]")


def not_text(value: object) -> str | None:
    r"""Where a JSON value holds a string that is not text, and what is wrong; None if nowhere.

    Args:
        value: What ``json.loads`` returned.

    Returns:
        A message such as ``"reply" holds \ud800 at character 19, half of a surrogate
        pair without its other half, which is not text``; the place is a key, or a path
        such as ``data.customer`` or ``terms[1]``.
    """
    # A stack rather than recursion: the document may nest as deep as json.loads allows.
    stack: list[tuple[str, object]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found is not None:
                where = f'"{path}" holds' if path else "it holds"
                return (
                    f"{where} {_escaped(found.group())} at character {found.start()}, half of "
                    "a surrogate pair without its other half, which is not text"
                )
        elif isinstance(item, dict):
            for key, inner in reversed(item.items()):
                if isinstance(key, str) and _SURROGATE.search(key):
                    shown = _SURROGATE.sub(lambda m: _escaped(m.group()), key)
                    return f'a key ("{shown}") holds half of a surrogate pair, which is not text'
                stack.append((f"{path}.{key}" if path else str(key), inner))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", inner) for i, inner in reversed(list(enumerate(item))))
    return None


def _escaped(char: str) -> str:
    r"""A character as JSON escapes it: ``\ud800``."""
    return f"\\u{ord(char):04x}"


def loads(raw: str | bytes) -> Any:
    """One JSON document, UTF-8 if it is bytes, whose every string is text.

    Raises:
        json.JSONDecodeError: ``raw`` is not JSON.
        UnicodeDecodeError: ``raw`` is bytes that are not UTF-8.
        NotTextError: A string in it holds half of a surrogate pair on its own; the
            message says where.
    """
    # Decoded here, strictly: json.loads would let bytes that encode a surrogate through.
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    value = json.loads(text)
    # Only a \u escape can make a surrogate in decoded text: most lines are not walked.
    if "\\ud" in text or "\\uD" in text:
        problem = not_text(value)
        if problem is not None:
            raise NotTextError(problem, value)
    return value


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
        HonestCSError: The file cannot be read, or a line is not JSON or holds a string
            that is not text (the message names the file and the line).
    """
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = loads(line)
        except json.JSONDecodeError as exc:
            raise HonestCSError(f"{where}: not JSON ({exc.msg}, column {exc.colno})") from None
        except NotTextError as exc:
            raise HonestCSError(f"{where}: {exc}") from None
        yield number, where, row
