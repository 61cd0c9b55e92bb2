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

from toolkit.errors import UnreadableFigure
from toolkit.figures import words as W
from toolkit.figures.figure import Figure
from toolkit.figures.parse import parse_figure

__all__ = ["Span", "find_spans", "normalise"]

_TRANSLATE = {0xFF10 + i: ord("0") + i for i in range(10)}
_TRANSLATE.update({0xFF0C: ord(","), 0xFF0E: ord("."), 0xFF05: ord("%"), 0x2212: ord("-")})
_TRANSLATE.update({0xFF04: ord("$"), 0xFE6A: ord("%"), 0x066B: ord("."), 0x066C: ord(",")})

_SEP = "[,\u00a0\u202f\u2009\u2007'’]"
_VULGAR = "".join(W.VULGAR_FRACTIONS)
_DIGITS = (
    # scientific notation ("1.3e6", "2.48×10−5"), mixed numbers and slash fractions
    # ("2 1/2", "3/4", "2½"), then grouped and plain numbers.
    r"(?<![\w.,/])(?:(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d{1,3}|\s?×\s?10(?:\^|\*\*)?[+-]?\d{1,3}"
    r"|\s?[xX]\s?10(?:\^|\*\*)[+-]?\d{1,3})(?![\w.])"
    r"|(?:\d+ )?\d+/\d+(?![/\d])"
    rf"|\d*[{_VULGAR}]"
    rf"|\d{{1,3}}(?:{_SEP}\d{{3}})+(?:\.\d+)?"
    # "40 000": plain spaces group thousands only when nothing hyphenated follows ("5 100-metre")
    r"|\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\w-])|\d+(?:\.\d+)?|\.\d+)"
    r"(?!\d|(?:st|nd|rd|th)\b)"
)
_NUMWORDS = sorted(W.SMALL, key=len, reverse=True)
_NUMW = "|".join(w for w in _NUMWORDS if w != "nil")
_SCALEW = "hundred|thousand|million|billion|trillion"
_DENOMS = "|".join(sorted(W.DENOMINATORS, key=len, reverse=True))
_ORDW = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth|"
    "millionth|billionth"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_ANCHOR = re.compile(
    rf"(?P<digits>{_DIGITS})"
    rf"|(?P<ordinal>\b(?:(?:{_NUMW})-)?(?:{_ORDW})\b|(?<![\w.,])\d+(?:st|nd|rd|th)\b)"
    # longest first: "hundreds of thousands" before "hundreds"
    rf"|(?P<vague>\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions|"
    rf"hundreds\s+of\s+millions|dozens|hundreds|thousands|millions|billions|several|a\s+few)\b)"
    rf"|(?P<words>\b(?:(?:a|an)\s+)?(?:{_NUMW}|{_SCALEW}|dozen)\b)"
    rf"|(?P<half>\b(?:(?:a|an|one)\s+(?:{_DENOMS})|half)\b)",
    re.I,
)
_WORD_NEXT = re.compile(rf"(?:\s+|-)(?:(and)\s+)?({_NUMW}|{_SCALEW}|dozen|{_DENOMS})\b", re.I)
_SHARE_AFTER = re.compile(rf"\s+in\s+(?:every\s+)?(?:{_NUMW}|\d+)\b(?![.,]\d)", re.I)
# "two out of three" (words only: "3 out of 10 units" is two counts, as written)
_SHARE_OUT_OF = re.compile(
    rf"\s+out\s+of\s+(?:{_NUMW})\b(?!-|\s+(?:{_SCALEW}|hundreds|thousands|dozens?)\b)", re.I
)
_VAGUE_SCALE = re.compile(r"\s+(?:hundred|thousand|million|billion)\b", re.I)
_AND_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)

