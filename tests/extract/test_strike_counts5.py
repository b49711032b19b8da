"""Fifth round of issue 10, strike counts: each row is one short text (our own words) and the
strikes it must give as (weapon, attacker, launched, shot_down, suppressed, neutralized)."""

from __future__ import annotations

import pytest

from tests.extract.strike_rows import Row
from tests.extract.strike_rows import strike_rows as _strikes

CASES: list[tuple[str, str, list[Row]]] = [
    (  # one kind counted in parts after one verb: the parts add up
        "",
        "Overnight Russia fired 120 drones, six ballistic missiles and eleven cruise missiles at "
        "Ukraine's power grid.",
        [("drone", "Russia", 120, None, None, None), ("missile", "Russia", 17, None, None, None)],
    ),
    (  # a daily summary listing missiles by model, joined by commas and 'and'
        "",
        "In the past 24 hours Russian air defence shot down four Storm Shadow cruise missiles, "
        "two HARM missiles and five HIMARS rockets, the ministry said.",
        [("missile", "Ukraine", None, 11, None, 11)],
    ),
    (  # a part told right after its whole is not added to it
        "",
        "The enemy attacked overnight with 90 drones, about forty of them decoys without warheads.",
        [("drone", "Russia", 90, None, None, None)],
    ),
    (  # an outcome with a part of it after a comma is not a second part
        "",
        "The enemy sent 40 strike drones at the south tonight. Thirty-one were destroyed, 20 of "
        "them over Mykolaiv region.",
        [("drone", "Russia", 40, 31, None, 31)],
    ),
    (  # one weapon with air defence as the subject of its downing, no figure in the sentence
        "",
        "Air defences destroyed an unmanned aerial vehicle over the Bryansk region this morning, "
        "the governor wrote.",
        [("drone", "Ukraine", None, 1, None, 1)],
    ),
    (  # 'defenders' as that subject, the attacker from 'enemy' in a Ukrainian text
        "",
        "Chernihiv air command: before dawn our defenders shot down an enemy Shahed UAV.",
        [("drone", "Russia", None, 1, None, 1)],
    ),
    (  # a weapon downing a weapon is left to the weapon facts
        "",
        "A Patriot air defence system shot down a Kinzhal missile over Lviv last week.",
        [],
    ),
    (  # a model name in quotation marks between the count and its noun
        "",
        "Russia's defence ministry said air defence had downed three “Storm Shadow” missiles and "
        "four 'Neptune' missiles in the past day.",
        [("missile", "Ukraine", None, 7, None, 7)],
    ),
    (  # a model after its noun in translated copy names the Ukrainian side
        "",
        "Overnight air defence shot down five missiles Atacms.",
        [("missile", "Ukraine", None, 5, None, 5)],
    ),
    (  # an outcome in quotation marks after 'were'
        "",
        "The air force said the enemy had launched 30 drones, 20 of which were shot down, while 8 "
        "were 'locationally lost'.",
        [("drone", "Russia", 30, 20, 8, 28)],
    ),
    (  # hits that fit in what the outcomes leave of the launch are not more launched
        "",
        "Russia sent 60 attack drones overnight; 41 were shot down and 15 were lost to electronic "
        "warfare. Four drones hit targets in the Sumy region.",
        [("drone", "Russia", 60, 41, 15, 56)],
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), CASES)
def test_fifth_round_counts(title: str, text: str, expected: list[Row]) -> None:
    assert _strikes(text, title) == expected
