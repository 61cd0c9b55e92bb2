"""Every way of rewriting history is found by ``ledger verify`` (exit 3, naming the entry)."""

from __future__ import annotations

import base64
import secrets
import shutil
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from typer.testing import CliRunner

from tests.ledger.conftest import Backend
from toolkit.cli import app
from toolkit.extraction.claim import Claim
from toolkit.ledger import api

runner = CliRunner()


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ledger", *args])
    return result.exit_code, result.output


@pytest.fixture
def recorded(backend: Backend, seed_claims: list[Claim], tmp_path: Path) -> Backend:
    api.record_claims(seed_claims, backend.location)
    api.keygen("newsroom", tmp_path / "keys")
    return backend


def _checkpoint(backend: Backend, tmp_path: Path) -> Path:
    note = api.checkpoint(backend.location, tmp_path / "keys" / "newsroom.key")
    path = tmp_path / f"checkpoint-{note.splitlines()[1]}.txt"
    path.write_text(note, encoding="utf-8")
    return path


def _verify(backend: Backend, *extra: str) -> tuple[int, str]:
    return cli("verify", "--ledger", backend.location, *extra)


def test_intact_ledger_verifies(recorded: Backend, tmp_path: Path) -> None:
    cp = _checkpoint(recorded, tmp_path)
    code, out = _verify(recorded, "--against", str(cp))
    assert code == 0, out
    assert out.startswith("OK: 9 entries intact, root ")
    assert out.endswith(", 2 checkpoint(s) hold.\n")


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda d: d.replace(b"1.6 million", b"1.7 million"), id="value"),
        # Same JSON meaning, different bytes: a re-serialising verifier would miss it.
        pytest.param(lambda d: d.replace(b'":', b'": ', 1), id="whitespace"),
        pytest.param(lambda d: d.replace(b'"text":"1.6', b'"text":"\\u0031.6'), id="escape"),
    ],
)
def test_byte_edit(recorded: Backend, edit: object) -> None:
    (row,) = recorded.sql("SELECT seq, data FROM entries WHERE kind = 'assertion' AND seq = 7")
    data = bytes(row[1])
    changed = edit(data)  # type: ignore[operator]
    assert changed != data
    recorded.sql("UPDATE entries SET data = ? WHERE seq = 7", changed)
    code, out = _verify(recorded)
    assert code == 3
    assert out.startswith("TAMPERED: entry #7 (assertion:russians:")
    assert "was edited: its stored bytes hash to " in out and out.endswith("[entry-edited]\n")


def test_byte_edit_with_its_leaf_hash_rewritten(recorded: Backend) -> None:
    from toolkit.ledger.merkle import leaf_hash

    (row,) = recorded.sql("SELECT data FROM entries WHERE seq = 7")
    changed = bytes(row[0]).replace(b"1.6 million", b"1.9 million")
    recorded.sql("UPDATE entries SET data = ?, leaf = ? WHERE seq = 7", changed, leaf_hash(changed))
    code, out = _verify(recorded)
    assert code == 3
    assert "entry #7 (assertion:russians:" in out
    assert "does not follow entry #6" in out


def test_delete(recorded: Backend) -> None:
    recorded.sql("DELETE FROM entries WHERE seq = 4")
    code, out = _verify(recorded)
    assert code == 3
    assert out == ("TAMPERED: entry #4 is missing: the log goes from #3 to #5 [entry-missing]\n")


def test_reorder(recorded: Backend) -> None:
    recorded.sql("UPDATE entries SET seq = -1 WHERE seq = 5")
    recorded.sql("UPDATE entries SET seq = 5 WHERE seq = 6")
    recorded.sql("UPDATE entries SET seq = 6 WHERE seq = -1")
    code, out = _verify(recorded)
    assert code == 3
    assert out.startswith("TAMPERED: entry #5 (")
    assert "does not follow entry #4" in out and out.endswith("[entry-out-of-place]\n")


def test_truncate_is_caught_by_the_stored_checkpoint(recorded: Backend, tmp_path: Path) -> None:
    _checkpoint(recorded, tmp_path)
    recorded.sql("DELETE FROM entries WHERE seq >= 8")
    code, out = _verify(recorded)
    assert code == 3
    assert out == (
        "TAMPERED: the ledger's checkpoint at size 9 covers 9 entries but only 8 check out: "
        "entry #8 onwards is missing (the log was truncated) [log-truncated]\n"
    )


