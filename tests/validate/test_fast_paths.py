"""The shortcuts of the polars rule pass give the same reports as the full readings.

* ``read_table(trust_widths=True)`` skips the per-line separator count of a large CSV;
  the rule pass must still find every short row, blank line and long row.
* The integer pre-filter drops rows that surely pass before the float status is computed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.validate import read, validate
from toolkit.validate.exact import judge_row
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
    monkeypatch.setattr(read, "SMALL_FILE", 0)  # every file is "large"
    assert read_table(path, trust_widths=True).verify is not None
    assert _summary(path, rules) == expected


def test_trusted_widths_are_checked_for_suites_and_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"a,b\n1,2\n3\n4,5\n")
    expected = validate(path, ["a <= b"], schema=True)
    monkeypatch.setattr(read, "SMALL_FILE", 0)
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
