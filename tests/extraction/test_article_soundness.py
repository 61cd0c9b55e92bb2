"""Soundness from text to verdict: sentences whose figures are true never read inconsistent.

Hypothesis draws true counts, writes them the way a wire story would (rounded percentages,
"about", scaled millions) into sentences whose wording states a relation, and checks that
claimledger infers the relation and never calls it inconsistent.
"""

from __future__ import annotations

import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.check.article import check_article


def _verdicts(text: str, tmp_path: Path) -> list[str]:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return [c.verdict.value for c in check_article(path).checks]


def _percent(x: Decimal, places: int) -> str:
    q = Decimal(1).scaleb(-places)
    return f"{x.quantize(q, rounding=ROUND_HALF_UP)}%"


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5000), st.data())
def test_a_true_share_of_a_count_is_never_inconsistent(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n))
    places = data.draw(st.integers(0, 2))
    share = _percent(Decimal(k * 100) / n, places)
    with tempfile.TemporaryDirectory() as folder:
        text = f"The hospital said {share} of the {n:,} patients recovered."
        verdicts = _verdicts(text, Path(folder))
    assert verdicts, text
    assert "inconsistent" not in verdicts, text


@settings(max_examples=60, deadline=None)
@given(st.integers(1000, 10**7), st.data())
def test_a_true_part_of_a_whole_is_never_inconsistent(whole: int, data: st.DataObject) -> None:
    part = data.draw(st.integers(0, whole))

    def written(v: int) -> str:
        if v >= 10**6 and data.draw(st.booleans()):
            return f"{Decimal(v) / 10**6:.1f} million"
        return f"{v:,}"

    with tempfile.TemporaryDirectory() as folder:
        text = (
            f"Officials said {written(whole)} foreigners entered the country, "
            f"of which {written(part)} are Russians."
        )
        verdicts = _verdicts(text, Path(folder))
    assert verdicts, text
    assert "inconsistent" not in verdicts, text


@settings(max_examples=60, deadline=None)
@given(st.integers(100, 10**6), st.integers(100, 10**6), st.integers(0, 1))
def test_a_true_change_is_never_inconsistent(old: int, new: int, places: int) -> None:
    if new == old:
        new += 1
    change = abs(Decimal(new - old) * 100 / old)
    verb, noun = ("rose", "an increase") if new > old else ("fell", "a decrease")
    text = (
        f"Sales {verb} to {new:,} units from {old:,} units, {noun} of "
        f"{_percent(change, places)}, the company said."
    )
    with tempfile.TemporaryDirectory() as folder:
        verdicts = _verdicts(text, Path(folder))
    assert len(verdicts) == 2, text
    assert "inconsistent" not in verdicts, text
