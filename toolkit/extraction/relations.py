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

from toolkit import patterns
from toolkit.extraction.changes import (
    DURATIONS,
    change_of,
    changes,
    changes_between,
    multiples,
)
from toolkit.extraction.claim import Claim
from toolkit.extraction.inferred import (
    InferredRule,
    RuleSet,
    between,
    counts,
    is_share,
    same_thing,
    whole_count,
)
from toolkit.extraction.references import (
    IN_PLACES,
    next_sentence_part,
    of_them,
    part_of,
    share_of_named,
    stated_share,
)
from toolkit.extraction.sentences import Sentence
from toolkit.extraction.totals import LONG_LIST_GAP, made_up_of, sums

__all__ = ["InferredRule", "change_of", "infer_rules"]

_PART_OF = patterns.compile(
    r"[^.;:!?“”\"]{0,100}?(?:,\s*|\s+|\(\s*)(?:of\s+(?:which|whom|these|those|them)|"
    r"among\s+(?:them|whom|these|those|which)|including|includes|included)\s+"
    r"(?:(?:were|are|was|is)\s+)?"
    r"(?:(?:an?|the|some|about)\s+)?"  # "€150,000, including a €50,000 bonus"
    # "$9.8 million ..., including a yacht bought for $3.1 million"
    r"(?:(?:[\w’'-]+\s+){1,4}?(?:for|at|worth|of|valued\s+at|costing)\s+)?",
    re.I,
)
_CONNECTIVE = patterns.compile(
    r"of\s+(?:which|whom|these|those|them)|among\s+(?:them|whom|these|those|which)|including|"
    r"includes|included",
    re.I,
)
_OUT_OF = patterns.compile(
    r"\s+(?:out\s+of|of|(?:[\w’'-]+\s+){1,3}?out\s+of)\s+"
    r"(?:(?:the|its|their|all|all\s+the|a\s+total\s+of)\s+)?"
    r"(?:[A-Za-z][\w-]*[’']s?\s+)?"  # "230 of the country's 260 controllers"
    r"(?:(?:last|first|past|previous|next)\s+)?",  # "won 19 of their last 21"
    re.I,
)
# "40%, or 1,200,", "About 21 million households, or roughly 73 per cent"
_OR = patterns.compile(r"(?:\s+[\w’'-]+){0,8}?\s*,?\s*(?:or|\()\s*", re.I)
# "4,180 of the 32,900 property crimes reported, about 12 percent": a share in apposition
_APPOSED_SHARE = patterns.compile(r"(?:\s+[\w’'-]+){0,8}?\s*,\s*", re.I)
_OF_THE = patterns.compile(
    r"[\w\s’'-]{0,40}?,?\)?\s*of\s+(?:(?:the|all|all\s+the|its|their)\s+)?", re.I
)
_APPOSITION = patterns.compile(r"[\w\s’'-]{0,40}?,\s*(?:or\s+)?", re.I)
_LIST_GAP = patterns.compile(
    r"[\w\s’'-]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)"
    # "..., including a yacht bought for $3.1 million and a house ... bought for $4.2 million"
    r"(?:(?:an?|the)\s+(?:[\w’'-]+\s+){0,5}?(?:for|at|worth|valued\s+at|costing)\s+)?",
    re.I,
)


def infer_rules(
    text: str, sentences: Sequence[Sentence], claims: Sequence[Claim]
) -> list[InferredRule]:
    """The rules the wording of ``text`` states about ``claims`` (which carry spans)."""
    out = RuleSet(text)
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
        sums(out, text, group, span)
        made_up_of(out, text, group, span)
        changes(out, text, group, span)
        changes_between(out, text, group, span)
        multiples(out, text, group, span)
        _grim(out, text, group, span)
        of_them(out, text, group, by_sentence[i - 1] if i else [], span,
                 sentences[i - 1].start if i else span[0])  # fmt: skip
        earlier = [c for j in range(max(0, i - 3), i) for c in by_sentence[j]]
        share_of_named(out, text, group, earlier, span,
                       lambda pos: starts[bisect.bisect_right(starts, pos) - 1])  # fmt: skip
        if i > 0 and group and by_sentence[i - 1]:
            next_sentence_part(out, text, sentences[i], by_sentence[i - 1], group, sentences[i - 1])
    return out.rules


