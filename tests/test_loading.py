"""load_policy: reading TOML and JSON policy files, and saying where they are broken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import honestcs
from honestcs import Policy, PolicyError, load_policy

TOML = """\
[policy]
name = "Acme"
timezone = "America/New_York"

[calendar]
holidays = [2026-12-25, "2027-01-01"]

[[can]]
id = "refund"
does = "refund the purchase"
terms = ["refund"]
takes = "5-10 business days"
"""

DATA = {
    "policy": {"name": "Acme", "timezone": "America/New_York"},
    "calendar": {"holidays": ["2026-12-25", "2027-01-01"]},
    "can": [
        {
            "id": "refund",
            "does": "refund the purchase",
            "terms": ["refund"],
            "takes": "5-10 business days",
        }
    ],
}


def write(path: Path, text: str | bytes) -> Path:
    """Write text (UTF-8) or bytes to ``path`` and return it."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path | str) -> str:
    """The message of the PolicyError that loading ``path`` raises."""
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    return str(info.value)


def test_load_policy_is_exported() -> None:
    """load_policy is part of the public API."""
    assert honestcs.load_policy is load_policy
    assert "load_policy" in honestcs.__all__


def test_toml_and_json_with_the_same_structure_give_the_same_policy(tmp_path: Path) -> None:
    """A TOML file (with a TOML date) and a JSON file of the same document are equal policies."""
    from_toml = load_policy(write(tmp_path / "p.toml", TOML))
    from_json = load_policy(write(tmp_path / "p.json", json.dumps(DATA)))
    assert from_toml == from_json == Policy.from_dict(DATA)


@pytest.mark.parametrize("name", ["P.TOML", "p.Toml", "P.JSON"])
def test_suffix_is_case_insensitive(tmp_path: Path, name: str) -> None:
    """.TOML and .Json are read like .toml and .json."""
    text = TOML if name.lower().endswith(".toml") else json.dumps(DATA)
    assert load_policy(write(tmp_path / name, text)).name == "Acme"


def test_path_may_be_a_string(tmp_path: Path) -> None:
    """load_policy takes a str as well as a PathLike."""
    assert load_policy(str(write(tmp_path / "p.toml", TOML))).name == "Acme"


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark some editors write is not part of the document."""
    path = write(tmp_path / "p.json", b"\xef\xbb\xbf" + json.dumps(DATA).encode())
    assert load_policy(path).name == "Acme"


def test_validation_problems_name_the_file(tmp_path: Path) -> None:
    """Problems in a valid TOML file are reported with the file's path as source."""
    path = write(tmp_path / "p.toml", TOML.replace("5-10 business days", "5-10 bussiness days"))
    assert error_of(path) == (
        f'{path}: can[0] (id "refund"): takes: "5-10 bussiness days" is not a duration'
    )


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('[policy]\nname = "Acme"\ntimezone = \n', 3, 12),
        ("[policy]\nname = Acme\n", 2, 8),
        ("[policy]\n[policy]\n", 2, 8),
    ],
    ids=["missing-value", "bare-word", "table-twice"],
)
def test_toml_syntax_error_gives_file_line_and_column(
    tmp_path: Path, text: str, line: int, column: int
) -> None:
    """A TOML syntax error reads "file:line:column: message", without tomllib's "(at ...)"."""
    path = write(tmp_path / "p.toml", text)
    message = error_of(path)
    assert message.startswith(f"{path}:{line}:{column}: ")
    assert "(at" not in message
    assert "\n" not in message


def test_toml_error_at_end_of_file_points_at_the_end(tmp_path: Path) -> None:
    """An error tomllib places "at end of document" gets the line and column of the end."""
    path = write(tmp_path / "p.toml", '[policy]\nname = "Acme')
    message = error_of(path)
    assert message.startswith(f"{path}:2:13: ")
    assert message.endswith(" at the end of the file")


def test_json_syntax_error_gives_file_line_and_column(tmp_path: Path) -> None:
    """A JSON syntax error reads "file:line:column: message"."""
    path = write(tmp_path / "p.json", '{"policy": {"name": "Acme",\n "timezone": }}')
    assert error_of(path) == f"{path}:2:14: Expecting value"


def test_json_repeated_key_is_an_error(tmp_path: Path) -> None:
    """A key given twice in one JSON object is reported, not silently overwritten."""
    path = write(tmp_path / "p.json", '{"policy": {"name": "A", "name": "B"}}')
    assert error_of(path) == (
        f'{path}: the key "name" appears twice in one object; only the last would count'
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [("[]", "an array"), ('"policy"', "a string"), ("null", "null"), ("3", "a number")],
)
def test_json_top_level_must_be_an_object(tmp_path: Path, text: str, kind: str) -> None:
    """A JSON document that is not an object is one clear problem."""
    path = write(tmp_path / "p.json", text)
    assert error_of(path) == f"{path}: the top level must be an object of tables, not {kind}"


def test_missing_file_is_a_policy_error(tmp_path: Path) -> None:
    """A file that does not exist is a PolicyError naming it, not an OSError."""
    path = tmp_path / "nope.toml"
    assert error_of(path) == f"{path}: no such policy file"


def test_unreadable_path_is_a_policy_error(tmp_path: Path) -> None:
    """A path that cannot be read (here a directory) is a PolicyError naming it."""
    path = tmp_path / "dir.toml"
    path.mkdir()
    assert error_of(path).startswith(f"{path}: cannot read the policy file: ")


@pytest.mark.parametrize(
    ("name", "shown"),
    [("p.yaml", '".yaml"'), ("p.toml.bak", '".bak"'), ("policy", "no suffix")],
)
def test_other_suffixes_are_refused(tmp_path: Path, name: str, shown: str) -> None:
    """Only .toml and .json are read; anything else names the file and its suffix."""
    path = write(tmp_path / name, TOML)
    assert error_of(path) == (
        f"{path}: a policy file must end in .toml or .json, and this one has {shown}"
    )


def test_file_that_is_not_utf8_is_a_policy_error(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 give the line and column where decoding failed."""
    path = write(tmp_path / "p.toml", b'[policy]\nname = "Caf\xe9"\n')
    assert error_of(path) == f"{path}:2:12: the file is not UTF-8 text"


def test_deep_nesting_is_a_policy_error(tmp_path: Path) -> None:
    """A document nested deeper than the parser recurses is a PolicyError, not a crash."""
    path = write(tmp_path / "p.json", "[" * 100_000 + "]" * 100_000)
    assert error_of(path).startswith(f"{path}: ")
