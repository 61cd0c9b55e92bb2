"""Reading an article: its figures as claims, the rules its wording states, and findings.

``extract(text)`` gives the claims; ``read_article(text)`` gives the whole
``ArticleReading``: claims (each with span, subject, source, author and
publisher), inferred rules with their evidence, the numbers recognised as
not being counts (dates, years, ordinals, ...), and findings (figures with
no stated source, a byline conflict). Never raises on any string.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from toolkit import patterns
from toolkit.extraction.attribution import (
    Attribution,
    Byline,
    attributions,
    byline,
    is_pronoun,
    quotations,
    source_at,
)
from toolkit.extraction.changes import MODIFIER_GAP
from toolkit.extraction.claim import Claim
from toolkit.extraction.findings import (
    BYLINE_CONFLICT,
    CODES,
    NO_FIGURES,
    UNATTRIBUTED,
    Finding,
)
from toolkit.extraction.relations import InferredRule, change_of, infer_rules
from toolkit.extraction.sentences import Sentence, split_sentences
from toolkit.extraction.spans import Span, find_spans
from toolkit.extraction.subjects import (
    claim_id,
    subject_after,
    subject_of_change,
    subject_of_group,
    subject_of_level,
)

__all__ = ["ArticleReading", "Mention", "extract", "read_article"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A number that is not a figure to check: a date, year, time, age, ordinal, ..."""

    kind: str
    text: str
    span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "span": list(self.span)}


