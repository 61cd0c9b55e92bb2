"""What a figure counts: the noun phrase after it ("4.3 million foreigners").

English puts what is counted right after the number, sometimes after "of
the" ("40% of the voters") or a copula ("of which 1.6 million are
Russians"). The phrase ends at punctuation, a quote, a function word or a
verb. Also: readable claim ids from subjects (``automobile_checkpoints``).
"""

from __future__ import annotations

import re

from toolkit import patterns

__all__ = ["claim_id", "subject_after", "subject_of_change", "subject_of_level"]

_STOP = {
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "than", "then", "that",
    "which", "who", "whom", "whose", "where", "when", "while", "as", "at", "by", "for", "from",
    "in", "into", "on", "onto", "to", "with", "without", "within", "of", "off", "over",
    "under", "per", "up", "down", "out", "about", "after", "before", "since", "until",
    "during", "between", "among", "through", "across", "against", "toward", "towards",
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "there", "here", "this", "these", "those", "it", "its", "they", "them", "their",
    "he", "him", "his", "she", "her", "we", "us", "our", "you", "your", "i", "me", "my",
    "not", "no", "also", "only", "just", "still", "already", "ago", "earlier", "later",
    "each", "every", "all", "both", "respectively", "more", "less", "fewer", "most", "least",
    "said", "says", "say", "told", "according", "including", "includes", "include",
    "whereas", "compared",
    "last", "next", "year", "month", "week", "today", "yesterday", "tomorrow",
    "again", "too", "very", "such", "other", "another", "same", "own", "now", "even",
    "rose", "fell", "increased", "decreased", "grew", "dropped", "declined", "reached", "work",
    "remain", "remained", "came", "come", "went", "go", "got", "get", "make", "made",
    "took", "take", "died", "killed", "left", "entered", "arrived", "live", "lived", "living",
    "struck", "fled", "ran", "run", "met", "meet", "held", "hold", "kept", "keep", "lost", "lose",
    "won", "win", "paid", "pay", "sold", "sell", "bought", "buy", "spent", "spend", "saw", "see",
    "gave", "give", "found", "find", "became", "become", "began", "begin", "fall",
    "rise", "grow", "stood", "stand", "sat", "led", "lead", "brought", "bring",
    "thought", "felt", "stay", "stayed", "crossed", "voted", "marched", "protested", "waited",
    "works", "worked", "remains", "face", "faced", "need", "needed", "want",
    "wanted", "received", "used", "reported", "showed", "shows", "show", "included",
    "higher", "lower", "set", "closed", "ended", "finished", "strong",
}  # fmt: skip
_DETERMINERS = {"the", "its", "their", "his", "her", "our", "all", "those", "these", "a", "an"}
_WORD = patterns.compile(
    r"\s*([A-Za-z\u00c0-\u024f][\w\u00c0-\u024f]*(?:[’'-][\w\u00c0-\u024f]+)*)"
)
_OF = patterns.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the|its|their|all|all\s+the)\s+)?"
    r"(?:(?:[\d.,\u00a0\u202f\u2009]+|a|an)(?:\s+(?:hundred|thousand|million|billion))?\s+)?",
    re.I,
)
_POSSESSOR = patterns.compile(
    r"\s*[A-Za-z][\w-]*[’']s\s+(?:[\d.,\u00a0\u202f\u2009]+(?:\s+(?:hundred|thousand|million|billion))?"
    r"(?=\s))?",
)
_COMPOUND = patterns.compile(r"-(?:strong|member|seat|bed|person|man|woman)\s+", re.I)
# what may stand between a figure and its noun: a measure of the thing ("15kg cartons"), "such",
# "other", "more", a list's rank ("the Top 10 best-selling cars")
_BEFORE_NOUN = patterns.compile(
    r"(?:\s+\d+(?:\.\d+)?\s?(?:kg|g|ml|l|lb|oz)\b|\s+(?:such|other|more|further|additional)\b"
    r"|\s+Top\s+\d+\b)(?=\s+[A-Za-z])",
)
_AGE_GROUP = patterns.compile(r"\d{1,3}-year-olds\b")
_COPULA = patterns.compile(r"\s+(?:are|were|is|was|being)\s+", re.I)
_MAX_WORDS = 3


