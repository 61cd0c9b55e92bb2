"""One row, one rule, in exact decimals: the scalar semantics of ``check``, and the explanation.

The vectorised engines send here the rows they cannot decide in floats (near
ties, cells that are not plain numbers such as ``12%`` or ``4.3 million``,
``grim``), and every failing row that is reported, for its explanation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from toolkit.check.explain import comparison_word, format_number
from toolkit.check.report import Verdict
from toolkit.errors import UnreadableFigure
from toolkit.figures import DivisionByZeroInterval, Figure, Interval, parse_figure
from toolkit.rules.evaluate import Tri, evaluate, value_of
from toolkit.rules.show import show
from toolkit.rules.syntax import Compare, Expr, Name, names

__all__ = ["MISSING", "RowVerdict", "cell_figure", "explain_row", "judge_row", "readings"]

#: A whole number as an integer column's cell is written (no sign on zero, no leading zero),
#: short enough for exact ``Decimal`` sums in the default context.
_WHOLE = re.compile(r"0|-?[1-9]\d{0,17}")
#: What statistics offices write for a value they do not give: ".." and ":" (not available,
#: OECD and Eurostat), "[x]", "[c]", "[z]" (ONS), "(X)" and "(D)" (US Census), "n/a",
#: dashes, asterisks. Such a cell leaves the row unchecked, as an empty one does: it states no
#: figure to check, and reading it as a failure would be a false alarm.
MISSING = re.compile(
    r"(?:\.{2,3}|…|:|[-–—]+|\*+|\?|x|c|z|s|na|n/a|n\.a\.|nan|null|none|\[[a-z]{1,3}\]"
    r"|\((?:x|d|s|na|z|c)\))",
    re.I,
)
_BRACKETED = re.compile(r"\(\s*([^()\s-][^()]*?)\s*\)")
#: A value with a footnote or a statistical flag after it: "1,200*", "51.4%†", "12.3 p"
#: (provisional), "4,512 (r)" (revised), "98.1 [e]", "7,300²". The figure is the number.
_FLAGGED = re.compile(
    r"(?P<figure>.*?[\d%])\s*(?:[*†‡§¶#]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\((?:[a-z]|est|prov|rev)\)"
    r"|\[(?:[a-z]|note\s*\d+|est|prov|rev)\]|(?<=\d)\s[cdefnprsuz])",
    re.I,
)


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
    for name in _plan(expr).names:
        text = (cells.get(name) or "").strip()
        if not text:
            return None
        if _WHOLE.fullmatch(text):
            strict[name], lenient[name] = whole_reading(text)
            continue
        try:
            figure = cell_figure(text)
        except UnreadableFigure as exc:
            return f"{name} = {text!r} is not a number ({exc.what})"
        if figure is None:
            return None
        strict[name], lenient[name] = figure.strict, figure.lenient
    return strict, lenient


def cell_figure(text: str) -> Figure | None:
    """A cell's figure, its footnote mark or flag left off; None for a missing-value marker.

    Raises ``UnreadableFigure`` for a cell that is neither.
    """
    if MISSING.fullmatch(text):
        return None
    flagged = _FLAGGED.fullmatch(text)
    if flagged:
        text = flagged.group("figure")
    bracketed = _BRACKETED.fullmatch(text)
    if bracketed is None:
        return parse_figure(text)
    # "(1,234)": an accounts table's negative number
    inner = parse_figure(bracketed.group(1))
    if inner.strict.low < 0 or inner.qualifier != "=":
        raise UnreadableFigure("a bracketed figure must be a plain amount", text)
    value = None if inner.value is None else -inner.value
    return replace(inner, text=text, value=value, strict=-inner.strict, lenient=-inner.lenient)


def whole_reading(text: str) -> tuple[Interval, Interval]:
    """``parse_figure(text)``'s strict and lenient readings of a plain whole number, faster.

    The figure parser costs about 13 µs a cell, most of the time spent explaining a
    large table's failing rows; integer cells need only its whole-number rule: exact,
    and a count of 100 or more with trailing zeros may be rounded there ("412000" is
    411,500–412,500 read loosely). ``text`` must match ``_WHOLE``; a test holds this
    to ``parse_figure``.
    """
    value, half = _whole(text)
    point = Decimal(value)
    strict = Interval(point, point, True, True, True)
    if not half:
        return strict, strict
    return strict, Interval(Decimal(value - half), Decimal(value + half), True, True, True)


def _whole(text: str) -> tuple[int, int]:
    """A whole number's value, and half its rounding step read loosely (0 when exact)."""
    value = int(text)
    digits = text.lstrip("-")
    zeros = len(digits) - len(digits.rstrip("0"))
    return value, 0 if zeros == 0 or abs(value) < 100 else 10**zeros // 2


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


