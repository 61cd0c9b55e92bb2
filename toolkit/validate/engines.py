"""The engines that run rules over every row: polars (default), pandas (numpy) and Spark.

Each engine supplies ``Ops`` and reads cells into parts (value, decimals written,
trailing zeros, sign, empty, plain), then runs the same compiled arithmetic
(``toolkit.validate.intervals``) in two passes: the strict reading over every
row, then — on the few rows whose strict reading fails or that need the exact
path — the lenient reading. Only those rows leave the engine, so memory is
bounded by the failures, not the table. Polars runs here; pandas in ``pandas_engine``,
Spark in ``spark``, both on the parts and passes defined here.

Status codes per rule and row: ``OK`` 0, ``STRICT_FALSE`` 1 (the lenient
columns decide), ``EXACT`` 2 (re-evaluate with exact decimals), ``UNCHECKED`` 3.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.errors import ToolkitError
from toolkit.rules.syntax import Binary, Compare, Expr, Logic, Name, Negate, Not, Number
from toolkit.validate.intervals import BIG, EPS, FALSE, Node, Ops, compile_rule, needs_exact
from toolkit.validate.read import LINE, ROW, Malformed, Table, collect_with_fallback, verified

if TYPE_CHECKING:
    import polars as pl

__all__ = ["ENGINES", "EngineUnavailable", "Flagged", "RuleSpec", "run_engine"]

OK, STRICT_FALSE, EXACT, UNCHECKED = 0, 1, 2, 3
PLAIN = r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$"
ENGINES = ("auto", "polars", "pandas", "spark")


class EngineUnavailable(ToolkitError):
    """The chosen engine's package is not installed."""


@dataclass(frozen=True)
class RuleSpec:
    """A rule to run: its text, parsed expression and the columns it names."""

    text: str
    expr: Expr
    columns: tuple[str, ...]

    @property
    def exact_only(self) -> bool:
        return needs_exact(self.expr)


@dataclass(frozen=True)
class Flagged:
    """What an engine returns: the row count, and the rows not passed outright.

    Each record holds ``__row``, ``__line``, the rule columns as text, and per rule
    ``i``: ``s{i}`` (status), ``lt{i}`` (lenient three-valued), ``ln{i}`` (lenient
    near a tie), ``ld{i}`` (lenient divisor may be zero).
    """

    rows: int
    records: list[dict[str, Any]]
    malformed: tuple[Malformed, ...] = ()


@dataclass(frozen=True)
class Parts:
    """A column's cells read as written."""

    value: Any
    decimals: Any
    zeros: Callable[[], Any]  # trailing zeros of a whole number (only the lenient pass needs it)
    negative: Any
    empty: Any
    plain: Any
    integer: bool  # an integer column: exact values


def _leaf(ops: Ops, p: Parts, lenient: bool) -> Node:
    o, v, d = ops, p.value, p.decimals
    big = o.abs(v) >= BIG
    if not lenient:
        if p.integer:
            return Node(v, v, 0.0, True, True, big, True)  # big: |v| ≥ 2**50
        half = o.where(d == 0, o.lit(0.0), o.pow10(-d) / 2.0)
        err = (o.abs(v) + half) * (EPS * 4.0)
        return Node(v - half, v + half, err, False, d == 0, big)
    z = p.zeros()
    step = o.where((o.abs(v) >= 100.0) & (z > 0), o.pow10(z), o.lit(0.0))
    whole = step / 2.0
    if p.integer:
        return Node(v - whole, v + whole, 0.0, True, step == 0.0, big)
    u = o.pow10(-d)
    lo = o.where(d == 0, v - whole, o.where(p.negative, v - u, v - u / 2.0))
    hi = o.where(d == 0, v + whole, o.where(p.negative, v + u / 2.0, v + u))
    err = (o.abs(v) + u + whole) * (EPS * 4.0)
    return Node(lo, hi, err, False, (d == 0) & (step == 0.0), big)


