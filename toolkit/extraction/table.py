"""Reading claims tables (CSV, JSON, YAML) into ``Claim`` records.

A claims table has ``id`` (required, ``[a-z_][a-z0-9_]*``, unique) and
``value`` (required; empty means not reported), optionally ``unit``,
``subject``, ``source``, ``author``, ``publisher``, ``url``, ``published``,
``quote``; other columns are kept. YAML and JSON files may also carry a
``rules`` list. CSV is streamed row by row, so large tables cost linear time.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import InvalidClaim, UnreadableFigure, UnreadableTable
from toolkit.extraction.claim import OPTIONAL_FIELDS, Claim
from toolkit.figures.parse import parse_figure
from toolkit.separator import separator

__all__ = ["ClaimsTable", "load_document", "read_claims", "valid_id"]

ID_PATTERN = re.compile(r"[a-z_][a-z0-9_]*\Z")
_KNOWN = {"id", "value", *OPTIONAL_FIELDS}


@dataclass(frozen=True, slots=True)
class ClaimsTable:
    """The claims of one table, with any rules carried inside it (raw, unparsed)."""

    path: str
    claims: tuple[Claim, ...]
    rules: Any = None
    columns: tuple[str, ...] = field(default_factory=tuple)

    def by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}


def valid_id(text: str) -> str:
    """A suggestion for an id that fits ``[a-z_][a-z0-9_]*``."""
    slug = re.sub(r"[^a-z0-9_]+", "_", text.strip().lower()).strip("_") or "claim"
    return slug if not slug[0].isdigit() else f"_{slug}"


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableTable("file not found", str(path), "Check the path.") from None
    except IsADirectoryError:
        raise UnreadableTable("is a folder, not a file", str(path), "Name a file.") from None
    except OSError as exc:
        raise UnreadableTable(f"cannot read the file ({exc.strerror})", str(path)) from None
    return _decode(data, str(path))


def _decode(data: bytes, origin: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UnreadableTable(
            f"byte 0x{data[exc.start]:02x} is not UTF-8",
            f"{origin}:{line}:{column}",
            "Save the file as UTF-8.",
        ) from None


def load_document(path: Path) -> Any:
    """Parse a YAML or JSON file safely (YAML tags that build objects are refused)."""
    text = _read_text(path)
    if not text.strip():
        raise UnreadableTable("the file is empty", str(path), "Add content.")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text, parse_float=str, parse_int=str)
        except json.JSONDecodeError as exc:
            raise UnreadableTable(
                f"invalid JSON ({exc.msg})",
                f"{path}:{exc.lineno}:{exc.colno}",
                "Fix the JSON syntax.",
            ) from None
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise UnreadableTable(
            f"YAML tag refused ({(exc.problem or '').strip()})",
            where,
            "Claims and rules files hold plain text and numbers; remove the '!!' tag.",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise UnreadableTable(f"invalid YAML ({problem})", where, "Fix the YAML syntax.") from None


def _header_name(name: str) -> str:
    """A contract column whatever its case ("ID", "Value"); any other name as written."""
    name = name.strip()
    return name.lower() if name.lower() in _KNOWN else name


def _rows_csv(path: Path) -> Iterator[tuple[int | None, dict[str, Any]]]:
    text = _read_text(path)
    if not text.strip():
        raise UnreadableTable(
            "the file is empty",
            str(path),
            "A claims table needs a header row with at least 'id' and 'value'.",
        )
    delimiter = separator(text, path.suffix)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [_header_name(h) for h in next(reader)]
        _check_header(header, f"{path}:1")
        width = len(header)
        for row in reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != width:
                raise UnreadableTable(
                    f"row has {len(row)} fields but the header has {width}",
                    f"{path}:{reader.line_num}",
                    "Quote values that contain commas, or fix the row.",
                )
            yield reader.line_num, dict(zip(header, row, strict=True))
    except csv.Error as exc:
        raise UnreadableTable(
            f"malformed CSV ({exc})", f"{path}:{reader.line_num}", "Fix the quoting."
        ) from None


def _check_header(header: list[str], where: str) -> None:
    for required in ("id", "value"):
        if required not in header:
            close = difflib.get_close_matches(required, header, n=1, cutoff=0.5)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise UnreadableTable(
                f"missing column {required!r}",
                where,
                f"A claims table needs 'id' and 'value' columns; it has {', '.join(header)}.{hint}",
            )
    dupes = {h for h in header if header.count(h) > 1}
    if dupes:
        raise UnreadableTable(
            f"duplicate column {sorted(dupes)[0]!r}", where, "Give each column its own name."
        )


def _rows_document(path: Path) -> tuple[Iterator[tuple[int | None, dict[str, Any]]], Any]:
    data = load_document(path)
    rules = None
    if isinstance(data, Mapping):
        rules = data.get("rules")
        items = data.get("claims")
        if items is None:
            raise UnreadableTable(
                "no 'claims' list", str(path), "Write claims: [{id: ..., value: ...}, ...]."
            )
    else:
        items = data
    if not isinstance(items, list):
        raise UnreadableTable("claims must be a list", str(path), "Write a list of claims.")

    def rows() -> Iterator[tuple[int | None, dict[str, Any]]]:
        for n, item in enumerate(items, 1):
            if not isinstance(item, Mapping):
                raise UnreadableTable(
                    "a claim must be a mapping", f"{path} claim {n}", "Write {id: ..., value: ...}."
                )
            for required in ("id", "value"):
                if required not in {_header_name(str(k)) for k in item}:
                    raise UnreadableTable(
                        f"missing {required!r}",
                        f"{path} claim {n}",
                        "Every claim needs id and value.",
                    )
            yield n, {_header_name(str(k)): ("" if v is None else str(v)) for k, v in item.items()}

    return rows(), rules


def read_claims(path: str | Path) -> ClaimsTable:
    """Read a claims table (``.csv``, ``.json``, ``.yaml``/``.yml``) into claims.

    Raises ``UnreadableTable`` for a file that cannot be read and
    ``InvalidClaim`` for a row that breaks the contract, both located.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    rules: Any = None
    rows: Iterator[tuple[int | None, dict[str, Any]]]
    if suffix in (".json", ".yaml", ".yml"):
        rows, rules = _rows_document(path)
        prefix = f"{path} claim "
    elif suffix in (".csv", ".tsv", ".txt", ""):
        rows = _rows_csv(path)
        prefix = f"{path}:"
    else:
        raise UnreadableTable(
            f"unknown table format {suffix!r}",
            str(path),
            "Use .csv, .tsv, .json or .yaml for a claims table, "
            "or .txt, .md or .html for an article.",
        )
    claims: list[Claim] = []
    seen: dict[str, int | None] = {}
    columns: tuple[str, ...] = ()
    for line, row in rows:
        if not columns:
            columns = tuple(row)
        where = f"{prefix}{line}"
        claims.append(_claim(row, line, where, seen))
    if not claims and suffix in (".csv", ".tsv", ".txt", ""):
        pass  # a header with no rows is an empty table, not an error
    return ClaimsTable(str(path), tuple(claims), rules, columns)


