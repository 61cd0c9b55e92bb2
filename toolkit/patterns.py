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
    """``pattern`` less the alternatives that cannot start a match at any of ``chars``.

    At a position holding one of ``chars`` the result matches exactly what ``pattern`` matches
    (the same alternatives in the same order, less some that could not match there), with
    the same group names. An alternation with forty branches, tried at a digit, then enters
    only the few that can begin with one. Alternatives are cut at the top level and inside a
    named group that is a whole top-level alternative (``(?P<date>a|b)|(?P<time>c)``). An
    alternative is kept whenever the analysis is unsure (what it cannot parse, a back
    reference, ``re`` without its parser). Not for ``re.VERBOSE`` patterns. The result is
    kept in the cache with the compiled patterns: the analysis costs milliseconds at start.
    """
    entries = _load()
    key = (f"{chars}\0{pattern}", _DERIVED)
    if entries is not None:
        _used.add(key)
        if isinstance(cached := entries.get(key), str):
            return cached
    derived = _starting_with(pattern, chars)
    _keep(key, derived)
    return derived


def _starting_with(pattern: str, chars: str) -> str:
    out: list[str] = []
    for piece in _alternatives(pattern):
        named = _NAMED.match(piece)
        if named is not None and _alternatives(piece, closes_at=0) == [piece]:
            inner = [a for a in _alternatives(piece[named.end() : -1]) if _may_start(a, chars)]
            if inner:
                out.append(f"{named.group()}{'|'.join(inner)})")
        elif _may_start(piece, chars):
            out.append(piece)
    return "|".join(out) if out else "(?!)"


_NAMED = re.compile(r"\(\?P<\w+>")


def _alternatives(pattern: str, closes_at: int | None = None) -> list[str]:
    """``pattern`` cut at its top-level ``|`` (outside brackets, classes and escapes).

    With ``closes_at``, ``[pattern]`` if the bracket opened there closes at the end, else [].
    """
    pieces, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith(("[]", "[^]"), i):  # a "]" first in a class is literal
                i += 3 if pattern[i + 1] == "^" else 2
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if closes_at is not None and depth == 0 and i >= closes_at:
                return [pattern] if i == len(pattern) - 1 else []
        elif ch == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    pieces.append(pattern[start:])
    return [] if closes_at is not None else pieces


def _may_start(alternative: str, chars: str) -> bool:
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(alternative)
    except Exception:  # no parser, or not a whole expression by itself: keep it
        return True
    hit, empty = _first(list(parsed), chars)
    return hit or empty


def _first(items: list[Any], chars: str) -> tuple[bool, bool]:
    """(may ``items`` consume one of ``chars`` first, may they match the empty string)."""
    from re import _constants as C  # type: ignore[attr-defined]

    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: what follows starts the match
        if op is C.LITERAL:
            hit, empty = any(_same(ch, av) for ch in chars), False
        elif op is C.IN:
            hit, empty = _in_class(av, chars), False
        elif op is C.SUBPATTERN:
            hit, empty = _first(list(av[-1]), chars)
        elif op is C.ATOMIC_GROUP:
            hit, empty = _first(list(av), chars)
        elif op is C.BRANCH:
            firsts = [_first(list(b), chars) for b in av[1]]
            hit, empty = any(h for h, _ in firsts), any(e for _, e in firsts)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
            hit, empty = _first(list(av[2]), chars)
            empty = empty or av[0] == 0
        else:  # ".", a back reference, anything else: it may
            return True, False
        if hit:
            return True, False
        if not empty:
            return False, False
    return False, True


def _same(ch: str, code: int) -> bool:
    return ch.lower() == chr(code).lower()  # either case: an expression may ignore it


def _in_class(items: list[Any], chars: str) -> bool:
    from re import _constants as C  # type: ignore[attr-defined]

    for op, av in items:
        if op is C.NEGATE:
            return True  # a negated class: assume it may
        if op is C.LITERAL and any(_same(ch, av) for ch in chars):
            return True
        if op is C.RANGE and any(
            av[0] <= ord(c) <= av[1] for ch in chars for c in (ch, ch.lower(), ch.upper())
        ):
            return True
        if op is C.CATEGORY and av not in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE):
            if av in (C.CATEGORY_NOT_DIGIT, C.CATEGORY_UNI_NOT_DIGIT) and all(
                c.isdecimal() for c in chars
            ):
                continue
            if av in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT) and not any(
                c.isdecimal() for c in chars
            ):
                continue
            return True
    return False


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
