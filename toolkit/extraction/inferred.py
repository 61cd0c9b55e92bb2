"""Rules inferred from wording, and what the inference modules share to make them.

``RuleSet`` collects rules without duplicates, giving each a readable id; the
predicates say whether two figures can be compared at all (same unit, counts,
shares) before any wording is looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit.extraction.claim import Claim

__all__ = [
    "InferredRule", "RuleSet", "between", "counts", "is_share", "levels", "same_thing",
    "whole_count",
]  # fmt: skip


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


def counts(a: Claim, b: Claim) -> bool:
    """Both figures count the same kind of thing (no shares, same unit)."""
    fa, fb = a.figure, b.figure
    if fa is None or fb is None:
        return False
    if (a.subject == "times") != (b.subject == "times"):
        return False  # "more than three times the 402": a multiple, not a count of them
    return fa.unit not in ("%", "pp") and fa.unit == fb.unit


def is_share(c: Claim) -> bool:
    return c.figure is not None and c.figure.unit == "%"


def levels(a: Claim, b: Claim) -> bool:
    """Two levels of one thing, before and after: counts, amounts or percentages alike."""
    fa, fb = a.figure, b.figure
    return fa is not None and fb is not None and fa.unit == fb.unit and fa.unit != "pp"


def whole_count(c: Claim) -> bool:
    """A count of things that come in wholes (people, cases), stated as such."""
    f = c.figure
    return f is not None and f.unit in (None, "people") and f.strict.integer


def same_thing(part: Claim, whole: Claim) -> bool:
    """The part counts what the whole counts, or names nothing else ("Of the 50 firms, 300
    employees ..." does not make 300 a part of 50)."""
    return part.subject is None or (part.subject or "").lower() == (whole.subject or "").lower()


class RuleSet:
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


def between(text: str, a: Claim, b: Claim) -> str:
    assert a.span is not None and b.span is not None
    return text[a.span[1] : b.span[0]]
