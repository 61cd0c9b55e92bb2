"""Validate tables of figures: the rule language row by row, GX suites, the claims-table schema.

    validate(data, rules=..., suite=..., schema=...)  → ValidationReport
    list_suites()                                     → the suites shipped in expectations/

Heavy packages (polars, pandas, great_expectations, pandera, pyspark) are
imported inside the functions that need them, never here.
"""

from __future__ import annotations

from toolkit.validate.report import CheckOutcome, Failure, ValidationReport
from toolkit.validate.run import validate
from toolkit.validate.suites_list import SuiteInfo, list_suites

__all__ = ["CheckOutcome", "Failure", "SuiteInfo", "ValidationReport", "list_suites", "validate"]
