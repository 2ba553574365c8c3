"""The PromiseStore contract: one suite, run against every store."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from honestcs import (
    IllegalTransitionError,
    MemoryStore,
    PostgresStore,
    Promise,
    PromiseEvent,
    PromiseLedger,
    PromiseNotFoundError,
    PromiseRecord,
    PromiseStatus,
    PromiseStore,
    SQLiteStore,
    StoreError,
)
from honestcs.promises.model import EventKind, PromiseQuery
from honestcs.promises.stats import tally
from honestcs.promises.transitions import replay
from honestcs.stores import StaleEventError

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


@pytest.fixture(params=["memory", "sqlite-file", "sqlite-memory", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PromiseStore]:
    made: PromiseStore
    if request.param == "memory":
        made = MemoryStore()
    elif request.param == "sqlite-file":
        made = SQLiteStore(tmp_path / "promises.db")
    elif request.param == "postgres":
        dsn = request.getfixturevalue("postgres_dsn")
        made = PostgresStore(dsn, schema=request.getfixturevalue("postgres_schema"))
    else:
        made = SQLiteStore(":memory:")
    yield made
    made.close()


@pytest.fixture
def ledger(store: PromiseStore) -> PromiseLedger:
    return PromiseLedger(store, clock=lambda: T0 + 30 * DAY)


def recorded(
    pid: str,
    *,
    key: str | None = None,
    agent: str = "alex",
    customer: str = "C-1",
    clause: str | None = "refund",
    due: datetime | None = T0 + DAY,
    made: datetime = T0,
) -> PromiseEvent:
    return PromiseEvent(
        promise_id=pid,
        seq=1,
        at=made,
        kind=EventKind.RECORDED,
        actor=agent,
        data={
            "customer": customer,
            "agent": agent,
            "clause": clause,
            "text": f"Promise {pid}.",
            "due": None if due is None else due.isoformat(),
            "key": key,
            "meta": {"n": 1},
        },
    )


def change(pid: str, seq: int, kind: EventKind, **data: str) -> PromiseEvent:
    return PromiseEvent(
        promise_id=pid, seq=seq, at=T0 + HOUR, kind=kind, actor="sam", reason="why", data=data
    )


def add(ledger: PromiseLedger, **kwargs: object) -> PromiseRecord:
    text = str(kwargs.pop("text", "We'll call you back."))
    due = kwargs.pop("due", T0 + DAY)
    clause = kwargs.pop("clause", "refund")
    args: dict[str, object] = {"customer": "C-1", "agent": "alex", "made_at": T0}
    args.update(kwargs)
    p = Promise(text, 0, len(text), clause=clause, due=due)  # type: ignore[arg-type]
    return ledger.record(p, **args)  # type: ignore[arg-type]


# -- basic storage -------------------------------------------------------------------


def test_store_satisfies_the_protocol(store: PromiseStore) -> None:
    """Every store is a PromiseStore."""
    assert isinstance(store, PromiseStore)


def test_append_then_get_and_history(store: PromiseStore) -> None:
    """A recorded event creates a record that get and history return."""
    [rec] = store.append([recorded("P-1")])
    assert rec.status is PromiseStatus.OPEN
    assert store.get("P-1") == rec
    assert store.history("P-1") == [recorded("P-1")]
    assert dict(rec.meta) == {"n": 1}


def test_changes_update_the_record(store: PromiseStore) -> None:
    """Later events move the record through the fold, one seq at a time."""
    store.append([recorded("P-1")])
    store.append([change("P-1", 2, EventKind.RESCHEDULED, due=(T0 + 5 * DAY).isoformat())])
    [rec] = store.append([change("P-1", 3, EventKind.KEPT)])
    assert (rec.status, rec.due, rec.version, rec.reschedules) == (
        PromiseStatus.KEPT, T0 + 5 * DAY, 3, 1,
    )  # fmt: skip
    assert store.get("P-1") == rec == replay(store.history("P-1"))


def test_unknown_ids(store: PromiseStore) -> None:
    """Reading or changing an unknown id raises PromiseNotFoundError."""
    with pytest.raises(PromiseNotFoundError, match=r"^no promise with id 'P-X'$"):
        store.get("P-X")
    with pytest.raises(PromiseNotFoundError, match=r"^no promise with id 'P-X'$"):
        store.history("P-X")
    with pytest.raises(PromiseNotFoundError, match=r"^no promise with id 'P-X'$"):
        store.append([change("P-X", 2, EventKind.KEPT)])


def test_a_key_already_stored_returns_that_record(store: PromiseStore) -> None:
    """A recording whose key is taken writes nothing and returns the first record."""
    [first] = store.append([recorded("P-1", key="k")])
    [again] = store.append([recorded("P-2", key="k")])
    assert again == first
    with pytest.raises(PromiseNotFoundError):
        store.get("P-2")
    [inside] = store.append([recorded("P-3", key="j"), recorded("P-4", key="j")])[1:]
    assert inside.id == "P-3"


def test_record_keyed_records_new_keys_and_skips_known_ones(ledger: PromiseLedger) -> None:
    """record_keyed writes each new key once and says which promises it skipped."""
    one = Promise("We'll refund you by Friday.", 0, 27, clause="refund", due=T0 + DAY)
    two = Promise("We'll call you today.", 28, 49, clause=None, due=None)
    first = ledger.record_keyed([(one, "r#0-27")], customer="C-1", agent="alex", made_at=T0)
    assert [r.created for r in first] == [True]
    again = ledger.record_keyed(
        [(one, "r#0-27"), (two, "r#28-49")], customer="C-1", agent="alex", made_at=T0 + DAY
    )
    assert [r.created for r in again] == [False, True]
    assert again[0].record == first[0].record
    assert again[1].record.key == "r#28-49"
    assert again[1].record.clause is None and again[1].record.due is None
    assert len(ledger.open(customer="C-1")) == 2
    with pytest.raises(ValueError, match="two promises of one batch"):
        ledger.record_keyed([(one, "x"), (two, "x")], customer="C-1", agent="alex")


def test_a_duplicate_id_is_refused(store: PromiseStore) -> None:
    """Recording an id that is already stored is a StoreError."""
    store.append([recorded("P-1")])
    with pytest.raises(StoreError, match="already stored"):
        store.append([recorded("P-1")])


def test_a_stale_event_is_refused(store: PromiseStore) -> None:
    """An event whose seq is not the next one raises StaleEventError and changes nothing."""
    store.append([recorded("P-1")])
    store.append([change("P-1", 2, EventKind.RESCHEDULED, due=(T0 + 5 * DAY).isoformat())])
    with pytest.raises(StaleEventError, match="stale"):
        store.append([change("P-1", 2, EventKind.KEPT)])
    assert store.get("P-1").status is PromiseStatus.OPEN


def test_an_illegal_move_is_refused_by_the_store_too(store: PromiseStore) -> None:
    """The store folds with the state table, so it cannot be made to store an illegal move."""
    store.append([recorded("P-1")])
    store.append([change("P-1", 2, EventKind.KEPT)])
    with pytest.raises(IllegalTransitionError, match="kept -> broken"):
        store.append([change("P-1", 3, EventKind.BROKEN)])
    assert len(store.history("P-1")) == 2


def test_a_batch_is_all_or_nothing(store: PromiseStore) -> None:
    """When one event of a batch fails, none of the batch is stored."""
    store.append([recorded("P-1")])
    with pytest.raises(PromiseNotFoundError):
        store.append(
            [recorded("P-2"), change("P-1", 2, EventKind.KEPT), change("P-9", 2, EventKind.KEPT)]
        )
    with pytest.raises(PromiseNotFoundError):
        store.get("P-2")
    assert store.get("P-1").status is PromiseStatus.OPEN
    assert store.counts()[PromiseStatus.OPEN] == 1


def test_a_batch_can_record_and_change_the_same_promise(store: PromiseStore) -> None:
    """Events in one batch see the records of the events before them."""
    records = store.append([recorded("P-1"), change("P-1", 2, EventKind.CANCELLED)])
    assert [r.status for r in records] == [PromiseStatus.OPEN, PromiseStatus.CANCELLED]
    assert store.get("P-1").status is PromiseStatus.CANCELLED


def test_counts(ledger: PromiseLedger) -> None:
    """The counts give the number of promises in each state."""
    ids = [add(ledger).id for _ in range(4)]
    ledger.mark_kept(ids[0], at=T0 + HOUR)
    ledger.mark_broken(ids[1], reason="lost", at=T0 + HOUR)
    assert ledger.counts() == {
        PromiseStatus.OPEN: 2, PromiseStatus.KEPT: 1,
        PromiseStatus.BROKEN: 1, PromiseStatus.CANCELLED: 0,
    }  # fmt: skip


# -- queries -----------------------------------------------------------------------------


def test_find_filters_and_orders(store: PromiseStore) -> None:
    """A query applies every criterion, orders by made or due (no due last), and limits."""
    store.append(
        [
            recorded("P-1", customer="C-1", agent="alex", clause="refund", due=T0 + 3 * DAY),
            recorded("P-2", customer="C-2", agent="bo", clause=None, due=None, made=T0 + HOUR),
            recorded("P-3", customer="C-1", agent="bo", clause="delivery", due=T0 + DAY),
            recorded("P-4", customer="C-1", agent="alex", clause="refund", due=T0 + 2 * DAY),
        ]
    )
    store.append([change("P-4", 2, EventKind.KEPT)])

    def ids(**criteria: object) -> list[str]:
        return [r.id for r in store.find(PromiseQuery(**criteria))]  # type: ignore[arg-type]

    assert ids() == ["P-1", "P-3", "P-4", "P-2"]
    assert ids(order="due") == ["P-3", "P-4", "P-1", "P-2"]
    assert ids(status=PromiseStatus.OPEN, order="due") == ["P-3", "P-1", "P-2"]
    assert ids(status=PromiseStatus.KEPT) == ["P-4"]
    assert ids(customer="C-1", agent="alex") == ["P-1", "P-4"]
    assert ids(clause="refund", status=PromiseStatus.OPEN) == ["P-1"]
    assert ids(due_before=T0 + 2 * DAY, order="due") == ["P-3"]
    assert ids(due_from=T0 + 2 * DAY, order="due") == ["P-4", "P-1"]
    assert ids(made_since=T0 + HOUR) == ["P-2"]
    assert ids(made_until=T0 + HOUR) == ["P-1", "P-3", "P-4"]
    assert ids(limit=2) == ["P-1", "P-3"]
    assert ids(customer="nobody") == []


def test_ledger_queries(ledger: PromiseLedger) -> None:
    """The open, overdue and due_soon queries give the same answers on every store."""
    late = add(ledger, due=T0 + HOUR).id
    soon = add(ledger, due=T0 + 20 * HOUR, customer="C-2").id
    later = add(ledger, due=T0 + 5 * DAY).id
    whenever = add(ledger, due=None).id
    now = T0 + 2 * HOUR
    assert [r.id for r in ledger.open()] == [late, soon, later, whenever]
    assert [r.id for r in ledger.overdue(now)] == [late]
    assert [r.id for r in ledger.due_soon(now, DAY)] == [soon]
    assert [r.id for r in ledger.open(customer="C-2", clause="refund")] == [soon]


# -- the event log and the projection -----------------------------------------------------


def random_history(ledger: PromiseLedger, rng: random.Random, n: int) -> None:
    agents, clauses = ["alex", "bo", "kim"], ["refund", "delivery", None]
    for i in range(n):
        made = T0 + timedelta(minutes=17 * i)
        due = None if rng.random() < 0.1 else made + timedelta(hours=rng.randint(1, 96))
        rec = add(
            ledger,
            made_at=made,
            due=due,
            agent=rng.choice(agents),
            clause=rng.choice(clauses),
            customer=f"C-{rng.randint(1, 20)}",
        )
        if rng.random() < 0.3:
            ledger.reschedule(
                rec.id, made + timedelta(hours=rng.randint(97, 200)), reason="later", at=made
            )
        roll = rng.random()
        at = made + timedelta(hours=rng.randint(0, 150), minutes=rng.randint(0, 59))
        if roll < 0.55:
            ledger.mark_kept(rec.id, at=at)
        elif roll < 0.65:
            ledger.mark_broken(rec.id, reason="lost", at=at)
        elif roll < 0.72:
            ledger.cancel(rec.id, reason="withdrawn", at=at)


def test_projection_equals_replay_of_the_log(ledger: PromiseLedger, store: PromiseStore) -> None:
    """Every stored record is exactly the replay of its events."""
    random_history(ledger, random.Random(1), 60)
    records = store.find(PromiseQuery())
    assert len(records) == 60
    for rec in records:
        assert rec == replay(store.history(rec.id))


def test_iter_events_copies_a_ledger_to_another_store(
    ledger: PromiseLedger, store: PromiseStore
) -> None:
    """Appending one store's log to another gives the same records."""
    random_history(ledger, random.Random(2), 40)
    events = list(store.iter_events())
    assert [(e.promise_id, e.seq) for e in events] == sorted((e.promise_id, e.seq) for e in events)
    copy = MemoryStore()
    copy.append(events)
    assert copy.find(PromiseQuery()) == store.find(PromiseQuery())


