"""One reply of an archive, ``{"id", "reply", "customer"?, "now"?, "policy"?, "agent"?}``, read.

``honestcs check --jsonl`` reads its lines with it and :func:`honestcs.batch.check_replies`
its rows, so both accept the same values and reject the rest with the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Final

import attrs

from honestcs._times import out_of_range
from honestcs.checker import ReplyChecker
from honestcs.exceptions import HonestCSError
from honestcs.policy import Policy
from honestcs.policy._loading import load_policy

__all__ = ["KEYS", "ReplyRow", "load_named_policy", "read_row"]

KEYS: Final = frozenset({"id", "reply", "customer", "now", "policy", "agent"})


@attrs.frozen
class ReplyRow:
    """A row that can be checked: its values, and the checker its policy gives."""

    id: str | int
    reply: str
    customer: str | None
    now: datetime | None
    checker: ReplyChecker
    agent: str | None = None


def shown_id(value: object) -> str | int | None:
    """The row's id when it is a usable one (a string or an integer), else None."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        return value
    return None


def load_named_policy(base: str, name: str) -> Policy:
    """The policy file a row names, relative to ``base``.

    Raises:
        ValueError: The file is missing or is not a valid policy; the message starts
            with ``"policy":``.
    """
    path = Path(base, name)
    if not path.is_file():
        raise ValueError(f'"policy": {name}: no such policy file (looked in {base})')
    try:
        return load_policy(path)
    except HonestCSError as exc:
        raise ValueError(f'"policy": {exc}') from None


def read_row(
    row: Mapping[str, object],
    *,
    now: datetime | None,
    checker: ReplyChecker,
    checker_for: Callable[[str], ReplyChecker],
) -> ReplyRow | list[str]:
    """A row ready to check, or every problem that stops it being checked.

    Args:
        row: The row's keys and values (missing values absent, or None).
        now: When a row without its own ``"now"`` is checked.
        checker: The checker of a row that names no ``"policy"``.
        checker_for: The checker of a policy file a row names; raises ValueError
            saying what is wrong with the file.
    """
    problems = _value_problems(row)
    given_now = row.get("now")
    if given_now is not None:
        now, wrong_now = _given_now(given_now)
        problems += wrong_now
    policy = row.get("policy")
    if policy is not None:
        if not isinstance(policy, str):
            problems.append('"policy" must be a file name')
        else:
            try:
                checker = checker_for(policy)
            except ValueError as exc:
                problems.append(str(exc))
    if problems:
        return problems
    ident, reply, customer, agent = (row.get(key) for key in ("id", "reply", "customer", "agent"))
    assert isinstance(ident, str | int) and isinstance(reply, str)
    assert customer is None or isinstance(customer, str)
    assert agent is None or isinstance(agent, str)
    return ReplyRow(ident, reply, customer, now, checker, agent)


def _value_problems(row: Mapping[str, object]) -> list[str]:
    """What is wrong with the row's keys and with the types of its id, texts and agent."""
    problems = []
    if shown_id(row.get("id")) is None:
        problems.append('"id" must be a string or a number')
    if not isinstance(row.get("reply"), str):
        problems.append('"reply" must be a string')
    customer = row.get("customer")
    if customer is not None and not isinstance(customer, str):
        problems.append('"customer" must be a string or null')
    unknown = sorted(set(row) - KEYS)
    if unknown:
        problems.append(
            f"unknown key {unknown[0]!r} (a line has id, reply, customer, now, policy, agent)"
        )
    agent = row.get("agent")
    if agent is not None and not isinstance(agent, str):
        problems.append('"agent" must be a string or null')
    return problems


def _given_now(given: object) -> tuple[datetime | None, list[str]]:
    """The time a row gives as its ``"now"``, with what is wrong with it (no offset, say)."""
    problems = []
    moment: datetime | None = None
    if isinstance(given, datetime):
        moment = given
        if moment.utcoffset() is None:
            problems.append(f'"now" must have a UTC offset, not {moment.isoformat()} (naive)')
    else:
        if isinstance(given, str):
            try:
                moment = datetime.fromisoformat(given)
            except ValueError:
                moment = None
        if moment is None or moment.utcoffset() is None:
            problems.append(f'"now" must be an ISO 8601 time with a UTC offset, not {given!r}')
    if moment is not None and moment.utcoffset() is not None:
        late_or_early = out_of_range(moment, given if isinstance(given, str) else None)
        if late_or_early is not None:
            problems.append(f'"now": {late_or_early}')
    return moment, problems
