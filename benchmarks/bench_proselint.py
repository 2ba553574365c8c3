"""honestcs beside proselint: time per reply on the same typical replies, in one process.

The replies are the labelled corpora's (tests/corpus*/cases.jsonl): customer-service replies
of one to a few sentences, each checked once, so no cache inside either tool answers from an
earlier reply. honestcs checks each against its case's policy (compiled before timing);
proselint lints it with its default checks. The two run alternately, reply by reply, on one
core, so that whatever else the machine does falls on both alike. It prints the median and
99th percentile per reply for each, the ratio, and the memory one compiled checker holds
(tracemalloc). The goal of the speed issue is honestcs at least 10x faster than proselint.

proselint is not a dependency of honestcs: install it to compare (``pip install proselint``).
Without it the script says so and exits 0.

Usage: python benchmarks/bench_proselint.py [--replies N]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import honestcs

ROOT = Path(__file__).resolve().parents[1]
# Replies set aside to warm both tools up (lazy compiling, first imports): never timed.
WARM_UP = 100
TARGET = 10.0


def _cases() -> list[dict[str, Any]]:
    """Every corpus case with a reply not seen before, in a fixed order, with its policy path."""
    seen: set[str] = set()
    cases = []
    for corpus in sorted(p.parent for p in (ROOT / "tests").glob("corpus*/cases.jsonl")):
        for line in (corpus / "cases.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            if case["reply"] in seen or not case["reply"].strip():
                continue
            seen.add(case["reply"])
            for place in (corpus / case["policy"], corpus / "policies" / case["policy"]):
                if place.is_file():
                    case["policy_path"] = place
                    break
            cases.append(case)
    return cases


def _proselint() -> Callable[[str], object] | None:
    """The lint of one text by proselint's default checks, or None if it isn't installed."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("<reply>", text).lint()


def _on_one_core() -> str:
    """Pin the process to one core where the system allows it; say which."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _checker_memory(policy_path: Path) -> tuple[int, int]:
    """Bytes a compiled checker holds once made, and at most while it is made."""
    policy = honestcs.load_policy(policy_path)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    checker = honestcs.ReplyChecker(policy)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del checker
    return held - before, peak - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=2000, help="replies to time (>= 1,000)")
    args = parser.parse_args(argv)
    lint = _proselint()
    if lint is None:
        print("proselint is not installed: nothing to compare with (pip install proselint)")
        return 0
    core = _on_one_core()
    cases = _cases()
    warm, timed = cases[:WARM_UP], cases[WARM_UP : WARM_UP + args.replies]
    checkers: dict[Path, honestcs.ReplyChecker] = {}
    for case in cases[: WARM_UP + args.replies]:
        path = case["policy_path"]
        if path not in checkers:
            checkers[path] = honestcs.ReplyChecker(
                honestcs.load_policy(path), max_reply_chars=None, max_customer_chars=None
            )

    def check(case: dict[str, Any]) -> object:
        now = datetime.fromisoformat(case["now"])
        return checkers[case["policy_path"]].check(case["reply"], now=now)

    for case in warm:
        check(case)
        lint(case["reply"])
    ours: list[float] = []
    theirs: list[float] = []
    gc.collect()
    for i, case in enumerate(timed):
        # Alternate which goes first, so neither always runs on a warmer cache.
        for tool in ((check, lint) if i % 2 else (lint, check)):
            start = time.perf_counter()
            tool(case if tool is check else case["reply"])
            (ours if tool is check else theirs).append(1000 * (time.perf_counter() - start))
    ours.sort()
    theirs.sort()
    held, peak = _checker_memory(ROOT / "examples" / "northwind.toml")
    chars = statistics.median(len(c["reply"]) for c in timed)

    print(f"machine: {os.cpu_count()} CPUs, {_cpu_model()}; {core}")
    print(f"Python {platform.python_version()}, honestcs {metadata.version('honestcs')}, "
          f"proselint {metadata.version('proselint')}, regex {metadata.version('regex')}")
    print(f"{len(timed):,} unique corpus replies (median {chars:.0f} characters), "
          f"{len(checkers)} policies, each reply timed once per tool")
    print(f"{'':<24}{'median':>10}{'p99':>10}{'mean':>10}")
    for name, times in (("honestcs check()", ours), ("proselint lint()", theirs)):
        print(f"{name:<24}{statistics.median(times):>7.3f} ms{_percentile(times, 0.99):>7.3f} ms"
              f"{statistics.fmean(times):>7.3f} ms")
    ratio = statistics.median(theirs) / statistics.median(ours)
    print(f"proselint / honestcs:   {ratio:>7.1f}x median, "
          f"{_percentile(theirs, 0.99) / _percentile(ours, 0.99):.1f}x p99, "
          f"{sum(theirs) / sum(ours):.1f}x total   (goal >= {TARGET:.0f}x) "
          f"{'MET' if ratio >= TARGET else 'NOT MET'}")
    print(f"memory of one compiled checker (examples/northwind.toml): {held / 1024:.0f} KiB held, "
          f"{peak / 1024:.0f} KiB at most while compiling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
