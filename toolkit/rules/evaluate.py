"""Evaluate a rule over intervals in three-valued logic.

A condition over intervals is ``TRUE`` when it holds for every combination
of values, ``FALSE`` when it holds for none, and ``UNKNOWN`` otherwise. The
arithmetic over-approximates (a claim used twice is treated as two
independent values), which can only turn ``FALSE`` into ``UNKNOWN`` — never
the reverse — so a ``FALSE`` here is a proof.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from decimal import Decimal

from toolkit.figures.interval import _DOWN, _UP, Interval
from toolkit.rules.syntax import Binary, Call, Compare, Expr, Logic, Name, Negate, Not, Number

__all__ = ["GRIM_LIMIT", "Tri", "evaluate", "value_of"]

#: Beyond this many possible counts the GRIM test says nothing (it cannot fail).
GRIM_LIMIT = 100_000
_HUNDRED = Interval(Decimal(100), Decimal(100))
_ONE = Interval(Decimal(1), Decimal(1))


class Tri(enum.Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    def __invert__(self) -> Tri:
        if self is Tri.TRUE:
            return Tri.FALSE
        if self is Tri.FALSE:
            return Tri.TRUE
        return Tri.UNKNOWN


def value_of(
    expr: Expr, env: Mapping[str, Interval], memo: dict[int, Interval] | None = None
) -> Interval:
    """The interval of a numeric expression. Raises ``DivisionByZeroInterval``.

    ``memo`` (keyed by node identity, for one ``env``) lets an explanation reuse the
    values an evaluation has just computed.
    """
    if isinstance(expr, Name):
        return env[expr.name]
    if memo is not None:
        key = id(expr)
        found = memo.get(key)
        if found is None:
            found = memo[key] = value_of(expr, env)
        return found
    if isinstance(expr, Number):
        return Interval.point(expr.value, integer=True)
    if isinstance(expr, Negate):
        return -value_of(expr.operand, env)
    if isinstance(expr, Binary):
        left, right = value_of(expr.left, env), value_of(expr.right, env)
        return _BINARY[expr.op](left, right)
    if isinstance(expr, Call):
        args = [value_of(a, env) for a in expr.args]
        return _call(expr.function, args)
    raise TypeError(f"not a number: {expr!r}")  # the parser keeps conditions out of arithmetic


_BINARY: dict[str, Callable[[Interval, Interval], Interval]] = {
    "+": Interval.__add__,
    "-": Interval.__sub__,
    "*": Interval.__mul__,
    "/": Interval.__truediv__,
}


def _call(fn: str, args: list[Interval]) -> Interval:
    if fn == "sum":
        total = args[0]
        for arg in args[1:]:
            total = total + arg
        return total
    if fn == "min":
        out = args[0]
        for arg in args[1:]:
            out = out.minimum(arg)
        return out
    if fn == "max":
        out = args[0]
        for arg in args[1:]:
            out = out.maximum(arg)
        return out
    if fn == "abs":
        return args[0].abs()
    if fn == "pct":
        return (args[0] / args[1]) * _HUNDRED
    if fn == "pct_change":
        old, new = args
        # (new / old − 1) · 100 uses each figure once, so the interval stays tight.
        return (new / old - _ONE) * _HUNDRED
    raise TypeError(f"unknown function {fn}")


def evaluate(
    expr: Expr, env: Mapping[str, Interval], memo: dict[int, Interval] | None = None
) -> Tri:
    """Decide a condition over the intervals in ``env``. Raises ``DivisionByZeroInterval``."""
    if isinstance(expr, Compare):
        values = [value_of(o, env, memo) for o in expr.operands]
        result = Tri.TRUE
        for op, left, right in zip(expr.ops, values, values[1:], strict=False):
            result = _and(result, compare(op, left, right))
            if result is Tri.FALSE:
                break
        return result
    if isinstance(expr, Logic):
        results = [evaluate(o, env, memo) for o in expr.operands]
        if expr.op == "and":
            out = Tri.TRUE
            for r in results:
                out = _and(out, r)
            return out
        if any(r is Tri.TRUE for r in results):
            return Tri.TRUE
        return Tri.FALSE if all(r is Tri.FALSE for r in results) else Tri.UNKNOWN
    if isinstance(expr, Not):
        return ~evaluate(expr.operand, env, memo)
    if isinstance(expr, Call) and expr.function == "grim":
        percent, count = (value_of(a, env, memo) for a in expr.args)
        return grim(percent, count)
    raise TypeError(f"not a condition: {expr!r}")


def _and(a: Tri, b: Tri) -> Tri:
    if Tri.FALSE in (a, b):
        return Tri.FALSE
    if a is Tri.TRUE and b is Tri.TRUE:
        return Tri.TRUE
    return Tri.UNKNOWN


def _tight(iv: Interval) -> Interval:
    if not iv.integer or (
        (iv.low_closed or iv.low.is_infinite()) and (iv.high_closed or iv.high.is_infinite())
    ):
        return iv
    return Interval.make(iv.low, iv.high, iv.low_closed, iv.high_closed, True)


def compare(op: str, a: Interval, b: Interval) -> Tri:
    """Three-valued ``a op b`` over every pair of values in ``a`` and ``b``."""
    a, b = _tight(a), _tight(b)
    if a.is_empty or b.is_empty:
        return Tri.FALSE
    if op == "<":
        if a.low > b.high or (a.low == b.high):
            return Tri.FALSE
        if a.high < b.low or (a.high == b.low and not (a.high_closed and b.low_closed)):
            return Tri.TRUE
        return Tri.UNKNOWN
    if op == "<=":
        if a.low > b.high or (a.low == b.high and not (a.low_closed and b.high_closed)):
            return Tri.FALSE
        return Tri.TRUE if a.high <= b.low else Tri.UNKNOWN
    if op == ">":
        return compare("<", b, a)
    if op == ">=":
        return compare("<=", b, a)
    overlap = _overlap(a, b)
    if op == "==":
        if not overlap:
            return Tri.FALSE
        return Tri.TRUE if a.is_point and b.is_point else Tri.UNKNOWN
    if op == "!=":
        if not overlap:
            return Tri.TRUE
        return Tri.FALSE if a.is_point and b.is_point else Tri.UNKNOWN
    raise ValueError(f"unknown comparison {op}")


def _overlap(a: Interval, b: Interval) -> bool:
    if a.high < b.low or b.high < a.low:
        return False
    if a.high == b.low:
        return a.high_closed and b.low_closed
    if b.high == a.low:
        return b.high_closed and a.low_closed
    return True


def grim(percent: Interval, count: Interval) -> Tri:
    """Can some whole k of some whole n in ``count`` give a percentage in ``percent``?

    FALSE only when no such pair exists; counts too many to enumerate give UNKNOWN.
    """
    counts = count.integers()
    if counts is None or len(counts) > GRIM_LIMIT:
        return Tri.UNKNOWN
    for n in counts:
        if n <= 0:
            continue
        lo = _DOWN.divide(_DOWN.multiply(percent.low, n), 100) if percent.low.is_finite() else None
        hi = _UP.divide(_UP.multiply(percent.high, n), 100) if percent.high.is_finite() else None
        k_min = 0 if lo is None else math.ceil(lo)
        if lo is not None and k_min == lo and not percent.low_closed:
            k_min += 1
        k_max = n if hi is None else math.floor(hi)
        if hi is not None and k_max == hi and not percent.high_closed:
            k_max -= 1
        if max(k_min, 0) <= min(k_max, n):
            if percent.is_point and count.is_point:
                return Tri.TRUE
            return Tri.UNKNOWN
    return Tri.FALSE
