"""The pandas engine: the same compiled interval arithmetic on numpy arrays.

``--engine pandas`` reads the table whole into a pandas frame (``Table.frame.collect()``),
works out each rule's status over every row with numpy, then the lenient reading on the
rows that need it: the ``Flagged`` records ``engines.run_engine`` returns for every engine.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import Any

from toolkit.validate.engines import OK, PLAIN, Flagged, Parts, RuleSpec, _lenient, _status
from toolkit.validate.read import LINE, ROW, Table, collect_with_fallback

__all__ = ["run_pandas"]


class NumpyOps:
    def __init__(self, n: int) -> None:
        import numpy as np

        self.np, self.n = np, n

    def lit(self, value: float) -> Any:
        return self.np.full(self.n, value)

    def where(self, cond: Any, then: Any, otherwise: Any) -> Any:
        return self.np.where(cond, then, otherwise)

    def least(self, *xs: Any) -> Any:
        return functools.reduce(self.np.fmin, xs)

    def greatest(self, *xs: Any) -> Any:
        return functools.reduce(self.np.fmax, xs)

    def abs(self, x: Any) -> Any:
        return self.np.abs(x)

    def false(self) -> Any:
        return self.np.zeros(self.n, dtype=bool)

    def pow10(self, x: Any) -> Any:
        return self.np.power(10.0, x)

    def bind(self, x: Any) -> Any:
        return x


def _pandas_parts(series: Any, integer: bool) -> Parts:
    import numpy as np
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    if integer:
        v = series.to_numpy(dtype=float, na_value=np.nan)
        digits = series.abs().astype("string").str.replace(r"\.0$", "", regex=True)
        return Parts(v, np.zeros(len(v)), lambda: _zeros_pd(digits), v < 0, np.isnan(v),
                     np.ones(len(v), dtype=bool), True)  # fmt: skip
    s = series.astype("string").str.strip()
    plain = s.str.match(PLAIN).fillna(False).to_numpy(dtype=bool)
    num = s.str.replace(",", "", regex=False).where(plain)
    decimals = num.str.extract(r"\.(\d+)$")[0].str.len().fillna(0).to_numpy(dtype=float)
    whole = num.str.extract(r"^-?(\d+)")[0]
    value = pd.to_numeric(num, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    empty = (s.isna() | (s == "")).fillna(True).to_numpy(dtype=bool)
    negative = s.str.startswith("-").fillna(False).to_numpy(dtype=bool)
    return Parts(value, decimals, lambda: _zeros_pd(whole), negative, empty, plain, False)


def _zeros_pd(digits: Any) -> Any:
    import numpy as np

    zeros = digits.str.len() - digits.str.rstrip("0").str.len()
    return zeros.fillna(0).to_numpy(dtype=float, na_value=np.nan)


def run_pandas(table: Table, specs: Sequence[RuleSpec]) -> Flagged:
    import numpy as np

    def use(t: Table) -> Flagged:
        frame = t.frame.collect()
        flagged = _numpy_pass(frame.to_pandas(), frame.schema, specs)
        return Flagged(flagged.rows, flagged.records, t.malformed)

    with np.errstate(all="ignore"):
        return collect_with_fallback(table, use)


def _numpy_pass(df: Any, schema: Any, specs: Sequence[RuleSpec]) -> Flagged:
    import numpy as np

    n = len(df)
    ops = NumpyOps(n)
    cols = list(dict.fromkeys(c for s in specs for c in s.columns))
    parts = {c: _pandas_parts(df[c], schema[c].is_integer()) for c in cols}
    status = [np.asarray(_status(ops, s, parts)) for s in specs]
    keep = np.zeros(n, dtype=bool)
    for st in status:
        keep |= st != OK
    sub = df[keep].reset_index(drop=True)
    small = NumpyOps(len(sub))
    sub_parts = {c: _pandas_parts(sub[c], schema[c].is_integer()) for c in cols}
    out: dict[str, Any] = {
        ROW: sub[ROW].tolist(),
        LINE: [None if x is None or (isinstance(x, float) and math.isnan(x)) else int(x)
               for x in sub[LINE].tolist()],
    }  # fmt: skip
    for c in cols:
        out[c] = _texts(sub[c], schema[c].is_integer())
    for i, spec in enumerate(specs):
        out[f"s{i}"] = status[i][keep].astype(int).tolist()
        tri, near, div = (
            np.broadcast_to(np.asarray(x), len(sub)) for x in _lenient(small, spec, sub_parts)
        )
        out[f"lt{i}"] = tri.astype(int).tolist()
        out[f"ln{i}"] = near.astype(bool).tolist()
        out[f"ld{i}"] = div.astype(bool).tolist()
    records = [dict(zip(out, values, strict=True)) for values in zip(*out.values(), strict=True)]
    return Flagged(n, records)


def _texts(series: Any, integer: bool) -> list[str | None]:
    values = series.tolist()
    if integer:
        return [None if v is None or v != v else str(int(v)) for v in values]
    return [None if v is None or v != v else str(v) for v in values]
