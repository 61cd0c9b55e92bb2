"""The figures most text writes, read without the full grammar.

"1,300", "4.3 million", "37%", "more than 1,300", "nearly 40 per cent", "twenty-one": most
figures are a number in digits (with a scale word or a percent sign) or one or two number
words, perhaps after a qualifier. ``parse._Reader`` reads every figure, but most of its time
goes on machinery these shapes never need (tokens, ranges, units, fractions). ``plain`` reads
them directly, through the same readings (``readings.exact``, ``rounded``, ``as_percent``,
``qualify``), and returns None for any other text, which the reader then reads.

A test holds ``plain`` to the reader: on every text it reads, the same ``Figure``.
"""

from __future__ import annotations

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
    rounded,
    with_unit,
)

__all__ = ["plain"]

_TEN = Decimal(10)
# [qualifier words] [currency sign] digits [.decimals] [% | percent | per cent | a word]
_DIGITS = patterns.compile(
    r"(?:(?P<prefix>[a-z]+(?: [a-z]+)*) )?(?:(?P<sign>[$£€¥]) ?)?"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"(?:(?P<percent> ?%| percent| per cent)| ?(?P<word>[a-z]+))?"
)
_WORDS = patterns.compile(r"[a-z]+(?: [a-z]+)*")
_HYPHENATED = patterns.compile(r"(?<=[a-z])-(?=[a-z])")
_ASCII_AND_SIGNS = str.maketrans("", "", "£€¥")
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
    if (m := _DIGITS.fullmatch(low)) is not None:
        kind = _kind(m.group("prefix"))
        if kind is None or (m["sign"] and m["percent"]):
            return None
        with localcontext(EXACT):
            q = _digits(m.group("whole"), m.group("frac") or "", m.group("word"), m["sign"])
            if q is None:
                return None
            if m.group("percent"):
                q = as_percent(q, "%")
            return _figure(stripped, kind, q)
    if _WORDS.fullmatch(low) is None:
        return None
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
        return _figure(stripped, kind, _with_unit(exact(Decimal(value), None, count=True), unit))


def _kind(prefix: str | None) -> str | None:
    """The qualifier's kind ("gt" for "more than"), "neutral" for none, None if unknown."""
    if prefix is None:
        return "neutral"
    if prefix in ("between", "from"):
        return None  # the start of a range, which the reader reads
    return W.PREFIXES.get(prefix)


def _digits(whole: str, frac: str, word: str | None, sign: str | None) -> Quantity | None:
    """A number in digits with its currency, scale word or unit, read as ``parse._Reader``
    reads it (``_scaled``, ``_affixes``, ``unit_word``)."""
    scale, unit = Decimal(1), None
    if word in W.SCALES or (sign and word in W.MONEY_SCALES):
        if word in W.SCALED_CODES:
            return None
        scale = W.SCALES.get(word or "") or W.MONEY_SCALES[word or ""]
    elif word is not None:
        if sign or word not in W.UNIT_WORDS or word in _NOT_UNITS:
            return None
        unit = word
    numerals = whole.replace(",", "")
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
        return with_unit(q, W.CURRENCY_PREFIXES[sign], False)
    return _with_unit(q, unit)


def _with_unit(q: Quantity, word: str | None) -> Quantity:
    """A unit word after the number, as ``parse._Reader.finish`` applies it."""
    if word is None:
        return q
    unit = W.UNIT_ALIASES.get(word, word)
    return with_unit(q, unit, q.count and unit in W.COUNT_UNITS)


def _figure(text: str, kind: str, q: Quantity) -> Figure:
    strict, lenient = qualify(kind, q)
    return Figure(text, q.value, strict, lenient, QUALIFIERS[kind], q.unit)
