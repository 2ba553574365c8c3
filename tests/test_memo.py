"""The stages a check shares (honestcs.text.memo): each answered once per key, per reply."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from honestcs.calendar import BusinessCalendar
from honestcs.text.memo import ReplyMemo, Stage
from honestcs.text.reading import read_reply
from honestcs.text.terms import TermMatcher

_SQUARES: Stage[int, int] = Stage("squares")
_NOTHING: Stage[None, str | None] = Stage("nothing")


def test_a_stage_is_worked_out_once_per_key() -> None:
    memo = ReplyMemo()
    calls: list[int] = []

    def square(n: int) -> int:
        calls.append(n)
        return n * n

    assert memo.get(_SQUARES, 3, lambda: square(3)) == 9
    assert memo.get(_SQUARES, 3, lambda: square(3)) == 9
    assert memo.get(_SQUARES, 4, lambda: square(4)) == 16
    assert calls == [3, 4]


def test_an_answer_of_none_is_kept_too() -> None:
    memo = ReplyMemo()
    calls: list[None] = []

    def nothing() -> None:
        calls.append(None)

    assert memo.once(_NOTHING, nothing) is None
    assert memo.once(_NOTHING, nothing) is None
    assert calls == [None]


def test_stages_of_the_same_name_are_still_two_stages() -> None:
    memo = ReplyMemo()
    twin: Stage[int, int] = Stage("squares")
    assert memo.get(_SQUARES, 2, lambda: 4) == 4
    assert memo.get(twin, 2, lambda: 5) == 5
    assert memo.get(_SQUARES, 2, lambda: 6) == 4
    assert repr(memo) == "ReplyMemo(squares, squares)"


def test_each_reply_read_has_its_own_memo() -> None:
    calendar = BusinessCalendar("Europe/London")
    now = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    matcher = TermMatcher.compile([("refund", "refund")])
    first = read_reply("Your refund is on its way.", matcher=matcher, now=now, calendar=calendar)
    second = read_reply("Your refund is on its way.", matcher=matcher, now=now, calendar=calendar)
    assert first.memo is not second.memo
    first.memo.get(_SQUARES, 1, lambda: 1)
    assert second.memo.get(_SQUARES, 1, lambda: 2) == 2
