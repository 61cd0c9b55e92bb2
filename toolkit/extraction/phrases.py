"""The regular expressions that find a figure's phrase around a number, for ``spans.py``.

Built from the parser's own vocabulary (``toolkit.figures.words``) so that the span finder
offers the parser exactly the phrases it reads: qualifiers before, currency, sign, number in
digits or words, scale, fraction, percent, currency word, unit, range, suffix qualifier.
Each is used with ``match``/``search`` at a known place, never to scan a whole text, except
``ANCHOR`` (one scan for the numbers themselves).
"""

from __future__ import annotations

import re

from toolkit import patterns
from toolkit.extraction.notcounts import MONTHS, RAND_AMOUNT
from toolkit.figures import words as W

_SEP = "[,\u00a0\u202f\u2009\u2007'’]"
_SIGNS = W.CURRENCY_SIGNS
_VULGAR = "".join(W.VULGAR_FRACTIONS)
_CODES = "|".join(W.CURRENCY_CODES)
DECIMAL_COMMA = patterns.compile(
    r"(?<![\d.,])\d{1,3},\d{1,2}(?=\s?(?:(?:million|billion|trillion|mn|bn|per\s?cent|percent)\b|%))"
    # "€0,85 a litre": no thousands group starts with a zero
    r"|(?<![\d.,])0,\d{1,2}(?![\d,])",
    re.I,
)
DIGITS = (
    # not inside a word or a number, not an exponent ("km^2"); but right after a currency
    # code or "Rs." ("USD115", "Rs.500")
    rf"(?:(?<![\w.,/^])|(?<=(?:{_CODES}|Rs\.|[SND]Kr))|(?<=\bR){RAND_AMOUNT})"
    # scientific notation ("1.3e6", "2.48×10−5"), mixed numbers and slash fractions
    # ("2 1/2", "3/4", "2½"), then grouped and plain numbers.
    r"(?:(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d{1,3}|\s?×\s?10(?:\^|\*\*)?[+-]?\d{1,3}"
    r"|\s?[xX]\s?10(?:\^|\*\*)[+-]?\d{1,3})(?![\w.])"
    # powers: "2^10", "8x2^10", "10⁶", "2.5×10⁻³"
    r"|(?:\d+(?:\.\d+)?\s?[xX×*]\s?)?\d+(?:\.\d+)?(?:\^|\*\*)[+-]?\d{1,3}(?![\w.])"
    r"|(?:\d+(?:\.\d+)?\s?[xX×]\s?)?10[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?![\w.])"
    # "1 / 4" with the slash tokenised apart, not a date "5 / 17 / 2018"
    r"|(?:\d+ {1,2})?\d+/\d+(?![/\d])|(?<!/ )\d+ / \d+(?![/\d]| /)"
    rf"|\d*[{_VULGAR}]"
    # continental grouping with a decimal comma, unambiguous only with both: "1.111,11"
    r"|\d{1,3}(?:\.\d{3})+,\d+(?![\d.,]\d)"
    # a decimal comma before a scale or a percent sign, which no thousands group takes:
    # "11,6 million hectolitres", "3,5 per cent" (``spans`` reads it as a point)
    rf"|{DECIMAL_COMMA.pattern}"
    # South Asian grouping: "12,34,567.89"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"
    rf"|\d{{1,3}}(?:{_SEP}\d{{3}})+(?:\.\d+)?"
    # "40 000": plain spaces group thousands only when nothing hyphenated follows ("5 100-metre")
    r"|\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\w-])"
    # "6 . 2 %": a decimal point tokenised apart (Penn Treebank text)
    r"|\d{1,3} \. \d+|\d+(?:\.\d+)?|\.\d+)"
    r"(?!\d|(?:st|nd|rd|th)\b)"
)
# "nrs. 22,24,26,31": numbers listed with commas and no spaces, when they do not group
# thousands ("1,234,567") or lakhs ("12,34,567")
COMMA_LIST = patterns.compile(r"(?<![\w.,])\d{1,3}(?:,\d{1,3}){2,}(?!\d|[.,]\d)")
GROUPED = patterns.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}")
NUMW = "|".join(w for w in sorted(W.SMALL, key=len, reverse=True) if w != "nil")
SCALEW = "|".join(["hundred", *sorted(W.WORD_SCALES, key=len, reverse=True)])
DENOMS = "|".join(sorted(W.DENOMINATORS, key=len, reverse=True))
_ORDW = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth|"
    "millionth|billionth"
)
TENSW = "|".join(sorted(W.TENS))
# the lookahead first: the lookbehinds in DIGITS are tried only where a number can start
_DIGITS_GROUP = rf"(?P<digits>(?=[\d.{_VULGAR}]){DIGITS})"
# "twenty-first", "twenty fifth"; but "one-fifth" is a fraction
_ORDINAL_WORDS = rf"\b(?:(?:{TENSW})[\s-])?(?:{_ORDW})\b"
_ORDINAL_DIGITS = r"(?<![\w.,])\d+(?:st|nd|rd|th)\b"
_VAGUE_WORDS = ("tens", "hundreds", "thousands", "millions", "billions", "dozens", "several")
_WORD_GROUPS = {
    "ordinal": _ORDINAL_WORDS,
    # longest first: "hundreds of thousands" before "hundreds"
    "vague": r"\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions|"
    r"tens\s+of\s+billions|hundreds\s+of\s+billions|"
    r"hundreds\s+of\s+millions|dozens|hundreds|thousands|millions|billions|several|a\s+few)\b",
    # "a" and "an" only before a multiplier: "a hundred", not "a two-year period"
    "words": rf"\b(?:(?:a|an)\s+(?=(?:{SCALEW}|dozen)\b))?(?:{NUMW}|{SCALEW}|dozen)\b"
    # "nought" and "naught" are zero ("three-nought-four"), but not in "came to naught"
    r"|(?<!to\s)(?<!for\s)\b(?:nought|naught)\b",
    # "half", but not a period: "first-half revenue", "the second half", "half-time"
    "half": rf"\b(?:(?:a|an|one)\s+(?:{DENOMS})|(?<!first[\s-])(?<!second[\s-])(?<!1st[\s-])"
    r"(?<!2nd[\s-])half(?![\s-](?:time|year|term|century|decade|season|brother|sister|back)\b)"
    rf"|quarter(?=\s+(?:{SCALEW})\b))\b",
}
ANCHOR = patterns.compile(
    rf"{_DIGITS_GROUP}|(?P<ordinal>{_ORDINAL_WORDS}|{_ORDINAL_DIGITS})|"
    + "|".join(f"(?P<{name}>{body})" for name, body in _WORD_GROUPS.items() if name != "ordinal"),
    re.I,
)
# ``ANCHOR`` split by what a match starts with, for ``spans._anchors``: at a digit only the
# first two groups can match, at a letter only the others, in the same order.
ANCHOR_AT_DIGIT = patterns.compile(rf"{_DIGITS_GROUP}|(?P<ordinal>{_ORDINAL_DIGITS})", re.I)
ANCHOR_AT_WORD = patterns.compile(
    "|".join(f"(?P<{name}>{body})" for name, body in _WORD_GROUPS.items()), re.I
)
#: The words an ``ANCHOR`` match in words can start with, in lower case. A run of letters that
#: is none of these cannot start one (each such branch starts at ``\b`` with one of them).
_STARTERS = {
    "ordinal": {*W.TENS, *_ORDW.split("|")},
    "vague": {*_VAGUE_WORDS, "a"},
    "words": {*NUMW.split("|"), *SCALEW.split("|"), "dozen", "a", "an", "nought", "naught"},
    "half": {"a", "an", "one", "half", "quarter"},
}
ANCHOR_WORDS = frozenset().union(*_STARTERS.values())


