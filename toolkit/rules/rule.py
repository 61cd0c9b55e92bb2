"""A named rule, and reading rules from a YAML/JSON rules file or mapping."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import RuleSyntaxError, UnreadableTable
from toolkit.rules.shapes import parse_rule_ids
from toolkit.rules.syntax import Expr

__all__ = ["Rule", "load_rules", "rules_from"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule to check: ``check`` is the expression as written, ``expression`` its tree.

    ``evidence`` is the sentence (text and character span) that states the
    relation, for rules inferred from an article.
    """

    id: str
    check: str
    expression: Expr
    note: str | None = None
    where: str | None = None
    evidence: str | None = None
    evidence_span: tuple[int, int] | None = None
    ids: tuple[str, ...] = ()

    @staticmethod
    def parse(
        id: str,
        check: str,
        note: str | None = None,
        where: str | None = None,
        evidence: str | None = None,
        evidence_span: tuple[int, int] | None = None,
    ) -> Rule:
        """Parse ``check``; a syntax error is re-raised located at ``where``."""
        try:
            expression, ids = parse_rule_ids(check)
        except RuleSyntaxError as exc:
            raise (exc.located(where) if where else exc) from None
        return Rule(id, check, expression, note, where, evidence, evidence_span, ids)


def rules_from(items: Any, origin: str) -> list[Rule]:
    """Rules from the parsed ``rules:`` list of a rules or claims file."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise UnreadableTable(
            "'rules' must be a list", origin, "Write rules: [{id: ..., check: ...}, ...]."
        )
    out: list[Rule] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"{origin} rule {n}"
        if isinstance(item, str):
            item = {"id": f"rule_{n}", "check": item}
        if not isinstance(item, Mapping) or "check" not in item:
            raise UnreadableTable(
                "a rule needs a 'check' expression", where, "Write {id: name, check: 'a <= b'}."
            )
        rule_id = str(item.get("id") or f"rule_{n}")
        if rule_id in seen:
            raise UnreadableTable(
                f"duplicate rule id {rule_id!r}", where, "Give each rule its own id."
            )
        seen.add(rule_id)
        note = item.get("note")
        out.append(
            Rule.parse(rule_id, str(item["check"]), None if note is None else str(note), where)
        )
    return out


def load_rules(path: str | Path) -> list[Rule]:
    """Read a rules file (YAML or JSON: ``rules: [{id, check, note?}]``)."""
    from toolkit.extraction.table import load_document

    data = load_document(Path(path))
    if isinstance(data, Mapping):
        items: Iterable[Any] | None = data.get("rules")
    else:
        items = data
    if items is None:
        raise UnreadableTable(
            "no 'rules' list", str(path), "Write rules: [{id: name, check: 'a <= b'}]."
        )
    return rules_from(items, str(path))
