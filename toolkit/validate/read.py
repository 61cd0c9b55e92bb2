"""Reading a data table (CSV, Parquet, JSON lines, Excel) with its row and line numbers.

Cells are kept as written: integer columns as integers, every other column as
text (never as floats, which would forget how many digits were written). The
frame carries two extra columns, ``__row`` (1-based data row) and ``__line``
(line in the file, null for Parquet).

A clean CSV (no quotes, no blank lines, no bare carriage returns, the same
number of separators on every line) is scanned lazily by polars, so a file
larger than memory streams. Anything else is read row by row with the
``csv`` module: a BOM, mixed line endings and blank lines are fine, and a row
with the wrong number of fields becomes a ``Malformed`` finding (with its line)
while the other rows are still validated. A large CSV with quotes also goes to
polars; its line numbers then assume one line per row.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import mmap
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from toolkit.errors import UnreadableInput
from toolkit.separator import numeric_separator
from toolkit.validate import csvscan
from toolkit.validate.csvscan import is_clean, plain
from toolkit.validate.layout import is_note, preamble

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "LINE", "ROW", "Malformed", "Table", "collect_with_fallback", "read_table", "verified"
]  # fmt: skip

T = TypeVar("T")

ROW, LINE = "__row", "__line"
#: Files up to this size with quotes are read by the csv module, so line numbers are exact.
_INTEGER = re.compile(r"-?\d{1,15}\Z")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
PARQUET_SUFFIXES = (".parquet", ".pq")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@dataclass(frozen=True, slots=True)
class Malformed:
    """A row that could not be read as a row of the table."""

    row: int
    line: int | None
    message: str


@dataclass(frozen=True)
class Table:
    """A table ready to validate: a lazy frame with ``__row``/``__line``, plus unreadable rows."""

    path: Path
    frame: pl.LazyFrame
    columns: tuple[str, ...]
    malformed: tuple[Malformed, ...] = field(default_factory=tuple)
    kind: str = "csv"  # csv | parquet | jsonl | excel
    streamed: bool = False  # scanned lazily from the file (not held in memory)
    #: A slower, more forgiving reading, for when collecting ``frame`` raises ComputeError.
    fallback: Callable[[], Table] | None = None
    #: Set when a large CSV was scanned without counting separators per line (``read_table``
    #: with ``trust_widths``): the reading to use instead if the last column holds a null
    #: (a short row, a blank line, or an empty cell), or when the caller cannot check that.
    verify: Callable[[], Table] | None = None


def verified(table: Table) -> Table:
    """``table`` with its line widths checked (the table itself when it already was)."""
    return table if table.verify is None else table.verify()


def collect_with_fallback(table: Table, use: Callable[[Table], T]) -> T:
    """``use(table)``; when polars finds a cell or row it cannot read, retry the slower reading."""
    import polars as pl

    try:
        return use(table)
    except pl.exceptions.ComputeError:
        if table.fallback is None:
            raise
        return collect_with_fallback(table.fallback(), use)


def read_table(path: str | Path, trust_widths: bool = False) -> Table:
    """Read ``path`` by its suffix. Raises ``UnreadableInput`` for a file that cannot be read.

    ``trust_widths``: a large CSV with no carriage return is scanned without
    counting the separators on each line first. Polars raises on a line with too many
    fields (the slower reading follows), and reads a short row or a blank line with a
    null in the last column, so the caller must look for such nulls and then use
    ``verified(table)``; callers that cannot look must call ``verified`` first.
    """
    path = Path(path)
    if not path.exists():
        raise UnreadableInput("file not found", str(path), "Check the path.")
    if path.is_dir():
        raise UnreadableInput("is a folder, not a file", str(path), "Name a data file.")
    suffix = path.suffix.lower()
    try:
        if suffix in PARQUET_SUFFIXES:
            return _parquet(path)
        if suffix in JSONL_SUFFIXES:
            return _jsonl(path)
        if suffix in EXCEL_SUFFIXES:
            return _excel(path)
        if suffix in CSV_SUFFIXES or suffix == "":
            return _csv(path, numeric_separator(path), trust_widths)
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"byte 0x{exc.object[exc.start]:02x} is not UTF-8", str(path), "Save the file as UTF-8."
        ) from None
    raise UnreadableInput(
        f"unknown data format {suffix!r}",
        str(path),
        "Use .csv, .tsv, .parquet, .jsonl or .xlsx.",
    )


# -- CSV ---------------------------------------------------------------------
def _csv(path: Path, sep: str, trust_widths: bool = False) -> Table:
    size = path.stat().st_size
    if size == 0:
        raise UnreadableInput("the file is empty", str(path), "A table needs a header row.")
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if trust_widths and size > csvscan.SMALL_FILE and plain(data, sep.encode()):
            checked = functools.cache(lambda: _csv(path, sep))
            # Any row polars cannot read (a long row, text in a number column): the checked
            # reading, which has its own fallbacks.
            return dataclasses.replace(_csv_polars(path, sep), verify=checked, fallback=checked)
        clean, quoted = is_clean(data, sep.encode())
        skip = preamble(data[:8192].decode("utf-8", "replace"), sep)  # "Table 1: ...", blank
    if skip == 0 and (clean or (quoted and size > csvscan.SMALL_FILE)):
        return _csv_polars(path, sep)
    return _csv_python(path, sep, skip)


def _csv_polars(path: Path, sep: str) -> Table:
    import polars as pl

    try:
        schema = pl.scan_csv(path, separator=sep, infer_schema_length=1000).collect_schema()
    except pl.exceptions.NoDataError as exc:
        raise UnreadableInput(
            "the file is empty", str(path), "A table needs a header row."
        ) from exc
    except pl.exceptions.ComputeError:
        return _csv_python(path, sep)
    columns = tuple(schema.names())
    _check_header(columns, path)
    overrides = {c: pl.String for c, t in schema.items() if not t.is_integer()}

    def numbered(frame: pl.LazyFrame) -> pl.LazyFrame:
        frame = frame.with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))
        return frame.with_columns((pl.col(ROW) + 1).alias(LINE))

    # A later row may hold text where the first rows were whole numbers: polars then raises
    # when the frame is collected, and the caller retries with text, then with the csv module.
    def as_text() -> Table:
        frame = numbered(pl.scan_csv(path, separator=sep, infer_schema=False))
        return Table(path, frame, columns, (), "csv", True, lambda: _csv_python(path, sep))

    frame = numbered(pl.scan_csv(path, separator=sep, schema_overrides=overrides))
    return Table(path, frame, columns, (), "csv", True, as_text)


def _check_header(columns: tuple[str, ...], path: Path) -> None:
    dupes = sorted({c for c in columns if columns.count(c) > 1})
    if dupes:
        raise UnreadableInput(
            f"duplicate column {dupes[0]!r}", f"{path}:1", "Give each column its own name."
        )


def _csv_python(path: Path, sep: str, skip: int = 0) -> Table:
    import polars as pl

    text = path.read_bytes().decode("utf-8-sig")
    if not text.strip():
        raise UnreadableInput("the file is empty", str(path), "A table needs a header row.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    malformed: list[Malformed] = []
    rows: list[list[str]] = []
    numbers: list[tuple[int, int]] = []
    try:
        for _ in range(skip):
            next(reader)
        header = next(reader)
        while not header or (len(header) == 1 and not header[0].strip()):
            header = next(reader)
        header = [h.strip() for h in header]
        _check_header(tuple(header), path)
        width, row = len(header), 0
        start = reader.line_num + 1
        for record in reader:
            line, start = start, reader.line_num + 1
            if not record or (len(record) == 1 and not record[0].strip() and width > 1):
                continue
            if is_note(record, width):
                continue  # "Source: Office for National Statistics" after the table
            row += 1
            if len(record) != width:
                msg = f"row has {len(record)} fields but the header has {width}"
                malformed.append(Malformed(row, line, msg))
                continue
            rows.append(record)
            numbers.append((row, line))
    except csv.Error as exc:
        raise UnreadableInput(
            f"malformed CSV ({exc})", f"{path}:{reader.line_num}", "Fix the quoting."
        ) from None
    except StopIteration:
        raise UnreadableInput(
            "the file is empty", str(path), "A table needs a header row."
        ) from None
    columns = {name: [r[i] for r in rows] for i, name in enumerate(header)}
    frame = _typed(pl.DataFrame(columns, schema=dict.fromkeys(header, pl.String)))
    frame = frame.with_columns(
        pl.Series(ROW, [n[0] for n in numbers], dtype=pl.Int64),
        pl.Series(LINE, [n[1] for n in numbers], dtype=pl.Int64),
    )
    return Table(path, frame.lazy(), tuple(header), tuple(malformed), "csv")


def _typed(frame: pl.DataFrame) -> pl.DataFrame:
    """Text columns holding only whole numbers become integers, as polars would infer them."""
    import polars as pl

    casts = []
    for name in frame.columns:
        col = frame[name].str.strip_chars()
        filled = col.filter(col.is_not_null() & (col != ""))
        if len(filled) and filled.str.contains("^" + _INTEGER.pattern[:-2] + "$").all():
            casts.append(
                pl.when(col.is_null() | (col == ""))
                .then(None)
                .otherwise(col)
                .str.to_integer(strict=False)
                .alias(name)
            )
    return frame.with_columns(casts) if casts else frame


# -- other formats -------------------------------------------------------------
def _as_written(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Integers stay integers; floats, decimals and the rest become their text."""
    import polars as pl

    schema = frame.collect_schema()
    return frame.with_columns(
        pl.col(c).cast(pl.String) for c, t in schema.items() if not t.is_integer()
    )


