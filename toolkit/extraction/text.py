"""Reading an article (``.txt``, ``.md``, ``.html`` or stdin) into plain text.

Bytes are decoded as UTF-8 (a leading byte-order mark is dropped). Input
that is not UTF-8 is decoded as Windows-1252 and the fallback is stated in
``ArticleText.decoding``; input that looks binary (NUL bytes, or many
control characters) raises ``UnreadableInput``. HTML is reduced to its text
with the standard library's parser: scripts, styles, navigation, forms and other
non-content elements are dropped, block elements become line breaks. A page
whose story sits in an ``<article>`` (or ``<main>``) is read from there, so
menus, "most read" lists and footers add no figures; the page's own metadata
(``<meta name="author">``, ``og:site_name``, ``article:published_time``, the
canonical URL) is kept for the byline and the ledger.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from toolkit import patterns
from toolkit.errors import UnreadableInput

__all__ = ["ArticleText", "decode", "html_to_text", "read_html", "read_text"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_SKIP = {
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav",
    "form", "button", "select", "menu", "dialog",
}  # fmt: skip
_MAIN = {"article", "main"}
#: Text inside the main element below this many characters is a teaser, not the story.
_MAIN_MIN = 200
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "figcaption",
    "figure", "aside", "main", "nav", "dd", "dt", "dl", "title", "address",
}  # fmt: skip
_LOOKS_HTML = patterns.compile(r"\A\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_CONTROL = patterns.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


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
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


_META = {
    "author": "author", "article:author": "author", "byl": "author", "dc.creator": "author",
    "og:site_name": "publisher", "publisher": "publisher", "dc.publisher": "publisher",
    "article:published_time": "published", "date": "published", "dc.date": "published",
    "og:url": "url",
}  # fmt: skip


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []  # the whole page
        self.main: list[str] = []  # inside <article> / <main>
        self.title: list[str] = []  # the first <h1>
        self.skipping = 0
        self.in_main = 0
        self.in_h1 = False
        self.h1_seen = False
        self.meta: dict[str, str] = {}

    def _out(self, piece: str) -> None:
        self.parts.append(piece)
        if self.in_main:
            self.main.append(piece)
        elif self.in_h1:
            self.title.append(piece)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" or tag == "link":
            self._metadata(tag, dict(attrs))
        if tag in _SKIP or (tag in ("footer", "aside") and not self.in_main):
            self.skipping += 1
            return
        if tag in _MAIN and not self.skipping:
            self.in_main += 1
        if tag == "h1" and not self.h1_seen and not self.in_main:
            self.in_h1 = True
        if tag in _BLOCK:
            self._out("\n")

    def _metadata(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "link":
            if (attrs.get("rel") or "").lower() == "canonical" and attrs.get("href"):
                self.meta.setdefault("url", attrs["href"] or "")
            return
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        value = (attrs.get("content") or "").strip()
        field = _META.get(key)
        if field and value and not (field == "author" and value.startswith("http")):
            self.meta.setdefault(field, value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._metadata(tag, dict(attrs))
        elif tag in _BLOCK and not self.skipping:
            self._out("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP or (tag in ("footer", "aside") and not self.in_main and self.skipping):
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in _BLOCK and not self.skipping:
            self._out("\n")
        if tag in _MAIN and self.in_main and not self.skipping:
            self.in_main -= 1
        if tag == "h1" and self.in_h1:
            self.in_h1, self.h1_seen = False, True

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self._out(data)


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def html_to_text(html: str) -> str:
    """The visible text of an HTML page's story, one block element per line."""
    return read_html(html)[0]


def read_html(html: str) -> tuple[str, dict[str, str]]:
    """The story's text (from ``<article>`` or ``<main>`` when one holds it) and the metadata."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    main = "".join(parser.main)
    if len(main.strip()) >= _MAIN_MIN:
        title = "".join(parser.title).strip()
        head = title + "\n\n" if title and title not in main else ""
        return _tidy(head + main), parser.meta
    return _tidy("".join(parser.parts)), parser.meta


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
        story, meta = read_html(text)
        return ArticleText(
            story, name, decoding, "html", meta.get("author"), meta.get("publisher"),
            meta.get("published"), meta.get("url"),
        )  # fmt: skip
    return ArticleText(text, name, decoding, "text")
