"""Strikes told only as background: retellings, tallies from documents, misfires at home."""

from __future__ import annotations

import pytest

from monitor.extract.extractor import extract
from monitor.models.item import Article


def _facts(text: str) -> tuple[list[tuple[str, int | None, str | None]], dict[str, bool]]:
    facts = extract(Article(item_id="r", title="", text=text))
    strikes: list[tuple[str, int | None, str | None]] = [
        (s.weapon, s.launched or s.shot_down, s.attacker) for s in facts.strikes
    ]
    return strikes, {w.name: w.used for w in facts.weapons}


@pytest.mark.parametrize(
    ("text", "weapons"),
    [
        # a year-end briefing retelling a salvo: no strike, the weapon was used
        (
            "At the end-of-year briefing the minister said two of six Neptune missiles fired in a "
            "recent series reached their targets in Russia and four were intercepted.",
            {"Neptune": True},
        ),
        # a tally from documents of bombs that fell on the attacker's own ground
        (
            "Papers seen by reporters show that at least 40 Russian glide bombs aimed at Ukrainian "
            "positions near Kharkiv fell on Russian soil instead, among them FAB-500 bombs.",
            {"FAB-500": True},
        ),
        (
            "Leaked documents show Russia launched 90 Shahed drones at Odesa on the night of 3 March.",
            {"Shahed": True},
        ),
    ],
)
def test_retold_strikes_are_no_reports(text: str, weapons: dict[str, bool]) -> None:
    assert _facts(text) == ([], weapons)


@pytest.mark.parametrize(
    ("text", "strikes"),
    [
        # the other side's ground is where an attack lands
        (
            "Ukraine launched 30 drones overnight; 25 fell on Russian territory near Belgorod, the "
            "governor said.",
            [("drone", 30, "Ukraine")],
        ),
        # a report of tonight's attack
        (
            "Russia launched 120 drones at Ukraine overnight; air defence shot down 100, the air force said.",
            [("drone", 120, "Russia")],
        ),
    ],
)
def test_reports_stay(text: str, strikes: list[tuple[str, int, str]]) -> None:
    assert _facts(text)[0] == strikes
