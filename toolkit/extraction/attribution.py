"""Who stated a figure, and who wrote and published the article.

Within a sentence a figure is credited to the nearest attribution before it
("according to X", "X said that ...", "X told reporters"), else the first
after it ("..., X said"). A sentence inside a quotation takes the
attribution of the sentence that opens or closes the quotation. The
article's author and publisher come from byline lines ("By X", "Author: X",
"Source: X"); a first-person author bio ("I am X ... an author at Y") that
names someone else is returned so that the conflict can be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit import patterns

__all__ = ["Attribution", "Bio", "Byline", "attributions", "byline", "quotations"]

_VERBS = (
    "said|says|say|told|tells|explained|explains|admitted|admits|confirmed|confirms|announced|"
    "announces|reported|reports|stated|states|estimated|estimates|noted|notes|added|adds|warned|"
    "warns|claimed|claims|assured|assures|wrote|writes|tweeted|declared|declares|insisted|"
    "revealed|reveals|disclosed|acknowledged|indicated|indicates|showed|show|shows|found|finds|"
    "counted|recorded|registered|calculated|projected|predicted|forecast|forecasts|estimate|"
    "promised|pledged|suggested|suggests|believe|believes|believed|expected|expects|"
    "points out|point out|"
    "informed|specified|clarified|emphasized|emphasised|stressed|pointed out|according"
)
_SAID = patterns.compile(rf"\b(?:{_VERBS})\b(?!\s+to\b)", re.I)
_SAID_BY = patterns.compile(
    r"\b(?:said|says|added|explained|wrote)\s+(?P<agent>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'-]*){0,6})"
)
_ACCORDING = patterns.compile(
    r"\baccording\s+to\s+(?:(?:the|a|an|new|latest|official|recent|preliminary|its|their)\s+)*"
    r"(?:(?:statistics|figures|data|estimates?|numbers|report|statement|survey|study|research|"
    r"analysis|tally|count|census|calculations?|records|poll)\s+(?:released\s+|published\s+|"
    r"compiled\s+|issued\s+)?(?:of|from|by)\s+)?(?P<agent>[^,;:.“”\"()]{2,90})",
    re.I,
)
_CLAUSE_START = patterns.compile(
    # a comma inside "4,000" starts no clause; nor does "as" of "as many as"
    r"(?:^|(?<!\d),|,(?!\d{3})|[;:“”\"(—–]|\bthat\b|\b(?:after|when|while|because|before|"
    r"although|though|whereas)\b)\s*(?:(?:and|but|while|as)\s+)?",
    re.I,
)
_AGENT_NOUNS = patterns.compile(
    r"\b(?:agency|ministry|committee|police|officials?|spokes(?:man|woman|person)|authorities|"
    r"government|service|office|department|minister|president|report|data|figures|study|"
    r"survey|researchers|experts|analysts|economists|organi[sz]ers|company|bank|firm|group|"
    r"council|commission|institute|bureau|agency|statement|executive|chief|director|"
    r"chairman|chairwoman|secretary|governor|mayor|leader|charity|union|regulators?|"
    r"watchdog|prosecutors?|he|she|they|it|we|i)\b",
    re.I,
)
# "an estimated 3,000", "the reported cases": a participle, not a verb of saying.
_ARTICLE_BEFORE = patterns.compile(r"\b(?:an?|the|some|its|their)\s+$", re.I)
# a word that is also a noun, after a determiner and an adjective: "its full-year forecast",
# "beating Wall Street estimates"
_NOUN_VERBS = frozenset({"forecast", "forecasts", "estimate", "estimates", "reports", "claims",
                         "notes", "records", "shows", "projected", "expected"})  # fmt: skip
_ADJECTIVE_BEFORE = patterns.compile(
    r"\b(?:an?|the|some|its|their|his|her|our)\s+(?:latest|own|full-year|annual|previous|"
    r"earlier|new|updated|revised|official|consensus|initial|quarterly|monthly|average|median|"
    r"analysts’|analysts'|[a-z]+-[a-z]+)\s+$"
    r"|\b(?:Street|analysts’|analysts'|market|consensus)\s+$",
    re.I,
)
# "asylum claims stood at", "the reports were": a plural noun, not a verb of saying.
_AMBIGUOUS = {"claims", "reports", "estimates", "notes", "states", "records", "forecasts", "shows"}
_NOUN_NEXT = patterns.compile(
    r"\s+(?:stood|were|was|are|is|have|has|had|rose|fell|will|would|could|can|reached|"
    r"remain\w*|increased|decreased|jumped|dropped|of|in|from|for|by|to|and|or)\b",
    re.I,
)
# A head that holds a figure or starts with a quantity word is the counted group
# ("Some 40% of small businesses reported"), not who stated the figure; a poll or
# survey named by its size is the exception ("a poll of 4,000 GPs found").
_HEAD_FIGURE = patterns.compile(r"\d|%", re.I)
_NAMED_NUMBER = patterns.compile(r"\b[A-Z][\w&]*\s\d+\b")
_SIZED_SOURCE = patterns.compile(
    r"^(?:(?:a|an|the|its|their)\s+)?(?:[A-Z][\w&]*\s+)?(?:poll|survey|study|census|"
    r"review|analysis|sample)\s+of\b",
    re.I,
)
_QUANTITY_START = patterns.compile(
    r"^(?:(?:about|around|roughly|some|nearly|almost|over|more|less|fewer|up|at|just|"
    r"an?\s+(?:third|quarter|half|fifth|few|dozen|handful|majority|minority)|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|half|most|many|several|thousands|"
    r"hundreds|dozens|millions)\b|(?:\w+-)?(?:quarters?|thirds?|halves|fifths?)\b)",
    re.I,
)
_DETERMINER = patterns.compile(r"^(?:the|a|an|its|their|his|her|our)\s+", re.I)
# The verb closes the sentence: "..., the retailer said." / "..., officials said on Monday."
# "..., the authority said early on Monday.", "..., the airport said after ministers gave
# their approval.", "..., she told Reuters, adding that ..."
_CLOSING = patterns.compile(
    r"(?:\s+(?:reporters|journalists|the\s+[A-Z][\w.]*|[A-Z][\w.]*))?"
    r"\s*,?\s*(?:(?:on|last|this|in|late|early|earlier|later|at|during|after|before|when|while|"
    r"as|adding|citing|because|following|yesterday|today|overnight)\b[^.!?]*)?[.!?]?[\s”\"’']*$",
)
_LEADING = patterns.compile(
    r"^(?:and|but|while|as|however|then|also|where|when|whereas|although|though|because|"
    r"since|after|before|if)\s+",
    re.I,
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_QUOTE = patterns.compile(r"“[^“”]*”|\"[^\"\n]*\"")
_AUTHOR_LINE = patterns.compile(
    r"^[ \t]*(?:(?:Author|Authors|Written\s+by|Reporter|Words|Text)\s*[:：]\s*|By\s+)"
    r"(?P<name>[^\n]{2,80}?)[ \t]*$",
    re.M | re.I,
)
_PUBLISHER_LINE = patterns.compile(
    r"^[ \t]*(?:Source|Publisher|Published\s+by|Via|Originally\s+published\s+(?:in|by|at|on))"
    r"\s*[:：]?\s*(?P<name>[^\n]{2,80}?)[ \t]*$",
    re.M | re.I,
)
_BIO_NAME = patterns.compile(
    r"\b(?:I\s+am|I’m|I'm|My\s+name\s+is)\s+(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})"
)
_BIO_OUTLET = patterns.compile(
    r"\b(?:author|writer|reporter|journalist|editor|contributor|columnist|correspondent)\s+"
    r"(?:at|for|with|of)\s+(?P<outlet>[A-Z0-9][\w&.’'-]*(?:\s+[A-Z0-9][\w&.’'-]*){0,5})"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A stated source inside a sentence: ``start``/``end`` index the sentence text.

    ``closing`` marks a verb of saying that ends the sentence ("..., the minister told
    Parliament."): it speaks for every figure before it.
    """

    start: int
    end: int
    source: str
    closing: bool = False
    verb: str = ""


