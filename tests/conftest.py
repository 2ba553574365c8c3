"""Shared test options: ``--snapshot-update`` rewrites the corpus snapshots; Hypothesis profiles."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# benchmarks/corpus_scores.py holds the corpus loading and scoring that the corpus tests share
# with the score report; the folder is not a package, so put it on the path.
BENCHMARKS = str(Path(__file__).resolve().parents[1] / "benchmarks")
if BENCHMARKS not in sys.path:
    sys.path.append(BENCHMARKS)

# HYPOTHESIS_PROFILE=long is the long fuzzing run (docs/testing.md): tests/test_fuzz.py then
# tries 20,000 examples per property instead of a few hundred. Property tests that fix their
# own number of examples keep it.
settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


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


#: A PostgreSQL server for the tests that need one; .ci/run starts one and sets this.
POSTGRES_DSN_VARIABLE = "HONESTCS_TEST_POSTGRES_DSN"


@pytest.fixture(scope="session")
def postgres_dsn() -> Iterator[str]:
    """The DSN of a PostgreSQL server the tests may create schemas in.

    ``HONESTCS_TEST_POSTGRES_DSN`` when it is set (then a server that cannot be reached
    fails the tests, it does not skip them); otherwise a throwaway server started here
    for the session when the PostgreSQL programs are installed; otherwise the tests skip.
    """
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[test]')")
    given = os.environ.get(POSTGRES_DSN_VARIABLE)
    if given:
        yield given
        return
    from throwaway_postgres import ServerUnavailable, throwaway_server

    try:
        server = throwaway_server()
        dsn = server.__enter__()
    except ServerUnavailable as exc:
        pytest.skip(f"no PostgreSQL server: {exc}; set {POSTGRES_DSN_VARIABLE} to use one")
    try:
        yield dsn
    finally:
        server.__exit__(None, None, None)


@pytest.fixture
def postgres_schema(postgres_dsn: str) -> Iterator[str]:
    """A fresh schema name for one test, dropped after it."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    yield name
    with psycopg.connect(postgres_dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
