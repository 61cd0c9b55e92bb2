"""The validation report: one entry per check (rule, expectation, schema), failing rows as data.

``to_dict()`` is the JSON contract::

    {"valid", "rows", "checks": [{"name", "kind": "rule|expectation|schema",
                                  "failed", "unchecked",
                                  "failures": [{"row", "line", "values", "explanation"}]}]}

``failures`` is capped (``max_failures``); ``failed`` and ``unchecked`` never are.
Finding codes (stable, kebab-case) are defined here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "CODES",
    "CheckOutcome",
    "Failure",
    "Kind",
    "ValidationReport",
]

Kind = Literal["rule", "expectation", "schema"]

#: Stable codes for what a failure is about (the ``code`` of a ``Failure``).
CODES = {
    "rule-inconsistent": "the row's cells cannot satisfy the rule, even read loosely",
    "not-a-number": "a cell a rule needs is not a number",
    "malformed-row": "a row cannot be read as a row of the table",
    "expectation-failed": "a Great Expectations expectation fails on the row",
    "schema-violation": "a cell or column breaks the claims-table contract",
}


@dataclass(frozen=True, slots=True)
class Failure:
    """One failing row (``row`` 1-based among data rows, ``line`` in the file) or column."""

    row: int | None
    line: int | None
    values: tuple[tuple[str, Any], ...]
    explanation: str
    code: str = "rule-inconsistent"

    def to_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "line": self.line,
            "values": dict(self.values),
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """The result of one check over the table; ``uncertain`` rows pass (as in ``check``)."""

    name: str
    kind: Kind
    failed: int
    unchecked: int
    failures: tuple[Failure, ...] = ()
    uncertain: int = 0

    @property
    def passed(self) -> bool:
        return self.failed == 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "failed": self.failed,
            "unchecked": self.unchecked,
            "failures": [f.to_dict() for f in self.failures],
        }


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Everything ``validate`` found; ``provenance`` names the table's source and version."""

    source: str
    rows: int
    checks: tuple[CheckOutcome, ...]
    engine: str = "polars"
    provenance: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def exit_code(self) -> int:
        return int(not self.valid)

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "rows": self.rows,
            "checks": [c.to_dict() for c in self.checks],
        }
