"""``extract`` never raises, whatever the string; and it stays linear."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.extraction.extract import extract, read_article

_PIECES = st.sampled_from(
    [
        "4.3 million", "more than", "1,300", "of which", "between", "and", "to", "-", "−",
        "%", "$", "bn", "one in five", "half", "of the", "said", "According to", ",", ".",
        "“", "”", "\u00a0", "\u2009", "１２", "seventh", "1990s", "10:30", "Author:", "\n",
        " ", "rose to", "from", "a total of", "respectively", "I am", "author at", "Of these",
    ]
)  # fmt: skip


@given(st.text())
def test_any_text(text: str) -> None:
    extract(text)


@given(st.lists(_PIECES | st.text(max_size=3), max_size=40).map("".join))
def test_newsy_text(text: str) -> None:
    for claim in read_article(text).claims:
        assert claim.span is not None and text[claim.span[0] : claim.span[1]] == claim.text


def test_linear_time() -> None:
    base = (
        "According to officials, 4.3 million foreigners entered, "
        "of which 1.6 million are Russians. "
    )
    small, large = base * 200, base * 1600
    t0 = time.perf_counter()
    read_article(small)
    t1 = time.perf_counter()
    read_article(large)
    t2 = time.perf_counter()
    assert (t2 - t1) < 8 * 3 * (t1 - t0) + 0.5  # 8× the text, well under quadratic


@pytest.mark.slow
def test_five_megabytes() -> None:
    base = (
        "According to officials, 4.3 million foreigners entered, "
        "of which 1.6 million are Russians. "
    )
    text = base * (5_000_000 // len(base))
    assert len(read_article(text).claims) == 2 * (5_000_000 // len(base))
