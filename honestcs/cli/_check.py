"""``honestcs check``: check replies against a policy.

Replies come from files (one reply each; ``.jsonl`` files hold one reply a
line as ``{"reply": ..., "customer": ..., "id": ...}``), folders (every
``.txt`` and ``.md`` file inside, sorted), or standard input (``-``, or no
file at all). Exit status: 0 when no reply has a finding of the ``--fail-on``
severity (default error) or worse, 1 when one does (0 with ``--exit-zero``),
2 on a usage, policy or input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs

from honestcs._links import DOCS_URL, rule_url
from honestcs._terminal import terminal_safe
from honestcs._text_files import json_lines, read_text
from honestcs._times import EXAMPLE, parse_instant
from honestcs.checker import DEFAULT_MAX_CHARS, ReplyChecker
from honestcs.cli._config import FORMATS, Settings, find_config, read_config, resolve
from honestcs.cli._jsonl import JsonlRun, run_jsonl
from honestcs.cli._options import MAX_JOBS, utf8_text, whole_number
from honestcs.cli._record import EXIT_INTERRUPTED, Recording
from honestcs.cli._selection import fails, parse_rule_list, select_rules
from honestcs.cli._streams import read_stdin
from honestcs.exceptions import HonestCSError, ReplyTooLongError
from honestcs.policy import Policy
from honestcs.policy._loading import load_policy
from honestcs.render.github import render_github
from honestcs.render.html import render_check_report
from honestcs.render.json import _linked
from honestcs.render.sarif import Located, render_sarif
from honestcs.render.text import render_text
from honestcs.report import Report
from honestcs.rules import RULES
from honestcs.severity import Severity

__all__ = ["Reply", "read_replies", "register"]

_REPLY_SUFFIXES = (".txt", ".md")


@attrs.frozen
class Reply:
    """One reply to check, with where it came from.

    Attributes:
        source: File name, "file.jsonl:LINE", or "-" for standard input.
        text: The reply.
        customer: The customer's message, if known.
        path: The file it was read from; None for standard input.
        line: The line of a ``.jsonl`` file that holds it; None for a reply file of its own.
    """

    source: str
    text: str
    customer: str | None = None
    path: str | None = None
    line: int | None = None


def register(commands: Any) -> None:
    """Add ``check`` to the command line."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "check",
        help="check replies against a policy",
        description="Check draft replies against a policy and report what is dishonest.",
    )
    add = parser.add_argument
    _add_input_and_output(add)
    _add_rule_selection(add)
    _add_batch_and_limits(add)
    _add_recording(add)
    parser.set_defaults(run=run_check)


# How an option is added to the ``check`` parser: its ``add_argument``.
_Add = Callable[..., argparse.Action]


def _add_input_and_output(add: _Add) -> None:
    """What to read (replies, policy, customer message) and how to write the findings."""
    add("files", nargs="*", metavar="FILE", help="reply files or folders; - for stdin")
    add("--policy", help="policy file (.toml or .json); default: the config file's policy")
    add("--customer", metavar="FILE", help="the customer's message the replies answer")
    add(
        "--format",
        choices=FORMATS,
        help="output format (default text); json and json-lines are the same, one object a reply",
    )
    add(
        "--docs-url",
        metavar="URL",
        help=f"documentation site the rule links point to (default {DOCS_URL})",
    )
    add("-o", "--output", metavar="FILE", help="write the output to FILE (html needs it)")
    add(
        "--now",
        type=parse_instant,
        metavar="ISO",
        help=f"when the replies are sent, with a UTC offset ({EXAMPLE}); default: the clock",
    )


def _add_rule_selection(add: _Add) -> None:
    """Which rules run, when the run fails, and the config file."""
    add(
        "--select",
        action="append",
        metavar="RULE,…",
        help="run only these rules (even one the policy's [honesty] table disables)",
    )
    add("--ignore", action="append", metavar="RULE,…", help="do not run these rules")
    add(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="exit 1 when a finding has this severity or worse (default error)",
    )
    add("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    add(
        "--config",
        metavar="FILE",
        help="read settings from FILE instead of the nearest pyproject.toml [tool.honestcs], "
        "honestcs.toml or .honestcs.toml",
    )
    add("--isolated", action="store_true", help="read no config file")
    add(
        "--show-settings",
        action="store_true",
        help="print the settings in effect and where each came from, and check nothing",
    )


