"""Trap phrases, each with a positive and a negative side, checked directly on the extractor."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from monitor.models.facts import Facts
from monitor.models.item import Article


def _facts(text: str) -> Facts:
    return extract(Article(item_id="t", title="", text=text))


def _counts(text: str) -> list[tuple[str | None, int | None, int | None, int | None]]:
    return [(s.attacker, s.launched, s.shot_down, s.neutralized) for s in _facts(text).strikes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # cumulative totals are not a strike; a record 'since the start' is
        ("Since the start of the full-scale invasion, Russia has launched 4,630 drones.", []),
        (
            "Russia launched 300 drones overnight, the largest attack since the start of the war.",
            [("Russia", 300, None, None)],
        ),
        # a per-region breakdown is one strike, summed when no total is given
        (
            "Air defences destroyed 11 Ukrainian drones over Belgorod, 28 over Voronezh and 17 over Rostov.",
            [("Ukraine", None, 56, 56)],
        ),
        (
            "Air defences destroyed 41 Ukrainian drones: 18 over Bryansk and 23 over Kursk.",
            [("Ukraine", None, 41, 41)],
        ),
        # 'X of the Y drones' links the two counts; the same count twice is one strike
        (
            "Russia attacked with a record 145 drones. Ukraine said 62 of the 145 drones were neutralized.",
            [("Russia", 145, None, 62)],
        ),
        (
            "Russia attacked with 145 drones. Separately, Russia said it downed 62 Ukrainian drones.",
            [("Russia", 145, None, None), ("Ukraine", None, 62, 62)],
        ),
        # a continuation belongs to the previous report
        (
            "Russia said it shot down 34 Ukrainian drones. Another 36 drones were shot down elsewhere.",
            [("Ukraine", None, 34, 34)],
        ),
        # hypotheticals and production are not strikes; a real launch beside a modal is
        ("Russia could launch 1,000 drones a night.", []),
        ("Ukraine plans to produce 4 million drones a year.", []),
        ("Russia launched 120 drones, and more attacks could follow.", [("Russia", 120, None, None)]),
        # money, distance, age, percentages, counterattacks, regions
        ("Sweden announced a $2.2 billion package for drones.", []),
        ("The missile's 800-kilometer reach worries a 52-year-old analyst.", []),
        ("Russian troops repelled 68 counterattacks across 13 regions.", []),
        ("62 of the drones were neutralized over 13 regions.", [(None, None, None, 62)]),
        # model names are never counts
        ("Russia launched 48 Shahed-136/131 drones.", [("Russia", 48, None, None)]),
        ("Air defence downed two Kh-101 missiles over Kyiv.", [("Russia", None, 2, 2)]),
        # opinion without an event
        ("Drones are cheap and air defence is not; every drone that gets through is a failure.", []),
        # stray Spanish words from machine translation
        (
            "Russia y Ukraine traded attacks; Russia launched 90 drones y 3 missiles overnight.",
            [("Russia", 90, None, None), ("Russia", 3, None, None)],
        ),
    ],
)
def test_strike_traps(
    text: str, expected: list[tuple[str | None, int | None, int | None, int | None]]
) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea's deployment of 10,000 troops to aid Russia.", [("North Korean", 10000)]),
        (
            "Soldiers from countries such as Nepal, India, and even North Korea are fighting in Ukraine.",
            [("Nepali", None), ("Indian", None), ("North Korean", None)],
        ),
        ("A South Korean Defense Ministry spokesperson spoke to reporters.", []),
        ("North Korean leader Kim Jong Un met Putin.", []),
        ("Tariffs on Chinese imports rose.", []),
        ("Reports of North Korean weaponry surfaced.", []),
        ("Russian troops and Ukrainian soldiers clashed near Pokrovsk.", []),
    ],
)
def test_troop_traps(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert [(t.nationality, t.count) for t in _facts(text).troops] == expected


@pytest.mark.parametrize(
    ("text", "name", "used"),
    [
        ("Zelenskyy condemned the use of the nuclear-capable Oreshnik missile.", "Oreshnik", True),
        ("Russia launched an Oreshnik at Dnipro.", "Oreshnik", True),
        ("ATACMS missiles for Ukraine have largely come from American reserves.", "ATACMS", False),
        ("The weapon is based on Russia's RS-26 Rubezh ICBM design.", "RS-26", False),
        ("Washington allowed Kyiv to use ATACMS inside Russia.", "ATACMS", False),
    ],
)
def test_weapon_use(text: str, name: str, used: bool) -> None:
    assert {w.name: w.used for w in _facts(text).weapons}[name] is used
