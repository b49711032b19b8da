"""What a troop report says about its troops besides their nation: activity, side and count."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.extract.nations import GAZETTE
from monitor.extract.numbers import Quantity
from monitor.extract.theatre import clause_of
from monitor.extract.troop_words import Phrases, SidePhrases, troop_vocabulary
from monitor.models.facts import Side, TroopActivity

_VOCAB = troop_vocabulary()
_PARTITIVE = frozenset(("of", "its", "their", "our", "the", "his"))
_PLANS = Phrases(_VOCAB.plan_cues)
_SIDE_PHRASES = SidePhrases({"Ukraine": _VOCAB.for_ukraine, "Russia": _VOCAB.for_russia})
_ACTIVITY = {word: act for act, cue_words in _VOCAB.activities.items() for word in cue_words}


def activity(low: Sequence[str], noun: int) -> TroopActivity | None:
    """Plan cues win; then capture or casualties near the noun; else the nearest cue."""
    if _PLANS.found(low):
        return "plan"
    if _ACTIVITY.get(low[noun]) == "capture":  # 'prisoners of war from Cuba': the noun says it
        return "capture"
    best: tuple[int, TroopActivity] | None = None
    left, right = clause_of(low, noun, noun + 1)
    for j, word in enumerate(low):
        cue = _ACTIVITY.get(word)
        if cue is None or j == noun:  # 'mercenaries' names them; what they did is elsewhere
            continue
        distance = abs(j - noun) + (0 if left <= j < right else len(low))  # own clause first
        if cue in ("capture", "casualties") and distance <= 8:
            distance = -1 if cue == "capture" else 0
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


def side(nationality: str, low: Sequence[str], noun: int) -> Side:
    """The side the text puts the troops on: the side phrase nearest to them ('fighting for
    Russia', 'captured by Ukrainian forces'), else the side their nation's troops serve."""
    nearest: tuple[int, Side] | None = None
    done = 0  # tokens before this belong to the phrase just read
    for i in [k for k, word in enumerate(low) if word in _SIDE_PHRASES.firsts]:
        if i < done:
            continue
        match = _SIDE_PHRASES.longest_at(low, i)
        if match is None:
            continue
        size, side = match
        if nearest is None or abs(i - noun) < nearest[0]:
            nearest = (abs(i - noun), side)
        done = i + size
    if nearest is not None:
        return nearest[1]
    return GAZETTE.sides_with.get(nationality, "Ukraine")


def count_before(
    quantities: dict[int, Quantity], low: Sequence[str], start: int, noun: int
) -> Quantity | None:
    """The count just before the troop phrase, partitives included ('45 of its citizens'); one
    for a single person ('a Kenyan mercenary', 'a citizen of Nepal')."""
    for end in (start, start - 1, start - 2):
        quantity = quantities.get(end)
        if quantity is not None and all(word in _PARTITIVE for word in low[end:start]):
            return quantity
    if low[noun] in _VOCAB.singular and start > 0 and low[start - 1] in ("a", "an", "one"):
        return Quantity(start - 1, start, 1)
    return None
