"""The real-reply benchmark's labels: well-formed, and covering every flag the checker raises.

A precision figure quoted with unlabelled flags claims more than was checked, so a change
that makes a new flag on the real replies fails here until a reviewer has labelled it.
"""

from __future__ import annotations

from collections import Counter

import pytest
import real_replies  # benchmarks/real_replies.py (on the path via conftest)

KEYS = {"conversation_id", "turn_index", "rule", "label", "reason"}


def test_every_flag_label_is_well_formed() -> None:
    """Each label names a conversation, turn and measured rule, a verdict and a reason."""
    labels = real_replies._read_jsonl(real_replies.FLAG_LABELS)
    assert labels, f"no labels at {real_replies.FLAG_LABELS}"
    for line in labels:
        assert set(line) >= KEYS, line
        assert line["rule"] in real_replies.MEASURED, line
        assert isinstance(line["label"], bool), line
        assert line["reason"].strip(), line
    keys = Counter(real_replies._key(line, line["rule"]) for line in labels)
    assert [key for key, n in keys.items() if n > 1] == []


def test_every_miss_sample_line_is_well_formed() -> None:
    """Each read reply lists its problems (possibly none), each with a rule and a reason."""
    sample = real_replies._read_jsonl(real_replies.MISS_SAMPLE)
    assert len(sample) >= 200
    for line in sample:
        assert {"conversation_id", "turn_index", "problems"} <= set(line), line
        for problem in line["problems"]:
            assert problem["rule"] in real_replies.MEASURED and problem["reason"].strip(), line


def test_every_flag_on_the_real_replies_has_a_label() -> None:
    """No flag of a measured rule goes unlabelled (label new flags before quoting precision)."""
    if not real_replies.REPLIES.exists():
        pytest.skip(f"no real replies at {real_replies.REPLIES}")
    labels = {
        real_replies._key(line, line["rule"])
        for line in real_replies._read_jsonl(real_replies.FLAG_LABELS)
    }
    rows = real_replies._read_jsonl(real_replies.REPLIES)
    unlabelled = [
        (row["conversation_id"], row["turn_index"], finding.rule)
        for row, report, _ in real_replies._checked(rows, None)
        for finding in report.findings
        if finding.rule in real_replies.MEASURED
        and real_replies._key(row, finding.rule) not in labels
    ]
    hint = "label these (python benchmarks/real_replies.py --export-unlabelled FILE)"
    assert unlabelled == [], hint
