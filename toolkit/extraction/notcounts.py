"""Numbers that are not counts: dates, times, phone numbers, identifiers, ages, rate bases, scores.

``not_counts(text)`` finds them before any figure is read, so that a figure never overlaps
one ("9/11", "Flight 370", "aged 45", "12 per 100,000", "beat them 3-1"). Each kind is one
alternative of a single regular expression: one linear scan.
"""

from __future__ import annotations

import re

from toolkit import patterns
from toolkit.figures import words as W

__all__ = ["MONTHS", "RAND_AMOUNT", "not_counts"]

# the South African rand written "R" glued to an amount: "R4 250", "R22.4bn" (not "R2-D2",
# "the R5 road": only grouped digits or a scale make it money)
RAND_AMOUNT = (
    "(?=\\d{1,3}(?:[,\u00a0\u202f\u2009\u2007'’ ]\\d{3})+(?![\\d.,]\\d)"
    r"|\d+(?:\.\d+)?\s?(?:bn|mn|m|million|billion|tn|trillion)\b)"
)

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTHS = MONTHS
# who an age limit is about: "anyone under 30", "people over 65"
_PEOPLE = (
    "anyone|those|people|persons|children|kids|babies|adults|men|women|voters|players|"
    "drivers|patients|residents|everyone|pupils|students|teenagers|youngsters|girls|boys"
)
_CODES = "|".join(W.CURRENCY_CODES)
_SIGNS = W.CURRENCY_SIGNS
# units written in capitals glued to a number: "256GB", "1.5GW" are measures, not names
_MEASURES = "GB|MB|TB|KB|PB|Gb|Mb|Tb|GW|MW|kW|TW|GWh|MWh|kWh|TWh|GHz|MHz|kHz|Hz|mAh|kV|Mbps|Gbps"

