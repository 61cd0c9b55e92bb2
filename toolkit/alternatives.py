"""Which alternatives of a regular expression can start a match at a given character.

``patterns.starting_with`` narrows an expression to them, for a scan that knows what
character it is at (a digit): the engine then enters a few branches instead of forty. The
analysis reads ``re``'s own parse of each alternative and errs one way only: an alternative
it cannot rule out is kept, so the narrowed expression matches there exactly as the whole.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["narrowed"]


def narrowed(pattern: str, chars: str) -> str:
    """``pattern`` less the alternatives that cannot start a match at any of ``chars``.

    At a position holding one of ``chars`` the result matches exactly what ``pattern`` matches
    (the same alternatives in the same order, less some that could not match there), with
    the same group names. An alternation with forty branches, tried at a digit, then enters
    only the few that can begin with one. Alternatives are cut at the top level and inside a
    named group that is a whole top-level alternative (``(?P<date>a|b)|(?P<time>c)``). An
    alternative is kept whenever the analysis is unsure (what it cannot parse, a back
    reference, ``re`` without its parser). Not for ``re.VERBOSE`` patterns.
    """
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
        if op is C.CATEGORY:
            if av in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE) and not any(
                c.isspace() for c in chars
            ):
                continue
            if av in (C.CATEGORY_NOT_SPACE, C.CATEGORY_UNI_NOT_SPACE) and all(
                c.isspace() for c in chars
            ):
                continue
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
