"""``check`` on an article: extract → infer → check, in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit.check.report import Finding, Report
from toolkit.check.run import check_claims
from toolkit.rules.rule import Rule, load_rules

if TYPE_CHECKING:
    from toolkit.extraction.extract import ArticleReading

__all__ = ["ARTICLE_SUFFIXES", "ArticleCheck", "check_article", "is_article", "read_and_check"]

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def is_article(path: str | Path) -> bool:
    """Articles are text, Markdown or HTML files, or ``-`` for standard input."""
    return str(path) == "-" or Path(path).suffix.lower() in ARTICLE_SUFFIXES


@dataclass(frozen=True, slots=True)
class ArticleCheck:
    """An article as read and checked: its text, what was read from it, and the report."""

    name: str
    text: str
    reading: ArticleReading
    rules: tuple[Rule, ...]
    report: Report


def check_article(
    source: str | Path,
    rules: str | Path | Sequence[Rule] | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Report:
    """Read an article (path or ``-``), infer the relations its wording states, check them.

    ``rules`` adds hand-written rules over the extracted claim ids. Each
    inferred check carries its evidence (the sentence and its span); the
    report's findings include figures with no stated source and byline
    conflicts.
    """
    return read_and_check(source, rules, url, published).report


def read_and_check(
    source: str | Path,
    rules: str | Path | Sequence[Rule] | None = None,
    url: str | None = None,
    published: str | None = None,
) -> ArticleCheck:
    """``check_article`` keeping the text and the reading, for pages that show the article."""
    from toolkit.extraction.extract import read_article
    from toolkit.extraction.text import read_text

    article = read_text(source)
    reading = read_article(
        article.text,
        url=url or article.url,
        published=published or article.published,
        author=article.author,
        publisher=article.publisher,
    )
    found = [
        Rule.parse(r.id, r.expression, r.note, f"{article.name} (inferred)", r.quote, r.evidence)
        for r in reading.rules
    ]
    if isinstance(rules, str | Path):
        found += load_rules(rules)
    elif rules is not None:
        found += list(rules)
    findings = [
        Finding(f.code, f.message, (f.claim,) if f.claim else (), f.span) for f in reading.findings
    ]
    if article.decoding != "utf-8":
        from toolkit.extraction.findings import CODES, NOT_UTF8

        findings.insert(0, Finding(NOT_UTF8, CODES[NOT_UTF8].format(decoding="Windows-1252")))
    report = check_claims(reading.claims, found, source=article.name, findings=findings)
    return ArticleCheck(article.name, article.text, reading, tuple(found), report)
