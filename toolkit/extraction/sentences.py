"""Splitting text into sentences, as character spans into the original text.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes and
brackets) followed by white space and a capital, digit or opening quote, or
at a line break. Common abbreviations ("Mr.", "U.S.", "Jan.", "No.") and
initials do not end a sentence. Linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit import patterns

__all__ = ["Sentence", "split_sentences"]

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt",
    "gov", "sen", "rep", "rev", "hon", "pres", "no", "nos", "vol", "fig", "p", "pp", "para",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "corp", "co", "ltd", "plc", "bros", "vs", "v", "etc", "approx", "est", "dept",
    "univ", "ave", "blvd", "rd", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "ca",
}  # fmt: skip

_END = patterns.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n")
_NEXT_START = patterns.compile(r"\s*[\"'“‘«(\[]?[A-Z0-9\u00c0-\u024f]")
_WORD_BEFORE = patterns.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the article and its text (``text == article[start:end]``)."""

    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if m is None:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.A.").
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, without surrounding white space."""
    sentences: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group() != "\n":
            if m.group()[0] == "." and _is_abbreviation(text, m.start()):
                continue
            if not _NEXT_START.match(text, end):
                continue
        _add(sentences, text, start, end)
        start = end
    _add(sentences, text, start, len(text))
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end]))
