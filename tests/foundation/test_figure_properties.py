"""Property tests: a true value stated rounded lies in the strict reading; no stray exceptions."""

from __future__ import annotations

import contextlib
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import parse_figure
from toolkit.errors import UnreadableFigure

SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}


@given(st.integers(min_value=0, max_value=10**30))
def test_integers_are_exact(n: int) -> None:
    f = parse_figure(f"{n:,}")
    assert f.strict.low == f.strict.high == n
    assert f.lenient.contains(Decimal(n))


@given(
    st.integers(min_value=1, max_value=999_999),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(sorted(SCALES)),
)
def test_rounded_scaled_figures_contain_the_truth(raw: int, places: int, scale: str) -> None:
    true = Decimal(raw) / 1000 * SCALES[scale]
    stated = (true / SCALES[scale]).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if stated == 0:
        return
    f = parse_figure(f"{stated} {scale}")
    assert f.strict.contains(true) or true == f.strict.high  # half-up puts a tie at the top end
    assert f.lenient.contains(true)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=2))
def test_rounded_percentages_contain_the_truth(raw: int, places: int) -> None:
    true = Decimal(raw) / 10**4  # 0–100 with four decimals
    stated = true.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    f = parse_figure(f"{stated}%")
    assert f.lenient.contains(true)


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=3))
def test_truncated_figures_fit_the_lenient_reading(raw: int, places: int) -> None:
    true = Decimal(raw) / 1000
    truncated = true.quantize(Decimal(1).scaleb(-places), rounding="ROUND_DOWN")
    if truncated == 0:
        return
    assert parse_figure(f"{truncated} million").lenient.contains(true * 10**6)


ALPHABET = st.sampled_from(
    [*list("0123456789,. -−–%$€£kmbn"), "million", " more than ", "about ", "half", "one in "]
)


@given(st.text(max_size=40) | st.lists(ALPHABET, max_size=8).map("".join))
def test_parser_raises_only_documented_errors(text: str) -> None:
    with contextlib.suppress(UnreadableFigure):
        parse_figure(text)


@pytest.mark.slow
@given(st.text(max_size=60) | st.lists(ALPHABET, max_size=12).map("".join))
def test_parser_fuzz_nightly(text: str) -> None:
    with contextlib.suppress(UnreadableFigure):
        parse_figure(text)
