"""Where entries live: the storage contract and the append algorithm both backends share.

A store keeps, per entry, its position ``seq`` (0-based), its ``id``, the exact
canonical ``data`` bytes that were hashed, the ``leaf`` hash and a ``chain``
hash (SHA-256(previous chain ‖ leaf)) that lets ``verify`` name the first
entry that was deleted, reordered or inserted. Sealed personal data lives in
a side table; checkpoints the ledger signed are kept too.

Appends are serialised by the backend's lock (``BEGIN IMMEDIATE`` on SQLite,
a table lock on PostgreSQL) and commit as one transaction: a crash leaves the
log as it was before the append, never half-written.

``open_store(location)`` picks the backend: ``postgresql://`` URLs go to
PostgreSQL, anything else is a SQLite file (created on first write).
"""

from __future__ import annotations

import hashlib
import os
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from toolkit.errors import LedgerError
from toolkit.ledger.canonical import canonical_bytes
from toolkit.ledger.entries import Agent, Document, Entry, Redaction
from toolkit.ledger.merkle import leaf_hash

__all__ = [
    "DEFAULT_LOCATION",
    "GENESIS_CHAIN",
    "Ledger",
    "Store",
    "StoredCheckpoint",
    "StoredEntry",
    "open_store",
    "resolve_location",
]

DEFAULT_LOCATION = Path(".claimledger") / "ledger.sqlite"
GENESIS_CHAIN = bytes(32)
ENV_LEDGER = "CLAIMLEDGER_LEDGER"


def chain_hash(previous: bytes, leaf: bytes) -> bytes:
    return hashlib.sha256(previous + leaf).digest()


class StoredEntry(NamedTuple):
    """One row of the log exactly as stored (a tuple: it is also the row's insert parameters)."""

    seq: int
    id: str
    kind: str
    data: bytes
    leaf: bytes
    chain: bytes


@dataclass(frozen=True, slots=True)
class StoredCheckpoint:
    """A signed checkpoint the ledger issued, with the verifier key that signed it."""

    size: int
    note: str
    vkey: str


def resolve_location(location: str | os.PathLike[str] | None = None) -> str:
    """The ledger to use: ``location``, else ``$CLAIMLEDGER_LEDGER``, else the default file."""
    if location is not None and str(location):
        return str(location)
    return os.environ.get(ENV_LEDGER) or str(DEFAULT_LOCATION)


def is_postgres(location: str) -> bool:
    return location.startswith(("postgresql://", "postgres://"))


#: Where a ledger is: a SQLite path, a ``postgresql://`` URL, or None for the default
Ledger = str | os.PathLike[str] | None


def open_store(location: str | os.PathLike[str] | None = None, *, create: bool = False) -> Store:
    """Open the ledger at ``location`` (see ``resolve_location``).

    With ``create`` False a missing SQLite ledger is a ``LedgerError``
    rather than a new empty file.
    """
    where = resolve_location(location)
    if is_postgres(where):
        from toolkit.ledger.store_postgres import PostgresStore

        return PostgresStore(where)
    from toolkit.ledger.store_sqlite import SqliteStore

    return SqliteStore(where, create=create)


