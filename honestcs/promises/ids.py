"""Promise ids: short, unique across processes, and sortable by creation time."""

from __future__ import annotations

import os
import random
import threading
import time
from typing import Final

__all__ = ["new_promise_id"]


_CROCKFORD: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Every two-character base-32 string, indexed by its 10-bit value: nine look-ups make an id.
_PAIRS: Final = tuple(high + low for high in _CROCKFORD for low in _CROCKFORD)
_RANDOM_BITS: Final = 40
_id_lock = threading.Lock()
_last_id: list[int] = [0, 0]  # [milliseconds, random] of the last id made in this process
# Ids need to be unique, not secret: a PRNG seeded from the OS is enough, and fast.
_id_random = random.Random(os.urandom(16))


def _after_fork() -> None:
    """A forked child must not continue its parent's sequence of ids."""
    _id_random.seed(os.urandom(16))
    _last_id[:] = [0, 0]


if hasattr(os, "register_at_fork"):  # pragma: no branch - absent only on Windows
    os.register_at_fork(after_in_child=_after_fork)


def new_promise_id() -> str:
    """A new promise id such as ``"P-1M84GCGVW0NGR3P0W"``: short, unique and sortable.

    The first nine characters are the wall-clock milliseconds and the last eight
    are random (Crockford base 32, like a ULID), so ids sort by creation time
    across processes, and ids made in the same millisecond by one process still
    sort in the order they were made (the random part counts up).
    """
    millis = time.time_ns() // 1_000_000
    with _id_lock:
        last_millis, last_random = _last_id
        if millis <= last_millis:
            millis, rand = last_millis, last_random + 1
            if rand >> _RANDOM_BITS:
                millis, rand = millis + 1, _id_random.getrandbits(_RANDOM_BITS - 1)
        else:
            rand = _id_random.getrandbits(_RANDOM_BITS - 1)  # leaves room to count up
        _last_id[:] = [millis, rand]
    low, p = millis & 0xFF_FFFF_FFFF, _PAIRS
    return (
        f"P-{_CROCKFORD[(millis >> 40) & 31]}"
        f"{p[low >> 30]}{p[(low >> 20) & 1023]}{p[(low >> 10) & 1023]}{p[low & 1023]}"
        f"{p[rand >> 30]}{p[(rand >> 20) & 1023]}{p[(rand >> 10) & 1023]}{p[rand & 1023]}"
    )
