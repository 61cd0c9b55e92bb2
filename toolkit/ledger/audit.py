"""Verifying a ledger: its stored bytes, its hash chain, its checkpoints.

The audit hashes the bytes exactly as stored (never a re-serialisation), so
one changed byte is found. Per row it checks, in order: the position follows
the last one (a gap is a deleted entry), SHA-256(0x00 ‖ bytes) equals the
stored leaf hash (an edit), and the chain hash follows from the previous one
(an entry moved, inserted or removed before it). The Merkle root is then
held to every checkpoint the ledger signed and to a checkpoint file the
caller trusts: a smaller log than a checkpoint is a truncation, a different
root a rewrite or a fork. Findings are results; nothing here raises for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolkit.errors import LedgerError, LedgerTampered
from toolkit.ledger.entries import Sealed
from toolkit.ledger.merkle import CompactRange, leaf_hash
from toolkit.ledger.notes import Checkpoint, key_name, verify_checkpoint
from toolkit.ledger.store import GENESIS_CHAIN, Store, chain_hash

__all__ = ["AuditReport", "Finding", "audit"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing wrong with the ledger; ``seq``/``entry`` name the first bad entry if known."""

    code: str
    message: str
    seq: int | None = None
    entry: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "seq": self.seq, "entry": self.entry}


@dataclass(frozen=True, slots=True)
class AuditReport:
    """What ``verify`` found: the size and root it recomputed, and any findings."""

    location: str
    size: int
    root: bytes
    checkpoints: int
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def valid(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "ledger": self.location,
            "tree_size": self.size,
            "root_hash": self.root.hex(),
            "checkpoints_checked": self.checkpoints,
            "findings": [f.to_dict() for f in self.findings],
        }


def _scan(store: Store, sizes: set[int]) -> tuple[int, bytes, dict[int, bytes], Finding | None]:
    """Walk the rows: (entries that check out, their root, roots at ``sizes``, first finding)."""
    rng = CompactRange()
    chain = GENESIS_CHAIN
    roots: dict[int, bytes] = {}
    expected = 0
    if 0 in sizes:
        roots[0] = rng.root()
    for row in store.rows():
        if row.seq != expected:
            return (
                expected,
                rng.root(),
                roots,
                Finding(
                    "entry-missing",
                    f"entry #{expected} is missing: "
                    f"the log goes from #{expected - 1} to #{row.seq}",
                    expected,
                ),
            )
        leaf = leaf_hash(row.data)
        if leaf != row.leaf:
            name = f"entry #{row.seq} ({row.id})"  # named only when it fails: 10^6 rows pass
            return (
                expected,
                rng.root(),
                roots,
                Finding(
                    "entry-edited",
                    f"{name} was edited: its stored bytes hash to {leaf.hex()[:16]}…, "
                    f"not the leaf hash {row.leaf.hex()[:16]}… it was appended with",
                    row.seq,
                    row.id,
                ),
            )
        chain = chain_hash(chain, leaf)
        if chain != row.chain:
            name = f"entry #{row.seq} ({row.id})"
            return (
                expected,
                rng.root(),
                roots,
                Finding(
                    "entry-out-of-place",
                    f"{name} does not follow entry #{row.seq - 1}: the hash chain breaks here "
                    "(an entry was moved, inserted, rewritten or removed at this point)",
                    row.seq,
                    row.id,
                ),
            )
        rng.append(leaf)
        expected += 1
        if expected in sizes:
            roots[expected] = rng.root()
    return expected, rng.root(), roots, None


def _hold_to(
    cp: Checkpoint, label: str, good: int, roots: dict[int, bytes], origin: str
) -> Finding | None:
    if cp.origin != origin:
        return Finding(
            "wrong-log", f"{label} is for the log {cp.origin!r}, this ledger is {origin!r}"
        )
    if cp.size > good:
        return Finding(
            "log-truncated",
            f"{label} covers {cp.size} entries but only {good} check out: "
            f"entry #{good} onwards is missing (the log was truncated)",
            good,
        )
    if roots.get(cp.size) != cp.root:
        return Finding(
            "log-forked",
            f"the first {cp.size} entries do not hash to the root in {label}: "
            f"the log was rewritten or forked at or before entry #{cp.size - 1}",
            cp.size - 1,
        )
    return None


def audit(
    store: Store,
    against: tuple[str, str] | None = None,
    trusted_key: str | None = None,
) -> AuditReport:
    """Verify ``store``; ``against`` is (checkpoint text, where it came from).

    ``trusted_key`` is the verifier key to check signatures with; without it
    each checkpoint is checked with the key the ledger stored beside it.
    """
    origin = store.origin()
    stored = store.checkpoints()
    findings: list[Finding] = []
    held: list[tuple[Checkpoint, str]] = []
    for sc in stored:
        label = f"the ledger's checkpoint at size {sc.size}"
        try:
            held.append((verify_checkpoint(sc.note, trusted_key or sc.vkey, f"in {label}"), label))
        except LedgerTampered as exc:
            findings.append(Finding("bad-signature", f"{label}: {exc.what}"))
    if against is not None:
        text, where = against
        key = trusted_key or _key_for(text, [sc.vkey for sc in stored], where)
        label = f"the checkpoint {where}"
        try:
            held.append((verify_checkpoint(text, key, f"in {where}"), label))
        except LedgerTampered as exc:
            findings.append(Finding("bad-signature", f"{label}: {exc.what}"))
    good, root, roots, finding = _scan(store, {cp.size for cp, _ in held})
    if finding is not None:
        findings.insert(0, finding)
    for cp, label in held:
        if finding is not None and cp.size > good:
            continue  # the scan already named the first bad entry; past it nothing checks out
        problem = _hold_to(cp, label, good, roots, origin)
        if problem is not None:
            findings.append(problem)
    for digest, (salt, text) in store.personal().items():
        if Sealed.digest_of(text, salt) != digest:
            findings.append(
                Finding("personal-edited", f"the sealed value {digest[:12]}… was altered")
            )
    return AuditReport(store.location, good, root, len(held), tuple(findings))


def _key_for(text: str, keys: list[str], where: str) -> str:
    names = [line.split(" ")[1] for line in text.split("\n") if line.startswith("\u2014 ")]
    for key in keys:
        if key_name(key) in names:
            return key
    raise LedgerError(
        "no key to check this checkpoint's signature with",
        where,
        "Pass the signer's verifier key with --key (the .pub file from ledger keygen).",
    )
