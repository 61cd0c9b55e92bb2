"""The PostgreSQL ledger: the same tables and append algorithm as SQLite, for a shared newsroom.

Appends take ``LOCK TABLE entries IN SHARE ROW EXCLUSIVE MODE`` (which
conflicts with itself, not with readers) before reading the tail, so
concurrent writers queue instead of forking the log; the lock waits up to
``$CLAIMLEDGER_LOCK_TIMEOUT`` seconds. Commits are durable with PostgreSQL's
default ``synchronous_commit``. ``psycopg`` is imported only here.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator, Sequence
from typing import Any

from toolkit.errors import LedgerError
from toolkit.ledger.store import Store
from toolkit.ledger.store_sqlite import lock_timeout

__all__ = ["PostgresStore"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    data BYTEA NOT NULL,
    leaf BYTEA NOT NULL,
    chain BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS personal (
    digest TEXT PRIMARY KEY, salt BYTEA NOT NULL, text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS checkpoints (
    n BIGSERIAL PRIMARY KEY, size BIGINT NOT NULL, note TEXT NOT NULL, vkey TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)
"""


def _redact_url(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", url)


class PostgresStore(Store):
    """A ledger in a PostgreSQL database (``search_path`` picks the schema)."""

    mark = "%s"

    def __init__(self, url: str) -> None:
        self.location = _redact_url(url)
        try:
            import psycopg
        except ImportError:
            raise LedgerError(
                "a PostgreSQL ledger needs psycopg",
                self.location,
                "Install it: pip install 'claimledger[postgres]'.",
            ) from None
        self._psycopg: Any = psycopg
        try:
            self._conn: Any = psycopg.connect(url, autocommit=True, connect_timeout=10)
            ms = int(lock_timeout() * 1000)
            self._conn.execute(f"SET lock_timeout = {ms}")
            self._init_schema()
        except psycopg.Error as exc:
            raise self._error(exc, "open") from exc

    def _init_schema(self) -> None:
        row = self._conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()
        if row[0] and self._conn.execute("SELECT 1 FROM meta WHERE key='origin'").fetchone():
            return
        with self._conn.transaction():
            # Two first writers must not both create the tables.
            self._conn.execute("SELECT pg_advisory_xact_lock(hashtext('claimledger-schema'))")
            for statement in SCHEMA.split(";"):
                self._conn.execute(statement)
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES ('origin', %s) ON CONFLICT DO NOTHING",
                (f"claimledger.local/{secrets.token_hex(8)}",),
            )

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._conn.execute(sql, params)
        return list(cur.fetchall()) if cur.description else []

    def _insert_rows(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(sql, rows)

    def _iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        with self._conn.transaction(), self._conn.cursor(name="claimledger_rows") as cur:
            cur.itersize = 10000
            cur.execute(sql, params)
            yield from cur

    def _begin_append(self) -> None:
        self._conn.execute("BEGIN")
        self._conn.execute("LOCK TABLE entries IN SHARE ROW EXCLUSIVE MODE")

    def _commit(self) -> None:
        self._conn.execute("COMMIT")

    def _rollback(self) -> None:
        if not self._conn.closed:
            self._conn.execute("ROLLBACK")

    def _translate(self, exc: Exception, doing: str) -> LedgerError | None:
        return self._error(exc, doing) if isinstance(exc, self._psycopg.Error) else None

    def _error(self, exc: Exception, doing: str) -> LedgerError:
        errors = self._psycopg.errors
        where = self.location
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, errors.LockNotAvailable | errors.QueryCanceled):
            return LedgerError(
                "the ledger is locked by another process",
                where,
                "Wait for the other writer to finish, or raise CLAIMLEDGER_LOCK_TIMEOUT (seconds).",
            )
        if isinstance(exc, errors.ReadOnlySqlTransaction | errors.InsufficientPrivilege):
            return LedgerError(
                f"cannot {doing} the ledger: it is read-only for this user ({first})",
                where,
                "Connect as a user that may write, or point --ledger at a writable ledger.",
            )
        if isinstance(exc, errors.DiskFull):
            return LedgerError(
                f"cannot {doing} the ledger: the database's disk is full; nothing was stored",
                where,
                "Free some space and run the command again.",
            )
        if isinstance(exc, errors.UndefinedTable):
            return LedgerError("this database holds no claimledger ledger", where)
        if isinstance(exc, self._psycopg.OperationalError):
            return LedgerError(
                f"cannot reach the PostgreSQL ledger ({first})",
                where,
                "Check the URL and that the server is running.",
            )
        return LedgerError(f"cannot {doing} the ledger ({first})", where)

    def close(self) -> None:
        self._conn.close()
