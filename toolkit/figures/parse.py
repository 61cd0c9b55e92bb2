"""Read a figure as written ("more than 1,300", "4.3 million", "one in five") into a ``Figure``.

Readings (documented in the README, section "How figures are read"):

* strict — plain whole numbers are exact ("30", "1,250"); decimals,
  percentages and scaled numbers are rounded at their last written digit
  ("4.3 million" → [4.25 M, 4.35 M), "37%" → [36.5, 37.5)).
* lenient — also: trailing zeros of a count of 100 or more may be rounding
  ("1,300" → [1,250, 1,350]; "30" stays exact), and a rounded figure may have been truncated ("4.3
  million" → [4.25 M, 4.4 M)).
* ranges — "between 4 and 5 million", "5k-20k": the stated ends strictly
  ([4 M, 5 M]), the hull of the ends' own readings leniently ([3.5 M, 6 M)).
* qualifiers — "more than X" (X, ∞); "at least X" [X, ∞); "fewer than X"
  [0, X); "up to X" [0, X]; "nearly X" [X − 5 %, X) strict, [X − 10 %, X]
  lenient; "just over X" (X, X + 5 %]; "about X" X ± 5 % strict, ± 10 %
  lenient (never narrower than the rounding of X).
* A magnitude written without a sign is not negative: "under 5" is [0, 5),
  except for units that go below zero (degrees, percentage points).
"""

from __future__ import annotations

import functools
from decimal import Decimal, localcontext

from toolkit.errors import UnreadableFigure
from toolkit.figures.figure import Figure
from toolkit.figures.grammar import Reader
from toolkit.figures.interval import EXACT
from toolkit.figures.plain import plain
from toolkit.figures.readings import share_units

__all__ = ["parse_figure", "read_figure"]


def parse_figure(text: str) -> Figure:
    """Read a figure as written and return its strict and lenient readings.

    Raises ``UnreadableFigure`` naming the part it could not read (with a
    suggestion for a misspelled scale word), never guesses. Results are
    immutable and cached, since tables repeat figures ("four", "50%").
    """
    if not isinstance(text, str):
        raise UnreadableFigure("a figure must be text", repr(text))
    return _parse_cached(text)


def range_ends(text: str) -> tuple[Decimal, Decimal] | None:
    """The two numbers of a range as written ("3.5–4.0 TeV" → 3.5, 4.0), else None.

    A range's ``Figure`` keeps only the hull of its ends' readings; this
    gives the ends themselves. Raises ``UnreadableFigure`` like ``parse_figure``; cached
    like it.
    """
    return _range_ends_cached(text)


@functools.lru_cache(maxsize=4096)
def _range_ends_cached(text: str) -> tuple[Decimal, Decimal] | None:
    with localcontext(EXACT):
        if not text.strip():
            return None
        _, first, second, join = Reader(text).parts()
        if second is None or join == "pm":
            return None
        first, second = share_units(first, second)
        return first.value, second.value


def read_figure(text: str) -> Figure | None:
    """``parse_figure`` for a finder trying phrases: the figure, or None where it would raise.

    A span finder offers several phrases per number and most of them do not read; here the
    failures are cached as well, and read without the suggestion no one will see.
    """
    return _read_cached(text)


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str) -> Figure:
    if (figure := plain(text)) is not None:
        return figure
    with localcontext(EXACT):
        return Reader(text).figure()


@functools.lru_cache(maxsize=16384)
def _read_cached(text: str) -> Figure | None:
    return plain(text) or grammar_read(text)


def grammar_read(text: str) -> Figure | None:
    """``read_figure`` by the full grammar alone, without ``plain`` (which tests hold to it)."""
    reader = Reader(text)
    reader.suggest = False
    with localcontext(EXACT):
        try:
            return reader.figure()
        except UnreadableFigure:
            return None
