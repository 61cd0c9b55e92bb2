"""Vectorised interval arithmetic: a rule compiled to columns, one row per table row.

Every numeric expression becomes a ``Node``: a pair of float columns ``lo``/``hi``
and an error bound ``err`` on both. The code is written once against ``Ops`` (a
handful of functions every engine has: ``where``, ``least``, ``greatest``,
``abs``) and ordinary operators, so polars expressions, numpy arrays and Spark
columns all run the same arithmetic.

Floats are not the exact decimals of ``toolkit.rules.evaluate``. The scalar
semantics are matched this way:

* a node is ``exact`` (statically) when it is built from integer cells and
  whole literals by ``+ - *`` — its bounds are exact closed integers (rows
  whose magnitudes reach 2**50 are sent to the exact path), so ties decide
  exactly;
* otherwise each comparison margin within the error bound is a *near* row:
  the caller re-evaluates it exactly (``toolkit.validate.exact``). Far from
  a tie the float answer is the exact answer.

Three-valued results are small integers: FALSE 0, UNKNOWN 1, TRUE 2, so
``and`` is ``least``, ``or`` is ``greatest`` and ``not`` is ``2 - x``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from toolkit.rules.syntax import Binary, Call, Compare, Expr, Logic, Name, Negate, Not, Number

__all__ = ["FALSE", "TRUE", "UNKNOWN", "Compiled", "Node", "Ops", "compile_rule", "needs_exact"]

FALSE, UNKNOWN, TRUE = 0, 1, 2
EPS = 2.0**-52
#: Integers at or beyond this magnitude are no longer exact after a few float operations.
BIG = 2.0**50
_SAFETY = 4.0


class Ops(Protocol):
    """What an engine supplies besides ``+ - * / < <= == & | ~``."""

    def lit(self, value: float) -> Any: ...
    def where(self, cond: Any, then: Any, otherwise: Any) -> Any: ...
    def least(self, *xs: Any) -> Any: ...
    def greatest(self, *xs: Any) -> Any: ...
    def abs(self, x: Any) -> Any: ...
    def false(self) -> Any: ...
    def pow10(self, x: Any) -> Any: ...
    def bind(self, x: Any) -> Any:
        """Materialise ``x`` (polars: a column computed once), so trees do not repeat work."""
        ...


@dataclass(frozen=True)
class Node:
    """A numeric expression's interval per row; ``err`` bounds the float error of both ends."""

    lo: Any
    hi: Any
    err: Any  # a column, or the float 0.0 for exact nodes
    exact: bool  # exact closed integer bounds (ties decidable)
    maybe_point: Any  # may be a single value (decides == TRUE): a bool or a boolean column
    big: Any  # rows where exactness is lost (|bound| ≥ 2**50), or None
    #: ``big`` already flags every row where ``|lo|`` or ``|hi|`` reaches 2**50, so a
    #: comparison need not check the magnitude again.
    bounded: bool = False


@dataclass(frozen=True)
class Compiled:
    """A rule's result columns: ``tri`` (0/1/2), ``near`` and ``divzero`` (booleans)."""

    tri: Any
    near: Any
    divzero: Any


def needs_exact(expr: Expr) -> bool:
    """Rules the vectorised path does not cover (``grim``) are evaluated row by row."""
    if isinstance(expr, Call):
        return expr.function == "grim" or any(needs_exact(a) for a in expr.args)
    if isinstance(expr, Compare | Logic):
        return any(needs_exact(o) for o in expr.operands)
    if isinstance(expr, Not | Negate):
        return needs_exact(expr.operand)
    if isinstance(expr, Binary):
        return needs_exact(expr.left) or needs_exact(expr.right)
    return False


def _both(a: Any, b: Any) -> Any:
    """``a and b`` for flags that are Python booleans or boolean columns."""
    if a is False or b is False:
        return False
    if a is True:
        return b
    if b is True:
        return a
    return a & b


def _all(flags: list[Any]) -> Any:
    out: Any = True
    for flag in flags:
        out = _both(out, flag)
    return out


