"""Check archives of replies on a Dask cluster (extra ``honestcs[dask]``).

:func:`check_replies` takes a Dask bag or DataFrame of replies, the rows that
``honestcs check --jsonl`` reads (``{"id", "reply", "customer"?, "now"?, "policy"?}``),
and gives back the findings as a Dask DataFrame, one row per finding. Nothing is
computed until the result is.

Dask and pandas are imported when :func:`check_replies` is called, so this module
imports without them.
"""

from __future__ import annotations

import importlib
import json
import numbers
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from honestcs._rows import KEYS, ReplyRow, load_named_policy, read_row, shown_id
from honestcs._text_files import NotTextError, loads
from honestcs.checker import ReplyChecker
from honestcs.exceptions import HonestCSError, ReplyTooLongError
from honestcs.policy import Policy
from honestcs.policy._loading import load_policy
from honestcs.report import Report

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

__all__ = ["FINDING_COLUMNS", "check_replies"]

FINDING_COLUMNS: Final = (
    "id", "rule", "severity", "clause", "start", "end", "message", "suggestion", "error",
)  # fmt: skip
"""The columns of the frame :func:`check_replies` returns, in order."""

#: The dtype of each column but ``id`` (whose dtype follows the input's, see check_replies).
_DTYPES: Final = {
    "rule": "string",
    "severity": "string",
    "clause": "string",
    "start": "Int64",
    "end": "Int64",
    "message": "string",
    "suggestion": "string",
    "error": "string",
}


def check_replies(
    replies: dask.bag.Bag | dask.dataframe.DataFrame,
    policy: Policy | str | os.PathLike[str],
    *,
    now: datetime | None = None,
    policy_dir: str | os.PathLike[str] | None = None,
) -> dask.dataframe.DataFrame:
    """Check every reply of a Dask bag or DataFrame; the findings, one row each.

    Each reply is what a line of ``honestcs check --jsonl`` holds: an ``id`` (a
    string or an integer), the ``reply``, and optionally the ``customer`` message,
    the ``now`` it was sent (aware, or ISO 8601 text with a UTC offset) and a
    ``policy`` file of its own. A bag's items are dicts with those keys, or JSON
    text lines of them (``dask.bag.read_text("archive-*.jsonl")``); a DataFrame
    has those columns (a missing value is null).

    The result has the columns of :data:`FINDING_COLUMNS`: for each finding the
    reply's ``id``, ``rule``, ``severity`` (``"error"``, ``"warning"`` or
    ``"info"``), ``clause`` (null when none), its span ``start`` and ``end``
    (offsets into the reply), ``message`` and ``suggestion``; ``error`` is null.
    A reply without findings has no row, and neither has one the checker does
    not read (empty, or not English: ``honestcs check --jsonl`` reports those
    with ``"not_checked"``). A row that cannot be checked (no reply, a value of
    the wrong type, an unknown key, a bad ``now`` or ``policy``, a reply or
    customer message over the checker's limit of 102,400 characters) is not
    dropped: it gives one row with its ``id`` (null when that
    is what is wrong), the other columns null, and ``error`` saying where it is
    and what is wrong, as ``partition 3, row 17: "reply" must be a string``.
    Count them with ``findings.error.notnull().sum()``.

    The ``id`` column has a DataFrame's ``id`` dtype; from a bag it holds the
    ids as given, strings or integers (``object`` dtype: make them one type
    before writing Parquet). Rows keep their input order within a partition.

    The policy travels to the workers once, as one task of the graph (a policy
    pickles in a few kilobytes), and a checker is built from it once per
    partition.

    Args:
        replies: The replies: a ``dask.bag.Bag`` or a ``dask.dataframe.DataFrame``.
        policy: The policy, or the path of a policy file (read here, once).
        now: When a reply without its own ``now`` was sent. Default: the time of
            this call, the same for every such reply.
        policy_dir: The folder a row's ``policy`` file is relative to; the workers
            must be able to read it. Default: the folder of ``policy`` when it is
            a path, else the current directory.

    Returns:
        The findings, a lazy Dask DataFrame with the columns of :data:`FINDING_COLUMNS`.

    Raises:
        HonestCSError: Dask or pandas is not installed.
        PolicyError: ``policy`` is a file that is not a valid policy.
        TypeError: ``replies`` is neither a Dask bag nor a Dask DataFrame.
        ValueError: ``now`` has no time zone, or a DataFrame lacks the ``id`` or
            ``reply`` column, has a column that is not one of the five, or has
            ``id`` values that are neither strings nor integers.
    """
    _require_dask()
    import dask.bag
    import dask.dataframe
    from dask.delayed import delayed

    policy, base = _policy_and_base(policy, policy_dir)
    options = {"now": _sent_at(now), "base": str(base.resolve())}
    # One task holds the policy: each worker receives it once, not once per partition.
    shared = delayed(policy, pure=True)
    if isinstance(replies, dask.dataframe.DataFrame):
        return _check_dataframe(replies, shared, options)
    if isinstance(replies, dask.bag.Bag):
        return _check_bag(replies, shared, options)
    raise TypeError(
        "check_replies takes a dask.bag.Bag or a dask.dataframe.DataFrame, "
        f"not {type(replies).__module__}.{type(replies).__qualname__}"
    )


