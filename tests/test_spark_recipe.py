"""The Spark recipe of the Scale guide (examples/spark_check.py) finds what check finds."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from datetime import datetime

import pytest

# benchmarks/ is on the path (tests/conftest.py): the benchmark measures the same archive.
from bench_batch import archive_rows
from test_batch import NOW, POLICY, ROOT, checked_one_by_one

from honestcs import load_policy


def spark_missing() -> str | None:
    """Why Spark cannot run here, or None when pyspark and Java are installed."""
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (.ci/run installs it where Java is)"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java: Spark needs Java 17 or newer (java not on PATH, no JAVA_HOME)"
    return None


@pytest.mark.slow
def test_the_spark_recipe_finds_what_check_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/spark_check.py's mapInPandas on local Spark: the findings of check, one by one."""
    missing = spark_missing()
    if missing:
        pytest.skip(missing)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    spec = importlib.util.spec_from_file_location("spark_check", ROOT / "examples/spark_check.py")
    assert spec and spec.loader
    recipe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(recipe)
    rows = [
        {key: value for key, value in row.items() if key != "policy"}
        for row in archive_rows(2_000)
    ]
    rows[7] = {"id": "no-reply", "reply": None, "customer": None, "now": None}
    rows[8] = {"id": "bad-now", "reply": "ok", "customer": None, "now": "yesterday"}
    import pandas

    spark = recipe.spark_session()
    try:
        replies = spark.createDataFrame(
            pandas.DataFrame(rows).astype({"id": str}), schema=recipe.REPLIES_SCHEMA
        )
        now = datetime.fromisoformat(NOW)
        # collect(), not toPandas(): pyspark 4.3's toPandas passes pandas 3 a deprecated keyword.
        found = replies.mapInPandas(recipe.check_partitions(load_policy(POLICY), now),
                                    recipe.FINDINGS_SCHEMA).collect()  # fmt: skip
    finally:
        spark.stop()
    good = [row for row in rows if row["id"] not in ("no-reply", "bad-now")]
    expected = [(str(row[0]), *row[1:]) for row in checked_one_by_one(good)]
    actual = [tuple(row) for row in found]
    assert [row for row in actual if row[-1] is None] == expected
    assert [(row[0], row[-1]) for row in actual if row[-1] is not None] == [
        ("no-reply", '"reply" must be a string'),
        ("bad-now", "\"now\" must be an ISO 8601 time with a UTC offset, not 'yesterday'"),
    ]
