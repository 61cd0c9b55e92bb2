"""The Merkle tree against the RFC 9162 probes in shared/vectors/merkle and a naive reference."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.ledger.merkle import (
    EMPTY_ROOT,
    CompactRange,
    InvalidProof,
    MerkleTree,
    leaf_hash,
    node_hash,
    verify_consistency,
    verify_inclusion,
)

VECTORS = Path(__file__).resolve().parents[2].parent / "shared" / "vectors" / "merkle" / "testdata"


def _vectors(kind: str) -> list[Path]:
    return sorted((VECTORS / kind).rglob("*.json"))


def _b64(value: str | None) -> bytes:
    return base64.b64decode(value or "")


def _proof(value: list[str] | None) -> list[bytes]:
    return [_b64(p) for p in value or []]


def _name(path: Path) -> str:
    return str(path.relative_to(VECTORS))


@pytest.mark.parametrize("path", _vectors("inclusion"), ids=_name)
def test_inclusion_probe(path: Path) -> None:
    v = json.loads(path.read_text())
    args = (v["leafIdx"], v["treeSize"], _b64(v["leafHash"]), _proof(v["proof"]), _b64(v["root"]))
    if v["wantErr"]:
        with pytest.raises(InvalidProof):
            verify_inclusion(*args)
    else:
        verify_inclusion(*args)


@pytest.mark.parametrize("path", _vectors("consistency"), ids=_name)
def test_consistency_probe(path: Path) -> None:
    v = json.loads(path.read_text())
    args = (v["size1"], v["size2"], _proof(v["proof"]), _b64(v["root1"]), _b64(v["root2"]))
    if v["wantErr"]:
        with pytest.raises(InvalidProof):
            verify_consistency(*args)
    else:
        verify_consistency(*args)


def test_all_probes_present() -> None:
    assert len(_vectors("inclusion")) + len(_vectors("consistency")) == 196


def _reference_root(leaves: list[bytes]) -> bytes:
    """MTH straight from RFC 9162 §2.1.1."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1 << ((len(leaves) - 1).bit_length() - 1)
    return node_hash(_reference_root(leaves[:k]), _reference_root(leaves[k:]))


def _leaves(n: int) -> list[bytes]:
    return [leaf_hash(str(i).encode()) for i in range(n)]


def test_empty_root_is_sha256_of_nothing() -> None:
    assert MerkleTree(b"").root() == EMPTY_ROOT == CompactRange().root()


@given(st.integers(min_value=1, max_value=70), st.data())
def test_proofs_round_trip(n: int, data: st.DataObject) -> None:
    leaves = _leaves(n)
    tree = MerkleTree(leaves)
    size = data.draw(st.integers(min_value=1, max_value=n))
    index = data.draw(st.integers(min_value=0, max_value=size - 1))
    old = data.draw(st.integers(min_value=1, max_value=size))
    root = tree.root(size)
    assert root == _reference_root(leaves[:size])
    rng = CompactRange()
    for leaf in leaves[:size]:
        rng.append(leaf)
    assert rng.root() == root
    verify_inclusion(index, size, leaves[index], tree.inclusion_proof(index, size), root)
    proof = tree.consistency_proof(old, size)
    verify_consistency(old, size, proof, tree.root(old), root)
    if old < size:
        with pytest.raises(InvalidProof):
            verify_consistency(old, size, proof, tree.root(old), tree.root(old))


def test_inclusion_proof_length_is_ceil_log2() -> None:
    tree = MerkleTree(_leaves(1000))
    assert len(tree.inclusion_proof(0)) == 10
