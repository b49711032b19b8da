"""Which war a fact belongs to, judged from the markers nearest to it in its own clause."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.extract.gazetteer import PlaceMention
from monitor.extract.tokens import Tokens
from monitor.models.facts import Theatre

THEATRES_FILE = DATA_DIR / "theatres.yaml"
#: Marker labels of troops not at war (they name no theatre).
NOT_WAR = frozenset(("not_war", "exercise"))
#: Tokens that end a clause: a marker past one of these says nothing about the fact.
CLAUSE_BREAKS = frozenset((";", "while", "whereas", "but", "meanwhile", "although", "though", "—", "|"))


class TheatreMarkers(BaseModel):
    """The theatres file: markers of this war, of other wars, and of troops not at war."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    russia_ukraine: list[str] = Field(description="Words and phrases tying a clause to this war.")
    other: list[str] = Field(description="Other conflicts and past wars.")
    exercise: list[str] = Field(description="Exercises: troops in their sentence are not at war.")
    not_war: list[str] = Field(description="Parades, sport: troops in their clause are not at war.")


class Markers:
    """Marker phrases as token tuples, keyed by their first token for a one-pass scan."""

    def __init__(self, data: TheatreMarkers) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for label, phrases in (("russia-ukraine", data.russia_ukraine), ("other", data.other)):
            for phrase in phrases:
                self._add(phrase, label)
        for phrase in data.not_war:
            self._add(phrase, "not_war")
        for phrase in data.exercise:
            self._add(phrase, "exercise")

    def _add(self, phrase: str, label: str) -> None:
        key = tuple(phrase.lower().split())
        self.by_first.setdefault(key[0], []).append((key, label))
        self.by_first[key[0]].sort(key=lambda entry: -len(entry[0]))

    def scan(self, low: Sequence[str]) -> list[tuple[int, str]]:
        """(position, label) of each marker: 'russia-ukraine', 'other', 'not_war' or 'exercise'."""
        found: list[tuple[int, str]] = []
        by_first = self.by_first
        for i in [k for k, word in enumerate(low) if word in by_first]:  # few words start a marker
            for key, label in by_first[low[i]]:
                if tuple(low[i : i + len(key)]) == key:
                    found.append((i, label))
                    break
        return found


@cache
def markers() -> Markers:
    """The shipped markers, read once per process."""
    return Markers(load_data(THEATRES_FILE, TheatreMarkers))


def _breaks(low: Sequence[str], k: int) -> bool:
    """A clause break at token ``k``; 'while fighting' opens no new clause."""
    if low[k] not in CLAUSE_BREAKS:
        return False
    return not (low[k] == "while" and k + 1 < len(low) and low[k + 1].endswith("ing"))


def clause_of(low: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """Token bounds of the clause holding tokens ``start:end``."""
    left = start  # the set test first: most words are no break, and a call costs more
    while left > 0 and (low[left - 1] not in CLAUSE_BREAKS or not _breaks(low, left - 1)):
        left -= 1
    right = end
    while right < len(low) and (low[right] not in CLAUSE_BREAKS or not _breaks(low, right)):
        right += 1
    return left, right


def signals(low: Sequence[str], places: Sequence[PlaceMention]) -> list[tuple[int, str]]:
    """Every war marker in a sentence, places of Ukraine and Russia included, in token order."""
    found = markers().scan(low)
    found.extend((place.start, "russia-ukraine") for place in places)
    found.sort()
    return found


def nearest(
    found: Sequence[tuple[int, str]], start: int, end: int, skip: tuple[int, int] = (0, 0)
) -> Theatre | None:
    """The theatre of the war marker nearest to tokens ``start:end``, outside ``skip``."""
    best: tuple[int, Theatre] | None = None
    for position, label in found:
        if label in NOT_WAR or skip[0] <= position < skip[1]:
            continue
        distance = start - position if position < start else max(0, position - end + 1)
        theatre: Theatre = "russia-ukraine" if label == "russia-ukraine" else "other"
        if best is None or distance < best[0]:
            best = (distance, theatre)
    return best[1] if best else None


def in_clause(found: Sequence[tuple[int, str]], bounds: tuple[int, int]) -> list[tuple[int, str]]:
    """The markers inside a clause."""
    return [(p, label) for p, label in found if bounds[0] <= p < bounds[1]]


def sentence_theatre(low: Sequence[str], places: Sequence[PlaceMention]) -> Theatre | None:
    """A whole sentence's theatre when all its markers agree; None when none or mixed."""
    labels = {label for _, label in signals(low, places) if label not in NOT_WAR}
    if len(labels) == 1:
        return "russia-ukraine" if "russia-ukraine" in labels else "other"
    return None


class _Sentence(Protocol):
    index: int

    @property
    def tokens(self) -> Tokens: ...

    @property
    def places(self) -> list[PlaceMention]: ...


#: Words that open a sentence still about the one before ('He had been recruited ...').
_BACK_REFERENCES = frozenset(("he", "she", "they", "both", "his", "their"))


def neighbour_theatre(sentences: Sequence[_Sentence], k: int, reach: int = 2) -> Theatre | None:
    """A weak signal: the theatre of the nearest sentence before ``k`` (the title, the lead,
    at most ``reach`` sentences back) whose markers all agree; else that of the sentence just
    after, when it opens by referring back to this one ('He had been recruited into ...')."""
    index = sentences[k].index
    for other in reversed(sentences[:k]):
        if index - other.index > reach:
            break
        theatre = sentence_theatre(other.tokens.low, other.places)
        if theatre is not None:
            return theatre
    following = sentences[k + 1] if k + 1 < len(sentences) else None
    if following is None or following.index != index + 1:
        return None
    low = following.tokens.low
    if not low or low[0] not in _BACK_REFERENCES:
        return None
    return sentence_theatre(low, following.places)