@pytest.mark.parametrize("target_has_data", [False, True])
def test_import_events_loads_another_stores_log(
    ledger: PromiseLedger, store: PromiseStore, target_has_data: bool
) -> None:
    """Bulk import of a log gives the same records, events and stats as the original."""
    source = PromiseLedger(MemoryStore(), clock=lambda: T0 + 30 * DAY)
    random_history(source, random.Random(6), 50)
    if target_has_data:
        add(ledger, customer="already-here")
    count = store.import_events(source.store.iter_events())  # type: ignore[attr-defined]
    assert count == 50
    for rec in source.find():
        assert store.get(rec.id) == rec
        assert store.history(rec.id) == source.history(rec.id)
    expected = len(source.find()) + target_has_data
    assert sum(ledger.counts().values()) == expected
    assert ledger.stats(now=T0 + DAY).overall.made == expected


def test_import_refuses_what_is_already_stored(ledger: PromiseLedger, store: PromiseStore) -> None:
    """Importing an id or key already in the store fails and imports nothing."""
    rec = add(ledger, key="k-1")
    with pytest.raises(StoreError, match="already stored"):
        store.import_events([recorded("P-NEW"), *store.history(rec.id)])  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="already stored"):
        store.import_events([recorded("P-NEW"), recorded("P-KEY", key="k-1")])  # type: ignore[attr-defined]
    with pytest.raises(PromiseNotFoundError):
        store.get("P-NEW")
    assert sum(ledger.counts().values()) == 1


