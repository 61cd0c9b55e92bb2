"""Read a figure as written ("more than 1,300", "4.3 million", "one in five") into a ``Figure``.

Readings (documented in the README, section "How figures are read"):

* strict — plain whole numbers are exact ("30", "1,250"); decimals,
  percentages and scaled numbers are rounded at their last written digit
  ("4.3 million" → [4.25 M, 4.35 M), "37%" → [36.5, 37.5)).
* lenient — also: trailing zeros of a count of 100 or more may be rounding
  ("1,300" → [1,250, 1,350]; "30" stays exact), and a rounded figure may have been truncated ("4.3
  million" → [4.25 M, 4.4 M)).
* qualifiers — "more than X" (X, ∞); "at least X" [X, ∞); "fewer than X"
  [0, X); "up to X" [0, X]; "nearly X" [X − 5 %, X) strict, [X − 10 %, X]
  lenient; "just over X" (X, X + 5 %]; "about X" X ± 5 % strict, ± 10 %
  lenient (never narrower than the rounding of X).
* A magnitude written without a sign is not negative: "under 5" is [0, 5),
  except for units that go below zero (degrees, percentage points).
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation, localcontext

from toolkit.errors import UnreadableFigure
from toolkit.figures import words as W
from toolkit.figures.figure import Figure
from toolkit.figures.interval import _DOWN, _UP, EXACT, Interval
from toolkit.figures.readings import (
    LENIENT_ABOUT,
    QUALIFIERS,
    Quantity,
    as_percent,
    exact,
    qualify,
    rounded,
    share_units,
    with_unit,
)
from toolkit.figures.tokens import Token, normalise, tokenize

__all__ = ["parse_figure"]


_Phrases = dict[str, list[tuple[tuple[str, ...], str]]]


def _phrases(table: dict[str, str] | tuple[str, ...]) -> _Phrases:
    """Phrases indexed by their first word, longest first."""
    items = table.items() if isinstance(table, dict) else ((p, p) for p in table)
    out: _Phrases = {}
    for phrase, kind in items:
        words = tuple(t.text for t in tokenize(phrase))
        out.setdefault(words[0], []).append((words, kind))
    for options in out.values():
        options.sort(key=lambda item: -len(item[0]))
    return out


_PREFIXES = _phrases(W.PREFIXES)
_SUFFIXES = _phrases(W.SUFFIXES)
_PERCENT = _phrases(W.PERCENT_WORDS)
_POINTS = _phrases(W.POINT_WORDS)
_KNOWN_WORDS = (
    set(W.SCALES) | set(W.SMALL) | set(W.UNIT_WORDS) | set(W.CURRENCY_SUFFIXES) | set(W.SCALE_NAMES)
)


class _Reader:
    def __init__(self, text: str) -> None:
        self.original = text
        self.text = normalise(text)
        self.tokens = tokenize(self.text)
        self.pos = 0

    # -- helpers ---------------------------------------------------------
    def peek(self, offset: int = 0) -> Token | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def at(self, *texts: str) -> bool:
        tok = self.peek()
        return tok is not None and tok.text in texts

    def match(self, phrases: _Phrases) -> str | None:
        tok = self.peek()
        if tok is None or tok.text not in phrases:
            return None
        for words, kind in phrases[tok.text]:
            n = len(words)
            if tuple(t.text for t in self.tokens[self.pos : self.pos + n]) == words:
                self.pos += n
                return kind
        return None

    def fail(self, what: str, tok: Token | None = None, fix: str | None = None) -> UnreadableFigure:
        column = (tok.start + 1) if tok is not None else len(self.text) + 1
        return UnreadableFigure(what, self.original, column, fix)

    # -- grammar ---------------------------------------------------------
    def figure(self) -> Figure:
        if not self.tokens:
            raise self.fail(
                "no figure to read",
                fix="Write a number such as '4.3 million' or 'more than 1,300'.",
            )
        return self.finish(*self.parts())

    def parts(self) -> tuple[str, Quantity, Quantity | None]:
        """The qualifier kind and the one or two numbers, as written."""
        kind = self.match(_PREFIXES) or "neutral"
        if kind == "neutral" and self.at("between", "from"):
            self.pos += 1
            low = self.quantity()
            if not self.at("and", "to", "-", "–", "—"):
                raise self.fail("expected 'and' in a range", self.peek())
            self.pos += 1
            return kind, low, self.quantity()
        first = self.quantity()
        tok = self.peek()
        if tok is not None and tok.text in ("-", "–", "—", "to") and self._range_follows():
            self.pos += 1
            return kind, first, self.quantity()
        return kind, first, None

    def _range_follows(self) -> bool:
        nxt = self.peek(1)
        if nxt is None:
            return False
        return nxt.kind == "num" or nxt.text in W.SMALL or nxt.text in W.CURRENCY_PREFIXES

    def finish(self, kind: str, first: Quantity, second: Quantity | None) -> Figure:
        if second is not None:
            first, second = share_units(first, second)
        tail = self.match(_SUFFIXES)
        if tail is None and self.at("-") and self.peek(1) is not None:
            save = self.pos
            self.pos += 1
            tail = self.match(_SUFFIXES)
            if tail is None:
                self.pos = save
        if tail is not None:
            if kind not in ("neutral", tail):
                raise self.fail("two qualifiers for one figure", self.peek(-1))
            kind = tail
        unit = self.unit_word(first if second is None else second)
        if unit is not None:
            first = with_unit(first, unit, first.count and unit in W.COUNT_UNITS)
            if second is not None:
                second = with_unit(second, unit, second.count and unit in W.COUNT_UNITS)
        tok = self.peek()
        if tok is not None:
            raise self._leftover(tok)
        qualifier = QUALIFIERS[kind]
        if second is None:
            strict, lenient = qualify(kind, first)
            value = first.value if first.point else None
            if not first.point:
                qualifier = "~"
            return Figure(self.original.strip(), value, strict, lenient, qualifier, first.unit)
        if second.value < first.value:
            raise self.fail(
                "the range runs backwards",
                None,
                "Write the smaller number first, e.g. 'between 20 and 30'.",
            )
        s1, l1 = qualify(kind, first)
        s2, l2 = qualify(kind, second)
        return Figure(self.original.strip(), None, s1.hull(s2), l1.hull(l2), qualifier, first.unit)

    def _leftover(self, tok: Token) -> UnreadableFigure:
        word = tok.text
        if tok.kind == "word":
            close = difflib.get_close_matches(word, W.SCALE_NAMES, n=1, cutoff=0.75)
            if close:
                return self.fail(f"unknown scale word {word!r}", tok, f"Did you mean {close[0]!r}?")
            close = difflib.get_close_matches(word, sorted(W.UNIT_WORDS), n=1, cutoff=0.8)
            if close:
                return self.fail(f"unknown unit {word!r}", tok, f"Did you mean {close[0]!r}?")
            return self.fail(
                f"could not read {word!r}",
                tok,
                "Write only the figure ('4.3 million', 'more than 1,300'); "
                "put what is counted in the subject column.",
            )
        return self.fail(f"could not read {word!r}", tok, "Remove it or write the figure in words.")

    def unit_word(self, q: Quantity) -> str | None:
        if self.at("-") and self.peek(1) is not None and self.peek(1).text in W.UNIT_WORDS:  # type: ignore[union-attr]
            self.pos += 1
        tok = self.peek()
        if tok is not None and tok.text in W.UNIT_WORDS:
            self.pos += 1
            return W.UNIT_ALIASES.get(tok.text, tok.text)
        return None

    # -- one quantity ----------------------------------------------------
    def quantity(self) -> Quantity:
        negative = False
        currency = self._currency_prefix()
        if self.at("-", "–", "minus", "negative"):
            negative = True
            self.pos += 1
        currency = currency or self._currency_prefix()
        q = self._magnitude()
        q = self._affixes(q, currency)
        if negative:
            q = replace(q, value=q.value.copy_negate(), strict=-q.strict, lenient=-q.lenient)
        return q

    def _currency_prefix(self) -> str | None:
        tok = self.peek()
        if tok is not None and tok.text in W.CURRENCY_PREFIXES:
            self.pos += 1
            return W.CURRENCY_PREFIXES[tok.text]
        return None

    def _affixes(self, q: Quantity, currency: str | None) -> Quantity:
        if self.match(_POINTS):
            return as_percent(q, "pp")
        if self.match(_PERCENT):
            return as_percent(q, "%")
        tok = self.peek()
        if tok is not None and tok.text in W.CURRENCY_SUFFIXES:
            self.pos += 1
            currency = currency or W.CURRENCY_SUFFIXES[tok.text]
        if currency is not None:
            return with_unit(q, currency, False)
        return q

    def _magnitude(self) -> Quantity:
        tok = self.peek()
        if tok is None:
            raise self.fail("a number is missing", None, "Write the figure, e.g. '4.3 million'.")
        if tok.kind == "sci":
            self.pos += 1
            return _scientific(tok, self)
        if tok.kind == "num":
            slashed = self._slash_fraction()
            if slashed is not None:
                return slashed
            self.pos += 1
            return self._scaled(*_digits(tok, self))
        if tok.text in ("several", "a", "few", "tens") or tok.text in W.VAGUE_SCALES:
            vague = self._vague()
            if vague is not None:
                return vague
        fraction = self._fraction()
        if fraction is not None:
            return fraction
        if tok.text in W.SMALL or tok.text in ("a", "an", "dozen"):
            return self._words()
        if tok.kind == "word":
            raise self._leftover(tok)
        raise self.fail(f"could not read {tok.text!r}", tok, "Start the figure with a number.")

    def _scaled(self, mantissa: Decimal, decimals: int, zeros: int) -> Quantity:
        tok = self.peek()
        scale = Decimal(1)
        if tok is not None and tok.text in W.SCALES and not (tok.text == "b" and self._unit_b()):
            self.pos += 1
            scale = W.SCALES[tok.text]
        value = mantissa * scale
        if scale == 1 and decimals == 0:
            # Round counts of 100 or more may be rounded ("1,300"); 20 or 30 read as exact.
            zero_step = Decimal(10) ** zeros if zeros and value >= 100 else None
            return exact(value, zero_step, count=True)
        if scale == 1:
            return replace(rounded(value, Decimal(10) ** -decimals, False, None), decimals=decimals)
        step = (Decimal(10) ** -decimals) * scale
        count = decimals == 0 or scale > 1
        zero_step = (Decimal(10) ** zeros) * scale if decimals == 0 and zeros else None
        return replace(rounded(value, step, count, zero_step), scale=scale, decimals=decimals)

    def _slash_fraction(self) -> Quantity | None:
        """'3/4' and the mixed number '2 1/2' (a whole number, then a proper fraction)."""
        toks = self.tokens[self.pos : self.pos + 4]
        texts = [t.text for t in toks]
        whole = Decimal(0)
        if len(toks) == 4 and texts[2] == "/" and toks[1].kind == "num" == toks[3].kind:
            if not all(t.isdigit() for t in (texts[0], texts[1], texts[3])):
                return None
            if not 0 < int(texts[1]) < int(texts[3]):
                return None
            whole, toks, texts = Decimal(texts[0]), toks[1:], texts[1:]
        elif not (len(toks) >= 3 and texts[1] == "/" and toks[2].kind == "num"):
            return None
        if not (texts[0].isdigit() and texts[2].isdigit()):
            return None
        numerator, denominator = Decimal(texts[0]), Decimal(texts[2])
        if denominator == 0:
            raise self.fail("a fraction cannot divide by zero", toks[2])
        self.pos += 4 if whole else 3
        low = whole + _DOWN.divide(numerator, denominator)
        high = whole + _UP.divide(numerator, denominator)
        strict = Interval.make(low, high)
        return Quantity(low, strict, strict, None, None, count=low == high and low % 1 == 0)

    def _unit_b(self) -> bool:
        return False

    def _words(self) -> Quantity:
        total, current, scale_seen, start = 0, 0, Decimal(1), self.pos
        last_scale = Decimal(1)
        while (tok := self.peek()) is not None:
            word = tok.text
            if word in ("a", "an") and self.pos == start:
                current = 1
            elif word in W.SMALL:
                current += W.SMALL[word]
            elif word == "dozen":
                current = (current or 1) * 12
            elif word == "hundred":
                current = (current or 1) * 100
            elif word in ("thousand", "million", "billion", "trillion"):
                scale = W.SCALES[word]
                total += (current or 1) * int(scale)
                current = 0
                scale_seen = max(scale_seen, scale)
                last_scale = scale
            elif (
                word == "and"
                and self.pos > start
                and (nxt := self.peek(1)) is not None
                and (nxt.text in W.SMALL or nxt.text == "a")
            ):
                if nxt.text == "a" and (n2 := self.peek(2)) is not None and n2.text == "half":
                    self.pos += 3
                    half = Decimal(total + current) + Decimal("0.5")
                    word = self._peek_text(0) or ""
                    if word in ("thousand", "million", "billion", "trillion"):
                        self.pos += 1
                        scale = W.SCALES[word]
                        return replace(
                            rounded(half * scale, scale / 10, True, None), scale=scale, decimals=1
                        )
                    return rounded(half, Decimal("0.1"), False, None)
                if nxt.text == "a":
                    break
            else:
                break
            self.pos += 1
        if self.pos == start or (self.pos == start + 1 and self.tokens[start].text in ("a", "an")):
            raise self.fail("a number is missing", self.peek(), "Write the figure as a number.")
        value = Decimal(total + current)
        if scale_seen > 1 and current == 0:
            return replace(rounded(value, last_scale, True, None), scale=last_scale)
        zeros = len(str(int(value))) - len(str(int(value)).rstrip("0")) if value >= 100 else 0
        return exact(value, Decimal(10) ** zeros if zeros else None, count=True)

    def _vague(self) -> Quantity | None:
        save = self.pos
        tok = self.peek()
        assert tok is not None
        lo_m, hi_m, len_lo, len_hi = Decimal(2), Decimal(10), Decimal(1), Decimal(100)
        if tok.text == "several" or (tok.text == "a" and self._peek_text(1) == "few"):
            self.pos += 1 if tok.text == "several" else 2
            lo_m, hi_m, len_lo, len_hi = Decimal(3), Decimal(10), Decimal(2), Decimal(10)
            nxt = self.peek()
            if nxt is None or nxt.text not in W.SCALES or nxt.text in ("m", "b", "k"):
                self.pos = save
                return None
            scale = W.SCALES[nxt.text]
            self.pos += 1
        elif tok.text == "tens" and self._peek_text(1) == "of":
            self.pos += 2
            nxt = self.peek()
            if nxt is None or nxt.text not in W.VAGUE_SCALES:
                self.pos = save
                return None
            self.pos += 1
            scale = W.VAGUE_SCALES[nxt.text] * 10
        elif tok.text in W.VAGUE_SCALES:
            self.pos += 1
            scale = W.VAGUE_SCALES[tok.text]
            if self._peek_text(0) == "of" and self._peek_text(1) in W.VAGUE_SCALES:
                self.pos += 2
                scale *= W.VAGUE_SCALES[self.tokens[self.pos - 1].text]
        else:
            return None
        strict = Interval(lo_m * scale, hi_m * scale, True, False, True)
        lenient = Interval(len_lo * scale, len_hi * scale, True, False, True)
        return Quantity(lo_m * scale, strict, lenient, None, None, True, point=False)

    def _peek_text(self, offset: int) -> str | None:
        tok = self.peek(offset)
        return tok.text if tok is not None else None

    def _fraction(self) -> Quantity | None:
        save = self.pos
        numerator = self._small_number()
        if numerator is None and self.at("a", "an", "one"):
            self.pos += 1
            numerator = Decimal(1)
        nxt = self.peek()
        if (nxt is not None and nxt.text in W.DENOMINATORS and numerator is not None) or (
            nxt is not None and nxt.text == "half"
        ):
            assert nxt is not None
            self.pos += 1
            denominator = Decimal(W.DENOMINATORS[nxt.text])
            return self._share_or_scaled(numerator or Decimal(1), denominator)
        if numerator is not None and self.at("in", "out", "of"):
            after = self._peek_text(1)
            if (self.at("out") and after == "of") or (self.at("of") and after == "every"):
                self.pos += 1
            self.pos += 1
            over = self._small_number()
            if over is not None and over > 0 and numerator <= over:
                return self._share(Interval.make(
                    _DOWN.divide(numerator * 100, over),
                    _UP.divide(numerator * 100, over),
                ), _DOWN.divide(numerator * 100, over))  # fmt: skip
        self.pos = save
        return None

    def _share_or_scaled(self, numerator: Decimal, denominator: Decimal) -> Quantity:
        # "half a million" is 500,000 people, not 50 %.
        if self.at("a", "of") or self._peek_text(0) in W.SCALES:
            save = self.pos
            while self.at("a", "of"):
                self.pos += 1
            tok = self.peek()
            if tok is not None and tok.text in ("thousand", "million", "billion", "trillion"):
                self.pos += 1
                scale = W.SCALES[tok.text]
                value = _DOWN.divide(numerator * scale, denominator)
                return replace(rounded(value, scale / 10, True, None), scale=scale, decimals=1)
            self.pos = save
        low = _DOWN.divide(numerator * 100, denominator)
        return self._share(Interval.make(low, _UP.divide(numerator * 100, denominator)), low)

    def _share(self, strict: Interval, value: Decimal) -> Quantity:
        lenient = Interval.make(
            _DOWN.multiply(strict.low, 1 - LENIENT_ABOUT),
            _UP.multiply(strict.high, 1 + LENIENT_ABOUT),
        )
        return Quantity(value, strict, lenient, None, "%", count=False)

    def _small_number(self) -> Decimal | None:
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == "num" and re.fullmatch(r"\d+", tok.text):
            self.pos += 1
            return Decimal(tok.text)
        if tok.text in W.SMALL:
            value = W.SMALL[tok.text]
            self.pos += 1
            if value >= 20 and value % 10 == 0 and self._peek_text(0) in W.SMALL:
                value += W.SMALL[self.tokens[self.pos].text]
                self.pos += 1
            return Decimal(value)
        return None


def _digits(tok: Token, reader: _Reader) -> tuple[Decimal, int, int]:
    """Mantissa, decimals written, and trailing zeros of a whole number."""
    text = tok.text
    whole, _, frac = text.partition(".")
    groups = re.split(r"[,_]", whole)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        raise reader.fail(
            f"thousands separators must group three digits in {text!r}",
            tok,
            "Write '4,300' for four thousand three hundred, or use a point for decimals ('4.3').",
        )
    digits = "".join(groups)
    try:
        mantissa = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation as exc:  # pragma: no cover - the token regex admits only digits
        raise reader.fail(f"could not read {text!r}", tok) from exc
    zeros = 0 if frac or not digits.strip("0") else len(digits) - len(digits.rstrip("0"))
    return mantissa, len(frac), zeros


def _scientific(tok: Token, reader: _Reader) -> Quantity:
    """'1.3e6' is rounded at its last mantissa digit: [1.25e6, 1.35e6)."""
    m = re.fullmatch(r"(\d*)(?:\.(\d+))?(?:e|\s?[x×]\s?10(?:\^|\*\*)?)([+-]?\d+)", tok.text)
    if m is None:  # pragma: no cover - the token regex admits only these forms
        raise reader.fail(f"could not read {tok.text!r}", tok)
    whole, frac, exp = m.group(1) or "0", m.group(2) or "", int(m.group(3))
    power = Decimal(10) ** exp
    value = Decimal(f"{whole}.{frac}" if frac else whole) * power
    step = (Decimal(10) ** -len(frac)) * power
    return replace(rounded(value, step, step >= 1, None), decimals=len(frac))


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
    gives the ends themselves. Raises ``UnreadableFigure`` like ``parse_figure``.
    """
    with localcontext(EXACT):
        if not text.strip():
            return None
        _, first, second = _Reader(text).parts()
        if second is None:
            return None
        first, second = share_units(first, second)
        return first.value, second.value


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str) -> Figure:
    with localcontext(EXACT):
        return _Reader(text).figure()
