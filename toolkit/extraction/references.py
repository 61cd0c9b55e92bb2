"""Relations through a reference: "N of them", "Of these, ..." opening the next sentence.

The whole is a figure said before ("24 patients were admitted, and 31% of them needed
oxygen"; "... 4.3 million foreigners. Of these, 1.6 million were Russians"). Where the
wording leaves open which earlier figure is meant ("1,286 cases, more than three times the
402 last year. Of these, 212 ..."), the part must fit within one of them: a weaker rule, and
never a false alarm. ``part_of`` and ``stated_share`` are shared with ``relations``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from toolkit import patterns
from toolkit.extraction.changes import change_of
from toolkit.extraction.claim import Claim
from toolkit.extraction.inferred import RuleSet, between, counts, is_share, whole_count
from toolkit.extraction.sentences import Sentence
from toolkit.extraction.subjects import subject_after

__all__ = [
    "IN_PLACES", "next_sentence_part", "of_them", "part_of", "share_of_named", "stated_share",
]  # fmt: skip

# "1,460 stores in 31 countries": a second figure in a phrase of place or occasion
IN_PLACES = patterns.compile(
    r"\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}\s+(?:in|across|at|from|over|on|during|throughout)\s+"
    r"(?:(?:the|some|about|around|nearly|more\s+than)\s+)?",
    re.I,
)
_OF_THEM = patterns.compile(r"\s+of\s+(?:them|those|these)\b", re.I)
_NEXT_PART = patterns.compile(
    # "Of those voting,", "Of those surveyed,": a participle after the pronoun
    r"\s*[\"“]?(?:of\s+(?:(?:these|those)(?:\s+\w+(?:ing|ed))?|them|whom|which|the\s+total|that|"
    r"this)|among\s+(?:them|these|those)|"
    r"including)\b[\s,]*",
    re.I,
)
_APPOSED = patterns.compile(r"\s*,\s*")
_STATED_PERCENT = patterns.compile(r"\d\s*(?:%|per\s*cent|percent)", re.I)


def of_them(
    out: RuleSet,
    text: str,
    group: list[Claim],
    previous: list[Claim],
    span: tuple[int, int],
    previous_start: int,
) -> None:
    """ "17 goals ..., six of them from the penalty spot", "About 1,800 of those employees":
    a part of the figure before it, in its sentence or, first in it, in the sentence before."""
    for k, part in enumerate(group):
        m = _OF_THEM.match(text, part.span[1]) if part.span is not None else None
        if m is None:
            continue
        before = group[:k] or previous
        if is_share(part):
            where = span if group[:k] else (previous_start, span[1])
            _grim_of_them(out, text, part, before, where)
            count = group[k + 1] if k + 1 < len(group) else None
            wholes = [c for c in before if count is not None and counts(c, count)]
            # "a survey of 1,128 households ... found that two-thirds of them, 752, had"
            if (
                count is not None
                and count.span is not None
                and len(wholes) == 1
                and _APPOSED.fullmatch(text, m.end(), count.span[0])
            ):
                whole = wholes[0]
                part_of(out, count, whole, None, m.group().strip(), where)
                out.add(f"{count.id}_share_of_{whole.id}",
                        f"pct({count.id}, {whole.id}) == {part.id}",
                        f"{count.text} is {part.text} of {whole.text}", where)  # fmt: skip
            continue
        wholes = [c for c in before if counts(c, part)]
        if not wholes:
            continue
        whole = wholes[-1]
        head = wholes[-2] if len(wholes) > 1 else None
        if head is not None and not IN_PLACES.fullmatch(between(text, head, whole)):
            head = None
        where = span if group[:k] else (previous_start, span[1])
        part_of(out, part, whole, head, m.group().strip(), where)


def part_of(
    out: RuleSet,
    part: Claim,
    whole: Claim,
    head: Claim | None,
    wording: str,
    where: tuple[int, int],
) -> None:
    """``part`` within ``whole``; with a ``head`` before it ("1,460 stores in 31 countries, of
    which 412"), within one of the two, since the wording leaves open which is the whole."""

    def name(c: Claim) -> str:
        return f"{c.text} {c.subject or ''}".strip()

    if head is None:
        out.add(f"{part.id}_within_{whole.id}", f"{part.id} <= {whole.id}",
                f"{name(part)} are part of {name(whole)} (wording: {wording!r})",
                where)  # fmt: skip
        return
    out.add(f"{part.id}_within_{head.id}_or_{whole.id}",
            f"{part.id} <= {head.id} or {part.id} <= {whole.id}",
            f"{name(part)} are part of {name(head)} or of {name(whole)} (wording: "
            f"{wording!r}, after two figures)", where)  # fmt: skip


def _grim_of_them(
    out: RuleSet, text: str, share: Claim, before: list[Claim], where: tuple[int, int]
) -> None:
    """ "24 patients were admitted, and 31% of them needed oxygen": GRIM on the count before."""
    wholes = [c for c in before if whole_count(c)]
    if not wholes or share.span is None or not stated_share(text, share):
        return
    whole = wholes[-1]
    head = wholes[-2] if len(wholes) > 1 else None
    if head is not None and IN_PLACES.fullmatch(between(text, head, whole)):
        out.add(f"{share.id}_of_{head.id}_or_{whole.id}_grim",
                f"grim({share.id}, {head.id}) or grim({share.id}, {whole.id})",
                f"{share.text} of {head.text} or of {whole.text} must be a whole number of them",
                where)  # fmt: skip
        return
    out.add(f"{share.id}_of_{whole.id}_grim", f"grim({share.id}, {whole.id})",
            f"{share.text} of {whole.text} must be a whole number of them", where)  # fmt: skip


def stated_share(text: str, share: Claim) -> bool:
    """A percentage in digits, unhedged, and not a change: "nearly half" of 20 is loose."""
    if share.span is None or share.figure is None or share.figure.qualifier != "=":
        return False
    if not _STATED_PERCENT.search(share.text):
        return False
    return change_of(text, share.span[0], share.span[1]) is None


def next_sentence_part(
    out: RuleSet,
    text: str,
    sentence: Sentence,
    previous: list[Claim],
    group: list[Claim],
    prev_sentence: Sentence,
) -> None:
    """ "... 4.3 million foreigners. Of these, 1.6 million were Russians": within a figure
    of the sentence before; "60 chicks ... Of those, 35% were still transmitting": GRIM."""
    m = _NEXT_PART.match(text, sentence.start)
    part = group[0]
    if (
        m is None
        or part.span is None
        or not _NEXT_PART.fullmatch(text[sentence.start : part.span[0]])
    ):
        return
    where = (prev_sentence.start, sentence.end)
    wording = f"{m.group().strip(' ,')!r} across sentences"
    if is_share(part):
        if stated_share(text, part):
            _either(out, part, [c for c in previous if whole_count(c)], wording, where, grim=True)
        return
    wholes = [c for c in previous if counts(c, part)]
    same = [
        c
        for c in wholes
        if part.subject and c.subject and c.subject.lower() == part.subject.lower()
    ]
    chosen = same if len(same) == 1 else wholes
    _either(out, part, chosen, wording, where)
    share = group[1] if len(group) > 1 else None
    # "Of those voting, 24,700, or 84 per cent, backed strike action"
    if (
        len(chosen) == 1
        and share is not None
        and is_share(share)
        and share.span is not None
        and _OR_SHARE.fullmatch(text, part.span[1], share.span[0])
    ):
        whole = chosen[0]
        out.add(f"{part.id}_share_of_{whole.id}", f"pct({part.id}, {whole.id}) == {share.id}",
                f"{part.text} is {share.text} of {whole.text} (wording: {wording})",
                where)  # fmt: skip


def _either(
    out: RuleSet,
    part: Claim,
    wholes: list[Claim],
    wording: str,
    where: tuple[int, int],
    grim: bool = False,
) -> None:
    """``part`` of the one figure the reference can mean, or of one of the last three."""
    wholes = wholes[-3:]
    if not wholes:
        return

    def one(w: Claim) -> str:
        return f"grim({part.id}, {w.id})" if grim else f"{part.id} <= {w.id}"

    ids = "_or_".join(w.id for w in wholes)
    names = " or ".join(f"{w.text} {w.subject or ''}".strip() for w in wholes)
    what = "must be a whole number of" if grim else "are part of"
    rid = f"{part.id}_of_{ids}_grim" if grim else f"{part.id}_within_{ids}"
    out.add(rid, " or ".join(one(w) for w in wholes),
            f"{part.text} {part.subject or ''} {what} {names} (wording: {wording})",
            where)  # fmt: skip


# "389,000 patients, or 5.1 per cent", "81,000 people had been looking for work for a year
# or more, or 23% of"
_OR_SHARE = patterns.compile(r"\s*,?\s*(?:or|\()\s*|[^.;:!?]{0,80}?,\s*or\s+", re.I)
# "..., or 23% of the unemployed", "27%, or $1.30 billion, of quarterly revenue": the base
# named by a noun, with no figure of its own
_OF_NAMED = patterns.compile(
    r"\s*,?\)?\s*of\s+(?:(?:the|all|all\s+the|its|their)\s+)?(?![\d$€£¥₹])", re.I
)


def share_of_named(
    out: RuleSet,
    text: str,
    group: list[Claim],
    earlier: list[Claim],
    span: tuple[int, int],
    sentence_start: Callable[[int], int],
) -> None:
    """ "Some 389,000 patients, or 5.1 per cent of the total": a share of a figure said before.

    The whole is an earlier figure whose subject is the noun named ("of the unemployed" is
    352,000 unemployed), or, for "the total", one of the last figures counted alike. When
    more than one may be meant, the share must fit one of them.
    """
    for a, b in itertools.pairwise(group):
        if a.span is None or b.span is None:
            continue
        if is_share(b) and not is_share(a):
            n, share = a, b
        elif is_share(a) and not is_share(b):
            share, n = a, b
        else:
            continue
        if not _OR_SHARE.fullmatch(between(text, a, b)):
            continue
        named = _OF_NAMED.match(text, b.span[1], span[1])
        if named is None or _figure_next(group, b, named.end()):
            continue
        noun = subject_after(text, named.end(), span[1], named.end())
        if noun is None:
            continue
        head = _head(noun)
        before = [c for c in [*earlier, *group[: group.index(a)]] if counts(c, n) and c is not n]
        if noun.lower() == "total":
            # "the total" is a figure said before this sentence ("of the national total" is
            # one the text may never state, and this sentence's own figures are its parts)
            wholes = [c for c in earlier if counts(c, n)][-3:]
        else:
            wholes = [c for c in before if _head(c.subject) == head]
        if not wholes:
            continue
        wholes = wholes[-3:]
        expr = " or ".join(f"pct({n.id}, {w.id}) == {share.id}" for w in wholes)
        names = " or ".join(w.text for w in wholes)
        where = (min(sentence_start(w.span[0]) for w in wholes if w.span), span[1])
        out.add(f"{n.id}_share_of_{'_or_'.join(w.id for w in wholes)}", expr,
                f"{n.text} is {share.text} of {names} (wording: "
                f"{named.group().strip(' ,)') + ' ' + noun!r})",
                where)  # fmt: skip


def _head(noun: str | None) -> str:
    """The head word of a noun phrase, singular: "quarterly revenue" → "revenue"."""
    if not noun:
        return ""
    word = noun.split()[-1].lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _figure_next(group: list[Claim], after: Claim, pos: int) -> bool:
    """A figure right after "of the": the whole is in the sentence (``relations._shares``)."""
    k = group.index(after)
    nxt = group[k + 1] if k + 1 < len(group) else None
    return nxt is not None and nxt.span is not None and nxt.span[0] <= pos + 1
