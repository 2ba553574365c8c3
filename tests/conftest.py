"""Shared test options: ``--snapshot-update`` rewrites the corpus snapshots."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# benchmarks/corpus_scores.py holds the corpus loading and scoring that the corpus tests share
# with the score report; the folder is not a package, so put it on the path.
BENCHMARKS = str(Path(__file__).resolve().parents[1] / "benchmarks")
if BENCHMARKS not in sys.path:
    sys.path.append(BENCHMARKS)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--snapshot-update",
        action="store_true",
        default=False,
        help="rewrite tests/snapshots/*.jsonl from the checker's current findings "
        "(review the diff before committing; see tests/snapshots/README.md)",
    )


@pytest.fixture
def snapshot_update(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the snapshots instead of comparing with them."""
    return bool(request.config.getoption("--snapshot-update"))
