"""The seed article end to end: every figure, subject, source, rule and finding."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from toolkit.extraction.extract import ArticleReading, extract, read_article

SEED = Path(__file__).resolve().parents[2] / "datasets" / "kazakhstan-2022" / "article.txt"
SHARED = Path("/work/shared/seed/article.txt")


@pytest.fixture(scope="module")
def reading() -> ArticleReading:
    path = SEED if SEED.exists() else SHARED
    return read_article(path.read_text(encoding="utf-8"))


def test_figures_subjects_sources(reading: ArticleReading) -> None:
    rows = [(c.id, c.text, c.subject, c.source) for c in reading.claims]
    ministry = "Ministry of Internal Affairs of Kazakhstan"
    border = "border service of Kazakhstan"
    assert rows == [
        ("residents", "thousands", "residents", None),
        ("arrests", "more than 1,300", "arrests", None),
        ("automobile_checkpoints", "30", "automobile checkpoints", border),
        ("places", "four", "places", border),
        ("foreigners", "4.3 million", "foreigners", ministry),
        ("russians", "1.6 million", "Russians", ministry),
        ("days", "90 days", None, "Kazakh ministry"),
    ]


def test_intervals(reading: ArticleReading) -> None:
    by_id = {c.id: c for c in reading.claims}
    foreigners = by_id["foreigners"].figure
    assert foreigners is not None
    assert (foreigners.strict.low, foreigners.strict.high) == (Decimal(4250000), Decimal(4350000))
    arrests = by_id["arrests"].figure
    assert arrests is not None and arrests.qualifier == ">"
    assert by_id["days"].unit == "days"


def test_byline_and_conflict(reading: ArticleReading) -> None:
    assert (reading.author, reading.publisher) == ("Lusa", "CM Jornal")
    assert all(c.author == "Lusa" and c.publisher == "CM Jornal" for c in reading.claims)
    conflict = [f for f in reading.findings if f.code == "byline-conflict"]
    assert len(conflict) == 1
    assert "Michael Melvin" in conflict[0].message and "24 News Reporters" in conflict[0].message


def test_unattributed(reading: ArticleReading) -> None:
    flagged = [f.claim for f in reading.findings if f.code == "unattributed-figure"]
    assert flagged == ["residents", "arrests"]


def test_rules(reading: ArticleReading) -> None:
    assert [r.expression for r in reading.rules] == ["russians <= foreigners"]
    rule = reading.rules[0]
    assert "of which" in rule.quote and "of which" in rule.note
    _start, _end = rule.evidence
    assert rule.quote.startswith("According to the statistics")


def test_not_counts(reading: ArticleReading) -> None:
    assert ("ordinal", "seventh") in {(m.kind, m.text) for m in reading.mentions}
    texts = {c.text for c in reading.claims}
    assert not texts & {"seventh", "Friday", "Wednesday", "Thursday", "over five years", "24"}


def test_spans_index_the_text(reading: ArticleReading) -> None:
    path = SEED if SEED.exists() else SHARED
    text = path.read_text(encoding="utf-8")
    for c in reading.claims:
        assert c.span is not None and text[c.span[0] : c.span[1]] == c.text
        d = c.to_dict()
        assert d["span"] == list(c.span)


def test_extract_is_the_claims(reading: ArticleReading) -> None:
    path = SEED if SEED.exists() else SHARED
    assert extract(path.read_text(encoding="utf-8")) == list(reading.claims)
