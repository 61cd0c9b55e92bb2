"""Numbers in digits, the part of the figure grammar (``grammar.py``) that reads one token.

"4,300", "12,34,567" (South Asian grouping), "4.3", "1.3e6", "2.48×10−5", "2^10". A thousands
separator that does not group three digits is an error naming the token, not a guess.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from toolkit import patterns
from toolkit.figures.cursor import Cursor
from toolkit.figures.interval import _DOWN, _UP, Interval
from toolkit.figures.readings import Quantity, rounded
from toolkit.figures.tokens import Token

__all__ = ["digits", "scientific"]

_GROUP_SEPARATOR = patterns.compile(r"[,_]")
_SCIENTIFIC = patterns.compile(r"(\d*)(?:\.(\d+))?(?:e|\s?[x×]\s?10(?:\^|\*\*)?)([+-]?\d+)")


def digits(tok: Token, reader: Cursor) -> tuple[Decimal, int, int]:
    """Mantissa, decimals written, and trailing zeros of a whole number."""
    text = tok.text
    whole, _, frac = text.partition(".")
    groups = _GROUP_SEPARATOR.split(whole)
    # South Asian grouping, "12,34,567": the last group of three, the others of two
    indian = len(groups) > 2 and len(groups[-1]) == 3 and all(len(g) == 2 for g in groups[1:-1])
    if (
        len(groups) > 1
        and not indian
        and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]))
    ):
        raise reader.fail(
            f"thousands separators must group three digits in {text!r}",
            tok,
            "Write '4,300' for four thousand three hundred, or use a point for decimals ('4.3').",
        )
    numerals = "".join(groups)
    try:
        mantissa = Decimal(f"{numerals}.{frac}" if frac else numerals)
    except InvalidOperation as exc:  # pragma: no cover - the token regex admits only digits
        raise reader.fail(f"could not read {text!r}", tok) from exc
    zeros = 0 if frac or not numerals.strip("0") else len(numerals) - len(numerals.rstrip("0"))
    return mantissa, len(frac), zeros


def scientific(tok: Token, reader: Cursor) -> Quantity:
    """'1.3e6' is rounded at its last mantissa digit: [1.25e6, 1.35e6); a power is exact.

    "2^10" is 1,024 and "8x2^10" 8,192: a power is notation, not a measurement, so its
    digits are read as exact. A power whose value is no finite decimal ("3^-1") is enclosed
    to 80 digits, rounded outward.
    """
    m = _SCIENTIFIC.fullmatch(tok.text)
    if m is None:
        return _power(tok, reader)
    whole, frac, exp = m.group(1) or "0", m.group(2) or "", int(m.group(3))
    power = Decimal(10) ** exp
    value = Decimal(f"{whole}.{frac}" if frac else whole) * power
    step = (Decimal(10) ** -len(frac)) * power
    return replace(rounded(value, step, step >= 1, None), decimals=len(frac))


_POWER = patterns.compile(r"(?:(\d+(?:\.\d+)?)\s?[x×*]\s?)?(\d+(?:\.\d+)?)(?:\^|\*\*)([+-]?\d+)")


def _power(tok: Token, reader: Cursor) -> Quantity:
    m = _POWER.fullmatch(tok.text)
    if m is None:  # pragma: no cover - the token regex admits only these forms
        raise reader.fail(f"could not read {tok.text!r}", tok)
    factor = Fraction(m.group(1) or 1)
    base, exponent = Fraction(m.group(2)), int(m.group(3))
    if base == 0 and exponent < 0:
        raise reader.fail("a power of zero cannot have a negative exponent", tok)
    exact_value = factor * base**exponent
    num, den = Decimal(exact_value.numerator), Decimal(exact_value.denominator)
    low, high = _DOWN.divide(num, den), _UP.divide(num, den)
    whole = exact_value.denominator == 1
    interval = Interval.make(low, high, True, True, whole)
    return Quantity(low, interval, interval, None, None, count=whole)
