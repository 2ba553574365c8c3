"""The promise ledger: its state table, events, queries and statistics (over MemoryStore)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import honestcs
from honestcs import (
    EventKind,
    IllegalTransitionError,
    MemoryStore,
    Promise,
    PromiseEvent,
    PromiseLedger,
    PromiseNotFoundError,
    PromiseRecord,
    PromiseStatus,
    Report,
    SQLiteStore,
    StatsRow,
    StoreError,
)
from honestcs.promises import ids as promise_ids
from honestcs.promises.ids import new_promise_id
from honestcs.promises.transitions import TRANSITIONS

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def make_ledger(now: datetime = T0) -> PromiseLedger:
    return PromiseLedger(MemoryStore(), clock=lambda: now)


def promise(
    text: str = "We'll refund you by Friday.",
    clause: str | None = "refund",
    due: datetime | None = T0 + 3 * DAY,
) -> Promise:
    return Promise(text, 0, len(text), clause=clause, due=due)


def record(ledger: PromiseLedger, **kwargs: object) -> PromiseRecord:
    p = kwargs.pop("promise", None) or promise()
    args: dict[str, object] = {"customer": "C-1042", "agent": "alex", "made_at": T0}
    args.update(kwargs)
    return ledger.record(p, **args)  # type: ignore[arg-type]


# -- the state table --------------------------------------------------------------

ACTIONS: dict[str, Callable[[PromiseLedger, str], PromiseRecord]] = {
    "kept": lambda ledger, pid: ledger.mark_kept(pid, at=T0 + DAY, by="alex"),
    "broken": lambda ledger, pid: ledger.mark_broken(pid, reason="courier lost it", at=T0 + DAY),
    "cancelled": lambda ledger, pid: ledger.cancel(pid, reason="customer withdrew", at=T0 + DAY),
    "rescheduled": lambda ledger, pid: ledger.reschedule(
        pid, T0 + 9 * DAY, reason="customer asked for later", at=T0 + DAY
    ),
}
#: Where each action leads from an open promise (the issue's table, written out by hand).
LEGAL_FROM_OPEN = {
    "kept": "kept",
    "broken": "broken",
    "cancelled": "cancelled",
    "rescheduled": "open",
}


def in_state(ledger: PromiseLedger, status: str) -> PromiseRecord:
    rec = record(ledger)
    if status != "open":
        rec = ACTIONS[status](ledger, rec.id)
    assert rec.status.value == status
    return rec


def test_transition_table_is_the_issues_table() -> None:
    """Open moves to kept, broken, cancelled or (rescheduled) open; every other state is final."""
    assert {
        status.value: {kind.value: target.value for kind, target in moves.items()}
        for status, moves in TRANSITIONS.items()
    } == {"open": LEGAL_FROM_OPEN, "kept": {}, "broken": {}, "cancelled": {}}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("start", [s.value for s in PromiseStatus])
def test_every_cell_of_the_state_table(start: str, action: str) -> None:
    """Each (state, action) cell either moves as the table says or raises naming both states."""
    ledger = make_ledger()
    rec = in_state(ledger, start)
    before = ledger.history(rec.id)
    if start == "open":
        after = ACTIONS[action](ledger, rec.id)
        assert after.status.value == LEGAL_FROM_OPEN[action]
        assert after.version == rec.version + 1
        assert ledger.history(rec.id)[-1].kind.value == action
    else:
        target = LEGAL_FROM_OPEN[action]
        with pytest.raises(IllegalTransitionError) as caught:
            ACTIONS[action](ledger, rec.id)
        message = str(caught.value)
        assert f"{start} -> {target}" in message
        assert rec.id in message
        assert ledger.get(rec.id) == rec
        assert ledger.history(rec.id) == before


def test_illegal_move_message_reads_as_a_sentence() -> None:
    """The message says what was tried, what state the promise is in, and the forbidden move."""
    ledger = make_ledger()
    rec = in_state(ledger, "kept")
    with pytest.raises(IllegalTransitionError, match=r"^cannot mark it broken: promise P-\w+ is kept, and kept -> broken is not a legal move$"):  # fmt: skip  # noqa: E501
        ledger.mark_broken(rec.id, reason="too late")


def test_illegal_transition_error_is_a_value_error_and_honestcs_error() -> None:
    """Callers can catch an illegal move as ValueError or as HonestCSError."""
    assert issubclass(IllegalTransitionError, ValueError)
    assert issubclass(IllegalTransitionError, honestcs.HonestCSError)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_unknown_id_raises_promise_not_found(action: str) -> None:
    """Every change to an id the ledger never saw raises PromiseNotFoundError."""
    ledger = make_ledger()
    with pytest.raises(PromiseNotFoundError, match="P-NOPE"):
        ACTIONS[action](ledger, "P-NOPE")


def test_unknown_id_for_get_and_history() -> None:
    """Reading an unknown id raises PromiseNotFoundError, which is also a KeyError."""
    ledger = make_ledger()
    with pytest.raises(PromiseNotFoundError):
        ledger.get("P-NOPE")
    with pytest.raises(KeyError):
        ledger.history("P-NOPE")
    assert str(PromiseNotFoundError("no promise with id 'P-NOPE'")) == "no promise with id 'P-NOPE'"


# -- recording ---------------------------------------------------------------------


def test_record_starts_open_with_the_promise_fields() -> None:
    """A recorded promise is open and keeps customer, agent, clause, text, times and meta."""
    ledger = make_ledger()
    rec = record(ledger, meta={"channel": "chat", "tags": ("vip",)})
    assert rec.status is PromiseStatus.OPEN
    assert (rec.customer, rec.agent, rec.clause) == ("C-1042", "alex", "refund")
    assert rec.text == "We'll refund you by Friday."
    assert rec.made_at == T0
    assert rec.due == rec.original_due == T0 + 3 * DAY
    assert rec.closed_at is None
    assert rec.reschedules == 0
    assert dict(rec.meta) == {"channel": "chat", "tags": ["vip"]}  # as any store reads it back
    assert rec.version == 1
    assert ledger.get(rec.id) == rec


def test_times_are_stored_in_utc() -> None:
    """Aware times in any zone come back as the same instant in UTC."""
    ledger = make_ledger()
    new_york = timezone(timedelta(hours=-5))
    rec = record(
        ledger,
        made_at=datetime(2026, 12, 1, 4, tzinfo=new_york),
        promise=promise(due=datetime(2026, 12, 4, 12, tzinfo=new_york)),
    )
    assert rec.made_at == T0 and rec.made_at.tzinfo is UTC
    assert rec.due == datetime(2026, 12, 4, 17, tzinfo=UTC)
    assert rec.due is not None and rec.due.tzinfo is UTC


def test_record_defaults_made_at_to_the_clock() -> None:
    """Without made_at, the promise is made at the injected clock's now."""
    ledger = make_ledger(now=T0 + 5 * HOUR)
    rec = ledger.record(promise(), customer="C-1", agent="alex")
    assert rec.made_at == T0 + 5 * HOUR


