"""Check an archive of replies on Spark with ``mapInPandas``: one checker per partition.

Run: ``python examples/spark_check.py [ARCHIVE.jsonl]`` (needs pyspark and Java 17 or
newer). The archive has the lines ``honestcs check --jsonl`` reads (``id``, ``reply``,
``customer``, ``now``); without one, the replies of examples/replies/ are checked. It
prints the findings per rule and the first few findings.

The findings have the columns of ``honestcs.batch.check_replies``; the ids are text,
since a Spark column has one type.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

import honestcs

HERE = Path(__file__).parent
NOW = "2026-12-01T10:00:00-06:00"

#: What is read from each line: the keys of ``check --jsonl`` but a line's own policy.
REPLIES_SCHEMA = "id string, reply string, customer string, now string"
#: The columns of honestcs.batch.check_replies, with Spark types.
FINDINGS_SCHEMA = (
    "id string, rule string, severity string, clause string, `start` int, `end` int, "
    "message string, suggestion string, error string"
)
COLUMNS = ["id", "rule", "severity", "clause", "start", "end", "message", "suggestion", "error"]


def findings_of(
    checker: honestcs.ReplyChecker, row: dict[str, Any], now: datetime
) -> list[dict[str, Any]]:
    """The findings of one row, or one error row saying why it cannot be checked."""
    problems = []
    if not isinstance(row["id"], str):
        problems.append('"id" must be a string or a number')
    if not isinstance(row["reply"], str):
        problems.append('"reply" must be a string')
    sent = now
    if isinstance(row["now"], str):
        try:
            sent = datetime.fromisoformat(row["now"])
        except ValueError:
            problems.append(f'"now" must be an ISO 8601 time with a UTC offset, not {row["now"]!r}')
        else:
            if sent.utcoffset() is None:
                problems.append(f'"now" must have a UTC offset, not {row["now"]!r}')
    if problems:
        return [{"id": row["id"], "error": "; ".join(problems)}]
    customer = row["customer"] if isinstance(row["customer"], str) else None
    report = checker.check(row["reply"], customer_message=customer, now=sent)
    return [
        {
            "id": row["id"], "rule": f.rule, "severity": f.severity.value, "clause": f.clause,
            "start": f.start, "end": f.end, "message": f.message, "suggestion": f.suggestion,
        }
        for f in report.findings
    ]


def check_partitions(
    policy: honestcs.Policy, now: datetime
) -> Callable[[Iterator[pd.DataFrame]], Iterator[pd.DataFrame]]:
    """The function ``mapInPandas`` runs on each partition: batches of rows in, findings out.

    Spark pickles it with the policy it closes over (a few kilobytes) and sends it to
    each task; the checker is built once per partition, not once per row.
    """

    def check(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        checker = honestcs.ReplyChecker(policy)
        for batch in batches:
            rows = [
                found
                for row in batch.astype(object).where(batch.notna(), None).to_dict("records")
                for found in findings_of(checker, row, now)
            ]
            # Plain Python values: pyspark 4.3 cannot yet read pandas 3's Arrow-backed strings.
            frame = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
            yield frame.where(frame.notna(), None)

    return check


def spark_session() -> Any:
    """A local Spark on this machine's cores, quiet but for errors."""
    # Spark's Python workers run this interpreter (with honestcs), not the first python3 on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # a local Spark listens on loopback only
    # pyspark 4.3 warns that it is not yet tested with pandas 3; mapInPandas works with it.
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas", FutureWarning)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("honestcs")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    policy = honestcs.load_policy(HERE / "northwind.toml")
    with tempfile.TemporaryDirectory() as folder:
        if args:
            archive = args[0]
        else:
            archive = str(Path(folder, "archive.jsonl"))
            with Path(archive).open("w", encoding="utf-8") as out:
                for path in sorted((HERE / "replies").glob("*.txt")):
                    line = {"id": path.stem, "reply": path.read_text(encoding="utf-8")}
                    out.write(json.dumps(line) + "\n")
        spark = spark_session()
        try:
            replies = spark.read.schema(REPLIES_SCHEMA).json(archive)
            findings = replies.mapInPandas(
                check_partitions(policy, datetime.fromisoformat(NOW)), FINDINGS_SCHEMA
            ).cache()
            total, bad = findings.count(), findings.where("error IS NOT NULL").count()
            checked = replies.count()
            print(f"{checked} replies checked on Spark: {total - bad} findings, {bad} bad rows")
            per_rule = findings.where("rule IS NOT NULL").groupBy("rule").count().collect()
            for rule, count in sorted(per_rule):
                print(f"  {rule}: {count}")
            for row in findings.orderBy("id", "start").limit(3).collect():
                print(f"{row.id} {row.severity} {row.rule}: {row.message}")
        finally:
            spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
