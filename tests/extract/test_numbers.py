"""Number parsing: separators, words, ranges, hedges, vague amounts, and what is not a count."""

from __future__ import annotations

import pytest

from monitor.extract.numbers import find_quantities
from monitor.extract.tokens import tokenize


def _quantities(text: str) -> list[tuple[int | None, int | None, int | None, str | None]]:
    low = tokenize(text).low
    return [(q.value, q.value_max, q.lower_bound, q.qualifier) for q in find_quantities(low)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200 drones", [(1200, None, None, None)]),
        ("four drones", [(4, None, None, None)]),
        ("two missiles", [(2, None, None, None)]),
        ("a hundred and twenty-two drones", [(122, None, None, None)]),
        ("one hundred twenty drones", [(120, None, None, None)]),
        ("twenty-five drones", [(25, None, None, None)]),
        ("two thousand soldiers", [(2000, None, None, None)]),
        ("a dozen drones", [(12, None, None, None)]),
        ("4 million drones", [(4_000_000, None, None, None)]),
        ("over 800 drones", [(800, None, None, "over")]),
        ("more than 10,000 troops", [(10000, None, None, "more than")]),
        ("at least 11 Yemenis", [(11, None, None, "at least")]),
        ("nearly 100 drones", [(100, None, None, "nearly")]),
        ("approximately 11,000 troops", [(11000, None, None, "about")]),
        ("up to 20 drones", [(20, None, None, "up to")]),
        ("11,000 to 12,000 troops", [(11000, 12000, None, None)]),
        ("11 to 12,000 troops", [(11000, 12000, None, None)]),
        ("between 50 and 60 drones", [(50, 60, None, None)]),
        ("50-60 drones", [(50, 60, None, None)]),
        ("dozens of drones", [(None, None, 24, None)]),
        ("hundreds of Yemeni men", [(None, None, 200, None)]),
        ("thousands of North Korean troops", [(None, None, 2000, None)]),
        ("tens of thousands of soldiers", [(None, None, 20000, None)]),
    ],
)
def test_counts(text: str, expected: list[tuple[int | None, int | None, int | None, str | None]]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shahed-136/131 drones",  # a model name, not 131
        "Kh-101 missiles",  # not -101
        "S-300 systems",
        "RS-26 Rubezh",
        "F-16 jets",
        "a $2.2 billion aid package",
        "an 800-kilometer reach",
        "a 52-year-old woman",
        "on February 24, 2022",
        "about 90% of the drones",
        "at 09:00 a.m.",
        "in 2024",
    ],
)
def test_not_counts(text: str) -> None:
    assert _quantities(text) == []
