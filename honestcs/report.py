"""What a check finds: findings, promises, and the report that holds them."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import datetime
from typing import Any

import attrs

from honestcs._terminal import terminal_safe
from honestcs.severity import Severity

__all__ = [
    "EXCERPT_WIDTH",
    "Finding",
    "Promise",
    "Report",
    "Severity",
    "excerpt",
    "render_github",
    "render_text",
]


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


#: Widest excerpt of a line that the text format shows; a longer line is cut around the span.
EXCERPT_WIDTH = 120
#: Characters of a long line shown before the start of a span.
EXCERPT_BEFORE = 40
_CUT = "…"


def excerpt(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A line cut to at most :data:`EXCERPT_WIDTH` characters around a span, as compilers do.

    Args:
        text: The whole line.
        start: Offset of the span's first character in the line.
        end: Offset just past its last character in the line (at most ``len(text)``).

    Returns:
        The excerpt (with "…" where the line is cut), and the span's offsets in it.
    """
    if len(text) <= EXCERPT_WIDTH:
        return text, start, end
    left = max(0, start - EXCERPT_BEFORE)
    right = min(len(text), left + EXCERPT_WIDTH)
    if right == len(text):
        left = max(0, right - EXCERPT_WIDTH)
    before = _CUT if left > 0 else ""
    after = _CUT if right < len(text) else ""
    shift = len(before) - left
    return before + text[left:right] + after, start + shift, min(end, right) + shift


def render_text(
    report: Report, source: str, rule_url: Callable[[str], str] | None = None
) -> str:
    r"""A report as a person reads it in a terminal.

    Each finding shows its line, the span underlined like a compiler error,
    the message, the suggestion, and the link to its rule's page when given.
    A line longer than :data:`EXCERPT_WIDTH` characters is cut around the
    span (marked with "…"), so the output grows with the findings, not with
    the length of the reply. A reply that was not checked is one line saying
    why: ``source: not checked: empty``. Characters that could drive a
    terminal (escape sequences, other control characters, bidirectional
    overrides) are shown as their escapes, ``\x1b``; line and column still
    count the reply's own characters, as :meth:`Report.to_dict` does.

    Args:
        report: The report.
        source: Where the reply came from (a file name, or "-").
        rule_url: The address of a rule's documentation, from its id.
    """
    source = terminal_safe(source)
    if report.not_checked is not None:
        return f"{source}: not checked: {report.not_checked}"
    reply = report.reply
    starts = line_starts(reply)
    out = []
    for f in report.findings:
        line, column = line_and_column(starts, f.start)
        line_start = starts[line - 1]
        line_end = starts[line] - 1 if line < len(starts) else len(reply)
        if line_end > line_start and reply[line_end - 1] == "\r":
            line_end -= 1  # the CR of a CRLF line break is not shown
        text, span_start, span_end = excerpt(
            reply[line_start:line_end],
            f.start - line_start,
            min(max(f.end, f.start), line_end) - line_start,
        )
        # Escaped piece by piece, so the carets stay under the span however wide the
        # escapes before it are; a tab before the span is kept under it as a tab.
        before = terminal_safe(text[:span_start])
        spanned = terminal_safe(text[span_start:span_end])
        shown = before + spanned + terminal_safe(text[span_end:])
        indent = "".join(char if char == "\t" else " " for char in before)
        clause = f" [{f.clause}]" if f.clause else ""
        if f.department:
            clause += f" ({f.department})"
        gutter = " " * len(str(line))
        heading = f"{f.severity.value}: {f.rule}{clause}: {f.message}"
        out.append(f"{source}:{line}:{column}: {terminal_safe(heading)}")
        out.append(f" {line} | {shown}")
        out.append(f" {gutter} | {indent}{'^' * max(1, len(spanned))}")
        if f.suggestion:
            out.append(f" {gutter} = suggestion: {terminal_safe(f.suggestion)}")
        if rule_url is not None:
            out.append(f" {gutter} = rule: {terminal_safe(rule_url(f.rule))}")
    return "\n".join(out)


def _github_escape(text: str, *, property_value: bool = False) -> str:
    # A job's log shows escape sequences as colours and links: escape them first.
    text = terminal_safe(text)
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(
    report: Report, source: str, rule_url: Callable[[str], str] | None = None
) -> str:
    """A report as GitHub Actions workflow commands (one annotation per finding).

    Args:
        report: The report.
        source: The file the reply came from; annotations point at it.
        rule_url: The address of a rule's documentation, from its id; it ends the message.

    A reply that was not checked is one ``notice`` on the file, saying why.
    """
    if report.not_checked is not None:
        props = ",".join(
            [
                f"file={_github_escape(source, property_value=True)}",
                f"title={_github_escape('honestcs not checked', property_value=True)}",
            ]
        )
        return f"::notice {props}::{_github_escape('not checked: ' + report.not_checked)}"
    starts = line_starts(report.reply)
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    out = []
    for f in report.findings:
        line, column = line_and_column(starts, f.start)
        end_line, end_column = line_and_column(starts, max(f.start, f.end - 1))
        message = f.message + (f"\n{f.suggestion}" if f.suggestion else "")
        if rule_url is not None:
            message += f"\nRule: {rule_url(f.rule)}"
        props = ",".join(
            [
                f"file={_github_escape(source, property_value=True)}",
                f"line={line}",
                f"col={column}",
                f"endLine={end_line}",
                f"endColumn={end_column + 1}",
                f"title={_github_escape('honestcs ' + f.rule, property_value=True)}",
            ]
        )
        out.append(f"::{level[f.severity]} {props}::{_github_escape(message)}")
    return "\n".join(out)
