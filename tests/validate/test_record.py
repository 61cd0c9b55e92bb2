"""`validate --record` writes the table and the result to the ledger, in one verifiable append."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from toolkit.cli import app

MAJORS = Path(__file__).resolve().parents[2] / "datasets" / "womens-share-majors"


def test_validate_record_appends_the_table_and_each_check(tmp_path: Path) -> None:
    ledger = str(tmp_path / "ledger.sqlite")
    runner = CliRunner()
    args = ["validate", str(MAJORS / "majors.csv"), "--rule", "Men + Women == Total",
            "--rule", "Total > 0", "--record", "--ledger", ledger]  # fmt: skip
    assert runner.invoke(app, args).exit_code == 1
    assert runner.invoke(app, args).exit_code == 1  # the same table again: only new verdicts
    done = runner.invoke(app, ["ledger", "log", "--format", "jsonl", "--ledger", ledger])
    entries = [json.loads(line) for line in done.stdout.splitlines()]
    kinds = [e["kind"] for e in entries]
    assert kinds == ["document", "check", "check", "check", "check"]
    verdicts = [(e["rule"], e["verdict"]) for e in entries if e["kind"] == "check"][:2]
    assert verdicts == [
        ("rule: Men + Women == Total", "inconsistent"),
        ("rule: Total > 0", "consistent"),
    ]
    assert "4 of 20 rows of majors.csv fail" in entries[1]["explanation"]
    assert runner.invoke(app, ["ledger", "verify", "--ledger", ledger]).exit_code == 0