def test_same_key_twice_returns_the_first_record() -> None:
    """Recording with a key already used stores nothing and returns the first record."""
    ledger = make_ledger()
    first = record(ledger, key="msg-77")
    again = record(ledger, key="msg-77", promise=promise(text="Something else entirely."))
    assert again == first
    assert len(ledger.find()) == 1
    assert len(ledger.history(first.id)) == 1


def test_different_keys_and_no_key_each_record() -> None:
    """Distinct keys, and promises without a key, are recorded separately."""
    ledger = make_ledger()
    ids = {record(ledger, key="a").id, record(ledger, key="b").id, record(ledger).id}
    ids.add(record(ledger).id)
    assert len(ids) == 4


def test_record_many_with_a_key_is_idempotent_per_batch() -> None:
    """Retrying a keyed batch returns the same records and adds none."""
    ledger = make_ledger()
    batch = [promise(text="First."), promise(text="Second.", clause=None, due=None)]
    first = ledger.record_many(batch, customer="C-1", agent="alex", made_at=T0, key="msg-9")
    again = ledger.record_many(batch, customer="C-1", agent="alex", made_at=T0, key="msg-9")
    assert again == first
    assert [r.key for r in first] == ["msg-9#0", "msg-9#1"]
    assert len(ledger.find()) == 2


def test_record_report_records_every_promise_in_order() -> None:
    """record_report stores each promise of a checked reply, in reply order."""
    ledger = make_ledger()
    reply = "We'll refund you by Friday. I'll call you tomorrow."
    report = Report(
        reply=reply,
        promises=(
            Promise("We'll refund you by Friday.", 0, 27, clause="refund", due=T0 + 3 * DAY),
            Promise("I'll call you tomorrow.", 28, 51, clause=None, due=T0 + DAY),
        ),
    )
    recs = ledger.record_report(report, customer="C-7", agent="bot", made_at=T0)
    assert [r.text for r in recs] == [p.text for p in report.promises]
    assert [r.clause for r in recs] == ["refund", None]
    assert [r.due for r in recs] == [T0 + 3 * DAY, T0 + DAY]
    assert {r.customer for r in recs} == {"C-7"}
    assert ledger.open(customer="C-7") == sorted(recs, key=lambda r: r.due or T0)


def test_batches_keep_made_at_meta_and_when_they_were_written_down() -> None:
    """record_many, record_keyed and record_report keep made_at, key and meta as given."""
    ledger = make_ledger(now=T0 + 5 * HOUR)
    args: dict[str, object] = {
        "customer": "C-1", "agent": "alex", "made_at": T0 + HOUR, "meta": {"channel": "chat"},
    }  # fmt: skip
    many = ledger.record_many([promise()], key="m", **args)  # type: ignore[arg-type]
    keyed = [r.record for r in ledger.record_keyed([(promise(), "k")], **args)]  # type: ignore[arg-type]
    report = Report(reply="We'll refund you by Friday.", promises=(promise(),))
    reported = ledger.record_report(report, key="r", **args)  # type: ignore[arg-type]
    recs = [*many, *keyed, *reported]
    assert [(r.made_at, r.key, dict(r.meta)) for r in recs] == [
        (T0 + HOUR, key, {"channel": "chat"}) for key in ("m#0", "k", "r#0")
    ]
    assert [ledger.history(r.id)[0].recorded_at for r in recs] == [T0 + 5 * HOUR] * 3


