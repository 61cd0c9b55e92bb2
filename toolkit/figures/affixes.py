"""What stands around a number in a figure: currency before it; percent, points, currency after.

"$4.3bn", "US$ 1MM", "MSEK 120" (a code with its scale letter, as company reports write it),
"37%", "2 percentage points", "323 million euros", "3 dollars 50 cents", "15 dollars 50"
(cents without their word, closing the amount), "30 MUSD". ``grammar.Reader`` reads the
grammar around these; ``numberwords.WordsReader`` the numbers in words.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from toolkit.figures import words as W
from toolkit.figures.cursor import phrases
from toolkit.figures.numberwords import WordsReader
from toolkit.figures.readings import Quantity, as_percent, exact, rounded, with_unit

__all__ = ["AffixReader"]

_PERCENT = phrases(W.PERCENT_WORDS)
_POINTS = phrases(W.POINT_WORDS)
_CURRENCY_AFTER = phrases({k: k for k in W.CURRENCY_SUFFIXES})


class AffixReader(WordsReader):
    """Reads currency before a number and the percent, points or currency after it."""

    money = False  # a currency sign or code came before the number being read
    code_scale: Decimal | None = None  # a scaled code before the number ("MSEK 120")
    code_after: str | None = None  # a code read with the scale after the number ("30 MUSD")

    def _currency_prefix(self) -> str | None:
        tok = self.peek()
        if tok is not None and tok.text in W.CURRENCY_PREFIXES:
            self.pos += 1
            return W.CURRENCY_PREFIXES[tok.text]
        if tok is not None and tok.text in W.SCALED_CODES:
            self.pos += 1
            code, self.code_scale = W.SCALED_CODES[tok.text]
            return code
        return None

    def _affixes(self, q: Quantity, currency: str | None) -> Quantity:
        word = self.peek_text()
        if word in W.SCALED_CODES and q.scale == 1 and q.point and currency is None:
            # "twenty MUSD" read like "twenty million": rounded at the scale it names
            self.pos += 1
            currency, factor = W.SCALED_CODES[word or ""]
            step = (q.step or Decimal(1)) * factor
            q = replace(rounded(q.value * factor, step, True, None), scale=factor)
        if self.match(_POINTS):
            return as_percent(q, "pp")
        if self.match(_PERCENT):
            return as_percent(q, "%")
        word = self.match(_CURRENCY_AFTER)
        if word is not None:
            currency = currency or W.CURRENCY_SUFFIXES[word]
            if word not in W.SUBUNITS:
                q = self._subunits(q, word)
        if currency is not None:
            return with_unit(q, currency, False)
        return q

    def _subunits(self, q: Quantity, currency_word: str) -> Quantity:
        """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": cents are hundredths."""
        save = self.pos
        if self.at("and"):
            self.pos += 1
        cents = self.small_number()
        # "15 dollars 50" ends the figure on its cents; "15 dollars 5" is not 15.05.
        bare = (
            self.peek() is None
            and currency_word not in W.NO_SUBUNITS
            and (
                self.tokens[self.pos - 1].kind == "word" or len(self.tokens[self.pos - 1].text) == 2
            )
        )
        if (
            cents is None
            or not 0 < cents < 100
            or not q.point
            or not (bare or self.peek_text() in W.SUBUNITS)
        ):
            self.pos = save
            return q
        self.pos += 0 if bare else 1
        value = q.value + cents / 100
        return exact(value, None, count=False) if q.step is None else q
