"""The text output: a report as a person reads it in a terminal, like a compiler's errors."""

from __future__ import annotations

from collections.abc import Callable

from honestcs._terminal import terminal_safe
from honestcs.report import Report, line_and_column, line_starts

__all__ = ["EXCERPT_WIDTH", "excerpt", "render_text"]


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
