"""News forms read since 2026-12-02: the rand, designators, tenors, who a closing verb
credits, and what a change measures. Each with the wording beside it that stays as it was."""

from __future__ import annotations

import pytest

from toolkit.extraction.extract import extract
from toolkit.extraction.spans import find_spans


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in find_spans(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("White maize is trading at R4\u00a0250 a tonne.", "R4\u00a0250", 4250),
        ("The Treasury raised R22.4bn from asset sales.", "R22.4bn", 22_400_000_000),
        ("Rooms cost R2 850 a night.", "R2 850", 2850),
    ],
)
def test_the_rand_glued_to_an_amount(text: str, phrase: str, value: int) -> None:
    (span,) = [s for s in find_spans(text) if s.figure is not None]
    assert span.text == phrase
    assert span.figure is not None and span.figure.value == value
    assert span.figure.unit == "ZAR"


def test_an_r_and_a_number_that_are_no_amount() -> None:
    assert kinds("R2-D2 took the R5 road.") == [
        ("R2", "identifier"),
        ("D2", "identifier"),
        ("R5", "identifier"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The A14 will be closed between junctions 33 and 36.",
            ("junctions 33 and 36", "identifier"),
        ),
        ("Pupils in Years 7 to 11 were absent.", ("Years 7 to 11", "identifier")),
        (
            "The court ruled that sections 7 and 12 were invalid.",
            ("sections 7 and 12", "identifier"),
        ),
        ("Call 101, quoting incident 1184.", ("incident 1184", "identifier")),
        ("Call 101, quoting incident 1184.", ("101", "phone")),
        ("Patients should call NHS 111.", ("111", "phone")),
        ("The appeal will be heard in Courtroom 4.", ("Courtroom 4", "identifier")),
        ("Students sat the Class 12 exams.", ("Class 12", "identifier")),
        ("She won the 100m at the Diamond League.", ("100m", "identifier")),
        ("He finished at 17 under par.", ("17 under par", "identifier")),
        ("Australian 15-year-olds were tested.", ("15-year-olds", "age")),
        ("A quarter of residents are 65 or older.", ("65 or older", "age")),
        ("Rates on a two-year fixed mortgage rose.", ("two-year", "identifier")),
        ("The 10-year Treasury yield rose.", ("10-year", "identifier")),
        ("Nigeria's 2026 budget was tabled.", ("2026", "year")),
    ],
)
def test_numbers_that_are_not_counts(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a duration is still a figure; only a product's tenor is a name
        ("He was given a three-year prison sentence.", "three-year"),
        ("The company's 1,500 employees were told.", "1,500"),
        ("A two-party system held.", None),
        ("Labor leads on a two-party-preferred basis.", None),
    ],
)
def test_what_stays_as_it_was(text: str, figure: str | None) -> None:
    figures = [s.text for s in find_spans(text) if s.kind == "figure"]
    assert figures == ([figure] if figure else [])


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # a verb's "up", then "to" the level: no "up to" bound
        ("The unemployment rate edged up to 4.4 percent.", "4.35", "4.45"),
        ("Pay rises of up to 4.4 percent were offered.", "0", "4.4"),
        ("As few as 70 leopards may remain.", "70", "Infinity"),
    ],
)
def test_qualifiers(text: str, low: str, high: str) -> None:
    (span,) = [s for s in find_spans(text) if s.figure is not None]
    assert span.figure is not None
    assert (str(span.figure.strict.low), str(span.figure.strict.high)) == (low, high)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a verb of saying closing the sentence credits the figures of a tally before it
        (
            "Police in Gauteng recorded 1 507 murders between July and September, the police "
            "minister told Parliament.",
            "police minister",
        ),
        (
            "Heathrow expects north of 83 million passengers this year, its chief executive "
            "told reporters.",
            "its chief executive",
        ),
        # a place's tally names no source
        ("Japan recorded 686,061 births in 2024.", None),
        # "added" before a figure is no verb of saying
        ("US employers added 119,000 jobs in September.", None),
        ("The Democrats lead by 5 points in a Marist poll conducted last week.", "a Marist poll"),
        ("A Newspoll survey of 1,262 voters put Labor ahead.", "A Newspoll survey of 1,262 voters"),
        # a company's forecast and a closing "estimates" still credit their subjects
        ("Hikari Electric forecast an operating profit of ¥1.2tn for the year.", "Hikari Electric"),
        ("As many as 8.5 million devices were affected, Microsoft estimates.", "Microsoft"),
    ],
)
def test_who_is_credited(text: str, source: str | None) -> None:
    assert extract(text)[0].source == source


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Study permits were cut by 45 per cent, a provincial report said.", "Study permits"),
        ("Average house prices in Ireland rose 7.6 per cent in the year.", "Average house prices"),
        ("The vaccine cut clinical cases by 75% in children.", "clinical cases"),
        ("The number of job vacancies fell by 9,000 to 723,000.", "job vacancies"),
        ("Iron ore exports slipped 5.1pc.", "Iron ore exports"),
        ("Data centres consumed 4.4 percent of US electricity in 2023.", "US electricity"),
        ("City have won 12 of their last 15 home games.", "home games"),
    ],
)
def test_what_a_change_or_share_measures(text: str, subject: str) -> None:
    assert extract(text)[0].subject == subject
