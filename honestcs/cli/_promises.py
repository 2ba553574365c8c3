# Over 500 lines: the thirteen commands of `honestcs promises`; register() alone is 170 lines.
"""The ``honestcs promises`` sub-command: the promise ledger from the command line.

``honestcs promises ACTION --db PATH|postgresql://… [--now ISO] [--format text|json] ...``

* ``list``, ``overdue``, ``due-soon``: one line per promise, starting with its id
  (``--format json``: one JSON object per line); filters ``--customer``,
  ``--agent``, ``--clause`` (and ``--status`` for ``list``).
* ``stats``: made, kept, kept on time, broken, cancelled, open, overdue, kept
  rate and median lateness, overall and per agent and clause.
* ``kept``, ``broken``, ``cancel``, ``reschedule``: move one promise (a reason
  is required for all but ``kept``).
* ``history``: every event of one promise.
* ``watch``: print each promise as it comes due soon and as it becomes overdue,
  polling every ``--interval``, until Ctrl-C.
* ``export``: the promises (or with ``--events`` the event log) as CSV or JSON Lines;
  CSV cells that a spreadsheet would run as formulas are written as text.
* ``import``: load an event log (``export --events``, JSON Lines) into a ledger,
  all or nothing: ``honestcs promises export --events --db A | honestcs promises
  import --db B`` moves a ledger between stores with every event.

``--now`` fixes "now" (for overdue, due-soon, stats, and as the default time of
a change); without it, the system clock is used. Every time given must carry a
UTC offset. Any error is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final, Protocol

from honestcs._terminal import terminal_safe
from honestcs._text_files import NotTextError, loads
from honestcs._times import parse_instant
from honestcs.cli._options import MAX_ROWS, utf8_text, whole_number
from honestcs.cli._streams import stdin_bytes
from honestcs.cli._watch import WatchEvent, WatchSummary, watch
from honestcs.exceptions import HonestCSError, _InputError
from honestcs.promises.ledger import PromiseLedger
from honestcs.promises.model import PromiseEvent, PromiseRecord, PromiseStatus
from honestcs.promises.stats import LedgerStats, StatsRow
from honestcs.quantities import Duration, TimeUnit
from honestcs.render.html_ledger import render_ledger_report
from honestcs.stores._open import is_postgres, open_store
from honestcs.stores.base import PromiseStore

__all__ = ["parse_instant", "parse_within", "register", "spreadsheet_cell"]

EXIT_OK: Final = 0

_SHORT_DURATION: Final = re.compile(
    r"^\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>s|m|min|h|d|w)\s*$", re.IGNORECASE
)
_SHORT_UNITS: Final = {  # seconds in each
    "s": 1,
    "m": 60,
    "min": 60,
    "h": 3600,
    "d": 86400,
    "w": 7 * 86400,
}
#: The longest ``--within`` or ``--interval``: a window past any promise's due time, and a
#: pause ``time.sleep`` takes on every platform.
MAX_WITHIN_DAYS: Final = 36_500

_CSV_COLUMNS: Final = (
    "id", "status", "customer", "agent", "clause", "text", "made_at", "due", "original_due",
    "closed_at", "reason", "reschedules", "key", "meta", "version", "updated_at", "department",
)  # fmt: skip
_EVENT_CSV_COLUMNS: Final = (
    "promise_id", "seq", "at", "kind", "actor", "reason", "data", "recorded_at",
)  # fmt: skip


def parse_within(text: str) -> timedelta:
    """A positive length of time, up to 100 years: "2d", "48h", "90m", "1w", "3 days", "a week".

    Raises:
        argparse.ArgumentTypeError: Not a duration, a range, business days, not positive,
            or longer than :data:`MAX_WITHIN_DAYS` days.
    """
    match = _SHORT_DURATION.match(text)
    if match:
        days = Decimal(match["value"]) * _SHORT_UNITS[match["unit"].lower()] / 86400
    else:
        try:
            duration = Duration.parse(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a duration (try 2d, 48h, 90m, 1w or '3 days')"
            ) from None
        if duration.is_range:
            raise argparse.ArgumentTypeError(f"{text!r} is a range; give one length of time")
        if duration.unit is TimeUnit.BUSINESS_DAY:
            raise argparse.ArgumentTypeError(
                f"{text!r} is in business days, which depend on a calendar; "
                "give calendar days or hours"
            )
        days = duration.days()
    # Measured before it is a timedelta, which holds at most 999,999,999 days.
    if days > MAX_WITHIN_DAYS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is too long: give a positive length of time up to {MAX_WITHIN_DAYS:,}d "
            "(100 years)"
        )
    value = timedelta(days=float(days))
    if value <= timedelta(0):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive length of time")
    return value


def _status(text: str) -> PromiseStatus:
    try:
        return PromiseStatus(text.lower())
    except ValueError:
        names = ", ".join(s.value for s in PromiseStatus)
        raise argparse.ArgumentTypeError(f"{text!r} is not a status ({names})") from None


# ---------------------------------------------------------------------------
# Registration


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``promises`` and its actions to the ``honestcs`` command.

    Args:
        commands: The sub-parsers of the top-level parser.
    """
    promises = commands.add_parser(
        "promises",
        help="track the promises replies made: list, overdue, stats, kept, broken…",
        description="Work with a promise ledger (a SQLite file or a PostgreSQL database).",
    )
    actions = promises.add_subparsers(dest="promises_command", metavar="ACTION", required=True)
    common, filters, change = _shared_options()

    def add(name: str, run: Callable[[argparse.Namespace], int], help_text: str,
            *parents: argparse.ArgumentParser,
            more: str = "") -> argparse.ArgumentParser:  # fmt: skip
        parser = actions.add_parser(
            name, parents=[common, *parents], help=help_text, description=help_text + more
        )
        parser.set_defaults(run=run)
        return parser

    _add_queries(add, filters)
    _add_changes(add, change)
    _add_report(add)
    _add_watch(add, filters)
    _add_export(add, filters)
    _add_import(actions, common)


