"""PROV-JSON and PROV-N written straight from ``ProvRecord``s, without building a model.

The text is what the ``prov`` package writes for the same statements
(``json.dump(indent=2)`` of its container, ``get_provn()``), byte for byte:
records in order, relations numbered ``_:id1``, ``_:id2`` … in PROV-JSON,
qualified-name values as ``{"$": …, "type": "xsd:QName"}`` (PROV-JSON) or
``'…'`` (PROV-N), booleans as ``xsd:boolean``. Identifiers must already be
plain qualified names (``provenance._local`` makes them so).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["FORMAL", "NAMESPACE", "ProvRecord", "QName", "Value", "prov_json", "prov_n"]

NAMESPACE = "urn:claimledger:"


class QName(str):
    """A qualified name as an attribute value (``prov:Person``), not a string literal."""

    __slots__ = ()


Value = str | bool | QName

#: Each relation's formal attributes, in PROV-N order.
FORMAL: dict[str, tuple[str, ...]] = {
    "entity": (),
    "agent": (),
    "wasAttributedTo": ("prov:entity", "prov:agent"),
    "wasDerivedFrom": (
        "prov:generatedEntity",
        "prov:usedEntity",
        "prov:activity",
        "prov:generation",
        "prov:usage",
    ),
    "hadMember": ("prov:collection", "prov:entity"),
}


@dataclass(frozen=True, slots=True)
class ProvRecord:
    """One PROV statement: an element (``id`` set) or a relation (``formal`` set)."""

    type: str
    id: str | None
    formal: tuple[str | None, ...]
    attrs: tuple[tuple[str, Value], ...]


_ascii = json.encoder.encode_basestring_ascii  # the C escaper json.dumps uses


def prov_json(records: Iterable[ProvRecord]) -> str:
    """PROV-JSON of ``records`` (indented by 2, ASCII, ending in a newline).

    Written line by line: ``json.dumps(indent=2)`` falls back to the pure-Python
    encoder, which is most of the cost at 10^4 entries. The tests hold the two to
    each other; an identifier used twice (a list in PROV-JSON) goes through
    ``json.dumps``.
    """
    groups: dict[str, dict[str, list[tuple[str, Value]]]] = {}
    anonymous = 0
    repeated = False
    for rec in records:
        if rec.id is None:
            anonymous += 1
            ident = f"_:id{anonymous}"
        else:
            ident = rec.id
        body: list[tuple[str, Value]] = [
            (name, v) for name, v in zip(FORMAL[rec.type], rec.formal, strict=True) if v is not None
        ]
        body.extend(rec.attrs)
        group = groups.setdefault(rec.type, {})
        if ident in group:
            repeated = True
            group[ident + "\0" + str(len(group))] = body
        else:
            group[ident] = body
    if repeated:
        return _json_dumps(groups)
    out = ['{\n  "prefix": {\n    "cl": ', _ascii(NAMESPACE), "\n  }"]
    for kind, group in groups.items():
        out.append(",\n  " + _ascii(kind) + ": {")
        sep = "\n    "
        for ident, body in group.items():
            out.append(sep + _ascii(ident) + ": ")
            sep = ",\n    "
            if not body:
                out.append("{}")
                continue
            inner = "{\n      "
            for name, value in body:
                out.append(inner + _ascii(name) + ": " + _json_value(value))
                inner = ",\n      "
            out.append("\n    }")
        out.append("\n  }" if group else "}")
    out.append("\n}\n")
    return "".join(out)


def _json_value(value: Value) -> str:
    if type(value) is QName:
        return '{\n        "$": ' + _ascii(value) + ',\n        "type": "xsd:QName"\n      }'
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(_ascii(value))


def _json_dumps(groups: dict[str, dict[str, list[tuple[str, Value]]]]) -> str:
    container: dict[str, dict[str, Any]] = {"prefix": {"cl": NAMESPACE}}
    for kind, group in groups.items():
        target: dict[str, Any] = container.setdefault(kind, {})
        for key, body in group.items():
            ident = key.split("\0", 1)[0]
            obj = {
                name: {"$": v, "type": "xsd:QName"} if type(v) is QName else v for name, v in body
            }
            if ident not in target:
                target[ident] = obj
            elif isinstance(target[ident], list):
                target[ident].append(obj)
            else:
                target[ident] = [target[ident], obj]
    return json.dumps(container, indent=2) + "\n"


def _provn_value(value: Value) -> str:
    if type(value) is QName:
        return f"'{value}'"
    if isinstance(value, bool):
        return f'"{"true" if value else "false"}" %% xsd:boolean'
    text = value.replace("\\", "\\\\").replace('"', '\\"')
    if "\n" in text:
        return f'"""{text}"""'
    return '"' + text.replace("\r", "\\r") + '"'


def prov_n(records: Iterable[ProvRecord]) -> str:
    """PROV-N of ``records`` (a ``document … endDocument`` block ending in a newline)."""
    lines = ["document", f"prefix cl <{NAMESPACE}>", ""]
    for rec in records:
        items = [rec.id] if rec.id is not None else []
        items.extend(v if v is not None else "-" for v in rec.formal)
        if rec.attrs:
            extra = ", ".join(f"{name}={_provn_value(v)}" for name, v in rec.attrs)
            items.append(f"[{extra}]")
        lines.append(f"{rec.type}({', '.join(items)})")
    return "\n  ".join(lines) + "\nendDocument\n"
