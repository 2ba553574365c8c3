"""Reading policy files: the only place that touches the disk, tomllib and json.

``load_policy`` turns bytes into a mapping and reports syntax errors with a
line and column; what one mapping means is
:class:`honestcs.policy.PolicyDocument`'s business. A file whose ``[policy]``
``extends`` other files is put together with them here, since only here are
the files known.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from honestcs._text_files import not_text
from honestcs.exceptions import PolicyError, _DuplicateKeyError
from honestcs.policy import Can, Cannot, Clause, ClauseOrigin, Honesty, Policy, PolicyDocument
from honestcs.severity import Severity

__all__ = ["load_policy"]

# tomllib puts the position at the end of its message: "Invalid value (at line 2, column 5)".
_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")


def load_policy(path: str | os.PathLike[str]) -> Policy:
    """Read, parse and validate a policy file, with every file it extends.

    The format follows the suffix, case-insensitively: ``.toml`` or ``.json``.
    A file whose ``[policy]`` has ``extends = ["billing.toml", ...]`` is put
    together with those files (found relative to it, and each may extend others):
    their clauses come first, in the order listed, then the file's own. A clause
    may replace one of the same id from a file it extends only with
    ``overrides = true``. The name, time zone, version and calendar are the first
    file's; ``[honesty]`` lists are joined and its severities overridden file by
    file, the first file last. Every clause keeps the file and ``[department]`` it
    came from (``Policy.origins``).

    Args:
        path: The policy file.

    Returns:
        The validated policy.

    Raises:
        PolicyError: The file has another suffix, cannot be read, is not
            valid TOML or JSON (the message gives ``file:line:column``), is
            not a table at the top level, or is not a valid policy; or the
            files it extends make a cycle, define one clause id twice without
            ``overrides = true``, or name one department twice (the message
            names both files).
    """
    return _Composer().policy(os.fspath(path))


def _read_document(source: str) -> dict[str, Any]:
    """The parsed mapping of one policy file."""
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
    return data


@attrs.frozen
class _Entry:
    """A clause of a composed policy, with where it came from."""

    clause: Clause
    origin: ClauseOrigin


class _Composer:
    """Puts a policy file together with the files it extends, depth first.

    Each file is read once, however many files extend it; its effective clauses
    (its own after those it extends) are kept by its resolved path.
    """

    def __init__(self) -> None:
        self.effective: dict[Path, dict[str, _Entry]] = {}
        self.documents: list[PolicyDocument] = []  # every file, the first last
        self.departments: dict[str, str] = {}  # department name -> file declaring it
        self.problems: list[str] = []
        self.first: PolicyDocument | None = None
        self.first_source = ""

    def policy(self, source: str) -> Policy:
        data = _read_document(source)
        first = PolicyDocument.read(data, source=source)
        if not first.extends:
            if first.overrides:
                self.overriding_nothing(source, first.overrides)
                raise PolicyError(self.problems)
            return first.policy
        self.first, self.first_source = first, source
        entries = self.compose(source, first, ())
        if self.problems:
            raise PolicyError(self.problems)
        return self.build(first.policy, entries)

    def overriding_nothing(self, source: str, ids: tuple[str, ...]) -> None:
        for clause_id in ids:
            self.problems.append(
                f"{source}: clause {_quoted(clause_id)}: overrides: true, but no file it "
                f"extends defines {_quoted(clause_id)}"
            )

    def load(self, source: str, by: str, chain: tuple[Path, ...]) -> dict[str, _Entry]:
        """The effective clauses of a file that ``by`` extends."""
        resolved = Path(source).resolve()
        if resolved in chain:
            start = chain.index(resolved)
            loop = [str(p) for p in chain[start:]] + [str(resolved)]
            self.problems.append(
                f"{by}: [policy]: extends: {source} makes a cycle ({' -> '.join(loop)}); "
                f"{source} already extends {by}, directly or through other files"
            )
            return {}
        if resolved in self.effective:
            return self.effective[resolved]
        assert self.first is not None
        document = PolicyDocument.read(
            _read_document(source), source=source, extended_by=by,
            timezone=self.first.policy.timezone,
        )  # fmt: skip
        first = self.first.policy
        if document.has_timezone and document.policy.timezone != first.timezone:
            self.problems.append(
                f"{source}: [policy]: timezone: {_quoted(document.policy.timezone)} differs from "
                f"{_quoted(first.timezone)} of {self.first_source}; a composed policy has one "
                "time zone, the first file's"
            )
        if document.has_calendar and document.policy.calendar != first.calendar:
            self.problems.append(
                f"{source}: [calendar]: differs from the calendar of {self.first_source}; a "
                "composed policy has one calendar, the first file's (leave it out here)"
            )
        entries = self.compose(source, document, (*chain, resolved))
        self.effective[resolved] = entries
        return entries

    def compose(
        self, source: str, document: PolicyDocument, chain: tuple[Path, ...]
    ) -> dict[str, _Entry]:
        """A file's clauses after those of the files it extends."""
        if document.department is not None:
            name = document.department.name
            if name in self.departments:
                self.problems.append(
                    f"{source}: [department]: name: {_quoted(name)} is already the department "
                    f"of {self.departments[name]}; each department is written in one file"
                )
            else:
                self.departments[name] = source
        if not chain:
            chain = (Path(source).resolve(),)
        inherited: dict[str, _Entry] = {}
        base = Path(source).parent
        for index, name in enumerate(document.extends):
            path = os.path.normpath(base / name)
            if not Path(path).is_file():
                self.problems.append(
                    f"{source}: [policy]: extends[{index}]: no such policy file {path}"
                )
                continue
            for clause_id, entry in self.load(path, source, chain).items():
                before = inherited.get(clause_id)
                if before is not None and before.origin.source != entry.origin.source:
                    self.problems.append(
                        f"{entry.origin.source}: clause {_quoted(clause_id)}: id: also defined "
                        f"in {before.origin.source}; both are extended by {source}, so one of "
                        "them must take another id (or one file extend the other and set "
                        "overrides = true)"
                    )
                    continue
                inherited.setdefault(clause_id, entry)
        effective = dict(inherited)
        own = document.policy
        for clause in own.clauses:
            entry = _Entry(clause, own.origins[clause.id])
            before = inherited.get(clause.id)
            overrides = clause.id in document.overrides
            if before is None and overrides:
                self.overriding_nothing(source, (clause.id,))
            elif before is not None and not overrides:
                self.problems.append(
                    f"{source}: clause {_quoted(clause.id)}: id: already defined in "
                    f"{before.origin.source}; set overrides = true to replace it, or choose "
                    "another id"
                )
            effective[clause.id] = entry
        self.documents.append(document)
        return effective

    def build(self, first: Policy, entries: dict[str, _Entry]) -> Policy:
        """The effective policy: the first file's header, everyone's clauses and tuning."""
        clauses = [entry.clause for entry in entries.values()]
        honesty = _joined_honesty([document.policy.honesty for document in self.documents])
        return attrs.evolve(
            first,
            can=tuple(c for c in clauses if isinstance(c, Can)),
            cannot=tuple(c for c in clauses if isinstance(c, Cannot)),
            prohibited=tuple(c for c in clauses if not isinstance(c, Can | Cannot)),
            honesty=honesty,
            origins={clause_id: entry.origin for clause_id, entry in entries.items()},
        )


def _joined_honesty(tables: list[Honesty]) -> Honesty:
    """``[honesty]`` of several files: lists joined in order, later severities winning."""
    def joined(values: list[tuple[str, ...]]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item for value in values for item in value))

    severity: dict[str, Severity] = {}
    for table in tables:
        severity.update(table.severity)
    return Honesty(
        guarantee_terms=joined([t.guarantee_terms for t in tables]),
        allow=joined([t.allow for t in tables]),
        severity=severity,
        disable=joined([t.disable for t in tables]),
    )


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


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
        document = json.loads(text, object_pairs_hook=_unique_keys)
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
    # "\ud800" alone is valid JSON, but no text: every message quoting it would fail.
    problem = not_text(document)
    if problem is not None:
        raise PolicyError(f"{source}: {problem}")
    return document


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
