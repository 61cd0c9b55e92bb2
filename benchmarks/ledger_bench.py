"""Ledger speed, with pymerkle and raw SQLite measured in the same run as anchors.

    python benchmarks/ledger_bench.py            # the issue's sizes (10^6 entries)
    python benchmarks/ledger_bench.py --quick    # 10^5 entries, for a smoke run

Prints each figure next to its target and the ratios against the anchors.
Not a test: it gates nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from toolkit.ledger.audit import audit
from toolkit.ledger.entries import Agent, Assertion, Relation
from toolkit.ledger.merkle import MerkleTree, leaf_hash, verify_inclusion
from toolkit.ledger.provenance import prov_document, render_export
from toolkit.ledger.store import open_store
from toolkit.ledger.views import load


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:,.0f}/s"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def relation(i: int) -> Relation:
    return Relation(
        id=f"relation:{i}", at="2022-09-23T00:00:00Z", relation="n", subject=str(i), object="x"
    )


def bench_appends(folder: Path, n: int) -> dict[str, float]:
    out: dict[str, float] = {}
    with open_store(folder / "ours.sqlite", create=True) as store:
        out["claimledger"] = n / timed(lambda: [store.append([relation(i)]) for i in range(n)])

    raw = sqlite3.connect(folder / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (seq INTEGER PRIMARY KEY, data BLOB, leaf BLOB)")
    payload = b'{"id":"relation:0","kind":"relation","object":"x","relation":"n","subject":"0"}'

    def raw_appends() -> None:
        for _ in range(n):
            raw.execute("BEGIN IMMEDIATE")
            raw.execute("INSERT INTO t (data, leaf) VALUES (?, ?)", (payload, leaf_hash(payload)))
            raw.execute("COMMIT")

    out["raw SQLite (WAL, FULL)"] = n / timed(raw_appends)
    raw.close()
    try:
        from pymerkle import SqliteTree
    except ImportError:
        print("  pymerkle is not installed: pip install pymerkle (anchor skipped)")
        return out
    tree = SqliteTree(str(folder / "pymerkle.sqlite"))
    out["pymerkle SqliteTree"] = n / timed(lambda: [tree.append_entry(payload) for _ in range(n)])
    tree.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10^5 entries instead of 10^6")
    parser.add_argument("--appends", type=int, default=2000)
    args = parser.parse_args()
    big = 10**5 if args.quick else 10**6
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        print(f"durable single appends ({args.appends} each, one commit per append):")
        rates = bench_appends(folder, args.appends)
        for name, r in rates.items():
            print(f"  {name:<24} {r:>10,.0f}/s")
        ours = rates["claimledger"]
        for name, r in rates.items():
            if name != "claimledger":
                print(f"  claimledger / {name}: {ours / r:.2f}x")
        print(f"  target >= 2,000/s: {'met' if ours >= 2000 else 'MISSED'}")

        print(f"\nbatch import of {big:,} entries (one transaction per 50,000):")
        location = folder / "big.sqlite"
        with open_store(location, create=True) as store:

            def batch() -> None:
                for start in range(0, big, 50_000):
                    store.append([relation(i) for i in range(start, min(big, start + 50_000))])

            seconds = timed(batch)
        print(
            f"  claimledger {rate(big, seconds)} (target >= 50,000/s: "
            f"{'met' if big / seconds >= 50_000 else 'MISSED'})"
        )
        raw = sqlite3.connect(folder / "raw-batch.sqlite", isolation_level=None)
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute(
            "CREATE TABLE t (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, data BLOB, leaf BLOB)"
        )
        with open_store(location) as store:
            rows = [(r.seq, r.id, r.data, r.leaf) for r in store.rows()]

        def raw_batch() -> None:
            for start in range(0, big, 50_000):
                raw.execute("BEGIN IMMEDIATE")
                raw.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows[start : start + 50_000])
                raw.execute("COMMIT")

        anchor = timed(raw_batch)
        raw.close()
        rows = []  # free the copy before the next section
        print(
            f"  anchor: raw SQLite executemany of the same bytes {rate(big, anchor)} "
            f"(claimledger / raw {anchor / seconds:.2f}x)"
        )

        print(f"\ninclusion proofs at {big:,} entries:")
        with open_store(location) as store:
            leaves = store.leaves()
            build = timed(lambda: MerkleTree(leaves))
            tree = MerkleTree(leaves)
        root = tree.root()
        rng = random.Random(1)
        picks = [rng.randrange(big) for _ in range(2000)]
        seconds = timed(lambda: [tree.inclusion_proof(i) for i in picks])
        per = seconds / len(picks) * 1000
        first = tree.inclusion_proof(0)
        verify_inclusion(0, big, tree.leaf(0), first, root)
        print(
            f"  tree built from stored leaves in {build:.2f}s; proof {per:.3f} ms "
            f"(target <= 1 ms: {'met' if per <= 1 else 'MISSED'})"
        )
        print(
            f"  proof of leaf 0 has {len(first)} hashes; ceil(log2 N) = {math.ceil(math.log2(big))}"
        )
        raw_proof = timed(lambda: [hashlib.sha256(tree.leaf(i)).digest() for i in picks])
        print(
            f"  anchor: one SHA-256 per proof {raw_proof / len(picks) * 1000:.4f} ms "
            f"(proof / hash ratio {seconds / raw_proof:.0f}x)"
        )

        print(f"\nfull verify of {big:,} entries:")
        with open_store(location) as store:
            start = time.perf_counter()
            report = audit(store)
            seconds = time.perf_counter() - start
        assert report.valid and report.size == big
        print(
            f"  {seconds:.2f}s, {rate(big, seconds)} (target <= 10 s at 10^6: "
            f"{'met' if seconds * 10**6 / big <= 10 else 'MISSED'})"
        )
        raw = sqlite3.connect(location)
        scan = timed(
            lambda: [
                hashlib.sha256(b"\x00" + bytes(r[0])).digest()
                for r in raw.execute("SELECT data FROM entries ORDER BY seq")
            ]
        )
        raw.close()
        print(
            f"  anchor: raw SQLite scan + one SHA-256 per row {scan:.2f}s "
            f"(verify / anchor {seconds / scan:.2f}x)"
        )

        print("\nPROV export of 10,000 entries:")
        with open_store(folder / "prov.sqlite", create=True) as store:
            entries: list[Agent | Assertion] = [
                Agent(id=f"agent:{k}", at="t", name=f"Agency {k}") for k in range(4)
            ]
            previous: str | None = None
            for i in range(10_000 - 4):
                entries.append(
                    Assertion(
                        id=f"assertion:{i}",
                        at="t",
                        figure=f"f{i // 4}",
                        text="1.6 million",
                        agent=f"agent:{i % 4}",
                        derived_from=previous if i % 4 else None,
                        role=("originator", "reporter", "publisher", "republisher")[i % 4],
                    )
                )
                previous = f"assertion:{i}"
            store.append(entries)
            snap = load(store)
        doc = prov_document(snap)
        anchors = {
            "prov-json": lambda: doc.serialize(indent=2),
            "prov-n": doc.get_provn,
        }
        build = timed(lambda: prov_document(snap))
        for fmt, write in anchors.items():
            seconds = timed(lambda fmt=fmt: render_export(snap, fmt))  # type: ignore[misc]
            anchor = build + timed(write)
            print(
                f"  {fmt}: {seconds:.2f}s (target <= 1 s: {'met' if seconds <= 1 else 'MISSED'}); "
                f"anchor: the prov package {anchor:.2f}s (model {build:.2f}s + writer), "
                f"{anchor / seconds:.1f}x slower"
            )


if __name__ == "__main__":
    main()
