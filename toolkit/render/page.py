"""``report``: a checked claims table or an article in, one self-contained HTML page out.

``build_page`` gathers what the page shows (the check report, the article
text, where each figure and each rule's sentence sit in it); ``report``
renders and writes it. An article (``.txt``, ``.md``, ``.html``) is read by the
article-extraction API; a claims table (``.csv``, ``.json``, ``.yaml``) is
checked by ``toolkit.check.check`` and shown against its article when a
``datapackage.json`` beside it names one (resource ``article``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.errors import ToolkitError, UnreadableInput

if TYPE_CHECKING:
    from toolkit.check.report import Report
    from toolkit.extraction.claim import Claim
    from toolkit.rules.rule import Rule

__all__ = ["ARTICLE_SUFFIXES", "Page", "build_page", "report"]

#: Inputs read as article text; everything else is a claims table.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown", ".html", ".htm", ".xhtml"})
_QUOTES = "\"'“”‘’«»„ "


@dataclass(frozen=True, slots=True)
class Page:
    """What the HTML page shows.

    ``spans`` maps a claim id to its character span in ``text``;
    ``evidence`` maps a rule id to the span of the sentence that states it.
    Both are empty when there is no article text.
    """

    title: str
    source: str
    report: Report
    text: str | None = None
    spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    evidence: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    author: str | None = None
    publisher: str | None = None


def report(
    input_path: str | Path,
    output_path: str | Path,
    rules: str | Path | Sequence[Rule] | None = None,
) -> Path:
    """Write the HTML report for ``input_path`` to ``output_path`` and return that path.

    Raises ``ToolkitError`` subclasses for unreadable input or output.
    """
    from toolkit.render.html import render_html

    out = Path(output_path)
    html = _validation_page(Path(input_path))
    if html is None:
        html = render_html(build_page(input_path, rules))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ToolkitError(
            f"cannot write the report ({exc.strerror})", str(out), "Choose a writable path."
        ) from None
    return out


def _validation_page(path: Path) -> str | None:
    """The page for a validated table (the JSON ``validate`` writes), or None for other input."""
    if path.suffix.lower() != ".json":
        return None
    import json

    from toolkit.render.validation_html import is_validation_result, render_validation_html

    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError:
        return None
    if not is_validation_result(data):
        return None
    return render_validation_html(data, str(path))


def build_page(input_path: str | Path, rules: str | Path | Sequence[Rule] | None = None) -> Page:
    """Gather the page for an article or a claims table (see the module docstring)."""
    path = Path(input_path)
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        return _article_page(path, rules)
    return _table_page(path, rules)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise UnreadableInput("file not found", str(path), "Check the path.") from None
    except IsADirectoryError:
        raise UnreadableInput("is a folder, not a file", str(path), "Name a file.") from None
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"byte {exc.start} is not UTF-8", str(path), "Save the file as UTF-8."
        ) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file ({exc.strerror})", str(path)) from None


def _article_page(path: Path, rules: str | Path | Sequence[Rule] | None) -> Page:
    from toolkit.check.article import read_and_check

    done = read_and_check(path, rules)  # HTML is reduced to its text, scripts dropped
    text, result = done.text, done.report
    spans = {c.id: c.span for c in done.reading.claims if c.span is not None}
    evidence = {r.id: r.evidence_span for r in done.rules if r.evidence_span is not None}
    evidence.update(_stated(text, result, spans, skip=set(evidence)))
    return Page(
        _title(text, path), str(path), result, text, spans, evidence,
        done.reading.author, done.reading.publisher,
    )  # fmt: skip


def _table_page(path: Path, rules: str | Path | Sequence[Rule] | None) -> Page:
    from toolkit.check import check

    result = check(path, rules)
    title, text = _package(path)
    spans = _locate(text, result.claims) if text is not None else {}
    evidence = _stated(text, result, spans) if text is not None else {}
    authors = {c.author for c in result.claims if c.author}
    publishers = {c.publisher for c in result.claims if c.publisher}
    return Page(
        title or path.name, str(path), result, text, spans, evidence,
        ", ".join(sorted(authors)) or None, ", ".join(sorted(publishers)) or None,
    )  # fmt: skip


def _package(path: Path) -> tuple[str | None, str | None]:
    """The title and article text a ``datapackage.json`` beside the table names, if any."""
    descriptor = path.parent / "datapackage.json"
    if not descriptor.is_file():
        return None, None
    try:
        data: Any = json.loads(descriptor.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, None
    if not isinstance(data, dict):
        return None, None
    title = data.get("title") if isinstance(data.get("title"), str) else None
    for res in data.get("resources") or []:
        if isinstance(res, dict) and res.get("name") == "article":
            article = path.parent / str(res.get("path", ""))
            if article.is_file() and article.resolve().parent == path.parent.resolve():
                return title, _read(article)
    return title, None


def _find(text: str, needle: str, start: int = 0, end: int | None = None) -> int:
    """Case-insensitive ``str.find`` that treats straight and curly quotes alike."""
    if not needle:
        return -1
    hay = _fold(text[start:end])
    at = hay.find(_fold(needle))
    return -1 if at < 0 else start + at


def _fold(text: str) -> str:
    # One-to-one replacements only, so positions stay valid.
    return text.lower().translate(str.maketrans("“”‘’", "\"\"''"))


def _locate(text: str, claims: Sequence[Claim]) -> dict[str, tuple[int, int]]:
    """Each claim's span: its figure inside its quote, else the quote, else the figure alone."""
    out: dict[str, tuple[int, int]] = {}
    for c in claims:
        if c.span is not None:
            out[c.id] = c.span
            continue
        quote = (c.quote or "").strip(_QUOTES)
        q = _find(text, quote) if quote else -1
        if q >= 0:
            f = _find(text, c.text, q, q + len(quote)) if c.text else -1
            out[c.id] = (f, f + len(c.text)) if f >= 0 else (q, q + len(quote))
        elif c.text and len(c.text) > 2 and (f := _find(text, c.text)) >= 0:
            out[c.id] = (f, f + len(c.text))
    return out


def _stated(
    text: str | None,
    result: Report,
    spans: Mapping[str, tuple[int, int]],
    skip: set[str] | None = None,
) -> dict[str, tuple[int, int]]:
    """The sentence stating each rule: its note's words, else the sentence of its first figure."""
    if text is None:
        return {}
    from toolkit.extraction.sentences import split_sentences

    sentences = [(s.start, s.end) for s in split_sentences(text)]

    def sentence_at(pos: int) -> tuple[int, int]:
        for start, end in sentences:
            if start <= pos < end:
                return start, end
        return pos, pos

    out: dict[str, tuple[int, int]] = {}
    for check in result.checks:
        if skip and check.rule in skip:
            continue
        if check.evidence_span is not None:
            out[check.rule] = check.evidence_span
            continue
        note = re.sub(r"\s+", " ", (check.note or "").strip(_QUOTES))
        at = _find(text, note) if len(note) > 12 else -1
        if at >= 0:
            first, last = sentence_at(at), sentence_at(at + len(note) - 1)
            out[check.rule] = (first[0], max(last[1], at + len(note)))
        else:
            for cid in check.claims:
                if cid in spans:
                    out[check.rule] = sentence_at(spans[cid][0])
                    break
    return {k: v for k, v in out.items() if v[1] > v[0]}


def _title(text: str, path: Path) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 90 else line[:89].rstrip() + "…"
    return path.name