class Store(ABC):
    """The storage contract; subclasses supply SQL execution, locking and error wording."""

    location: str
    #: Placeholder the backend's driver uses ("?" or "%s").
    mark = "?"

    # -- backend hooks -------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement and return its rows (empty for writes)."""

    @abstractmethod
    def _insert_rows(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Run one insert for many rows."""

    @abstractmethod
    def _begin_append(self) -> None:
        """Start a transaction holding the ledger's append lock."""

    @abstractmethod
    def _commit(self) -> None: ...

    @abstractmethod
    def _rollback(self) -> None: ...

    @abstractmethod
    def _translate(self, exc: Exception, doing: str) -> LedgerError | None:
        """The ``LedgerError`` a driver exception means, or None to let it through."""

    @abstractmethod
    def _iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Stream the rows of a query without loading them all."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sql(self, sql: str) -> str:
        return sql if self.mark == "?" else sql.replace("?", self.mark)

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._execute(self._sql(sql), params)

    # -- appending -----------------------------------------------------------
    def append(self, entries: Sequence[Entry]) -> list[StoredEntry]:
        """Append ``entries`` in order as one durable transaction; return the rows written.

        An agent or document whose id is already in the ledger is not appended
        again (they have stable ids, so recording Lusa twice is one Lusa).
        A ``Redaction`` deletes the clear text behind its digest in the same
        transaction.
        """
        prepared = [(e, canonical_bytes(e.payload())) for e in entries]
        try:
            self._begin_append()
            try:
                written = self._append_locked(prepared)
                self._commit()
            except BaseException:
                self._rollback()
                raise
        except LedgerError:
            raise
        except Exception as exc:
            err = self._translate(exc, "append to")
            if err is None:
                raise
            raise err from exc
        return written

    def _append_locked(self, prepared: list[tuple[Entry, bytes]]) -> list[StoredEntry]:
        tail = self._run("SELECT seq, chain FROM entries ORDER BY seq DESC LIMIT 1")
        seq, chain = (int(tail[0][0]) + 1, bytes(tail[0][1])) if tail else (0, GENESIS_CHAIN)
        written: list[StoredEntry] = []
        seen: set[str] = set()
        sha256 = hashlib.sha256
        for entry, data in prepared:
            if isinstance(entry, (Agent, Document)):
                if entry.id in seen or self._run("SELECT 1 FROM entries WHERE id = ?", (entry.id,)):
                    continue
                seen.add(entry.id)
            elif isinstance(entry, Redaction):
                self._run("DELETE FROM personal WHERE digest = ?", (entry.digest,))
            for sealed in entry.sealed():
                self._run(
                    "INSERT INTO personal (digest, salt, text) VALUES (?, ?, ?)"
                    " ON CONFLICT (digest) DO NOTHING",
                    (sealed.digest, sealed.salt, sealed.text),
                )
            leaf = leaf_hash(data)
            chain = sha256(chain + leaf).digest()  # chain_hash, inlined: once per entry
            written.append(StoredEntry(seq, entry.id, entry.kind, data, leaf, chain))
            seq += 1
        if written:
            self._insert_rows(
                self._sql(
                    "INSERT INTO entries (seq, id, kind, data, leaf, chain)"
                    " VALUES (?, ?, ?, ?, ?, ?)"
                ),
                written,
            )
        return written

    def add_checkpoint(self, size: int, note: str, vkey: str) -> None:
        """Keep a checkpoint the ledger signed, so ``verify`` can hold the log to it."""
        try:
            self._begin_append()
            try:
                self._run(
                    "INSERT INTO checkpoints (size, note, vkey) VALUES (?, ?, ?)",
                    (size, note, vkey),
                )
                self._commit()
            except BaseException:
                self._rollback()
                raise
        except Exception as exc:
            err = self._translate(exc, "write a checkpoint to")
            if err is None:
                raise
            raise err from exc

    # -- reading -------------------------------------------------------------
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._run(sql, params)
        except Exception as exc:
            err = self._translate(exc, "read")
            if err is None:
                raise
            raise err from exc

    def size(self) -> int:
        """The number of rows (the tree size, when the log is intact)."""
        return int(self._read("SELECT COUNT(*) FROM entries")[0][0])

    def origin(self) -> str:
        """The log's identity line for checkpoints (fixed when the ledger was created)."""
        rows = self._read("SELECT value FROM meta WHERE key = 'origin'")
        if not rows:
            raise LedgerError("the ledger has no origin", self.location, "Is this a ledger?")
        return str(rows[0][0])

    def rows(self, start: int = 0) -> Iterator[StoredEntry]:
        """Every row from ``seq`` ≥ ``start``, in ``seq`` order, streamed."""
        sql = self._sql(
            "SELECT seq, id, kind, data, leaf, chain FROM entries WHERE seq >= ? ORDER BY seq"
        )
        try:
            for seq, id_, kind, data, leaf, chain in self._iterate(sql, (start,)):
                yield StoredEntry(int(seq), id_, kind, bytes(data), bytes(leaf), bytes(chain))
        except LedgerError:
            raise
        except Exception as exc:
            err = self._translate(exc, "read")
            if err is None:
                raise
            raise err from exc

    def leaves(self) -> bytes:
        """All stored leaf hashes in order, concatenated (32 bytes each)."""
        return b"".join(
            bytes(r[0]) for r in self._iterate(self._sql("SELECT leaf FROM entries ORDER BY seq"))
        )

    def find(self, key: str) -> StoredEntry | None:
        """The row whose id is ``key``, or whose position is ``key`` (a decimal index)."""
        cols = "seq, id, kind, data, leaf, chain"
        rows = self._read(f"SELECT {cols} FROM entries WHERE id = ?", (key,))
        if not rows and key.isdigit():
            rows = self._read(f"SELECT {cols} FROM entries WHERE seq = ?", (int(key),))
        if not rows:
            return None
        seq, id_, kind, data, leaf, chain = rows[0]
        return StoredEntry(int(seq), id_, kind, bytes(data), bytes(leaf), bytes(chain))

    def personal(self) -> dict[str, tuple[bytes, str]]:
        """Sealed digests still unredacted → (salt, clear text)."""
        return {
            str(d): (bytes(s), str(t))
            for d, s, t in self._read("SELECT digest, salt, text FROM personal")
        }

    def checkpoints(self) -> list[StoredCheckpoint]:
        rows = self._read("SELECT size, note, vkey FROM checkpoints ORDER BY size, n")
        return [StoredCheckpoint(int(s), str(n), str(v)) for s, n, v in rows]
