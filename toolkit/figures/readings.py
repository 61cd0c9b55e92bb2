"""How a number as written becomes its strict and lenient readings.

``grammar.py`` reads the grammar of a figure into a ``Quantity`` (the number, its rounding step,
unit and kind); this module turns it into intervals and applies qualifiers ("more than",
"nearly", "about"), as documented in the README's table "How figures are read".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from toolkit.figures import words as W
from toolkit.figures.figure import Qualifier
from toolkit.figures.interval import _DOWN, _UP, INF, NEG_INF, Interval

__all__ = [
    "LENIENT_ABOUT",
    "QUALIFIERS",
    "Quantity",
    "as_percent",
    "exact",
    "fraction",
    "intersect",
    "qualify",
    "range_of",
    "rounded",
    "share_units",
    "with_unit",
]

_TWO = Decimal(2)
STRICT_ABOUT = Decimal("0.05")
LENIENT_ABOUT = Decimal("0.10")
_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number as written, before any qualifier."""

    value: Decimal
    strict: Interval
    lenient: Interval
    step: Decimal | None  # place value of the last written digit; None when exact
    unit: str | None = None
    count: bool = True  # a whole-number quantity
    point: bool = True  # names a single value (not "thousands")
    scale: Decimal = Decimal(1)  # the scale word written after it, if any
    decimals: int = 0


def with_unit(q: Quantity, unit: str | None, count: bool) -> Quantity:
    # written out rather than with ``dataclasses.replace``: every figure with a unit comes here
    return Quantity(
        q.value,
        _integer(q.strict, count),
        _integer(q.lenient, count),
        q.step,
        unit,
        count,
        q.point,
        q.scale,
        q.decimals,
    )


def _integer(interval: Interval, integer: bool) -> Interval:
    """``interval`` marked as a whole-number quantity or not."""
    if interval.integer == integer:
        return interval
    return Interval(interval.low, interval.high, interval.low_closed, interval.high_closed, integer)


def exact(value: Decimal, zero_step: Decimal | None, count: bool) -> Quantity:
    strict = Interval(value, value, True, True, count)
    lenient = strict
    if zero_step is not None:
        half = zero_step / _TWO
        lenient = Interval(value - half, value + half, True, True, count)
    return Quantity(value, strict, lenient, None, None, count)


def rounded(
    value: Decimal,
    step: Decimal,
    count: bool,
    zero_step: Decimal | None,
    scale: Decimal = Decimal(1),
    decimals: int = 0,
) -> Quantity:
    half = step / _TWO
    strict = Interval(value - half, value + half, True, False, count)
    # Rounded half-even or half-up, or truncated: [v − step/2, v + step).
    wide = max(step, zero_step or step)
    lenient = Interval(value - wide / _TWO, value + wide, True, False, count)
    return Quantity(value, strict, lenient, step, None, count, True, scale, decimals)


def fraction(low: Decimal, high: Decimal, unit: str | None) -> Quantity:
    """A fraction in words ("two thirds", "half a mile"): exact strict, 10 % either way lenient."""
    strict = Interval.make(low, high)
    lenient = Interval.make(
        _DOWN.multiply(low, 1 - LENIENT_ABOUT), _UP.multiply(high, 1 + LENIENT_ABOUT)
    )
    return Quantity(low, strict, lenient, None, unit, count=False)


def intersect(a: Interval, b: Interval) -> Interval:
    """The values in both ("more than 20 and at most 35" is (20, 35]); may be empty."""
    if a.low != b.low:
        low, lc = (a.low, a.low_closed) if a.low > b.low else (b.low, b.low_closed)
    else:
        low, lc = a.low, a.low_closed and b.low_closed
    if a.high != b.high:
        high, hc = (a.high, a.high_closed) if a.high < b.high else (b.high, b.high_closed)
    else:
        high, hc = a.high, a.high_closed and b.high_closed
    return Interval(low, high, lc, hc, a.integer and b.integer)


def as_percent(q: Quantity, unit: str) -> Quantity:
    if q.unit == "%":
        return q
    if q.step is None and q.point and q.count:
        # A whole percentage is still rounded at its last digit: "37%" is [36.5, 37.5).
        q = rounded(q.value, Decimal(1), False, None)
    return with_unit(q, unit, False)


