"""War relevance: troop and weapon facts only when their own clause ties them to this war."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from monitor.extract.theatre import nearest, signals
from monitor.extract.tokens import tokenize
from monitor.models.facts import Facts
from monitor.models.item import Article


def _facts(text: str, title: str = "") -> Facts:
    return extract(Article(item_id="t", title=title, text=text))


@pytest.mark.parametrize(
    ("text", "nationalities"),
    [
        ("Hundreds of Nepalese have been recruited into the Russian army.", ["Nepali"]),
        ("Cubans and Syrians were recruited to fight for Russia in Ukraine.", ["Cuban", "Syrian"]),
        ("Mercenaries from Colombia are fighting for Ukraine near Pokrovsk.", ["Colombian"]),
        ("India said 45 of its citizens were released from the Russian army.", ["Indian"]),
        ("Servicemen of the Korean People's Army fought in the Kursk region.", ["North Korean"]),
    ],
)
def test_troops_tied_to_this_war(text: str, nationalities: list[str]) -> None:
    troops = _facts(text).troops
    assert [t.nationality for t in troops] == nationalities
    assert {t.theatre for t in troops} == {"russia-ukraine"}


@pytest.mark.parametrize(
    "text",
    [
        # exercises far away, in an article that names the war in another clause
        "Troops from Norway, the US and Britain took part in exercises in northern Norway, "
        "while Russia pressed its war in Ukraine.",
        "American and Canadian soldiers who landed in Normandy in 1944 were honoured on Thursday.",
        "Let us know what you think: none of us wants Ukraine to lose.",  # 'us' is a pronoun
        "Two Nepali students were killed in a Russian strike on Kyiv on their way to class.",
        "Brazilian fighters dominated the UFC card, and a Ukrainian heavyweight lost on points.",
        "Israeli troops pushed into Gaza on Sunday.",
        "The Sudanese army said RSF drones hit Port Sudan.",
        "Serbian soldiers paraded on Victory Day alongside Russian troops in Moscow.",
        # stationed in another country, whatever the clause says about Russia
        "Germany deployed a brigade of 5,000 troops to Lithuania to deter Russia.",
        "British soldiers arrived in Estonia, where NATO fears Russian aggression.",
        "Polish soldiers guard the border with Belarus, which Warsaw says Russia uses.",
    ],
)
def test_no_troops_outside_this_war(text: str) -> None:
    assert _facts(text).troops == ()


@pytest.mark.parametrize(
    "text",
    [
        "The New England Patriots beat the Jets, and The Lancet published a study on Ukraine.",
        "The band's new album, Storm Shadow, tops the charts in Ukraine.",
        "The Oreshnik hazelnut festival in Krasnodar drew 30,000 visitors.",
        "Israel's Patriot batteries intercepted a Houthi missile over the Negev.",
        "The Taurus, Ford's sedan, returns next year; dealers in Kyiv say demand is strong.",
        "The Patriots won in overtime; Zelensky watched from the stands in Kyiv.",
    ],
)
def test_no_weapons_outside_this_war(text: str) -> None:
    assert _facts(text).weapons == ()


def test_patriots_alone_as_weapons() -> None:
    assert [w.name for w in _facts("Germany will send two more Patriots to Ukraine.").weapons] == ["Patriot"]


def test_weapon_named_as_a_weapon_in_this_war() -> None:
    weapons = _facts("A Patriot air defence system shot down a Kinzhal missile over Kyiv.").weapons
    assert {(w.name, w.used, w.theatre) for w in weapons} == {
        ("Patriot", False, "russia-ukraine"),
        ("Kinzhal", True, "russia-ukraine"),
    }


def test_nearest_marker_decides() -> None:
    low = tokenize("Israel struck Gaza with drones while Russia attacked Kharkiv").low
    found = signals(low, [])
    assert nearest(found, 3, 4) == "other"  # 'Gaza'
    assert nearest(found, 7, 8) == "russia-ukraine"  # 'attacked'


@pytest.mark.parametrize(
    "text",
    [
        "Russia tested the Burevestnik nuclear-powered cruise missile, Putin said.",
        "The Russian Navy fired a Zircon hypersonic missile at a target in the Barents Sea during exercises.",
        "A Yars launcher rolled across Red Square during the Victory Day parade in Moscow.",
    ],
)
def test_tests_exercises_and_parades_are_not_use(text: str) -> None:
    assert not any(w.used for w in _facts(text).weapons)
