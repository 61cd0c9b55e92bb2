"""Changes the wording states: a level, the level it moved from, and the change.

"rose to 500 from 400, an increase of 25%", "fell from 62% to 55%, down 7 points",
"1.2 million acres, up 40% from 850,000 acres". Between two percentages a change
written in points is a difference; one written as "%" may be relative or points.
"""

from __future__ import annotations

import itertools
import re

from toolkit import patterns
from toolkit.extraction.claim import Claim
from toolkit.extraction.inferred import RuleSet, between, counts, is_share, levels
from toolkit.figures import words as W

__all__ = [
    "DURATIONS", "MODIFIER_GAP", "change_of", "changes", "changes_between", "multiples",
]  # fmt: skip

_UP = (
    "rose|risen|rises|rise|rising|increased?|increases|grew|grown|grows|climbed|climbs|jumped|"
    "jumps|soared|surged|gained|gains|doubled|tripled|trebled|quadrupled|edged\\s+up|went\\s+up|up"
)
_DOWN = (
    "fell|fallen|falls|fall|falling|dropped|drops|declined|declines|decreased?|decreases|"
    "slumped|plunged|shrank|eased|eases|slipped|slips|dipped|dips|slid|tumbled|sank|halved|"
    "edged\\s+down|went\\s+down|down"
)
_VERB_BEFORE = patterns.compile(
    # "eased 1.4 per cent to $768,000": a decimal point is no sentence's end
    rf"\b(?P<verb>{_UP}|{_DOWN})\b(?:[^.;]|(?<=\d)\.(?=\d)){{0,40}}?\b(?P<prep>to|from)\s+$",
    re.I,
)
# "rose to $4.82 billion in the three months to September from $4.31 billion": the period
# between the two levels may be a few words long
# "... 2.81 million twenty-foot equivalent units (TEUs) in the year to March from 2.64 million"
_GAP_FROM = patterns.compile(r"(?:\s+\(?[\w’'–/-]+\)?){0,12}?\s+from\s+", re.I)
_GAP_TO = patterns.compile(r"(?:\s+\(?[\w’'–/-]+\)?){0,12}?\s+to\s+", re.I)
_UP_FROM = patterns.compile(r"[^.;]{0,120}?,?\s+(?P<verb>up|down)\s+from\s+", re.I)
DURATIONS = frozenset({"days", "weeks", "months", "years", "hours", "quarters", "decades"})
_PERIODS = DURATIONS | {"day", "week", "month", "year", "hour", "quarter", "decade", "minutes",
                       "minute", "seconds", "second", "night", "nights"}  # fmt: skip
_CHANGE_VERB = patterns.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+(?:by\s+)?$", re.I)
# a change named by its noun, before the figure ("an increase of") or after it ("a 20% rise")
_NOUN = (
    r"(?:(?P<up>increase|rise|jump|gain|growth|surge|hike)|"
    r"(?P<down>decrease|decline|drop|fall|loss|reduction|cut|slump))"
)
_CHANGE_NOUN = patterns.compile(rf"\b{_NOUN}\s+of\s+$", re.I)
_CHANGE_AFTER = patterns.compile(rf"\s+{_NOUN}\b", re.I)


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


def _unit_once(x: Claim, y: Claim) -> bool:
    """ "fell to 1.92 million barrels ... from 2.04 million": the unit written once, for both."""
    fx, fy = x.figure, y.figure
    if fx is None or fy is None or (fx.unit is None) == (fy.unit is None):
        return False
    unit = fx.unit or fy.unit
    # a measure, never a period: "1,180 patients in seven days" are no two levels
    return unit not in ("%", "pp") and unit in W.UNIT_WORDS and unit not in _PERIODS


