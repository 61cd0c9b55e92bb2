"""Whether a CSV file may be read by polars as it is: scans of its bytes, without parsing it.

``read._csv`` asks before choosing a reader. ``is_clean``: no quotes, no bare carriage
returns, no blank lines, as many separators on each line as in the header (then line =
row + 1, and polars streams the file). ``plain``: enough for a large file read without the
check. The scans are ``memchr`` searches and numpy counts over the memory-mapped file.
"""

from __future__ import annotations

import mmap

__all__ = ["SMALL_FILE", "is_clean", "plain"]

#: Up to this size a clean-looking file has each line's width checked, not just the total
SMALL_FILE = 64 * 1024 * 1024


def plain(data: mmap.mmap, sep: bytes) -> bool:
    """No carriage return, no leading blank line, and a separator in the header.

    Quotes may be there: a large CSV with quotes is read by polars either way (see
    ``read._csv``), so the checked reading of such a file is the same polars reading.
    """
    header_end = data.find(b"\n")
    if header_end <= 0 or data[:header_end].count(sep) == 0:
        return False
    return data.find(b"\r") == -1


def is_clean(data: mmap.mmap, sep: bytes) -> tuple[bool, bool]:
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
    """``is_clean`` for files with carriage returns or a single column, in ``bytes`` chunks."""
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
