"""The pre-commit hooks (run by the real ``pre-commit`` on a temporary git repo), the GitHub
Action's scripts (run locally the way the runner runs them) and ``init``'s scaffold."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.report.conftest import ROOT
from tests.report.test_sarif import validate
from toolkit.check import check
from toolkit.cli.init import scaffold
from toolkit.render.sarif import render_sarif

BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
BAD = "claims:\n  - {id: part, value: '57'}\n  - {id: whole, value: '48'}\nrules:\n  - {id: r, check: part <= whole}\n"  # noqa: E501


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


def project(tmp_path: Path) -> Path:
    repo = tmp_path / "newsroom"
    scaffold(repo)
    git(repo, "init", "-q")
    return repo


def run_pre_commit(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}  # fmt: skip
    git(repo, "add", "-A")
    return subprocess.run(
        [PRE_COMMIT, "run", "--all-files", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def local_hooks() -> list[dict[str, object]]:
    """Our .pre-commit-hooks.yaml as ``repo: local`` hooks on the installed claimledger."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return [{**h, "language": "system"} for h in hooks]


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit not installed (pip install pre-commit)")
def test_pre_commit_hook_passes_then_fails_on_an_inconsistent_table(tmp_path: Path) -> None:
    repo = project(tmp_path)
    config = {"repos": [{"repo": "local", "hooks": local_hooks()}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    done = run_pre_commit(repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "claimledger check (claims tables)" in done.stdout and "Passed" in done.stdout
    (repo / "claims" / "bad.yaml").write_text(BAD, encoding="utf-8")
    done = run_pre_commit(repo, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Failed" in done.stdout and "inconsistent" in done.stdout
    # Files outside claims/ are not checked.
    (repo / "claims" / "bad.yaml").rename(repo / "notes.yaml")
    assert run_pre_commit(repo, tmp_path).returncode == 0


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit not installed (pip install pre-commit)")
def test_pre_commit_article_hook_fails_on_an_impossible_article(tmp_path: Path) -> None:
    repo = project(tmp_path)
    config = {"repos": [{"repo": "local", "hooks": local_hooks()}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "articles").mkdir(exist_ok=True)
    story = repo / "articles" / "story.txt"
    story.write_text(
        "Police said 48 protesters were detained, of whom 57 were later charged.\n",
        encoding="utf-8",
    )
    done = run_pre_commit(repo, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "claimledger check (articles)" in done.stdout and "inconsistent" in done.stdout
    story.write_text(
        "Police said 48 protesters were detained, of whom 17 were later charged.\n",
        encoding="utf-8",
    )
    done = run_pre_commit(repo, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit not installed")
@pytest.mark.skipif(
    os.environ.get("CI", "").lower() not in ("1", "true", "yes"),
    reason="installs claimledger into pre-commit's own virtualenv (about 30 s): CI only",
)
def test_pre_commit_installs_the_hook_repository_from_a_local_clone(tmp_path: Path) -> None:
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    for name in ("pyproject.toml", ".pre-commit-hooks.yaml", "README.md"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, hooks / name)
    (hooks / "README.md").touch()
    shutil.copytree(ROOT / "toolkit", hooks / "toolkit",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    git(hooks, "init", "-q")
    git(hooks, "add", "-A")
    git(hooks, "commit", "-qm", "hooks")
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True,
                         text=True, check=True).stdout.strip()  # fmt: skip
    repo = project(tmp_path)
    config = {"repos": [{"repo": str(hooks), "rev": rev, "hooks": [{"id": "claimledger-check"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "claims" / "bad.yaml").write_text(BAD, encoding="utf-8")
    done = run_pre_commit(repo, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "inconsistent" in done.stdout


def action_step(name: str) -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        if step.get("name") == name:
            assert step["shell"] == "bash"
            return str(step["run"])
    raise AssertionError(f"no step {name!r}")


def test_action_checks_annotates_and_merges_valid_sarif(tmp_path: Path) -> None:
    repo = project(tmp_path)
    (repo / "claims" / "bad.yaml").write_text(BAD, encoding="utf-8")
    output = tmp_path / "github_output"
    output.touch()
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "CLAIMS": "claims/**/*.yaml claims/**/*.csv",
        "RULES": "", "VALIDATE": "", "FAIL_ON": "inconsistent",
        "SARIF_DIR": str(tmp_path / "sarif"), "GITHUB_OUTPUT": str(output),
    }  # fmt: skip
    run = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"]  # as the runner does
    done = subprocess.run([*run, action_step("Check and validate")], cwd=repo, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "::error file=claims/bad.yaml" in done.stdout
    assert "checked 2 input(s)" in done.stdout
    assert "status=1" in output.read_text(encoding="utf-8")
    done = subprocess.run([*run, action_step("Merge SARIF")], cwd=repo, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    merged = tmp_path / "sarif" / "claimledger.sarif.json"
    log = validate(merged.read_text(encoding="utf-8"))
    assert len(log["runs"]) == 2
    assert len({r["automationDetails"]["id"] for r in log["runs"]}) == 2
    assert [r["ruleId"] for run_ in log["runs"] for r in run_["results"]] == ["r"]


def test_init_scaffolds_and_keeps_existing_files(tmp_path: Path) -> None:
    first = scaffold(tmp_path / "p")
    assert all(written for _, written in first)
    names = sorted(p.relative_to(tmp_path / "p").as_posix() for p, _ in first)
    assert names == [
        ".github/workflows/claimledger.yml", ".pre-commit-config.yaml", "README.md",
        "claims/example.yaml", "expectations/README.md", "ledger/README.md",
    ]  # fmt: skip
    (tmp_path / "p" / "README.md").write_text("mine", encoding="utf-8")
    again = dict(scaffold(tmp_path / "p"))
    assert not any(again.values())
    assert (tmp_path / "p" / "README.md").read_text(encoding="utf-8") == "mine"
    workflow = yaml.safe_load((tmp_path / "p" / ".github/workflows/claimledger.yml").read_text())
    assert "check" in workflow["jobs"]
    precommit = yaml.safe_load((tmp_path / "p" / ".pre-commit-config.yaml").read_text())
    assert precommit["repos"][0]["hooks"][0]["id"] == "claimledger-check"


def test_sarif_from_the_cli_matches_the_library(tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    claims = ROOT / "tests" / "data" / "claims-part-exceeds-whole.csv"
    rules = ROOT / "tests" / "data" / "rules-part-exceeds-whole.yaml"
    done = subprocess.run(
        [str(BIN / "claimledger"), "check", str(claims), "--rules", str(rules),
         "--format", "sarif", "--output", str(out)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    log = validate(out.read_text(encoding="utf-8"))
    assert log == json.loads(render_sarif(check(claims, rules), str(claims)))
