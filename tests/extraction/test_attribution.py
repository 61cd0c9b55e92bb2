"""Sources of figures, bylines and author-bio conflicts."""

from __future__ import annotations

import pytest

from toolkit.extraction.attribution import byline
from toolkit.extraction.extract import read_article


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("According to the Health Ministry, 300 people died.", "Health Ministry"),
        ("Some 300 people died, the Health Ministry said.", "Health Ministry"),
        ("The police told reporters that 40 people were held.", "police"),
        ("“About 40 people were held,” said John Smith, a spokesman.", "John Smith"),
        (
            "Sales rose 20% last year, data from the statistics office showed.",
            "data from the statistics office",
        ),
        ("More than 1,300 people were arrested.", None),
    ],
)
def test_sources(text: str, source: str | None) -> None:
    (claim,) = read_article(text).claims
    assert claim.source == source


def test_quotation_across_sentences() -> None:
    text = "“Traffic is heavy. We counted 400 cars,” the border agency said."
    (claim,) = read_article(text).claims
    assert claim.source == "border agency"


def test_pronoun_resolves_to_previous_source() -> None:
    text = "Jane Roe, the mayor, spoke on Monday. She said 200 homes were flooded."
    (claim,) = read_article(text).claims
    assert claim.source in ("Jane Roe", "She", "she")


def test_byline_lines() -> None:
    credit = byline("Story text.\nBy Jane Doe\nSource: Daily Planet\n")
    assert (credit.author, credit.publisher) == ("Jane Doe", "Daily Planet")


def test_no_conflict_when_bio_is_the_author() -> None:
    text = (
        "Officials said 30 cars crossed.\nAuthor: Michael Melvin\n\n"
        "I am Michael Melvin, a writer. As an author at 24 News Reporters, I cover news."
    )
    reading = read_article(text)
    assert not [f for f in reading.findings if f.code == "byline-conflict"]
    assert [c.text for c in reading.claims] == ["30"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Investigators believe up to £3m was stolen from 2,000 pensioners.", "Investigators"),
        ("Critics point out that the scheme has cost taxpayers £1.3bn.", "Critics"),
        ("Nearly two-thirds of voters backed the measure, exit polls suggested.", "exit polls"),
        (
            "Analysts polled by LSEG had expected earnings of $1.42 a share.",
            "Analysts polled by LSEG",
        ),
    ],
)
def test_more_verbs_of_stating(text: str, source: str) -> None:
    from toolkit.extraction.extract import extract

    assert {c.source for c in extract(text)} == {source}
