"""Benchmark for `claimledger check` (issue #2). Run: .venv/bin/python benchmarks/check_bench.py

Prints, measured in the same run on this machine:
* cold start of `claimledger check` on the seed table, next to `python -c "import
  great_expectations"` and `python -c "import pandera"` (the anchors users would otherwise pay);
* 100,000 claims with 100,000 rules checked end to end from files, in claims/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "datasets" / "kazakhstan-2022"
BIN = Path(sys.executable).parent


# As a user's machine runs it: bytecode and the pattern cache written once and then read
# (``PYTHONDONTWRITEBYTECODE``, set on some build machines, would recompile every module on
# every run). One untimed run first fills both, for every contender alike.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str], runs: int) -> float | None:
    times = []
    subprocess.run(cmd, capture_output=True, env=ENV)
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, env=ENV)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            return None
    return statistics.median(times)


# Wide value ranges, so that the parser's cache of repeated figures rarely helps here.
FORMS = [
    lambda r: f"{r.randint(1, 9_999_999):,}",
    lambda r: f"{r.randint(10, 99_999) / 100} million",
    lambda r: f"more than {r.randint(1, 999_999):,}",
    lambda r: f"{r.randint(1, 9_999) / 100}%",
    lambda r: f"about {r.randint(1, 99_999):,}",
    lambda r: f"between {r.randint(1, 5_000)} and {r.randint(5_001, 10_000)}",
    lambda r: r.choice(["four", "a dozen", "forty-two", "one in five", "three out of four"]),
    lambda r: f"${r.randint(1, 9_999) / 10}bn",
]


def write_table(folder: Path, n: int) -> tuple[Path, Path]:
    rng = random.Random(2)
    claims = folder / "claims.csv"
    with claims.open("w", encoding="utf-8") as out:
        out.write("id,value,subject\n")
        for i in range(n):
            out.write(f'c{i},"{rng.choice(FORMS)(rng)}",thing {i}\n')
    items = []
    for i in range(n):
        a, b, c = rng.randrange(n), rng.randrange(n), rng.randrange(n)
        check = rng.choice(
            [f"c{a} <= c{b}", f"c{a} + c{b} == c{c}", f"0 <= pct(c{a}, c{b}) <= 100"]
        )
        items.append({"id": f"r{i}", "check": check})
    rules = folder / "rules.json"
    rules.write_text(json.dumps({"rules": items}), encoding="utf-8")
    yaml_rules = folder / "rules.yaml"
    with yaml_rules.open("w", encoding="utf-8") as out:
        out.write("rules:\n")
        out.writelines(f"  - {{id: {r['id']}, check: '{r['check']}'}}\n" for r in items)
    return claims, rules


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()

    print("# claimledger check — cold start (median of", args.runs, "runs, wall seconds)")
    ours = wall(
        [str(BIN / "claimledger"), "check", str(SEED / "claims.csv"), "--rules",
         str(SEED / "rules.yaml"), "-q"],
        args.runs,
    )  # fmt: skip
    assert ours is not None
    print(f"claimledger check (seed table)     {ours:7.3f} s   target ≤ 0.5 s")
    article = wall([str(BIN / "claimledger"), "check", str(SEED / "article.txt"), "-q"], args.runs)
    assert article is not None
    print(f"claimledger check (seed article)   {article:7.3f} s   target ≤ 0.5 s")
    for module in ("great_expectations", "pandera"):
        anchor = wall([sys.executable, "-c", f"import {module}"], max(3, args.runs // 2))
        if anchor is None:
            print(f"python -c 'import {module}'  not installed (pip install -e '.[all]')")
        else:
            ratio = anchor / ours
            print(f"python -c 'import {module}'  {anchor:7.3f} s   ratio {ratio:5.1f}× ours")

    sys.path.insert(0, str(ROOT))
    from toolkit import check

    with tempfile.TemporaryDirectory() as tmp:
        claims, rules = write_table(Path(tmp), args.claims)
        size = claims.stat().st_size + rules.stat().st_size
        start = time.perf_counter()
        report = check(claims, rules)
        took = time.perf_counter() - start
    rules_n = len(report.checks)
    mb = size / 1e6
    print(f"\n# {args.claims:,} claims × {rules_n:,} rules from files, rules as JSON ({mb:.1f} MB)")
    print(f"check(): {took:.2f} s   {args.claims / took:,.0f} claims/s   target ≤ 10 s")
    print("verdicts:", report.summary)
    os.environ["CLAIMLEDGER_WORKERS"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        claims, rules = write_table(Path(tmp), args.claims)
        start = time.perf_counter()
        check(claims, rules)
        took = time.perf_counter() - start
    del os.environ["CLAIMLEDGER_WORKERS"]
    print(f"same on one core (CLAIMLEDGER_WORKERS=1): {took:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        claims, _ = write_table(Path(tmp), args.claims)
        start = time.perf_counter()
        check(claims, Path(tmp) / "rules.yaml")
        took = time.perf_counter() - start
    print(f"same with the rules as YAML (PyYAML C parser): {took:.2f} s")


if __name__ == "__main__":
    main()