# after "were", a participle is the verb of a passive, not what is counted: "27,000 were
# declared invalid", "118,000 were aged 15 to 24"
_PARTICIPLES = frozenset({
    "aged", "born", "held", "found", "made", "left", "hurt", "shot", "kept", "lost", "paid",
    "sold", "put", "set", "cut", "hit", "built", "sent", "spent", "caught", "brought", "bought",
    "told", "struck", "seen", "taken", "given", "known", "shown", "drawn", "driven", "written",
    "still", "now", "also", "not", "either", "neither", "among", "from", "in", "at", "on",
})  # fmt: skip
# "the 352,000 unemployed", "its 40 injured": after a determiner, an -ed word is the noun
_DETERMINED = patterns.compile(r"\b(?:the|its|their|these|those|his|her|our)\s+$", re.I)


def _words_at(text: str, pos: int, limit: int, determined: bool = False) -> tuple[list[str], int]:
    words: list[str] = []
    while len(words) < _MAX_WORDS:
        m = _WORD.match(text, pos, limit)
        if m is None:
            break
        word = m.group(1)
        low = word.lower()
        if (low in _STOP and not (word.isupper() and len(word) > 1)) or (
            words and low.endswith("ing") and len(low) > 5
        ):
            break
        if words and low.endswith("ed") and len(low) > 4:
            break
        if not words and low.endswith("ed") and len(low) > 4 and not determined:
            # "9 recovered and ...", "25 opened.": a verb, unless a noun follows ("20
            # injured people") or a determiner precedes ("the 352,000 unemployed")
            nxt = _WORD.match(text, m.end(), limit)
            if nxt is None or nxt.start(1) > m.end() + 1 or nxt.group(1).lower() in _STOP:
                break
        words.append(word)
        pos = m.end()
    return words, pos


def subject_after(
    text: str, end: int, limit: int | None = None, start: int | None = None
) -> str | None:
    """The noun phrase a figure ending at ``end`` counts, or None.

    ``limit`` bounds the search (the end of the sentence); ``start``, where the figure
    starts, lets a determiner before it make an -ed word a noun ("the 352,000 unemployed").
    """
    stop = len(text) if limit is None else limit
    compound = _COMPOUND.match(text, end, stop)  # "the 50,000-strong workforce"
    if compound is not None:
        end = compound.end()
    skip = _BEFORE_NOUN.match(text, end, stop)  # "204 million 15kg cartons", "1.4 lakh such cases"
    if skip is not None:
        end = skip.end()
    determined = start is not None and _DETERMINED.search(text, max(0, start - 8), start)
    words, _ = _words_at(text, end, stop, bool(determined))
    if words:
        return " ".join(words)
    for pattern in (_OF, _COPULA):
        m = pattern.match(text, end, stop)
        if m is None:
            continue
        pos = m.end()
        if pattern is _COPULA:
            verb = _WORD.match(text, pos, stop)
            if verb is not None and (
                verb.group(1).lower() in _PARTICIPLES or verb.group(1).lower().endswith("ed")
            ):
                continue
        det = _WORD.match(text, pos, stop)
        if det is not None and det.group(1).lower() in _DETERMINERS:
            pos = det.end()
        # "of the country's residents", "of the nation's 4.2 million farmers": the
        # possessor is not what is counted.
        owner = _POSSESSOR.match(text, pos, stop)
        if owner is not None:
            pos = owner.end()
        skip = _BEFORE_NOUN.match(text, pos - 1, stop)  # "of the Top 10 best-selling cars"
        if skip is not None:
            pos = skip.end()
        aged = _AGE_GROUP.match(text, pos, stop)  # "two-thirds of 11-year-olds"
        if aged is not None:
            return aged.group()
        words, _ = _words_at(text, pos, stop)
        if words:
            return " ".join(words)
    return None


