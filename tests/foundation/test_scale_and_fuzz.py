"""A 50 MB claims table, and fuzzing of the rule parser: only documented errors, ever."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import check, parse_rule
from toolkit.errors import RuleSyntaxError


def test_a_50_mb_table_is_checked_in_linear_time(tmp_path: Path) -> None:
    quote = "q" * 500
    claims = tmp_path / "big.csv"

    def write(rows: int) -> None:
        with claims.open("w", encoding="utf-8") as out:
            out.write("id,value,quote\n")
            for i in range(rows):
                out.write(f'c{i},"{i % 5000:,}",{quote}\n')

    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - {id: r, check: c1 <= c2}\n", encoding="utf-8")
    write(10_000)
    start = time.perf_counter()
    check(claims, rules)
    small = time.perf_counter() - start
    write(100_000)
    assert claims.stat().st_size > 50_000_000
    start = time.perf_counter()
    report = check(claims, rules)
    large = time.perf_counter() - start
    assert len(report.claims) == 100_000
    assert report.checks[0].verdict.value == "consistent"
    assert large < small * 10 * 3  # ten times the rows: well under quadratic cost


RULE_ATOMS = st.sampled_from(
    ["a", "b", "1", "2.5", "(", ")", "+", "-", "*", "/", "<", "<=", "==", "!=", ">=", ">",
     ",", "and", "or", "not", "sum(", "pct(", "grim(", "abs(", '"x y"', "`z`", " ", "=", "$"]
)  # fmt: skip


@given(st.text(max_size=40) | st.lists(RULE_ATOMS, max_size=15).map("".join))
def test_rule_parser_raises_only_documented_errors(text: str) -> None:
    try:
        parse_rule(text)
    except RuleSyntaxError as err:
        assert 1 <= err.column <= len(text) + 1


@pytest.mark.slow
@given(st.text(max_size=60) | st.lists(RULE_ATOMS, max_size=25).map("".join))
def test_rule_parser_fuzz_nightly(text: str) -> None:
    try:
        parse_rule(text)
    except RuleSyntaxError as err:
        assert 1 <= err.column <= len(text) + 1
