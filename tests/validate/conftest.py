"""Heavy backends (Spark, Great Expectations) are marked; they run in CI, never skip silently there.

Locally they are skipped unless ``CI=true``, ``CLAIMLEDGER_HEAVY=1`` or ``-m spark`` / ``-m gx``
selects them. With ``CI=true`` a missing package fails the test instead of skipping it.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "validate"
MAJORS = ROOT / "datasets" / "womens-share-majors"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("true", "1")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "gx: runs Great Expectations (slow import; run in CI)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = str(config.getoption("-m") or "")
    heavy = in_ci() or os.environ.get("CLAIMLEDGER_HEAVY") == "1"
    for item in items:
        for mark in ("spark", "gx"):
            if item.get_closest_marker(mark) and not heavy and mark not in chosen:
                item.add_marker(pytest.mark.skip(
                    reason=f"{mark} test: run with CI=true, CLAIMLEDGER_HEAVY=1 or -m {mark}"
                ))  # fmt: skip


def require(module: str) -> None:
    """Skip when ``module`` is missing — except in CI, where that is a failure."""
    if importlib.util.find_spec(module) is None:
        if in_ci():
            pytest.fail(f"{module} is not installed, but CI must run this test")
        pytest.skip(f"{module} is not installed")
