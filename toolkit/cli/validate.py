"""``claimledger validate``: parse options, call ``toolkit.validate.validate``, render, exit.

Nothing heavy is imported here: polars, GX, pandera and pyspark load inside the
library when a table is validated, so ``claimledger --help`` stays fast.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

EXIT_CODES = "Exit codes: 0 valid, 1 failing rows, 2 bad usage or unreadable input."


class Engine(enum.StrEnum):
    auto = "auto"
    pandas = "pandas"
    polars = "polars"
    spark = "spark"


class Format(enum.StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"
    github = "github"
    markdown = "markdown"


def validate(
    data: Annotated[
        Path | None,
        typer.Argument(
            help="Table to validate (.csv, .tsv, .parquet, .jsonl, .xlsx).", show_default=False
        ),
    ] = None,
    rule: Annotated[
        list[str] | None,
        typer.Option(
            "--rule",
            "-r",
            help='A rule over columns, e.g. "Men + Women == Total". '
            'Repeatable; quote odd names: "Share Women".',
        ),
    ] = None,
    suite: Annotated[
        Path | None,
        typer.Option(
            "--suite", "-s", help="A Great Expectations 1.x suite (JSON, as GX stores it)."
        ),
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Check the claims-table contract (pandera).")
    ] = False,
    engine: Annotated[
        Engine, typer.Option("--engine", "-e", help="Where rules run.")
    ] = Engine.auto,
    spark_master: Annotated[
        str | None,
        typer.Option(
            "--spark-master", help="Spark master URL for --engine spark (default local[*])."
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the format to FILE; the terminal gets text."),
    ] = None,
    max_failures: Annotated[
        int, typer.Option("--max-failures", min=0, help="Failing rows listed per check.")
    ] = 20,
    list_suites: Annotated[
        bool, typer.Option("--list-suites", help="List the suites in expectations/ and exit.")
    ] = False,
    record: Annotated[
        bool, typer.Option("--record", help="Record the table and the result in the ledger.")
    ] = False,
    ledger: Annotated[
        str | None,
        typer.Option(
            "--ledger", help="Ledger path or postgresql:// URL.", envvar="CLAIMLEDGER_LEDGER"
        ),
    ] = None,
) -> None:
    """Validate a table of figures with rules, a GX suite and the claims schema.

    Example:

        claimledger validate majors.csv --rule "Men + Women == Total"
    """
    from toolkit.errors import UnreadableInput

    if list_suites:
        from toolkit.validate.suites_list import list_suites as find

        for info in find():
            pair = f"  (for {info.dataset})" if info.dataset else ""
            typer.echo(
                f"{info.path.as_posix()}: {info.name}, {info.expectations} expectations{pair}"
            )
        raise typer.Exit(0)
    if data is None:
        raise UnreadableInput(
            "no table given", None, "Name a data file: claimledger validate DATA --rule ..."
        )
    if not rule and suite is None and not schema:
        raise UnreadableInput(
            "nothing to check", None, "Give --rule EXPR, --suite FILE or --schema."
        )
    from toolkit.render.validation import render_validation
    from toolkit.validate import validate as run

    report = run(data, rule or (), suite, schema, engine.value, spark_master, max_failures)
    if record:
        from toolkit.ledger import record_validation

        record_validation(report.to_dict(), data, ledger)
    if output is not None:
        output.write_text(render_validation(report, fmt.value), encoding="utf-8")
        sys.stdout.write(render_validation(report, "text"))
    else:
        sys.stdout.write(render_validation(report, fmt.value))
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    """Add the ``validate`` command to ``app``."""
    app.command(name="validate", epilog=EXIT_CODES)(validate)