# a product by its tenor, not a period: "a two-year fixed mortgage", "10-year bond yields"
_TENOR = (
    r"\b(?:\d{1,2}|one|two|three|five|seven|ten|fifteen|twenty|thirty)-(?:year|month)"
    r"(?=\s+(?:fixed|mortgages?|bonds?|gilts?|[Tt]reasur(?:y|ies)|notes?|yields?|swaps?|bunds?|"
    r"bills?|paper|loans?|leases?|deals?|contracts?|plans?|visas?|warrant(?:y|ies))\b)"
)
# A number inside a compound adjective describes what follows, it counts nothing: "its
# steepest one-day drop", "the 12-month average", "a one-bedroom flat", "three zero-day
# flaws", "nine three-pointers", "two- and five-year fixed deals", "a 5kg bag of rice".
# Counts written so stay counts: "the 50,000-strong workforce", "a 120-seat parliament".
_NUMBER_WORD = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    "thirty|forty|fifty|sixty|ninety|hundred"
)
_COMPOUND = (
    # not the second end of a range ("an 8- to 16-metre telescope", "a 10- to 12-week wait")
    rf"(?<!to )(?<!- )(?<!– )\b(?:\d{{1,3}}|{_NUMBER_WORD})-(?:day|week|month|year|hour|minute|"
    r"second|night|bedroom|bed|room|storey|story|pointers?|lane|door|page|time)"
    r"(?=\s+(?!(?:of|ago|old|and|or|to|in|on|at|for|from|after|before|later|earlier|since)\b)"
    r"[a-z]|s\b)"
    # "two- and five-year deals" (but "8- to 16-metre" is a range)
    rf"|\b(?:\d{{1,3}}|{_NUMBER_WORD})-(?=\s+(?:and|or)\s+(?:\d{{1,3}}|{_NUMBER_WORD})-)"
    r"|(?<=\b[Aa] )\d+(?:\.\d+)?\s?(?:kg|g|ml|l|lb|oz|litre|liter)\b(?=\s+(?:bags?|cartons?|"
    r"box(?:es)?|bottles?|packs?|packets?|cans?|tins?|jars?|sacks?|tubs?|drums?|cylinders?)\b)"
    r"|\b\d+(?:\.\d+)?\s?(?:kg|g|ml|l|lb|oz)(?=\s+(?:bags|cartons|boxes|bottles|packs|packets|"
    r"cans|tins|jars|sacks|tubs|drums|cylinders)\b)"
)
_PROTECTED = patterns.compile(
    r"(?P<phone>(?<![\w+])(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}|\d{3}[.-]\d{3,4}[.-]\d{4}"
    # national numbers with a trunk zero: "020 7946 0958", "0161 496 0000"
    r"|0\d{2,4}[\s-]\d{3,4}[\s-]\d{3,4}|\b1[38]00(?:[\s-]?\d{2,4}){2}\b"
    # "call Lifeline on 13 11 14": a six-digit number written in pairs
    r"|(?:(?<=\bon )|(?<=\b(?:call|dial|ring) ))\d{2}\s\d{2}\s\d{2}\b"
    # a short number to call: "call 101", "dial 999", "NHS 111"
    r"|(?<=\b(?:[Cc]all|[Dd]ial|[Rr]ing|[Tt]ext) )\d{3,6}|(?<=\bNHS )\d{3})(?![\w-]))"
    r"|(?P<time>\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|h|hrs|GMT|UTC|[A-Z]{2,3}T)\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
    # "by 1130 GMT": a 24-hour time before its zone
    r"|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|JST|IST|AEST|AEDT)\b"
    r"|(?<!\d[.,])\b\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b|o'clock\b))"
    rf"|(?P<date>\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b"
    # "Jan. 5-9", "March 3–5, 2024": a range of days after the month
    rf"|\b(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s?[-–]\s?\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?\b(?![\d%])"
    rf"|\b(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b(?!\s*(?:%|percent))"
    # a day is not the end of a decimal: "$37,305.97 February expenses"
    rf"|(?<![\d.,])\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?"
    rf"|\b(?i:{_MONTHS})\.?,?\s+\d{{4}}\b|\b(?:1[5-9]|20)\d{{2}}s\b|'\d0s\b|\b[1-9]0s\b"
    rf"|\b(?:1[5-9]|20)\d{{2}}\s?[-–/]\s?(?:(?:1[5-9]|20)\d{{2}}|\d{{2}})\b(?!\s*%)"
    rf"|\b(?i:mid|early|late|pre|post)-(?:1[5-9]|20)\d{{2}}\b"
    # "between 3 and 5 March", "3-5 March": a range of days
    rf"|(?<![\d.,])\b\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?i:{_MONTHS})\b\.?(?:,?\s+\d{{4}})?)"
    # the basis of a rate: "12 deaths per 100,000 people"
    r"|(?P<rate>(?<=\bper\s)(?:1|10|100|1,?000|10,?000|100,?000|1,?000,?000|"
    r"(?:a\s+|one\s+)?(?:hundred|thousand|million))\b(?![.,]\d))"
    r"|(?P<age>\b\d{1,3}[-\s]years?[-\s]olds?\b"
    # "residents who are 65 or older", "children 5 and younger"
    r"|\b\d{1,3}\s+(?:or|and)\s+(?:older|younger)\b"
    # "aged 18-24", "aged 19 and 22"
    r"|\b(?:aged|age|ages)\s+\d{1,3}(?:\s*(?:,|-|–|to|and|or)\s*\d{1,3}\b)*\b"
    # "in her 70s", "over-65s", "Route 66 turns 100 this year" (not "turned 300 fans away")
    r"|\b(?i:in)\s+(?:his|her|their|my|your|our|its)\s+(?:early\s+|mid-|late\s+)?[1-9]0s\b"
    r"|\b(?:over|under)-\d{1,3}s\b"
    r"|\b(?:turns|turned|turning)\s+\d{1,3}(?=\s*(?:[.,;!?]|$|this\b|next\b|last\b|on\b|in\b"
    r"|today\b|years?\s+old\b))"
    # "anyone under 30", "people over 65": an age limit, not a count
    rf"|\b(?i:{_PEOPLE})\s+"
    r"(?:aged\s+)?"
    r"(?:under|over|above|below|older\s+than|younger\s+than)\s+\d{1,3}\b(?![.,]\d)"
    r"(?!\s*(?:%|per\b|percent|million|thousand|hundred|billion|[kc]?m\b|kg\b|miles\b|feet\b"
    r"|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|decades?\b))"
    r"|(?<=[A-Za-z]), \d{1,2}, (?=[a-z])|(?<=[A-Z][a-z]), \d{1,2}(?=, )"
    # "... for the midfielder, 24." (a bare age closing the sentence)
    r"|(?<=[a-z]), \d{2}(?=\.(?:\s|$)))"
    r"|(?P<identifier>\b(?:24/7|9/11)\b"
    # a code with a leading zero: "(000)", "Agent 007"
    r"|(?<![\w.,:/-])(?<!\d[\s\u00a0\u202f\u2009])0\d+\b(?![.,]\d)"
    # a flight, a seat, a street address
    r"|\b[Ff]light\s+(?:[A-Z]{2,3}|[A-Z]\d|\d[A-Z])\s?\d{1,4}\b"
    r"|\b(?:[Ss]eat|[Rr]oom|[Gg]ate|[Pp]latform|[Ff]lat|[Aa]pt\.?|[Bb]erth)\s?\d+[A-Z]?\b"
    r"|\b\d{1,5}[A-Za-z]?\s+(?!(?:Wall|Main|Fleet)\s)(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd"
    r"|Avenue|Ave|Lane|Drive|Way|Boulevard|Blvd|Place|Square|Close|Court|Terrace|Crescent)\b"
    r"|https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|#\w*\d\w*"
    # "J1149.5+6663", "v2.3.1": a name with a number, and the numbers glued to it
    rf"|\b(?!(?:{_CODES})\d|R{RAND_AMOUNT}|[SND]Kr\d)[A-Za-z]+-?\d+[A-Za-z\d]*(?:[-.+]\d+)*\b"
    # an amount's scale letter is no name: "$2.174T", "US$ 1MM"
    rf"|(?<![\d.])(?<![{_SIGNS}])(?<![{_SIGNS}]\s)\b(?!\d+(?:\.\d+)?(?:[CF]|{_CODES}|{_MEASURES})\b)"
    r"\d+(?:\.\d+)?[A-Za-z]*[A-Z][A-Za-z]*\b(?<!\d[KMB])(?<!\dBN)(?<!\dMN)"
    # letters between digits ("SCP 06F6", "4K60"), but not "1E6"; "a 4x4", "the 4x100m relay"
    r"|\b(?!\d+E\d)\d+[A-Z]+\d[A-Za-z\d]*\b|(?<![\d.])\b\d+x\d+[a-z]*\b(?![\^*])"
    # an IP address or a version ("192.168.1.2", "3.11.2"), but not "1.234.567" (grouped)
    r"|(?<![\w.,])(?!\d{1,3}(?:\.\d{3})+(?![\d.]))\d+(?:\.\d+){2,}(?!\w|\.\d)"
    # a race by its distance: "the 100m in 10.72 seconds", "the 400m hurdles"
    r"|(?<=\bthe )\d{2,5}m\b(?= (?:in|at|final|race|hurdles|freestyle|butterfly|backstroke|"
    r"breaststroke|sprint|relay|title|gold|record|world)\b)"
    # "sections 7 and 12", "between junctions 33 and 36", "Years 7 to 11", "incident 1184"
    r"|\b(?:[Ss]ections|[Aa]rticles|[Cc]lauses|[Jj]unctions|[Pp]latforms|[Gg]ates|Years|Classes|"
    r"Grades|[Rr]ooms|[Vv]ersions|[Uu]nits)\s+\d+(?:\.\d+)*(?:\s*(?:,|and|to|-|–)\s*\d+(?:\.\d+)*)+\b"
    # "phase 3 trial", "junction 24", "level 4 of 5", "the Top 10", "BBC Two", "Court Room 1",
    # "Regulation (EU) 2024/1351", a neutral citation "[2025] UKSC 41"
    r"|\b(?:[Pp]hase|[Jj]unction|[Ll]evel|Top|[Rr]ound|[Tt]ier|[Ss]tage|Run|Court\s+Room|"
    r"Regulation|Directive|Rule|Schedule|Part)\s+\d+(?:\s+of\s+\d+)?\b(?![.,]\d|\s*%)"
    r"|\bBBC\s+(?:One|Two|Three|Four)\b|\b(?:Regulation|Directive)\s+\((?:EU|EC|EEC)\)\s+\d+/\d+"
    r"|\[\d{4}\]\s+[A-Z]{2,6}(?:\s+[A-Z][a-z]+)?\s+\d+\b"
    r"|\b(?:[Ii]ncident|[Cc]rime\s+reference|[Rr]eference|[Rr]ef\.?|[Ll]og)\s+(?:number\s+|no\.?\s*)?\d+\b"
    rf"|{_TENOR}"
    rf"|{_COMPOUND}"
    # a container's size names a unit: "twenty-foot equivalent units", "a 40ft box"
    r"|\b(?:twenty|forty|20|40)[-\s]?(?:foot|ft)\b"
    # a golf score: "17 under par"
    r"|\b\d{1,2}\s+(?:under|over)\s+par\b"
    r"|\b(?:FTSE|S&P|Fortune|ISO|Nasdaq|Nikkei|DAX|CAC|Russell|Stoxx|Formula|PO\s+Box|"
    r"P\.O\.\s+Box|[Ss]ection|[Aa]rticle)\s?\d+\b"
    r"|\b(?:No\.?|Nos\.?|number|Article|Section|Chapter|Resolution|Flight|Route|Highway|Room|"
    r"Page|Model|Boeing|Airbus|[Vv]ersion|Apollo|Windows|Ward|District|Gate|Terminal|Platform|"
    r"Channel|Line|Category|Level|Stage|Phase|Grade|Act|Bill|Item|Exhibit|Table|Figure|Appendix|"
    r"Paragraph|Clause|Rule|Law|Decree|Order|Case|Interstate|Pier|Unit|Block|Lot|Suite|Apt\.?|"
    r"Psalm|Volume|Vol\.|Episode|Season|Part|Iphone|iPhone|Galaxy|Pixel|F|MH|PS|Proposition|Prop\.?|"
    r"Measure|Amendment|Falcon|Soyuz|Ariane|Form|Wi-Fi|iOS|iPadOS|macOS|watchOS|Android|"
    r"PlayStation|Xbox|WTA|ATP|Masters|Exit|Junction|Game|Heat|Courtroom|Court|Plot|Circuit|"
    r"Element|Class|Year|Lane|Berth|Bay|Hall|Building|Zone|Sector|Camp|Track|Pitch|Stand)"
    r"\s?\d+[A-Z]?(?:\.\d+)*\b)",
)
# ``_PROTECTED`` with only the alternatives that can start at a digit, for the places that
# hold one: most places tried, and most of the forty alternatives start with a word or "\b"
_PROTECTED_AT_DIGIT = patterns.compile(patterns.starting_with(_PROTECTED.pattern, "0123456789"))
# A score or a tally ("beat them 3-1", "a 2-2 draw", "voted 7-2"): kept as a score when
# it runs backwards or level, which no range does.
_SCORE = patterns.compile(rf"(?<![\w.,/{_SIGNS}%+×^*-])(\d{{1,3}})-(\d{{1,3}})(?![\w/%-]|[.,]\d)")

