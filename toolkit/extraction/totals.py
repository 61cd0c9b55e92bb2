"""Totals the wording states: parts that add up to a whole.

"30 cars, 40 trucks and 50 buses, a total of 120 vehicles"; "A, B and C respectively, a
total of T"; the whole first and then what it is made of: "The £1,652 is made up of £742
for wholesale energy, £389 for network charges, £176 ... and £345 ...". A list whose last
figure carries the unit gives it to the others ("7.9 million, 4.6 million and 3.1 million
tonnes"). Only where a word says the parts make the whole (total, combined, made up of):
parts listed side by side may overlap or leave some out.
"""

from __future__ import annotations

import re

from toolkit import patterns
from toolkit.extraction.claim import Claim
from toolkit.extraction.inferred import RuleSet, between, counts

__all__ = ["LONG_LIST_GAP", "made_up_of", "sums"]

_TOTAL_GAP = patterns.compile(
    r"\)?[\w\s’'-]{0,60}?(?:,\s*|\s+)(?:for\s+|bringing\s+(?:the|a)\s+total\s+to\s+|"
    r"making\s+|or\s+)?(?:a\s+total\s+of\s+|totall?ing\s+|in\s+total\s+|an?\s+combined\s+)?",
    re.I,
)
_TOTAL_WORD = patterns.compile(
    r"\btotal|\btotall?ing\b|\baltogether\b|\bcombined\b|\bin\s+all\b", re.I
)
# "683 were at Lisbon, 291 at Porto", "won 52, Labour 41, the Greens 17 and independents the
# remaining 10"; not "683 were at Lisbon, compared with 2,000 a year ago"
LONG_LIST_GAP = patterns.compile(
    r"\)?[\w\s’'-]{0,100}?(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?!(?:compared|against|versus|vs|while|whereas|up|down|from|than|after|before|since|"
    r"last|a\s+year|the\s+year|but|or)\b)(?:[\w’'-]+\s+){0,6}?\(?",
    re.I,
)
_BARE_LIST = patterns.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.I)
# "The £1,652 is made up of £742 ...", "The rise of 309,761 people was made up of a natural
# increase — births minus deaths — of 98,412 and net inward migration of 211,349"
_MADE_OF = patterns.compile(
    r"[^.;:!?\d]{0,90}?\s*,?\s+(?:is|was|are|were|will\s+be)?\s*(?:made\s+up\s+of|comprised\s+of|"
    r"consist(?:s|ed)?\s+of|split\s+(?:between|into)|divided\s+(?:between|into)|"
    r"broken\s+down\s+into)\s+[^.;:!?\d$€£¥₹₦]{0,60}?",
    re.I,
)


def sums(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """ "A, B and C ..., a total of T": the parts before a total add up to it."""
    for k, total in enumerate(group):
        if k < 2:
            continue
        prev = group[k - 1]
        gap = between(text, prev, total)
        if not _TOTAL_GAP.fullmatch(gap):
            continue
        if not (_TOTAL_WORD.search(gap) or _TOTAL_WORD.search(total.text)):
            continue
        members = [prev]
        j = k - 1
        # "destroyed 4,300 homes and damaged 11,700 others, a total of 16,000"
        while j > 0 and LONG_LIST_GAP.fullmatch(between(text, group[j - 1], group[j])):
            members.insert(0, group[j - 1])
            j -= 1
        if len(members) < 2 or not all(_alike(text, m, total, members) for m in members):
            continue
        expr = " + ".join(m.id for m in members) + f" == {total.id}"
        out.add(f"{total.id}_sum", expr, f"{', '.join(m.text for m in members)} add up to "
                f"{total.text}", span)  # fmt: skip


def made_up_of(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """ "T is made up of A, B, C and D": the parts after the whole add up to it."""
    for k, total in enumerate(group[:-2]):
        first = group[k + 1]
        if not _MADE_OF.fullmatch(between(text, total, first)):
            continue
        members = [first]
        for d in group[k + 2 :]:
            if not LONG_LIST_GAP.fullmatch(between(text, members[-1], d)):
                break
            members.append(d)
        if len(members) < 2 or not all(_alike(text, m, total, members) for m in members):
            continue
        expr = " + ".join(m.id for m in members) + f" == {total.id}"
        out.add(f"{total.id}_sum", expr, f"{total.text} is made up of "
                f"{', '.join(m.text for m in members)}", span)  # fmt: skip


def _alike(text: str, part: Claim, total: Claim, members: list[Claim]) -> bool:
    """``part`` counts what ``total`` counts, or takes the unit of the list's last figure."""
    if counts(part, total):
        return True
    last = members[-1]
    if part.unit is not None or last.unit != total.unit or not counts(last, total):
        return False
    # every figure from ``part`` to the last is joined by a bare comma or "and"
    k = members.index(part)
    return all(
        _BARE_LIST.fullmatch(between(text, a, b)) is not None
        for a, b in zip(members[k:], members[k + 1 :], strict=False)
    )
