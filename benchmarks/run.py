"""Run every benchmark in this folder, one after another: `make bench`.

Each benchmark prints its own figures and the ratios against the tools users would pick instead,
measured in the same run. Pass names to run only some: `python benchmarks/run.py check ledger`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    wanted = set(sys.argv[1:])
    status = 0
    for script in sorted(HERE.glob("*_bench.py")):
        name = script.stem.removesuffix("_bench")
        if wanted and name not in wanted:
            continue
        print(f"\n===== {name} =====", flush=True)
        status |= subprocess.call([sys.executable, str(script)])
    return status


if __name__ == "__main__":
    raise SystemExit(main())
