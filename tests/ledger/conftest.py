"""Fixtures: a fresh ledger per test on SQLite and (marked ``postgres``) on PostgreSQL.

PostgreSQL tests use the server at ``$CLAIMLEDGER_TEST_POSTGRES``, each in a
schema of its own. Without that variable they skip, except in CI
(``CI=true``), where a missing server must fail loudly rather than skip.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from toolkit.extraction.claim import Claim
from toolkit.figures import parse_figure

ENV = "CLAIMLEDGER_TEST_POSTGRES"
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "datasets" / "kazakhstan-2022"


def postgres_url() -> str:
    url = os.environ.get(ENV)
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{ENV} is not set in CI: the PostgreSQL ledger tests must run there")
        pytest.skip(f"set {ENV} to a PostgreSQL URL to run the PostgreSQL ledger tests")
    return url


@dataclass
class Backend:
    """A ledger location plus raw SQL access to it, for tampering in tests."""

    name: str
    location: str
    execute: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]]

    def sql(self, statement: str, *params: Any) -> list[tuple[Any, ...]]:
        if self.name == "postgres":
            statement = statement.replace("?", "%s")
        return self.execute(statement, params)


def _sqlite_backend(tmp_path: Path) -> Backend:
    import sqlite3

    path = tmp_path / "ledger.sqlite"

    def execute(statement: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            return conn.execute(statement, params).fetchall()
        finally:
            conn.close()

    return Backend("sqlite", str(path), execute)


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    import psycopg

    base = postgres_url()
    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _postgres_backend(url: str) -> Backend:
    import psycopg

    def execute(statement: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with psycopg.connect(url, autocommit=True) as conn:
            cur = conn.execute(statement, params)
            return list(cur.fetchall()) if cur.description else []

    return Backend("postgres", url, execute)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "sqlite":
        return _sqlite_backend(tmp_path)
    url: str = request.getfixturevalue("pg_schema")
    return _postgres_backend(url)


@pytest.fixture
def sqlite_backend(tmp_path: Path) -> Backend:
    return _sqlite_backend(tmp_path)


def make_claim(id: str, text: str, **fields: Any) -> Claim:
    return Claim(id=id, text=text, figure=parse_figure(text), **fields)


SEED_ATTRIBUTION = {
    "source": "Ministry of Internal Affairs of Kazakhstan",
    "author": "Lusa",
    "publisher": "CM Jornal",
}


@pytest.fixture
def seed_claims() -> list[Claim]:
    return [
        make_claim("foreigners", "4.3 million", subject="foreigners", **SEED_ATTRIBUTION),
        make_claim(
            "russians",
            "1.6 million",
            subject="Russians",
            quote="of which 1.6 million are Russians",
            **SEED_ATTRIBUTION,
        ),
    ]


def value(text: str) -> Decimal:
    return Decimal(text)
