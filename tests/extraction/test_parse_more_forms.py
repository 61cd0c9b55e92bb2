"""Forms the figure parser reads since the number-words split: errors, two bounds, cents, lakh."""

from __future__ import annotations

from decimal import Decimal as D

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
    ["44 mg to 50 km", "more than 30 and fewer than 20", "about 9.83 ± 0.02", "twenty twenty-one x"],
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
