"""The terminal: rich tables of figures and verdicts, and a one-line summary."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from toolkit.check.explain import format_interval
from toolkit.check.report import Report

__all__ = ["STYLES", "render_text", "summary_line"]

STYLES = {
    "consistent": ("✓", "green"),
    "uncertain": ("?", "yellow"),
    "inconsistent": ("✗", "bold red"),
    "unchecked": ("–", "dim"),
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report) -> str:
    s = report.summary
    return (
        f"{s['consistent']} consistent, {s['uncertain']} uncertain, "
        f"{s['inconsistent']} inconsistent, {s['unchecked']} unchecked"
    )


def render_text(
    report: Report, console: Console, verbose: bool = False, quiet: bool = False
) -> None:
    """Print the figures (with ``verbose``), the verdicts and the summary."""
    if not quiet:
        console.print(
            Text(
                f"{report.source}: {_plural(len(report.claims), 'figure')}, "
                f"{_plural(len(report.checks), 'rule')}",
                style="bold",
            )
        )
    if verbose and not quiet:
        figures = Table(title="Figures", title_justify="left", show_lines=False)
        for col in ("id", "figure", "reading", "subject", "source"):
            figures.add_column(col, overflow="fold")
        for c in report.claims:
            reading = format_interval(c.figure.strict, c.unit) if c.figure else "not reported"
            figures.add_row(c.id, c.text, reading, c.subject or "", c.source or "(no source)")
        console.print(figures)
    if report.checks and not quiet:
        console.print()
        for r in report.checks:
            mark, style = STYLES[r.verdict.value]
            line = Text(f"{mark} {r.verdict.value:<12}", style=style)
            line.append(f" {r.rule}", style="bold")
            line.append(f"  {r.expression}", style="dim")
            console.print(line)
            console.print(Padding(Text(r.explanation), (0, 0, 0, 2), expand=False))
            if r.evidence:
                quote = Text(f"“{r.evidence}”", style="italic dim")
                console.print(Padding(quote, (0, 0, 0, 2), expand=False))
        console.print()
    for f in report.findings:
        if not quiet:
            console.print(Text(f"! {f.code}: {f.message}", style="yellow"))
    worst = (
        "inconsistent"
        if report.summary["inconsistent"]
        else ("uncertain" if report.summary["uncertain"] else "consistent")
    )
    console.print(Text(summary_line(report), style=STYLES[worst][1]))


def render_batch(reports: list[Report], console: Console) -> None:
    """A summary table of many checked inputs."""
    table = Table(title="Summary", title_justify="left")
    table.add_column("input", overflow="fold")
    for name in ("consistent", "uncertain", "inconsistent", "unchecked"):
        table.add_column(name, justify="right")
    table.add_column("findings", justify="right")
    totals = dict.fromkeys(("consistent", "uncertain", "inconsistent", "unchecked"), 0)
    for report in reports:
        s = report.summary
        for key in totals:
            totals[key] += s[key]
        table.add_row(report.source, *(str(s[k]) for k in totals), str(len(report.findings)))
    console.print(table)
    n = len(reports)
    console.print(
        Text(
            f"{n} inputs: {totals['consistent']} consistent, {totals['uncertain']} uncertain, "
            f"{totals['inconsistent']} inconsistent, {totals['unchecked']} unchecked",
            style="bold",
        )
    )
