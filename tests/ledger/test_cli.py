"""The ``ledger`` commands in-process: the seed's chain, proofs, export, keys, log."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.ledger.conftest import SEED, Backend
from toolkit.cli import app
from toolkit.ledger import api
from toolkit.ledger.merkle import verify_consistency, verify_inclusion

runner = CliRunner()
REPUBLISHED = ["--republisher", "24 News Reporters", "--byline", "Michael Melvin"]


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ledger", *args])
    return result.exit_code, result.output


@pytest.fixture
def seeded(backend: Backend) -> Backend:
    code, out = cli("record", str(SEED / "claims.csv"), "--ledger", backend.location, *REPUBLISHED)
    assert code == 0, out
    return backend


def test_record_prints_what_it_wrote(sqlite_backend: Backend) -> None:
    code, out = cli(
        "record", str(SEED / "claims.csv"), "--ledger", sqlite_backend.location, *REPUBLISHED
    )
    assert code == 0
    assert out == (
        f"Recorded 9 figure(s) as 52 entries in {sqlite_backend.location} (tree size 52).\n"
    )


def test_seed_chain_of_russians(seeded: Backend) -> None:
    code, out = cli("show", "russians", "--ledger", seeded.location)
    assert code == 0
    assert out == (
        "russians: 1.6 million (Russians)\n"
        "  stated by       Ministry of Internal Affairs of Kazakhstan\n"
        "  reported by     Lusa\n"
        "  published by    CM Jornal\n"
        "  republished by  24 News Reporters\n"
        "                    byline 'Michael Melvin' (claimed identity)\n"
        "                    ! conflict: the byline at 24 News Reporters is not the credited "
        "author (Lusa)\n"
        "  current value   1600000\n"
    )


def test_seed_chain_as_json_and_text_lookup(seeded: Backend) -> None:
    code, out = cli("show", "1.6 million", "--ledger", seeded.location, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data == api.show("russians", seeded.location).to_dict()
    assert [(s["role"], s["agent"]) for s in data["chain"]] == [
        ("originator", "Ministry of Internal Affairs of Kazakhstan"),
        ("reporter", "Lusa"),
        ("publisher", "CM Jornal"),
        ("republisher", "24 News Reporters"),
    ]
    assert data["chain"][3]["bylines"] == ["Michael Melvin"]


def test_the_byline_is_a_claimed_sealed_identity(seeded: Backend) -> None:
    code, out = cli("log", "--ledger", seeded.location, "--format", "jsonl")
    assert code == 0
    people = [json.loads(x) for x in out.splitlines() if '"type":"person"' in x]
    assert len(people) == 1
    assert people[0]["claimed"] is True
    assert set(people[0]["name"]) == {"sealed"}
    assert "Melvin" not in json.dumps(people)


def test_log_jsonl_is_exactly_the_hashed_bytes(seeded: Backend) -> None:
    result = runner.invoke(app, ["ledger", "log", "--ledger", seeded.location, "--format", "jsonl"])
    stored = [bytes(r[0]) for r in seeded.sql("SELECT data FROM entries ORDER BY seq")]
    assert result.stdout_bytes == b"".join(d + b"\n" for d in stored)


def test_log_text(seeded: Backend) -> None:
    code, out = cli("log", "--ledger", seeded.location)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 52
    assert lines[1] == (
        "#1     agent      agent:ministry-of-internal-affairs-of-kazakhstan organization "
        "Ministry of Internal Affairs of Kazakhstan"
    )


def test_unknown_figure(seeded: Backend) -> None:
    code, out = cli("show", "tourists", "--ledger", seeded.location)
    assert code == 2
    assert out.startswith("Error: no figure 'tourists' in the ledger, in the ledger. Name a ")


def test_prove_inclusion_json_verifies(seeded: Backend) -> None:
    entry = api.show("russians", seeded.location).last.id
    code, out = cli("prove", entry, "--ledger", seeded.location, "--format", "json")
    assert code == 0
    proof = json.loads(out)
    assert list(proof) == ["leaf_index", "tree_size", "leaf_hash", "root_hash", "audit_path"]
    assert proof["tree_size"] == 52 and len(proof["audit_path"]) == 6
    verify_inclusion(
        proof["leaf_index"],
        proof["tree_size"],
        bytes.fromhex(proof["leaf_hash"]),
        [bytes.fromhex(h) for h in proof["audit_path"]],
        bytes.fromhex(proof["root_hash"]),
    )
    assert proof["root_hash"] == api.verify(seeded.location).root.hex()


def test_prove_consistency(seeded: Backend) -> None:
    code, out = cli("prove", "--consistency", "20", "--ledger", seeded.location, "--format", "json")
    assert code == 0
    p = json.loads(out)
    verify_consistency(
        20,
        52,
        [bytes.fromhex(h) for h in p["proof"]],
        bytes.fromhex(p["old_root_hash"]),
        bytes.fromhex(p["root_hash"]),
    )


def test_prove_needs_one_target(seeded: Backend) -> None:
    code, out = cli("prove", "--ledger", seeded.location)
    assert code == 2
    assert "give either ENTRY or --consistency OLD_SIZE" in out


def test_correct_then_show(seeded: Backend) -> None:
    code, out = cli(
        "correct", "russians", "--value", "1.7 million", "--reason", "ministry revised",
        "--ledger", seeded.location,
    )  # fmt: skip
    assert code == 0 and out.startswith("Recorded correction correction:russians:")
    assert out.endswith(" as entry #52.\n")
    out = cli("show", "russians", "--ledger", seeded.location)[1]
    assert "  corrected       1.7 million = 1700000 (ministry revised) " in out
    assert out.endswith("  current value   1700000\n")


def test_keygen_checkpoint_verify(seeded: Backend, tmp_path: Path) -> None:
    code, out = cli("keygen", "--name", "newsroom.example", "--folder", str(tmp_path))
    assert code == 0
    assert out == (
        f"Wrote the signer key {tmp_path}/newsroom.example.key (keep it secret) and the verifier "
        f"key {tmp_path}/newsroom.example.pub.\n"
    )
    assert (tmp_path / "newsroom.example.key").stat().st_mode & 0o777 == 0o600
    assert cli("keygen", "--name", "newsroom.example", "--folder", str(tmp_path))[0] == 2
    key = str(tmp_path / "newsroom.example.key")
    code, note = cli("checkpoint", "--ledger", seeded.location, "--key", key)
    assert code == 0
    lines = note.split("\n")
    assert lines[0].startswith("claimledger.local/") and lines[1] == "52"
    assert lines[3] == "" and lines[4].startswith("\u2014 newsroom.example ")
    (tmp_path / "cp").write_text(note)
    code, out = cli("verify", "--ledger", seeded.location, "--against", str(tmp_path / "cp"))
    assert code == 0 and "2 checkpoint(s) hold" in out
    code, out = cli("verify", "--ledger", seeded.location, "--format", "json")
    assert json.loads(out) == api.verify(seeded.location).to_dict()


def test_export_prov_json_round_trips_and_shows_the_chain(seeded: Backend) -> None:
    from prov.model import ProvDocument

    code, out = cli("export", "--format", "prov-json", "--ledger", seeded.location)
    assert code == 0
    doc = ProvDocument.deserialize(content=out, format="json")
    again = ProvDocument.deserialize(content=doc.serialize(format="json"), format="json")
    assert doc == again
    data = json.loads(out)
    labels = {a["prov:label"] for a in data["agent"].values()}
    assert {"Ministry of Internal Affairs of Kazakhstan", "Lusa", "CM Jornal"} <= labels
    assert "Michael Melvin" in labels
    assert any("prov:Quotation" in json.dumps(d) for d in data.get("wasDerivedFrom", {}).values())
    assert any(
        "prov:PrimarySource" in json.dumps(d) for d in data.get("wasDerivedFrom", {}).values()
    )


def test_export_prov_o_round_trips(seeded: Backend) -> None:
    from prov.model import ProvDocument

    out = cli("export", "--format", "prov-o", "--ledger", seeded.location)[1]
    doc = ProvDocument.deserialize(content=out, format="rdf", rdf_format="turtle")
    assert len(doc.records) == len(
        ProvDocument.deserialize(content=api.export("prov-json", seeded.location)).records
    )


def test_export_prov_n_and_claimreview(seeded: Backend, tmp_path: Path) -> None:
    provn = cli("export", "--format", "prov-n", "--ledger", seeded.location)[1]
    assert provn.startswith("document\n")
    assert 'prov:label="Michael Melvin", cl:claimed="true" %% xsd:boolean' in provn
    assert "wasRevisionOf" not in provn
    from toolkit.ledger.entries import CheckResult
    from toolkit.ledger.store import open_store

    with open_store(seeded.location) as store:
        store.append(
            [
                CheckResult(
                    id="check:1",
                    at="2022-09-23T00:00:00Z",
                    rule="russians_within_foreigners",
                    expression="russians <= foreigners",
                    figures=("russians", "foreigners"),
                    verdict="consistent",
                )
            ]
        )
    out = cli("export", "--format", "claimreview", "--ledger", seeded.location)[1]
    reviews = json.loads(out)["@graph"]
    assert [r["itemReviewed"]["author"]["name"] for r in reviews] == [
        "Ministry of Internal Affairs of Kazakhstan"
    ] * 2
    assert reviews[0]["reviewRating"]["alternateName"] == "consistent"


def test_record_checks(sqlite_backend: Backend) -> None:
    from toolkit.check import check

    api.record(SEED / "claims.csv", sqlite_backend.location)
    report = check(SEED / "claims.csv", SEED / "rules.yaml")
    done = api.record_checks(report.checks, sqlite_backend.location)
    assert len(done.entries) == len(report.checks)
    verdicts = api.show("russians", sqlite_backend.location).verdicts
    assert [v.rule for v in verdicts] == ["russians_within_foreigners", "russian_share"]


def test_ledger_help_runs_as_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from toolkit.cli import main; main()", "ledger", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    for command in ("record", "log", "show", "correct", "keygen", "checkpoint", "verify"):
        assert command in result.stdout
    lazy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, toolkit.cli.ledger; heavy = ('psycopg', 'prov', 'cryptography', 'rdflib');"
            " print(sorted(m for m in heavy if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert lazy.stdout.strip() == "[]"
