"""The checker on real replies nobody here wrote: flag rates, and precision from reviewers' labels.

The 3,969 replies in ``../shared/external/agent_replies.jsonl`` were written by
real agents and chatbots (tau-bench, tau2-bench, IBM Twitter customer care,
ABCD). Each is checked under the ``examples/`` policy of its domain, with the
customer's message before it.

Labels live beside this script in ``real_replies/``:

- ``flag_labels.jsonl``: one line per (conversation, turn, rule) that was ever
  flagged by a rule SPEC §3 sets at warning or error level, with ``"label": true``
  (the flag is right by SPEC §3) or ``false`` and a one-line ``reason``. Labels come from reviewers
  who have not read the checker's code; they were given SPEC.md, the policy and
  the reply.
- ``miss_sample.jsonl``: a fixed random sample of replies that had no finding
  when it was drawn, each read by a reviewer for problems (``problems``: a list
  of ``{"rule", "quote", "reason"}``, empty when the reply is fine).

The report prints flag rates per domain, then per-rule precision over the
labelled flags of this run, the miss estimate from the sample, and how many of
this run's flags still have no label (a figure quoted with unlabelled flags
claims more than was checked).

Usage::

    python benchmarks/real_replies.py                  # the figures
    python benchmarks/real_replies.py --show RULE      # print flagged replies of RULE
    python benchmarks/real_replies.py --export-unlabelled FILE   # flags to give a reviewer
    python benchmarks/real_replies.py --draw-miss-sample N FILE  # unflagged replies to read
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import honestcs

ROOT = Path(__file__).resolve().parents[1]
REPLIES = ROOT.parent / "shared" / "external" / "agent_replies.jsonl"
LABELS = Path(__file__).resolve().parent / "real_replies"
FLAG_LABELS = LABELS / "flag_labels.jsonl"
MISS_SAMPLE = LABELS / "miss_sample.jsonl"
POLICIES = {
    "airline": ROOT / "examples" / "airline.toml",
    "retail": ROOT / "examples" / "retail.toml",
    "telecom": ROOT / "examples" / "telecom.toml",
    "ecommerce": ROOT / "examples" / "ecommerce.toml",
    "general": ROOT / "examples" / "general.toml",
}
# The replies carry no timestamps; a fixed weekday morning keeps the run repeatable.
NOW = "2026-12-01T10:00:00"
# Rules whose flags are labelled and measured: those SPEC §3 sets at error or warning,
# whatever severity they ship with today (a rule below its precision bar ships one level
# lower until it earns its place back, so its flags are still measured).
MEASURED = (
    "overpromise", "policy-misstatement", "unauthorized-promise", "prohibited-compliance",
    "absolute-guarantee", "unexplained-refusal", "sycophancy", "unanswered-question",
)  # fmt: skip

Key = tuple[str, int, str]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _checked(
    rows: list[dict[str, Any]], domain: str | None
) -> Iterator[tuple[dict[str, Any], honestcs.Report, float]]:
    """Each reply of a known domain with its report and the time its check took."""
    checkers: dict[str, tuple[honestcs.ReplyChecker, honestcs.Policy]] = {}
    for name, path in POLICIES.items():
        if path.exists():
            policy = honestcs.load_policy(path)
            checkers[name] = (honestcs.ReplyChecker(policy), policy)
    for row in rows:
        if (domain and row["domain"] != domain) or row["domain"] not in checkers:
            continue
        checker, policy = checkers[row["domain"]]
        now = datetime.fromisoformat(NOW).replace(tzinfo=policy.calendar.tz)
        started = time.perf_counter()
        report = checker.check(row["text"], customer_message=row.get("previous_user_text"), now=now)
        yield row, report, time.perf_counter() - started


def _key(row: dict[str, Any], rule: str) -> Key:
    return (row["conversation_id"], int(row["turn_index"]), rule)


def _rates(name: str, replies: int, errors: int, flagged: int) -> str:
    error_rate, any_rate = 100 * errors / replies, 100 * flagged / replies
    return f"{name:10} {replies:7} {error_rate:6.1f}% {any_rate:5.1f}%"


def _precision(right: int, wrong: int) -> str:
    n = right + wrong
    return f"{right / n:6.1%}" if n else "     -"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add("--show", action="append", default=[], help="print replies flagged by RULE")
    add("--severity", default=None, help="print replies with a finding of this severity")
    add("--limit", type=int, default=40, help="how many replies --show prints")
    add("--domain", default=None, help="only replies of this domain")
    add("--wrong", action="store_true", help="with --show: only flags labelled false")
    add("--export-unlabelled", type=Path, metavar="FILE", help="write this run's unlabelled flags")
    add(
        "--draw-miss-sample",
        nargs=2,
        metavar=("N", "FILE"),
        help="write N random unflagged replies",
    )
    args = parser.parse_args()
    if not REPLIES.exists():
        print(f"no replies at {REPLIES}", file=sys.stderr)
        return 2
    rows = _read_jsonl(REPLIES)
    labels: dict[Key, dict[str, Any]] = {
        (r["conversation_id"], int(r["turn_index"]), r["rule"]): r for r in _read_jsonl(FLAG_LABELS)
    }
    sample = {(r["conversation_id"], int(r["turn_index"])): r for r in _read_jsonl(MISS_SAMPLE)}

    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    right: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    right_by_severity: Counter[str] = Counter()
    wrong_by_severity: Counter[str] = Counter()
    unlabelled: list[dict[str, Any]] = []
    unflagged: list[dict[str, Any]] = []
    sample_read = sample_missed = 0
    missed_rules: Counter[str] = Counter()
    shown = 0
    elapsed = 0.0
    for row, report, took in _checked(rows, args.domain):
        elapsed += took
        domain = row["domain"]
        total[domain] += 1
        errors[domain] += not report.ok
        flagged[domain] += bool(report.findings)
        if not report.findings:
            unflagged.append(row)
        measured = [f for f in report.findings if f.rule in MEASURED]
        rules_here = {f.rule for f in measured}
        for finding in report.findings:
            by_rule[domain][finding.rule] += 1
        for rule in sorted(rules_here):
            label = labels.get(_key(row, rule))
            first = next(f for f in measured if f.rule == rule)
            if label is None:
                unlabelled.append({
                    "conversation_id": row["conversation_id"], "turn_index": row["turn_index"],
                    "domain": domain, "rule": rule, "severity": first.severity.value,
                    "policy": str(POLICIES[domain].relative_to(ROOT)),
                    "customer": row.get("previous_user_text"), "reply": row["text"],
                    "flagged": [row["text"][f.start:f.end] for f in measured if f.rule == rule],
                    "message": first.message,
                })  # fmt: skip
            elif label["label"]:
                right[rule] += 1
                right_by_severity[first.severity.value] += 1
            else:
                wrong[rule] += 1
                wrong_by_severity[first.severity.value] += 1
        read = sample.get((row["conversation_id"], int(row["turn_index"])))
        if read is not None and not measured:
            sample_read += 1
            problems = {p["rule"] for p in read.get("problems", [])}
            if problems:
                sample_missed += 1
                missed_rules.update(problems)
        wanted = [
            f
            for f in report.findings
            if f.rule in args.show or (args.severity and f.severity.value == args.severity)
        ]
        if args.wrong:
            wanted = [
                f for f in wanted if not labels.get(_key(row, f.rule), {"label": True})["label"]
            ]
        if wanted and shown < args.limit:
            shown += 1
            print(f"--- {domain} {row['conversation_id']}#{row['turn_index']}")
            print(f"CUSTOMER: {(row.get('previous_user_text') or '')[:300]}")
            print(f"REPLY: {row['text'][:700]}")
            for f in wanted:
                label = labels.get(_key(row, f.rule))
                verdict = (
                    "unlabelled"
                    if label is None
                    else f"{label['label']}: {label.get('reason', '')}"
                )
                print(f"  [{f.rule}] {row['text'][f.start : f.end][:120]!r}: {f.message}")
                print(f"     label {verdict}")

    if args.export_unlabelled:
        args.export_unlabelled.write_text(
            "".join(json.dumps(u, ensure_ascii=False) + "\n" for u in unlabelled), encoding="utf-8"
        )
    if args.draw_miss_sample:
        count, path = int(args.draw_miss_sample[0]), Path(args.draw_miss_sample[1])
        drawn = random.Random(20261202).sample(unflagged, min(count, len(unflagged)))
        fields = ("conversation_id", "turn_index", "domain", "text")
        lines = [
            json.dumps(
                {
                    **{k: r[k] for k in fields},
                    "policy": str(POLICIES[r["domain"]].relative_to(ROOT)),
                    "customer": r.get("previous_user_text"),
                },
                ensure_ascii=False,
            )
            for r in drawn
        ]
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    print(f"{'domain':10} {'replies':>7} {'error%':>7} {'any%':>6}  findings by rule")
    for domain in sorted(total):
        rules = ", ".join(f"{r} {c}" for r, c in by_rule[domain].most_common())
        print(_rates(domain, total[domain], errors[domain], flagged[domain]) + f"  {rules}")
    n = sum(total.values())
    print(_rates("all", n, sum(errors.values()), sum(flagged.values())))
    print(f"mean check {1e3 * elapsed / n:.3f} ms")
    print()
    print(f"{'rule (labelled flags)':28} {'right':>5} {'wrong':>5} {'precision':>9}")
    for rule in sorted(set(right) | set(wrong)):
        precision = _precision(right[rule], wrong[rule])
        print(f"{rule:28} {right[rule]:5} {wrong[rule]:5} {precision:>9}")
    e_right, e_wrong = right_by_severity["error"], wrong_by_severity["error"]
    precision = _precision(e_right, e_wrong).strip()
    print(f"error-level flags right: {precision} of {e_right + e_wrong} labelled")
    print(f"replies error-flagged: {100 * sum(errors.values()) / n:.2f}% of {n}")
    if sample_read:
        rate = sample_missed / sample_read
        rules = ", ".join(f"{r} {c}" for r, c in missed_rules.most_common())
        print(
            f"miss estimate: {sample_missed} of {sample_read} sampled unflagged replies hold a"
            f" problem ({rate:.1%}, ~{round(rate * len(unflagged))} of {len(unflagged)} unflagged)"
            + (f": {rules}" if rules else "")
        )
    else:
        print("miss estimate: no sampled replies read yet")
    print(f"unlabelled flags: {len(unlabelled)} - label them before quoting precision")
    return 0


if __name__ == "__main__":
    sys.exit(main())
