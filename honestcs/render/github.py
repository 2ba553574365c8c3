"""The GitHub output: a report as GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from collections.abc import Callable

from honestcs._terminal import terminal_safe
from honestcs.report import Report, line_and_column, line_starts
from honestcs.severity import Severity

__all__ = ["render_github"]


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
