"""Nations: every country's demonyms, plural people nouns and names, each to one canonical demonym.

Country names come from pycountry (ISO 3166: short, common and official names); the demonyms,
people nouns and extra names from vocab/nations.yaml, which an analyst can read and extend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

import ahocorasick
import pycountry
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.extract.tokens import tokenize
from monitor.models.facts import Side

NATIONS_FILE = DATA_DIR / "nations.yaml"
_STRICT = ConfigDict(frozen=True, extra="forbid")
Name = Annotated[str, StringConstraints(min_length=2, strip_whitespace=True)]


class Nation(BaseModel):
    """One country's words, as written in the nations file."""

    model_config = _STRICT

    demonym: Name = Field(description="Canonical adjective carried by troop reports.")
    adjectives: list[Name] = Field(default=[], description="Other adjectives meaning the same.")
    people: list[Name] | None = Field(default=None, description="Plural nouns for its people.")
    names: list[Name] = Field(default=[], description="Country names besides pycountry's.")
    sides_with: Side | None = Field(default=None, description="Side its troops serve by default.")
    combatant: bool = Field(default=False, description="One of the two warring nations.")
    exact_case: list[Name] = Field(default=[], description="Aliases matched in exactly this case.")

    def people_nouns(self) -> list[str]:
        if self.people is not None:
            return self.people
        if self.demonym.endswith(("an", "i")):
            return [f"{self.demonym}s"]
        return []


class NationsFile(BaseModel):
    """The nations file: entries keyed by ISO 3166 alpha-2 code."""

    model_config = _STRICT

    nations: dict[str, Nation]
    not_nations: list[Name] = Field(
        default=[], description="Longer phrases ending in a demonym that name no nation ('Latin American')."
    )

    @model_validator(mode="after")
    def _known_codes(self) -> NationsFile:
        unknown = [code for code in self.nations if pycountry.countries.get(alpha_2=code) is None]
        if unknown:
            raise ValueError(f"not ISO 3166 alpha-2 country codes: {', '.join(unknown)}")
        return self


