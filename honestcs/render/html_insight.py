"""The HTML report of insight over time: hot spots, trends, and agents' kept rates."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from honestcs.insight import NO_DATE
from honestcs.render.html import (
    _ROW_HEIGHT,
    _STYLE,
    _TITLE_HEIGHT,
    _esc,
    _svg_open,
    _svg_row,
    svg_rate_bars,
)
from honestcs.render.html_ledger import _LEDGER_STYLE

if TYPE_CHECKING:
    from honestcs.insight import HotSpot, Insight, KeptRate

__all__ = ["render_insight_report"]


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
    parts += _trend_segments(xs, ys)
    year = ""
    for i, ((week, value, tooltip), x, y) in enumerate(zip(points, xs, ys, strict=True)):
        if y is not None:
            parts.append(
                f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="4.5" fill="#1565c0">'
                f"<title>{_esc(week)}: {_esc(tooltip)}</title></circle>"
            )
        if not (i % step == 0 or i == count - 1):
            continue
        if value is not None and y is not None:
            parts.append(
                f'<text x="{x:.2f}%" y="{y - 9:.1f}" class="svg-note" text-anchor="middle">'
                f"{_esc(shown(value))}</text>"
            )
        parts += _week_label(x, bottom, week, year)
        year = week.partition("-")[0]
    parts.append("</svg></div>")
    return "".join(parts)


def _trend_segments(xs: Sequence[float], ys: Sequence[float | None]) -> list[str]:
    """The line from each point to the next; none to or from a gap."""
    return [
        f'<line x1="{xs[i]:.2f}%" y1="{y1:.1f}" x2="{xs[i + 1]:.2f}%" y2="{y2:.1f}" '
        'stroke="#1565c0" stroke-width="2.5"/>'
        for i, (y1, y2) in enumerate(itertools.pairwise(ys))
        if y1 is not None and y2 is not None
    ]


def _week_label(x: float, bottom: int, week: str, year: str) -> list[str]:
    """A week's label under the plot, with its year below when it is not ``year``."""
    head, _, tail = week.partition("-")
    label, under = (tail, head if head != year else "") if tail else (week, "")
    parts = [
        f'<text x="{x:.2f}%" y="{bottom + 15}" class="svg-tick" text-anchor="middle">'
        f"{_esc(label)}</text>"
    ]
    if under:
        parts.append(
            f'<text x="{x:.2f}%" y="{bottom + 30}" class="svg-tick" text-anchor="middle">'
            f"{_esc(under)}</text>"
        )
    return parts


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
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(title)}</title><style>{_STYLE}{_LEDGER_STYLE}{_INSIGHT_STYLE}</style>"
        "</head><body>",
        f"<header><h1>{_esc(title)}</h1><p>{_esc(subtitle)}</p></header><main>",
        '<div class="cards">',
        *(
            f'<div class="card"><b>{_esc(n)}</b><span>{label}</span></div>'
            for n, label in _cards(insight)
        ),
        "</div>",
        *_findings_over_time(insight),
        *_where_the_findings_are(insight),
        '<h2 class="part">Policy hot spots</h2>',
        '<p class="lead">The clauses replies over-promise or misstate most often: what they '
        "most often say, next to what the policy says. A clause broken every day is a policy "
        "or an operation to look at, not only a training need.</p>",
        _hot_spot_table(insight.hot_spots),
        '<h2 class="part">Agents that improved or slipped</h2>',
        '<p class="lead">Findings per reply in their first and last week with enough replies.</p>',
        _agent_table(insight),
    ]
    if insight.promises:
        out += _kept_rates(insight)
    out.append("</main></body></html>")
    return "\n".join(out)


def _cards(insight: Insight) -> list[tuple[str, str]]:
    """The headline figures, each a number and what it counts."""
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
    return cards


def _findings_over_time(insight: Insight) -> list[str]:
    """The part on findings per week: the line, a note on undated replies, and the table."""
    dated = [(w, n) for w, n in insight.replies_by_week.items() if w != NO_DATE]
    undated = insight.replies_by_week.get(NO_DATE, 0)
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
    return [
        '<h2 class="part">Findings over time</h2><div class="charts">',
        trend,
        "</div>",
        undated_note,
        _trend_table(insight),
    ]


def _where_the_findings_are(insight: Insight) -> list[str]:
    """The part with findings per rule, per department and per agent, as bars."""
    return [
        '<h2 class="part">Where the findings are</h2><div class="charts">',
        _svg_count_bars(list(insight.by_rule.items()), title="Findings per rule",
                        total=insight.findings),
        _svg_count_bars(list(insight.by_department.items()),
                        title="Findings per department", total=insight.findings),
        _svg_count_bars(list(insight.by_agent.items()), title="Findings per agent",
                        total=insight.findings),
        "</div>",
    ]  # fmt: skip


def _kept_rates(insight: Insight) -> list[str]:
    """The parts on the promise ledger: kept rates per group and per week made."""
    weeks = list(insight.kept_by_week.items())
    return [
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