class _Builder:
    def __init__(self, ops: Ops, leaf: Callable[[str], Node]) -> None:
        self.ops = ops
        self.leaf = leaf
        self.near: list[Any] = []
        self.divzero: list[Any] = []

    def node(
        self, lo: Any, hi: Any, err: Any, exact: bool, point: Any, big: Any, bounded: bool = False
    ) -> Node:
        b = self.ops.bind
        e = err if isinstance(err, float) else b(err)
        return Node(b(lo), b(hi), e, exact, point, big, bounded)

    # -- numbers ---------------------------------------------------------
    def value(self, expr: Expr) -> Node:
        o = self.ops
        if isinstance(expr, Name):
            return self.leaf(expr.name)
        if isinstance(expr, Number):
            v = float(expr.value)
            whole = expr.value == expr.value.to_integral_value() and abs(v) < BIG
            err = 0.0 if whole else EPS * abs(v) * _SAFETY
            return Node(o.lit(v), o.lit(v), err, whole, True, None, abs(v) < BIG)
        if isinstance(expr, Negate):
            a = self.value(expr.operand)
            return Node(-a.hi, -a.lo, a.err, a.exact, a.maybe_point, a.big, a.bounded)
        if isinstance(expr, Binary):
            a, b = self.value(expr.left), self.value(expr.right)
            return {"+": self.add, "-": self.sub, "*": self.mul, "/": self.div}[expr.op](a, b)
        if isinstance(expr, Call):
            return self.call(expr.function, [self.value(a) for a in expr.args])
        raise TypeError(f"not a number: {expr!r}")

    def _mag(self, a: Node) -> Any:
        return self.ops.greatest(self.ops.abs(a.lo), self.ops.abs(a.hi))

    def _big(self, *parts: Any) -> Any:
        found = [p for p in parts if p is not None]
        if not found:
            return None
        out = found[0]
        for p in found[1:]:
            out = out | p
        return out

    def _err(self, a: Node, b: Node, extra: Any) -> Any:
        if a.exact and b.exact:
            return 0.0
        return a.err + b.err + extra

    def add(self, a: Node, b: Node) -> Node:
        exact = a.exact and b.exact
        err = self._err(a, b, (self._mag(a) + self._mag(b)) * (EPS * _SAFETY))
        return self.node(a.lo + b.lo, a.hi + b.hi, err, exact, _both(a.maybe_point, b.maybe_point),
                    self._big(a.big, b.big))  # fmt: skip

    def sub(self, a: Node, b: Node) -> Node:
        return self.add(a, Node(-b.hi, -b.lo, b.err, b.exact, b.maybe_point, b.big))

    def mul(self, a: Node, b: Node) -> Node:
        o = self.ops
        ends = (a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)
        lo, hi = o.least(*ends), o.greatest(*ends)
        exact = a.exact and b.exact
        ma, mb = self._mag(a), self._mag(b)
        err = 0.0 if exact else ma * b.err + mb * a.err + a.err * b.err + ma * mb * (EPS * _SAFETY)
        big = self._big(a.big, b.big, (ma * mb >= BIG) if exact else None)
        # Exact: |lo|, |hi| ≤ ma * mb, which ``big`` checks.
        return self.node(lo, hi, err, exact, _both(a.maybe_point, b.maybe_point), big, exact)

    def div(self, a: Node, b: Node) -> Node:
        o = self.ops
        zero = o.bind((b.lo <= 0.0) & (b.hi >= 0.0))
        self.divzero.append(zero)
        if not b.exact:
            # An end within its error of zero: the exact reading may or may not contain 0.
            self.near.append((o.abs(b.lo) <= b.err * 2.0) | (o.abs(b.hi) <= b.err * 2.0))
        safe_lo = o.where(zero, o.lit(1.0), b.lo)
        safe_hi = o.where(zero, o.lit(1.0), b.hi)
        ends = (a.lo / safe_lo, a.lo / safe_hi, a.hi / safe_lo, a.hi / safe_hi)
        lo, hi = o.least(*ends), o.greatest(*ends)
        mq = o.greatest(o.abs(lo), o.abs(hi))
        minb = o.least(o.abs(safe_lo), o.abs(safe_hi))
        room = o.where(minb > b.err * 2.0, minb - b.err, o.lit(1.0))
        if not b.exact:
            self.near.append(minb <= b.err * 2.0)
        err = (a.err + mq * b.err) / room + mq * (EPS * _SAFETY)
        return self.node(
            lo, hi, err, False, _both(a.maybe_point, b.maybe_point), self._big(a.big, b.big)
        )

    def call(self, fn: str, args: list[Node]) -> Node:
        o = self.ops
        if fn == "sum":
            out = args[0]
            for arg in args[1:]:
                out = self.add(out, arg)
            return out
        if fn in ("min", "max"):
            pick = o.least if fn == "min" else o.greatest
            exact = all(a.exact for a in args)
            err: Any = 0.0
            if not exact:
                for a in args:
                    err = err + a.err
            return self.node(pick(*(a.lo for a in args)), pick(*(a.hi for a in args)), err, exact,
                        _all([a.maybe_point for a in args]),
                        self._big(*(a.big for a in args)))  # fmt: skip
        if fn == "abs":
            a = args[0]
            lo = o.where(a.lo >= 0.0, a.lo, o.where(a.hi <= 0.0, -a.hi, o.lit(0.0)))
            hi = o.where(a.lo >= 0.0, a.hi, o.where(a.hi <= 0.0, -a.lo, self._mag(a)))
            return self.node(lo, hi, a.err, a.exact, a.maybe_point, a.big)
        h = Node(o.lit(100.0), o.lit(100.0), 0.0, True, True, None)
        one = Node(o.lit(1.0), o.lit(1.0), 0.0, True, True, None)
        if fn == "pct":
            return self.mul(self.div(args[0], args[1]), h)
        if fn == "pct_change":
            old, new = args
            return self.mul(self.sub(self.div(new, old), one), h)
        raise TypeError(f"unknown function {fn}")

    # -- conditions ------------------------------------------------------
    def condition(self, expr: Expr) -> Any:
        o = self.ops
        if isinstance(expr, Compare):
            values = [self.value(x) for x in expr.operands]
            out: Any = None
            for op, a, b in zip(expr.ops, values, values[1:], strict=False):
                tri = self.compare(op, a, b)
                out = tri if out is None else o.least(out, tri)
            return out
        if isinstance(expr, Logic):
            parts = [self.condition(x) for x in expr.operands]
            return (o.least if expr.op == "and" else o.greatest)(*parts)
        if isinstance(expr, Not):
            return o.lit(2.0) - self.condition(expr.operand)
        raise TypeError(f"not a condition: {expr!r}")

    def compare(self, op: str, a: Node, b: Node) -> Any:
        if op == ">":
            return self.compare("<", b, a)
        if op == ">=":
            return self.compare("<=", b, a)
        o = self.ops
        exact = a.exact and b.exact
        m1 = o.bind(a.lo - b.hi)  # a entirely above b when > 0
        m2 = o.bind(b.lo - a.hi)  # a entirely below b when > 0
        big = self._big(
            a.big,
            b.big,
            None if a.bounded else self._mag(a) >= BIG,
            None if b.bounded else self._mag(b) >= BIG,
        )
        self.near.append(big)
        if not exact:
            tol = (a.err + b.err) * 2.0 + (self._mag(a) + self._mag(b)) * (EPS * _SAFETY)
            self.near.append((o.abs(m1) <= tol) | (o.abs(m2) <= tol))
        f, u, t = o.lit(float(FALSE)), o.lit(float(UNKNOWN)), o.lit(float(TRUE))
        if op == "<":
            return o.where(m1 >= 0.0, f, o.where(m2 > 0.0, t, u))
        if op == "<=":
            return o.where(m1 > 0.0, f, o.where(m2 >= 0.0, t, u))
        apart = (m1 > 0.0) | (m2 > 0.0)
        points = o.false()
        maybe = _both(a.maybe_point, b.maybe_point)
        if exact:
            points = (a.lo == a.hi) & (b.lo == b.hi)
        elif maybe is not False:
            # Both may be single values; whether they are is decided exactly.
            self.near.append(~apart if maybe is True else ~apart & maybe)
        if op == "==":
            return o.where(apart, f, o.where(points, t, u))
        if op == "!=":
            return o.where(apart, t, o.where(points, f, u))
        raise ValueError(f"unknown comparison {op}")


def compile_rule(expr: Expr, ops: Ops, leaf: Callable[[str], Node]) -> Compiled:
    """Compile a condition to its three-valued column, near-tie rows and zero-divisor rows."""
    builder = _Builder(ops, leaf)
    tri = builder.condition(expr)
    near = builder.near[0] if builder.near else ops.false()
    for extra in builder.near[1:]:
        near = near | extra
    divzero = builder.divzero[0] if builder.divzero else ops.false()
    for extra in builder.divzero[1:]:
        divzero = divzero | extra
    return Compiled(tri, near, divzero)
