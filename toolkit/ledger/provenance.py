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
The ``prov`` package is an optional extra, imported only here.
"""

from __future__ import annotations

import functools
import json
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
from toolkit.ledger.views import Snapshot, figure_chain

__all__ = ["FORMATS", "ExportFormat", "claimreview", "prov_document", "render_export"]

ExportFormat = Literal["prov-json", "prov-n", "prov-o", "claimreview"]
FORMATS: tuple[ExportFormat, ...] = ("prov-json", "prov-n", "prov-o", "claimreview")
NAMESPACE = "urn:claimledger:"


def _local(entry_id: str) -> str:
    return "cl:" + entry_id.replace(":", "-")


def prov_document(snap: Snapshot) -> Any:
    """The ledger as a ``prov.model.ProvDocument``."""
    try:
        from prov.model import PROV_TYPE, PROV_VALUE, ProvDocument
    except ImportError:
        raise LedgerError(
            "PROV export needs the prov package",
            None,
            "Install it: pip install 'claimledger[prov]'.",
        ) from None
    doc = ProvDocument()
    doc.add_namespace("cl", NAMESPACE)
    # prov re-parses every "cl:x" string it is given; parse each distinct one once.
    qn: Any = functools.lru_cache(maxsize=None)(doc.valid_qualified_name)
    relations = [r for _, r in snap.of(Relation)]
    conflicts = {r.subject: r.object for r in relations if r.relation == "conflicts-with"}
    for _, entry in snap.entries:
        ident = _local(entry.id)
        if isinstance(entry, Agent):
            attrs: dict[Any, Any] = {
                PROV_TYPE: qn("prov:Person") if entry.type == "person" else qn("prov:Organization"),
                qn("prov:label"): entry.display,
                qn("cl:claimed"): entry.claimed,
            }
            if entry.id in conflicts:
                attrs[qn("cl:conflictsWith")] = qn(_local(conflicts[entry.id]))
            doc.agent(ident, attrs)
        elif isinstance(entry, Document):
            doc.entity(
                ident,
                {
                    PROV_TYPE: qn("cl:Document"),
                    qn("cl:url"): entry.url or "",
                    qn("cl:sha256"): entry.content_sha256 or "",
                    qn("cl:retrieved"): entry.retrieved or "",
                },
            )
        elif isinstance(entry, Assertion):
            _assertion(doc, qn, snap, entry, PROV_TYPE, PROV_VALUE)
        elif isinstance(entry, Correction):
            doc.entity(
                ident,
                {
                    PROV_TYPE: qn("cl:Correction"),
                    PROV_VALUE: entry.text or "",
                    qn("cl:value"): decimal_text(entry.value) or "",
                    qn("cl:reason"): entry.reason,
                },
            )
            doc.wasRevisionOf(ident, _local(entry.revises))
        elif isinstance(entry, CheckResult):
            doc.entity(
                ident,
                {
                    PROV_TYPE: qn("cl:CheckResult"),
                    qn("cl:rule"): entry.rule,
                    qn("cl:expression"): entry.expression,
                    qn("cl:verdict"): entry.verdict,
                },
            )
            for figure in entry.figures:
                last = _last_assertion(snap, figure)
                if last is not None:
                    doc.wasDerivedFrom(ident, _local(last))
    for r in relations:
        if r.relation == "byline-of":
            doc.wasAttributedTo(
                _local(r.object), _local(r.subject), other_attributes={qn("cl:claimed"): True}
            )
    return doc


def _assertion(
    doc: Any, qn: Any, snap: Snapshot, a: Assertion, prov_type: Any, prov_value: Any
) -> None:
    ident = _local(a.id)
    attrs: dict[Any, Any] = {
        prov_type: qn("cl:FigureAssertion"),
        prov_value: a.text,
        qn("cl:figure"): a.figure,
        qn("cl:value"): decimal_text(a.value) or "",
        qn("cl:role"): a.role,
    }
    if a.quote:
        attrs[qn("cl:quote")] = a.quote
    doc.entity(ident, attrs)
    doc.wasAttributedTo(ident, _local(a.agent), other_attributes={qn("cl:role"): a.role})
    if a.document:
        doc.hadMember(_local(a.document), ident)
    parent = snap.by_id.get(a.derived_from or "")
    if not isinstance(parent, Assertion):
        return
    if a.role == "reporter":
        doc.wasQuotedFrom(ident, _local(parent.id))
    else:
        doc.wasDerivedFrom(ident, _local(parent.id))
    origin = parent
    while True:
        up = snap.by_id.get(origin.derived_from or "")
        if not isinstance(up, Assertion):
            break
        origin = up
    if origin.role == "originator" and a.role != "reporter":
        doc.hadPrimarySource(ident, _local(origin.id))


def _last_assertion(snap: Snapshot, figure: str) -> str | None:
    found = [a.id for _, a in snap.of(Assertion) if a.figure == figure]
    return found[-1] if found else None


def claimreview(snap: Snapshot) -> dict[str, Any]:
    """schema.org ClaimReview JSON-LD: one review per check verdict per figure it judged."""
    reviews: list[dict[str, Any]] = []
    for _, check in snap.of(CheckResult):
        for figure in check.figures:
            if _last_assertion(snap, figure) is None:
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
    doc = prov_document(snap)
    if fmt == "prov-json":
        return str(doc.serialize(indent=2)) + "\n"
    if fmt == "prov-n":
        return str(doc.get_provn()) + "\n"
    try:
        return str(doc.serialize(format="rdf", rdf_format="turtle"))
    except ImportError:
        raise LedgerError(
            "PROV-O export needs rdflib", None, "Install it: pip install 'prov[rdf]'."
        ) from None