def test_import_refuses_an_id_or_a_key_twice_in_one_log(store: PromiseStore) -> None:
    """A log that records one id, or one key, twice is refused, naming it; nothing is imported."""
    with pytest.raises(StoreError, match="already stored"):
        store.import_events([recorded("P-1"), recorded("P-1")])  # type: ignore[attr-defined]
    with pytest.raises(StoreError, match="already stored"):
        store.import_events([recorded("P-1", key="k"), recorded("P-2", key="k")])  # type: ignore[attr-defined]
    assert store.find(PromiseQuery()) == []


def test_imported_keys_are_known_to_the_store(store: PromiseStore) -> None:
    """A promise imported with a key is the record that key returns afterwards, rebuilt or not."""
    assert store.import_events([recorded("P-1", key="k")]) == 1  # type: ignore[attr-defined]
    [again] = store.append([recorded("P-2", key="k")])
    assert again.id == "P-1"
    store.rebuild()  # type: ignore[attr-defined]
    assert store.append([recorded("P-3", key="k")])[0].id == "P-1"


def test_import_refuses_a_log_that_starts_with_a_change(store: PromiseStore) -> None:
    """A log whose first event is not a recording is refused, naming the event."""
    with pytest.raises(StoreError, match="event 2 of P-1 does not follow"):
        store.import_events([change("P-1", 2, EventKind.KEPT)])  # type: ignore[attr-defined]


