"""``check``: claims and rules in, a ``Report`` out."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from toolkit.check.judge import judge
from toolkit.check.report import Finding, Report
from toolkit.errors import UnknownClaim
from toolkit.extraction.claim import Claim
from toolkit.extraction.table import ClaimsTable, read_claims
from toolkit.rules.rule import Rule, load_rules, rules_from
from toolkit.rules.syntax import names

__all__ = ["check", "check_claims"]


def check(
    claims: str | Path | ClaimsTable,
    rules: str | Path | Sequence[Rule] | None = None,
) -> Report:
    """Check a claims table against rules.

    ``claims`` is a path to a claims table (CSV, JSON, YAML) or a table
    already read. ``rules`` is a rules file, a list of ``Rule``, or None to
    use only the rules carried inside the claims file. Raises
    ``ToolkitError`` subclasses for unreadable input and unknown ids.
    """
    table = claims if isinstance(claims, ClaimsTable) else read_claims(claims)
    found = rules_from(table.rules, table.path)
    if isinstance(rules, str | Path):
        found += load_rules(rules)
    elif rules is not None:
        found += list(rules)
    return check_claims(table.claims, found, source=table.path)


def check_claims(
    claims: Sequence[Claim],
    rules: Iterable[Rule],
    source: str = "<claims>",
    findings: Sequence[Finding] = (),
) -> Report:
    """Check rules over claims already read. Every id a rule names must be a claim."""
    by_id = {c.id: c for c in claims}
    rules = list(rules)
    for rule in rules:
        for name in rule.ids or names(rule.expression):
            if name not in by_id:
                raise _unknown(name, rule, by_id)
    results = tuple(judge(rule, by_id) for rule in rules)
    return Report(source, tuple(claims), results, tuple(findings))


def _unknown(name: str, rule: Rule, by_id: dict[str, Claim]) -> UnknownClaim:
    close = difflib.get_close_matches(name, list(by_id), n=3, cutoff=0.6)
    if close:
        fix = f"Did you mean {', '.join(repr(c) for c in close)}?"
    else:
        sample = ", ".join(list(by_id)[:8]) or "none"
        fix = f"Known ids: {sample}{', …' if len(by_id) > 8 else ''}."
    where = rule.where or f"rule {rule.id!r}"
    return UnknownClaim(f"rule {rule.id!r} names {name!r}, which is not a claim id", where, fix)
