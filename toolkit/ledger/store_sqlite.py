"""The SQLite ledger: one file, WAL, ``synchronous=FULL``, appends under ``BEGIN IMMEDIATE``.

``BEGIN IMMEDIATE`` takes SQLite's single write lock before the tail of the
log is read, so two writers can never both append at the same ``seq``; the
second waits up to ``$CLAIMLEDGER_LOCK_TIMEOUT`` seconds (default 30), then
gets a ``LedgerError``. Writers first queue on an ``flock`` of a sidecar
``<ledger>.lock`` file: SQLite's own busy handler backs off up to 100 ms per
retry, which starves writers under contention; the kernel lock is released
the moment its holder commits or dies. WAL with ``synchronous=FULL`` makes every committed
append durable before ``append`` returns.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from toolkit.errors import LedgerError
from toolkit.ledger.store import Store

__all__ = ["SqliteStore"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    data BLOB NOT NULL,
    leaf BLOB NOT NULL,
    chain BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS personal (
    digest TEXT PRIMARY KEY, salt BLOB NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoints (
    n INTEGER PRIMARY KEY, size INTEGER NOT NULL, note TEXT NOT NULL, vkey TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def lock_timeout() -> float:
    try:
        return float(os.environ.get("CLAIMLEDGER_LOCK_TIMEOUT", "30"))
    except ValueError:
        return 30.0


class SqliteStore(Store):
    """A ledger in one SQLite file (``file:...?mode=ro`` URIs open it read-only)."""

    mark = "?"

    def __init__(self, location: str, *, create: bool = False, timeout: float | None = None):
        self.location = location
        uri = location.startswith("file:")
        path = Path(location.split("?", 1)[0].removeprefix("file:"))
        if not path.exists():
            if not create:
                raise LedgerError(
                    "there is no ledger here yet",
                    str(path),
                    "Record something first (claimledger ledger record CLAIMS), or pass --ledger.",
                )
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LedgerError(
                    f"cannot create the ledger's folder ({exc.strerror})", str(path.parent)
                ) from exc
        try:
            self._conn = sqlite3.connect(
                location,
                uri=uri,
                isolation_level=None,
                timeout=lock_timeout() if timeout is None else timeout,
                check_same_thread=False,
            )
            self._readonly = "mode=ro" in location
            self._timeout = lock_timeout() if timeout is None else timeout
            self._lockfile = path.with_name(path.name + ".lock")
            self._lock_fd: int | None = None
            if not self._readonly:
                self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
            if not self._readonly:
                self._init_schema()
        except sqlite3.Error as exc:
            raise self._error(exc, "open") from exc

    def _init_schema(self) -> None:
        have = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        if have and self._conn.execute("SELECT 1 FROM meta WHERE key='origin'").fetchone():
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self._conn.execute(statement)
            self._conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('origin', ?)",
                (f"claimledger.local/{secrets.token_hex(8)}",),
            )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, params).fetchall()

    def _insert_rows(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        self._conn.executemany(sql, rows)

    def _iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        yield from self._conn.execute(sql, params)

    def _queue(self) -> None:
        """Wait for the writers' file lock (best effort: skipped if it cannot be opened)."""
        if self._readonly:
            return
        try:
            fd = os.open(self._lockfile, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return
        deadline = time.monotonic() + self._timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._lock_fd = fd
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise sqlite3.OperationalError("database is locked") from None
                time.sleep(0.0005)

    def _unqueue(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None

    def _begin_append(self) -> None:
        self._queue()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._unqueue()
            raise

    def _commit(self) -> None:
        try:
            self._conn.execute("COMMIT")
        finally:
            self._unqueue()

    def _rollback(self) -> None:
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        finally:
            self._unqueue()

    def _translate(self, exc: Exception, doing: str) -> LedgerError | None:
        return self._error(exc, doing) if isinstance(exc, sqlite3.Error) else None

    def _error(self, exc: Exception, doing: str) -> LedgerError:
        text = str(exc)
        where = self.location
        if "locked" in text or "busy" in text:
            return LedgerError(
                "the ledger is locked by another process",
                where,
                "Wait for the other writer to finish, or raise CLAIMLEDGER_LOCK_TIMEOUT (seconds).",
            )
        if "readonly" in text or "read-only" in text:
            return LedgerError(
                f"cannot {doing} the ledger: it is read-only",
                where,
                "Make the file and its folder writable, or point --ledger at a writable ledger.",
            )
        if "full" in text:
            return LedgerError(
                f"cannot {doing} the ledger: the disk is full; nothing was stored",
                where,
                "Free some space and run the command again.",
            )
        if "no such table" in text or "not a database" in text:
            return LedgerError(
                "this file is not a claimledger ledger", where, "Point --ledger at a ledger."
            )
        return LedgerError(f"cannot {doing} the ledger ({text})", where)

    def close(self) -> None:
        self._unqueue()
        self._conn.close()
