"""``claimledger init [DIR]``: scaffold a newsroom project (claims, expectations, ledger, CI).

The scaffolding lives here, next to its command, because it is nothing but
files to write; ``scaffold`` is the library call and never overwrites.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from toolkit.errors import ToolkitError

__all__ = ["TEMPLATES", "register", "scaffold"]

_README = """\
# Figures checked with claimledger

Every number this desk publishes is written down in `claims/` with what it
counts and who stated it, and checked against the relations the story states
(a part cannot exceed its whole, shares add up, ...).

    claims/         one file per story: figures and the rules they must obey
    expectations/   expectations for the data tables behind stories
    ledger/         the append-only record of who said which figure, when
    .github/workflows/claimledger.yml   checks every push and pull request

## Every day

    pip install claimledger
    claimledger check claims/example.yaml            # verdicts in the terminal
    claimledger report claims/example.yaml -o report.html   # the page editors read

`check` exits 0 when nothing is inconsistent, 1 when a figure cannot be right
(or is uncertain, with `--fail-on uncertain`), 2 when an input cannot be read.

## A new story

Copy `claims/example.yaml`, one entry per figure (`id`, `value` as written,
`subject`, `source`, `quote`), then one rule per relation the text states:
`russians <= foreigners` for "4.3 million foreigners, of which 1.6 million
are Russians". Figures are read as intervals: "4.3 million" is 4.25–4.35
million, so rules hold or fail for every value the wording allows.

## In CI and before each commit

The workflow annotates failing lines in pull requests and uploads SARIF to
code scanning. `pre-commit install` runs the same check on changed claims.
"""

_EXAMPLE = """\
# One story: its figures as written, and the relations its wording states.
claims:
  - id: foreigners
    value: 4.3 million
    unit: people
    subject: foreigners who entered Kazakhstan this year
    source: Ministry of Internal Affairs of Kazakhstan
    quote: "4.3 million foreigners have entered the country"
  - id: russians
    value: 1.6 million
    unit: people
    subject: Russians among them
    source: Ministry of Internal Affairs of Kazakhstan
    quote: "of which 1.6 million are Russians"
rules:
  - id: russians_within_foreigners
    check: russians <= foreigners
    note: '"4.3 million foreigners ..., of which 1.6 million are Russians"'
"""

_EXPECTATIONS = """\
# Expectations

Expectations for the data tables behind stories (one YAML file per table),
checked with `claimledger validate`. Keep each next to a note of where the
data came from.
"""

_LEDGER = """\
# Ledger

The append-only record of figures: who stated them, in which document, when,
and every later correction. Record a story's figures with

    claimledger ledger record claims/example.yaml

Entries are hashed and can be signed; nothing is ever edited in place.
"""

_WORKFLOW = """\
# Check every claims file on each push and pull request: annotations on the
# failing lines, and a SARIF upload for code scanning.
name: claimledger
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install claimledger
      - name: Check claims
        run: |
          mkdir -p sarif
          status=0
          for f in claims/*.yaml claims/*.yml claims/*.json claims/*.csv; do
            [ -e "$f" ] || continue
            claimledger check "$f" --format github || status=$?
            claimledger check "$f" --format sarif --output "sarif/$(basename "$f").sarif" \\
              >/dev/null || true
          done
          exit $status
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: sarif
"""

_PRE_COMMIT = """\
# pre-commit install   # then every commit checks the claims files it changes
repos:
  - repo: local
    hooks:
      - id: claimledger-check
        name: claimledger check
        entry: claimledger check
        language: system
        files: ^claims/.*\\.(ya?ml|json|csv)$
"""

#: Files ``init`` writes, relative to the project folder → contents.
TEMPLATES = {
    "README.md": _README,
    "claims/example.yaml": _EXAMPLE,
    "expectations/README.md": _EXPECTATIONS,
    "ledger/README.md": _LEDGER,
    ".github/workflows/claimledger.yml": _WORKFLOW,
    ".pre-commit-config.yaml": _PRE_COMMIT,
}


def scaffold(folder: str | Path = ".") -> list[tuple[Path, bool]]:
    """Write the project files into ``folder``; existing files are kept, never overwritten.

    Returns each file with True when it was written, False when it existed.
    Raises ``ToolkitError`` when ``folder`` is a file or cannot be written.
    """
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise ToolkitError("is a file, not a folder", str(root), "Name a new or existing folder.")
    done: list[tuple[Path, bool]] = []
    for relative, text in TEMPLATES.items():
        target = root / relative
        if target.exists():
            done.append((target, False))
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ToolkitError(
                f"cannot write the file ({exc.strerror})", str(target), "Check permissions."
            ) from None
        done.append((target, True))
    return done


def register(app: typer.Typer) -> None:
    """Add the ``init`` command to ``app``."""

    @app.command(epilog="Exit codes: 0 done, 2 the folder cannot be written.")
    def init(
        folder: Annotated[
            Path, typer.Argument(metavar="DIR", help="Project folder (created when missing).")
        ] = Path("."),
    ) -> None:
        """Scaffold a newsroom project: claims/, expectations/, ledger/, a CI workflow, a README.

        Existing files are kept. Example:

            claimledger init newsroom && cd newsroom && claimledger check claims/example.yaml
        """
        for path, written in scaffold(folder):
            typer.echo(f"{'created' if written else 'kept'} {path.as_posix()}")
