"""Which side acts in a sentence: subjects like 'Russia launched', agents like 'by Ukraine'."""

from __future__ import annotations

from collections.abc import Sequence

from monitor.extract.gazetteer import REGION_WORDS
from monitor.extract.lexicon import NOUN_MODIFIERS, REGION_ADJECTIVES, SIDE_WORDS, WEAPON_NOUNS, words
from monitor.models.facts import Side

#: A side word after one of these is a place or an object, not the actor.
_OBJECT_PREPOSITIONS = words(
    "on against at in into over toward towards targeting across of to near inside within "
    "with between throughout hit struck attacked"
)
_TERRITORY = frozenset(
    (
        "territory",
        "airspace",
        "soil",
        "capital",
        "border",
        "cities",
        "towns",
        "regions",
        "villages",
        "civilians",
        "infrastructure",
        "positions",
        *REGION_WORDS,
    )
)


def other(side: Side | None) -> Side | None:
    """The opposing side."""
    if side is None:
        return None
    return "Ukraine" if side == "Russia" else "Russia"


def _modifies_weapon(low: Sequence[str], j: int) -> bool:
    for word in low[j : j + 4]:
        if word in WEAPON_NOUNS:
            return True
        if word not in NOUN_MODIFIERS:
            return False
    return False


def actors(low: Sequence[str]) -> list[tuple[int, Side]]:
    """Positions of side words that can be the actor (not 'on Ukraine', 'Russian territory')."""
    found: list[tuple[int, Side]] = []
    for i in [k for k, word in enumerate(low) if word in SIDE_WORDS]:  # few tokens name a side
        word = low[i]
        side = SIDE_WORDS[word]
        before = low[i - 1] if i > 0 else ""
        if before == "the" and i > 1:
            before = low[i - 2]
        after = low[i + 1] if i + 1 < len(low) else ""
        if (
            low[i - 1 : i]
            and low[i - 1] in REGION_ADJECTIVES
            and i > 1
            and low[i - 2] in _OBJECT_PREPOSITIONS
        ):
            continue  # 'kills two in eastern Ukraine': a place, not the actor
        if before in _OBJECT_PREPOSITIONS or after in _TERRITORY or (i == 0 and after == "("):
            continue  # 'KYIV (AP) - ...' is a dateline, not an actor
        if word in ("russian", "ukrainian") and _modifies_weapon(low, i + 1):
            continue  # 'Ukrainian drones': the weapon's side, not the speaker's
        found.append((i, side))
    return found


def actor_before(found: list[tuple[int, Side]], index: int) -> Side | None:
    """The actor nearest before token ``index``."""
    best: Side | None = None
    for position, side in found:
        if position >= index:
            break
        best = side
    return best


def agent_after(low: Sequence[str], index: int) -> Side | None:
    """'launched by Russia', 'shot down by Ukrainian air defenses': the agent after a verb."""
    for j in range(index, min(index + 4, len(low))):
        if low[j] == "by":
            for k in range(j + 1, min(j + 4, len(low))):
                side = SIDE_WORDS.get(low[k])
                if side is not None:
                    return side
            return None
    return None


_TARGET_PREPOSITIONS = words("at on against toward towards into targeting")
_REPORTING = words("said says reported reports claimed claims stated announced added confirmed")
_PRONOUNS = frozenset(("it", "they", "we", "its"))


def target_after(low: Sequence[str], index: int) -> Side | None:
    """'launched 50 drones at Ukraine': the side named as the target after a verb."""
    for k in range(max(1, index), min(index + 6, len(low))):
        side = SIDE_WORDS.get(low[k])
        if side is not None and low[k - 1] in _TARGET_PREPOSITIONS:
            return side
    return None


def is_reporter(low: Sequence[str], position: int) -> bool:
    """'Ukraine's air force said', 'Russia's defence ministry': a side speaking, not acting."""
    return any(word in _REPORTING for word in low[position + 1 : position + 6])


def reporter(low: Sequence[str], found: list[tuple[int, Side]]) -> Side | None:
    """The first side in the sentence that reports ('..., Ukraine's military said')."""
    for position, side in found:
        if is_reporter(low, position):
            return side
    return None


def pronoun_subject(low: Sequence[str], verb: int) -> bool:
    """'it shot down', 'it had launched': the reporter is the subject of the verb."""
    return any(word in _PRONOUNS for word in low[max(0, verb - 3) : verb])


def launcher(low: Sequence[str], found: list[tuple[int, Side]], verb: int) -> Side | None:
    """Who launched: the actor before the verb, unless that actor only reports it."""
    for position, side in reversed(found):
        if position >= verb:
            continue
        if is_reporter(low, position) and not pronoun_subject(low, verb):
            return other(side)
        return side
    return None