def test_record_keyed_says_which_promises_it_recorded() -> None:
    """A key already in the ledger comes back with its first record, created False."""
    ledger = make_ledger()
    first = record(ledger, key="k-1")
    done = ledger.record_keyed(
        [(promise(text="Again."), "k-1"), (promise(text="New."), "k-2")],
        customer="C-1", agent="alex",
    )  # fmt: skip
    assert [(r.record.text, r.created) for r in done] == [(first.text, False), ("New.", True)]
    assert done[0].record == first
    assert ledger.record_keyed([], customer="C-1", agent="alex") == []
    with pytest.raises(ValueError, match="key 'k-3' is given to two promises of one batch"):
        ledger.record_keyed([(promise(), "k-3"), (promise(), "k-3")], customer="C", agent="a")


def test_record_report_with_no_promises_records_nothing() -> None:
    """A reply that promised nothing adds nothing to the ledger."""
    ledger = make_ledger()
    assert ledger.record_report(Report(reply="Thanks!"), customer="C-7", agent="bot") == []
    assert ledger.find() == []


@pytest.mark.parametrize(
    ("field", "value"),
    [("customer", " "), ("agent", ""), ("key", "  ")],
)
def test_blank_names_are_refused(field: str, value: str) -> None:
    """A blank customer, agent or key is a ValueError naming the argument."""
    ledger = make_ledger()
    with pytest.raises(ValueError, match=field):
        record(ledger, **{field: value})


def test_meta_must_be_json() -> None:
    """Meta that cannot be stored as JSON is refused up front."""
    ledger = make_ledger()
    with pytest.raises(ValueError, match="meta must hold only JSON values"):
        record(ledger, meta={"when": T0})


def test_an_empty_clause_is_no_clause() -> None:
    """A promise whose clause is the empty string is recorded without a clause."""
    ledger = make_ledger()
    assert record(ledger, promise=promise(clause="")).clause is None


# -- aware times only --------------------------------------------------------------

NAIVE = datetime(2026, 12, 1, 9, 0)


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("made_at", lambda led, pid: record(led, made_at=NAIVE)),
        (
            "made_at",
            lambda led, pid: led.record_many([promise()], customer="C", agent="a", made_at=NAIVE),
        ),
        (
            "made_at",
            lambda led, pid: led.record_keyed(
                [(promise(), "k")], customer="C", agent="a", made_at=NAIVE
            ),
        ),
        ("promise.due", lambda led, pid: record(led, promise=promise(due=NAIVE))),
        ("at", lambda led, pid: led.mark_kept(pid, at=NAIVE)),
        ("at", lambda led, pid: led.mark_broken(pid, reason="x", at=NAIVE)),
        ("at", lambda led, pid: led.cancel(pid, reason="x", at=NAIVE)),
        ("new_due", lambda led, pid: led.reschedule(pid, NAIVE, reason="x")),
        ("now", lambda led, pid: led.overdue(NAIVE)),
        ("now", lambda led, pid: led.due_soon(NAIVE, DAY)),
        ("made_since", lambda led, pid: led.find(made_since=NAIVE)),
        ("made_until", lambda led, pid: led.find(made_until=NAIVE)),
        ("since", lambda led, pid: led.stats(since=NAIVE)),
        ("until", lambda led, pid: led.stats(until=NAIVE)),
        ("now", lambda led, pid: led.stats(now=NAIVE)),
    ],
)
def test_naive_datetimes_are_refused(
    name: str, call: Callable[[PromiseLedger, str], object]
) -> None:
    """Every time the ledger accepts must be aware; a naive one is a ValueError naming it."""
    ledger = make_ledger()
    pid = record(ledger).id
    with pytest.raises(ValueError, match=rf"^{name} must be timezone-aware"):
        call(ledger, pid)


@pytest.mark.parametrize(
    "call",
    [
        lambda led: led.record(promise(), customer="C-1", agent="alex"),
        lambda led: led.record_many([promise()], customer="C-1", agent="alex"),
        lambda led: led.record_keyed([(promise(), "k")], customer="C-1", agent="alex"),
    ],
    ids=["record", "record_many", "record_keyed"],
)
def test_a_naive_clock_is_refused(call: Callable[[PromiseLedger], object]) -> None:
    """A clock returning naive times is refused, by name, when the ledger first reads it."""
    ledger = PromiseLedger(MemoryStore(), clock=lambda: NAIVE)
    with pytest.raises(ValueError, match=r"^clock\(\) must be timezone-aware"):
        call(ledger)


def test_a_change_cannot_happen_before_the_promise_was_made() -> None:
    """Marking a promise kept before it was made is refused (probably swapped arguments)."""
    ledger = make_ledger()
    pid = record(ledger).id
    with pytest.raises(ValueError, match=r"before promise .* was made"):
        ledger.mark_kept(pid, at=T0 - HOUR)


# -- reasons and rescheduling ------------------------------------------------------------


@pytest.mark.parametrize("method", ["mark_broken", "cancel"])
def test_broken_and_cancelled_need_a_reason(method: str) -> None:
    """Breaking or cancelling a promise needs a non-blank reason, which is kept on the record."""
    ledger = make_ledger()
    pid = record(ledger).id
    with pytest.raises(ValueError, match="reason must be a non-blank string"):
        getattr(ledger, method)(pid, reason="   ")
    rec = getattr(ledger, method)(pid, reason="warehouse closed", at=T0 + HOUR)
    assert rec.reason == "warehouse closed"
    assert rec.closed_at == T0 + HOUR


