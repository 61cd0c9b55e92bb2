"""``validate`` with rules: the FiveThirtyEight case, bad inputs, formats (polars engine)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.validate.conftest import DATA, MAJORS
from toolkit.errors import RuleSyntaxError, UnreadableInput
from toolkit.validate import validate
from toolkit.validate.rules import UnknownColumn

pytest.importorskip("polars")

RULES = ["Men + Women == Total", "ShareWomen == Women / Total"]


def _rows(report, index=0):  # type: ignore[no-untyped-def]
    return [f.row for f in report.checks[index].failures]


def test_misaligned_rows_are_exactly_the_ones_flagged() -> None:
    report = validate(MAJORS / "majors.csv", RULES)
    assert not report.valid
    assert report.rows == 20
    assert _rows(report, 0) == [7, 8, 9, 10]
    assert _rows(report, 1) == [7, 8, 9, 10]
    assert [f.line for f in report.checks[0].failures] == [8, 9, 10, 11]
    assert report.exit_code == 1


def test_corrected_table_passes() -> None:
    report = validate(MAJORS / "majors-corrected.csv", RULES)
    assert report.valid
    assert [(c.failed, c.unchecked) for c in report.checks] == [(0, 0), (0, 0)]


def test_failure_names_values_and_provenance() -> None:
    report = validate(MAJORS / "majors.csv", ["Men + Women == Total"])
    first = report.checks[0].failures[0]
    assert first.to_dict()["values"] == {"Men": "2200", "Women": "373", "Total": "3777"}
    assert first.explanation.startswith("Men + Women = 2,573 cannot be equal to Total = 3,777")
    assert "Source: " in first.explanation and "datapackage.json" in first.explanation


def test_json_contract_and_cap() -> None:
    report = validate(MAJORS / "majors.csv", ["Men + Women == Total"], max_failures=2)
    data = report.to_dict()
    assert set(data) == {"valid", "rows", "checks"}
    check = data["checks"][0]
    assert set(check) == {"name", "kind", "failed", "unchecked", "failures"}
    assert check["kind"] == "rule" and check["failed"] == 4 and len(check["failures"]) == 2
    assert set(check["failures"][0]) == {"row", "line", "values", "explanation"}


def test_malformed_rows_are_findings_and_the_rest_is_validated() -> None:
    report = validate(DATA / "malformed-rows.csv", ["part <= whole"])
    readable, rule = report.checks
    assert (readable.name, readable.kind, readable.failed) == ("readable rows", "schema", 2)
    assert [(f.row, f.line) for f in readable.failures] == [(2, 3), (3, 4)]
    assert rule.failed == 0 and report.rows == 4


def test_wrong_type_cell_is_a_finding_not_text() -> None:
    report = validate(DATA / "wrong-type-cell.csv", ["part <= whole"])
    failures = report.checks[0].failures
    assert [(f.row, f.code) for f in failures] == [(2, "not-a-number"), (3, "rule-inconsistent")]
    assert "part = 'abc' is not a number" in failures[0].explanation


def test_bom_and_mixed_line_endings() -> None:
    report = validate(DATA / "bom-mixed-line-endings.csv", ["part <= whole"])
    assert report.rows == 3
    assert [(f.row, f.line) for f in report.checks[0].failures] == [(2, 3)]


def test_empty_cell_is_unchecked_never_a_failure() -> None:
    report = validate(DATA / "empty-cells.csv", ["part <= whole"])
    check = report.checks[0]
    assert (check.failed, check.unchecked) == (1, 2)


def test_rounding_aware_readings() -> None:
    report = validate(DATA / "rounded-figures.csv", ["part <= whole", "share == part / whole"])
    order, share = report.checks
    assert (order.failed, order.uncertain) == (1, 1)  # 1300 ≤ 1250 only if rounded: uncertain
    assert share.unchecked == 1  # 0 / 0
    assert _rows(report, 1) == [1, 2, 4]


def test_missing_column_is_an_error_listing_columns() -> None:
    with pytest.raises(UnknownColumn) as info:
        validate(MAJORS / "majors.csv", ["Men + Wimen == Total"])
    assert "Columns: Rank, Major, Men, Women, Total, ShareWomen" in info.value.message
    assert "Did you mean 'Women'?" in info.value.message


def test_rule_syntax_error() -> None:
    with pytest.raises(RuleSyntaxError):
        validate(MAJORS / "majors.csv", ["Men + == Total"])


def test_unreadable_inputs(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="file not found"):
        validate(tmp_path / "nope.csv", ["a <= b"])
    (tmp_path / "t.xml").write_text("<a/>")
    with pytest.raises(UnreadableInput, match="unknown data format"):
        validate(tmp_path / "t.xml", ["a <= b"])
    (tmp_path / "e.csv").write_text("")
    with pytest.raises(UnreadableInput, match="empty"):
        validate(tmp_path / "e.csv", ["a <= b"])


def test_text_becomes_text_only_where_it_appears(tmp_path: Path) -> None:
    # 1,500 integer rows, then text: polars' first guess fails, the retry reads text.
    path = tmp_path / "late-text.csv"
    rows = "".join(f"{i},{i + 1}\n" for i in range(1500))
    path.write_text("a,b\n" + rows + "abc,3\n4,3\n")
    report = validate(path, ["a <= b"])
    assert [(f.row, f.code) for f in report.checks[0].failures] == [
        (1501, "not-a-number"),
        (1502, "rule-inconsistent"),
    ]


def test_parquet_and_jsonl_read_as_written(tmp_path: Path) -> None:
    import polars as pl

    frame = pl.read_csv(MAJORS / "majors.csv", schema_overrides={"ShareWomen": pl.String})
    frame.write_parquet(tmp_path / "m.parquet")
    lines = [json.dumps(r) for r in frame.to_dicts()]
    (tmp_path / "m.jsonl").write_text("\n".join(lines) + "\n")
    for name in ("m.parquet", "m.jsonl"):
        report = validate(tmp_path / name, RULES)
        assert _rows(report, 0) == [7, 8, 9, 10]
        assert _rows(report, 1) == [7, 8, 9, 10]
    assert validate(tmp_path / "m.parquet", RULES).checks[0].failures[0].line is None
    assert validate(tmp_path / "m.jsonl", RULES).checks[0].failures[0].line == 7


def test_missing_markers_leave_rows_unchecked_and_flags_are_read(tmp_path: Path) -> None:
    # what statistics offices write: ".." and ":" (OECD, Eurostat), "[x]" (ONS), "x"
    # (Statistics Canada), "n/a", dashes; and footnotes and flags after a figure
    path = tmp_path / "stats.csv"
    path.write_text(
        "Region,Men,Women,Total\n"
        'North,"600,000","634,567","1,234,567"\n'
        "Islands,..,n/a,5000\n"
        "Rural,[x],—,1200\n"
        "Coast,:,x,900\n"
        'Est.,"1,200*","1,300†","2,500 (p)"\n'
        "Flagged,40 e,60 [r],100²\n"
        "Wrong,40 p,60,90\n"
        "Text,abc,1,2\n",
        encoding="utf-8",
    )
    report = validate(path, ["Men + Women == Total"])
    check = report.checks[0]
    assert [(f.row, f.code) for f in check.failures] == [
        (7, "rule-inconsistent"),
        (8, "not-a-number"),
    ]
    assert check.unchecked == 3


def test_a_title_before_the_header_and_notes_after_the_table(tmp_path: Path) -> None:
    # a statistics office's download: a title (with a comma), a blank line, the table, notes
    path = tmp_path / "table1.csv"
    path.write_text(
        "Table 1: Population by region, 2024\n"
        "\n"
        "Region,Men,Women,Total\n"
        "North,600,634,1234\n"
        "South,480,507,999\n"
        "\n"
        "Source: Office for National Statistics\n"
        "Note: figures are rounded\n",
        encoding="utf-8",
    )
    report = validate(path, ["Men + Women == Total"])
    assert [(f.row, f.line) for f in report.checks[0].failures] == [(2, 5)]
    assert report.rows == 2
    # a row of the wrong width is still a finding, not a note
    path.write_text("Region,Men,Women,Total\nNorth,600,634,1234\nbad row\n", encoding="utf-8")
    readable = validate(path, ["Men + Women == Total"]).checks[0]
    assert readable.name == "readable rows"
    assert [(f.line, f.code) for f in readable.failures] == [(3, "malformed-row")]


def test_bracketed_amounts_are_negative_as_in_accounts(tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_text(
        "Item,Revenue,Costs,Profit\n"
        'Q1,"1,501","(1,234)",267\n'
        'Q2,"1,501","(1,234)",301\n'
        "Q3,900,(about 5),895\n",
        encoding="utf-8",
    )
    report = validate(path, ["Revenue + Costs == Profit"])
    assert [(f.row, f.code) for f in report.checks[0].failures] == [
        (2, "rule-inconsistent"),
        (3, "not-a-number"),
    ]