_CHANGE_NOUN = patterns.compile(
    r"\s+(?:rise|fall|increase|decrease|drop|decline|jump|cut|reduction|growth|slump)\s+in\s+"
    r"(?:(?:the|its|their)\s+)?",
    re.I,
)
_CHANGE_VERBS = (
    "rose", "risen", "rise", "grew", "grown", "grow", "increased", "increase", "climbed",
    "climb", "jumped", "jump", "soared", "surged", "fell", "fallen", "fall", "dropped", "drop",
    "declined", "decline", "decreased", "decrease", "slumped", "plunged", "shrank", "shrink",
    "cut", "slashed", "reduced", "raised", "narrowed", "widened", "slipped", "eased", "gained",
    "tumbled", "sank", "dipped", "rebounded", "edged", "advanced", "retreated",
)  # fmt: skip
# "cut clinical cases by 75%", "raised fares by 4%": what is changed is the verb's object
_CHANGED_OBJECT = patterns.compile(
    r"\b(?:cut|cuts|reduced|reduces|slashed|raised|raises|increased|boosted|lifted|lowered|"
    r"trimmed)\s+(?:(?:the|its|their|his|her)\s+)?(?P<np>(?:[A-Za-z][\w’'-]*\s+){0,2}"
    r"[A-Za-z][\w’'-]*)\s+by\s+$",
    re.I,
)
_CHANGED_BY = patterns.compile(
    r"(?P<np>(?:[A-Za-z][\w’'-]*\s+){0,6}[A-Za-z][\w’'-]*)\s+"
    # "egg prices in the EU are up 24%", "yields were down by as much as 20%"
    r"(?:(?:(?:have|has|had|must|will|would|could|may|might|is|are|was|were|to)\s+)?"
    rf"(?:{'|'.join(_CHANGE_VERBS)})|(?:is|are|was|were)\s+(?:up|down))"
    r"\s+(?:by\s+)?(?:(?:as\s+much\s+as|about|around|some|nearly|almost|more\s+than|over)\s+)?$",
    re.I,
)
# "Unemployment rose to 5.2% from 4.8%", "Sales rose 20% to $1.5 million", "Inflation was
# 3.1%", "revenue stood at €2 billion": the level's subject comes before its verb.
_COUNT_NOUNS = {"number", "total", "count", "tally", "share", "proportion", "percentage"}
_LEVEL_OF = patterns.compile(
    r"(?P<np>(?:[A-Za-z][\w’'-]*\s+){0,3}[A-Za-z][\w’'-]*)\s+"
    r"(?:(?:have|has|had|will|would|is|are|was|were)\s+)?"
    r"(?:(?:rose|risen|grew|grown|increased|climbed|jumped|soared|surged|fell|fallen|"
    r"dropped|declined|decreased|slumped|plunged|shrank|edged\s+(?:up|down)|went\s+(?:up|down))"
    r"(?:\s+[^\s,;:!?“”\"()]+){0,4}?\s+(?:to|from)"
    r"|(?:was|is|were|are|stood\s+at|stands\s+at|reached|hit|totall?ed|amounted\s+to|"
    r"came\s+to))\s+$",
    re.I,
)


def subject_of_change(text: str, start: int, end: int, sentence_start: int) -> str | None:
    """What a change figure measures: "a 20% rise in **sales**", "**admissions** rose 18%"."""
    m = _CHANGE_NOUN.match(text, end)
    if m is not None:
        words, _ = _words_at(text, m.end(), len(text))
        if words:
            return " ".join(words)
    obj = _CHANGED_OBJECT.search(text, max(sentence_start, start - 60), start)
    if obj is not None:
        words = [w for w in obj.group("np").split() if w.lower() not in _STOP]
        if words:
            return " ".join(words)
    return _noun_before(_CHANGED_BY, text, start, sentence_start)


# "a crowd of 68,412", "a crew of four", "a profit of £38m": the noun the figure measures
_GROUP_OF = patterns.compile(r"(?:^|\s)(?P<np>[A-Za-z][\w’'-]*)\s+of\s+$", re.I)
_NOT_GROUPS = frozenset({
    "total", "sum", "rise", "increase", "fall", "decrease", "decline", "drop", "jump", "surge",
    "slump", "growth", "gain", "cut", "reduction", "maximum", "minimum", "average", "peak",
    "high", "low", "record", "ceiling", "cap", "range", "estimate", "tune", "age", "ages",
    "aged", "excess", "upwards", "out", "one", "some", "all", "each", "none", "most", "many",
    "both", "any", "part", "half", "lot", "lots", "number", "share", "majority", "minority",
    "hundreds", "thousands", "millions", "dozens", "tens", "value", "worth", "outside", "instead",
    "because", "ahead", "short", "top", "more", "less", "fewer", "than", "terms", "basis",
})  # fmt: skip


