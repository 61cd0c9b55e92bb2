"""The ledger's operations, one per command: record, log, show, correct, keygen, checkpoint,
verify, prove, export.

Each takes ``ledger`` (a SQLite path, a ``postgresql://`` URL, or None for
``$CLAIMLEDGER_LEDGER`` / ``.claimledger/ledger.sqlite``), does the work and
returns a value; errors are ``ToolkitError`` subclasses, tampering found by
``verify`` is a result (``AuditReport.valid`` is False).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from toolkit.errors import LedgerError, LedgerTampered, UnreadableInput
from toolkit.extraction.claim import Claim
from toolkit.ledger.audit import AuditReport, audit
from toolkit.ledger.claims import (
    Attribution,
    document_entry,
    entries_for_checks,
    entries_for_claims,
)
from toolkit.ledger.entries import Assertion, Correction, Document, Entry, new_id, now
from toolkit.ledger.merkle import MerkleTree
from toolkit.ledger.notes import (
    KeyPair,
    generate_keys,
    read_key,
    sign_checkpoint,
    verifier_of,
)
from toolkit.ledger.store import StoredEntry, open_store
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
DEFAULT_KEY = Path(".claimledger") / "claimledger.key"
Ledger = str | os.PathLike[str] | None


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


def keygen(name: str = "claimledger", folder: str | Path = ".claimledger") -> tuple[Path, Path]:
    """Write a new Ed25519 key pair as ``NAME.key`` (secret) and ``NAME.pub``; refuse to
    overwrite."""
    pair: KeyPair = generate_keys(name)
    folder = Path(folder)
    secret, public = folder / f"{name}.key", folder / f"{name}.pub"
    if secret.exists():
        raise LedgerError(
            "a signer key already exists", str(secret), "Choose another --name or folder."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(pair.signer + "\n")
        public.write_text(pair.verifier + "\n", encoding="utf-8")
    except OSError as exc:
        raise LedgerError(f"cannot write the key ({exc.strerror})", str(folder)) from exc
    return secret, public


def _signer(key: str | Path | None) -> tuple[str, str]:
    path = key or os.environ.get("CLAIMLEDGER_KEY") or DEFAULT_KEY
    return read_key(path, "signer key"), str(path)


def checkpoint(ledger: Ledger = None, key: str | Path | None = None) -> str:
    """Verify the ledger, then sign and store a checkpoint of it; return the signed note."""
    signer, _ = _signer(key)
    with open_store(ledger) as store:
        report = audit(store)
        if not report.valid:
            first = report.findings[0]
            raise LedgerTampered(
                f"refusing to sign a tampered ledger: {first.message}",
                store.location,
                "Run claimledger ledger verify.",
            )
        note = sign_checkpoint(store.origin(), report.size, report.root, signer)
        store.add_checkpoint(report.size, note, verifier_of(signer))
        return note


def verify(
    ledger: Ledger = None, against: str | Path | None = None, key: str | Path | None = None
) -> AuditReport:
    """Check every stored byte, the hash chain, stored checkpoints and ``against`` (a file)."""
    cp = None
    if against is not None:
        try:
            cp = (Path(against).read_text(encoding="utf-8"), str(against))
        except (OSError, UnicodeDecodeError) as exc:
            raise UnreadableInput(f"cannot read the checkpoint ({exc})", str(against)) from exc
    trusted = read_key(key, "verifier key") if key is not None else None
    with open_store(ledger) as store:
        return audit(store, cp, trusted)


@dataclass(frozen=True, slots=True)
class InclusionProof:
    """That one entry is leaf ``leaf_index`` of the tree of ``tree_size`` with ``root_hash``."""

    leaf_index: int
    tree_size: int
    leaf_hash: bytes
    root_hash: bytes
    audit_path: tuple[bytes, ...] = field(default_factory=tuple)
    entry: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry": self.entry,
            "leaf_index": self.leaf_index,
            "tree_size": self.tree_size,
            "leaf_hash": self.leaf_hash.hex(),
            "root_hash": self.root_hash.hex(),
            "audit_path": [h.hex() for h in self.audit_path],
        }


@dataclass(frozen=True, slots=True)
class ConsistencyProof:
    """That the tree of ``old_size`` is a prefix of the tree of ``tree_size``."""

    old_size: int
    tree_size: int
    old_root: bytes
    root_hash: bytes
    proof: tuple[bytes, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_size": self.old_size,
            "tree_size": self.tree_size,
            "old_root_hash": self.old_root.hex(),
            "root_hash": self.root_hash.hex(),
            "proof": [h.hex() for h in self.proof],
        }


def prove(entry: str, ledger: Ledger = None, size: int | None = None) -> InclusionProof:
    """The inclusion proof of ``entry`` (its id or leaf index) in the tree of ``size``."""
    with open_store(ledger) as store:
        row = store.find(entry)
        if row is None:
            raise LedgerError(
                f"no entry {entry!r} in the ledger",
                store.location,
                "Name an entry by its id or leaf index (see claimledger ledger log).",
            )
        tree = MerkleTree(store.leaves())
    size = tree.size if size is None else size
    if not row.seq < size <= tree.size:
        raise LedgerError(
            f"entry #{row.seq} is not in a tree of {size}", None, f"Use 1..{tree.size}."
        )
    return InclusionProof(
        row.seq,
        size,
        row.leaf,
        tree.root(size),
        tuple(tree.inclusion_proof(row.seq, size)),
        row.id,
    )


def prove_consistency(old: int, ledger: Ledger = None, size: int | None = None) -> ConsistencyProof:
    """The consistency proof from the tree of ``old`` entries to the tree of ``size``."""
    with open_store(ledger) as store:
        tree = MerkleTree(store.leaves())
    size = tree.size if size is None else size
    if not 0 <= old <= size <= tree.size:
        raise LedgerError(
            f"cannot prove {old} → {size}", f"the ledger has {tree.size} entries", None
        )
    return ConsistencyProof(
        old, size, tree.root(old), tree.root(size), tuple(tree.consistency_proof(old, size))
    )


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
