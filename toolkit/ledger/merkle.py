"""The RFC 9162 Merkle tree: hashes, roots, inclusion and consistency proofs.

Leaf hash = SHA-256(0x00 ‖ entry bytes); node = SHA-256(0x01 ‖ left ‖ right);
the empty tree's root is SHA-256(""). ``MerkleTree`` keeps every complete
(power-of-two, aligned) subtree of the leaves, one ``bytes`` blob per level,
so a proof at any tree size costs O(log N) lookups and no leaf is rehashed.
The verifiers follow RFC 9162 §2.1.3.2 and §2.1.4.2 and raise
``InvalidProof`` with the reason when a proof does not hold.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from toolkit.errors import LedgerTampered

__all__ = [
    "EMPTY_ROOT",
    "CompactRange",
    "InvalidProof",
    "MerkleTree",
    "leaf_hash",
    "node_hash",
    "root_of",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
_sha256 = hashlib.sha256


class InvalidProof(LedgerTampered):
    """A Merkle proof does not prove what it claims."""

    def __init__(self, what: str) -> None:
        super().__init__(what, "in the Merkle proof")


def leaf_hash(data: bytes) -> bytes:
    return _sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return _sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than ``n`` (``n`` ≥ 2)."""
    return 1 << ((n - 1).bit_length() - 1)


class CompactRange:
    """The root of a growing tree from its perfect subtrees: O(1) amortised per leaf."""

    __slots__ = ("_hashes", "_sizes", "size")

    def __init__(self) -> None:
        self._hashes: list[bytes] = []
        self._sizes: list[int] = []
        self.size = 0

    def append(self, leaf: bytes) -> None:
        hashes, sizes = self._hashes, self._sizes
        hashes.append(leaf)
        sizes.append(1)
        while len(sizes) > 1 and sizes[-1] == sizes[-2]:
            right = hashes.pop()
            sizes.pop()
            hashes[-1] = _sha256(b"\x01" + hashes[-1] + right).digest()
            sizes[-1] *= 2
        self.size += 1

    def root(self) -> bytes:
        if not self._hashes:
            return EMPTY_ROOT
        result = self._hashes[-1]
        for h in reversed(self._hashes[:-1]):
            result = node_hash(h, result)
        return result


def root_of(leaves: Iterable[bytes]) -> bytes:
    """The root hash of a tree with these leaf hashes."""
    rng = CompactRange()
    for leaf in leaves:
        rng.append(leaf)
    return rng.root()


