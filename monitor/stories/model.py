"""The typed models of a story: what each item contributed, and the join an item made."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

#: Kyiv's night: an attack overnight is reported in the morning. The night is named by the date
#: of the morning, and runs from 18:00 to 18:00 Kyiv time (UTC+3 in summer): event time + 9 h.
_NIGHT_SHIFT = timedelta(hours=9)


def night_of(at: datetime) -> str:
    """The night an event time belongs to, named by its morning (YYYY-MM-DD)."""
    return (at + _NIGHT_SHIFT).date().isoformat()


def night_start(at: datetime) -> datetime:
    """When the night of ``at`` began (18:00 Kyiv summer time, in UTC)."""
    shifted = (at + _NIGHT_SHIFT).astimezone(UTC)
    return datetime.combine(shifted.date(), time(), UTC) - _NIGHT_SHIFT


def into_night(at: datetime) -> timedelta:
    """How long after its night began ``at`` is (0 at 18:00 Kyiv, just under a day at the end)."""
    shifted = at + _NIGHT_SHIFT
    return shifted - shifted.replace(hour=0, minute=0, second=0, microsecond=0)


#: How an item joined its story: it opened it, it copies an item's text (MinHash), it is
#: another article on the same attack (attacker, weapon kind, night, places or figures), another
#: article on the same night's attack by the same side (a place in common, or the night's only big
#: attack), or a later article telling an earlier night's attack again (a toll, "Monday's strike").
How = Literal["new", "copy", "same_attack", "same_event", "follow_up"]


#: Plural nouns for the weapon kinds of strike facts, as a figure is read out.
WEAPON_NOUNS = {
    "drone": "drones",
    "missile": "missiles",
    "glide_bomb": "glide bombs",
    "targets": "air targets",
}


class Figure(BaseModel):
    """One side's attack as one item reported it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    attacker: str
    weapon: str
    launched: int | None = None
    neutralized: int | None = None
    places: tuple[str, ...] = ()

    @property
    def what(self) -> str:
        """The attack this figure is about (figures of one attack are compared)."""
        return f"{self.attacker}/{self.weapon}"

    def said(self) -> str:
        """'472 drones launched, 382 neutralized' (the numbers given, the launch named by its
        weapon so that one source's drone and missile counts read apart)."""
        noun = WEAPON_NOUNS.get(self.weapon, self.weapon.replace("_", " "))
        parts = [f"{self.launched} {noun} launched"] if self.launched is not None else []
        if self.neutralized is not None:
            parts.append(f"{self.neutralized} neutralized")
        return ", ".join(parts) or "no figure"


Figures = tuple[Figure, ...]


class Contribution(BaseModel):
    """What one item added to its story; stored per item id, so joining again changes nothing."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    item: str
    source: str
    title: str
    at: datetime
    how: How
    why: str = Field(description="Why it joined: the copy's similarity, or what the attacks share.")
    #: The item whose text this one copies (itself when original): copies count once.
    wire: str
    figures: tuple[Figure, ...] = ()
    alerts: tuple[str, ...] = Field(default=(), description="Rules that fired on this item.")


class Story(BaseModel):
    """A story as its contributions make it: first item, sources, best figures by attribution."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    contributions: tuple[Contribution, ...]

    @classmethod
    def of(cls, story_id: str, contributions: list[Contribution]) -> Story:
        ordered = sorted(contributions, key=lambda c: (c.at, c.item))
        return cls(id=story_id, contributions=tuple(ordered))

    @property
    def first(self) -> Contribution:
        return self.contributions[0]

    @property
    def sources(self) -> list[str]:
        """Distinct outlets, in the order they reported."""
        return list(dict.fromkeys(c.source for c in self.contributions))

    @property
    def independent(self) -> int:
        """Independent sources: outlets with a text of their own (a copy of another outlet's
        wire text adds no corroboration)."""
        return len({c.source for c in self.contributions if c.wire == c.item})

    def latest_by_source(self) -> dict[str, dict[str, Figure]]:
        """Each source's latest figure for each attack (attacker/weapon)."""
        return latest_of(self.contributions)

    def best(self) -> dict[str, tuple[Figure, str]]:
        """The best current figure of each attack and who said it: the largest launched count of
        any source's latest report (a revision replaces its source's earlier figure)."""
        return best_of(self.latest_by_source())

    def side_by_side(self) -> str:
        """'air-force: 472 drones launched, 382 neutralized; defence-ministry: 38 drones launched'."""
        return side_by_side(self.latest_by_source())


