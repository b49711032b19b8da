"""Named weapon mentions, and whether the text reports the weapon used in an attack."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.lexicon import words
from monitor.extract.weapons_lexicon import WEAPON_ALIASES, WEAPON_FIRST_WORDS
from monitor.models.facts import WeaponMention

_USE_BEFORE = words(
    "launched launch launches launching fired fire firing used uses using use struck hit "
    "attacked attack tested deployed unleashed employed targeted shot downed intercepted "
    "destroyed with"
)
_USE_AFTER = words(
    "struck hit strike strikes attack attacks launched fired used slammed shot downed "
    "intercepted destroyed killed landed exploded"
)
_BLOCKERS = words(
    "based design designed authorize authorized authorizing authorise authorised allow allowed "
    "allowing permission permit ban restrictions restriction lift lifted supply supplied supplying deliver "
    "delivered delivering send sending sent could would might may can if plans plan "
    "production produce reserves stocks stockpile request requested requests provide provided "
    "providing acquire bought buy transfer receive received from equipped armed"
)
_AFTER_SKIP = words(
    "missile missiles drone drones uav uavs system systems ballistic cruise hypersonic rocket "
    "rockets was were is are had has have been reportedly"
)
_WITH_VERBS = words("attacked attack struck hit targeted shelled")


@dataclass(frozen=True, slots=True)
class _Name:
    names: tuple[str, ...]
    kind: str
    start: int
    end: int


def _names(low: Sequence[str]) -> list[_Name]:
    found: list[_Name] = []
    i = 0
    while i < len(low):
        if low[i] in WEAPON_FIRST_WORDS:
            for size in (2, 1):
                entry = WEAPON_ALIASES.get(tuple(low[i : i + size]))
                if entry is not None:
                    found.append(_Name(entry[0], entry[1], i, i + size))
                    i += size - 1
                    break
        i += 1
    return found


def _blocked(low: Sequence[str], at: int) -> bool:
    return any(word in _BLOCKERS for word in low[max(0, at - 3) : at])


def _used_before(low: Sequence[str], start: int) -> bool | None:
    for t in range(start - 1, max(-1, start - 7), -1):
        word = low[t]
        if word in _BLOCKERS:
            return False
        if word == "by":
            return None  # 'shot down by a Patriot': the weapon is the defender
        if word == "with" and not any(w in _WITH_VERBS for w in low[max(0, t - 4) : t]):
            continue
        if word in _USE_BEFORE:
            return not _blocked(low, t)
    return None


def _used_after(low: Sequence[str], end: int) -> bool:
    j = end
    while j < len(low) and j - end < 4 and low[j] in _AFTER_SKIP:
        j += 1
    return j < len(low) and low[j] in _USE_AFTER and not _blocked(low, end)


def used(low: Sequence[str], start: int, end: int) -> bool:
    """Reported in use: 'the use of the Oreshnik', 'launched an Oreshnik', 'Kh-101s were shot down'."""
    before = _used_before(low, start)
    if before is not None:
        return before
    return _used_after(low, end)


def find_weapons(sentences: list[Sentence]) -> tuple[WeaponMention, ...]:
    """One mention per named weapon in the article; used when any sentence reports it used."""
    mentions: dict[str, WeaponMention] = {}
    for sentence in sentences:
        if not sentence.cues & Cue.WEAPON:
            continue
        low = sentence.tokens.low
        for name in _names(low):
            was_used = used(low, name.start, name.end)
            for canonical in name.names:
                known = mentions.get(canonical)
                if known is None or (was_used and not known.used):
                    mentions[canonical] = WeaponMention(
                        name=canonical, kind=name.kind, used=was_used, evidence=sentence.text[:500]
                    )
    return tuple(mentions.values())
