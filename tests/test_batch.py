"""``honestcs.batch.check_replies``: a Dask bag or DataFrame of replies in, findings out."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

# benchmarks/ is on the path (tests/conftest.py): the benchmark measures the same archive.
from bench_batch import archive_rows

from honestcs import Policy, ReplyChecker, load_policy
from honestcs.batch import FINDING_COLUMNS, check_replies

ROOT = Path(__file__).parents[1]
TESTS = ROOT / "tests"
POLICY = ROOT / "examples" / "northwind.toml"
NOW = "2026-12-01T10:00:00-06:00"
TOO_FAST = "I've started your refund, and the money will be back on your card within 3 days."

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("dask") is None or importlib.util.find_spec("pandas") is None,
    reason="Dask and pandas are not installed (pip install -e '.[test]' brings them)",
)
needs_distributed = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None,
    reason="distributed is not installed (pip install -e '.[test]' brings it)",
)

Row = tuple[Any, ...]


def rows_of(frame: Any) -> list[Row]:
    """A computed findings frame as plain tuples (None for every missing value)."""
    frame = frame.astype(object).where(frame.notna(), None)
    return [tuple(row) for row in frame.itertuples(index=False, name=None)]


def expected_rows(ident: object, checker: ReplyChecker, reply: str, **kwargs: Any) -> list[Row]:
    """The rows ReplyChecker.check gives one reply, checked on its own."""
    report = checker.check(reply, **kwargs)
    return [
        (ident, f.rule, f.severity.value, f.clause, f.start, f.end, f.message, f.suggestion, None)
        for f in report.findings
    ]


@pytest.fixture
def sync_scheduler() -> Iterator[None]:
    """Compute in this thread: the small tests need no cluster."""
    import dask

    with dask.config.set(scheduler="sync"):
        yield


def test_import_honestcs_needs_no_dask() -> None:
    """Without Dask, honestcs and honestcs.batch import; a call names the extra to install."""
    code = (
        "import sys\n"
        "for name in ('dask', 'pandas', 'distributed'):\n"
        "    sys.modules[name] = None\n"
        "import honestcs, honestcs.batch\n"
        "try:\n"
        "    honestcs.batch.check_replies([], 'examples/northwind.toml')\n"
        "except honestcs.HonestCSError as exc:\n"
        "    print(exc)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout == (
        "honestcs.batch needs Dask and pandas (dask is not installed): "
        "pip install 'honestcs[dask]'\n"
    )


def test_import_honestcs_imports_no_dask() -> None:
    """Importing honestcs and honestcs.batch leaves Dask and pandas unimported."""
    code = "import sys, honestcs.batch; print(sorted({'dask', 'pandas'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


@needs_dask
def test_findings_of_a_bag_are_those_of_check(sync_scheduler: None) -> None:
    """Each finding of a bag of dicts is one row, equal to what ReplyChecker.check finds."""
    import dask.bag

    checker = ReplyChecker(load_policy(POLICY))
    now = datetime.fromisoformat(NOW)
    items = [
        {"id": 7, "reply": TOO_FAST, "now": NOW},
        {"id": "b", "reply": "Refunds take 5 to 7 business days.", "customer": "How long?"},
        {"id": "c", "reply": "I can't do that.", "customer": "Can you refund my shipping?"},
    ]
    found = check_replies(dask.bag.from_sequence(items, npartitions=2), POLICY, now=now)
    assert list(found.columns) == list(FINDING_COLUMNS)
    result = found.compute()
    expected = [
        *expected_rows(7, checker, TOO_FAST, now=now),
        *expected_rows("c", checker, "I can't do that.", now=now,
                       customer_message="Can you refund my shipping?"),
    ]  # fmt: skip
    assert expected and rows_of(result) == expected
    assert [type(i) for i in result["id"]] == [int] * (len(expected) - 1) + [str]


@needs_dask
def test_bad_items_of_a_bag_become_error_rows(sync_scheduler: None) -> None:
    """A bag item that cannot be checked is one row with its id and an error naming it."""
    import dask.bag

    items: list[object] = [
        {"id": "a", "reply": 5},
        '{"id": "b", "reply": "We\'ll refund you within 7 business days."}',
        "not json",
        ["a list"],
        {"id": "c", "reply": "ok", "colour": "red"},
        {"id": "d", "reply": "ok", "now": "2026-12-01T10:00"},
        {"id": "e", "reply": "ok", "policy": "missing.toml"},
        {"reply": "no id"},
        {"id": True, "reply": "ok", "customer": 3},
    ]
    found = check_replies(dask.bag.from_sequence(items, npartitions=2), POLICY)
    errors = [(row[0], row[-1]) for row in rows_of(found.compute())]
    assert errors == [
        ("a", 'partition 0, item 0: "reply" must be a string'),
        (None, "partition 0, item 2: not JSON (Expecting value, column 1)"),
        (None, 'partition 0, item 3: expected a dict with "id" and "reply", not list'),
        ("c", "partition 0, item 4: unknown key 'colour' (a line has id, reply, customer, now, "
              "policy, agent)"),
        ("d", "partition 1, item 0: \"now\" must be an ISO 8601 time with a UTC offset, not "
              "'2026-12-01T10:00'"),
        ("e", f'partition 1, item 1: "policy": missing.toml: no such policy file (looked in '
              f"{POLICY.parent})"),
        (None, 'partition 1, item 2: "id" must be a string or a number'),
        (None, 'partition 1, item 3: "id" must be a string or a number; "customer" must be a '
               "string or null"),
    ]  # fmt: skip


@needs_dask
def test_dataframe_rows_keep_their_id_dtype_and_bad_rows_are_reported(
    sync_scheduler: None,
) -> None:
    """A DataFrame's rows are checked like lines; ids keep their dtype; bad rows are rows."""
    import dask.dataframe
    import pandas

    frame = pandas.DataFrame(
        {
            "id": [10, 11, 12, 13],
            "reply": [TOO_FAST, None, "ok", TOO_FAST],
            # A naive time is an error; a missing one is the call's now.
            "now": [None, None, None, pandas.Timestamp("2026-12-01T10:00")],
        }
    )
    found = check_replies(dask.dataframe.from_pandas(frame, npartitions=2), POLICY,
                          now=datetime.fromisoformat(NOW))  # fmt: skip
    assert str(found.dtypes["id"]) == "int64"
    result = rows_of(found.compute())
    checker = ReplyChecker(load_policy(POLICY))
    assert result == [
        *expected_rows(10, checker, TOO_FAST, now=datetime.fromisoformat(NOW)),
        (11, *[None] * 7, 'partition 0, row 1: "reply" must be a string'),
        (13, *[None] * 7, 'partition 1, row 1: "now" must have a UTC offset, not '
                          "2026-12-01T10:00:00 (naive)"),
    ]  # fmt: skip


