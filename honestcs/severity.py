"""How much a finding matters: :class:`Severity`, shared by the policy, the rules and the report.

It lives apart from the report so that the policy model, which lets a policy
change a rule's severity, does not depend on the output.
"""

from __future__ import annotations

import enum

__all__ = ["Severity"]


class Severity(enum.Enum):
    """How much a finding matters. Only errors make a report not ``ok``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
