"""The labelled corpora (SPEC §6) against snapshots of the checker's findings.

The corpora are a regression net (SPEC §7), so the gate is exact: every case's findings
(rule, start, end) must equal the line recorded for it in tests/snapshots/<corpus>.jsonl.
Scores are reported, not gated, by benchmarks/corpus_scores.py. To accept a change on
purpose: ``pytest tests/test_corpus_score.py --snapshot-update`` (tests/snapshots/README.md).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from corpus_scores import CORPORA, Case, Span, check_cases, load_cases, policy_path, score

from honestcs.policy import KNOWN_RULE_IDS

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE_COMMAND = ".venv/bin/python -m pytest tests/test_corpus_score.py --snapshot-update"

CORPUS_PARAMS = [pytest.param(name, corpus, id=name) for name, corpus in CORPORA]


def _cases(corpus: Path) -> list[Case]:
    """The cases of a corpus folder, or skip when the corpus isn't there."""
    path = corpus / "cases.jsonl"
    if not path.is_file():
        pytest.skip(f"no labelled corpus at {path}")
    return load_cases(corpus)


def snapshot_text(cases: list[Case], outcomes: dict[str, list[Span]]) -> str:
    """The snapshot file for a corpus: one JSON line per case, in corpus order."""
    lines = [
        json.dumps(
            {"id": case["id"], "findings": [list(span) for span in outcomes[case["id"]]]},
            ensure_ascii=False,
        )
        for case in cases
    ]
    return "".join(line + "\n" for line in lines)


def _parse_snapshot(text: str) -> list[tuple[str, list[Span]]]:
    """The (id, findings) lines of a snapshot file."""
    entries = []
    for line in text.splitlines():
        if line.strip():
            entry = json.loads(line)
            spans = [(str(rule), int(start), int(end)) for rule, start, end in entry["findings"]]
            entries.append((str(entry["id"]), spans))
    return entries


def _show(reply: str, spans: list[Span], others: list[Span], mark: str) -> list[str]:
    """One line per finding, marked when ``others`` lacks it, with the span's text quoted."""
    if not spans:
        return ["      (no findings)"]
    return [
        f"    {mark if span not in others else ' '} {span[0]} [{span[1]}:{span[2]}] "
        f"{json.dumps(reply[span[1] : span[2]], ensure_ascii=False)}"
        for span in spans
    ]


def snapshot_diff(cases: list[Case], outcomes: dict[str, list[Span]], snapshot: str) -> list[str]:
    """Each difference between the current findings and a snapshot file, readably; [] if none.

    A changed case shows its id, its ``expect`` label, the snapshot's findings and the
    current ones, each with the text of its span in the reply ('-' marks a finding only in
    the snapshot, '+' one only reported now). A case missing from the snapshot, a snapshot
    line whose case is gone, and an id recorded twice are differences too.
    """
    entries = _parse_snapshot(snapshot)
    recorded = dict(entries)
    problems = [
        f"{cid}: recorded {n} times in the snapshot"
        for cid, n in Counter(cid for cid, _ in entries).items()
        if n > 1
    ]
    corpus_ids = {case["id"] for case in cases}
    problems += [
        f"{cid}: in the snapshot, but no longer in the corpus"
        for cid, _ in entries
        if cid not in corpus_ids
    ]
    for case in cases:
        cid, reply, now = case["id"], case["reply"], outcomes[case["id"]]
        head = f"{cid}: expect {sorted(case['expect'])}"
        if cid not in recorded:
            lines = [f"{head}; not in the snapshot", "  current:", *_show(reply, now, [], "+")]
            problems.append("\n".join(lines))
        elif recorded[cid] != now:
            was = recorded[cid]
            problems.append(
                "\n".join([
                    head,
                    "  snapshot:",
                    *_show(reply, was, now, "-"),
                    "  current:",
                    *_show(reply, now, was, "+"),
                ])
            )  # fmt: skip
    return problems


@pytest.mark.parametrize("corpus", [corpus for _, corpus in CORPORA], ids=[n for n, _ in CORPORA])
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
        assert policy_path(corpus, case["policy"]).is_file()


@pytest.mark.parametrize(("name", "corpus"), CORPUS_PARAMS)
def test_corpus_matches_snapshot(name: str, corpus: Path, snapshot_update: bool) -> None:
    """Every case's findings (rule, start, end) are the ones its snapshot line records."""
    cases = _cases(corpus)
    outcomes = check_cases(corpus, cases)
    path = SNAPSHOTS / f"{name}.jsonl"
    if snapshot_update:
        text = snapshot_text(cases, outcomes)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            SNAPSHOTS.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return
    if not path.is_file():
        pytest.fail(f"no snapshot at {path}; create it with: {UPDATE_COMMAND}", pytrace=False)
    problems = snapshot_diff(cases, outcomes, path.read_text(encoding="utf-8"))
    if problems:
        pytest.fail(
            "\n".join([
                f"{len(problems)} case(s) of corpus {name!r} differ from {path}",
                "('-': only in the snapshot, '+': only reported now)",
                *problems,
                f"If every change is intended, review it and accept it with: {UPDATE_COMMAND}",
            ]),
            pytrace=False,
        )  # fmt: skip


