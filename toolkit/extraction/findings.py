"""Findings about an article's figures: stable codes and their message templates.

A finding is a result, not an error: the article was read, and something in
it deserves a reader's attention.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["BYLINE_CONFLICT", "CODES", "NOT_UTF8", "NO_FIGURES", "UNATTRIBUTED", "Finding"]

UNATTRIBUTED = "unattributed-figure"
BYLINE_CONFLICT = "byline-conflict"
NO_FIGURES = "no-figures"
NOT_UTF8 = "not-utf8"

#: Code → message template (``str.format`` fields).
CODES = {
    UNATTRIBUTED: "{figure!r} ({subject}) has no stated source",
    BYLINE_CONFLICT: (
        "the story is credited to {author!r}{publisher_part}, but an author bio on the page "
        "claims it for {bio_name!r}{outlet_part}"
    ),
    NO_FIGURES: "no figures found",
    NOT_UTF8: (
        "the text is not UTF-8 and was read as {decoding}; if letters look wrong, save it as UTF-8"
    ),
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: ``code`` from ``CODES``, a message, and where (span, claim id)."""

    code: str
    message: str
    span: tuple[int, int] | None = None
    claim: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "span": list(self.span) if self.span else None,
            "claim": self.claim,
        }