class MerkleTree:
    """A tree over fixed leaf hashes, answering roots and proofs at any size up to ``size``."""

    def __init__(self, leaves: Sequence[bytes] | bytes) -> None:
        blob = leaves if isinstance(leaves, bytes) else b"".join(leaves)
        if len(blob) % HASH_SIZE:
            raise ValueError("leaf hashes must be 32 bytes each")
        self.size = len(blob) // HASH_SIZE
        self._levels: list[bytes] = [blob]
        while len(self._levels[-1]) >= 2 * HASH_SIZE:
            level = self._levels[-1]
            pairs = len(level) // (2 * HASH_SIZE)
            self._levels.append(
                b"".join(
                    _sha256(b"\x01" + level[64 * i : 64 * i + 64]).digest() for i in range(pairs)
                )
            )

    def leaf(self, index: int) -> bytes:
        return self._levels[0][HASH_SIZE * index : HASH_SIZE * (index + 1)]

    def _hash(self, start: int, end: int) -> bytes:
        """MTH(D[start:end]) for a range the RFC's decomposition produces."""
        n = end - start
        if n == 0:
            return EMPTY_ROOT
        if n & (n - 1) == 0:
            level = n.bit_length() - 1
            i = start >> level
            return self._levels[level][HASH_SIZE * i : HASH_SIZE * (i + 1)]
        k = _split(n)
        return node_hash(self._hash(start, start + k), self._hash(start + k, end))

    def _check_size(self, size: int) -> None:
        if not 0 <= size <= self.size:
            raise InvalidProof(f"tree size {size} is outside 0..{self.size}")

    def root(self, size: int | None = None) -> bytes:
        size = self.size if size is None else size
        self._check_size(size)
        return self._hash(0, size)

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        """PATH(index, D[size]): the audit path of leaf ``index`` in the tree of ``size`` leaves."""
        size = self.size if size is None else size
        self._check_size(size)
        if not 0 <= index < size:
            raise InvalidProof(f"leaf index {index} is outside a tree of {size}")
        path: list[bytes] = []
        start, end = 0, size
        while end - start > 1:
            k = _split(end - start)
            if index < start + k:
                path.append(self._hash(start + k, end))
                end = start + k
            else:
                path.append(self._hash(start, start + k))
                start += k
        path.reverse()
        return path

    def consistency_proof(self, old: int, new: int | None = None) -> list[bytes]:
        """PROOF(old, D[new]): that the tree of ``old`` leaves is a prefix of the one of ``new``."""
        new = self.size if new is None else new
        self._check_size(new)
        if not 0 <= old <= new:
            raise InvalidProof(f"old size {old} is outside 0..{new}")
        if old in (0, new):
            return []
        path: list[bytes] = []
        start, end, m, complete = 0, new, old, True
        while True:
            n = end - start
            if m == n:
                if not complete:
                    path.append(self._hash(start, end))
                break
            k = _split(n)
            if m <= k:
                path.append(self._hash(start + k, end))
                end = start + k
            else:
                path.append(self._hash(start, start + k))
                start, m, complete = start + k, m - k, False
        path.reverse()
        return path


def _check_hash(value: bytes, what: str) -> None:
    if len(value) != HASH_SIZE:
        raise InvalidProof(f"{what} is {len(value)} bytes, not {HASH_SIZE}")


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """Check that ``leaf`` is leaf ``index`` of the tree of ``size`` with ``root`` (RFC 9162)."""
    if not 0 <= index < size:
        raise InvalidProof(f"leaf index {index} is outside a tree of {size}")
    _check_hash(leaf, "the leaf hash")
    _check_hash(root, "the root hash")
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        _check_hash(p, "a proof hash")
        if sn == 0:
            raise InvalidProof("the proof is longer than the tree is deep")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise InvalidProof("the proof is shorter than the tree is deep")
    if r != root:
        raise InvalidProof("the proof leads to a different root hash")


def verify_consistency(
    size1: int, size2: int, proof: Sequence[bytes], root1: bytes, root2: bytes
) -> None:
    """Check that the tree of ``size1`` with ``root1`` is a prefix of ``size2``/``root2``."""
    if not 0 <= size1 <= size2:
        raise InvalidProof(f"old size {size1} is larger than new size {size2}")
    if size1 == size2:
        if proof:
            raise InvalidProof("equal sizes need an empty proof")
        if size1 == 0 and (root1 != EMPTY_ROOT or root2 != EMPTY_ROOT):
            raise InvalidProof("an empty tree's root must be SHA-256 of nothing")
        if root1 != root2:
            raise InvalidProof("equal sizes but different root hashes")
        return
    if size1 == 0:
        # Every tree extends the empty one; only the roots' form can be wrong.
        if proof:
            raise InvalidProof("a proof from the empty tree must be empty")
        if root1 != EMPTY_ROOT:
            raise InvalidProof("an empty tree's root must be SHA-256 of nothing")
        _check_hash(root2, "the new root hash")
        return
    if not proof:
        raise InvalidProof("the proof is empty")
    _check_hash(root1, "the old root hash")
    _check_hash(root2, "the new root hash")
    for p in proof:
        _check_hash(p, "a proof hash")
    path = list(proof)
    if size1 & (size1 - 1) == 0:
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise InvalidProof("the proof is longer than the trees need")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise InvalidProof("the proof is shorter than the trees need")
    if fr != root1:
        raise InvalidProof("the proof does not lead to the old root hash")
    if sr != root2:
        raise InvalidProof("the proof does not lead to the new root hash")
