"""Scores of the checker on every labelled corpus (SPEC §6): a report, not a gate.

Prints, per corpus, micro precision, recall and F1 over the rule ids reported
against ``expect``, and the share of cases whose rule ids match exactly. The
corpora are a regression net (SPEC §7: once code changed against them, they no
longer measure accuracy); the net itself is the snapshot test in
tests/test_corpus_score.py. The tests import the loading and scoring code here.

Usage: python benchmarks/corpus_scores.py [--failures]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs

import honestcs

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
# tests/corpus: our own cases in four other industries. tests/corpus_*: each written by a
# separate annotator from the SPEC alone, for businesses and wordings the checker had not seen,
# and scored once before the checker was changed to handle what they found.
OUR_CORPORA = sorted(p.parent for p in (ROOT / "tests").glob("corpus*/cases.jsonl"))
# (name, folder): "shared" for the shared corpus, else the folder name.
CORPORA: list[tuple[str, Path]] = [
    ("shared", SHARED_CORPUS),
    *((corpus.name, corpus) for corpus in OUR_CORPORA),
]

Case = dict[str, Any]
# One finding as the snapshots record it: rule id, start and end offsets in the reply.
Span = tuple[str, int, int]


def load_cases(corpus: Path) -> list[Case]:
    """The cases of a corpus folder, in file order (``cases.jsonl`` must exist)."""
    lines = (corpus / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def policy_path(corpus: Path, name: str) -> Path:
    """A case's policy file: beside the corpus, or in its policies/ folder."""
    for candidate in (corpus / name, corpus / "policies" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{corpus}: no policy file {name!r}")


def check_cases(corpus: Path, cases: list[Case]) -> dict[str, list[Span]]:
    """Check every case; its findings as (rule, start, end), sorted by (start, rule, end)."""
    checkers: dict[str, honestcs.ReplyChecker] = {}
    outcomes: dict[str, list[Span]] = {}
    for case in cases:
        name = case["policy"]
        if name not in checkers:
            checkers[name] = honestcs.ReplyChecker(honestcs.load_policy(policy_path(corpus, name)))
        report = checkers[name].check(
            case["reply"],
            customer_message=case["customer"],
            now=datetime.fromisoformat(case["now"]),
        )
        spans = [(f.rule, f.start, f.end) for f in report.findings]
        outcomes[case["id"]] = sorted(spans, key=lambda s: (s[1], s[0], s[2]))
    return outcomes


@attrs.frozen
class Score:
    """Micro-averaged scores over a corpus, with the cases that did not pass."""

    tp: int
    fp: int
    fn: int
    per_rule: dict[str, tuple[int, int, int]]
    failures: list[tuple[str, list[str], list[str]]]
    cases: int = 0

    @property
    def precision(self) -> float:
        """Share of reported rule ids that ``expect`` names."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of expected rule ids that were reported."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact(self) -> float:
        """Share of cases whose set of reported rule ids equals ``expect``."""
        return (self.cases - len(self.failures)) / self.cases if self.cases else 1.0

    def explain(self) -> str:
        """The scores, the failing cases and the rules with errors, one per line."""
        head = (
            f"precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn}); failing cases:"
        )
        cases = [f"  {cid}: want {want}, got {got}" for cid, want, got in self.failures]
        rules = [
            f"  {rule}: tp={tp} fp={fp} fn={fn}"
            for rule, (tp, fp, fn) in sorted(self.per_rule.items())
            if fp or fn
        ]
        return "\n".join([head, *cases, "per rule (with errors):", *rules])


def score(corpus: Path, cases: list[Case]) -> Score:
    """Check every case and compare the set of rule ids reported with ``expect``."""
    outcomes = check_cases(corpus, cases)
    tp = fp = fn = 0
    per_rule: Counter[tuple[str, str]] = Counter()
    failures = []
    for case in cases:
        got = {rule for rule, _, _ in outcomes[case["id"]]}
        want = set(case["expect"])
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        for rule in got & want:
            per_rule[rule, "tp"] += 1
        for rule in got - want:
            per_rule[rule, "fp"] += 1
        for rule in want - got:
            per_rule[rule, "fn"] += 1
        if got != want:
            failures.append((case["id"], sorted(want), sorted(got)))
    rules = {rule for rule, _ in per_rule}
    table = {r: (per_rule[r, "tp"], per_rule[r, "fp"], per_rule[r, "fn"]) for r in rules}
    return Score(tp, fp, fn, table, failures, len(cases))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--failures", action="store_true", help="also list each corpus's failing cases"
    )
    args = parser.parse_args(argv)
    print(f"{'corpus':<20} {'cases':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'exact':>6}")
    for name, corpus in CORPORA:
        if not (corpus / "cases.jsonl").is_file():
            print(f"{name:<20} skipped: no labelled corpus at {corpus / 'cases.jsonl'}")
            continue
        result = score(corpus, load_cases(corpus))
        print(
            f"{name:<20} {result.cases:>5} {result.precision:>9.3f} {result.recall:>7.3f} "
            f"{result.f1:>6.3f} {result.exact:>6.1%}"
        )
        if args.failures:
            for cid, want, got in result.failures:
                print(f"    {cid}: want {want}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
