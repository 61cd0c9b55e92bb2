"""Benchmark: claimledger's extractor next to quantulum3 on the development corpora.

Run: ``.venv/bin/python benchmarks/extract_bench.py [--corpora DIR]``.
Needs quantulum3 installed (benchmark only, not a runtime dependency).

Per corpus, for both extractors on the same sentences in the same run:
  value P/R/F1   predicted values vs the corpus's labelled values, per sentence,
                 matched one-to-one (relative tolerance 1e-6); a range counts
                 as its two ends.
  interval acc.  share of labelled items whose labelled interval the extractor
                 reproduces: for point labels, the figure's strict interval
                 contains the value and the figure's value equals it; for range
                 labels (Recognizers NumberRangeModel, our news set) the interval
                 bounds and open/closed ends are equal.
  throughput     sentences per second, and our ratio to quantulum3.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.extraction.spans import find_spans  # noqa: E402

INF = math.inf
Bounds = tuple[float, float, bool, bool]


@dataclass
class Item:
    value: float | None = None
    interval: Bounds | None = None


@dataclass
class Case:
    text: str
    gold: list[Item] = field(default_factory=list)


@dataclass
class Prediction:
    values: list[float]
    intervals: list[Bounds]
    points: list[tuple[float | None, Bounds]]


# -- corpora -------------------------------------------------------------------


def _num(text: str) -> float | None:
    text = text.strip().rstrip("%").replace(",", "")
    try:
        return float(Fraction_or(text))
    except (ValueError, ZeroDivisionError):
        return None


def Fraction_or(text: str) -> float:
    if "/" in text:
        a, b = text.split("/", 1)
        return float(a) / float(b)
    return float(text)


def _range(text: str) -> Bounds | None:
    m = re.fullmatch(r"([\[(])\s*([^,]*),\s*([^\])]*)([\])])", text.strip())
    if m is None:
        return None
    low = _num(m.group(2)) if m.group(2).strip() else -INF
    high = _num(m.group(3)) if m.group(3).strip() else INF
    if low is None or high is None:
        return None
    return (low, high, m.group(1) == "[", m.group(4) == "]")


def quantulum_corpus(root: Path) -> list[Case]:
    data = json.loads((root / "quantulum3" / "quantities.json").read_text(encoding="utf-8"))
    return [Case(d["req"], [Item(value=float(r["value"])) for r in d["res"]]) for d in data]


def recognizers(root: Path, name: str, types: set[str]) -> list[Case]:
    path = root / "recognizers_text_specs" / name
    cases = []
    for d in json.loads(path.read_text(encoding="utf-8-sig")):
        gold = []
        for r in d.get("Results", []):
            if r.get("TypeName") not in types:
                continue
            raw = str(r.get("Resolution", {}).get("value", ""))
            if r["TypeName"] == "numberrange":
                bounds = _range(raw)
                if bounds is not None:
                    gold.append(Item(interval=bounds))
            else:
                value = _num(raw)
                if value is not None:
                    gold.append(Item(value=value))
        cases.append(Case(d["Input"], gold))
    return cases


def number_parser(root: Path) -> list[Case]:
    cases = []
    for path in sorted((root / "number_parser" / "data").glob("en_*.csv")):
        if "ordinal" in path.name:
            continue
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                cases.append(Case(row["text"], [Item(value=float(row["number"]))]))
    return cases


def news(root: Path) -> list[Case]:
    path = root / "sentences.json"
    cases = []
    for d in json.loads(path.read_text(encoding="utf-8")):
        gold = []
        for f in d["figures"]:
            gold.append(Item(value=f.get("value"), interval=_range(f["interval"])))
        cases.append(Case(d["text"], gold))
    return cases


# -- extractors ----------------------------------------------------------------


def _f(d: Decimal) -> float:
    return float(d)


def ours(text: str) -> Prediction:
    values: list[float] = []
    intervals: list[Bounds] = []
    points: list[tuple[float | None, Bounds]] = []
    for span in find_spans(text):
        fig = span.figure
        if fig is None:
            continue
        s = fig.strict
        bounds = (_f(s.low), _f(s.high), s.low_closed, s.high_closed)
        intervals.append(bounds)
        value = None if fig.value is None else _f(fig.value)
        points.append((value, bounds))
        if fig.value is not None:
            values.append(_f(fig.value))
        else:
            values.extend(v for v in (bounds[0], bounds[1]) if math.isfinite(v))
    return Prediction(values, intervals, points)


def quantulum(text: str) -> Prediction:
    from quantulum3 import parser

    values: list[float] = []
    points: list[tuple[float | None, Bounds]] = []
    for q in parser.parse(text):
        v = float(q.value)
        values.append(v)
        points.append((v, (v, v, True, True)))
    return Prediction(values, [p[1] for p in points], points)


# -- scoring -------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _same(a: Bounds, b: Bounds) -> bool:
    return _close(a[0], b[0]) and _close(a[1], b[1]) and a[2] == b[2] and a[3] == b[3]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    hits: int = 0
    items: int = 0
    seconds: float = 0.0
    sentences: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(cases: Iterable[Case], extractor: Callable[[str], Prediction]) -> Score:
    s = Score()
    for case in cases:
        t0 = time.perf_counter()
        try:
            pred = extractor(case.text)
        except Exception:
            pred = Prediction([], [], [])
        s.seconds += time.perf_counter() - t0
        s.sentences += 1
        gold_values = [g.value for g in case.gold if g.value is not None]
        gold_values += [
            v
            for g in case.gold
            if g.value is None and g.interval
            for v in g.interval[:2]
            if math.isfinite(v)
        ]
        left = list(pred.values)
        for v in gold_values:
            k = next((i for i, p in enumerate(left) if _close(p, v)), None)
            if k is None:
                s.fn += 1
            else:
                s.tp += 1
                left.pop(k)
        s.fp += len(left)
        for g in case.gold:
            s.items += 1
            if g.interval is not None:
                s.hits += any(_same(g.interval, b) for b in pred.intervals)
            elif g.value is not None:
                gv = g.value
                s.hits += any(
                    v is not None and _close(v, gv) and b[0] <= gv <= b[1] for v, b in pred.points
                )
    return s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--news", type=Path, default=ROOT / "datasets" / "news-sentences")
    args = ap.parse_args()
    root: Path = args.corpora
    corpora = {
        "quantulum3 quantities": quantulum_corpus(root),
        "Recognizers NumberModel": recognizers(root, "Number/NumberModel.json", {"number"}),
        "Recognizers PercentModel": recognizers(root, "Number/PercentModel.json", {"percentage"}),
        "Recognizers NumberRange": recognizers(
            root, "Number/NumberRangeModel.json", {"numberrange"}
        ),
        "Recognizers Currency": recognizers(
            root, "NumberWithUnit/CurrencyModel.json", {"currency"}
        ),
        "number_parser cardinals": number_parser(root),
        "news-sentences (ours)": news(args.news),
    }
    quantulum("warm up 3 metres")  # load its models outside the timing
    ours("warm up 3 metres")
    head = (
        f"{'corpus':26} {'n':>4} {'extractor':11} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'interval':>8} {'sent/s':>9}"
    )
    print(head)
    print("-" * len(head))
    for name, cases in corpora.items():
        rows = {"claimledger": score(cases, ours), "quantulum3": score(cases, quantulum)}
        for label, s in rows.items():
            p, r, f1 = s.prf()
            acc = s.hits / s.items if s.items else float("nan")
            rate = s.sentences / s.seconds if s.seconds else float("inf")
            print(
                f"{name:26} {len(cases):>4} {label:11} {p:6.3f} {r:6.3f} {f1:6.3f} "
                f"{acc:8.3f} {rate:9.0f}"
            )
        ratio = rows["quantulum3"].seconds / max(rows["claimledger"].seconds, 1e-9)
        print(f"{'':26} {'':>4} {'speed-up':10} {ratio:.1f}× quantulum3")


if __name__ == "__main__":
    main()
