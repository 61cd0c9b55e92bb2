"""The validation report in every output format: text, json, junit, sarif, github, markdown.

``render_validation(report, fmt)`` returns the whole output as a string; the CLI
only writes it. JSON is exactly ``report.to_dict()``.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from toolkit.validate.report import CODES, CheckOutcome, Failure, ValidationReport

__all__ = ["FORMATS", "render_validation"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/claimledger/claimledger"


def _where(f: Failure) -> str:
    if f.row is None:
        return "column"
    return f"row {f.row}" + (f" (line {f.line})" if f.line is not None else "")


def _counts(check: CheckOutcome) -> str:
    parts = [f"{check.failed} failed"]
    if check.uncertain:
        parts.append(f"{check.uncertain} uncertain")
    if check.unchecked:
        parts.append(f"{check.unchecked} unchecked")
    return ", ".join(parts)


def render_text(report: ValidationReport) -> str:
    failed = sum(not c.passed for c in report.checks)
    verdict = "valid" if report.valid else "INVALID"
    lines = [
        f"{report.source}: {verdict} — {report.rows} rows, {len(report.checks)} checks, "
        f"{failed} failing (engine {report.engine})"
    ]
    if report.provenance:
        lines.append(f"  {report.provenance}")
    for check in report.checks:
        mark = "ok  " if check.passed else "FAIL"
        lines.append(f"{mark} {check.kind:<11} {check.name}  [{_counts(check)}]")
        for f in check.failures:
            lines.append(f"       {_where(f)}: {f.explanation}")
        more = check.failed - len(check.failures)
        if more > 0:
            lines.append(f"       … and {more} more (raise --max-failures to list them)")
    return "\n".join(lines) + "\n"


def render_json(report: ValidationReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_junit(report: ValidationReport) -> str:
    suite = ET.Element(
        "testsuite",
        name=f"claimledger validate {report.source}",
        tests=str(len(report.checks)),
        failures=str(sum(not c.passed for c in report.checks)),
        errors="0",
        skipped="0",
    )
    for check in report.checks:
        case = ET.SubElement(
            suite, "testcase", classname=f"{report.source}.{check.kind}", name=check.name
        )
        if not check.passed:
            failure = ET.SubElement(
                case, "failure", type=check.kind, message=f"{check.name}: {_counts(check)}"
            )
            failure.text = "\n".join(f"{_where(f)}: {f.explanation}" for f in check.failures)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{report.rows} rows: {_counts(check)}"
    suites = ET.Element("testsuites")
    suites.append(suite)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def render_sarif(report: ValidationReport) -> str:
    results: list[dict[str, Any]] = []
    used: dict[str, None] = {}
    for check in report.checks:
        for f in check.failures:
            used.setdefault(f.code)
            location: dict[str, Any] = {"artifactLocation": {"uri": report.source}}
            if f.line is not None:
                location["region"] = {"startLine": f.line}
            results.append(
                {
                    "ruleId": f.code,
                    "level": "error",
                    "message": {"text": f"{check.name}: {f.explanation}"},
                    "locations": [{"physicalLocation": location}],
                    "properties": {"check": check.name, "kind": check.kind, "row": f.row},
                }
            )
    rules = [{"id": code, "shortDescription": {"text": CODES[code]}} for code in used]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "claimledger", "informationUri": INFO_URI, "rules": rules}
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: ValidationReport) -> str:
    lines = []
    for check in report.checks:
        for f in check.failures:
            props = [f"file={_escape_property(report.source)}"]
            if f.line is not None:
                props.append(f"line={f.line}")
            props.append(f"title={_escape_property(check.name)}")
            lines.append(f"::error {','.join(props)}::{_escape_data(f.explanation)}")
        more = check.failed - len(check.failures)
        if more > 0:
            title = _escape_property(check.name)
            lines.append(f"::error file={_escape_property(report.source)},title={title}::"
                         f"{more} more failing rows not listed")  # fmt: skip
    return "".join(line + "\n" for line in lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: ValidationReport) -> str:
    verdict = "✅ valid" if report.valid else "❌ invalid"
    out = [f"### `{report.source}`: {verdict}", "", f"{report.rows} rows, engine {report.engine}."]
    if report.provenance:
        out.append(f"{report.provenance}.")
    out += ["", "| check | kind | failed | unchecked |", "|---|---|---:|---:|"]
    for c in report.checks:
        out.append(f"| {_cell(c.name)} | {c.kind} | {c.failed} | {c.unchecked} |")
    for c in report.checks:
        if not c.failures:
            continue
        out += ["", f"#### {_cell(c.name)}", "", "| row | line | explanation |", "|---:|---:|---|"]
        for f in c.failures:
            line = "" if f.line is None else str(f.line)
            row = "" if f.row is None else str(f.row)
            out.append(f"| {row} | {line} | {_cell(f.explanation)} |")
    return "\n".join(out) + "\n"


FORMATS: dict[str, Callable[[ValidationReport], str]] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "sarif": render_sarif,
    "github": render_github,
    "markdown": render_markdown,
}


def render_validation(report: ValidationReport, fmt: str) -> str:
    """The report in ``fmt`` (one of ``FORMATS``)."""
    try:
        return FORMATS[fmt](report)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}") from None
