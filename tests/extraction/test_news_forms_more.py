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
        # a number in a compound adjective describes, it counts nothing; a count stays one
        ("He was given a three-year prison sentence.", None),
        ("The 50,000-strong workforce walked out.", "50,000"),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan's Nikkei slid 2.3 per cent, its steepest one-day drop since August.",
            ("one-day", "identifier"),
        ),
        ("The 12-month average now stands at 1.52C.", ("12-month", "identifier")),
        ("A one-bedroom flat now costs €1,231 a month.", ("one-bedroom", "identifier")),
        ("The update fixes three zero-day vulnerabilities.", ("zero-day", "identifier")),
        ("The lender cut rates on its two- and five-year fixed deals.", ("two-", "identifier")),
        ("The average price of a 5kg bag of rice rose to ¥4,316.", ("5kg", "identifier")),
        ("Anyone affected can call Lifeline on 13 11 14.", ("13 11 14", "phone")),
        ("Or call the helpline on 1300 22 4636.", ("1300 22 4636", "phone")),
        ("Three men, aged 31, 38 and 44, were charged.", ("aged 31, 38 and 44", "age")),
        ("In a phase 3 trial, patients lost weight.", ("phase 3", "identifier")),
        (
            "The judgment in Smith v Thames Water [2025] UKSC 41 was handed down.",
            ("[2025] UKSC 41", "identifier"),
        ),
        ("The danger was raised to level 4 of 5.", ("level 4 of 5", "identifier")),
        ("Three of the Top 10 best-selling cars were electric.", ("Top 10", "identifier")),
        ("The draw will be live on BBC Two.", ("BBC Two", "identifier")),
        ("It affects versions 19.0 to 19.2.", ("versions 19.0 to 19.2", "identifier")),
        (
            "The rules apply under Regulation (EU) 2024/1351.",
            ("Regulation (EU) 2024/1351", "identifier"),
        ),
        ("US crude stocks rose for a third week.", ("a third", "ordinal")),
    ],
)
def test_more_numbers_that_are_not_counts(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a range with suspended hyphens stays a range; a lower-case top ten is a count
        ("Plans include an 8- to 16-metre telescope.", ["8- to 16-metre"]),
        ("She reviewed the top 10 L.A. restaurants.", ["10"]),
        ("The 50,000-strong workforce and a 120-seat parliament.", ["50,000", "120"]),
        ("A quarter mile away.", ["A quarter mile"]),
        ("Fewer than a quarter scored 200.", ["Fewer than a quarter", "200"]),
        ("The fossil is the fourth global one since 1998 and weighs 2 tonnes.", ["2 tonnes"]),
        ("Profit was SKr2.35bn and NKr500m.", ["SKr2.35bn", "NKr500m"]),
    ],
)
def test_figures_beside_those_forms(text: str, figures: list[str]) -> None:
    assert [s.text for s in find_spans(text) if s.kind == "figure"] == figures


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a pronoun takes the name before it in its sentence
        (
            "Halden Retail Group said on 8 January that it still expects profit of about £640m.",
            "Halden Retail Group",
        ),
        # a time after the verb still closes the sentence
        (
            "The party had 31.4 per cent, the national election authority said early on Monday.",
            "national election authority",
        ),
        (
            "The runway will allow up to 386,000 flights a year, the airport said after "
            "ministers approved it.",
            "airport",
        ),
        # who told, not whom
        (
            "Growers in the Central Highlands told Reuters that yields fell 20%.",
            "Growers in the Central Highlands",
        ),
        # an action beside a closing verb of saying
        (
            "Councils have declared emergencies in 13 of Scotland's 32 areas, Shelter Scotland "
            "said.",
            "Shelter Scotland",
        ),
        # nouns, not verbs of saying
        ("The group reported a profit of SKr2.35bn, well ahead of forecasts.", "group"),
        ("It posted earnings of $6.13 a share, beating Wall Street estimates.", None),
        ("Police found A$2.7 million in cash.", None),
        (
            "A survey of 825 institutions by the Institute of International Education found a "
            "17% fall.",
            "A survey of 825 institutions by the Institute of International Education",
        ),
    ],
)
def test_more_sources(text: str, source: str | None) -> None:
    assert extract(text)[0].source == source


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Egg prices in the EU are up 24% on a year ago.", "Egg prices"),
        ("Yields were down by as much as 20% this season.", "Yields"),
        (
            "Residential sales in India's top seven cities fell 9% in the quarter.",
            "Residential sales",
        ),
        ("More than 1.4 lakh such cases are pending.", "cases"),
        ("Growers exported a record 204 million 15kg cartons this season.", "cartons"),
        ("Three of the Top 10 best-selling cars were electric.", "best-selling cars"),
        ("Just under two-thirds of 11-year-olds met the standard.", "11-year-olds"),
    ],
)
def test_more_subjects(text: str, subject: str) -> None:
    claims = extract(text)
    claim = next((c for c in claims if c.unit == "%"), claims[0])
    assert claim.subject == subject
