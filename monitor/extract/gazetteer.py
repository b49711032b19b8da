"""Place names with their aliases and side, found in a token list and marked when locative."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.lexicon import words
from monitor.models.facts import Side

# canonical name | side (U, R or -) | aliases (lowercase, comma separated)
_PLACES = (
    "Kyiv|U|kyiv,kiev",
    "Kharkiv|U|kharkiv,kharkov",
    "Odesa|U|odesa,odessa",
    "Dnipro|U|dnipro,dnipropetrovsk,dnepropetrovsk,dnepr",
    "Zaporizhzhia|U|zaporizhzhia,zaporizhia,zaporozhye,zaporizhzhya",
    "Mykolaiv|U|mykolaiv,mykolayiv,nikolaev,nikolayev",
    "Sumy|U|sumy",
    "Chernihiv|U|chernihiv,chernigov",
    "Poltava|U|poltava",
    "Cherkasy|U|cherkasy,cherkassy",
    "Zhytomyr|U|zhytomyr,zhitomir",
    "Vinnytsia|U|vinnytsia,vinnitsa,vinnytsya",
    "Khmelnytskyi|U|khmelnytskyi,khmelnytskyy,khmelnitsky,khmelnytsky",
    "Rivne|U|rivne,rovno",
    "Volyn|U|volyn,volhynia",
    "Lviv|U|lviv,lvov",
    "Ternopil|U|ternopil",
    "Ivano-Frankivsk|U|ivano-frankivsk",
    "Zakarpattia|U|zakarpattia,transcarpathia",
    "Chernivtsi|U|chernivtsi",
    "Kirovohrad|U|kirovohrad,kropyvnytskyi",
    "Kherson|U|kherson",
    "Donetsk|U|donetsk",
    "Luhansk|U|luhansk,lugansk",
    "Kryvyi Rih|U|kryvyi rih,krivoy rog",
    "Kramatorsk|U|kramatorsk",
    "Sloviansk|U|sloviansk,slavyansk",
    "Pokrovsk|U|pokrovsk",
    "Kremenchuk|U|kremenchuk",
    "Izmail|U|izmail",
    "Kostiantynivka|U|kostiantynivka,konstantinovka",
    "Kupiansk|U|kupiansk,kupyansk",
    "Bila Tserkva|U|bila tserkva",
    "Crimea|-|crimea",
    "Sevastopol|-|sevastopol",
    "Kursk|R|kursk",
    "Belgorod|R|belgorod",
    "Bryansk|R|bryansk",
    "Voronezh|R|voronezh",
    "Rostov|R|rostov,rostov-on-don",
    "Moscow|R|moscow",
    "Krasnodar|R|krasnodar",
    "Oryol|R|oryol,orel",
    "Lipetsk|R|lipetsk",
    "Tula|R|tula",
    "Kaluga|R|kaluga",
    "Smolensk|R|smolensk",
    "Tambov|R|tambov",
    "Ryazan|R|ryazan",
    "Saratov|R|saratov",
    "Tver|R|tver",
    "Pskov|R|pskov",
    "Leningrad|R|leningrad",
    "St Petersburg|R|st petersburg,saint petersburg,st. petersburg",
    "Nizhny Novgorod|R|nizhny novgorod",
    "Novgorod|R|novgorod",
    "Tatarstan|R|tatarstan",
    "Volgograd|R|volgograd",
    "Astrakhan|R|astrakhan",
    "Engels|R|engels",
    "Novorossiysk|R|novorossiysk",
    "Yaroslavl|R|yaroslavl",
    "Penza|R|penza",
    "Samara|R|samara",
    "Ramenskoye|R|ramenskoye,rámenskoye",
)

_SIDES: dict[str, Side | None] = {"U": "Ukraine", "R": "Russia", "-": None}

#: Alias token tuples to (canonical name, side).
PLACES: dict[tuple[str, ...], tuple[str, Side | None]] = {}
for _row in _PLACES:
    _name, _side, _aliases = _row.split("|")
    for _alias in _aliases.split(","):
        PLACES[tuple(_alias.replace(".", " .").split())] = (_name, _SIDES[_side])
FIRST_WORDS = frozenset(key[0] for key in PLACES)

REGION_WORDS = words("region regions oblast oblasts province city town governorate")
#: Words before a place that make it a location of the event rather than an actor.
LOCATIVES = words(
    "over in on at against toward towards targeting targeted near across above into hit "
    "struck including attacked"
)
#: Words that may stand between a locative word and the place ("in Ukraine's southern city of").
_BRIDGE = words(
    "the ukraine russia city town region regions oblast of northern southern eastern western "
    "northeastern northwestern southeastern southwestern central border frontline "
    "front-line port capital village"
)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place name in a sentence: token span, canonical name, side, and whether locative."""

    start: int
    end: int
    name: str
    side: Side | None
    locative: bool


def _match_at(low: Sequence[str], i: int) -> tuple[int, str, Side | None] | None:
    for size in (3, 2, 1):
        entry = PLACES.get(tuple(low[i : i + size]))
        if entry is not None:
            return i + size, entry[0], entry[1]
    return None


def _locative_before(low: Sequence[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and i - j <= 6:
        word = low[j]
        if word in LOCATIVES:
            return True
        if word not in _BRIDGE:
            return False
        if word == "of" and j > 0 and low[j - 1] in REGION_WORDS:
            return True
        j -= 1
    return False


def _name_with_region(name: str, low: Sequence[str], start: int, end: int) -> tuple[str, int]:
    """'Moscow region' / 'region of Moscow' name the region; other regions keep the city name."""
    has_suffix = end < len(low) and low[end] in REGION_WORDS and low[end] != "city"
    region_of = start >= 2 and low[start - 1] == "of" and low[start - 2] in ("region", "regions")
    if name == "Moscow" and (has_suffix or region_of):
        name = "Moscow region"
    return name, end + 1 if has_suffix else end


def find_places(low: Sequence[str]) -> list[PlaceMention]:
    """All gazetteer places in the tokens, in order; list items after a locative stay locative."""
    found: list[PlaceMention] = []
    i = 0
    n = len(low)
    while i < n:
        if low[i] not in FIRST_WORDS:
            i += 1
            continue
        hit = _match_at(low, i)
        if hit is None:
            i += 1
            continue
        end, name, side = hit
        name, end = _name_with_region(name, low, i, end)
        locative = _locative_before(low, i) or (end > hit[0])
        if not locative and found and found[-1].locative:
            between = low[found[-1].end : i]
            locative = all(w in (",", "and", "the", "or") for w in between)
        found.append(PlaceMention(i, end, name, side, locative))
        i = end
    return found
