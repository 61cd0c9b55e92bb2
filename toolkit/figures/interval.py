"""Intervals of exact decimals with open or closed ends, and their arithmetic.

Bounds are ``Decimal`` (``-Infinity``/``Infinity`` for unbounded ends).
Sums of decimals are exact at the working precision; quotients are rounded
*outward* (lower bounds down, upper bounds up), so every result encloses the
true set of values: the arithmetic may widen, never narrow. That is what
makes an ``inconsistent`` verdict trustworthy.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

__all__ = ["EXACT", "INF", "NEG_INF", "DivisionByZeroInterval", "Interval"]

INF = Decimal("Infinity")
NEG_INF = Decimal("-Infinity")
_PREC = 80
#: The context for exact work: wide enough that sums and products of stated figures never round.
EXACT = Context(prec=_PREC, Emax=10**6, Emin=-(10**6))
_DOWN = Context(prec=_PREC, rounding=ROUND_FLOOR, Emax=10**6, Emin=-(10**6))
_UP = Context(prec=_PREC, rounding=ROUND_CEILING, Emax=10**6, Emin=-(10**6))
_ZERO = Decimal(0)


class DivisionByZeroInterval(ArithmeticError):
    """The divisor's interval contains zero, so the quotient is unbounded or undefined."""


def _mul(ctx: Context, a: Decimal, b: Decimal) -> Decimal:
    # 0 × ∞ is 0 here: an endpoint at zero times an unbounded end adds no values.
    if (a == 0 and b.is_infinite()) or (b == 0 and a.is_infinite()):
        return _ZERO
    return ctx.multiply(a, b)


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of real numbers between ``low`` and ``high``.

    ``integer`` marks whole-number quantities (counts): their open ends are
    tightened to the nearest whole numbers inside.
    """

    low: Decimal
    high: Decimal
    low_closed: bool = True
    high_closed: bool = True
    integer: bool = False

    @staticmethod
    def point(value: Decimal, integer: bool = False) -> Interval:
        return Interval(value, value, True, True, integer and value == value.to_integral_value())

    @staticmethod
    def make(
        low: Decimal,
        high: Decimal,
        low_closed: bool = True,
        high_closed: bool = True,
        integer: bool = False,
    ) -> Interval:
        """Build an interval, tightening a whole-number one to whole ends."""
        if low.is_infinite():
            low_closed = False
        if high.is_infinite():
            high_closed = False
        if integer:
            if low.is_finite():
                ceil = low.to_integral_value(rounding=ROUND_CEILING)
                if ceil == low and not low_closed:
                    ceil += 1
                low, low_closed = ceil, True
            if high.is_finite():
                floor = high.to_integral_value(rounding=ROUND_FLOOR)
                if floor == high and not high_closed:
                    floor -= 1
                high, high_closed = floor, True
        return Interval(low, high, low_closed, high_closed, integer)

    # -- questions -------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        if self.low > self.high:
            return True
        return self.low == self.high and not (self.low_closed and self.high_closed)

    @property
    def is_point(self) -> bool:
        return self.low == self.high and self.low_closed and self.high_closed

    def contains(self, value: Decimal) -> bool:
        above = value > self.low or (value == self.low and self.low_closed)
        below = value < self.high or (value == self.high and self.high_closed)
        return above and below

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both."""
        if self.low < other.low:
            low, lc = self.low, self.low_closed
        elif other.low < self.low:
            low, lc = other.low, other.low_closed
        else:
            low, lc = self.low, self.low_closed or other.low_closed
        if self.high > other.high:
            high, hc = self.high, self.high_closed
        elif other.high > self.high:
            high, hc = other.high, other.high_closed
        else:
            high, hc = self.high, self.high_closed or other.high_closed
        return Interval(low, high, lc, hc, self.integer and other.integer)

    # -- arithmetic ------------------------------------------------------
    def __neg__(self) -> Interval:
        # copy_negate is exact; unary minus would round to the ambient context.
        return Interval(
            self.high.copy_negate(),
            self.low.copy_negate(),
            self.high_closed,
            self.low_closed,
            self.integer,
        )

    def __add__(self, other: Interval) -> Interval:
        low, high = _DOWN.add(self.low, other.low), _UP.add(self.high, other.high)
        lc, hc = self.low_closed and other.low_closed, self.high_closed and other.high_closed
        if self.integer and other.integer:
            return Interval.make(low, high, lc, hc, True)
        return Interval(low, high, lc and low.is_finite(), hc and high.is_finite())

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        if self.low > 0 and other.low > 0:
            # Both positive (most figures): the product is monotone in each end, so the
            # low ends give the low end and the high ends the high one, closed as they are.
            low, high = _DOWN.multiply(self.low, other.low), _mul(_UP, self.high, other.high)
            lc, hc = self.low_closed and other.low_closed, self.high_closed and other.high_closed
            if self.integer and other.integer:
                return Interval.make(low, high, lc, hc, True)
            return Interval(low, high, lc, hc and high.is_finite())
        return self._mul_general(other)

    def _mul_general(self, other: Interval) -> Interval:
        ends = (
            (self.low, self.low_closed, other.low, other.low_closed),
            (self.low, self.low_closed, other.high, other.high_closed),
            (self.high, self.high_closed, other.low, other.low_closed),
            (self.high, self.high_closed, other.high, other.high_closed),
        )
        lows = [(_mul(_DOWN, a, b), ac and bc) for a, ac, b, bc in ends]
        highs = [(_mul(_UP, a, b), ac and bc) for a, ac, b, bc in ends]
        low = min(v for v, _ in lows)
        high = max(v for v, _ in highs)
        low_closed = any(c for v, c in lows if v == low)
        high_closed = any(c for v, c in highs if v == high)
        if low == 0 and self._zero_attained(other):
            low_closed = True
        if high == 0 and self._zero_attained(other):
            high_closed = True
        if self.integer and other.integer:
            return Interval.make(low, high, low_closed, high_closed, True)
        return Interval(low, high, low_closed and low.is_finite(), high_closed and high.is_finite())

    def _zero_attained(self, other: Interval) -> bool:
        return self.contains(_ZERO) or other.contains(_ZERO)

    def reciprocal(self) -> Interval:
        if self.contains(_ZERO) or (self.low < 0 < self.high):
            raise DivisionByZeroInterval(self)
        if self.is_empty:
            return self
        # 0 is at most an open end here, so its reciprocal end is unbounded.
        if self.low == 0:
            high, hc = INF, False
        else:
            high, hc = _UP.divide(1, self.low), self.low_closed
        if self.high == 0:
            low, lc = NEG_INF, False
        else:
            low, lc = _DOWN.divide(1, self.high), self.high_closed
        if self.low.is_infinite() or self.high.is_infinite():
            # 1/±∞ is 0, never reached.
            if self.high.is_infinite():
                low, lc = _ZERO, False
            if self.low.is_infinite():
                high, hc = _ZERO, False
        return Interval.make(low, high, lc, hc)

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains(_ZERO):
            raise DivisionByZeroInterval(other)
        if other.is_point and self.is_point:
            return Interval.make(_DOWN.divide(self.low, other.low), _UP.divide(self.low, other.low))
        return Interval(self.low, self.high, self.low_closed, self.high_closed) * other.reciprocal()

    def abs(self) -> Interval:
        if self.low >= 0:
            return self
        if self.high <= 0:
            return -self
        high = max(self.low.copy_negate(), self.high)
        hc = (self.high_closed if high == self.high else False) or (
            self.low_closed if high == self.low.copy_negate() else False
        )
        return Interval(_ZERO, high, True, hc, self.integer)

    def minimum(self, other: Interval) -> Interval:
        # min(x, y) reaches a shared low end if either side does, a shared high end only if both do.
        low, lc = _lesser(self.low, self.low_closed, other.low, other.low_closed, either=True)
        high, hc = _lesser(self.high, self.high_closed, other.high, other.high_closed, either=False)
        return Interval(low, high, lc, hc, self.integer and other.integer)

    def maximum(self, other: Interval) -> Interval:
        return -((-self).minimum(-other))

    def width(self) -> Decimal:
        return _UP.subtract(self.high, self.low)

    def integers(self) -> range | None:
        """The whole numbers inside, or None when unbounded."""
        if self.low.is_infinite() or self.high.is_infinite():
            return None
        tight = Interval.make(self.low, self.high, self.low_closed, self.high_closed, True)
        if tight.is_empty:
            return range(0)
        return range(int(tight.low), int(tight.high) + 1)


def _lesser(a: Decimal, ac: bool, b: Decimal, bc: bool, *, either: bool) -> tuple[Decimal, bool]:
    if a < b:
        return a, ac
    if b < a:
        return b, bc
    return a, (ac or bc) if either else (ac and bc)