class _AddAction(Protocol):
    """How ``register`` adds one action: its name, its run function, help and parents."""

    def __call__(
        self,
        name: str,
        run: Callable[[argparse.Namespace], int],
        help_text: str,
        *parents: argparse.ArgumentParser,
        more: str = "",
    ) -> argparse.ArgumentParser: ...


def _shared_options() -> (
    tuple[argparse.ArgumentParser, argparse.ArgumentParser, argparse.ArgumentParser]
):
    """The options every action takes, those that filter promises, and those of a change."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        required=True,
        metavar="PATH|URL",
        help="the ledger: a SQLite file, or a postgresql://user@host/dbname URL",
    )
    common.add_argument(
        "--now",
        type=parse_instant,
        metavar="ISO",
        help="the current time, with a UTC offset (default: the system clock)",
    )
    common.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--customer", type=utf8_text, help="only this customer's promises")
    filters.add_argument("--agent", type=utf8_text, help="only promises this agent made")
    filters.add_argument(
        "--clause", type=utf8_text, help="only promises about this policy clause"
    )
    filters.add_argument(
        "--limit",
        type=whole_number("--limit", 1, MAX_ROWS),
        metavar="N",
        help="at most N promises (1 to 2**63 - 1)",
    )
    change = argparse.ArgumentParser(add_help=False)
    change.add_argument("id", type=utf8_text, help="the promise's id")
    change.add_argument(
        "--at", type=parse_instant, metavar="ISO", help="when it happened (default: now)"
    )
    change.add_argument("--by", type=utf8_text, metavar="WHO", help="who did it or reports it")

    return common, filters, change


def _add_queries(add: _AddAction, filters: argparse.ArgumentParser) -> None:
    """The actions that read promises: list, overdue, due-soon and stats."""
    listing = add("list", _run_list, "list promises, oldest first", filters)
    listing.add_argument("--status", type=_status, help="only promises in this state")
    add("overdue", _run_overdue, "open promises past their due time, most overdue first", filters)
    soon = add("due-soon", _run_due_soon, "open promises due within a time from now", filters)
    soon.add_argument(
        "--within",
        type=parse_within,
        default=timedelta(days=1),
        metavar="DURATION",
        help="how far ahead: 2d, 48h, 90m, '3 days' (default 1d)",
    )
    stats = add("stats", _run_stats, "how promises fared, overall, per agent and per clause")
    stats.add_argument(
        "--since", type=parse_instant, metavar="ISO", help="only promises made at or after this"
    )
    stats.add_argument(
        "--until", type=parse_instant, metavar="ISO", help="only promises made before this"
    )


def _add_changes(add: _AddAction, change: argparse.ArgumentParser) -> None:
    """The actions that record what became of a promise, and its history."""
    add("kept", _run_kept, "mark a promise kept", change)
    for name, run, what in (
        ("broken", _run_broken, "mark a promise broken"),
        ("cancel", _run_cancel, "cancel a promise that no longer applies"),
    ):
        parser = add(name, run, what, change)
        parser.add_argument("--reason", type=utf8_text, required=True, help="why (required)")
    reschedule = add(
        "reschedule", _run_reschedule, "give an open promise a new due time, with a reason", change
    )
    reschedule.add_argument("--due", required=True, type=parse_instant, metavar="ISO",
                            help="the new due time")  # fmt: skip
    reschedule.add_argument(
        "--reason", type=utf8_text, required=True, help="why it moved (required)"
    )
    history = add("history", _run_history, "every event of one promise, oldest first")
    history.add_argument("id", type=utf8_text, help="the promise's id")


def _add_report(add: _AddAction) -> None:
    """Add ``promises report``, an HTML page of the ledger."""
    report = add(
        "report", _run_report, "write an HTML page: kept rates, open and overdue promises (charts)"
    )
    report.add_argument(
        "--output", "-o", type=Path, required=True, metavar="FILE", help="the HTML file to write"
    )
    report.add_argument(
        "--within",
        type=parse_within,
        default=timedelta(days=2),
        metavar="DURATION",
        help="what counts as due soon (default 2d)",
    )


def _add_watch(add: _AddAction, filters: argparse.ArgumentParser) -> None:
    """Add ``promises watch``, which prints promises as they come due."""
    watching = add(
        "watch",
        _run_watch,
        "print promises as they come due soon and as they become overdue, until Ctrl-C",
        filters,
    )
    watching.add_argument(
        "--within",
        type=parse_within,
        default=timedelta(days=1),
        metavar="DURATION",
        help="the due-soon window: 2d, 48h, 90m (default 1d)",
    )
    watching.add_argument(
        "--interval",
        type=parse_within,
        default=timedelta(seconds=30),
        metavar="DURATION",
        help="time between polls of the ledger: 30s, 5m (default 30s)",
    )


def _add_export(add: _AddAction, filters: argparse.ArgumentParser) -> None:
    """Add ``promises export``, which writes promises or their events as CSV or JSON Lines."""
    export = add(
        "export",
        _run_export,
        "write promises (or events) as CSV or JSON Lines",
        filters,
        more=". In CSV, text that a spreadsheet would run as a formula (it starts with =, +, "
        "-, @, a tab or a carriage return) gets a leading apostrophe, so that it is shown as "
        "text; numbers are written as they are",
    )
    export.add_argument("--status", type=_status, help="only promises in this state")
    export.add_argument(
        "--output",
        "-o",
        type=Path,
        metavar="FILE",
        help="write here: CSV for .csv, JSON Lines for .jsonl or .json (default: stdout)",
    )
    export.add_argument(
        "--export-format",
        choices=("csv", "jsonl"),
        help="format when writing to stdout or a file of another suffix (default jsonl)",
    )
    export.add_argument(
        "--events",
        action="store_true",
        help="export the event log of those promises instead (what import reads)",
    )


def _add_import(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """The action that loads an exported event log into a ledger."""
    importing = actions.add_parser(
        "import",
        parents=[common],
        help="load an event log (export --events) into a ledger, all or nothing",
        description="Load the events that 'honestcs promises export --events' wrote (JSON "
        "Lines) into a ledger, created if missing: every promise with its whole history. "
        "Either every promise is imported or none is; a promise already in the ledger is "
        "an error.",
    )
    importing.set_defaults(run=_run_import)
    importing.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="the events (default: stdin, -)"
    )


# ---------------------------------------------------------------------------
# Running


def _ledger(args: argparse.Namespace) -> PromiseLedger:
    store = open_store(args.db, create=False)
    now: datetime | None = args.now
    if now is None:
        return PromiseLedger(store)
    return PromiseLedger(store, clock=lambda: now)


def _clear_errors(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn a ValueError from the ledger (a blank reason, a time out of order) into one line."""

    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except HonestCSError:
            raise
        except ValueError as exc:
            raise HonestCSError(str(exc)) from exc

    wrapper.__doc__ = run.__doc__
    return wrapper


