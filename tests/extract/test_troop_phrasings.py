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
