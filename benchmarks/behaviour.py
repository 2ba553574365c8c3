"""Behaviour invariance: how often the checker keeps its findings when only the form changes.

Runs every behaviour case of tests/behaviour/ (SPEC section 7) and prints, for invariance cases
(same meaning, other form) and direction cases (a minimal edit with a known effect), the number
of cases and the share passing, overall and per transformation, then lists the failures. The
invariance share is the figure quoted as "behaviour invariance".

Usage: python benchmarks/behaviour.py [--quiet] [--write-known-failures]
  --write-known-failures  rewrite tests/behaviour/known_failures.txt with today's failures
                          (run it after a checker change, review the diff, commit it)
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# tests/behaviour/ is a package inside the tests folder, which is not one itself; this script's
# own name is "behaviour" too, so the folder goes first on the path and the import is by name.
sys.path.insert(0, str(ROOT / "tests"))
generate = importlib.import_module("behaviour.generate")


def _table(title: str, rows: dict[str, list[bool]]) -> list[str]:
    total = [passed for results in rows.values() for passed in results]
    rate = sum(total) / len(total) if total else 1.0
    lines = [f"{title}: {len(total)} cases, {sum(total)} pass, rate {rate:.1%}"]
    for transform, results in sorted(rows.items()):
        share = sum(results) / len(results)
        lines.append(f"  {transform:<22} {len(results):>4} cases  {share:7.1%}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--quiet", action="store_true", help="print the tables, not each failure")
    parser.add_argument(
        "--write-known-failures",
        action="store_true",
        help="rewrite tests/behaviour/known_failures.txt from this run",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    cases = generate.all_cases()
    results = [(case, generate.evaluate(case)) for case in cases]
    elapsed = time.perf_counter() - started

    tables: dict[str, dict[str, list[bool]]] = {
        "invariance": defaultdict(list),
        "direction": defaultdict(list),
    }
    for case, outcome in results:
        tables[case.kind][case.transform].append(outcome.passed)
    print(f"{len(cases)} behaviour cases in {elapsed:.1f}s")
    print("\n".join(_table("invariance (behaviour invariance)", tables["invariance"])))
    print("\n".join(_table("direction", tables["direction"])))

    failures = [(case, outcome) for case, outcome in results if not outcome.passed]
    known = generate.load_known_failures()
    failing = {case.id for case, _ in failures}
    all_ids = {case.id for case in cases}
    fixed = sorted(cid for cid in known if cid in all_ids and cid not in failing)
    gone = sorted(cid for cid in known if cid not in all_ids)
    new = sorted(failing - set(known))
    print(
        f"\nknown failures: {len(known)} listed; {len(new)} new, {len(fixed)} now pass, "
        f"{len(gone)} no longer generated"
    )
    if not args.quiet:
        for case, outcome in failures:
            print()
            print(generate.explain(case, outcome))
        for cid in fixed:
            print(f"now passes (remove from known_failures.txt): {cid}")
    if args.write_known_failures:
        generate.write_known_failures(failures)
        print(f"wrote {len(failures)} failures to {generate.KNOWN_FAILURES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
