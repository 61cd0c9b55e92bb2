"""The ``claimledger`` command: parse options, call one library function, render, exit.

Exit codes: 0 nothing inconsistent (or valid), 1 a finding (an inconsistent
figure, a failing row), 2 bad usage or unreadable input, 3 a tampered ledger.
"""

from __future__ import annotations

import enum
import importlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from toolkit.errors import RuleSyntaxError, ToolkitError

__all__ = ["app", "main"]

EXIT_CODES = (
    "Exit codes: 0 nothing inconsistent, 1 an inconsistent figure (or uncertain with "
    "--fail-on uncertain), 2 bad usage or unreadable input, 3 a tampered ledger."
)


class _Group(TyperGroup):
    """Turns ``ToolkitError`` into ``Error: what, where. how to fix`` and exit 2."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except ToolkitError as exc:
            if ctx.meta.get("claimledger.debug"):
                raise
            _print_error(exc)
            raise typer.Exit(2) from None


def _print_error(exc: ToolkitError) -> None:
    typer.echo(f"Error: {exc.message}", err=True)
    if isinstance(exc, RuleSyntaxError):
        typer.echo(exc.caret, err=True)


app = typer.Typer(
    cls=_Group,
    name="claimledger",
    help="Check the numbers in the news: figures read as intervals, rules checked soundly, "
    "provenance recorded.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
) -> None:
    ctx.meta["claimledger.debug"] = debug


class Format(enum.StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    markdown = "markdown"
    sarif = "sarif"
    github = "github"


class FailOn(enum.StrEnum):
    inconsistent = "inconsistent"
    uncertain = "uncertain"


def console(no_color: bool = False, stderr: bool = False) -> Any:
    from rich.console import Console

    width = int(os.environ.get("COLUMNS", "0") or 0) or None
    return Console(
        no_color=no_color or bool(os.environ.get("NO_COLOR")),
        stderr=stderr,
        width=width,
        highlight=False,
        soft_wrap=False,
    )


def render(report: Any, fmt: Format, fail_on: str, source: str) -> str:
    """The report in a machine format (not text)."""
    if fmt is Format.json:
        from toolkit.render.json import render_json

        return render_json(report.to_dict())
    if fmt is Format.junit:
        from toolkit.render.junit import render_junit

        return render_junit(report, fail_on)
    if fmt is Format.markdown:
        from toolkit.render.markdown import render_markdown

        return render_markdown(report)
    module = importlib.import_module(f"toolkit.render.{fmt.value}")
    fn = getattr(module, f"render_{fmt.value}")
    return str(fn(report, source))


@app.command(epilog=EXIT_CODES)
def check(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Articles (.txt, .md, .html, - for stdin), claims tables (.csv, .json, .yaml), "
            "or folders of them.",
            show_default=False,
        ),
    ],
    rules: Annotated[
        Path | None,
        typer.Option("--rules", "-r", help="Rules file (YAML/JSON: rules: [{id, check, note}])."),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the format to FILE; the terminal gets text."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 on this verdict or worse.")
    ] = FailOn.inconsistent,
    record: Annotated[
        bool, typer.Option("--record", help="Record the figures and verdicts in the ledger.")
    ] = False,
    ledger: Annotated[
        str | None,
        typer.Option(
            "--ledger", help="Ledger path or postgresql:// URL.", envvar="CLAIMLEDGER_LEDGER"
        ),
    ] = None,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colours (NO_COLOR works too).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list every figure.")
    ] = False,
) -> None:
    """Check the figures in articles or claims tables.

    An article's relations are inferred from its wording ("of which", "a total of"); a table's
    come from --rules or its own rules list.

    Examples:

        claimledger check article.txt

        claimledger check claims.csv --rules rules.yaml --format json

        claimledger check articles/ --format sarif --output results.sarif
    """
    from toolkit.check.batch import check_many, expand

    paths = expand(inputs)
    out = console(no_color)
    batch = len(paths) > 1
    reports = check_many(paths, rules, progress=_progress(out, len(paths)) if batch else None)
    failed = any(r.failed(fail_on.value) for r in reports)
    if record:
        _record(reports, ledger)
    if fmt is Format.text or output is not None:
        from toolkit.render.text import render_batch, render_text

        for report in reports if not batch or verbose else ():
            render_text(report, out, verbose=verbose, quiet=quiet)
        if batch:
            render_batch(reports, out)
    if fmt is not Format.text:
        text = "".join(render(r, fmt, fail_on.value, r.source) for r in reports)
        if batch and fmt is Format.json:
            from toolkit.render.json import render_json

            text = render_json({"reports": [r.to_dict() for r in reports]})
        if output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    raise typer.Exit(int(failed))


def _progress(out: Any, total: int) -> Any:
    """A progress callback on a terminal; nothing in CI logs or pipes."""
    if not out.is_terminal or os.environ.get("CI"):
        return None
    from rich.progress import Progress

    bar = Progress(console=out, transient=True)
    task = bar.add_task("checking", total=total)
    bar.start()

    def advance(done: int) -> None:
        bar.update(task, completed=done)
        if done >= total:
            bar.stop()

    return advance


def _record(reports: list[Any], ledger: str | None) -> None:
    from toolkit.ledger import record_report

    for report in reports:
        record_report(report, ledger)


def _register_optional() -> None:
    """Commands built in their own modules; each exposes ``register(app)``."""
    for name in ("extract", "ledger", "validate", "report", "init"):
        try:
            module = importlib.import_module(f"toolkit.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"toolkit.cli.{name}":
                raise
            continue
        register = getattr(module, "register", None)
        if register is not None:
            register(app)
        elif isinstance(getattr(module, "app", None), typer.Typer):
            app.add_typer(module.app, name=name)


_register_optional()


def main() -> None:
    """The console script."""
    app(prog_name="claimledger")
