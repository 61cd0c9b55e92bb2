"""Checking many inputs: folders expanded to their articles and tables, one report each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from toolkit.check.article import ARTICLE_SUFFIXES, check_article, is_article
from toolkit.check.report import Report
from toolkit.check.run import check
from toolkit.errors import UnreadableInput

__all__ = ["TABLE_SUFFIXES", "check_many", "check_one", "expand"]

TABLE_SUFFIXES = {".csv", ".tsv", ".json", ".yaml", ".yml"}
#: Project files that sit in data folders but are not articles.
_NOT_ARTICLES = ("README", "SOURCE", "LICENSE", "CHANGELOG", "NOTICE")
_SIBLING_RULES = ("rules.yaml", "rules.yml", "rules.json")


def expand(inputs: Sequence[Path]) -> list[Path]:
    """Files as given; folders replaced by the articles and claims tables inside, sorted."""
    out: list[Path] = []
    for path in inputs:
        if str(path) != "-" and path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES | TABLE_SUFFIXES
                and not p.name.startswith(".")
                and not _is_rules_file(p)
                and not p.stem.upper().startswith(_NOT_ARTICLES)
            )
            if not found:
                raise UnreadableInput(
                    "no articles or claims tables in this folder",
                    str(path),
                    "Add .txt, .md, .html articles or .csv, .json, .yaml claims tables.",
                )
            out.extend(found)
        else:
            out.append(path)
    return out


def _is_rules_file(path: Path) -> bool:
    """Rules files and data-package descriptors sit beside tables but are not tables."""
    stem = path.stem.lower()
    return stem in ("rules", "datapackage") or stem.endswith((".rules", "-rules", "_rules"))


def check_one(path: Path, rules: Path | None = None, *, sibling_rules: bool = False) -> Report:
    """An article or a claims table, by its suffix.

    With ``sibling_rules`` (folders), a table without ``rules`` uses the
    ``rules.yaml`` beside it, so a dataset folder checks as its author meant.
    """
    if is_article(path):
        return check_article(path, rules)
    if rules is None and sibling_rules:
        rules = next((path.parent / n for n in _SIBLING_RULES if (path.parent / n).is_file()), None)
    return check(path, rules)


def check_many(
    paths: Sequence[Path],
    rules: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Report]:
    """One report per input, in order; ``progress`` is told how many are done.

    Tables in a batch use the rules file beside them when ``rules`` is not given.
    """
    reports = []
    for n, path in enumerate(paths, 1):
        reports.append(check_one(path, rules, sibling_rules=len(paths) > 1))
        if progress is not None:
            progress(n)
    return reports
