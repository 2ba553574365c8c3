"""Option values of the command line that the code can use, or a usage error naming them.

A number past what the code can use (``--limit 99999999999999999999999``, more than SQLite
and PostgreSQL hold) is a usage error naming the option and its range, before anything is
read or written, rather than an overflow half-way through. So is text that is not UTF-8
(bytes a shell passed on as they were), for options whose value is stored or looked up:
a customer id, an agent, a reason.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Final

from honestcs.promises.model import MAX_LIMIT

__all__ = ["MAX_JOBS", "MAX_ROWS", "utf8_text", "whole_number"]

#: The most promises a listing may ask for (2**63 - 1, what SQLite and PostgreSQL hold).
MAX_ROWS: Final = MAX_LIMIT
#: The most worker processes ``check --jsonl --jobs`` starts. Each holds a checker and the
#: chunks in flight, and workers beyond the machine's cores only cost memory.
MAX_JOBS: Final = 1024
# A number longer than this is shown by its length, not its digits.
_SHOWN_DIGITS: Final = 30


def whole_number(option: str, low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type for a whole number from ``low`` to ``high`` (or at least ``low``).

    Args:
        option: The option, as its messages name it (``--limit``).
        low: The smallest value allowed.
        high: The largest value allowed; None for no limit.
    """
    allowed = f"at least {low:,}" if high is None else f"from {low:,} to {high:,}"

    def parse(text: str) -> int:
        digits = text.strip().removeprefix("-").removeprefix("+")
        try:
            value = int(text)
        except ValueError:
            if digits.isdigit():  # too many digits for int() to read
                raise argparse.ArgumentTypeError(
                    f"{option} must be {allowed}, not a number of {len(digits):,} digits"
                ) from None
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < low or (high is not None and value > high):
            shown = f"{value:,}" if len(digits) <= _SHOWN_DIGITS else (
                f"a number of {len(digits):,} digits"
            )
            raise argparse.ArgumentTypeError(f"{option} must be {allowed}, not {shown}")
        return value

    return parse


def utf8_text(text: str) -> str:
    """An argparse type for text that must be UTF-8, as everything stored is.

    Python holds the bytes of an argument that are not UTF-8 as lone surrogates; such a
    value could be neither stored nor looked up.

    Raises:
        argparse.ArgumentTypeError: The argument has bytes that are not UTF-8 (the
            message names the first).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        offset = len(text[: exc.start].encode("utf-8", "surrogateescape"))
        byte = text[exc.start].encode("utf-8", "surrogateescape")
        raise argparse.ArgumentTypeError(
            f"not UTF-8 text: byte {offset} is 0x{byte.hex()}"
        ) from None
    return text
