"""Print an expression tree back as rule text (for explanations)."""

from __future__ import annotations

import re

from toolkit.rules.syntax import Binary, Call, Compare, Expr, Logic, Name, Negate, Not, Number

__all__ = ["show"]

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def show(expr: Expr) -> str:
    if isinstance(expr, Number):
        return str(expr.value)
    if isinstance(expr, Name):
        return expr.name if _PLAIN.match(expr.name) else f'"{expr.name}"'
    if isinstance(expr, Negate):
        return f"-{_wrap(expr.operand)}"
    if isinstance(expr, Binary):
        return f"{_wrap(expr.left)} {expr.op} {_wrap(expr.right)}"
    if isinstance(expr, Call):
        return f"{expr.function}({', '.join(show(a) for a in expr.args)})"
    if isinstance(expr, Compare):
        out = show(expr.operands[0])
        for op, operand in zip(expr.ops, expr.operands[1:], strict=True):
            out += f" {op} {show(operand)}"
        return out
    if isinstance(expr, Logic):
        return f" {expr.op} ".join(_wrap(o) for o in expr.operands)
    if isinstance(expr, Not):
        return f"not {_wrap(expr.operand)}"
    raise TypeError(expr)


def _wrap(expr: Expr) -> str:
    text = show(expr)
    return f"({text})" if isinstance(expr, Binary | Compare | Logic) else text
