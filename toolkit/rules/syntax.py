"""The rule language: a safe parser (no ``eval``) from text to an expression tree.

Grammar (lowest precedence first)::

    rule       := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | comparison
    comparison := sum (("<" | "<=" | "==" | "!=" | ">=" | ">") sum)*   # chains: 0 <= x <= 100
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER | NAME | NAME "(" args ")" | "(" rule ")"

Names are claim ids (or column names; quote odd ones with "double quotes" or
`backticks`). Functions: sum, min, max, abs, pct(part, whole),
pct_change(old, new), grim(percent, n). A rule must be true or false:
a comparison, ``grim(...)``, or those joined with and/or/not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from toolkit.errors import RuleSyntaxError

__all__ = [
    "Binary",
    "Call",
    "Compare",
    "Expr",
    "Logic",
    "Name",
    "Negate",
    "Not",
    "Number",
    "names",
    "parse_rule",
]

NUMERIC_FUNCTIONS = {"sum": (1, None), "min": (1, None), "max": (1, None), "abs": (1, 1),
                     "pct": (2, 2), "pct_change": (2, 2)}  # fmt: skip
BOOLEAN_FUNCTIONS = {"grim": (2, 2)}
COMPARATORS = ("<=", ">=", "==", "!=", "<", ">")

_TOKEN = re.compile(
    r"(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|\"(?P<dq>[^\"]*)\"|`(?P<bq>[^`]*)`"
    r"|(?P<op><=|>=|==|!=|=|<|>|\+|-|\*|/|\(|\)|,|≤|≥|≠)"
    r"|(?P<space>\s+)"
    r"|(?P<bad>.)",
    re.DOTALL,
)
_ALIASES = {"≤": "<=", "≥": ">=", "≠": "!=", "=": "=="}
_KEYWORDS = {"and", "or", "not"}
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_COMPARATOR_SET = frozenset(COMPARATORS)


@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal
    column: int


@dataclass(frozen=True, slots=True)
class Name:
    name: str
    column: int


@dataclass(frozen=True, slots=True)
class Negate:
    operand: Expr
    column: int


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Expr
    right: Expr
    column: int


@dataclass(frozen=True, slots=True)
class Call:
    function: str
    args: tuple[Expr, ...]
    column: int


@dataclass(frozen=True, slots=True)
class Compare:
    operands: tuple[Expr, ...]
    ops: tuple[str, ...]
    column: int


@dataclass(frozen=True, slots=True)
class Logic:
    op: str  # "and" | "or"
    operands: tuple[Expr, ...]
    column: int


@dataclass(frozen=True, slots=True)
class Not:
    operand: Expr
    column: int


Expr = Number | Name | Negate | Binary | Call | Compare | Logic | Not


class _Tok(NamedTuple):
    kind: str  # num, name, op, end
    text: str
    column: int


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "space":
            continue
        value = m.group(kind or 0)
        start = m.start()
        if kind == "name":
            if value.lower() in _KEYWORDS:
                kind, value = "keyword", value.lower()
        elif kind == "op":
            value = _ALIASES.get(value, value)
        elif kind in ("dq", "bq"):
            kind = "quoted"
        elif kind == "bad":
            fix = (
                "Use == for equality."
                if value == "="
                else "Rules use + - * / ( ) , and comparisons."
            )
            if value in '"`':
                fix = f"Close the quoted name with {value}."
            raise RuleSyntaxError(f"unexpected character {value!r}", text, start + 1, fix)
        append(_Tok(kind or "op", value, start + 1))
    append(_Tok("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.i = 0
        self.has_logic = any(t.kind == "keyword" for t in self.tokens)

    @property
    def tok(self) -> _Tok:
        return self.tokens[self.i]

    def error(self, what: str, tok: _Tok | None = None, fix: str | None = None) -> RuleSyntaxError:
        tok = tok or self.tok
        return RuleSyntaxError(what, self.text, tok.column, fix)

    def accept(self, kind: str, *texts: str) -> _Tok | None:
        tok = self.tok
        if tok.kind == kind and (not texts or tok.text in texts):
            self.i += 1
            return tok
        return None

    def parse(self) -> Expr:
        if self.tok.kind == "end":
            raise self.error("the rule is empty", fix="Write a comparison such as 'part <= whole'.")
        expr = self.logic("or")
        if self.tok.kind != "end":
            what = f"unexpected {self.tok.text!r}"
            raise self.error(what, fix="Join conditions with 'and' or 'or'.")
        if not _is_boolean(expr):
            raise RuleSyntaxError(
                "a rule must be true or false",
                self.text,
                1,
                "Compare two quantities, e.g. 'russians <= foreigners'.",
            )
        return expr

    def logic(self, op: str) -> Expr:
        if not self.has_logic:
            # Most rules have no and/or/not: skip those levels (a measurable share of parse time).
            return self.comparison()
        first = self.tok
        parts = [self.logic("and") if op == "or" else self.negation()]
        while self.accept("keyword", op):
            parts.append(self.logic("and") if op == "or" else self.negation())
        if len(parts) == 1:
            return parts[0]
        for part in parts:
            if not _is_boolean(part):
                raise self.error(f"'{op}' joins conditions, not numbers", first)
        return Logic(op, tuple(parts), first.column)

    def negation(self) -> Expr:
        tok = self.accept("keyword", "not")
        if tok is not None:
            operand = self.negation()
            if not _is_boolean(operand):
                raise self.error("'not' needs a condition", tok)
            return Not(operand, tok.column)
        return self.comparison()

    def comparison(self) -> Expr:
        first = self.tok
        operands = [self.sum()]
        ops: list[str] = []
        while (tok := self.tokens[self.i]).kind == "op" and tok.text in _COMPARATOR_SET:
            self.i += 1
            ops.append(tok.text)
            operands.append(self.sum())
        if not ops:
            return operands[0]
        for operand in operands:
            if _is_boolean(operand):
                raise self.error("cannot compare a condition with a number", first)
        return Compare(tuple(operands), tuple(ops), first.column)

    def sum(self, min_precedence: int = 1) -> Expr:
        """Arithmetic by precedence climbing: + - bind looser than * /, all left-associative."""
        left = self.unary()
        while True:
            tok = self.tokens[self.i]
            precedence = _PRECEDENCE.get(tok.text, 0) if tok.kind == "op" else 0
            if precedence < min_precedence:
                return left
            self.i += 1
            left = Binary(tok.text, left, self.sum(precedence + 1), tok.column)
            self._numeric(left, tok)

    def _numeric(self, node: Binary, tok: _Tok) -> None:
        if _is_boolean(node.left) or _is_boolean(node.right):
            raise self.error(f"'{tok.text}' needs numbers on both sides", tok)

    def unary(self) -> Expr:
        tok = self.tokens[self.i]
        if tok.kind == "op" and tok.text in ("-", "+"):
            self.i += 1
            if tok.text == "+":
                return self.unary()
            operand = self.unary()
            if _is_boolean(operand):
                raise self.error("'-' needs a number", tok)
            return Negate(operand, tok.column)
        return self.atom()

    def atom(self) -> Expr:
        tok = self.tok
        if tok.kind == "num":
            self.i += 1
            return Number(Decimal(tok.text), tok.column)
        if tok.kind == "quoted":
            self.i += 1
            if not tok.text:
                raise self.error("an empty quoted name", tok)
            return Name(tok.text, tok.column)
        if tok.kind == "name":
            self.i += 1
            after = self.tokens[self.i]
            if after.kind == "op" and after.text == "(":
                self.i += 1
                return self.call(tok)
            return Name(tok.text, tok.column)
        if self.accept("op", "("):
            inner = self.logic("or")
            if not self.accept("op", ")"):
                raise self.error("expected ')'", fix="Close the parenthesis.")
            return inner
        if tok.kind == "end":
            raise self.error("the rule ends too early", fix="Finish the expression.")
        raise self.error(f"unexpected {tok.text!r}", fix="Expected a number, a claim id or '('.")

    def call(self, name: _Tok) -> Expr:
        fn = name.text.lower()
        arity = NUMERIC_FUNCTIONS.get(fn) or BOOLEAN_FUNCTIONS.get(fn)
        if arity is None:
            known = ", ".join(sorted({*NUMERIC_FUNCTIONS, *BOOLEAN_FUNCTIONS}))
            raise self.error(f"unknown function {name.text!r}", name, f"Known functions: {known}.")
        args: list[Expr] = []
        if not self.accept("op", ")"):
            while True:
                arg = self.sum()
                if _is_boolean(arg):
                    raise self.error(f"{fn}() takes numbers", name)
                args.append(arg)
                if self.accept("op", ")"):
                    break
                if not self.accept("op", ","):
                    raise self.error("expected ',' or ')'", fix="Separate arguments with commas.")
        low, high = arity
        if len(args) < low or (high is not None and len(args) > high):
            count = str(low) if low == high else f"at least {low}"
            raise self.error(f"{fn}() takes {count} argument(s), got {len(args)}", name)
        return Call(fn, tuple(args), name.column)


def _is_boolean(expr: Expr) -> bool:
    if isinstance(expr, Compare | Logic | Not):
        return True
    return isinstance(expr, Call) and expr.function in BOOLEAN_FUNCTIONS


def parse_rule(text: str) -> Expr:
    """Parse a rule; raise ``RuleSyntaxError`` with the 1-based column of the problem."""
    return _Parser(text).parse()


def names(expr: Expr) -> list[str]:
    """The claim ids a rule uses, in order of first appearance."""
    seen: dict[str, None] = {}
    stack: list[Expr] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, Name):
            seen.setdefault(node.name)
        elif isinstance(node, Negate | Not):
            stack.append(node.operand)
        elif isinstance(node, Binary):
            stack.extend((node.right, node.left))
        elif isinstance(node, Call | Compare | Logic):
            children = node.args if isinstance(node, Call) else node.operands
            stack.extend(reversed(children))
    return list(seen)
