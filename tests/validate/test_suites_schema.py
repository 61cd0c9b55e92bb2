"""GX suites as GX stores them, the custom expectations, and the pandera claims contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.validate.conftest import DATA, MAJORS, ROOT, require
from toolkit.validate import list_suites, validate
from toolkit.validate.suites import NotASuite

SUITE = ROOT / "expectations" / "womens-share-majors.json"
CLAIMS_SUITE = ROOT / "expectations" / "claims-table.json"


def test_shipped_suites_are_listed_with_their_datasets() -> None:
    found = {s.name: s for s in list_suites(ROOT / "expectations")}
    assert found["womens-share-majors"].dataset == "datasets/womens-share-majors/majors.csv"
    assert found["claims-table"].dataset == "datasets/kazakhstan-2022/claims.csv"
    for info in found.values():
        assert (ROOT / str(info.dataset)).is_file()


@pytest.mark.parametrize("name", ["suite-gx-0x.json", "suite-not-gx.json"])
def test_a_file_that_is_not_a_gx_suite_is_an_error(name: str) -> None:
    with pytest.raises(NotASuite, match="not a GX suite") as info:
        validate(MAJORS / "majors.csv", suite=DATA / name)
    assert "'expectations'" in info.value.message


@pytest.mark.gx
def test_suite_flags_exactly_the_misaligned_rows() -> None:
    require("great_expectations")
    report = validate(MAJORS / "majors.csv", suite=SUITE)
    failing = {c.name.split("(")[0]: [f.row for f in c.failures] for c in report.checks if c.failed}
    assert failing == {
        "expect_columns_to_sum_to_total": [7, 8, 9, 10],
        "expect_column_share_to_match_counts": [7, 8, 9, 10],
    }
    assert all(c.kind == "expectation" for c in report.checks)
    assert validate(MAJORS / "majors-corrected.csv", suite=SUITE).valid


@pytest.mark.gx
def test_suite_written_by_gx_runs_unchanged(tmp_path: Path) -> None:
    require("great_expectations")
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.core.expectation_suite import ExpectationSuiteSchema

    context = gx.get_context(mode="file", project_root_dir=str(tmp_path))
    suite = context.suites.add(gx.ExpectationSuite(name="made-by-gx"))
    suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column="Men", min_value=0,
                                                            max_value=50000))  # fmt: skip
    suite.save()
    stored = next((tmp_path / "gx" / "expectations").glob("*.json"))
    assert json.loads(stored.read_text())["name"] == "made-by-gx"
    report = validate(MAJORS / "majors.csv", suite=stored)
    (check,) = report.checks
    assert [f.row for f in check.failures] == [10]  # 80320 men
    del ExpectationSuiteSchema


@pytest.mark.gx
def test_claims_suite_passes_on_its_dataset() -> None:
    require("great_expectations")
    assert validate(ROOT / "datasets" / "kazakhstan-2022" / "claims.csv", suite=CLAIMS_SUITE).valid


def test_claims_schema_passes_on_the_seed_table() -> None:
    require("pandera")
    report = validate(ROOT / "datasets" / "kazakhstan-2022" / "claims.csv", schema=True)
    assert report.valid and report.checks[0].kind == "schema"


@pytest.mark.parametrize(
    ("name", "rows", "fragment"),
    [
        ("claims-invalid-id.csv", [1], "str_matches"),
        ("claims-duplicate-id.csv", [1, 2], "ids must be unique"),
        ("claims-misspelled-scale.csv", [1], "not a figure claimledger can read"),
    ],
)
def test_claims_schema_findings(name: str, rows: list[int], fragment: str) -> None:
    require("pandera")
    report = validate(ROOT / "tests" / "data" / name, schema=True)
    (check,) = report.checks
    assert [f.row for f in check.failures] == rows
    assert fragment in check.failures[0].explanation
