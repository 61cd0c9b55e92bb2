"""Views rebuilt from entries: a figure's chain, its corrections, verdicts and current value.

Nothing here is stored: every view is recomputed from the log, so a view can
never disagree with the entries it came from.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from toolkit.errors import LedgerError
from toolkit.extraction.claim import decimal_text
from toolkit.ledger.canonical import parse_entry_bytes
from toolkit.ledger.entries import (
    Agent,
    Assertion,
    CheckResult,
    Correction,
    Document,
    Entry,
    Relation,
    decode,
)
from toolkit.ledger.store import Store, StoredEntry

__all__ = ["FigureChain", "Link", "Snapshot", "figure_chain", "load", "summary"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The decoded log: entries in order with their positions, and an index by id."""

    entries: tuple[tuple[int, Entry], ...]
    by_id: Mapping[str, Entry] = field(default_factory=dict)

    def of(self, kind: type[Entry]) -> Iterator[tuple[int, Any]]:
        return ((seq, e) for seq, e in self.entries if isinstance(e, kind))

    def agent_name(self, agent_id: str) -> str:
        agent = self.by_id.get(agent_id)
        return agent.display if isinstance(agent, Agent) else agent_id


def decode_row(row: StoredEntry, secrets: Mapping[str, tuple[bytes, str]]) -> Entry:
    try:
        return decode(parse_entry_bytes(row.data), secrets)
    except LedgerError as exc:
        raise exc.located(f"ledger entry #{row.seq}") from exc


def load(store: Store) -> Snapshot:
    """Decode every entry of ``store`` (sealed names resolved unless redacted)."""
    secrets = store.personal()
    entries = tuple((row.seq, decode_row(row, secrets)) for row in store.rows())
    return Snapshot(entries, {e.id: e for _, e in entries})


def summary(entry: Entry, snap: Snapshot) -> str:
    """One line saying what an entry records."""
    if isinstance(entry, Agent):
        claimed = " (claimed identity)" if entry.claimed else ""
        return f"{entry.type} {entry.display}{claimed}"
    if isinstance(entry, Document):
        return f"{entry.url or 'document'} sha256:{(entry.content_sha256 or '')[:12]}"
    if isinstance(entry, Assertion):
        return f"{entry.figure} {entry.text!r} {entry.role} {snap.agent_name(entry.agent)}"
    if isinstance(entry, Relation):
        return f"{entry.subject} {entry.relation} {entry.object}"
    if isinstance(entry, CheckResult):
        return f"{entry.rule} {entry.verdict}"
    if isinstance(entry, Correction):
        return f"{entry.figure} → {decimal_text(entry.value)} ({entry.reason})"
    return entry.kind


@dataclass(frozen=True, slots=True)
class Link:
    """One step of a figure's chain: who, in what role, in what words."""

    seq: int
    id: str
    role: str
    agent: str
    text: str
    value: Decimal | None
    quote: str | None = None
    url: str | None = None
    bylines: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry": self.id,
            "leaf_index": self.seq,
            "role": self.role,
            "agent": self.agent,
            "text": self.text,
            "value": decimal_text(self.value),
            "quote": self.quote,
            "url": self.url,
            "bylines": list(self.bylines),
            "conflicts": list(self.conflicts),
        }


@dataclass(frozen=True, slots=True)
class FigureChain:
    """A figure's chain from its source to the last republication, with what followed."""

    figure: str
    subject: str | None
    links: tuple[Link, ...]
    corrections: tuple[Correction, ...]
    verdicts: tuple[CheckResult, ...]

    @property
    def current(self) -> Decimal | None:
        """The latest corrected value, else the value as last published."""
        if self.corrections:
            return self.corrections[-1].value
        return self.links[-1].value if self.links else None

    @property
    def last(self) -> Link:
        return self.links[-1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "figure": self.figure,
            "subject": self.subject,
            "current_value": decimal_text(self.current),
            "chain": [link.to_dict() for link in self.links],
            "corrections": [
                {
                    "entry": c.id,
                    "revises": c.revises,
                    "value": decimal_text(c.value),
                    "text": c.text,
                    "reason": c.reason,
                    "at": c.at,
                }
                for c in self.corrections
            ],
            "verdicts": [
                {
                    "entry": v.id,
                    "rule": v.rule,
                    "expression": v.expression,
                    "verdict": v.verdict,
                    "explanation": v.explanation,
                }
                for v in self.verdicts
            ],
        }


def _resolve(snap: Snapshot, key: str) -> str:
    figures: dict[str, Assertion] = {a.figure: a for _, a in snap.of(Assertion)}
    if key in figures:
        return key
    folded = key.casefold()
    matches = sorted(
        {
            f
            for f, a in figures.items()
            if folded in a.text.casefold() or folded in (a.subject or "").casefold()
        }
    )
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(sorted(figures)[:8]) or "none yet"
    if matches:
        raise LedgerError(
            f"{key!r} matches several figures ({', '.join(matches)})",
            "in the ledger",
            "Name the figure by its id.",
        )
    raise LedgerError(
        f"no figure {key!r} in the ledger",
        "in the ledger",
        f"Name a recorded figure by its id (recorded: {known}).",
    )


def figure_chain(snap: Snapshot, key: str) -> FigureChain:
    """The chain of the figure with id ``key`` (or whose text or subject contains ``key``).

    When a figure was recorded more than once, the chain is the latest one:
    followed back from its last assertion through ``derived_from``.
    """
    figure = _resolve(snap, key)
    assertions = [(seq, a) for seq, a in snap.of(Assertion) if a.figure == figure]
    positions = {a.id: seq for seq, a in assertions}
    relations = [r for _, r in snap.of(Relation)]
    chain: list[Link] = []
    current: Assertion | None = assertions[-1][1]
    while current is not None:
        chain.append(_link(snap, positions[current.id], current, relations))
        parent = snap.by_id.get(current.derived_from or "")
        current = parent if isinstance(parent, Assertion) else None
    chain.reverse()
    corrections = tuple(c for _, c in snap.of(Correction) if c.figure == figure)
    verdicts = tuple(v for _, v in snap.of(CheckResult) if figure in v.figures)
    return FigureChain(figure, assertions[-1][1].subject, tuple(chain), corrections, verdicts)


def _link(snap: Snapshot, seq: int, a: Assertion, relations: list[Relation]) -> Link:
    document = snap.by_id.get(a.document or "")
    bylines = [r.subject for r in relations if r.relation == "byline-of" and r.object == a.id]
    conflicts = [
        r.note or f"conflicts with {snap.agent_name(r.object)}"
        for r in relations
        if r.relation == "conflicts-with" and r.subject in bylines
    ]
    return Link(
        seq=seq,
        id=a.id,
        role=a.role,
        agent=snap.agent_name(a.agent),
        text=a.text,
        value=a.value,
        quote=a.quote,
        url=document.url if isinstance(document, Document) else None,
        bylines=tuple(snap.agent_name(b) for b in bylines),
        conflicts=tuple(conflicts),
    )
