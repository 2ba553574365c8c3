"""One reader for every time given on the command line; its hints show accepted forms."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from honestcs._times import EXAMPLE, parse_instant
from honestcs.cli import build_parser, main

# A time an error message offers as the right form.
_OFFERED = re.compile(r"\b\d{4}-\d{2}-\d{2}T[\d:]+(?:[+-]\d{2}:\d{2}|Z)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01T09:00:00Z", datetime(2026, 12, 1, 9, tzinfo=UTC)),
        ("2026-12-01T04:00:00-05:00", datetime(2026, 12, 1, 9, tzinfo=UTC)),
        ("2026-12-01T10:00-06:00", datetime(2026, 12, 1, 16, tzinfo=UTC)),
        (" 2026-12-01T09:00:00+00:00 ", datetime(2026, 12, 1, 9, tzinfo=UTC)),
    ],
)
def test_iso_times_with_an_offset_are_read(text: str, expected: datetime) -> None:
    """An ISO 8601 time with Z or an offset is read as that moment, keeping its offset."""
    value = parse_instant(text)
    assert value == expected
    assert value.utcoffset() is not None


def test_the_offset_is_kept() -> None:
    """The offset typed is the offset of the value (dates print in the zone given)."""
    assert parse_instant("2026-12-01T10:00:00-06:00").tzinfo == timezone(timedelta(hours=-6))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param("2026-12-01", "is a date without a time of day", id="a date alone"),
        pytest.param("2026-12-01T10:00:00", "has no UTC offset", id="no offset"),
        pytest.param("2026-12-01 10:00", "has no UTC offset", id="space, no offset"),
        pytest.param("next Tuesday", "is not an ISO 8601 time", id="words"),
        pytest.param("2026-13-01T10:00:00Z", "is not an ISO 8601 time", id="month 13"),
        pytest.param("", "is not an ISO 8601 time", id="empty"),
    ],
)
def test_every_hint_is_a_form_the_reader_accepts(text: str, says: str) -> None:
    """A rejected time is named, and every time the message offers instead is accepted."""
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        parse_instant(text)
    message = str(caught.value)
    assert message.startswith(f'"{text}" {says}')
    offered = _OFFERED.findall(message.partition(f'"{text}"')[2])
    assert offered, message
    for form in offered:
        assert parse_instant(form).utcoffset() is not None, form


def test_a_date_alone_is_offered_as_midnight_of_that_date() -> None:
    """The hint for a bare date keeps the date: midnight UTC of the same day."""
    with pytest.raises(argparse.ArgumentTypeError, match=r"2026-12-01T00:00:00\+00:00"):
        parse_instant("2026-12-01")
    assert parse_instant(EXAMPLE).isoformat() == EXAMPLE


def _time_options(
    parser: argparse.ArgumentParser, name: str = "honestcs"
) -> Iterator[tuple[str, argparse.Action]]:
    """(command, option) for every option of every command whose metavar is ISO."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub, subparser in action.choices.items():
                yield from _time_options(subparser, f"{name} {sub}")
        elif action.metavar == "ISO":
            yield name, action


def test_every_time_option_uses_the_one_reader() -> None:
    """Every option that takes a time, in every command, is read by parse_instant."""
    found = list(_time_options(build_parser()))
    options = {(command, action.option_strings[0]) for command, action in found}
    assert ("honestcs check", "--now") in options
    assert ("honestcs promises list", "--now") in options
    assert ("honestcs promises reschedule", "--due") in options
    assert ("honestcs promises stats", "--since") in options
    assert all(action.type is parse_instant for _, action in found)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["check", "--policy", "p.toml", "--now", "2026-12-01", "-"], id="check"),
        pytest.param(["promises", "list", "--db", "p.db", "--now", "2026-12-01"], id="promises"),
        pytest.param(
            ["promises", "kept", "x", "--db", "p.db", "--at", "2026-12-01"], id="promises kept --at"
        ),
    ],
)
def test_commands_reject_a_bare_date_with_the_same_hint(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    """Check and promises give the same message for --now 2026-12-01, and exit 2."""
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    option = "--at" if "--at" in args else "--now"
    assert (
        f'error: argument {option}: "2026-12-01" is a date without a time of day; give the '
        "time and a UTC offset, like 2026-12-01T00:00:00+00:00 (midnight UTC)"
    ) in err
