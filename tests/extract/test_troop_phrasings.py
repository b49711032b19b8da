"""Troop reports in the phrasings real outlets use: collective nouns, origins, two sentences, sides."""

from __future__ import annotations

import pytest

from monitor.extract.extractor import extract
from monitor.models.item import Article


def _troops(text: str) -> list[tuple[str, str | None]]:
    facts = extract(Article(item_id="t", title="", text=text))
    return [(t.nationality, t.side) for t in facts.troops]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colombia has a deep pool of veterans. Hundreds now fight for Ukraine.", [("Colombian", "Ukraine")]),
        ("Fighters speaking Korean were seen near Sudzha in the Kursk region.", [("North Korean", "Russia")]),
        ("Hundreds of Colombian veterans are fighting for Ukraine near Kharkiv.", [("Colombian", "Ukraine")]),
        ("Russia has been using North Korean artillery crews near Kursk.", [("North Korean", "Russia")]),
        (
            "Dozens of Kenyan men were trafficked to Russia and forced to fight in Ukraine.",
            [("Kenyan", "Russia")],
        ),
        (
            "Two Colombians were captured by Russian forces near Pokrovsk.",
            [("Colombian", "Ukraine")],
        ),
        (
            "Prisoners shown to journalists: five citizens of Nepal and one each from Cuba and Somalia, "
            "all captured while fighting in the ranks of the Russian army.",
            [("Nepali", "Russia"), ("Cuban", "Russia"), ("Somali", "Russia")],
        ),
        (
            "Several Sri Lankans have been killed while fighting as mercenaries in the Russia-Ukraine war.",
            [("Sri Lankan", "Russia")],
        ),
        (
            "The bodies of two Georgian fighters killed near Bakhmut were returned to Tbilisi.",
            [("Georgian", "Ukraine")],
        ),
    ],
)
def test_troop_phrasings(text: str, expected: list[tuple[str, str]]) -> None:
    assert _troops(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the Sever group faced Latin American mercenaries near Vovchansk.",
        "North Korean artillery shells and Chinese components continue to flow into Russia's arms industry.",
        "Colombia has a deep pool of veterans. Hundreds of tourists visited Kyiv last year.",
        "Indian students joined a rally in Kyiv against the war.",
        "British troops arrived in Estonia to deter Russia.",
    ],
)
def test_no_troops(text: str) -> None:
    assert _troops(text) == []


def _reports(text: str) -> list[tuple[str, int | None, str | None]]:
    facts = extract(Article(item_id="t", title="", text=text))
    return [(t.nationality, t.count, t.activity) for t in facts.troops]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country list after 'prisoners of war': one report per country, captured
        (
            "Eight prisoners of war from Cuba, Nepal and Somalia spoke to reporters in Kyiv.",
            [("Cuban", None, "capture"), ("Nepali", None, "capture"), ("Somali", None, "capture")],
        ),
        # a demonym alone after 'a' is one person
        ("Paratroopers captured a Sri Lankan near Pokrovsk.", [("Sri Lankan", 1, "capture")]),
        ("A Somali infantryman was taken prisoner near Marinka.", [("Somali", 1, "capture")]),
        ("An American who fought for Ukraine was killed near Bakhmut.", [("American", 1, "casualties")]),
        # the Russian name of the Kursk region is a place of this war
        ("In the Kurshchyna our troops captured soldiers of the DPRK.", [("North Korean", None, "capture")]),
        # the Georgian Legion fights in this war
        (
            "The group consisted solely of Georgian mercenaries of the so-called Georgian Legion.",
            [("Georgian", None, None)],
        ),
    ],
)
def test_troop_reports_by_country_and_person(
    text: str, expected: list[tuple[str, int | None, str | None]]
) -> None:
    assert _reports(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an exercise named anywhere in the sentence, a Russian place in the troops' clause
        "Soldiers from India and Iran joined the drills, the Kremlin said; 65 Indian personnel are "
        "stationed at a range near Nizhny Novgorod.",
        # a demonym before a plain noun is an adjective, and civilians are no troops
        "The Cuban ambassador met Ukrainian officials in Kyiv.",
        "A Georgian winemaker who fled Kyiv opened a shop in Tbilisi.",
        # 'an American M777 howitzer' is a weapon, not a person
        "The Russian army destroyed an American M777 howitzer that the AFU used in the Kursk region.",
    ],
)
def test_not_troop_reports(text: str) -> None:
    assert _reports(text) == []


def test_a_named_russian_group_is_no_exercise() -> None:
    # 'Zapad' is also the name of a Russian army group; drills are the exercise words
    text = "Two Brazilian mercenaries were captured by Russian forces near Kupiansk, the Zapad group said."
    assert _reports(text) == [("Brazilian", 2, "capture")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sending state, named by its capital or its name, gives the nationality
        (
            "Kyiv said the three soldiers sent by Pyongyang were taken prisoner in the Kursk region.",
            [("North Korean", "Russia")],
        ),
        (
            "Troops dispatched from Havana are fighting for Russia near Pokrovsk, Kyiv says.",
            [("Cuban", "Russia")],
        ),
        # translated copy lowercases demonyms: right before a troop noun they still count
        (
            "The cuban mercenaries were recruited into the Russian army to fight in Ukraine.",
            [("Cuban", "Russia")],
        ),
        (
            "Reports say nepali soldiers serve in Russian units near Bakhmut in Ukraine.",
            [("Nepali", "Russia")],
        ),
    ],
)
def test_senders_and_lowercase_demonyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert _troops(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # lowercase words that spell a demonym are no nationality before other nouns
        "Ukrainian soldiers in Kyiv were handed french fries and polish sausages by volunteers.",
        # the pronoun stays a pronoun in any case
        "Let us soldiers of Ukraine stand firm against Russia, the commander said.",
        # sent by a state to a place of no war
        "Pyongyang has sent soldiers by train to a parade in its own capital.",
    ],
)
def test_no_troops_from_lowercase_words(text: str) -> None:
    assert _troops(text) == []
