"""The Great Expectations suites shipped in ``expectations/``, each paired with its dataset.

A suite names its dataset in ``meta.claimledger.dataset`` (a path from the project
root), so ``claimledger validate --list-suites`` can say which table it is for.
Reading the list needs only ``json``: GX itself is imported when a suite runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SuiteInfo", "list_suites", "suites_folder"]


@dataclass(frozen=True, slots=True)
class SuiteInfo:
    """A shipped suite: its file, GX name, number of expectations and the dataset it is for."""

    path: Path
    name: str
    expectations: int
    dataset: str | None
    description: str | None


def suites_folder() -> Path:
    """``./expectations`` if it exists, else the one beside the installed ``toolkit`` package."""
    here = Path.cwd() / "expectations"
    return here if here.is_dir() else Path(__file__).resolve().parents[2] / "expectations"


def list_suites(folder: Path | None = None) -> list[SuiteInfo]:
    """Every ``*.json`` suite in ``folder`` (default ``suites_folder()``), sorted by name."""
    folder = folder or suites_folder()
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
            continue
        meta = data.get("meta") or {}
        ours = meta.get("claimledger") if isinstance(meta, dict) else None
        ours = ours if isinstance(ours, dict) else {}
        found.append(
            SuiteInfo(
                path,
                str(data.get("name", path.stem)),
                len(data["expectations"]),
                ours.get("dataset"),
                ours.get("description"),
            )
        )
    return found
