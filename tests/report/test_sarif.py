"""SARIF 2.1.0 (valid against the schema) and GitHub workflow-command annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.report.conftest import ROOT, SEED, SHARED
from toolkit.check import check
from toolkit.render.github import render_github
from toolkit.render.sarif import render_sarif

jsonschema = pytest.importorskip("jsonschema")

SCHEMA_PATH = SHARED / "vectors" / "sarif" / "sarif-schema-2.1.0.json"
PART = ROOT / "tests" / "data" / "claims-part-exceeds-whole.csv"
PART_RULES = ROOT / "tests" / "data" / "rules-part-exceeds-whole.yaml"
UNREPORTED = ROOT / "tests" / "data" / "claims-unreported.json"
WITH_RULES = ROOT / "tests" / "data" / "claims-with-rules.yaml"


def validate(text: str) -> dict:  # type: ignore[type-arg]
    if not SCHEMA_PATH.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA_PATH}")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    log = json.loads(text)
    jsonschema.Draft7Validator(schema).validate(log)
    return log  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("claims", "rules"),
    [
        (SEED / "claims.csv", SEED / "rules.yaml"),
        (PART, PART_RULES),
        (UNREPORTED, None),
        (WITH_RULES, None),
    ],
    ids=["seed", "part-exceeds-whole", "unreported", "uncertain"],
)
def test_sarif_validates_against_the_schema(claims: Path, rules: Path | None) -> None:
    report = check(claims, rules)
    log = validate(render_sarif(report, claims))
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "claimledger"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [c.rule for c in report.checks]
    problems = [c for c in report.checks if c.verdict.value != "consistent"]
    assert len(run["results"]) == len(problems)


def test_sarif_inconsistent_result_names_rule_file_line_column_and_explanation() -> None:
    report = check(PART, PART_RULES)
    log = validate(render_sarif(report, "tests/data/claims-part-exceeds-whole.csv"))
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "arrested_within_protesters"
    assert result["level"] == "error"
    assert result["message"]["text"].startswith("57 people arrested (exactly 57) cannot be")
    where = result["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "tests/data/claims-part-exceeds-whole.csv"
    # "arrested,57,..." is line 2; the figure 57 starts at column 10.
    assert where["region"] == {"startLine": 2, "startColumn": 10}
    related = result["relatedLocations"][0]["physicalLocation"]["region"]
    assert related == {"startLine": 3, "startColumn": 12}


def test_sarif_levels_for_uncertain_and_unchecked() -> None:
    levels = [
        r["level"]
        for path in (WITH_RULES, UNREPORTED)
        for r in validate(render_sarif(check(path), path))["runs"][0]["results"]
    ]
    assert levels == ["warning", "note"]


def test_github_annotations_exact() -> None:
    report = check(PART, PART_RULES)
    assert render_github(report, "tests/data/claims-part-exceeds-whole.csv") == (
        "::error file=tests/data/claims-part-exceeds-whole.csv,line=2,col=10,"
        "title=claimledger%3A arrested_within_protesters is inconsistent::"
        "57 people arrested (exactly 57) cannot be at most 48 protesters (exactly 48), "
        "not even reading the figures loosely (exactly 57 against exactly 48). "
        "Why this rule: 57 of the 48 protesters were arrested\n"
        "::notice title=claimledger::tests/data/claims-part-exceeds-whole.csv: "
        "0 consistent, 0 uncertain, 1 inconsistent, 0 unchecked\n"
    )


def test_github_escapes_newlines_percent_and_property_separators(tmp_path: Path) -> None:
    claims = tmp_path / "odd, name: 100%.yaml"
    claims.write_text(
        "claims:\n  - {id: a, value: '57'}\n  - {id: b, value: '48'}\n"
        'rules:\n  - {id: r, check: a <= b, note: "line one\\nline two 100%"}\n',
        encoding="utf-8",
    )
    out = render_github(check(claims), claims)
    first = out.splitlines()[0]
    assert first.startswith("::error file=")
    assert "odd%2C name%3A 100%25.yaml,line=" in first
    assert first.endswith("Why this rule: line one%0Aline two 100%25")


def test_seed_has_no_annotations_but_the_summary() -> None:
    out = render_github(check(SEED / "claims.csv", SEED / "rules.yaml"), "claims.csv")
    assert (
        out == "::notice title=claimledger::claims.csv: 3 consistent, 0 uncertain, "
        "0 inconsistent, 0 unchecked\n"
    )


def test_article_locations_come_from_spans() -> None:
    from toolkit.render.page import build_page

    page = build_page(SEED / "article.txt")
    log = validate(render_sarif(page.report, SEED / "article.txt"))
    results = log["runs"][0]["results"]
    arrests = next(
        r
        for r in results
        if r["ruleId"] == "unattributed-figure" and "1,300" in r["message"]["text"]
    )
    region = arrests["locations"][0]["physicalLocation"]["region"]
    line = (SEED / "article.txt").read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 :].startswith("more than 1,300")