def _parquet(path: Path) -> Table:
    import polars as pl

    try:
        columns = tuple(pl.scan_parquet(path).collect_schema().names())
    except (pl.exceptions.ComputeError, OSError) as exc:
        raise UnreadableInput(
            f"not a readable Parquet file ({str(exc).splitlines()[0]})", str(path)
        ) from None
    # The row index in the scan itself: a filter is pushed into the reader, a count is
    # read from the file's metadata.
    frame = _as_written(pl.scan_parquet(path, row_index_name=ROW, row_index_offset=1))
    frame = frame.with_columns(pl.col(ROW).cast(pl.Int64), pl.lit(None, pl.Int64).alias(LINE))
    return Table(path, frame, columns, (), "parquet", streamed=True)


def _jsonl(path: Path) -> Table:
    import polars as pl

    records: list[dict[str, Any]] = []
    numbers: list[tuple[int, int]] = []
    malformed: list[Malformed] = []
    columns: dict[str, None] = {}
    row = 0
    with path.open(encoding="utf-8-sig", newline=None) as fh:
        for line, text in enumerate(fh, 1):
            if not text.strip():
                continue
            row += 1
            try:
                item = json.loads(text, parse_float=str)
            except json.JSONDecodeError as exc:
                malformed.append(Malformed(row, line, f"not JSON ({exc.msg})"))
                continue
            if not isinstance(item, dict):
                malformed.append(Malformed(row, line, "a JSON line must be an object"))
                continue
            columns.update(dict.fromkeys(item))
            records.append(item)
            numbers.append((row, line))
    names = list(columns)
    data = {n: [_text(r.get(n)) for r in records] for n in names}
    frame = _typed(pl.DataFrame(data, schema=dict.fromkeys(names, pl.String)))
    frame = frame.with_columns(
        pl.Series(ROW, [n[0] for n in numbers], dtype=pl.Int64),
        pl.Series(LINE, [n[1] for n in numbers], dtype=pl.Int64),
    )
    return Table(path, frame.lazy(), tuple(names), tuple(malformed), "jsonl")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def _excel(path: Path) -> Table:
    import polars as pl

    try:
        frame = pl.read_excel(path, engine="calamine")
    except ModuleNotFoundError as exc:
        raise UnreadableInput(
            "reading Excel needs fastexcel", str(path), "pip install 'claimledger[excel]'."
        ) from exc
    except Exception as exc:  # fastexcel raises its own error types
        raise UnreadableInput(f"not a readable workbook ({exc})", str(path)) from None
    columns = tuple(frame.columns)
    lazy = _as_written(frame.lazy()).with_row_index(ROW, offset=1)
    lazy = lazy.with_columns(
        pl.col(ROW).cast(pl.Int64), (pl.col(ROW).cast(pl.Int64) + 1).alias(LINE)
    )
    return Table(path, lazy, columns, (), "excel")