def test_each_change_keeps_who_reported_it() -> None:
    """The ``by`` of mark_kept, mark_broken and cancel is the actor of the event written."""
    ledger = make_ledger()
    kept = ledger.mark_kept(record(ledger).id, at=T0 + HOUR, by="kim")
    broken = ledger.mark_broken(record(ledger).id, reason="lost", at=T0 + HOUR, by="sam")
    cancelled = ledger.cancel(record(ledger).id, reason="withdrawn", at=T0 + HOUR, by="lee")
    assert [ledger.history(r.id)[-1].actor for r in (kept, broken, cancelled)] == [
        "kim", "sam", "lee",
    ]  # fmt: skip
    assert [r.reason for r in (kept, broken, cancelled)] == [None, "lost", "withdrawn"]


def test_reschedule_needs_a_reason() -> None:
    """A reschedule without a real reason is refused: a silent renegotiation is not allowed."""
    ledger = make_ledger()
    pid = record(ledger).id
    with pytest.raises(ValueError, match="reason must be a non-blank string"):
        ledger.reschedule(pid, T0 + 9 * DAY, reason="")
    with pytest.raises(TypeError):
        ledger.reschedule(pid, T0 + 9 * DAY)  # type: ignore[call-arg]
    assert ledger.get(pid).due == T0 + 3 * DAY


def test_reschedule_keeps_the_promise_open_with_the_change_on_record() -> None:
    """After a reschedule the promise is open with the new due time; the old one stays on record."""
    ledger = make_ledger()
    pid = record(ledger).id
    rec = ledger.reschedule(pid, T0 + 9 * DAY, reason="customer away", at=T0 + DAY, by="sam")
    assert rec.status is PromiseStatus.OPEN
    assert rec.due == T0 + 9 * DAY
    assert rec.original_due == T0 + 3 * DAY
    assert rec.reschedules == 1
    event = ledger.history(pid)[-1]
    assert event.kind is EventKind.RESCHEDULED
    assert (event.at, event.actor, event.reason) == (T0 + DAY, "sam", "customer away")
    assert dict(event.data) == {
        "due": (T0 + 9 * DAY).isoformat(),
        "previous_due": (T0 + 3 * DAY).isoformat(),
    }


def test_reschedule_to_the_same_due_time_is_refused() -> None:
    """Rescheduling to the due time the promise already has is a ValueError."""
    ledger = make_ledger()
    pid = record(ledger).id
    with pytest.raises(ValueError, match="already due"):
        ledger.reschedule(pid, T0 + 3 * DAY, reason="no change")


def test_an_open_ended_promise_can_be_given_a_due_time() -> None:
    """A promise made without a due time can be rescheduled to one."""
    ledger = make_ledger()
    pid = record(ledger, promise=promise(due=None)).id
    assert ledger.reschedule(pid, T0 + DAY, reason="agreed a date").due == T0 + DAY


# -- history -------------------------------------------------------------------------------


def test_history_records_when_who_what_and_why() -> None:
    """Each change is an event with its time, actor, kind and reason, oldest first."""
    ledger = make_ledger(now=T0 + 10 * DAY)
    pid = record(ledger).id
    ledger.reschedule(pid, T0 + 5 * DAY, reason="stock delay", at=T0 + DAY, by="sam")
    ledger.mark_kept(pid, at=T0 + 4 * DAY, by="kim")
    events = ledger.history(pid)
    assert [(e.seq, e.kind, e.at, e.actor, e.reason) for e in events] == [
        (1, EventKind.RECORDED, T0, "alex", None),
        (2, EventKind.RESCHEDULED, T0 + DAY, "sam", "stock delay"),
        (3, EventKind.KEPT, T0 + 4 * DAY, "kim", None),
    ]
    assert {e.recorded_at for e in events} == {T0 + 10 * DAY}
    assert events[0].data["text"] == "We'll refund you by Friday."


def test_events_are_immutable() -> None:
    """An event and its data cannot be changed after the fact."""
    ledger = make_ledger()
    event = ledger.history(record(ledger).id)[0]
    with pytest.raises(AttributeError):
        event.reason = "rewritten"  # type: ignore[misc]
    with pytest.raises(TypeError):
        event.data["text"] = "rewritten"  # type: ignore[index]


def test_replay_of_no_events_is_refused() -> None:
    """A promise's history starts with its recording: an empty one is a ValueError."""
    with pytest.raises(ValueError, match=r"^a promise needs at least its recorded event$"):
        honestcs.promises.transitions.replay([])


def test_history_is_append_only() -> None:
    """Earlier events are unchanged by later ones."""
    ledger = make_ledger()
    pid = record(ledger).id
    first = ledger.history(pid)
    ledger.mark_broken(pid, reason="lost", at=T0 + DAY)
    assert ledger.history(pid)[: len(first)] == first


def test_state_is_the_replay_of_the_history() -> None:
    """The current record equals the fold of its events."""
    ledger = make_ledger()
    pid = record(ledger).id
    ledger.reschedule(pid, T0 + 5 * DAY, reason="later", at=T0 + DAY)
    ledger.cancel(pid, reason="withdrawn", at=T0 + 2 * DAY)
    assert honestcs.promises.transitions.replay(ledger.history(pid)) == ledger.get(pid)