def _at_word(word: str) -> re.Pattern[str]:
    groups = [g for g, starters in _STARTERS.items() if word in starters]
    return patterns.compile("|".join(f"(?P<{g}>{_WORD_GROUPS[g]})" for g in groups), re.I)


#: For each word of ``ANCHOR_WORDS``, ``ANCHOR_AT_WORD`` with only the groups that can start
#: with it ("thousand" can only start ``words``), in the same order.
ANCHOR_BY_WORD = {w: _at_word(w) for w in ANCHOR_WORDS}
#: Words whose match is that word alone ("thousand", "seventh", not "twenty[-first]" or "a
#: [hundred]"): inside a figure already read, they cannot start anything that reaches past it.
ANCHOR_ONE_WORD = frozenset(
    w
    for w in ANCHOR_WORDS
    if w not in _STARTERS["vague"] | _STARTERS["half"] | W.TENS | {"a", "an", "nought", "naught"}
)
# where an ``ANCHOR`` match can start: a digit, a point or a vulgar fraction anywhere (after
# "USD" too), or a run of letters that is one of ``ANCHOR_WORDS``
ANCHOR_START = patterns.compile(rf"[\d.{_VULGAR}]|[^\W\d_{_VULGAR}]+")
WORD_NEXT = patterns.compile(
    rf"(?:\s+|-|\s-\s)(?:(and)\s+)?({NUMW}|{SCALEW}|dozens?|dozs?|dzs?|{DENOMS})\b", re.I
)
# a denominator of two words: "one twenty-fifth", "three forty-thirds"
COMPOUND_DENOM = patterns.compile(
    rf"(?:\s+|-)(?:{TENSW})[\s-](?:{'|'.join(sorted(W.ORDINAL_UNITS, key=len, reverse=True))})\b",
    re.I,
)
# what may follow "a third" used as a fraction: "of", a scale or unit, a comparison, a
# preposition, the end of a clause. Anything else makes it an ordinal ("a third term").
FRACTION_FOLLOWS = patterns.compile(
    r"\s*(?:$|[^\w\s-])|[\s-](?:percentage[\s-])?points?\b|\s+(?:of|an?|in|on|at|to|from|by|for|since|over|under|after|before|"
    r"during|than|and|or|but|as|with|while|when|between|among|compared|versus|more|less|fewer|"
    r"above|below|behind|ahead|short|"
    r"higher|lower|larger|smaller|bigger|greater|cheaper|up|down|last|this|each|every|per|"
    rf"percent|per\s+cent|point|points|percentage|dozen|{SCALEW}|"
    + "|".join(re.escape(u) for u in sorted(W.UNIT_WORDS, key=len, reverse=True))
    + r")\b",
    re.I,
)
_DIGIT_WORDS = "|".join(W.DIGIT_WORDS)
# "five point five", "two hundred point zero three", "point seventy-one"
POINT = patterns.compile(
    rf"\s+point(?:(?:\s+(?:{_DIGIT_WORDS})\b)+|\s+(?:{NUMW})(?:[\s-](?:{NUMW}))?\b)"
    rf"(?:\s+(?:{SCALEW})\b)?",
    re.I,
)
# a fraction after a whole number: "two and a half", "a million and a quarter", "five and
# three quarters million"
AND_FRACTION = patterns.compile(
    rf"\s+and\s+(?:a|an|{NUMW})(?:[\s-](?:{NUMW}))?\s+(?:{DENOMS})\b(?:\s+(?:{SCALEW})\b)?", re.I
)
# what a fraction is of: "half a million", "two thirds of a dozen", "half a mile"
FRACTION_OF = patterns.compile(rf"(?:\s+(?:of\s+)?an?)?\s+(?:{SCALEW}|dozen)\b", re.I)
SHARE_AFTER = patterns.compile(
    # "one in five", not "300 in 2008" (a year)
    rf"\s+in\s+(?:every\s+)?(?:{NUMW}|(?!(?:1[5-9]|20)\d\d\b)\d+)\b(?![.,]\d)",
    re.I,
)
# "two out of three" (words only: "3 out of 10 units" is two counts, as written)
SHARE_OUT_OF = patterns.compile(
    rf"\s+out\s+of\s+(?:{NUMW})\b(?!-|\s+(?:{SCALEW}|hundreds|thousands|dozens?)\b)", re.I
)
VAGUE_SCALE = patterns.compile(r"\s+(?:hundred|thousand|million|billion)\b", re.I)
# "one over three", "1 over 20": a quotient, only as an expression of its own (starting the
# text or a clause, or after "is"/"equals") and ending the clause: "won 3 over 2 seasons" and
# "there were 20 over 30." are counts, "up 5 over 2019" a count and a year
QUOTIENT_BEFORE = patterns.compile(
    r"(?:^|[.:;!?(]\s*|\b(?:is|equals|equal\s+to|makes|gives)\s+)(?:minus\s+|negative\s+|-\s?)?$",
    re.I,
)
OVER_FRACTION = patterns.compile(
    rf"\s+over\s+(?:(?!(?:1[5-9]|20)\d\d\b)\d+|(?:{NUMW}|{SCALEW})(?:(?:\s+and)?[\s-]+(?:{NUMW}|{SCALEW}))*)"
    r"\b(?=\s*(?:$|[;:?!)]|[.,](?!\d)))",
    re.I,
)

