"""Exporting the ledger as W3C PROV (PROV-JSON, PROV-N, PROV-O) or schema.org ClaimReview.

The mapping: agents are ``prov:Agent`` (``prov:Organization``, or
``prov:Person`` for a claimed byline, marked ``cl:claimed``); documents and
figure assertions are entities; an assertion is attributed to its agent
(``wasAttributedTo``, with its role), contained in its document
(``hadMember``); a reporter's assertion was quoted from the originator's
(``wasQuotedFrom``); later ones were derived from the step before
(``wasDerivedFrom``) and have the originator's as primary source
(``hadPrimarySource``); a correction is a revision of what it corrects
(``wasRevisionOf``); a check result was derived from the figures it judged.

The mapping is made once, as ``ProvRecord``s. PROV-JSON and PROV-N are
written straight from them (``toolkit.ledger.prov_text``): building the
``prov`` package's model costs seconds at 10^4 entries. PROV-O goes through
``prov`` (an optional extra, imported only here), fed the same records; the
tests hold the direct writers to ``prov``'s own output, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import Any, Literal

from toolkit.errors import LedgerError
from toolkit.extraction.claim import decimal_text
from toolkit.ledger.entries import (
    Agent,
    Assertion,
    CheckResult,
    Correction,
    Document,
    Relation,
)
from toolkit.ledger.prov_text import NAMESPACE, ProvRecord, QName, Value, prov_json, prov_n
from toolkit.ledger.views import Snapshot, figure_chain

__all__ = [
    "FORMATS",
    "ExportFormat",
    "claimreview",
    "prov_document",
    "prov_records",
    "render_export",
]

ExportFormat = Literal["prov-json", "prov-n", "prov-o", "claimreview"]
FORMATS: tuple[ExportFormat, ...] = ("prov-json", "prov-n", "prov-o", "claimreview")
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


def _local(entry_id: str) -> str:
    """The qualified name of an entry: ``cl:`` and its id with ``:`` as ``-``.

    A local part with any other character outside ``[A-Za-z0-9_-]`` would need
    PROV-N escaping (or percent-encoding, which changes the name read back):
    those characters become ``_`` and a hash of the id keeps the name unique.
    """
    local = entry_id.replace(":", "-")
    if _PLAIN_LOCAL.fullmatch(local):
        return "cl:" + local
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", local)
    return f"cl:{safe}-{hashlib.sha256(entry_id.encode()).hexdigest()[:8]}"


def _derived(generated: str, used: str, kind: str | None = None) -> ProvRecord:
    attrs: tuple[tuple[str, Value], ...] = (("prov:type", QName(kind)),) if kind is not None else ()
    return ProvRecord("wasDerivedFrom", None, (generated, used, None, None, None), attrs)


def prov_records(snap: Snapshot) -> Iterator[ProvRecord]:
    """The ledger as PROV statements, in log order."""
    relations = [r for _, r in snap.of(Relation)]
    conflicts = {r.subject: r.object for r in relations if r.relation == "conflicts-with"}
    last = {a.figure: a.id for _, a in snap.of(Assertion)}
    for _, entry in snap.entries:
        ident = _local(entry.id)
        if isinstance(entry, Agent):
            attrs: list[tuple[str, Value]] = [
                (
                    "prov:type",
                    QName("prov:Person" if entry.type == "person" else "prov:Organization"),
                ),
                ("prov:label", entry.display),
                ("cl:claimed", entry.claimed),
            ]
            if entry.id in conflicts:
                attrs.append(("cl:conflictsWith", QName(_local(conflicts[entry.id]))))
            yield ProvRecord("agent", ident, (), tuple(attrs))
        elif isinstance(entry, Document):
            yield ProvRecord(
                "entity",
                ident,
                (),
                (
                    ("prov:type", QName("cl:Document")),
                    ("cl:url", entry.url or ""),
                    ("cl:sha256", entry.content_sha256 or ""),
                    ("cl:retrieved", entry.retrieved or ""),
                ),
            )
        elif isinstance(entry, Assertion):
            yield from _assertion(snap, entry, ident)
        elif isinstance(entry, Correction):
            yield ProvRecord(
                "entity",
                ident,
                (),
                (
                    ("prov:type", QName("cl:Correction")),
                    ("prov:value", entry.text or ""),
                    ("cl:value", decimal_text(entry.value) or ""),
                    ("cl:reason", entry.reason),
                ),
            )
            yield _derived(ident, _local(entry.revises), "prov:Revision")
        elif isinstance(entry, CheckResult):
            yield ProvRecord(
                "entity",
                ident,
                (),
                (
                    ("prov:type", QName("cl:CheckResult")),
                    ("cl:rule", entry.rule),
                    ("cl:expression", entry.expression),
                    ("cl:verdict", entry.verdict),
                ),
            )
            for figure in entry.figures:
                if figure in last:
                    yield _derived(ident, _local(last[figure]))
    for r in relations:
        if r.relation == "byline-of":
            yield ProvRecord(
                "wasAttributedTo",
                None,
                (_local(r.object), _local(r.subject)),
                (("cl:claimed", True),),
            )


def _assertion(snap: Snapshot, a: Assertion, ident: str) -> Iterator[ProvRecord]:
    attrs: list[tuple[str, Value]] = [
        ("prov:type", QName("cl:FigureAssertion")),
        ("prov:value", a.text),
        ("cl:figure", a.figure),
        ("cl:value", decimal_text(a.value) or ""),
        ("cl:role", a.role),
    ]
    if a.quote:
        attrs.append(("cl:quote", a.quote))
    yield ProvRecord("entity", ident, (), tuple(attrs))
    yield ProvRecord("wasAttributedTo", None, (ident, _local(a.agent)), (("cl:role", a.role),))
    if a.document:
        yield ProvRecord("hadMember", None, (_local(a.document), ident), ())
    parent = snap.by_id.get(a.derived_from or "")
    if not isinstance(parent, Assertion):
        return
    yield _derived(ident, _local(parent.id), "prov:Quotation" if a.role == "reporter" else None)
    origin = parent
    while True:
        up = snap.by_id.get(origin.derived_from or "")
        if not isinstance(up, Assertion):
            break
        origin = up
    if origin.role == "originator" and a.role != "reporter":
        yield _derived(ident, _local(origin.id), "prov:PrimarySource")


def prov_document(snap: Snapshot) -> Any:
    """The ledger as a ``prov.model.ProvDocument`` (the same statements ``prov_records`` gives)."""
    try:
        from prov.model import ProvDocument
    except ImportError:
        raise LedgerError(
            "PROV export needs the prov package",
            None,
            "Install it: pip install 'claimledger[prov]'.",
        ) from None
    doc = ProvDocument()
    doc.add_namespace("cl", NAMESPACE)
    names: dict[str, Any] = {}

    def qn(name: str) -> Any:
        # prov re-parses every "cl:x" string it is given; parse each distinct one once.
        if name not in names:
            names[name] = doc.valid_qualified_name(name)
        return names[name]

    def value(v: Value) -> Any:
        return qn(v) if isinstance(v, QName) else v

    for rec in prov_records(snap):
        attrs = [(qn(k), value(v)) for k, v in rec.attrs]
        if rec.type == "entity":
            doc.entity(qn(rec.id or ""), attrs)
        elif rec.type == "agent":
            doc.agent(qn(rec.id or ""), attrs)
        else:
            first, second = (qn(x or "") for x in rec.formal[:2])
            if rec.type == "wasAttributedTo":
                doc.wasAttributedTo(first, second, other_attributes=attrs)
            elif rec.type == "hadMember":
                doc.hadMember(first, second)
            else:
                doc.wasDerivedFrom(first, second, other_attributes=attrs or None)
    return doc


def claimreview(snap: Snapshot) -> dict[str, Any]:
    """schema.org ClaimReview JSON-LD: one review per check verdict per figure it judged."""
    reviews: list[dict[str, Any]] = []
    recorded = {a.figure for _, a in snap.of(Assertion)}
    for _, check in snap.of(CheckResult):
        for figure in check.figures:
            if figure not in recorded:
                continue
            chain = figure_chain(snap, figure)
            first, last = chain.links[0], chain.last
            item: dict[str, Any] = {
                "@type": "Claim",
                "author": {"@type": "Organization", "name": first.agent},
                "appearance": [
                    {"@type": "CreativeWork", "url": link.url, "publisher": link.agent}
                    for link in chain.links
                    if link.role != "originator"
                ],
            }
            reviews.append(
                {
                    "@type": "ClaimReview",
                    "identifier": check.id,
                    "datePublished": check.at,
                    "claimReviewed": last.text,
                    "itemReviewed": item,
                    "reviewRating": {
                        "@type": "Rating",
                        "alternateName": check.verdict,
                        "ratingExplanation": check.explanation,
                    },
                    "reviewBody": f"{check.rule}: {check.expression}",
                    "author": {"@type": "Organization", "name": "claimledger"},
                }
            )
    return {"@context": "https://schema.org", "@graph": reviews}


def render_export(snap: Snapshot, fmt: str) -> str:
    """The ledger in ``fmt`` (one of ``FORMATS``) as text."""
    if fmt == "claimreview":
        return json.dumps(claimreview(snap), indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise LedgerError(
            f"unknown export format {fmt!r}", None, f"Use one of {', '.join(FORMATS)}."
        )
    if fmt == "prov-json":
        return prov_json(prov_records(snap))
    if fmt == "prov-n":
        return prov_n(prov_records(snap))
    doc = prov_document(snap)
    try:
        return str(doc.serialize(format="rdf", rdf_format="turtle"))
    except ImportError:
        raise LedgerError(
            "PROV-O export needs rdflib", None, "Install it: pip install 'prov[rdf]'."
        ) from None
