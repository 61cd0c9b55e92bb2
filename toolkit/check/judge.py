"""Judge one rule against the claims' readings: the verdict and its explanation.

* ``consistent``   — some values of the strict readings satisfy the rule;
* ``uncertain``    — only the lenient readings do (the explanation names the figure whose
  looser reading saves it);
* ``inconsistent`` — not even the lenient readings do (a proof: the arithmetic only widens);
* ``unchecked``    — a figure is not reported, or a divisor may be zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from toolkit.check.explain import comparison_word, describe, format_interval, format_number
from toolkit.check.report import CheckResult, Verdict
from toolkit.extraction.claim import Claim
from toolkit.figures.interval import DivisionByZeroInterval, Interval
from toolkit.rules.evaluate import Tri, evaluate, value_of
from toolkit.rules.rule import Rule
from toolkit.rules.show import show
from toolkit.rules.syntax import Call, Compare, Expr, Name, Number, names

__all__ = ["judge", "with_verdict"]


def with_verdict(
    rule: Rule, verdict: Verdict, explanation: str, saved: tuple[str, ...] = ()
) -> CheckResult:
    """The result of ``rule``: its verdict and explanation beside what the rule says."""
    return CheckResult(
        rule.id, rule.check, rule.ids or tuple(names(rule.expression)), verdict, explanation,
        rule.note, saved, rule.evidence, rule.evidence_span, rule.where,
    )  # fmt: skip


def judge(rule: Rule, claims: Mapping[str, Claim]) -> CheckResult:
    """Check ``rule`` over ``claims`` (every id it names must be present)."""
    ids = rule.ids or tuple(names(rule.expression))

    def result(verdict: Verdict, explanation: str, saved: tuple[str, ...] = ()) -> CheckResult:
        return with_verdict(rule, verdict, explanation, saved)

    empty = [i for i in ids if claims[i].figure is None]
    if empty:
        listed = ", ".join(empty)
        return result(Verdict.UNCHECKED, f"Not checked: no figure reported for {listed}.")
    strict = {i: claims[i].figure.strict for i in ids}  # type: ignore[union-attr]
    lenient = {i: claims[i].figure.lenient for i in ids}  # type: ignore[union-attr]
    memo: dict[int, Interval] = {}
    loose_memo: dict[int, Interval] = {}
    try:
        outcome = evaluate(rule.expression, strict, memo)
    except DivisionByZeroInterval:
        return result(Verdict.UNCHECKED, _zero_divisor(rule, claims))
    if outcome is not Tri.FALSE:
        return result(
            Verdict.CONSISTENT, _explain(rule.expression, claims, strict, Verdict.CONSISTENT)
        )
    try:
        loose = evaluate(rule.expression, lenient, loose_memo)
    except DivisionByZeroInterval:
        loose = Tri.UNKNOWN
    if loose is Tri.FALSE:
        text = _explain(
            rule.expression, claims, strict, Verdict.INCONSISTENT, lenient, memo=memo,
            loose_memo=loose_memo,
        )  # fmt: skip
        return result(Verdict.INCONSISTENT, text)
    saved = _savers(rule.expression, ids, strict, lenient)
    text = _explain(
        rule.expression, claims, strict, Verdict.UNCERTAIN, lenient, saved, memo, loose_memo
    )
    return result(Verdict.UNCERTAIN, text, saved)


def _savers(
    expr: Expr, ids: tuple[str, ...], strict: dict[str, Interval], lenient: dict[str, Interval]
) -> tuple[str, ...]:
    """The claims whose lenient reading alone makes the rule possible (else all that differ)."""
    alone = []
    for i in ids:
        if strict[i] == lenient[i]:
            continue
        try:
            if evaluate(expr, {**strict, i: lenient[i]}) is not Tri.FALSE:
                alone.append(i)
        except DivisionByZeroInterval:
            alone.append(i)
    return tuple(alone) or tuple(i for i in ids if strict[i] != lenient[i])


def _zero_divisor(rule: Rule, claims: Mapping[str, Claim]) -> str:
    parts = ", ".join(
        f"{i} = {format_interval(c.figure.strict, c.unit)}"
        for i in names(rule.expression)
        if (c := claims[i]).figure is not None
    )
    return f"Not checked: a divisor in '{rule.check}' may be zero ({parts})."


def _side(
    expr: Expr,
    claims: Mapping[str, Claim],
    env: Mapping[str, Interval],
    memo: dict[int, Interval] | None = None,
) -> str:
    iv = value_of(expr, env, memo)
    if isinstance(expr, Name):
        claim = claims[expr.name]
        return f"{describe(claim)} ({format_interval(iv, claim.unit)})"
    return f"'{_source(expr)}' ({format_interval(iv)})"


def _source(expr: Expr) -> str:
    return show(expr)


def _explain(
    expr: Expr,
    claims: Mapping[str, Claim],
    strict: Mapping[str, Interval],
    verdict: Verdict,
    lenient: Mapping[str, Interval] | None = None,
    saved: tuple[str, ...] = (),
    memo: dict[int, Interval] | None = None,
    loose_memo: dict[int, Interval] | None = None,
) -> str:
    grim_text = _grim_explanation(expr, claims, strict, verdict, lenient, saved)
    if grim_text is not None:
        return grim_text
    if isinstance(expr, Compare) and len(expr.ops) == 1:
        op = expr.ops[0]
        left, right = expr.operands
        if op == ">=":  # a whole and its part, said the other way round
            left, right, op = right, left, "<="
        a, b = _side(left, claims, strict, memo), _side(right, claims, strict, memo)
        word = comparison_word(op)
        if verdict is Verdict.CONSISTENT:
            if op == "<=":
                return f"{_cap(a)} fit within {b}."
            return f"{_cap(a)} can be {word} {b}."
        if verdict is Verdict.INCONSISTENT and lenient is not None:
            la = format_interval(value_of(left, lenient, loose_memo))
            lb = format_interval(value_of(right, lenient, loose_memo))
            return (
                f"{_cap(a)} cannot be {word} {b}, "
                f"not even reading the figures loosely ({la} against {lb})."
            )
        return f"{_cap(a)} is {word} {b} only {_rescue(saved, claims, lenient)}."
    values = "; ".join(f"{i} = {format_interval(strict[i], claims[i].unit)}" for i in names(expr))
    computed = _computed(expr, strict, memo)
    if computed:
        values = f"{computed}; {values}"
    if verdict is Verdict.CONSISTENT:
        return f"'{_source(expr)}' holds for some values the figures allow ({values})."
    if verdict is Verdict.INCONSISTENT:
        return (
            f"'{_source(expr)}' cannot hold for any values the figures allow, "
            f"even read loosely ({values})."
        )
    return f"'{_source(expr)}' holds only {_rescue(saved, claims, lenient)} ({values})."


def _grim_explanation(
    expr: Expr,
    claims: Mapping[str, Claim],
    strict: Mapping[str, Interval],
    verdict: Verdict,
    lenient: Mapping[str, Interval] | None,
    saved: tuple[str, ...],
) -> str | None:
    """ "47% of 20 patients is not a whole number of them: 9 of 20 is 45%, 10 of 20 is 50%."

    Only for ``grim(share, count)`` over two claims with an exact count; else None.
    """
    if not (isinstance(expr, Call) and expr.function == "grim" and len(expr.args) == 2):
        return None
    share_arg, count_arg = expr.args
    if not (isinstance(share_arg, Name) and isinstance(count_arg, Name)):
        return None
    count = strict[count_arg.name]
    if not (count.is_point and count.low == count.low.to_integral_value() and count.low > 0):
        return None
    n = int(count.low)
    share, whole = claims[share_arg.name], claims[count_arg.name]
    said = f"{share.text} of {describe(whole)}"
    pct = strict[share_arg.name]

    def of(j: int) -> str:
        share = format_number(Decimal(j * 100) / n, 2)
        return f"{format_number(Decimal(j))} of {format_number(Decimal(n))} is {share}%"

    k = int(pct.low * n // 100) if pct.low.is_finite() else 0  # the whole count just below
    if verdict is Verdict.CONSISTENT:
        fits = [j for j in (k, k + 1, k + 2) if j <= n and pct.contains(Decimal(j * 100) / n)]
        how = of(fits[0]) if fits else "a whole number of them gives it"
        return f"{_cap(said)} is possible: {how}."
    if verdict is Verdict.UNCERTAIN:
        return f"{_cap(said)} is possible only {_rescue(saved, claims, lenient)}."
    shown = ", ".join(of(j) for j in (k, k + 1) if 0 <= j <= n)
    loose = format_interval(lenient[share_arg.name], "%") if lenient is not None else ""
    return (
        f"{_cap(said)} is not a whole number of them ({shown}), "
        f"not even reading the percentage loosely ({loose})."
    )


def _computed(
    expr: Expr, env: Mapping[str, Interval], memo: dict[int, Interval] | None = None
) -> str:
    """The values of the calculated sides of a comparison: 'pct(a, b) = 35.63–38.83'."""
    if not isinstance(expr, Compare):
        return ""
    parts = [
        f"{_source(o)} = {format_interval(value_of(o, env, memo))}"
        for o in expr.operands
        if not isinstance(o, Name | Number)
    ]
    return "; ".join(parts)


def _rescue(
    saved: tuple[str, ...], claims: Mapping[str, Claim], lenient: Mapping[str, Interval] | None
) -> str:
    if not saved or lenient is None:
        return "under a looser reading of the rounding"
    parts = [
        f"{describe(claims[i])} was rounded loosely ({format_interval(lenient[i], claims[i].unit)})"
        for i in saved
    ]
    return "if " + " or ".join(parts)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
