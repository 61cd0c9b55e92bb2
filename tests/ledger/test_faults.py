"""Crashes, concurrent writers, locked, read-only and full ledgers, and bad input."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.ledger.conftest import Backend
from toolkit.cli import app
from toolkit.errors import LedgerError, ToolkitError
from toolkit.ledger import api
from toolkit.ledger.entries import Agent, Relation, Sealed
from toolkit.ledger.store import open_store

runner = CliRunner()


def _batch(tag: str, i: int) -> list[Relation | Agent]:
    """Three entries appended as one transaction (one carries sealed personal data)."""
    return [
        Agent(id=f"agent:{tag}:{i}", at="t", name=Sealed.seal(f"writer {i}"), type="person"),
        Relation(id=f"relation:{tag}:{i}:a", at="t", relation="byline-of", subject="x", object="y"),
        Relation(id=f"relation:{tag}:{i}:b", at="t", relation="note", subject="y", object="z"),
    ]


def _append_forever(location: str, tag: str) -> None:
    try:
        with open_store(location, create=True) as store:
            i = 0
            while True:
                store.append(_batch(tag, i))
                i += 1
    finally:
        os._exit(0)


def test_sigkill_mid_append_never_leaves_half_an_entry(backend: Backend) -> None:
    with open_store(backend.location, create=True) as store:
        store.append(_batch("seed", 0))
    rng = random.Random(4)
    start = time.monotonic()
    kills = 0
    for round_ in range(55):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child only appends until killed
            _append_forever(backend.location, f"r{round_}")
        time.sleep(rng.uniform(0.02, 0.08))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        kills += os.WIFSIGNALED(status)
    assert kills >= 50
    assert time.monotonic() - start < 20
    report = api.verify(backend.location)
    assert report.valid, report.findings
    with open_store(backend.location) as store:
        size = store.size()
        assert size % 3 == 0 and size > 3  # every batch whole or absent
        kinds = [row.kind for row in store.rows()]
        assert kinds == ["agent", "relation", "relation"] * (size // 3)
        assert len(store.personal()) == size // 3


def _append_n(location: str, tag: str, n: int) -> None:
    with open_store(location, create=True) as store:
        for i in range(n):
            store.append([Relation(id=f"{tag}:{i}", at="t", relation="n", subject=tag, object="")])


def test_four_writers_thousand_appends_each(backend: Backend) -> None:
    with open_store(backend.location, create=True):
        pass
    ctx = multiprocessing.get_context("fork")
    workers = [
        ctx.Process(target=_append_n, args=(backend.location, f"w{k}", 1000)) for k in "0123"
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    report = api.verify(backend.location)
    assert report.valid and report.size == 4000
    with open_store(backend.location) as store:
        ids = [row.id for row in store.rows()]
    assert len(set(ids)) == 4000
    for k in "0123":
        mine = [int(i.split(":")[1]) for i in ids if i.startswith(f"w{k}:")]
        assert mine == list(range(1000))


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ledger", *args])
    return result.exit_code, result.output


def test_missing_ledger(tmp_path: Path) -> None:
    code, out = cli("log", "--ledger", str(tmp_path / "none.sqlite"))
    assert code == 2
    assert out == (
        f"Error: there is no ledger here yet, {tmp_path / 'none.sqlite'}. Record something first "
        "(claimledger ledger record CLAIMS), or pass --ledger.\n"
    )


def test_default_location_and_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_claims: list
) -> None:
    monkeypatch.chdir(tmp_path)
    api.record_claims(seed_claims)
    assert (tmp_path / ".claimledger" / "ledger.sqlite").exists()
    monkeypatch.setenv("CLAIMLEDGER_LEDGER", str(tmp_path / "env.sqlite"))
    api.record_claims(seed_claims)
    assert (tmp_path / "env.sqlite").exists()


def test_read_only_sqlite_ledger(sqlite_backend: Backend, seed_claims: list) -> None:
    api.record_claims(seed_claims, sqlite_backend.location)
    ro = f"file:{sqlite_backend.location}?mode=ro"
    with pytest.raises(LedgerError, match="it is read-only") as err:
        api.record_claims(seed_claims, ro)
    assert err.value.fix == (
        "Make the file and its folder writable, or point --ledger at a writable ledger."
    )
    assert api.verify(ro).valid
    assert len(api.log(ro)) == 9


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_read_only_file(sqlite_backend: Backend, seed_claims: list, tmp_path: Path) -> None:
    api.record_claims(seed_claims, sqlite_backend.location)
    for p in tmp_path.iterdir():
        p.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(LedgerError, match="read-only"):
            api.record_claims(seed_claims, sqlite_backend.location)
    finally:
        tmp_path.chmod(0o755)


@pytest.mark.postgres
def test_read_only_postgres_ledger(pg_schema: str, seed_claims: list) -> None:
    api.record_claims(seed_claims, pg_schema)
    ro = pg_schema + "%20-cdefault_transaction_read_only%3Don"
    with pytest.raises(LedgerError, match="read-only"):
        api.record_claims(seed_claims, ro)
    assert api.verify(ro).valid


def test_locked_sqlite_ledger(
    sqlite_backend: Backend, seed_claims: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.record_claims(seed_claims, sqlite_backend.location)
    monkeypatch.setenv("CLAIMLEDGER_LOCK_TIMEOUT", "0.2")
    holder = sqlite3.connect(sqlite_backend.location, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, out = cli("record", "--ledger", sqlite_backend.location, str(_claims_file()))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    assert out == (
        f"Error: the ledger is locked by another process, {sqlite_backend.location}. Wait for "
        "the other writer to finish, or raise CLAIMLEDGER_LOCK_TIMEOUT (seconds).\n"
    )
    assert api.verify(sqlite_backend.location).size == 9


@pytest.mark.postgres
def test_locked_postgres_ledger(
    pg_schema: str, seed_claims: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    api.record_claims(seed_claims, pg_schema)
    monkeypatch.setenv("CLAIMLEDGER_LOCK_TIMEOUT", "0.2")
    with psycopg.connect(pg_schema) as holder:
        holder.execute("LOCK TABLE entries IN EXCLUSIVE MODE")
        with pytest.raises(LedgerError, match="locked by another process"):
            api.record_claims(seed_claims, pg_schema)
    assert api.verify(pg_schema).size == 9


def test_disk_full_stores_nothing(sqlite_backend: Backend, seed_claims: list) -> None:
    api.record_claims(seed_claims, sqlite_backend.location)
    store = open_store(sqlite_backend.location)
    (pages,) = store._conn.execute("PRAGMA page_count").fetchone()  # type: ignore[attr-defined]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # type: ignore[attr-defined]
    big = [
        Relation(id=f"big:{i}", at="t", relation="n", subject="x" * 3000, object="")
        for i in range(40)
    ]
    with pytest.raises(LedgerError, match="the disk is full; nothing was stored"):
        store.append(big)
    store.close()
    report = api.verify(sqlite_backend.location)
    assert report.valid and report.size == 9


def _claims_file() -> Path:
    return Path(__file__).resolve().parents[2] / "datasets" / "kazakhstan-2022" / "claims.csv"


def test_bad_input_gives_the_same_error_as_check(tmp_path: Path) -> None:
    from toolkit.extraction.table import read_claims

    bad = tmp_path / "claims.csv"
    bad.write_text("id,value\nrussians,1.6 milion\n", encoding="utf-8")
    with pytest.raises(ToolkitError) as err:
        read_claims(bad)
    code, out = cli("record", "--ledger", str(tmp_path / "l.sqlite"), str(bad))
    assert code == 2
    assert out == f"Error: {err.value.message}\n"
    assert not (tmp_path / "l.sqlite").exists()


def test_missing_input_file(tmp_path: Path) -> None:
    code, out = cli("record", "--ledger", str(tmp_path / "l.sqlite"), str(tmp_path / "x.csv"))
    assert code == 2
    assert out.startswith("Error: ")
