"""Readings as people read them: scaled where that is exact, never a rounded 'exactly'."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from toolkit.check.explain import format_interval
from toolkit.figures.interval import Interval


@pytest.mark.parametrize(
    ("interval", "unit", "shown"),
    [
        (Interval(D(30), D(30), True, True), None, "exactly 30"),
        (Interval(D(4_300_000), D(4_300_000), True, True), None, "exactly 4.3 million"),
        (Interval(D(32_014_110), D(32_014_110), True, True), None, "exactly 32,014,110"),
        (Interval(D(4_250_000), D(4_350_000), True, False), None, "4.25–4.35 million"),
        (Interval(D(1300), D("Infinity"), False, False), None, "more than 1,300"),
        (Interval(D("36.5"), D("37.5"), True, False), "%", "36.5–37.5%"),
    ],
)
def test_format_interval(interval: Interval, unit: str | None, shown: str) -> None:
    assert format_interval(interval, unit) == shown
