"""Run the checker over the real agent replies in ../shared/external and print flag rates.

Most of those replies are honest, so a high error rate means false alarms.
Usage: python benchmarks/real_replies.py [--show RULE] [--limit N] [--domain D]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import honestcs

ROOT = Path(__file__).resolve().parents[1]
REPLIES = ROOT.parent / "shared" / "external" / "agent_replies.jsonl"
POLICIES = {
    "airline": ROOT / "examples" / "airline.toml",
    "retail": ROOT / "examples" / "retail.toml",
    "telecom": ROOT / "examples" / "telecom.toml",
    "ecommerce": ROOT / "examples" / "ecommerce.toml",
    "general": ROOT / "examples" / "general.toml",
}
# The replies carry no timestamps; a fixed weekday morning keeps the run repeatable.
NOW = "2026-12-01T10:00:00"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    add = parser.add_argument
    add("--show", action="append", default=[], help="print replies flagged by RULE")
    add("--severity", default=None, help="print replies with a finding of this severity")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--domain", default=None)
    args = parser.parse_args()
    if not REPLIES.exists():
        print(f"no replies at {REPLIES}", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in REPLIES.read_text(encoding="utf-8").splitlines() if line]
    checkers = {}
    for domain, path in POLICIES.items():
        if path.exists():
            policy = honestcs.load_policy(path)
            checkers[domain] = (honestcs.ReplyChecker(policy), policy)
    total: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    shown = 0
    elapsed = 0.0
    for row in rows:
        domain = row["domain"]
        if (args.domain and domain != args.domain) or domain not in checkers:
            continue
        checker, policy = checkers[domain]
        now = datetime.fromisoformat(NOW).replace(tzinfo=policy.calendar.tz)
        started = time.perf_counter()
        report = checker.check(row["text"], customer_message=row.get("previous_user_text"), now=now)
        elapsed += time.perf_counter() - started
        total[domain] += 1
        if not report.ok:
            errors[domain] += 1
        if report.findings:
            flagged[domain] += 1
        for finding in report.findings:
            by_rule[domain][finding.rule] += 1
        wanted = [
            f for f in report.findings
            if f.rule in args.show or (args.severity and f.severity.value == args.severity)
        ]
        if wanted and shown < args.limit:
            shown += 1
            print(f"--- {domain} {row['conversation_id']}#{row['turn_index']}")
            print(f"CUSTOMER: {(row.get('previous_user_text') or '')[:300]}")
            print(f"REPLY: {row['text'][:700]}")
            for f in wanted:
                print(f"  [{f.rule}] {row['text'][f.start:f.end][:120]!r}: {f.message}")
    print(f"{'domain':10} {'replies':>7} {'error%':>7} {'any%':>6}  findings by rule")
    for domain in sorted(total):
        n = total[domain]
        rules = ", ".join(f"{r} {c}" for r, c in by_rule[domain].most_common())
        error_rate, any_rate = 100 * errors[domain] / n, 100 * flagged[domain] / n
        print(f"{domain:10} {n:7} {error_rate:6.1f}% {any_rate:5.1f}%  {rules}")
    n = sum(total.values())
    error_rate, any_rate = 100 * sum(errors.values()) / n, 100 * sum(flagged.values()) / n
    print(f"{'all':10} {n:7} {error_rate:6.1f}% {any_rate:5.1f}%")
    print(f"mean check {1e3 * elapsed / n:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
