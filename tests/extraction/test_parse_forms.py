"""Forms the figure parser reads since issue 3: fractions, scientific notation, more units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from toolkit.errors import UnreadableFigure
from toolkit.extraction.spans import find_spans
from toolkit.figures.parse import parse_figure, range_ends


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3/4", Decimal("0.75")),
        ("1/4 inch", Decimal("0.25")),
        ("2 1/2", Decimal("2.5")),
        ("101 1/4", Decimal("101.25")),
        ("½", Decimal("0.5")),
        ("2½", Decimal("2.5")),
        ("-4/5", Decimal("-0.8")),
        ("more than 1/2", Decimal("0.5")),
    ],
)
def test_slash_fractions_and_mixed_numbers(text: str, value: Decimal) -> None:
    assert parse_figure(text).value == value


def test_a_slash_fraction_is_exact_and_a_third_is_a_tight_interval() -> None:
    assert parse_figure("3/4").strict.width() == 0
    third = parse_figure("1/3").strict
    assert third.low * 3 <= 1 <= third.high * 3
    assert third.high - third.low < Decimal("1e-60")
    assert parse_figure("7 3/4%").strict.low == Decimal("7.75")


def test_dividing_by_zero_is_unreadable() -> None:
    with pytest.raises(UnreadableFigure):
        parse_figure("1/0")


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("1e10", Decimal("1e10"), Decimal("0.5e10"), Decimal("1.5e10")),
        ("1.3e6", Decimal("1300000"), Decimal("1250000"), Decimal("1350000")),
        ("12.32e+14", Decimal("12.32e14"), Decimal("12.315e14"), Decimal("12.325e14")),
        ("-12e-1", Decimal("-1.2"), Decimal("-1.25"), Decimal("-1.15")),
        ("2.48×10−5", Decimal("2.48e-5"), Decimal("2.475e-5"), Decimal("2.485e-5")),
        ("6.23x10^-4", Decimal("6.23e-4"), Decimal("6.225e-4"), Decimal("6.235e-4")),
    ],
)
def test_scientific_notation_is_rounded_at_its_last_digit(
    text: str, value: Decimal, low: Decimal, high: Decimal
) -> None:
    fig = parse_figure(text)
    assert fig.value == value
    assert (fig.strict.low, fig.strict.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("5 ft", "ft"), ("6 feet", "feet"), ("12 lb", "lb"), ("30 mph", "mph"), ("8 oz", "oz"),
     ("16.25 nanometers", "nanometers"), ("2.1 ml", "ml"), ("3 inches", "inches")],
)  # fmt: skip
def test_unit_abbreviations(text: str, unit: str) -> None:
    assert parse_figure(text).unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [("40 000", Decimal(40000)), ("1 414 021 100", Decimal(1414021100))],
)
def test_plain_spaces_group_thousands(text: str, value: Decimal) -> None:
    assert parse_figure(text).value == value


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("3.5–4.0 TeV", (Decimal("3.5"), Decimal("4.0"))),
        ("$20-30bn", (Decimal(20 * 10**9), Decimal(30 * 10**9))),
        ("between 20 and 30", (Decimal(20), Decimal(30))),
        ("30", None),
    ],
)
def test_range_ends_as_written(text: str, ends: tuple[Decimal, Decimal] | None) -> None:
    assert range_ends(text) == ends


@pytest.mark.parametrize(
    ("sentence", "figure", "value"),
    [
        ("The door is 2 1/2 in thick.", "2 1/2", Decimal("2.5")),
        ("A mouse gets through a 1/4 inch gap.", "1/4 inch", Decimal("0.25")),
        ("Light oscillates at 4e14 per second.", "4e14", Decimal("4e14")),
        ("a factor of 2.48×10−5, with", "2.48×10−5", Decimal("2.48e-5")),
        ("The answer is minus 5.", "minus 5", Decimal(-5)),
        ("China has 1 414 021 100 people.", "1 414 021 100", Decimal(1414021100)),
        ("Add ½ cup of sugar.", "½", Decimal("0.5")),
    ],
)
def test_find_spans_reads_the_new_forms(sentence: str, figure: str, value: Decimal) -> None:
    spans = [s for s in find_spans(sentence) if s.kind == "figure"]
    assert [(s.text, s.figure.value if s.figure else None) for s in spans] == [(figure, value)]


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        ("The shop is open 24/7.", ["24/7"]),
        ("They ran the 5 100-metre races.", ["5", "100-metre"]),
        ("The number 1/0 is not a value.", ["number 1"]),
    ],
)
def test_forms_that_are_not_fractions_or_groups(sentence: str, texts: list[str]) -> None:
    assert [s.text for s in find_spans(sentence)] == texts


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("40.3C", Decimal("40.3"), "°c"),
        ("-5C", Decimal("-5"), "°c"),
        ("98.6F", Decimal("98.6"), "°f"),
    ],
)
def test_temperatures_with_a_bare_c_or_f(text: str, value: Decimal, unit: str) -> None:
    figure = parse_figure(text)
    assert (figure.value, figure.unit) == (value, unit)


def test_under_a_temperature_can_go_below_zero() -> None:
    assert parse_figure("under 5C").strict.low.is_infinite()