def _any(items: Sequence[Any], ops: Ops) -> Any:
    return functools.reduce(lambda a, b: a | b, items) if items else ops.false()


def _status(ops: Ops, spec: RuleSpec, parts: dict[str, Parts]) -> Any:
    o = ops
    used = [parts[c] for c in spec.columns]
    empty = _any([p.empty for p in used], o)
    odd = _any([~p.plain & ~p.empty for p in used if not p.integer], o)
    if spec.exact_only:
        return o.where(empty, o.lit(UNCHECKED), o.lit(EXACT))
    c = compile_rule(spec.expr, o, lambda name: _leaf(o, parts[name], False))
    return o.where(empty, o.lit(UNCHECKED), o.where(odd | c.near, o.lit(EXACT),
                   o.where(c.divzero, o.lit(UNCHECKED),
                           o.where(c.tri == FALSE, o.lit(STRICT_FALSE), o.lit(OK)))))  # fmt: skip


def _lenient(ops: Ops, spec: RuleSpec, parts: dict[str, Parts]) -> tuple[Any, Any, Any]:
    if spec.exact_only:
        return ops.lit(1.0), ops.false(), ops.false()
    c = compile_rule(spec.expr, ops, lambda name: _leaf(ops, parts[name], True))
    return c.tri, c.near, c.divzero


# -- polars ----------------------------------------------------------------------
class PolarsOps:
    """Polars expressions; ``bind`` queues a column for ``stages`` (one ``with_columns`` each)."""

    def __init__(self, prefix: str = "__t") -> None:
        import polars as pl

        self.pl = pl
        self.prefix = prefix
        self.stages: list[Any] = []

    def bind(self, x: Any) -> Any:
        if not isinstance(x, self.pl.Expr):
            return x
        name = f"{self.prefix}{len(self.stages)}"
        self.stages.append(x.alias(name))
        return self.pl.col(name)

    def apply(self, frame: Any) -> Any:
        for stage in self.stages:
            frame = frame.with_columns(stage)
        return frame

    def lit(self, value: float) -> Any:
        return self.pl.lit(value)

    def where(self, cond: Any, then: Any, otherwise: Any) -> Any:
        return self.pl.when(cond).then(then).otherwise(otherwise)

    def least(self, *xs: Any) -> Any:
        return self.pl.min_horizontal(*xs)

    def greatest(self, *xs: Any) -> Any:
        return self.pl.max_horizontal(*xs)

    def abs(self, x: Any) -> Any:
        return x.abs() if isinstance(x, self.pl.Expr) else abs(x)

    def false(self) -> Any:
        return self.pl.lit(False)

    def pow10(self, x: Any) -> Any:
        return self.pl.lit(10.0).pow(x)


def _polars_prepare(names: Sequence[str], schema: Any) -> tuple[list[Any], dict[str, Parts]]:
    """Columns holding each cell's parts (computed once), and ``Parts`` naming them."""
    import polars as pl

    pre: list[Any] = []
    parts: dict[str, Parts] = {}
    for i, name in enumerate(names):
        col, k = pl.col(name), f"__c{i}_"
        if schema[name].is_integer():
            v = col.cast(pl.Float64)
            digits = col.abs().cast(pl.String)
            pre.append(v.alias(k + "v"))
            parts[name] = Parts(pl.col(k + "v"), pl.lit(0.0), functools.partial(_zeros_pl, digits),
                                pl.col(k + "v") < 0, col.is_null(), pl.lit(True), True)  # fmt: skip
            continue
        s = col.cast(pl.String).str.strip_chars()
        plain = s.str.contains(PLAIN).fill_null(False)
        num = pl.when(plain).then(s.str.replace_all(",", "", literal=True))
        pre += [
            num.cast(pl.Float64, strict=False).alias(k + "v"),
            num.str.extract(r"\.(\d+)$")
            .str.len_chars()
            .fill_null(0)
            .cast(pl.Float64)
            .alias(k + "d"),
            plain.alias(k + "p"),
            (s.is_null() | (s == "")).alias(k + "e"),
            s.str.starts_with("-").fill_null(False).alias(k + "n"),
        ]
        whole = pl.col(name).cast(pl.String).str.replace_all(",", "", literal=True)
        whole = whole.str.extract(r"^\s*-?(\d+)")
        parts[name] = Parts(pl.col(k + "v"), pl.col(k + "d"), functools.partial(_zeros_pl, whole),
                            pl.col(k + "n"), pl.col(k + "e"), pl.col(k + "p"), False)  # fmt: skip
    return pre, parts