# -- queries -------------------------------------------------------------------------------


def test_open_overdue_and_due_soon() -> None:
    """The open list is by due time; overdue and due_soon split them around now."""
    ledger = make_ledger()
    late = record(ledger, promise=promise(due=T0 + HOUR)).id
    soon = record(ledger, promise=promise(due=T0 + 30 * HOUR)).id
    later = record(ledger, promise=promise(due=T0 + 5 * DAY)).id
    whenever = record(ledger, promise=promise(due=None)).id
    done = record(ledger, promise=promise(due=T0 + HOUR)).id
    ledger.mark_kept(done, at=T0 + HOUR)
    now = T0 + 2 * HOUR
    assert [r.id for r in ledger.open()] == [late, soon, later, whenever]
    assert [r.id for r in ledger.overdue(now)] == [late]
    assert [r.id for r in ledger.due_soon(now, DAY)] == []
    assert [r.id for r in ledger.due_soon(now, DAY + 5 * HOUR)] == [soon]
    assert [r.id for r in ledger.due_soon(now, 3 * DAY)] == [soon]
    assert [r.id for r in ledger.due_soon(now, 5 * DAY)] == [soon, later]


def test_overdue_boundary_is_strict() -> None:
    """A promise due exactly now is not yet overdue; it is due soon."""
    ledger = make_ledger()
    pid = record(ledger, promise=promise(due=T0 + DAY)).id
    assert ledger.overdue(T0 + DAY) == []
    assert [r.id for r in ledger.due_soon(T0 + DAY, HOUR)] == [pid]
    assert ledger.get(pid).is_overdue(T0 + DAY + timedelta(microseconds=1))


def test_overdue_defaults_to_the_clock() -> None:
    """Without now, overdue judges against the injected clock."""
    ledger = make_ledger(now=T0 + 4 * DAY)
    pid = record(ledger).id
    assert [r.id for r in ledger.overdue()] == [pid]


def test_due_soon_needs_a_positive_window() -> None:
    """A zero or negative window is a ValueError."""
    with pytest.raises(ValueError, match="within must be positive"):
        make_ledger().due_soon(T0, timedelta(0))


def test_filters_by_customer_agent_clause_and_status() -> None:
    """find, open and overdue narrow by customer, agent, clause and status together."""
    ledger = make_ledger()
    a = record(ledger, customer="C-1", agent="alex").id
    b = record(ledger, customer="C-1", agent="bo", promise=promise(clause="delivery")).id
    c = record(ledger, customer="C-2", agent="bo").id
    ledger.mark_kept(c, at=T0 + HOUR)
    assert [r.id for r in ledger.find(customer="C-1")] == [a, b]
    assert [r.id for r in ledger.find(agent="bo")] == [b, c]
    assert [r.id for r in ledger.find(clause="refund")] == [a, c]
    assert [r.id for r in ledger.find(status=PromiseStatus.KEPT)] == [c]
    assert [r.id for r in ledger.open(customer="C-1", clause="refund")] == [a]
    assert [r.id for r in ledger.overdue(T0 + 9 * DAY, agent="bo")] == [b]
    assert ledger.find(customer="C-3") == []


def test_open_overdue_and_due_soon_take_every_filter_and_a_limit() -> None:
    """open, overdue and due_soon narrow by customer, agent and clause, and stop at limit."""
    ledger = make_ledger()
    due = [T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR, T0 + 4 * HOUR]
    made = [T0 - i * timedelta(minutes=1) for i in range(4)]  # made in the reverse order
    a = record(ledger, customer="C-1", agent="alex", made_at=made[0], promise=promise(due=due[0]))
    b = record(ledger, customer="C-2", agent="alex", made_at=made[1], promise=promise(due=due[1]))
    c = record(ledger, customer="C-1", agent="bo", made_at=made[2], promise=promise(due=due[2]))
    d = record(
        ledger,
        customer="C-1",
        agent="alex",
        made_at=made[3],
        promise=promise(clause="x", due=due[3]),
    )
    ledger.mark_kept(record(ledger, promise=promise(due=due[1])).id, at=T0)
    late, soon = T0 + 5 * HOUR, T0 + HOUR / 2
    assert ledger.overdue(late) == [a, b, c, d]  # most overdue first
    assert ledger.overdue(late, customer="C-1") == [a, c, d]
    assert ledger.overdue(late, agent="alex", clause="refund") == [a, b]
    assert ledger.overdue(late, limit=1) == [a]
    assert ledger.open(agent="bo") == [c]
    assert ledger.open(limit=2) == [a, b]
    assert ledger.due_soon(soon, DAY) == [a, b, c, d]  # soonest first
    assert ledger.due_soon(soon, DAY, customer="C-2") == [b]
    assert ledger.due_soon(soon, DAY, agent="bo") == [c]
    assert ledger.due_soon(soon, DAY, clause="x") == [d]
    assert ledger.due_soon(soon, DAY, limit=3) == [a, b, c]


def test_due_soon_with_a_window_past_the_year_9999_is_everything_due_later() -> None:
    """A window reaching past the last datetime holds every promise due from now on."""
    ledger = make_ledger()
    pid = record(ledger, promise=promise(due=datetime(9999, 12, 31, tzinfo=UTC))).id
    record(ledger, promise=promise(due=T0))
    assert [r.id for r in ledger.due_soon(T0 + HOUR, timedelta(days=3_000_000))] == [pid]


