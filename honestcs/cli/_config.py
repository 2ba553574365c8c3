"""Settings for ``honestcs check`` from a config file, found as ruff finds its own.

From the working directory up to the root, the first folder with one of
``.honestcs.toml``, ``honestcs.toml`` or a ``pyproject.toml`` that has a
``[tool.honestcs]`` table holds the settings (in that order within a
folder). Keys: ``policy`` (a path, relative to the config file), ``select``,
``ignore``, ``fail-on``, ``format``, ``docs-url`` (where the rule links
point). Command-line options override the file,
one key at a time.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from honestcs._links import DOCS_URL
from honestcs.cli._selection import rule_id, severity_named
from honestcs.exceptions import HonestCSError, PolicyError
from honestcs.policy._loading import _parse_toml
from honestcs.severity import Severity

__all__ = [
    "CONFIG_FILES",
    "FORMATS",
    "KEYS",
    "Config",
    "Settings",
    "find_config",
    "read_config",
    "resolve",
]

#: The files that may hold settings, in the order they are looked for in one folder.
CONFIG_FILES: tuple[str, ...] = (".honestcs.toml", "honestcs.toml", "pyproject.toml")

#: The output formats of ``honestcs check``.
FORMATS: tuple[str, ...] = ("text", "json", "json-lines", "github", "sarif", "html")

#: The keys a config file may set.
KEYS: tuple[str, ...] = ("policy", "select", "ignore", "fail-on", "format", "docs-url")


@attrs.frozen
class Config:
    """The settings one config file gives, validated.

    Attributes:
        path: The file.
        where: The file and table, as messages name it ("pyproject.toml [tool.honestcs]").
        values: Key -> value, for the keys the file sets; ``policy`` is resolved against
            the file's folder, ``select``/``ignore`` are tuples of rule ids, ``fail-on`` a
            severity.
    """

    path: Path
    where: str
    values: Mapping[str, Any]


def find_config(start: Path) -> Path | None:
    """The config file that applies in ``start``: the nearest one up the folder tree."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    # A cheap look first: most pyproject.toml files never mention honestcs.
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return "honestcs" in text and "honestcs" in _read_toml(pyproject).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HonestCSError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise HonestCSError(f"{path}: cannot read the config file: {exc.strerror or exc}") from None
    try:
        data: dict[str, Any] = _parse_toml(str(path), text)
    except PolicyError as exc:  # the TOML reader speaks of policies; the message is exact
        raise HonestCSError(str(exc)) from None
    return data


def read_config(path: Path) -> Config:
    """Read and validate a config file.

    Raises:
        HonestCSError: The file cannot be read, is not TOML, or has a bad key or value;
            the message names the file, the table and the key, one line per problem.
    """
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        where = f"{path} [tool.honestcs]"
        table = data.get("tool", {}).get("honestcs")
        if table is None:
            raise HonestCSError(f"{path}: no [tool.honestcs] table")
        if not isinstance(table, dict):
            raise HonestCSError(f"{where}: must be a table")
    else:
        where, table = str(path), data
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in table.items():
        try:
            values[key] = _value(key, value, f"{where}: {key}", path.parent)
        except HonestCSError as exc:
            problems.append(str(exc))
    if problems:
        raise HonestCSError("\n".join(problems))
    return Config(path, where, values)


def _value(key: str, value: Any, where: str, folder: Path) -> Any:
    """One setting, checked and converted."""
    if key == "policy":
        if not isinstance(value, str) or not value.strip():
            raise HonestCSError(f"{where}: must be the path of a policy file, as a string")
        return folder / value
    if key in ("select", "ignore"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise HonestCSError(f'{where}: must be a list of rule ids, like ["overpromise"]')
        return tuple(dict.fromkeys(rule_id(v, where) for v in value))
    if key == "fail-on":
        if not isinstance(value, str):
            raise HonestCSError(f'{where}: must be "error", "warning" or "info"')
        return severity_named(value, where)
    if key == "format":
        if value not in FORMATS:
            shown = f'"{value}"' if isinstance(value, str) else repr(value)
            raise HonestCSError(f"{where}: {shown} is not a format ({', '.join(FORMATS)})")
        return value
    if key == "docs-url":
        if not isinstance(value, str) or not value.startswith(("https://", "http://")):
            raise HonestCSError(f"{where}: must be the address of the docs site (https://...)")
        return value
    near = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.6)
    hint = f'; did you mean "{near[0]}"?' if near else f" (the keys are {', '.join(KEYS)})"
    raise HonestCSError(f"{where}: unknown key{hint}")


@attrs.frozen
class Settings:
    """The settings a run of ``honestcs check`` uses, and where each came from.

    Attributes:
        policy: The policy file, or None when nothing names one.
        select: The only rules to run, or None for every rule the policy does not disable.
        ignore: Rules not to run.
        fail_on: The least severity that fails the run.
        format: The output format.
        docs_url: The documentation site the rule links start with.
        sources: Key -> what set it: an option ("--select"), a config file and key, or
            "default".
        config: The config file read, if any.
    """

    policy: Path | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    fail_on: Severity
    format: str
    docs_url: str
    sources: Mapping[str, str]
    config: Config | None = None


_DEFAULTS: dict[str, Any] = {
    "policy": None,
    "select": None,
    "ignore": (),
    "fail-on": Severity.ERROR,
    "format": "text",
    "docs-url": DOCS_URL,
}


def resolve(options: Mapping[str, Any], config: Config | None) -> Settings:
    """Settings from the command-line options (None where not given) over a config file."""
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key in KEYS:
        if options.get(key) is not None:
            values[key], sources[key] = options[key], f"--{key}"
        elif config is not None and key in config.values:
            values[key], sources[key] = config.values[key], f"{config.where}: {key}"
        else:
            values[key], sources[key] = _DEFAULTS[key], "default"
    return Settings(
        policy=values["policy"],
        select=values["select"],
        ignore=values["ignore"],
        fail_on=values["fail-on"],
        format=values["format"],
        docs_url=values["docs-url"],
        sources=sources,
        config=config,
    )