def test_import_refuses_a_broken_history(store: PromiseStore) -> None:
    """A change without its promise's earlier events, or an illegal move, is refused."""
    with pytest.raises(StoreError, match="does not follow"):
        store.import_events([recorded("P-1"), change("P-2", 2, EventKind.KEPT)])  # type: ignore[attr-defined]
    with pytest.raises(IllegalTransitionError):
        store.import_events(  # type: ignore[attr-defined]
            [recorded("P-1"), change("P-1", 2, EventKind.KEPT), change("P-1", 3, EventKind.KEPT)]
        )
    assert store.find(PromiseQuery()) == []


def test_rebuild_recomputes_the_projection(ledger: PromiseLedger, store: PromiseStore) -> None:
    """Rebuilding gives back the same records and statistics from the log alone."""
    random_history(ledger, random.Random(3), 40)
    before = store.find(PromiseQuery())
    stats = ledger.stats(now=T0 + 3 * DAY)
    assert store.rebuild() == 40  # type: ignore[attr-defined]
    assert store.find(PromiseQuery()) == before
    assert ledger.stats(now=T0 + 3 * DAY) == stats


def test_rebuild_keeps_the_idempotency_keys(ledger: PromiseLedger, store: PromiseStore) -> None:
    """After a rebuild, a key recorded before still returns its first record."""
    first = add(ledger, key="k-1")
    assert store.rebuild() == 1  # type: ignore[attr-defined]
    assert add(ledger, key="k-1", text="Something else.") == first
    assert sum(ledger.counts().values()) == 1