# Sets of a match, "6-4, 3-6, 7-6 (7-4)": each of them a score, whichever way it runs.
_SET = r"\d{1,2}-\d{1,2}(?:\s?\(\d{1,2}-\d{1,2}\))?"
_SETS = patterns.compile(rf"(?<![\w.,/-]){_SET}(?:,\s*{_SET})+(?![\w/%-]|[.,]\d)")

_DIGIT = patterns.compile(r"\d")
_DIGITS = frozenset("0123456789")
# what a word-only ``_TENOR`` or ``_COMPOUND`` needs: "-year", "-day", "two- and"
_HYPHEN_WORD = patterns.compile(
    r"-(?:day|week|month|year|hour|minute|second|night|bed|room|stor|point|lane|door|page|time)"
    r"|-\s+(?:and|or)\s",
    re.I,
)
# Without a digit in the text only these alternatives of ``_PROTECTED`` can match, so a
# sentence of words is scanned with them alone (same matches, a fraction of the time).
_PROTECTED_WORDS = patterns.compile(
    r"(?P<rate>(?<=\bper\s)(?:(?:a\s+|one\s+)?(?:hundred|thousand|million))\b(?![.,]\d))"
    r"|(?P<identifier>https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+"
    rf"|{_TENOR}|{_COMPOUND}|\bBBC\s+(?:One|Two|Three|Four)\b)"
)