@needs_dask
def test_a_dataframe_it_cannot_check_is_refused_at_once() -> None:
    """Missing or unknown columns, and ids that are floats, raise before anything runs."""
    import dask.dataframe
    import pandas

    def frame(**columns: list[object]) -> Any:
        return dask.dataframe.from_pandas(pandas.DataFrame(columns), npartitions=1)

    with pytest.raises(ValueError, match=r"^the replies have no 'reply' column$"):
        check_replies(frame(id=[1]), POLICY)
    with pytest.raises(ValueError, match=r"columns that are not id, .*: 'colour' \(select"):
        check_replies(frame(id=[1], reply=["x"], colour=["red"]), POLICY)
    with pytest.raises(ValueError, match=r"^the id column must hold strings or integers, not "):
        check_replies(frame(id=[1.5], reply=["x"]), POLICY)
    with pytest.raises(TypeError, match=r"takes a dask.bag.Bag or a dask.dataframe.DataFrame, "
                                        r"not builtins.list"):  # fmt: skip
        check_replies([{"id": 1, "reply": "x"}], POLICY)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"now must be aware"):
        check_replies(frame(id=[1], reply=["x"]), POLICY, now=datetime(2026, 12, 1))


@needs_dask
def test_a_policy_object_and_named_policies(sync_scheduler: None, tmp_path: Path) -> None:
    """A Policy object works like its file; a row's "policy" is read from policy_dir."""
    import dask.bag

    policy = load_policy(POLICY)
    assert isinstance(policy, Policy)
    items = [
        {"id": 1, "reply": TOO_FAST, "now": NOW},
        {"id": 2, "reply": TOO_FAST, "now": NOW, "policy": "northwind.toml"},
        {"id": 3, "reply": TOO_FAST, "now": NOW, "policy": "broken.toml"},
    ]
    (tmp_path / "broken.toml").write_text("[policy]\nname = 3\n", encoding="utf-8")
    (tmp_path / "northwind.toml").write_bytes(POLICY.read_bytes())
    found = check_replies(dask.bag.from_sequence(items, npartitions=1), policy, policy_dir=tmp_path)
    result = rows_of(found.compute())
    by_id = {ident: [row[1:] for row in result if row[0] == ident] for ident in (1, 2, 3)}
    assert by_id[1] == by_id[2] and by_id[1][0][0] == "overpromise"
    ((*_, error),) = by_id[3]
    assert error.startswith('partition 0, item 2: "policy": ')
    assert "broken.toml" in error