# Verbs of data and plans, whose subject may be a place or a firm rather than a source:
# "Mumbai recorded 1,41,302 registrations", "Heathrow expects 83 million passengers".
_DATA_VERBS = frozenset({
    "recorded", "registered", "counted", "expects", "expected", "projected", "predicted",
    "forecast", "forecasts", "calculated", "estimated", "estimates", "estimate",
})  # fmt: skip
# verbs of saying that are also actions: "Councils have declared housing emergencies in 13
# of Scotland's 32 areas, Shelter Scotland said"
_ACTIONS = frozenset({"declared", "declares", "announced", "announces", "confirmed", "revealed"})
# "Japan recorded 686,061 births": a place's tally, not a source, unless an agent counts
_TALLY_VERBS = frozenset({"recorded", "registered", "counted"})
# "US employers added 119,000 jobs": "added" before a figure is not a verb of saying
_ADDED_FIGURE = patterns.compile(
    r"\s+(?:(?:about|around|some|nearly|almost|more\s+than|over|another|a\s+further|just)\s+)?"
    r"(?:[A-Z]{1,3}\$|[$€£¥₹₦]|[A-Z]{3}\s?)?\d",
    re.I,
)
# "in a Marist poll conducted ...", "A Newspoll survey of 1,262 voters put Labor ahead", "a
# snapshot survey of 825 institutions by the Institute of International Education"
_POLL = patterns.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+|latest\s+)?(?:[A-Z][\w&’'-]*\s+){1,3}(?:poll|survey)\b"
    r"(?:\s+of\s+[\d,]+\s+[a-z]+)?"
    r"|\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){0,2}(?:poll|survey|study|analysis|census|review)"
    r"(?:\s+of\s+[\d,]+\s+[a-z]+)?\s+(?:by|from|for)\s+(?:the\s+)?[A-Z][\w&’'-]*"
    r"(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&’'-]*)*"
)
_RESEARCH = patterns.compile(
    r"\b(?:study|studies|survey|report|analysis|research|researchers|review|audit|inquiry|"
    r"investigation|poll|census|data|scientists|trial|team)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Bio:
    """A first-person author bio: who it names, where they write, and its span."""

    name: str
    outlet: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Byline:
    """The article's credited author and publisher, and any author bio on the page."""

    author: str | None
    publisher: str | None
    bio: Bio | None
    spans: tuple[tuple[int, int], ...] = ()


def _clean(agent: str) -> str | None:
    agent = _LEADING.sub("", agent.strip(" \t\n,.’'\"“”"))
    agent = re.sub(r"^(?:the)\s+", "", agent, flags=re.I)
    agent = re.sub(r"\s+(?:in|on|at)\s+(?:a|an|the|its|his|her|their)\s+\w+$", "", agent)
    # "Analysts polled by LSEG had expected": the auxiliary is the verb's, not the agent's
    agent = re.sub(r"(?:\s+(?:had|has|have|was|were|is|are|had\s+been|have\s+been))+$", "", agent)
    # "it still expects", "the Office for National Statistics on Thursday"
    agent = re.sub(
        r"(?:\s+(?:still|also|now|already|previously|currently|further|again|separately|later|"
        r"earlier|today|yesterday|(?:on|last|this)\s+(?:[A-Z]\w+|\w+day|week|month|year)))+$",
        "",
        agent,
    )
    if not agent or len(agent) > 90:
        return None
    return agent


def attributions(sentence: str) -> list[Attribution]:
    """The attributions stated in one sentence, in order."""
    found: list[Attribution] = []
    for m in _ACCORDING.finditer(sentence):
        agent = _clean(m.group("agent"))
        if agent:
            found.append(Attribution(m.start(), m.end(), agent))
    for m in _POLL.finditer(sentence):
        found.append(Attribution(m.start(), m.end(), m.group()))
    for m in _SAID.finditer(sentence):
        verb = m.group().lower()
        if verb == "according" or _ARTICLE_BEFORE.search(
            sentence, max(0, m.start() - 8), m.start()
        ):
            continue
        if verb in _NOUN_VERBS and _ADJECTIVE_BEFORE.search(
            sentence, max(0, m.start() - 30), m.start()
        ):
            continue
        if verb in ("added", "adds") and _ADDED_FIGURE.match(sentence, m.end()):
            continue
        if verb in ("found", "finds") and _ADDED_FIGURE.match(sentence, m.end()):
            # "Police found A$2.7 million in cash": a discovery, unless a study finds it
            clause_head = sentence[max(0, m.start() - 60) : m.start()]
            if not _RESEARCH.search(clause_head):
                continue
        if verb in _AMBIGUOUS and _NOUN_NEXT.match(sentence, m.end()):
            continue
        clause = None
        for c in _CLAUSE_START.finditer(sentence, 0, m.start()):
            clause = c
        head = sentence[clause.end() if clause else 0 : m.start()]
        if not head.strip() and clause is not None and sentence[clause.start()] == ",":
            head = _before_aside(sentence, clause.start())
        closing = clause is not None and bool(_CLOSING.match(sentence, m.end()))
        if not _agent_like(head, closing) and " and " in head:
            # "police counted 45,000 protesters and organisers claimed 120,000"
            head = head.rsplit(" and ", 1)[1]
        if _agent_like(head, closing) and not (
            verb in _TALLY_VERBS and not closing and not _AGENT_NOUNS.search(head)
        ):
            agent = _clean(head)
            if agent:
                spoken = closing and verb not in _DATA_VERBS
                found.append(Attribution(m.start() - len(head), m.end(), agent, spoken, verb))
                continue
        after = _SAID_BY.match(sentence, m.start())
        if after is not None:
            agent = _clean(after.group("agent"))
            if agent:
                found.append(Attribution(m.start(), after.end(), agent))
    found.sort(key=lambda a: a.start)
    return found


def _agent_like(head: str, closing: bool) -> bool:
    """Whether the words before a verb of saying name who is speaking."""
    text = head.strip()
    words = text.split()
    if not words or len(words) > 9:
        return False
    # "well ahead of [forecasts]", "beating Wall Street [estimates]", "found it [predicted]"
    if words[-1].lower() in _PREPOSITIONS or _NOT_AN_AGENT_START.match(text):
        return False
    unnamed = _NAMED_NUMBER.sub("", text)  # "The Fortune 500 company said"
    if _HEAD_FIGURE.search(unnamed) and not _SIZED_SOURCE.match(text):
        return False
    if _QUANTITY_START.match(text):
        return False
    bare = _DETERMINER.sub("", text)
    capital = text[:1].isupper() or bare[:1].isupper()
    if _AGENT_NOUNS.search(text) or (len(words) <= 5 and capital):
        return True
    # "..., prosecutors said." / "..., people familiar with the deal said."
    return closing and len(words) <= 7


_PREPOSITIONS = frozenset({"of", "than", "to", "for", "with", "above", "below", "by", "from"})
# a head that starts with a gerund or a verb of saying is no agent ("everything", "Beijing"
# and "King" name things)
_NOT_AN_AGENT_START = patterns.compile(
    rf"(?!(?:everything|nothing|something|anything|king|beijing|viking|banking)\b)"
    rf"(?:\w+ing|{_VERBS})\b",
    re.I,
)
_CLAUSE_COMMA = patterns.compile(r"(?<!\d),|,(?!\d{3})")


def _before_aside(sentence: str, comma: int) -> str:
    """The subject before an aside: "The charity, which has 12,000 volunteers, said"."""
    commas = [m.start() for m in _CLAUSE_COMMA.finditer(sentence, 0, comma)]
    if not commas:
        return ""
    opening = commas[-1]
    start = 0
    for c in _CLAUSE_START.finditer(sentence, 0, opening):
        start = c.end()
    head = sentence[start:opening]
    return head if 0 < len(head.split()) <= 5 else ""


def source_at(found: list[Attribution], position: int) -> Attribution | None:
    """The attribution that covers a figure at ``position`` in the sentence.

    The last one before it, unless a verb of saying closes the sentence after it and the
    one before is a verb of data ("Police recorded 1 507 murders ..., the minister told
    Parliament": the minister is the source).
    """
    before = [a for a in found if a.start <= position]
    closing = next((a for a in found if a.closing and a.start > position), None)
    if before:
        last = before[-1]
        if closing is not None and (last.verb in _DATA_VERBS or last.verb in _ACTIONS):
            return closing
        return last
    return found[0] if found else None


def is_pronoun(source: str) -> bool:
    return source.lower() in _PRONOUNS


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (curly or straight double quotes)."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def byline(text: str) -> Byline:
    """The author and publisher lines of an article, and a first-person bio if any."""
    author = publisher = None
    spans: list[tuple[int, int]] = []
    m = _AUTHOR_LINE.search(text)
    if m is not None and m.group("name")[:1].isupper():
        author = m.group("name").strip()
        spans.append((m.start(), m.end()))
    p = _PUBLISHER_LINE.search(text)
    if p is not None and p.group("name")[:1].isupper():
        publisher = p.group("name").strip()
        spans.append((p.start(), p.end()))
    bio = None
    b = _BIO_NAME.search(text)
    if b is not None:
        para_start = text.rfind("\n", 0, b.start()) + 1
        para_end = text.find("\n", b.end())
        para_end = len(text) if para_end < 0 else para_end
        outlet = _BIO_OUTLET.search(text, para_start, para_end)
        if outlet is not None:
            name = outlet.group("outlet").rstrip(".,")
            bio = Bio(b.group("name"), name, para_start, para_end)
    return Byline(author, publisher, bio, tuple(spans))
