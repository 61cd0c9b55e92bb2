"""``claimledger extract ARTICLE``: list an article's figures as a claims table.

Thin: read the article (``toolkit.extraction.text.read_text``), call
``read_article``, render. ``--format csv`` writes a claims table that
``claimledger check`` reads. Exit 0 whenever the article was read (also
with no figures); findings are listed, not failed on: ``check`` judges.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from toolkit.extraction.claim import Claim

if TYPE_CHECKING:  # the extractor loads on first use: other commands start without it
    from toolkit.extraction.extract import ArticleReading

__all__ = ["CSV_COLUMNS", "ExtractFormat", "extract_command", "register", "render_extract"]

CSV_COLUMNS = (
    "id", "value", "unit", "subject", "source", "author", "publisher", "url", "published",
    "quote", "span",
)  # fmt: skip


class ExtractFormat(enum.StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    yaml = "yaml"


def _csv_row(claim: Claim) -> dict[str, str]:
    row = {name: "" if getattr(claim, name) is None else str(getattr(claim, name))
           for name in CSV_COLUMNS if name not in ("value", "span")}  # fmt: skip
    row["value"] = claim.text
    row["span"] = f"{claim.span[0]}:{claim.span[1]}" if claim.span else ""
    return row


def render_extract(reading: ArticleReading, fmt: ExtractFormat) -> str:
    """The reading as JSON, YAML or a CSV claims table (the table format is drawn by rich)."""
    if fmt is ExtractFormat.json:
        return json.dumps(reading.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt is ExtractFormat.yaml:
        import yaml

        return str(yaml.safe_dump(reading.to_dict(), allow_unicode=True, sort_keys=False))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim in reading.claims:
        writer.writerow(_csv_row(claim))
    return out.getvalue()


def _print_table(reading: ArticleReading, source: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False, soft_wrap=False)
    if not reading.claims:
        console.print(f"{source}: no figures found")
        return
    table = Table(title=f"{source}: {len(reading.claims)} figures")
    for name in ("id", "figure", "interval", "subject", "source"):
        table.add_column(name)
    for c in reading.claims:
        d: dict[str, Any] = c.to_dict()
        low = "-∞" if d["low"] is None else d["low"]
        high = "∞" if d["high"] is None else d["high"]
        brackets = ("[" if d["low_closed"] else "(", "]" if d["high_closed"] else ")")
        interval = f"{brackets[0]}{low}, {high}{brackets[1]}"
        table.add_row(c.id, c.text, interval, c.subject or "", c.source or "(unattributed)")
    console.print(table)
    byline = f"author: {reading.author or '-'}   publisher: {reading.publisher or '-'}"
    console.print(byline)
    for rule in reading.rules:
        console.print(f"rule {rule.id}: {rule.expression}  — {rule.note}")
    for finding in reading.findings:
        console.print(f"{finding.code}: {finding.message}")


def extract_command(
    article: Annotated[
        str, typer.Argument(help="Article (.txt, .md, .html) or - for stdin.", show_default=False)
    ],
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExtractFormat.table,
) -> None:
    """List the figures of an article with subject, source and inferred rules.

    Example:

        claimledger extract article.txt --format csv > claims.csv
    """
    from toolkit.extraction.extract import read_article
    from toolkit.extraction.text import read_text

    text = read_text(article)
    reading = read_article(
        text.text, url=text.url, published=text.published, author=text.author,
        publisher=text.publisher,
    )  # fmt: skip
    if fmt is ExtractFormat.table:
        _print_table(reading, text.name)
    else:
        sys.stdout.write(render_extract(reading, fmt))
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the ``claimledger`` app."""
    app.command(
        "extract",
        epilog="Exit codes: 0 read (findings are shown, not failed on), 2 unreadable input.",
    )(extract_command)
