"""The record of one stated figure: its text and the two readings of it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from toolkit.figures.interval import Interval

__all__ = ["Figure", "Qualifier"]

Qualifier = Literal["=", "~", ">", ">=", "<", "<="]


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as written, read as the values its wording allows.

    ``strict`` is the reading a careful writer's wording allows (counts exact,
    rounded figures within half a unit of their last digit); ``lenient`` adds
    looser habits (trailing zeros as rounding, truncation instead of rounding,
    wider tolerance for "about"). ``value`` is the point the text names, or
    None for a range. ``unit`` is ``%``, ``pp``, a currency sign, a unit word
    (``days``) or None. ``ends`` are the two numbers of a range or of two bounds as written
    ("3.5–4.0" → 3.5, 4.0; "more than 20 and at most 35" → 20, 35), else None.
    """

    text: str
    value: Decimal | None
    strict: Interval
    lenient: Interval
    qualifier: Qualifier = "="
    unit: str | None = None
    ends: tuple[Decimal, Decimal] | None = None

    @property
    def is_count(self) -> bool:
        return self.strict.integer
