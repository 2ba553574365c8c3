"""A cache of one entry: what was worked out for the last object asked about.

The rules ask the same question of one sentence or one reply once per quantity in it
(which terms name the start of a time, which amounts the reply names). Working the answer
out once per object and keeping it for the last one makes many quantities cost one pass,
not one each, without holding on to more than one object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["LastOne"]

K = TypeVar("K")
V = TypeVar("V")


class LastOne(Generic[K, V]):
    """``compute(key)``, kept for the last ``key``, which is told apart by identity.

    Keys are compared with ``is``, never hashed, so a large frozen object costs nothing to
    look up. The entry is one tuple, replaced whole, so a thread never reads one key with
    another's value; two threads may each work the same value out, which is harmless.
    """

    def __init__(self, compute: Callable[[K], V]) -> None:
        self._compute = compute
        self._entry: tuple[K, V] | None = None

    def __call__(self, key: K) -> V:
        entry = self._entry
        if entry is not None and entry[0] is key:
            return entry[1]
        value = self._compute(key)
        self._entry = (key, value)
        return value