# Where an alternative of ``_PROTECTED`` can begin: at a word's start (every one of them
# starts with ``\b``, a lookbehind for a non-word character, or after "per "/"the "), at
# one of these characters, or at "http"/"www" anywhere. Trying ``_PROTECTED`` only there
# finds what ``finditer`` finds, without entering its forty alternatives in mid-word; a
# test holds the two to the same matches. An alternative added to ``_PROTECTED`` that
# starts elsewhere must be added here.
_STARTS = patterns.compile(r"\b\w|[(',#+.\-\[]|https?://|www\.")
# Without "@" or "://" in the text, a match starting with a mark needs a digit after it:
# "(020) ...", "'90s", ", 24, ", "+44 ..."; "#" starts a hashtag.
_STARTS_NO_LINKS = patterns.compile(r"\b\w|[('+\[](?=\d)|, (?=\d)|#|www\.")
# A word of letters starts a match only as one of the words written in ``_PROTECTED``
# (months, "aged", "Flight", "per" ... "hundred"), or before a digit ("COVID-19", "F 35",
# "S&P 500"); e-mail addresses and links, which may start with any word, are looked for
# the long way, when the text has "@" or "://".
_WORD_START = patterns.compile(r"[^\W\d_]+")


def _outside_lookarounds(pattern: str) -> str:
    """``pattern`` without its escapes and its lookaround groups, which start no match."""
    pattern = re.sub(r"\\.", " ", pattern)
    out: list[str] = []
    depth = 0  # nesting inside a lookaround group
    i = 0
    while i < len(pattern):
        if pattern.startswith(("(?<=", "(?<!"), i) or pattern.startswith(("(?=", "(?!"), i):
            depth += 1
            i += 4 if pattern[i + 2] == "<" else 3
            continue
        ch = pattern[i]
        if depth:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
        else:
            out.append(ch)
        i += 1
    return "".join(out)


