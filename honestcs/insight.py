"""Insight over time: what the findings of many checked replies, and a ledger, add up to.

:func:`read_reports` reads the JSON Lines that ``honestcs check --format json`` or
``honestcs check --jsonl`` writes; :func:`build_insight` counts them per rule,
agent, department and ISO week, finds the policy's hot spots (the clauses most
often over-promised or misstated, with the words replies use most and the
policy's real limit), says which agents improved or slipped between their first
and last week, and, given promise records from a ledger, the kept rate per
department, agent and clause and its trend by week.

A reply's agent and time come from the ``agent`` and ``now`` keys of its line
(``check --jsonl`` copies them from its input); a line without them counts
under "(unknown agent)" and "(no date)".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Final

import attrs

from honestcs._terminal import terminal_safe
from honestcs._text_files import json_lines
from honestcs.exceptions import HonestCSError
from honestcs.policy import Can, Policy
from honestcs.promises.model import PromiseRecord, PromiseStatus

__all__ = [
    "AgentTrend",
    "CheckedReply",
    "HotSpot",
    "Insight",
    "KeptRate",
    "build_insight",
    "read_reports",
    "render_insight_text",
]

UNKNOWN_AGENT: Final = "(unknown agent)"
NO_DATE: Final = "(no date)"
NO_DEPARTMENT: Final = "(no department)"
#: Rules whose findings say a clause's limit was broken: the hot spots.
HOT_RULES: Final = ("overpromise", "policy-misstatement")
_QUOTED: Final = re.compile(r'"([^"]+)"')


@attrs.frozen
class CheckedReply:
    """One line of ``honestcs check`` JSON output.

    Attributes:
        ident: The line's ``id`` or ``source``.
        agent: Who wrote the reply, when the line says.
        at: When it was sent, when the line says.
        findings: The line's findings, as ``to_dict`` gives them.
        promises: The line's promises, as ``to_dict`` gives them (each with its words).
    """

    ident: str
    agent: str | None
    at: datetime | None
    findings: tuple[Mapping[str, Any], ...]
    promises: tuple[Mapping[str, Any], ...] = ()

    @property
    def week(self) -> str:
        """The ISO week it was sent in ("2026-W49"), or "(no date)"."""
        if self.at is None:
            return NO_DATE
        year, week, _ = self.at.isocalendar()
        return f"{year}-W{week:02d}"


def read_reports(path: str | Path) -> list[CheckedReply]:
    """The checked replies of a JSON Lines file written by ``honestcs check``.

    Lines that ``check --jsonl`` wrote for input it could not check (an ``error``
    key) are skipped: no reply was checked there.

    Raises:
        HonestCSError: The file cannot be read, or a line is not a report (the
            message names the file and line).
    """
    path = Path(path)
    replies: list[CheckedReply] = []
    for number, where, row in json_lines(path):
        if isinstance(row, dict) and "error" in row:
            continue
        if not isinstance(row, dict) or not isinstance(row.get("findings"), list):
            raise HonestCSError(
                f'{where}: not a report of honestcs check (no "findings" list); '
                "give the output of honestcs check --format json or --jsonl"
            )
        findings = row["findings"]
        if not all(isinstance(f, dict) and isinstance(f.get("rule"), str) for f in findings):
            raise HonestCSError(f'{where}: every finding must be an object with a "rule"')
        agent = row.get("agent")
        if agent is not None and not isinstance(agent, str):
            raise HonestCSError(f'{where}: "agent" must be a string')
        at = None
        if row.get("now") is not None:
            try:
                at = datetime.fromisoformat(str(row["now"]))
            except ValueError:
                raise HonestCSError(f'{where}: "now" is not an ISO 8601 time') from None
        promises = row.get("promises") or []
        if not isinstance(promises, list) or not all(isinstance(p, dict) for p in promises):
            raise HonestCSError(f'{where}: "promises" must be a list of objects')
        ident = row.get("id", row.get("source", f"line {number}"))
        replies.append(CheckedReply(str(ident), agent, at, tuple(findings), tuple(promises)))
    return replies


@attrs.frozen
class HotSpot:
    """A clause replies often break, with what they say and what the policy says.

    Attributes:
        clause: The clause id.
        department: The department that owns it, when the findings say.
        findings: How many findings broke it.
        days: On how many different days.
        typical: The words the findings quote most often ("within 3 days").
        typical_count: How many findings quote them.
        limit: The policy's limit ("takes 5-7 business days"), when a policy is given.
        example: One finding's message, as an example.
        example_span: The words of the reply that finding is about, when the reply's
            promises hold them ("We'll refund you within 3 days").
    """

    clause: str
    department: str | None
    findings: int
    days: int
    typical: str | None
    typical_count: int
    limit: str | None
    example: str
    example_span: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return attrs.asdict(self)


@attrs.frozen
class AgentTrend:
    """How an agent's replies changed between their first and last week.

    Attributes:
        agent: The agent (a person or a bot).
        first_week: Their first week with enough replies.
        last_week: Their last week with enough replies.
        before: Findings per reply in the first week.
        after: Findings per reply in the last week.
    """

    agent: str
    first_week: str
    last_week: str
    before: float
    after: float

    @property
    def change(self) -> float:
        """Findings per reply, last week minus first (below 0: improved)."""
        return self.after - self.before

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {**attrs.asdict(self), "change": round(self.change, 4)}


@attrs.frozen
class KeptRate:
    """Kept promises as a share of those decided (kept or broken).

    Attributes:
        kept: Promises kept.
        broken: Promises broken.
        open: Promises still open.
    """

    kept: int = 0
    broken: int = 0
    open: int = 0

    @property
    def rate(self) -> float | None:
        """Kept / (kept + broken); None when no promise is decided."""
        decided = self.kept + self.broken
        return self.kept / decided if decided else None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {**attrs.asdict(self), "kept_rate": self.rate}


@attrs.frozen
class Insight:
    """What many checked replies, and a ledger, add up to.

    Attributes:
        replies: How many replies were checked.
        findings: How many findings they have.
        by_rule: Findings per rule id.
        by_agent: Findings per agent.
        by_department: Findings per department of the clause.
        by_week: Findings per ISO week.
        replies_by_week: Replies per ISO week.
        hot_spots: Clauses most often over-promised or misstated, most first.
        improved: Agents with fewer findings per reply in their last week than their first.
        slipped: Agents with more.
        kept_by_department: Kept rate per department (with a ledger).
        kept_by_agent: Kept rate per agent (with a ledger).
        kept_by_clause: Kept rate per clause (with a ledger).
        kept_by_week: Kept rate per ISO week the promises were made in (with a ledger).
        weekly_kept: The trend of each group's kept rate: for "department", "agent"
            and "clause", each name's kept rate per ISO week made (with a ledger).
        promises: How many ledger records were read.
    """

    replies: int
    findings: int
    by_rule: Mapping[str, int]
    by_agent: Mapping[str, int]
    by_department: Mapping[str, int]
    by_week: Mapping[str, int]
    replies_by_week: Mapping[str, int]
    hot_spots: tuple[HotSpot, ...]
    improved: tuple[AgentTrend, ...]
    slipped: tuple[AgentTrend, ...]
    kept_by_department: Mapping[str, KeptRate] = attrs.field(factory=dict)
    kept_by_agent: Mapping[str, KeptRate] = attrs.field(factory=dict)
    kept_by_clause: Mapping[str, KeptRate] = attrs.field(factory=dict)
    kept_by_week: Mapping[str, KeptRate] = attrs.field(factory=dict)
    weekly_kept: Mapping[str, Mapping[str, Mapping[str, KeptRate]]] = attrs.field(factory=dict)
    promises: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""

        def rates(table: Mapping[str, KeptRate]) -> dict[str, Any]:
            return {name: rate.to_dict() for name, rate in table.items()}

        return {
            "replies": self.replies,
            "findings": self.findings,
            "by_rule": dict(self.by_rule),
            "by_agent": dict(self.by_agent),
            "by_department": dict(self.by_department),
            "by_week": dict(self.by_week),
            "replies_by_week": dict(self.replies_by_week),
            "hot_spots": [spot.to_dict() for spot in self.hot_spots],
            "improved": [trend.to_dict() for trend in self.improved],
            "slipped": [trend.to_dict() for trend in self.slipped],
            "promises": self.promises,
            "kept_by_department": rates(self.kept_by_department),
            "kept_by_agent": rates(self.kept_by_agent),
            "kept_by_clause": rates(self.kept_by_clause),
            "kept_by_week": rates(self.kept_by_week),
            "weekly_kept": {
                group: {name: rates(weeks) for name, weeks in table.items()}
                for group, table in self.weekly_kept.items()
            },
        }


def _sorted_counts(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _limit_of(policy: Policy | None, clause_id: str) -> str | None:
    if policy is None:
        return None
    try:
        clause = policy.clause(clause_id)
    except KeyError:
        return None
    if not isinstance(clause, Can):
        return None
    for key in ("takes", "within", "up_to", "costs"):
        value = getattr(clause, key)
        if value is not None:
            return f"{key.replace('_', ' ')} {value}"
    return None


def _span_of(reply: CheckedReply, finding: Mapping[str, Any]) -> str | None:
    """The words of the promise in ``reply`` that ``finding`` covers, if any.

    The JSON output of ``check`` carries no reply text, but each promise carries its
    own words and offsets: a promise overlapping the finding's span is its example.
    """
    start, end = finding.get("start"), finding.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    for promise in reply.promises:
        p_start, p_end, text = promise.get("start"), promise.get("end"), promise.get("text")
        if (
            isinstance(p_start, int)
            and isinstance(p_end, int)
            and isinstance(text, str)
            and p_start < max(end, start + 1)
            and start < p_end
        ):
            return text
    return None


def _hot_spots(replies: Sequence[CheckedReply], policy: Policy | None) -> tuple[HotSpot, ...]:
    found: dict[str, list[tuple[CheckedReply, Mapping[str, Any]]]] = defaultdict(list)
    for reply in replies:
        for finding in reply.findings:
            if finding["rule"] in HOT_RULES and finding.get("clause"):
                found[str(finding["clause"])].append((reply, finding))
    spots = []
    for clause, items in found.items():
        quoted = Counter(
            match[1]
            for _, finding in items
            if (match := _QUOTED.search(str(finding.get("message", "")))) is not None
        )
        typical, typical_count = quoted.most_common(1)[0] if quoted else (None, 0)
        days = {reply.at.date() for reply, _ in items if reply.at is not None}
        # The example: the first finding whose words are known and hold the typical words.
        examples = [(finding, _span_of(reply, finding)) for reply, finding in items]
        first, span = min(
            examples,
            key=lambda example: (example[1] is None, (typical or "") not in (example[1] or "")),
        )
        spots.append(
            HotSpot(
                clause=clause,
                department=items[0][1].get("department"),
                findings=len(items),
                days=len(days),
                typical=typical,
                typical_count=typical_count,
                limit=_limit_of(policy, clause),
                example=str(first.get("message", "")),
                example_span=span,
            )
        )
    return tuple(sorted(spots, key=lambda spot: (-spot.findings, spot.clause)))


def _trends(
    replies: Sequence[CheckedReply], min_replies: int
) -> tuple[tuple[AgentTrend, ...], tuple[AgentTrend, ...]]:
    weeks: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for reply in replies:
        if reply.agent is None or reply.at is None:
            continue
        cell = weeks[reply.agent][reply.week]
        cell[0] += 1
        cell[1] += len(reply.findings)
    improved, slipped = [], []
    for agent, by_week in sorted(weeks.items()):
        enough = sorted(week for week, (count, _) in by_week.items() if count >= min_replies)
        if len(enough) < 2:
            continue
        first, last = by_week[enough[0]], by_week[enough[-1]]
        trend = AgentTrend(agent, enough[0], enough[-1], first[1] / first[0], last[1] / last[0])
        if trend.change < 0:
            improved.append(trend)
        elif trend.change > 0:
            slipped.append(trend)
    improved.sort(key=lambda t: (t.change, t.agent))
    slipped.sort(key=lambda t: (-t.change, t.agent))
    return tuple(improved), tuple(slipped)


def _kept(
    records: Iterable[PromiseRecord],
) -> tuple[dict[str, dict[str, KeptRate]], dict[str, dict[str, dict[str, KeptRate]]], int]:
    tables: dict[str, dict[str, list[int]]] = {
        name: defaultdict(lambda: [0, 0, 0]) for name in ("department", "agent", "clause", "week")
    }
    weekly: dict[str, dict[str, dict[str, list[int]]]] = {
        name: defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
        for name in ("department", "agent", "clause")
    }
    count = 0
    for record in records:
        count += 1
        year, week, _ = record.made_at.isocalendar()
        keys = {
            "department": record.department or NO_DEPARTMENT,
            "agent": record.agent,
            "clause": record.clause or "(no clause)",
            "week": f"{year}-W{week:02d}",
        }
        column = {PromiseStatus.KEPT: 0, PromiseStatus.BROKEN: 1, PromiseStatus.OPEN: 2}
        if record.status not in column:
            continue  # cancelled: neither kept nor broken
        for name, key in keys.items():
            tables[name][key][column[record.status]] += 1
            if name in weekly:
                weekly[name][key][keys["week"]][column[record.status]] += 1
    result = {
        name: {key: KeptRate(*cells) for key, cells in sorted(table.items())}
        for name, table in tables.items()
    }
    trends = {
        name: {
            key: {week: KeptRate(*cells) for week, cells in sorted(weeks.items())}
            for key, weeks in sorted(table.items())
        }
        for name, table in weekly.items()
    }
    return result, trends, count


def build_insight(
    replies: Sequence[CheckedReply],
    *,
    policy: Policy | None = None,
    records: Iterable[PromiseRecord] | None = None,
    min_replies: int = 5,
) -> Insight:
    """Add up checked replies and, optionally, ledger records.

    Args:
        replies: From :func:`read_reports`.
        policy: The policy the replies were checked against; gives each hot spot its
            real limit.
        records: Promise records (``ledger.find()``); gives kept rates.
        min_replies: The fewest replies an agent's week needs to count in a trend.

    Returns:
        The counts, hot spots, trends and kept rates.
    """
    by_rule: Counter[str] = Counter()
    by_agent: Counter[str] = Counter()
    by_department: Counter[str] = Counter()
    by_week: Counter[str] = Counter()
    replies_by_week: Counter[str] = Counter()
    for reply in replies:
        replies_by_week[reply.week] += 1
        for finding in reply.findings:
            by_rule[str(finding["rule"])] += 1
            by_agent[reply.agent or UNKNOWN_AGENT] += 1
            by_department[str(finding.get("department") or NO_DEPARTMENT)] += 1
            by_week[reply.week] += 1
    improved, slipped = _trends(replies, min_replies)
    kept: dict[str, dict[str, KeptRate]] = {}
    weekly: dict[str, dict[str, dict[str, KeptRate]]] = {}
    promises = 0
    if records is not None:
        kept, weekly, promises = _kept(records)
    return Insight(
        replies=len(replies),
        findings=sum(by_rule.values()),
        by_rule=_sorted_counts(by_rule),
        by_agent=_sorted_counts(by_agent),
        by_department=_sorted_counts(by_department),
        by_week=dict(sorted(by_week.items())),
        replies_by_week=dict(sorted(replies_by_week.items())),
        hot_spots=_hot_spots(replies, policy),
        improved=improved,
        slipped=slipped,
        kept_by_department=kept.get("department", {}),
        kept_by_agent=kept.get("agent", {}),
        kept_by_clause=kept.get("clause", {}),
        kept_by_week=kept.get("week", {}),
        weekly_kept=weekly,
        promises=promises,
    )


def _rate(rate: KeptRate) -> str:
    shown = "no promise decided" if rate.rate is None else f"{100 * rate.rate:.0f}% kept"
    return f"{shown} ({rate.kept} kept, {rate.broken} broken, {rate.open} open)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def render_insight_text(insight: Insight) -> str:
    """The insight as a person reads it in a terminal (control characters escaped)."""
    replies = "reply" if insight.replies == 1 else "replies"
    findings = "finding" if insight.findings == 1 else "findings"
    out = [f"{insight.replies} {replies} checked, {insight.findings} {findings}"]
    for title, table in (
        ("per rule", insight.by_rule),
        ("per department", insight.by_department),
        ("per agent", insight.by_agent),
    ):
        out.append(f"findings {title}:")
        out.extend(f"  {name}: {count}" for name, count in table.items())
        if not table:
            out.append("  none")
    out.append("findings per week (replies that week):")
    for week, count in insight.replies_by_week.items():
        out.append(f"  {week}: {insight.by_week.get(week, 0)} ({count} replies)")
    out.append("policy hot spots (clauses over-promised or misstated most often):")
    if not insight.hot_spots:
        out.append("  none: no overpromise or policy-misstatement finding names a clause")
    for spot in insight.hot_spots:
        owner = f" ({spot.department})" if spot.department else ""
        days = f" on {_count(spot.days, 'day')}" if spot.days else ""
        out.append(f"  {spot.clause}{owner}: {_count(spot.findings, 'finding')}{days}")
        if spot.typical is not None:
            limit = f"; the policy says {spot.limit}" if spot.limit else ""
            times = "once" if spot.typical_count == 1 else f"{spot.typical_count} times"
            out.append(f'    replies most often say "{spot.typical}" ({times}){limit}')
    for title, trends in (("improved", insight.improved), ("slipped", insight.slipped)):
        out.append(f"agents that {title} (findings per reply, first week -> last week):")
        if not trends:
            out.append("  none")
        for trend in trends:
            out.append(
                f"  {trend.agent}: {trend.before:.2f} in {trend.first_week} -> "
                f"{trend.after:.2f} in {trend.last_week}"
            )
    if insight.promises:
        out.append(f"kept rate ({insight.promises} promises in the ledger):")
        for title, rates in (
            ("per department", insight.kept_by_department),
            ("per agent", insight.kept_by_agent),
            ("per clause", insight.kept_by_clause),
            ("per week made", insight.kept_by_week),
        ):
            out.append(f"  {title}:")
            out.extend(f"    {name}: {_rate(rate)}" for name, rate in rates.items())
        out.append("  trend by week made:")
        for group, names in insight.weekly_kept.items():
            out.extend(f"    {group} {name}: {_weekly(weeks)}" for name, weeks in names.items())
    return terminal_safe("\n".join(out))


def _weekly(weeks: Mapping[str, KeptRate]) -> str:
    """One group's kept rate week by week: "2026-W49 75%, 2026-W50 none decided"."""
    return ", ".join(
        f"{week} {'none decided' if rate.rate is None else f'{100 * rate.rate:.0f}%'}"
        for week, rate in weeks.items()
    )