# Things that are not quantities, found first so figures never overlap them.
_PROTECTED = re.compile(
    r"(?P<phone>(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}|\d{3}[.-]\d{3,4}[.-]\d{4}"
    # national numbers with a trunk zero: "020 7946 0958", "0161 496 0000"
    r"|0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4})(?![\w-]))"
    r"|(?P<time>\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|h|hrs|GMT|UTC|[A-Z]{2,3}T)\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?!\d)|\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o'clock\b))"
    rf"|(?P<date>\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b"
    rf"|\b(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b(?!\s*(?:%|percent))"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?"
    rf"|\b(?i:{_MONTHS})\.?,?\s+\d{{4}}\b|\b(?:1[5-9]|20)\d{{2}}s\b|'\d0s\b"
    rf"|\b(?:1[5-9]|20)\d{{2}}\s?[-–/]\s?(?:(?:1[5-9]|20)\d{{2}}|\d{{2}})\b(?!\s*%)"
    rf"|\b(?i:mid|early|late|pre|post)-(?:1[5-9]|20)\d{{2}}\b"
    # "between 3 and 5 March", "3-5 March": a range of days
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?i:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?)"
    # the basis of a rate: "12 deaths per 100,000 people"
    r"|(?P<rate>(?<=\bper\s)(?:1|10|100|1,?000|10,?000|100,?000|1,?000,?000|"
    r"(?:a\s+|one\s+)?(?:hundred|thousand|million))\b(?![.,]\d))"
    r"|(?P<age>\b\d{1,3}[-\s]years?[-\s]old\b|\b(?:aged|age|ages)\s+\d{1,3}\b"
    r"|(?<=[A-Za-z]), \d{1,2}, (?=[a-z])|(?<=[A-Z][a-z]), \d{1,2}(?=, )"
    # "... for the midfielder, 24." (a bare age closing the sentence)
    r"|(?<=[a-z]), \d{2}(?=\.(?:\s|$)))"
    r"|(?P<identifier>\b(?:24/7|9/11)\b|https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|#\w*\d\w*"
    r"|\b[A-Za-z]+-?\d+[A-Za-z\d]*(?:-\d+)?\b"
    r"|(?<![\d.])\b(?!\d+(?:\.\d+)?[CF]\b)\d+(?:\.\d+)?[A-Za-z]*[A-Z][A-Za-z]*\b"
    r"(?<!\d[KMB])(?<!\dBN)(?<!\dMN)"
    # a race by its distance: "the 100m in 10.72 seconds", "the 400m hurdles"
    r"|(?<=\bthe )\d{2,5}m\b(?= (?:in|final|race|hurdles|freestyle|butterfly|backstroke|"
    r"breaststroke|sprint|relay|title|gold|record|world)\b)"
    r"|\b(?:FTSE|S&P|Fortune|ISO|Nasdaq|Nikkei|DAX|CAC|Russell|Stoxx|Formula|PO\s+Box|"
    r"P\.O\.\s+Box|[Ss]ection|[Aa]rticle)\s?\d+\b"
    r"|\b(?:No\.?|Nos\.?|number|Article|Section|Chapter|Resolution|Flight|Route|Highway|Room|"
    r"Page|Model|Boeing|Airbus|[Vv]ersion|Apollo|Windows|Ward|District|Gate|Terminal|Platform|"
    r"Channel|Line|Category|Level|Stage|Phase|Grade|Act|Bill|Item|Exhibit|Table|Figure|Appendix|"
    r"Paragraph|Clause|Rule|Law|Decree|Order|Case|Interstate|Pier|Unit|Block|Lot|Suite|Apt\.?|"
    r"Psalm|Volume|Vol\.|Episode|Season|Part|Iphone|iPhone|Galaxy|Pixel|F|MH|PS)\s?\d+\b)",
)
# A score or a tally ("beat them 3-1", "a 2-2 draw", "voted 7-2"): kept as a score when
# it runs backwards or level, which no range does.
_SCORE = re.compile(r"(?<![\w.,/$€£¥%+×^*-])(\d{1,3})-(\d{1,3})(?![\w/%-]|[.,]\d)")
_NOT_WORD_NUMBER = re.compile(r"-(?:way|star|seater|legged|wheeled|wheeler)\b", re.I)
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{_NUMW}|{_SCALEW}))\s+$", re.I)
_PERCENT_IN = re.compile(r"%|\bper\s?cent\b|\bpercent\b|\bpct\b", re.I)
_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|by|until|till|of|from|to|during|before|after|early|late|mid|the|year|"
    r"fiscal|season|through|between|and|around|circa|spring|summer|autumn|fall|winter|"
    rf"{_MONTHS})|[-–])\s*$",
    re.I,
)

