"""A FastAPI endpoint that checks a draft reply, and records its promises when it is sent.

The same two endpoints as ``flask_app.py`` (``POST /check``, ``POST /send``),
with one difference that matters under an async framework: ``check`` is
synchronous and CPU-bound (a few milliseconds per reply), so it runs in the
thread pool, never on the event loop, where it would hold up every other
request. The rest is the same: one shared checker, one store per process, a
cap on the reply's size (here in the request model), and ``customer_id``
required wherever the ledger is used.

Run it with ``python examples/fastapi_app.py``: it answers three requests
through FastAPI's test client. Serve it with an ASGI server, such as
``uvicorn examples.fastapi_app:app``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.concurrency import run_in_threadpool
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

import honestcs

HERE = Path(__file__).parent
#: Replies longer than this are refused (HTTP 422, by the request model).
MAX_REPLY_CHARS = 20_000


class Draft(BaseModel):
    """A draft reply, with what the customer wrote and who they are."""

    reply: str = Field(max_length=MAX_REPLY_CHARS)
    customer_message: str | None = Field(default=None, max_length=MAX_REPLY_CHARS)
    customer_id: str | None = None
    agent: str | None = None


def create_app(policy: str | Path, db: str | Path) -> FastAPI:
    """The app, with one checker and one promise store for this process."""
    app = FastAPI(title="honestcs")
    checker = honestcs.ReplyChecker(honestcs.load_policy(policy))
    ledger = honestcs.PromiseLedger(honestcs.SQLiteStore(db))

    async def check_in_thread(draft: Draft, *, with_ledger: bool) -> honestcs.Report:
        return await run_in_threadpool(
            checker.check,
            draft.reply,
            customer_message=draft.customer_message,
            ledger=ledger if with_ledger else None,
            customer_id=draft.customer_id,
        )

    @app.post("/check")
    async def check(draft: Draft) -> dict[str, Any]:
        report = await check_in_thread(draft, with_ledger=draft.customer_id is not None)
        return report.to_dict()

    @app.post("/send")
    async def send(draft: Draft) -> dict[str, Any]:
        if not draft.customer_id or not draft.agent:
            raise HTTPException(400, 'sending records promises: give "customer_id" and "agent"')
        report = await check_in_thread(draft, with_ledger=True)
        if not report.ok:
            raise HTTPException(422, {"sent": False, "report": report.to_dict()})
        records = await run_in_threadpool(
            ledger.record_report, report, customer=draft.customer_id, agent=draft.agent
        )
        return {"sent": True, "promises": [r.id for r in records], "report": report.to_dict()}

    return app


app = create_app(HERE / "northwind.toml", os.environ.get("HONESTCS_DB", ":memory:"))


def main() -> int:
    client = TestClient(app)
    fast = {"reply": "We'll refund you within 3 days.", "customer_id": "C-1", "agent": "bot"}
    honest = {**fast, "reply": "We'll refund you within 7 business days."}
    for path, body in (("/check", fast), ("/send", fast), ("/send", honest)):
        answer = client.post(path, json=body)
        data = answer.json()
        data = data.get("detail", data)
        rules = [f["rule"] for f in data.get("report", data)["findings"]]
        print(f"POST {path} {body['reply']!r}: {answer.status_code} {rules} {data.get('sent', '')}")
    too_long = client.post("/check", json={"reply": "x" * (MAX_REPLY_CHARS + 1)})
    print(f"POST /check with {MAX_REPLY_CHARS + 1} characters: {too_long.status_code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