def changes(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """ "rose to B from A", "fell from A to B", "B, up from A", and a change stated beside.

    A period between the two levels ("in the first seven months") is not one of them.
    """
    levels_only = [c for c in group if (c.unit or "") not in DURATIONS]
    # a pair met twice states the same rules, which ``out`` keeps once
    for x, y in itertools.chain(itertools.pairwise(group), itertools.pairwise(levels_only)):
        if not (levels(x, y) or _unit_once(x, y)) or x.span is None:
            continue
        gap = between(text, x, y)
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
            # "14,200 burrows across 38 colonies ..., up from 9,800": the 14,200, not the 38
            if (head := _modifier(text, group, x)) is not None:
                m = _UP_FROM.fullmatch(between(text, head, y))
                new, verb = (head, m.group("verb")) if m else (None, "")
        if old is None or new is None:
            continue
        up = re.fullmatch(_UP, verb, re.I) is not None
        op = ">" if up else "<"
        out.add(f"{new.id}_vs_{old.id}", f"{new.id} {op} {old.id}",
                f"{new.text} {'up' if up else 'down'} from {old.text} ({verb!r})",
                span)  # fmt: skip
        # the change stated in the same clause: right before the two levels ("eased 1.4 per
        # cent to $768,000 from $779,000") or right after them (", up 13.8 per cent")
        first, last = sorted((group.index(old), group.index(new)))
        beside = group[max(0, first - 1) : first] + group[last + 1 : last + 2]
        for c in beside:
            if c in (old, new) or c.span is None or c.figure is None:
                continue
            direction = change_of(text, c.span[0], c.span[1])
            if direction is None:
                continue
            sign = "" if direction == "up" else "-"
            note = f"{c.text} is the change from {old.text} to {new.text}"
            points = f"{new.id} - {old.id} == {sign}{c.id}"
            relative = f"pct_change({old.id}, {new.id}) == {sign}{c.id}"
            if is_share(new) and c.figure.unit == "pp":
                out.add(f"{c.id}_change", points, note, span)
            elif is_share(new) and c.figure.unit == "%":
                # "rose to 5.2% from 4.8%, up 8%": a relative change, or points written as %
                out.add(f"{c.id}_change", f"{relative} or {points}", note, span)
            elif c.figure.unit == "%":
                out.add(f"{c.id}_change", relative, note, span)
            elif counts(c, new):
                out.add(f"{c.id}_change", points, note, span)


# "402,000 unfilled vacancies at the end of September, down 7% from 431,000"; "up 6% on the
# 38,900 who watched" (British "on" for "from")
# "A crowd of 41,236 at the 52,000-capacity stadium", "14,200 burrows across 38 colonies": a
# figure in a phrase that modifies the figure before it
MODIFIER_GAP = patterns.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?(?:in|across|at|from|on|during|throughout|of|with|over)\s+"
    r"(?:(?:the|some|about|around|nearly|more\s+than|a|an)\s+)?",
    re.I,
)


def _modifier(text: str, group: list[Claim], c: Claim) -> Claim | None:
    """The figure before ``c``, of the same unit, when ``c`` sits in a phrase about it."""
    head = None
    k = group.index(c)
    # "14,200 burrows across 38 colonies in three countries": up the chain to the 14,200
    while k > 0 and levels(group[k - 1], group[k]):
        if MODIFIER_GAP.fullmatch(between(text, group[k - 1], group[k])) is None:
            break
        k -= 1
        head = group[k]
    return head


_UP_BY = patterns.compile(r"[^.;]{0,100}?,?\s+(?P<verb>up|down)\s+(?:by\s+)?", re.I)
_FROM = patterns.compile(r"\s+(?:from|on)\s+(?:the\s+)?", re.I)


