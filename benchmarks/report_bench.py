"""Benchmark for `claimledger report` (issue #6). Run: .venv/bin/python benchmarks/report_bench.py

Prints, measured in the same run on this machine:
* cold `claimledger report` on the seed claims table (target ≤ 0.7 s), next to the anchors
  `python -c pass` and `claimledger --help` (what any command pays to start);
* cold `claimledger report` on a generated 2,000-figure article (target ≤ 3 s);
* the load time of both pages in headless Chromium (target < 1 s), when Chromium is installed.
Not a timed test: nothing here gates CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "datasets" / "kazakhstan-2022"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))


# As a user's machine runs it: bytecode and the pattern cache written once, then read.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str], runs: int) -> float:
    times = []
    subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr}")
    return statistics.median(times)


def big_article(folder: Path, n: int) -> Path:
    sentence = "The ministry said {a:,} visitors came in {m}, of which {b:,} were from abroad.\n"
    months = ["March", "April", "May", "June"]
    path = folder / f"article-{n}.txt"
    path.write_text(
        "".join(sentence.format(a=10_000 + i * 7, b=1_000 + i, m=months[i % 4])
                for i in range(n // 2)),
        encoding="utf-8",
    )  # fmt: skip
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()
    cli = str(BIN / "claimledger")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed_html, big_html = folder / "seed.html", folder / "big.html"
        python = wall([sys.executable, "-c", "pass"], args.runs)
        helptime = wall([cli, "--help"], args.runs)
        seed = wall([cli, "report", str(SEED / "claims.csv"), "--rules",
                     str(SEED / "rules.yaml"), "-o", str(seed_html)], args.runs)  # fmt: skip
        article = wall([cli, "report", str(SEED / "article.txt"), "-o",
                        str(folder / "article.html")], args.runs)  # fmt: skip
        source = big_article(folder, 2000)
        big = wall([cli, "report", str(source), "-o", str(big_html)], max(1, args.runs // 2))
        print(f"anchor  python -c pass              {python:6.3f} s")
        print(f"anchor  claimledger --help          {helptime:6.3f} s")
        print(f"report  seed claims table (cold)    {seed:6.3f} s   target ≤ 0.7 s  "
              f"{seed / helptime:4.1f}× --help")  # fmt: skip
        print(f"report  seed article (cold)         {article:6.3f} s   target ≤ 0.7 s  "
              f"{article / helptime:4.1f}× --help")  # fmt: skip
        print(f"report  2,000-figure article (cold) {big:6.3f} s   target ≤ 3 s    "
              f"{big / helptime:4.1f}× --help")  # fmt: skip
        print(
            f"        page sizes: seed {seed_html.stat().st_size / 1024:.0f} KiB, "
            f"2,000 figures {big_html.stat().st_size / 1024:.0f} KiB"
        )
        from tests.report.browser import Browser, find_chromium

        executable = find_chromium()
        if executable is None:
            print("chromium not installed: page load not measured (bash .ci/chromium.sh)")
            return
        with Browser(executable) as browser:
            for name, page in (("seed", seed_html), ("2,000 figures", big_html)):
                loads = [browser.load(page) for _ in range(args.runs)]
                print(f"chromium load  {name:<20} {statistics.median(loads) * 1000:6.0f} ms  "
                      "target < 1,000 ms")  # fmt: skip


if __name__ == "__main__":
    main()
