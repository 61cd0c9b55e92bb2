"""Reading an article (``.txt``, ``.md``, ``.html`` or stdin) into plain text.

Bytes are decoded as UTF-8 (a leading byte-order mark is dropped). Input
that is not UTF-8 is decoded as Windows-1252 and the fallback is stated in
``ArticleText.decoding``; input that looks binary (NUL bytes, or many
control characters) raises ``UnreadableInput``. HTML is reduced to its text
with the standard library's parser: scripts, styles and other non-content
elements are dropped, block elements become line breaks.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from toolkit.errors import UnreadableInput

__all__ = ["ArticleText", "decode", "html_to_text", "read_text"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "figcaption",
    "figure", "aside", "main", "nav", "dd", "dt", "dl", "title", "address",
}  # fmt: skip
_LOOKS_HTML = re.compile(r"\A\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """An article's text and how it was obtained.

    ``decoding`` is ``"utf-8"`` or the stated fallback (``"cp1252 (not UTF-8)"``);
    ``kind`` is ``"text"`` or ``"html"``; ``name`` is the path or ``"<stdin>"``.
    """

    text: str
    name: str
    decoding: str = "utf-8"
    kind: str = "text"


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one block element per line."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def decode(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode article bytes; return the text and the decoding used."""
    if b"\x00" in data[:65536]:
        raise UnreadableInput(
            "the input is binary, not text",
            name,
            "Give a .txt, .md or .html article saved as UTF-8.",
        )
    try:
        text, decoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, decoding = data.decode("cp1252", errors="replace"), "cp1252 (not UTF-8)"
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise UnreadableInput(
            "the input is binary, not text",
            name,
            "Give a .txt, .md or .html article saved as UTF-8.",
        )
    return text, decoding


def read_text(source: str | Path) -> ArticleText:
    """Read an article from a path, or from stdin when ``source`` is ``"-"``.

    HTML (by suffix, or by its opening tag on stdin) is reduced to its text.
    Raises ``UnreadableInput`` for a missing file, a folder, or binary input.
    """
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
        suffix = ""
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise UnreadableInput("no such file", name, "Check the path.") from None
        except IsADirectoryError:
            raise UnreadableInput("this is a folder, not an article", name) from None
        except OSError as exc:
            raise UnreadableInput(f"cannot read the file ({exc.strerror})", name) from None
        suffix = path.suffix.lower()
    text, decoding = decode(data, name)
    if suffix in _HTML_SUFFIXES or (not suffix and _LOOKS_HTML.match(text)):
        return ArticleText(html_to_text(text), name, decoding, "html")
    return ArticleText(text, name, decoding, "text")
