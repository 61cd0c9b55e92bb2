"""The figures most text writes, read without the full grammar.

"1,300", "4.3 million", "37%", "more than 1,300", "nearly 40 per cent", "twenty-one": most
figures are a number in digits (with a scale word or a percent sign) or one or two number
words, perhaps after a qualifier. ``grammar.Reader`` reads every figure, but most of its time
goes on machinery these shapes never need (tokens, ranges, units, fractions). ``plain`` reads
them directly, through the same readings (``readings.exact``, ``rounded``, ``as_percent``,
``qualify``), and returns None for any other text, which the reader then reads.

A test holds ``plain`` to the reader: on every text it reads, the same ``Figure``.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from toolkit import patterns
from toolkit.figures import words as W
from toolkit.figures.figure import Figure
from toolkit.figures.interval import EXACT
from toolkit.figures.readings import (
    QUALIFIERS,
    Quantity,
    as_percent,
    exact,
    qualify,
    range_of,
    rounded,
    share_units,
    with_unit,
)

__all__ = ["plain"]

_TEN = Decimal(10)
# one number: [currency sign] digits [.decimals] [% | percent | per cent | a word]
_NUMBER = (
    r"(?:(?P<{0}sign>[$£€¥]) ?)?(?P<{0}whole>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<{0}frac>\d+))?"
    r"(?:(?P<{0}percent> ?%| percent| per cent)| ?(?P<{0}word>[a-z]+))?"
)
_PREFIX = r"(?:(?P<prefix>[a-z]+(?: [a-z]+)*) )?"
# [qualifier words] a number, lower case
_DIGITS = patterns.compile(_PREFIX + _NUMBER.format(""))
# [qualifier words] a range of two numbers: "between 20 and 30", "5k-20k", "20 to 30 million"
_RANGE = patterns.compile(
    r"(?:(?P<open>between |from )|(?P<prefix>[a-z]+(?: [a-z]+)*) )?" + _NUMBER.format("a_")
    + r"(?P<join> ?[-–—~] ?| to | through | thru | and )" + _NUMBER.format("b_")
)  # fmt: skip
# [qualifier words] one or two number words ("five", "twenty one") [a unit], lower case
_WORDS = patterns.compile(r"[a-z]+(?: [a-z]+)*")
_HYPHENATED = patterns.compile(r"(?<=[a-z])-(?=[a-z])")
_ASCII_AND_SIGNS = str.maketrans("", "", "£€¥–—")
# Words after a number that the reader reads as something other than its unit: a scale,
# a share, a currency, dozens, a fraction's denominator, "1 in 5", "2 out of 3", "1 over 3".
_NOT_UNITS = (
    set(W.SCALES) | set(W.MONEY_SCALES) | set(W.SCALED_CODES) | set(W.DOZENS)
    | set(W.DENOMINATORS) | set(W.WORD_SCALES) | set(W.SMALL)
    | {p.split()[0] for p in (*W.POINT_WORDS, *W.PERCENT_WORDS, *W.CURRENCY_SUFFIXES)}
    | {"in", "out", "over", "of", "and", "point", "hundred", "a", "an"}
)  # fmt: skip


def plain(text: str) -> Figure | None:
    """The figure ``text`` states when it has one of the plain shapes above, else None."""
    stripped = text.strip()
    if not stripped or "  " in stripped:
        return None
    if not stripped.isascii() and not stripped.translate(_ASCII_AND_SIGNS).isascii():
        return None
    low = stripped.lower()
    if "-" in low:
        low = _HYPHENATED.sub(" ", low)  # "twenty-one", as the reader's tokens see it
    if _WORDS.fullmatch(low) is not None:
        return _words(stripped, low)  # no digits: neither shape below can match
    if (m := _DIGITS.fullmatch(low)) is not None:
        kind = _kind(m["prefix"])
        if kind is None:
            return None
        with localcontext(EXACT):
            read = _number(m, "")
            if read is None:
                return None
            return _figure(stripped, kind, _with_unit(*read))
    if (m := _RANGE.fullmatch(low)) is not None:
        with localcontext(EXACT):
            return _range(stripped, m)
    return None


def _words(text: str, low: str) -> Figure | None:
    """Words alone (``_WORDS``): [qualifier] one or two number words [unit]."""
    words = low.split(" ")
    unit = None
    if len(words) > 1 and words[-1] in W.UNIT_WORDS and words[-1] not in _NOT_UNITS:
        unit, words = words[-1], words[:-1]  # "six weeks"
    if len(words) > 1 and words[-2] in W.TENS and 0 < W.SMALL.get(words[-1], 0) < 10:
        value, prefix = W.SMALL[words[-2]] + W.SMALL[words[-1]], words[:-2]
    elif words[-1] in W.SMALL:
        value, prefix = W.SMALL[words[-1]], words[:-1]
    else:
        return None
    kind = _kind(" ".join(prefix) if prefix else None)
    if kind is None:
        return None
    with localcontext(EXACT):
        return _figure(text, kind, _with_unit(exact(Decimal(value), None, count=True), unit))


def _range(text: str, m: re.Match[str]) -> Figure | None:
    """Two numbers joined as a range, read as ``grammar.Reader.parts`` and ``finish`` read them."""
    opened, join = m["open"], m["join"].strip()
    if opened is not None:
        if m["prefix"] is not None:
            return None
        kind: str | None = "neutral"
    elif join == "and":
        return None  # "20 and 30" are two numbers, "more than 20 and ..." two bounds
    else:
        kind = _kind(m["prefix"])
    if join == "and" and (m["a_word"] == "hundred" or m["a_word"] in W.WORD_SCALES):
        return None  # "between 4 thousand and 21": digits between scale words, one number
    first, second = _number(m, "a_"), _number(m, "b_")
    if kind is None or first is None or second is None or first[1] is not None:
        return None  # "44 mg to 50 mg": the first end's own unit, which the reader reads
    a, b = first[0], second[0]
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    a, b = share_units(a, b)
    a, b = _with_unit(a, second[1]), _with_unit(b, second[1])
    if b.value < a.value and not a.value <= 0:
        return None  # a range that runs backwards: the reader says so
    strict, lenient = range_of(kind, a, b)
    return Figure(text, None, strict, lenient, QUALIFIERS[kind], a.unit, (a.value, b.value))


def _kind(prefix: str | None) -> str | None:
    """The qualifier's kind ("gt" for "more than"), "neutral" for none, None if unknown."""
    if prefix is None:
        return "neutral"
    if prefix in ("between", "from"):
        return None  # the start of a range, which the reader reads
    return W.PREFIXES.get(prefix)


