"""Finding figure phrases in text, and the numbers that are not counts.

``find_spans(text)`` returns every number-like mention in order, each with
its ``kind``: ``figure`` (a quantity, read with ``parse_figure``: qualifier,
currency, number, scale, percent or unit, range, suffix qualifier) or one
of the things that are not quantities to check: ``date``, ``time``,
``year``, ``age``, ``ordinal``, ``phone``, ``identifier``, ``score`` ("beat
them 3-1": two counts of different things, never a range), ``rate`` (the
basis of "12 per 100,000"), ``vague`` ("a few" with nothing to read).
Vague plurals ("thousands of residents", "several hundred") are figures:
the parser reads them as wide intervals. Nothing here reads a number's value: the phrase goes to
``toolkit.figures.parse_figure``, the one reader of figures.

Odd Unicode is matched through a length-preserving translation (full-width
digits and punctuation, the Unicode minus), so spans index the original
text. Each pass is a single regular-expression scan: linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit import patterns
from toolkit.extraction import extents as E
from toolkit.extraction import phrases as P
from toolkit.extraction.anchors import anchors as _anchors
from toolkit.extraction.notcounts import not_counts
from toolkit.extraction.qualifiers import qualifier_before
from toolkit.figures import words as W
from toolkit.figures.figure import Figure
from toolkit.figures.parse import read_figure

__all__ = ["Span", "find_spans", "normalise"]

_TRANSLATE = {0xFF10 + i: ord("0") + i for i in range(10)}
_TRANSLATE.update({0xFF0C: ord(","), 0xFF0E: ord("."), 0xFF05: ord("%"), 0x2212: ord("-")})
_TRANSLATE.update({0xFF04: ord("$"), 0xFE6A: ord("%"), 0x066B: ord("."), 0x066C: ord(",")})
_NEXT_WORD = patterns.compile(r"\s+([a-z]\w*)")


@dataclass(frozen=True, slots=True)
class Span:
    """A number-like mention: ``text == article[start:end]``.

    ``figure`` is set for ``kind == "figure"`` (the phrase read by
    ``parse_figure``); other kinds are recognised so that they are not
    offered as counts.
    """

    start: int
    end: int
    text: str
    kind: str
    figure: Figure | None = None


def normalise(text: str) -> str:
    """A copy of ``text`` of the same length with full-width digits and the minus made ASCII."""
    return text.translate(_TRANSLATE)


def find_spans(text: str) -> list[Span]:
    """Every number-like mention in ``text``, in order, without overlaps."""
    norm = normalise(text)
    protected = not_counts(norm)
    if "," in norm and (listed := E.listed(norm, protected)):
        protected = sorted(protected + listed)
    out: list[Span] = [
        Span(s, e, text[s:e], kind)
        if kind != "figure"
        else Span(s, e, text[s:e], kind, read_figure(text[s:e]))
        for s, e, kind in protected
    ]
    guard = 0  # index into protected
    last_end = 0
    floor = [0]  # where the last figure ends, for _anchors
    for m in _anchors(norm, floor):
        start, end = m.start(), m.end()
        if start < last_end:
            continue
        while guard < len(protected) and protected[guard][1] <= start:
            guard += 1
        if guard < len(protected) and protected[guard][0] < end:
            continue
        kind = m.lastgroup or "digits"
        span = _read(text, norm, start, end, kind)
        if span is None:
            continue
        if guard < len(protected) and protected[guard][0] < span.end:
            span = _read(text, norm, start, end, kind, limit=protected[guard][0])
            if span is None:
                continue
        out.append(span)
        last_end = floor[0] = span.end
    out.sort(key=lambda s: s.start)
    return out


def _read(
    text: str, norm: str, start: int, end: int, kind: str, limit: int | None = None
) -> Span | None:
    if kind == "ordinal":
        return Span(start, end, text[start:end], "ordinal")
    if kind == "vague":
        return _vague(text, norm, start, end, limit)
    if kind in ("words", "half"):
        if kind == "words":
            end = E.extend_words(norm, end)
        word = norm[start:end].lower()
        if end < len(norm) and P.NOT_WORD_NUMBER.match(norm, end):  # "a three-way race"
            return None
        if E.ordinal_not_fraction(norm, word, end, start):  # "a third term"
            return Span(start, end, text[start:end], "ordinal")
        if word == "one" and (
            P.PRONOUN_ONE.match(norm, end) or P.ONE_BEFORE.search(norm, max(0, start - 40), start)
        ):
            return None
    if kind == "digits" and _is_year(norm, start, end):
        return Span(start, end, text[start:end], "year")
    left, right, inner = _extend(norm, start, end, kind, limit)
    for s, e in _candidates(norm, start, end, left, right, inner):
        figure = read_figure(_decimal_point(text[s:e]))
        if figure is not None:
            return Span(s, e, text[s:e], "figure", figure)
    return None


def _decimal_point(phrase: str) -> str:
    """ "11,6 million" in running text is 11.6 million: a comma before one or two digits and a
    scale or "%" groups no thousands. (A table's "4,3 million" stays an error, with the fix.)"""
    if "," not in phrase:
        return phrase
    return P.DECIMAL_COMMA.sub(lambda m: m.group().replace(",", "."), phrase)


def _vague(text: str, norm: str, start: int, end: int, limit: int | None) -> Span:
    """ "thousands of residents", "several hundred": a figure when the parser reads it."""
    if P.NUMBER_BEFORE.search(norm, max(0, start - 30), start):
        # "five hundreds": a number word's plural, not a vague amount
        return Span(start, end, text[start:end], "vague")
    if norm[start:end].lower() in ("several", "a few"):
        m = P.VAGUE_SCALE.match(norm, end, len(norm) if limit is None else limit)
        if m is None:
            return Span(start, end, text[start:end], "vague")
        end = m.end()
    left = start
    prefix = qualifier_before(norm, max(0, start - 40), start)
    if prefix is not None and prefix.start() < start:
        left = prefix.start()
    for s in (left, start):
        figure = read_figure(text[s:end])
        if figure is not None:
            return Span(s, end, text[s:end], "figure", figure)
    return Span(start, end, text[start:end], "vague")


def _is_year(norm: str, start: int, end: int) -> bool:
    digits = norm[start:end]
    if not (len(digits) == 4 and digits.isdigit() and 1500 <= int(digits) <= 2100):
        return False
    if P.PERCENT_AFTER.match(norm, end) or P.SCALE_AFTER.match(norm, end):
        return False
    if P.CURRENCY_BEFORE.search(norm, max(0, start - 5), start):
        return False
    if P.YEAR_CUE.search(norm, max(0, start - 12), start):
        return True
    nxt = _NEXT_WORD.match(norm[end : end + 30])
    return nxt is None


def _extend(norm: str, start: int, end: int, kind: str, limit: int | None) -> tuple[int, int, int]:
    """The phrase around a number: [qualifier] [currency] [-] number [scale] ... .

    Returns (left, right, inner): ``inner`` is where the phrase ends without a second
    bound ("more than 20 km [and less than 35 km]").
    """
    stop = limit if limit is not None else len(norm)
    left = start
    window_start = max(0, start - 40)
    # at the start of the text nothing comes before; at its end (or the limit) nothing after:
    # the expressions below all need a character there, so they are not tried
    currency = P.CURRENCY_BEFORE.search(norm, max(0, left - 6), left) if left else None
    if currency:
        left = currency.start()
    sign = P.SIGN_BEFORE.search(norm, max(0, left - 10), left) if left else None
    if sign:
        left = sign.start()
        currency = currency or P.CURRENCY_BEFORE.search(norm, max(0, left - 6), left)
        if currency:
            left = currency.start()
    right = _after_number(norm, end, kind, bool(currency), stop)
    if kind in ("words", "digits") and (quotient := E.quotient(norm, left, right, stop)):
        right = quotient
    join_at = right
    ranged = _range_after(norm, left, right, stop)
    if ranged is None and (unit := _unit_after(norm, right, stop)):
        join_at = unit.end()  # "44 mg to 50 mg"
        ranged = _range_after(norm, left, join_at, stop)
    before = P.RANGE_START.search(norm, window_start, left) if left else None
    if ranged is not None and before is not None:
        if before.group("q").lower() == "between" or not P.CHANGE_BEFORE.search(
            norm, max(0, before.start() - 20), before.start()
        ):
            left, right = before.start(), ranged
    elif (
        ranged is not None
        and before is None
        and (bare := P.RANGE_JOIN_BARE.match(norm, join_at)) is not None
        # "rose 20 to 3,400" is a change and a level; "rose 12-15%" a range of changes
        and (bare.group() in ("-", "–") or not P.CHANGE_BEFORE.search(norm, window_start, left))
    ):
        right = ranged
    prefix = qualifier_before(norm, window_start, left)
    if prefix is not None and prefix.start() < left:
        left = prefix.start()
    pm = P.PLUS_MINUS.match(norm, right, stop) if right < stop else None
    num = P.ANCHOR.match(norm, pm.end(), stop) if pm else None
    if num is not None and num.lastgroup == "digits":  # "9.83 ± 0.02"
        right = _after_number(norm, num.end(), "digits", bool(currency), stop)
    right = _unit_and_suffix(norm, right, stop)
    inner = right
    if prefix is not None and (second := P.SECOND_BOUND.match(norm, right, stop)):
        num = P.ANCHOR.match(norm, second.end(), stop)
        if num is not None and num.lastgroup in ("digits", "words", "half"):  # "below a half"
            e = E.extend_words(norm, num.end()) if num.lastgroup == "words" else num.end()
            e = _after_number(norm, e, num.lastgroup or "digits", bool(currency), stop)
            right = _unit_and_suffix(norm, e, stop)
    return left, right, inner


def _unit_after(norm: str, pos: int, stop: int) -> re.Match[str] | None:
    """``P.UNIT_AFTER.match(norm, pos, stop)``, skipped when no unit word can follow.

    A unit there is the whole word after the spaces or hyphen; only "°", C, F and L glued
    or spaced need the expression's other branches.
    """
    if pos >= stop:
        return None
    lead = P.UNIT_LEAD.match(norm, pos, stop)
    word = lead.group(1) if lead else ""
    after = norm[lead.end() : lead.end() + 1] if lead else ""  # "°" of "18 - °C"
    glued = norm[pos : pos + 2]
    if (
        word.isascii()
        and word.lower() not in P.MEASURES
        and after != "°"
        and "°" not in glued
        and "C" not in glued
        and "F" not in glued
        and "L" not in glued
    ):
        return None
    return P.UNIT_AFTER.match(norm, pos, stop)


def _unit_and_suffix(norm: str, right: int, stop: int) -> int:
    if right >= stop:
        return right
    m = P.PERCENT_AFTER.match(norm, right, stop) or P.CURRENCY_AFTER.match(norm, right, stop)
    m = m or _unit_after(norm, right, stop)
    if m:
        right = m.end()
    m = P.SUFFIX_AFTER.match(norm, right, stop)
    return m.end() if m else right


def _after_number(norm: str, end: int, kind: str, currency: bool, stop: int) -> int:
    if end >= stop:
        return end
    share = P.SHARE_AFTER.match(norm, end, stop)
    if share is None and kind == "words":
        share = P.SHARE_OUT_OF.match(norm, end, stop)
    if share:
        return share.end()
    if kind == "digits":
        m = P.SCALE_AFTER.match(norm, end, stop)
        if m is None and currency:
            m = P.SCALE_CURRENCY.match(norm, end, stop)
        if m:
            end = m.end()
            scale = m.group().split()[-1].lower()
            if scale in E.MULTIPLIERS:  # "4 thousand 3 hundred and 21"
                end = E.scale_continues(norm, end, stop, W.SCALES[scale])
        m = P.AND_FRACTION.match(norm, end, stop)  # "2 and a half", "3 million and a half"
        if m:
            end = m.end()
    elif kind == "half":
        m = (
            P.FRACTION_OF.match(norm, end, stop)
            or P.FRACTION_UNIT.match(norm, end, stop)
            or P.FRACTION_POINT.match(norm, end, stop)
        )
        if m:
            end = m.end()
    m = P.PERCENT_AFTER.match(norm, end, stop)
    if m:
        end = m.end()
    return end


def _range_after(norm: str, left: int, right: int, stop: int) -> int | None:
    """The end of a range's second number ("20 to 30", "$20-30bn"), if one follows."""
    if right >= stop:
        return None
    join = P.RANGE_JOIN.match(norm, right, stop)
    if join is None:
        return None
    first_is_percent = P.PERCENT_IN.search(norm, left, right) is not None
    pos = join.end()
    m = P.CURRENCY_REPEAT.match(norm, pos, stop)  # "$20 to $30"
    if m:
        pos = m.end()
    sign = P.SIGN_AFTER_JOIN.match(norm, pos, stop)  # "from -18 to -34"
    if sign:
        pos = sign.end()
    num = P.ANCHOR.match(norm, pos, stop)
    if num is None or num.lastgroup not in ("digits", "words"):
        return None
    end = num.end()
    if num.lastgroup == "words":
        end = E.extend_words(norm, end)
    end = _after_number(norm, end, num.lastgroup or "digits", True, stop)
    if first_is_percent and P.PERCENT_IN.search(norm, join.end(), end) is None:
        return None  # "rose by 7% to 50,489": a change and a level, not a range
    return end


def _candidates(
    norm: str, start: int, end: int, left: int, right: int, inner: int
) -> list[tuple[int, int]]:
    """Phrases to try, widest first: the whole phrase, then without its range, then the core."""
    core_right = _after_number(norm, end, "digits", False, right)
    out = [(left, right)]
    for s, e in (
        (left, inner),
        (left, core_right),
        (start, right),
        (start, core_right),
        (left, end),
        (start, end),
    ):
        if (s, e) not in out and s < e:
            out.append((s, e))
    return out
