"""The claims-table contract as a pandera model, run on pandera's polars backend.

A claims table has ``id`` (required, unique, ``[a-z_][a-z0-9_]*``) and ``value``
(required column; empty means not reported; otherwise a figure ``parse_figure``
can read), and optionally ``unit``, ``subject``, ``source``, ``author``,
``publisher``, ``url``, ``published`` (``YYYY-MM-DD``) and ``quote`` — all text.
Cells are checked as text, whatever type the reader gave them.

The polars backend serves every ``--engine``: ``pandera.pyspark`` does not
import with pandas 3 (it imports ``DateOffset`` from ``pandas.tseries.frequencies``),
so the Spark engine validates the schema on the collected rows.
"""

from __future__ import annotations

from typing import Any

from toolkit.errors import ToolkitError, UnreadableFigure
from toolkit.figures import parse_figure
from toolkit.validate.read import LINE, ROW, Table, collect_with_fallback
from toolkit.validate.report import CheckOutcome, Failure

__all__ = ["CLAIMS_COLUMNS", "check_schema", "claims_model", "readable_figure"]

CLAIMS_COLUMNS = ("id", "value", "unit", "subject", "source", "author", "publisher", "url",
                  "published", "quote")  # fmt: skip
NAME = "claims-table contract (pandera)"


def readable_figure(text: Any) -> bool:
    """True for an empty value (not reported) or one ``parse_figure`` reads."""
    if text is None or not str(text).strip():
        return True
    try:
        parse_figure(str(text))
    except UnreadableFigure:
        return False
    return True


def claims_model() -> Any:
    """The pandera ``DataFrameModel`` of a claims table (built on first use: pandera is heavy)."""
    try:
        import pandera.polars as pa
    except ImportError as exc:
        raise ToolkitError(
            "--schema needs pandera with its polars backend", None,
            "pip install 'claimledger[tables]'.",
        ) from exc  # fmt: skip

    class ClaimsTable(pa.DataFrameModel):
        id: str = pa.Field(nullable=False, unique=True, str_matches=r"^[a-z_][a-z0-9_]*$")
        value: str = pa.Field(nullable=True)
        unit: str | None = pa.Field(nullable=True)
        subject: str | None = pa.Field(nullable=True)
        source: str | None = pa.Field(nullable=True)
        author: str | None = pa.Field(nullable=True)
        publisher: str | None = pa.Field(nullable=True)
        url: str | None = pa.Field(nullable=True)
        published: str | None = pa.Field(nullable=True, str_matches=r"^\d{4}-\d{2}-\d{2}$")
        quote: str | None = pa.Field(nullable=True)

        class Config:
            strict = False  # other columns are kept, as read_claims keeps them

        @pa.check("value", element_wise=True, name="readable_figure")
        @classmethod
        def _readable(cls, text: Any) -> bool:
            return readable_figure(text)

    return ClaimsTable


def check_schema(
    table: Table,
    engine: str = "auto",
    spark_master: str | None = None,
    max_failures: int = 20,
    provenance: str | None = None,
) -> tuple[int, CheckOutcome]:
    """Validate ``table`` against the claims-table contract: row count and one outcome."""
    import polars as pl

    model = claims_model()
    import pandera.errors as pe

    frame = collect_with_fallback(table, lambda t: t.frame.collect())
    data = frame.drop(ROW, LINE)
    text = data.with_columns(pl.col(c).cast(pl.String) for c in data.columns)
    text = text.with_columns(
        pl.when(pl.col(c).str.strip_chars() == "").then(None).otherwise(pl.col(c)).alias(c)
        for c in text.columns if c not in ("id",)
    )  # fmt: skip
    rows, lines = frame[ROW].to_list(), frame[LINE].to_list()
    suffix = f" {provenance}." if provenance else ""
    try:
        model.validate(text, lazy=True)
    except pe.SchemaErrors as exc:
        failures, count = _failures(exc.failure_cases, text, rows, lines, suffix)
        return len(text), CheckOutcome(NAME, "schema", count, 0, tuple(failures[:max_failures]))
    return len(text), CheckOutcome(NAME, "schema", 0, 0)


def _failures(
    cases: Any, text: Any, rows: list[Any], lines: list[Any], suffix: str
) -> tuple[list[Failure], int]:
    failures: list[Failure] = []
    for case in cases.to_dicts():
        index, column = case.get("index"), case.get("column")
        check = str(case.get("check"))
        value = case.get("failure_case")
        if index is None:
            what = f"column {column!r}: {check} (found {value!r})" if column else check
            failures.append(Failure(None, None, (), f"{what}.{suffix}", "schema-violation"))
            continue
        i = int(index)
        explanation = f"{column} = {value!r} breaks {_describe(check)}.{suffix}"
        line = lines[i]
        failures.append(
            Failure(
                int(rows[i]),
                None if line is None else int(line),
                ((str(column), value),),
                explanation,
                "schema-violation",
            )
        )
    failures.sort(key=lambda f: (f.row is not None, f.row or 0))
    return failures, len(failures)


def _describe(check: str) -> str:
    if check.startswith("str_matches"):
        return f"the contract ({check})"
    if check == "field_uniqueness" or check.startswith("unique"):
        return "the contract (ids must be unique)"
    if check == "readable_figure":
        return "the contract (not a figure claimledger can read)"
    if check == "not_nullable":
        return "the contract (required)"
    return f"the contract ({check})"