def _when(value: datetime | None) -> str:
    if value is None:
        return "-"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%MZ")


def _span(value: timedelta) -> str:
    """A length of time as a person reads it: 2d 3h, 4h 10m, 25m, 40s."""
    seconds = int(abs(value).total_seconds())
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        text = f"{days}d {hours}h"
    elif hours:
        text = f"{hours}h {minutes}m"
    elif minutes:
        text = f"{minutes}m"
    else:
        text = f"{secs}s"
    return f"-{text}" if value < timedelta(0) else text


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _record_line(record: PromiseRecord, now: datetime) -> str:
    parts = [record.id, f"{record.status.value:<9}", f"due {_when(record.due)}"]
    if record.is_overdue(now) and record.due is not None:
        parts.append(f"OVERDUE by {_span(now - record.due)}")
    elif record.closed_at is not None:
        parts.append(f"{record.status.value} {_when(record.closed_at)}")
    parts += [record.customer, record.agent, record.clause or "-", f'"{_short(record.text)}"']
    if record.reason and not record.is_open:
        parts.append(f"({record.reason})")
    return terminal_safe("  ".join(parts))


def _print_records(args: argparse.Namespace, records: Iterable[PromiseRecord], now: datetime,
                   empty: str) -> int:  # fmt: skip
    count = 0
    for record in records:
        count += 1
        if args.format == "json":
            print(json.dumps(record.to_dict(), ensure_ascii=False))
        else:
            print(_record_line(record, now))
    if not count and args.format == "text":
        print(terminal_safe(empty), file=sys.stderr)
    return EXIT_OK


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    """The customer/agent/clause/limit options every listing command shares."""
    return {
        "customer": args.customer,
        "agent": args.agent,
        "clause": args.clause,
        "limit": args.limit,
    }


