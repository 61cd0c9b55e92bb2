"""Regular expressions compiled once per machine, the way Python keeps bytecode.

The extractor's patterns (number words, qualifiers, dates, identifiers, sources) take
about 140 ms to compile, most of a cold ``claimledger check``'s half-second budget.
``compile`` is ``re.compile`` whose result (the regex engine's own code for the
pattern) is also kept in a cache file, and handed straight to the engine on later
runs.

The cache can only make a start faster, never a match different: an entry is the
code ``re`` produced for the same pattern text and flags, under the same engine
(``_sre.MAGIC``) and Python version, which name the file; or the text
``starting_with`` derived from the same pattern and characters under them. Anything
unexpected (another Python, a damaged or unwritable cache, a ``re`` without these
internals) falls back to ``re.compile``. The cache lives in ``$CLAIMLEDGER_CACHE``, else
``$XDG_CACHE_HOME/claimledger``, else ``~/.cache/claimledger``;
``CLAIMLEDGER_CACHE=off`` turns it off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:
    import _sre  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

__all__ = ["cache_file", "compile", "starting_with"]

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_entries: dict[tuple[str, int], _Entry | str] | None = None
#: The flags of a cache entry that is ``starting_with``'s text, not compiled code
_DERIVED = -1
_used: set[tuple[str, int]] = set()
_dirty = False
#: Past this many entries a save keeps only the patterns this run used: edited patterns
#: would otherwise pile up in a developer's cache.
_KEEP = 1500


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, or None when the cache is off."""
    setting = os.environ.get("CLAIMLEDGER_CACHE")
    if setting == "off":
        return None
    magic = getattr(_sre, "MAGIC", None)
    if magic is None:
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "claimledger"
    version = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}"
    return folder / f"patterns-{version}-{sys.version_info[2]}-{magic}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    entries = _load()
    if entries is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    _used.add(key)
    entry = entries.get(key)
    if entry is not None and not isinstance(entry, str):
        try:
            return _engine(pattern, entry)
        except Exception:  # a damaged entry: compile it afresh
            entries.pop(key, None)
    try:
        entry = _code(pattern, int(flags))
        compiled = _engine(pattern, entry)
    except Exception:  # internals not as expected: the ordinary way
        return re.compile(pattern, flags)
    _keep(key, entry)
    return compiled


def _keep(key: tuple[str, int], entry: _Entry | str) -> None:
    global _dirty
    if _entries is None:
        return
    _entries[key] = entry
    if not _dirty:
        _dirty = True
        atexit.register(_save)


def starting_with(pattern: str, chars: str) -> str:
    """``alternatives.narrowed(pattern, chars)``: the alternatives of ``pattern`` that can
    start a match at one of ``chars``, kept in the cache with the compiled patterns (the
    analysis costs milliseconds at start)."""
    entries = _load()
    key = (f"{chars}\0{pattern}", _DERIVED)
    if entries is not None:
        _used.add(key)
        if isinstance(cached := entries.get(key), str):
            return cached
    from toolkit.alternatives import narrowed

    derived = narrowed(pattern, chars)
    _keep(key, derived)
    return derived


def _code(pattern: str, flags: int) -> _Entry:
    """What ``re._compiler.compile`` hands the engine for ``pattern``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # plain ints: the opcodes are an int subclass that ``marshal`` does not store
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],
        int(parsed.state.groups - 1),
        {str(k): int(v) for k, v in groupindex.items()},
        tuple(indexgroup),
    )


def _engine(pattern: str, entry: _Entry) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    compiled: Any = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    if not isinstance(compiled, re.Pattern):
        raise TypeError("not a pattern")
    return compiled


def _load() -> dict[tuple[str, int], _Entry | str] | None:
    global _entries
    if _entries is not None:
        return _entries
    path = cache_file()
    if path is None:
        return None
    entries: dict[tuple[str, int], _Entry | str] = {}
    try:
        data = marshal.loads(path.read_bytes())
        if isinstance(data, dict):
            entries = data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    _entries = entries
    return entries


def _save() -> None:
    """Write the cache atomically; a cache that cannot be written is simply not kept."""
    path = cache_file()
    if path is None or _entries is None:
        return
    entries = _entries
    if len(entries) > _KEEP:
        entries = {k: v for k, v in entries.items() if k in _used}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(marshal.dumps(entries))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass
