"""``claimledger extract`` in-process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from toolkit.cli.extract import CSV_COLUMNS, register
from toolkit.extraction.extract import read_article

DATA = Path(__file__).parent / "data"
ARTICLE = "Officials said 4.3 million foreigners entered, of which 1.6 million are Russians.\n"

app = typer.Typer()
register(app)


@app.callback()
def _root() -> None:
    """Test app."""


runner = CliRunner()


def test_csv_is_a_claims_table(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["id"], r["value"], r["subject"], r["source"], r["span"]) for r in rows] == [
        ("foreigners", "4.3 million", "foreigners", "Officials", "15:26"),
        ("russians", "1.6 million", "Russians", "Officials", "56:67"),
    ]


def test_json_is_the_reading(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == read_article(ARTICLE).to_dict()


def test_yaml(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "yaml"])
    assert result.exit_code == 0 and "expression: russians <= foreigners" in result.stdout


def test_no_figures_is_clean() -> None:
    result = runner.invoke(app, ["extract", str(DATA / "article-no-figures.txt")])
    assert result.exit_code == 0
    assert result.stdout.endswith("no figures found\n")


def test_stdin() -> None:
    result = runner.invoke(app, ["extract", "-", "--format", "csv"], input="About 40 cars.\n")
    assert result.exit_code == 0 and "About 40" in result.stdout
