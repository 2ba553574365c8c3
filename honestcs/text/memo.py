"""Results worked out once per check and shared: named, typed stages of reading one reply.

Several rules, and several mentions within one rule, ask the same question of a reply
("which quantities break a limit?", "which acts were done today?"). Each such question is a
:class:`Stage`: a module-level constant that names it and types its key and its result. A
reply's :class:`ReplyMemo` holds the answers for that one check, so each is worked out once,
and whoever reads a stage sees by its name where it is computed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["ReplyMemo", "Stage"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@attrs.frozen(eq=False)
class Stage(Generic[K, V]):
    """One question asked of a reply, answered once per key within a check.

    Stages compare by identity: two stages with the same name are still two stages.

    Attributes:
        name: What the stage works out, for reading and for ``repr``.
    """

    name: str


class ReplyMemo:
    """The answers of the stages read so far for one reply.

    It lives exactly as long as the reply's facts, so nothing is shared between checks.
    """

    __slots__ = ("_answers",)

    def __init__(self) -> None:
        self._answers: dict[Stage[Any, Any], dict[Any, Any]] = {}

    def get(self, stage: Stage[K, V], key: K, compute: Callable[[], V]) -> V:
        """The answer of ``stage`` for ``key``, computed by ``compute`` the first time."""
        answers = self._answers.get(stage)
        if answers is None:
            answers = self._answers[stage] = {}
        elif key in answers:
            found: V = answers[key]
            return found
        answer = answers[key] = compute()
        return answer

    def once(self, stage: Stage[None, V], compute: Callable[[], V]) -> V:
        """The answer of a stage that has one per reply, computed the first time."""
        return self.get(stage, None, compute)

    def __repr__(self) -> str:
        names = ", ".join(sorted(stage.name for stage in self._answers))
        return f"ReplyMemo({names})"