# words written inside an alternative but never at its start ("older than", "3 and 5 March")
_INNER_WORDS = frozenset({"than", "and", "to", "of", "or", "is", "his", "her", "their", "my",
                          "your", "our", "its", "i", "s", "older", "younger"})  # fmt: skip
# The words written in ``_PROTECTED`` outside its lookarounds, a class of two cases read as
# the word ("[Ss]ections" is "sections"): the words a match can start with.
_LITERAL_WORDS = (
    frozenset(
        w.lower()
        for w in re.findall(
            r"[A-Za-z]+",
            re.sub(r"\[[A-Z]([a-z])\]", r"\1", _outside_lookarounds(_PROTECTED.pattern)),
        )
    )
    - _INNER_WORDS
)
_NUMBER_WORDS = frozenset(_NUMBER_WORD.split("|")) | {"a", "thousand", "million"}
# Words that start a match only with no digit right after them: "in her 70s", "anyone under
# 30", "per one hundred", "one-day", "over-65s" (the hyphen is glued).
_NEVER_BEFORE_A_DIGIT = _NUMBER_WORDS | {"in", "over", "under"} | frozenset(_PEOPLE.split("|"))
# What must follow a word for a match to start at it when no digit follows: each a
# superset of what its alternatives of ``_PROTECTED`` need after the word.
_BEFORE_NO_DIGIT = {
    "in": r"\s+(?:his|her|their|my|your|our|its)\s",
    **dict.fromkeys(_PEOPLE.split("|"), r"\s+(?:aged\s+)?(?:under|over|above|below|old|young)"),
    **dict.fromkeys(_MONTHS.split("|"), r"\.?,?\s+\d"),
    **dict.fromkeys(_NUMBER_WORDS, "-"),  # "one-day", "two-year"; "per hundred" is asked apart
    "twenty": r"-|\s?(?:foot|ft)\b", "forty": r"-|\s?(?:foot|ft)\b",
    "flight": r"\s+[A-Z]", "court": r"\s+room", "regulation": r"\s+\(", "directive": r"\s+\(",
    "crime": r"\s+reference", "reference": r"\s+n", "ref": r"\s+n", "incident": r"\s+n",
    "log": r"\s+n",
    "bbc": r"\s+(?:one|two|three|four)\b", "po": r"\s+box", "wi": "-fi",
}  # fmt: skip
_BEFORE_NO_DIGIT_RE = {w: patterns.compile(p, re.I) for w, p in _BEFORE_NO_DIGIT.items()}
_NEAR_DIGIT = patterns.compile(r"[-–.&/]?\s*\d|[&.]")
_GLUED = patterns.compile(r"-?\d|[&.]")  # "COVID-19", "H1N1", "S&P 500", "No. 5"
_AFTER_PER = patterns.compile(r"(?<=\bper\s)")  # the basis of a rate: "per one hundred"


