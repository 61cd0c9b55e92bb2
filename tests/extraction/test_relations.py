"""Rules from wording: only what the text states."""

from __future__ import annotations

from pathlib import Path

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
            ["exports < exports_2", "pct_change(exports_2, exports) == -percent"],
        ),
        (
            "Unemployment rose to 5.2% from 4.8%, an increase of 0.4 percentage points.",
            [
                "unemployment_share > unemployment_share_2",
                "unemployment_share - unemployment_share_2 == points",
            ],
        ),
        (
            "Turnout fell from 62% to 55%, down 7%, officials said.",
            [
                "turnout_2 < turnout",
                "pct_change(turnout, turnout_2) == -percent or turnout_2 - turnout == -percent",
            ],
        ),
        ("The hospital said 47% of the 20 patients recovered.", ["grim(patients_share, patients)"]),
        (
            "Of the 20 patients in the trial, 47% recovered, the hospital said.",
            ["grim(percent, patients)"],
        ),
        # The part's own share of another whole is not a share of the first.
        (
            "Of the 20 patients, 9 recovered and 47% of the staff fell ill.",
            ["patients_2 <= patients"],
        ),
        ("Of the 1,200 stores surveyed, 312 reported lower footfall.", ["stores_2 <= stores"]),
        (
            "The company employs 45,000 people, including 12,000 in the US and 8,500 in Germany.",
            ["people_2 <= people", "people_3 <= people"],
        ),
        (
            "Turnout was 67.3%, with 32,014,110 votes cast out of 47,568,611 registered voters.",
            ["votes_cast <= registered_voters", "pct(votes_cast, registered_voters) == turnout"],
        ),
        (
            "Wildfires burned 1.2 million acres this year, up 40% from 850,000 acres last year.",
            ["acres > acres_2", "pct_change(acres_2, acres) == percent"],
        ),
        (
            "Sales were $4.2 billion, down 8% from $4.6 billion a year ago.",
            ["sales < sales_2", "pct_change(sales_2, sales) == -percent"],
        ),
        (
            "The jobless rate was 5.1%, down 0.3 percentage points from 5.4%.",
            ["jobless_rate < jobless_rate_2", "jobless_rate - jobless_rate_2 == -points"],
        ),
        (
            "Deaths reached 1,400, up 300 from 1,100.",
            ["deaths > deaths_2", "deaths - deaths_2 == figure"],
        ),
        # Listed parts may overlap, so never their sum; a later part naming another thing
        # may not be a part at all ("..., and 9,000 employees"), so only the first is kept.
        (
            "The ship carried 500 passengers, including 300 women and 250 foreigners.",
            ["women <= passengers"],
        ),
        (
            "The company has 200 stores, including 50 in France, and 9,000 employees.",
            ["stores_2 <= stores"],
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
        # A change is not a share of the count after it; money is not counted in wholes.
        "Admissions rose 18% at the 40 hospitals, the agency said.",
        "The fund spent 45% of the $20 million it raised.",
        # GRIM is for a stated percentage; loose words and hedges are loose by design.
        "Nearly half of the 20 patients recovered.",
        "A third of the 20 patients recovered.",
        "About 47% of the 20 patients recovered.",
        # The second figure counts something else, or has a base of its own.
        "Of the 50 companies, 300 employees were laid off.",
        "Of the 20 countries surveyed, 47% of adults said yes.",
    ],
)
def test_no_relation_without_wording(text: str) -> None:
    assert expressions(text) == []


def test_change_direction() -> None:
    claims = read_article("Prices rose 20% and the deficit fell by 3,000 jobs.").claims
    assert [c.change for c in claims] == ["up", "down"]


