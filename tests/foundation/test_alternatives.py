"""``alternatives.narrowed``: at the characters it is given, the whole pattern's matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import alternatives, patterns

DIGITS = "0123456789"


def test_alternatives_that_cannot_start_at_a_digit_are_left_out() -> None:
    pattern = r"(?P<a>x\d|\b\d+)|(?P<b>[a-z]+)|(?<=x)\d{2}|(?i:no\.)\s?\d"
    assert alternatives.narrowed(pattern, DIGITS) == r"(?P<a>\b\d+)|(?<=x)\d{2}"


def test_what_the_analysis_cannot_tell_is_kept() -> None:
    # an empty match, a class that may hold a digit, a negated class, a back reference, "."
    kept = [r"(?:ab)?", r"[|a-z\d]x", r"[^a]", r"(a?)\1", r".b", r"\w+", r"\D*\d"]
    pattern = "|".join([*kept, r"[a-z]", r"\s\d", r"\D"])
    assert alternatives.narrowed(pattern, DIGITS) == "|".join(kept)


def test_a_pattern_with_nothing_left_matches_nothing() -> None:
    narrowed = alternatives.narrowed(r"(?P<word>[a-z]+)|x", DIGITS)
    assert re.compile(narrowed).match("123") is None


def test_a_bar_inside_a_class_or_escaped_does_not_cut() -> None:
    pattern = r"(?P<g>[]|]\d|\||[^]|x]y)|\d"
    assert alternatives.narrowed(pattern, DIGITS) == r"(?P<g>[^]|x]y)|\d"


# small expressions of digits, letters, classes, anchors, lookarounds, groups and repeats
_ATOMS = st.sampled_from(
    [r"\d", "1", "a", "[0-4]", "[a-c]", r"\b", r"(?<=a)", r"(?<!1)", r"(?=\d)", r"(?!a)", r"\w",
     r"\W", "[^a]", ".", r"\s", "(?i:A)", "x", "^", "$", r"\D", "[a1]"]
)  # fmt: skip


def _expressions(atom: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(atom, min_size=1, max_size=4).map("".join),
        st.tuples(atom, st.sampled_from(["?", "*", "+", "{0,2}", "{2}"])).map(
            lambda t: f"(?:{t[0]}){t[1]}"
        ),
        atom.map(lambda a: f"(?:{a})"),
    )


_PATTERNS = st.lists(
    st.recursive(_ATOMS, _expressions, max_leaves=6), min_size=1, max_size=6
).flatmap(
    lambda alts: st.lists(st.booleans(), min_size=len(alts), max_size=len(alts)).map(
        lambda named: "|".join(
            f"(?P<g{i}>{a}|{a}x)" if n else a
            for i, (a, n) in enumerate(zip(alts, named, strict=True))
        )
    )
)


@settings(max_examples=400, deadline=None)
@given(
    _PATTERNS,
    st.text(alphabet="01234abcx A.", max_size=12),
    st.sampled_from([DIGITS, " ", "a", "aA", "x."]),
)
def test_at_those_characters_it_matches_as_the_whole_pattern(
    pattern: str, text: str, chars: str
) -> None:
    whole = re.compile(pattern)
    narrowed = re.compile(alternatives.narrowed(pattern, chars))
    for at, ch in enumerate(text):
        if ch not in chars:
            continue
        a, b = whole.match(text, at), narrowed.match(text, at)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (pattern, at)


def test_a_space_class_is_kept_for_a_space() -> None:
    assert alternatives.narrowed(r"\s\d|x|\S", " ") == r"\s\d"  # "\S" holds no space


def test_the_narrowed_text_is_kept_in_the_pattern_cache() -> None:
    pattern = r"(?P<year>\b\d{4}\b)|(?P<word>[a-z]+)|#\d"
    assert patterns.starting_with(pattern, DIGITS) == alternatives.narrowed(pattern, DIGITS)
    if patterns._entries is not None:
        assert patterns._entries[(f"{DIGITS}\0{pattern}", patterns._DERIVED)] == (
            r"(?P<year>\b\d{4}\b)"
        )