# -- statistics ----------------------------------------------------------------------------


def test_stats_windows_reach_back_before_1970_and_forward_past_2100(ledger: PromiseLedger) -> None:
    """A window open at one end holds promises made in any year a datetime holds."""
    old = datetime(1960, 1, 1, tzinfo=UTC)
    future = datetime(2300, 1, 1, tzinfo=UTC)
    add(ledger, made_at=old, due=None)
    add(ledger, made_at=future, due=None)
    assert ledger.stats(until=T0, now=T0).overall.made == 1
    assert ledger.stats(since=T0, now=T0).overall.made == 1
    assert ledger.stats(now=T0).overall.made == 2


@pytest.mark.parametrize("seed", [4, 5])
def test_stats_equal_the_reference_tally(
    ledger: PromiseLedger, store: PromiseStore, seed: int
) -> None:
    """Whatever way a store computes stats, they equal tally() over the same promises."""
    random_history(ledger, random.Random(seed), 120)
    everything = store.find(PromiseQuery())
    last = max(r.made_at for r in everything)
    windows: Sequence[tuple[datetime | None, datetime | None]] = [
        (None, None),
        (T0 - DAY, None),  # covers everything: the fast path must agree
        (None, last + HOUR),
        (T0 + 5 * HOUR, None),
        (None, T0 + 10 * HOUR),
        (T0 + 3 * HOUR, T0 + 12 * HOUR),
    ]
    for now in (T0, T0 + 2 * DAY, T0 + 9 * DAY):
        for since, until in windows:
            query = PromiseQuery(made_since=since, made_until=until)
            expected = tally(
                [r for r in everything if query.matches(r)], now=now, since=since, until=until
            )
            assert ledger.stats(since=since, until=until, now=now) == expected


