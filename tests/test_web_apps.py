"""The web-app examples: one shared checker, a size cap, the ledger keyed by customer."""

from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import honestcs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
POLICY = EXAMPLES / "northwind.toml"
FAST = "We'll refund you within 3 days."
HONEST = "We'll refund you within 7 business days."


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class _Client:
    """The same calls on Flask's and FastAPI's test clients: (status, JSON body)."""

    def __init__(self, kind: str, db: Path) -> None:
        module = _load(f"{kind}_app")
        self.module = module
        app = module.create_app(POLICY, db)
        if kind == "flask":
            self._client: Any = app.test_client()
        else:
            from fastapi.testclient import TestClient

            self._client = TestClient(app)
        self.kind = kind

    def post(self, path: str, body: dict[str, Any]) -> tuple[int, Any]:
        answer = self._client.post(path, json=body)
        data = answer.get_json() if self.kind == "flask" else answer.json()
        if self.kind == "fastapi" and isinstance(data, dict) and "detail" in data:
            data = data["detail"]
        return answer.status_code, data


@pytest.fixture(params=["flask", "fastapi"])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> _Client:
    return _Client(request.param, tmp_path / "promises.db")


def test_check_returns_the_report(client: _Client) -> None:
    """POST /check answers with the report of SPEC §4."""
    status, data = client.post("/check", {"reply": FAST})
    assert status == 200
    assert data["ok"] is False
    assert [f["rule"] for f in data["findings"]] == ["overpromise"]


def test_send_records_only_an_honest_reply(client: _Client, tmp_path: Path) -> None:
    """POST /send refuses a reply with an error and records the promises of an honest one."""
    body = {"customer_id": "C-9", "agent": "bot"}
    status, data = client.post("/send", {**body, "reply": FAST})
    assert (status, data["sent"]) == (422, False)
    status, data = client.post("/send", {**body, "reply": HONEST})
    assert (status, data["sent"]) == (200, True)
    assert len(data["promises"]) == 1
    ledger = honestcs.PromiseLedger(honestcs.SQLiteStore(tmp_path / "promises.db"))
    try:
        assert [r.customer for r in ledger.open()] == ["C-9"]
    finally:
        ledger.close()


def test_the_ledger_needs_a_customer(client: _Client) -> None:
    """Sending without customer_id (or agent) is a client error: promises belong to someone."""
    status, data = client.post("/send", {"reply": HONEST, "agent": "bot"})
    assert status == 400
    assert "customer_id" in str(data)


def test_replies_are_capped(client: _Client) -> None:
    """A reply over the cap is refused before it is checked."""
    cap = client.module.MAX_REPLY_CHARS
    status, _ = client.post("/check", {"reply": "x" * (cap + 1)})
    assert status in (413, 422)
    assert client.post("/check", {"reply": "Thanks!" + " " * (cap - 7)})[0] == 200


def test_fastapi_checks_off_the_event_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under FastAPI, check runs in a worker thread, never on the event loop's thread."""
    threads: list[str] = []
    original = honestcs.ReplyChecker.check

    def spy(self: honestcs.ReplyChecker, *args: Any, **kwargs: Any) -> honestcs.Report:
        threads.append(threading.current_thread().name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(honestcs.ReplyChecker, "check", spy)
    client = _Client("fastapi", tmp_path / "p.db")
    loop_thread: list[str] = []

    @client._client.app.get("/loop-thread")
    async def loop() -> dict[str, str]:
        loop_thread.append(threading.current_thread().name)
        return {}

    client._client.get("/loop-thread")
    client.post("/check", {"reply": HONEST})
    assert threads and loop_thread
    assert threads[0] != loop_thread[0]


def test_one_checker_per_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each app compiles the policy once, however many requests it serves."""
    made: list[object] = []
    original = honestcs.ReplyChecker.__attrs_post_init__

    def count(self: honestcs.ReplyChecker) -> None:
        made.append(self)
        original(self)

    monkeypatch.setattr(honestcs.ReplyChecker, "__attrs_post_init__", count)
    for kind in ("flask", "fastapi"):
        made.clear()
        client = _Client(kind, tmp_path / f"{kind}.db")
        before = len(made)
        for _ in range(3):
            client.post("/check", {"reply": HONEST})
        assert len(made) == before
