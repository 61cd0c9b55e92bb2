"""The ledger's records: agents, documents, figure assertions, relations, checks, corrections.

Every entry is a frozen dataclass with an ``id`` (unique in the ledger, what
other entries refer to) and ``at`` (UTC time it was recorded). ``payload()``
is the JSON object hashed into the log; ``decode()`` reads one back.

Personal data (a byline's name) never enters the hashed bytes: it is a
``Sealed`` value whose payload is only ``{"sealed": sha256(salt ‖ text)}``.
The clear text and salt are stored beside the log, so a ``Redaction`` can
delete them without changing a single hashed byte or proof.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Literal, get_args

from toolkit.errors import LedgerError

__all__ = [
    "ROLES",
    "VERDICTS",
    "Agent",
    "Assertion",
    "CheckResult",
    "Correction",
    "Document",
    "Entry",
    "Redaction",
    "Relation",
    "Role",
    "Sealed",
    "decode",
    "new_id",
    "now",
]

Role = Literal["originator", "reporter", "publisher", "republisher", "translator"]
#: Roles in the order a figure travels from its source to a reader.
ROLES: tuple[Role, ...] = get_args(Role)
AgentType = Literal["organization", "person", "agent"]
VERDICTS = ("consistent", "uncertain", "inconsistent", "unchecked")
FORMAT_VERSION = "1"


def now() -> str:
    """The current UTC time as the ledger writes it (ISO 8601, seconds, ``Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id(kind: str, hint: str = "") -> str:
    """A fresh entry id: ``kind:hint:8 random hex`` (unique without asking the store)."""
    middle = f"{hint}:" if hint else ""
    return f"{kind}:{middle}{secrets.token_hex(4)}"


@dataclass(frozen=True, slots=True)
class Sealed:
    """A personal datum logged only as its salted SHA-256; ``text`` is None once redacted."""

    digest: str
    salt: bytes | None = None
    text: str | None = None

    @staticmethod
    def seal(text: str, salt: bytes | None = None) -> Sealed:
        salt = salt if salt is not None else secrets.token_bytes(16)
        return Sealed(Sealed.digest_of(text, salt), salt, text)

    @staticmethod
    def digest_of(text: str, salt: bytes) -> str:
        return hashlib.sha256(salt + text.encode("utf-8")).hexdigest()

    def shown(self) -> str:
        return self.text if self.text is not None else f"[redacted {self.digest[:12]}]"


def _seal_payload(value: str | Sealed) -> str | dict[str, str]:
    return {"sealed": value.digest} if isinstance(value, Sealed) else value


@dataclass(frozen=True, slots=True)
class Entry:
    """Fields every entry has; subclasses add their own and set ``kind``."""

    kind: ClassVar[str] = ""
    id: str
    at: str

    def fields(self) -> dict[str, Any]:
        return {}

    def payload(self) -> dict[str, Any]:
        """The JSON object hashed into the log (before canonicalisation)."""
        return {"v": FORMAT_VERSION, "kind": self.kind, "id": self.id, "at": self.at} | (
            self.fields()
        )

    def sealed(self) -> tuple[Sealed, ...]:
        """Personal data this entry carries, stored beside the log."""
        return ()


@dataclass(frozen=True, slots=True)
class Agent(Entry):
    """Someone who states, reports or publishes: ``claimed`` marks an identity taken on trust."""

    kind: ClassVar[str] = "agent"
    name: str | Sealed = ""
    type: AgentType = "organization"
    claimed: bool = False

    def fields(self) -> dict[str, Any]:
        return {"name": _seal_payload(self.name), "type": self.type, "claimed": self.claimed}

    def sealed(self) -> tuple[Sealed, ...]:
        return (self.name,) if isinstance(self.name, Sealed) else ()

    @property
    def display(self) -> str:
        return self.name.shown() if isinstance(self.name, Sealed) else self.name


@dataclass(frozen=True, slots=True)
class Document(Entry):
    """A page or file a figure was read from, with the SHA-256 of its content."""

    kind: ClassVar[str] = "document"
    url: str | None = None
    title: str | None = None
    content_sha256: str | None = None
    retrieved: str | None = None
    published: str | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "content_sha256": self.content_sha256,
            "retrieved": self.retrieved,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class Assertion(Entry):
    """One place a figure appears: who stated it in what role, in what words."""

    kind: ClassVar[str] = "assertion"
    figure: str = ""
    text: str = ""
    value: Decimal | None = None
    role: Role = "originator"
    agent: str = ""
    document: str | None = None
    derived_from: str | None = None
    unit: str | None = None
    subject: str | None = None
    quote: str | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "text": self.text,
            "value": self.value,
            "role": self.role,
            "agent": self.agent,
            "document": self.document,
            "derived_from": self.derived_from,
            "unit": self.unit,
            "subject": self.subject,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Relation(Entry):
    """A typed link between two entries (``conflicts-with``, ``byline-of``) with a note."""

    kind: ClassVar[str] = "relation"
    relation: str = ""
    subject: str = ""
    object: str = ""
    note: str | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "subject": self.subject,
            "object": self.object,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class CheckResult(Entry):
    """A verdict from ``check`` on a rule over some figures."""

    kind: ClassVar[str] = "check"
    rule: str = ""
    expression: str = ""
    figures: tuple[str, ...] = ()
    verdict: str = "unchecked"
    explanation: str | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "expression": self.expression,
            "figures": list(self.figures),
            "verdict": self.verdict,
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Correction(Entry):
    """A new value for a figure with the reason; ``revises`` is the entry it corrects."""

    kind: ClassVar[str] = "correction"
    figure: str = ""
    revises: str = ""
    value: Decimal | None = None
    text: str | None = None
    reason: str = ""

    def fields(self) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "revises": self.revises,
            "value": self.value,
            "text": self.text,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Redaction(Entry):
    """Removes the clear text behind a sealed digest; the hashed log is untouched."""

    kind: ClassVar[str] = "redaction"
    digest: str = ""
    reason: str = ""

    def fields(self) -> dict[str, Any]:
        return {"digest": self.digest, "reason": self.reason}


KINDS: dict[str, type[Entry]] = {
    cls.kind: cls for cls in (Agent, Document, Assertion, Relation, CheckResult, Correction)
} | {Redaction.kind: Redaction}


def _decimal(value: Any, where: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation as exc:
        raise LedgerError(f"value {value!r} is not a decimal", where) from exc


@dataclass(frozen=True, slots=True)
class _Reader:
    payload: Mapping[str, Any]
    secrets: Mapping[str, tuple[bytes, str]] = field(default_factory=dict)

    def text(self, name: str) -> Any:
        return self.payload.get(name)

    def name(self) -> str | Sealed:
        raw = self.payload.get("name")
        if isinstance(raw, dict):
            digest = str(raw.get("sealed", ""))
            salt, text = self.secrets.get(digest, (None, None))
            return Sealed(digest, salt, text)
        return str(raw)


def decode(payload: Mapping[str, Any], secrets: Mapping[str, tuple[bytes, str]] = {}) -> Entry:
    """The entry a stored JSON object describes; ``secrets`` maps digests to (salt, text)."""
    kind = payload.get("kind")
    cls = KINDS.get(str(kind))
    where = f"entry {payload.get('id')!r}"
    if cls is None:
        raise LedgerError(f"unknown entry kind {kind!r}", where)
    r = _Reader(payload, secrets)
    base: dict[str, Any] = {"id": str(payload.get("id")), "at": str(payload.get("at"))}
    skip = {"v", "kind", "id", "at"}
    extra = {k: v for k, v in payload.items() if k not in skip}
    if cls is Agent:
        extra["name"] = r.name()
    elif cls in (Assertion, Correction):
        extra["value"] = _decimal(extra.get("value"), where)
    elif cls is CheckResult:
        extra["figures"] = tuple(extra.get("figures") or ())
    try:
        return cls(**base, **extra)
    except TypeError as exc:
        raise LedgerError(f"stored entry does not fit its kind ({exc})", where) from exc
