"""Benchmark: relations inferred from articles, against hand labels written before the tool ran.

Run: ``.venv/bin/python benchmarks/relations_bench.py [--folder DIR] [--show]``.

The folder holds articles (``*.txt``) and ``labels.json`` (format in its ``SOURCE.md``): for
each article the relations its wording states (figures as written, and the expected verdict)
and tempting pairs it does not relate. For each article, ``toolkit.check_article`` runs the
whole pipeline (extract, infer, check), and a rule *matches* a labelled relation when the
claims it names are figures of that relation (by their text, qualifier included). Printed:

  relations found   labelled relations some inferred rule matches (recall)
  rules supported   inferred rules that match a labelled relation (precision); a rule
                    matching nothing labelled is a relation the labels do not state
  verdicts right    matched relations whose rule has the labelled verdict
  false alarms      rules judged inconsistent that match no labelled inconsistent relation
  planted errors    labelled inconsistent relations that some rule finds inconsistent

There is no other tool to run next to it: none infers relations from wording.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.check.article import check_article  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _same_figure(a: str, b: str) -> bool:
    """ "a total of $89.5 million" is the labelled "$89.5 million"."""
    return bool(a and b) and (a in b or b in a)


def _matches(named: set[str], figures: set[str]) -> bool:
    """The rule's claims are the relation's figures, or hold them all ("p <= a or p <= b")."""
    inside = {n for n in named if any(_same_figure(n, f) for f in figures)}
    covered = {f for f in figures if any(_same_figure(n, f) for n in named)}
    return len(inside) >= 2 and (inside == named or covered == figures)


def _exact(named: set[str], figures: set[str]) -> bool:
    inside = {n for n in named if any(_same_figure(n, f) for f in figures)}
    covered = {f for f in figures if any(_same_figure(n, f) for n in named)}
    return inside == named and covered == figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=ROOT / "datasets" / "articles-fresh")
    ap.add_argument("--show", action="store_true", help="print each article's rules and misses")
    args = ap.parse_args()
    labels = json.loads((args.folder / "labels.json").read_text(encoding="utf-8"))
    found = labelled = supported = rules_n = right = matched = 0
    alarms = planted = caught = 0
    seconds = 0.0
    for entry in labels:
        path = args.folder / entry["file"]
        t0 = time.perf_counter()
        report = check_article(path)
        seconds += time.perf_counter() - t0
        text_of = {c.id: _norm(c.text) for c in report.claims}
        rels = [(r, {_norm(f) for f in r["figures"]}) for r in entry["relations"]]
        hit = [False] * len(rels)
        lines = []
        for check in report.checks:
            rules_n += 1
            named = {text_of.get(i, "") for i in check.claims}
            # the label with exactly the rule's figures first ("37 <= 52" is the part_of label,
            # not the sum 37 + 15 == 52 that also holds them), then any label that covers it
            exact = (k for k, (_, figs) in enumerate(rels) if _exact(named, figs))
            loose = (k for k, (_, figs) in enumerate(rels) if _matches(named, figs))
            match = next(exact, None)
            if match is None:
                match = next(loose, None)
            verdict = check.verdict.value if hasattr(check.verdict, "value") else str(check.verdict)
            if match is None:
                alarms += verdict == "inconsistent"
                lines.append(f"    ? {verdict:12} {check.expression}  ({', '.join(sorted(named))})")
                continue
            supported += 1
            rel = rels[match][0]
            if not hit[match]:
                hit[match] = True
                matched += 1
                right += verdict == rel["expected"]
                caught += rel["expected"] == "inconsistent" and verdict == "inconsistent"
            if rel["expected"] != "inconsistent" and verdict == "inconsistent":
                alarms += 1
            lines.append(
                f"    ✓ {verdict:12} {check.expression}  [{rel['kind']}, {rel['expected']}]"
            )
        for k, (rel, _) in enumerate(rels):
            labelled += 1
            found += hit[k]
            planted += rel["expected"] == "inconsistent"
            if not hit[k]:
                lines.append(f"    – missed {rel['kind']}: {rel['figures']} ({rel['expected']})")
        if args.show:
            print(f"# {entry['file']}")
            print("\n".join(lines))
    n = len(labels)
    print(f"{n} articles, {labelled} labelled relations, {rules_n} inferred rules")
    print(f"relations found  {found}/{labelled} = {found / max(labelled, 1):.3f}")
    print(f"rules supported  {supported}/{rules_n} = {supported / max(rules_n, 1):.3f}")
    print(f"verdicts right   {right}/{matched} of the relations found")
    print(f"planted errors   {caught}/{planted} caught")
    print(f"false alarms     {alarms} (inconsistent verdicts on no labelled error)")
    print(f"check_article    {seconds / max(n, 1) * 1000:.1f} ms per article")


if __name__ == "__main__":
    main()
