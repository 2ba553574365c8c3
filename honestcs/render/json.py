"""The JSON output: a report as the object of SPEC section 4, each finding with its rule's page.

``honestcs check --format json`` prints one such object per reply, with its
``"source"``, on a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from honestcs.report import Report

__all__: list[str] = []


def _linked(report: Report, link: Callable[[str], str]) -> dict[str, Any]:
    """The report's JSON shape (SPEC §4), each finding with the address of its rule's page."""
    data = report.to_dict()
    for finding in data["findings"]:
        finding["url"] = link(finding["rule"])
    return data