def test_truncate_with_checkpoints_removed_is_caught_by_a_kept_one(
    recorded: Backend, tmp_path: Path
) -> None:
    cp = _checkpoint(recorded, tmp_path)
    recorded.sql("DELETE FROM entries WHERE seq >= 7")
    recorded.sql("DELETE FROM checkpoints")
    assert _verify(recorded)[0] == 0  # nothing left inside the ledger to compare with
    code, out = _verify(
        recorded, "--against", str(cp), "--key", str(tmp_path / "keys" / "newsroom.pub")
    )
    assert code == 3
    assert "entry #7 onwards is missing (the log was truncated) [log-truncated]" in out


def _fork(backend: Backend, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A second ledger holding a copy of ``backend``'s (same origin, same rows): a fork."""
    if backend.name == "sqlite":
        fork = str(tmp_path / "fork.sqlite")
        shutil.copy(backend.location, fork)
        return fork
    import psycopg

    from tests.ledger.conftest import postgres_url

    base = postgres_url()
    source = unquote(backend.location).rsplit("search_path=", 1)[1]
    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
        for table in ("entries", "personal", "checkpoints", "meta"):
            conn.execute(f"CREATE TABLE {schema}.{table} (LIKE {source}.{table} INCLUDING ALL)")
            conn.execute(f"INSERT INTO {schema}.{table} SELECT * FROM {source}.{table}")

    def drop() -> None:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")

    request.addfinalizer(drop)
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}"


def test_fork_from_one_checkpoint(
    backend: Backend, tmp_path: Path, seed_claims: list, request: pytest.FixtureRequest
) -> None:
    a = backend.location
    api.record_claims(seed_claims[:1], a)
    api.keygen("newsroom", tmp_path / "keys")
    key = tmp_path / "keys" / "newsroom.key"
    common = tmp_path / "common.txt"
    common.write_text(api.checkpoint(a, key))
    b = _fork(backend, tmp_path, request)
    api.record_claims(seed_claims[1:], a)
    api.correct("foreigners", "4.4 million", "a different history", b)
    api.record_claims(seed_claims[1:], b)
    cp_a = tmp_path / "a.txt"
    cp_a.write_text(api.checkpoint(a, key))
    assert cli("verify", "--ledger", b, "--against", str(common))[0] == 0
    code, out = cli("verify", "--ledger", b, "--against", str(cp_a))
    assert code == 3
    size = cp_a.read_text().splitlines()[1]
    assert out == (
        f"TAMPERED: the first {size} entries do not hash to the root in the checkpoint "
        f"{cp_a}: the log was rewritten or forked at or before entry #{int(size) - 1} "
        "[log-forked]\n"
    )
    # each side still verifies on its own: a fork is only visible against the other's checkpoint
    assert api.verify(a).valid and api.verify(b).valid


def _flip_signature(note: str) -> str:
    body, _, sig = note.partition("\n\n")
    dash, name, data = sig.strip().split(" ")
    raw = bytearray(base64.b64decode(data))
    raw[10] ^= 0x01
    return f"{body}\n\n{dash} {name} {base64.b64encode(bytes(raw)).decode()}\n"


def test_replaced_signature_in_a_checkpoint_file(recorded: Backend, tmp_path: Path) -> None:
    cp = _checkpoint(recorded, tmp_path)
    cp.write_text(_flip_signature(cp.read_text()))
    code, out = _verify(recorded, "--against", str(cp))
    assert code == 3
    assert out == (
        f"TAMPERED: the checkpoint {cp}: the signature by newsroom does not match the "
        "checkpoint [bad-signature]\n"
    )


def test_replaced_signature_in_the_ledger(recorded: Backend, tmp_path: Path) -> None:
    _checkpoint(recorded, tmp_path)
    ((note,),) = recorded.sql("SELECT note FROM checkpoints")
    recorded.sql("UPDATE checkpoints SET note = ?", _flip_signature(note))
    code, out = _verify(recorded)
    assert code == 3
    assert "the ledger's checkpoint at size 9: the signature by newsroom does not match" in out


def test_checkpoint_signed_by_another_key(recorded: Backend, tmp_path: Path) -> None:
    cp = _checkpoint(recorded, tmp_path)
    api.keygen("newsroom", tmp_path / "other")
    forged = api.checkpoint(recorded.location, tmp_path / "other" / "newsroom.key")
    cp.write_text(forged)
    code, out = _verify(
        recorded, "--against", str(cp), "--key", str(tmp_path / "keys" / "newsroom.pub")
    )
    assert code == 3
    assert "is not signed by newsroom [bad-signature]" in out


def test_checkpoint_refuses_a_tampered_ledger(recorded: Backend, tmp_path: Path) -> None:
    recorded.sql("DELETE FROM entries WHERE seq = 2")
    code, out = cli(
        "checkpoint", "--ledger", recorded.location, "--key", str(tmp_path / "keys/newsroom.key")
    )
    assert code == 2
    assert "Error: refusing to sign a tampered ledger: entry #2 is missing" in out
