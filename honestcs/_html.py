"""Self-contained HTML reports: checked replies, and the promise ledger.

One file each, with inline CSS and inline SVG: no scripts, fonts or images
from anywhere else, so a report can be mailed or attached to a CI run.
Every piece of text from a reply or a policy is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence

from honestcs.report import Finding, Report, Severity, line_and_column, line_starts

__all__ = ["render_check_report"]

_STYLE = """
:root { --error:#c62828; --warning:#ef6c00; --info:#1565c0; --ok:#2e7d32; --muted:#5f6368;
        --paper:#fff; --ink:#1f2328; --line:#e3e6ea; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0; background: #f6f7f9; }
header { background: var(--ink); color: #fff; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: #c9d1d9; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 20px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px;
        min-width: 150px; }
.card b { display: block; font-size: 26px; }
.card span { color: var(--muted); font-size: 13px; }
table.summary { border-collapse: collapse; background: var(--paper); border: 1px solid var(--line);
                border-radius: 10px; overflow: hidden; margin-bottom: 28px; width: 100%; }
table.summary th, table.summary td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); }
table.summary th { background: #eef1f4; font-size: 13px; text-transform: uppercase; letter-spacing: .03em; }
.bar { height: 10px; border-radius: 5px; display: inline-block; vertical-align: middle; }
section.reply { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
                margin-bottom: 18px; overflow: hidden; }
section.reply > h2 { margin: 0; padding: 10px 16px; font-size: 15px; border-bottom: 1px solid var(--line);
                     display: flex; justify-content: space-between; gap: 12px; }
.status { font-size: 12px; font-weight: 600; padding: 2px 8px; border-radius: 10px; color: #fff; }
.status.ok { background: var(--ok); } .status.fail { background: var(--error); }
.status.warn { background: var(--warning); }
.body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
.text { padding: 14px 16px; white-space: pre-wrap; border-right: 1px solid var(--line); font-size: 15px; }
.notes { padding: 10px 14px; }
.customer { padding: 8px 16px; background: #f8fafc; color: var(--muted); border-bottom: 1px solid var(--line);
            white-space: pre-wrap; font-size: 14px; }
mark { background: none; border-bottom: 3px solid; padding: 0 1px; color: inherit; }
mark.error { border-color: var(--error); background: #fdecea; }
mark.warning { border-color: var(--warning); background: #fff4e5; }
mark.info { border-color: var(--info); background: #e8f1fb; }
mark sup { font-size: 11px; font-weight: 700; margin-left: 1px; }
.note { border-left: 4px solid; padding: 6px 10px; margin: 6px 0 10px; background: #fafbfc; border-radius: 4px; }
.note.error { border-color: var(--error); } .note.warning { border-color: var(--warning); }
.note.info { border-color: var(--info); }
.note .rule { font-weight: 700; font-size: 13px; }
.note .sev { font-size: 11px; text-transform: uppercase; color: var(--muted); margin-left: 6px; }
.note p { margin: 4px 0; }
.note .suggestion { color: var(--ok); }
.promises { padding: 8px 16px 12px; border-top: 1px solid var(--line); font-size: 13px; color: var(--muted); }
.promises li { margin: 2px 0; }
.none { color: var(--muted); font-style: italic; }
@media (max-width: 800px) { .body { grid-template-columns: 1fr; } .text { border-right: 0; } }
"""

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _highlight(reply: str, findings: Sequence[Finding]) -> str:
    """The reply with each finding's span marked and numbered; overlapping spans nest flat."""
    pieces: list[str] = []
    cursor = 0
    for number, finding in enumerate(findings, start=1):
        start = max(finding.start, cursor)
        end = max(finding.end, start)
        pieces.append(_esc(reply[cursor:start]))
        title = _esc(f"{finding.rule}: {finding.message}")
        pieces.append(
            f'<mark class="{finding.severity.value}" title="{title}">{_esc(reply[start:end])}'
            f"<sup>{number}</sup></mark>"
        )
        cursor = end
    pieces.append(_esc(reply[cursor:]))
    return "".join(pieces)


def _note(number: int, finding: Finding, reply: str, starts: list[int]) -> str:
    line, column = line_and_column(starts, finding.start)
    clause = f' · clause <code>{_esc(finding.clause)}</code>' if finding.clause else ""
    suggestion = (
        f'<p class="suggestion">→ {_esc(finding.suggestion)}</p>' if finding.suggestion else ""
    )
    return (
        f'<div class="note {finding.severity.value}"><span class="rule">{number}. '
        f'{_esc(finding.rule)}</span><span class="sev">{finding.severity.value} · line {line}, '
        f"col {column}{clause}</span><p>{_esc(finding.message)}</p>{suggestion}</div>"
    )


def _status(report: Report) -> str:
    if not report.ok:
        return '<span class="status fail">errors</span>'
    if report.findings:
        return '<span class="status warn">warnings</span>'
    return '<span class="status ok">honest</span>'


def render_check_report(
    checked: Sequence[tuple[str, Report, str | None]], *, title: str, subtitle: str
) -> str:
    """One HTML page for checked replies.

    Args:
        checked: ``(source, report, customer message or None)`` for each reply.
        title: The page title (the policy's name, say).
        subtitle: One line under the title (what was checked, and when).
    """
    rule_counts: Counter[tuple[str, Severity]] = Counter()
    for _, report, _ in checked:
        for finding in report.findings:
            rule_counts[(finding.rule, finding.severity)] += 1
    failing = sum(1 for _, r, _ in checked if not r.ok)
    total = {s: sum(c for (_, sev), c in rule_counts.items() if sev is s) for s in _ORDER}
    promises = sum(len(r.promises) for _, r, _ in checked)
    cards = [
        (len(checked), "replies checked"),
        (failing, "replies with errors"),
        (total[Severity.ERROR], "errors"),
        (total[Severity.WARNING], "warnings"),
        (total[Severity.INFO], "info"),
        (promises, "promises found"),
    ]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<header><h1>{_esc(title)}</h1><p>{_esc(subtitle)}</p></header><main>",
        '<div class="cards">',
        *(f'<div class="card"><b>{n}</b><span>{label}</span></div>' for n, label in cards),
        "</div>",
    ]
    if rule_counts:
        most = max(rule_counts.values())
        out.append(
            '<table class="summary"><thead><tr><th>Rule</th><th>Severity</th><th>Findings</th>'
            "<th></th></tr></thead><tbody>"
        )
        for (rule, severity), count in sorted(
            rule_counts.items(), key=lambda item: (_ORDER.index(item[0][1]), -item[1], item[0][0])
        ):
            width = max(4, round(240 * count / most))
            out.append(
                f"<tr><td><code>{_esc(rule)}</code></td><td>{severity.value}</td><td>{count}</td>"
                f'<td><span class="bar" style="width:{width}px;background:var(--{severity.value})">'
                "</span></td></tr>"
            )
        out.append("</tbody></table>")
    else:
        out.append('<p class="none">No findings: every reply keeps to the policy.</p>')
    for source, report, customer in checked:
        starts = line_starts(report.reply)
        out.append(f'<section class="reply"><h2><span>{_esc(source)}</span>{_status(report)}</h2>')
        if customer:
            out.append(f'<div class="customer"><b>Customer:</b> {_esc(customer)}</div>')
        notes = "".join(
            _note(i, f, report.reply, starts) for i, f in enumerate(report.findings, start=1)
        ) or '<p class="none">No findings.</p>'
        out.append(
            f'<div class="body"><div class="text">{_highlight(report.reply, report.findings)}'
            f'</div><div class="notes">{notes}</div></div>'
        )
        if report.promises:
            items = "".join(
                f"<li>{_esc(p.text)}"
                + (f" · clause <code>{_esc(p.clause)}</code>" if p.clause else "")
                + (f" · due {_esc(p.due.isoformat(timespec='minutes'))}" if p.due else " · no due date")
                + "</li>"
                for p in report.promises
            )
            out.append(f'<div class="promises"><b>Promises</b><ul>{items}</ul></div>')
        out.append("</section>")
    out.append("</main></body></html>")
    return "\n".join(out)
