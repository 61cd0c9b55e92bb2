"""`report` on a validated table: the JSON `validate` writes becomes a page."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from toolkit.cli import app

ROOT = Path(__file__).resolve().parents[2]
MAJORS = ROOT / "datasets" / "womens-share-majors"


def test_report_of_a_validated_table_lists_the_failing_rows(tmp_path: Path) -> None:
    result_json = tmp_path / "result.json"
    page = tmp_path / "page.html"
    runner = CliRunner()
    done = runner.invoke(
        app,
        ["validate", str(MAJORS / "majors.csv"), "--rule", "Men + Women == Total",
         "--format", "json", "--output", str(result_json)],
    )  # fmt: skip
    assert done.exit_code == 1
    assert json.loads(result_json.read_text(encoding="utf-8"))["valid"] is False
    done = runner.invoke(app, ["report", str(result_json), "-o", str(page)])
    assert done.exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "✗ 1 of 1 checks fail" in html
    assert html.count("<tr><td>") == 4  # rows 7–10, the misaligned ones
    assert "<script" not in html


def test_validated_table_values_are_escaped(tmp_path: Path) -> None:
    data = {
        "valid": False,
        "rows": 1,
        "checks": [{"name": "a <= b", "kind": "rule", "failed": 1, "unchecked": 0,
                    "failures": [{"row": 1, "line": 2, "values": {"a": "<script>x</script>"},
                                  "explanation": "<b>no</b>"}]}],
    }  # fmt: skip
    source = tmp_path / "result.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    page = tmp_path / "page.html"
    assert CliRunner().invoke(app, ["report", str(source), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert "<script>x" not in html and "&lt;script&gt;x" in html and "&lt;b&gt;no" in html
