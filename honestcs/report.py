"""What a check finds: findings, promises, and the report that holds them."""

from __future__ import annotations

import bisect
from datetime import datetime
from typing import Any

import attrs

from honestcs.severity import Severity

__all__ = ["Finding", "Promise", "Report", "Severity"]


@attrs.frozen
class Finding:
    """One dishonest or incomplete place in a reply.

    Attributes:
        rule: The rule id, such as ``"overpromise"``.
        severity: How much it matters.
        start: Offset of the first character in the original reply.
        end: Offset just past the last character in the original reply.
        message: What is wrong, in plain words, naming the policy value.
        suggestion: What an honest reply would say instead, when there is one.
        clause: The id of the policy clause involved, when there is one.
        department: The name of the department that owns that clause, when its
            policy file declares one (``[department]``).
    """

    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str | None = None
    clause: str | None = None
    department: str | None = None


@attrs.frozen
class Promise:
    """A commitment the reply makes to the customer.

    Attributes:
        text: The sentence or phrase that commits.
        start: Offset of its first character in the original reply.
        end: Offset just past its last character in the original reply.
        clause: The policy clause it is about, when one matched.
        due: When it must be kept, computed with the policy calendar, when it can be.
        department: The name of the department that owns the clause, when there is one.
    """

    text: str
    start: int
    end: int
    clause: str | None = None
    due: datetime | None = None
    department: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; ``due`` is ISO 8601 with its UTC offset."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "clause": self.clause,
            "due": self.due.isoformat(timespec="seconds") if self.due else None,
            "department": self.department,
        }


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts (the first is 0)."""
    starts = [0]
    starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")
    return starts


def line_and_column(starts: list[int], offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset``, given :func:`line_starts`."""
    line = bisect.bisect_right(starts, offset) - 1
    return line + 1, offset - starts[line] + 1


@attrs.frozen
class Report:
    """The result of checking one reply.

    A reply the checker could not read is not checked, and says why in
    ``not_checked``: ``"empty"`` (nothing but white space) or ``"not English"``
    (the checker reads English only). Such a report has no findings and no
    promises, and is ``ok`` (it has no error), so code that must not let an
    unread reply pass as honest tests :attr:`checked` as well as ``ok``.

    Attributes:
        reply: The reply as it was given (offsets point into it).
        findings: Every finding, ordered by start offset.
        promises: Every commitment found, in reply order.
        not_checked: Why the reply was not checked (``"empty"`` or ``"not English"``),
            or None when it was.
    """

    reply: str
    findings: tuple[Finding, ...] = ()
    promises: tuple[Promise, ...] = ()
    not_checked: str | None = None

    @property
    def ok(self) -> bool:
        """True when no finding has severity error (also when the reply was not checked)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def checked(self) -> bool:
        """True when the reply was read and checked (``not_checked`` is None)."""
        return self.not_checked is None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready shape of SPEC §4, with line and column for each finding.

        A reply that was not checked also has ``"not_checked"`` (``"empty"`` or
        ``"not English"``); a checked one has no such key.
        """
        starts = line_starts(self.reply)
        findings = []
        for f in self.findings:
            line, column = line_and_column(starts, f.start)
            findings.append(
                {
                    "rule": f.rule,
                    "severity": f.severity.value,
                    "start": f.start,
                    "end": f.end,
                    "line": line,
                    "column": column,
                    "message": f.message,
                    "suggestion": f.suggestion,
                    "clause": f.clause,
                    "department": f.department,
                }
            )
        data: dict[str, Any] = {
            "ok": self.ok,
            "findings": findings,
            "promises": [p.to_dict() for p in self.promises],
        }
        if self.not_checked is not None:
            # Only then: the report of a checked reply keeps exactly the shape of SPEC §4.
            data["not_checked"] = self.not_checked
        return data
