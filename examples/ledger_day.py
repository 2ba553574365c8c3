"""A day of the promise ledger at a help desk, on a simulated clock.

Replies are checked before they are sent, and every promise they make is
recorded with its due date. Through the day promises are kept, one is broken
(the courier lost a parcel) and one is rescheduled at the customer's request,
on the record. The next morning the desk lists what is overdue and how each
agent's promises fared.

The clock is simulated and fixed, never the real date, so every run prints
the same; ids come from a counter for the same reason (a real ledger uses
its default, unique ids). Run it with ``python examples/ledger_day.py``; give
a file name (``python examples/ledger_day.py day.db``) to keep the day in a
SQLite ledger, which ``honestcs promises report --db day.db -o ledger.html``
then draws.
"""

from __future__ import annotations

import itertools
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import honestcs

HERE = Path(__file__).parent
CHICAGO = ZoneInfo("America/Chicago")  # where Northwind Furniture works


class SimulatedClock:
    """A clock that shows whatever time it was set to; the ledger asks it for "now"."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        """The time the clock was last set to."""
        return self.now

    def set(self, day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
        """Move to a moment in late 2026, Chicago time, and return it."""
        self.now = datetime(2026, month, day, hour, minute, tzinfo=CHICAGO)
        return self.now


def when(moment: datetime | None) -> str:
    """A time as the help desk reads it: "Tue 1 Dec 15:00" in Chicago."""
    if moment is None:
        return "no due date"
    local = moment.astimezone(CHICAGO)
    return f"{local:%a} {local.day} {local:%b %H:%M}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    checker = honestcs.ReplyChecker(honestcs.load_policy(HERE / "northwind.toml"))
    clock = SimulatedClock(datetime(2026, 11, 30, 15, 0, tzinfo=CHICAGO))
    ids = itertools.count(1)
    store: honestcs.PromiseStore = honestcs.MemoryStore()
    if args:
        path = Path(args[0])
        if path.exists():
            print(f"{path} exists already; give a new file for the day's ledger", file=sys.stderr)
            return 2
        store = honestcs.SQLiteStore(path)
    ledger = honestcs.PromiseLedger(store, clock=clock, new_id=lambda: f"P-{next(ids):03d}")

    def reply(customer: str, agent: str, text: str) -> list[honestcs.PromiseRecord]:
        """Check a reply; when it is honest, "send" it and record its promises."""
        report = checker.check(text, now=clock())
        if not report.ok:
            rules = ", ".join(f.rule for f in report.findings)
            print(f"{when(clock())}  {agent} -> {customer}: NOT sent ({rules}): {text}")
            return []
        records = ledger.record_report(report, customer=customer, agent=agent)
        for record in records:
            print(
                f"{when(clock())}  {agent} -> {customer}: {record.id} [{record.clause}] "
                f'due {when(record.due)}: "{record.text}"'
            )
        return records

    print("Monday 30 November")
    clock.set(30, 15, month=11)
    [callback] = reply("C-2077", "sam", "I'll call you back within 1 business day.")
    clock.set(30, 16, month=11)
    reply("C-0588", "alex", "I'll call you back tomorrow.")
    [delivery] = reply("C-4001", "alex", "Your sofa will arrive within 14 business days.")

    print("\nTuesday 1 December")
    clock.set(1, 9, 5)
    reply("C-1042", "alex", "Your refund will be back on your card within 7 business days.")
    clock.set(1, 9, 30)
    reply("C-3110", "bot", "A technician will visit tomorrow!")  # over-promised: held back
    [visit] = reply("C-3110", "bot", "A technician will visit within 5 business days.")

    clock.set(1, 11, 0)
    ledger.mark_broken(visit.id, reason="no technician free this week", by="dispatch")
    print(f"{when(clock())}  {visit.id} broken: no technician free this week")

    clock.set(1, 13, 0)
    moved = ledger.reschedule(
        delivery.id,
        datetime(2027, 1, 6, 17, 0, tzinfo=CHICAGO),
        reason="customer asked for delivery after the holidays",
        by="alex",
    )
    print(f"{when(clock())}  {delivery.id} rescheduled to {when(moved.due)}: {moved.reason}")

    clock.set(1, 14, 30)
    ledger.mark_kept(callback.id, by="sam")
    print(f"{when(clock())}  {callback.id} kept")

    print("\nWednesday 2 December, first thing")
    now = clock.set(2, 9, 0)
    for record in ledger.overdue(now):
        assert record.due is not None  # a promise without a due date is never overdue
        late = int((now - record.due).total_seconds() // 60)
        print(
            f"OVERDUE by {late // 60}h {late % 60:02d}m: {record.id} to {record.customer} "
            f'by {record.agent}, due {when(record.due)}: "{record.text}"'
        )
    print(f"still open: {', '.join(r.id for r in ledger.open())}")

    stats = ledger.stats(now=now)
    print(f"\n{'':10}{'made':>6}{'kept':>6}{'broken':>8}{'open':>6}{'overdue':>9}{'kept rate':>11}")
    rows = {"overall": stats.overall, **stats.by_agent}
    for name, row in rows.items():
        rate = "-" if row.kept_rate is None else f"{row.kept_rate:.0%}"
        print(
            f"{name:10}{row.made:>6}{row.kept:>6}{row.broken:>8}{row.open:>6}"
            f"{row.overdue:>9}{rate:>11}"
        )

    print(f"\nHistory of {delivery.id}:")
    for event in ledger.history(delivery.id):
        reason = f": {event.reason}" if event.reason else ""
        print(f"  {when(event.at)}  {event.kind.value}{reason}")
    print(repr(ledger))
    ledger.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
