"""Verdicts, explanations and the first law: never ``inconsistent`` when the truth fits."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit.check import Verdict, check_claims
from toolkit.errors import UnknownClaim
from toolkit.extraction.claim import Claim
from toolkit.figures import parse_figure
from toolkit.rules import Rule


def claim(id: str, text: str, subject: str | None = None) -> Claim:
    return Claim(id=id, text=text, figure=parse_figure(text) if text else None, subject=subject)


def verdict(rule: str, **figures: str) -> tuple[Verdict, str]:
    claims = [claim(k, v) for k, v in figures.items()]
    result = check_claims(claims, [Rule.parse("r", rule)]).checks[0]
    return result.verdict, result.explanation


def test_seed_relation_is_consistent_with_intervals_in_the_explanation() -> None:
    claims = [
        claim("foreigners", "4.3 million", "foreigners"),
        claim("russians", "1.6 million", "Russians"),
    ]
    result = check_claims(claims, [Rule.parse("r", "russians <= foreigners")]).checks[0]
    assert result.verdict is Verdict.CONSISTENT
    assert result.explanation == (
        "1.6 million Russians (1.55–1.65 million) fit within "
        "4.3 million foreigners (4.25–4.35 million)."
    )


def test_57_out_of_48_is_inconsistent() -> None:
    v, text = verdict("part <= whole", part="57", whole="48")
    assert v is Verdict.INCONSISTENT
    assert "cannot be at most" in text


def test_uncertain_names_the_figure_whose_reading_saves_it() -> None:
    # 1,300 arrests of whom 1,320 were men: only if "1,300" is a rounded figure.
    claims = [claim("arrests", "1,300", "arrests"), claim("men", "1,320", "men")]
    result = check_claims(claims, [Rule.parse("r", "men <= arrests")]).checks[0]
    assert result.verdict is Verdict.UNCERTAIN
    assert result.saved_by == ("arrests",)
    assert "only if 1,300 arrests was rounded loosely (1,250–1,350)" in result.explanation


def test_empty_figure_is_unchecked() -> None:
    v, text = verdict("a <= b", a="", b="5")
    assert v is Verdict.UNCHECKED
    assert text == "Not checked: no figure reported for a."


def test_division_by_an_interval_containing_zero_is_unchecked() -> None:
    v, text = verdict("pct(a, b) <= 100", a="5", b="between 0 and 3")
    assert v is Verdict.UNCHECKED
    assert "may be zero" in text


def test_grim_rule() -> None:
    assert verdict("grim(share, n)", share="47%", n="20")[0] is Verdict.INCONSISTENT
    assert verdict("grim(share, n)", share="45%", n="20")[0] is Verdict.CONSISTENT


def test_unknown_id_lists_close_matches() -> None:
    with pytest.raises(UnknownClaim) as err:
        check_claims([claim("russians", "1.6 million")], [Rule.parse("r", "rusians <= 5")])
    assert "Did you mean 'russians'?" in str(err.value)


STATES = st.sampled_from(["exact", "million1", "million2", "percentish", "about", "thousand0"])


def state(value: int, how: str) -> str:
    if how == "exact" or value < 1000:
        return f"{value:,}"
    if how.startswith("million") and value >= 100_000:
        places = int(how[-1])
        q = (Decimal(value) / 10**6).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return f"{q} million" if q > 0 else f"{value:,}"
    if how == "thousand0":
        return f"{round(value / 1000):,} thousand" if value >= 1000 else f"{value:,}"
    if how == "about":
        return f"about {round(value, -2):,}"
    return f"{value:,}"


@given(
    st.integers(min_value=1, max_value=50_000_000),
    st.integers(min_value=0, max_value=50_000_000),
    STATES,
    STATES,
    STATES,
    st.integers(min_value=0, max_value=2),
)
def test_soundness_never_inconsistent_when_the_truth_fits(
    a: int, b: int, how_a: str, how_b: str, how_t: str, places: int
) -> None:
    total = a + b
    share = (Decimal(a) * 100 / total).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    change = (Decimal(total - a) * 100 / a).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )
    claims = [
        claim("a", state(a, how_a)),
        claim("b", state(b, how_b)),
        claim("total", state(total, how_t)),
        claim("share", f"{share}%"),
        claim("change", f"{change}%"),
        claim("n", f"{total}"),
    ]
    rules = [
        Rule.parse("part", "a <= total"),
        Rule.parse("sum", "a + b == total"),
        Rule.parse("sum2", "sum(a, b) == total and 0 <= a <= total"),
        Rule.parse("share", "pct(a, total) == share"),
        Rule.parse("change", "pct_change(a, total) == change"),
        Rule.parse("grim", "grim(share, n)"),
        Rule.parse("twice", "a - a == 0"),
    ]
    for result in check_claims(claims, rules).checks:
        assert result.verdict is not Verdict.INCONSISTENT, (result, [c.text for c in claims])


def test_parallel_judging_gives_the_same_results_in_the_same_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import random

    from toolkit.check import run

    rng = random.Random(5)
    forms = ["{:,}", "{} million", "more than {:,}", "about {}", "{}%"]
    claims = [claim(f"c{i}", rng.choice(forms).format(rng.randint(1, 999))) for i in range(300)]
    rules = [
        Rule.parse(
            f"r{i}",
            f"c{rng.randrange(300)} <= c{rng.randrange(300)} + c{rng.randrange(300)}",
            note=f"note {i}" if i % 2 else None,  # a worker returns only the verdict's part
            where=f"rules.yaml rule {i}",
            evidence="a sentence" if i % 3 else None,
            evidence_span=(i, i + 10) if i % 3 else None,
        )
        for i in range(400)
    ]
    monkeypatch.setenv("CLAIMLEDGER_WORKERS", "1")
    serial = check_claims(claims, rules).to_dict()
    monkeypatch.setenv("CLAIMLEDGER_WORKERS", "2")
    assert run._workers(len(rules)) == 2
    parallel = check_claims(claims, rules).to_dict()
    assert parallel == serial
