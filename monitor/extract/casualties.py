"""Casualties: people killed and injured in one incident, with the place it happened."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.lexicon import TROOP_NOUNS, words
from monitor.extract.numbers import Quantity
from monitor.models.facts import Casualty, Qualifier

_KILLED = words("killed dead died deaths killing kills")
_INJURED = words("injured wounded hurt injuring wounding injures wounds injuries")
_VERBS_BEFORE = {
    "killed": "killed",
    "killing": "killed",
    "kills": "killed",
    "injured": "injured",
    "injuring": "injured",
    "injures": "injured",
    "wounded": "injured",
    "wounding": "injured",
}
_PEOPLE = words(
    "people civilians persons residents children others person civilian man woman men women "
    "child boy girl teenager teenagers were was have has been had reportedly "
    "more other local"
)
_SINGULAR = words("man woman child boy girl civilian person resident teenager")


def _role_after(low: Sequence[str], end: int) -> str | None:
    j = end
    while j < len(low) and j - end < 4:
        word = low[j]
        if word in _KILLED:
            return "killed"
        if word in _INJURED:
            return "injured"
        if word in TROOP_NOUNS or word not in _PEOPLE:
            return None
        j += 1
    return None


def _role_before(low: Sequence[str], start: int) -> str | None:
    before = low[start - 1] if start > 0 else ""
    if before == "to" and "toll" in low[max(0, start - 8) : start]:
        return "killed"
    return _VERBS_BEFORE.get(before)


def _counted_people(low: Sequence[str], q: Quantity) -> bool:
    """The count is of people, not soldiers or drones: 'two people', '12', 'three civilians'."""
    nxt = low[q.end] if q.end < len(low) else ""
    return nxt not in TROOP_NOUNS and nxt not in ("drones", "missiles", "ukrainian", "russian")


def _singles(low: Sequence[str]) -> list[tuple[str, int]]:
    """'injured a 52-year-old woman' -> one injured."""
    found: list[tuple[str, int]] = []
    for i, word in enumerate(low[:-1]):
        role = _VERBS_BEFORE.get(word)
        if role is None or low[i + 1] not in ("a", "an", "one"):
            continue
        if any(w in _SINGULAR for w in low[i + 2 : i + 5]):
            found.append((role, 1))
    return found


def _sentence_casualty(sentence: Sentence) -> Casualty | None:
    low = sentence.tokens.low
    values: dict[str, tuple[int, Qualifier | None]] = {}
    for q in sentence.quantities:
        if q.value is None or not _counted_people(low, q):
            continue
        role = _role_before(low, q.start) or _role_after(low, q.end)
        if role is not None and role not in values:
            values[role] = (q.value, q.qualifier)
    for role, value in _singles(low):
        values.setdefault(role, (value, None))
    if not values:
        return None
    places = sorted(sentence.places, key=lambda p: not p.locative)
    killed, injured = values.get("killed"), values.get("injured")
    return Casualty(
        killed=killed[0] if killed else None,
        injured=injured[0] if injured else None,
        killed_qualifier=killed[1] if killed else None,
        injured_qualifier=injured[1] if injured else None,
        place=places[0].name if places else None,
        evidence=sentence.text[:500],
    )


def find_casualties(sentences: list[Sentence]) -> tuple[Casualty, ...]:
    """One casualty report per sentence that states killed or injured counts."""
    found: list[Casualty] = []
    for sentence in sentences:
        if sentence.cues & Cue.CASUALTY:
            casualty = _sentence_casualty(sentence)
            if casualty is not None:
                found.append(casualty)
    return tuple(found)
