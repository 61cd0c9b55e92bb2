"""The check report: claims, one result per rule, and a summary. Findings are data."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from toolkit.extraction.claim import Claim

__all__ = ["CheckResult", "Finding", "Report", "Verdict"]


class Verdict(enum.StrEnum):
    """A rule's verdict. Stable strings, used in every output format."""

    CONSISTENT = "consistent"
    UNCERTAIN = "uncertain"
    INCONSISTENT = "inconsistent"
    UNCHECKED = "unchecked"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The verdict on one rule, with the explanation a person reads."""

    rule: str
    expression: str
    claims: tuple[str, ...]
    verdict: Verdict
    explanation: str
    note: str | None = None
    saved_by: tuple[str, ...] = ()
    evidence: str | None = None
    evidence_span: tuple[int, int] | None = None
    where: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "expression": self.expression,
            "claims": list(self.claims),
            "verdict": self.verdict.value,
            "explanation": self.explanation,
            "note": self.note,
        }
        if self.saved_by:
            out["saved_by"] = list(self.saved_by)
        if self.evidence is not None:
            out["evidence"] = {"text": self.evidence, "span": list(self.evidence_span or ())}
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """Something about the input worth a person's attention that is not a rule verdict.

    ``code`` is a stable kebab-case string (``unattributed-figure``, ``byline-conflict``).
    """

    code: str
    message: str
    claims: tuple[str, ...] = ()
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "claims": list(self.claims),
            "span": list(self.span) if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything ``check`` found. ``to_dict()`` is the JSON contract."""

    source: str
    claims: tuple[Claim, ...]
    checks: tuple[CheckResult, ...]
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def summary(self) -> dict[str, int]:
        counts = {v.value: 0 for v in Verdict}
        for result in self.checks:
            counts[result.verdict.value] += 1
        return counts

    def failed(self, fail_on: str = "inconsistent") -> bool:
        """True when a verdict at or beyond ``fail_on`` (inconsistent|uncertain) is present."""
        bad = {Verdict.INCONSISTENT}
        if fail_on == "uncertain":
            bad.add(Verdict.UNCERTAIN)
        return any(r.verdict in bad for r in self.checks)

    def exit_code(self, fail_on: str = "inconsistent") -> int:
        return int(self.failed(fail_on))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "claims": [c.to_dict() for c in self.claims],
            "checks": [r.to_dict() for r in self.checks],
            "summary": self.summary,
        }
        if self.findings:
            out["findings"] = [f.to_dict() for f in self.findings]
        return out
