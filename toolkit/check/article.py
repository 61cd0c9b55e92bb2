"""``check`` on an article: extract → infer → check, in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from toolkit.check.report import Finding, Report
from toolkit.check.run import check_claims
from toolkit.rules.rule import Rule, load_rules

__all__ = ["ARTICLE_SUFFIXES", "check_article", "is_article"]

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def is_article(path: str | Path) -> bool:
    """Articles are text, Markdown or HTML files, or ``-`` for standard input."""
    return str(path) == "-" or Path(path).suffix.lower() in ARTICLE_SUFFIXES


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
    from toolkit.extraction.extract import read_article
    from toolkit.extraction.text import read_text

    article = read_text(source)
    reading = read_article(article.text, url=url, published=published)
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
    return check_claims(reading.claims, found, source=article.name, findings=findings)
