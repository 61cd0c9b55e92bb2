"""``validate()``: read a table, run rules, suites and the schema, and gather one report."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from toolkit.validate.provenance import provenance as find_provenance
from toolkit.validate.read import Malformed, Table, read_table, verified
from toolkit.validate.report import CheckOutcome, Failure, ValidationReport

__all__ = ["validate"]


def validate(
    data: str | Path,
    rules: Sequence[str] = (),
    suite: str | Path | None = None,
    schema: bool = False,
    engine: str = "auto",
    spark_master: str | None = None,
    max_failures: int = 20,
) -> ValidationReport:
    """Validate the table at ``data``.

    Raises ``ToolkitError`` subclasses for what stops validation (an unreadable
    file, a rule naming a missing column, a suite that is not a GX suite); rows
    that fail are results in the report, never errors.
    """
    from toolkit.validate.engines import ENGINES, EngineUnavailable
    from toolkit.validate.rules import check_rules, prepare_rules

    if engine not in ENGINES:
        raise EngineUnavailable(
            f"unknown engine {engine!r}", None, f"Use one of {', '.join(ENGINES)}."
        )
    path = Path(data)
    # Only the polars rule pass checks a trusted reading's widths itself (see ``read_table``).
    fast = bool(rules) and engine in ("auto", "polars")
    table = read_table(path, trust_widths=fast)
    origin = find_provenance(path)
    specs = prepare_rules(rules, table.columns, str(path))
    checks: list[CheckOutcome] = []
    malformed = table.malformed
    rows: int | None = None
    used = "polars" if engine == "auto" else engine
    if specs:
        rows, outcomes, malformed = check_rules(
            table, specs, engine, spark_master, max_failures, origin
        )
        checks += outcomes
    if suite is not None or schema or rows is None:
        table = verified(table)  # the suites, the schema and the count read every row as is
    if suite is not None:
        from toolkit.validate.suites import run_suite

        suite_rows, outcomes = run_suite(
            table, Path(suite), "spark" if engine == "spark" else "pandas", spark_master,
            max_failures, origin,
        )  # fmt: skip
        rows = suite_rows if rows is None else rows
        checks += outcomes
    if schema:
        from toolkit.validate.schema import check_schema

        schema_rows, outcome = check_schema(table, engine, spark_master, max_failures, origin)
        rows = schema_rows if rows is None else rows
        checks.append(outcome)
    if rows is None:
        rows = _count(table)
    if malformed:
        checks.insert(0, _malformed(malformed, max_failures, origin))
    return ValidationReport(str(path), rows + len(malformed), tuple(checks), used, origin)


def _count(table: Table) -> int:
    import polars as pl

    from toolkit.validate.read import collect_with_fallback

    return collect_with_fallback(
        table, lambda t: int(t.frame.select(pl.len()).collect(engine="streaming").item())
    )


def _malformed(items: tuple[Malformed, ...], cap: int, origin: str | None) -> CheckOutcome:
    suffix = f" {origin}." if origin else ""
    failures = tuple(
        Failure(m.row, m.line, (), f"{m.message}.{suffix}", "malformed-row") for m in items[:cap]
    )
    return CheckOutcome("readable rows", "schema", len(items), 0, failures)