# "a three-way race", "a one-time payment", "one - off" (a hyphen with spaces, as tokenised)
NOT_WORD_NUMBER = patterns.compile(
    r"\s?-\s?(?:way|star|seater|legged|wheeled|wheeler|time|off|sided|size|party)\b", re.I
)
NUMBER_BEFORE = patterns.compile(rf"(?:\d|\b(?:{NUMW}|{SCALEW}))\s+$", re.I)
PERCENT_IN = patterns.compile(r"%|\bper\s?cent\b|\bpercent\b|\bpct\b|(?<=\d)pc\b", re.I)
YEAR_CUE = patterns.compile(
    r"(?:\b(?:in|since|by|until|till|of|from|to|during|before|after|early|late|mid|the|year|"
    r"fiscal|season|through|between|and|around|circa|spring|summer|autumn|fall|winter|"
    # "Nigeria's 2026 budget": a possessor before a year
    rf"{MONTHS})|[-–]|\w[’']s)\s*$",
    re.I,
)


def _alternatives(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


_PREFIX_WORDS = sorted(
    (p for p in W.PREFIXES if p not in ("c", "c.", "min", "max", "minimum", "maximum", "=")),
    key=len,
    reverse=True,
)
_SYMBOLS = [p for p in _PREFIX_WORDS if not p[0].isalpha()]
_WORDS = [p for p in _PREFIX_WORDS if p[0].isalpha()]
PREFIX = patterns.compile(
    # a word qualifier starts a word; a symbol may follow a letter ("x>10")
    rf"(?:(?:^|(?<![\w{_SIGNS}]))(?:{_alternatives(_WORDS)})|(?:{_alternatives(_SYMBOLS)}))\s*$",
    re.I,
)
#: How a qualifier before a number ends ("than", "least", "about", ">"): a window that ends
#: with none of these (ignoring case and spaces) cannot end with ``PREFIX``.
PREFIX_ENDS = tuple(sorted({p.split()[-1].lower() for p in _PREFIX_WORDS}))
#: The most words a qualifier has ("a little more than"): a match of ``PREFIX`` starts
#: within the window's last this many words.
PREFIX_MOST_WORDS = max(len(p.split()) for p in _PREFIX_WORDS)
_BOUNDS = [p for p in _PREFIX_WORDS if W.PREFIXES[p] in ("gt", "ge", "lt", "lt0", "le")]
# the second of two bounds: "more than 20 [and less than or equal to 35]"
SECOND_BOUND = patterns.compile(rf"\s+(?:and|but)\s+(?:{_alternatives(_BOUNDS)})\s*", re.I)
RANGE_START = patterns.compile(r"(?:^|(?<=\W))(?P<q>between|from)\s+$", re.I)
CURRENCY_BEFORE = patterns.compile(
    rf"(?:(?<![\w$])(?:(?:US|HK)\s?\$|(?:AU|A|CA|C|NZ|S)\$|[{_SIGNS}])\s?"
    # "MSEK 120", "TEUR 500": a code with its scale letter, as company reports write it
    rf"|\b[MkKT]?(?:{_CODES})\s?|\bRs\.?\s?|\b[SND]Kr|\bR)$"
)
CURRENCY_REPEAT = patterns.compile(rf"(?:US\$|[{_SIGNS}])?")
# "plus or minus 3.4 points" is a margin of error (a qualifier), not a negative figure
SIGN_BEFORE = patterns.compile(
    rf"(?:^|(?<=[\s({_SIGNS}<>≤≥=~]))(?<!(?i:plus) or )(?:[-–]|(?i:minus|negative)\s+)(?=$)"
)
# the phrase ends at the scale when a word is hyphenated to it ("a 20 million-strong army",
# "a $5m-a-year deal")
# after "4 thousand": more of one number in digits and scale words, "4 thousand 3 hundred and
# 21", "6 crore and two hundred"; a part with no scale word only after "hundred and", below 100
# (each part's scale smaller than the last: ``extents.scale_continues``)
SCALE_PART = patterns.compile(
    rf"\s+(?:and\s+)?(?:\d{{1,3}}|{NUMW})(?![\d.,]\d)\s+({SCALEW})\b", re.I
)
SCALE_LAST = patterns.compile(
    rf"\s+and\s+(?:[1-9]\d?(?![\d.,]\d)|(?:{TENSW})(?:[\s-](?:{NUMW}))?|{NUMW})\b"
    rf"(?!\s+(?:{SCALEW})\b)",
    re.I,
)
SCALE_AFTER = patterns.compile(
    # "2.33 k", "10M", "1.2b": a letter for thousands, millions, billions ("100m" is metres)
    rf"(?:\s*-?\s*(?:{SCALEW})\b(?:\s+(?:{SCALEW})\b)*|\s?(?:bn|mn|mln|bln|tn|trn|tln|mil)\b"
    # a lone digit glued to "M" is more often a name ("3M") than three million
    # a capital M after two digits or a decimal ("10M"; "3M" is a company), a B or b only
    # after a decimal ("1.2B", "1.2b"; "seat 10B" and "paragraph 12b" are places)
    r"|\s?k\b|(?<![^\d.,]\d)(?<!^\d)(?-i:M)\b"
    r"|(?:(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d\d\d))(?-i:[Bb])\b"
    r"|(?:(?<=\.\d)|(?<=\.\d\d))\s(?-i:M)\b"  # "1,674,200.5 M"
    r"|\s+(?:dozens?|dozs?|dzs?)\b)",
    re.I,
)
SCALE_CURRENCY = patterns.compile(r"(?:mm|m|b|t)\b", re.I)
PERCENT_AFTER = patterns.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|pct\b|per-cent\b)|\s+percentage\s+points?\b"
    # "3.4pc" and "0.3pp", as British papers write them
    r"|\s*pp\b(?![’'-]|\.\w)|(?-i:pc)\b(?![’'-]|\.\w)",
    re.I,
)
_CURRENCY_WORDS = sorted(
    (w for w in W.CURRENCY_SUFFIXES if w[0].isalpha() and w.upper() not in W.CURRENCY_CODES),
    key=len,
    reverse=True,
)
_SUBUNIT = (
    rf"(?:\s+and)?\s+(?:(?:{NUMW}|\d{{1,2}})(?:[\s-](?:{NUMW}))?\s+(?:cents?|pence)\b"
    # "15 dollars 50.", "17 USD 25 more": cents without their word, closing the amount
    rf"|(?:(?i:{NUMW})(?:[\s-](?i:{NUMW}))?|\d{{2}})"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:more|less|each|apiece)\b))"
)
CURRENCY_AFTER = patterns.compile(
    rf"(?:\s+(?i:{_alternatives(_CURRENCY_WORDS)})\b(?:{_SUBUNIT})?"
    # a code, glued or not ("115USD", "50 million USD"), its scale after it ("75 USD
    # million") or before it ("30 MUSD"); a sign after the number ("15€")
    rf"|\s?(?:{_CODES})\b(?:\s+(?i:{SCALEW}|bn|mn)\b|{_SUBUNIT})?|\s?[MkKT](?:{_CODES})\b"
    # "245p": pence glued to a share price
    rf"|\s?[{_SIGNS}](?!\s?\d)|(?<=\d)p\b(?![’'-]|\.\w))"
)
_MEASURES = sorted(
    W.UNIT_WORDS - W.COUNT_UNITS - {"g", "sq", "second", "c", "f", "l"}, key=len, reverse=True
)
UNIT_AFTER = patterns.compile(
    r"(?:\s*-?\s*|\s+)(?:" + "|".join(re.escape(u) for u in _MEASURES) + r")\b(?!-old)"
    r"|°?(?-i:[CF])\b(?![\w-])"  # "40.3C", "-5°F": no space between number and letter
    r"|\s?(?-i:L)\b(?![\w.'’-])",  # "4 L of wine": a capital L is litres, "L.A." is not
    re.I,
)
#: The unit words ``UNIT_AFTER`` reads after spaces or a hyphen, in lower case: the whole
#: word there must be one of them (they are all letters and digits, and end at ``\b``).
MEASURES = frozenset(u.lower() for u in _MEASURES)
UNIT_LEAD = patterns.compile(r"\s*-?\s*(\w*)")
# "half a mile", "three quarters of an hour": the article before the unit
# "a quarter-point cut", "half a percentage point", "three quarters of a point"
FRACTION_POINT = patterns.compile(
    r"(?:[\s-]|\s+(?:of\s+)?an?\s+)(?:percentage[\s-])?points?\b(?!-)", re.I
)
FRACTION_UNIT = patterns.compile(
    r"\s+(?:of\s+)?an?(?=\s+(?:" + "|".join(re.escape(u) for u in _MEASURES) + r")\b)", re.I
)
SUFFIX_AFTER = patterns.compile(
    r"(?:\s+(?:or\s+more|or\s+fewer|or\s+less|or\s+so|or\s+thereabouts|or\s+above|or\s+higher|"
    # "500 and more" closing a clause; not "rose 5% and more people ..." nor the second
    # bound of "more than 20 and less (or equal) than 35"
    r"and\s+(?:more|less)(?=\s*(?:[^\w\s]|$)|\s+(?:in|on|at|of|for|to|from|across|per|each|"
    r"every|this|last|since|by|a|an|the)\b)|"
    r"and\s+above|and\s+over|or\s+over|or\s+under|and\s+under|or\s+lower|or\s+greater|"
    # "more than 5000 or equal to": the bound taken in; not "or equal to 6000"
    r"or\s+larger|or\s+bigger|or\s+smaller|or\s+longer|or\s+shorter|or\s+older|or\s+younger|"
    r"or\s+equal(?:\s+to)?(?!\s+(?:\d|\w+\s+\d)))\b"
    # "5000 or less than 6000" is a figure and a bound, not "5000 or less"
    rf"(?!\s+than\s+(?:\W?\d|(?:{NUMW})\b))|-?(?:plus|odd)\b|\+(?!/))",
    re.I,
)
PLUS_MINUS = patterns.compile(r"\s*(?:±|\+/-|\+-)\s*")
# "20~100" (East Asian usage) joins a range only glued to its numbers; "~100" alone is "about"
RANGE_JOIN = patterns.compile(
    r"-\s+to\s+|\s*(?:-|–|—)\s*|\s+(?:to|through|thru|and)\s+|~(?=\d)", re.I
)
RANGE_JOIN_BARE = patterns.compile(
    r"-\s+to\s+|(?:-|–)|\s+(?:to|through|thru)\s+|\s*[–—]\s*|\s-\s|~(?=\d)", re.I
)
SIGN_AFTER_JOIN = patterns.compile(r"[-–](?=\d)|minus\s+", re.I)
CHANGE_BEFORE = patterns.compile(
    r"\b(?:rose|risen|rise|rising|increased?|increasing|grew|grown|grow|climbed?|jumped?|"
    r"soared?|surged?|fell|fallen|falling|dropped|drop|declined?|decreased?|slumped?|"
    r"plunged?|shrank|went|up|down)\s+(?:by\s+)?(?:from\s+)?$",
    re.I,
)
PRONOUN_ONE = patterns.compile(
    r"\s+(?:of\s+(?:the|his|her|its|their|those|these|them|us|our|my|your|which|whom)\b|another\b"
    r"|day\b|time\b|way\b|thing\b|hand\b|side\b|by\s+one\b|[’']s\b|who\b|that\b)",
    re.I,
)
ONE_BEFORE = patterns.compile(
    r"\b(?:no|any|every|each|the|this|that|which|some|someone|anyone)\s+$"
    # "the fourth global one since 1998", "a big one": a pronoun after its adjectives
    rf"|\b(?:the|a|an|this|that)\s+(?:(?!(?:{NUMW}|{SCALEW}|and|or)\b)[a-z]+\s+){{1,2}}$",
    re.I,
)
