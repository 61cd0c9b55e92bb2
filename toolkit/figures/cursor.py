"""A cursor over a figure's tokens, shared by ``grammar.py`` and ``numberwords.py``."""

from __future__ import annotations

import difflib

from toolkit.errors import UnreadableFigure
from toolkit.figures import words as W
from toolkit.figures.tokens import Token, normalise, tokenize

__all__ = ["Cursor", "Phrases", "phrases"]

Phrases = dict[str, list[tuple[tuple[str, ...], str]]]


def phrases(table: dict[str, str] | tuple[str, ...]) -> Phrases:
    """Phrases indexed by their first word, longest first."""
    items = table.items() if isinstance(table, dict) else ((p, p) for p in table)
    out: Phrases = {}
    for phrase, kind in items:
        words = tuple(t.text for t in tokenize(phrase))
        out.setdefault(words[0], []).append((words, kind))
    for options in out.values():
        options.sort(key=lambda item: -len(item[0]))
    return out


class Cursor:
    """The tokens of one figure and the place the reader has reached."""

    suggest = True  # look for a close scale word or unit when a word is unreadable

    def __init__(self, text: str) -> None:
        self.original = text
        self.text = normalise(text)
        self.tokens = tokenize(self.text)
        # the texts alone, for the many look-ups of the next word
        self.texts = [tok.text for tok in self.tokens]
        self.size = len(self.tokens)
        self.pos = 0

    def peek(self, offset: int = 0) -> Token | None:
        i = self.pos + offset
        return self.tokens[i] if 0 <= i < self.size else None

    def peek_text(self, offset: int = 0) -> str | None:
        i = self.pos + offset
        return self.texts[i] if 0 <= i < self.size else None

    def at(self, *texts: str) -> bool:
        i = self.pos
        return 0 <= i < self.size and self.texts[i] in texts

    def match(self, table: Phrases) -> str | None:
        """Consume the longest phrase of ``table`` at the cursor and return its kind."""
        tok = self.peek()
        if tok is None or tok.text not in table:
            return None
        for words, kind in table[tok.text]:
            n = len(words)
            if tuple(self.texts[self.pos : self.pos + n]) == words:
                self.pos += n
                return kind
        return None

    def fail(self, what: str, tok: Token | None = None, fix: str | None = None) -> UnreadableFigure:
        column = (tok.start + 1) if tok is not None else len(self.text) + 1
        return UnreadableFigure(what, self.original, column, fix)

    def leftover(self, tok: Token) -> UnreadableFigure:
        """The error for a token no rule reads, with the scale word or unit it may mean."""
        word = tok.text
        if tok.kind == "word" and word in W.SCALE_NAMES:
            return self.fail(
                f"the scale word {word!r} does not fit here",
                tok,
                "Write one number with its scale, e.g. '1.5 million' or 'one and a half million'.",
            )
        if tok.kind == "word" and self.suggest:
            close = difflib.get_close_matches(word, W.SCALE_NAMES, n=1, cutoff=0.75)
            if close:
                return self.fail(f"unknown scale word {word!r}", tok, f"Did you mean {close[0]!r}?")
            close = difflib.get_close_matches(word, sorted(W.UNIT_WORDS), n=1, cutoff=0.8)
            if close:
                return self.fail(f"unknown unit {word!r}", tok, f"Did you mean {close[0]!r}?")
            return self.fail(
                f"could not read {word!r}",
                tok,
                "Write only the figure ('4.3 million', 'more than 1,300'); "
                "put what is counted in the subject column.",
            )
        return self.fail(f"could not read {word!r}", tok, "Remove it or write the figure in words.")