def _add_batch_and_limits(add: _Add) -> None:
    """Replies in JSON Lines, parallel jobs, resuming, and the size limits."""
    add(
        "--jsonl",
        metavar="FILE",
        help='check an archive: one {"id", "reply", "customer"?, "now"?, "policy"?} a line '
        "(- for stdin); writes one JSON report a line, in input order",
    )
    add(
        "--jobs",
        type=whole_number("--jobs", 1, MAX_JOBS),
        default=1,
        metavar="N",
        help=f"with --jsonl: check in N worker processes, 1 to {MAX_JOBS:,} (default 1)",
    )
    add(
        "--resume",
        action="store_true",
        help="with --jsonl and -o: continue an interrupted run after the last line written",
    )
    add(
        "--max-reply-chars",
        type=whole_number("--max-reply-chars", 1),
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse a reply longer than N characters (default {DEFAULT_MAX_CHARS:,}); "
        "exit 2, or an error line with --jsonl",
    )
    add(
        "--max-customer-chars",
        type=whole_number("--max-customer-chars", 1),
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse a customer message longer than N characters (default "
        f"{DEFAULT_MAX_CHARS:,})",
    )


def _add_recording(add: _Add) -> None:
    """Recording the replies' promises in a ledger."""
    add(
        "--record",
        action="store_true",
        help="record every promise in --db, once: a promise already recorded is skipped",
    )
    add(
        "--key",
        type=utf8_text,
        metavar="KEY",
        help="with --record and one reply: record its promises under KEY#0, KEY#1… "
        "(default: a key from the file, the customer id, the reply's SHA-256 and the span)",
    )
    add(
        "--db",
        metavar="PATH|URL",
        help="promise ledger for --record: a SQLite file or a postgresql:// URL",
    )
    add("--customer-id", type=utf8_text, metavar="ID", help="customer the replies are for")
    add("--agent", type=utf8_text, metavar="NAME", help="who wrote the replies (with --record)")


def _jsonl(path: Path) -> Iterator[Reply]:
    for number, where, row in json_lines(path):
        if not isinstance(row, dict):
            raise HonestCSError(f"{where}: expected an object with a \"reply\" key")
        reply = row.get("reply", row.get("text"))
        if not isinstance(reply, str):
            raise HonestCSError(f"{where}: \"reply\" must be a string")
        customer = row.get("customer", row.get("previous_user_text"))
        if customer is not None and not isinstance(customer, str):
            raise HonestCSError(f"{where}: \"customer\" must be a string or null")
        name = row.get("id")
        source = f"{path}:{name}" if isinstance(name, str) else where
        yield Reply(source, reply, customer, str(path), number)


def _piped_stdin() -> str:
    """Standard input when something is piped in; "" when it is closed or a terminal.

    Raises:
        HonestCSError: What is piped in cannot be read, or is not UTF-8 text.
    """
    if sys.stdin is None or sys.stdin.closed:
        return ""
    try:
        if sys.stdin.isatty():
            return ""
    except ValueError:  # a detached stream
        return ""
    return read_stdin()


def read_replies(names: list[str], customer: str | None) -> Iterator[Reply]:
    """The replies named on the command line, in order.

    With no name, the reply is standard input, when something is piped in: a
    run with no FILE and nothing on standard input (a glob that matched
    nothing, in CI) is an error, not a pass.

    Raises:
        HonestCSError: There is no input, or a file is missing, unreadable, or not
            valid input.
    """
    if not names:
        text = _piped_stdin()
        if not text:
            raise HonestCSError(
                "no input: no FILE given and nothing on standard input; give reply files "
                "or folders, or - to read a reply from standard input"
            )
        yield Reply("-", text, customer)
        return
    for name in names:
        if name == "-":
            yield Reply("-", read_stdin(), customer)
            continue
        path = Path(name)
        if path.is_dir():
            found = path.rglob("*")
            files = sorted(p for p in found if p.suffix in _REPLY_SUFFIXES and p.is_file())
            if not files:
                raise HonestCSError(f"{path}: no .txt or .md replies in this folder")
            for file in files:
                yield Reply(str(file), read_text(file), customer, str(file))
        elif path.suffix == ".jsonl":
            for reply in _jsonl(path):
                yield attrs.evolve(reply, customer=reply.customer or customer)
        elif not path.exists():
            raise HonestCSError(f"{path}: no such file")
        else:
            yield Reply(str(path), read_text(path), customer, str(path))


def run_check(args: argparse.Namespace) -> int:
    """Run ``honestcs check``."""
    _refuse_bad_recording(args)
    now: datetime | None = args.now
    settings = settings_of(args)
    if args.show_settings:
        print(terminal_safe(show_settings(settings)))
        return 0
    if settings.policy is None:
        raise HonestCSError(
            "no policy: give --policy FILE, or set policy in pyproject.toml [tool.honestcs], "
            "honestcs.toml or .honestcs.toml"
        )
    if settings.format == "html" and not args.output:
        raise HonestCSError("--format html writes a file: give it with -o FILE")
    policy = select_rules(_load_policy(settings), settings.select, settings.ignore)
    checker = ReplyChecker(
        policy,
        max_reply_chars=args.max_reply_chars,
        max_customer_chars=args.max_customer_chars,
    )
    if args.jsonl is not None:
        return _run_jsonl(args, settings, checker)
    if args.jobs != 1 or args.resume:
        raise HonestCSError("--jobs and --resume work with --jsonl FILE")
    replies = _read_replies(args, checker)
    checked = _check_replies(args, checker, replies, now)
    if checked is None:
        return EXIT_INTERRUPTED
    _write(args, settings, checked, checker, now)
    failed = any(fails(report, settings.fail_on) for _, report in checked)
    return 1 if failed and not args.exit_zero else 0


def _refuse_bad_recording(args: argparse.Namespace) -> None:
    """Stop on --record or --key given without what they need."""
    if args.record and not (args.db and args.customer_id and args.agent):
        raise HonestCSError("--record needs --db, --customer-id and --agent")
    if args.key is not None and not args.record:
        raise HonestCSError("--key names the promises --record records: give --record too")
    if args.key is not None and not args.key.strip():
        raise HonestCSError("--key must not be blank")


def _read_replies(args: argparse.Namespace, checker: ReplyChecker) -> list[Reply]:
    """The replies of the FILE arguments, each with its customer message, all within limits."""
    customer = read_text(Path(args.customer)) if args.customer else None
    replies = list(read_replies(args.files, customer))
    if not replies:
        raise HonestCSError(f"no input: {', '.join(args.files)} held no replies to check")
    if args.key is not None and len(replies) != 1:
        raise HonestCSError(
            f"--key names the promises of one reply, and there are {len(replies)}; "
            "give one FILE, or leave --key out to key each promise by its reply"
        )
    # Every reply is measured before any is checked, so a run that would stop on one
    # that is too long stops before it records anything.
    for reply in replies:
        _refuse_too_long(checker, reply, args.customer if reply.customer is customer else None)
    return replies


def _check_replies(
    args: argparse.Namespace, checker: ReplyChecker, replies: list[Reply], now: datetime | None
) -> list[tuple[Reply, Report]] | None:
    """Each reply with its report, its promises recorded with --record; None on an interrupt.

    An interrupt stops the run at once when nothing is being recorded; when something is,
    it is reported (how far the recording got) and gives None.
    """
    ledger = None
    if args.db:
        from honestcs.promises.ledger import PromiseLedger
        from honestcs.stores._open import open_store

        ledger = PromiseLedger(open_store(args.db, create=True))
    checked: list[tuple[Reply, Report]] = []
    recording = Recording(args.customer_id, args.agent, args.key) if args.record else None
    try:
        for reply in replies:
            key = recording.reply_key(reply) if recording is not None else None
            report = checker.check(
                reply.text,
                customer_message=reply.customer,
                now=now,
                ledger=ledger if args.customer_id else None,
                customer_id=args.customer_id,
                reply_key=key,
            )
            checked.append((reply, report))
            if recording is not None and ledger is not None and key is not None:
                recording.record(ledger, reply, report, key, now)
    except KeyboardInterrupt:
        if recording is None:
            raise
        recording.interrupted(len(replies))
        return None
    except HonestCSError as exc:
        if recording is None or not recording.replies:
            raise
        raise HonestCSError(f"{exc}; {recording.progress(len(replies))}") from None
    finally:
        if ledger is not None:
            ledger.close()
    if recording is not None:
        recording.summary()
    return checked


def _refuse_too_long(checker: ReplyChecker, reply: Reply, customer_file: str | None) -> None:
    """Stop the run on a reply or customer message over the checker's limit, naming it.

    Raises:
        HonestCSError: The reply or its customer message is too long; the message names
            the file and the option that raises the limit.
    """
    limit = checker.max_reply_chars
    if limit is not None and len(reply.text) > limit:
        error = ReplyTooLongError("reply", len(reply.text), limit)
        raise HonestCSError(f"{reply.source}: {error} (--max-reply-chars)")
    limit = checker.max_customer_chars
    if reply.customer is not None and limit is not None and len(reply.customer) > limit:
        error = ReplyTooLongError("customer message", len(reply.customer), limit)
        raise HonestCSError(f"{customer_file or reply.source}: {error} (--max-customer-chars)")


def _write(
    args: argparse.Namespace,
    settings: Settings,
    checked: list[tuple[Reply, Report]],
    checker: ReplyChecker,
    now: datetime | None,
) -> None:
    def link(rule: str) -> str:
        return rule_url(rule, settings.docs_url)

    if settings.format == "html":
        stamp = now.isoformat(timespec="minutes") if now else "now"
        text = render_check_report(
            [(reply.source, report, reply.customer) for reply, report in checked],
            title=f"honestcs: {checker.policy.name}",
            subtitle=f"{_checked_count(checked)} against {settings.policy}, as sent at {stamp}",
            rule_url=link,
        )
    elif settings.format in ("json", "json-lines"):
        text = "\n".join(
            json.dumps({"source": reply.source, **_linked(report, link)}, ensure_ascii=False)
            for reply, report in checked
        )
    elif settings.format == "github":
        text = "\n".join(filter(None, (render_github(r, s.source, link) for s, r in checked)))
    elif settings.format == "sarif":
        located = [Located(report, reply.path, reply.line) for reply, report in checked]
        text = render_sarif(located, base=settings.docs_url)
    else:
        text = _text_summary(checked, settings.fail_on, link)
    if args.output:
        try:
            Path(args.output).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise HonestCSError(f"{args.output}: {exc.strerror or exc}") from None
    elif text:
        print(text)


def _run_jsonl(args: argparse.Namespace, settings: Settings, checker: ReplyChecker) -> int:
    """``check --jsonl``: an archive of replies, one JSON line in and one out for each."""
    if args.files:
        raise HonestCSError("--jsonl reads its replies from one file; give no other FILE")
    if settings.format not in ("json", "json-lines") and settings.sources["format"] != "default":
        raise HonestCSError(f"--jsonl writes JSON Lines; --format {settings.format} cannot apply")
    if args.record or args.customer or args.customer_id:
        raise HonestCSError(
            "--jsonl takes each reply's customer message from its line; "
            "--customer, --customer-id and --record do not apply"
        )
    source = args.jsonl
    base = Path.cwd() if source == "-" else Path(source).resolve().parent
    run = JsonlRun(
        checker=checker,
        base=str(base),
        now=args.now,
        fail_on=settings.fail_on,
        select=settings.select,
        ignore=settings.ignore,
        docs_url=settings.docs_url,
    )
    status = run_jsonl(
        run, source_name=source, jobs=args.jobs, output=args.output, resume=args.resume
    )
    return 0 if status == 1 and args.exit_zero else status


def settings_of(args: argparse.Namespace) -> Settings:
    """The settings of a run: the options given, over the config file, over the defaults.

    Raises:
        HonestCSError: An option or the config file names an unknown rule or a bad value.
    """
    config = None
    if args.config:
        config = read_config(Path(args.config))
    elif not args.isolated and (found := find_config(Path.cwd())) is not None:
        config = read_config(found)
    options = {
        "policy": Path(args.policy) if args.policy else None,
        "select": parse_rule_list(args.select, "--select") if args.select else None,
        "ignore": parse_rule_list(args.ignore, "--ignore") if args.ignore else None,
        "fail-on": Severity(args.fail_on) if args.fail_on else None,
        "format": args.format,
        "docs-url": args.docs_url,
    }
    return resolve(options, config)


def _load_policy(settings: Settings) -> Policy:
    """The policy the settings name; a missing file set in a config file names that file."""
    assert settings.policy is not None
    source = settings.sources["policy"]
    if source != "--policy" and not settings.policy.exists():
        raise HonestCSError(f"{source}: {settings.policy}: no such policy file")
    return load_policy(settings.policy)


def show_settings(settings: Settings) -> str:
    """The settings in effect, one a line, each with where it came from; then the rules."""
    select = ", ".join(settings.select) if settings.select is not None else "every rule"
    shown = {
        "policy": str(settings.policy) if settings.policy else "(none)",
        "select": select or "(no rule)",
        "ignore": ", ".join(settings.ignore) or "(none)",
        "fail-on": settings.fail_on.value,
        "format": settings.format,
        "docs-url": settings.docs_url,
    }
    config = settings.config.where if settings.config else "(none found)"
    lines = [f"config file  {config}"]
    lines += [f"{key:<12} {value}  ({settings.sources[key]})" for key, value in shown.items()]
    if settings.policy is None:
        lines.append("rules        (give a policy to see which rules run, and how severe)")
        return "\n".join(lines)
    policy = _load_policy(settings)
    honesty = policy.honesty
    running = select_rules(policy, settings.select, settings.ignore).honesty.disable
    lines.append("rules")
    for rule in RULES:
        if rule.id not in running:
            severity = honesty.severity.get(rule.id, rule.severity).value
            why = " (policy [honesty] severity)" if rule.id in honesty.severity else ""
            lines.append(f"  {rule.id:<24} runs, {severity}{why}")
        elif rule.id in settings.ignore:
            lines.append(f"  {rule.id:<24} off (ignore: {settings.sources['ignore']})")
        elif settings.select is not None:
            lines.append(f"  {rule.id:<24} off (not in select: {settings.sources['select']})")
        else:
            lines.append(f"  {rule.id:<24} off (policy [honesty] disable)")
    return "\n".join(lines)


def _text_summary(
    checked: list[tuple[Reply, Report]], fail_on: Severity, link: Callable[[str], str]
) -> str:
    blocks = [
        render_text(report, reply.source, link)
        for reply, report in checked
        if report.findings or report.not_checked
    ]
    counts = dict.fromkeys(Severity, 0)
    for _, report in checked:
        for finding in report.findings:
            counts[finding.severity] += 1
    promises = sum(len(report.promises) for _, report in checked)
    failing = sum(1 for _, report in checked if not report.ok)
    errors = _count(counts[Severity.ERROR], "error")
    warnings = _count(counts[Severity.WARNING], "warning")
    summary = (
        f"{_checked_count(checked)}, {failing} with errors: "
        f"{errors}, {warnings}, {counts[Severity.INFO]} info; {_count(promises, 'promise')} found"
    )
    if fail_on is not Severity.ERROR:
        at = sum(1 for _, report in checked if fails(report, fail_on))
        worst = "a warning or an error" if fail_on is Severity.WARNING else "any finding"
        summary += f"; {at} with {worst} (--fail-on {fail_on.value})"
    return "\n\n".join([*blocks, summary])


def _checked_count(checked: list[tuple[Reply, Report]]) -> str:
    """How many replies were checked, then how many were not and why, when some were not.

    "3 replies checked", "3 replies checked, 1 not checked (empty)", "3 replies checked,
    3 not checked (2 empty, 1 not English)".
    """
    reasons = Counter(r.not_checked for _, r in checked if r.not_checked is not None)
    said = f"{_count(len(checked) - reasons.total(), 'reply', 'replies')} checked"
    if reasons:
        why = ", ".join(
            reason if len(reasons) == 1 else f"{n} {reason}"
            for reason, n in sorted(reasons.items())
        )
        said += f", {reasons.total()} not checked ({why})"
    return said


def _count(n: int, one: str, many: str | None = None) -> str:
    """Say how many: "1 error", "2 errors"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
