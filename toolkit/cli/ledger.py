"""``claimledger ledger``: record figures' provenance, show chains, prove and verify the log.

Each command parses its options, calls one ``toolkit.ledger`` function,
renders the result and exits. Errors propagate as ``ToolkitError`` (the
top-level command prints them, exit 2); a tampered ledger exits 3.
"""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from toolkit import ledger as lib
else:

    class _Ledger:
        """``toolkit.ledger``, imported on first use: ``check`` and ``--help`` never need it."""

        def __getattr__(self, name: str) -> Any:
            from toolkit import ledger

            return getattr(ledger, name)

    lib = _Ledger()
from toolkit.extraction.claim import decimal_text

__all__ = ["app"]

LEDGER_EXIT_CODES = (
    "Exit codes: 0 done, 2 bad usage or an unreadable ledger or input, "
    "3 a tampered ledger (verify)."
)

app = typer.Typer(
    name="ledger",
    help="The provenance ledger: who stated, reported and published each figure; "
    "append-only, provable, verifiable.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

LedgerOpt = Annotated[
    str | None,
    typer.Option(
        "--ledger",
        help="Ledger file or postgresql:// URL [default: $CLAIMLEDGER_LEDGER or "
        ".claimledger/ledger.sqlite].",
    ),
]


class LogFormat(enum.StrEnum):
    text = "text"
    jsonl = "jsonl"


class OutFormat(enum.StrEnum):
    text = "text"
    json = "json"


class ExportFormat(enum.StrEnum):
    prov_json = "prov-json"
    prov_n = "prov-n"
    prov_o = "prov-o"
    claimreview = "claimreview"


ROLE_WORDS = {
    "originator": "stated by",
    "reporter": "reported by",
    "publisher": "published by",
    "translator": "translated by",
    "republisher": "republished by",
}


def _json(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False))