@pytest.mark.parametrize(
    ("text", "verdict", "explanation"),
    [
        (
            "The hospital said 47% of the 20 patients recovered.",
            "inconsistent",
            "47% of 20 patients is not a whole number of them (9 of 20 is 45%, 10 of 20 is 50%), "
            "not even reading the percentage loosely (46.5–48%).",
        ),
        (
            "The hospital said 45% of the 20 patients recovered.",
            "consistent",
            "45% of 20 patients is possible: 9 of 20 is 45%.",
        ),
    ],
)
def test_grim_verdicts_say_which_counts_come_close(
    text: str, verdict: str, explanation: str, tmp_path: Path
) -> None:
    from toolkit.check.article import check_article

    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    report = check_article(article)
    assert [(c.verdict.value, c.explanation) for c in report.checks] == [(verdict, explanation)]


def _verdicts(text: str) -> dict[str, str]:
    from toolkit.check.article import check_article

    path = Path(__import__("tempfile").mkdtemp()) / "a.txt"
    path.write_text(text, encoding="utf-8")
    return {c.expression: c.verdict.value for c in check_article(path).checks}


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # "of which" after two figures: the part must fit one of them, never a false alarm
        (
            "The group operates 1,460 stores in 31 countries, of which 412 are in Germany.",
            "consistent",
        ),
        (
            "The coastguard rescued 1,490 people in 23 operations, of whom 1,940 were landed.",
            "inconsistent",
        ),
        # "N of them" is a part of the figure before it, here or in the sentence before
        (
            "More than 120,000 people were evacuated, and about 86,000 of them were still in "
            "shelters on Monday.",
            "consistent",
        ),
        (
            "Power was cut to about 1.4 million households. By Monday it had been restored to "
            "900,000 of them.",
            "consistent",
        ),
        ("He has scored 17 goals in 22 games, six of them penalties.", "consistent"),
        ("Some 300 staff were affected. About 1,800 of those were moved.", "inconsistent"),
        # a percentage "of them" is a share of the count before it: GRIM
        (
            "At the hospital, 24 patients were admitted last week, and 31% of them needed oxygen.",
            "inconsistent",
        ),
        ("The agency hired 25 staff, and 14% of them quit.", "inconsistent"),
        ("The agency hired 25 staff, and 12% of them quit.", "consistent"),
    ],
)
def test_parts_after_two_figures_and_of_them(text: str, verdict: str) -> None:
    found = _verdicts(text)
    assert len(found) == 1, found
    assert list(found.values()) == [verdict]


def test_a_period_between_two_levels_is_not_one_of_them() -> None:
    text = (
        "Sea arrivals rose to 48,300 in the first seven months of the year from 41,700 in the "
        "same period last year, an increase of 16%, the ministry said."
    )
    found = _verdicts(text)
    assert set(found.values()) == {"consistent"}
    assert any("pct_change" in e for e in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole first, then a list of its parts: each within it
        (
            "Of the 1,142 cancellations recorded by 6 p.m., 683 were at Lisbon, 291 at Porto "
            "and 118 at Faro, the company said.",
            {"consistent": 3},
        ),
        # "the remaining" closes the list: the parts make up the whole
        (
            "Of the 120 seats, the Union won 52, Labour 41, the Greens 17 and independents the "
            "remaining 10.",
            {"consistent": 5},
        ),
        (
            "Samar accounted for 21 of the 38 deaths, Leyte for 12 and Biliran for the "
            "remaining 6.",
            {"consistent": 3, "inconsistent": 1},
        ),
        # a mid-sentence "of" is no whole first
        ("The ceiling of 2 lakh was too low for growers, many of whom owe more than 4 lakh.", {}),
    ],
)
def test_lists_after_a_whole(text: str, expected: dict[str, int]) -> None:
    found = _verdicts(text)
    tally: dict[str, int] = {}
    for verdict in found.values():
        tally[verdict] = tally.get(verdict, 0) + 1
    assert tally == expected, found


def test_a_comparison_after_a_list_is_no_part() -> None:
    text = "Of the 1,142 cancellations, 683 were at Lisbon, compared with 2,000 a year ago."
    assert list(_verdicts(text).values()) == ["consistent"]
