"""Whether a troop phrase belongs to this war: its clause's war markers and where it is stationed."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from monitor.extract.nations import GAZETTE, country_at
from monitor.extract.theatre import NOT_WAR, clause_of, in_clause, nearest
from monitor.models.facts import Theatre

_LOCATIVE = frozenset(("in", "to", "into", "inside", "at", "across"))
_BRIDGE = frozenset(("the", "northern", "southern", "eastern", "western", "central", "neighbouring", "nato"))
_WINDOW_ENDS = frozenset((",", ";", ":", "said", "says", "told", "according"))


def stationed_elsewhere(
    low: Sequence[str], words: Sequence[str], noun: int, war_at: frozenset[int] = frozenset()
) -> bool:
    """'troops to Lithuania', 'soldiers arrived in Estonia', 'the border with Belarus': the
    first place the clause puts the troops in is a country other than Russia or Ukraine
    ('killed near Bakhmut, their bodies returned to Tbilisi' is put in the war first)."""
    for j in range(noun + 1, len(low)):
        if low[j] in _WINDOW_ENDS or j in war_at:
            return False
        if low[j] in _LOCATIVE or (low[j] == "with" and low[j - 1] in ("border", "borders")):
            k = j + 1
            while k < len(low) and low[k] in _BRIDGE:
                k += 1
            hit = country_at(low, words, k)
            if hit is not None:
                return hit[0] not in GAZETTE.combatants
    return False


def war_tie(
    low: Sequence[str],
    words: Sequence[str],
    found: list[tuple[int, str]],
    span: tuple[int, int],
    weak: Callable[[], Theatre | None],
    places: frozenset[int] = frozenset(),
) -> Theatre | None:
    """The theatre of the troops at tokens ``span`` (nationality to noun): the war whose marker
    is nearest in their clause; None for troops not at war (parades in their clause, an exercise
    anywhere in their sentence unless their clause names this war in words, stationed in another
    country before any of the war's ``places``) or tied to no war; the neighbour sentences'
    theatre only as a fallback."""
    start, noun = span
    clause = in_clause(found, clause_of(low, start, noun + 1))
    if any(label in NOT_WAR for _, label in clause) or stationed_elsewhere(low, words, noun, places):
        return None
    if any(label == "exercise" for _, label in found) and not any(
        label == "russia-ukraine" and p not in places for p, label in clause
    ):
        return None  # troops at an exercise named elsewhere in the sentence
    theatre = nearest(clause, start, noun + 1)
    if theatre is not None or any(label == "other" for _, label in found):
        return theatre
    return weak()
