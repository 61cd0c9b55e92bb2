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
  throughput     sentences per second, and our ratio to quantulum3: each extractor reads
                 the corpus in passes of its own (untimed scoring apart), alternating,
                 best of five; claimledger's caches of figure readings are emptied
                 before each pass, so every sentence is read as if for the first time.
  subject/source on our news sets (claimledger only; quantulum3 reads neither): see
                 ``attribution_scores``.

Two scores are printed side by side, for both extractors alike:
  strict         the corpora's labels exactly as they are.
  convention     the same labels, accepting where a corpus follows another
                 convention for the same reading (never replacing the strict score):
                 - fractions: "two thirds" is 66.7 % to claimledger, 0.667 to
                   Recognizers and quantulum3 (value/100 also matches);
                 - dozens: "a dozen eggs" is 12 to claimledger, 1 (dozen) to quantulum3;
                 - a range is labelled by its midpoint in quantulum3's set
                   ("3 to 4 L" → 3.5): a range may match its midpoint instead of its ends;
                 - Recognizers' range ends: "between 20 and 30" is [20, 30) there and
                   [20, 30] here, "below 170" is (-∞, 170) there and [0, 170) here;
                 - typed specs (PercentModel, CurrencyModel) label only percentages or
                   currency amounts: a figure of another kind that matches no label
                   (a year, a count in the same sentence) is not a false positive;
                 - dates, years and identifiers: quantulum3 and Recognizers label "in 1979",
                   "5/17/2018", "192.168.1.2" or a phone number as numbers, and the issue
                   asks that dates, times, years, ages, phone numbers and identifiers be
                   recognised as what they are, not offered as counts. A mention we
                   recognise so stands for the numbers written in it: it matches those
                   labels and is never a false positive. (The strict score leaves them
                   out: a missed label.)
A point range label ("equals 20", [20, 20]) counts as one value in both scores, and a
value lies in an interval to the same 1e-6 tolerance as values match ("⅔").
"""

from __future__ import annotations

import argparse
import contextlib
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
from toolkit.figures.parse import (  # noqa: E402
    _parse_cached,
    _range_ends_cached,
    _read_cached,
)
from toolkit.figures.words import SMALL  # noqa: E402

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
    kind: str | None = None  # the only kind a typed spec labels
    subjects: list[str | None] = field(default_factory=list)  # per gold item, news sets only
    source: str | None = None


@dataclass
class Found:
    """One predicted figure: a point value or a range's two written ends."""

    values: list[float]
    interval: Bounds
    value: float | None
    kind: str = "number"  # number, percent, currency; date for a recognised date or year
    # the unit a corpus may count it in instead: 100 for a fraction we read as a share
    # ("two thirds" = 66.7 % here, 0.667 there), 12 for dozens ("a dozen" = 12 here, 1 there)
    per: float = 1.0
    text: str = ""  # the mention as written
    recognised: bool = False  # a date, year, identifier…: not a count (convention score only)


@dataclass
class Prediction:
    found: list[Found]


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


def typed(cases: list[Case], kind: str) -> list[Case]:
    for case in cases:
        case.kind = kind
    return cases


def news(root: Path, name: str = "sentences.json") -> list[Case]:
    path = root / name
    cases = []
    for d in json.loads(path.read_text(encoding="utf-8")):
        gold = []
        for f in d["figures"]:
            gold.append(Item(value=f.get("value"), interval=_range(f["interval"])))
        subjects = [f.get("subject") for f in d["figures"]]
        cases.append(Case(d["text"], gold, subjects=subjects, source=d.get("source")))
    return cases


def _norm(text: str) -> str:
    text = re.sub(r"[^a-z0-9& ]+", " ", text.lower())
    return " ".join(w for w in text.split() if w not in ("the", "a", "an", "its", "of", "by"))


def _head_in(head: str, subject: str | None) -> bool:
    if subject is None:
        return False
    stem = head.lower().rstrip("s")
    return any(w.rstrip("s") == stem for w in re.findall(r"[a-z&]+", subject.lower()))


def _same_source(gold: str | None, found: str | None) -> bool:
    if gold is None or found is None:
        return gold is found
    g, f = _norm(gold), _norm(found)
    return bool(g and f) and (g in f or f in g)


