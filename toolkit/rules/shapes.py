"""Rules parsed by shape: a rules file repeats a few shapes over many ids.

"a <= b", "x + y == z" over 100,000 pairs of ids: each shape is parsed once by the grammar in
``syntax.py``, with its ids as blanks of the same length, and filled in for each rule. The
tree is the one ``syntax.parse_rule`` builds, columns included, and a rule that does not
parse raises the grammar's own error; property tests hold both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from toolkit.errors import RuleSyntaxError
from toolkit.rules.syntax import (
    _KEYWORDS,
    Binary,
    Call,
    Compare,
    Expr,
    Logic,
    Name,
    Negate,
    Not,
    Number,
    _Parser,
    names,
)

__all__ = ["parse_rule_ids"]


def parse_rule_ids(text: str) -> tuple[Expr, tuple[str, ...]]:
    """``parse_rule(text)`` and ``names`` of it, from the parsed shape of ``text``."""
    if '"' in text or "`" in text:
        expr = _Parser(text).parse()
        return expr, tuple(names(expr))
    ids: dict[int, str] = {}

    def blank(m: re.Match[str]) -> str:
        word = m.group()
        if word.lower() in _KEYWORDS:
            return word
        ids[m.start() + 1] = word
        return "_" * len(word)

    shape = _ID_RUN.sub(blank, text)
    try:
        build = _shape(shape)
    except RuleSyntaxError:
        _Parser(text).parse()  # raises the error, located in the rule as written
        raise  # pragma: no cover - the shape and the rule fail alike
    # a tree's names, read in order, are its ids left to right: the columns' order
    return build(ids), tuple(dict.fromkeys(ids.values()))


# a run the tokenizer reads as a name and not as a function: not inside a number ("1e5")
_ID_RUN = re.compile(r"(?<![\w.])[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()")
_Build = Callable[[dict[int, str]], Expr]


@functools.lru_cache(maxsize=1024)
def _shape(shape: str) -> _Build:
    return _builder(_Parser(shape).parse())


def _builder(node: Expr) -> _Build:
    """A function building ``node`` again with each blank name replaced by the id at its column."""
    col = node.column
    if isinstance(node, Name):
        return lambda ids: Name(ids[col], col)
    if isinstance(node, Number):
        return lambda ids: node
    if isinstance(node, Binary):
        op, left, right = node.op, _builder(node.left), _builder(node.right)
        return lambda ids: Binary(op, left(ids), right(ids), col)
    if isinstance(node, Negate | Not):
        kind, operand = type(node), _builder(node.operand)
        return lambda ids: kind(operand(ids), col)
    parts = [_builder(p) for p in (node.args if isinstance(node, Call) else node.operands)]
    if isinstance(node, Call):
        fn = node.function
        return lambda ids: Call(fn, tuple(p(ids) for p in parts), col)
    if isinstance(node, Compare):
        ops = node.ops
        return lambda ids: Compare(tuple(p(ids) for p in parts), ops, col)
    logic = node.op
    return lambda ids: Logic(logic, tuple(p(ids) for p in parts), col)
