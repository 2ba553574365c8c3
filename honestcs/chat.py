"""Check a chatbot's draft where it lives: in a list of ``{"role", "content"}`` messages.

Most chat APIs and guard frameworks pass a conversation as a list of
messages, each a mapping with a ``role`` ("system", "user", "assistant"...)
and a ``content`` that is a string or a list of parts (``{"type": "text",
"text": ...}``). :func:`check_chat` takes such a list, checks the draft the
assistant is about to send against the customer's message it answers, and
returns the report with a feedback message to re-prompt the bot with. It
needs no LLM SDK: the messages are plain data.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from honestcs.exceptions import HonestCSError
from honestcs.report import Finding, Report
from honestcs.severity import Severity

if TYPE_CHECKING:
    from honestcs.checker import ReplyChecker
    from honestcs.promises.ledger import PromiseLedger

__all__ = ["ChatCheck", "check_chat"]

_BLOCK = frozenset({Severity.ERROR, Severity.WARNING})


@attrs.frozen
class ChatCheck:
    """The check of one draft in a conversation.

    Attributes:
        draft: The draft that was checked.
        customer_message: The customer's message it answers (the user messages since
            the assistant last spoke, joined by blank lines), or None when there is none.
        report: The checker's report on the draft.
        blocking: The findings that should stop the draft being sent.
        feedback: A message for the bot, listing each blocking finding with what an
            honest reply would say instead; None when nothing blocks.
    """

    draft: str
    customer_message: str | None
    report: Report
    blocking: tuple[Finding, ...]
    feedback: str | None

    @property
    def ok(self) -> bool:
        """True when no finding blocks the draft: it can be sent.

        A draft the checker did not read (empty, or not English: ``report.not_checked``)
        has no finding, so nothing blocks it; test ``report.checked`` to hold it back.
        """
        return not self.blocking

    def feedback_message(self, role: str = "user") -> dict[str, str]:
        """The feedback as one more chat message, to append before asking for a new draft.

        Raises:
            ValueError: Nothing blocks the draft, so there is no feedback.
        """
        if self.feedback is None:
            raise ValueError("the draft has no blocking finding: there is no feedback to send")
        return {"role": role, "content": self.feedback}


def _text(message: Any, index: int) -> tuple[str, str]:
    """(role, text) of one message; a content list keeps its text parts."""
    if not isinstance(message, Mapping):
        raise HonestCSError(f"messages[{index}]: expected a mapping with role and content")
    role, content = message.get("role"), message.get("content")
    if not isinstance(role, str):
        raise HonestCSError(f'messages[{index}]: "role" must be a string')
    if isinstance(content, str):
        return role, content
    if isinstance(content, Sequence) and all(isinstance(p, Mapping) for p in content):
        texts = [p["text"] for p in content if p.get("type") == "text" and "text" in p]
        if all(isinstance(t, str) for t in texts):
            return role, "\n".join(texts)
    if content is None:
        return role, ""
    raise HonestCSError(
        f'messages[{index}]: "content" must be a string or a list of {{"type": "text", '
        '"text": ...}} parts'
    )


def _feedback(blocking: Sequence[Finding]) -> str:
    lines = [
        "Your draft reply to the customer breaks the business's policy. Write it again, "
        "fixing each of these:"
    ]
    for finding in blocking:
        line = f"- {finding.rule}: {finding.message}."
        if finding.suggestion:
            line += f" Instead: {finding.suggestion}"
        lines.append(line)
    lines.append("Keep everything else that was right, and do not mention this check.")
    return "\n".join(lines)


def check_chat(
    checker: ReplyChecker,
    messages: Sequence[Mapping[str, Any]],
    draft: str | None = None,
    *,
    now: datetime | None = None,
    block: Collection[Severity] = _BLOCK,
    also_block: Collection[str] = (),
    ledger: PromiseLedger | None = None,
    customer_id: str | None = None,
) -> ChatCheck:
    """Check the assistant's draft in a conversation of ``{"role", "content"}`` messages.

    Args:
        checker: The checker of the business's policy.
        messages: The conversation, oldest first. Without ``draft``, its last message
            must be the assistant's draft.
        draft: The draft, when it is not the last message of ``messages``.
        now: When the draft is sent (aware); default: now, in the policy's time zone.
        block: Severities that stop a draft (default: error and warning).
        also_block: Rule ids that stop a draft whatever their severity.
        ledger: With ``customer_id``, also check against this customer's open promises.
        customer_id: The customer, as recorded in ``ledger``.

    Returns:
        The draft, the customer's message, the report, the blocking findings and the
        feedback for the bot.

    Raises:
        HonestCSError: A message is not a mapping with a string role and text content,
            or there is no draft (no ``draft`` and the last message is not the assistant's).
        ReplyTooLongError: The draft, or the customer's messages joined, are longer than
            the checker's limits (``max_reply_chars``, ``max_customer_chars``).
    """
    turns = [_text(message, index) for index, message in enumerate(messages)]
    if draft is None:
        if not turns or turns[-1][0] != "assistant":
            raise HonestCSError(
                "no draft: the last message is not the assistant's; pass the draft as draft="
            )
        draft = turns.pop()[1]
    asked: list[str] = []
    for role, text in reversed(turns):
        if role == "assistant":
            break
        if role == "user" and text.strip():
            asked.insert(0, text)
    customer = "\n\n".join(asked) or None
    report = checker.check(
        draft, customer_message=customer, now=now, ledger=ledger, customer_id=customer_id
    )
    blocking = tuple(f for f in report.findings if f.severity in block or f.rule in also_block)
    return ChatCheck(draft, customer, report, blocking, _feedback(blocking) if blocking else None)
