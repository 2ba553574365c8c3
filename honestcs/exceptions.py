"""The one exception tree of honestcs, and every other exception class of the package.

Every error the library raises on purpose derives from :class:`HonestCSError`,
so an application can catch them all in one place. The classes at the end, with
private names or none of the tree's, are raised and caught inside honestcs.
"""

from __future__ import annotations

from typing_extensions import override

__all__ = [
    "HonestCSError",
    "IllegalTransitionError",
    "PolicyError",
    "PromiseNotFoundError",
    "ReplyTooLongError",
    "StaleEventError",
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


class ReplyTooLongError(HonestCSError, ValueError):
    """A reply or customer message is longer than the checker accepts.

    :class:`~honestcs.ReplyChecker` refuses text over its limits (by default
    102,400 characters each for the reply and the customer's message) before
    reading any of it, so a caller that passes on text it does not control,
    such as a customer's message in a chatbot guard, knows the time and memory
    a check can take.

    Attributes:
        which: The text that is too long: ``"reply"`` or ``"customer message"``.
        size: Its length in characters.
        limit: The most characters the checker accepts for it.
    """

    def __init__(self, which: str, size: int, limit: int) -> None:
        self.which = which
        self.size = size
        self.limit = limit
        super().__init__(
            f"the {which} is {size:,} characters long, over the limit of {limit:,} characters"
        )

    def __reduce__(self) -> tuple[type[ReplyTooLongError], tuple[str, int, int]]:
        # Raised in worker processes too: pickle the arguments, not the formatted message.
        return (type(self), (self.which, self.size, self.limit))


class StaleEventError(StoreError):
    """An event was built on an outdated version of its promise.

    Stores raise it when an event's ``seq`` is not the promise's next one:
    another writer changed the promise first. The ledger re-reads the promise,
    checks the move again and retries.
    """


# Raised and caught inside honestcs: not part of the API.


class NotTextError(ValueError):
    """A JSON value holds a string that is not text (a surrogate without its pair).

    Attributes:
        value: The document, as ``json.loads`` read it.
    """

    def __init__(self, message: str, value: object) -> None:
        super().__init__(message)
        self.value = value


class _DuplicateKeyError(Exception):
    """A JSON object has the same key twice (JSON parsers silently keep the last)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _InputError(HonestCSError):
    """A line of the input is not an event; the message names the line."""


class _DataError(StoreError):
    """The server holds or was sent a value that cannot be converted (a time past 9999)."""


class _KeyTaken(Exception):
    """Another writer committed one of this batch's keys (or ids) while it ran."""
