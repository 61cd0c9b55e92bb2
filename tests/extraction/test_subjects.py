"""What a figure counts, when the words name it after or before the number."""

from __future__ import annotations

import pytest

from toolkit.extraction.extract import read_article


def subjects(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.subject) for c in read_article(text).claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said 4.3 million foreigners entered.", [("4.3 million", "foreigners")]),
        (
            "Unemployment rose to 5.2% in March from 4.8% in February.",
            [("5.2%", "Unemployment"), ("4.8%", "Unemployment")],
        ),
        (
            "Sales rose 20% to $1.5 million from $1.4 million.",
            [("20%", "Sales"), ("$1.5 million", "Sales"), ("$1.4 million", "Sales")],
        ),
        ("Inflation was 3.1% in May.", [("3.1%", "Inflation")]),
        ("The number of visitors reached 12,000 last year.", [("12,000", "visitors")]),
        ("The company's revenue fell to €2.3 billion.", [("€2.3 billion", "company's revenue")]),
        (
            "The 50,000-strong workforce will shrink by 5%.",
            [("50,000", "workforce"), ("5%", "workforce")],
        ),
        ("Shares closed 3.2% higher at 412p.", [("3.2%", None), ("412p", None)]),
        # Nothing named before the verb: no subject is made up.
        ("It was 40% in 2020.", [("40%", None)]),
        ("They stayed for 90 days.", [("90 days", None)]),
        # "a crowd of 68,412": the noun before "of" is what the figure measures
        ("They drew in front of a crowd of 68,412.", [("68,412", "crowd")]),
        ("The Artemis crew of four will fly.", [("four", "crew")]),
        ("The firm made a profit of £38m.", [("£38m", "profit")]),
        # but not a total, a change or a share of something else
        ("It reached a total of 5,000.", [("a total of 5,000", None)]),
        ("It recorded a rise of 3,000.", [("3,000", None)]),
    ],
)
def test_subjects_after_and_before_the_figure(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert subjects(text) == expected


def test_each_side_of_a_count_keeps_its_own_source() -> None:
    text = (
        "Tens of thousands marched in Paris, where police counted 45,000 protesters "
        "and organisers claimed 120,000."
    )
    sources = [(c.text, c.source) for c in read_article(text).claims]
    assert sources[1:] == [("45,000", "police"), ("120,000", "organisers")]
