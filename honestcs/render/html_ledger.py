"""The HTML report of a promise ledger: kept rates, open and overdue promises, and what is due."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from honestcs.render.html import (
    _ROW_HEIGHT,
    _STYLE,
    _TITLE_HEIGHT,
    _esc,
    _short,
    _svg_open,
    _svg_row,
    svg_rate_bars,
)

if TYPE_CHECKING:
    from honestcs.promises.model import PromiseRecord
    from honestcs.promises.stats import LedgerStats, StatsRow

__all__ = ["render_ledger_report"]


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
