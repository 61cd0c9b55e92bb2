"""The provenance ledger: who stated, reported and published each figure, append-only and provable.

Entries (agents, documents, figure assertions, relations, check results,
corrections, redactions) are RFC 8785 canonical JSON, hashed into an RFC 9162
Merkle tree, stored in SQLite or PostgreSQL and signed in C2SP checkpoints.
A figure's chain and current value are views rebuilt from the entries.
"""

from __future__ import annotations

from toolkit.ledger.api import (
    ConsistencyProof,
    InclusionProof,
    LogLine,
    Recorded,
    checkpoint,
    correct,
    export,
    keygen,
    log,
    prove,
    prove_consistency,
    record,
    record_checks,
    record_claims,
    record_report,
    record_validation,
    show,
    verify,
)
from toolkit.ledger.audit import AuditReport, Finding
from toolkit.ledger.claims import Attribution
from toolkit.ledger.views import FigureChain, Link

__all__ = [
    "Attribution",
    "AuditReport",
    "ConsistencyProof",
    "FigureChain",
    "Finding",
    "InclusionProof",
    "Link",
    "LogLine",
    "Recorded",
    "checkpoint",
    "correct",
    "export",
    "keygen",
    "log",
    "prove",
    "prove_consistency",
    "record",
    "record_checks",
    "record_claims",
    "record_report",
    "record_validation",
    "show",
    "verify",
]
