"""What a policy change does: ``honestcs policy show`` and ``honestcs policy diff``.

``describe`` lists the effective policy clause by clause, with the file and the
department each came from. ``diff_policies`` compares two policies clause by
clause: limits that got tighter (fewer replies pass) or looser (more replies
pass), exact values that changed, clauses added, removed or moved. ``reverdicts``
checks past replies under both and keeps those whose verdict changes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs

from honestcs._terminal import terminal_safe
from honestcs._text_files import json_lines
from honestcs._times import out_of_range
from honestcs.checker import ReplyChecker
from honestcs.exceptions import HonestCSError
from honestcs.policy import Can, Cannot, Clause, Policy
from honestcs.quantities import Count, Duration, Money, Percent
from honestcs.report import Report
from honestcs.severity import Severity

__all__ = [
    "Change",
    "Reverdict",
    "clause_rows",
    "describe",
    "diff_policies",
    "read_past_replies",
    "reverdicts",
]

TIGHTER: Final = "tighter"
LOOSER: Final = "looser"
CHANGED: Final = "changed"
ADDED: Final = "added"
REMOVED: Final = "removed"


def _table(clause: Clause) -> str:
    if isinstance(clause, Can):
        return "can"
    return "cannot" if isinstance(clause, Cannot) else "prohibited"


def _limit(clause: Can) -> tuple[str, Duration | Money | Percent | Count] | None:
    for key in ("takes", "within", "up_to", "costs"):
        value = getattr(clause, key)
        if value is not None:
            return key, value
    return None


def _department_name(policy: Policy, clause_id: str) -> str | None:
    department = policy.department_of(clause_id)
    return None if department is None else department.name


def clause_rows(policy: Policy) -> list[dict[str, Any]]:
    """Every clause of the effective policy as plain data, with its file and department.

    Args:
        policy: The effective policy.

    Returns:
        One dict per clause, in policy order: ``id``, ``table``, ``source``,
        ``department``, ``owner``, ``limit`` ("takes 5-7 business days" or None),
        and the clause's own keys as a policy file writes them.
    """
    fields = policy.to_dict()
    rows: list[dict[str, Any]] = []
    tables = {table: fields.get(table, []) for table in ("can", "cannot", "prohibited")}
    for clause in policy.clauses:
        table = _table(clause)
        written = next(item for item in tables[table] if item["id"] == clause.id)
        origin = policy.origins.get(clause.id)
        department = origin.department if origin else None
        limit = _limit(clause) if isinstance(clause, Can) else None
        rows.append(
            {
                "id": clause.id,
                "table": table,
                "source": origin.source if origin else None,
                "department": department.name if department else None,
                "owner": department.owner if department else None,
                "limit": f"{limit[0]} {limit[1]}" if limit else None,
                "clause": written,
            }
        )
    return rows


def describe(policy: Policy, source: str) -> str:
    """The effective policy as text: header, departments, then each clause and where it is from.

    What the files say is shown with the characters that could drive a terminal escaped.

    Args:
        policy: The effective policy.
        source: The file it was read from, as given.
    """
    version = f", version {policy.version}" if policy.version else ""
    lines = [f'{source}: policy "{policy.name}" (time zone {policy.timezone}{version})']
    departments = policy.departments
    if departments:
        lines.append(f"departments ({len(departments)}):")
        for department in departments:
            owned = [c.id for c in policy.clauses if policy.department_of(c.id) == department]
            owner = f", owner {department.owner}" if department.owner else ""
            where = policy.origins[owned[0]].source
            lines.append(
                f"  {department.name} ({where}{owner}): {len(owned)} "
                f"clause{'' if len(owned) == 1 else 's'}"
            )
    else:
        lines.append("departments: none declared")
    for row in clause_rows(policy):
        owner = f"department {row['department']}" if row["department"] else "no department"
        where = f"{row['source']}, {owner}" if row["source"] else owner
        clause = row["clause"]
        what = clause.get("does") or ", ".join(json.dumps(t) for t in clause["terms"])
        limit = f"; {row['limit']}" if row["limit"] else ""
        lines.append(f"{row['table']} {row['id']} [{where}]: {what}{limit}")
        if clause.get("because"):
            lines.append(f"    because: {clause['because']}")
    return terminal_safe("\n".join(lines))


# --- Differences between two policies ---------------------------------------------------------


@attrs.frozen
class Change:
    """One difference between two policies.

    Attributes:
        kind: "tighter", "looser", "changed", "added" or "removed".
        clause: The clause id.
        department: The department that owns the clause (in the new policy, else the old).
        what: The difference in words.
    """

    kind: str
    clause: str
    department: str | None
    what: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return attrs.asdict(self)


def _compare_amounts(old: Decimal, new: Decimal, more_is_looser: bool) -> str | None:
    if old == new:
        return None
    return LOOSER if (new > old) == more_is_looser else TIGHTER


def _amounts(was: object, now: object) -> tuple[Decimal, Decimal] | None:
    """The two amounts of ``up_to`` limits of one kind (one currency, one noun), else None."""
    if isinstance(was, Percent) and isinstance(now, Percent):
        return was.value, now.value
    if isinstance(was, Money) and isinstance(now, Money) and was.currency == now.currency:
        return was.amount, now.amount
    if isinstance(was, Count) and isinstance(now, Count) and was.noun == now.noun:
        return was.value, now.value
    return None


def _limit_change(old: Can, new: Can) -> tuple[str, str] | None:
    """How the limit of a ``can`` clause changed: (kind, words), or None."""
    before, after = _limit(old), _limit(new)
    if before == after:
        return None
    if before is None:
        assert after is not None
        return TIGHTER, f"gains a limit: {after[0]} {after[1]} (nothing was checked before)"
    if after is None:
        return LOOSER, f"loses its limit {before[0]} {before[1]}: nothing is checked now"
    (key, was), (new_key, now) = before, after
    shown = f"{key} {was} -> {new_key} {now}"
    if key != new_key:
        return CHANGED, f"{shown}: a different kind of limit"
    if key == "takes":
        assert isinstance(was, Duration) and isinstance(now, Duration)
        kind = _compare_amounts(was.days(), now.days(), more_is_looser=False)
        if kind is None:
            return CHANGED, f"{shown}: the same upper bound, written differently"
        return kind, f"{shown}: a promise must now allow {now.upper} (it was {was.upper})"
    if key == "up_to":
        amounts = _amounts(was, now)
        if amounts is None:
            return CHANGED, f"{shown}: limits of different kinds, not comparable"
        kind = _compare_amounts(*amounts, more_is_looser=True)
        if kind is None:
            return CHANGED, f"{shown}: the same limit, written differently"
        return kind, f"{shown}: the most that may be given is now {now} (it was {was})"
    # within and costs are stated exactly: neither direction lets more replies pass.
    return CHANGED, f"{shown}: a reply must now state {now} exactly, and {was} is a misstatement"


def diff_policies(old: Policy, new: Policy) -> list[Change]:
    """Every difference between two policies' clauses, in the new policy's order.

    Args:
        old: The policy as it was.
        new: The policy as it would be.

    Returns:
        Limits tighter or looser, exact values changed, clauses added and removed,
        then other changes to a clause (terms, reasons, department, table).
    """
    changes: list[Change] = []
    before = {clause.id: clause for clause in old.clauses}
    after = {clause.id: clause for clause in new.clauses}
    for clause_id, clause in after.items():
        department = _department_name(new, clause_id)
        was = before.get(clause_id)
        if was is None:
            limit = _limit(clause) if isinstance(clause, Can) else None
            shown = f"; {limit[0]} {limit[1]}" if limit else ""
            what = f"new {_table(clause)} clause{shown}"
            changes.append(Change(ADDED, clause_id, department, what))
            continue
        changes.extend(_clause_changes(old, new, was, clause, department))
    for clause_id, clause in before.items():
        if clause_id not in after:
            changes.append(
                Change(
                    REMOVED, clause_id, _department_name(old, clause_id),
                    f"the {_table(clause)} clause is gone",
                )
            )  # fmt: skip
    order = {TIGHTER: 0, LOOSER: 1, CHANGED: 2, ADDED: 3, REMOVED: 4}
    return sorted(changes, key=lambda change: order[change.kind])


def _clause_changes(
    old: Policy, new: Policy, was: Clause, clause: Clause, department: str | None
) -> Iterator[Change]:
    clause_id = clause.id
    if _table(was) != _table(clause):
        yield Change(
            CHANGED, clause_id, department,
            f"moves from {_table(was)} to {_table(clause)}",
        )  # fmt: skip
        return
    if isinstance(was, Can) and isinstance(clause, Can):
        limit = _limit_change(was, clause)
        if limit is not None:
            yield Change(limit[0], clause_id, department, limit[1])
    old_department = _department_name(old, clause_id)
    if old_department != department:
        yield Change(
            CHANGED, clause_id, department,
            f"department {old_department or '(none)'} -> {department or '(none)'}",
        )  # fmt: skip
    added = [t for t in clause.terms if t not in was.terms]
    removed = [t for t in was.terms if t not in clause.terms]
    if added or removed:
        words = [f"+{json.dumps(t)}" for t in added] + [f"-{json.dumps(t)}" for t in removed]
        yield Change(CHANGED, clause_id, department, "terms " + ", ".join(words))
    for key in ("does", "needs", "because", "instead"):
        if getattr(was, key, None) != getattr(clause, key, None):
            yield Change(
                CHANGED, clause_id, department,
                f"{key}: {json.dumps(getattr(was, key, None))} -> "
                f"{json.dumps(getattr(clause, key, None))}",
            )  # fmt: skip


# --- Past replies under both policies ---------------------------------------------------------


@attrs.frozen
class PastReply:
    """A reply from a ``--replies`` file."""

    ident: str
    line: int
    reply: str
    customer: str | None
    now: datetime | None


@attrs.frozen
class Reverdict:
    """A past reply whose verdict differs under the new policy.

    Attributes:
        ident: The reply's ``id`` (or ``line N``).
        line: Its line in the file.
        before: The error findings under the old policy, as "rule [clause]".
        after: The error findings under the new policy.
    """

    ident: str
    line: int
    before: tuple[str, ...]
    after: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "id": self.ident,
            "line": self.line,
            "before": list(self.before),
            "after": list(self.after),
        }


def read_past_replies(path: Path) -> list[PastReply]:
    """The replies of a JSON Lines file: ``{"id"?, "reply", "customer"?, "now"?}`` a line.

    Raises:
        HonestCSError: The file cannot be read, or a line is not such an object
            (the message names the file and line).
    """
    replies: list[PastReply] = []
    for number, where, row in json_lines(path):
        if not isinstance(row, dict) or not isinstance(row.get("reply"), str):
            raise HonestCSError(f'{where}: expected an object with a string "reply"')
        customer = row.get("customer")
        if customer is not None and not isinstance(customer, str):
            raise HonestCSError(f'{where}: "customer" must be a string or null')
        now = None
        if row.get("now") is not None:
            try:
                now = datetime.fromisoformat(str(row["now"]))
            except ValueError:
                raise HonestCSError(f'{where}: "now" is not an ISO 8601 date and time') from None
            if now.tzinfo is None:
                raise HonestCSError(f'{where}: "now" needs a UTC offset, such as -06:00')
            problem = out_of_range(now, str(row["now"]))
            if problem is not None:
                raise HonestCSError(f'{where}: "now": {problem}')
        ident = row.get("id")
        replies.append(
            PastReply(
                str(ident) if ident is not None else f"line {number}",
                number, row["reply"], customer, now,
            )
        )  # fmt: skip
    return replies


def _errors(report: Report) -> tuple[str, ...]:
    return tuple(
        f"{f.rule} [{f.clause}]" if f.clause else f.rule
        for f in report.findings
        if f.severity is Severity.ERROR
    )


def reverdicts(
    old: Policy, new: Policy, replies: Iterable[PastReply], now: datetime | None
) -> tuple[int, list[Reverdict]]:
    """Check each reply under both policies; keep those whose verdict (``ok``) changes.

    Args:
        old: The policy as it was.
        new: The policy as it would be.
        replies: The past replies.
        now: When a reply without its own ``now`` was sent; default the current time.

    Returns:
        How many replies were checked, and the ones whose verdict changed.
    """
    checkers = ReplyChecker(old), ReplyChecker(new)
    checked = 0
    changed: list[Reverdict] = []
    for reply in replies:
        checked += 1
        when = reply.now or now
        before, after = (
            checker.check(reply.reply, customer_message=reply.customer, now=when)
            for checker in checkers
        )
        if before.ok != after.ok:
            changed.append(Reverdict(reply.ident, reply.line, _errors(before), _errors(after)))
    return checked, changed
