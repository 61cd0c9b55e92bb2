"""GitHub Actions workflow commands: one annotation per verdict that needs attention.

``::error file=claims.csv,line=3,col=1,title=…::explanation`` for an
inconsistent rule, ``::warning`` for an uncertain one or a finding,
``::notice`` for an unchecked one, on the first figure the rule names; then
one ``::notice`` with the summary. Values are escaped the way the runner
expects (``%``, CR, LF; and ``:`` and ``,`` in properties).
"""

from __future__ import annotations

from pathlib import Path

from toolkit.check.report import Report, Verdict
from toolkit.render.sarif import locate

__all__ = ["render_github"]

_COMMANDS = {
    Verdict.INCONSISTENT: "error",
    Verdict.UNCERTAIN: "warning",
    Verdict.UNCHECKED: "notice",
}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, path: str, at: tuple[int, int] | None, title: str, message: str) -> str:
    props = [f"file={_prop(path)}"]
    if at is not None:
        props += [f"line={at[0]}", f"col={at[1]}"]
    props.append(f"title={_prop(title)}")
    return f"::{kind} {','.join(props)}::{_data(message)}"


def render_github(report: Report, path: str | Path) -> str:
    """The annotations for ``report``, whose figures come from the file ``path``."""
    where = locate(report, path)
    name = Path(path).as_posix()
    lines = []
    for r in report.checks:
        kind = _COMMANDS.get(r.verdict)
        if kind is None:
            continue
        first = next((cid for cid in r.claims if cid in where), None)
        message = r.explanation + (f" Why this rule: {r.note}" if r.note else "")
        title = f"claimledger: {r.rule} is {r.verdict.value}"
        lines.append(_command(kind, name, where.get(first) if first else None, title, message))
    for f in report.findings:
        first = next((cid for cid in f.claims if cid in where), None)
        at = where.get(first) if first else None
        lines.append(_command("warning", name, at, f"claimledger: {f.code}", f.message))
    s = report.summary
    lines.append(
        f"::notice title=claimledger::{_data(name)}: {s['consistent']} consistent, "
        f"{s['uncertain']} uncertain, {s['inconsistent']} inconsistent, "
        f"{s['unchecked']} unchecked"
    )
    return "\n".join(lines) + "\n"
