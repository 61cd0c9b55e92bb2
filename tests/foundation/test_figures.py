from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest

from toolkit import parse_figure
from toolkit.errors import UnreadableFigure

INF = None


def ends(text: str) -> tuple[object, ...]:
    f = parse_figure(text)
    s = f.strict

    def n(x: D) -> object:
        return None if x.is_infinite() else x

    return (n(s.low), n(s.high), s.low_closed, s.high_closed, f.qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30", (D(30), D(30), True, True, "=")),
        ("1,250", (D(1250), D(1250), True, True, "=")),
        ("4.3 million", (D(4_250_000), D(4_350_000), True, False, "=")),
        ("4.3m", (D(4_250_000), D(4_350_000), True, False, "=")),
        ("37%", (D("36.5"), D("37.5"), True, False, "=")),
        ("37 per cent", (D("36.5"), D("37.5"), True, False, "=")),
        ("more than 1,300", (D(1300), INF, False, False, ">")),
        ("over 1,300", (D(1300), INF, False, False, ">")),
        ("at least 5", (D(5), INF, True, False, ">=")),
        ("no fewer than 5", (D(5), INF, True, False, ">=")),
        ("fewer than 100", (D(0), D(100), True, False, "<")),
        ("up to 90 days", (D(0), D(90), True, True, "<=")),
        ("nearly 40%", (D(38), D(40), True, False, "<")),
        ("almost 1,000", (D(950), D(1000), True, False, "<")),
        ("about 200", (D(190), D(210), True, True, "~")),
        ("between 20 and 30", (D(20), D(30), True, True, "=")),
        ("20-30", (D(20), D(30), True, True, "=")),
        ("20 to 30", (D(20), D(30), True, True, "=")),
        # a range states its bounds: the ends as written, not their rounding
        ("between 4 and 5 million", (D(4_000_000), D(5_000_000), True, True, "=")),
        ("5k-20k", (D(5000), D(20000), True, True, "=")),
        ("3.5-4.0", (D("3.5"), D("4.0"), True, True, "=")),
        ("from -18 to -34", (D(-34), D(-18), True, True, "=")),
        ("four", (D(4), D(4), True, True, "=")),
        ("forty-two", (D(42), D(42), True, True, "=")),
        ("a dozen", (D(12), D(12), True, True, "=")),
        ("one in five", (D(20), D(20), True, True, "=")),
        ("three out of four", (D(75), D(75), True, True, "=")),
        ("half", (D(50), D(50), True, True, "=")),
        ("−3.5%", (D("-3.55"), D("-3.45"), False, True, "=")),
        ("-12", (D(-12), D(-12), True, True, "=")),
        ("$4.3bn", (D(4_250_000_000), D(4_350_000_000), True, False, "=")),
        ("1\u00a0300", (D(1300), D(1300), True, True, "=")),
        ("１２３", (D(123), D(123), True, True, "=")),
    ],
)
def test_strict_reading(text: str, expected: tuple[object, ...]) -> None:
    assert ends(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1,300", D(1250), D(1350)),  # trailing zeros may be rounding
        ("4.3 million", D(4_250_000), D(4_400_000)),  # or truncation
        ("1,250", D(1245), D(1255)),
        ("17", D(17), D(17)),
        ("one in five", D(18), D(22)),
        ("between 4 and 5 million", D(3_500_000), D(6_000_000)),  # the ends' own readings
    ],
)
def test_lenient_reading(text: str, low: D, high: D) -> None:
    lenient = parse_figure(text).lenient
    assert (lenient.low, lenient.high) == (low, high)


def test_units_and_values() -> None:
    assert parse_figure("4.3 million").value == D(4_300_000)
    assert parse_figure("between 20 and 30").value is None
    assert parse_figure("$4.3bn").unit == "$"
    assert parse_figure("€10 million").unit == "€"
    assert parse_figure("37%").unit == "%"
    assert parse_figure("2.5 percentage points").unit == "pp"
    assert parse_figure("90 days").unit == "days"
    assert parse_figure("one in five").unit == "%"


def test_large_integers_stay_exact() -> None:
    big = 2**53 + 1
    f = parse_figure(f"{big:,}")
    assert f.strict.low == f.strict.high == D(big)
    assert f.value == D(big)


def test_a_third_is_enclosed_exactly() -> None:
    s = parse_figure("a third").strict
    assert Fraction(s.low) <= Fraction(100, 3) <= Fraction(s.high)
    assert Fraction(s.high) - Fraction(s.low) < Fraction(1, 10**70)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "4.3 milion",
            "unknown scale word 'milion', in '4.3 milion' at column 5. Did you mean 'million'?",
        ),
        (
            "",
            "no figure to read, in '' at column 1. "
            "Write a number such as '4.3 million' or 'more than 1,300'.",
        ),
        ("4,3 million", "thousands separators must group three digits in '4,3'"),
        (
            "4.3 million foreigners",
            "could not read 'foreigners', in '4.3 million foreigners' at column 13",
        ),
        ("more than", "a number is missing"),
        ("30 to 20", "the range runs backwards"),
    ],
)
def test_unreadable_figures_say_what_and_where(text: str, message: str) -> None:
    with pytest.raises(UnreadableFigure) as err:
        parse_figure(text)
    assert message in str(err.value)