# --- On a cluster ---------------------------------------------------------------------------

ARCHIVE_SIZE = 50_000


def checked_one_by_one(rows: list[dict[str, Any]]) -> list[Row]:
    """What ReplyChecker.check finds in each row, one call each, in row order."""
    default = ReplyChecker(load_policy(POLICY))
    checkers: dict[str, ReplyChecker] = {}
    out: list[Row] = []
    for row in rows:
        checker = default
        if row.get("policy"):
            name = row["policy"]
            checker = checkers.get(name) or checkers.setdefault(
                name, ReplyChecker(load_policy(TESTS / name))
            )
        out += expected_rows(
            row["id"], checker, row["reply"],
            customer_message=row["customer"], now=datetime.fromisoformat(row["now"]),
        )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def cluster_client() -> Iterator[Any]:
    """A distributed.LocalCluster of 2 worker processes, one thread each, and its client."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
            silence_logs=40,
        ) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        yield client


@pytest.mark.slow
@needs_dask
@needs_distributed
def test_fifty_thousand_replies_on_a_local_cluster(
    cluster_client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """50,000 JSON lines on 2 worker processes: the findings of checking them one by one."""
    import dask.bag

    rows = list(archive_rows(ARCHIVE_SIZE))
    source = tmp_path / "archive.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    lines = dask.bag.read_text(str(source), blocksize=1_000_000)
    began = time.perf_counter()
    found = check_replies(lines, POLICY, policy_dir=TESTS).compute()
    on_cluster = time.perf_counter() - began
    began = time.perf_counter()
    expected = checked_one_by_one(rows)
    one_by_one = time.perf_counter() - began
    with capsys.disabled():
        print(f"\n{ARCHIVE_SIZE:,} replies: {on_cluster:.1f} s on the cluster of 2 worker "
              f"processes, {one_by_one:.1f} s one by one in this process; "
              f"{lines.npartitions} partitions, {len(expected):,} findings")  # fmt: skip
    assert found["error"].isna().all()
    assert found["id"].is_monotonic_increasing  # partitions and rows keep the input order
    assert rows_of(found) == expected
    assert len({row[0] for row in expected}) > ARCHIVE_SIZE // 3


@needs_dask
@needs_distributed
def test_a_dataframe_on_a_local_cluster(cluster_client: Any) -> None:
    """A DataFrame of replies on the cluster: the same findings as one by one, in order."""
    import dask.dataframe
    import pandas

    rows = list(archive_rows(3_000))
    frame = pandas.DataFrame(rows)
    found = check_replies(dask.dataframe.from_pandas(frame, npartitions=4), POLICY,
                          policy_dir=TESTS).compute()  # fmt: skip
    assert rows_of(found) == checked_one_by_one(rows)