class Join(BaseModel):
    """The story an item joined, why, and what it changed (a revised figure)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    story_id: str
    how: How
    why: str
    #: Figures of this story before this item, as "attacker/weapon" -> launched, and after.
    before: dict[str, int] = Field(default_factory=dict)
    after: dict[str, int] = Field(default_factory=dict)
    sources: int = 1
    independent: int = 1
    #: Each source's latest figures side by side, as of this item ("air-force: 472 drones launched").
    figures: str = ""
    #: Two or more sources whose latest figures differ: the alert shows ``figures`` with attribution.
    disagree: bool = False

    def template_values(self) -> dict[str, object]:
        """What rules' templates see of the story: story_id, story_sources, story_figures."""
        return {"story_id": self.story_id, "story_sources": self.independent, "story_figures": self.figures}

    @property
    def revised(self) -> bool:
        """This item changed a figure the story already had."""
        return any(what in self.before and self.before[what] != n for what, n in self.after.items())


#: The field of a story's hash that holds its summary (no item id is empty-prefixed by NUL).
SUMMARY_FIELD = "\x00summary"
#: The field that holds its distinct figures, each with the first order key and source that gave
#: it (JSON {figure JSON: [okey, source]}): what join.lua's placement reads of a story.
FIGURES_FIELD = "\x00figures"


def order_key(at: datetime, item: str) -> str:
    """The (event time, item id) order of contributions as one string that sorts the same:
    microseconds since the epoch, zero-padded, then the item id (compared in Lua)."""
    micros = (at - _EPOCH) // timedelta(microseconds=1)
    return f"{micros:020d}\t{item}"


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Summary(BaseModel):
    """A story's compact summary as join.lua keeps it, read instead of every contribution.

    Decided: each part is a member keyed by the contribution's order key (``order_key``) and
    merged by min or max, so filing an item twice changes nothing and the summary is the same
    whatever order items arrive in. It answers what a join needs of the story: sources, the
    independent ones, each source's latest figure per attack (in the order ``Story`` lists
    them). Every distinct figure with who first gave it (same-attack and copy checks, in
    join.lua) is a field of its own, FIGURES_FIELD, which joins never send back: a summary of
    an older story that still holds them as ``figs`` has them ignored here."""

    model_config = ConfigDict(frozen=True)

    first: str
    last: str
    src: dict[str, str] = Field(default_factory=dict)
    orig: dict[str, int] = Field(default_factory=dict)
    lat: dict[str, tuple[str, str, str]] = Field(default_factory=dict)

    @classmethod
    def parse(cls, raw: str | bytes) -> Summary:
        data = json.loads(raw)
        # cjson writes an empty Lua table as {} whether it was a map or a list
        return cls.model_validate({k: (v if v != [] else {}) for k, v in data.items()})

    @property
    def sources(self) -> int:
        return len(self.src)

    @property
    def independent(self) -> int:
        return len(self.orig)

    def latest_by_source(self) -> dict[str, dict[str, Figure]]:
        """As ``Story.latest_by_source``: sources in the order of their first figure, attacks in
        the order each source first reported them."""
        found: dict[str, dict[str, Figure]] = {}
        for _, key, figure in sorted((first, k, g) for k, (first, _, g) in self.lat.items()):
            source, _, what = key.rpartition("\t")
            found.setdefault(source, {})[what] = _figure(figure)
        return found


@lru_cache(maxsize=4096)
def _figure(raw: str) -> Figure:
    return Figure.model_validate_json(raw)


def latest_of(
    contributions: Iterable[Contribution], found: dict[str, dict[str, Figure]] | None = None
) -> dict[str, dict[str, Figure]]:
    """Each source's latest figure for each attack of ``contributions`` (in event-time order),
    added to ``found`` (changed in place) when given: sources in the order of their first
    figure, attacks in the order each source first reported them."""
    found = {} if found is None else found
    for contribution in contributions:
        for figure in contribution.figures:
            found.setdefault(contribution.source, {})[figure.what] = figure
    return found


def best_of(latest: dict[str, dict[str, Figure]]) -> dict[str, tuple[Figure, str]]:
    """The best current figure of each attack and who said it: the largest launched count of
    any source's latest report (the first source listed keeps a tie)."""
    best: dict[str, tuple[Figure, str]] = {}
    for source, figures in latest.items():
        for what, figure in figures.items():
            held = best.get(what)
            if held is None or (figure.launched or 0) > (held[0].launched or 0):
                best[what] = (figure, source)
    return best


def disagree(latest: dict[str, dict[str, Figure]]) -> bool:
    """Whether the sources' latest figures differ (one source, or all saying the same, need no
    attribution beyond the alert's own). Places are left out: they are not what is disputed."""
    said = {
        tuple(sorted((what, f.launched, f.neutralized) for what, f in figures.items()))
        for figures in latest.values()
    }
    return len(latest) > 1 and len(said) > 1


def side_by_side(latest: dict[str, dict[str, Figure]]) -> str:
    """'air-force: 472 drones launched, 382 neutralized; defence-ministry: 38 drones launched'."""
    return "; ".join(
        f"{source}: {', '.join(f.said() for f in figures.values())}" for source, figures in latest.items()
    )
