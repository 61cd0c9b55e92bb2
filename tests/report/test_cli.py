"""``claimledger report`` and ``claimledger init`` in-process, with the exact text a user sees."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.report.conftest import SEED
from toolkit.cli import app

runner = CliRunner()


def test_report_writes_the_page_and_prints_its_path(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    result = runner.invoke(
        app,
        ["report", str(SEED / "claims.csv"), "--rules", str(SEED / "rules.yaml"), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"{out}\n"
    assert "<!doctype html>" in out.read_text(encoding="utf-8")


def test_report_on_an_article(tmp_path: Path) -> None:
    out = tmp_path / "article.html"
    result = runner.invoke(app, ["report", str(SEED / "article.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert 'data-claim="russians"' in out.read_text(encoding="utf-8")


def test_report_on_a_missing_file_is_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = runner.invoke(app, ["report", str(missing), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert str(missing) in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_help_has_an_example() -> None:
    result = runner.invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    assert "claimledger report claims.csv --rules rules.yaml -o report.html" in result.output


def test_init_prints_what_it_created_then_what_it_kept(tmp_path: Path) -> None:
    folder = tmp_path / "newsroom"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    names = [
        "README.md", "claims/example.yaml", "expectations/README.md", "ledger/README.md",
        ".github/workflows/claimledger.yml", ".pre-commit-config.yaml",
    ]  # fmt: skip
    assert result.output == "".join(f"created {folder.as_posix()}/{n}\n" for n in names)
    again = runner.invoke(app, ["init", str(folder)])
    assert again.output == "".join(f"kept {folder.as_posix()}/{n}\n" for n in names)
    checked = runner.invoke(app, ["check", str(folder / "claims" / "example.yaml")])
    assert checked.exit_code == 0, checked.output


def test_init_on_a_file_is_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 2
    assert (
        result.output
        == f"Error: is a file, not a folder, {target}. Name a new or existing folder.\n"
    )
