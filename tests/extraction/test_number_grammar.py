"""English number grammar read since 2026-12-02: quotients, digits between scale words,
numerators of many words, continental decimals, comma lists, "nought", dozen abbreviations.

Each form comes with the news wording it must not swallow.
"""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from toolkit.errors import UnreadableFigure
from toolkit.extraction.spans import find_spans
from toolkit.figures.parse import parse_figure


def _figures(text: str) -> list[tuple[str, float | None]]:
    return [
        (s.text, float(s.figure.value) if s.figure.value is not None else None)
        for s in find_spans(text)
        if s.figure is not None
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("one over three", "one over three", Fraction(1, 3)),
        ("1 over 20", "1 over 20", Fraction(1, 20)),
        ("2000 over 3", "2000 over 3", Fraction(2000, 3)),
        ("The answer is negative one over 20", "negative one over 20", Fraction(-1, 20)),
        (
            "1 over one hundred and twenty one",
            "1 over one hundred and twenty one",
            Fraction(1, 121),
        ),
        ("The ratio is 3 over 2.", "3 over 2", Fraction(3, 2)),
    ],
)
def test_a_quotient_written_with_over_is_one_number(
    text: str, phrase: str, value: Fraction
) -> None:
    (span,) = [s for s in find_spans(text) if s.figure is not None]
    assert span.text == phrase
    assert span.figure is not None
    strict = span.figure.strict
    # enclosed outward when it is no finite decimal, and exact otherwise
    assert Fraction(strict.low) <= value <= Fraction(strict.high)
    assert strict.high - strict.low < D("1e-70")
    assert span.figure.unit is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "over" is "more than" wherever the two numbers are not an expression of their own
        ("Of those, 45 were over 18.", [("45", 45.0), ("over 18", 18.0)]),
        ("The team won 3 over 2 seasons", [("3", 3.0), ("over 2", 2.0)]),
        ("He beat him 112 over 104.", [("112", 112.0), ("over 104", 104.0)]),
        ("There were 20 over 30.", [("20", 20.0), ("over 30", 30.0)]),
    ],
)
def test_over_between_counts_stays_a_bound(text: str, expected: list[tuple[str, float]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 thousand 3 hundred and 21 is a number.", [("4 thousand 3 hundred and 21", 4321.0)]),
        ("I can give you 3 hundred and 21 yuan.", [("3 hundred and 21 yuan", 321.0)]),
        ("I count 6 crore and two hundred", [("6 crore and two hundred", 60000200.0)]),
        ("About 2 million 500 thousand people", [("About 2 million 500 thousand", 2500000.0)]),
        ("4000 3 hundred and 21", [("4000", 4000.0), ("3 hundred and 21", 321.0)]),
        # what does not continue one number
        ("He has 3 million and 20 staff", [("3 million", 3e6), ("20", 20.0)]),
        ("in 2 thousand 20 people came", [("2 thousand", 2000.0), ("20", 20.0)]),
        ("4 thousand 3 hundred and 0 remain", [("4 thousand 3 hundred", 4300.0), ("0", 0.0)]),
        ("3 hundred and 2 hundred", [("3 hundred", 300.0), ("2 hundred", 200.0)]),
        ("three hundred and two hundred", [("three hundred", 300.0), ("two hundred", 200.0)]),
        ("2 million 3 million", [("2 million", 2e6), ("3 million", 3e6)]),
    ],
)
def test_digits_between_scale_words(text: str, expected: list[tuple[str, float]]) -> None:
    assert _figures(text) == expected


def test_an_exact_compound_and_one_ending_on_a_scale() -> None:
    s = parse_figure("4 thousand 3 hundred and 21").strict
    assert (s.low, s.high) == (D(4321), D(4321))
    # read as its words are: "four thousand three hundred" strictly, rounding only leniently
    for digits, words in (
        ("4 thousand 3 hundred", "four thousand three hundred"),
        ("6 crore and two hundred", "six crore and two hundred"),
    ):
        assert parse_figure(digits).strict == parse_figure(words).strict
        assert parse_figure(digits).lenient == parse_figure(words).lenient


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one hundred and thirty-two fifths", Fraction(132, 5)),
        ("one hundred and thirty fifths", Fraction(130, 5)),
        ("one hundred thirty two fifths", Fraction(132, 5)),
        # a bare tens word before the ordinal makes a compound denominator: 100/35
        ("one hundred thirty fifths", Fraction(100, 35)),
        ("one hundred thirty-fifths", Fraction(100, 35)),
        ("ninety - five hundred fifths", Fraction(9500, 5)),
        ("one million two thousand two hundred three fifths", Fraction(1002203, 5)),
        ("a hundred trillionths", Fraction(100, 10**12)),
        ("one billion and a half million", Fraction(1_000_500_000)),
        ("one billion and three quarters million", Fraction(1_000_750_000)),
    ],
)
def test_numerators_of_many_words(text: str, value: Fraction) -> None:
    figure = parse_figure(text)
    assert Fraction(figure.strict.low) <= value <= Fraction(figure.strict.high)
    assert figure.unit is None


def test_a_small_fraction_is_still_a_share() -> None:
    assert parse_figure("two thirds").unit == "%"
    assert parse_figure("twenty three hundredths").value == D(23)


def test_a_larger_scale_after_a_fraction_of_a_smaller_one_is_refused_plainly() -> None:
    with pytest.raises(UnreadableFigure) as err:
        parse_figure("one million and a half billion")
    message = str(err.value)
    assert "'billion' does not fit here" in message
    assert "Did you mean 'billion'" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.111,11 and 1,111.11", [("1.111,11", 1111.11), ("1,111.11", 1111.11)]),
        ("Preis: 1.234,50 Euro", [("1.234,50 Euro", 1234.5)]),
        ("Exercises nrs. 22,24,26,31.", [("22", 22), ("24", 24), ("26", 26), ("31", 31)]),
        ("1,234,567 people", [("1,234,567", 1234567.0)]),
        ("12,34,567 rupees", [("12,34,567 rupees", 1234567.0)]),
        (" 3 dzs", [("3 dzs", 36.0)]),
        ("five dozs", [("five dozs", 60.0)]),
        ("1,674,200.5 M", [("1,674,200.5 M", 1674200500000.0)]),
        ("they were playing three-nought-four", [("three", 3), ("nought", 0), ("four", 4)]),
        ("His efforts came to naught.", []),
        ("all for nought", []),
    ],
)
def test_separators_abbreviations_and_zero(text: str, expected: list[tuple[str, float]]) -> None:
    assert _figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 3 million and 4 million people", [("between 3 million and 4 million", None)]),
        (
            "between three million and four million people",
            [("between three million and four million", None)],
        ),
        ("3 million and 4 million", [("3 million", 3e6), ("4 million", 4e6)]),
        (
            "one million and four hundred thousand",
            [("one million and four hundred thousand", 1.4e6)],
        ),
        ("two million and five", [("two million and five", 2000005.0)]),
    ],
)
def test_a_scale_word_no_smaller_after_and_starts_a_second_number(
    text: str, expected: list[tuple[str, float | None]]
) -> None:
    # "three million and four million" is two numbers, never seven million
    assert _figures(text) == expected
    if expected[0][1] is None:
        (span,) = [s for s in find_spans(text) if s.figure is not None]
        assert span.figure is not None and span.figure.ends == (D(3_000_000), D(4_000_000))