# The places the loop in ``_protected`` tries, found for an ASCII text without links by
# scans in C: a word of digits (or "_"), a mark before a digit, "#", "www."; a word before a
# digit; a word that starts a match with no digit after it, with what must follow it (on
# the text in lower case); a number word after "per ".
_AT_DIGIT_OR_MARK = patterns.compile(r"\b[\d_]|[('+\[](?=\d)|, (?=\d)|#|www\.")
_WORD_BEFORE_DIGIT = patterns.compile(r"\b[^\W\d_]++(?=[-–.&/]?\s*\d|[&.])")


def _by_first_letter(table: dict[str, str]) -> str:
    """Each word of ``table``, whole, followed by its condition: grouped by first letter, so a
    scan enters only the words that start with the letter it is at."""
    groups: dict[str, list[str]] = {}
    for w, p in table.items():
        groups.setdefault(w[0], []).append(f"{re.escape(w[1:])}(?![a-z])(?=(?i:{p}))")
    return "|".join(f"{c}(?:{'|'.join(alts)})" for c, alts in sorted(groups.items()))


_WORD_NO_DIGIT = patterns.compile(rf"\b(?:{_by_first_letter(_BEFORE_NO_DIGIT)})")
_RATE_WORD = patterns.compile(rf"(?<=\bper\s)(?i:{'|'.join(sorted(_NUMBER_WORDS))})(?![^\W\d_])")