def attribution_scores(cases: Iterable[Case]) -> tuple[float, float, int, int]:
    """claimledger's subject and source accuracy over the labelled figures it found.

    A labelled figure is found when a claim's strict interval equals the label's.
    Subject: the labelled head word is a word of the claim's subject (plural or
    not); source: one normalised name contains the other, or both are absent.
    Figures not found count as wrong. Returns (subject acc, source acc, n subj, n src).
    """
    from toolkit.extraction.extract import extract

    subj_hits = subj_n = src_hits = src_n = 0
    for case in cases:
        claims = extract(case.text)
        for item, head in zip(case.gold, case.subjects, strict=False):
            claim = None
            for c in claims:
                s = c.figure.strict
                if item.interval is not None and _same(
                    item.interval, (_f(s.low), _f(s.high), s.low_closed, s.high_closed)
                ):
                    claim = c
                    break
            src_n += 1
            src_hits += claim is not None and _same_source(case.source, claim.source)
            if head is not None:
                subj_n += 1
                subj_hits += claim is not None and _head_in(head, claim.subject)
    return (
        subj_hits / subj_n if subj_n else float("nan"),
        src_hits / src_n if src_n else float("nan"),
        subj_n,
        src_n,
    )


# -- extractors ----------------------------------------------------------------


def _f(d: Decimal) -> float:
    return float(d)


_PERCENT_WRITTEN = re.compile(r"%|per\s?cent|pct", re.I)
# what we recognise as not a count; "vague" ("a few" with nothing to read) writes no number
_RECOGNISED = {"year", "date", "time", "age", "ordinal", "phone", "identifier", "score", "rate"}
_DOZEN = re.compile(r"\bdozens?\b", re.I)
_CURRENCIES = {"$", "€", "£", "¥", "₹", "₽", "₸", "USD", "EUR", "GBP", "JPY", "KZT", "RUB"}


def ours(text: str) -> Prediction:
    found: list[Found] = []
    for span in find_spans(text):
        fig = span.figure
        if fig is None:
            if span.kind in _RECOGNISED:
                # Not a count, but recognised: it stands for the numbers written in it, in
                # digits or in words ("a two-year maintenance period")
                written = re.findall(r"\d+", span.text) or [
                    str(SMALL[w]) for w in re.findall(r"[a-z]+", span.text.lower()) if w in SMALL
                ]
                for d in written:
                    v = float(d)
                    found.append(
                        Found([v], (v, v, True, True), v, "date", text=span.text, recognised=True)
                    )
            continue
        s = fig.strict
        bounds = (_f(s.low), _f(s.high), s.low_closed, s.high_closed)
        kind = "percent" if fig.unit == "%" else "currency" if fig.unit in _CURRENCIES else "number"
        share = fig.unit == "%" and not _PERCENT_WRITTEN.search(span.text)
        per = 100.0 if share else 12.0 if _DOZEN.search(span.text) else 1.0
        if fig.value is not None:
            found.append(Found([_f(fig.value)], bounds, _f(fig.value), kind, per, span.text))
            continue
        # A range counts as its two ends as written ("3.5-4.0" is 3.5 and 4.0).
        ends = fig.ends
        values = [_f(e) for e in ends] if ends else [v for v in bounds[:2] if math.isfinite(v)]
        found.append(Found(values, bounds, None, kind, per, span.text))
    return Prediction(found)


def quantulum(text: str) -> Prediction:
    from quantulum3 import parser  # type: ignore[import-untyped]

    found: list[Found] = []
    for q in parser.parse(text):
        v = float(q.value)
        entity = q.unit.entity.name
        kind = (
            "percent"
            if q.unit.name == "percentage"
            else "currency"
            if entity == "currency"
            else "number"
        )
        found.append(Found([v], (v, v, True, True), v, kind))
    return Prediction(found)


# -- scoring -------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _within(v: float, b: Bounds) -> bool:
    """``v`` lies in ``b``, to the same tolerance as values ("⅔" against 0.666666666666667)."""
    return (b[0] <= v or _close(b[0], v)) and (v <= b[1] or _close(v, b[1]))


def _in_units(f: Found) -> Bounds:
    """The interval in the corpus's unit: "more than half" is (50, ∞) % here, (0.5, ∞) there."""
    lo, hi, lc, hc = f.interval
    return (lo / f.per, hi / f.per, lc, hc)


def _same(a: Bounds, b: Bounds) -> bool:
    return _close(a[0], b[0]) and _close(a[1], b[1]) and a[2] == b[2] and a[3] == b[3]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    hits: int = 0
    items: int = 0
    sentences: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _readings(f: Found, convention: bool) -> list[list[float]]:
    """The ways a prediction may be counted: each a list of values it stands for."""
    out = [f.values]
    if convention:
        if f.per != 1:
            out.append([v / f.per for v in f.values])
        if len(f.values) == 2:
            out.append([(f.values[0] + f.values[1]) / 2])
    return out