@dataclass(frozen=True, slots=True)
class _Plan:
    """What explaining a rule needs that does not depend on the row (worked out once)."""

    names: tuple[str, ...]
    #: For a single comparison: its two sides, as shown, and the word for the operator.
    left: Expr | None = None
    right: Expr | None = None
    shown: tuple[str, str] = ("", "")
    word: str = ""
    #: The two columns compared, when both sides are a column.
    columns: tuple[str, str] | None = None


@functools.lru_cache(maxsize=256)
def _plan(expr: Expr) -> _Plan:
    # A large table's failing rows are explained one by one with the same rule, so the
    # rule is walked for its names and its sides are shown once, not once per row.
    used = tuple(names(expr))
    if isinstance(expr, Compare) and len(expr.ops) == 1:
        left, right = expr.operands
        pair = (
            (left.name, right.name) if isinstance(left, Name) and isinstance(right, Name) else None
        )
        shown = (show(left), show(right))
        return _Plan(used, left, right, shown, comparison_word(expr.ops[0]), pair)
    return _Plan(used)


def _number(value: Decimal, rounding: str) -> str:
    """``format_number(value, places=12, rounding=rounding)``, faster for whole numbers.

    Most values explained are whole numbers, and ``format_number`` builds a named tuple
    (``Decimal.as_tuple``) for each one to read its exponent. A whole number needs no
    rounding: its digits, grouped, with the minus sign ``format_number`` writes. (A
    negative zero, and numbers too long to be a cell's, keep the general path.)
    """
    if value.is_finite() and value.adjusted() < 18:
        whole = int(value)
        if whole == value and (whole != 0 or not value.is_signed()):
            return _grouped(whole)
    return format_number(value, places=12, rounding=rounding)


def _grouped(value: int) -> str:
    """A whole number as ``format_number`` writes it: grouped, with a real minus sign."""
    return f"−{-value:,}" if value < 0 else f"{value:,}"


def _fmt(iv: Interval) -> str:
    if iv.is_point:
        return _number(iv.low, ROUND_FLOOR)
    return f"{_number(iv.low, ROUND_FLOOR)}–{_number(iv.high, ROUND_CEILING)}"


def explain_row(expr: Expr, text: str, cells: Mapping[str, str | None]) -> str:
    """Why a row fails ``expr``, with the values it computes from the cells."""
    plan = _plan(expr)
    if plan.columns is not None:
        quick = _explain_whole(plan, cells)
        if quick is not None:
            return quick
    return _explain(expr, plan, text, cells)


def _explain(expr: Expr, plan: _Plan, text: str, cells: Mapping[str, str | None]) -> str:
    read = readings(expr, cells)
    if isinstance(read, str):
        return f"{read}."
    if read is None:  # pragma: no cover - empty rows are unchecked, never explained
        return f"'{text}' was not checked: a cell is empty."
    strict, lenient = read
    try:
        if plan.left is not None and plan.right is not None:
            left, right = plan.left, plan.right
            sa, sb = value_of(left, strict), value_of(right, strict)
            wa, wb = value_of(left, lenient), value_of(right, lenient)
            a, b = _fmt(sa), _fmt(sb)
            # The same reading (a cell with no trailing zeros) need not be formatted again.
            la, lb = a if wa is sa else _fmt(wa), b if wb is sb else _fmt(wb)
            loose = "" if (la, lb) == (a, b) else f" (read loosely: {la} against {lb})"
            return f"{plan.shown[0]} = {a} cannot be {plan.word} {plan.shown[1]} = {b}{loose}."
    except DivisionByZeroInterval:  # pragma: no cover - such rows are unchecked
        pass
    values = ", ".join(f"{n} = {cells.get(n)}" for n in plan.names)
    return f"'{text}' cannot hold for these cells, even read loosely ({values})."


def _explain_whole(plan: _Plan, cells: Mapping[str, str | None]) -> str | None:
    """``explain_row``'s text for two whole-number cells compared, from their ints.

    The usual failing row of a large table (``a <= b`` over integer columns): the
    same readings as ``whole_reading`` and the same text as the general path (tests
    hold both), in about half the time, without building intervals. None for other cells.
    """
    assert plan.columns is not None
    texts = [(cells.get(c) or "").strip() for c in plan.columns]
    if not all(_WHOLE.fullmatch(t) for t in texts):
        return None
    shown = []
    for text in texts:
        value, half = _whole(text)
        exact = _grouped(value)
        shown.append(
            (exact, f"{_grouped(value - half)}–{_grouped(value + half)}" if half else exact)
        )
    (a, la), (b, lb) = shown
    loose = "" if (la, lb) == (a, b) else f" (read loosely: {la} against {lb})"
    return f"{plan.shown[0]} = {a} cannot be {plan.word} {plan.shown[1]} = {b}{loose}."
