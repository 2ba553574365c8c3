"""The ``honestcs policy``sub-command (being built)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(commands: Any) -> None:
    """Register the sub-command (not yet available)."""
    _ = (commands, argparse)
