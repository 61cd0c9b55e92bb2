"""Which character separates a delimited table's fields: the header line says.

A ``.tsv`` is tab-separated. A ``.csv`` is comma-separated unless its header line holds no
comma and some semicolons (how spreadsheets in much of Europe export CSV) or tabs: then that
character is the separator. Only the header decides, so a comma inside a quoted value of a
later row cannot change it.

A table of numbers (``numeric_separator``) may not use ";": spreadsheets that export ";"
write decimal commas ("3,5") and may group thousands with points ("1.200"), which read as
they stand would be wrong.
"""

from __future__ import annotations

from pathlib import Path

from toolkit.errors import UnreadableInput

__all__ = ["numeric_separator", "separator"]


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


def numeric_separator(path: Path) -> str:
    """``separator`` of a delimited table of numbers at ``path``; ";" is refused with the fix."""
    with path.open("rb") as fh:
        sep = separator(fh.readline(65536), path.suffix)
    if sep == ";":
        raise UnreadableInput(
            "the header is separated by ';' (a spreadsheet's European CSV export)",
            str(path),
            "Export it as comma-separated CSV with decimal points, or as .xlsx.",
        )
    return sep
