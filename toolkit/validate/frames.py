"""Rule verdicts on an in-memory pandas frame, for the custom GX expectations.

GX hands a condition a pandas frame of numbers; here each cell is turned back
into the text it most plausibly was (a whole float ``2057.0`` is ``2057``; other
floats their shortest repr) and judged with the same engine as ``--rule``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from toolkit.check.report import Verdict
from toolkit.errors import UnreadableFigure
from toolkit.figures import Interval
from toolkit.rules.evaluate import Tri, compare
from toolkit.validate.exact import cell_figure

__all__ = ["as_text", "rule_ok", "total_row_ok"]


def as_text(value: Any) -> str | None:
    """A cell as it was most plausibly written; None when empty."""
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    text = str(value).strip()
    return text or None


def rule_ok(frame: Any, text: str) -> Any:
    """A boolean Series: True where the row is not inconsistent with rule ``text``."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl

    from toolkit.validate.read import LINE, ROW, Table
    from toolkit.validate.rules import check_rules, prepare_rules

    data = {str(c): [as_text(v) for v in frame[c].tolist()] for c in frame.columns}
    n = len(frame)
    lazy = pl.DataFrame(data, schema=dict.fromkeys(data, pl.String)).with_columns(
        pl.Series(ROW, range(1, n + 1), dtype=pl.Int64),
        pl.Series(LINE, [None] * n, dtype=pl.Int64),
    )
    table = Table(Path("<frame>"), lazy.lazy(), tuple(data))
    specs = prepare_rules([text], tuple(data), "the frame")
    _, outcomes, _ = check_rules(table, specs, max_failures=n)
    bad = {f.row for f in outcomes[0].failures}
    return pd.Series([i + 1 not in bad for i in range(n)], index=frame.index)


def _reading(text: str | None) -> tuple[Interval, Interval] | None:
    if text is None:
        return None
    try:
        figure = cell_figure(text)
    except UnreadableFigure:
        return None
    return None if figure is None else (figure.strict, figure.lenient)


def total_row_ok(frame: Any, total_label: str) -> Any:
    """True everywhere except on a total row that cannot equal the sum of the other rows."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    label, *values = list(frame.columns)
    labels = [as_text(v) for v in frame[label].tolist()]
    ok = [True] * len(frame)
    totals = [i for i, t in enumerate(labels) if t is not None and t == total_label]
    for i in totals:
        for column in values:
            cells = [_reading(as_text(v)) for v in frame[column].tolist()]
            if _verdict(cells, i) is Verdict.INCONSISTENT:
                ok[i] = False
    return pd.Series(ok, index=frame.index)


def _verdict(cells: list[tuple[Interval, Interval] | None], total: int) -> Verdict:
    target = cells[total]
    parts = [c for j, c in enumerate(cells) if j != total]
    if target is None or any(c is None for c in parts):
        return Verdict.UNCHECKED
    zero = Interval(Decimal(0), Decimal(0), integer=True)
    strict, lenient = zero, zero
    for part in parts:
        assert part is not None
        strict, lenient = strict + part[0], lenient + part[1]
    if compare("==", strict, target[0]) is not Tri.FALSE:
        return Verdict.CONSISTENT
    if compare("==", lenient, target[1]) is not Tri.FALSE:
        return Verdict.UNCERTAIN
    return Verdict.INCONSISTENT
