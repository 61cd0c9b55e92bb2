"""SARIF 2.1.0: the check report as static-analysis results, for code scanning.

One ``reportingDescriptor`` per rule (id, expression, note); one result per
rule whose verdict needs attention (inconsistent → ``error``, uncertain →
``warning``, unchecked → ``note``) and per finding (``warning``). Each result
sits on the first figure the rule names, in the input file (line and column,
code points), with the other figures as related locations. Consistent rules
produce no result: code scanning shows problems, not passes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.check.report import Report, Verdict

__all__ = ["LEVELS", "locate", "render_sarif", "sarif"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/claimledger/claimledger"
#: Verdict → SARIF level; consistent is absent on purpose.
LEVELS = {Verdict.INCONSISTENT: "error", Verdict.UNCERTAIN: "warning", Verdict.UNCHECKED: "note"}


def locate(report: Report, path: str | Path) -> dict[str, tuple[int, int]]:
    """Each claim's 1-based (line, column) in ``path``: its span, else its line and figure text.

    Claims with neither a span nor a line are left out. The file is read
    only to turn spans and figure texts into columns; if it cannot be read,
    columns fall back to 1.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    lines = text.split("\n")
    out: dict[str, tuple[int, int]] = {}
    for c in report.claims:
        if c.span is not None and text and c.span[0] <= len(text):
            start = c.span[0]
            line = text.count("\n", 0, start) + 1
            out[c.id] = (line, start - (text.rfind("\n", 0, start) + 1) + 1)
        elif c.line is not None:
            row = lines[c.line - 1] if 0 < c.line <= len(lines) else ""
            skip = len(c.id) if row.startswith(c.id) else 0  # not inside the id column
            at = row.lower().find(c.text.lower(), skip) if c.text else -1
            out[c.id] = (c.line, at + 1 if at >= 0 else 1)
    return out


def _uri(path: str | Path) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return p.as_posix()


def _location(uri: str, at: tuple[int, int] | None, label: str | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": 0}}
    if at is not None:
        physical["region"] = {"startLine": at[0], "startColumn": at[1]}
    loc: dict[str, Any] = {"physicalLocation": physical}
    if label:
        loc["message"] = {"text": label}
    return loc


def sarif(report: Report, path: str | Path) -> dict[str, Any]:
    """The SARIF log as a dict (see ``render_sarif`` for the text)."""
    uri = _uri(path)
    where = locate(report, path)
    by_id = {c.id: c for c in report.claims}
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for r in report.checks:
        if r.rule in index:
            continue
        index[r.rule] = len(descriptors)
        descriptors.append(
            {
                "id": r.rule,
                "name": r.rule,
                "shortDescription": {"text": r.expression},
                "fullDescription": {"text": r.note or r.expression},
                "defaultConfiguration": {"level": "error"},
                "properties": {"expression": r.expression},
            }
        )
    for f in report.findings:
        if f.code not in index:
            index[f.code] = len(descriptors)
            descriptors.append(
                {
                    "id": f.code,
                    "name": f.code,
                    "shortDescription": {"text": f"finding: {f.code}"},
                    "defaultConfiguration": {"level": "warning"},
                }
            )
    results: list[dict[str, Any]] = []
    for r in report.checks:
        level = LEVELS.get(r.verdict)
        if level is None:
            continue
        ids = [cid for cid in dict.fromkeys(r.claims) if cid in by_id]
        message = r.explanation + (f" Why this rule: {r.note}" if r.note else "")
        result = _result(r.rule, index[r.rule], level, message, uri, ids, where, by_id)
        result["properties"] = {
            "verdict": r.verdict.value,
            "expression": r.expression,
            "claims": list(r.claims),
        }
        results.append(result)
    for f in report.findings:
        ids = [cid for cid in f.claims if cid in by_id]
        results.append(_result(f.code, index[f.code], "warning", f.message, uri, ids, where, by_id))
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimledger",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFO_URI,
                        "rules": descriptors,
                    }
                },
                "artifacts": [{"location": {"uri": uri}}],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"summary": report.summary},
            }
        ],
    }


def _result(
    rule: str,
    rule_index: int,
    level: str,
    message: str,
    uri: str,
    ids: list[str],
    where: Mapping[str, tuple[int, int]],
    by_id: Mapping[str, Any],
) -> dict[str, Any]:
    first = ids[0] if ids else None
    out: dict[str, Any] = {
        "ruleId": rule,
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": message},
        "locations": [_location(uri, where.get(first) if first else None)],
    }
    related = [
        _location(uri, where.get(cid), f"{cid}: {by_id[cid].text}") | {"id": n}
        for n, cid in enumerate(ids[1:], 1)
    ]
    if related:
        out["relatedLocations"] = related
    return out


def render_sarif(report: Report, path: str | Path) -> str:
    """The SARIF 2.1.0 log for ``report``, whose figures come from the file ``path``."""
    return json.dumps(sarif(report, path), indent=2, ensure_ascii=False) + "\n"
