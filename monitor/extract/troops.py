"""Foreign troop reports: a nationality tied to a troop noun, with count, side and activity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.lexicon import (
    ACTIVITY_CUES,
    PEOPLE_NOUNS,
    PLAN_CUES,
    SEND_WORDS,
    TROOP_CONTEXT,
    TROOP_NOUNS,
    words,
)
from monitor.extract.nations import COUNTRIES, DEMONYMS, PEOPLE_DEMONYMS
from monitor.extract.numbers import Quantity
from monitor.models.facts import Side, TroopActivity, TroopReport

_MODIFIERS = words(
    "special elite regular army military combat infantry more additional reinforcement allied "
    "trained marine naval armed ground frontline regular-army assault"
)
_OWNERS = words("russian ukrainian russia ukraine kyiv moscow their its our his")
_HEADS = TROOP_NOUNS | PEOPLE_NOUNS | {key[-1] for key in PEOPLE_DEMONYMS}
_NOT_TROOPS = words("air task labor labour police defence defense workforce")
_LIST_GLUE = words(", and or even also the such as like including countries nations")
_DESTINATIONS = frozenset(("to", "into", "in", "toward", "towards", "inside"))
#: Nationalities that, unless the text says otherwise, fight or would fight for Russia.
_RUSSIA_ALIGNED = frozenset(
    [
        "North Korean",
        "Yemeni",
        "Nepali",
        "Indian",
        "Cuban",
        "Sri Lankan",
        "Chinese",
        "Syrian",
        "Somali",
        "Iranian",
        "Belarusian",
        "Afghan",
        "Tajik",
        "Uzbek",
        "Kazakh",
        "Kyrgyz",
        "Egyptian",
        "Iraqi",
        "Serbian",
        "Central African",
    ]
)


@dataclass(frozen=True, slots=True)
class _Hit:
    nationalities: tuple[str, ...]
    noun: int
    start: int  # first token of the nationality-and-noun phrase, where a count would end


def _key_before(table: dict[tuple[str, ...], str], low: Sequence[str], end: int) -> tuple[str, int] | None:
    """A table entry ending at token ``end`` (exclusive): (name, start)."""
    for size in (3, 2, 1):
        if end - size >= 0:
            name = table.get(tuple(low[end - size : end]))
            if name is not None:
                return name, end - size
    return None


def _demonyms_before(low: Sequence[str], noun: int) -> tuple[list[str], int, bool]:
    """Demonyms before a troop noun ('British and French troops'); also reports an owner word."""
    found: list[str] = []  # collected right to left
    j = noun
    while j > 0:
        hit = _key_before(DEMONYMS, low, j) or _key_before(COUNTRIES, low, j)
        if hit is not None:
            found.append(hit[0])
            j = hit[1]
        elif low[j - 1] in _MODIFIERS or (found and low[j - 1] in (",", "and", "or")):
            j -= 1
        else:
            return found, j, low[j - 1] in _OWNERS
    return found, j, False


def _countries_from(low: Sequence[str], j: int) -> list[str]:
    """'soldiers from countries such as Nepal, India, and even North Korea'."""
    found: list[str] = []
    while j < len(low):
        size = next((s for s in (3, 2, 1) if tuple(low[j : j + s]) in COUNTRIES), 0)
        if size:
            found.append(COUNTRIES[tuple(low[j : j + size])])
            j += size
        elif low[j] in _LIST_GLUE:
            j += 1
        else:
            break
    return found


def _sender_before(low: Sequence[str], noun: int) -> list[str]:
    """'North Korea's deployment of 10,000 troops', 'the US would not send peacekeepers'."""
    start = max(0, noun - 12)
    for j in range(noun - 1, start - 1, -1):
        if low[j] in TROOP_NOUNS:
            return []
        hit = _key_before(COUNTRIES, low, j + 1)
        if hit is None or (hit[1] > 0 and low[hit[1] - 1] in _DESTINATIONS):
            continue
        if not any(w in SEND_WORDS or w in PLAN_CUES for w in low[j + 1 : noun]):
            return []
        names = [hit[0]]
        k = hit[1]
        while k >= 2 and low[k - 1] in (",", "and"):
            more = _key_before(COUNTRIES, low, k - 1)
            if more is None:
                break
            names.append(more[0])
            k = more[1]
        return names[::-1]
    return []