@app.command(epilog=LEDGER_EXIT_CODES)
def record(
    source: Annotated[Path, typer.Argument(help="A claims table (.csv/.json/.yaml) or article.")],
    ledger: LedgerOpt = None,
    source_name: Annotated[
        str | None, typer.Option("--source", help="Who first stated the figures.")
    ] = None,
    author: Annotated[str | None, typer.Option(help="Who reported them.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published them.")] = None,
    translator: Annotated[str | None, typer.Option(help="Who translated them.")] = None,
    republisher: Annotated[str | None, typer.Option(help="Who republished them.")] = None,
    byline: Annotated[
        str | None, typer.Option(help="The republisher's byline, kept as a claimed identity.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="Where the document was read.")] = None,
    published: Annotated[str | None, typer.Option(help="When it was published.")] = None,
) -> None:
    """Record each figure's chain (stated → reported → published → republished).

    Example:

        claimledger ledger record claims.csv --republisher "24 News Reporters"
    """
    attribution = lib.Attribution(
        source=source_name,
        author=author,
        publisher=publisher,
        translator=translator,
        republisher=republisher,
        byline=byline,
        url=url,
        published=published,
    )
    done = lib.record(source, ledger, attribution)
    typer.echo(
        f"Recorded {done.claims} figure(s) as {len(done.entries)} entries in {done.ledger} "
        f"(tree size {done.tree_size})."
    )


@app.command(epilog=LEDGER_EXIT_CODES)
def log(
    ledger: LedgerOpt = None,
    fmt: Annotated[LogFormat, typer.Option("--format", help="text, or jsonl: exact bytes.")] = (
        LogFormat.text
    ),
) -> None:
    """List every entry; --format jsonl prints each entry exactly as hashed, one per line.

    Example:

        claimledger ledger log --format jsonl
    """
    lines = lib.log(ledger)
    if fmt is LogFormat.jsonl:
        out = sys.stdout.buffer
        for line in lines:
            out.write(line.data + b"\n")
        out.flush()
        return
    for line in lines:
        typer.echo(f"#{line.seq:<5} {line.kind:<10} {line.id:<40} {line.summary}")


def _chain_text(chain: lib.FigureChain) -> list[str]:
    rows = [f"{chain.figure}: {chain.last.text}" + (f" ({chain.subject})" if chain.subject else "")]
    for link in chain.links:
        text = f"  {ROLE_WORDS.get(link.role, link.role):<15} {link.agent}"
        if link.url:
            text += f" <{link.url}>"
        rows.append(text)
        for name in link.bylines:
            rows.append(f"  {'':<15}   byline {name!r} (claimed identity)")
        for conflict in link.conflicts:
            rows.append(f"  {'':<15}   ! conflict: {conflict}")
    for c in chain.corrections:
        rows.append(f"  {'corrected':<15} {c.text} = {decimal_text(c.value)} ({c.reason}) {c.at}")
    for v in chain.verdicts:
        rows.append(f"  {'checked':<15} {v.verdict}: {v.rule} ({v.expression})")
    rows.append(f"  {'current value':<15} {decimal_text(chain.current)}")
    return rows


@app.command(epilog=LEDGER_EXIT_CODES)
def show(
    figure: Annotated[str, typer.Argument(help="A figure's id (or words only it contains).")],
    ledger: LedgerOpt = None,
    fmt: Annotated[OutFormat, typer.Option("--format")] = OutFormat.text,
) -> None:
    """Show a figure's chain with its corrections and verdicts.

    Example:

        claimledger ledger show russians
    """
    chain = lib.show(figure, ledger)
    if fmt is OutFormat.json:
        _json(chain.to_dict())
        return
    typer.echo("\n".join(_chain_text(chain)))


@app.command(epilog=LEDGER_EXIT_CODES)
def correct(
    figure: Annotated[str, typer.Argument(help="The figure to correct.")],
    value: Annotated[str, typer.Option(help="The corrected figure, as written.")],
    reason: Annotated[str, typer.Option(help="Why it was corrected.")],
    ledger: LedgerOpt = None,
) -> None:
    """Record a correction (the old value stays in the log).

    Example:

        claimledger ledger correct russians --value "1.7 million" --reason "the ministry revised it"
    """
    row = lib.correct(figure, value, reason, ledger)
    typer.echo(f"Recorded correction {row.id} as entry #{row.seq}.")


@app.command(epilog=LEDGER_EXIT_CODES)
def keygen(
    name: Annotated[str, typer.Option(help="The key's name in signed checkpoints.")] = (
        "claimledger"
    ),
    folder: Annotated[Path, typer.Option(help="Where to write NAME.key and NAME.pub.")] = Path(
        ".claimledger"
    ),
) -> None:
    """Make an Ed25519 key pair for signing checkpoints.

    Example:

        claimledger ledger keygen
    """
    secret, public = lib.keygen(name, folder)
    typer.echo(f"Wrote the signer key {secret} (keep it secret) and the verifier key {public}.")


@app.command(epilog=LEDGER_EXIT_CODES)
def checkpoint(
    ledger: LedgerOpt = None,
    key: Annotated[
        Path | None,
        typer.Option(
            help="Signer key [default: $CLAIMLEDGER_KEY or .claimledger/claimledger.key]."
        ),
    ] = None,
) -> None:
    """Verify the ledger, then print a signed checkpoint (C2SP signed note) of it.

    Example:

        claimledger ledger checkpoint > checkpoint.txt
    """
    sys.stdout.write(lib.checkpoint(ledger, key))


@app.command(epilog=LEDGER_EXIT_CODES)
def verify(
    ledger: LedgerOpt = None,
    against: Annotated[
        Path | None, typer.Option(help="A checkpoint file the ledger must agree with.")
    ] = None,
    key: Annotated[Path | None, typer.Option(help="The verifier key (.pub) to trust.")] = None,
    fmt: Annotated[OutFormat, typer.Option("--format")] = OutFormat.text,
) -> None:
    """Check every stored byte, the chain and the checkpoints; exit 3 on tampering.

    Example:

        claimledger ledger verify --against checkpoint.txt
    """
    report = lib.verify(ledger, against, key)
    if fmt is OutFormat.json:
        _json(report.to_dict())
    elif report.valid:
        typer.echo(
            f"OK: {report.size} entries intact, root {report.root.hex()}, "
            f"{report.checkpoints} checkpoint(s) hold."
        )
    else:
        for finding in report.findings:
            typer.echo(f"TAMPERED: {finding.message} [{finding.code}]")
    if not report.valid:
        raise typer.Exit(3)


@app.command(epilog=LEDGER_EXIT_CODES)
def prove(
    entry: Annotated[str | None, typer.Argument(help="An entry id or leaf index.")] = None,
    consistency: Annotated[
        int | None, typer.Option("--consistency", help="Prove the tree of this size is a prefix.")
    ] = None,
    size: Annotated[int | None, typer.Option(help="Tree size [default: the whole log].")] = None,
    ledger: LedgerOpt = None,
    fmt: Annotated[OutFormat, typer.Option("--format")] = OutFormat.text,
) -> None:
    """Print an inclusion proof of ENTRY, or a consistency proof with --consistency OLD_SIZE.

    Example:

        claimledger ledger prove 3 --format json
    """
    if (entry is None) == (consistency is None):
        raise typer.BadParameter("give either ENTRY or --consistency OLD_SIZE")
    proof: lib.InclusionProof | lib.ConsistencyProof
    if consistency is not None:
        proof = lib.prove_consistency(consistency, ledger, size)
    else:
        assert entry is not None
        proof = lib.prove(entry, ledger, size)
    data = proof.to_dict()
    if fmt is OutFormat.json:
        if isinstance(proof, lib.InclusionProof):
            data.pop("entry")
        _json(data)
        return
    for name, value in data.items():
        if isinstance(value, list):
            typer.echo(f"{name}:")
            for item in value:
                typer.echo(f"  {item}")
        else:
            typer.echo(f"{name}: {value}")


@app.command(epilog=LEDGER_EXIT_CODES)
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.prov_json,
    ledger: LedgerOpt = None,
    output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
) -> None:
    """Export the ledger as PROV-JSON, PROV-N, PROV-O (Turtle) or ClaimReview JSON-LD.

    Example:

        claimledger ledger export --format prov-json
    """
    text = lib.export(fmt.value, ledger)
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
