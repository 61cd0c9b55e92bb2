"""The engines agree on every fixture; the vectorised verdicts equal the exact scalar ones."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.validate.conftest import DATA, MAJORS, require
from toolkit.validate import validate
from toolkit.validate.exact import judge_row
from toolkit.validate.read import read_table
from toolkit.validate.rules import check_rules, prepare_rules

pytest.importorskip("polars")

CASES = [
    (MAJORS / "majors.csv", ["Men + Women == Total", "ShareWomen == Women / Total"]),
    (MAJORS / "majors-corrected.csv", ["Men + Women == Total", "ShareWomen == Women / Total",
                                       "0 <= ShareWomen <= 1", "Women <= Total"]),
    (DATA / "malformed-rows.csv", ["part <= whole"]),
    (DATA / "wrong-type-cell.csv", ["part <= whole"]),
    (DATA / "bom-mixed-line-endings.csv", ["part <= whole", "part < whole or part == whole"]),
    (DATA / "empty-cells.csv", ["part <= whole"]),
    (DATA / "rounded-figures.csv", ["part <= whole", "share == part / whole",
                                    "pct(part, whole) != 50", "grim(share * 100, whole)"]),
]  # fmt: skip


def _summary(path: Path, rules: list[str], engine: str) -> object:
    report = validate(path, rules, engine=engine, max_failures=1000)
    return report.rows, [
        (c.name, c.failed, c.unchecked, c.uncertain, [(f.row, f.line) for f in c.failures])
        for c in report.checks
    ]


@pytest.mark.parametrize(("path", "rules"), CASES, ids=[c[0].name for c in CASES])
def test_pandas_agrees_with_polars(path: Path, rules: list[str]) -> None:
    require("pandas")
    assert _summary(path, rules, "pandas") == _summary(path, rules, "polars")


@pytest.mark.spark
@pytest.mark.parametrize(("path", "rules"), CASES, ids=[c[0].name for c in CASES])
def test_spark_agrees_with_polars(path: Path, rules: list[str]) -> None:
    require("pyspark")
    assert _summary(path, rules, "spark") == _summary(path, rules, "polars")


@pytest.mark.spark
def test_spark_reads_parquet_itself(tmp_path: Path) -> None:
    require("pyspark")
    import polars as pl

    pl.read_csv(MAJORS / "majors.csv", schema_overrides={"ShareWomen": pl.String}).write_parquet(
        tmp_path / "m.parquet"
    )
    rules = ["Men + Women == Total", "ShareWomen == Women / Total"]
    assert _summary(tmp_path / "m.parquet", rules, "spark") == _summary(
        tmp_path / "m.parquet", rules, "polars"
    )


def _cell(value: Decimal, places: int) -> str:
    return f"{value:.{places}f}" if places else str(int(value))


numbers = st.builds(
    lambda n, places: _cell(Decimal(n).scaleb(-places), places),
    st.integers(-3000, 3000),
    st.integers(0, 3),
)
RULES = ["a + b == c", "a <= b", "a == b / c", "a * b < c", "c - a >= b", "min(a, b) == c",
         "abs(a) <= b", "pct(a, b) == c", "not (a < b) or a == c"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(numbers, numbers, numbers), min_size=1, max_size=12))
def test_vectorised_verdicts_equal_exact_verdicts(
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