@_clear_errors
def _run_list(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        records = ledger.find(status=args.status, **_filters(args))
        return _print_records(args, records, ledger.clock(), "no promises match")


@_clear_errors
def _run_overdue(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        now = ledger.clock()
        records = ledger.overdue(now, **_filters(args))
        return _print_records(args, records, now, f"no promise is overdue at {now.isoformat()}")


@_clear_errors
def _run_due_soon(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        now = ledger.clock()
        records = ledger.due_soon(now, args.within, **_filters(args))
        return _print_records(
            args, records, now, f"no open promise is due within {_span(args.within)}"
        )


_STATS_HEADER: Final = (
    f"{'':<24}{'made':>8}{'kept':>8}{'on time':>9}{'broken':>8}{'cancelled':>11}"
    f"{'open':>7}{'overdue':>9}{'kept rate':>11}{'median late':>13}"
)


def _stats_line(name: str, row: StatsRow, indent: str = "") -> str:
    rate = "-" if row.kept_rate is None else f"{row.kept_rate:.1%}"
    late = "-" if row.median_lateness is None else _span(row.median_lateness)
    label = indent + terminal_safe(_short(name, 23 - len(indent)))
    return (
        f"{label:<24}{row.made:>8,}{row.kept:>8,}{row.kept_on_time:>9,}"
        f"{row.broken:>8,}{row.cancelled:>11,}{row.open:>7,}{row.overdue:>9,}"
        f"{rate:>11}{late:>13}"
    )


def _stats_text(stats: LedgerStats) -> Iterator[str]:
    window = "all promises"
    if stats.since and stats.until:
        window = f"promises made from {_when(stats.since)} to {_when(stats.until)}"
    elif stats.since:
        window = f"promises made since {_when(stats.since)}"
    elif stats.until:
        window = f"promises made before {_when(stats.until)}"
    yield f"{window}; overdue as of {_when(stats.now)}"
    yield _STATS_HEADER
    yield _stats_line("overall", stats.overall)
    if stats.by_agent:
        yield "by agent"
        for agent, row in stats.by_agent.items():
            yield _stats_line(agent, row, "  ")
    if stats.by_clause:
        yield "by clause"
        for clause, row in stats.by_clause.items():
            yield _stats_line(clause or "(no clause)", row, "  ")
    yield (
        "kept rate = kept / (kept + broken); median late = among promises kept after their due time"
    )


@_clear_errors
def _run_stats(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        stats = ledger.stats(since=args.since, until=args.until)
    if args.format == "json":
        print(json.dumps(stats.to_dict(), ensure_ascii=False))
    else:
        for text in _stats_text(stats):
            print(text)
    return EXIT_OK


def _run_report(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        now = ledger.clock()
        stats = ledger.stats(now=now)
        overdue = ledger.overdue(now)
        soon = ledger.due_soon(now, within=args.within)
    page = render_ledger_report(
        stats, overdue=overdue, due_soon=soon, title=f"honestcs promise ledger: {args.db}"
    )
    try:
        args.output.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise HonestCSError(f"{args.output}: {exc.strerror or exc}") from None
    print(
        terminal_safe(
            f"{args.output}: {stats.overall.made} promises, {stats.overall.open} open, "
            f"{stats.overall.overdue} overdue"
        )
    )
    return EXIT_OK


def _print_change(args: argparse.Namespace, record: PromiseRecord) -> int:
    if args.format == "json":
        print(json.dumps(record.to_dict(), ensure_ascii=False))
    elif record.is_open:
        line = f"{record.id}  rescheduled: now due {_when(record.due)}  ({record.reason})"
        print(terminal_safe(line))
    else:
        reason = f"  ({record.reason})" if record.reason else ""
        line = f"{record.id}  {record.status.value} at {_when(record.closed_at)}{reason}"
        print(terminal_safe(line))
    return EXIT_OK


@_clear_errors
def _run_kept(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        return _print_change(args, ledger.mark_kept(args.id, at=args.at, by=args.by))


@_clear_errors
def _run_broken(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        record = ledger.mark_broken(args.id, reason=args.reason, at=args.at, by=args.by)
        return _print_change(args, record)


@_clear_errors
def _run_cancel(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        record = ledger.cancel(args.id, reason=args.reason, at=args.at, by=args.by)
        return _print_change(args, record)


@_clear_errors
def _run_reschedule(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        record = ledger.reschedule(args.id, args.due, reason=args.reason, at=args.at, by=args.by)
        return _print_change(args, record)


def _event_line(event: PromiseEvent) -> str:
    parts = [f"{event.seq:>3}", _when(event.at), f"{event.kind.value:<11}"]
    parts.append(f"by {event.actor}" if event.actor else "by -")
    data = event.data
    if event.kind.value == "recorded":
        parts.append(
            f'"{_short(str(data.get("text", "")), 50)}" to {data.get("customer")}, '
            f"due {_when(_parse(data.get('due')))}"
        )
    elif event.kind.value == "rescheduled":
        parts.append(
            f"due {_when(_parse(data.get('previous_due')))} -> {_when(_parse(data.get('due')))}"
        )
    if event.reason:
        parts.append(f"({event.reason})")
    if event.recorded_at is not None and event.recorded_at != event.at:
        parts.append(f"[written {_when(event.recorded_at)}]")
    return terminal_safe("  ".join(parts))


def _parse(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


@_clear_errors
def _run_history(args: argparse.Namespace) -> int:
    with _ledger(args) as ledger:
        events = ledger.history(args.id)
    if args.format == "text":
        print(terminal_safe(args.id))
    for event in events:
        if args.format == "json":
            print(json.dumps(event.to_dict(), ensure_ascii=False))
        else:
            print(_event_line(event))
    return EXIT_OK


def _export_format(args: argparse.Namespace) -> str:
    if args.export_format:
        return str(args.export_format)
    if args.output is None:
        return "jsonl"
    suffix = args.output.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    raise HonestCSError(
        f"{args.output}: cannot tell the format from its suffix; "
        "use .csv or .jsonl, or give --export-format"
    )


# What starts a formula in a spreadsheet (OWASP, "CSV Injection"): =, +, - and @, and a
# tab or carriage return, which some spreadsheets skip before looking for one.
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A value as a CSV cell that a spreadsheet shows, and never runs as a formula.

    Text that starts like a formula (``=HYPERLINK(…)``, ``+1``, ``-2``, ``@SUM(…)``, or a
    tab or carriage return) gets a leading apostrophe, which spreadsheets take to mean
    "text" and do not show. Numbers are numbers: a count such as ``reschedules`` is
    written as it is, negative or not. A mapping (``meta``, ``data``) is JSON.
    """
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_rows(out: IO[str], kind: str, columns: tuple[str, ...],
                rows: Iterable[dict[str, Any]]) -> int:  # fmt: skip
    count = 0
    if kind == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: spreadsheet_cell(value) for key, value in row.items()})
            count += 1
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


@_clear_errors
def _run_export(args: argparse.Namespace) -> int:
    kind = _export_format(args)
    filtered = any(
        value is not None
        for value in (args.status, args.customer, args.agent, args.clause, args.limit)
    )
    with contextlib.ExitStack() as stack:
        ledger = stack.enter_context(_ledger(args))
        rows: Iterable[dict[str, Any]]
        columns: tuple[str, ...]
        if args.events and not filtered:
            # The whole log, streamed in the store's order: constant memory at any size.
            rows = (event.to_dict() for event in ledger.store.iter_events())
            columns = _EVENT_CSV_COLUMNS
        elif args.events:
            records = ledger.find(status=args.status, **_filters(args))
            rows = (event.to_dict() for r in records for event in ledger.history(r.id))
            columns = _EVENT_CSV_COLUMNS
        else:
            records = ledger.find(status=args.status, **_filters(args))
            rows = (record.to_dict() for record in records)
            columns = _CSV_COLUMNS
        if args.output is None:
            _write_rows(sys.stdout, kind, columns, rows)
            return EXIT_OK
        try:
            out = stack.enter_context(args.output.open("w", encoding="utf-8", newline=""))
        except OSError as exc:
            raise HonestCSError(f"{args.output}: {exc.strerror or exc}") from None
        count = _write_rows(out, kind, columns, rows)
    what = ("event" if args.events else "promise") + ("" if count == 1 else "s")
    print(terminal_safe(f"wrote {count:,} {what} to {args.output} ({kind})"), file=sys.stderr)
    return EXIT_OK


def _read_events(lines: Iterable[str], name: str, where: list[int]) -> Iterator[PromiseEvent]:
    """Events from JSON Lines; ``where[0]`` is kept at the line being read."""
    for number, line in enumerate(lines, start=1):
        where[0] = number
        if not line.strip():
            continue
        try:
            row = loads(line)
        except json.JSONDecodeError as exc:
            raise _InputError(
                f"{name}:{number}: not JSON ({exc.msg}, column {exc.colno}); import reads "
                "JSON Lines, as 'honestcs promises export --events' writes them"
            ) from None
        except NotTextError as exc:
            raise _InputError(f"{name}:{number}: {exc}") from None
        if not isinstance(row, dict):
            raise _InputError(f"{name}:{number}: expected a JSON object (an event)")
        if "promise_id" not in row and "id" in row and "status" in row:
            raise _InputError(
                f"{name}:{number}: this is a promise record, not an event: a record does "
                "not carry its history, so importing it would lose it; export with --events "
                "(honestcs promises export --events --db SOURCE)"
            )
        try:
            yield PromiseEvent.from_dict(row)
        except ValueError as exc:
            raise _InputError(f"{name}:{number}: {exc}") from None


def _remove_sqlite(path: str, store: PromiseStore) -> None:
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)


def _run_import(args: argparse.Namespace) -> int:
    name = "stdin" if args.file == "-" else args.file
    where = [0]
    counted = [0]
    target = "the PostgreSQL ledger" if is_postgres(args.db) else args.db
    with contextlib.ExitStack() as stack:
        if args.file == "-":
            raw: IO[bytes] = stdin_bytes()
        else:
            try:
                raw = stack.enter_context(Path(args.file).open("rb"))
            except OSError as exc:
                raise HonestCSError(f"{args.file}: {exc.strerror or exc}") from None
        # Each line decoded on its own, so a byte that is not UTF-8 is named by its line.
        lines = (line.decode("utf-8") for line in raw)
        created = not is_postgres(args.db) and not Path(args.db).exists()
        store = open_store(args.db, create=True)
        stack.callback(store.close)
        if created:
            # A failed import into a new file leaves no empty ledger behind.
            stack.push(lambda kind, exc, tb: _remove_sqlite(args.db, store) if exc else None)
        importer = getattr(store, "import_events", None)
        if importer is None:
            raise HonestCSError(f"{target}: this store cannot import an event log")

        def events() -> Iterator[PromiseEvent]:
            for event in _read_events(lines, name, where):
                counted[0] += 1
                yield event

        try:
            imported = int(importer(events()))
        except _InputError as exc:
            raise HonestCSError(f"{exc}; nothing was imported into {target}") from None
        except HonestCSError as exc:
            # The store's message names the promise; the line read last need not be its line.
            raise HonestCSError(f"{name}: {exc}; nothing was imported into {target}") from None
        except UnicodeDecodeError as exc:
            raise HonestCSError(
                f"{name}:{where[0] + 1}: not UTF-8 text (byte {exc.start} of the line); "
                f"nothing was imported into {target}"
            ) from None
        except OSError as exc:
            raise HonestCSError(
                f"{name}: cannot read it: {exc.strerror or exc}; nothing was imported "
                f"into {target}"
            ) from None
        except ValueError as exc:
            raise HonestCSError(
                f"{name}:{where[0]}: {exc}; nothing was imported into {target}"
            ) from None
    print(
        terminal_safe(
            f"imported {imported:,} promise{'' if imported == 1 else 's'} "
            f"({counted[0]:,} events) into {target}"
        ),
        file=sys.stderr,
    )
    return EXIT_OK


def _watch_line(event: WatchEvent) -> str:
    record = event.record
    due = record.due
    if event.kind == "overdue":
        head = f"{_when(event.at)}  OVERDUE   {record.id}  was due {_when(due)}"
    else:
        left = "" if due is None else f" (in {_span(due - event.at)})"
        head = f"{_when(event.at)}  DUE SOON  {record.id}  due {_when(due)}{left}"
    return terminal_safe(
        "  ".join(
            [head, record.customer, record.agent, record.clause or "-", f'"{_short(record.text)}"']
        )
    )


@_clear_errors
def _run_watch(args: argparse.Namespace) -> int:
    start: datetime | None = args.now
    began = time.monotonic()

    def clock() -> datetime:
        if start is None:
            return datetime.now(UTC)
        return start + timedelta(seconds=time.monotonic() - began)

    def emit(event: WatchEvent) -> None:
        if args.format == "json":
            line = json.dumps(
                {"event": event.kind, "at": event.at.isoformat(), **event.record.to_dict()},
                ensure_ascii=False,
            )
        else:
            line = _watch_line(event)
        print(line, flush=True)

    with _ledger(args) as ledger:
        summary = WatchSummary(started=clock())
        where = args.db if not is_postgres(args.db) else "the PostgreSQL ledger"
        print(
            terminal_safe(
                f"watching {where}: due soon = within {_span(args.within)}, polling every "
                f"{_span(args.interval)}; Ctrl-C stops"
            ),
            file=sys.stderr,
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):
            watch(
                ledger,
                within=args.within,
                interval=args.interval.total_seconds(),
                emit=emit,
                clock=clock,
                sleep=time.sleep,
                summary=summary,
                customer=args.customer,
                agent=args.agent,
                clause=args.clause,
            )
    already = (
        f"; {summary.already_overdue:,} already overdue when it started"
        if summary.already_overdue
        else ""
    )
    last = "" if summary.last is None else f", last at {_when(summary.last)}"
    print(
        f"stopped after {summary.polls:,} poll{'' if summary.polls == 1 else 's'}{last}: "
        f"{summary.due_soon:,} came due soon, {summary.overdue:,} became overdue{already}",
        file=sys.stderr,
    )
    return EXIT_OK