def test_stats_of_a_window_whose_open_promises_have_no_due_time(ledger: PromiseLedger) -> None:
    """A window where a group's promises are all open and open-ended has none overdue.

    SQLiteStore summed ``status = 'open' AND due < now`` over such a group: NULL, not 0, and
    the statistics of any window narrower than the whole ledger failed.
    """
    add(ledger, due=None)
    add(ledger, due=None, made_at=T0 + DAY)
    row = ledger.stats(until=T0 + HOUR, now=T0 + 2 * DAY).overall
    assert (row.made, row.open, row.overdue) == (1, 1, 0)
    assert ledger.stats(since=T0 + HOUR, now=T0 + 2 * DAY).overall.made == 1


def test_stats_of_an_empty_store(ledger: PromiseLedger) -> None:
    """An empty store has all-zero stats and no groups."""
    stats = ledger.stats(now=T0)
    assert stats.overall.made == 0
    assert stats.by_agent == {} and stats.by_clause == {}


# -- concurrent changes through the ledger --------------------------------------------------


class Racing:
    """A store that lets another writer change a promise just before the first append."""

    def __init__(self, inner: PromiseStore, rival: PromiseEvent) -> None:
        self.inner = inner
        self.rival: PromiseEvent | None = rival

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def append(self, events: Sequence[PromiseEvent]) -> list[PromiseRecord]:
        if self.rival is not None:
            rival, self.rival = self.rival, None
            self.inner.append([rival])
        return self.inner.append(events)


def test_ledger_retries_after_a_concurrent_legal_change(store: PromiseStore) -> None:
    """When another writer reschedules first, marking kept is checked again and succeeds."""
    store.append([recorded("P-1")])
    rival = change("P-1", 2, EventKind.RESCHEDULED, due=(T0 + 4 * DAY).isoformat())
    ledger = PromiseLedger(Racing(store, rival), clock=lambda: T0 + DAY)  # type: ignore[arg-type]
    rec = ledger.mark_kept("P-1")
    assert (rec.status, rec.version, rec.due) == (PromiseStatus.KEPT, 3, T0 + 4 * DAY)


def test_ledger_refuses_a_move_made_illegal_by_a_concurrent_change(store: PromiseStore) -> None:
    """When another writer marks the promise kept first, marking it broken is illegal."""
    store.append([recorded("P-1")])
    ledger = PromiseLedger(
        Racing(store, change("P-1", 2, EventKind.KEPT)),  # type: ignore[arg-type]
        clock=lambda: T0 + DAY,
    )
    with pytest.raises(IllegalTransitionError, match="kept -> broken"):
        ledger.mark_broken("P-1", reason="late")
    assert store.get("P-1").status is PromiseStatus.KEPT


# -- departments -----------------------------------------------------------------------


def test_the_department_of_a_promise_is_kept_through_every_change(ledger: PromiseLedger) -> None:
    """A promise's department is stored, read back, kept by changes and exported."""
    text = "We'll refund you within 7 business days."
    promise = Promise(text, 0, len(text), clause="refund", due=T0 + DAY, department="billing")
    rec = ledger.record(promise, customer="C-1", agent="alex", made_at=T0)
    assert rec.department == "billing"
    assert ledger.get(rec.id).department == "billing"
    kept = ledger.mark_kept(rec.id, at=T0 + HOUR)
    assert kept.department == "billing"
    assert ledger.find()[0].department == "billing"
    assert ledger.get(rec.id).to_dict()["department"] == "billing"
    assert add(ledger).department is None  # a promise without one stays without
    assert ledger.history(rec.id)[0].data["department"] == "billing"