def _zeros_pl(digits: pl.Expr) -> pl.Expr:
    return (digits.str.len_chars() - digits.str.strip_chars_end("0").str.len_chars()).fill_null(0)


def _surely_ok(spec: RuleSpec, schema: Any) -> pl.Expr | None:
    """A cheap test that is true only on rows whose status is ``OK``; None if there is none.

    For rules over integer columns and whole literals with ``+ -``, comparisons,
    ``and``/``or``/``not``: on rows with no empty cell and every value (cells and
    compared sums) below 2**50 in magnitude, the float reading is exact, so the
    status is ``OK`` exactly when the rule holds in Int64 arithmetic. Every other
    row goes through the full status computation.

    A single comparison (or chain) of cells and literals needs no guard: Int64
    compares exactly at any magnitude, so a row it passes is consistent (a big
    value's status would be ``EXACT``, and the exact reading agrees), and an empty
    cell makes the test null, which is not true. Only sums may overflow, and only
    ``or``/``not`` can make a test true around a null.
    """
    import polars as pl

    guards: list[pl.Expr] = []

    def bounded(x: pl.Expr) -> pl.Expr:
        return (x > -int(BIG)) & (x < int(BIG))

    def value(e: Expr) -> pl.Expr | None:
        if isinstance(e, Name):
            if not schema[e.name].is_integer():
                return None
            col = pl.col(e.name).cast(pl.Int64, strict=False)  # UInt64 beyond: null, not OK
            guards.append(bounded(col))
            return col
        if isinstance(e, Number):
            whole = e.value == e.value.to_integral_value() and abs(e.value) < int(BIG)
            return pl.lit(int(e.value), pl.Int64) if whole else None
        if isinstance(e, Negate):
            inner = value(e.operand)
            return None if inner is None else -inner
        if isinstance(e, Binary) and e.op in ("+", "-"):
            a, b = value(e.left), value(e.right)
            if a is None or b is None:
                return None
            return a + b if e.op == "+" else a - b
        return None

    def condition(e: Expr) -> pl.Expr | None:
        if isinstance(e, Compare):
            values = [value(x) for x in e.operands]
            if any(v is None for v in values):
                return None
            for x, v in zip(e.operands, values, strict=True):
                if not isinstance(x, Name | Number):
                    guards.append(bounded(v))  # type: ignore[arg-type]
            tests = [
                _COMPARE[op](a, b) for op, a, b in zip(e.ops, values, values[1:], strict=False)
            ]
            out: pl.Expr = functools.reduce(lambda p, q: p & q, tests)
            return out
        if isinstance(e, Logic):
            parts = [condition(x) for x in e.operands]
            if any(p is None for p in parts):
                return None
            join = (lambda p, q: p & q) if e.op == "and" else (lambda p, q: p | q)
            return functools.reduce(join, parts)
        if isinstance(e, Not):
            inner = condition(e.operand)
            return None if inner is None else ~inner
        return None

    if spec.exact_only:
        return None
    test = condition(spec.expr)
    if test is None:
        return None
    e = spec.expr
    if isinstance(e, Compare) and all(isinstance(x, Name | Number) for x in e.operands):
        return test.fill_null(False)
    return functools.reduce(lambda p, q: p & q, guards, test).fill_null(False)


_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}  # fmt: skip


