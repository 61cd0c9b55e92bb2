"""The claim record: one figure with what is counted and who stated it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from toolkit.figures.figure import Figure
from toolkit.figures.interval import Interval

__all__ = ["Claim", "decimal_text", "interval_fields"]

#: Attribution and description columns a claims table may carry, in output order.
OPTIONAL_FIELDS = (
    "change", "unit", "subject", "source", "author", "publisher", "url", "published", "quote"
)  # fmt: skip


def decimal_text(value: Decimal | None) -> str | None:
    """A decimal as a plain string ("4250000", "36.5"), None for an unbounded end.

    Exact for any number of digits: formatting never rounds to a context precision.
    """
    if value is None or value.is_infinite():
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def interval_fields(strict: Interval, lenient: Interval) -> dict[str, Any]:
    return {
        "low": decimal_text(strict.low),
        "high": decimal_text(strict.high),
        "low_closed": strict.low_closed,
        "high_closed": strict.high_closed,
        "lenient_low": decimal_text(lenient.low),
        "lenient_high": decimal_text(lenient.high),
    }


@dataclass(frozen=True, slots=True)
class Claim:
    """A stated figure with its id, subject and attribution.

    ``figure`` is None when the figure was not reported (an empty value):
    rules that need it come out ``unchecked``. ``line`` is the line of the
    claims table (or article) it came from; ``span`` the character span in
    an article. ``change`` is ``up`` or ``down`` when the figure states a change ("rose
    20%", "fell by 3,000"). ``extra`` keeps unknown table columns, passed through.
    """

    id: str
    text: str
    figure: Figure | None
    change: str | None = None
    unit: str | None = None
    subject: str | None = None
    source: str | None = None
    author: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    quote: str | None = None
    line: int | None = None
    span: tuple[int, int] | None = None
    extra: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: values as decimal strings, unbounded ends as null."""
        fig = self.figure
        out: dict[str, Any] = {"id": self.id, "text": self.text}
        if fig is None:
            out.update(
                value=None,
                low=None,
                high=None,
                low_closed=None,
                high_closed=None,
                lenient_low=None,
                lenient_high=None,
                qualifier=None,
            )
        else:
            out["value"] = decimal_text(fig.value)
            out.update(interval_fields(fig.strict, fig.lenient))
            out["qualifier"] = fig.qualifier
        for name in OPTIONAL_FIELDS:
            out[name] = getattr(self, name)
        if self.span is not None:
            out["span"] = list(self.span)
        out.update(self.extra)
        return out
