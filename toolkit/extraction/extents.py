"""How far one number runs in text, for the span finder (``spans.py``).

The words of one number ("two hundred and five", "one hundred thirty-two fifths"), digits
between scale words ("4 thousand 3 hundred and 21"), a quotient ("one over three"), and
numbers listed with commas and no spaces ("nrs. 22,24,26,31"). Each reads positions in the
normalised text and returns where the number ends; none reads a value: that is
``toolkit.figures.parse_figure``'s.
"""

from __future__ import annotations

import re

from toolkit import patterns
from toolkit.extraction import phrases as P
from toolkit.figures import words as W
from toolkit.figures.numberwords import follows

__all__ = ["extend_words", "listed", "ordinal_not_fraction", "quotient", "scale_continues"]

MULTIPLIERS = {"hundred", *W.WORD_SCALES}
_WORD_GAP = patterns.compile(r"[\s-]")
_COMPARED = patterns.compile(
    r"\b(?:than|about|around|nearly|almost|roughly|over|under|some|only|just|by|to)\s+$", re.I
)
_TIME_AFTER = patterns.compile(
    r"\s+(?:(?:straight|consecutive|successive|running)\s+)?(?:week|month|year|day|quarter|"
    r"time|term|season|round|night|game|race|decade|session)\b",
    re.I,
)


def listed(norm: str, protected: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The numbers of "nrs. 22,24,26,31": three or more, commas and no spaces, not grouping."""
    out: list[tuple[int, int, str]] = []
    for m in P.COMMA_LIST.finditer(norm):
        if P.GROUPED.fullmatch(m.group()) or any(
            s < m.end() and m.start() < e for s, e, _ in protected
        ):
            continue
        pos = m.start()
        for item in m.group().split(","):
            out.append((pos, pos + len(item), "figure"))
            pos += len(item) + 1
    return out


def extend_words(norm: str, end: int) -> int:
    """The end of a number in words, by the parser's rules (``numberwords.follows``)."""
    last = _WORD_GAP.split(norm[max(0, end - 20) : end])[-1].lower()
    hundreds = last == "hundred"  # a hundred since the last scale word
    before_and = None  # where the number ended before its last "and"
    and_scale = None  # the scale word just before that "and" ("million and")
    while (m := P.WORD_NEXT.match(norm, end)) is not None:
        joined_by_and, word = m.group(1), m.group(2).lower()
        if joined_by_and and last not in MULTIPLIERS:
            break
        if word == "hundred":
            if hundreds:  # "three hundred and two hundred": two numbers
                return before_and if before_and is not None else end
            hundreds = True
        if joined_by_and:
            before_and, and_scale = end, W.WORD_SCALES.get(last)
        elif word in W.WORD_SCALES:
            if and_scale is not None and W.WORD_SCALES[word] >= and_scale:
                return before_and or end  # "three million and four million": two numbers
            hundreds = False
        if word in W.DENOMINATORS:
            # a singular denominator takes only "one": "one fifth", but "twenty fifth" is 25th
            # "one hundred fifths", "a hundred trillionths": a plural after a scale word
            plural = word.endswith("s")
            if (last in W.SMALL and (plural or last == "one")) or (plural and last in MULTIPLIERS):
                end, last = m.end(), word
            break
        if word in W.SMALL and not follows(last, W.SMALL[word]):
            break
        if " " in m.group() and "-" in m.group() and last not in W.TENS:
            break  # "fifty - two" is one number, "two hundred - three hundred" a range
        end, last = m.end(), word
    if end >= len(norm):
        return end  # what follows below needs a character
    if last in W.SMALL and (m := P.COMPOUND_DENOM.match(norm, end)) is not None:
        ordinal = _WORD_GAP.split(m.group())[-1].lower()
        if ordinal.endswith("s") or last == "one":  # "one twenty-fifth", "three twenty-firsts"
            end, last = m.end(), "fifth"
    if last in W.DENOMINATORS:
        m = (
            P.FRACTION_OF.match(norm, end)
            or P.FRACTION_UNIT.match(norm, end)
            or P.FRACTION_POINT.match(norm, end)
        )
        return m.end() if m else end
    m = P.POINT.match(norm, end) if last not in W.WORD_SCALES else None
    if m is None:
        m = P.AND_FRACTION.match(norm, end)
    return m.end() if m else end


def ordinal_not_fraction(norm: str, words: str, end: int, start: int = 0) -> bool:
    """ "a third term", "a tenth straight win": a singular fraction word used as an ordinal.

    Read as a fraction only before what a fraction takes ("a third of", "a fifth more",
    "a tenth of a second", "by a quarter.").
    """
    parts = words.split()
    if len(parts) != 2 or parts[0] not in ("a", "an"):
        return False  # "a one-third stake", "two thirds" are fractions
    last = parts[1]
    if last not in W.DENOMINATORS or last.endswith("s") or last == "half":
        return False
    if _COMPARED.search(norm, max(0, start - 24), start):
        return False  # "fewer than a quarter scored 200": a bound on a share
    if last != "quarter" and _TIME_AFTER.match(norm, end):
        return True  # "rose for a third week", "a fifth year": an ordinal ("a quarter mile" is not)
    return P.FRACTION_FOLLOWS.match(norm, end) is None


def quotient(norm: str, left: int, right: int, stop: int) -> int | None:
    """The end of "one over three" (a quotient) when the number at ``left`` starts one."""
    if not norm.startswith(" over ", right) or right >= stop:
        return None
    if P.QUOTIENT_BEFORE.search(norm, max(0, left - 30), left) is None:
        return None
    m = P.OVER_FRACTION.match(norm, right, stop)
    return m.end() if m else None


def scale_continues(norm: str, end: int, stop: int, scale: object) -> int:
    """The end of "4 thousand [3 hundred and 21]": parts of ever smaller scale, then "and N"."""
    while (m := P.SCALE_PART.match(norm, end, stop)) is not None:
        smaller = W.SCALES[m.group(1).lower()]
        if not smaller < scale:  # type: ignore[operator]
            break  # "3 hundred and 2 hundred": two numbers
        end, scale = m.end(), smaller
    last = P.SCALE_LAST.match(norm, end, stop) if scale == 100 else None
    return last.end() if last else end
