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

__all__ = ["Attribution", "Bio", "Byline", "attributions", "byline", "quotations"]

_VERBS = (
    "said|says|say|told|tells|explained|explains|admitted|admits|confirmed|confirms|announced|"
    "announces|reported|reports|stated|states|estimated|estimates|noted|notes|added|adds|warned|"
    "warns|claimed|claims|assured|assures|wrote|writes|tweeted|declared|declares|insisted|"
    "revealed|reveals|disclosed|acknowledged|indicated|indicates|showed|show|shows|found|finds|"
    "counted|recorded|registered|calculated|projected|predicted|forecast|forecasts|"
    "informed|specified|clarified|emphasized|emphasised|stressed|pointed out|according"
)
_SAID = re.compile(rf"\b(?:{_VERBS})\b(?!\s+to\b)", re.I)
_SAID_BY = re.compile(
    r"\b(?:said|says|told|added|explained|wrote)\s+(?P<agent>(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+(?:of\s+|the\s+)?[A-Z][\w.’'-]*){0,6})"
)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?:(?:the|a|an|new|latest|official|recent|preliminary|its|their)\s+)*"
    r"(?:(?:statistics|figures|data|estimates?|numbers|report|statement|survey|study|research|"
    r"analysis|tally|count|census|calculations?|records|poll)\s+(?:released\s+|published\s+|"
    r"compiled\s+|issued\s+)?(?:of|from|by)\s+)?(?P<agent>[^,;:.“”\"()]{2,90})",
    re.I,
)
_CLAUSE_START = re.compile(r"(?:^|[,;:“”\"(—–]|\bthat\b)\s*(?:(?:and|but|while|as)\s+)?", re.I)
_AGENT_NOUNS = re.compile(
    r"\b(?:agency|ministry|committee|police|officials?|spokes(?:man|woman|person)|authorities|"
    r"government|service|office|department|minister|president|report|data|figures|study|"
    r"survey|researchers|experts|analysts|economists|organi[sz]ers|company|bank|firm|group|"
    r"council|commission|institute|bureau|agency|statement|he|she|they|it|we|i)\b",
    re.I,
)
_LEADING = re.compile(r"^(?:and|but|while|as|however|then|also)\s+", re.I)
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_QUOTE = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
_AUTHOR_LINE = re.compile(
    r"^[ \t]*(?:(?:Author|Authors|Written\s+by|Reporter|Words|Text)\s*[:：]\s*|By\s+)"
    r"(?P<name>[^\n]{2,80}?)[ \t]*$",
    re.M | re.I,
)
_PUBLISHER_LINE = re.compile(
    r"^[ \t]*(?:Source|Publisher|Published\s+by|Via|Originally\s+published\s+(?:in|by|at|on))"
    r"\s*[:：]?\s*(?P<name>[^\n]{2,80}?)[ \t]*$",
    re.M | re.I,
)
_BIO_NAME = re.compile(
    r"\b(?:I\s+am|I’m|I'm|My\s+name\s+is)\s+(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})"
)
_BIO_OUTLET = re.compile(
    r"\b(?:author|writer|reporter|journalist|editor|contributor|columnist|correspondent)\s+"
    r"(?:at|for|with|of)\s+(?P<outlet>[A-Z0-9][\w&.’'-]*(?:\s+[A-Z0-9][\w&.’'-]*){0,5})"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A stated source inside a sentence: ``start``/``end`` index the sentence text."""

    start: int
    end: int
    source: str


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
    for m in _SAID.finditer(sentence):
        if m.group().lower() == "according":
            continue
        clause = None
        for c in _CLAUSE_START.finditer(sentence, 0, m.start()):
            clause = c
        head = sentence[clause.end() if clause else 0 : m.start()]
        words = head.split()
        if (0 < len(words) <= 9 and _AGENT_NOUNS.search(head)) or (
            0 < len(words) <= 5 and head.strip()[:1].isupper()
        ):
            agent = _clean(head)
            if agent:
                found.append(Attribution(m.start() - len(head), m.end(), agent))
                continue
        after = _SAID_BY.match(sentence, m.start())
        if after is not None:
            agent = _clean(after.group("agent"))
            if agent:
                found.append(Attribution(m.start(), after.end(), agent))
    found.sort(key=lambda a: a.start)
    return found


def source_at(found: list[Attribution], position: int) -> Attribution | None:
    """The attribution that covers a figure at ``position`` in the sentence."""
    before = [a for a in found if a.start <= position]
    if before:
        return before[-1]
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
