"""The Spark engine: the same compiled interval arithmetic on Spark columns.

``--engine spark`` runs in local mode (``local[*]``) unless ``--spark-master``
names a cluster. Parquet is read by Spark itself (so a table larger than one
machine's memory stays in the cluster); other formats are read by claimledger's
reader (for exact row and line numbers, malformed rows and BOMs) and handed to
Spark. Only the rows that fail or need the exact path come back to the driver.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from toolkit.validate.engines import (
    OK,
    PLAIN,
    Flagged,
    Parts,
    RuleSpec,
    _lenient,
    _status,
)
from toolkit.validate.read import LINE, ROW, Table, collect_with_fallback

__all__ = ["run_spark", "session"]


def session(master: str | None = None) -> Any:
    """A Spark session (created once per process): ANSI off so bad casts give null, no UI."""
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.master(master or "local[*]")
        .appName("claimledger-validate")
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


class SparkOps:
    def __init__(self) -> None:
        from pyspark.sql import Column
        from pyspark.sql import functions as F

        self.F, self.Column = F, Column

    def _col(self, x: Any) -> Any:
        return x if isinstance(x, self.Column) else self.F.lit(x)

    def lit(self, value: float) -> Any:
        return self.F.lit(value)

    def where(self, cond: Any, then: Any, otherwise: Any) -> Any:
        return self.F.when(self._col(cond), self._col(then)).otherwise(self._col(otherwise))

    def least(self, *xs: Any) -> Any:
        return self.F.least(*map(self._col, xs)) if len(xs) > 1 else self._col(xs[0])

    def greatest(self, *xs: Any) -> Any:
        return self.F.greatest(*map(self._col, xs)) if len(xs) > 1 else self._col(xs[0])

    def abs(self, x: Any) -> Any:
        return self.F.abs(x) if isinstance(x, self.Column) else abs(x)

    def false(self) -> Any:
        return self.F.lit(False)

    def pow10(self, x: Any) -> Any:
        return self.F.pow(self.F.lit(10.0), self._col(x))

    def bind(self, x: Any) -> Any:
        return x


def _zeros(F: Any, digits: Any) -> Any:
    return F.coalesce(
        F.length(digits) - F.length(F.regexp_replace(digits, "0+$", "")), F.lit(0)
    ).cast("double")


def _parts(name: str, integer: bool) -> Parts:
    from pyspark.sql import functions as F

    col = F.col(f"`{name}`")
    if integer:
        v = col.cast("double")
        digits = F.abs(col).cast("string")
        return Parts(v, F.lit(0.0), lambda: _zeros(F, digits), v < 0, col.isNull(), F.lit(True),
                     True)  # fmt: skip
    s = F.trim(col.cast("string"))
    plain = F.coalesce(s.rlike(PLAIN), F.lit(False))
    num = F.when(plain, F.regexp_replace(s, ",", ""))
    decimals = F.coalesce(F.length(F.regexp_extract(num, r"\.(\d+)$", 1)), F.lit(0)).cast("double")
    whole = F.regexp_extract(F.regexp_replace(col.cast("string"), ",", ""), r"^\s*-?(\d+)", 1)
    return Parts(num.cast("double"), decimals, lambda: _zeros(F, whole),
                 F.coalesce(s.startswith("-"), F.lit(False)), s.isNull() | (s == ""), plain,
                 False)  # fmt: skip


def _frame(table: Table, spark: Any) -> tuple[Any, dict[str, bool]]:
    """The table as a Spark DataFrame with ``__row``/``__line``, and which columns are integers."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import IntegralType

    if table.kind == "parquet":
        df = spark.read.parquet(str(table.path))
        indexed = df.rdd.zipWithIndex().map(lambda pair: (*pair[0], pair[1] + 1))
        df = indexed.toDF([*df.columns, ROW]).withColumn(LINE, F.lit(None).cast("long"))
    else:
        frame = collect_with_fallback(table, lambda t: t.frame.collect())
        df = spark.createDataFrame(frame.to_pandas(use_pyarrow_extension_array=False))
    integer = {f.name: isinstance(f.dataType, IntegralType) for f in df.schema.fields}
    # pandas turns an integer column with nulls into floats: keep it exact by casting back.
    if table.kind != "parquet":
        schema = table.frame.collect_schema()
        for name in table.columns:
            if schema[name].is_integer() and not integer.get(name, False):
                df = df.withColumn(name, F.col(f"`{name}`").cast("long"))
                integer[name] = True
    return df, integer


def run_spark(table: Table, specs: Sequence[RuleSpec], master: str | None) -> Flagged:
    """Run ``specs`` with Spark; collect only the rows that are not passed outright."""
    from pyspark.sql import functions as F

    spark = session(master)
    df, integer = _frame(table, spark)
    ops = SparkOps()
    cols = list(dict.fromkeys(c for s in specs for c in s.columns))
    parts = {c: _parts(c, integer.get(c, False)) for c in cols}
    status = [_status(ops, s, parts).cast("int").alias(f"s{i}") for i, s in enumerate(specs)]
    df = df.select("*", *status)
    keep = functools.reduce(lambda a, b: a | b, [F.col(f"s{i}") != OK for i in range(len(specs))])
    lenient = []
    for i, spec in enumerate(specs):
        tri, near, div = _lenient(ops, spec, parts)
        lenient += [ops._col(tri).cast("int").alias(f"lt{i}"), ops._col(near).alias(f"ln{i}"),
                    ops._col(div).alias(f"ld{i}")]  # fmt: skip
    out = df.filter(keep).select(
        ROW, LINE, *(F.col(f"`{c}`").cast("string").alias(c) for c in cols),
        *(f"s{i}" for i in range(len(specs))), *lenient,
    )  # fmt: skip
    records = [row.asDict() for row in out.collect()]
    for record in records:
        for i in range(len(specs)):
            record[f"ln{i}"] = bool(record[f"ln{i}"])
            record[f"ld{i}"] = bool(record[f"ld{i}"])
    return Flagged(int(df.count()), records, table.malformed)