def _same_convention(gold: Bounds, b: Bounds) -> bool:
    if _same(gold, b):
        return True
    lo_ok = (_close(gold[0], b[0]) and gold[2] == b[2]) or (
        math.isinf(gold[0]) and gold[0] < 0 and b[0] == 0 and b[2]
    )
    hi_ok = _close(gold[1], b[1]) and (
        gold[3] == b[3] or (not gold[3] and math.isfinite(gold[1]) and math.isfinite(gold[0]))
    )
    return lo_ok and hi_ok


def _match(
    gold_values: list[float], found: list[Found], convention: bool, kind: str | None
) -> tuple[int, int, int]:
    """True positives, false positives, false negatives, matching one to one.

    With ``kind`` (a typed spec, convention-aware only), a figure of another
    kind that matches no label is left out instead of counted as a false positive.
    """
    left = list(gold_values)
    tp = fp = 0
    for f in found:
        best: list[float] = []
        best_miss = len(f.values)
        for reading in _readings(f, convention):
            pool = list(left)
            hit: list[float] = []
            for v in reading:
                k = next((i for i, g in enumerate(pool) if _close(v, g)), None)
                if k is not None:
                    hit.append(pool.pop(k))
            miss = len(reading) - len(hit)
            if len(hit) > len(best) or (len(hit) == len(best) and miss < best_miss):
                best, best_miss = hit, miss
        for g in best:
            left.remove(g)
        tp += len(best)
        if f.recognised:
            continue  # a date or year is not offered as a count: never a false positive
        if kind is None or f.kind == kind or best:
            fp += best_miss
    return tp, fp, len(left)


def score(
    cases: Iterable[Case], extractor: Callable[[str], Prediction], convention: bool = False
) -> Score:
    s = Score()
    for case in cases:
        try:
            pred = extractor(case.text)
        except Exception:
            pred = Prediction([])
        s.sentences += 1
        found = pred.found
        gold_values = [g.value for g in case.gold if g.value is not None]
        for g in case.gold:
            if g.value is None and g.interval:
                # A range label counts as its finite ends; a point range ("equals 20",
                # [20, 20]) as its one value.
                ends = [v for v in g.interval[:2] if math.isfinite(v)]
                gold_values += ends[:1] if len(ends) == 2 and _close(*ends) else ends
        if not convention:
            found = [f for f in found if not f.recognised]
        tp, fp, fn = _match(gold_values, found, convention, case.kind if convention else None)
        s.tp, s.fp, s.fn = s.tp + tp, s.fp + fp, s.fn + fn
        same = _same_convention if convention else _same
        for g in case.gold:
            s.items += 1
            if g.interval is not None:
                gi = g.interval
                s.hits += any(
                    same(gi, f.interval) or (convention and f.per != 1 and same(gi, _in_units(f)))
                    for f in found
                )
            elif g.value is not None:
                gv = g.value
                s.hits += any(
                    f.value is not None
                    and (
                        (_close(f.value, gv) and _within(gv, f.interval))
                        or (convention and f.per != 1 and _close(f.value / f.per, gv))
                        or (convention and len(f.values) == 2 and _close(sum(f.values) / 2, gv))
                    )
                    for f in found
                )
                if convention and not any(
                    f.value is not None and _close(f.value, gv) for f in found
                ):
                    s.hits += any(
                        f.value is None and len(f.values) == 2 and _close(sum(f.values) / 2, gv)
                        for f in found
                    )
    return s


def _cold() -> None:
    """Empty claimledger's caches of figure readings (a cache hit is not a first read)."""
    for cached in (_parse_cached, _read_cached, _range_ends_cached):
        cached.cache_clear()


def timed(
    cases: list[Case], extractors: dict[str, Callable[[str], Prediction]], passes: int = 5
) -> dict[str, float]:
    """Seconds per pass over ``cases`` for each extractor: passes alternate, best of ``passes``.

    The best pass is the one least disturbed by the rest of the machine; both extractors get
    the same chances. claimledger reads each pass with its caches emptied first.
    """
    best = dict.fromkeys(extractors, math.inf)
    texts = [case.text for case in cases]
    for _ in range(passes):
        for label, extractor in extractors.items():
            if label == "claimledger":
                _cold()
            t0 = time.perf_counter()
            for text in texts:
                with contextlib.suppress(Exception):
                    extractor(text)
            best[label] = min(best[label], time.perf_counter() - t0)
    return best


def _show(f: Found) -> str:
    lo, hi, lc, hc = f.interval
    ends = f"{'[' if lc else '('}{lo:g}, {hi:g}{']' if hc else ')'}"
    return f"{f.value if f.value is not None else f.values} {ends} {f.kind}"


