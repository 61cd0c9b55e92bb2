"""Canonical JSON (RFC 8785): the exact bytes each ledger entry is hashed as.

Numbers never reach the JSON: a ``Decimal`` or ``int`` becomes its decimal
string (``"1600000"``, ``"36.5"``), so a figure's value is exact and the bytes
do not depend on any float formatting. A float is refused: it would already
have lost the figure as written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import rfc8785

from toolkit.errors import LedgerError
from toolkit.extraction.claim import decimal_text

__all__ = ["canonical_bytes", "jsonable", "parse_entry_bytes"]


def jsonable(value: Any) -> Any:
    """``value`` with decimals and ints as decimal strings, ready for canonical JSON."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise LedgerError(f"cannot record the non-finite number {value}", None)
        return decimal_text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise LedgerError(
            f"cannot record the float {value!r}",
            None,
            "Pass figures as Decimal or as their decimal text.",
        )
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, Sequence):
        return [jsonable(v) for v in value]
    raise LedgerError(f"cannot record a value of type {type(value).__name__}", None)


def _ascii_keys(value: Any) -> bool:
    if isinstance(value, dict):
        return all(k.isascii() and _ascii_keys(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_ascii_keys(v) for v in value)
    return True


# One encoder for every entry: ``json.dumps`` with options builds a new one per call.
_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
_PLAIN = (str, bool, type(None))


def _flat(payload: Mapping[str, Any]) -> dict[str, Any] | None:
    """``jsonable(payload)`` for the usual entry: ASCII keys; str, bool, None or Decimal
    values. None for anything else (nested values, non-ASCII keys), left to the full path."""
    out: dict[str, Any] = {}
    for key, value in payload.items():
        if type(key) is not str or not key.isascii():
            return None
        kind = type(value)
        if kind in _PLAIN:
            out[key] = value
        elif kind is Decimal:
            out[key] = jsonable(value)
        else:
            return None
    return out


def canonical_bytes(payload: Mapping[str, Any]) -> bytes:
    """The RFC 8785 bytes of ``payload`` (numbers turned into decimal strings first).

    Once numbers are strings, the only differences between RFC 8785 and
    ``json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)``
    are key order for non-ASCII keys (UTF-16 vs code points): with ASCII keys
    the standard library's C encoder gives the same bytes, much faster. The
    tests hold the two to each other.
    """
    value: Any = _flat(payload)
    if value is None:
        value = jsonable(payload)
        if not _ascii_keys(value):
            return _rfc8785(value)
    try:
        return _encode(value).encode("utf-8")
    except UnicodeEncodeError:
        return _rfc8785(value)  # a lone surrogate: let rfc8785 refuse it with its own error


def _rfc8785(value: Any) -> bytes:
    try:
        return rfc8785.dumps(value)
    except rfc8785.CanonicalizationError as exc:
        raise LedgerError(f"cannot canonicalise the entry ({exc})", None) from exc


def parse_entry_bytes(data: bytes) -> dict[str, Any]:
    """The JSON object stored in an entry's bytes; raises ``LedgerError`` if they are not one."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise LedgerError(f"stored entry is not JSON ({exc})", None) from exc
    if not isinstance(value, dict):
        raise LedgerError("stored entry is not a JSON object", None)
    return value
