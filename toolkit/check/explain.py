"""Plain-English explanations of verdicts, with the intervals behind them."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from toolkit.extraction.claim import Claim
from toolkit.figures.interval import Interval

__all__ = ["describe", "format_interval", "format_number"]

_SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)
_WORDS = {"<=": "at most", "<": "less than", "==": "equal to", "!=": "different from",
          ">=": "at least", ">": "more than"}  # fmt: skip


def format_number(value: Decimal, places: int = 4, rounding: str = ROUND_FLOOR) -> str:
    """'1,300', '4.25', '33.3333' — grouped, trimmed, at most ``places`` decimals."""
    if value.is_infinite():
        return "∞" if value > 0 else "−∞"
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=rounding)
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "−" + text[1:] if text.startswith("-") else text


def _scale(iv: Interval) -> tuple[Decimal, str]:
    ends = [abs(e) for e in (iv.low, iv.high) if e.is_finite() and e != 0]
    if not ends:
        return Decimal(1), ""
    smallest = min(ends)
    for factor, word in _SCALES:
        if smallest >= factor:
            return factor, f" {word}"
    return Decimal(1), ""


def format_interval(iv: Interval, unit: str | None = None) -> str:
    """A reading for people: '1.55–1.65 million', 'exactly 30', 'more than 1,300', '36.5–37.5%'."""
    factor, word = _scale(iv)
    if iv.is_point and factor != 1:
        scaled = iv.low / factor
        if scaled != scaled.quantize(Decimal("0.0001"), rounding=ROUND_FLOOR):
            factor, word = Decimal(1), ""  # "exactly 32,014,110", never a rounded "exactly"
    pre, post = "", word
    if unit in ("%", "pp"):
        post = word + ("%" if unit == "%" else " pp")
    elif unit and len(unit) == 1 and not unit.isalnum():
        pre = unit
    elif unit:
        post = f"{word} {unit}"

    def num(v: Decimal, rounding: str) -> str:
        return pre + format_number(v / factor, rounding=rounding)

    if iv.is_point:
        return f"exactly {num(iv.low, ROUND_FLOOR)}{post}"
    if iv.high.is_infinite() and iv.low.is_finite():
        lead = "at least" if iv.low_closed else "more than"
        return f"{lead} {num(iv.low, ROUND_FLOOR)}{post}"
    if iv.low.is_infinite() and iv.high.is_finite():
        lead = "at most" if iv.high_closed else "less than"
        return f"{lead} {num(iv.high, ROUND_CEILING)}{post}"
    if iv.low.is_infinite() and iv.high.is_infinite():
        return "any value"
    return f"{num(iv.low, ROUND_FLOOR)}–{num(iv.high, ROUND_CEILING)}{post}"


def describe(claim: Claim) -> str:
    """How a claim is named in an explanation: '1.6 million Russians', or its id and text."""
    if claim.subject:
        return f"{claim.text} {claim.subject}"
    if claim.span is not None and claim.text:
        return claim.text  # read from an article: its id was made from the unit, not chosen
    return f"{claim.id} ({claim.text})" if claim.text else claim.id


def comparison_word(op: str) -> str:
    return _WORDS[op]