def test_is_overdue_only_when_open_with_a_due_time_passed() -> None:
    """A record is overdue when open and its due time is strictly before now, and only then."""
    ledger = make_ledger()
    rec = record(ledger)
    assert rec.due is not None
    assert not rec.is_overdue(rec.due)
    assert rec.is_overdue(rec.due + timedelta(microseconds=1))
    assert not record(ledger, promise=promise(due=None)).is_overdue(T0 + 9 * DAY)
    kept = ledger.mark_kept(record(ledger).id, at=T0 + 9 * DAY)
    assert not kept.is_overdue(T0 + 9 * DAY)
    with pytest.raises(ValueError, match=r"^now must be timezone-aware"):
        rec.is_overdue(NAIVE)


def test_find_by_time_window_and_limit() -> None:
    """Finding takes a made_at window [since, until) and a limit, oldest first."""
    ledger = make_ledger()
    ids = [record(ledger, made_at=T0 + i * HOUR).id for i in range(5)]
    assert [r.id for r in ledger.find(made_since=T0 + HOUR, made_until=T0 + 3 * HOUR)] == ids[1:3]
    assert [r.id for r in ledger.find(limit=2)] == ids[:2]


# -- statistics --------------------------------------------------------------------------


def scenario() -> PromiseLedger:
    """Ten promises by two agents over three clause groups, made a minute apart."""
    ledger = make_ledger()
    specs = [  # agent, clause, due offset, outcome
        ("alex", "refund", 3 * DAY, ("kept", 2 * DAY)),  # on time
        ("alex", "refund", 3 * DAY, ("kept", 4 * DAY)),  # 1 day late
        ("alex", "delivery", DAY, ("kept", DAY + 2 * HOUR)),  # 2 hours late
        ("bo", "delivery", DAY, ("broken", 2 * DAY)),
        ("bo", None, None, ("kept", 6 * DAY)),  # no due time: on time
        ("bo", "refund", 2 * DAY, None),  # open, overdue at T0 + 5 days
        ("alex", None, 10 * DAY, None),  # open, not yet due
        ("bo", "delivery", DAY, ("cancelled", HOUR)),
        ("alex", "refund", DAY, ("rescheduled", 6 * DAY)),  # open, due later
        ("bo", "refund", DAY, ("kept", DAY + 4 * HOUR)),  # 4 hours late
    ]
    for minute, (agent, clause, due, outcome) in enumerate(specs):
        made = T0 + timedelta(minutes=minute)
        rec = record(
            ledger,
            agent=agent,
            made_at=made,
            promise=promise(clause=clause, due=None if due is None else T0 + due),
        )
        if outcome is None:
            continue
        kind, offset = outcome
        if kind == "kept":
            ledger.mark_kept(rec.id, at=T0 + offset)
        elif kind == "broken":
            ledger.mark_broken(rec.id, reason="lost", at=T0 + offset)
        elif kind == "cancelled":
            ledger.cancel(rec.id, reason="withdrawn", at=T0 + offset)
        else:
            ledger.reschedule(rec.id, T0 + offset, reason="stock", at=T0 + HOUR)
    return ledger


def test_stats_on_a_hand_built_scenario() -> None:
    """Every figure overall, per agent and per clause matches the hand count."""
    stats = scenario().stats(now=T0 + 5 * DAY)
    assert stats.overall == StatsRow(
        made=10, kept=5, kept_on_time=2, broken=1, cancelled=1, open=3, overdue=1,
        rescheduled=1, median_lateness=4 * HOUR,
    )  # fmt: skip
    assert stats.overall.kept_rate == pytest.approx(5 / 6)
    assert stats.by_agent == {
        "alex": StatsRow(
            made=5, kept=3, kept_on_time=1, open=2, rescheduled=1, median_lateness=13 * HOUR
        ),
        "bo": StatsRow(
            made=5, kept=2, kept_on_time=1, broken=1, cancelled=1, open=1, overdue=1,
            median_lateness=4 * HOUR,
        ),
    }  # fmt: skip
    assert stats.by_agent["bo"].kept_rate == pytest.approx(2 / 3)
    assert list(stats.by_clause) == ["delivery", "refund", None]
    assert stats.by_clause["refund"] == StatsRow(
        made=5, kept=3, kept_on_time=1, open=2, overdue=1, rescheduled=1,
        median_lateness=14 * HOUR,
    )  # fmt: skip
    assert stats.by_clause["delivery"] == StatsRow(
        made=3, kept=1, broken=1, cancelled=1, median_lateness=2 * HOUR
    )
    assert stats.by_clause[None] == StatsRow(made=2, kept=1, kept_on_time=1, open=1)
    assert stats.now == T0 + 5 * DAY


def test_stats_window_counts_promises_made_in_it() -> None:
    """The since and until bounds select promises by when they were made, [since, until)."""
    ledger = scenario()
    split = T0 + timedelta(minutes=5)
    early = ledger.stats(until=split, now=T0 + 5 * DAY)
    late = ledger.stats(since=split, now=T0 + 5 * DAY)
    assert (early.overall.made, late.overall.made) == (5, 5)
    assert early.overall.kept + late.overall.kept == 5
    assert late.overall.overdue == 1
    assert (late.since, late.until, early.until) == (split, None, split)
    with pytest.raises(ValueError, match="before since"):
        ledger.stats(since=split, until=T0)


