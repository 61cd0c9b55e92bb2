"""Check: verdicts on rules over claims, collected in a report."""

from toolkit.check.report import CheckResult, Finding, Report, Verdict
from toolkit.check.run import check, check_claims

__all__ = ["CheckResult", "Finding", "Report", "Verdict", "check", "check_claims"]