def _parts(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    # "R11.4 billion at Durban over five years, including R3.2 billion": not the years
    group = [c for c in group if (c.unit or "") not in DURATIONS]
    for k, (a, b) in enumerate(itertools.pairwise(group)):
        if not counts(a, b):
            continue
        gap = between(text, a, b)
        if _PART_OF.fullmatch(gap):
            word = _CONNECTIVE.search(gap)
            wording = word.group() if word else gap.strip()
            # "45,000 staff, including 12,000 in the US and 8,500 in Germany": each listed
            # part is within the whole. Not their sum: the parts may overlap ("including
            # 300 women and 250 foreigners").
            parts = [b]
            for c, d in itertools.pairwise(group[k + 1 :]):
                if not (counts(d, a) and _LIST_GAP.fullmatch(between(text, c, d))):
                    break
                if not same_thing(d, a):  # "200 stores, including 50 in France, and 9,000 staff"
                    break
                parts.append(d)
            # "1,460 stores in 31 countries, of which 412 ...": the wording leaves open which
            # figure is the whole, so the part must fit within one of them
            head = group[k - 1] if k else None
            if head is not None and not (
                counts(head, b) and IN_PLACES.fullmatch(between(text, head, a))
            ):
                head = None
            for part in parts:
                part_of(out, part, a, head, wording, span)
        elif _OUT_OF.fullmatch(gap):
            out.add(f"{a.id}_within_{b.id}", f"{a.id} <= {b.id}",
                    f"{a.text} out of {b.text} (wording: {gap.strip()!r})", span)  # fmt: skip
            # "Samar accounted for 21 of the 38 deaths, Leyte for 12 and Biliran for the
            # remaining 5": the parts listed after the whole
            _list_of(out, text, b, [a, *_listed(text, b, b, group[k + 2 :])], span)
        elif (same_thing(b, a) or _COPULA_AFTER.match(text, b.span[1])) and _of_the_whole_first(  # type: ignore[index]
            text, a, b, span, loose=True
        ):
            # "Of the 40 injured, 12 were children": what follows the copula is a kind of them
            # "Of the 1,142 cancellations, 683 were at Lisbon, 291 at Porto and 118 at Faro"
            _list_of(out, text, a, [b, *_listed(text, a, b, group[k + 2 :])], span)
            _share_after(out, text, b, a, group[k + 2 :], span)  # "Of the 4,212, 1,536, or 36.5%"
        if _PART_OF.fullmatch(gap) or _OUT_OF.fullmatch(gap):
            part, whole = (b, a) if _PART_OF.fullmatch(gap) else (a, b)
            _share_after(out, text, part, whole, group[k + 2 :], span)
        share = group[k - 1] if k else None
        # "Turnout was 62 per cent, with 25,932 of the union's 41,820 members voting";
        # "Nine in every 10 used cars were electric, 1,233 out of 1,370"
        if (
            share is not None
            and is_share(share)
            and _OUT_OF.fullmatch(gap)
            and _SHARE_THEN_PART.fullmatch(between(text, share, a))
            and stated_or_fraction(share)
        ):
            out.add(f"{a.id}_share_of_{b.id}", f"pct({a.id}, {b.id}) == {share.id}",
                    f"{a.text} is {share.text} of {b.text}", span)  # fmt: skip
    for a, m, b in zip(group, group[1:], group[2:], strict=False):
        # "Of the 48,200 members balloted at 51 NHS trusts ..., 29,400 returned their papers":
        # the figure in a phrase about the whole is passed over
        if not (counts(a, b) and _LONG_MODIFIER.fullmatch(between(text, a, m))):
            continue
        if same_thing(b, a) and _of_the_whole_first(text, a, b, span, loose=True):
            rest = group[group.index(b) + 1 :]
            _list_of(out, text, a, [b, *_listed(text, a, b, rest)], span)
            _share_after(out, text, b, a, rest, span)


def stated_or_fraction(share: Claim) -> bool:
    """A share stated as a number or a fraction, not a change ("up 5%" is no share of them)."""
    return share.change is None


def _share_after(
    out: RuleSet, text: str, part: Claim, whole: Claim, rest: list[Claim], span: tuple[int, int]
) -> None:
    """The share of a part just stated: "2,140 of the 6,912 sales, or 31 per cent", "of which
    166,750 were vacant, a vacancy rate of 7.6 per cent", "29,400 returned their papers, a
    turnout of 61 per cent"."""
    share = rest[0] if rest else None
    if share is None or not is_share(share) or part.span is None or share.span is None:
        return
    if whole.span is None:
        return
    gap = text[max(part.span[1], whole.span[1]) : share.span[0]]
    closes = share.span[1] >= len(text) or text[share.span[1]] in ",.;)"
    if not (
        _OR.fullmatch(gap) or _RATE_OF.fullmatch(gap) or (closes and _APPOSED_SHARE.fullmatch(gap))
    ):
        return
    out.add(f"{part.id}_share_of_{whole.id}", f"pct({part.id}, {whole.id}) == {share.id}",
            f"{part.text} is {share.text} of {whole.text}", span)  # fmt: skip


def _listed(text: str, whole: Claim, last: Claim, rest: list[Claim]) -> list[Claim]:
    """The parts of ``whole`` listed after ``last`` ("683 ..., 291 ... and 118 ...").

    A share in apposition is passed over ("1,536, or 36.5 per cent, were pedestrians, and
    1,344 ..."); a part may name its kind after a copula ("37 were homes") or be "the
    remaining" ones.
    """
    parts: list[Claim] = []
    for d in rest:
        if is_share(d) and _OR.fullmatch(between(text, last, d)):
            last = d
            continue
        if d.span is None or not counts(d, whole):
            break
        remaining = _REMAINING.search(text, max(0, d.span[0] - 16), d.span[0])
        if not (same_thing(d, whole) or remaining or _COPULA_AFTER.match(text, d.span[1])):
            break
        gap = between(text, last, d)
        if remaining and _REMAINING_GAP.fullmatch(gap):
            pass  # "23 of the 27 counts of fraud, conspiracy ..., and ... the remaining four"
        elif not LONG_LIST_GAP.fullmatch(gap.lstrip(", ") if is_share(last) else gap):
            break
        parts.append(d)
        last = d
    return parts


def _list_of(
    out: RuleSet, text: str, whole: Claim, parts: list[Claim], span: tuple[int, int]
) -> None:
    """Each listed part is within the whole; closed by "the remaining", they sum to it."""
    for part in parts:
        out.add(f"{part.id}_within_{whole.id}", f"{part.id} <= {whole.id}",
                f"{part.text} of {whole.text} {whole.subject or ''} (wording: 'of the')",
                span)  # fmt: skip
    last = parts[-1]
    if len(parts) < 2 or last.span is None or whole.span is None:
        return
    if not _REMAINING.search(text, max(span[0], last.span[0] - 16), last.span[0]):
        return
    total = " + ".join(p.id for p in parts)
    out.add(f"{whole.id}_sum", f"{total} == {whole.id}",
            f"{', '.join(p.text for p in parts)} make up {whole.text} (wording: 'the remaining')",
            span)  # fmt: skip


def _of_the_whole_first(
    text: str, whole: Claim, part: Claim, span: tuple[int, int], loose: bool = False
) -> bool:
    """ "Of the 1,200 stores surveyed, 312 reported ...": the whole, then a part of it.

    ``loose`` also takes a few words before the part ("Of the 120 seats, the Union won 52").
    """
    if whole.span is None:
        return False
    before = text[max(span[0], whole.span[0] - 12) : whole.span[0]]
    if loose:  # only where "Of the ..." opens the sentence or a clause, never "a ceiling of X"
        first, gap = _OF_OPENS.search(before), _WHOLE_THEN_PART
    else:
        first, gap = _OF_FIRST.search(before), _WHOLE_THEN_SHARE
    return bool(first) and gap.fullmatch(between(text, whole, part)) is not None


def _shares(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    for a, b, c in zip(group, group[1:], group[2:], strict=False):
        share = n = whole = None
        if is_share(a) and counts(b, c):
            if _OR.fullmatch(between(text, a, b)) and _OF_THE.fullmatch(between(text, b, c)):
                share, n, whole = a, b, c
            elif _OF_THE.fullmatch(between(text, a, b)) and _APPOSITION.fullmatch(
                between(text, b, c)
            ):
                share, whole, n = a, b, c
        elif (
            is_share(b)
            and counts(a, c)
            and _OR.fullmatch(between(text, a, b))
            and _OF_THE.fullmatch(between(text, b, c))
        ):
            n, share, whole = a, b, c
        if share and n and whole:
            out.add(f"{n.id}_share_of_{whole.id}", f"pct({n.id}, {whole.id}) == {share.id}",
                    f"{n.text} is {share.text} of {whole.text}", span)  # fmt: skip


_OWN_BASE = patterns.compile(r"\s+of\b", re.I)
_OF_THE_WHOLE = patterns.compile(r"\s+of\s+(?:the|all\s+the|all|its|their|those)\s+", re.I)
_OF_OPENS = patterns.compile(
    r"(?:^|[;:(]\s*|[.!?]\s+)(?:of|among)\s+(?:the|its|their|his|her)\s+$|^(?:of|among)\s+$", re.I
)
_OF_FIRST = patterns.compile(r"(?:^|[,;:(]\s*|\s)(?:of|among)\s+(?:the\s+)?$", re.I)
_WHOLE_THEN_SHARE = patterns.compile(r"[^.;:!?]{0,100}?,\s*(?:only\s+|just\s+|some\s+)?", re.I)
# "cancellations recorded by 6 p.m., 683 were", "seats in parliament, the Union won 52"
_WHOLE_THEN_PART = patterns.compile(
    r"(?:[^.;:!?]|\.(?=[\w,])){0,160}?,\s*(?:[\w’'-]+\s+){0,4}?(?:only\s+|just\s+|some\s+)?",
    re.I,
)
# "48,200 members of the Royal College of Nursing balloted at [51 NHS trusts]"
_LONG_MODIFIER = patterns.compile(
    r"\s+(?:[\w’'-]+\s+){0,8}?(?:in|across|at|from|on|during|throughout|with|over)\s+"
    r"(?:(?:the|some|about|around|nearly|more\s+than|a|an)\s+)?",
    re.I,
)
# "..., a turnout of 61 per cent", "a vacancy rate of 7.6 per cent", "a finishing rate of"
_RATE_OF = patterns.compile(
    r"[^.;:!?\d]{0,60}?,\s*(?:a|an|the)\s+(?:[\w-]+\s+)?(?:rate|turnout|share|proportion|"
    r"percentage|ratio|pass\s+rate)\s+of\s+",
    re.I,
)
_REMAINING_GAP = patterns.compile(r"[^.;:!?\d]{0,120}", re.I)
_SHARE_THEN_PART = patterns.compile(r"[^.;:!?\d]{0,70}?,\s*(?:with\s+)?", re.I)
_COPULA_AFTER = patterns.compile(r"\s+(?:were|are|was|is)\s+(?!not\b)", re.I)
_REMAINING = patterns.compile(r"\b(?:the\s+)?(?:remaining|rest|other)\s+(?:of\s+the\s+)?$", re.I)


def _grim(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """A percentage of a stated count must be a whole number of that count (GRIM).

    Only where the words make the count the percentage's base: "47% of the 20
    patients" and "Of the 20 patients, 47% ...". A change ("rose 5%") is not a share.
    """
    for a, b in itertools.pairwise(group):
        share = whole = None
        if is_share(a) and whole_count(b) and _OF_THE_WHOLE.fullmatch(between(text, a, b)):
            share, whole = a, b
        elif whole_count(a) and is_share(b) and b.span is not None:
            own_base = _OWN_BASE.match(text, b.span[1])  # "Of the 20 countries, 47% of adults"
            if own_base is None and _of_the_whole_first(text, a, b, span):
                whole, share = a, b
        if share is None or whole is None or not stated_share(text, share):
            continue  # "nearly half", "a third", "about 47%" of 20 are loose by design
        out.add(f"{share.id}_of_{whole.id}_grim", f"grim({share.id}, {whole.id})",
                f"{share.text} of {whole.text} must be a whole number of them", span)  # fmt: skip
