"""Reading policy files: the only place that touches the disk, tomllib and json.

``load_policy`` turns bytes into a mapping and reports syntax errors with a
line and column; everything about what the mapping means is
:meth:`honestcs.Policy.from_dict`'s business.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from honestcs.exceptions import PolicyError
from honestcs.policy import Policy

__all__ = ["load_policy"]

# tomllib puts the position at the end of its message: "Invalid value (at line 2, column 5)".
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")


def load_policy(path: str | os.PathLike[str]) -> Policy:
    """Read, parse and validate a policy file.

    The format follows the suffix, case-insensitively: ``.toml`` or ``.json``.

    Args:
        path: The policy file.

    Returns:
        The validated policy.

    Raises:
        PolicyError: The file has another suffix, cannot be read, is not
            valid TOML or JSON (the message gives ``file:line:column``), is
            not a table at the top level, or is not a valid policy.
    """
    source = os.fspath(path)
    suffix = Path(source).suffix.lower()
    parse = _PARSERS.get(suffix)
    if parse is None:
        shown = f'"{suffix}"' if suffix else "no suffix"
        raise PolicyError(
            f"{source}: a policy file must end in .toml or .json, and this one has {shown}"
        )
    try:
        raw = Path(source).read_bytes()
    except FileNotFoundError:
        raise PolicyError(f"{source}: no such policy file") from None
    except OSError as exc:
        raise PolicyError(f"{source}: cannot read the policy file: {exc.strerror or exc}") from None
    try:
        # utf-8-sig: a byte-order mark some editors add is not part of the document.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(raw[: exc.start].decode("utf-8", errors="replace"))
        raise PolicyError(f"{source}:{line}:{column}: the file is not UTF-8 text") from None
    data = parse(source, text)
    if not isinstance(data, dict):
        raise PolicyError(
            f"{source}: the top level must be an object of tables, not {_json_kind(data)}"
        )
    return Policy.from_dict(data, source=source)


def _position(text_before: str) -> tuple[int, int]:
    """1-based line and column of the character just after ``text_before``."""
    line = text_before.count("\n") + 1
    column = len(text_before) - (text_before.rfind("\n") + 1) + 1
    return line, column


def _parse_toml(source: str, text: str) -> Any:
    """The TOML document as a dict; a syntax error names its line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POSITION.search(message)
        if match is not None:
            line, column = int(match["line"]), int(match["column"])
            message = message[: match.start()]
        else:
            line, column = _position(text)
            message = _TOML_AT_END.sub("", message) + " at the end of the file"
        raise PolicyError(f"{source}:{line}:{column}: {message}") from None
    except (ValueError, RecursionError) as exc:
        # A number too long to convert, or nesting deeper than the parser recurses.
        raise PolicyError(f"{source}: cannot read the TOML: {exc}") from None


def _parse_json(source: str, text: str) -> Any:
    """The JSON document; a syntax error or a repeated key names where it is."""
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise PolicyError(f"{source}:{exc.lineno}:{exc.colno}: {exc.msg}") from None
    except _DuplicateKeyError as exc:
        raise PolicyError(
            f"{source}: the key {json.dumps(exc.key)} appears twice in one object; "
            "only the last would count"
        ) from None
    except (ValueError, RecursionError) as exc:
        # A number too long to convert, or nesting deeper than the parser recurses.
        raise PolicyError(f"{source}: cannot read the JSON: {exc}") from None


class _DuplicateKeyError(Exception):
    """A JSON object has the same key twice (JSON parsers silently keep the last)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a repeated key: a typo must not hide a setting."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


def _json_kind(value: object) -> str:
    """What a top-level JSON value is: "an array", "a string"..."""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"


_PARSERS: dict[str, Callable[[str, str], Any]] = {".toml": _parse_toml, ".json": _parse_json}
