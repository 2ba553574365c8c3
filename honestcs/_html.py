"""Self-contained HTML reports: checked replies, the promise ledger, and insight over time.

One file each, with inline CSS and inline SVG: no scripts, fonts or images
from anywhere else, so a report can be mailed or attached to a CI run.
Every piece of text from a reply or a policy is escaped.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from honestcs.insight import NO_DATE
from honestcs.report import Finding, Report, line_and_column, line_starts
from honestcs.severity import Severity

if TYPE_CHECKING:
    from honestcs.insight import HotSpot, Insight, KeptRate
    from honestcs.promises.model import PromiseRecord
    from honestcs.promises.stats import LedgerStats, StatsRow

__all__ = ["render_check_report", "render_insight_report", "render_ledger_report"]

_STYLE = """
:root { --error:#c62828; --warning:#ef6c00; --info:#1565c0; --ok:#2e7d32; --muted:#5f6368;
        --paper:#fff; --ink:#1f2328; --line:#e3e6ea; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0; background: #f6f7f9; }
header { background: var(--ink); color: #fff; padding: 20px 32px; overflow-wrap: anywhere; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: #c9d1d9; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
.cards { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
         margin-bottom: 20px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.card b { display: block; font-size: 26px; }
.card span { color: var(--muted); font-size: 13px; }
/* A table scrolls inside its own box if it must, never the page. */
.table-wrap { overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
              margin-bottom: 28px; }
table.summary { border-collapse: collapse; width: 100%; }
table.summary th, table.summary td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line);
                                     overflow-wrap: break-word; }
table.summary tr:last-child td { border-bottom: 0; }
table.summary th { background: #eef1f4; font-size: 13px; text-transform: uppercase; letter-spacing: .03em; }
td.bar-cell { width: 40%; }
.bar { height: 10px; border-radius: 5px; display: block; min-width: 4px; }
section.reply { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
                margin-bottom: 18px; overflow: hidden; }
section.reply > h2 { margin: 0; padding: 10px 16px; font-size: 15px; border-bottom: 1px solid var(--line);
                     display: flex; justify-content: space-between; align-items: flex-start; gap: 12px; }
section.reply > h2 > span:first-child { min-width: 0; overflow-wrap: anywhere; }
.status { font-size: 12px; font-weight: 600; padding: 2px 8px; border-radius: 10px; color: #fff;
          white-space: nowrap; }
.status.ok { background: var(--ok); } .status.fail { background: var(--error); }
.status.warn { background: var(--warning); } .status.skip { background: var(--muted); }
.body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
.text { padding: 14px 16px; white-space: pre-wrap; border-right: 1px solid var(--line); font-size: 15px;
        overflow-wrap: anywhere; }
.notes { padding: 10px 14px; overflow-wrap: anywhere; }
.customer { padding: 8px 16px; background: #f8fafc; color: var(--muted); border-bottom: 1px solid var(--line);
            white-space: pre-wrap; font-size: 14px; overflow-wrap: anywhere; }
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
/* A phone: less padding, so the text keeps the width. */
@media (max-width: 600px) {
  header { padding: 16px; } main { padding: 16px 12px 32px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; } .card { padding: 10px 12px; }
  table.summary th, table.summary td { padding: 6px 8px; }
}
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
    if finding.department:
        clause += f" · {_esc(finding.department)}"
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
    if report.not_checked is not None:
        return f'<span class="status skip">not checked: {_esc(report.not_checked)}</span>'
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

    A reply that was not checked (``Report.not_checked``) is counted on a card of its
    own, and its section says why in place of findings.
    """
    rule_counts: Counter[tuple[str, Severity]] = Counter()
    for _, report, _ in checked:
        for finding in report.findings:
            rule_counts[(finding.rule, finding.severity)] += 1
    failing = sum(1 for _, r, _ in checked if not r.ok)
    total = {s: sum(c for (_, sev), c in rule_counts.items() if sev is s) for s in _ORDER}
    promises = sum(len(r.promises) for _, r, _ in checked)
    not_checked = sum(1 for _, r, _ in checked if r.not_checked is not None)
    cards = [
        (len(checked) - not_checked, "replies checked"),
        *([(not_checked, "not checked")] if not_checked else []),
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
            '<div class="table-wrap"><table class="summary"><thead><tr><th>Rule</th>'
            "<th>Severity</th><th>Findings</th><th></th></tr></thead><tbody>"
        )
        for (rule, severity), count in sorted(
            rule_counts.items(), key=lambda item: (_ORDER.index(item[0][1]), -item[1], item[0][0])
        ):
            # A share of the cell, not pixels: the bar shrinks with the screen.
            width = 100 * count / most
            out.append(
                f"<tr><td>{_rule_cell(rule, rule_url)}</td><td>{severity.value}</td><td>{count}</td>"
                f'<td class="bar-cell"><span class="bar" style="width:{width:.0f}%;'
                f'background:var(--{severity.value})"></span></td></tr>'
            )
        out.append("</tbody></table></div>")
    else:
        out.append(
            '<p class="none">No findings in any of these replies.</p>'
            if not not_checked
            else f'<p class="none">No findings in any of the replies checked; {not_checked} '
            "not checked (each says why below).</p>"
        )
    for source, report, customer in checked:
        starts = line_starts(report.reply)
        out.append(f'<section class="reply"><h2><span>{_esc(source)}</span>{_status(report)}</h2>')
        if customer:
            out.append(f'<div class="customer"><b>Customer:</b> {_esc(customer)}</div>')
        notes = "".join(
            _note(i, f, starts, rule_url) for i, f in enumerate(report.findings, start=1)
        ) or (
            '<p class="none">No findings.</p>'
            if report.not_checked is None
            else f'<p class="none">Not checked: {_esc(report.not_checked)}.</p>'
        )
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


# Bar charts are drawn in percentages of their width, not in a viewBox: scaled to a
# phone, a viewBox shrinks its text with it (to 4 px at 390 px). Each row is three
# lines (the name, the bar, the figures), so no text sits beside other text.
_TITLE_HEIGHT, _ROW_HEIGHT, _AXIS_HEIGHT = 28, 58, 18


def _svg_open(title: str, height: int) -> list[str]:
    """The opening tag and the title of a bar chart ``height`` px tall."""
    return [
        f'<div class="chart"><svg role="img" aria-label="{_esc(title)}" width="100%" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="0" y="16" class="svg-title">{_esc(title)}</text>',
    ]


def _svg_row(index: int, name: str, note: str) -> tuple[int, str]:
    """The top of the bar of row ``index``, and the row's two lines of text."""
    top = _TITLE_HEIGHT + index * _ROW_HEIGHT
    return top + 20, (
        f'<text x="0" y="{top + 13}" class="svg-label">{_esc(_short(name, 40))}</text>'
        f'<text x="0" y="{top + 48}" class="svg-note">{_esc(note)}</text>'
    )


class Decided(Protocol):
    """Promise counts a kept rate is drawn from: a ledger's ``StatsRow`` or an insight's ``KeptRate``."""

    @property
    def kept(self) -> int:
        """Promises kept."""

    @property
    def broken(self) -> int:
        """Promises broken."""

    @property
    def open(self) -> int:
        """Promises still open."""


def svg_rate_bars(rows: Sequence[tuple[str, Decided]], *, title: str) -> str:
    """A horizontal bar chart of kept rates (0-100%), one bar per row, as inline SVG."""
    bars = _TITLE_HEIGHT + _ROW_HEIGHT * max(1, len(rows))
    parts = _svg_open(title, bars + _AXIS_HEIGHT)
    for tick, anchor in ((0, "start"), (50, "middle"), (100, "end")):
        parts.append(
            f'<text x="{tick}%" y="{bars + 12}" class="svg-tick" text-anchor="{anchor}">'
            f"{tick}%</text>"
        )
    if not rows:
        parts.append(f'<text x="0" y="{_TITLE_HEIGHT + 20}" class="svg-label">'
                     "no promises decided yet</text>")  # fmt: skip
    for index, (name, row) in enumerate(rows):
        decided = row.kept + row.broken
        rate = row.kept / decided if decided else None
        if rate is None:
            note = f"no promise decided ({row.open} open)"
        else:
            note = f"{100 * rate:.0f}% ({row.kept} kept, {row.broken} broken)"
        y, text = _svg_row(index, name, note)
        parts.append(
            f'<rect x="0" y="{y}" width="100%" height="14" rx="3" fill="#eef1f4"/>'
            f'<line x1="50%" y1="{y}" x2="50%" y2="{y + 14}" stroke="#d0d7de" '
            'stroke-dasharray="3 2"/>'
        )
        if rate is not None:
            color = "#2e7d32" if rate >= 0.9 else "#ef6c00" if rate >= 0.7 else "#c62828"
            parts.append(
                f'<rect x="0" y="{y}" width="{100 * rate:.1f}%" height="14" rx="3" '
                f'fill="{color}"><title>{_esc(name)}: {row.kept} kept, {row.broken} broken'
                "</title></rect>"
            )
        parts.append(text)
    parts.append("</svg></div>")
    return "".join(parts)


def _svg_open_bars(rows: Sequence[tuple[str, StatsRow]], *, title: str) -> str:
    """Open promises per row, the overdue part in red, as inline SVG."""
    most = max((row.open for _, row in rows), default=0) or 1
    parts = _svg_open(title, _TITLE_HEIGHT + _ROW_HEIGHT * max(1, len(rows)))
    if not rows:
        parts.append(f'<text x="0" y="{_TITLE_HEIGHT + 20}" class="svg-label">'
                     "no open promises</text>")  # fmt: skip
    for index, (name, row) in enumerate(rows):
        y, text = _svg_row(index, name, f"{row.open} open, {row.overdue} overdue")
        parts.append(
            f'<rect x="0" y="{y}" width="{100 * row.open / most:.1f}%" height="14" rx="3" '
            f'fill="#1565c0"><title>{_esc(name)}: {row.open} open</title></rect>'
            f'<rect x="0" y="{y}" width="{100 * row.overdue / most:.1f}%" height="14" rx="3" '
            f'fill="#c62828"><title>{_esc(name)}: {row.overdue} overdue</title></rect>' + text
        )
    parts.append("</svg></div>")
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
        cells = (
            f"<code>{_esc(record.id)}</code>", _esc(record.customer), _esc(record.agent),
            _esc(record.clause or "—"), _esc(due), _esc(late), _esc(_short(record.text, 90)),
        )  # fmt: skip
        rows.append(
            "<tr>"
            + "".join(
                f'<td data-label="{label}">{cell}</td>'
                for label, cell in zip(_RECORD_COLUMNS, cells, strict=True)
            )
            + "</tr>"
        )
    head = "".join(f"<th>{label}</th>" for label in _RECORD_COLUMNS)
    return (
        f'<div class="table-wrap"><table class="summary records"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


_RECORD_COLUMNS = ("Id", "Customer", "Agent", "Clause", "Due", "Late by", "Promise")


_LEDGER_STYLE = """
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr));
          gap: 0 18px; align-items: start; }
.chart { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 12px;
         margin-bottom: 18px; min-width: 0; }
.chart svg { display: block; }
.svg-title { font: 600 14px system-ui, sans-serif; fill: #1f2328; }
.svg-label { font: 13px system-ui, sans-serif; fill: #1f2328; }
.svg-note { font: 12px system-ui, sans-serif; fill: #5f6368; }
.svg-tick { font: 11px system-ui, sans-serif; fill: #8b949e; }
h2.part { font-size: 17px; margin: 28px 0 10px; }
table.records td:nth-child(1), table.records td:nth-child(5), table.records td:nth-child(6) { white-space: nowrap; }
/* A phone: each promise becomes a card of labelled lines instead of a row of seven columns. */
@media (max-width: 600px) {
  table.records thead { display: none; }
  table.records, table.records tbody, table.records tr, table.records td { display: block; }
  table.records tr { padding: 8px 0; border-bottom: 1px solid var(--line); }
  table.records tr:last-child { border-bottom: 0; }
  table.records td, table.records td:nth-child(n) { border: 0; padding: 2px 12px; white-space: normal; }
  table.records td:empty { display: none; }
  table.records td::before { content: attr(data-label) ": "; color: var(--muted); font-size: 12px;
                             text-transform: uppercase; letter-spacing: .03em; }
}
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
        '<h2 class="part">Kept rate</h2><div class="charts">',
        svg_rate_bars(agents, title="Kept rate per agent"),
        svg_rate_bars(clauses, title="Kept rate per clause"),
        '</div><h2 class="part">Open promises</h2><div class="charts">',
        _svg_open_bars([a for a in agents if a[1].open], title="Open and overdue per agent"),
        _svg_open_bars([c for c in clauses if c[1].open], title="Open and overdue per clause"),
        "</div>",
        f'<h2 class="part">Overdue ({len(overdue)})</h2>',
        _promise_rows(overdue, now),
        f'<h2 class="part">Due soon ({len(due_soon)})</h2>',
        _promise_rows(due_soon, now),
        "</main></body></html>",
    ]
    return "\n".join(out)


def _svg_count_bars(rows: Sequence[tuple[str, int]], *, title: str, total: int) -> str:
    """Findings per row as horizontal bars, the longest the most, as inline SVG."""
    most = max((count for _, count in rows), default=0) or 1
    parts = _svg_open(title, _TITLE_HEIGHT + _ROW_HEIGHT * max(1, len(rows)))
    if not rows:
        parts.append(f'<text x="0" y="{_TITLE_HEIGHT + 20}" class="svg-label">no findings</text>')
    for index, (name, count) in enumerate(rows):
        share = f" ({100 * count / total:.0f}% of all)" if total else ""
        y, text = _svg_row(index, name, f"{count:,} finding{'' if count == 1 else 's'}{share}")
        parts.append(
            f'<rect x="0" y="{y}" width="{100 * count / most:.1f}%" height="14" rx="3" '
            f'fill="#c62828"><title>{_esc(name)}: {count:,}</title></rect>' + text
        )
    parts.append("</svg></div>")
    return "".join(parts)


# A trend chart: the title, a note saying what the line shows, the plot, then the week
# labels (two lines: the week, and the year where it changes). Points sit at a share of
# the width, as the bars do, so the text keeps its size on a phone.
_PLOT_TOP, _PLOT_HEIGHT, _WEEK_LABELS = 66, 120, 36
# Below this spacing (in points across the chart) week labels would touch on a phone.
_MOST_WEEK_LABELS = 8


def _svg_trend(
    points: Sequence[tuple[str, float | None, str]], *, title: str, note: str, top: float,
    shown: Callable[[float], str],
) -> str:  # fmt: skip
    """A line over ISO weeks, as inline SVG.

    Args:
        points: ``(week, value or None, tooltip)`` in order; a None leaves a gap.
        title: The chart's title.
        note: One line under the title: what the line shows.
        top: The value drawn at the top of the plot (the bottom is 0).
        shown: How a value is written above its point.
    """
    bottom = _PLOT_TOP + _PLOT_HEIGHT
    parts = _svg_open(title, bottom + _WEEK_LABELS)
    parts.append(f'<text x="0" y="38" class="svg-note">{_esc(note)}</text>')
    parts.append(
        f'<line x1="0" y1="{bottom}" x2="100%" y2="{bottom}" stroke="#d0d7de"/>'
        f'<line x1="0" y1="{_PLOT_TOP}" x2="100%" y2="{_PLOT_TOP}" stroke="#eef1f4" '
        'stroke-dasharray="3 2"/>'
    )
    if not points:
        parts.append(f'<text x="0" y="{bottom - 10}" class="svg-label">no dated replies</text>')
    count = len(points)
    step = -(-count // _MOST_WEEK_LABELS)  # label every step-th week; the last always
    xs = [50.0] if count == 1 else [10 + 80 * i / (count - 1) for i in range(count)]
    ys = [
        None if value is None else bottom - _PLOT_HEIGHT * (value / top if top else 0)
        for _, value, _ in points
    ]
    for i in range(count - 1):
        y1, y2 = ys[i], ys[i + 1]
        if y1 is not None and y2 is not None:
            parts.append(
                f'<line x1="{xs[i]:.2f}%" y1="{y1:.1f}" x2="{xs[i + 1]:.2f}%" y2="{y2:.1f}" '
                'stroke="#1565c0" stroke-width="2.5"/>'
            )
    year = ""
    for i, ((week, value, tooltip), x, y) in enumerate(zip(points, xs, ys, strict=True)):
        labelled = i % step == 0 or i == count - 1
        if y is not None:
            parts.append(
                f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="4.5" fill="#1565c0">'
                f"<title>{_esc(week)}: {_esc(tooltip)}</title></circle>"
            )
        if not labelled:
            continue
        if value is not None and y is not None:
            parts.append(
                f'<text x="{x:.2f}%" y="{y - 9:.1f}" class="svg-note" text-anchor="middle">'
                f"{_esc(shown(value))}</text>"
            )
        head, _, tail = week.partition("-")
        label, under = (tail, head if head != year else "") if tail else (week, "")
        year = head
        parts.append(
            f'<text x="{x:.2f}%" y="{bottom + 15}" class="svg-tick" text-anchor="middle">'
            f"{_esc(label)}</text>"
        )
        if under:
            parts.append(
                f'<text x="{x:.2f}%" y="{bottom + 30}" class="svg-tick" text-anchor="middle">'
                f"{_esc(under)}</text>"
            )
    parts.append("</svg></div>")
    return "".join(parts)


def _stacked_table(css: str, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table whose rows become cards of labelled lines on a phone; cells are already HTML."""
    head = "".join(f"<th>{_esc(label)}</th>" for label in columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{_esc(label)}">{cell}</td>'
            for label, cell in zip(columns, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="table-wrap"><table class="summary stacked {css}"><thead><tr>{head}</tr>'
        f"</thead><tbody>{body}</tbody></table></div>"
    )


def _example_span(spot: HotSpot) -> str:
    """The example's words, the typical ones marked; else the finding's message."""
    if spot.example_span is None:
        return f'<span class="example">{_esc(spot.example)}</span>'
    span = spot.example_span
    at = span.find(spot.typical) if spot.typical else -1
    if spot.typical is None or at < 0:
        return f"<q>{_esc(span)}</q>"
    end = at + len(spot.typical)
    return (
        f'<q>{_esc(span[:at])}<mark class="error">{_esc(span[at:end])}</mark>'
        f"{_esc(span[end:])}</q>"
    )


def _hot_spot_table(spots: Sequence[HotSpot]) -> str:
    if not spots:
        return (
            '<p class="none">No hot spots: no overpromise or policy-misstatement finding '
            "names a clause.</p>"
        )
    rows = []
    for spot in spots:
        clause = f"<code>{_esc(spot.clause)}</code>"
        if spot.department:
            clause += f' <span class="dept">{_esc(spot.department)}</span>'
        typical = "—"
        if spot.typical is not None:
            typical = f"“{_esc(spot.typical)}” ({spot.typical_count:,} times)"
        rows.append(
            (
                clause,
                f"{spot.findings:,}",
                f"{spot.days:,}" if spot.days else "—",
                typical,
                _esc(spot.limit) if spot.limit else '<span class="none">(give --policy)</span>',
                _example_span(spot),
            )
        )
    columns = ("Clause", "Findings", "Days", "Replies most often say", "The policy says", "Example")
    return _stacked_table("hot-spots", columns, rows)


def _trend_table(insight: Insight) -> str:
    rows = []
    for week, replies in insight.replies_by_week.items():
        found = insight.by_week.get(week, 0)
        rows.append(
            (_esc(week), f"{replies:,}", f"{found:,}", f"{found / replies:.2f}" if replies else "—")
        )
    return _stacked_table("weeks", ("Week", "Replies", "Findings", "Per reply"), rows)


def _weekly(weeks: Mapping[str, KeptRate]) -> str:
    """One group's kept rate per week made, a line each: "2026-W49: 75% (6 of 8)"."""
    return "<br>".join(
        f"{_esc(week)}: none decided ({rate.open} open)"
        if rate.rate is None
        else f"{_esc(week)}: {100 * rate.rate:.0f}% ({rate.kept} of {rate.kept + rate.broken})"
        for week, rate in weeks.items()
    )


def _agent_table(insight: Insight) -> str:
    trends = [("improved", t) for t in insight.improved] + [("slipped", t) for t in insight.slipped]
    if not trends:
        return (
            '<p class="none">No agent improved or slipped: none has two weeks with enough '
            "replies, or their findings per reply did not change.</p>"
        )
    rows = [
        (
            _esc(trend.agent),
            f'<span class="status {"ok" if kind == "improved" else "fail"}">{kind}</span>',
            f"{trend.before:.2f} in {_esc(trend.first_week)}",
            f"{trend.after:.2f} in {_esc(trend.last_week)}",
        )
        for kind, trend in trends
    ]
    return _stacked_table("agents", ("Agent", "", "First week", "Last week"), rows)


_INSIGHT_STYLE = """
q { quotes: "“" "”"; } .example { color: var(--muted); font-size: 14px; }
.dept { color: var(--muted); font-size: 13px; white-space: nowrap; }
table.hot-spots td:nth-child(6) { min-width: 14em; }
p.lead { color: var(--muted); margin: -4px 0 12px; }
/* A phone: each row becomes a card of labelled lines. */
@media (max-width: 600px) {
  table.stacked thead { display: none; }
  table.stacked, table.stacked tbody, table.stacked tr, table.stacked td { display: block; }
  table.stacked tr { padding: 8px 0; border-bottom: 1px solid var(--line); }
  table.stacked tr:last-child { border-bottom: 0; }
  table.stacked td, table.stacked td:nth-child(n) { border: 0; padding: 2px 12px; min-width: 0; }
  table.stacked td::before { content: attr(data-label) ": "; color: var(--muted); font-size: 12px;
                             text-transform: uppercase; letter-spacing: .03em; }
  table.stacked td[data-label=""]::before { content: none; }
}
"""


def render_insight_report(insight: Insight, *, title: str, subtitle: str) -> str:
    """One HTML page for :class:`~honestcs.insight.Insight`: trends, bars and hot spots.

    Args:
        insight: What ``build_insight`` added up.
        title: The page title.
        subtitle: One line under the title (what was read).
    """
    dated = [(w, n) for w, n in insight.replies_by_week.items() if w != NO_DATE]
    undated = insight.replies_by_week.get(NO_DATE, 0)
    per_reply = insight.findings / insight.replies if insight.replies else 0.0
    cards = [
        (f"{insight.replies:,}", "replies checked"),
        (f"{insight.findings:,}", "findings"),
        (f"{per_reply:.2f}", "findings per reply"),
        (f"{len(insight.hot_spots):,}", "hot-spot clauses"),
        (f"{len(insight.improved):,}", "agents improved"),
        (f"{len(insight.slipped):,}", "agents slipped"),
    ]
    if insight.promises:
        kept = sum(rate.kept for rate in insight.kept_by_week.values())
        broken = sum(rate.broken for rate in insight.kept_by_week.values())
        rate = f"{100 * kept / (kept + broken):.0f}%" if kept + broken else "—"
        cards += [(f"{insight.promises:,}", "promises in the ledger"), (rate, "kept rate")]
    found = [(week, insight.by_week.get(week, 0), replies) for week, replies in dated]
    undated_note = (
        f'<p class="lead">{undated:,} replies without a date are counted, but not in the '
        "line.</p>"
        if undated
        else ""
    )
    trend = _svg_trend(
        [(w, float(n), f"{n:,} findings in {r:,} replies") for w, n, r in found],
        title="Findings per week",
        note="findings in the replies of each ISO week",
        top=float(max((n for _, n, _ in found), default=0)),
        shown=lambda value: f"{value:,.0f}",
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_STYLE}{_LEDGER_STYLE}{_INSIGHT_STYLE}</style>"
        "</head><body>",
        f"<header><h1>{_esc(title)}</h1><p>{_esc(subtitle)}</p></header><main>",
        '<div class="cards">',
        *(f'<div class="card"><b>{_esc(n)}</b><span>{label}</span></div>' for n, label in cards),
        "</div>",
        '<h2 class="part">Findings over time</h2><div class="charts">',
        trend,
        "</div>",
        undated_note,
        _trend_table(insight),
        '<h2 class="part">Where the findings are</h2><div class="charts">',
        _svg_count_bars(list(insight.by_rule.items()), title="Findings per rule",
                        total=insight.findings),
        _svg_count_bars(list(insight.by_department.items()),
                        title="Findings per department", total=insight.findings),
        _svg_count_bars(list(insight.by_agent.items()), title="Findings per agent",
                        total=insight.findings),
        "</div>",
        '<h2 class="part">Policy hot spots</h2>',
        '<p class="lead">The clauses replies over-promise or misstate most often: what they '
        "most often say, next to what the policy says. A clause broken every day is a policy "
        "or an operation to look at, not only a training need.</p>",
        _hot_spot_table(insight.hot_spots),
        '<h2 class="part">Agents that improved or slipped</h2>',
        '<p class="lead">Findings per reply in their first and last week with enough replies.</p>',
        _agent_table(insight),
    ]  # fmt: skip
    if insight.promises:
        weeks = list(insight.kept_by_week.items())
        out += [
            f'<h2 class="part">Kept rate ({insight.promises:,} promises in the ledger)</h2>',
            '<div class="charts">',
            svg_rate_bars(list(insight.kept_by_department.items()),
                          title="Kept rate per department"),
            _svg_trend(
                [(w, r.rate, f"{r.kept} kept, {r.broken} broken, {r.open} open")
                 for w, r in weeks],
                title="Kept rate per week made",
                note="kept / (kept + broken), by week made",
                top=1.0,
                shown=lambda value: f"{100 * value:.0f}%",
            ),
            svg_rate_bars(list(insight.kept_by_agent.items()), title="Kept rate per agent"),
            svg_rate_bars(list(insight.kept_by_clause.items()), title="Kept rate per clause"),
            "</div>",
            '<h2 class="part">Kept rate by week made</h2>',
            _stacked_table("weekly-kept", ("Group", "Name", "Kept rate by week made"), [
                (group, _esc(name), _weekly(weeks))
                for group, table in insight.weekly_kept.items()
                for name, weeks in table.items()
            ]),
        ]  # fmt: skip
    out.append("</main></body></html>")
    return "\n".join(out)