_PREFIX_WORDS = sorted(
    (p for p in W.PREFIXES if p not in ("c", "c.", "min", "max", "minimum", "maximum", "=")),
    key=len,
    reverse=True,
)
_PREFIX = re.compile(
    r"(?:^|(?<![\w$€£¥]))(?P<q>"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _PREFIX_WORDS)
    + r")\s*$",
    re.I,
)
_RANGE_START = re.compile(r"(?:^|(?<=\W))(?P<q>between|from)\s+$", re.I)
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![\w$])(?:US\$|A\$|C\$|HK\$|\$|€|£|¥|₹|₽|₸)|\b(?:USD|EUR|GBP|JPY|KZT|RUB|CHF|CNY|INR)\s?)$"
)
_CURRENCY_REPEAT = re.compile(r"(?:US\$|\$|€|£|¥|₹|₽|₸)?")
_SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:[-–]|(?i:minus|negative)\s+)(?=$)")
_SCALE_AFTER = re.compile(
    rf"(?:\s*-?\s*(?:{_SCALEW})\b|\s?(?:bn|mn|mln|bln|tn|trn)\b|k\b)(?!-)", re.I
)
_SCALE_CURRENCY = re.compile(r"(?:m|b)\b(?!-)", re.I)
_PERCENT_AFTER = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|pct\b|per-cent\b)|\s+(?:percentage\s+points?|pp)\b", re.I
)
_CURRENCY_AFTER = re.compile(
    r"\s+(?:" + "|".join(sorted(W.CURRENCY_SUFFIXES, key=len, reverse=True)) + r")\b", re.I
)
_MEASURES = sorted(
    W.UNIT_WORDS - W.COUNT_UNITS - {"g", "sq", "second", "c", "f"}, key=len, reverse=True
)
_UNIT_AFTER = re.compile(
    r"(?:\s*-?\s*|\s+)(?:" + "|".join(re.escape(u) for u in _MEASURES) + r")\b(?!-old)"
    r"|°?(?-i:[CF])\b(?![\w-])",  # "40.3C", "-5°F": no space between number and letter
    re.I,
)
_SUFFIX_AFTER = re.compile(
    r"(?:\s+(?:or\s+more|or\s+fewer|or\s+less|or\s+so|or\s+thereabouts|or\s+above|or\s+higher|"
    r"and\s+above|and\s+over|or\s+over|or\s+under|and\s+under|or\s+lower)\b|-?(?:plus|odd)\b|\+)",
    re.I,
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—)\s*|\s+to\s+|\s+and\s+", re.I)
_RANGE_JOIN_BARE = re.compile(r"(?:-|–)|\s+to\s+|\s*[–—]\s*", re.I)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rising|increased?|increasing|grew|grown|grow|climbed?|jumped?|"
    r"soared?|surged?|fell|fallen|falling|dropped|drop|declined?|decreased?|slumped?|"
    r"plunged?|shrank|went|up|down)\s+(?:by\s+)?(?:from\s+)?$",
    re.I,
)
_PRONOUN_ONE = re.compile(
    r"\s+(?:of\s+(?:the|his|her|its|their|those|these|them|us|our|my|your|which|whom)\b|another\b"
    r"|day\b|time\b|way\b|thing\b|hand\b|side\b|by\s+one\b|[’']s\b|who\b|that\b)",
    re.I,
)
_ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which|some|someone|anyone)\s+$", re.I
)


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
    protected = [
        (m.start(), m.end(), m.lastgroup or "identifier") for m in _PROTECTED.finditer(norm)
    ]
    scores = [
        (m.start(), m.end(), "score")
        for m in _SCORE.finditer(norm)
        if int(m.group(1)) >= int(m.group(2))
        and not any(s < m.end() and m.start() < e for s, e, _ in protected)
    ]
    if scores:
        protected = sorted(protected + scores)
    out: list[Span] = [Span(s, e, text[s:e], kind) for s, e, kind in protected]
    guard = 0  # index into protected
    last_end = 0
    for m in _ANCHOR.finditer(norm):
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
        last_end = span.end
    out.sort(key=lambda s: s.start)
    return out


