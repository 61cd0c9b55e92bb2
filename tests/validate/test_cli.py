"""``claimledger validate`` in-process: exit codes, exact output, formats."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from tests.validate.conftest import MAJORS, ROOT
from toolkit.cli import app
from toolkit.render.validation import render_validation
from toolkit.validate import validate

runner = CliRunner()
MAJ = str(MAJORS / "majors.csv")


def test_valid_table_exits_0() -> None:
    result = runner.invoke(app, ["validate", str(MAJORS / "majors-corrected.csv"),
                                 "--rule", "Men + Women == Total"])  # fmt: skip
    assert result.exit_code == 0
    assert result.output.splitlines()[1:] == [
        "  Source: claimledger test fixture, modelled on FiveThirtyEight's college-majors table "
        "(recent-grads.csv); claimledger contributors (author); version 1.0.0 (datapackage.json)",
        "ok   rule        Men + Women == Total  [0 failed]",
    ]


def test_failures_exit_1_with_rows_listed() -> None:
    result = runner.invoke(app, ["validate", MAJ, "-r", "Men + Women == Total",
                                 "--max-failures", "1"])  # fmt: skip
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{MAJ}: INVALID — 20 rows, 1 checks, 1 failing (engine polars)")
    assert lines[2] == "FAIL rule        Men + Women == Total  [4 failed]"
    assert lines[3].startswith("       row 7 (line 8): Men + Women = 2,573 cannot be equal to")
    assert lines[4] == "       … and 3 more (raise --max-failures to list them)"


def test_json_equals_to_dict() -> None:
    result = runner.invoke(app, ["validate", MAJ, "-r", "Men + Women == Total", "-f", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == validate(MAJ, ["Men + Women == Total"]).to_dict()


def test_github_annotations() -> None:
    result = runner.invoke(app, ["validate", MAJ, "-r", "Men + Women == Total", "-f", "github"])
    first = result.output.splitlines()[0]
    assert first.startswith(
        f"::error file={MAJ},line=8,title=Men + Women == Total::Men + Women = 2%2C573"
    ) or first.startswith(
        f"::error file={MAJ},line=8,title=Men + Women == Total::Men + Women = 2,573"
    )


def test_sarif_and_junit_and_markdown() -> None:
    report = validate(MAJ, ["Men + Women == Total"])
    sarif = json.loads(render_validation(report, "sarif"))
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results] == [
        8, 9, 10, 11]  # fmt: skip
    junit = render_validation(report, "junit")
    assert 'failures="1"' in junit and "<failure" in junit
    assert "| Men + Women == Total | rule | 4 | 0 |" in render_validation(report, "markdown")


def test_missing_column_exits_2_naming_the_columns() -> None:
    result = runner.invoke(app, ["validate", MAJ, "-r", "Men + Wimen == Total"])
    assert result.exit_code == 2
    assert "Error: rule 'Men + Wimen == Total' names column 'Wimen'" in result.output
    assert "Columns: Rank, Major, Men, Women, Total, ShareWomen." in result.output


def test_not_a_suite_exits_2() -> None:
    bad = ROOT / "tests" / "data" / "validate" / "suite-not-gx.json"
    result = runner.invoke(app, ["validate", MAJ, "--suite", str(bad)])
    assert result.exit_code == 2
    assert "Error: not a GX suite" in result.output


def test_nothing_to_check_exits_2() -> None:
    result = runner.invoke(app, ["validate", MAJ])
    assert result.exit_code == 2
    assert "Error: nothing to check." in result.output


def test_list_suites() -> None:
    result = runner.invoke(app, ["validate", "--list-suites"])
    assert result.exit_code == 0
    assert (
        "womens-share-majors, 10 expectations  (for datasets/womens-share-majors/majors.csv)"
        in (result.output)
    )


def test_help_does_not_import_heavy_packages() -> None:
    code = (
        "import sys; from toolkit.cli import app; from typer.testing import CliRunner; "
        "CliRunner().invoke(app, ['validate', '--help']); "
        "print(sorted(m for m in ('polars', 'pandas', 'pyspark', 'great_expectations', 'pandera')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_separators_from_the_header(tmp_path) -> None:  # type: ignore[no-untyped-def]
    tabs = tmp_path / "tabs.csv"
    tabs.write_text("Name\tMen\tWomen\tTotal\nA\t1\t2\t3\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tabs), "--rule", "Men + Women == Total"])
    assert result.exit_code == 0, result.output
    # ";" comes with decimal commas and points for thousands: refused, with the fix
    semi = tmp_path / "semi.csv"
    semi.write_text("Name;Men;Women;Total\nA;1.200;800;2.000\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(semi), "--rule", "Men + Women == Total"])
    assert result.exit_code == 2
    assert "separated by ';'" in result.output and "Export it as comma-separated" in result.output
    assert "Traceback" not in result.output
