"""Errors a person reads.

Every error the library raises is a ``ToolkitError``; the CLI catches only
that, prints ``Error: <what>, <where>. <how to fix>`` and exits 2. Findings
about the data (an inconsistent figure) are results, never errors.

    ToolkitError
    ├── UnreadableFigure        a figure's text cannot be read as a number
    ├── RuleSyntaxError         a rule expression is malformed (has a column)
    ├── UnknownClaim            a rule names an id that is not in the table
    ├── UnreadableTable         a claims table or rules file cannot be read
    │   └── InvalidClaim        a row is readable but breaks the contract
    ├── UnreadableInput         an article or data file cannot be read
    └── LedgerError             the ledger cannot be opened or written
        └── LedgerTampered      stored entries do not match their proofs
"""

from __future__ import annotations

__all__ = [
    "InvalidClaim",
    "LedgerError",
    "LedgerTampered",
    "RuleSyntaxError",
    "ToolkitError",
    "UnknownClaim",
    "UnreadableFigure",
    "UnreadableInput",
    "UnreadableTable",
]


class ToolkitError(Exception):
    """Base of every error claimledger raises on purpose.

    ``what`` says what is wrong, ``where`` where (``file:line:column`` or a
    description), ``fix`` how to fix it. ``str()`` joins them the way the
    CLI prints them.
    """

    def __init__(self, what: str, where: str | None = None, fix: str | None = None) -> None:
        self.what = what
        self.where = where
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = self.what
        if self.where:
            text += f", {self.where}"
        text += "."
        if self.fix:
            text += f" {self.fix}"
        return text

    def located(self, where: str) -> ToolkitError:
        """Return a copy of this error placed at ``where``, keeping any inner place in brackets."""
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone.where = f"{where} ({self.where})" if self.where else where
        Exception.__init__(clone, clone.message)
        return clone


class UnreadableFigure(ToolkitError):
    """A figure's text cannot be read; ``column`` is the 1-based place it failed."""

    def __init__(
        self, what: str, text: str, column: int | None = None, fix: str | None = None
    ) -> None:
        self.text = text
        self.column = column
        where = f"in {text!r}" + (f" at column {column}" if column else "")
        super().__init__(what, where, fix)


class RuleSyntaxError(ToolkitError):
    """A rule cannot be parsed; ``column`` is 1-based and ``caret`` draws it."""

    def __init__(self, what: str, expression: str, column: int, fix: str | None = None) -> None:
        self.expression = expression
        self.column = column
        super().__init__(what, f"at column {column} of {expression!r}", fix)

    @property
    def caret(self) -> str:
        return f"  {self.expression}\n  {' ' * (self.column - 1)}^"


class UnknownClaim(ToolkitError):
    """A rule names a claim id that the table does not have."""


class UnreadableTable(ToolkitError):
    """A claims table or rules file cannot be read."""


class InvalidClaim(UnreadableTable):
    """A row of a claims table breaks the contract (bad id, duplicate, bad figure)."""


class UnreadableInput(ToolkitError):
    """An article or data file cannot be read (missing, binary, not UTF-8)."""


class LedgerError(ToolkitError):
    """The ledger cannot be opened, read or appended to."""


class LedgerTampered(LedgerError):
    """Stored ledger entries do not match their hashes, proofs or checkpoint."""
