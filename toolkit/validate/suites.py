"""Running a Great Expectations 1.x suite, as GX stores it, through GX itself.

The suite file is what ``context.suites.add(...)`` writes (``name``, ``id``,
``expectations: [{type, kwargs, meta, id}]``, ``meta``), loaded with GX's own
``ExpectationSuiteSchema`` so suites made with GX's tools run unchanged. The
table goes to GX's pandas engine (or Spark with ``--engine spark``): whole-number
columns as integers, columns of plain numbers as floats, the rest as text.
Each expectation becomes one check; its unexpected rows become failures with
their row and line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from toolkit.errors import ToolkitError
from toolkit.validate.read import LINE, ROW, Table, collect_with_fallback
from toolkit.validate.report import CheckOutcome, Failure

__all__ = ["NotASuite", "load_suite_file", "run_suite"]

_SHAPE = (
    "A GX 1.x suite is a JSON object with 'name' and 'expectations': "
    "[{'type': 'expect_...', 'kwargs': {...}}], as GX writes it to gx/expectations/NAME.json."
)


class NotASuite(ToolkitError):
    """The ``--suite`` file is not a Great Expectations expectation suite."""


def load_suite_file(path: Path) -> dict[str, Any]:
    """The suite's JSON, checked for GX's shape. Raises ``NotASuite``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise NotASuite("suite file not found", str(path), "Check the path.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise NotASuite(f"cannot read the suite ({exc})", str(path)) from None
    except json.JSONDecodeError as exc:
        raise NotASuite(
            f"not a GX suite: invalid JSON ({exc.msg})", f"{path}:{exc.lineno}:{exc.colno}", _SHAPE
        ) from None
    ok = isinstance(data, dict) and isinstance(data.get("expectations"), list)
    if ok:
        ok = all(
            isinstance(e, dict) and isinstance(e.get("type"), str) for e in data["expectations"]
        )
    if not ok:
        hint = ""
        if isinstance(data, dict) and "expectation_suite_name" in data:
            hint = " This looks like a GX 0.x suite (expectation_type); re-save it with GX 1.x."
        raise NotASuite("not a GX suite", str(path), _SHAPE + hint)
    return data  # type: ignore[no-any-return]


def run_suite(
    table: Table,
    path: Path,
    engine: str = "pandas",
    spark_master: str | None = None,
    max_failures: int = 20,
    provenance: str | None = None,
) -> tuple[int, list[CheckOutcome]]:
    """Run the suite at ``path`` on ``table``: the row count and one outcome per expectation."""
    data = load_suite_file(path)
    gx = _import_gx()
    from great_expectations.core.expectation_suite import ExpectationSuiteSchema

    import toolkit.validate.custom  # noqa: F401  (registers the custom expectations)

    try:
        suite = gx.ExpectationSuite(**ExpectationSuiteSchema().load(data))
    except Exception as exc:  # GX raises many types for a bad suite
        raise NotASuite(f"GX cannot load the suite ({exc})", str(path), _SHAPE) from None
    frame = collect_with_fallback(table, lambda t: t.frame.collect())
    rows, lines = frame[ROW].to_list(), frame[LINE].to_list()
    pdf = _numbers(frame.drop(ROW, LINE)).to_pandas()
    context = gx.get_context(mode="ephemeral")
    _quiet(context)
    if engine == "spark":
        from toolkit.validate.spark import session

        spark = session(spark_master)
        source = context.data_sources.add_spark("claimledger")
        batch_data: Any = spark.createDataFrame(pdf)
    else:
        source = context.data_sources.add_pandas("claimledger")
        batch_data = pdf
    asset = source.add_dataframe_asset(name=path.stem)
    batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(
        batch_parameters={"dataframe": batch_data}
    )
    result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    outcomes = [_outcome(r, pdf, rows, lines, max_failures, provenance) for r in result.results]
    return len(pdf), outcomes


def _import_gx() -> Any:
    try:
        import great_expectations as gx
    except ImportError as exc:
        raise NotASuite(
            "running a suite needs great_expectations", None, "pip install 'claimledger[gx]'."
        ) from exc
    return gx


def _quiet(context: Any) -> None:
    try:
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context.variables.progress_bars = ProgressBarsConfig(globally=False)
    except Exception:  # pragma: no cover - older or newer GX without the setting
        pass


def _numbers(frame: Any) -> Any:
    """Columns of plain numbers become floats so numeric expectations compare numbers."""
    import polars as pl

    from toolkit.validate.engines import PLAIN

    casts = []
    for name, dtype in frame.schema.items():
        if dtype != pl.String:
            continue
        col = frame[name].str.strip_chars()
        filled = col.filter(col.is_not_null() & (col != ""))
        # An empty cell is a missing value (not reported), as everywhere in claimledger.
        blank = pl.when(pl.col(name).str.strip_chars() == "").then(None)
        if len(filled) and filled.str.contains(PLAIN).all():
            number = pl.col(name).str.strip_chars().str.replace_all(",", "").cast(pl.Float64)
            casts.append(blank.otherwise(number).alias(name))
        else:
            casts.append(blank.otherwise(pl.col(name)).alias(name))
    return frame.with_columns(casts) if casts else frame


def _name(config: Any) -> str:
    kwargs = {k: v for k, v in (config.kwargs or {}).items() if k not in ("batch_id",)}
    args = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    return f"{config.type}({args})"


def _outcome(
    r: Any, pdf: Any, rows: list[Any], lines: list[Any], cap: int, provenance: str | None
) -> CheckOutcome:
    name = _name(r.expectation_config)
    suffix = f" {provenance}." if provenance else ""
    info = r.exception_info or {}
    if info.get("raised_exception"):
        message = str(info.get("exception_message") or "GX raised an error").splitlines()[0]
        failure = Failure(None, None, (), f"GX could not run it: {message}.{suffix}",
                          "expectation-failed")  # fmt: skip
        return CheckOutcome(name, "expectation", 1, 0, (failure,))
    if r.success:
        return CheckOutcome(name, "expectation", 0, 0)
    result = r.result or {}
    indexes = result.get("unexpected_index_list") or []
    columns = _columns(r.expectation_config.kwargs or {}, pdf)
    failures = []
    for index in indexes[:cap]:
        i = int(index) if not isinstance(index, dict) else int(next(iter(index.values())))
        values = tuple((c, _plain(pdf[c].iloc[i])) for c in columns)
        shown = ", ".join(f"{c} = {v}" for c, v in values)
        text = f"{r.expectation_config.type} fails on this row ({shown}).{suffix}"
        line = lines[i]
        failures.append(
            Failure(
                int(rows[i]),
                None if line is None else int(line),
                values,
                text,
                "expectation-failed",
            )
        )
    count = result.get("unexpected_count")
    if count is None:
        observed = result.get("observed_value")
        text = f"{r.expectation_config.type} fails (observed {observed!r}).{suffix}"
        return CheckOutcome(name, "expectation", 1, 0,
                            (Failure(None, None, (), text, "expectation-failed"),))  # fmt: skip
    missing = int(result.get("missing_count") or 0)
    return CheckOutcome(name, "expectation", int(count), missing, tuple(failures))


def _columns(kwargs: dict[str, Any], pdf: Any) -> list[str]:
    found: list[str] = []
    for key in ("column", "column_A", "column_B"):
        if isinstance(kwargs.get(key), str):
            found.append(kwargs[key])
    for key in ("column_list",):
        if isinstance(kwargs.get(key), list):
            found += [str(c) for c in kwargs[key]]
    return [c for c in dict.fromkeys(found) if c in pdf.columns]


def _plain(value: Any) -> Any:
    from toolkit.validate.frames import as_text

    if isinstance(value, int | str | bool) or value is None:
        return value
    try:
        return as_text(value.item() if hasattr(value, "item") else value)
    except (TypeError, ValueError):
        return str(value)