def _read(
    text: str, norm: str, start: int, end: int, kind: str, limit: int | None = None
) -> Span | None:
    if kind == "ordinal":
        return Span(start, end, text[start:end], "ordinal")
    if kind == "vague":
        return _vague(text, norm, start, end, limit)
    if kind == "words":
        end = _extend_words(norm, end)
        word = norm[start:end].lower()
        if _NOT_WORD_NUMBER.match(norm, end):  # "a three-way race"
            return None
        if word == "one" and (_PRONOUN_ONE.match(norm, end) or _ONE_BEFORE.search(norm, 0, start)):
            return None
        if word in ("a", "an"):
            return None
    if kind == "digits" and _is_year(norm, start, end):
        return Span(start, end, text[start:end], "year")
    phrase_start, phrase_end = _extend(norm, start, end, kind, limit)
    for s, e in _candidates(norm, start, end, phrase_start, phrase_end):
        try:
            figure = parse_figure(text[s:e])
        except UnreadableFigure:
            continue
        return Span(s, e, text[s:e], "figure", figure)
    return None


def _vague(text: str, norm: str, start: int, end: int, limit: int | None) -> Span:
    """ "thousands of residents", "several hundred": a figure when the parser reads it."""
    if _NUMBER_BEFORE.search(norm, max(0, start - 30), start):
        # "3 dozens", "five hundreds": a number word's plural, not a vague amount
        return Span(start, end, text[start:end], "vague")
    if norm[start:end].lower() in ("several", "a few"):
        m = _VAGUE_SCALE.match(norm, end, len(norm) if limit is None else limit)
        if m is None:
            return Span(start, end, text[start:end], "vague")
        end = m.end()
    left = start
    prefix = _PREFIX.search(norm, max(0, start - 40), start)
    if prefix is not None and prefix.start() < start:
        left = prefix.start()
    for s in (left, start):
        try:
            figure = parse_figure(text[s:end])
        except UnreadableFigure:
            continue
        return Span(s, end, text[s:end], "figure", figure)
    return Span(start, end, text[start:end], "vague")


def _extend_words(norm: str, end: int) -> int:
    last = norm[:end].rsplit(None, 1)[-1].lower()
    while True:
        m = _WORD_NEXT.match(norm, end)
        if m is None:
            break
        joined_by_and, word = m.group(1), m.group(2).lower()
        if joined_by_and and last not in ("hundred", "thousand", "million", "billion", "trillion"):
            break
        if word in W.DENOMINATORS and last not in W.SMALL:
            break
        end, last = m.end(), word
        if word in W.DENOMINATORS:
            break
    m = _AND_HALF.match(norm, end)
    return m.end() if m else end


def _is_year(norm: str, start: int, end: int) -> bool:
    digits = norm[start:end]
    if not (len(digits) == 4 and digits.isdigit() and 1500 <= int(digits) <= 2100):
        return False
    if _PERCENT_AFTER.match(norm, end) or _SCALE_AFTER.match(norm, end):
        return False
    if _CURRENCY_BEFORE.search(norm, max(0, start - 5), start):
        return False
    if _YEAR_CUE.search(norm, max(0, start - 12), start):
        return True
    nxt = re.match(r"\s+([a-z]\w*)", norm[end : end + 30])
    return nxt is None


