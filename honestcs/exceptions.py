"""The one exception tree of honestcs.

Every error the library raises on purpose derives from :class:`HonestCSError`,
so an application can catch them all in one place.
"""

from __future__ import annotations

from typing_extensions import override

__all__ = [
    "HonestCSError",
    "IllegalTransitionError",
    "PolicyError",
    "PromiseNotFoundError",
    "StoreError",
]


class HonestCSError(Exception):
    """Base class of every error raised by honestcs."""


class PolicyError(HonestCSError, ValueError):
    """A policy file or mapping is invalid.

    The message has one line per problem, each naming the file, the clause
    (table, index and id), the key and the bad value.

    Attributes:
        problems: The individual problems, one string each, in file order.
    """

    def __init__(self, problems: list[str] | tuple[str, ...] | str) -> None:
        if isinstance(problems, str):
            problems = (problems,)
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("\n".join(self.problems))


class PromiseNotFoundError(HonestCSError, KeyError):
    """No promise with the given id is in the ledger."""

    @override
    def __str__(self) -> str:
        # KeyError quotes its argument; this message is already a sentence.
        return str(self.args[0]) if self.args else "promise not found"


class IllegalTransitionError(HonestCSError, ValueError):
    """A promise was asked to move between two states that the ledger forbids."""


class StoreError(HonestCSError):
    """A promise store cannot be read or written (corrupt, foreign, read-only or full)."""
