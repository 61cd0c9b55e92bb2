"""Forms of real news copy found by the fresh labelled set (datasets/news-sentences/fresh.json).

Each case is the general form, not the set's sentence: the set itself is scored by
``benchmarks/extract_bench.py``.
"""

from __future__ import annotations

import pytest

from toolkit.extraction.spans import find_spans


def figures(text: str) -> list[str]:
    return [s.text for s in find_spans(text) if s.kind == "figure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # periods of a year or a match are no share
        ("First-half revenue rose 8% to £412.5m.", ["8%", "£412.5m"]),
        ("He scored in the second half.", []),
        ("At half-time the score was level.", []),
        ("Half of the 300 staff left.", ["Half", "300"]),
        # a time of day in 24-hour form before its zone
        ("Brent rose 0.9% to $81.36 by 1130 GMT.", ["0.9%", "$81.36"]),
        # ages and age bands
        ("Voters aged 18-24 backed it.", []),
        ("The defendants, aged 19 and 22, were fined.", []),
        ("In her 70s now, she swims 40 lengths.", ["40"]),
        ("a blow to anyone under 30", []),
        ("Children under 5 and people over 65 are most at risk.", []),
        ("More than 2,000 people over 12 months were treated.", ["More than 2,000", "12 months"]),
        ("It hit those over 1,000 pupils.", ["over 1,000"]),
        ("Route 66 turns 100 this year.", []),
        ("The club turned 300 fans away.", ["300"]),
        # names with numbers
        ("Proposition 7 passed with 58% support.", ["58%"]),
        ("a Falcon 9 rocket carrying 24 satellites", ["24"]),
        ("the iOS 18.2 update", []),
        ("support for Wi-Fi 7", []),
        ("file a Form 10-K within 60 days", ["60 days"]),
        ("Flight EK 419 landed safely.", []),
        ("a passenger in seat 34C", []),
        ("her first WTA 1000 final", []),
        ("visit the station at 22 High Street", []),
        # phone numbers and codes with a leading zero
        ("Call 1800 022 222 or 000 in an emergency.", []),
        ("Agent 007 returns.", []),
        # tennis sets are scores, each of them
        ("She won 6-4, 3-6, 7-6 (7-4).", []),
        # a measure glued to its unit is a figure
        ("with 256GB of storage", ["256GB"]),
        ("a 1.5GW plant", ["1.5GW"]),
        # bounds written after the number
        ("symptoms lasting 12 weeks or longer", ["12 weeks or longer"]),
        ("nearly a third above the average", ["nearly a third"]),
    ],
)
def test_news_forms(text: str, expected: list[str]) -> None:
    assert figures(text) == expected


def test_a_bound_after_the_number_is_read() -> None:
    (span,) = [s for s in find_spans("lasting 12 weeks or longer") if s.figure]
    assert span.figure is not None
    assert span.figure.qualifier == ">="


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        # "over" a stretch of time is "during" it
        ("£3m was stolen from pensioners over five years.", "five years", "="),
        ("The plan will cost $2bn over 10 years.", "10 years", "="),
        # and "more than" where the time itself is measured
        ("He was jailed for over five years.", "over five years", ">"),
        ("It took over five years to build.", "over five years", ">"),
        ("It happened over five years ago.", "over five years", ">"),
        ("The tunnel is over 5 km long.", "over 5 km", ">"),
    ],
)
def test_over_a_time(text: str, figure: str, qualifier: str) -> None:
    spans = [s for s in find_spans(text) if s.figure is not None]
    (span,) = [s for s in spans if s.text == figure]
    assert span.figure is not None and span.figure.qualifier == qualifier