def test_overdue_in_stats_depends_on_now() -> None:
    """The same ledger has no overdue promise before the first due time passes."""
    assert scenario().stats(now=T0).overall.overdue == 0


def test_kept_rate_is_none_when_nothing_was_decided() -> None:
    """With no promise kept or broken there is no kept rate (not zero, not one)."""
    ledger = make_ledger()
    record(ledger)
    stats = ledger.stats(now=T0)
    assert stats.overall.kept_rate is None
    assert stats.overall.median_lateness is None
    assert make_ledger().stats(now=T0).overall == StatsRow()


def test_stats_boundaries_kept_at_the_due_time_is_on_time_and_due_now_is_not_overdue() -> None:
    """Kept exactly at its due time counts on time; due exactly now is not yet overdue."""
    ledger = make_ledger()
    ledger.mark_kept(record(ledger).id, at=T0 + 3 * DAY)
    record(ledger)
    stats = ledger.stats(now=T0 + 3 * DAY)
    assert (stats.overall.kept_on_time, stats.overall.overdue) == (1, 0)
    assert stats.overall.median_lateness is None
    with pytest.raises(ValueError, match=r"^now must be timezone-aware"):
        honestcs.promises.stats.tally([], now=NAIVE)


def test_stats_to_dict_names_every_figure() -> None:
    """to_dict has the window, each figure of each row, and the clause groups by name."""
    ledger = scenario()
    split = T0 + timedelta(minutes=5)
    data = ledger.stats(since=T0, until=split, now=T0 + 5 * DAY).to_dict()
    assert (data["now"], data["since"], data["until"]) == (
        (T0 + 5 * DAY).isoformat(), T0.isoformat(), split.isoformat(),
    )  # fmt: skip
    assert data["overall"] == {
        "made": 5, "kept": 4, "kept_on_time": 2, "broken": 1, "cancelled": 0, "open": 0,
        "overdue": 0, "rescheduled": 0, "kept_rate": 0.8, "median_lateness_seconds": 13 * 3600.0,
    }  # fmt: skip
    assert list(data["by_clause"]) == ["delivery", "refund", "null"]
    late = scenario().stats(since=split, now=T0 + 5 * DAY).to_dict()["overall"]
    assert (late["cancelled"], late["rescheduled"], late["open"]) == (1, 1, 3)


def test_stats_to_dict_is_json() -> None:
    """Stats serialise to JSON with rates and median lateness in seconds."""
    data = json.loads(json.dumps(scenario().stats(now=T0 + 5 * DAY).to_dict()))
    assert data["overall"]["median_lateness_seconds"] == 4 * 3600
    assert data["by_clause"]["null"]["made"] == 2
    assert data["by_agent"]["alex"]["kept_rate"] == 1.0


# -- odds and ends -----------------------------------------------------------------------


def test_repr_counts_a_state_the_store_does_not_report_as_zero() -> None:
    """A store may leave out the states it holds none of; the repr shows them as 0."""

    class Partial(MemoryStore):
        def counts(self) -> dict[PromiseStatus, int]:
            return {PromiseStatus.OPEN: 2}

    ledger = PromiseLedger(Partial())
    assert repr(ledger) == "<PromiseLedger open=2 kept=0 broken=0 cancelled=0>"
    assert ledger.counts() == {PromiseStatus.OPEN: 2, PromiseStatus.KEPT: 0,
                               PromiseStatus.BROKEN: 0, PromiseStatus.CANCELLED: 0}  # fmt: skip


def test_repr_is_short() -> None:
    """The ledger's repr shows the count in each state."""
    ledger = make_ledger()
    record(ledger)
    ledger.mark_kept(record(ledger).id, at=T0 + HOUR)
    assert repr(ledger) == "<PromiseLedger open=1 kept=1 broken=0 cancelled=0>"
    assert repr(MemoryStore()) == "<MemoryStore promises=0>"