def _number(m: re.Match[str], end: str) -> tuple[Quantity, str | None] | None:
    """One number of the match (``end`` names its groups) and the unit word after it, read as
    ``grammar.Reader`` reads it (``_scaled``, ``_affixes``, ``unit_word``); None when the
    reader would read it otherwise."""
    sign, word = m[end + "sign"], m[end + "word"]
    if sign and m[end + "percent"]:
        return None
    scale, unit = Decimal(1), None
    if word in W.SCALES or (sign and word in W.MONEY_SCALES):
        if word in W.SCALED_CODES:
            return None
        scale = W.SCALES.get(word or "") or W.MONEY_SCALES[word or ""]
    elif word is not None:
        if sign or word not in W.UNIT_WORDS or word in _NOT_UNITS:
            return None
        unit = word
    numerals, frac = m[end + "whole"].replace(",", ""), m[end + "frac"] or ""
    mantissa = Decimal(f"{numerals}.{frac}" if frac else numerals)
    decimals = len(frac)
    zeros = 0 if frac or not numerals.strip("0") else len(numerals) - len(numerals.rstrip("0"))
    value = mantissa * scale
    if scale == 1 and decimals == 0:
        q = exact(value, _TEN**zeros if zeros and value >= 100 else None, count=True)
    elif scale == 1:
        q = rounded(value, _TEN**-decimals, False, None, decimals=decimals)
    else:
        zero_step = (_TEN**zeros) * scale if decimals == 0 and zeros else None
        q = rounded(value, (_TEN**-decimals) * scale, True, zero_step, scale, decimals)
    if sign is not None:
        q = with_unit(q, W.CURRENCY_PREFIXES[sign], False)
    elif m[end + "percent"]:
        q = as_percent(q, "%")
    return q, unit


def _with_unit(q: Quantity, word: str | None) -> Quantity:
    """A unit word after the number, as ``grammar.Reader.finish`` applies it."""
    if word is None:
        return q
    unit = W.UNIT_ALIASES.get(word, word)
    return with_unit(q, unit, q.count and unit in W.COUNT_UNITS)


def _figure(text: str, kind: str, q: Quantity) -> Figure:
    strict, lenient = qualify(kind, q)
    return Figure(text, q.value, strict, lenient, QUALIFIERS[kind], q.unit)
