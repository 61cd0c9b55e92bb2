"""The fast cleanliness scan of a CSV agrees with the byte-by-byte one."""

from __future__ import annotations

import mmap
from pathlib import Path

import pytest

from toolkit.validate.csvscan import _clean_bytes
from toolkit.validate.csvscan import is_clean as _clean

CASES = [
    b"a,b\n1,2\n3,4\n",
    b"a,b\n1,2\n3,4",
    b"a,b\n1,2\n3\n4,5\n",
    b"a,b\n1,2\n\n3,4\n",
    b"a,b\n1,2,3\n4\n",
    b'a,b\n"1",2\n',
    b"a,b\r\n1,2\r\n",
    b"a,b\n1,2\r3,4\n",
    b"a\n1\n\n2\n",
    b"a\n1\n2\n",
    b"\na,b\n1,2\n",
]


@pytest.mark.parametrize("data", CASES)
def test_fast_scan_matches_bytes_scan(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        width = data.split(b"\n", 1)[0].count(b",")
        expected = _clean_bytes(mm, b",", width) if data[:1] not in (b"\n", b"\r") else None
        got = _clean(mm, b",")
    if expected is not None:
        assert got == expected
    assert got[0] == (data in (CASES[0], CASES[1], CASES[6], CASES[9]))