def _hit_at(low: Sequence[str], i: int, context: bool) -> _Hit | None:
    word = low[i]
    people = _key_before(DEMONYMS, low, i + 1)
    if people is not None and tuple(low[people[1] : i + 1]) in PEOPLE_DEMONYMS:
        if not context:
            return None
        _, start, _ = _demonyms_before(low, people[1])
        return _Hit((people[0],), i, start)
    if word not in TROOP_NOUNS and not (word in PEOPLE_NOUNS and context):
        return None
    if word in ("force", "forces") and i > 0 and low[i - 1] in _NOT_TROOPS:
        return None
    names, start, owned = _demonyms_before(low, i)
    names.reverse()
    if owned and not names:
        return None
    if not names and i + 1 < len(low) and low[i + 1] == "from":
        names = _countries_from(low, i + 2)
    names = names or _sender_before(low, i)
    return _Hit(tuple(dict.fromkeys(names)), i, start) if names else None


def _activity(low: Sequence[str], noun: int) -> TroopActivity | None:
    """Plan cues win; then capture or casualties near the noun; else the nearest cue."""
    if any(word in PLAN_CUES for word in low):
        return "plan"
    best: tuple[int, TroopActivity] | None = None
    for j, word in enumerate(low):
        cue = ACTIVITY_CUES.get(word)
        if cue is None:
            continue
        distance = abs(j - noun)
        if cue in ("capture", "casualties") and distance <= 8:
            distance = -1 if cue == "capture" else 0
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


def _side(nationality: str, low: Sequence[str]) -> Side:
    text = " ".join(low)
    if nationality in _RUSSIA_ALIGNED:
        return "Ukraine" if "for ukraine" in text or "foreign legion" in text else "Russia"
    return "Russia" if "for russia" in text or "russian army" in text else "Ukraine"


def _reports(sentence: Sentence, hit: _Hit, quantities: dict[int, Quantity]) -> list[TroopReport]:
    low = sentence.tokens.low
    quantity = quantities.get(hit.start) if len(hit.nationalities) == 1 else None
    activity = _activity(low, hit.noun)
    return [
        TroopReport(
            nationality=name,
            count=quantity.value if quantity else None,
            count_max=quantity.value_max if quantity else None,
            lower_bound=quantity.lower_bound if quantity else None,
            qualifier=quantity.qualifier if quantity else None,
            side=_side(name, low),
            activity=activity,
            evidence=sentence.text[:500],
        )
        for name in hit.nationalities
    ]


def _sentence_troops(sentence: Sentence) -> list[TroopReport]:
    low = sentence.tokens.low
    context = any(word in TROOP_CONTEXT for word in low)
    reports: list[TroopReport] = []
    for i, word in enumerate(low):
        if word not in _HEADS:
            continue
        hit = _hit_at(low, i, context)
        if hit is not None:
            quantities = {q.end: q for q in sentence.quantities}
            reports.extend(_reports(sentence, hit, quantities))
    return reports


def _covered(report: TroopReport, others: list[TroopReport]) -> bool:
    """A bare mention ('North Korean troops') already said by a fuller report."""
    if report.count is not None or report.lower_bound is not None:
        return False
    for other in others:
        if other is report or other.nationality != report.nationality:
            continue
        counted = other.count is not None or other.lower_bound is not None
        if report.activity is None or (counted and other.activity == report.activity):
            return True
    return False


def _dedupe(reports: list[TroopReport]) -> tuple[TroopReport, ...]:
    """Drop repeats and bare mentions covered by a fuller report of the same nationality."""
    seen: set[str] = set()
    unique: list[TroopReport] = []
    for report in reports:
        key = report.model_dump_json(exclude={"evidence"})
        if key not in seen:
            seen.add(key)
            unique.append(report)
    return tuple(r for r in unique if not _covered(r, unique))


def find_troops(sentences: list[Sentence]) -> tuple[TroopReport, ...]:
    """Foreign troop reports of an article (never Russian or Ukrainian forces)."""
    reports: list[TroopReport] = []
    for sentence in sentences:
        if sentence.cues & Cue.TROOP and sentence.cues & Cue.NATION:
            reports.extend(_sentence_troops(sentence))
    return _dedupe(reports)