def _change(value: str | None, where: str) -> str | None:
    if value is None or value.lower() in ("up", "down"):
        return None if value is None else value.lower()
    raise InvalidClaim(
        f"change must be 'up' or 'down', not {value!r}", where, "Leave it empty for a level."
    )


def _claim(row: dict[str, Any], line: int | None, where: str, seen: dict[str, int | None]) -> Claim:
    raw_id = str(row.get("id", "")).strip()
    if not ID_PATTERN.match(raw_id):
        raise InvalidClaim(
            f"invalid id {raw_id!r}",
            where,
            "Ids are lower-case letters, digits and _, starting with a letter: "
            f"try {valid_id(raw_id)!r}.",
        )
    if raw_id in seen:
        raise InvalidClaim(
            f"duplicate id {raw_id!r} (first on line {seen[raw_id]})",
            where,
            "Give each claim its own id.",
        )
    seen[raw_id] = line
    text = str(row.get("value", "")).strip()
    figure = None
    if text:
        try:
            figure = parse_figure(text)
        except UnreadableFigure as exc:
            raise InvalidClaim(exc.what, f"{where} ({exc.where})", exc.fix) from None

    def field(name: str) -> str | None:
        return (str(row[name]).strip() or None) if name in row else None

    return Claim(
        id=raw_id,
        text=text,
        figure=figure,
        change=_change(field("change"), where),
        unit=field("unit") or (figure.unit if figure else None),
        subject=field("subject"),
        source=field("source"),
        author=field("author"),
        publisher=field("publisher"),
        url=field("url"),
        published=field("published"),
        quote=field("quote"),
        line=line,
        extra={k: str(v) for k, v in row.items() if k not in _KNOWN},
    )
