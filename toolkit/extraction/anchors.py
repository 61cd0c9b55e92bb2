"""Where numbers start in a text: ``phrases.ANCHOR``'s matches, found without trying it everywhere.

``spans.find_spans`` reads a figure around each match; this module only finds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from toolkit.extraction import phrases as P

__all__ = ["anchors"]


def anchors(norm: str, floor: list[int] | None = None) -> Iterator[re.Match[str]]:
    """``P.ANCHOR.finditer(norm)``, trying ``ANCHOR`` only where a number can start.

    Most runs of letters are not number words: one set lookup skips each of them instead of
    entering every branch of ``ANCHOR`` at every character, and a number word is matched
    with only the branches it can start. ``floor[0]``, where the caller's last figure ends,
    lets a word inside that figure whose match is itself alone ("thousand" in "twenty one
    thousand") go unmatched: the caller skips it, and nothing after it changes. A test holds
    this to the same matches as ``finditer``.
    """
    at_digit, by_word, at_word = P.ANCHOR_AT_DIGIT.match, P.ANCHOR_BY_WORD, P.ANCHOR_AT_WORD
    floor = floor or [0]
    pos = 0
    # A match never ends inside a run of letters, so no run that starts before the end of
    # the last match could hide a place where the next one starts.
    for start in P.ANCHOR_START.finditer(norm):
        at = start.start()
        if at < pos:
            continue
        run = start.group()
        if not run[0].isalpha():
            m = at_digit(norm, at)
        elif not run.isascii():
            m = at_word.match(norm, at)
        elif (word := run.lower()) not in by_word or (
            start.end() <= floor[0] and word in P.ANCHOR_ONE_WORD
        ):
            continue
        else:
            m = by_word[word].match(norm, at)
        if m is not None:
            yield m
            pos = m.end()
