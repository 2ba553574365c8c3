"""The ledger against a simple model, under random sequences of operations (Hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    rule,
)

from honestcs import (
    IllegalTransitionError,
    MemoryStore,
    Promise,
    PromiseLedger,
    PromiseNotFoundError,
    PromiseStatus,
    SQLiteStore,
)
from honestcs.promises.transitions import replay

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=15)  # what overdue is judged against
LATER = T0 + timedelta(days=20)  # every change happens after every recording

dues = st.none() | st.integers(min_value=0, max_value=30 * 24).map(
    lambda hours: T0 + timedelta(hours=hours)
)
keys = st.none() | st.sampled_from(["k1", "k2", "k3"])


@attrs.define
class Model:
    """What the ledger should say about one promise."""

    status: PromiseStatus
    due: datetime | None
    agent: str
    version: int = 1


class LedgerMachine(RuleBasedStateMachine):
    """Random records, keeps, breaks, cancels and reschedules, checked against a dict."""

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.model: dict[str, Model] = {}
        self.keys: dict[str, str] = {}
        self.ledger = PromiseLedger(self.make_store(), clock=lambda: LATER)
        self.minute = 0

    def make_store(self) -> Any:
        return MemoryStore()

    def teardown(self) -> None:
        self.ledger.close()

    @initialize()
    def start(self) -> None:
        assert self.ledger.find() == []

    @rule(
        target=ids,
        agent=st.sampled_from(["alex", "bo"]),
        clause=st.sampled_from(["refund", "delivery", None]),
        due=dues,
        key=keys,
    )
    def record(self, agent: str, clause: str | None, due: datetime | None, key: str | None) -> str:
        self.minute += 1
        text = "We will sort it out."
        rec = self.ledger.record(
            Promise(text, 0, len(text), clause=clause, due=due),
            customer="C-1",
            agent=agent,
            made_at=T0 + timedelta(minutes=self.minute),
            key=key,
        )
        if key is not None and key in self.keys:
            assert rec.id == self.keys[key]
        else:
            assert rec.id not in self.model
            self.model[rec.id] = Model(PromiseStatus.OPEN, due, agent)
            if key is not None:
                self.keys[key] = rec.id
        return rec.id

    def change(self, pid: str, action: str, target: PromiseStatus, **kwargs: Any) -> None:
        expected = self.model[pid]
        method = getattr(self.ledger, action)
        if expected.status is not PromiseStatus.OPEN:
            with pytest.raises(IllegalTransitionError, match=f"{expected.status.value} -> "):
                method(pid, **kwargs)
            return
        rec = method(pid, **kwargs)
        expected.status = target
        expected.version += 1
        assert rec.status is target

    @rule(pid=ids, hours=st.integers(0, 240))
    def keep(self, pid: str, hours: int) -> None:
        self.change(pid, "mark_kept", PromiseStatus.KEPT, at=LATER + timedelta(hours=hours))

    @rule(pid=ids)
    def break_it(self, pid: str) -> None:
        self.change(pid, "mark_broken", PromiseStatus.BROKEN, reason="courier lost it", at=LATER)

    @rule(pid=ids)
    def cancel(self, pid: str) -> None:
        self.change(pid, "cancel", PromiseStatus.CANCELLED, reason="withdrawn", at=LATER)

    @rule(pid=ids, due=dues.filter(lambda d: d is not None))
    def reschedule(self, pid: str, due: datetime) -> None:
        expected = self.model[pid]
        if expected.status is PromiseStatus.OPEN and expected.due == due:
            with pytest.raises(ValueError, match="already due"):
                self.ledger.reschedule(pid, due, reason="same", at=LATER)
            return
        self.change(pid, "reschedule", PromiseStatus.OPEN, new_due=due, reason="asked", at=LATER)
        if expected.status is PromiseStatus.OPEN:
            expected.due = due

    @rule(pid=consumes(ids))
    def forget_an_id(self, pid: str) -> None:
        """Drop an id from the bundle (it stays in the ledger) so others get picked."""

    @rule()
    def unknown_id(self) -> None:
        with pytest.raises(PromiseNotFoundError):
            self.ledger.mark_kept("P-UNKNOWN")

    @invariant()
    def records_match_the_model(self) -> None:
        records = {r.id: r for r in self.ledger.find()}
        assert set(records) == set(self.model)
        for pid, expected in self.model.items():
            rec = records[pid]
            assert (rec.status, rec.due, rec.version) == (
                expected.status, expected.due, expected.version,
            )  # fmt: skip
            assert rec == replay(self.ledger.history(pid))

    @invariant()
    def queries_match_the_model(self) -> None:
        open_ids = [pid for pid, m in self.model.items() if m.status is PromiseStatus.OPEN]
        assert {r.id for r in self.ledger.open()} == set(open_ids)
        overdue = {pid for pid in open_ids if (due := self.model[pid].due) and due < NOW}
        assert {r.id for r in self.ledger.overdue(NOW)} == overdue
        dues_in_order = [r.due for r in self.ledger.open() if r.due is not None]
        assert dues_in_order == sorted(dues_in_order)

    @invariant()
    def stats_match_the_model(self) -> None:
        stats = self.ledger.stats(now=NOW)
        counts = dict.fromkeys(PromiseStatus, 0)
        for m in self.model.values():
            counts[m.status] += 1
        row = stats.overall
        assert (row.made, row.open, row.kept, row.broken, row.cancelled) == (
            len(self.model), counts[PromiseStatus.OPEN], counts[PromiseStatus.KEPT],
            counts[PromiseStatus.BROKEN], counts[PromiseStatus.CANCELLED],
        )  # fmt: skip
        assert self.ledger.counts() == counts
        for agent in ("alex", "bo"):
            made = sum(m.agent == agent for m in self.model.values())
            assert (stats.by_agent[agent].made if agent in stats.by_agent else 0) == made


class SQLiteLedgerMachine(LedgerMachine):
    """The same machine over an in-memory SQLite store."""

    def make_store(self) -> Any:
        return SQLiteStore(":memory:")


_settings = settings(
    max_examples=40,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

TestMemoryLedger = LedgerMachine.TestCase
TestMemoryLedger.settings = _settings
TestMemoryLedger.__doc__ = "The ledger over MemoryStore behaves like the model."
TestSQLiteLedger = SQLiteLedgerMachine.TestCase
TestSQLiteLedger.settings = _settings
TestSQLiteLedger.__doc__ = "The ledger over SQLiteStore behaves like the model."
