from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import parse_rule
from toolkit.errors import RuleSyntaxError
from toolkit.figures import Interval
from toolkit.rules import Tri, evaluate, names
from toolkit.rules.evaluate import grim


def iv(low: str, high: str | None = None, lc: bool = True, hc: bool = True) -> Interval:
    return Interval(D(low), D(high if high is not None else low), lc, hc)


@pytest.mark.parametrize(
    ("rule", "ids"),
    [
        ("russians <= foreigners", ["russians", "foreigners"]),
        ("0 <= pct(russians, foreigners) <= 100", ["russians", "foreigners"]),
        ("men + women == total and not total < 0", ["men", "women", "total"]),
        ('"Share Women" == Women / Total', ["Share Women", "Women", "Total"]),
        ("grim(share, n)", ["share", "n"]),
        ("a ≤ b", ["a", "b"]),
    ],
)
def test_rules_parse(rule: str, ids: list[str]) -> None:
    assert names(parse_rule(rule)) == ids


@pytest.mark.parametrize(
    ("rule", "column", "what"),
    [
        ("a <", 4, "the rule ends too early"),
        ("(a < b", 7, "expected ')'"),
        ("a b", 3, "unexpected 'b'"),
        ("a + b", 1, "a rule must be true or false"),
        ("foo(a) < 1", 1, "unknown function 'foo'"),
        ("a < b $ c", 7, "unexpected character '$'"),
        ("pct(a) < 1", 1, "pct() takes 2 argument(s), got 1"),
        ("", 1, "the rule is empty"),
        ("__import__('os') < 1", 12, 'unexpected character "\'"'),
    ],
)
def test_syntax_errors_point_at_the_column(rule: str, column: int, what: str) -> None:
    with pytest.raises(RuleSyntaxError) as err:
        parse_rule(rule)
    assert err.value.column == column
    assert err.value.what == what
    assert err.value.caret.splitlines()[1] == "  " + " " * (column - 1) + "^"


@pytest.mark.parametrize(
    ("rule", "env", "expected"),
    [
        ("a <= b", {"a": iv("1", "2"), "b": iv("3", "4")}, Tri.TRUE),
        ("a <= b", {"a": iv("1", "5"), "b": iv("3", "4")}, Tri.UNKNOWN),
        ("a <= b", {"a": iv("5", "6"), "b": iv("3", "4")}, Tri.FALSE),
        ("a < b", {"a": iv("4"), "b": iv("3", "4")}, Tri.FALSE),
        ("a <= b", {"a": iv("4"), "b": iv("3", "4", hc=False)}, Tri.FALSE),
        ("a <= b", {"a": iv("4"), "b": iv("3", "4")}, Tri.UNKNOWN),
        ("a == b", {"a": iv("4"), "b": iv("4")}, Tri.TRUE),
        ("a != b", {"a": iv("4"), "b": iv("5")}, Tri.TRUE),
        ("0 <= a <= 100", {"a": iv("50")}, Tri.TRUE),
        ("0 <= a <= 100", {"a": iv("150")}, Tri.FALSE),
        ("a < 1 or a > 2", {"a": iv("5")}, Tri.TRUE),
        ("sum(a, b) == 10", {"a": iv("4"), "b": iv("6")}, Tri.TRUE),
        ("max(a, b) == 6", {"a": iv("4"), "b": iv("6")}, Tri.TRUE),
        ("abs(a) == 3", {"a": iv("-3")}, Tri.TRUE),
        ("pct(a, b) == 25", {"a": iv("1"), "b": iv("4")}, Tri.TRUE),
        ("pct_change(a, b) == 50", {"a": iv("100"), "b": iv("150")}, Tri.TRUE),
    ],
)
def test_three_valued_evaluation(rule: str, env: dict[str, Interval], expected: Tri) -> None:
    assert evaluate(parse_rule(rule), env) is expected


