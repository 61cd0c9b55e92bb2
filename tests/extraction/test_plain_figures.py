"""``figures.plain`` reads the plain shapes exactly as the full grammar reads them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.figures import words as W
from toolkit.figures.parse import grammar_read
from toolkit.figures.plain import plain

_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**10).map(str),
    st.integers(min_value=0, max_value=10**10).map("{:,}".format),
    st.sampled_from(["0", "007", "1,30", "12,34,567", "1300", "2,000", "100", "99"]),
)
_DECIMALS = st.sampled_from(["", ".0", ".5", ".25", ".00", ".1234"])
_AFTER = st.sampled_from(
    ["", "%", " %", " percent", " per cent", "pct", " pc", " points", " pp", " dozen", " musd"]
    + [f" {w}" for w in (*W.SCALES, *W.MONEY_SCALES, "km", "weeks", "people", "in", "over")]
    + [w for w in ("m", "bn", "k", "km", "kg", "x")]
)
_BEFORE = st.sampled_from(["", *(f"{p} " for p in W.PREFIXES), "between ", "from ", "a ", "so "])
_SIGN = st.sampled_from(["", "$", "$ ", "£", "€ ", "¥", "US$", "r", "-"])
_WORDS = st.lists(
    st.sampled_from([*W.SMALL, "hundred", "a", "nought", "half", "thirds", "dozen", "million"]),
    min_size=1,
    max_size=3,
).flatmap(lambda ws: st.sampled_from([" ", "-"]).map(lambda sep: sep.join(ws)))
_UNIT = st.sampled_from(["", " weeks", " km", " people", " years", " in", " thirds", " dollars"])
_JOIN = st.sampled_from([" - ", "-", "–", "~", " to ", " and ", " through ", " or "])
_NUMBER = st.tuples(_SIGN, _NUMBERS, _DECIMALS, _AFTER).map("".join)
_TEXTS = st.one_of(
    st.tuples(_BEFORE, _NUMBER).map("".join),
    st.tuples(_BEFORE, _WORDS, _UNIT).map("".join),
    st.tuples(_BEFORE, _NUMBER, _JOIN, _NUMBER).map("".join),
).flatmap(lambda t: st.sampled_from([t, t.upper(), t.title(), f" {t} ", t.replace(" ", "  ")]))


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_plain_reads_as_the_grammar_reads(text: str) -> None:
    figure = plain(text)
    if figure is not None:
        assert figure == grammar_read(text)


@pytest.mark.parametrize(
    "text",
    ["1,300", "4.3 million", "37%", "more than 1,300", "nearly 40 per cent", "twenty-one",
     "$ 48.2 million", "about £2,000", "4 km", "six weeks", "an estimated 1.6 million",
     "between 20 and 30", "5k-20k", "$20-30bn", "20 to 30 million", "about 20~100"],
)  # fmt: skip
def test_plain_reads_the_common_shapes(text: str) -> None:
    figure = plain(text)
    assert figure is not None and figure == grammar_read(text)


@pytest.mark.parametrize(
    "text",
    [
        "30-20",
        "1,30",
        "3 dozen",
        "$99%",
        "one in five",
        "2 1/2",
        "between 4 thousand and 21",
        "44 mg to 50 mg",
        "more than 20 and less than 30",
        "",
    ],
)
def test_plain_leaves_the_rest_to_the_grammar(text: str) -> None:
    assert plain(text) is None