def test_every_snapshot_has_a_corpus() -> None:
    """No snapshot file is left behind by a corpus that was renamed or removed."""
    names = {name for name, _ in CORPORA}
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.jsonl") if p.stem not in names) == []


def _tiny_corpus(folder: Path) -> list[Case]:
    """A one-policy corpus in ``folder`` with a hit, a false alarm and a miss."""
    (folder / "policies").mkdir()
    (folder / "policies" / "p.toml").write_text(
        '[policy]\nname = "P"\ntimezone = "UTC"\n\n[[can]]\nid = "refund"\n'
        'does = "refund"\nterms = ["refund"]\ntakes = "5-7 business days"\n',
        encoding="utf-8",
    )
    now = "2026-12-01T10:00:00+00:00"
    return [
        {"id": "hit", "policy": "p.toml", "customer": None, "now": now,
         "reply": "We'll refund you in 2 days.", "expect": ["overpromise"]},
        {"id": "false-alarm", "policy": "p.toml", "customer": None, "now": now,
         "reply": "I guarantee it.", "expect": []},
        {"id": "miss", "policy": "p.toml", "customer": None, "now": now,
         "reply": "Refunds take 5 to 7 business days.", "expect": ["sycophancy"]},
    ]  # fmt: skip


def test_score_counts_hits_misses_and_false_alarms(tmp_path: Path) -> None:
    """The scoring loop counts right, missed and extra rule ids, and names failing cases."""
    cases = _tiny_corpus(tmp_path)
    result = score(tmp_path, cases)
    assert (result.tp, result.fp, result.fn) == (1, 1, 1)
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert result.exact == 1 / 3
    assert result.per_rule == {
        "overpromise": (1, 0, 0),
        "absolute-guarantee": (0, 1, 0),
        "sycophancy": (0, 0, 1),
    }
    assert [cid for cid, _, _ in result.failures] == ["false-alarm", "miss"]
    assert "false-alarm: want [], got ['absolute-guarantee']" in result.explain()


def test_snapshot_round_trips_and_matches_itself(tmp_path: Path) -> None:
    """A snapshot written from the current findings compares equal, with sorted spans."""
    cases = _tiny_corpus(tmp_path)
    outcomes = check_cases(tmp_path, cases)
    text = snapshot_text(cases, outcomes)
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["id"] for line in lines] == ["hit", "false-alarm", "miss"]
    assert lines[2]["findings"] == []
    assert [rule for rule, _, _ in lines[0]["findings"]] == ["overpromise"]
    assert snapshot_diff(cases, outcomes, text) == []


def test_snapshot_diff_reports_a_changed_span(tmp_path: Path) -> None:
    """The net can fail: one altered span is reported with its case, label and quoted text."""
    cases = _tiny_corpus(tmp_path)
    outcomes = check_cases(tmp_path, cases)
    (rule, start, end), *rest = outcomes["hit"]
    altered = {**outcomes, "hit": [(rule, start + 1, end), *rest]}
    problems = snapshot_diff(cases, outcomes, snapshot_text(cases, altered))
    assert len(problems) == 1
    reply = cases[0]["reply"]
    assert problems[0].startswith("hit: expect ['overpromise']\n  snapshot:\n")
    assert f"- {rule} [{start + 1}:{end}] {json.dumps(reply[start + 1 : end])}" in problems[0]
    assert f"+ {rule} [{start}:{end}] {json.dumps(reply[start:end])}" in problems[0]


def test_snapshot_diff_reports_missing_gone_and_doubled_cases(tmp_path: Path) -> None:
    """A case absent from the snapshot, a snapshot line without a case, and a doubled id fail."""
    cases = _tiny_corpus(tmp_path)
    outcomes = check_cases(tmp_path, cases)
    lines = snapshot_text(cases, outcomes).splitlines()
    stale = json.dumps({"id": "gone", "findings": []})
    snapshot = "\n".join([lines[0], lines[0], lines[1], stale]) + "\n"
    problems = snapshot_diff(cases, outcomes, snapshot)
    assert problems == [
        "hit: recorded 2 times in the snapshot",
        "gone: in the snapshot, but no longer in the corpus",
        "miss: expect ['sycophancy']; not in the snapshot\n  current:\n      (no findings)",
    ]
    # A dropped or added finding is a difference as well as a moved one.
    dropped = {**outcomes, "false-alarm": []}
    problems = snapshot_diff(cases, outcomes, snapshot_text(cases, dropped))
    assert [p.split(":")[0] for p in problems] == ["false-alarm"]
    assert "absolute-guarantee" in problems[0] and "(no findings)" in problems[0]