def _run_polars(table: Table, specs: Sequence[RuleSpec]) -> Flagged:
    import polars as pl

    def use(t: Table) -> Flagged:
        ops, loose = PolarsOps("__s"), PolarsOps("__l")
        cols = list(dict.fromkeys(c for s in specs for c in s.columns))
        schema = t.frame.collect_schema()
        pre, parts = _polars_prepare(cols, schema)
        frame = t.frame
        # An unchecked reading (``read_table(trust_widths=True)``): a null in the last column
        # may be a short row or a blank line, so such rows are kept, and if there are any
        # the checked reading is used instead.
        short = pl.col(t.columns[-1]).is_null() if t.verify is not None else pl.lit(False)
        sure = [_surely_ok(s, schema) for s in specs]
        # One plan after the other, not ``collect_all``: a Parquet count is read from the
        # metadata, a CSV count is one pass over the mapped file, and the two no longer
        # compete for the cores. The count first: its mapping is gone before the scan's
        # buffers grow, so the peak memory is the larger of the two, not their sum.
        count = int(t.frame.select(pl.len()).collect(engine="streaming").item())
        if all(x is not None for x in sure):
            # Most rows pass: the integer test drops them in the scan. The others are
            # collected as they are, and the float status is worked out on that frame
            # (still streamed, in case many rows fail): left in the scan's plan, its dozen
            # stages cost a 10M-row Parquet scan ~10% more CPU, though no row reached them.
            frame = (
                frame.filter(~pl.all_horizontal(sure) | short)
                .select(ROW, LINE, *cols, short.alias("__short"))
                .collect(engine="streaming")
                .lazy()
            )
            short = pl.col("__short")
        status = [_status(ops, s, parts).cast(pl.Int8).alias(f"s{i}") for i, s in enumerate(specs)]
        lenient = []
        for i, spec in enumerate(specs):
            tri, near, div = _lenient(loose, spec, parts)
            lenient += [tri.cast(pl.Int8).alias(f"lt{i}"), near.alias(f"ln{i}"),
                        div.alias(f"ld{i}")]  # fmt: skip
        strict = ops.apply(frame.with_columns(pre)).with_columns(status)
        failing = strict.filter(
            pl.any_horizontal(pl.col(f"s{i}") != OK for i in range(len(specs))) | short
        )
        flagged = (
            loose.apply(failing)
            .with_columns(lenient)
            .select(ROW, LINE, short.alias("__short"), *(pl.col(c).cast(pl.String) for c in cols),
                    *(f"s{i}" for i in range(len(specs))), *(x.meta.output_name() for x in lenient))
        )  # fmt: skip
        found = flagged.collect(engine="streaming")
        if t.verify is not None and found["__short"].any():
            return collect_with_fallback(verified(t), use)
        found = found.drop("__short").filter(
            pl.any_horizontal(pl.col(f"s{i}") != OK for i in range(len(specs)))
        )
        return Flagged(count, found.to_dicts(), t.malformed)

    return collect_with_fallback(table, use)


def run_engine(
    engine: str, table: Table, specs: Sequence[RuleSpec], spark_master: str | None
) -> Flagged:
    """Run ``specs`` on ``table`` with ``engine`` (``auto`` is polars)."""
    if engine in ("auto", "polars"):
        _need("polars", "tables")
        return _run_polars(table, specs)
    table = verified(table)
    if engine == "pandas":
        _need("pandas", "pandas")
        from toolkit.validate.pandas_engine import run_pandas

        return run_pandas(table, specs)
    if engine == "spark":
        _need("pyspark", "spark")
        from toolkit.validate.spark import run_spark

        return run_spark(table, specs, spark_master)
    raise EngineUnavailable(f"unknown engine {engine!r}", None, f"Use one of {', '.join(ENGINES)}.")


def _need(module: str, extra: str) -> None:
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise EngineUnavailable(
            f"this engine needs {module}, which is not installed",
            None,
            f"pip install 'claimledger[{extra}]'.",
        )
