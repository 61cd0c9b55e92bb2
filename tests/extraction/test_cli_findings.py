"""`check ARTICLE` in a terminal: many unattributed figures share one line unless --verbose."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from toolkit.cli import app

runner = CliRunner()

TEXT = (
    "Of the 1,200 stores surveyed, 312 reported lower footfall.\n"
    "Some 40 shops closed and 25 opened.\n"
)


def test_many_unattributed_figures_share_a_line() -> None:
    result = runner.invoke(app, ["check", "-", "--no-color"], input=TEXT, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-2:] == [
        "! unattributed-figure: 4 figures have no stated source: '1,200' (stores), '312' "
        "(stores), 'Some 40' (shops), '25' (shops) (--verbose lists each)",
        "1 consistent, 0 uncertain, 0 inconsistent, 0 unchecked",
    ]


def test_verbose_lists_each_unattributed_figure() -> None:
    result = runner.invoke(
        app, ["check", "-", "--no-color", "--verbose"], input=TEXT, env={"COLUMNS": "200"}
    )
    lines = [line for line in result.output.splitlines() if line.startswith("! ")]
    assert lines == [
        "! unattributed-figure: '1,200' (stores) has no stated source",
        "! unattributed-figure: '312' (stores) has no stated source",
        "! unattributed-figure: 'Some 40' (shops) has no stated source",
        "! unattributed-figure: '25' (shops) has no stated source",
    ]


def test_text_that_is_not_utf8_is_read_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("The ministère said 40 cars crossed.\n".encode("cp1252"))
    result = runner.invoke(app, ["check", str(path), "--no-color"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert (
        "! not-utf8: the text is not UTF-8 and was read as Windows-1252; if letters look "
        "wrong, save it as UTF-8"
    ) in result.output