def misses(cases: Iterable[Case], convention: bool = False) -> int:
    """Print claimledger's misses, one sentence at a time: what the labels say and what we read.

    A sentence is printed when a label is not matched (value or interval) or a
    figure matches no label. Returns how many sentences were printed.
    """
    shown = 0
    for case in cases:
        pred = ours(case.text)
        one = score([case], lambda _text, p=pred: p, convention)
        if one.fp == 0 and one.fn == 0 and one.hits == one.items:
            continue
        shown += 1
        print(f"- {case.text!r}")
        for g in case.gold:
            if g.interval is not None:
                lo, hi, lc, hc = g.interval
                print(f"    gold  {'[' if lc else '('}{lo:g}, {hi:g}{']' if hc else ')'}")
            else:
                print(f"    gold  {g.value!r}")
        for f in pred.found:
            if convention or not f.recognised:
                print(f"    ours  {f.text!r} → {_show(f)}")
        print(f"    tp {one.tp} fp {one.fp} fn {one.fn} interval {one.hits}/{one.items}")
    return shown


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--news", type=Path, default=ROOT / "datasets" / "news-sentences")
    ap.add_argument(
        "--misses",
        metavar="CORPUS",
        help="print claimledger's misses on one corpus (a part of its name, e.g. 'NumberRange')",
    )
    ap.add_argument("--conv", action="store_true", help="with --misses: score convention-aware")
    args = ap.parse_args()
    root: Path = args.corpora
    corpora = {
        "quantulum3 quantities": quantulum_corpus(root),
        "Recognizers NumberModel": recognizers(root, "Number/NumberModel.json", {"number"}),
        "Recognizers PercentModel": typed(
            recognizers(root, "Number/PercentModel.json", {"percentage"}), "percent"
        ),
        "Recognizers NumberRange": recognizers(
            root, "Number/NumberRangeModel.json", {"numberrange"}
        ),
        "Recognizers Currency": typed(
            recognizers(root, "NumberWithUnit/CurrencyModel.json", {"currency"}), "currency"
        ),
        "number_parser cardinals": number_parser(root),
        "news-sentences (ours)": news(args.news),
        "news heldout (ours)": news(args.news, "heldout.json"),
        "news fresh (ours)": news(args.news, "fresh.json"),
        "news fresh2 (ours)": news(args.news, "fresh2.json"),
        "news fresh3 (ours)": news(args.news, "fresh3.json"),
        "news fresh4 (ours)": news(args.news, "fresh4.json"),
    }
    if args.misses:
        chosen = [n for n in corpora if args.misses.lower() in n.lower()]
        if not chosen:
            ap.error(f"no corpus named like {args.misses!r}: {', '.join(corpora)}")
        for name in chosen:
            print(f"# {name}")
            n = misses(corpora[name], args.conv)
            print(f"# {n} of {len(corpora[name])} sentences with a miss")
        return
    quantulum("warm up 3 metres")  # load its models outside the timing
    ours("warm up 3 metres")
    head = (
        f"{'corpus':26} {'n':>4} {'extractor':11} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'interval':>8} │ {'conv F1':>7} {'conv int':>8} │ {'sent/s':>7}"
    )
    print("strict = the corpora's labels as they are; conv = convention-aware (see --help)")
    print(head)
    print("-" * len(head))
    for name, cases in corpora.items():
        rows = {"claimledger": ours, "quantulum3": quantulum}
        seconds = timed(cases, rows)
        for label, extractor in rows.items():
            s = score(cases, extractor)
            c = score(cases, extractor, convention=True)
            p, r, f1 = s.prf()
            acc = s.hits / s.items if s.items else float("nan")
            cacc = c.hits / c.items if c.items else float("nan")
            rate = s.sentences / seconds[label] if seconds[label] else float("inf")
            print(
                f"{name:26} {len(cases):>4} {label:11} {p:6.3f} {r:6.3f} {f1:6.3f} "
                f"{acc:8.3f} │ {c.prf()[2]:7.3f} {cacc:8.3f} │ {rate:7.0f}"
            )
        ratio = seconds["quantulum3"] / max(seconds["claimledger"], 1e-9)
        print(f"{'':26} {'':>4} {'speed-up':10} {ratio:.1f}× quantulum3")
        if cases and cases[0].subjects:
            subj, src, n_subj, n_src = attribution_scores(cases)
            print(
                f"{'':26} {'':>4} {'claimledger':11} subject {subj:.3f} (n={n_subj})"
                f"  source {src:.3f} (n={n_src})"
            )


if __name__ == "__main__":
    main()
