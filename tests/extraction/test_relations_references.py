"""Relations found since 2026-12-02: wider clauses, references across sentences, modifiers.

Each form comes with the wording beside it that must not become a rule.
"""

from __future__ import annotations

import pytest

from toolkit.extraction.extract import read_article


def expressions(text: str) -> list[str]:
    return [r.expression for r in read_article(text).rules]


def subjects(text: str) -> list[str | None]:
    return [c.subject for c in read_article(text).claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive after the copula names no noun; the part counts what its whole counts
        (
            "Of the 352,000 unemployed, 118,000 were aged 15 to 24, CBS said.",
            ["unemployed_2 <= unemployed"],
        ),
        (
            "Of the 1.99 million ballots cast, some 27,000 were declared invalid.",
            ["ballots_cast_2 <= ballots_cast"],
        ),
        # a kind of them after the copula: still a part
        ("Of the 40 injured, 12 were children, the hospital said.", ["children <= injured"]),
        # a possessor between "of the" and the whole
        (
            "The union says it represents 230 of the country's 260 controllers.",
            ["controllers <= controllers_2"],
        ),
    ],
)
def test_parts_of_a_whole_named_first(text: str, expected: list[str]) -> None:
    assert expressions(text) == expected


def test_a_passive_is_not_the_subject() -> None:
    assert subjects("Of the 1.99 million ballots cast, some 27,000 were declared invalid.") == [
        "ballots cast",
        "ballots cast",
    ]
    # but a noun after the copula still is
    assert subjects("Police held 300 people, of whom 40 were minors.")[1] == "minors"
    assert subjects("The 20 injured people were flown out.") == ["injured people"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "There were 402,000 unfilled vacancies at the end of September, down 7% from "
            "431,000 a year earlier.",
            [
                "unfilled_vacancies < unfilled_vacancies_2",
                "pct_change(unfilled_vacancies_2, unfilled_vacancies) == -percent",
            ],
        ),
        (
            "MUMBAI: The government allocated ₹12,450 crore for its farm loan waiver and crop "
            "insurance schemes in the state budget, up from ₹10,900 crore last year.",
            ["rupees > rupees_2"],
        ),
        # the figure in a phrase about the one before is not the level that changed
        (
            "The team counted 14,200 occupied burrows across 38 colonies in three countries "
            "last summer, up from 9,800 in 2014.",
            ["occupied_burrows > occupied_burrows_2"],
        ),
        (
            "A crowd of 41,236 at the 52,000-capacity stadium was the biggest of the season, "
            "up 6% on the 38,900 who watched last month.",
            ["crowd > figure_2", "pct_change(figure_2, crowd) == percent"],
        ),
    ],
)
def test_changes_over_a_longer_clause(text: str, expected: list[str]) -> None:
    assert expressions(text) == expected


def test_a_sum_whose_parts_have_their_own_verbs() -> None:
    text = "The storm destroyed 4,300 homes and damaged 11,700 others, a total of 16,000 houses."
    assert expressions(text) == ["homes + others == houses"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two figures before "Of these": the part must fit within one of them
        (
            "Officials have recorded 1,286 measles cases since January, more than three times "
            "the 402 reported last year. Of these, 212 patients required hospital treatment.",
            ["measles_cases == times * figure", "patients <= measles_cases or patients <= figure"],
        ),
        # a percentage "Of those" is GRIM-checked against the count before
        (
            "The team fitted GPS trackers to 60 chicks. Of those, 35% were still transmitting.",
            ["grim(percent, chicks)"],
        ),
        (
            "The state allocated ₹12,450 crore to the schemes. Of the total, ₹3,200 crore is "
            "for insurance premiums.",
            ["rupees_2 <= rupees"],
        ),
        (
            "Among the 64 respondents who said they had attended a minor-league game this "
            "season, 72% backed the plan.",
            ["grim(percent, respondents)"],
        ),
    ],
)
def test_references_to_the_sentence_before(text: str, expected: list[str]) -> None:
    assert expressions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "Of these" after figures of another unit: nothing to be a part of
        "The fund paid out $4 million last year. Of these, 12 claims were rejected.",
        # a hedged percentage is not GRIM-checked
        "The team tagged 60 chicks. Of those, about 35% survived.",
        # a change, not a level: "up 7% from" after a figure in another unit
        "Turnout was 61% in 12 districts, up 7% from 2019.",
    ],
)
def test_references_that_state_nothing(text: str) -> None:
    assert expressions(text) == []
