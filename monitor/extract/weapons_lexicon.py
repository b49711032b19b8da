"""Named weapon systems (vocab/weapons.yaml): canonical names, kinds and their spellings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.extract.tokens import tokenize
from monitor.models.facts import Side

WEAPONS_FILE = DATA_DIR / "weapons.yaml"
Kind = Annotated[str, StringConstraints(pattern=r"^[a-z_ ]+$")]


class WeaponModel(BaseModel):
    """One weapon system as written in the weapons file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, description="Canonical name carried by facts.")
    kind: Kind = Field(description="drone, missile, glide_bomb, air defense, aircraft, ...")
    aliases: list[str] = Field(default=[], description="Other spellings (any case).")
    context: bool = Field(default=False, description="Also a plain word: needs a weapon noun beside it.")
    maker: Side | None = Field(default=None, description="Only this side fields it.")
    family: str | None = Field(default=None, description="Name weapon facts carry instead.")
    models: list[str] = Field(default=[], description="Models this one spelling names.")
    bare: list[str] = Field(default=[], description="Spellings that need no weapon noun beside them.")


class UseWords(BaseModel):
    """The words that decide whether a named weapon was used in an attack (weapons.py reads them)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    use_before: frozenset[str] = Field(description="Before a name: it was used ('launched an Oreshnik').")
    use_after: frozenset[str] = Field(description="After a name: it was used ('Kh-101s were shot down').")
    blockers: frozenset[str] = Field(description="Near a use word: no use (permissions, supplies, tests).")
    after_skip: frozenset[str] = Field(description="Skipped between a name and a use word after it.")
    sent: frozenset[str] = Field(description="Sending drones or missiles at a target is launching them.")
    delivered_to: frozenset[str] = Field(description="After a sent weapon: it went to someone.")
    with_verbs: frozenset[str] = Field(description="Verbs that make 'with' before a name a use.")
    strike_nouns: frozenset[str] = Field(description="Nouns after 'delivered' that make it an attack.")
    not_war_use: frozenset[str] = Field(description="Tests, exercises, parades: no use in the war.")
    hedges: frozenset[str] = Field(description="Guesses: the clause only wonders whether it was used.")
    scope_breaks: frozenset[str] = Field(description="End the words of a clause that can deny use.")
    attack_words: frozenset[str] = Field(description="Words of an attack: a drone or missile there was used.")
    clause_blockers: frozenset[str] = Field(description="Words that keep such a clause from reporting use.")
    hit_verbs: frozenset[str] = Field(description="Before a platform, armour or artillery: the target.")
    platforms: frozenset[str] = Field(description="After a name: a platform, a target when hit.")
    defence_after: frozenset[str] = Field(description="After an aircraft: a defender ('shot down').")
    attacks_of: frozenset[str] = Field(description="Attack nouns before 'of <name>' ('strikes of Lancet').")
    fired_before: frozenset[str] = Field(
        description="Verbs before a capitalized name: a weapon ('intercepted a Flamingo')."
    )
    weapon_context: frozenset[str] = Field(
        description="Nouns beside an ambiguous name that make it a weapon."
    )


class WeaponsFile(BaseModel):
    """The weapons file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    not_after: frozenset[str] = Field(description="Words after a name that make it something else.")
    not_before: frozenset[str] = Field(description="Words before a name that make it something else.")
    use: UseWords = Field(description="Words that decide whether a named weapon was used.")
    weapons: list[WeaponModel]

    @model_validator(mode="after")
    def _unique(self) -> WeaponsFile:
        seen: dict[tuple[str, ...], str] = {}
        for model in self.weapons:
            for alias in (model.name, *model.aliases):
                key = tokenize(alias).low
                if seen.setdefault(key, model.name) != model.name:
                    raise ValueError(f"{alias!r} names both {seen[key]} and {model.name}")
        return self


@dataclass(frozen=True, slots=True)
class WeaponInfo:
    """What the extractor knows about one spelling."""

    models: tuple[str, ...]
    kind: str
    context: bool
    maker: Side | None
    family: str | None

    @property
    def names(self) -> tuple[str, ...]:
        """The names weapon facts carry: the family ('Shahed'), else the models."""
        return (self.family,) if self.family else self.models


_FILE = load_data(WEAPONS_FILE, WeaponsFile)
#: Words right after a name that show it is a restaurant, a festival, a team...
NOT_AFTER = _FILE.not_after
#: Words right before a name that show it is a title or a brand ('the album Storm Shadow').
NOT_BEFORE = _FILE.not_before
#: Words that decide whether a named weapon was used, was a target or was only talked about.
USE_WORDS = _FILE.use
#: Spellings of context names that count without a weapon noun beside them.
BARE = frozenset(tokenize(alias).low for model in _FILE.weapons for alias in model.bare)


def _load() -> dict[tuple[str, ...], WeaponInfo]:
    table: dict[tuple[str, ...], WeaponInfo] = {}
    for model in _FILE.weapons:
        info = WeaponInfo(
            tuple(model.models) or (model.name,),
            model.kind,
            model.context,
            model.maker,
            model.family,
        )
        for alias in (model.name, *model.aliases):
            table[tokenize(alias).low] = info
    return table


#: Alias tokens to what they name.
WEAPON_INFO = _load()
#: Alias tokens to (canonical names, kind). 'Shahed-136/131' names two models.
WEAPON_ALIASES: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {
    key: (info.models, info.kind) for key, info in WEAPON_INFO.items()
}
WEAPON_FIRST_WORDS = frozenset(key[0] for key in WEAPON_ALIASES)
WEAPON_MAX_TOKENS = max(len(key) for key in WEAPON_ALIASES)

#: Kind of strike a model counts toward ("glide_bomb" models count as glide bombs).
STRIKE_KINDS = frozenset(("drone", "missile", "glide_bomb"))
