"""The span finder's shortcuts find exactly what its expressions find.

``find_spans`` skips places where no match can start (``_anchors``, ``notcounts._protected``)
and windows that cannot end with a qualifier or start with a unit (``qualifiers.search``,
``_unit_after``); each must agree with the plain expression on any text.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.extraction import notcounts, qualifiers, spans
from toolkit.extraction import phrases as P
from toolkit.figures import tokens
from toolkit.figures.tokens import _TOKEN, Token, tokenize

# words and marks the expressions care about, mixed with noise, so that matches do occur
_PIECES = [
    "a", "an", "one", "two", "twenty", "first", "hundred", "million", "half", "a few", "tens",
    "of", "thousands", "more than", "at least", "about", "up to", "~", ">", "per", "the",
    "km", "kg", "°C", "C", "L", "mph", "years", "old", "No.", "Flight", "USD", "$", "£",
    "March", "May", "aged", "https://x.io/a1", "www.b2.org", "a@b.co", "#tag9", "(", ")", ",",
    ".", "-", "+", "'", "'90s", "/", ":", "%", "3", "12", "1,300", "4.3", "2019", "½", "1st",
    "10:30", "5pm", "3-1", "192.168.1.2", "06F6", "4x4", "COVID-19", "x", "ſome", "Kelvin",
    "İ", "é", "\u00a0", "\n", "  ", "per hundred", "per a thousand", "x½", "USD½", "²",
    "USD115", "Rs.500", "_",
    "F", "35", "S&P", "500", "PO Box", "P.O. Box", "Section", "mid-2019", "xwww.a.b", "Apt.",
    "in", "her", "70s", "anyone", "under", "over", "over-65s", "Court", "Room", "Regulation",
    "(EU)", "crime", "reference", "ref", "no", "number", "BBC", "One", "Wi-Fi", "foot", "forty",
    "people", "aged", "older", "2024/1351", "year", "two-year", "one-day", "fixed", "drop",
    # qualifiers of several words, glued symbols, spacing: what ``qualifiers.search`` looks up
    "no more than", "a little over", "less than or equal to", "give or take", "approx.", "ca.",
    "> =", ">=", "+/-", "x>", "(about", "$more", "\t", "Than", "MORE", "or so", "equal",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join) | st.text(max_size=60)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_anchors_are_what_finditer_finds(text: str) -> None:
    norm = spans.normalise(text)
    fast = [(m.start(), m.end(), m.lastgroup) for m in spans._anchors(norm)]
    assert fast == [(m.start(), m.end(), m.lastgroup) for m in P.ANCHOR.finditer(norm)]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_protected_are_what_finditer_finds(text: str) -> None:
    norm = spans.normalise(text)
    expected = [
        (m.start(), m.end(), m.lastgroup or "identifier")
        for m in notcounts._PROTECTED.finditer(norm)
    ]
    assert notcounts._protected(norm) == expected


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span())


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=80), st.integers(min_value=0, max_value=80))
def test_prefix_and_unit_shortcuts_agree(text: str, i: int, j: int) -> None:
    norm = spans.normalise(text)
    lo, hi = sorted((min(i, len(norm)), min(j, len(norm))))
    assert _same(qualifiers.search(norm, lo, hi), P.PREFIX.search(norm, lo, hi))
    assert _same(spans._unit_after(norm, lo, hi), P.UNIT_AFTER.match(norm, lo, hi))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_find_spans_reads_as_with_the_plain_scan(text: str) -> None:
    fast = spans.find_spans(text)
    original = spans._anchors
    try:
        spans._anchors = lambda norm, floor=None: P.ANCHOR.finditer(norm)  # type: ignore[assignment]
        assert spans.find_spans(text) == fast
    finally:
        spans._anchors = original


def _tokens_one_at_a_time(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            tokens.append(Token("bad", text[pos], pos))
            pos += 1
            continue
        if m.lastgroup != "space":
            word = m.group()
            if (m.lastgroup == "word" and "$" in word) or (m.lastgroup == "num" and " " in word):
                word = "".join(word.split())
            tokens.append(Token(m.lastgroup or "bad", word, pos))
        pos = m.end()
    return tokens


@settings(max_examples=400, deadline=None)
@given(
    _TEXTS.map(str.lower)
    | st.text(alphabet="12,. 3$%-–/abc us?!é½", max_size=30)
    | st.text(alphabet="abcz \t\n", max_size=30)  # letters alone: tokenize's shortcut
)
def test_tokens_are_read_as_one_at_a_time(text: str) -> None:
    assert tokenize(text) == _tokens_one_at_a_time(text)


@settings(max_examples=400, deadline=None)
@given(_TEXTS | st.text(alphabet="12 3'-ab,.", max_size=30))
def test_ascii_figures_are_normalised_as_by_both_substitutions(text: str) -> None:
    if text.isascii() and not ("," in text and "." in text):
        spaced = tokens._SPACES_IN_NUMBERS.sub("_", text).lower()
        assert tokens.normalise(text) == tokens._HYPHENATED.sub(" ", spaced)


@settings(max_examples=400, deadline=None)
@given(_TEXTS.map(lambda t: "".join(c for c in t if not c.isdigit())))
def test_not_counts_without_digits_are_what_the_word_scan_finds(text: str) -> None:
    norm = spans.normalise(text)
    expected = [
        (m.start(), m.end(), m.lastgroup or "identifier")
        for m in notcounts._PROTECTED_WORDS.finditer(norm)
    ]
    assert notcounts.not_counts(norm) == expected


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_protected_at_a_digit_matches_as_the_whole_expression(text: str) -> None:
    norm = spans.normalise(text)
    for at, ch in enumerate(norm):
        if ch in "0123456789":
            a = notcounts._PROTECTED.match(norm, at)
            b = notcounts._PROTECTED_AT_DIGIT.match(norm, at)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup))