def _extend(norm: str, start: int, end: int, kind: str, limit: int | None) -> tuple[int, int]:
    """The phrase around a number: [qualifier] [currency] [-] number [scale] ... ."""
    stop = limit if limit is not None else len(norm)
    left = start
    window_start = max(0, start - 40)
    currency = _CURRENCY_BEFORE.search(norm, max(0, left - 4), left)
    if currency:
        left = currency.start()
    sign = _SIGN_BEFORE.search(norm, max(0, left - 10), left)
    if sign:
        left = sign.start()
        currency = currency or _CURRENCY_BEFORE.search(norm, max(0, left - 4), left)
        if currency:
            left = currency.start()
    right = _after_number(norm, end, kind, bool(currency), stop)
    ranged = _range_after(norm, left, right, stop)
    before = _RANGE_START.search(norm, window_start, left)
    if ranged is not None and before is not None:
        if before.group("q").lower() == "between" or not _CHANGE_BEFORE.search(
            norm, max(0, before.start() - 20), before.start()
        ):
            left, right = before.start(), ranged
    elif (
        ranged is not None
        and before is None
        and not _CHANGE_BEFORE.search(norm, window_start, left)
    ):
        join = _RANGE_JOIN_BARE.match(norm, right)
        if join is not None:
            right = ranged
    prefix = _PREFIX.search(norm, window_start, left)
    if prefix is not None and prefix.start() < left:
        left = prefix.start()
    for pattern in (_PERCENT_AFTER, _CURRENCY_AFTER, _UNIT_AFTER):
        m = pattern.match(norm, right, stop)
        if m:
            right = m.end()
            break
    m = _SUFFIX_AFTER.match(norm, right, stop)
    if m:
        right = m.end()
    return left, right


def _after_number(norm: str, end: int, kind: str, currency: bool, stop: int) -> int:
    share = _SHARE_AFTER.match(norm, end, stop)
    if share is None and kind == "words":
        share = _SHARE_OUT_OF.match(norm, end, stop)
    if share:
        return share.end()
    if kind == "digits":
        m = _SCALE_AFTER.match(norm, end, stop)
        if m is None and currency:
            m = _SCALE_CURRENCY.match(norm, end, stop)
        if m:
            end = m.end()
    m = _PERCENT_AFTER.match(norm, end, stop)
    if m:
        end = m.end()
    return end


def _range_after(norm: str, left: int, right: int, stop: int) -> int | None:
    """The end of a range's second number ("20 to 30", "$20-30bn"), if one follows."""
    join = _RANGE_JOIN.match(norm, right, stop)
    if join is None:
        return None
    first_is_percent = _PERCENT_IN.search(norm, left, right) is not None
    pos = join.end()
    m = _CURRENCY_REPEAT.match(norm, pos, stop)  # "$20 to $30"
    if m:
        pos = m.end()
    num = _ANCHOR.match(norm, pos, stop)
    if num is None or num.lastgroup not in ("digits", "words"):
        return None
    end = num.end()
    if num.lastgroup == "words":
        end = _extend_words(norm, end)
    end = _after_number(norm, end, num.lastgroup or "digits", True, stop)
    if first_is_percent and _PERCENT_IN.search(norm, join.end(), end) is None:
        return None  # "rose by 7% to 50,489": a change and a level, not a range
    return end


def _candidates(norm: str, start: int, end: int, left: int, right: int) -> list[tuple[int, int]]:
    """Phrases to try, widest first: the whole phrase, then without its range, then the core."""
    core_right = _after_number(norm, end, "digits", False, right)
    out = [(left, right)]
    for s, e in ((left, core_right), (start, right), (start, core_right), (start, end)):
        if (s, e) not in out and s < e:
            out.append((s, e))
    return out
