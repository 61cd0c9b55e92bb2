"""The span finder: figure phrases, and numbers that are not counts."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from toolkit.extraction.spans import find_spans, normalise


def figures(text: str) -> list[str]:
    return [s.text for s in find_spans(text) if s.kind == "figure"]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in find_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.3 million foreigners", ["4.3 million"]),
        ("resulting in more than 1,300 arrests.", ["more than 1,300"]),
        ("nearly 40% of voters", ["nearly 40%"]),
        ("in four places", ["four"]),
        ("one in five adults", ["one in five"]),
        ("between 20 and 30 people", ["between 20 and 30"]),
        ("a deal worth $4.3bn", ["$4.3bn"]),
        ("inflation of −3.5%", ["−3.5%"]),
        ("for 90 days", ["90 days"]),
        ("up to 500 people or more", ["up to 500"]),
        ("1,300 or more arrests", ["1,300 or more"]),
        ("500-plus students", ["500-plus"]),
        ("seventy-five thousand and twelve dollars", ["seventy-five thousand and twelve dollars"]),
        ("two-thirds of staff", ["two-thirds"]),
        ("some 20-30% of voters", ["some 20-30%"]),
        ("£2,000 a month", ["£2,000"]),
        ("a million people", ["a million"]),
    ],
)
def test_figure_phrases(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1\u00a0234 people", Decimal(1234)),  # non-breaking space as separator
        ("1\u2009234 people", Decimal(1234)),  # thin space
        ("1\u202f234 people", Decimal(1234)),  # narrow no-break space
        ("１２３ people", Decimal(123)),  # full-width digits
        ("a fall of \u22125%", Decimal(-5)),  # Unicode minus
    ],
)
def test_odd_unicode(text: str, value: Decimal) -> None:
    (span,) = [s for s in find_spans(text) if s.kind == "figure"]
    assert span.figure is not None and span.figure.value == value
    assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the war approaches its seventh month", "ordinal"),
        ("on the 21st", "ordinal"),
        ("on 21 September 2022", "date"),
        ("on Sept. 21, 2022", "date"),
        ("conducted Jan. 5-9", "date"),
        ("held on March 3–5, 2024", "date"),
        ("the 1990s", "date"),
        ("in 2022", "year"),
        ("at 10:30 a.m.", "time"),
        ("call +1 555-123-4567", "phone"),
        ("a 45-year-old man", "age"),
        ("John Smith, 45, said", "age"),
        ("COVID-19 cases", "identifier"),
        ("Article 5 of the treaty", "identifier"),
        ("a Boeing 737", "identifier"),
        ("a few of them", "vague"),
        ("beat Chelsea 3-1 on Sunday", "score"),
        ("a 2-2 draw", "score"),
        ("won 112-104, with", "score"),
        ("deaths per 100,000 people", "rate"),
        ("call 020 7946 0958", "phone"),
        ("between 3 and 5 March", "date"),
        ("the midfielder, 24.", "age"),
        ("the FTSE 100 index", "identifier"),
        ("the S&P 500 closed", "identifier"),
        ("a Fortune 500 company", "identifier"),
        ("certified to ISO 9001", "identifier"),
        ("under section 230 of the act", "identifier"),
        ("the Formula 1 season", "identifier"),
        ("PO Box 123", "identifier"),
        ("she won the 100m in record time", "identifier"),
    ],
)
def test_not_counts(text: str, kind: str) -> None:
    found = find_spans(text)
    assert found and all(s.kind != "figure" for s in found)
    assert kind in {s.kind for s in found}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("thousands of people fled", "thousands"),
        ("tens of thousands of residents", "tens of thousands"),
        ("Hundreds of thousands of people marched", "Hundreds of thousands"),
        ("dozens of people were hurt", "dozens"),
        ("Several hundred people gathered", "Several hundred"),
        ("more than thousands of people", "more than thousands"),
    ],
)
def test_vague_plurals_are_figures(text: str, figure: str) -> None:
    assert figures(text) == [figure]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the death rate was 12 per 100,000 people", ["12"]),
        ("Two out of three doctors", ["Two out of three"]),
        ("3 out of 10 units", ["3", "10"]),
        ("Knife crime rose by 7% to 50,489 offences", ["7%", "50,489"]),
        ("from 5% to 10%", ["from 5% to 10%"]),
        ("Temperatures reached 40.3C at noon", ["40.3C"]),
        ("in a three-way race", []),
        ("The committee voted 7-2 to approve", []),
        ("5-10 people", ["5-10"]),
        # a margin of error is its size, never a negative figure
        (
            "a margin of error of plus or minus 3.4 percentage points",
            ["plus or minus 3.4 percentage points"],
        ),
        ("It fell to minus 5 degrees.", ["minus 5 degrees"]),
        # a change in points and a level in per cent are two figures, not a range
        ("raised rates by 0.25 percentage points to 5.25%", ["0.25 percentage points", "5.25%"]),
    ],
)
def test_news_forms(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


def test_weekdays_are_not_figures() -> None:
    assert figures("confirmed this Friday, on Wednesday and on Thursday") == []


def test_pronoun_one_is_not_a_figure() -> None:
    assert figures("one of the biggest queues; no one came") == []
    assert figures("one person died") == ["one"]


def test_normalise_keeps_length() -> None:
    text = "１２３ and \u22125"
    assert len(normalise(text)) == len(text)
    assert normalise(text) == "123 and -5"


def test_spans_do_not_overlap() -> None:
    spans = find_spans("Between 2019-2021, 4.3 million (about 40%) came; 3 out of 10 stayed.")
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a singular fraction word before a noun is an ordinal; "one-fifth" is a fraction
        ("She won a third term in 2019.", []),
        ("It was a fifth consecutive monthly rise.", []),
        ("The firm celebrated a hundredth anniversary.", []),
        ("on his twenty-fifth birthday", []),
        ("One-fifth of voters stayed at home.", ["One-fifth"]),
        ("It sold its remaining one-third stake.", ["one-third"]),
        ("The firm cut its workforce by a fifth last year.", ["a fifth"]),
        ("Sales fell by a third.", ["a third"]),
        ("He won by a hundredth of a second.", ["a hundredth"]),
        ("It spent one twenty-fifth of the budget.", ["one twenty-fifth"]),
        # words that are not counts: "one-time", "one-off", with or without spaces
        ("a one-time payment of $500", ["$500"]),
        ("a one - off fee", []),
        # Penn Treebank spacing
        ("fifty - two people were hurt", ["fifty - two"]),
        ("sales rose 6 . 2 % to $ 1 . 45 billion .", ["6 . 2 %", "$ 1 . 45 billion"]),
        ("prices fell as much as 1 / 4 point", ["as much as 1 / 4"]),
        ("the meeting on 5 / 17 / 2018", ["5", "17"]),
        ("a 2  1/4 mile course", ["2  1/4 mile"]),
        # scale letters
        ("earning 85 k a year", ["85 k"]),
        ("it raised $1.2b from investors", ["$1.2b"]),
        ("The app has 10M users.", ["10M"]),
        ("Italy's GDP is $2.174T.", ["$2.174T"]),
        ("a revenue target of US$ 1MM", ["US$ 1MM"]),
        ("Net sales rose to MSEK 1,234 in the quarter.", ["MSEK 1,234"]),
        ("losses in excess of 30 MUSD", ["in excess of 30 MUSD"]),
        ("They lost 75 USD million in three years.", ["75 USD million", "three years"]),
        # cents without their word close an amount only
        ("A ticket costs 15 dollars 50.", ["15 dollars 50"]),
        ("He paid 15 dollars 50 years ago.", ["15 dollars", "50 years"]),
        # ranges and bounds
        ("The range is 1,000 - 5,000 people.", ["1,000 - 5,000"]),
        ("Temperatures ranged from -18 °C to -34 °C.", ["from -18 °C to -34 °C"]),
        ("These apples weigh about 20~100 g.", ["about 20~100"]),
        ("There were about 500 or more in the hall.", ["about 500 or more"]),
        ("We expect 500 and more.", ["500 and more"]),
        ("There are about 500 and more in the hall.", ["about 500 and more"]),
        ("It raised 1.25b.", ["1.25b"]),
        ("Sales rose 5% and more people shopped online.", ["5%"]),
        ("See paragraph 12b of the contract.", ["12"]),
        ("She sat in seat 10B.", []),  # a seat is a name
        ("Revenue was 1.2B last year.", ["1.2B"]),
        ("His score is equal to 5000 or less than 6000", ["5000", "less than 6000"]),
        ("more than 20 and less or equal than 35", ["more than 20 and less or equal than 35"]),
        ("I want 3 to 4 L of wine", ["3 to 4 L"]),
        ("the top 10 L.A. restaurants", ["10"]),
        # British and other currency forms; a scale ends the phrase before a hyphenated word
        ("Inflation hit 3.4pc in May.", ["3.4pc"]),
        ("The rate fell 0.3pp to 4.1pc.", ["0.3pp", "4.1pc"]),
        ("Shares rose 3.5p to 245p.", ["3.5p", "245p"]),
        ("a ₩5 trillion budget", ["₩5 trillion"]),
        ("a 20 million-strong army", ["20 million"]),
        ("a $5m-a-year contract", ["$5m"]),
        ("a $1 trillion-plus package", ["$1 trillion-plus"]),
        ("tens of billions of dollars", ["tens of billions"]),
        # a fraction of a point is percentage points, not a share
        ("The Fed made a quarter-point cut.", ["a quarter-point"]),
        ("Rates rose half a percentage point.", ["half a percentage point"]),
        # a change may be a range when its ends are hyphenated; "rose 20 to 3,400" is not one
        ("Prices rose 12-15% last year.", ["12-15%"]),
        ("The index rose 20 to 3,400.", ["20", "3,400"]),
        # a decimal's digits are not a day: "$37,305.97 February expenses"
        ("$ 20,000.00 and $ 37,305.97 February expenses", ["$ 20,000.00", "$ 37,305.97"]),
        # a power is one figure, never its base alone
        ("about 10⁶ tonnes a year", ["about 10⁶ tonnes"]),
        ("a 10^6 increase", ["10^6"]),
        ("8x2^10 bits", ["8x2^10"]),
        # two bounds with a fraction: one figure
        ("above one quarter and below a half", ["above one quarter and below a half"]),
        # a question is no hedge; a hedge after "how" inside a sentence is one
        ("How about 2 in 5 or more?", ["2 in 5 or more"]),
        ("It is unclear how about 20 people got in.", ["about 20"]),
        # a decimal before "pm" is no time of day
        ("a grid of 2.1 pm", ["2.1"]),
    ],
)
def test_corpus_forms(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "identifier"),
    [
        ("The server at 192.168.1.2 went down.", "192.168.1.2"),
        ("Python 3.11.2 was released.", "3.11.2"),
        ("the object SCP 06F6", "06F6"),
        ("galaxy cluster MACS J1149.5+6663", "J1149.5+6663"),
        ("He bought a 4x4 last year.", "4x4"),
    ],
)
def test_addresses_and_versions_are_identifiers(text: str, identifier: str) -> None:
    assert figures(text) == []
    assert ("identifier", identifier) in kinds(text)


def test_grouped_dotted_numbers_are_not_versions() -> None:
    # "1.234.567" is how much of Europe groups thousands: left to the parser, not an identifier
    assert "identifier" not in {k for k, _ in kinds("1.234.567 people")}
