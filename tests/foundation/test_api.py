"""The public API is curated: ``toolkit.__all__`` is pinned here, and the names work."""

from __future__ import annotations

import subprocess
import sys

import toolkit


def test_public_names_are_pinned() -> None:
    assert toolkit.__all__ == [
        "CheckResult",
        "Claim",
        "ClaimsTable",
        "Figure",
        "Interval",
        "Report",
        "Rule",
        "ToolkitError",
        "Verdict",
        "check",
        "extract",
        "parse_figure",
        "parse_rule",
        "read_claims",
    ]
    for name in toolkit.__all__:
        assert getattr(toolkit, name) is not None


def test_check_stays_a_function_after_its_subpackage_is_imported() -> None:
    code = (
        "import toolkit.check, toolkit.check.run\n"
        "from toolkit import check\n"
        "import toolkit\n"
        "print(callable(check), callable(toolkit.check))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "True True", done.stderr