def _iso_names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=code)
    names = [getattr(country, attr, "") for attr in ("name", "common_name", "official_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def key_of(phrase: str) -> tuple[str, ...]:
    """A phrase as the lowercase token tuple the extractor matches."""
    return tokenize(phrase).low


@dataclass(frozen=True, slots=True)
class Gazette:
    """Lookup tables built from the nations file."""

    demonyms: dict[tuple[str, ...], str]
    countries: dict[tuple[str, ...], str]
    people: frozenset[tuple[str, ...]]
    exact_case: dict[tuple[str, ...], tuple[str, ...]]
    sides_with: dict[str, Side]
    combatants: frozenset[str]
    adjective_keys: frozenset[tuple[str, ...]]
    not_nations: frozenset[tuple[str, ...]]


def build(data: NationsFile) -> Gazette:
    demonyms: dict[tuple[str, ...], str] = {}
    countries: dict[tuple[str, ...], str] = {}
    people: set[tuple[str, ...]] = set()
    exact: dict[tuple[str, ...], tuple[str, ...]] = {}
    sides: dict[str, Side] = {}
    adjectives: set[tuple[str, ...]] = set()
    for code, nation in data.nations.items():
        name = nation.demonym
        adjectives.update(key_of(a) for a in (name, *nation.adjectives))
        for alias in (name, *nation.adjectives, *nation.people_nouns()):
            demonyms.setdefault(key_of(alias), name)
        people.update(key_of(p) for p in nation.people_nouns())
        for alias in (*_iso_names(code), *nation.names):
            countries.setdefault(key_of(alias), name)
        for alias in nation.exact_case:
            exact[key_of(alias)] = tuple(tokenize(alias).words)
        if nation.sides_with is not None:
            sides[name] = nation.sides_with
    combatants = frozenset(n.demonym for n in data.nations.values() if n.combatant)
    not_nations = frozenset(key_of(p) for p in data.not_nations)
    return Gazette(
        demonyms, countries, frozenset(people), exact, sides, combatants, frozenset(adjectives), not_nations
    )


GAZETTE = build(load_data(NATIONS_FILE, NationsFile))
#: Nationality adjectives (and plural people nouns) to canonical demonyms.
DEMONYMS = GAZETTE.demonyms
#: Country names to canonical demonyms, for "soldiers from Nepal" or "North Korea's troops".
COUNTRIES = GAZETTE.countries
#: Plural people nouns ("Yemenis") that name fighters only in a troop context.
PEOPLE_DEMONYMS = GAZETTE.people
#: The last words of each table's names, by the table's id: name_before looks no further when
#: the word before ``end`` ends no name, which is most words (the troop grammar asks at every token).
_LAST_WORDS = {id(table): frozenset(key[-1] for key in table) for table in (DEMONYMS, COUNTRIES)}


def _foreign_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for table in (COUNTRIES, DEMONYMS):  # a demonym spelt like a country name is a demonym
        for key, name in table.items():
            if name not in GAZETTE.combatants:
                phrase = " ".join(key)
                adjective = key in GAZETTE.adjective_keys and key not in GAZETTE.exact_case
                automaton.add_word(phrase, (len(phrase), adjective))
    automaton.make_automaton()
    return automaton


_FOREIGN = _foreign_automaton()


def names_foreign_nation(text: str, lower: str | None = None, nouns: frozenset[str] = frozenset()) -> bool:
    """Whether text names a nation other than Russia or Ukraine as a capitalized whole word
    ('us' the pronoun does not count), or as a lowercase adjective right before one of ``nouns``
    ('cuban mercenaries' in translated copy): one C pass, so the troop grammar tokenizes only
    sentences that can hold a report. ``lower`` is ``text.lower()`` when the caller has it."""
    lower = text.lower() if lower is None else lower
    if len(lower) != len(text):
        return True  # a rare character changed length when lowercased: let the grammar decide
    for end, (size, adjective) in _FOREIGN.iter(lower):
        start = end - size + 1
        before = lower[start - 1] if start else " "
        after = lower[end + 1] if end + 1 < len(lower) else " "
        if before.isalnum() or after.isalnum() or after == "-":
            continue
        if text[start].isupper() or (adjective and _next_word(lower, end + 1) in nouns):
            return True
    return False


def _next_word(lower: str, at: int) -> str:
    """The word after one space at ``at`` ('' when none)."""
    if lower[at : at + 1] != " ":
        return ""
    stop = at + 1
    while stop < len(lower) and lower[stop].isalpha():
        stop += 1
    return lower[at + 1 : stop]


def written_as_name(key: tuple[str, ...], words: Sequence[str]) -> bool:
    """The original words spell a name: capitalized, and exactly cased where the file says so
    ("US" and "U.S." are the United States; "us" is a pronoun)."""
    exact = GAZETTE.exact_case.get(key)
    if exact is not None:
        return tuple(words) == exact or "." in "".join(words)
    return bool(words) and words[0][:1].isupper()


def name_before(
    table: dict[tuple[str, ...], str],
    low: Sequence[str],
    words: Sequence[str],
    end: int,
    *,
    any_case: bool = False,
) -> tuple[str, int] | None:
    """A table entry ending at token ``end`` (exclusive), written as a name: (name, start).
    ``any_case``: lowercase counts too, except for the entries the file wants in exact case."""
    last = _LAST_WORDS.get(id(table))
    if last is not None and 0 < end <= len(low) and low[end - 1] not in last:
        return None
    for size in (3, 2, 1):
        if end - size >= 0:
            key = tuple(low[end - size : end])
            name = table.get(key)
            if name is None:
                continue
            if (any_case and key not in GAZETTE.exact_case) or written_as_name(key, words[end - size : end]):
                if end - size > 0 and (low[end - size - 1], *key) in GAZETTE.not_nations:
                    return None  # 'Latin American mercenaries'
                return name, end - size
    return None


def country_at(low: Sequence[str], words: Sequence[str], start: int) -> tuple[str, int] | None:
    """A country name starting at token ``start``, written as a name: (demonym, end)."""
    for size in (3, 2, 1):
        hit = name_before(COUNTRIES, low, words, start + size) if start + size <= len(low) else None
        if hit is not None and hit[1] == start:
            return hit[0], start + size
    return None
