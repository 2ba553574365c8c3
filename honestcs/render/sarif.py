"""``honestcs check --format sarif``: the findings as SARIF 2.1.0, which code scanning reads.

One run, with every rule the checker has as a reporting descriptor (id,
summary, documentation, link to its docs page, default severity), and one
result per finding. A reply read from its own file is located by line and
column in that file; a reply from a ``.jsonl`` file by the line of the file
that holds it (its own line and column are in the result's properties); a
reply from standard input has no location. A reply the checker could not read
(empty, or not in English) has no results; the run says so in a warning
notification of its invocation (``toolExecutionNotifications``), located like a
result, with the reason in its ``notChecked`` property.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import attrs

from honestcs import __version__
from honestcs._links import rule_url
from honestcs.report import Report, line_and_column, line_starts
from honestcs.rules import RULES, Rule
from honestcs.severity import Severity

__all__ = ["SCHEMA", "Located", "render_sarif"]

#: The schema the output declares (OASIS SARIF 2.1.0, errata 01).
SCHEMA: Final = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_LEVEL: Final = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@attrs.frozen
class Located:
    """A checked reply and where it came from.

    Attributes:
        report: The report.
        path: The file the reply was read from, or None for standard input.
        line: For a reply that is one line of a ``.jsonl`` file, that line; else None.
    """

    report: Report
    path: str | None
    line: int | None = None


def _uri(path: str) -> str:
    """A file path as a URI reference: relative paths stay relative (and POSIX)."""
    as_path = Path(path)
    if as_path.is_absolute():
        return as_path.as_uri()
    return quote(as_path.as_posix())


def _name(rule: Rule) -> str:
    """A rule id as the PascalCase name SARIF viewers show ("PolicyMisstatement")."""
    return "".join(part.capitalize() for part in rule.id.split("-"))


def _description(rule: Rule) -> str:
    """The rule's documentation without its title line, as one paragraph per line."""
    body = textwrap.dedent(rule.doc.partition("\n")[2]).strip()
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs) or rule.summary


def _rule(rule: Rule, base: str) -> dict[str, Any]:
    url = rule_url(rule.id, base)
    return {
        "id": rule.id,
        "name": _name(rule),
        "shortDescription": {"text": f"Reports a reply that {rule.summary}."},
        "fullDescription": {"text": _description(rule)},
        "helpUri": url,
        "help": {"text": f"{_description(rule)}\n\nSee {url}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _location(item: Located, region: dict[str, int] | None) -> list[dict[str, Any]]:
    """Where a reply is, as SARIF locations: none for a reply from standard input."""
    if item.path is None:
        return []
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(item.path)}}
    if region is not None:
        physical["region"] = region
    return [{"physicalLocation": physical}]


def _not_checked(item: Located) -> dict[str, Any]:
    """A reply the checker could not read, as a notification of the run (it has no results)."""
    reason = item.report.not_checked
    notification: dict[str, Any] = {
        "descriptor": {"id": "not-checked"},
        "level": "warning",
        "message": {"text": f"not checked: {reason}"},
        "properties": {"notChecked": reason},
    }
    located = _location(item, None if item.line is None else {"startLine": item.line})
    if located:
        notification["locations"] = located
    return notification


def _results(item: Located, index: Mapping[str, int], base: str) -> list[dict[str, Any]]:
    report = item.report
    starts = line_starts(report.reply)
    results = []
    for finding in report.findings:
        line, column = line_and_column(starts, finding.start)
        end_line, end_column = line_and_column(starts, max(finding.start, finding.end - 1))
        suggestion = f"\nSuggestion: {finding.suggestion}" if finding.suggestion else ""
        text = finding.message + suggestion
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": _LEVEL[finding.severity],
            "message": {"text": text},
            "properties": {
                "helpUri": rule_url(finding.rule, base),
                "clause": finding.clause,
                "department": finding.department,
                "suggestion": finding.suggestion,
                "replyLine": line,
                "replyColumn": column,
            },
        }
        if item.line is None:
            region = {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column + 1,
            }
        else:
            region = {"startLine": item.line}
        located = _location(item, region)
        if located:
            result["locations"] = located
        results.append(result)
    return results


def render_sarif(checked: Sequence[Located], *, base: str) -> str:
    """Checked replies as one SARIF 2.1.0 log (a JSON document).

    Args:
        checked: The replies checked, with where each came from.
        base: The documentation site every rule's link starts with.
    """
    index = {rule.id: number for number, rule in enumerate(RULES)}
    results = [r for item in checked for r in _results(item, index, base)]
    notifications = [_not_checked(item) for item in checked if item.report.not_checked]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "honestcs",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": base,
                "rules": [_rule(rule, base) for rule in RULES],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": True, "toolExecutionNotifications": notifications}
        ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
