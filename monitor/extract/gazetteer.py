"""Places of Ukraine and Russia with their spellings and side, found in a token list.

The places come from vocab/places_geonames.tsv (every city, town and village of 1,000 people
or more, and every oblast, krai and republic, generated from GeoNames and ISO 3166-2 by
scripts/build_places.py) under the hand corrections of vocab/places.yaml. Large places count
wherever they are named; small ones and ambiguous spellings only as a location ("in X",
"near X", "X district").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from pydantic import BaseModel, ConfigDict, Field

from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.extract.lexicon import words
from monitor.extract.nations import COUNTRIES
from monitor.extract.numbers import UNITS
from monitor.extract.tokens import tokenize
from monitor.models.facts import Side

PLACES_FILE = DATA_DIR / "places.yaml"
GEONAMES_FILE = DATA_DIR / "places_geonames.tsv"
#: Population from which a generated place counts wherever it is named.
MAJOR_POPULATION = 50_000
_SIDES: dict[str, Side | None] = {"U": "Ukraine", "R": "Russia", "-": None}
_STRICT = ConfigDict(frozen=True, extra="forbid")


class Region(BaseModel):
    """An oblast, krai or republic: the short name facts carry, and more spellings."""

    model_config = _STRICT

    name: str = Field(min_length=1)
    aliases: list[str] = []


class HandPlace(BaseModel):
    """A place the generated file lacks."""

    model_config = _STRICT

    name: str = Field(min_length=1)
    side: Side | None
    aliases: list[str] = []


class PlaceWords(BaseModel):
    """The words read around a place name (vocab/places.yaml, section 'words')."""

    model_config = _STRICT

    regions: frozenset[str] = Field(description="Region nouns ('the Kursk region').")
    suffixes: frozenset[str] = Field(description="More words after a place that make it a location.")
    locatives: frozenset[str] = Field(description="Words before a place that make it a location.")
    bridge: frozenset[str] = Field(description="Words between a locative word and the place.")
    origins: frozenset[str] = Field(description="Words before a place that make it a launch origin.")
    origin_bridge: frozenset[str] = Field(description="More words between 'from' and the origin.")
    water: frozenset[str] = Field(description="Words after a place that make it a sea or shore.")
    count_bridge: frozenset[str] = Field(description="Words between a place and its count.")
    list_gap: frozenset[str] = Field(description="Words between two items of a list of places.")
    settlements: frozenset[str] = Field(description="Settlement nouns ('the village of Hatne').")
    plural_suffixes: frozenset[str] = Field(description="Plural region nouns ending a list of places.")


class PlacesFile(BaseModel):
    """The hand corrections file (vocab/places.yaml)."""

    model_config = _STRICT

    regions: dict[str, Region] = Field(description="ISO 3166-2 code -> short name and spellings.")
    preferred: dict[str, str] = Field(description="Generated name -> the spelling facts carry.")
    places: list[HandPlace] = Field(description="Places the generated file lacks.")
    aliases: dict[str, list[str]] = Field(description="More spellings of a place.")
    major: list[str] = Field(description="Smaller places that count wherever they are named.")
    ambiguous: list[str] = Field(description="Spellings that count only as a location.")
    stop: list[str] = Field(description="Spellings that never name a place.")
    words: PlaceWords = Field(description="Words read around a place name.")


@dataclass(frozen=True, slots=True)
class Place:
    """What one spelling names: canonical name, side, and whether it counts anywhere."""

    name: str
    side: Side | None
    major: bool


def _key(alias: str) -> tuple[str, ...]:
    return tuple(alias.lower().split()) if alias.replace(" ", "").isalpha() else tokenize(alias).low


class _Builder:
    """Spellings to places; the first claim on a spelling wins (hand, main names, alternates)."""

    def __init__(self, hand: PlacesFile) -> None:
        self.table: dict[tuple[str, ...], Place] = {}
        self.major = frozenset(hand.major)
        self.ambiguous = {_key(a) for a in hand.ambiguous}
        # a country or capital ('Paris', 'Lima') is never one of our villages of that name
        self.stop = {_key(s) for s in hand.stop} | set(COUNTRIES)

    def claim(self, alias: str, place: Place) -> None:
        key = _key(alias)
        if not key or key in self.stop or key in self.table:
            return
        if key in self.ambiguous and place.major:
            place = Place(place.name, place.side, major=False)
        elif not place.major and place.name in self.major:
            place = Place(place.name, place.side, major=True)
        self.table[key] = place


def _rows() -> list[tuple[str, Side | None, int, list[str]]]:
    rows = []
    for line in GEONAMES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, side, population, aliases = line.split("\t")
            rows.append((name, _SIDES[side], int(population), aliases.split("|")))
    return rows


def build(
    hand: PlacesFile, rows: list[tuple[str, Side | None, int, list[str]]]
) -> dict[tuple[str, ...], Place]:
    """The spelling table: hand places and regions first, then generated names by size."""
    builder = _Builder(hand)
    region_rows = {name[1:]: (side, aliases) for name, side, _, aliases in rows if name.startswith("@")}
    for extra in hand.places:
        for alias in (extra.name, *extra.aliases):
            builder.claim(alias, Place(extra.name, extra.side, True))
    for code, region in hand.regions.items():
        side, generated = region_rows.get(code, (None, []))
        for alias in (region.name, *region.aliases, *generated):
            builder.claim(alias, Place(region.name, side, True))
    towns = sorted((r for r in rows if not r[0].startswith("@")), key=lambda r: -r[2])
    canonical = {name: hand.preferred.get(name, name) for name, *_ in towns}
    sizes = {canonical[name]: (side, population) for name, side, population, _ in reversed(towns)}
    for target, aliases in hand.aliases.items():  # hand spellings win over generated names
        side, population = sizes.get(target, (None, MAJOR_POPULATION))
        for alias in aliases:
            builder.claim(alias, Place(target, side, population >= MAJOR_POPULATION))
    for name, side, population, _ in towns:
        builder.claim(canonical[name], Place(canonical[name], side, population >= MAJOR_POPULATION))
    for name, side, population, aliases in towns:
        place = Place(canonical[name], side, population >= MAJOR_POPULATION)
        for alias in (name, *aliases):
            builder.claim(alias, place)
    _claim_russian_spellings(builder, towns, canonical)  # last: any real name wins over these
    return builder.table


def _claim_russian_spellings(
    builder: _Builder, towns: list[tuple[str, Side | None, int, list[str]]], canonical: dict[str, str]
) -> None:
    """Russian transliterations of Ukrainian towns ('Ternovka', 'Pavlograd'). A small Russian
    village of the same spelling gives way to a larger Ukrainian town: copy about this war
    means the town ('Konstantinovka' is Kostiantynivka, not a Russian hamlet)."""
    sizes = {canonical[name]: population for name, _, population, _ in reversed(towns)}
    for name, side, population, _ in towns:
        if side == "Ukraine":
            place = Place(canonical[name], side, population >= MAJOR_POPULATION)
            for variant in russian_spellings(canonical[name]):
                held = builder.table.get(_key(variant))
                small = held is not None and held.side == "Russia" and not held.major
                if small and held is not None and sizes.get(held.name, 0) < population:
                    del builder.table[_key(variant)]
                builder.claim(variant, place)


#: Ukrainian name endings and their Russian transliterations ('Ternivka' / 'Ternovka').
_RUSSIAN_ENDINGS = (("ivka", ("ovka", "evka")), ("ske", ("skoye", "skoe")), ("skyi", ("sky", "skiy")))


def russian_spellings(name: str) -> list[str]:
    """Spellings of a Ukrainian place as Russian-language copy transliterates it: 'Pavlohrad'
    as 'Pavlograd', 'Ternivka' as 'Ternovka', 'Pokrovske' as 'Pokrovskoye'."""
    bases = [name, name.replace("hrad", "grad")] if "hrad" in name else [name]
    found = [b for b in bases if b != name]
    for base in bases:
        for ending, replacements in _RUSSIAN_ENDINGS:
            if base.endswith(ending):
                found.extend(base[: -len(ending)] + r for r in replacements)
    return found


_HAND = load_data(PLACES_FILE, PlacesFile)
_WORDS = _HAND.words
#: Spelling token tuples to places.
PLACES = build(_HAND, _rows())
#: For each first token, the lengths of the spellings starting with it, longest first.
_LENGTHS: dict[str, tuple[int, ...]] = {}
for _key_tokens in PLACES:
    _LENGTHS[_key_tokens[0]] = (*_LENGTHS.get(_key_tokens[0], ()), len(_key_tokens))
_LENGTHS = {word: tuple(sorted(set(sizes), reverse=True)) for word, sizes in _LENGTHS.items()}
FIRST_WORDS = frozenset(_LENGTHS)

#: Region nouns, words after a place that make it a location ('Pokrovsk district', 'Cherkasy
#: OVA'), words before one that do ('over', 'shelling of'), and the rest: see places.yaml.
REGION_WORDS = _WORDS.regions
_PLACE_SUFFIXES = REGION_WORDS | _WORDS.suffixes
_ORIGINS = _WORDS.origins
_WATER = _WORDS.water
_COUNT_BRIDGE = frozenset(("(",)) | _WORDS.count_bridge
LOCATIVES = _WORDS.locatives
_SETTLEMENTS = _WORDS.settlements
_PLURAL_SUFFIXES = _WORDS.plural_suffixes
_GLUE = frozenset((",", "and", "the", "or"))
_BRIDGE = _WORDS.bridge
_ORIGIN_BRIDGE = _BRIDGE | _WORDS.origin_bridge
#: Between two items of a list of places: glue words, the items' counts ('Belgorod (four),
#: Voronezh (four) and Kursk (one) regions') and the data file's list words.
_LIST_GAP = _GLUE | frozenset(("(", ")", ";", "-", "–", "—")) | _WORDS.list_gap


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place name in a sentence: token span, canonical name, side, and whether locative."""

    start: int
    end: int
    name: str
    side: Side | None
    locative: bool


