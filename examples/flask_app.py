"""A Flask endpoint that checks a draft reply, and records its promises when it is sent.

``POST /check`` with ``{"reply": ..., "customer_message": ..., "customer_id": ...}``
returns the report (SPEC §4 shape). ``POST /send`` checks the reply the same
way and, when it has no error finding, records its promises for the customer
and says it may be sent. The choices that matter in production:

* one ``ReplyChecker`` for the whole app: it compiles the policy once, keeps no
  state between checks, and is safe to share between threads;
* one SQLite store per process, opened when the app is made (it serialises its
  own access, so the threads of one process can share it);
* a cap on the size of a reply, checked before any work is done;
* ``customer_id`` is required whenever the ledger is involved: promises belong
  to a customer, and the check against their open promises needs to know whom.

Run it with ``python examples/flask_app.py``: it answers three requests through
Flask's test client. Serve it with ``flask --app examples/flask_app.py run``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, jsonify, request

import honestcs

HERE = Path(__file__).parent
#: Replies longer than this are refused (HTTP 413) before they are read: a
#: canned reply or a chatbot draft is a few hundred characters.
MAX_REPLY_CHARS = 20_000


def create_app(policy: str | Path, db: str | Path) -> Flask:
    """The app, with one checker and one promise store for this process."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 4 * MAX_REPLY_CHARS + 4096  # bytes, JSON-escaped
    checker = honestcs.ReplyChecker(honestcs.load_policy(policy))
    ledger = honestcs.PromiseLedger(honestcs.SQLiteStore(db))

    def read() -> tuple[dict[str, Any], str | None, str | None]:
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not isinstance(body.get("reply"), str):
            raise ValueError('send JSON with a "reply" string')
        if len(body["reply"]) > MAX_REPLY_CHARS:
            raise OverflowError(f"a reply may have at most {MAX_REPLY_CHARS} characters")
        customer_message = body.get("customer_message")
        customer_id = body.get("customer_id")
        return body, customer_message, customer_id

    @app.errorhandler(ValueError)
    def bad_request(error: ValueError) -> Any:
        return jsonify(error=str(error)), 400

    @app.errorhandler(OverflowError)
    def too_large(error: OverflowError) -> Any:
        return jsonify(error=str(error)), 413

    @app.post("/check")
    def check() -> Any:
        body, customer_message, customer_id = read()
        report = checker.check(
            body["reply"],
            customer_message=customer_message,
            ledger=ledger if customer_id else None,
            customer_id=customer_id,
        )
        return jsonify(report.to_dict())

    @app.post("/send")
    def send() -> Any:
        body, customer_message, customer_id = read()
        agent = body.get("agent")
        if not customer_id or not agent:
            raise ValueError('sending records promises: give "customer_id" and "agent"')
        report = checker.check(
            body["reply"], customer_message=customer_message, ledger=ledger,
            customer_id=customer_id,
        )  # fmt: skip
        if not report.ok:
            return jsonify(sent=False, report=report.to_dict()), 422
        records = ledger.record_report(report, customer=customer_id, agent=agent)
        return jsonify(sent=True, promises=[r.id for r in records], report=report.to_dict())

    return app


def main() -> int:
    db = Path(os.environ.get("HONESTCS_DB", ":memory:"))
    client = create_app(HERE / "northwind.toml", db).test_client()
    fast = {"reply": "We'll refund you within 3 days.", "customer_id": "C-1", "agent": "bot"}
    honest = {**fast, "reply": "We'll refund you within 7 business days."}
    for path, body in (("/check", fast), ("/send", fast), ("/send", honest)):
        answer = client.post(path, json=body)
        data = answer.get_json()
        rules = [f["rule"] for f in data.get("report", data)["findings"]]
        print(f"POST {path} {body['reply']!r}: {answer.status_code} {rules} {data.get('sent', '')}")
    too_long = client.post("/check", json={"reply": "x" * (MAX_REPLY_CHARS + 1)})
    print(f"POST /check with {MAX_REPLY_CHARS + 1} characters: {too_long.status_code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
