"""The HTML page for a validated table: ``claimledger report result.json`` on ``validate``'s JSON.

One self-contained file like the article report (no scripts, nothing loaded): a summary a person
takes in at a glance, then each check with its failing rows (row, line, values, explanation).
Verdicts carry an icon and a word as well as a colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from toolkit.render.html_assets import CSS

__all__ = ["is_validation_result", "render_validation_html"]

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_TABLE_CSS = """
table.rows{border-collapse:collapse;width:100%;font-size:.92rem;margin:.5rem 0 1rem}
table.rows th,table.rows td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;
vertical-align:top;overflow-wrap:anywhere}
table.rows th{background:#f3f4f6}
table.rows td:nth-child(-n+2),table.rows th:nth-child(-n+2){white-space:nowrap}
.bar{padding:.5rem .75rem;border-left:5px solid;font-weight:600}
.bar.ok{background:#dcfce7;border-color:#15803d}
.bar.bad{background:#fee2e2;border-color:#b91c1c}
"""


def is_validation_result(data: object) -> bool:
    """True for the JSON ``validate --format json`` writes."""
    return isinstance(data, Mapping) and {"valid", "rows", "checks"} <= set(data)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def render_validation_html(data: Mapping[str, Any], source: str) -> str:
    """The page for one validation result (as ``ValidationReport.to_dict()`` gives it)."""
    checks = list(data.get("checks") or [])
    failing = [c for c in checks if int(c.get("failed") or 0)]
    valid = bool(data.get("valid"))
    banner = (
        '<p class="bar ok" role="status">✓ Valid: every check holds on every row.</p>'
        if valid
        else f'<p class="bar bad" role="status">✗ {len(failing)} of {len(checks)} checks '
        "fail: these rows cannot all be right.</p>"
    )
    sections = []
    for n, check in enumerate(checks, 1):
        failed = int(check.get("failed") or 0)
        unchecked = int(check.get("unchecked") or 0)
        mark = "✗ fails" if failed else "✓ holds"
        rows = []
        for f in check.get("failures") or []:
            values = f.get("values") or {}
            shown = ", ".join(f"{k} = {v}" for k, v in values.items()) if values else ""
            rows.append(
                f"<tr><td>{_e(f.get('row', ''))}</td><td>{_e(f.get('line', ''))}</td>"
                f"<td>{_e(shown)}</td><td>{_e(f.get('explanation', ''))}</td></tr>"
            )
        listed = len(rows)
        table = (
            '<table class="rows"><thead><tr><th scope="col">row</th><th scope="col">line</th>'
            '<th scope="col">values</th><th scope="col">why</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
            if rows
            else ""
        )
        more = (
            f"<p>{failed - listed:,} more failing rows not listed.</p>" if failed > listed else ""
        )
        sections.append(
            f'<section class="card" id="c{n}" aria-labelledby="h-c{n}">'
            f'<h3 id="h-c{n}">{_e(mark)} · {_e(check.get("kind", ""))}: '
            f"<code>{_e(check.get('name', ''))}</code></h3>"
            f"<p>{failed:,} failing rows, {unchecked:,} unchecked rows.</p>{table}{more}</section>"
        )
    body = "".join(sections) or '<p class="empty">No checks were run.</p>'
    return (
        "\n".join(
            [
                "<!doctype html>",
                '<html lang="en">',
                "<head>",
                '<meta charset="utf-8">',
                f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{_e(source)} · claimledger validation</title>",
                f"<style>{CSS}{_TABLE_CSS}</style>",
                "</head>",
                "<body>",
                '<header class="wrap"><p>CLAIMLEDGER VALIDATION</p>',
                f"<h1>{_e(source)}</h1>{banner}",
                f"<p>{int(data.get('rows') or 0):,} rows, {len(checks)} checks, "
                f"{len(failing)} failing.</p></header>",
                f'<main class="wrap" id="checks">{body}</main>',
                '<footer class="wrap">Made by claimledger. This page runs no scripts and loads '
                "nothing.</footer>",
                "</body>",
                "</html>",
            ]
        )
        + "\n"
    )
