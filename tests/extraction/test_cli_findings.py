"""`check ARTICLE` in a terminal: many unattributed figures share one line unless --verbose."""

from __future__ import annotations

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
