"""The rule language over a table: every row judged as ``check`` judges a claim.

Column names are identifiers (quote odd ones: ``"Share Women"``). A row is
``consistent`` when the strict reading of its cells can satisfy the rule,
``uncertain`` when only the lenient reading can (it passes, as in ``check``),
``inconsistent`` when not even that can (a failure), ``unchecked`` when a cell
is empty or a divisor may be zero. A cell that is not a number is a failure
(``not-a-number``), never a crash and never a column turned to text.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from toolkit.check.report import Verdict
from toolkit.errors import ToolkitError
from toolkit.rules.syntax import names, parse_rule
from toolkit.validate.engines import EXACT, OK, STRICT_FALSE, UNCHECKED, RuleSpec, run_engine
from toolkit.validate.exact import explain_row, judge_row
from toolkit.validate.intervals import FALSE
from toolkit.validate.read import LINE, ROW, Malformed, Table
from toolkit.validate.report import CheckOutcome, Failure

__all__ = ["UnknownColumn", "check_rules", "prepare_rules"]


class UnknownColumn(ToolkitError):
    """A rule names a column the table does not have."""


def prepare_rules(texts: Sequence[str], columns: Sequence[str], where: str) -> list[RuleSpec]:
    """Parse rules, check the columns they name. Raises ``RuleSyntaxError``, ``UnknownColumn``."""
    specs = []
    for text in texts:
        expr = parse_rule(text)
        used = tuple(names(expr))
        for name in used:
            if name not in columns:
                close = difflib.get_close_matches(name, list(columns), n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                raise UnknownColumn(
                    f"rule {text!r} names column {name!r}, which {where} does not have",
                    None,
                    f'Columns: {", ".join(columns)}.{hint} Quote names with spaces: "Share Women".',
                )
        specs.append(RuleSpec(text, expr, used))
    return specs


def check_rules(
    table: Table,
    specs: Sequence[RuleSpec],
    engine: str = "auto",
    spark_master: str | None = None,
    max_failures: int = 20,
    provenance: str | None = None,
) -> tuple[int, list[CheckOutcome], tuple[Malformed, ...]]:
    """Run ``specs`` over ``table``: the row count, one outcome per rule, unreadable rows.

    The unreadable rows are those of the reading the engine ended up using (a file
    that looked clean may turn out to need the forgiving reader).
    """
    flagged = run_engine(engine, table, specs, spark_master)
    records = sorted(flagged.records, key=lambda r: int(r[ROW]))
    outcomes = []
    for i, spec in enumerate(specs):
        failed = unchecked = uncertain = 0
        failures: list[Failure] = []
        for record in records:
            verdict, note = _verdict(spec, record, i)
            if verdict is Verdict.UNCHECKED:
                unchecked += 1
            elif verdict is Verdict.UNCERTAIN:
                uncertain += 1
            elif verdict is Verdict.INCONSISTENT:
                failed += 1
                if len(failures) < max_failures:
                    failures.append(_failure(spec, record, note, provenance))
        outcomes.append(
            CheckOutcome(spec.text, "rule", failed, unchecked, tuple(failures), uncertain)
        )
    return flagged.rows, outcomes, flagged.malformed


def _verdict(spec: RuleSpec, record: dict[str, Any], i: int) -> tuple[Verdict, str | None]:
    status = int(record[f"s{i}"])
    if status == OK:
        return Verdict.CONSISTENT, None
    if status == UNCHECKED:
        return Verdict.UNCHECKED, None
    if status == STRICT_FALSE and not record[f"ln{i}"]:
        if record[f"ld{i}"] or int(record[f"lt{i}"]) != FALSE:
            return Verdict.UNCERTAIN, None
        return Verdict.INCONSISTENT, None
    assert status in (EXACT, STRICT_FALSE)
    row = judge_row(spec.expr, {c: record[c] for c in spec.columns})
    return row.verdict, row.unreadable


def _failure(
    spec: RuleSpec, record: dict[str, Any], note: str | None, provenance: str | None
) -> Failure:
    cells = {c: record[c] for c in spec.columns}
    text = f"{note}." if note else explain_row(spec.expr, spec.text, cells)
    if provenance:
        text += f" {provenance}."
    line = record.get(LINE)
    return Failure(
        int(record[ROW]),
        None if line is None else int(line),
        tuple(cells.items()),
        text,
        "not-a-number" if note else "rule-inconsistent",
    )
