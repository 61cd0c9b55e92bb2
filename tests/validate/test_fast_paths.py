"""The shortcuts of the polars rule pass give the same reports as the full readings.

* ``read_table(trust_widths=True)`` skips the per-line separator count of a large CSV;
  the rule pass must still find every short row, blank line and long row.
* The integer pre-filter drops rows that surely pass before the float status is computed.
* Explanations format whole numbers without ``format_number``'s exponent check.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.check.explain import format_number
from toolkit.rules.syntax import parse_rule
from toolkit.validate import csvscan, validate
from toolkit.validate.exact import _explain, _explain_whole, _number, _plan, explain_row, judge_row
from toolkit.validate.read import read_table
from toolkit.validate.rules import check_rules, prepare_rules

pytest.importorskip("polars")

RAGGED = [
    b"a,b\n1,2\n3,4\n",  # clean
    b"a,b\n1,2\n3,4",  # no final newline
    b"a,b\n1,2\n3\n4,5\n",  # a short row
    b"a,b\n1,2\n\n3,4\n",  # a blank line
    b"a,b\n1,2\n3,4\n\n",  # a blank line at the end
    b"a,b\n1,2\n3,4,5\n6,7\n",  # a long row
    b"a,b\n1,2\n3,4,5\n6\n",  # a long row and a short row
    b"a,b\n1,\n3,4\n",  # an empty last cell
    b"a,b\n1,2\nx\n3,4\n",  # a short row with text in a number column
    b"a,b\n5,2\nx,y\n3\n",  # text cells and a short row
    b"a,b,c\n1,2,3\n1,2\n2,1,0\n",  # the short row's missing column is not in the rule
]


def _summary(path: Path, rules: list[str]) -> object:
    report = validate(path, rules, max_failures=1000)
    return report.rows, [
        (c.name, c.failed, c.unchecked, c.uncertain,
         [(f.row, f.line, f.code, f.explanation, f.values) for f in c.failures])
        for c in report.checks
    ]  # fmt: skip


@pytest.mark.parametrize("data", RAGGED)
def test_trusted_widths_report_like_the_checked_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    rules = ["a <= b", "a + 1 > b - 10"]
    expected = _summary(path, rules)  # small file: the per-line count is made
    monkeypatch.setattr(csvscan, "SMALL_FILE", 0)  # every file is "large"
    assert read_table(path, trust_widths=True).verify is not None
    assert _summary(path, rules) == expected


def test_trusted_widths_are_checked_for_suites_and_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"a,b\n1,2\n3\n4,5\n")
    expected = validate(path, ["a <= b"], schema=True)
    monkeypatch.setattr(csvscan, "SMALL_FILE", 0)
    got = validate(path, ["a <= b"], schema=True)
    assert [(c.name, c.failed) for c in got.checks] == [(c.name, c.failed) for c in expected.checks]
    assert got.checks[0].failures[0].line == 3


integers = st.one_of(
    st.integers(-3000, 3000),
    st.sampled_from([2**50 - 1, 2**50, -(2**50), 2**50 + 1, 2**53, -(2**62), 10**15, 0]),
)
cells = st.one_of(integers.map(str), st.just(""))
RULES = ["a <= b", "a + b == c", "c - a >= b", "not (a < b) or a == c", "a != -b",
         "a < b < c", "a == 1125899906842624 or b > 0"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=12))
def test_integer_prefilter_keeps_exact_verdicts(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]]
) -> None:
    path = tmp_path_factory.mktemp("h") / "t.csv"
    path.write_text("a,b,c\n" + "".join(f"{a},{b},{c}\n" for a, b, c in rows))
    table = read_table(path)
    specs = prepare_rules(RULES, table.columns, "t")
    _, outcomes, _ = check_rules(table, specs, max_failures=100)
    for spec, outcome in zip(specs, outcomes, strict=True):
        verdicts = [judge_row(spec.expr, dict(zip("abc", r, strict=True))).verdict for r in rows]
        failed = [i + 1 for i, v in enumerate(verdicts) if v.value == "inconsistent"]
        assert [f.row for f in outcome.failures] == failed, spec.text
        assert outcome.unchecked == sum(v.value == "unchecked" for v in verdicts), spec.text
        assert outcome.uncertain == sum(v.value == "uncertain" for v in verdicts), spec.text


decimals = st.one_of(
    st.integers(-(10**20), 10**20).map(Decimal),
    # (Within the 28 digits ``format_number`` can round in; it raises beyond.)
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, places=6),
    st.decimals(allow_nan=False, places=3),
    st.sampled_from([Decimal("-0"), Decimal("0.000"), Decimal("-5.000"), Decimal("1E+3"),
                     Decimal("-12E+2"), Decimal("Infinity"), Decimal("-Infinity"),
                     Decimal("1E+40"), Decimal("0.1234567890123456")]),
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(value=decimals, rounding=st.sampled_from([ROUND_FLOOR, ROUND_CEILING]))
def test_explanations_format_numbers_as_check_does(value: Decimal, rounding: str) -> None:
    assert _number(value, rounding) == format_number(value, places=12, rounding=rounding)


EXPLAINED = [
    ("a <= b", {"a": "305159", "b": "304475"}, "a = 305,159 cannot be at most b = 304,475."),
    ("a <= b", {"a": "412000", "b": "411000"}, "a = 412,000 cannot be at most b = 411,000 "
     "(read loosely: 411,500–412,500 against 410,500–411,500)."),
    ("a <= b", {"a": "-1200", "b": "-5000"}, "a = −1,200 cannot be at most b = −5,000 "
     "(read loosely: −1,250–−1,150 against −5,500–−4,500)."),
    ("a + b == c", {"a": "2.5", "b": "-0.25", "c": "7"},
     "a + b = 2.195–2.305 cannot be equal to c = 7 (read loosely: 2.19–2.355 against 7)."),
    ("-a >= b", {"a": "0", "b": "3"}, "-a = −0 cannot be at least b = 3."),
    ("a < b < c", {"a": "5", "b": "4", "c": "9"},
     "'a < b < c' cannot hold for these cells, even read loosely (a = 5, b = 4, c = 9)."),
    ("a == b", {"a": "12%", "b": "0.5"},
     "a = 11.5–12.5 cannot be equal to b = 0.45–0.55 (read loosely: 11.5–13 against 0.45–0.6)."),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "cells", "expected"), EXPLAINED)
def test_explanations_are_those_of_the_general_path(
    rule: str, cells: dict[str, str], expected: str
) -> None:
    # Written by the explanation before its per-rule plan and whole-number formatting.
    assert explain_row(parse_rule(rule), rule, cells) == expected


wholes = st.one_of(st.integers(-(10**6), 10**6), st.integers(-99, 99).map(lambda n: n * 10**6),
                   st.sampled_from([0, 100, -100, 99, 10**17, -(10**17)]))  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(a=wholes, b=wholes, op=st.sampled_from(["<=", "<", "==", "!=", ">", ">="]))
def test_whole_cells_are_explained_as_the_general_path_does(a: int, b: int, op: str) -> None:
    rule = f"a {op} b"
    expr, cells = parse_rule(rule), {"a": f" {a}", "b": str(b)}
    quick = _explain_whole(_plan(expr), cells)
    assert quick is not None
    assert quick == _explain(expr, _plan(expr), rule, cells)