def _require_dask() -> None:
    """Import Dask and pandas, or raise an error naming what is missing and how to install it."""
    try:
        for name in ("dask.bag", "dask.dataframe", "pandas", "dask.config", "dask.delayed"):
            importlib.import_module(name)
    except ImportError as exc:
        # Dask's own check of its DataFrame requirements raises an ImportError without a name.
        missing = (exc.name or "").partition(".")[0]
        why = f"{missing} is not installed" if missing else str(exc).splitlines()[0]
        raise HonestCSError(
            f"honestcs.batch needs Dask and pandas ({why}): pip install 'honestcs[dask]'"
        ) from None


def _policy_and_base(
    policy: Policy | str | os.PathLike[str], policy_dir: str | os.PathLike[str] | None
) -> tuple[Policy, Path]:
    """The policy, read when it is a path, and the folder a row's own policy is relative to."""
    if isinstance(policy, Policy):
        return policy, Path(policy_dir) if policy_dir is not None else Path.cwd()
    base = Path(policy_dir) if policy_dir is not None else Path(policy).parent
    return load_policy(policy), base


def _sent_at(now: datetime | None) -> datetime:
    """When a reply without its own ``now`` was sent: ``now``, or this moment when not given."""
    if now is None:
        return datetime.now(UTC)
    if now.utcoffset() is None:
        raise ValueError(f"now must be aware (have a time zone), not {now.isoformat()}")
    return now


def _check_dataframe(
    replies: dask.dataframe.DataFrame, shared: object, options: Mapping[str, Any]
) -> dask.dataframe.DataFrame:
    """The findings of a DataFrame's replies, checked partition by partition."""
    import pandas
    from dask import config

    id_dtype = _check_columns(replies, pandas)
    meta = _frame([], id_dtype)
    with config.set({"dataframe.convert-string": False}):
        found = replies.map_partitions(  # type: ignore[no-untyped-call]
            _check_frame,
            shared,
            options,
            id_dtype,
            meta=meta,
            align_dataframes=False,
        )
    return cast("dask.dataframe.DataFrame", found)


def _check_bag(
    replies: dask.bag.Bag, shared: object, options: Mapping[str, Any]
) -> dask.dataframe.DataFrame:
    """The findings of a bag's replies, checked partition by partition."""
    import dask.dataframe
    from dask import config
    from dask.delayed import delayed

    meta = _frame([], object)
    parts = [
        delayed(_check_items, pure=True)(part, number, shared, options)
        for number, part in enumerate(replies.to_delayed())  # type: ignore[no-untyped-call]
    ]
    # Keep the ids as given (strings or integers): no conversion of object columns.
    with config.set({"dataframe.convert-string": False}):
        found = dask.dataframe.from_delayed(parts, meta=meta)
    return cast("dask.dataframe.DataFrame", found)


def _check_columns(frame: dask.dataframe.DataFrame, pandas: Any) -> Any:
    """The dtype of a DataFrame's ``id`` column, once its columns are found fit to check."""
    columns = [str(name) for name in frame.columns]
    missing = [name for name in ("id", "reply") if name not in columns]
    if missing:
        raise ValueError(f"the replies have no {' or '.join(map(repr, missing))} column")
    unknown = [name for name in columns if name not in KEYS]
    if unknown:
        raise ValueError(
            f"the replies have columns that are not id, reply, customer, now or policy: "
            f"{', '.join(map(repr, unknown))} (select the five before checking)"
        )
    id_dtype = frame.dtypes["id"]
    types = pandas.api.types
    if not (
        types.is_integer_dtype(id_dtype)
        or types.is_string_dtype(id_dtype)
        or types.is_object_dtype(id_dtype)
    ):
        raise ValueError(f"the id column must hold strings or integers, not {id_dtype}")
    return id_dtype


