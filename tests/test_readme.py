"""Docs that cannot drift: the README's sessions and Python examples are run here."""

from __future__ import annotations

import doctest
import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toolkit.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
SESSION = re.compile(r"```console\n\$ (?P<cmd>[^\n]+)\n(?P<out>.*?)```", re.S)


def run(cmd: str) -> str:
    args = shlex.split(cmd)
    assert args[0] == "claimledger"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, args[1:], env={"COLUMNS": "100", "NO_COLOR": "1"})
    finally:
        os.chdir(cwd)
    out = result.stdout + result.stderr
    out = "\n".join(line.rstrip() for line in out.splitlines())
    return f"{out}\n[exit {result.exit_code}]\n"


#: Hashes, signatures and times differ from run to run; the rest must match exactly.
_VOLATILE = re.compile(r"[0-9a-f]{64}|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d)?")


def _stable(text: str) -> str:
    return _VOLATILE.sub("…", text)


def test_readme_sessions_match_what_the_commands_print() -> None:
    for leftover in (ROOT / ".claimledger").glob("readme.sqlite*"):
        leftover.unlink()
    text = README.read_text(encoding="utf-8")
    sessions = list(SESSION.finditer(text))
    assert sessions, "the README has no console sessions"
    updated = text
    for m in sessions:
        actual = run(m.group("cmd"))
        if os.environ.get("UPDATE_README"):
            updated = updated.replace(m.group(0), f"```console\n$ {m.group('cmd')}\n{actual}```", 1)
        else:
            expected = _stable(m.group("out"))
            assert expected == _stable(actual), f"README session drifted: {m.group('cmd')}"
    if os.environ.get("UPDATE_README"):
        README.write_text(updated, encoding="utf-8")


def test_readme_python_examples_run() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, re.S)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for n, block in enumerate(blocks):
            test = parser.get_doctest(block, {}, f"README pycon {n}", str(README), 0)
            runner.run(test)
    finally:
        os.chdir(cwd)
    result = runner.summarize(verbose=False)
    if result.failed:
        pytest.fail(f"{result.failed} README example(s) failed")
