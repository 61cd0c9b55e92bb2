"""Normalising a figure's text and cutting it into tokens for the reader in ``grammar.py``."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from toolkit import patterns
from toolkit.figures import words as W

__all__ = ["Token", "normalise", "tokenize"]

_TOKEN = patterns.compile(
    # Scientific notation before plain numbers: "1.3e6", "2.48×10-5", "6.23x10^-4".
    r"(?P<sci>(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d{1,3}|\s?×\s?10(?:\^|\*\*)?[+-]?\d{1,3}"
    r"|\s?x\s?10(?:\^|\*\*)[+-]?\d{1,3})(?![\d.])"
    # powers: "2^10", "1.1^23", "8x2^10", "10^6" (and "10⁶", made "10^6" by ``normalise``)
    r"|(?:\d+(?:\.\d+)?\s?[x×*]\s?)?\d+(?:\.\d+)?(?:\^|\*\*)[+-]?\d{1,3}(?![\d.]))"
    # "6 . 2": a decimal point tokenised apart (Penn Treebank text), after at most three digits
    r"|(?P<num>\d{1,3} \. \d+|\d[\d,_]*(?:\.\d+)?|\.\d+)"
    # currency signs with a country ("US$", "HK $"), "Rs.500", codes glued to digits ("USD115")
    r"|(?P<word>(?:us|hk)\s?\$|(?:au|a|ca|c|nz|s)\$|rs\.(?=\d)|[snd]kr(?=\d)|r(?=\d)"
    rf"|(?:{'|'.join(c.lower() for c in W.CURRENCY_CODES)})(?=\d)"
    r"|[a-z°][a-z0-9°]*(?:\.(?![0-9a-z]))?)"
    rf"|(?P<sym>>=|<=|\+/-|[%{W.CURRENCY_SIGNS}~≈<>≤≥±+\-–—/=])"
    r"|(?P<space>\s+)"
)
_VULGAR = patterns.compile("[" + "".join(W.VULGAR_FRACTIONS) + "]")
_SPACES_IN_NUMBERS = patterns.compile(
    r"(?<=\d)[\u00a0\u202f\u2009\u2007\u200a'’](?=\d{3})|(?<=\d) (?=\d{3}(?![\d/]))"
)
_HYPHENATED = patterns.compile(r"(?<=[a-z])-(?=[a-z])")
# What ``_SPACES_IN_NUMBERS`` needs in ASCII text: a digit, a space or apostrophe, three digits
_MAY_GROUP = patterns.compile(r"\d[ ']\d{3}")
# Text of lower-case letters and spaces alone: every token is a word, one run of letters
_LETTERS_ONLY = patterns.compile(r"\s*[a-z]+(?:\s+[a-z]+)*\s*")
_LETTERS = patterns.compile(r"[a-z]+")
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a power of ten in superscript, "10⁶", "×10⁻³": NFKC alone would make "10⁶" 106
_POWER_OF_TEN = patterns.compile(f"(?<=10)[⁺⁻]?[{_SUPERSCRIPT}]+")
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPT + "⁺⁻", "0123456789+-")


class Token(NamedTuple):
    kind: str
    text: str
    start: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append, new = tokens.append, tuple.__new__  # the tuple's own constructor, called in C
    if _LETTERS_ONLY.fullmatch(text):
        # "one thousand two hundred": no alternative of ``_TOKEN`` but a word's can match here
        for m in _LETTERS.finditer(text):
            append(new(Token, ("word", m.group(), m.start())))
        return tokens
    pos = 0
    # Every token is at least one character, so the scan's gaps are exactly the characters
    # where no token starts: each is a "bad" token of its own.
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        while pos < start:
            append(new(Token, ("bad", text[pos], pos)))
            pos += 1
        kind = m.lastgroup or "bad"
        if kind != "space":
            word = m.group()
            if (kind == "word" and "$" in word) or (kind == "num" and " " in word):
                word = "".join(word.split())  # "us $" is "us$", "6 . 2" is "6.2"
            append(new(Token, (kind, word, start)))
        pos = end
    while pos < len(text):
        append(new(Token, ("bad", text[pos], pos)))
        pos += 1
    return tokens


# "1.111,11": continental grouping with a decimal comma, read as "1,111.11" (the same length)
_CONTINENTAL = patterns.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d.,]\d)")
_SWAP = str.maketrans(".,", ",.")


def normalise(text: str) -> str:
    if "," in text and "." in text:
        text = _CONTINENTAL.sub(lambda m: m.group().translate(_SWAP), text)
    if text.isascii():
        # NFKC and the Unicode spaces and minus signs cannot occur: the common case, made cheap.
        if _MAY_GROUP.search(text):
            text = _SPACES_IN_NUMBERS.sub("_", text)
        text = text.lower()
        return _HYPHENATED.sub(" ", text) if "-" in text else text
    text = _SPACES_IN_NUMBERS.sub("_", text)
    text = _POWER_OF_TEN.sub(lambda m: "^" + m.group().translate(_FROM_SUPERSCRIPT), text)
    if _VULGAR.search(text):
        # "2½" is a mixed number; NFKC alone would make it "21⁄2".
        text = _VULGAR.sub(lambda m: f" {W.VULGAR_FRACTIONS[m.group()]}", text)
    text = unicodedata.normalize("NFKC", text).replace("\u2212", "-").replace("\u2044", "/")
    text = text.lower()
    # "per cent" and friends read as one word later; hyphens inside words are spaces.
    return _HYPHENATED.sub(" ", text)
