"""The pattern cache: the same matches as ``re.compile``, across processes, or none at all."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import alternatives, patterns

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "datasets" / "kazakhstan-2022" / "article.txt").read_text(encoding="utf-8")
TEXTS = [
    SEED,
    "Sales rose 20% to $1.5 million from $1.4 million, the company said on Jan. 5-9.",
    "About 60% of the 2,500 respondents, or roughly 1,500, said 'no'; call +1 555-123-4567.",
    "Two and a half million people, three-quarters of them women, voted 7-2 in 2019.",
]


def test_cached_code_matches_like_re_compile() -> None:
    import toolkit.extraction.extract  # noqa: F401 - compiles the extractor's patterns

    seen = dict(patterns._entries or {})
    if not seen:
        pytest.skip("the pattern cache is off here")
    for (text, flags), entry in seen.items():
        if isinstance(entry, str):  # ``starting_with``'s text, derived afresh to compare
            chars, pattern = text.split("\0", 1)
            assert flags == patterns._DERIVED
            assert entry == alternatives.narrowed(pattern, chars)
            continue
        ours, theirs = patterns._engine(text, entry), re.compile(text, flags)
        assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
            theirs.pattern,
            theirs.flags,
            theirs.groups,
            theirs.groupindex,
        )
        for sample in TEXTS:
            assert [m.span() for m in ours.finditer(sample)] == [
                m.span() for m in theirs.finditer(sample)
            ]


_SPANS = (
    "import json, sys; from toolkit.extraction.spans import find_spans; "
    "print(json.dumps([[s.start, s.end, s.kind] for s in find_spans(sys.stdin.read())]))"
)


def _spans(cache: str) -> list[list[object]]:
    out = subprocess.run(
        [sys.executable, "-c", _SPANS],
        input=SEED,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"CLAIMLEDGER_CACHE": cache, "PATH": "/usr/bin:/bin"},
    )
    assert out.stderr == ""
    data: list[list[object]] = json.loads(out.stdout)
    return data


def test_a_cache_written_by_one_process_reads_the_same_in_the_next(tmp_path: Path) -> None:
    plain = _spans("off")
    first = _spans(str(tmp_path))  # writes the cache
    files = list(tmp_path.glob("patterns-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 1000
    second = _spans(str(tmp_path))  # reads it
    assert plain == first == second


def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path: Path) -> None:
    plain = _spans("off")
    _spans(str(tmp_path))
    (cache,) = tmp_path.glob("patterns-*.marshal")
    cache.write_bytes(b"\x00not a cache")
    assert _spans(str(tmp_path)) == plain
    assert cache.stat().st_size > 1000


def test_an_unwritable_cache_folder_changes_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert _spans(str(blocked / "sub")) == _spans("off")
