"""Turning claims and check verdicts into ledger entries.

Each claim becomes one assertion per role its attribution names, linked in
the order a figure travels: the ``source`` originated it, the ``author``
reported it, the ``publisher`` published it, a ``translator`` translated it
and a ``republisher`` republished it. Each assertion is derived from the one
before. A ``byline`` at the republisher is recorded as a *claimed* person
(sealed personal data), never merged with the credited author; when it
differs from the author the conflict is recorded as a relation.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from toolkit.extraction.claim import Claim
from toolkit.ledger.entries import (
    Agent,
    Assertion,
    CheckResult,
    Document,
    Entry,
    Relation,
    Role,
    Sealed,
    new_id,
    now,
)

__all__ = ["Attribution", "agent_id", "document_entry", "entries_for_checks", "entries_for_claims"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who stated, reported and published the figures, filling what a claim leaves empty."""

    source: str | None = None
    author: str | None = None
    publisher: str | None = None
    translator: str | None = None
    republisher: str | None = None
    byline: str | None = None
    url: str | None = None
    published: str | None = None

    def for_claim(self, claim: Claim) -> Attribution:
        """The claim's own attribution, with this one's fields where the claim has none."""
        return replace(
            self,
            source=claim.source or self.source,
            author=claim.author or self.author,
            publisher=claim.publisher or self.publisher,
            url=claim.url or self.url,
            published=claim.published or self.published,
        )

    def chain(self) -> list[tuple[Role, str]]:
        steps: list[tuple[Role, str | None]] = [
            ("originator", self.source),
            ("reporter", self.author),
            ("publisher", self.publisher),
            ("translator", self.translator),
            ("republisher", self.republisher),
        ]
        return [(role, name) for role, name in steps if name]


def agent_id(name: str) -> str:
    """A stable id for an organisation: recording Lusa twice names one agent."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not slug or slug != folded.replace(" ", "-"):
        slug = f"{slug}-{hashlib.sha256(name.encode()).hexdigest()[:8]}".lstrip("-")
    return f"agent:{slug}"


def document_entry(
    content: bytes,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    at: str | None = None,
) -> Document:
    """The document a recording was read from, identified by its content hash."""
    at = at or now()
    digest = hashlib.sha256(content).hexdigest()
    return Document(
        id=f"document:{digest[:16]}",
        at=at,
        url=url,
        title=title,
        content_sha256=digest,
        retrieved=at,
        published=published,
    )


def entries_for_claims(
    claims: Iterable[Claim],
    attribution: Attribution | None = None,
    document: Document | None = None,
    at: str | None = None,
) -> list[Entry]:
    """The entries recording ``claims``: agents, documents, assertions and relations.

    ``document`` is the file being recorded; the last role in each chain is
    linked to the page at the claim's URL if it has one, else to that file.
    """
    at = at or now()
    attribution = attribution or Attribution()
    out: list[Entry] = []
    agents: dict[str, Agent] = {}
    bylines: dict[str, Agent] = {}

    def org(name: str) -> Agent:
        if name not in agents:
            agents[name] = Agent(id=agent_id(name), at=at, name=name)
            out.append(agents[name])
        return agents[name]

    pages: dict[str, Document] = {}

    def page(url: str, published: str | None) -> Document:
        if url not in pages:
            digest = hashlib.sha256(url.encode()).hexdigest()
            pages[url] = Document(id=f"document:url-{digest[:16]}", at=at, url=url)
            pages[url] = replace(pages[url], published=published)
            out.append(pages[url])
        return pages[url]

    if document is not None:
        out.append(document)
    for claim in claims:
        attr = attribution.for_claim(claim)
        steps = attr.chain()
        where = page(attr.url, attr.published) if attr.url else document
        previous: str | None = None
        for i, (role, name) in enumerate(steps):
            agent = org(name)
            assertion = _assertion(claim, role, agent.id, at, previous)
            if i == len(steps) - 1 and where is not None:
                assertion = replace(assertion, document=where.id)
            out.append(assertion)
            previous = assertion.id
            if role == "republisher" and attr.byline:
                out.extend(_byline(attr, assertion, bylines, org, at))
    return out


def _assertion(claim: Claim, role: Role, agent: str, at: str, previous: str | None) -> Assertion:
    fig = claim.figure
    return Assertion(
        id=new_id("assertion", claim.id),
        at=at,
        figure=claim.id,
        text=claim.text,
        value=fig.value if fig is not None else None,
        role=role,
        agent=agent,
        derived_from=previous,
        unit=claim.unit or (fig.unit if fig is not None else None),
        subject=claim.subject,
        quote=claim.quote,
    )


def _byline(
    attr: Attribution,
    assertion: Assertion,
    bylines: dict[str, Agent],
    org: Any,
    at: str,
) -> list[Entry]:
    """The claimed byline person, linked to the republication, and any author conflict."""
    assert attr.byline is not None
    fresh: list[Entry] = []
    person = bylines.get(attr.byline)
    if person is None:
        sealed = Sealed.seal(attr.byline)
        person = Agent(
            id=f"agent:claimed:{sealed.digest[:16]}",
            at=at,
            name=sealed,
            type="person",
            claimed=True,
        )
        bylines[attr.byline] = person
        fresh.append(person)
        if attr.author and _fold(attr.author) != _fold(attr.byline):
            author = org(attr.author)
            fresh.append(
                Relation(
                    id=new_id("relation", "byline-conflict"),
                    at=at,
                    relation="conflicts-with",
                    subject=person.id,
                    object=author.id,
                    note=f"the byline at {attr.republisher} is not the credited "
                    f"author ({attr.author})",
                )
            )
    fresh.append(
        Relation(
            id=new_id("relation", "byline"),
            at=at,
            relation="byline-of",
            subject=person.id,
            object=assertion.id,
            note="claimed identity: the republisher's byline, not verified",
        )
    )
    return fresh


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def entries_for_checks(checks: Sequence[Any], at: str | None = None) -> list[Entry]:
    """``CheckResult`` entries from a check report's results (``.rule``, ``.verdict`` …)."""
    at = at or now()
    return [
        CheckResult(
            id=new_id("check", _slug(str(c.rule))),
            at=at,
            rule=str(c.rule),
            expression=str(c.expression),
            figures=tuple(str(x) for x in c.claims),
            verdict=str(getattr(c.verdict, "value", c.verdict)),
            explanation=getattr(c, "explanation", None),
        )
        for c in checks
    ]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-")[:40] or "rule"
