"""Self-contained HTML reports: checked replies here, and the pieces the other reports share.

One file each, with inline CSS and inline SVG: no scripts, fonts or images
from anywhere else, so a report can be mailed or attached to a CI run.
Every piece of text from a reply or a policy is escaped. The ledger's report is in
:mod:`~honestcs.render.html_ledger`, insight over time in :mod:`~honestcs.render.html_insight`.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from honestcs.report import Finding, Report, line_and_column, line_starts
from honestcs.severity import Severity

if TYPE_CHECKING:
    pass

__all__ = ["render_check_report"]

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
    rule_counts: Counter[tuple[str, Severity]] = Counter(
        (finding.rule, finding.severity) for _, report, _ in checked for finding in report.findings
    )
    not_checked = sum(1 for _, r, _ in checked if r.not_checked is not None)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<header><h1>{_esc(title)}</h1><p>{_esc(subtitle)}</p></header><main>",
        '<div class="cards">',
        *(
            f'<div class="card"><b>{n}</b><span>{label}</span></div>'
            for n, label in _cards(checked, rule_counts, not_checked)
        ),
        "</div>",
    ]
    if rule_counts:
        out += _rule_table(rule_counts, rule_url)
    else:
        out.append(
            '<p class="none">No findings in any of these replies.</p>'
            if not not_checked
            else f'<p class="none">No findings in any of the replies checked; {not_checked} '
            "not checked (each says why below).</p>"
        )
    for source, report, customer in checked:
        out += _reply_section(source, report, customer, rule_url)
    out.append("</main></body></html>")
    return "\n".join(out)


def _cards(
    checked: Sequence[tuple[str, Report, str | None]],
    rule_counts: Counter[tuple[str, Severity]],
    not_checked: int,
) -> list[tuple[int, str]]:
    """The headline figures, each a number and what it counts."""
    failing = sum(1 for _, r, _ in checked if not r.ok)
    total = {s: sum(c for (_, sev), c in rule_counts.items() if sev is s) for s in _ORDER}
    promises = sum(len(r.promises) for _, r, _ in checked)
    return [
        (len(checked) - not_checked, "replies checked"),
        *([(not_checked, "not checked")] if not_checked else []),
        (failing, "replies with errors"),
        (total[Severity.ERROR], "errors"),
        (total[Severity.WARNING], "warnings"),
        (total[Severity.INFO], "info"),
        (promises, "promises found"),
    ]


def _rule_table(
    rule_counts: Counter[tuple[str, Severity]], rule_url: Callable[[str], str] | None
) -> list[str]:
    """Findings per rule, the most severe first, each with a bar the length of its count."""
    most = max(rule_counts.values())
    out = [
        '<div class="table-wrap"><table class="summary"><thead><tr><th>Rule</th>'
        "<th>Severity</th><th>Findings</th><th></th></tr></thead><tbody>"
    ]
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
    return out


def _reply_section(
    source: str, report: Report, customer: str | None, rule_url: Callable[[str], str] | None
) -> list[str]:
    """One reply's section: the text with its findings marked, their notes, and its promises."""
    starts = line_starts(report.reply)
    out = [f'<section class="reply"><h2><span>{_esc(source)}</span>{_status(report)}</h2>']
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
        out.append(f'<div class="promises"><b>Promises</b><ul>{_promise_items(report)}</ul></div>')
    out.append("</section>")
    return out


def _promise_items(report: Report) -> str:
    """A list item for each promise a reply makes, with its clause and when it is due."""
    return "".join(
        f"<li>{_esc(p.text)}"
        + (f" · clause <code>{_esc(p.clause)}</code>" if p.clause else "")
        + (f" · due {_esc(p.due.isoformat(timespec='minutes'))}" if p.due else " · no due date")
        + "</li>"
        for p in report.promises
    )


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


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