@dataclass(frozen=True, slots=True)
class ArticleReading:
    """Everything read from one article. ``valid`` is False when a finding needs attention."""

    claims: tuple[Claim, ...]
    rules: tuple[InferredRule, ...]
    author: str | None
    publisher: str | None
    findings: tuple[Finding, ...]
    mentions: tuple[Mention, ...]

    @property
    def valid(self) -> bool:
        return not any(f.code != NO_FIGURES for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        claims = [c.to_dict() for c in self.claims]
        return {
            "author": self.author,
            "publisher": self.publisher,
            "claims": claims,
            "rules": [r.to_dict() for r in self.rules],
            "findings": [f.to_dict() for f in self.findings],
            "mentions": [m.to_dict() for m in self.mentions],
        }


class _Sources:
    """Attributions per sentence, computed once, with quotation and pronoun carry-over."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.cache: dict[int, list[Attribution]] = {}
        self.quotes = quotations(text)
        self.quote_starts = [q[0] for q in self.quotes]

    def of(self, i: int) -> list[Attribution]:
        if i not in self.cache:
            self.cache[i] = attributions(self.sentences[i].text)
        return self.cache[i]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def source(self, i: int, pos: int) -> str | None:
        found = source_at(self.of(i), pos - self.sentences[i].start)
        if found is not None and is_pronoun(found.source):
            # "Halden Retail Group said ... that it still expects £640m": the name before it
            named = [a for a in self.of(i) if a.start < found.start and not is_pronoun(a.source)]
            if named:
                return named[-1].source
        if found is None or is_pronoun(found.source):
            found = self._quoted(pos) or found
        if found is None:
            return None
        if is_pronoun(found.source) and i > 0:
            earlier = self.of(i - 1)
            named = [a for a in earlier if not is_pronoun(a.source)]
            if named:
                return named[-1].source
        return found.source

    def _quoted(self, pos: int) -> Attribution | None:
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        if k < 0 or not self.quotes[k][0] <= pos < self.quotes[k][1]:
            return None
        q_start, q_end = self.quotes[k]
        for edge in (q_end - 1, q_start):
            i = self.index(edge)
            sentence = self.sentences[i]
            local = [a for a in self.of(i) if not q_start <= a.start + sentence.start < q_end]
            if local:
                return local[0] if edge == q_end - 1 else local[-1]
        return None


_SHARED = patterns.compile(
    r"\s*,?\s*(?:or\s+)?\(?\s*(?:(?:out\s+)?of\s+(?:the\s+|their\s+|its\s+)?"
    r"(?:(?:last|first|next|past|previous|remaining)\s+)?)?",
    re.I,
)
_FROM_BEFORE = patterns.compile(r"\bfrom\s+(?:the\s+|a\s+)?$", re.I)
_PART_GAP = patterns.compile(
    r"[^.;:!?,]{0,40}?,\s*(?:(?:including|of\s+(?:which|whom|these|them)|among\s+them)\s+)?"
    r"|[\w\s’'-]{0,40}?\s+and\s+",
    re.I,
)


def _excluded(span: Span, regions: list[tuple[int, int]]) -> bool:
    return any(s <= span.start < e for s, e in regions)


def read_article(
    text: str,
    url: str | None = None,
    published: str | None = None,
    author: str | None = None,
    publisher: str | None = None,
) -> ArticleReading:
    """Read an article's figures, their subjects and sources, and the rules its wording states.

    ``author`` and ``publisher`` (a page's metadata) are used where the text names none.
    """
    credit = byline(text)
    if (credit.author is None and author) or (credit.publisher is None and publisher):
        credit = replace(
            credit, author=credit.author or author, publisher=credit.publisher or publisher
        )
    regions = list(credit.spans)
    if credit.bio is not None:
        regions.append((credit.bio.start, credit.bio.end))
    sentences = split_sentences(text)
    sources = _Sources(text, sentences)
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]
    taken: dict[str, int] = {}
    claims: list[Claim] = []
    mentions: list[Mention] = []
    findings: list[Finding] = []
    placed: list[tuple[Span, Sentence, int, str | None]] = []
    for span in find_spans(text):
        if _excluded(span, regions):
            continue
        if span.kind != "figure" or span.figure is None:
            mentions.append(Mention(span.kind, span.text, (span.start, span.end)))
            continue
        i = sources.index(span.start) if sentences else -1
        sentence = sentences[i] if i >= 0 else Sentence(0, len(text), text)
        subject = subject_after(text, span.end, sentence.end, span.start)
        if subject is None and (
            span.figure.unit in ("%", "pp") or change_of(text, span.start, span.end)
        ):
            subject = subject_of_change(text, span.start, span.end, sentence.start)
        if subject is None:
            subject = subject_of_level(text, span.start, sentence.start)
        if subject is None and span.figure.unit not in ("%", "pp"):
            subject = subject_of_group(text, span.start, sentence.start)
        placed.append((span, sentence, i, subject))
    for k in range(len(placed) - 2, -1, -1):
        # "12 out of 30 checkpoints", "40%, or 1,200, of the 3,000 workers": shared subject.
        span, sentence, i, subject = placed[k]
        after = placed[k + 1]
        if subject is None and after[2] == i and _SHARED.fullmatch(text, span.end, after[0].start):
            placed[k] = (span, sentence, i, after[3])
    for k in range(1, len(placed)):
        # "45,000 people, including 12,000 in the US and 8,500 in Germany", "Of the 1,200
        # stores surveyed, 312 reported ...": a part with no noun of its own counts the same.
        span, sentence, i, subject = placed[k]
        before = placed[k - 1]
        if (
            subject is None
            and before[2] == i
            and before[3] is not None
            and before[0].figure is not None
            and before[0].figure.unit == span.figure.unit  # type: ignore[union-attr]
            and _PART_GAP.fullmatch(text, before[0].end, span.start)
        ):
            placed[k] = (span, sentence, i, before[3])
        elif subject is None and _FROM_BEFORE.search(
            text, max(sentence.start, span.start - 12), span.start
        ):
            # "Sales were $4.2 billion, down 8% from $4.6 billion": the old level of the same
            # thing, the last figure before it in the sentence with its unit and a subject.
            for j in range(k - 1, -1, -1):
                other = placed[j]
                fig = other[0].figure
                if other[2] != i or fig is None or fig.unit != span.figure.unit:  # type: ignore[union-attr]
                    continue
                if j and MODIFIER_GAP.fullmatch(text, placed[j - 1][0].end, other[0].start):
                    continue  # "14,200 burrows across 38 colonies ..., up from 9,800": burrows
                if other[3] is not None:  # a change in between ("up 300") names nothing
                    placed[k] = (span, sentence, i, other[3])
                    break
    for span, sentence, i, subject in placed:
        fig = span.figure
        assert fig is not None
        cid = claim_id(subject, fig.unit, taken)
        change = change_of(text, span.start, span.end)
        claim = Claim(
            id=cid,
            text=span.text,
            figure=fig,
            unit=fig.unit,
            subject=subject,
            source=sources.source(i, span.start) if i >= 0 else None,
            author=credit.author,
            publisher=credit.publisher,
            url=url,
            published=published,
            quote=sentence.text,
            line=bisect.bisect_right(newlines, span.start) + 1,
            span=(span.start, span.end),
            change=change,
        )
        claims.append(claim)
        if claim.source is None:
            message = CODES[UNATTRIBUTED].format(figure=span.text, subject=subject or "no subject")
            findings.append(Finding(UNATTRIBUTED, message, claim.span, cid))
    conflict = _byline_conflict(credit)
    if conflict is not None:
        findings.append(conflict)
    if not claims:
        findings.append(Finding(NO_FIGURES, CODES[NO_FIGURES]))
    rules = infer_rules(text, sentences, claims)
    return ArticleReading(
        tuple(claims), tuple(rules), credit.author, credit.publisher, tuple(findings),
        tuple(mentions),
    )  # fmt: skip


def _byline_conflict(credit: Byline) -> Finding | None:
    bio = credit.bio
    if bio is None or credit.author is None:
        return None
    if bio.name.lower() in credit.author.lower() or credit.author.lower() in bio.name.lower():
        return None
    message = CODES[BYLINE_CONFLICT].format(
        author=credit.author,
        publisher_part=f" (source: {credit.publisher})" if credit.publisher else "",
        bio_name=bio.name,
        outlet_part=f", author at {bio.outlet}" if bio.outlet else "",
    )
    return Finding(BYLINE_CONFLICT, message, (bio.start, bio.end))


def extract(text: str) -> list[Claim]:
    """The figures of an article as claims, in order of appearance.

    Each claim has its phrase, span, strict and lenient intervals (through
    ``parse_figure``), subject, source (None when unattributed), and the
    article's author and publisher. See ``read_article`` for rules and findings.
    """
    return list(read_article(text).claims)
