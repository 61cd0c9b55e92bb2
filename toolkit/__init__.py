"""claimledger: check the numbers in the news.

The pipeline, one module folder per step (data flows one way)::

    figures     a stated figure read as an interval      parse_figure()
    extraction  text or tables → claims                   read_claims(), extract()
    rules       a safe expression language                parse_rule()
    check       verdicts on rules over claims              check()
    ledger      append-only provenance with proofs
    render      text, JSON, JUnit, Markdown, SARIF, HTML

Names are loaded on first use so that importing ``toolkit`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
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

_HOMES = {
    "CheckResult": "toolkit.check",
    "Claim": "toolkit.extraction.claim",
    "ClaimsTable": "toolkit.extraction.table",
    "Figure": "toolkit.figures",
    "Interval": "toolkit.figures",
    "Report": "toolkit.check",
    "Rule": "toolkit.rules",
    "ToolkitError": "toolkit.errors",
    "Verdict": "toolkit.check",
    "extract": "toolkit.extraction.extract",
    "parse_figure": "toolkit.figures",
    "parse_rule": "toolkit.rules",
    "read_claims": "toolkit.extraction.table",
}

# ``toolkit.check`` is both a subpackage and the library's main function. Importing the function
# here binds the name after the subpackage is loaded, so later ``import toolkit.check`` statements
# elsewhere cannot replace the function with the module. The subpackage is light (no pandas, GX).
from toolkit.check import check  # noqa: E402

if TYPE_CHECKING:
    from toolkit.check import CheckResult, Report, Verdict
    from toolkit.errors import ToolkitError
    from toolkit.extraction.claim import Claim
    from toolkit.extraction.extract import extract
    from toolkit.extraction.table import ClaimsTable, read_claims
    from toolkit.figures import Figure, Interval, parse_figure
    from toolkit.rules import Rule, parse_rule


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