def share_units(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    """'20 to 30 million', '$20-30bn', '20-30%': the ends share scale and unit."""
    if a.scale == 1 and b.scale > 1 and a.point:
        step = (Decimal(10) ** -a.decimals) * b.scale
        a = replace(rounded(a.value * b.scale, step, True, None), scale=b.scale, unit=a.unit)
    if a.unit is None and b.unit is not None:
        a = as_percent(a, b.unit) if b.unit in ("%", "pp") else with_unit(a, b.unit, False)
    if b.unit is None and a.unit is not None:
        b = as_percent(b, a.unit) if a.unit in ("%", "pp") else with_unit(b, a.unit, False)
    return a, b


def qualify(kind: str, q: Quantity) -> tuple[Interval, Interval]:
    s, loose, v = q.strict, q.lenient, q.value
    integer = q.count
    floor = NEG_INF if v < 0 or q.unit in W.SIGNED_UNITS else _ZERO
    step = q.step or _ZERO
    mag = abs(v)
    if kind in ("neutral", "exact"):
        if kind == "exact":
            return Interval(v, v, True, True, integer), s
        return s, loose
    if kind == "gt":
        return Interval(v, INF, False, False, integer), Interval(
            loose.low, INF, False, False, integer
        )
    if kind == "ge":
        return Interval(v, INF, True, False, integer), Interval(
            loose.low, INF, loose.low_closed, False, integer
        )
    if kind in ("lt", "lt0"):
        lo = _ZERO if kind == "lt0" and floor == NEG_INF and v > 0 else floor
        return (
            Interval(lo, v, lo.is_finite(), False, integer),
            Interval(lo, loose.high, lo.is_finite(), loose.high_closed, integer),
        )
    if kind == "le":
        return (
            Interval(floor, v, floor.is_finite(), True, integer),
            Interval(floor, loose.high, floor.is_finite(), loose.high_closed, integer),
        )
    # "nearly 2 billion" is at most half its rounding step away (strict), a whole step (lenient).
    tol_s = max(mag * STRICT_ABOUT, step / _TWO)
    tol_l = max(mag * LENIENT_ABOUT, step)
    if kind == "nearly":
        if v >= 0:
            return (
                Interval(v - tol_s, v, True, False, integer),
                Interval(v - tol_l, max(v, loose.high), True, True, integer),
            )
        return (
            Interval(v, v + tol_s, False, True, integer),
            Interval(min(v, loose.low), v + tol_l, True, True, integer),
        )
    if kind == "over_just":
        return (
            Interval(v, v + tol_s, False, True, integer),
            Interval(loose.low, v + tol_l, loose.low_closed, True, integer),
        )
    # about
    strict = s.hull(Interval(v - mag * STRICT_ABOUT, v + mag * STRICT_ABOUT, True, True, integer))
    lenient = loose.hull(
        Interval(v - mag * LENIENT_ABOUT, v + mag * LENIENT_ABOUT, True, True, integer)
    )
    return strict, lenient


def range_of(kind: str, a: Quantity, b: Quantity) -> tuple[Interval, Interval]:
    """The strict and lenient readings of a range from ``a`` to ``b`` under a qualifier.

    A range states its bounds, as "more than X" does: "5k-20k" is [5,000, 20,000] strictly;
    the ends' rounding is the lenient reading. Under a qualifier, the hull of the ends'.
    """
    s1, l1 = qualify(kind, a)
    s2, l2 = qualify(kind, b)
    strict = s1.hull(s2)
    if kind == "neutral":
        low, high = sorted((a.value, b.value))
        strict = Interval.make(low, high, True, True, s1.integer and s2.integer)
    return strict, l1.hull(l2)


QUALIFIERS: dict[str, Qualifier] = {
    "gt": ">", "ge": ">=", "lt": "<", "lt0": "<", "le": "<=", "nearly": "<",
    "over_just": ">", "about": "~", "exact": "=", "neutral": "=",
}  # fmt: skip
