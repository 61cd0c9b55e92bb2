"""Numbers in words, the part of the figure grammar (``grammar.py``) that reads them.

"two hundred and five", "twenty-one hundred", "three dozen", "three lakh crore",
"five and a half million", "a million and a half", "nine point nought four", "three
quarters" (a share: 75 %), "three halves" (more than a whole: 1.5), "half a mile" (a
fraction of a unit: 0.5), "one in five", "thousands". Each method reads at the cursor and
returns a ``Quantity``, or None with the cursor where it was.

A number word follows only what English puts before it: "twenty one" is 21, but "three
twenty" and "ten and fifteen" are two numbers, not 23 and 25; "and" joins only after
"hundred" or a scale word ("one hundred and five"), or before a fraction ("five and a half").
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from toolkit import patterns
from toolkit.errors import UnreadableFigure
from toolkit.figures import words as W
from toolkit.figures.cursor import Cursor
from toolkit.figures.interval import _DOWN, _UP, Interval
from toolkit.figures.readings import (
    LENIENT_ABOUT,
    Quantity,
    as_percent,
    exact,
    fraction,
    rounded,
)

__all__ = ["WordsReader", "follows"]

_BIG = W.WORD_SCALES
_ZEROS = ("nought", "naught")
_TEN = Decimal(10)
_WHOLE = patterns.compile(r"\d+")


def follows(prev: str | None, value: int) -> bool:
    """May a number word of this value come after ``prev`` in one number?"""
    if prev is None or prev == "and" or prev == "hundred" or prev in _BIG:
        return True
    tens = W.SMALL.get(prev)
    return tens is not None and tens >= 20 and tens % 10 == 0 and 0 < value < 10


class WordsReader(Cursor):
    """Reads number words; ``grammar.Reader`` adds digits, qualifiers, units and ranges."""

    def words(self) -> Quantity:
        """A whole number in words, possibly with a fraction or decimals after it."""
        start = self.pos
        total = current = 0
        last_scale = 1
        prev = before = None  # the last word read, and the one before it
        and_at: int | None = None  # where "and" after a scale word stands ("million and")
        first, second = self.peek_text(), self.peek_text(1)
        if first in ("a", "an") or first == "hundred" or first in _BIG:
            # "a hundred", "a dozen"; a bare scale word only before another ("hundred thousand")
            if first in ("a", "an") and (second in ("hundred", "dozen") or second in _BIG):
                current, prev = 1, "a"
                self.pos += 1
            elif second not in _BIG:
                raise self.fail("a number is missing", self.peek(), "Write the figure as a number.")
        while (word := self.peek_text()) is not None:
            digits = self.peek()
            if digits is not None and digits.kind == "num":
                # digits between scale words: "4 thousand 3 hundred and 21"
                if not (word.isdigit() and int(word) < 1000 and follows(prev, int(word))):
                    break
                if word.strip("0") == "" and prev is not None:
                    break  # "4 thousand 3 hundred and 0": the 0 is a number of its own
                if prev not in (None, "and") and int(word) >= 100 and self.peek_text(1) not in _BIG:
                    break  # "thousand 300 people": a number of its own
                current += int(word)
            elif word in W.SMALL or (prev is None and word in _ZEROS):
                value = W.SMALL.get(word, 0)
                if not follows(prev, value):
                    break
                current += value
            elif word == "hundred" and prev != "hundred":
                if current >= 100:
                    break  # "three hundred and two hundred": two numbers
                current = (current or 1) * 100
            elif word in W.DOZENS and (current or word == "dozen"):
                # "three hundred and two dozen" is 300 + 24: only the words since the last
                # "hundred" count dozens, unless "dozen" follows "hundred" itself.
                hundreds = current - current % 100 if prev != "hundred" else 0
                current = hundreds + ((current - hundreds) or 1) * 12
            elif word in _BIG:
                scale = int(_BIG[word])
                if current == 0 and prev in _BIG and total:
                    total, last_scale = total * scale, last_scale * scale  # "three lakh crore"
                elif and_at is not None and scale >= last_scale:
                    # "three million and four million": two numbers (a range's ends, a
                    # list), not seven million; the first ends before its "and"
                    self.pos, current, prev = and_at, 0, self.texts[and_at - 1]
                    break
                else:
                    total, last_scale = total + (current or 1) * scale, scale
                current = 0
            elif word == "and" and prev not in (None, "a", "and"):
                ended_on_scale = current == 0 and total > 0
                and_at = self.pos if prev in _BIG else None
                mixed = self.mixed(Decimal(total + current), last_scale if ended_on_scale else 1)
                if mixed is not None:
                    return mixed
                after = self.peek(1)
                if not (prev == "hundred" or prev in _BIG) or after is None:
                    break
                if after.text not in W.SMALL and not (after.kind == "num" and after.text.isdigit()):
                    break
            elif word == "point" and prev not in (None, "a") and prev not in _BIG:
                point = self.point(total + current)
                if point is not None:
                    return point
                break
            elif word.endswith("s") and word in W.DENOMINATORS and prev not in (None, "a", "and"):
                # "one hundred and thirty-two fifths" (132/5); after a bare tens word the
                # denominator is compound: "one hundred thirty fifths" is 100/35
                denominator = Decimal(W.DENOMINATORS[word])
                numerator = Decimal(total + current)
                if (
                    prev in W.TENS
                    and before != "and"
                    and word in W.ORDINAL_UNITS
                    and numerator > 99
                ):
                    tens = W.SMALL[prev]
                    numerator, denominator = numerator - tens, denominator + tens
                self.pos += 1
                return fraction(
                    _DOWN.divide(numerator, denominator), _UP.divide(numerator, denominator), None
                )
            elif word == "-" and _tens_then_unit(prev, self.peek_text(1)):
                self.pos += 1  # "fifty - two": a hyphen written with spaces around it
                continue
            else:
                break
            prev, before = word, prev
            self.pos += 1
        if prev in (None, "a"):
            self.pos = start
            raise self.fail("a number is missing", self.peek(), "Write the figure as a number.")
        number = Decimal(total + current)
        if current == 0 and total:
            return replace(
                rounded(number, Decimal(last_scale), True, None), scale=Decimal(last_scale)
            )
        zeros = len(str(int(number))) - len(str(int(number)).rstrip("0")) if number >= 100 else 0
        return exact(number, _TEN**zeros if zeros else None, count=True)

    def digits_in_words(self) -> bool:
        """A whole number below 1,000, a scale word, and more of the number after it."""
        tok, scale = self.peek(), self.peek_text(1)
        if tok is None or not tok.text.isdigit() or len(tok.text) > 3:
            return False
        if scale != "hundred" and scale not in W.WORD_SCALES:
            return False
        nxt = self.peek(2)
        return nxt is not None and (nxt.text == "and" or nxt.kind == "num" or nxt.text in W.SMALL)

    def mixed(self, whole: Decimal, scale: int) -> Quantity | None:
        """At 'and': "two and a half", "five and a quarter million", "a million and a half".

        ``scale`` > 1 when the whole number ended on that scale word: the fraction is of it.
        Read like the decimal it stands for: "two and a half million" is 2.5 million, rounded
        at its tenth ([2.45 M, 2.55 M)).
        """
        save = self.pos
        self.pos += 1
        numerator: Decimal | None
        if self.at("a", "an"):
            numerator = Decimal(1)
            self.pos += 1
        else:
            numerator = self.small_number()
        denominator = self.denominator(numerator) if numerator is not None else None
        if numerator is None or denominator is None or not 0 < numerator < denominator:
            self.pos = save
            return None
        unit, base = Decimal(scale), whole
        after = self.peek_text()
        if scale == 1 and after in _BIG:
            self.pos += 1
            unit = _BIG[after]
            base = whole * unit
        elif after in _BIG and _BIG[after] < scale:
            self.pos += 1  # "one billion and a half million": the fraction of the smaller scale
            unit = _BIG[after]
        value = base + _DOWN.divide(numerator * unit, denominator)
        # Rounded at the tenth like the decimal it stands for, or at the place a decimal
        # denominator names ("two and fifty-four hundredths" is 2.54, to the hundredth).
        decimals = len(str(denominator)) - 1 if str(denominator).strip("0") == "1" else 1
        quantity = rounded(value, unit / _TEN ** max(decimals, 1), unit > 1, None)
        return replace(quantity, scale=unit, decimals=max(decimals, 1))

    def point(self, whole: int) -> Quantity | None:
        """At 'point': "five point five", "nine point nought four", "point seventy-one"."""
        save = self.pos
        self.pos += 1
        digits = ""
        while (word := self.peek_text()) in W.DIGIT_WORDS:
            digits += str(W.DIGIT_WORDS[word or ""])
            self.pos += 1
        if not digits:
            number = self.small_number()
            if number is None:
                self.pos = save
                return None
            digits = str(number)
        value = Decimal(f"{whole}.{digits}")
        step = _TEN ** -len(digits)
        after = self.peek_text()
        if after in _BIG:
            self.pos += 1
            scale = _BIG[after]
            return replace(
                rounded(value * scale, step * scale, True, None), scale=scale, decimals=len(digits)
            )
        return replace(rounded(value, step, False, None), decimals=len(digits))

    def vague(self) -> Quantity | None:
        """ "thousands", "tens of thousands", "several hundred", "a few million"."""
        save = self.pos
        tok = self.peek()
        assert tok is not None
        lo_m, hi_m, len_lo, len_hi = Decimal(2), Decimal(10), Decimal(1), Decimal(100)
        if tok.text == "several" or (tok.text == "a" and self.peek_text(1) == "few"):
            self.pos += 1 if tok.text == "several" else 2
            lo_m, hi_m, len_lo, len_hi = Decimal(3), Decimal(10), Decimal(2), Decimal(10)
            nxt = self.peek()
            if nxt is None or nxt.text not in W.SCALES or nxt.text in ("m", "b", "k"):
                self.pos = save
                return None
            scale = W.SCALES[nxt.text]
            self.pos += 1
        elif tok.text == "tens" and self.peek_text(1) == "of":
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
            if self.peek_text(0) == "of" and self.peek_text(1) in W.VAGUE_SCALES:
                self.pos += 2
                scale *= W.VAGUE_SCALES[self.tokens[self.pos - 1].text]
        else:
            return None
        strict = Interval(lo_m * scale, hi_m * scale, True, False, True)
        lenient = Interval(len_lo * scale, len_hi * scale, True, False, True)
        return Quantity(lo_m * scale, strict, lenient, None, None, True, point=False)

    def fraction(self) -> Quantity | None:
        """ "two thirds", "a quarter million", "half a dozen", "one in five", "two out of three"."""
        save = self.pos
        numerator = self.small_number()
        if numerator is None and self.at("a", "an", "one"):
            self.pos += 1
            numerator = Decimal(1)
        if numerator is not None and self.at("-") and self.peek_text(1) in W.DENOMINATORS:
            self.pos += 1  # "one - third": a hyphen written with spaces around it
        den = self.peek_text()
        if numerator is not None or den == "half" or self.peek_text(1) in _BIG:
            denominator = self.denominator(numerator or Decimal(1))
            if denominator is not None:
                return self.share_or_scaled(numerator or Decimal(1), denominator)
        if numerator is not None and self.at("over"):
            quotient = self.over(numerator)
            if quotient is not None:
                return quotient
        if numerator is not None and self.at("in", "out", "of"):
            after = self.peek_text(1)
            if (self.at("out") and after == "of") or (self.at("of", "in") and after == "every"):
                self.pos += 1  # "two out of three", "one of every five", "three in every four"
            self.pos += 1
            over = self.small_number()
            # "300 in 2008" is a count and a year, "1 in 2000" a share
            year = over is not None and numerator > 1 and 1500 <= over <= 2100
            if over is not None and over > 0 and numerator <= over and not year:
                low = _DOWN.divide(numerator * 100, over)
                return self.share(Interval.make(low, _UP.divide(numerator * 100, over)), low)
        self.pos = save
        return None

    def over(self, numerator: Decimal) -> Quantity | None:
        """At 'over', ending the phrase: "one over three" is the number 1/3, "2000 over 3" 666.7.

        A quotient, not a share: exact, enclosed outward when it is no finite decimal.
        """
        save = self.pos
        self.pos += 1
        tok = self.peek()
        denominator: Decimal | None = None
        if tok is not None and tok.kind == "num" and _WHOLE.fullmatch(tok.text):
            self.pos += 1
            denominator = Decimal(tok.text)
        elif tok is not None and (tok.text in W.SMALL or self.at("a", "hundred", *_BIG)):
            try:
                written = self.words()
            except UnreadableFigure:
                written = None
            if written is not None and written.point and written.value % 1 == 0:
                denominator = written.value
        if denominator is None or denominator == 0 or self.peek() is not None:
            self.pos = save
            return None
        low, high = _DOWN.divide(numerator, denominator), _UP.divide(numerator, denominator)
        interval = Interval.make(low, high)
        return Quantity(low, interval, interval, None, None, count=False)

    def share_or_scaled(self, numerator: Decimal, denominator: Decimal) -> Quantity:
        """After a fraction's words: a share (66.7 %), or a number when it is of something else.

        "half a million" is 500,000 and "half a dozen" 6; "half a mile" and "three halves"
        (more than a whole) are the numbers 0.5 and 1.5. Otherwise a share of what follows.
        """
        save = self.pos
        while self.at("a", "an", "of"):
            self.pos += 1
        word = self.peek_text()
        if word in _BIG or word == "dozen":
            self.pos += 1
            scale = _BIG.get(word or "", Decimal(12))
            value = _DOWN.divide(numerator * scale, denominator)
            if word == "dozen" and value % 1 == 0:
                return exact(value, None, count=True)
            return replace(rounded(value, scale / 10, True, None), scale=scale, decimals=1)
        if word == "percentage" and self.peek_text(1) in ("point", "points"):
            self.pos += 1
            word = self.peek_text()
        if word in ("point", "points"):
            # "a quarter-point cut", "half a percentage point": percentage points
            self.pos += 1
            low, high = _DOWN.divide(numerator, denominator), _UP.divide(numerator, denominator)
            return as_percent(fraction(low, high, None), "pp")
        measure = word in W.UNIT_WORDS and word not in W.COUNT_UNITS
        if measure or numerator > denominator:
            if not measure:
                self.pos = save
            return fraction(
                _DOWN.divide(numerator, denominator), _UP.divide(numerator, denominator), None
            )
        self.pos = save
        low = _DOWN.divide(numerator * 100, denominator)
        return self.share(Interval.make(low, _UP.divide(numerator * 100, denominator)), low)

    def share(self, strict: Interval, value: Decimal) -> Quantity:
        lenient = Interval.make(
            _DOWN.multiply(strict.low, 1 - LENIENT_ABOUT),
            _UP.multiply(strict.high, 1 + LENIENT_ABOUT),
        )
        return Quantity(value, strict, lenient, None, "%", count=False)

    def small_number(self) -> Decimal | None:
        """A whole number in digits or one or two words ("twenty one"), for fractions."""
        tok = self.peek()
        if tok is None:
            return None
        if tok.kind == "num" and _WHOLE.fullmatch(tok.text):
            self.pos += 1
            return Decimal(tok.text)
        if tok.text in W.SMALL:
            value = W.SMALL[tok.text]
            self.pos += 1
            if _tens_then_unit(tok.text, self.peek_text(0)):
                value += W.SMALL[self.tokens[self.pos].text]
                self.pos += 1
            return Decimal(value)
        return None

    def denominator(self, numerator: Decimal) -> Decimal | None:
        """A fraction's denominator at the cursor, consumed: "thirds", "hundredth", "twenty-fifth".

        A singular denominator takes only a numerator of one ("a fifth", "one hundredth"):
        "twenty fifth" and "five hundredth" are ordinals, not 20/5 and 5/100.
        """
        word = self.peek_text()
        if word in W.TENS and self.peek_text(1) in W.ORDINAL_UNITS:
            unit = self.peek_text(1) or ""
            value, size = W.SMALL[word or ""] + W.ORDINAL_UNITS[unit], 2
        elif word in W.DENOMINATORS:
            unit, value, size = word or "", W.DENOMINATORS[word or ""], 1
        else:
            return None
        if not unit.endswith("s") and numerator != 1:
            return None
        self.pos += size
        return Decimal(value)


def _tens_then_unit(tens: str | None, unit: str | None) -> bool:
    """ "twenty" then "one" to "nine": the two words of one number ("twenty-one")."""
    return tens in W.TENS and unit in W.SMALL and 0 < W.SMALL[unit or ""] < 10
