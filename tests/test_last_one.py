"""The one-entry cache the rules use to work a sentence or a reply out once."""

from __future__ import annotations

from honestcs._last import LastOne


def test_the_same_object_is_worked_out_once() -> None:
    """Asking again of the very same object returns the kept value without computing."""
    calls: list[list[int]] = []

    def total(numbers: list[int]) -> int:
        calls.append(numbers)
        return sum(numbers)

    cached = LastOne(total)
    numbers = [1, 2, 3]
    assert cached(numbers) == 6
    assert cached(numbers) == 6
    assert calls == [numbers]


def test_an_equal_but_other_object_is_worked_out_again() -> None:
    """Keys are told apart by identity: an equal list, or a changed key, is a new entry."""
    calls: list[list[int]] = []

    def total(numbers: list[int]) -> int:
        calls.append(numbers)
        return sum(numbers)

    cached = LastOne(total)
    first, second = [1, 2], [1, 2]
    assert cached(first) == 3
    assert cached(second) == 3
    assert len(calls) == 2
    # Only the last key is kept: going back to the first computes it once more.
    assert cached(first) == 3
    assert len(calls) == 3
