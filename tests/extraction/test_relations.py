"""Rules from wording: only what the text states."""

from __future__ import annotations

import pytest

from toolkit.extraction.extract import read_article


def expressions(text: str) -> list[str]:
    return [r.expression for r in read_article(text).rules]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said 4.3 million foreigners entered, of which 1.6 million are Russians.",
            ["russians <= foreigners"],
        ),
        (
            "Police said 300 people were held, of whom 40 were minors.",
            ["minors <= people"],
        ),
        (
            "The agency said 4.3 million foreigners entered. Of these, 1.6 million were Russians.",
            ["russians <= foreigners"],
        ),
        ("Officials said 12 out of 30 checkpoints were closed.", ["checkpoints <= checkpoints_2"]),
        (
            "The union said 40%, or 1,200, of the 3,000 workers struck.",
            ["pct(workers, workers_2) == workers_share"],
        ),
        (
            "The ministry said 30 cars, 40 trucks and 50 buses crossed, a total of 120 vehicles.",
            ["cars + trucks + buses == vehicles"],
        ),
        (
            "Sales rose to 500 units from 400 units, an increase of 25%, the firm said.",
            ["units > units_2", "pct_change(units_2, units) == percent"],
        ),
        (
            "Exports fell to 80 tonnes from 100 tonnes, a drop of 20%, officials said.",
            ["tonnes < tonnes_2", "pct_change(tonnes_2, tonnes) == -percent"],
        ),
    ],
)
def test_stated_relations(text: str, expected: list[str]) -> None:
    assert expressions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Near each other, but nothing says one is part of the other.
        "The service said 30 checkpoints work as usual, but in four places there are jams.",
        "Officials said 300 people came and 40 people left.",
        "In 2021 there were 500 cases; in 2022 there were 400 cases.",
    ],
)
def test_no_relation_without_wording(text: str) -> None:
    assert expressions(text) == []


def test_change_direction() -> None:
    claims = read_article("Prices rose 20% and the deficit fell by 3,000 jobs.").claims
    assert [c.change for c in claims] == ["up", "down"]
