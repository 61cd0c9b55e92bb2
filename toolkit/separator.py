"""Which character separates a delimited table's fields: the header line says.

A ``.tsv`` is tab-separated. A ``.csv`` is comma-separated unless its header line holds no
comma and some semicolons (how spreadsheets in much of Europe export CSV) or tabs: then that
character is the separator. Only the header decides, so a comma inside a quoted value of a
later row cannot change it.
"""

from __future__ import annotations

__all__ = ["separator"]


def separator(header: bytes | str, suffix: str) -> str:
    """The field separator for a table whose first line is ``header``."""
    if suffix.lower() == ".tsv":
        return "\t"
    line = header.decode("utf-8", "replace") if isinstance(header, bytes) else header
    line = line.split("\n", 1)[0]
    if "," in line:
        return ","
    for candidate in (";", "\t", "|"):
        if candidate in line:
            return candidate
    return ","