def _starts(norm: str) -> list[int]:
    """Where ``_protected``'s loop would try ``_PROTECTED`` in an ASCII text without links."""
    near, glued = _NEAR_DIGIT.match, _GLUED.match
    starts = [m.start() for m in _AT_DIGIT_OR_MARK.finditer(norm)]
    rates = {m.start() for m in _RATE_WORD.finditer(norm)} if "per" in norm else set()
    for m in _WORD_BEFORE_DIGIT.finditer(norm):
        lowered = m.group().lower()
        if (
            glued(norm, m.end()) is not None
            or (lowered in _LITERAL_WORDS and lowered not in _NEVER_BEFORE_A_DIGIT)
            or m.start() in rates
        ):
            starts.append(m.start())
    starts += [
        m.start() for m in _WORD_NO_DIGIT.finditer(norm.lower()) if near(norm, m.end()) is None
    ]
    return sorted({*starts, *rates})


def _protected(norm: str) -> list[tuple[int, int, str]]:
    """``_PROTECTED.finditer(norm)`` as (start, end, kind), trying only where a match can start."""
    out: list[tuple[int, int, str]] = []
    words_too = "@" in norm or "://" in norm
    if not words_too and norm.isascii():
        pos, match, at_digit = 0, _PROTECTED.match, _PROTECTED_AT_DIGIT.match
        for at in _starts(norm):
            if at < pos:
                continue
            if (m := (at_digit if norm[at] in _DIGITS else match)(norm, at)) is not None:
                out.append((at, m.end(), m.lastgroup or "identifier"))
                pos = m.end()
        return out
    search, match = (_STARTS if words_too else _STARTS_NO_LINKS).search, _PROTECTED.match
    word, near, glued, after_per = (
        _WORD_START.match,
        _NEAR_DIGIT.match,
        _GLUED.match,
        _AFTER_PER.match,
    )
    pos = 0
    while (start := search(norm, pos)) is not None:
        at = start.start()
        run = word(norm, at)
        if run is not None and not words_too and run.group().isascii():
            end, lowered = run.end(), run.group().lower()
            rate = lowered in _NUMBER_WORDS and after_per(norm, at) is not None
            if near(norm, end) is not None:  # a digit follows: "Flight 370", "COVID-19"
                if (
                    glued(norm, end) is None
                    and (lowered not in _LITERAL_WORDS or lowered in _NEVER_BEFORE_A_DIGIT)
                    and not rate
                ):
                    pos = end
                    continue
            elif not rate and (
                (follows := _BEFORE_NO_DIGIT_RE.get(lowered)) is None
                or follows.match(norm, end) is None
            ):
                pos = end
                continue
        m = (_PROTECTED_AT_DIGIT.match if norm[at] in _DIGITS else match)(norm, at)
        if m is None:
            pos = at + 1
        else:
            out.append((at, m.end(), m.lastgroup or "identifier"))
            pos = m.end()
    return out


def not_counts(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every number in ``norm`` that is not a count, in order."""
    if _DIGIT.search(norm) is None:
        if (
            "per" not in norm
            and "http" not in norm
            and "www." not in norm
            and "@" not in norm
            and "BBC" not in norm
            and ("-" not in norm or _HYPHEN_WORD.search(norm) is None)
        ):
            return []  # each alternative of _PROTECTED_WORDS needs one of these
        return [
            (m.start(), m.end(), m.lastgroup or "identifier")
            for m in _PROTECTED_WORDS.finditer(norm)
        ]
    protected = _protected(norm)
    if "-" not in norm:
        return protected  # a score and a set are written with a hyphen
    sets = [m.span() for m in _SETS.finditer(norm)] if "," in norm else []
    scores = [
        (m.start(), m.end(), "score")
        for m in _SCORE.finditer(norm)
        if (int(m.group(1)) >= int(m.group(2)) or any(s <= m.start() < e for s, e in sets))
        and not any(s < m.end() and m.start() < e for s, e, _ in protected)
    ]
    return sorted(protected + scores) if scores else protected
