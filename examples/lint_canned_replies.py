"""Lint a folder of canned replies (saved replies, macros, templates) against a policy.

Every ``.txt`` and ``.md`` file in the folder is one reply. Each finding is
printed as ``file:line:column: severity rule: message``, the way compilers
and linters print theirs, so editors and CI logs can link to it. The exit
status is the command line's: 0 when no reply has an error finding, 1 when
one does, 2 when the folder has no replies.

Run it with ``python examples/lint_canned_replies.py [FOLDER] [POLICY]``;
by default it lints ``examples/replies/`` against ``examples/northwind.toml``.
The command line does the same with
``honestcs check --policy POLICY FOLDER``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import honestcs

HERE = Path(__file__).parent

# Canned replies are not sent at one moment, but a promise such as "by Friday"
# still needs a "now" to be checked against. A fixed one keeps the output the
# same on every run: Tuesday 1 December 2026, 10:00 in Chicago.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("America/Chicago"))


def lint(folder: Path, checker: honestcs.ReplyChecker) -> tuple[int, int, int]:
    """Print every finding in the folder's replies; return (replies, errors, other findings)."""
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    errors = others = 0
    for path in files:
        report = checker.check(path.read_text(encoding="utf-8"), now=NOW)
        # to_dict() gives each finding's line and column as well as its offsets.
        for finding in report.to_dict()["findings"]:
            where = f"{path.relative_to(folder.parent)}:{finding['line']}:{finding['column']}"
            print(f"{where}: {finding['severity']} {finding['rule']}: {finding['message']}")
            if finding["severity"] == "error":
                errors += 1
            else:
                others += 1
    return len(files), errors, others


def count(n: int, one: str, many: str | None = None) -> str:
    """How many, in words: "1 reply", "4 replies"."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else HERE / "replies"
    policy = honestcs.load_policy(Path(args[1]) if len(args) > 1 else HERE / "northwind.toml")
    replies, errors, others = lint(folder, honestcs.ReplyChecker(policy))
    if not replies:
        print(f"{folder}: no .txt or .md replies in this folder", file=sys.stderr)
        return 2
    checked = count(replies, "reply", "replies")
    print(f"{checked} checked: {count(errors, 'error')}, {count(others, 'other finding')}")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
