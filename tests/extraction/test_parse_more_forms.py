"""Forms the figure parser reads since the number-words split: errors, two bounds, cents, lakh."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.errors import UnreadableFigure
from toolkit.figures.parse import parse_figure
from toolkit.validate.exact import _WHOLE, whole_reading


@pytest.mark.parametrize(
    ("text", "low", "high", "low_closed", "high_closed"),
    [
        ("9.83 ± 0.02", D("9.81"), D("9.85"), True, True),
        ("more than 20 and at most 35", D("20"), D("35"), False, True),
        ("at least 5 but fewer than 9", D("5"), D("9"), True, False),
        ("44 mg to 50 mg", D("44"), D("50"), True, True),
        ("12,34,567", D("1234567"), D("1234567"), True, True),
        ("3 dollars 50 cents", D("3.5"), D("3.5"), True, True),
        ("nine point nought four", D("9.035"), D("9.045"), True, False),
        ("two and a half million", D("2450000"), D("2550000"), True, False),
        ("3 lakh crore", D("2.5e12"), D("3.5e12"), True, False),
        ("plus or minus 3.4 percentage points", D("3.35"), D("3.45"), True, False),
        ("± 3%", D("2.5"), D("3.5"), True, False),
    ],
)
def test_strict_readings_of_more_forms(
    text: str, low: D, high: D, low_closed: bool, high_closed: bool
) -> None:
    s = parse_figure(text).strict
    assert (s.low, s.high, s.low_closed, s.high_closed) == (low, high, low_closed, high_closed)


@pytest.mark.parametrize(
    ("text", "value"),
    [("three halves", D("1.5")), ("half a mile", D("0.5")), ("1 in 5", D("20"))],
)
def test_fractions_that_are_numbers_or_shares(text: str, value: D) -> None:
    assert parse_figure(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "44 mg to 50 km",
        "more than 30 and fewer than 20",
        "about 9.83 ± 0.02",
        "twenty twenty-one x",
        "0.25 percentage points to 5.25%",
        "$20 to €30",
    ],
)
def test_contradictory_or_mixed_forms_are_unreadable(text: str) -> None:
    with pytest.raises(UnreadableFigure):
        parse_figure(text)


@given(st.integers(min_value=-(10**18) + 1, max_value=10**18 - 1))
def test_the_whole_number_shortcut_reads_as_the_parser_does(n: int) -> None:
    text = str(n)
    assert _WHOLE.fullmatch(text)
    fig = parse_figure(text)
    strict, lenient = whole_reading(text)
    assert (strict.low, strict.high) == (fig.strict.low, fig.strict.high)
    assert (lenient.low, lenient.high, lenient.low_closed, lenient.high_closed) == (
        fig.lenient.low,
        fig.lenient.high,
        fig.lenient.low_closed,
        fig.lenient.high_closed,
    )


# -- issue #3: forms from the extraction corpora, read by general rules -------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "low_closed", "high_closed"),
    [
        # ordinal denominators: a hundredth is 1 %, one twenty-fifth 4 %
        ("a hundredth", D("1"), D("1"), True, True),
        ("one twenty-fifth", D("4"), D("4"), True, True),
        ("three twentieths", D("15"), D("15"), True, True),
        ("one - fifth", D("20"), D("20"), True, True),
        # a decimal denominator sets the rounding place
        ("two and fifty-four hundredths", D("2.535"), D("2.545"), True, False),
        # dozens count only the words since "hundred"
        ("three hundred and two dozen", D("324"), D("324"), True, True),
        ("five hundred dozen", D("6000"), D("6000"), True, True),
        # Penn Treebank spacing: hyphens, decimal points and slashes tokenised apart
        ("fifty - two", D("52"), D("52"), True, True),
        ("6 . 2 %", D("6.15"), D("6.25"), True, False),
        ("$ 1 . 45 billion", D("1.445e9"), D("1.455e9"), True, False),
        ("2  1/4", D("2.25"), D("2.25"), True, True),
        ("- 1 4/5", D("-1.8"), D("-1.8"), True, True),
        # scale letters and codes as company reports write them
        ("2.33 k", D("2325"), D("2335"), True, False),
        ("75 USD million", D("74.5e6"), D("75.5e6"), True, False),
        ("30 MUSD", D("29.5e6"), D("30.5e6"), True, False),
        ("MSEK 120", D("119.5e6"), D("120.5e6"), True, False),
        ("twenty MUSD", D("19.5e6"), D("20.5e6"), True, False),
        ("TEUR 500", D("499500"), D("500500"), True, False),
        # cents without their word, closing the amount
        ("15 dollars 50", D("15.5"), D("15.5"), True, True),
        ("17 USD 25", D("17.25"), D("17.25"), True, True),
        ("thirteen dollars forty five", D("13.45"), D("13.45"), True, True),
        # a hedge widened by a bound keeps every value either allows
        ("about 500 or more", D("475"), D("Infinity"), True, False),
        ("roughly 500 or less", D("0"), D("525"), True, True),
        ("more than 5000 or equal to", D("5000"), D("Infinity"), True, False),
        ("less than 5000 or equal", D("0"), D("5000"), True, True),
        # a range of negatives runs down to the colder end
        ("from -18 °C to -34 °C", D("-34"), D("-18"), True, True),
        ("between -5 and -10 degrees", D("-10"), D("-5"), True, True),
        ("20~100", D("20"), D("100"), True, True),
        ("3 to 4 L", D("3"), D("4"), True, True),
        ("3.4pc", D("3.35"), D("3.45"), True, False),
        ("245p", D("245"), D("245"), True, True),
        ("₩5 trillion", D("4.5e12"), D("5.5e12"), True, False),
        ("a quarter-point", D("0.25"), D("0.25"), True, True),
        ("three quarters of a percentage point", D("0.75"), D("0.75"), True, True),
        # powers are notation, read exactly; scientific notation keeps its mantissa's rounding
        ("2^10", D("1024"), D("1024"), True, True),
        ("8x2^10", D("8192"), D("8192"), True, True),
        ("10^6", D("1e6"), D("1e6"), True, True),
        ("10⁶ tonnes", D("1e6"), D("1e6"), True, True),
        ("2.5×10⁻³", D("0.00245"), D("0.00255"), True, False),
        ("-2500^-1", D("-0.0004"), D("-0.0004"), True, True),
        ("1.1^23", D("1.1") ** 23, D("1.1") ** 23, True, True),
    ],
)
def test_strict_readings_of_corpus_forms(
    text: str, low: D, high: D, low_closed: bool, high_closed: bool
) -> None:
    s = parse_figure(text).strict
    assert (s.low, s.high, s.low_closed, s.high_closed) == (low, high, low_closed, high_closed)


@pytest.mark.parametrize(
    "text",
    [
        "twenty fifth",  # an ordinal: a singular denominator takes only "one"
        "five hundredth",
        "100 yen 50",  # yen have no cents
        "15 dollars 5",  # "5" is not "05"
        "from 5 to -3",  # a range crossing zero still runs one way
    ],
)
def test_forms_that_stay_unreadable(text: str) -> None:
    with pytest.raises(UnreadableFigure):
        parse_figure(text)


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["about", "nearly", "some"]))
def test_a_hedge_and_a_bound_allow_what_each_allows(n: int, hedge: str) -> None:
    both = parse_figure(f"{hedge} {n} or more").strict
    alone = parse_figure(f"{hedge} {n}").strict
    bound = parse_figure(f"{n} or more").strict
    for part in (alone, bound):
        assert both.low <= part.low and both.high >= part.high


def test_a_power_that_is_no_decimal_is_enclosed() -> None:
    s = parse_figure("3^-1").strict
    assert Fraction(s.low) < Fraction(1, 3) < Fraction(s.high)
    assert s.high - s.low < D("1e-70")
    with pytest.raises(UnreadableFigure):
        parse_figure("0^-1")