def changes_between(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """ "1.2 million acres this year, up 40% from 850,000 acres": a level, its change, the old;
    "€0,85 a litre, against €0,92 a year earlier, a fall of 7,6 per cent"."""
    group = [c for c in group if (c.unit or "") not in DURATIONS]  # "in the three months to"
    _against(out, text, group, span)
    for new, c, old in zip(group, group[1:], group[2:], strict=False):
        if (head := _modifier(text, group, new)) is not None:
            new = head  # "41,236 at the 52,000-capacity stadium, up 6% on the 38,900"
            if not _UP_BY.fullmatch(between(text, new, c)):
                continue
        if not levels(new, old) or c.figure is None:
            continue
        m = _UP_BY.fullmatch(between(text, new, c))
        if m is None or not _FROM.fullmatch(between(text, c, old)):
            continue
        up = m.group("verb").lower() == "up"
        out.add(f"{new.id}_vs_{old.id}", f"{new.id} {'>' if up else '<'} {old.id}",
                f"{new.text} {m.group('verb')} from {old.text}", span)  # fmt: skip
        sign = "" if up else "-"
        _stated_change(out, c, old, new, sign, span)


def _stated_change(
    out: RuleSet, c: Claim, old: Claim, new: Claim, sign: str, span: tuple[int, int]
) -> None:
    """``c`` is the change from ``old`` to ``new``: relative when a percentage of a level
    that is not itself one, else a difference (points between shares, or the same unit)."""
    assert c.figure is not None
    note = f"{c.text} is the change from {old.text} to {new.text}"
    if c.figure.unit == "%" and not is_share(new):
        out.add(f"{c.id}_change", f"pct_change({old.id}, {new.id}) == {sign}{c.id}", note, span)
    elif (c.figure.unit == "pp" and is_share(new)) or counts(c, new):
        out.add(f"{c.id}_change", f"{new.id} - {old.id} == {sign}{c.id}", note, span)


# "€0,85 a litre in September, against €0,92 a year earlier, a fall of 7,6 per cent"
_AGAINST = patterns.compile(
    r"[^.;\d]{0,80}?,?\s+(?:against|compared\s+with|compared\s+to|versus|from)\s+(?:the\s+)?", re.I
)
_THEN_CHANGE = patterns.compile(
    r"[^.;\d]{0,40}?,\s*(?:an?\s+[a-z]+\s+of\s+|(?:up|down)\s+(?:by\s+)?)", re.I
)


def _against(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    for new, old, c in zip(group, group[1:], group[2:], strict=False):
        if not levels(new, old) or c.figure is None or c.span is None:
            continue
        if not (
            _AGAINST.fullmatch(between(text, new, old))
            and _THEN_CHANGE.fullmatch(between(text, old, c))
        ):
            continue
        direction = change_of(text, c.span[0], c.span[1])
        if direction is None:
            continue
        sign, op = ("", ">") if direction == "up" else ("-", "<")
        out.add(f"{new.id}_vs_{old.id}", f"{new.id} {op} {old.id}",
                f"{new.text} against {old.text}", span)  # fmt: skip
        _stated_change(out, c, old, new, sign, span)


# "pay $48.50 a share, a premium of 31% to the closing price of $37.02"
_PREMIUM = patterns.compile(
    r"[^.;]{0,80}?,?\s+(?:an?|the)\s+(?P<kind>premium|discount|mark-?up)\s+of\s+", re.I
)
_PREMIUM_TO = patterns.compile(r"\s+(?:to|over|on|above|below)\s+[^.;\d]{0,60}?", re.I)
# "1,286 cases, more than three times the 402 last year": a multiple, stated with a bound
_TIMES_THE = patterns.compile(
    r"\s+times\s+(?:as\s+(?:many|much|high|large)\s+as\s+|that\s+of\s+|higher\s+than\s+)?"
    r"(?:the\s+|its\s+|their\s+)?",
    re.I,
)
_TIMES_BEFORE = patterns.compile(r"[^.;\d]{0,40}?,?\s*(?:or\s+|which\s+is\s+|is\s+|was\s+)?", re.I)


def multiples(out: RuleSet, text: str, group: list[Claim], span: tuple[int, int]) -> None:
    """A price against a reference ("a premium of 31% to ... $37.02"), and a multiple
    stated with a bound ("more than three times the 402"): ``new == k * old``, where the
    multiple's own reading ((3, ∞) for "more than three") does the work."""
    for new, c, old in zip(group, group[1:], group[2:], strict=False):
        if c.figure is None or c.span is None or not levels(new, old):
            continue
        m = _PREMIUM.fullmatch(between(text, new, c))
        if m is not None and c.figure.unit == "%" and _PREMIUM_TO.fullmatch(between(text, c, old)):
            sign = "-" if m.group("kind").lower() == "discount" else ""
            out.add(f"{c.id}_change", f"pct_change({old.id}, {new.id}) == {sign}{c.id}",
                    f"{new.text} is a {m.group('kind')} of {c.text} to {old.text}",
                    span)  # fmt: skip
            continue
        the = _TIMES_THE.match(text, c.span[1])
        if (
            c.subject == "times"
            and c.figure.qualifier != "="
            and c.figure.unit is None
            and the is not None
            and old.span is not None
            and the.end() == old.span[0]
            and _TIMES_BEFORE.fullmatch(between(text, new, c))
        ):
            out.add(f"{new.id}_multiple", f"{new.id} == {c.id} * {old.id}",
                    f"{new.text} is {c.text} times {old.text}", span)  # fmt: skip
