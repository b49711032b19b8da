"""Second round of issue 10: structure over phrasings; each row is one short text (our own words)
and the strikes it must give as (weapon, attacker, launched, shot_down, suppressed, neutralized)."""

from __future__ import annotations

import pytest

from tests.extract.strike_rows import Row
from tests.extract.strike_rows import strike_rows as _strikes

CASES: list[tuple[str, str, list[Row]]] = [
    (  # a total of targets whose outcomes are told kind by kind: one strike per kind
        "",
        "Overnight the enemy used 60 means of air attack: 5 cruise missiles and 55 strike UAVs. "
        "Air defence neutralised 50 targets - 4 missiles and 46 drones.",
        [("drone", "Russia", 55, None, None, 46), ("missile", "Russia", 5, None, None, 4)],
    ),
    (  # outcomes only for the whole: one strike of all targets
        "",
        "The invaders attacked with 80 means of air attack: 70 Shahed-type drones and 10 missiles. "
        "Of these, 61 targets were neutralised.",
        [("targets", "Russia", 80, None, None, 61)],
    ),
    (  # the missing kind's outcome is the rest of the total
        "",
        "Russia launched 300 air attack means: 280 drones and 20 missiles. Air defence neutralised "
        "270 targets, including 255 drones.",
        [("drone", "Russia", 280, None, None, 255), ("missile", "Russia", 20, None, None, 15)],
    ),
    (  # a relative clause and an electronic-warfare agent
        "",
        "The Russian salvo comprised 90 drones, of which air defence shot down 50. A further 30 "
        "were taken out by electronic warfare.",
        [("drone", "Russia", 90, 50, 30, 80)],
    ),
    (  # 'all were destroyed' after the launch
        "",
        "At night the occupiers sent 12 Shaheds towards Odesa; all were destroyed.",
        [("drone", "Russia", 12, 12, None, 12)],
    ),
    (  # one weapon counted by its article when its outcome follows
        "",
        "A Ukrainian fixed-wing drone heading for Tula was shot down, the governor said.",
        [("drone", "Ukraine", None, 1, None, 1)],
    ),
    (  # a stated total replaces the sub-count before it
        "",
        "Sobyanin said 20 drones flying towards Moscow had been downed. The ministry put the "
        "night's total over Russian regions at 95.",
        [("drone", "Ukraine", None, 95, None, 95)],
    ),
    (  # a regional sub-count first, the total after it
        "",
        "A Ukrainian drone was destroyed over the Kursk region overnight, the governor said. In "
        "all, air defence destroyed 15 Ukrainian drones during the night: 10 over the Bryansk "
        "region and five over the Kursk region.",
        [("drone", "Ukraine", None, 15, None, 15)],
    ),
    (  # a hedged headline gives way to the body's exact figure
        "Russia says it downed at least 40 Ukrainian drones overnight",
        "The defence ministry said its air defences destroyed 33 Ukrainian drones over western Russia.",
        [("drone", "Ukraine", None, 33, None, 33)],
    ),
    (  # fourth reading: a vague headline ('dozens') is the body's exact figure, told roughly
        "Dozens of Ukrainian drones target Moscow, mayor says",
        "At least 47 incoming UAVs were shot down on Tuesday morning near Podolsk, the mayor wrote.",
        [("drone", "Ukraine", None, 47, None, 47)],
    ),
    (  # fourth reading: 'all of them' is the outcome of the whole launch counted just before
        "",
        "Ukraine sent 26 drones towards Moscow overnight, the ministry said. Air defences "
        "destroyed all of them over the Moscow region.",
        [("drone", "Ukraine", 26, 26, None, 26)],
    ),
    (  # fourth reading: machine translation's 'apparatuses' are drones
        "",
        "In the night attack the Russian Federation used 131 apparatuses; 97 of the drones were "
        "downed, the air force said.",
        [("drone", "Russia", 131, 97, None, 97)],
    ),
]

NONE: list[tuple[str, str]] = [
    (
        "look back",
        "Ukraine's record raid on Moscow, with 337 drones, changed how Russia guards its airports.",
    ),
    (
        "period carried to the next sentence",
        "Since the start of the year Odesa has faced more than 90 missile and drone attacks. Among the "
        "weapons used were 14 Kalibrs and 40 Kh-101 cruise missiles.",
    ),
    (
        "heading",
        "Summary for October: the aggressor used 4,100 attack UAVs and 60 missiles of various types.",
    ),
    ("ordinary word", "About 3,000 flamingos wintered on the salt lake this year, the park said."),
    (
        "earlier attack",
        "The strike was smaller than the 144 drones of last September's raid, officials said.",
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES)
def test_structure(title: str, text: str, expected: list[Row]) -> None:
    assert _strikes(text, title) == expected


@pytest.mark.parametrize(("why", "text"), NONE)
def test_no_new_attack(why: str, text: str) -> None:
    assert _strikes(text) == [], why
