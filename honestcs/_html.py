"""Self-contained HTML reports: checked replies, and the promise ledger.

One file each, with inline CSS and inline SVG: no scripts, fonts or images
from anywhere else, so a report can be mailed or attached to a CI run.
Every piece of text from a reply or a policy is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from honestcs.report import Finding, Report, Severity, line_and_column, line_starts

if TYPE_CHECKING:
    from honestcs.ledger import LedgerStats, PromiseRecord, StatsRow

__all__ = ["render_check_report", "render_ledger_report"]

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


def _note(
    number: int,
    finding: Finding,
    starts: list[int],
    rule_url: Callable[[str], str] | None,
) -> str:
    line, column = line_and_column(starts, finding.start)
    rule = _esc(finding.rule)
    if rule_url is not None:
        rule = f'<a href="{_esc(rule_url(finding.rule))}">{rule}</a>'
    clause = f' · clause <code>{_esc(finding.clause)}</code>' if finding.clause else ""
    suggestion = (
        f'<p class="suggestion">→ {_esc(finding.suggestion)}</p>' if finding.suggestion else ""
    )
    return (
        f'<div class="note {finding.severity.value}"><span class="rule">{number}. '
        f'{rule}</span><span class="sev">{finding.severity.value} · line {line}, '
        f"col {column}{clause}</span><p>{_esc(finding.message)}</p>{suggestion}</div>"
    )


def _rule_cell(rule: str, rule_url: Callable[[str], str] | None) -> str:
    code = f"<code>{_esc(rule)}</code>"
    return f'<a href="{_esc(rule_url(rule))}">{code}</a>' if rule_url else code


def _status(report: Report) -> str:
    if not report.ok:
        return '<span class="status fail">errors</span>'
    if report.findings:
        return '<span class="status warn">warnings</span>'
    # No finding is not proof of honesty: the checker reports what it reads, no more.
    return '<span class="status ok">no findings</span>'


def render_check_report(
    checked: Sequence[tuple[str, Report, str | None]],
    *,
    title: str,
    subtitle: str,
    rule_url: Callable[[str], str] | None = None,
) -> str:
    """One HTML page for checked replies.

    Args:
        checked: ``(source, report, customer message or None)`` for each reply.
        title: The page title (the policy's name, say).
        subtitle: One line under the title (what was checked, and when).
        rule_url: The address of a rule's documentation, from its id; rule names link to it.
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
                f"<tr><td>{_rule_cell(rule, rule_url)}</td><td>{severity.value}</td><td>{count}</td>"
                f'<td><span class="bar" style="width:{width}px;background:var(--{severity.value})">'
                "</span></td></tr>"
            )
        out.append("</tbody></table>")
    else:
        out.append('<p class="none">No findings in any of these replies.</p>')
    for source, report, customer in checked:
        starts = line_starts(report.reply)
        out.append(f'<section class="reply"><h2><span>{_esc(source)}</span>{_status(report)}</h2>')
        if customer:
            out.append(f'<div class="customer"><b>Customer:</b> {_esc(customer)}</div>')
        notes = "".join(
            _note(i, f, starts, rule_url) for i, f in enumerate(report.findings, start=1)
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


# Geometry shared by the bar charts: a label column, the bars, then room for a note.
_LABEL_WIDTH, _BAR_WIDTH, _ROW_HEIGHT, _NOTE_WIDTH = 190, 420, 30, 260


def _svg_open(title: str, rows: int) -> tuple[int, list[str]]:
    """The height of a bar chart with ``rows`` bars, and its opening tags and title."""
    height = 34 + _ROW_HEIGHT * max(1, rows)
    width = _LABEL_WIDTH + _BAR_WIDTH + _NOTE_WIDTH
    return height, [
        f'<svg class="chart" role="img" aria-label="{_esc(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="16" class="svg-title">{_esc(title)}</text>',
    ]


def _svg_rate_bars(rows: Sequence[tuple[str, StatsRow]], *, title: str) -> str:
    """A horizontal bar chart of kept rates (0-100%), one bar per row, as inline SVG."""
    label_width, bar_width, row_height = _LABEL_WIDTH, _BAR_WIDTH, _ROW_HEIGHT
    height, parts = _svg_open(title, len(rows))
    for tick in (0, 50, 100):
        x = label_width + bar_width * tick / 100
        parts.append(
            f'<line x1="{x}" y1="24" x2="{x}" y2="{height}" stroke="#d0d7de" '
            f'stroke-dasharray="3 3"/><text x="{x}" y="{height - 2}" class="svg-tick" '
            f'text-anchor="middle">{tick}%</text>'
        )
    if not rows:
        parts.append(f'<text x="{label_width}" y="50" class="svg-label">no promises decided yet</text>')
    for index, (name, row) in enumerate(rows):
        y = 30 + index * row_height
        rate = row.kept_rate
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" class="svg-label" text-anchor="end">'
            f"{_esc(_short(name, 26))}</text>"
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 3}" width="{bar_width}" height="16" rx="3" '
            'fill="#eef1f4"/>'
        )
        if rate is None:
            note = f"no promise decided ({row.open} open)"
        else:
            color = "#2e7d32" if rate >= 0.9 else "#ef6c00" if rate >= 0.7 else "#c62828"
            parts.append(
                f'<rect x="{label_width}" y="{y + 3}" width="{bar_width * rate:.1f}" height="16" '
                f'rx="3" fill="{color}"><title>{_esc(name)}: {row.kept} kept, {row.broken} broken'
                "</title></rect>"
            )
            note = f"{100 * rate:.0f}% ({row.kept} kept, {row.broken} broken)"
        parts.append(
            f'<text x="{label_width + bar_width + 8}" y="{y + 15}" class="svg-note">'
            f"{_esc(note)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _svg_open_bars(rows: Sequence[tuple[str, StatsRow]], *, title: str) -> str:
    """Open promises per row, the overdue part in red, as inline SVG."""
    label_width, bar_width, row_height = _LABEL_WIDTH, _BAR_WIDTH, _ROW_HEIGHT
    most = max((row.open for _, row in rows), default=0) or 1
    _, parts = _svg_open(title, len(rows))
    if not rows:
        parts.append(f'<text x="{label_width}" y="50" class="svg-label">no open promises</text>')
    for index, (name, row) in enumerate(rows):
        y = 30 + index * row_height
        open_width = bar_width * row.open / most
        overdue_width = bar_width * row.overdue / most
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" class="svg-label" text-anchor="end">'
            f"{_esc(_short(name, 26))}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{open_width:.1f}" height="16" rx="3" '
            f'fill="#1565c0"><title>{_esc(name)}: {row.open} open</title></rect>'
            f'<rect x="{label_width}" y="{y + 3}" width="{overdue_width:.1f}" height="16" rx="3" '
            f'fill="#c62828"><title>{_esc(name)}: {row.overdue} overdue</title></rect>'
            f'<text x="{label_width + max(open_width, 2) + 8}" y="{y + 15}" class="svg-note">'
            f"{row.open} open, {row.overdue} overdue</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _promise_rows(records: Sequence[PromiseRecord], now: datetime) -> str:
    if not records:
        return '<p class="none">None.</p>'
    rows = []
    for record in records:
        due = record.due.isoformat(timespec="minutes") if record.due else "—"
        late = ""
        if record.due is not None and record.due < now:
            hours = (now - record.due).total_seconds() / 3600
            late = f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.0f} h"
        rows.append(
            f"<tr><td><code>{_esc(record.id)}</code></td><td>{_esc(record.customer)}</td>"
            f"<td>{_esc(record.agent)}</td><td>{_esc(record.clause or '—')}</td><td>{_esc(due)}</td>"
            f"<td>{_esc(late)}</td><td>{_esc(_short(record.text, 90))}</td></tr>"
        )
    return (
        '<table class="summary"><thead><tr><th>Id</th><th>Customer</th><th>Agent</th>'
        "<th>Clause</th><th>Due</th><th>Late by</th><th>Promise</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


_LEDGER_STYLE = """
.chart { display: block; background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
         padding: 12px; margin-bottom: 18px; max-width: 100%; height: auto; }
.svg-title { font: 600 14px system-ui, sans-serif; fill: #1f2328; }
.svg-label { font: 13px system-ui, sans-serif; fill: #1f2328; }
.svg-note { font: 12px system-ui, sans-serif; fill: #5f6368; }
.svg-tick { font: 11px system-ui, sans-serif; fill: #8b949e; }
h2.part { font-size: 17px; margin: 28px 0 10px; }
table.summary td:nth-child(1), table.summary td:nth-child(5), table.summary td:nth-child(6) { white-space: nowrap; }
"""


def render_ledger_report(
    stats: LedgerStats,
    *,
    overdue: Sequence[PromiseRecord],
    due_soon: Sequence[PromiseRecord],
    title: str,
) -> str:
    """One HTML page for a promise ledger: kept rates and open promises as inline SVG charts.

    Args:
        stats: The ledger's statistics (``ledger.stats(now=...)``).
        overdue: Open promises past their due time.
        due_soon: Open promises due soon.
        title: The page title.
    """
    now = stats.now
    overall = stats.overall
    rate = "—" if overall.kept_rate is None else f"{100 * overall.kept_rate:.0f}%"
    late = overall.median_lateness
    cards = [
        (f"{overall.made:,}", "promises made"),
        (rate, "kept rate (kept / decided)"),
        (f"{overall.kept_on_time:,}", "kept on time"),
        (f"{overall.broken:,}", "broken"),
        (f"{overall.open:,}", "open"),
        (f"{overall.overdue:,}", "overdue"),
        ("—" if late is None else f"{late.total_seconds() / 3600:.1f} h", "median lateness"),
    ]
    agents = list(stats.by_agent.items())
    clauses = [(clause or "(no clause)", row) for clause, row in stats.by_clause.items()]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_STYLE}{_LEDGER_STYLE}</style></head><body>",
        f"<header><h1>{_esc(title)}</h1><p>As of {_esc(now.isoformat(timespec='minutes'))}"
        "</p></header><main>",
        '<div class="cards">',
        *(f'<div class="card"><b>{_esc(n)}</b><span>{label}</span></div>' for n, label in cards),
        "</div>",
        '<h2 class="part">Kept rate</h2>',
        _svg_rate_bars(agents, title="Kept rate per agent"),
        _svg_rate_bars(clauses, title="Kept rate per clause"),
        '<h2 class="part">Open promises</h2>',
        _svg_open_bars([a for a in agents if a[1].open], title="Open and overdue per agent"),
        _svg_open_bars([c for c in clauses if c[1].open], title="Open and overdue per clause"),
        f'<h2 class="part">Overdue ({len(overdue)})</h2>',
        _promise_rows(overdue, now),
        f'<h2 class="part">Due soon ({len(due_soon)})</h2>',
        _promise_rows(due_soon, now),
        "</main></body></html>",
    ]
    return "\n".join(out)