def _match_at(low: Sequence[str], i: int) -> tuple[int, Place] | None:
    for size in _LENGTHS.get(low[i], ()):
        if i + size > len(low):
            continue  # a slice past the end would match a shorter spelling with a wrong end
        place = PLACES.get(tuple(low[i : i + size]))
        if place is not None:
            return i + size, place
    return None


def _locative_before(low: Sequence[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and i - j <= 6:
        word = low[j]
        if word in LOCATIVES and not (
            word == "of" and j == i - 1 and j > 0 and low[j - 1] not in REGION_WORDS
        ):
            return True
        if word not in _BRIDGE:
            return False
        if word == "of" and j > 0 and low[j - 1] in REGION_WORDS:
            return True
        j -= 1
    return False


_MONTHS = words("january february march april may june july august september october november december")


def _dateline(low: Sequence[str], start: int, end: int) -> bool:
    """'Mykolaiv: the enemy attacked ...', 'BELGOROD, September 22.': the place of the report."""
    if start != 0 or end >= len(low):
        return False
    following = low[end + 1] if end + 1 < len(low) else ""
    return low[end] in (":", "—", "–") or (low[end] == "," and following in _MONTHS)


def _suffixed(low: Sequence[str], end: int) -> int:
    """The end of a place name with its suffix word ('Pokrovsk district', 'Kursk region')."""
    return end + 1 if end < len(low) and low[end] in _PLACE_SUFFIXES else end


def _counted(low: Sequence[str], end: int) -> bool:
    """'Smolensk 7, Bryansk 6', 'Belgorod region - 86', 'Bryansk (18)', 'Bryansk for eight':
    a sub-count told place by place."""
    j = end + 1 if end < len(low) and low[end] in ("-", "–", "—", ":") else end
    j = j + 1 if j < len(low) and low[j] in _COUNT_BRIDGE else j
    return j < len(low) and (low[j][:1].isdigit() or low[j] in UNITS)


def _gap(low: Sequence[str]) -> bool:
    """Only glue between two list items: commas, 'and', the items' own counts in brackets."""
    return all(w in _LIST_GAP or w[:1].isdigit() or w in UNITS for w in low)


def _origin(low: Sequence[str], i: int) -> bool:
    """'launched from the Primorsko-Akhtarsk area', 'from the directions of Kursk': where the
    weapons came from, not where they struck."""
    j = i - 1
    while j >= 0 and i - j <= 5:
        if low[j] in _ORIGINS:
            return True
        if low[j] not in _ORIGIN_BRIDGE:
            return False
        j -= 1
    return False


def _not_a_place(low: Sequence[str], original: Sequence[str] | None, i: int, end: int, place: Place) -> bool:
    """'the Azov coast', 'the Sea of Azov': water, not the town; 'Serhii Lysak said': a small
    place's name followed by a surname is a person's first name."""
    after = low[end] if end < len(low) else ""
    if after in _WATER or (i >= 2 and low[i - 1] == "of" and low[i - 2] in _WATER):
        return True
    if place.major or original is None or end >= len(low) or after in _PLACE_SUFFIXES:
        return False
    return original[end][:1].isupper() and original[end].isalpha() and low[end] not in FIRST_WORDS


def _village(low: Sequence[str], original: Sequence[str] | None, i: int) -> PlaceMention | None:
    """A settlement the gazetteer lacks, named as one: 'Rozhdestvenka village', 'the village of
    Hatne'. It carries the name as written."""
    if original is None or not original[i][:1].isupper() or not low[i].isalpha() or len(low[i]) < 4:
        return None
    after = i + 1 < len(low) and low[i + 1] in _SETTLEMENTS
    before = i >= 2 and low[i - 1] == "of" and low[i - 2] in _SETTLEMENTS
    return PlaceMention(i, i + 1 + after, original[i], None, True) if after or before else None


def _list_locative(found: list[PlaceMention], low: Sequence[str]) -> None:
    """'Kharkiv and Dnipropetrovsk oblasts': a plural suffix makes the whole list locations."""
    last = found[-1]
    if not last.locative or low[last.end - 1] not in _PLURAL_SUFFIXES:
        return
    k = len(found) - 2
    while k >= 0 and _gap(low[found[k].end : found[k + 1].start]):
        found[k] = PlaceMention(found[k].start, found[k].end, found[k].name, found[k].side, True)
        k -= 1


def _is_name(original: Sequence[str] | None, i: int) -> bool:
    return original is None or original[i][:1].isupper()


def find_places(low: Sequence[str], original: Sequence[str] | None = None) -> list[PlaceMention]:
    """All gazetteer places in the tokens, in order; list items after a locative stay locative.
    With ``original`` (the tokens as written) a place must be capitalized."""
    found: list[PlaceMention] = []
    i, n, origin_end = 0, len(low), -1
    villages = not _SETTLEMENTS.isdisjoint(low)  # a settlement word: look for unlisted villages
    # without villages to look for, only a place's first word can start one: the loop jumps
    # from one such word to the next instead of visiting every token
    starts = [] if villages else list(compress(range(len(low)), map(FIRST_WORDS.__contains__, low)))
    if not villages:
        i = starts[0] if starts else n
    while i < n:
        hit = _match_at(low, i) if low[i] in FIRST_WORDS and _is_name(original, i) else None
        if hit is None:
            if villages and (village := _village(low, original, i)) is not None:
                found.append(village)
                i = village.end - 1
            i += 1
            if not villages:
                k = bisect_left(starts, i)
                i = starts[k] if k < len(starts) else n
            continue
        end, place = hit[0], hit[1]
        if _not_a_place(low, original, i, end, place):
            i = end
            continue
        end = _suffixed(low, end)
        if _origin(low, i) or (origin_end >= 0 and _gap(low[origin_end:i])):
            origin_end = end  # a launch origin, and the list items glued to it, are no places
        elif (locative := _locative(low, i, end, hit[0], found)) or place.major:
            found.append(PlaceMention(i, end, place.name, place.side, locative))
            _list_locative(found, low)
        i = end
    return found


def _locative(low: Sequence[str], i: int, end: int, name_end: int, found: list[PlaceMention]) -> bool:
    """Whether the place at ``i`` is where the event happened ('over X', 'X region', 'X 7')."""
    if _locative_before(low, i) or end > name_end or _dateline(low, i, end) or _counted(low, end):
        return True
    return bool(found and found[-1].locative and _gap(low[found[-1].end : i]))
