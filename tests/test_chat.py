"""``check_chat``: a draft checked inside a list of ``{"role", "content"}`` chat messages."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import honestcs

ROOT = Path(__file__).resolve().parent.parent
CHECKER = honestcs.ReplyChecker(honestcs.load_policy(ROOT / "examples" / "northwind.toml"))
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Chicago"))

SYSTEM = {"role": "system", "content": "You are Northwind's support assistant."}
ASK_FABRIC = "Can you reupholster my sofa in a different fabric?"
HONEST = (
    "I'm sorry, we can't: our sofas come from the manufacturer in a fixed range of fabrics. "
    "I can send you free swatches of the fabrics we do offer."
)


def _chat(*turns: tuple[str, Any]) -> list[dict[str, Any]]:
    return [SYSTEM, *({"role": role, "content": content} for role, content in turns)]


def test_the_last_message_is_the_draft_and_the_user_message_before_it_is_the_question() -> None:
    """The assistant's last message is checked against the user's message it answers."""
    messages = _chat(
        ("user", "Hi!"),
        ("assistant", "Hello, how can I help?"),
        ("user", "The floor model has a scratch. Can you knock 30% off?"),
        ("assistant", "Absolutely, anything you want! I've taken 30% off."),
    )
    result = honestcs.check_chat(CHECKER, messages, now=NOW)
    assert result.draft == "Absolutely, anything you want! I've taken 30% off."
    assert result.customer_message == "The floor model has a scratch. Can you knock 30% off?"
    assert not result.ok
    assert {f.rule for f in result.blocking} == {"overpromise", "sycophancy"}
    assert result.report.findings  # the full report is there too


def test_feedback_lists_each_blocking_finding_with_its_suggestion() -> None:
    """The feedback names each blocking finding and what to say instead, ready to re-prompt."""
    messages = _chat(("user", ASK_FABRIC), ("assistant", "Sorry, we can't do that."))
    result = honestcs.check_chat(CHECKER, messages, now=NOW, also_block={"unexplained-refusal"})
    assert result.feedback is not None
    lines = result.feedback.splitlines()
    assert lines[0].startswith("Your draft reply to the customer breaks the business's policy.")
    (finding,) = result.blocking
    assert lines[1] == f"- unexplained-refusal: {finding.message}. Instead: {finding.suggestion}"
    assert "Our sofas come from the manufacturer in a fixed range of fabrics." in lines[1]
    assert result.feedback_message() == {"role": "user", "content": result.feedback}
    assert result.feedback_message("system")["role"] == "system"


def test_info_findings_do_not_block_by_default() -> None:
    """Only errors and warnings block unless told otherwise; info stays in the report."""
    messages = _chat(("user", ASK_FABRIC), ("assistant", "Thanks, we'll look into it."))
    result = honestcs.check_chat(CHECKER, messages, now=NOW)
    assert result.report.findings
    assert {f.severity for f in result.report.findings} == {honestcs.Severity.INFO}
    assert result.ok
    assert result.feedback is None
    with pytest.raises(ValueError, match="no feedback"):
        result.feedback_message()


def test_an_honest_draft_passes() -> None:
    """A draft with no blocking finding is ok, with no feedback."""
    result = honestcs.check_chat(
        CHECKER, _chat(("user", ASK_FABRIC), ("assistant", HONEST)), now=NOW
    )
    assert (result.ok, result.feedback, result.blocking) == (True, None, ())


def test_draft_given_apart_from_the_conversation() -> None:
    """draft= checks a reply not yet in the list; the last user messages are the question."""
    messages = _chat(("user", "Hello?"), ("user", ASK_FABRIC))
    result = honestcs.check_chat(CHECKER, messages, HONEST, now=NOW)
    assert result.draft == HONEST
    assert result.customer_message == f"Hello?\n\n{ASK_FABRIC}"


def test_content_parts_are_read_as_text() -> None:
    """A content list of text parts (as multimodal chat APIs send) is read as its text."""
    parts = [{"type": "text", "text": "My sofa still hasn't arrived."},
             {"type": "image_url", "image_url": {"url": "data:,"}},
             {"type": "text", "text": "When will it come?"}]  # fmt: skip
    messages = _chat(("user", parts), ("assistant", "Your sofa will definitely arrive tomorrow!"))
    result = honestcs.check_chat(CHECKER, messages, now=NOW)
    assert result.customer_message == "My sofa still hasn't arrived.\nWhen will it come?"
    assert "absolute-guarantee" in {f.rule for f in result.blocking}


def test_no_user_message_means_no_customer_message() -> None:
    """A draft with no user message before it is checked without one."""
    result = honestcs.check_chat(CHECKER, [SYSTEM, {"role": "assistant", "content": HONEST}])
    assert result.customer_message is None


@pytest.mark.parametrize(
    ("messages", "message"),
    [
        pytest.param([SYSTEM, {"role": "user", "content": ASK_FABRIC}], "no draft", id="no draft"),
        pytest.param([], "no draft", id="empty"),
        pytest.param(["hello", {"role": "assistant", "content": HONEST}],
                     "messages[0]: expected a mapping", id="not a mapping"),
        pytest.param([{"content": "x"}, {"role": "assistant", "content": HONEST}],
                     'messages[0]: "role" must be a string', id="no role"),
        pytest.param([{"role": "user", "content": 3}, {"role": "assistant", "content": HONEST}],
                     'messages[0]: "content" must be a string', id="content a number"),
    ],
)  # fmt: skip
def test_malformed_conversations_are_named(messages: list[Any], message: str) -> None:
    """A malformed message, or a conversation without a draft, raises a HonestCSError naming it."""
    with pytest.raises(honestcs.HonestCSError, match=re.escape(message)):
        honestcs.check_chat(CHECKER, messages, now=NOW)
