"""Mutation testing of the promise ledger and its stores, and a tally of the outcome per package.

Usage (from the repository's root, with ``pip install -e '.[test,mutation]'``)::

    nice -n 15 python scripts/mutation.py                     # mutate, test, tally
    nice -n 15 python scripts/mutation.py --retest-survivors  # after adding tests
    python scripts/mutation.py --tally                        # tally the last run only

What is mutated, and with which tests, is ``[tool.mutmut]`` in pyproject.toml. mutmut works in
``mutants/`` and remembers what it has tested there: a second run tests only the mutants of
functions that changed since (delete ``mutants/`` to start afresh); it does not test the
survivors again when only the tests changed, which ``--retest-survivors`` does. ``mutmut
browse`` and ``mutmut show NAME`` show the mutants that survived.

The PostgreSQL store is tested against ``HONESTCS_TEST_POSTGRES_DSN`` when it is set; otherwise
against one throwaway server started here for the whole run (benchmarks/throwaway_postgres.py),
so that each mutant's test run does not start its own; with no PostgreSQL programs installed,
the PostgreSQL tests skip and the mutants of ``honestcs/stores/postgres.py`` come out as
survivors or "no tests".
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DSN_VARIABLE = "HONESTCS_TEST_POSTGRES_DSN"

#: The outcomes mutmut reports, in the order of the table; a mutant is in exactly one.
STATUSES = ("killed", "survived", "timeout", "no tests", "skipped", "suspicious", "not checked")

#: Packages of the tally: a mutant counts under the longest one its module's name starts with.
PACKAGES = ("honestcs.promises", "honestcs.stores.sqlite", "honestcs.stores.postgres")


@contextlib.contextmanager
def _postgres() -> Iterator[None]:
    """Point the tests at a PostgreSQL server for the block, starting one when none is given."""
    if os.environ.get(DSN_VARIABLE):
        yield
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    # benchmarks/ is a folder of scripts, not a package: imported by name, it has no types here.
    throwaway = importlib.import_module("throwaway_postgres")
    server: contextlib.AbstractContextManager[str] = throwaway.throwaway_server()
    try:
        dsn = server.__enter__()
    except throwaway.ServerUnavailable as exc:
        print(f"no PostgreSQL server ({exc}): its tests will skip", file=sys.stderr)
        yield
        return
    os.environ[DSN_VARIABLE] = dsn
    try:
        yield
    finally:
        del os.environ[DSN_VARIABLE]
        server.__exit__(None, None, None)


def _package(mutant: str) -> str:
    """The package of the tally a mutant's name belongs to (``honestcs.stores`` by default)."""
    module = mutant.split(".x", 1)[0] if ".x" in mutant else mutant
    for package in PACKAGES:
        if module == package or module.startswith(package + "."):
            return package
    return "honestcs.stores" if module.startswith("honestcs.stores") else module


def tally(results: str) -> dict[str, Counter[str]]:
    """Count the outcomes of ``mutmut results --all true`` per package.

    Args:
        results: Its output: one ``NAME: STATUS`` line per mutant.

    Returns:
        For each package, how many of its mutants had each status.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for line in results.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep:
            counts[_package(name)][status] += 1
    return dict(counts)


def report(counts: dict[str, Counter[str]]) -> str:
    """A table of the tally, with the survival rate of each package and of all.

    The survival rate is survived / (total - no tests - skipped - not checked): mutants no
    selected test runs, those mutmut skipped, and those a run stopped early did not reach
    tell nothing about the tests. A timeout counts as caught (the mutant loops forever).
    """
    width = max(len(p) for p in [*counts, "all"])
    lines = [f"{'package':<{width}} " + " ".join(f"{s:>11}" for s in STATUSES) + "  total  rate"]
    everything: Counter[str] = Counter()
    for package in [*sorted(counts), "all"]:
        count = everything if package == "all" else counts[package]
        if package != "all":
            everything.update(count)
        total = sum(count.values())
        judged = total - count["no tests"] - count["skipped"] - count["not checked"]
        rate = f"{100 * count['survived'] / judged:.1f}%" if judged else "-"
        cells = " ".join(f"{count[s]:>11}" for s in STATUSES)
        lines.append(f"{package:<{width}} {cells}  {total:>5}  {rate:>5}")
    return "\n".join(lines)


def _results(mutmut: list[str]) -> str:
    """The output of ``mutmut results --all true``: one ``NAME: STATUS`` line per mutant."""
    done = subprocess.run(
        [*mutmut, "results", "--all", "true"], capture_output=True, text=True, check=True
    )
    return done.stdout


def _survivors(mutmut: list[str]) -> list[str]:
    """The names of the mutants that survived the last run."""
    lines = (line.strip().rpartition(": ") for line in _results(mutmut).splitlines())
    return [name for name, _, status in lines if status == "survived"]


def main(argv: list[str] | None = None) -> int:
    """Run mutmut (unless ``--tally``), then print the tally; return mutmut's exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tally", action="store_true", help="only tally the last run")
    parser.add_argument(
        "--retest-survivors",
        action="store_true",
        help="test again only the mutants that survived the last run (and new or changed ones)",
    )
    parser.add_argument(
        "--max-children", type=int, default=None, help="parallel test runs (default: CPUs)"
    )
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    mutmut = [sys.executable, "-m", "mutmut"]
    status = 0
    if not args.tally:
        extra = [] if args.max_children is None else ["--max-children", str(args.max_children)]
        with _postgres():
            # A plain run first: it tests the mutants of changed code and maps new tests.
            status = subprocess.run([*mutmut, "run", *extra], check=False).returncode
            survivors = _survivors(mutmut) if args.retest_survivors else []
            if status == 0 and survivors:
                run = [*mutmut, "run", *extra, *survivors]
                status = subprocess.run(run, check=False).returncode
    print(report(tally(_results(mutmut))))
    return status


if __name__ == "__main__":
    sys.exit(main())