def subject_of_group(text: str, start: int, sentence_start: int) -> str | None:
    """What a figure after "X of" measures: "a crowd of **68,412**" counts a crowd."""
    m = _GROUP_OF.search(text, max(sentence_start, start - 30), start)
    if m is None:
        return None
    noun = m.group("np")
    if noun.lower() in _NOT_GROUPS or noun.lower() in _STOP or noun.lower() in _DETERMINERS:
        return None
    return noun.lower()


def subject_of_level(text: str, start: int, sentence_start: int) -> str | None:
    """What a level measures, named before its verb: "**unemployment** rose to 5.2%"."""
    return _noun_before(_LEVEL_OF, text, start, sentence_start, _LEVEL_LAST)


#: The word right before a figure that ``_LEVEL_OF`` / ``_CHANGED_BY`` can end on: a cheap
#: test that spares most figures the backtracking search.
_LEVEL_LAST = frozenset({"to", "from", "was", "is", "were", "are", "at", "reached", "hit",
                         "totalled", "totaled"})  # fmt: skip
_CHANGE_LAST = frozenset({"by", "up", "down", "as", "about", "around", "some", "nearly", "almost",
                          "than", "over", *_CHANGE_VERBS})  # fmt: skip


def _noun_before(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    sentence_start: int,
    last_words: frozenset[str] = _CHANGE_LAST,
) -> str | None:
    tail = text[max(sentence_start, start - 16) : start].split()
    if not tail or tail[-1].lower() not in last_words:
        return None
    before = pattern.search(text, max(sentence_start, start - 120), start)
    if before is None:
        return None
    words = before.group("np").split()
    while words and words[-1].lower() in _STOP:  # "Emissions must" fall
        words.pop()
    while words and words[0].lower() in _STOP:
        words.pop(0)
    # "prices in Ireland rose": what is counted comes before the phrase of place; "in
    # September as iron ore exports slipped": after the last function word
    segments: list[list[str]] = [[]]
    joins: list[str] = []
    for w in words:
        if w.lower() in _STOP:
            if segments[-1]:
                segments.append([])
                joins.append(w.lower())
            continue
        segments[-1].append(w)
    segments = [seg for seg in segments if seg]
    if len(segments) > 1:
        join = joins[len(segments) - 2] if len(joins) >= len(segments) - 1 else ""
        # "the number of properties sold": the count noun's "of" names what is counted
        counted = join == "of" and segments[-2][-1].lower() in _COUNT_NOUNS
        words = segments[-2] if join in _PLACE_WORDS and not counted else segments[-1]
    if len(words) > 2 and words[0].lower() in _COUNT_NOUNS and words[1].lower() == "of":
        words = words[2:]  # "the number of visitors reached 12,000": visitors are counted
    if not words or any(w.lower() in _STOP for w in words):
        return None
    return " ".join(words)


_PLACE_WORDS = frozenset({"in", "at", "across", "for", "from", "to", "among", "on", "of"})
_RATE_WORD = patterns.compile(
    r"\b(?:rate|share|percentage|proportion|ratio|turnout|margin)s?$", re.I
)


def claim_id(subject: str | None, unit: str | None, taken: dict[str, int]) -> str:
    """A stable, readable id (``foreigners``, ``russians_2``), recorded in ``taken``.

    ``taken`` maps each id given out to the next suffix to try for it, so
    many figures with one subject cost linear time.
    """
    base = subject or _UNIT_NAMES.get(unit or "", unit or "") or "figure"
    if subject and unit in ("%", "pp") and not _RATE_WORD.search(subject):
        base = f"{subject} share"
    slug = re.sub(r"[^a-z0-9]+", "_", base.lower().replace("’", "").replace("'", "")).strip("_")
    if not slug:
        slug = "figure"
    if slug[0].isdigit():
        slug = f"n_{slug}"
    slug = slug[:40].rstrip("_")
    candidate, n = slug, taken.get(slug, 1)
    if slug in taken:
        candidate = f"{slug}_{n}"
    while candidate in taken:
        n += 1
        candidate = f"{slug}_{n}"
    taken[slug] = n + 1
    taken.setdefault(candidate, 2)
    return candidate


_UNIT_NAMES = {"%": "percent", "pp": "points", "$": "dollars", "€": "euros", "£": "pounds",
               "¥": "yen", "₹": "rupees", "₽": "roubles", "₸": "tenge"}  # fmt: skip
