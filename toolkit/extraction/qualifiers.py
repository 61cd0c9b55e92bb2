"""The qualifier written before a number ("more than", "about", "over"), and when a word is none.

``qualifier_before`` is ``phrases.PREFIX`` searched before a number, less the wordings where
the qualifier's word means something else: "How about 2 in 5?" asks, "stolen over five
years" is during them.
"""

from __future__ import annotations

import re

from toolkit import patterns
from toolkit.extraction import phrases as P

__all__ = ["qualifier_before"]

# "How about 2 in 5?" opening a sentence is a question, not a hedge ("unclear how about 20 got in"
# is one)
_QUESTION_BEFORE = patterns.compile(r"(?:^|[.!?]\s+|[\"“(]\s*)(?:how|what)\s+$", re.I)
# "stolen over five years", "$2bn over 10 years": "over" a stretch of time is "during" it;
# "for over five years", "took over five years", "over five years ago" keep "more than"
_OVER_A_TIME = patterns.compile(
    r"over\s+(?:[\w.,-]+\s+){1,2}?(?:years?|months?|weeks?|days?|decades?|centuries|hours?)\b"
    r"(?!\s+(?:ago|old|of\s+age)\b)",
    re.I,
)
_MORE_THAN_A_TIME = patterns.compile(
    r"\b(?:for|of|to|took|take|takes|taking|lasted|lasting|last|lasts|spent|spend|served|serve|"
    r"serving|been|be|is|was|were|are|after|in|within|than|just|well|aged|waited|wait|by|"
    r"sentenced|jailed|imprisoned)\s+$",
    re.I,
)


# "the unemployment rate edged up to 4.4%": a verb's "up", then "to" the level
_VERB_UP = patterns.compile(
    r"\b(?:edged|edges|edging|ticked|ticks|ticking|inched|inches|inching|crept|creeps|moved|moves|"
    r"went|goes|shot|shoots|revised|jumped|climbed|rose|risen|rises|picked|gone|came|comes|"
    r"bumped|pushed|ratcheted|stepped|drifted|crawled)\s+$",
    re.I,
)


def qualifier_before(norm: str, lo: int, hi: int) -> re.Match[str] | None:
    """The qualifier ending ``norm[lo:hi]``, if its word is one there."""
    m = search(norm, lo, hi)
    if m is None:
        return None
    word = m.group().lower().rstrip()
    start = m.start()
    if word.startswith("up") and _VERB_UP.search(norm, max(0, start - 14), start):
        return None
    if word == "about" and _QUESTION_BEFORE.search(norm, max(0, start - 8), start):
        return None
    if (
        word == "over"
        and _OVER_A_TIME.match(norm, start)
        and not _MORE_THAN_A_TIME.search(norm, max(0, start - 12), start)
    ):
        return None
    return m


def search(norm: str, lo: int, hi: int) -> re.Match[str] | None:
    """``P.PREFIX.search(norm, lo, hi)``, skipped when the window cannot end with a qualifier.

    Most numbers have none; the ``endswith`` test is one C call where the search tries every
    place in the window. Non-ASCII windows go to the search, whose case folding differs,
    from the start of the window's last words.
    """
    window = norm[lo:hi].rstrip()
    if window.isascii() and not window.lower().endswith(P.PREFIX_ENDS):
        return None
    # A match starts within the last words (each phrase's words are apart by spaces): the
    # search need not try every place before them.
    words = window.rsplit(None, P.PREFIX_MOST_WORDS)
    if len(words) > P.PREFIX_MOST_WORDS:
        lo += len(words[0])
    return P.PREFIX.search(norm, lo, hi)
