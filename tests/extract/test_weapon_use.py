"""Weapon use in the phrasings real outlets use, and weapon names that are plain words."""

from __future__ import annotations

import pytest

from monitor.extract.extractor import extract
from monitor.models.item import Article


def _weapons(text: str) -> dict[str, bool]:
    facts = extract(Article(item_id="w", title="", text=text))
    return {w.name: w.used for w in facts.weapons}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia hit Kyiv with a Kinzhal missile overnight.", {"Kinzhal": True}),
        ("The plant in Kharkiv was struck by an Iskander-M ballistic missile.", {"Iskander-M": True}),
        ("A Kinzhal slammed into a warehouse on the outskirts of Kyiv.", {"Kinzhal": True}),
        ("Air defence downed two Kh-101 cruise missiles over Vinnytsia region.", {"Kh-101": True}),
        ("Russia fires Oreshnik ballistic missile at western Ukraine.", {"Oreshnik": True}),
        (
            "Russian forces delivered a group strike with Kinzhal hypersonic missiles at Ukrainian bases.",
            {"Kinzhal": True},
        ),
        (
            "A Lancet loitering munition hitting a truck of the Ukrainian army in the Kursk region.",
            {"Lancet": True},
        ),
        (
            "Overnight the enemy sent 84 strike drones at Ukraine: Shaheds, Gerberas and other types.",
            {"Shahed": True, "Gerbera": True},
        ),
        (
            "Ukraine has been test-launching its Flamingo cruise missile in the war with Russia.",
            {"Flamingo": False},
        ),
        # the maker's name, an acronym, as analysts and the labels write it, however spelt
        (
            "Near Kupiansk a Lancet loitering munition wrecked a French-made Caesar howitzer.",
            {"Lancet": True, "CAESAR": False},
        ),
        ("Two CAESAR self-propelled guns were lost near Pokrovsk to Russian drones.", {"CAESAR": False}),
    ],
)
def test_weapon_use(text: str, expected: dict[str, bool]) -> None:
    assert _weapons(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A museum in Kyiv shows a Caucasian kinzhal once given to a hetman.",
        "The Bulava, the hetman's ceremonial mace, is the centrepiece of an exhibition in Kyiv.",
        "Russian air defences shot down 48 Ukrainian drones and a HIMARS MLRS rocket.",
    ],
)
def test_plain_words_and_generic_terms(text: str) -> None:
    assert "Kinzhal" not in _weapons(text) and "Bulava" not in _weapons(text) and "M270" not in _weapons(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a guess is no report of use
        (
            "Lviv's mayor said the military must decide whether the missile that hit the region "
            "was an Oreshnik.",
            {"Oreshnik": False},
        ),
        # what a weapon destroyed is its target: armour and artillery after a hit verb, aircraft
        # 'on the ground'
        (
            "A Russian Lancet drone finishing off a Leopard 2A6 tank near Avdiivka in Ukraine.",
            {"Lancet": True, "Leopard 2": False},
        ),
        (
            "Russian precise strikes of Lancet balls destroyed an American M777 howitzer in the "
            "Kursk region.",
            {"Lancet": True, "M777": False},
        ),
        (
            "An Oniks missile hit the airfield in the Odesa region, destroying two Bayraktar TB2 "
            "drones on the ground.",
            {"Oniks": True, "Bayraktar TB2": False},
        ),
    ],
)
def test_hedges_and_targets(text: str, expected: dict[str, bool]) -> None:
    assert _weapons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a launcher hit is a target, an aircraft shooting down missiles a defender
        ("Russian forces destroyed a HIMARS launcher in the Kharkiv region.", {"HIMARS": False}),
        ("Ukraine's F-16s shot down several cruise missiles over Vinnytsia.", {"F-16": False}),
        # the same names in an attack are used
        ("Ukraine fired HIMARS rockets at a Russian depot in the Kursk region.", {"HIMARS": True}),
        ("Russia says it downed two Storm Shadow missiles over the Kursk region.", {"Storm Shadow": True}),
    ],
)
def test_platforms_and_defenders(text: str, expected: dict[str, bool]) -> None:
    assert _weapons(text) == expected


def test_weapons_at_an_exercise_in_russia_are_not_this_wars() -> None:
    # a Russian place alone does not name the war in a sentence about drills
    text = "About 500 troops arrived in the Nizhny Novgorod region for drills and received T-72B3 tanks."
    assert _weapons(text) == {}
    # the war named in words still counts, the weapon unused
    assert _weapons("Russia test-fired a Zircon missile during the exercise.") == {"Zircon": False}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a summary naming no war: the strike read from the same sentence (its sides found from
        # air defence) makes the weapons this war's
        (
            "Over the day air defence crews downed five Storm Shadow missiles and eight HIMARS "
            "rockets, the spokesman said.",
            {"Storm Shadow": True, "HIMARS": True},
        ),
        # no strike, no war named: nothing
        ("The museum shows a Storm Shadow missile and a HIMARS launcher.", {}),
        # the Ukrainian bulletins' name for Russia marks this war, as 'the enemy' does
        (
            "In its monthly summary the command said the aggressor relied mostly on attack drones "
            "of the Shahed type.",
            {"Shahed": True},
        ),
    ],
)
def test_weapons_in_a_strike_sentence_are_of_its_war(text: str, expected: dict[str, bool]) -> None:
    assert _weapons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # translated copy glues the weapon noun to the name
        ("Berlin will deliver two more Patriot-systems to Kyiv next month.", {"Patriot": False}),
        ("Russian troops near Kupiansk keep using Lancet-drones against Ukrainian guns.", {"Lancet": True}),
        ("Patriot-fans in Kyiv cheered the team.", {}),
        # a firing or interception verb before a capitalized name that is also a plain word
        ("Russian air defences intercepted a Flamingo over the Belgorod region.", {"Flamingo": True}),
        ("A flamingo was intercepted by a zoo keeper in Kyiv.", {}),
        # HARM is a missile beside a weapon noun, never the plain word
        ("Russian air defences downed four HARM anti-radar missiles over Crimea.", {"HARM": True}),
        ("Shelling does lasting harm to Kharkiv's schools, Ukraine says.", {}),
        # sending drones into a country is an attack; to a country, a supply
        ("Overnight Russia sent Shahed drones into Ukraine from three directions.", {"Shahed": True}),
        ("Iran sent Shahed drones to Russia before the war in Ukraine widened.", {"Shahed": False}),
    ],
)
def test_weapon_spellings_of_translated_and_summary_copy(text: str, expected: dict[str, bool]) -> None:
    assert _weapons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a test told after a colon or an 'after' is another clause's, not the named weapon's
        (
            "The Kremlin called the strike on Kharkiv with the Oreshnik an answer: Moscow had to test "
            "it after Kyiv hit the Belgorod region with Western ATACMS missiles.",
            {"Oreshnik": True, "ATACMS": True},
        ),
        # in the weapon's own words the test still says no use
        ("Russia said it would test the Oreshnik again before hitting Ukraine with it.", {"Oreshnik": False}),
    ],
)
def test_tests_told_in_another_clause(text: str, expected: dict[str, bool]) -> None:
    assert _weapons(text) == expected
