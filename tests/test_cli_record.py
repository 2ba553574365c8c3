"""``check --record``: every promise recorded once, however often the run is repeated."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from honestcs import PromiseLedger, SQLiteStore, StoreError
from honestcs.cli import main
from honestcs.cli._check import Reply
from honestcs.cli._record import derived_key

ROOT = Path(__file__).parents[1]
POLICY = ROOT / "examples" / "northwind.toml"
NOW = "2026-12-01T10:00:00-06:00"
LATER = "2026-12-02T15:00:00-06:00"
REFUND = "I've started your refund, and it will be back on your card within 7 business days."
TWO = "Your refund will be back within 7 business days. I'll call you back tomorrow."
ID = r"P-[0-9A-Z]{17}"


@pytest.fixture
def replies(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in {"a.txt": REFUND, "b.txt": TWO}.items():
        path = tmp_path / "replies" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _record(
    capsys: pytest.CaptureFixture[str], db: Path, *args: str | Path, now: str = NOW
) -> tuple[int, str, str]:
    argv = ["check", "--policy", POLICY, "--now", now, "--record", "--db", db]
    argv += ["--customer-id", "C-1042", "--agent", "alex", *args]
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def _promises(db: Path) -> list[tuple[str, str | None, str | None]]:
    with PromiseLedger(SQLiteStore(db)) as ledger:
        return sorted((r.id, r.clause, r.key) for r in ledger.open(customer="C-1042"))


def test_recording_twice_records_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, replies: list[Path]
) -> None:
    """Running check --record twice on the same replies records every promise once."""
    db = tmp_path / "promises.db"
    status, _, first = _record(capsys, db, *replies)
    assert status == 0
    stored = _promises(db)
    assert len(stored) == 3
    assert first.count("recorded P-") == 3
    assert first.splitlines()[-1] == "--record: 3 promises recorded, 0 skipped as already recorded"

    status, _, second = _record(capsys, db, *replies, now=LATER)
    assert status == 0
    assert _promises(db) == stored
    assert "recorded P-" not in second
    assert second.splitlines()[-1] == (
        "--record: 0 promises recorded, 3 skipped as already recorded"
    )
    skipped = re.findall(rf"^skipped ({ID}): (.+): already recorded$", second, re.MULTILINE)
    assert sorted(pid for pid, _ in skipped) == [pid for pid, _, _ in stored]
    assert (stored[0][0], f"{replies[0]}:1:31 [refund]") in skipped or any(
        where == f"{replies[0]}:1:31 [refund]" for _, where in skipped
    )


def test_each_line_names_the_id_and_where_the_promise_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, replies: list[Path]
) -> None:
    """Recorded lines go to stderr with id, file:line:column and clause; stdout has the report."""
    status, out, err = _record(capsys, tmp_path / "p.db", replies[1])
    assert status == 0
    lines = err.splitlines()
    assert re.fullmatch(rf"recorded {ID}: {re.escape(str(replies[1]))}:1:1 \[refund\]", lines[0])
    assert re.fullmatch(
        rf"recorded {ID}: {re.escape(str(replies[1]))}:1:50 \[callback\]", lines[1]
    )
    assert "recorded" not in out
    assert out.startswith("1 reply checked")


def test_a_changed_reply_records_its_new_promise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, replies: list[Path]
) -> None:
    """An edited reply is another reply: its promises are new."""
    db = tmp_path / "p.db"
    _record(capsys, db, replies[0])
    replies[0].write_text(REFUND.replace("7 business", "8 business"), encoding="utf-8")
    _, _, err = _record(capsys, db, replies[0])
    assert err.splitlines()[-1] == "--record: 1 promise recorded, 0 skipped as already recorded"
    assert len(_promises(db)) == 2


def test_the_key_is_the_same_from_any_folder(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    replies: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file named by a relative path in one run and an absolute path in the next is one source."""
    db = tmp_path / "p.db"
    monkeypatch.chdir(tmp_path)
    _record(capsys, db, "replies/a.txt")
    _, _, err = _record(capsys, db, replies[0])
    assert err.splitlines()[-1] == "--record: 0 promises recorded, 1 skipped as already recorded"


def test_the_derived_key_has_every_part() -> None:
    """Source, customer and text each change the key."""
    reply = Reply("-", REFUND)
    key = derived_key(reply, "C-1")
    assert re.fullmatch(r"check:[0-9a-f]{32}", key)
    assert derived_key(reply, "C-2") != key
    assert derived_key(Reply("-", REFUND + " "), "C-1") != key
    assert derived_key(Reply("a.txt", REFUND, path="a.txt"), "C-1") != key
    assert derived_key(Reply("-", "\ud800 lone surrogate"), "C-1").startswith("check:")


def test_stored_keys_are_the_reply_key_and_the_span(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, replies: list[Path]
) -> None:
    """Each promise's key is the reply's key, "#", and its span."""
    db = tmp_path / "p.db"
    _record(capsys, db, replies[1])
    keys = sorted(key or "" for _, _, key in _promises(db))
    base = derived_key(Reply(str(replies[1]), TWO, path=str(replies[1])), "C-1042")
    assert keys == sorted([f"{base}#0-47", f"{base}#49-76"])


