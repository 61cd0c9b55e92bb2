"""One row, one rule, in exact decimals: the scalar semantics of ``check``, and the explanation.

The vectorised engines send here the rows they cannot decide in floats (near
ties, cells that are not plain numbers such as ``12%`` or ``4.3 million``,
``grim``), and every failing row that is reported, for its explanation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from toolkit.check.explain import comparison_word, format_number
from toolkit.check.report import Verdict
from toolkit.errors import UnreadableFigure
from toolkit.figures import DivisionByZeroInterval, Interval, parse_figure
from toolkit.rules.evaluate import Tri, evaluate, value_of
from toolkit.rules.show import show
from toolkit.rules.syntax import Compare, Expr, names

__all__ = ["RowVerdict", "explain_row", "judge_row", "readings"]

#: A whole number as an integer column's cell is written (no sign on zero, no leading zero),
#: short enough for exact ``Decimal`` sums in the default context.
_WHOLE = re.compile(r"0|-?[1-9]\d{0,17}")


@dataclass(frozen=True, slots=True)
class RowVerdict:
    """A row's verdict on a rule; ``unreadable`` names a cell that is not a number."""

    verdict: Verdict
    unreadable: str | None = None


def readings(
    expr: Expr, cells: Mapping[str, str | None]
) -> tuple[dict[str, Interval], dict[str, Interval]] | str | None:
    """Strict and lenient intervals of the cells a rule names; None if one is empty.

    Returns a message (str) when a cell cannot be read as a number.
    """
    strict: dict[str, Interval] = {}
    lenient: dict[str, Interval] = {}
    for name in names(expr):
        text = (cells.get(name) or "").strip()
        if not text:
            return None
        if _WHOLE.fullmatch(text):
            strict[name], lenient[name] = whole_reading(text)
            continue
        try:
            figure = parse_figure(text)
        except UnreadableFigure as exc:
            return f"{name} = {text!r} is not a number ({exc.what})"
        strict[name], lenient[name] = figure.strict, figure.lenient
    return strict, lenient


def whole_reading(text: str) -> tuple[Interval, Interval]:
    """``parse_figure(text)``'s strict and lenient readings of a plain whole number, faster.

    The figure parser costs about 13 µs a cell, most of the time spent explaining a
    large table's failing rows; integer cells need only its whole-number rule: exact,
    and a count of 100 or more with trailing zeros may be rounded there ("412000" is
    411,500–412,500 read loosely). ``text`` must match ``_WHOLE``; a test holds this
    to ``parse_figure``.
    """
    value = int(text)
    point = Decimal(value)
    strict = Interval(point, point, True, True, True)
    digits = text.lstrip("-")
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0 or abs(value) < 100:
        return strict, strict
    half = 10**zeros // 2
    return strict, Interval(Decimal(value - half), Decimal(value + half), True, True, True)


def judge_row(expr: Expr, cells: Mapping[str, str | None]) -> RowVerdict:
    """The verdict ``check`` would give, reading each cell as written."""
    read = readings(expr, cells)
    if read is None:
        return RowVerdict(Verdict.UNCHECKED)
    if isinstance(read, str):
        return RowVerdict(Verdict.INCONSISTENT, read)
    strict, lenient = read
    try:
        if evaluate(expr, strict) is not Tri.FALSE:
            return RowVerdict(Verdict.CONSISTENT)
    except DivisionByZeroInterval:
        return RowVerdict(Verdict.UNCHECKED)
    try:
        loose = evaluate(expr, lenient)
    except DivisionByZeroInterval:
        loose = Tri.UNKNOWN
    return RowVerdict(Verdict.INCONSISTENT if loose is Tri.FALSE else Verdict.UNCERTAIN)


def _fmt(iv: Interval) -> str:
    if iv.is_point:
        return format_number(iv.low, places=12)
    low = format_number(iv.low, places=12, rounding=ROUND_FLOOR)
    high = format_number(iv.high, places=12, rounding=ROUND_CEILING)
    return f"{low}–{high}"


def explain_row(expr: Expr, text: str, cells: Mapping[str, str | None]) -> str:
    """Why a row fails ``expr``, with the values it computes from the cells."""
    read = readings(expr, cells)
    if isinstance(read, str):
        return f"{read}."
    if read is None:  # pragma: no cover - empty rows are unchecked, never explained
        return f"'{text}' was not checked: a cell is empty."
    strict, lenient = read
    try:
        if isinstance(expr, Compare) and len(expr.ops) == 1:
            left, right = expr.operands
            word = comparison_word(expr.ops[0])
            sa, sb = value_of(left, strict), value_of(right, strict)
            wa, wb = value_of(left, lenient), value_of(right, lenient)
            a, b = _fmt(sa), _fmt(sb)
            # The same reading (a cell with no trailing zeros) need not be formatted again.
            la, lb = a if wa is sa else _fmt(wa), b if wb is sb else _fmt(wb)
            loose = "" if (la, lb) == (a, b) else f" (read loosely: {la} against {lb})"
            return f"{show(left)} = {a} cannot be {word} {show(right)} = {b}{loose}."
    except DivisionByZeroInterval:  # pragma: no cover - such rows are unchecked
        pass
    values = ", ".join(f"{n} = {cells.get(n)}" for n in names(expr))
    return f"'{text}' cannot hold for these cells, even read loosely ({values})."
