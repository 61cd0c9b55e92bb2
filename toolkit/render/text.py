"""The terminal: rich tables of figures and verdicts, and a one-line summary."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from toolkit.check.explain import format_interval
from toolkit.check.report import Finding, Report
from toolkit.extraction.findings import CODES, UNATTRIBUTED

__all__ = ["STYLES", "render_text", "summary_line"]

STYLES = {
    "consistent": ("✓", "green"),
    "uncertain": ("?", "yellow"),
    "inconsistent": ("✗", "bold red"),
    "unchecked": ("–", "dim"),
}


def _indented(console: Console, text: str, style: str = "", indent: str = "  ") -> None:
    """Text wrapped to the terminal under an indent, with no trailing padding."""
    width = max(20, (console.width or 80) - len(indent))
    for n, line in enumerate(textwrap.wrap(text, width) or [""]):
        lead = indent if n == 0 or indent else "  "
        console.print(Text(lead + line, style=style), soft_wrap=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report) -> str:
    s = report.summary
    return (
        f"{s['consistent']} consistent, {s['uncertain']} uncertain, "
        f"{s['inconsistent']} inconsistent, {s['unchecked']} unchecked"
    )


_GROUP_OVER = 3
_UNATTRIBUTED_TAIL = CODES[UNATTRIBUTED].rsplit(")", 1)[1]  # " has no stated source"


def finding_lines(findings: Sequence[Finding], verbose: bool = False) -> list[str]:
    """One line a finding; more than three of one code share a line unless ``verbose``.

    An article whose figures are mostly unattributed would otherwise bury its verdicts.
    """
    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    lines: list[str] = []
    for code, group in by_code.items():
        if verbose or len(group) <= _GROUP_OVER or code != UNATTRIBUTED:
            lines.extend(f"! {f.code}: {f.message}" for f in group)
            continue
        named = ", ".join(f.message.removesuffix(_UNATTRIBUTED_TAIL) for f in group)
        lines.append(
            f"! {code}: {len(group)} figures have no stated source: {named} (--verbose lists each)"
        )
    return lines


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
            _indented(console, r.explanation)
            if r.evidence:
                _indented(console, f"“{r.evidence}”", style="italic dim")
        console.print()
    if not quiet:
        for said in finding_lines(report.findings, verbose):
            _indented(console, said, style="yellow", indent="")
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
