"""Rules the wording states, each with the sentence that justifies it.

Only what the words say: a part and its whole ("of which", "of whom", "of
these", "among them", "including", "X out of Y", "X of the Y", and a next
sentence opening "Of these, ..."), a share ("40%, or 1,200, of the 3,000
workers", "half of the 200 staff, 100,"), a sum ("30, 40 and 50 ..., a
total of 120"), a change ("rose to 500 from 400, an increase of 25%";
"to 5.2% from 4.8%, up 0.4 percentage points"), and a share of a stated count
("47% of the 20 patients", "Of the 20 patients, 47% ..."), which must be a whole
number of them (the GRIM test).
Nothing is inferred from two figures merely being near each other: an
inferred rule that the text does not support would be a false alarm.
Rules are written in the rule language of ``toolkit.rules`` over claim ids.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.extraction.claim import Claim
from toolkit.extraction.sentences import Sentence

__all__ = ["InferredRule", "change_of", "infer_rules"]

_PART_OF = re.compile(
    r"[^.;:!?“”\"]{0,100}?(?:,\s*|\s+|\(\s*)(?:of\s+(?:which|whom|these|those|them)|"
    r"among\s+(?:them|whom|these|those|which)|including)\s+(?:(?:were|are|was|is)\s+)?",
    re.I,
)
_CONNECTIVE = re.compile(
    r"of\s+(?:which|whom|these|those|them)|among\s+(?:them|whom|these|those|which)|including", re.I
)
_OUT_OF = re.compile(r"\s+(?:out\s+of|of|(?:[\w’'-]+\s+){1,3}?out\s+of)\s+"
                     r"(?:(?:the|its|their|all|all\s+the|a\s+total\s+of)\s+)?", re.I)  # fmt: skip
_NEXT_PART = re.compile(
    r"\s*[\"“]?(?:of\s+(?:these|them|those|whom|which)|among\s+(?:them|these|those)|"
    r"including)\b[\s,]*",
    re.I,
)
_OR = re.compile(r"\s*,?\s*(?:or|\()\s*", re.I)
_OF_THE = re.compile(r"[\w\s’'-]{0,40}?,?\)?\s*of\s+(?:(?:the|all|all\s+the|its|their)\s+)?",
                     re.I)  # fmt: skip
_APPOSITION = re.compile(r"[\w\s’'-]{0,40}?,\s*(?:or\s+)?", re.I)
_LIST_GAP = re.compile(r"[\w\s’'-]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
_TOTAL_GAP = re.compile(
    r"[\w\s’'-]{0,60}?(?:,\s*|\s+)(?:for\s+|bringing\s+(?:the|a)\s+total\s+to\s+|"
    r"making\s+|or\s+)?(?:a\s+total\s+of\s+|totall?ing\s+|in\s+total\s+)?",
    re.I,
)
_TOTAL_WORD = re.compile(r"\btotal|\btotall?ing\b|\baltogether\b|\bcombined\b|\bin\s+all\b", re.I)
_UP = "rose|risen|rise|rising|increased?|grew|grown|climbed|jumped|soared|surged|went\\s+up|up"
_DOWN = "fell|fallen|falling|dropped|declined|decreased?|slumped|plunged|shrank|went\\s+down|down"
_VERB_BEFORE = re.compile(rf"\b(?P<verb>{_UP}|{_DOWN})\b[^.;]{{0,40}}?\b(?P<prep>to|from)\s+$",
                          re.I)  # fmt: skip
_GAP_FROM = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+from\s+", re.I)
_GAP_TO = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+to\s+", re.I)
_UP_FROM = re.compile(r"[^.;]{0,40}?,?\s+(?P<verb>up|down)\s+from\s+", re.I)
_CHANGE_VERB = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+(?:by\s+)?$", re.I)
_CHANGE_NOUN = re.compile(
    r"\b(?:(?P<up>increase|rise|jump|gain|growth|surge|hike)|"
    r"(?P<down>decrease|decline|drop|fall|loss|reduction|cut|slump))\s+of\s+$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"\s+(?:(?P<up>increase|rise|jump|gain|growth|surge|hike)|"
    r"(?P<down>decrease|decline|drop|fall|loss|reduction|cut|slump))\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class InferredRule:
    """A rule inferred from wording: ``expression`` in the rule language, and its evidence."""

    id: str
    expression: str
    note: str
    evidence: tuple[int, int]
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "expression": self.expression,
            "note": self.note,
            "evidence": {"span": list(self.evidence), "text": self.quote},
        }


def change_of(text: str, start: int, end: int) -> str | None:
    """``up`` or ``down`` when the figure is a change ("rose 20%", "a drop of 3,000")."""
    window = text[max(0, start - 40) : start]
    for pattern in (_CHANGE_VERB, _CHANGE_NOUN):
        m = pattern.search(window)
        if m is not None:
            return "up" if m.group("up") else "down"
    m = _CHANGE_AFTER.match(text, end)
    if m is not None:
        return "up" if m.group("up") else "down"
    return None


def _counts(a: Claim, b: Claim) -> bool:
    """Both figures count the same kind of thing (no shares, same unit)."""
    fa, fb = a.figure, b.figure
    if fa is None or fb is None:
        return False
    return fa.unit not in ("%", "pp") and fa.unit == fb.unit


def _is_share(c: Claim) -> bool:
    return c.figure is not None and c.figure.unit == "%"


def _levels(a: Claim, b: Claim) -> bool:
    """Two levels of one thing, before and after: counts, amounts or percentages alike."""
    fa, fb = a.figure, b.figure
    return fa is not None and fb is not None and fa.unit == fb.unit and fa.unit != "pp"


def _whole_count(c: Claim) -> bool:
    """A count of things that come in wholes (people, cases), stated as such."""
    f = c.figure
    return f is not None and f.unit in (None, "people") and f.strict.integer


class _Rules:
    def __init__(self, text: str) -> None:
        self.text = text
        self.rules: list[InferredRule] = []
        self.seen: set[str] = set()
        self.ids: dict[str, int] = {}

    def add(self, rid: str, expression: str, note: str, span: tuple[int, int]) -> None:
        if expression in self.seen:
            return
        self.seen.add(expression)
        base, n = rid, self.ids.get(rid, 1)
        while rid in self.ids:
            n += 1
            rid = f"{base}_{n}"
        self.ids[base] = n
        self.ids.setdefault(rid, 1)
        quote = self.text[span[0] : span[1]]
        self.rules.append(InferredRule(rid, expression, note, span, quote))


def _gap(text: str, a: Claim, b: Claim) -> str:
    assert a.span is not None and b.span is not None
    return text[a.span[1] : b.span[0]]


def infer_rules(
    text: str, sentences: Sequence[Sentence], claims: Sequence[Claim]
) -> list[InferredRule]:
    """The rules the wording of ``text`` states about ``claims`` (which carry spans)."""
    out = _Rules(text)
    by_sentence: list[list[Claim]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for c in claims:
        if c.span is None:
            continue
        i = bisect.bisect_right(starts, c.span[0]) - 1
        if i >= 0 and c.span[0] < sentences[i].end:
            by_sentence[i].append(c)
    for i, group in enumerate(by_sentence):
        span = (sentences[i].start, sentences[i].end)
        _parts(out, text, group, span)
        _shares(out, text, group, span)
        _sums(out, text, group, span)
        _changes(out, text, group, span)
        _changes_between(out, text, group, span)
        _grim(out, text, group, span)
        if i > 0 and group and by_sentence[i - 1]:
            _next_sentence_part(
                out, text, sentences[i], by_sentence[i - 1], group, sentences[i - 1]
            )
    return out.rules


def _parts(out: _Rules, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    for k, (a, b) in enumerate(itertools.pairwise(group)):
        if not _counts(a, b):
            continue
        gap = _gap(text, a, b)
        if _PART_OF.fullmatch(gap):
            word = _CONNECTIVE.search(gap)
            wording = word.group() if word else gap.strip()
            # "45,000 staff, including 12,000 in the US and 8,500 in Germany": each listed
            # part is within the whole. Not their sum: the parts may overlap ("including
            # 300 women and 250 foreigners").
            parts = [b]
            for c, d in itertools.pairwise(group[k + 1 :]):
                if not (_counts(d, a) and _LIST_GAP.fullmatch(_gap(text, c, d))):
                    break
                parts.append(d)
            for part in parts:
                out.add(f"{part.id}_within_{a.id}", f"{part.id} <= {a.id}",
                        f"{part.text} {part.subject or ''} are part of {a.text} {a.subject or ''}"
                        f" (wording: {wording!r})", span)  # fmt: skip
        elif _OUT_OF.fullmatch(gap):
            out.add(f"{a.id}_within_{b.id}", f"{a.id} <= {b.id}",
                    f"{a.text} out of {b.text} (wording: {gap.strip()!r})", span)  # fmt: skip
        elif _of_the_whole_first(text, a, b, span):
            out.add(f"{b.id}_within_{a.id}", f"{b.id} <= {a.id}",
                    f"{b.text} of {a.text} {a.subject or ''} (wording: 'Of the ...,')",
                    span)  # fmt: skip


def _of_the_whole_first(text: str, whole: Claim, part: Claim, span: tuple[int, int]) -> bool:
    """ "Of the 1,200 stores surveyed, 312 reported ...": the whole, then a part of it."""
    if whole.span is None:
        return False
    before = text[max(span[0], whole.span[0] - 12) : whole.span[0]]
    return (
        bool(_OF_FIRST.search(before))
        and _WHOLE_THEN_SHARE.fullmatch(_gap(text, whole, part)) is not None
    )


def _next_sentence_part(
    out: _Rules,
    text: str,
    sentence: Sentence,
    previous: list[Claim],
    group: list[Claim],
    prev_sentence: Sentence,
) -> None:
    m = _NEXT_PART.match(text, sentence.start)
    if m is None:
        return
    part = group[0]
    wholes = [c for c in previous if _counts(c, part)]
    if (
        not wholes
        or part.span is None
        or not _NEXT_PART.fullmatch(text[sentence.start : part.span[0]])
    ):
        return
    whole = wholes[-1]
    out.add(f"{part.id}_within_{whole.id}", f"{part.id} <= {whole.id}",
            f"{part.text} {part.subject or ''} are part of {whole.text} {whole.subject or ''}"
            f" (wording: {m.group().strip(' ,')!r} across sentences)",
            (prev_sentence.start, sentence.end))  # fmt: skip


def _shares(out: _Rules, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    for a, b, c in zip(group, group[1:], group[2:], strict=False):
        share = n = whole = None
        if _is_share(a) and _counts(b, c):
            if _OR.fullmatch(_gap(text, a, b)) and _OF_THE.fullmatch(_gap(text, b, c)):
                share, n, whole = a, b, c
            elif _OF_THE.fullmatch(_gap(text, a, b)) and _APPOSITION.fullmatch(_gap(text, b, c)):
                share, whole, n = a, b, c
        elif (
            _is_share(b)
            and _counts(a, c)
            and _OR.fullmatch(_gap(text, a, b))
            and _OF_THE.fullmatch(_gap(text, b, c))
        ):
            n, share, whole = a, b, c
        if share and n and whole:
            out.add(f"{n.id}_share_of_{whole.id}", f"pct({n.id}, {whole.id}) == {share.id}",
                    f"{n.text} is {share.text} of {whole.text}", span)  # fmt: skip


def _sums(out: _Rules, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    for k, total in enumerate(group):
        if k < 2:
            continue
        prev = group[k - 1]
        gap = _gap(text, prev, total)
        if not _TOTAL_GAP.fullmatch(gap):
            continue
        if not (_TOTAL_WORD.search(gap) or _TOTAL_WORD.search(total.text)):
            continue
        members = [prev]
        j = k - 1
        while j > 0 and _LIST_GAP.fullmatch(_gap(text, group[j - 1], group[j])):
            members.insert(0, group[j - 1])
            j -= 1
        if len(members) < 2 or not all(_counts(m, total) for m in members):
            continue
        expr = " + ".join(m.id for m in members) + f" == {total.id}"
        out.add(f"{total.id}_sum", expr, f"{', '.join(m.text for m in members)} add up to "
                f"{total.text}", span)  # fmt: skip


def _changes(out: _Rules, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    for x, y in itertools.pairwise(group):
        if not _levels(x, y) or x.span is None:
            continue
        gap = _gap(text, x, y)
        before = _VERB_BEFORE.search(text, max(span[0], x.span[0] - 60), x.span[0])
        old = new = None
        verb = ""
        if before is not None and before.group("prep").lower() == "to" and _GAP_FROM.fullmatch(gap):
            new, old, verb = x, y, before.group("verb")
        elif (
            before is not None and before.group("prep").lower() == "from" and _GAP_TO.fullmatch(gap)
        ):
            old, new, verb = x, y, before.group("verb")
        elif (m := _UP_FROM.fullmatch(gap)) is not None:
            new, old, verb = x, y, m.group("verb")
        if old is None or new is None:
            continue
        up = re.fullmatch(_UP, verb, re.I) is not None
        op = ">" if up else "<"
        out.add(f"{new.id}_vs_{old.id}", f"{new.id} {op} {old.id}",
                f"{new.text} {'up' if up else 'down'} from {old.text} ({verb!r})",
                span)  # fmt: skip
        for c in group:
            if c in (old, new) or c.span is None or c.figure is None:
                continue
            direction = change_of(text, c.span[0], c.span[1])
            if direction is None:
                continue
            sign = "" if direction == "up" else "-"
            note = f"{c.text} is the change from {old.text} to {new.text}"
            points = f"{new.id} - {old.id} == {sign}{c.id}"
            relative = f"pct_change({old.id}, {new.id}) == {sign}{c.id}"
            if _is_share(new) and c.figure.unit == "pp":
                out.add(f"{c.id}_change", points, note, span)
            elif _is_share(new) and c.figure.unit == "%":
                # "rose to 5.2% from 4.8%, up 8%": a relative change, or points written as %
                out.add(f"{c.id}_change", f"{relative} or {points}", note, span)
            elif c.figure.unit == "%":
                out.add(f"{c.id}_change", relative, note, span)
            elif _counts(c, new):
                out.add(f"{c.id}_change", points, note, span)


_UP_BY = re.compile(r"[^.;]{0,40}?,?\s+(?P<verb>up|down)\s+(?:by\s+)?", re.I)
_FROM = re.compile(r"\s+from\s+(?:the\s+)?", re.I)


def _changes_between(out: _Rules, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """ "1.2 million acres this year, up 40% from 850,000 acres": a level, its change, the old."""
    for new, c, old in zip(group, group[1:], group[2:], strict=False):
        if not _levels(new, old) or c.figure is None:
            continue
        m = _UP_BY.fullmatch(_gap(text, new, c))
        if m is None or not _FROM.fullmatch(_gap(text, c, old)):
            continue
        up = m.group("verb").lower() == "up"
        out.add(f"{new.id}_vs_{old.id}", f"{new.id} {'>' if up else '<'} {old.id}",
                f"{new.text} {m.group('verb')} from {old.text}", span)  # fmt: skip
        sign = "" if up else "-"
        note = f"{c.text} is the change from {old.text} to {new.text}"
        if c.figure.unit == "%" and not _is_share(new):
            out.add(f"{c.id}_change", f"pct_change({old.id}, {new.id}) == {sign}{c.id}", note, span)
        elif (c.figure.unit == "pp" and _is_share(new)) or _counts(c, new):
            out.add(f"{c.id}_change", f"{new.id} - {old.id} == {sign}{c.id}", note, span)


_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the|all\s+the|all|its|their|those)\s+", re.I)
_OF_FIRST = re.compile(r"(?:^|[,;:(]\s*|\s)(?:of|among)\s+(?:the\s+)?$", re.I)
_WHOLE_THEN_SHARE = re.compile(r"[^.;:!?]{0,60}?,\s*(?:only\s+|just\s+|some\s+)?", re.I)


def _grim(out: _Rules, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """A percentage of a stated count must be a whole number of that count (GRIM).

    Only where the words make the count the percentage's base: "47% of the 20
    patients" and "Of the 20 patients, 47% ...". A change ("rose 5%") is not a share.
    """
    for a, b in itertools.pairwise(group):
        share = whole = None
        if _is_share(a) and _whole_count(b) and _OF_THE_WHOLE.fullmatch(_gap(text, a, b)):
            share, whole = a, b
        elif _whole_count(a) and _is_share(b) and a.span is not None:
            before = text[max(span[0], a.span[0] - 12) : a.span[0]]
            if _OF_FIRST.search(before) and _WHOLE_THEN_SHARE.fullmatch(_gap(text, a, b)):
                whole, share = a, b
        if share is None or whole is None or share.span is None:
            continue
        if change_of(text, share.span[0], share.span[1]) is not None:
            continue
        out.add(f"{share.id}_of_{whole.id}_grim", f"grim({share.id}, {whole.id})",
                f"{share.text} of {whole.text} must be a whole number of them", span)  # fmt: skip