@pytest.mark.parametrize(
    ("percent", "n", "expected"),
    [
        ("47", 20, Tri.FALSE),  # 47 % of 20 is impossible: 9/20 = 45 %, 10/20 = 50 %
        ("45", 20, Tri.UNKNOWN),
        ("33", 3, Tri.UNKNOWN),  # 1/3 = 33.3 % rounds to 33 %
        ("57", 48, Tri.FALSE),  # 27/48 = 56.25, 28/48 = 58.33
        ("58", 48, Tri.UNKNOWN),
    ],
)
def test_grim(percent: str, n: int, expected: Tri) -> None:
    p = D(percent)
    rounded = Interval(p - D("0.5"), p + D("0.5"), True, False)
    assert grim(rounded, Interval(D(n), D(n), integer=True)) is expected


bounds = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)


@st.composite
def intervals_with_points(draw: st.DrawFn) -> tuple[Interval, D]:
    a, b = sorted((draw(bounds), draw(bounds)))
    point = draw(st.decimals(min_value=a, max_value=b, places=3))
    return Interval(a, b), point


@given(intervals_with_points(), intervals_with_points(), st.sampled_from("+-*/"))
def test_arithmetic_encloses_every_pair_of_values(
    x: tuple[Interval, D], y: tuple[Interval, D], op: str
) -> None:
    (a, p), (b, q) = x, y
    env = {"a": a, "b": b}
    from toolkit.figures import DivisionByZeroInterval
    from toolkit.rules import value_of

    try:
        result = value_of(parse_rule(f"a {op} b == 0").operands[0], env)  # type: ignore[attr-defined]
    except DivisionByZeroInterval:
        assert b.contains(D(0))
        return
    from decimal import localcontext

    with localcontext() as ctx:
        ctx.prec = 100
        true = {"+": p + q, "-": p - q, "*": p * q, "/": p / q if q else None}[op]
    if true is not None:
        assert result.low <= true <= result.high


_PIECES = st.sampled_from(
    ["a", "b2", "total_x", "and", "or", "not", "sum", "pct", "(", ")", ",", "+", "-", "*", "/",
     "<=", "==", "!=", "<", ">", "≤", "=", "1", "2.5", "1e5", "e5", ".5", " ", '"x y"', "`z`",
     "@", "abs(", "grim("]
)  # fmt: skip


def _same_as_the_parser(text: str) -> None:
    from toolkit.rules.shapes import parse_rule_ids
    from toolkit.rules.syntax import _Parser

    try:
        expected: object = _Parser(text).parse()
    except RuleSyntaxError as exc:
        expected = (str(exc), exc.column)
    try:
        tree, ids = parse_rule_ids(text)
        got: object = tree
        assert list(ids) == names(tree)
    except RuleSyntaxError as exc:
        got = (str(exc), exc.column)
    assert got == expected


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_shape_cache_builds_the_parsers_tree_or_its_error(text: str) -> None:
    _same_as_the_parser(text)


_ATOMS = st.sampled_from(["a", "b2", "Total_x", "n", "1", "2.5", "1e5", "sum_", '"x y"'])
_TERMS = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", " - ", "*", "/"]), inner).map("".join),
        inner.map(lambda e: f"({e})"),
        inner.map(lambda e: f"-{e}"),
        st.tuples(st.sampled_from(["sum", "pct", "max", "ABS"]), inner, inner).map(
            lambda t: f"{t[0]}({t[1]}, {t[2]})"
        ),
    ),
    max_leaves=6,
)
_VALID = st.tuples(_TERMS, st.sampled_from(["<=", " == ", "≥", "!="]), _TERMS).map("".join)


@given(st.lists(_VALID, min_size=1, max_size=3).map(" and ".join))
def test_shape_cache_builds_the_parsers_tree_for_valid_rules(text: str) -> None:
    _same_as_the_parser(text)


_POSITIVE = st.tuples(
    st.decimals(min_value=D("0.001"), max_value=1000, places=3),
    st.decimals(min_value=0, max_value=1000, places=3),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
).map(
    lambda t: Interval(
        t[0],
        t[0] + t[1] if not t[5] else D("Infinity"),
        t[2] or t[1] == 0,
        (t[3] or t[1] == 0) and not t[5],
        t[4],
    )
)


@given(_POSITIVE, _POSITIVE)
def test_the_positive_product_is_the_general_one(a: Interval, b: Interval) -> None:
    assert a * b == a._mul_general(b)
