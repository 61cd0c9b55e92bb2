"""``claimledger report INPUT -o report.html``: the checked article as one HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

EXIT_CODES = (
    "Exit codes: 0 the page was written (whatever the verdicts; use check to gate), "
    "2 bad usage or unreadable input."
)


def register(app: typer.Typer) -> None:
    """Add the ``report`` command to ``app``."""

    @app.command(epilog=EXIT_CODES)
    def report(
        input_path: Annotated[
            Path,
            typer.Argument(
                metavar="INPUT",
                help="An article (.txt, .md) or a claims table (.csv, .json, .yaml).",
                show_default=False,
            ),
        ],
        output: Annotated[
            Path, typer.Option("--output", "-o", help="Where to write the HTML page.")
        ] = Path("report.html"),
        rules: Annotated[
            Path | None,
            typer.Option("--rules", "-r", help="Rules file (YAML: rules: [{id, check, note}])."),
        ] = None,
    ) -> None:
        """Write one self-contained HTML page: the article with every figure marked by verdict.

        Example:

            claimledger report claims.csv --rules rules.yaml -o report.html
        """
        from toolkit.render.page import report as write_report

        typer.echo(str(write_report(input_path, output, rules)))
