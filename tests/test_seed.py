"""The founding example end to end: the seed article and its hand-checked table."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from toolkit.check.article import check_article
from toolkit.cli import app

SEED = Path(__file__).resolve().parents[1] / "datasets" / "kazakhstan-2022"


def test_seed_article_figures_sources_relations_and_findings() -> None:
    report = check_article(SEED / "article.txt")
    claims = {c.id: c for c in report.claims}
    foreigners, russians = claims["foreigners"], claims["russians"]
    assert foreigners.figure is not None and russians.figure is not None
    assert (foreigners.figure.strict.low, foreigners.figure.strict.high) == (4_250_000, 4_350_000)
    assert (russians.figure.strict.low, russians.figure.strict.high) == (1_550_000, 1_650_000)
    assert foreigners.source == russians.source == "Ministry of Internal Affairs of Kazakhstan"
    assert (foreigners.author, foreigners.publisher) == ("Lusa", "CM Jornal")
    arrests = claims["arrests"]
    assert arrests.figure is not None and arrests.figure.qualifier == ">"
    assert arrests.source is None
    part = next(r for r in report.checks if r.expression == "russians <= foreigners")
    assert part.verdict.value == "consistent"
    assert part.evidence is not None and "of which 1.6 million are Russians" in part.evidence
    codes = {f.code: f for f in report.findings}
    assert codes["unattributed-figure"].claims == ("arrests",)
    assert "Michael Melvin" in codes["byline-conflict"].message
    assert "seventh" not in {c.text for c in report.claims}


def test_seed_article_json_contract() -> None:
    result = CliRunner().invoke(app, ["check", str(SEED / "article.txt"), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert all("span" in c for c in data["claims"])
    inferred = data["checks"][0]
    assert set(inferred["evidence"]) == {"text", "span"}
    assert data == json.loads(json.dumps(check_article(SEED / "article.txt").to_dict()))


def test_seed_table_and_article_agree_on_the_part_whole_relation() -> None:
    from toolkit import check

    table = check(SEED / "claims.csv", SEED / "rules.yaml")
    article = check_article(SEED / "article.txt")
    assert {r.verdict.value for r in table.checks} == {"consistent"}
    assert [r.verdict.value for r in article.checks if "russians" in r.claims] == ["consistent"]
