"""Where a statistics office's CSV keeps its table: after a title, before its notes.

Downloads from statistics offices often open with a title line ("Table 1: Population by
region, 2024") and a blank line, and close with notes ("Source: ...", "Note: figures are
rounded", "* provisional"). ``preamble`` counts the lines before the header; ``is_note``
tells a note from a malformed row: a note has a single field, so a line with the header's
separators in it is a row, and a row of the wrong width stays a finding.
"""

from __future__ import annotations

import csv
import io
import re

__all__ = ["is_note", "preamble"]

_NOTE = re.compile(
    r"\s*(?:source|sources|note|notes|footnote|footnotes|figures|data|[*†‡§¹²³]|\[\d+\]|\(\d+\)"
    r"|\d+\s*[.)]\s+\D|copyright|©|release|published|revised|provisional|p\s*=|r\s*=|e\s*=)",
    re.I,
)
_LOOK = 20  # lines looked at for the header


def preamble(head: str, sep: str) -> int:
    """How many lines come before the header: a title ("Table 1: Population by region,
    2024", whose comma makes two fields) and blank lines, all narrower than the table. The
    header is the first line as wide as most of the first lines, and as wide as the next."""
    lines = head.splitlines()[:_LOOK]
    widths = [len(next(csv.reader(io.StringIO(line), delimiter=sep), [])) for line in lines]
    wide = [w for w in widths if w >= 2]
    if not wide:
        return 0
    table = max(set(wide), key=wide.count)
    for k in range(len(widths) - 1):
        if widths[k] == table and widths[k + 1] == table:
            return k if all(w < table for w in widths[:k]) else 0
    return 0


def is_note(record: list[str], width: int) -> bool:
    """A line of notes after a table: one field that reads like a note ("Source: ONS")."""
    filled = [field for field in record if field.strip()]
    return len(record) != width and len(filled) == 1 and bool(_NOTE.match(filled[0]))
