"""Which rules run, and which findings fail a run: ``--select``, ``--ignore``, ``--fail-on``.

A selection works on top of the policy's ``[honesty]`` table: ``select``
names exactly the rules that run (a rule the policy disables runs when it is
selected by name), ``ignore`` switches rules off whatever else says, and the
policy's ``severity`` table still sets how much each finding matters.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import attrs

from honestcs.exceptions import HonestCSError
from honestcs.policy import Policy
from honestcs.report import Report
from honestcs.rules import RULES
from honestcs.severity import Severity

__all__ = ["RULE_IDS", "fails", "parse_rule_list", "rule_id", "select_rules", "severity_named"]

#: Every rule id, in the order the rules run and the docs list them.
RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)

# How much each severity matters, for "fail on this severity or worse".
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def rule_id(name: str, where: str) -> str:
    """A rule id, checked against the rules there are.

    Args:
        name: The id as written.
        where: What gave it ("--select", "pyproject.toml: [tool.honestcs] ignore"), for the error.

    Raises:
        HonestCSError: No rule has this id; the message suggests the nearest ones.
    """
    name = name.strip()
    if name in RULE_IDS:
        return name
    near = difflib.get_close_matches(name.lower(), RULE_IDS, n=2, cutoff=0.6)
    if near:
        hint = " or ".join(f'"{n}"' for n in near)
        raise HonestCSError(f'{where}: no rule "{name}"; did you mean {hint}?')
    raise HonestCSError(
        f'{where}: no rule "{name}"; the rules are {", ".join(RULE_IDS)} (honestcs rule --all)'
    )


def parse_rule_list(values: Iterable[str], where: str) -> tuple[str, ...]:
    """Rule ids from comma-separated lists (``--select a,b --select c``), each checked once.

    Raises:
        HonestCSError: An id is unknown, or the lists name no rule at all.
    """
    ids: list[str] = []
    for value in values:
        for name in value.split(","):
            if name.strip() and (found := rule_id(name, where)) not in ids:
                ids.append(found)
    if not ids:
        raise HonestCSError(f"{where}: names no rule (give rule ids separated by commas)")
    return tuple(ids)


def severity_named(name: str, where: str) -> Severity:
    """The severity called ``name`` ("error", "warning" or "info").

    Raises:
        HonestCSError: No severity has this name.
    """
    try:
        return Severity(name.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in Severity)
        raise HonestCSError(f'{where}: "{name}" is not a severity ({names})') from None


def select_rules(
    policy: Policy, select: tuple[str, ...] | None, ignore: tuple[str, ...] = ()
) -> Policy:
    """The policy with its ``[honesty] disable`` list rewritten for a selection.

    Args:
        policy: The policy as written.
        select: The only rules to run, or None for every rule the policy does not disable.
        ignore: Rules not to run, whatever ``select`` or the policy says.
    """
    running = set(select) if select is not None else set(RULE_IDS) - set(policy.honesty.disable)
    running -= set(ignore)
    disable = tuple(rule for rule in RULE_IDS if rule not in running)
    if disable == policy.honesty.disable:
        return policy
    return attrs.evolve(policy, honesty=attrs.evolve(policy.honesty, disable=disable))


def fails(report: Report, fail_on: Severity) -> bool:
    """Whether a report has a finding of ``fail_on`` severity or worse."""
    return any(_RANK[f.severity] >= _RANK[fail_on] for f in report.findings)
