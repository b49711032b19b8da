"""Issue 10's strike classes, a sentence each: (launched, shot_down, weapon, attacker) or no strike."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from monitor.models.item import Article

CASES = [
    ("During the night the enemy attacked with 84 Shahed-type strike UAVs.", (84, None, "drone", "Russia")),
    (
        "The Kyiv regime attempted an attack using 40 aircraft-type UAVs; all of them were destroyed.",
        (40, 40, "drone", "Ukraine"),
    ),
    (
        "Ukraine's air force said 104 of the 131 drones launched by Russian forces were shot down or jammed.",
        (131, None, "drone", "Russia"),
    ),
    ("Russia hammered Odesa with 40 drones overnight.", (40, None, "drone", "Russia")),
    ("Russia fired two Kinzhal missiles at Kyiv; both missiles were shot down.", (2, 2, "missile", "Russia")),
    (
        "The enemy launched three Iskander-M missiles at Sumy, none of which were intercepted.",
        (3, 0, "missile", "Russia"),
    ),
    ("Moscow has sent over 3,500 Shahed drones against Ukraine this month.", None),
    ("During the past week about 1,200 drones were launched at Ukraine.", None),
    ("The Houthis launched 12 drones at ships in the Red Sea.", None),
    ("A light show of 1,500 drones lit up the sky over Shanghai.", None),
    ("Russia launched some 150 missile and drone attacks on Kyiv, the mayor said.", None),
    ("Russia launched 40 drone strikes on Kharkiv overnight.", None),
    (
        "Iran fired 100 drones at Israel; in Kyiv, officials said Russia sent 39 Shahed drones.",
        (39, None, "drone", "Russia"),
    ),
    (
        "Sumy: the enemy dropped a guided aerial bomb at 14:40. Another KAB hit near Krasnopillia.",
        (2, None, "glide_bomb", "Russia"),
    ),
    (
        "Air defence destroyed two Shaheds, and a third struck an infrastructure site in Cherkasy.",
        (3, 2, "drone", "Russia"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_strike_class(text: str, expected: tuple[int, int | None, str, str] | None) -> None:
    strikes = [s for s in extract(Article(item_id="x", title="", text=text)).strikes if s.theatre != "other"]
    if expected is None:
        assert strikes == []
        return
    assert len(strikes) == 1, strikes
    s = strikes[0]
    assert (s.launched, s.shot_down, s.weapon, s.attacker) == expected


def test_headline_approximation_merges_into_the_exact_figure() -> None:
    article = Article(
        item_id="x",
        title="Russia fires almost 600 drones at Ukraine",
        text="Russia launched 583 drones at Ukraine overnight, the air force said.",
    )
    strikes = extract(article).strikes
    assert [(s.launched, s.qualifier) for s in strikes] == [(583, None)]
    assert "almost 600" in strikes[0].evidence and "583" in strikes[0].evidence


def test_one_of_the_largest_is_no_record() -> None:
    text = "Russia launched 310 drones at Ukraine in one of the largest attacks of the war."
    (strike,) = extract(Article(item_id="x", title="", text=text)).strikes
    assert not strike.record_claim
