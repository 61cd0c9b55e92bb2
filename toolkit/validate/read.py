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
from toolkit.validate.layout import is_note, preamble

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "LINE", "ROW", "Malformed", "Table", "collect_with_fallback", "read_table", "verified"
]  # fmt: skip

T = TypeVar("T")

ROW, LINE = "__row", "__line"
#: Files up to this size with quotes are read by the csv module, so line numbers are exact.
SMALL_FILE = 64 * 1024 * 1024
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
        if trust_widths and size > SMALL_FILE and _plain(data, sep.encode()):
            checked = functools.cache(lambda: _csv(path, sep))
            # Any row polars cannot read (a long row, text in a number column): the checked
            # reading, which has its own fallbacks.
            return dataclasses.replace(_csv_polars(path, sep), verify=checked, fallback=checked)
        clean, quoted = _clean(data, sep.encode())
        skip = preamble(data[:8192].decode("utf-8", "replace"), sep)  # "Table 1: ...", blank
    if skip == 0 and (clean or (quoted and size > SMALL_FILE)):
        return _csv_polars(path, sep)
    return _csv_python(path, sep, skip)


def _plain(data: mmap.mmap, sep: bytes) -> bool:
    """No carriage return, no leading blank line, and a separator in the header.

    Quotes may be there: a large CSV with quotes is read by polars either way (see
    ``_csv``), so the checked reading of such a file is the same polars reading.
    """
    header_end = data.find(b"\n")
    if header_end <= 0 or data[:header_end].count(sep) == 0:
        return False
    return data.find(b"\r") == -1


def _clean(data: mmap.mmap, sep: bytes) -> tuple[bool, bool]:
    """Whether polars may read the file with line = row + 1; and whether it has quotes.

    No quotes, no bare carriage returns, no blank lines, and as many separators as the
    header on each line. The usual file (no quote, no carriage return, more than one
    column) is checked with two ``memchr`` searches and one numpy pass counting newlines
    and separators; the rest take the slower, byte-by-byte ``_clean_bytes``.
    """
    header_end = data.find(b"\n")
    width = data[: header_end if header_end != -1 else len(data)].count(sep)
    if data[:1] in (b"\n", b"\r"):
        return False, data.find(b'"') != -1
    if data.find(b'"') != -1:
        return False, True
    if data.find(b"\r") != -1 or width == 0:
        return _clean_bytes(data, sep, width)
    newlines, seps = _count_bytes(data, sep[0])
    return _widths_agree(data, sep, width, newlines, seps), False


def _count_bytes(data: mmap.mmap, sep: int, chunk: int = 1 << 20) -> tuple[int, int]:
    """How many newlines and separators ``data`` holds (numpy, in cache-sized chunks)."""
    import numpy as np

    arr = np.frombuffer(data, dtype=np.uint8)
    try:
        newlines = seps = 0
        for offset in range(0, len(arr), chunk):
            part = arr[offset : offset + chunk]
            newlines += int(np.count_nonzero(part == 10))
            seps += int(np.count_nonzero(part == sep))
        return newlines, seps
    finally:
        del arr  # the mmap cannot close while a view on it exists


def _widths_agree(data: mmap.mmap, sep: bytes, width: int, newlines: int, seps: int) -> bool:
    lines = newlines + (0 if data[-1:] == b"\n" else 1)
    if seps != width * lines:
        return False
    if len(data) > SMALL_FILE:
        # Large files: the total count only. A long row and a short row in one file could
        # cancel out here; polars then reads the short row with nulls (unchecked, not failed).
        return True
    return _same_width(data, sep[0])


def _clean_bytes(
    data: mmap.mmap, sep: bytes, width: int, chunk: int = 1 << 26
) -> tuple[bool, bool]:
    """``_clean`` for files with carriage returns or a single column, in ``bytes`` chunks."""
    newlines = seps = 0
    for offset in range(0, len(data), chunk):
        part = data[offset : offset + chunk + 2]  # two bytes of overlap for "\r\n", "\n\n"
        body = part[:chunk]
        if body.find(b'"') != -1:
            return False, True
        # Multi-byte searches are slow: only made when a carriage return is there at all.
        # (A blank line has no separator, so the separator count below catches it.)
        if part.find(b"\r") != -1 and (
            part.count(b"\r") != part.count(b"\r\n") or part.find(b"\n\r\n") != -1
        ):
            return False, data.find(b'"') != -1
        if width == 0 and part.find(b"\n\n") != -1:
            return False, False
        newlines += body.count(b"\n")
        seps += body.count(sep)
    return _widths_agree(data, sep, width, newlines, seps), False


def _same_width(data: mmap.mmap, sep: int, chunk: int = 1 << 24) -> bool:
    """Every line has as many separators as the header (checked in chunks with numpy)."""
    import numpy as np

    header_end = data.find(b"\n")
    width = data[: header_end if header_end != -1 else len(data)].count(bytes([sep]))
    start = 0
    while start < len(data):
        end = data.find(b"\n", min(start + chunk, len(data)) - 1)
        end = len(data) if end == -1 else end + 1
        arr = np.frombuffer(data[start:end], dtype=np.uint8)
        newlines = np.flatnonzero(arr == 10)
        if end == len(data) and arr[-1:].tolist() != [10]:
            newlines = np.append(newlines, len(arr))  # a last line without a newline
        seps = np.flatnonzero(arr == sep)
        per_line = np.diff(np.searchsorted(seps, newlines), prepend=0)
        if not bool((per_line == width).all()):
            return False
        start = end
    return True


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