def test_key_option_names_the_promises(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, replies: list[Path]
) -> None:
    """--key KEY records KEY#0, KEY#1 (as record_report(key=KEY) does), once."""
    db = tmp_path / "p.db"
    _record(capsys, db, "--key", "msg-77", replies[1])
    assert sorted(key for _, _, key in _promises(db)) == ["msg-77#0", "msg-77#1"]
    replies[0].write_text(TWO, encoding="utf-8")
    _, _, err = _record(capsys, db, "--key", "msg-77", replies[0])
    assert err.splitlines()[-1] == "--record: 0 promises recorded, 2 skipped as already recorded"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param(
            ["--key", "k"], "--key names the promises of one reply, and there are 2", id="two"
        ),
        pytest.param(["--key", " "], "--key must not be blank", id="blank"),
    ],
)
def test_key_needs_one_reply(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    replies: list[Path],
    extra: list[str],
    message: str,
) -> None:
    """--key with several replies, or a blank one, is a usage error that records nothing."""
    db = tmp_path / "p.db"
    status, _, err = _record(capsys, db, *extra, *replies)
    assert status == 2
    assert message in err
    assert not db.exists() or _promises(db) == []


def test_key_without_record_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], replies: list[Path]
) -> None:
    """--key means nothing without --record."""
    status = main(["check", "--policy", str(POLICY), "--key", "k", str(replies[0])])
    assert status == 2
    assert "--key names the promises --record records" in capsys.readouterr().err


def test_a_rerun_is_not_compared_with_its_own_promises(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, replies: list[Path]
) -> None:
    """Checked again a day later, a reply's own open promise is no silent reschedule of itself."""
    db = tmp_path / "p.db"
    _record(capsys, db, replies[0])
    status, out, _ = _record(capsys, db, replies[0], now=LATER)
    assert status == 0
    assert "silent-reschedule" not in out
    # Another reply giving a later date for the same refund still is one.
    later = tmp_path / "later.txt"
    later.write_text("Your refund will be back on your card by 18 December.", encoding="utf-8")
    _, out, _ = _record(capsys, db, later, now=LATER)
    assert "silent-reschedule" in out


def test_an_interrupted_run_says_how_far_it_got(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    replies: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C part-way: exit 130, and stderr names the replies recorded and the last one."""
    calls = []
    original = PromiseLedger.record_keyed

    def record_then_stop(self: PromiseLedger, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PromiseLedger, "record_keyed", record_then_stop)
    db = tmp_path / "p.db"
    status, out, err = _record(capsys, db, *replies)
    assert status == 130
    assert out == ""
    assert err.splitlines()[-1] == (
        f"interrupted: --record stopped after the promises of 1 of 2 replies, up to {replies[0]} "
        "(1 promise recorded, 0 skipped as already recorded); run the same command again to go "
        "on: what is recorded is skipped"
    )
    monkeypatch.setattr(PromiseLedger, "record_keyed", original)
    _, _, err = _record(capsys, db, *replies)
    assert err.splitlines()[-1] == "--record: 2 promises recorded, 1 skipped as already recorded"


def test_a_store_error_part_way_says_how_far_it_got(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    replies: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A store that fails on the second reply: exit 2, one line: the error and how far it got."""
    original = PromiseLedger.record_keyed
    calls = []

    def fail_second(self: PromiseLedger, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise StoreError("p.db: cannot record promise changes: the disk is full")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(PromiseLedger, "record_keyed", fail_second)
    status, _, err = _record(capsys, tmp_path / "p.db", *replies)
    assert status == 2
    assert err.splitlines() == [
        f"recorded {err.split()[1]} {replies[0]}:1:31 [refund]",
        "honestcs: error: p.db: cannot record promise changes: the disk is full; --record "
        f"stopped after the promises of 1 of 2 replies, up to {replies[0]} (1 promise "
        "recorded, 0 skipped as already recorded); run the same command again to go on: what "
        "is recorded is skipped",
    ]


def test_an_over_long_reply_stops_the_run_before_anything_is_recorded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, replies: list[Path]
) -> None:
    """Every reply is measured first: a long last reply means nothing is recorded."""
    db = tmp_path / "p.db"
    replies[1].write_text("Thanks. " * 20, encoding="utf-8")
    status, _, err = _record(capsys, db, "--max-reply-chars", "100", *replies)
    assert status == 2
    assert err == (
        f"honestcs: error: {replies[1]}: the reply is 160 characters long, over the limit of "
        "100 characters (--max-reply-chars)\n"
    )
    assert not db.exists() or _promises(db) == []


def test_stdin_replies_are_keyed_by_their_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same reply piped in twice is recorded once."""
    db = tmp_path / "p.db"
    for _ in range(2):
        monkeypatch.setattr("sys.stdin", io.StringIO(REFUND))
        _record(capsys, db, "-")
    assert len(_promises(db)) == 1
