"""The ledger's operations, one per command: record, log, show, correct, keygen, checkpoint,
verify, prove, export (keygen, checkpoint, verify and prove are ``trust``'s, named here too).

Each takes ``ledger`` (a SQLite path, a ``postgresql://`` URL, or None for
``$CLAIMLEDGER_LEDGER`` / ``.claimledger/ledger.sqlite``), does the work and
returns a value; errors are ``ToolkitError`` subclasses, tampering found by
``verify`` is a result (``AuditReport.valid`` is False).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from toolkit.errors import LedgerError, UnreadableInput
from toolkit.extraction.claim import Claim
from toolkit.ledger.claims import (
    Attribution,
    document_entry,
    entries_for_checks,
    entries_for_claims,
)
from toolkit.ledger.entries import Assertion, Correction, Document, Entry, new_id, now
from toolkit.ledger.store import Ledger, StoredEntry, open_store
from toolkit.ledger.trust import (
    ConsistencyProof,
    InclusionProof,
    checkpoint,
    keygen,
    prove,
    prove_consistency,
    verify,
)
from toolkit.ledger.views import FigureChain, figure_chain, load, summary

if TYPE_CHECKING:
    from toolkit.extraction.text import ArticleText

__all__ = [
    "ConsistencyProof",
    "InclusionProof",
    "LogLine",
    "Recorded",
    "checkpoint",
    "correct",
    "current_figures",
    "export",
    "keygen",
    "log",
    "prove",
    "prove_consistency",
    "record",
    "record_checks",
    "record_claims",
    "record_report",
    "show",
    "verify",
]

TABLE_SUFFIXES = {".csv", ".tsv", ".json", ".yaml", ".yml"}


@dataclass(frozen=True, slots=True)
class Recorded:
    """What ``record`` appended: the rows written and how many claims they came from."""

    ledger: str
    claims: int
    entries: tuple[StoredEntry, ...]
    tree_size: int


def record_claims(
    claims: Iterable[Claim],
    ledger: Ledger = None,
    attribution: Attribution | None = None,
    content: bytes | None = None,
    title: str | None = None,
) -> Recorded:
    """Record ``claims`` (and the document ``content`` they were read from, if given)."""
    claims = list(claims)
    attribution = attribution or Attribution()
    at = now()
    doc = None
    if content is not None:
        doc = document_entry(
            content, url=attribution.url, title=title, published=attribution.published, at=at
        )
    entries = entries_for_claims(claims, attribution, doc, at)
    with open_store(ledger, create=True) as store:
        rows = store.append(entries)
        return Recorded(store.location, len(claims), tuple(rows), store.size())


def record(
    source: str | Path, ledger: Ledger = None, attribution: Attribution | None = None
) -> Recorded:
    """Record a claims table (CSV/JSON/YAML) or an article (anything else) into the ledger."""
    path = Path(source)
    attribution = attribution or Attribution()
    if path.suffix.lower() in TABLE_SUFFIXES:
        from toolkit.extraction.table import read_claims

        claims = list(read_claims(path).claims)
    else:
        claims, attribution = _article(path, attribution)
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file ({exc.strerror})", str(path)) from exc
    return record_claims(claims, ledger, attribution, content, title=path.name)


def _article(path: Path, attribution: Attribution) -> tuple[list[Claim], Attribution]:
    """Claims of an article and its byline lines (author, publisher, a republisher's bio).

    Options the caller gave win over what the article says; a bio naming
    another writer at another outlet ("I am Michael Melvin … author at 24 News
    Reporters") makes that outlet the republisher and the name its byline.
    """
    try:
        from toolkit.extraction.extract import extract
    except ImportError:
        raise LedgerError(
            "recording an article needs the article extractor, which is not installed",
            str(path),
            "Record a claims table (.csv, .json or .yaml) instead.",
        ) from None
    from toolkit.extraction.text import read_text

    article = read_text(path)
    return list(extract(article.text)), _credited(article, attribution)


def _credited(article: ArticleText, attribution: Attribution) -> Attribution:
    """``attribution`` with what the article's byline lines (or its page's metadata) fill."""
    from toolkit.extraction.attribution import byline

    lines = byline(article.text)
    bio = lines.bio
    return Attribution(
        source=attribution.source,
        author=attribution.author or lines.author or article.author,
        publisher=attribution.publisher or lines.publisher or article.publisher,
        translator=attribution.translator,
        republisher=attribution.republisher or (bio.outlet if bio is not None else None),
        byline=attribution.byline or (bio.name if bio is not None else None),
        url=attribution.url or article.url,
        published=attribution.published or article.published,
    )


def record_checks(checks: Sequence[Any], ledger: Ledger = None) -> Recorded:
    """Record check verdicts (``Report.checks``) as entries; ``check --record`` calls this."""
    with open_store(ledger, create=True) as store:
        rows = store.append(entries_for_checks(checks))
        return Recorded(store.location, 0, tuple(rows), store.size())


def record_report(report: Any, ledger: Ledger = None) -> Recorded:
    """Record what ``claimledger check --record`` checked, as one append: the figures of a
    check ``Report`` (with the document they were read from and, for an article, its byline
    lines) and its verdicts.

    Figures already recorded from the same document (same content hash) are not recorded
    again: checking an article twice adds only the second run's verdicts.
    """
    claims: list[Claim] = list(getattr(report, "claims", ()))
    path = Path(str(report.source))
    attribution = Attribution()
    content = None
    if claims and path.is_file():
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise UnreadableInput(f"cannot read the file ({exc.strerror})", str(path)) from exc
        if path.suffix.lower() not in TABLE_SUFFIXES:
            from toolkit.extraction.text import read_text

            attribution = _credited(read_text(path), attribution)
    at = now()
    doc = None if content is None else document_entry(content, title=path.name, at=at)
    with open_store(ledger, create=True) as store:
        if doc is not None and store.find(doc.id) is not None:
            claims = []
        entries = entries_for_claims(claims, attribution, doc, at) if claims else []
        rows = store.append(entries + entries_for_checks(report.checks, at))
        return Recorded(store.location, len(claims), tuple(rows), store.size())


def record_validation(
    result: Mapping[str, Any], data: str | Path, ledger: Ledger = None
) -> Recorded:
    """Record what ``claimledger validate --record`` found, as one append: the table (by its
    content hash, read in chunks so large files stay cheap on memory) and one check result per
    check (rule, expectation or schema) with its counts.

    ``result`` is the validation report's ``to_dict()``.
    """
    path = Path(data)
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file ({exc.strerror})", str(path)) from exc
    at = now()
    hexdigest = digest.hexdigest()
    doc = Document(
        id=f"document:{hexdigest[:16]}",
        at=at,
        title=path.name,
        content_sha256=hexdigest,
        retrieved=at,
    )
    rows = int(result.get("rows") or 0)
    checks = []
    for check in result.get("checks") or ():
        failed, unchecked = int(check.get("failed") or 0), int(check.get("unchecked") or 0)
        verdict = "inconsistent" if failed else ("unchecked" if unchecked == rows else "consistent")
        first = (check.get("failures") or [{}])[0].get("explanation")
        text = f"{failed:,} of {rows:,} rows of {path.name} fail, {unchecked:,} unchecked"
        checks.append(
            SimpleNamespace(
                rule=f"{check.get('kind', 'rule')}: {check.get('name', '')}",
                expression=str(check.get("name", "")),
                claims=(),
                verdict=verdict,
                explanation=f"{text}; first: {first}" if failed and first else f"{text}.",
            )
        )
    with open_store(ledger, create=True) as store:
        entries: list[Entry] = [] if store.find(doc.id) is not None else [doc]
        appended = store.append(entries + entries_for_checks(checks, at))
        return Recorded(store.location, 0, tuple(appended), store.size())


@dataclass(frozen=True, slots=True)
class LogLine:
    """One entry as stored (``data`` is exactly the hashed bytes) with a one-line summary."""

    seq: int
    id: str
    kind: str
    data: bytes
    summary: str


def log(ledger: Ledger = None) -> list[LogLine]:
    """Every entry in order."""
    with open_store(ledger) as store:
        snap = load(store)
        rows = list(store.rows())
    return [LogLine(r.seq, r.id, r.kind, r.data, summary(snap.by_id[r.id], snap)) for r in rows]


def show(figure: str, ledger: Ledger = None) -> FigureChain:
    """The chain of one figure (by id, or text/subject that names only it)."""
    with open_store(ledger) as store:
        return figure_chain(load(store), figure)


def correct(
    figure: str, value: str, reason: str, ledger: Ledger = None, text: str | None = None
) -> StoredEntry:
    """Record a correction of ``figure`` to ``value`` (a figure as written: "1.7 million")."""
    from toolkit.figures import parse_figure

    if not reason.strip():
        raise LedgerError("a correction needs a reason", f"for {figure!r}", "Pass --reason.")
    parsed = parse_figure(value)
    with open_store(ledger) as store:
        snap = load(store)
        chain = figure_chain(snap, figure)
        revises = chain.corrections[-1].id if chain.corrections else chain.last.id
        entry = Correction(
            id=new_id("correction", chain.figure),
            at=now(),
            figure=chain.figure,
            revises=revises,
            value=parsed.value,
            text=text or value,
            reason=reason,
        )
        return store.append([entry])[0]


def current_figures(ledger: Ledger = None) -> list[str]:
    """Ids of the figures recorded, in first-recorded order."""
    with open_store(ledger) as store:
        snap = load(store)
    return list(dict.fromkeys(a.figure for _, a in snap.of(Assertion)))


def export(fmt: str = "prov-json", ledger: Ledger = None) -> str:
    """The ledger as PROV-JSON, PROV-N, PROV-O (Turtle) or ClaimReview JSON-LD."""
    from toolkit.ledger.provenance import render_export

    with open_store(ledger) as store:
        snap = load(store)
    return render_export(snap, fmt)
