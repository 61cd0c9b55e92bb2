"""``check``: claims and rules in, a ``Report`` out."""

from __future__ import annotations

import difflib
import itertools
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from toolkit.bulk import no_cyclic_gc
from toolkit.check.judge import judge, with_verdict
from toolkit.check.report import CheckResult, Finding, Report, Verdict
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
    with no_cyclic_gc():  # a table of 100,000 claims: a fifth of the time, here
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
    return Report(source, tuple(claims), _judge_all(rules, by_id), tuple(findings))


#: Below this many rules one process is fastest; above it, judging is spread over the cores.
PARALLEL_MIN_RULES = 20_000
_SHARED: tuple[list[Rule], dict[str, Claim]] | None = None


def _workers(n_rules: int) -> int:
    setting = os.environ.get("CLAIMLEDGER_WORKERS")
    if setting is not None and setting.isdigit():
        return max(1, int(setting))
    if n_rules < PARALLEL_MIN_RULES or sys.platform == "win32":
        return 1
    return min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1, 8)


def _judge_all(rules: list[Rule], by_id: dict[str, Claim]) -> tuple[CheckResult, ...]:
    """Judge every rule; large rule sets are split over forked workers, same order, same results.

    Workers inherit the claims and rules through ``fork`` (nothing is pickled on the way in),
    and each rule's verdict depends only on its claims, so the split cannot change a verdict.
    """
    workers = _workers(len(rules))
    if workers < 2:
        return tuple(judge(rule, by_id) for rule in rules)
    import multiprocessing  # only for large rule sets: 15 ms of every start otherwise

    if "fork" not in multiprocessing.get_all_start_methods():
        return tuple(judge(rule, by_id) for rule in rules)
    global _SHARED
    _SHARED = (rules, by_id)
    try:
        size = -(-len(rules) // (workers * 2))
        bounds = [(start, min(start + size, len(rules))) for start in range(0, len(rules), size)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_judge_range, bounds)
    finally:
        _SHARED = None
    # Only what a worker found comes back (verdict, explanation, the claims that saved it):
    # the rest of each result is the rule's, already here. Pickling whole results cost
    # as much as judging in parallel saved.
    found = itertools.chain.from_iterable(parts)
    return tuple(
        with_verdict(rule, Verdict(verdict), text, saved)
        for rule, (verdict, text, saved) in zip(rules, found, strict=True)
    )


def _judge_range(bounds: tuple[int, int]) -> list[tuple[str, str, tuple[str, ...]]]:
    assert _SHARED is not None
    rules, by_id = _SHARED
    judged = (judge(rule, by_id) for rule in rules[bounds[0] : bounds[1]])
    return [(r.verdict.value, r.explanation, r.saved_by) for r in judged]


def _unknown(name: str, rule: Rule, by_id: dict[str, Claim]) -> UnknownClaim:
    close = difflib.get_close_matches(name, list(by_id), n=3, cutoff=0.6)
    if close:
        fix = f"Did you mean {', '.join(repr(c) for c in close)}?"
    else:
        sample = ", ".join(list(by_id)[:8]) or "none"
        fix = f"Known ids: {sample}{', …' if len(by_id) > 8 else ''}."
    where = rule.where or f"rule {rule.id!r}"
    return UnknownClaim(f"rule {rule.id!r} names {name!r}, which is not a claim id", where, fix)
