"""What makes the ledger trustworthy to others: keys, signed checkpoints, verification, proofs.

``keygen`` writes an Ed25519 key pair; ``checkpoint`` verifies the ledger and signs its size
and root (a C2SP signed note); ``verify`` checks every stored byte, the hash chain and the
checkpoints; ``prove`` and ``prove_consistency`` give RFC 9162 inclusion and consistency
proofs. ``api`` names them with the other operations.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import LedgerError, LedgerTampered, UnreadableInput
from toolkit.ledger.audit import AuditReport, audit
from toolkit.ledger.merkle import MerkleTree
from toolkit.ledger.notes import KeyPair, generate_keys, read_key, sign_checkpoint, verifier_of
from toolkit.ledger.store import Ledger, open_store

__all__ = [
    "ConsistencyProof",
    "InclusionProof",
    "checkpoint",
    "keygen",
    "prove",
    "prove_consistency",
    "verify",
]

DEFAULT_KEY = Path(".claimledger") / "claimledger.key"


def keygen(name: str = "claimledger", folder: str | Path = ".claimledger") -> tuple[Path, Path]:
    """Write a new Ed25519 key pair as ``NAME.key`` (secret) and ``NAME.pub``; refuse to
    overwrite."""
    pair: KeyPair = generate_keys(name)
    folder = Path(folder)
    secret, public = folder / f"{name}.key", folder / f"{name}.pub"
    if secret.exists():
        raise LedgerError(
            "a signer key already exists", str(secret), "Choose another --name or folder."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(pair.signer + "\n")
        public.write_text(pair.verifier + "\n", encoding="utf-8")
    except OSError as exc:
        raise LedgerError(f"cannot write the key ({exc.strerror})", str(folder)) from exc
    return secret, public


def _signer(key: str | Path | None) -> tuple[str, str]:
    path = key or os.environ.get("CLAIMLEDGER_KEY") or DEFAULT_KEY
    return read_key(path, "signer key"), str(path)


def checkpoint(ledger: Ledger = None, key: str | Path | None = None) -> str:
    """Verify the ledger, then sign and store a checkpoint of it; return the signed note."""
    signer, _ = _signer(key)
    with open_store(ledger) as store:
        report = audit(store)
        if not report.valid:
            first = report.findings[0]
            raise LedgerTampered(
                f"refusing to sign a tampered ledger: {first.message}",
                store.location,
                "Run claimledger ledger verify.",
            )
        note = sign_checkpoint(store.origin(), report.size, report.root, signer)
        store.add_checkpoint(report.size, note, verifier_of(signer))
        return note


def verify(
    ledger: Ledger = None, against: str | Path | None = None, key: str | Path | None = None
) -> AuditReport:
    """Check every stored byte, the hash chain, stored checkpoints and ``against`` (a file)."""
    cp = None
    if against is not None:
        try:
            cp = (Path(against).read_text(encoding="utf-8"), str(against))
        except (OSError, UnicodeDecodeError) as exc:
            raise UnreadableInput(f"cannot read the checkpoint ({exc})", str(against)) from exc
    trusted = read_key(key, "verifier key") if key is not None else None
    with open_store(ledger) as store:
        return audit(store, cp, trusted)


@dataclass(frozen=True, slots=True)
class InclusionProof:
    """That one entry is leaf ``leaf_index`` of the tree of ``tree_size`` with ``root_hash``."""

    leaf_index: int
    tree_size: int
    leaf_hash: bytes
    root_hash: bytes
    audit_path: tuple[bytes, ...] = field(default_factory=tuple)
    entry: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry": self.entry,
            "leaf_index": self.leaf_index,
            "tree_size": self.tree_size,
            "leaf_hash": self.leaf_hash.hex(),
            "root_hash": self.root_hash.hex(),
            "audit_path": [h.hex() for h in self.audit_path],
        }


@dataclass(frozen=True, slots=True)
class ConsistencyProof:
    """That the tree of ``old_size`` is a prefix of the tree of ``tree_size``."""

    old_size: int
    tree_size: int
    old_root: bytes
    root_hash: bytes
    proof: tuple[bytes, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_size": self.old_size,
            "tree_size": self.tree_size,
            "old_root_hash": self.old_root.hex(),
            "root_hash": self.root_hash.hex(),
            "proof": [h.hex() for h in self.proof],
        }


def prove(entry: str, ledger: Ledger = None, size: int | None = None) -> InclusionProof:
    """The inclusion proof of ``entry`` (its id or leaf index) in the tree of ``size``."""
    with open_store(ledger) as store:
        row = store.find(entry)
        if row is None:
            raise LedgerError(
                f"no entry {entry!r} in the ledger",
                store.location,
                "Name an entry by its id or leaf index (see claimledger ledger log).",
            )
        tree = MerkleTree(store.leaves())
    size = tree.size if size is None else size
    if not row.seq < size <= tree.size:
        raise LedgerError(
            f"entry #{row.seq} is not in a tree of {size}", None, f"Use 1..{tree.size}."
        )
    return InclusionProof(
        row.seq,
        size,
        row.leaf,
        tree.root(size),
        tuple(tree.inclusion_proof(row.seq, size)),
        row.id,
    )


def prove_consistency(old: int, ledger: Ledger = None, size: int | None = None) -> ConsistencyProof:
    """The consistency proof from the tree of ``old`` entries to the tree of ``size``."""
    with open_store(ledger) as store:
        tree = MerkleTree(store.leaves())
    size = tree.size if size is None else size
    if not 0 <= old <= size <= tree.size:
        raise LedgerError(
            f"cannot prove {old} → {size}", f"the ledger has {tree.size} entries", None
        )
    return ConsistencyProof(
        old, size, tree.root(old), tree.root(size), tuple(tree.consistency_proof(old, size))
    )
