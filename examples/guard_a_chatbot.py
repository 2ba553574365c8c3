"""Guard a chatbot: check every draft before the customer sees it.

The guard asks the bot for a draft and checks it against the policy. An honest
draft is sent. A dishonest one goes back to the bot with the findings, so it
can try again; after a few tries the conversation is handed over to a person,
with the last draft and what is wrong with it.

The bot here is a stand-in that replays drafts written in advance. A real one
would put the findings into its next prompt; the guard does not care which.

Run it with ``python examples/guard_a_chatbot.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import honestcs

HERE = Path(__file__).parent

#: A bot takes the customer's message and the findings on its previous draft
#: (empty on the first try) and returns a draft reply.
Bot = Callable[[str, Sequence[str]], str]

#: Findings that stop a draft. Info findings (a vague commitment, say) pass:
#: they are worth a look, not worth holding the customer up.
BLOCKING = frozenset({honestcs.Severity.ERROR, honestcs.Severity.WARNING})

#: A bot can redraft cheaply, so this guard also sends back a refusal without a
#: reason, though that rule ships as info (its measured precision is below the
#: warning bar): a redraft that adds the policy's reason costs the customer nothing.
ALSO_BLOCKING = frozenset({"unexplained-refusal"})


def _blocks(finding: honestcs.Finding) -> bool:
    return finding.severity in BLOCKING or finding.rule in ALSO_BLOCKING

HANDOVER_MESSAGE = "I'm passing you to a colleague who can help with this; they'll reply shortly."


@dataclass
class Outcome:
    """What the guard did with one customer message."""

    sent: str  # what the customer received
    tries: int  # how many drafts the bot wrote
    handed_over: bool  # True when a person has to take over
    last_findings: list[str] = field(default_factory=list)  # for the person taking over


def feedback(report: honestcs.Report) -> list[str]:
    """The blocking findings of a draft, one line each, as the bot will read them."""
    return [
        f"{f.rule}: {f.message}." + (f" Instead: {f.suggestion}" if f.suggestion else "")
        for f in report.findings
        if _blocks(f)
    ]


def guard(
    checker: honestcs.ReplyChecker,
    bot: Bot,
    customer_message: str,
    *,
    now: datetime,
    max_tries: int = 3,
) -> Outcome:
    """Send the first honest draft, or hand over to a person after ``max_tries`` drafts."""
    problems: list[str] = []
    for attempt in range(1, max_tries + 1):
        draft = bot(customer_message, problems)
        report = checker.check(draft, customer_message=customer_message, now=now)
        problems = feedback(report)
        print(f"  draft {attempt}: {draft}")
        if not problems:
            print("    -> sent")
            return Outcome(sent=draft, tries=attempt, handed_over=False)
        for finding in report.findings:
            if _blocks(finding):
                print(f"    -> back to the bot: {finding.rule}: {finding.message}")
    print("    -> handed over to a person")
    return Outcome(HANDOVER_MESSAGE, tries=max_tries, handed_over=True, last_findings=problems)


class ScriptedBot:
    """A stand-in for a language model: returns prepared drafts in turn."""

    def __init__(self, drafts: Sequence[str]) -> None:
        self.drafts = list(drafts)
        self.calls = 0

    def __call__(self, customer_message: str, problems: Sequence[str]) -> str:
        """The next prepared draft (the last one again when they run out)."""
        self.calls += 1
        return self.drafts[min(self.calls, len(self.drafts)) - 1]


CONVERSATIONS = [
    (
        "My sofa still hasn't arrived. When will it come?",
        [
            "Your sofa will definitely arrive tomorrow!",
            "I'm sorry for the wait! Your sofa will arrive within 14 business days, "
            "and we'll text you a four-hour window the evening before.",
        ],
    ),
    (
        "Can you reupholster my sofa in a different fabric?",
        [
            "Sorry, we can't do that.",
            "I'm sorry, we can't: our sofas come from the manufacturer in a fixed range of "
            "fabrics. I can send you free swatches of the fabrics we do offer.",
        ],
    ),
    (
        "The floor model has a scratch. Can you knock 30% off?",
        [
            "Absolutely, anything you want! I've taken 30% off.",
            "I can take 25% off the floor model.",
            "I can do 25% off, since it's scratched.",
        ],
    ),
]

# Tuesday 1 December 2026, 10:00 in Chicago: fixed, so every run prints the same.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Chicago"))


def main() -> int:
    checker = honestcs.ReplyChecker(honestcs.load_policy(HERE / "northwind.toml"))
    outcomes = []
    for message, drafts in CONVERSATIONS:
        print(f"Customer: {message}")
        outcome = guard(checker, ScriptedBot(drafts), message, now=NOW)
        print(f"  customer receives: {outcome.sent}")
        print()
        outcomes.append(outcome)
    sent = sum(not o.handed_over for o in outcomes)
    handed = sum(o.handed_over for o in outcomes)
    print(f"{sent} sent, {handed} handed over to a person")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
