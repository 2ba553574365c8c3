"""The labelled corpora (SPEC §6): the checker's micro precision, recall and F1 stay high."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import honestcs
from honestcs.policy import KNOWN_RULE_IDS

SHARED_CORPUS = Path(__file__).parents[2] / "shared" / "corpus"
# tests/corpus: our own cases in four other industries. tests/corpus_*: each written by a
# separate annotator from the SPEC alone, for businesses and wordings the checker had not seen,
# and scored once before the checker was changed to handle what they found.
OUR_CORPORA = sorted(p.parent for p in Path(__file__).parent.glob("corpus*/cases.jsonl"))

MIN_F1 = 0.95
MIN_PRECISION = 0.97

CORPORA = [
    pytest.param(SHARED_CORPUS, id="shared"),
    *(pytest.param(corpus, id=corpus.name) for corpus in OUR_CORPORA),
]


def _cases(corpus: Path) -> list[dict[str, Any]]:
    """The cases of a corpus folder, or skip when the corpus isn't there."""
    path = corpus / "cases.jsonl"
    if not path.is_file():
        pytest.skip(f"no labelled corpus at {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _policy_path(corpus: Path, name: str) -> Path:
    """A case's policy file: beside the corpus, or in its policies/ folder."""
    for candidate in (corpus / name, corpus / "policies" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"{corpus}: no policy file {name!r}")


@attrs.frozen
class Score:
    """Micro-averaged scores over a corpus, with the cases that did not pass."""

    tp: int
    fp: int
    fn: int
    per_rule: dict[str, tuple[int, int, int]]
    failures: list[tuple[str, list[str], list[str]]]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def explain(self) -> str:
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


def score(corpus: Path, cases: list[dict[str, Any]]) -> Score:
    """Check every case and compare the set of rule ids reported with ``expect``."""
    checkers: dict[str, honestcs.ReplyChecker] = {}
    tp = fp = fn = 0
    per_rule: Counter[tuple[str, str]] = Counter()
    failures = []
    for case in cases:
        name = case["policy"]
        if name not in checkers:
            checkers[name] = honestcs.ReplyChecker(
                honestcs.load_policy(_policy_path(corpus, name))
            )
        report = checkers[name].check(
            case["reply"],
            customer_message=case["customer"],
            now=datetime.fromisoformat(case["now"]),
        )
        got = {f.rule for f in report.findings}
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
    return Score(tp, fp, fn, table, failures)


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_is_well_formed(corpus: Path) -> None:
    """Every case has the SPEC §6 keys, a unique id, an aware now, known rules and a policy."""
    cases = _cases(corpus)
    assert cases, f"{corpus} has no cases"
    ids = Counter(case["id"] for case in cases)
    assert [i for i, n in ids.items() if n > 1] == []
    for case in cases:
        assert {"id", "policy", "customer", "reply", "now", "expect"} <= set(case), case["id"]
        assert isinstance(case["reply"], str), case["id"]
        assert case["customer"] is None or isinstance(case["customer"], str), case["id"]
        assert datetime.fromisoformat(case["now"]).tzinfo is not None, case["id"]
        assert set(case["expect"]) <= set(KNOWN_RULE_IDS), case["id"]
        assert _policy_path(corpus, case["policy"]).is_file()


@pytest.mark.parametrize("corpus", CORPORA)
def test_corpus_score(corpus: Path) -> None:
    """Over a labelled corpus, micro F1 is at least 0.95 and precision at least 0.97."""
    cases = _cases(corpus)
    result = score(corpus, cases)
    assert result.f1 >= MIN_F1 and result.precision >= MIN_PRECISION, result.explain()


def test_score_counts_hits_misses_and_false_alarms(tmp_path: Path) -> None:
    """The scoring loop counts right, missed and extra rule ids, and names failing cases."""
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "p.toml").write_text(
        '[policy]\nname = "P"\ntimezone = "UTC"\n\n[[can]]\nid = "refund"\n'
        'does = "refund"\nterms = ["refund"]\ntakes = "5-7 business days"\n',
        encoding="utf-8",
    )
    now = "2026-12-01T10:00:00+00:00"
    cases = [
        {"id": "hit", "policy": "p.toml", "customer": None, "now": now,
         "reply": "We'll refund you in 2 days.", "expect": ["overpromise"]},
        {"id": "false-alarm", "policy": "p.toml", "customer": None, "now": now,
         "reply": "I guarantee it.", "expect": []},
        {"id": "miss", "policy": "p.toml", "customer": None, "now": now,
         "reply": "Refunds take 5 to 7 business days.", "expect": ["sycophancy"]},
    ]  # fmt: skip
    result = score(tmp_path, cases)
    assert (result.tp, result.fp, result.fn) == (1, 1, 1)
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert result.per_rule == {
        "overpromise": (1, 0, 0),
        "absolute-guarantee": (0, 1, 0),
        "sycophancy": (0, 0, 1),
    }
    assert [cid for cid, _, _ in result.failures] == ["false-alarm", "miss"]
    assert "false-alarm: want [], got ['absolute-guarantee']" in result.explain()
