"""How check() grows with its input: 10 KB, 100 KB and 1 MB of each kind of hard text.

Run: python benchmarks/bench_complexity.py [--max-bytes N] [--budget SECONDS]

For each kind of input it prints the time of one check at each size and the ratio
time(1 MB) / time(100 KB). Ten times the text in ten times the time is linear; the goal
is a ratio of at most 12, and a 1 MB reply in under 2 s. The checker is built with no
size limit (the default refuses replies over 100 KB). The last kind checks prose against
a policy of 5,000 more clauses whose wildcard terms all open with "refund", a word the
prose repeats: it should cost little more than the example policy. A size whose smaller size already
took longer than the budget is not run, and the line says so: the script never hangs.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import honestcs

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
SIZES = (10_000, 100_000, 1_000_000)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Each kind gives (reply, customer message) at a size in characters.
Kind = Callable[[int], tuple[str, str | None]]

KINDS: dict[str, Kind] = {
    "prose": lambda n: (_repeat(
        "Thanks for your patience! I've started your refund today, and the money will be back "
        "on your card within 7 business days. Your sofa will arrive by Friday. ", n), None),
    "one sentence without stops": lambda n: (_repeat("we will look into the refund and ", n), None),
    "amounts in separate sentences": lambda n: (_repeat("A voucher of $25 is on its way. ", n),
                                                None),
    "durations and dates": lambda n: (_repeat(
        "within 3 business days, by Friday, on 12/12, in 2 weeks; ", n), None),
    # Each time beside a term of the policy, all in one sentence: every time is weighed
    # against every term it could belong to. Without the "and", the sentence is one clause,
    # which every time reads up to itself.
    "times beside terms in one sentence": lambda n: (_repeat("we refund in 2 days and ", n),
                                                      None),
    "times beside terms in one clause": lambda n: (_repeat("we refund in 2 days ", n), None),
    # The same with amounts: each is weighed against the amounts between it and each term.
    "amounts beside terms in one sentence": lambda n: (_repeat("a 20% discount and ", n),
                                                        None),
    "questions in the customer's message": lambda n: (
        "Thanks for writing in. Your refund takes 5 to 7 business days.",
        _repeat("How long does the refund take, and can I change the delivery date? ", n)),
    "deep quotes and brackets": lambda n: (_repeat('("[\'refund\']") ', n), None),
    "one character": lambda n: ("x" * n, None),
    "whitespace": lambda n: ("x" + " " * (n - 2) + "x", None),
}  # fmt: skip

# The kinds checked against the policy of 5,000 more clauses.
MANY_CLAUSES = 5_000
CLAUSE_KINDS: dict[str, Kind] = {
    f"prose, {MANY_CLAUSES:,} clauses of one first word": KINDS["prose"],
}


def _many_clauses(policy: honestcs.Policy) -> honestcs.Policy:
    """The policy with clauses whose terms share their first word and have wildcards."""
    data = policy.to_dict()
    data["can"] = [
        *data.get("can", []),
        *(
            {"id": f"plan-{i}", "does": f"refund plan {i}", "terms": [f"refund * zq{i} * plan"],
             "takes": "3 days"}
            for i in range(MANY_CLAUSES)
        ),
    ]  # fmt: skip
    return honestcs.Policy.from_dict(data)


def _time(checker: honestcs.ReplyChecker, reply: str, customer: str | None) -> float:
    started = time.perf_counter()
    checker.check(reply, customer_message=customer, now=NOW)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-bytes", type=int, default=SIZES[-1])
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per size (default 30)")
    args = parser.parse_args(argv)
    policy = honestcs.load_policy(ROOT / "examples" / "northwind.toml")
    limits: dict[str, None] = {"max_reply_chars": None, "max_customer_chars": None}
    checker = honestcs.ReplyChecker(policy, **limits)
    many = honestcs.ReplyChecker(_many_clauses(policy), **limits)
    sizes = [s for s in SIZES if s <= args.max_bytes]
    print(f"{'input':<44}" + "".join(f"{s // 1000:>9,} KB" for s in sizes) + "   1 MB/100 KB")
    kinds = [(name, make, checker) for name, make in KINDS.items()]
    kinds += [(name, make, many) for name, make in CLAUSE_KINDS.items()]
    for name, make, kind_checker in kinds:
        times: list[float | None] = []
        for size in sizes:
            if times and (times[-1] is None or times[-1] > args.budget):
                times.append(None)
                continue
            reply, customer = make(size)
            times.append(_time(kind_checker, reply, customer))
        cells = "".join(f"{t:>10.3f} s" if t is not None else f"{'not run':>12}" for t in times)
        ratio = ""
        if len(times) == len(SIZES) and times[1] and times[2] is not None:
            ratio = f"{times[2] / times[1]:>8.1f}x"
        elif len(times) == len(SIZES):
            ratio = "  (1 MB not run: 100 KB over the budget)"
        print(f"{name:<44}{cells}   {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
