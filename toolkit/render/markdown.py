"""Markdown: a summary fit for a pull-request comment."""

from __future__ import annotations

from toolkit.check.report import Report

__all__ = ["MARKS", "render_markdown"]

MARKS = {"consistent": "✅", "uncertain": "⚠️", "inconsistent": "❌", "unchecked": "➖"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    s = report.summary
    lines = [
        f"### claimledger check: `{report.source}`",
        "",
        f"{len(report.claims)} figures, {len(report.checks)} rules: "
        + ", ".join(f"{MARKS[k]} {n} {k}" for k, n in s.items()),
        "",
    ]
    if report.checks:
        lines += ["| Verdict | Rule | Check | Explanation |", "|---|---|---|---|"]
        for r in report.checks:
            lines.append(
                f"| {MARKS[r.verdict.value]} {r.verdict.value} | `{r.rule}` "
                f"| `{_cell(r.expression)}` "
                f"| {_cell(r.explanation)} |"
            )
        lines.append("")
    for f in report.findings:
        lines.append(f"- **{f.code}**: {_cell(f.message)}")
    if report.findings:
        lines.append("")
    return "\n".join(lines)