def _frame(rows: list[dict[str, Any]], id_dtype: Any) -> pandas.DataFrame:
    import pandas

    data = {"id": pandas.Series([row["id"] for row in rows], dtype=id_dtype)}
    for column, dtype in _DTYPES.items():
        data[column] = pandas.Series([row.get(column) for row in rows], dtype=dtype)
    return pandas.DataFrame(data, columns=list(FINDING_COLUMNS))


def _plain(pandas: Any, value: object) -> object:
    """A value of a pandas row as a JSON line gives it: None when missing, int for an integer."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, pandas.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, numbers.Integral) and not isinstance(value, bool | int):
        return int(value)  # a NumPy integer
    try:
        missing = bool(pandas.isna(value))
    except (TypeError, ValueError):  # a list or an array: a value, if a wrong one
        missing = False
    return None if missing else value


class _Partition:
    """Checks the rows of one partition with one checker (and one per named policy file)."""

    def __init__(self, policy: Policy, number: int, options: Mapping[str, Any]) -> None:
        self.number = number
        self.now: datetime = options["now"]
        self.base: str = options["base"]
        self.checker = ReplyChecker(policy)
        self.named: dict[str, ReplyChecker] = {}
        self.rows: list[dict[str, Any]] = []

    def checker_for(self, name: str) -> ReplyChecker:
        checker = self.named.get(name)
        if checker is None:
            checker = self.named[name] = ReplyChecker(load_named_policy(self.base, name))
        return checker

    def error(self, kind: str, position: int, ident: object, problems: Iterable[str]) -> None:
        where = f"partition {self.number}, {kind} {position}"
        self.rows.append({"id": shown_id(ident), "error": f"{where}: {'; '.join(problems)}"})

    def check(self, kind: str, position: int, row: Mapping[str, object]) -> None:
        read = read_row(row, now=self.now, checker=self.checker, checker_for=self.checker_for)
        if isinstance(read, list):
            self.error(kind, position, row.get("id"), read)
            return
        try:
            report = read.checker.check(read.reply, customer_message=read.customer, now=read.now)
        except ReplyTooLongError as exc:
            self.error(kind, position, read.id, [str(exc)])
            return
        self.add(read, report)

    def add(self, row: ReplyRow, report: Report) -> None:
        for finding in report.findings:
            self.rows.append(
                {
                    "id": row.id,
                    "rule": finding.rule,
                    "severity": finding.severity.value,
                    "clause": finding.clause,
                    "start": finding.start,
                    "end": finding.end,
                    "message": finding.message,
                    "suggestion": finding.suggestion,
                }
            )


def _check_items(
    items: Iterable[object], number: int, policy: Policy, options: Mapping[str, Any]
) -> pandas.DataFrame:
    """One bag partition checked: its findings and error rows, in item order."""
    part = _Partition(policy, number, options)
    for position, item in enumerate(items):
        row: object = item
        if isinstance(item, str | bytes):
            try:
                row = loads(item)
            except UnicodeDecodeError as exc:
                part.error("item", position, None, [f"not UTF-8 text (byte {exc.start})"])
                continue
            except json.JSONDecodeError as exc:
                part.error("item", position, None, [f"not JSON ({exc.msg}, column {exc.colno})"])
                continue
            except NotTextError as exc:
                part.error("item", position, None, [str(exc)])
                continue
        if not isinstance(row, Mapping) or not all(isinstance(key, str) for key in row):
            found = type(row).__name__
            part.error(
                "item", position, None, [f'expected a dict with "id" and "reply", not {found}']
            )
            continue
        part.check("item", position, row)
    return _frame(part.rows, object)


def _check_frame(
    frame: pandas.DataFrame,
    policy: Policy,
    options: Mapping[str, Any],
    id_dtype: Any,
    partition_info: Mapping[str, Any] | None = None,
) -> pandas.DataFrame:
    """One DataFrame partition checked: its findings and error rows, in row order."""
    number = partition_info["number"] if partition_info else 0
    part = _Partition(policy, number, options)
    import pandas

    columns = [str(name) for name in frame.columns]
    for position, values in enumerate(frame.itertuples(index=False, name=None)):
        plain = (_plain(pandas, value) for value in values)
        row = {key: value for key, value in zip(columns, plain, strict=True) if value is not None}
        part.check("row", position, row)
    return _frame(part.rows, id_dtype)
