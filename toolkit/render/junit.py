"""JUnit XML: one testcase per rule, so any CI shows the verdicts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from toolkit.check.report import Report, Verdict

__all__ = ["render_junit"]


def render_junit(report: Report, fail_on: str = "inconsistent") -> str:
    failing = {Verdict.INCONSISTENT} | ({Verdict.UNCERTAIN} if fail_on == "uncertain" else set())
    suite = ET.Element(
        "testsuite",
        name=f"claimledger check {report.source}",
        tests=str(len(report.checks)),
        failures=str(sum(r.verdict in failing for r in report.checks)),
        skipped=str(sum(r.verdict is Verdict.UNCHECKED for r in report.checks)),
        errors="0",
    )
    for result in report.checks:
        case = ET.SubElement(
            suite, "testcase", classname=report.source, name=f"{result.rule}: {result.expression}"
        )
        if result.verdict in failing:
            failure = ET.SubElement(
                case, "failure", type=result.verdict.value, message=result.explanation
            )
            failure.text = result.explanation
        elif result.verdict is Verdict.UNCHECKED:
            ET.SubElement(case, "skipped", message=result.explanation)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{result.verdict.value}: {result.explanation}"
    suites = ET.Element("testsuites")
    suites.append(suite)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