def test_ids_are_short_unique_and_sortable() -> None:
    """Promise ids are short, all different, and sort in the order they were made."""
    ids = [new_promise_id() for _ in range(2000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    assert all(len(i) == 19 and i.startswith("P-") for i in ids)


def test_an_id_after_the_random_part_runs_out_moves_to_the_next_millisecond() -> None:
    """When counting up would overflow the random part, the next id is a millisecond later."""
    far = 2**45  # in the year 3084: later than the clock, so the ids count up from here
    promise_ids._last_id[:] = [far, 2**40 - 2]
    try:
        last_of_its_millisecond = new_promise_id()
        assert promise_ids._last_id == [far, 2**40 - 1]
        following = new_promise_id()
        assert promise_ids._last_id[0] == far + 1
        assert following > last_of_its_millisecond
    finally:
        promise_ids._last_id[:] = [0, 0]


def test_records_and_events_serialise_to_json() -> None:
    """to_dict of a record and of an event is plain JSON with ISO times."""
    ledger = make_ledger()
    pid = record(ledger, meta={"channel": "chat"}).id
    rec = ledger.mark_kept(pid, at=T0 + HOUR)
    data = json.loads(json.dumps(rec.to_dict()))
    assert data["status"] == "kept"
    assert data["closed_at"] == (T0 + HOUR).isoformat()
    assert data["meta"] == {"channel": "chat"}
    event = json.loads(json.dumps(ledger.history(pid)[1].to_dict()))
    assert event["kind"] == "kept"


def test_an_event_read_from_its_dict_is_the_event() -> None:
    """PromiseEvent.from_dict(event.to_dict()) gives back every field, times included."""
    ledger = make_ledger(now=T0 + 2 * DAY)
    pid = record(ledger, meta={"channel": "chat"}).id
    ledger.reschedule(pid, T0 + 9 * DAY, reason="stock", at=T0 + DAY, by="kim")
    for event in ledger.history(pid):
        assert PromiseEvent.from_dict(json.loads(json.dumps(event.to_dict()))) == event
    last = ledger.history(pid)[-1]
    assert (last.actor, last.reason, last.recorded_at) == ("kim", "stock", T0 + 2 * DAY)
    assert last.to_dict()["recorded_at"] == (T0 + 2 * DAY).isoformat()


def _event_dict(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "promise_id": "P-1", "seq": 2, "at": T0.isoformat(), "kind": "kept", "actor": "kim",
        "reason": None, "data": {}, "recorded_at": None,
    }  # fmt: skip
    data.update(changes)
    return {k: v for k, v in data.items() if v is not _DROP}


_DROP = object()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"when": "now"}, "unknown key 'when' (an event has promise_id, seq, at, kind, actor, "
                          "reason, data, recorded_at)"),
        ({"kind": _DROP}, "missing 'kind'"),
        ({"promise_id": ""}, "promise_id must be a non-empty string, not ''"),
        ({"promise_id": 7}, "promise_id must be a non-empty string, not 7"),
        ({"seq": 0}, "seq must be a whole number from 1, not 0"),
        ({"seq": True}, "seq must be a whole number from 1, not True"),
        ({"seq": "2"}, "seq must be a whole number from 1, not '2'"),
        ({"kind": "lost"}, "kind must be one of recorded, kept, broken, cancelled, "
                           "rescheduled, not 'lost'"),
        ({"actor": 7}, "actor must be a string or null, not 7"),
        ({"reason": ["x"]}, "reason must be a string or null, not ['x']"),
        ({"data": [1]}, "data must be an object, not [1]"),
        ({"at": None}, "at must be an ISO 8601 time, not null"),
        ({"at": 5}, "at: expected an ISO 8601 time, got 5"),
        ({"recorded_at": "2026-12-01T09:00"}, "recorded_at: time must be timezone-aware"),
    ],
)  # fmt: skip
def test_an_event_dict_that_is_wrong_is_refused_naming_the_key(
    changes: dict[str, object], message: str
) -> None:
    """from_dict refuses a malformed event with a message naming the key and the value."""
    assert PromiseEvent.from_dict(_event_dict()).actor == "kim"
    with pytest.raises(ValueError) as info:
        PromiseEvent.from_dict(_event_dict(**changes))
    assert str(info.value).startswith(message)


def test_record_to_dict_has_every_time() -> None:
    """A rescheduled, closed record's dict has its original due and its last update."""
    ledger = make_ledger()
    pid = record(ledger).id
    ledger.reschedule(pid, T0 + 9 * DAY, reason="stock", at=T0 + DAY)
    data = ledger.mark_kept(pid, at=T0 + 2 * DAY).to_dict()
    assert (data["original_due"], data["due"], data["updated_at"]) == (
        (T0 + 3 * DAY).isoformat(), (T0 + 9 * DAY).isoformat(), (T0 + 2 * DAY).isoformat(),
    )  # fmt: skip


def test_meta_with_a_nan_is_refused() -> None:
    """NaN is not JSON: meta holding one is refused rather than stored as a bare NaN."""
    with pytest.raises(ValueError, match="meta must hold only JSON values"):
        record(make_ledger(), meta={"score": float("nan")})


def test_ledger_is_a_context_manager(tmp_path: Path) -> None:
    """Leaving a with block closes the store, and what was recorded inside it stays."""
    path = tmp_path / "ledger.db"
    with PromiseLedger(SQLiteStore(path), clock=lambda: T0) as ledger:
        record(ledger)
    with pytest.raises(StoreError, match="the store is closed"):
        ledger.counts()
    with PromiseLedger(SQLiteStore(path), clock=lambda: T0) as reopened:
        assert reopened.counts()[PromiseStatus.OPEN] == 1


def test_leaving_a_with_block_by_an_error_closes_the_store_too(tmp_path: Path) -> None:
    """An exception inside the block closes the store and is not swallowed."""
    with (
        pytest.raises(ValueError, match="boom"),
        PromiseLedger(SQLiteStore(tmp_path / "ledger.db"), clock=lambda: T0) as ledger,
    ):
        raise ValueError("boom")
    with pytest.raises(StoreError, match="the store is closed"):
        ledger.counts()


def test_record_lateness_and_on_time() -> None:
    """A record knows how late it was kept, and whether on time."""
    ledger = make_ledger()
    rec = ledger.mark_kept(record(ledger).id, at=T0 + 4 * DAY)
    assert rec.lateness == DAY
    assert not rec.kept_on_time
    early = ledger.mark_kept(record(ledger).id, at=T0 + DAY)
    assert early.lateness == -2 * DAY
    assert early.kept_on_time
