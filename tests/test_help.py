"""Every command's --help has an example and documents its exit codes."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from toolkit.cli import app

COMMANDS = [
    ["check"], ["extract"], ["validate"], ["report"], ["init"],
    ["ledger", "record"], ["ledger", "log"], ["ledger", "show"], ["ledger", "correct"],
    ["ledger", "keygen"], ["ledger", "checkpoint"], ["ledger", "verify"], ["ledger", "prove"],
    ["ledger", "export"],
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_an_example_and_exit_codes(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    text = result.stdout
    assert "Example" in text or "example" in text
    assert "claimledger " + " ".join(command) in " ".join(text.split())
    assert "xit code" in text or "Exit:" in text or "exit " in text.lower()
