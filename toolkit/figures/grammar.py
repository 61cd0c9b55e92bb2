"""The full grammar of a figure: every form ``parse.parse_figure`` reads.

``Reader(text).figure()`` reads the tokens of a figure ("more than 1,300", "between 4 and 5
million", "one in five", "2.48×10⁻⁵ m") into a ``Figure``: qualifier, currency, number,
scale, percent or unit, range, suffix qualifier, each through ``readings``. It raises
``UnreadableFigure`` naming the part it could not read. ``plain`` reads the common shapes
without it; ``parse`` holds both behind its caches.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from toolkit.figures import words as W
from toolkit.figures.affixes import AffixReader
from toolkit.figures.cursor import phrases
from toolkit.figures.digits import digits, scientific
from toolkit.figures.figure import Figure
from toolkit.figures.interval import _DOWN, _UP, Interval
from toolkit.figures.readings import (
    QUALIFIERS,
    Quantity,
    exact,
    intersect,
    qualify,
    range_of,
    rounded,
    share_units,
    with_unit,
)

__all__ = ["Reader"]


_PREFIXES = phrases(W.PREFIXES)
_SUFFIXES = phrases(W.SUFFIXES)
_JOINS = ("-", "–", "—", "~", "to", "through", "thru")
_TEN = Decimal(10)
_LOWER, _UPPER = ("gt", "ge"), ("lt", "lt0", "le")


class Reader(AffixReader):
    """The cursor over a figure's tokens, with the rules that read them (``figure()``)."""

    # -- grammar ---------------------------------------------------------
    def figure(self) -> Figure:
        if not self.tokens:
            raise self.fail(
                "no figure to read",
                fix="Write a number such as '4.3 million' or 'more than 1,300'.",
            )
        return self.finish(*self.parts())

    def parts(self) -> tuple[str, Quantity, Quantity | None, str | None]:
        """The qualifier kind, the one or two numbers as written, and how the second is joined.

        The join is None for a range or a single number, the second qualifier's kind for two
        bounds ("more than 20 and at most 35"), or "pm" for "20 ± 3".
        """
        kind = self.match(_PREFIXES) or "neutral"
        if kind == "neutral" and self.at("between", "from"):
            self.pos += 1
            low = self._unit_before_join(self.quantity())
            if not self.at("and", *_JOINS):
                raise self.fail("expected 'and' in a range", self.peek())
            self.pos += 1
            return kind, low, self.quantity(), None
        first = self._unit_before_join(self.quantity())
        if self.at("-") and self.peek_text(1) == "to":  # "8- to 16-metre"
            self.pos += 1
        tok = self.peek()
        if tok is not None and tok.text in _JOINS and self._range_follows():
            self.pos += 1
            return kind, first, self.quantity(), None
        if self.at("±", "+/-") and self._range_follows():
            self.pos += 1
            return kind, first, self.quantity(), "pm"
        if kind in _LOWER + _UPPER and self.at("and", "but"):
            save = self.pos
            self.pos += 1
            other = self.match(_PREFIXES)
            if other in _LOWER + _UPPER and (other in _LOWER) != (kind in _LOWER):
                return kind, first, self.quantity(), other
            self.pos = save
        return kind, first, None, None

    def _unit_before_join(self, q: Quantity) -> Quantity:
        """ "44 mg to 50 mg", "between 10C and 15C": the first end's own unit."""
        word = self.peek_text()
        if word in W.UNIT_WORDS and self.peek_text(1) in ("and", *_JOINS):
            self.pos += 1
            if self._range_follows():
                unit = W.UNIT_ALIASES.get(word or "", word)
                return with_unit(q, unit, q.count and unit in W.COUNT_UNITS)
            self.pos -= 1
        return q

    def _range_follows(self) -> bool:
        nxt = self.peek(1)
        if nxt is not None and nxt.text in ("-", "–", "minus") and self.peek(2) is not None:
            nxt = self.peek(2)  # "from -18 °C to -34 °C"
        if nxt is None:
            return False
        return nxt.kind in ("num", "sci") or nxt.text in W.SMALL or nxt.text in W.CURRENCY_PREFIXES

    def finish(
        self, kind: str, first: Quantity, second: Quantity | None, join: str | None = None
    ) -> Figure:
        if second is not None:
            if first.unit is not None and second.unit is not None and first.unit != second.unit:
                # "by 0.25 percentage points to 5.25%": a change and a level, not a range
                raise self.fail("the two ends have different units", self.peek(-1))
            first, second = share_units(first, second)
        if kind in ("gt", "lt", "lt0") and self.at("or") and self.peek_text(1) == "equal":
            # "more than 5000 or equal to": the bound itself is allowed
            self.pos += 3 if self.peek_text(2) == "to" else 2
            kind = "ge" if kind == "gt" else "le"
        tail = self.match(_SUFFIXES)
        if tail is None and self.at("-") and self.peek(1) is not None:
            save = self.pos
            self.pos += 1
            tail = self.match(_SUFFIXES)
            if tail is None:
                self.pos = save
        kind, hedged = self._tail(kind, tail, second, join)
        first_unit = first.unit
        unit = self.unit_word(first if second is None else second)
        if unit is not None and tail is None and second is None:
            kind, hedged = self._tail(
                kind, self.match(_SUFFIXES), second, join
            )  # "12 weeks or longer"
        if unit is not None:
            if second is not None and first_unit in W.UNIT_WORDS and first_unit != unit:
                raise self.fail("the two ends have different units", self.peek(-1))
            first = with_unit(first, unit, first.count and unit in W.COUNT_UNITS)
            if second is not None:
                second = with_unit(second, unit, second.count and unit in W.COUNT_UNITS)
        tok = self.peek()
        if tok is not None:
            raise self.leftover(tok)
        qualifier = QUALIFIERS[kind]
        text = self.original.strip()
        if second is None:
            strict, lenient = qualify(kind, first)
            if hedged is not None:
                # Every value either wording allows: [475, ∞) for "about 500 or more".
                hedge_strict, hedge_lenient = qualify(hedged, first)
                strict, lenient = strict.hull(hedge_strict), lenient.hull(hedge_lenient)
            value = first.value if first.point else None
            if not first.point:
                qualifier = "~"
            return Figure(text, value, strict, lenient, qualifier, first.unit)
        if join == "pm":
            return self._plus_minus(kind, first, second)
        if join is not None:
            s1, l1 = qualify(kind, first)
            s2, l2 = qualify(join, second)
            strict, lenient = intersect(s1, s2), intersect(l1, l2)
            if strict.is_empty or lenient.is_empty:
                raise self.fail("the two bounds leave no value between them")
            ends = (first.value, second.value)
            return Figure(text, None, strict, lenient, "=", first.unit, ends)
        # "from -18 to -34 °C" runs down to the colder end; a range of magnitudes never does.
        if second.value < first.value and not first.value <= 0:
            raise self.fail(
                "the range runs backwards",
                None,
                "Write the smaller number first, e.g. 'between 20 and 30'.",
            )
        strict, lenient = range_of(kind, first, second)
        ends = (first.value, second.value)
        return Figure(text, None, strict, lenient, qualifier, first.unit, ends)

    def _tail(
        self, kind: str, tail: str | None, second: Quantity | None, join: str | None
    ) -> tuple[str, str | None]:
        """The qualifier with a bound written after the number, and the hedge it widens.

        "about 500 or more" is a hedge widened by a bound.
        """
        if tail is None:
            return kind, None
        hedged = None
        if kind in ("about", "nearly", "over_just") and tail in ("ge", "le") and not second:
            hedged = kind
        elif kind not in ("neutral", tail) or join is not None:
            raise self.fail("two qualifiers for one figure", self.peek(-1))
        return tail, hedged

    def _plus_minus(self, kind: str, value: Quantity, error: Quantity) -> Figure:
        """ "9.83 ± 0.02": the value, and every value within the stated error of it."""
        if kind != "neutral" or error.value < 0:
            raise self.fail("a figure with an error cannot also be qualified")
        v = value.value
        strict = value.strict.hull(Interval(v - error.value, v + error.value, True, True))
        wide = error.lenient.high
        lenient = value.lenient.hull(Interval(v - wide, v + wide, True, True))
        return Figure(self.original.strip(), v, strict, lenient, "~", value.unit)

    def unit_word(self, q: Quantity) -> str | None:
        if self.at("-") and self.peek_text(1) in W.UNIT_WORDS:
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
        self.money = currency is not None
        self.code_after = None
        q = self._magnitude()
        currency = currency or self.code_after
        self.code_scale = None
        q = self._affixes(q, currency)
        if negative:
            q = replace(q, value=q.value.copy_negate(), strict=-q.strict, lenient=-q.lenient)
        return q

    def _magnitude(self) -> Quantity:
        tok = self.peek()
        if tok is None:
            raise self.fail("a number is missing", None, "Write the figure, e.g. '4.3 million'.")
        if tok.kind == "sci":
            self.pos += 1
            return scientific(tok, self)
        if tok.kind == "num":
            if self.peek_text(1) in ("in", "out", "over"):  # "1 in 5", "3 out of 10", "1 over 3"
                share = self.fraction()
                if share is not None:
                    return share
            slashed = self._slash_fraction()
            if slashed is not None:
                return slashed
            if self.digits_in_words():
                return self.words()  # "4 thousand 3 hundred and 21", "6 crore and two hundred"
            self.pos += 1
            return self._scaled(*digits(tok, self))
        if tok.text in ("several", "a", "few", "tens") or tok.text in W.VAGUE_SCALES:
            vague = self.vague()
            if vague is not None:
                return vague
        fraction = self.fraction()
        if fraction is not None:
            return fraction
        if (
            tok.text in W.SMALL
            or tok.text in ("a", "an", "dozen", "hundred", "nought", "naught")
            or tok.text in W.WORD_SCALES
        ):
            return self.words()
        if tok.kind == "word":
            raise self.leftover(tok)
        raise self.fail(f"could not read {tok.text!r}", tok, "Start the figure with a number.")

    def _scaled(self, mantissa: Decimal, decimals: int, zeros: int) -> Quantity:
        word = self.peek_text()
        scale = Decimal(1)
        if word in W.CURRENCY_PREFIXES and self.peek_text(1) in W.WORD_SCALES:
            # "75 USD million": the code between the number and its scale
            self.code_after = W.CURRENCY_PREFIXES[word or ""]
            self.pos += 1
            word = self.peek_text()
        if word in W.SCALED_CODES and self.code_scale is None:  # "30 MUSD"
            self.pos += 1
            self.code_after, scale = W.SCALED_CODES[word or ""]
        elif self.code_scale is not None and word not in W.SCALES:  # "MSEK 120"
            scale = self.code_scale
        elif word in W.SCALES or (self.money and word in W.MONEY_SCALES):
            self.pos += 1
            scale = W.SCALES.get(word or "") or W.MONEY_SCALES[word or ""]
            if self.peek_text() in W.WORD_SCALES:  # "3 lakh crore", "2 thousand million"
                scale *= W.WORD_SCALES[self.peek_text() or ""]
                self.pos += 1
        elif word in W.DOZENS and decimals == 0:
            self.pos += 1
            return exact(mantissa * 12, None, count=True)
        value = mantissa * scale
        if decimals == 0 and self.at("and"):
            mixed = self.mixed(value, int(scale))  # "2 and a half", "3 million and a half"
            if mixed is not None:
                return mixed
        if scale == 1 and decimals == 0:
            # Round counts of 100 or more may be rounded ("1,300"); 20 or 30 read as exact.
            zero_step = Decimal(10) ** zeros if zeros and value >= 100 else None
            return exact(value, zero_step, count=True)
        if scale == 1:
            return rounded(value, _TEN**-decimals, False, None, decimals=decimals)
        step = (_TEN**-decimals) * scale
        count = decimals == 0 or scale > 1
        zero_step = (_TEN**zeros) * scale if decimals == 0 and zeros else None
        return rounded(value, step, count, zero_step, scale, decimals)

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
