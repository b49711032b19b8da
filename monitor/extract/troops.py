"""Foreign troop reports: a nationality tied to a troop noun and, in its clause, to this war."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.nations import (
    COUNTRIES,
    DEMONYMS,
    GAZETTE,
    PEOPLE_DEMONYMS,
    country_at,
    name_before,
    names_foreign_nation,
)
from monitor.extract.numbers import UNITS, Quantity
from monitor.extract.theatre import neighbour_theatre, signals
from monitor.extract.troop_carry import carried, opens_bare
from monitor.extract.troop_ties import war_tie
from monitor.extract.troop_traits import activity as activity_of
from monitor.extract.troop_traits import count_before
from monitor.extract.troop_traits import side as side_of
from monitor.extract.troop_words import Phrases, WholeWords, troop_vocabulary
from monitor.models.facts import Theatre, TroopReport

_VOCAB = troop_vocabulary()
_OWNERS = frozenset(("their", "its", "our", "his", "her"))
_PEOPLE_HEADS = frozenset(key[-1] for key in PEOPLE_DEMONYMS)
_HEADS = _VOCAB.troop_nouns | _VOCAB.people_nouns | _PEOPLE_HEADS
_PLAN_WORDS = Phrases(_VOCAB.plan_cues).words
_LIST_GLUE = frozenset(
    [
        ",",
        "and",
        "or",
        "even",
        "also",
        "the",
        "such",
        "as",
        "like",
        "including",
        "countries",
        "nations",
        "each",
        "from",
        "more",
    ]
)
#: People nouns spelt like their adjective ('Chinese', 'Nepalese', 'Swiss').
_INVARIANT = frozenset(key[-1] for key in PEOPLE_DEMONYMS if key in GAZETTE.adjective_keys)
_PEOPLE_FOLLOWERS = frozenset(
    (
        "are",
        "were",
        "was",
        "is",
        "have",
        "had",
        "has",
        "who",
        "in",
        "at",
        "from",
        "to",
        "on",
        "and",
        "or",
        "among",
        "now",
        "also",
        "still",
        "serve",
        "fight",
        "died",
        "say",
        "said",
        "as",
        "for",
    )
)
#: Last words of demonyms: 'a Sri Lankan' (one person) is found by them.
_SINGLE_HEADS = frozenset(key[-1] for key in DEMONYMS)
#: The cheap test's words: troop and people nouns, and foreign demonyms ('an American who fought').
_HEAD_WORDS = WholeWords(
    _HEADS | frozenset(key[-1] for key, name in DEMONYMS.items() if name not in GAZETTE.combatants)
)
_ONE = frozenset(("a", "an", "one"))
#: Words after 'a <demonym>' that make it a person, not an adjective ('a Kenyan company').
_PERSON_FOLLOWERS = _PEOPLE_FOLLOWERS | frozenset(("near", "during", "after", "captured", "taken", "by"))
_ORIGIN_VERBS = frozenset(
    ("came", "come", "comes", "hail", "hailed", "are", "were", "arrived", "mostly", "mainly")
)
_ORIGIN_GLUE = frozenset(("from", "of", ",", "and", "or"))
_DESTINATIONS = frozenset(("to", "into", "in", "toward", "towards", "inside"))


@dataclass(frozen=True, slots=True)
class _Hit:
    nationalities: tuple[str, ...]
    noun: int
    start: int  # first token of the nationality-and-noun phrase, where a count would end
    single: bool = False  # 'a Sri Lankan': one person named by the demonym alone


def _nation_before(low: Sequence[str], words: Sequence[str], end: int) -> tuple[str, int] | None:
    return name_before(DEMONYMS, low, words, end) or name_before(COUNTRIES, low, words, end)


def _demonyms_before(low: Sequence[str], words: Sequence[str], noun: int) -> tuple[list[str], int, bool]:
    """Demonyms before a troop noun ('British and French troops'); also reports an owner word
    or a combatant nationality ('Russian troops', 'their soldiers')."""
    found: list[str] = []  # collected right to left
    j = noun
    while j > 0:
        # translated copy lowercases demonyms ('cuban mercenaries'): right before the noun, any case
        hit = _nation_before(low, words, j) or (
            name_before(DEMONYMS, low, words, j, any_case=True) if j == noun else None
        )
        if hit is not None and hit[0] in GAZETTE.combatants:
            return found, j, True
        if hit is not None:
            found.append(hit[0])
            j = hit[1]
        elif low[j - 1] in _VOCAB.modifiers or (found and low[j - 1] in (",", "and", "or")):
            j -= 1
        else:
            return found, j, low[j - 1] in _OWNERS
    return found, j, False


def _countries_from(low: Sequence[str], words: Sequence[str], j: int) -> list[str]:
    """'soldiers from countries such as Nepal, India, and even North Korea'."""
    found: list[str] = []
    while j < len(low):
        hit = country_at(low, words, j)
        if hit is not None:
            found.append(hit[0])
            j = hit[1]
        elif low[j] in _LIST_GLUE or low[j].isdigit() or low[j] in UNITS:
            j += 1
        else:
            break
    return [name for name in found if name not in GAZETTE.combatants]


def _origin_after(low: Sequence[str], words: Sequence[str], noun: int) -> list[str]:
    """'citizens of Nepal', 'contingents came from Poland and Georgia', 'prisoners of war from
    Cuba, Nepal and Somalia', 'soldiers sent by Pyongyang' (a capital names its state)."""
    j = noun + 1
    if tuple(low[j : j + 2]) == ("of", "war"):
        j += 2
        noun += 2
    while j < len(low) and j - noun <= 2 and low[j] in _ORIGIN_VERBS:
        j += 1
    if j < len(low) and (low[j] == "from" or (low[j] == "of" and j == noun + 1)):
        return _countries_from(low, words, j + 1)
    if j + 1 < len(low) and j == noun + 1 and low[j] in _VOCAB.send_words and low[j + 1] in ("by", "from"):
        return _countries_from(low, words, j + 2)  # 'soldiers sent by Pyongyang': the sender's
    return []


def _sender_before(low: Sequence[str], words: Sequence[str], noun: int) -> list[str]:
    """'North Korea's deployment of 10,000 troops', 'the US would not send peacekeepers'."""
    start = max(0, noun - 12)
    window = low[start:noun]
    if _VOCAB.send_words.isdisjoint(window) and _PLAN_WORDS.isdisjoint(window):
        return []  # no sending or planning word: no sender to find
    for j in range(noun - 1, start - 1, -1):
        if low[j] in _VOCAB.troop_nouns:
            return []
        hit = name_before(COUNTRIES, low, words, j + 1)
        if hit is None or (hit[1] > 0 and low[hit[1] - 1] in _DESTINATIONS):
            continue
        if not any(w in _VOCAB.send_words or w in _VOCAB.plan_cues for w in low[j + 1 : noun]):
            return []
        names = [hit[0]]
        k = hit[1]
        while k >= 2 and low[k - 1] in (",", "and"):
            more = name_before(COUNTRIES, low, words, k - 1)
            if more is None:
                break
            names.append(more[0])
            k = more[1]
        return [name for name in names[::-1] if name not in GAZETTE.combatants]
    return []


def _adjective(low: Sequence[str], i: int) -> bool:
    """A demonym spelt like its people noun ('Chinese', 'Nepalese') used as an adjective: a
    plain word follows it that is no verb, preposition or punctuation."""
    if i + 1 >= len(low):
        return False
    after = low[i + 1]
    if after in _HEADS:
        return True
    if low[i] not in _INVARIANT or not after.isalpha() or after in _PEOPLE_FOLLOWERS:
        return False
    return not after.endswith(("ed", "ing"))


def _one_person(low: Sequence[str], words: Sequence[str], i: int) -> _Hit | None:
    """'captured a Sri Lankan near Pokrovsk', 'an Uzbek who served': a demonym after 'a', 'an'
    or 'one' and before no noun is one person of that nation."""
    found = name_before(DEMONYMS, low, words, i + 1)
    if found is None or found[0] in GAZETTE.combatants or found[1] == 0:
        return None
    after = low[i + 1] if i + 1 < len(low) else "."
    if low[found[1] - 1] not in _ONE or (after[:1].isalnum() and after not in _PERSON_FOLLOWERS):
        return None
    return _Hit((found[0],), i, found[1], single=True)


def _hit_at(low: Sequence[str], words: Sequence[str], i: int, fighters: bool) -> _Hit | None:
    if low[i] in _SINGLE_HEADS and low[i] not in _HEADS:
        return _one_person(low, words, i) if fighters else None
    people = name_before(DEMONYMS, low, words, i + 1)
    adjective = _adjective(low, i)  # 'Sudanese army', 'Chinese components': the noun decides
    if people is not None and not adjective and tuple(low[people[1] : i + 1]) in PEOPLE_DEMONYMS:
        if not fighters or people[0] in GAZETTE.combatants:
            return None
        _, start, _ = _demonyms_before(low, words, people[1])
        return _Hit((people[0],), i, start)
    word = low[i]
    if word not in _VOCAB.troop_nouns and not (word in _VOCAB.people_nouns and fighters):
        return None
    if word in ("force", "forces") and i > 0 and low[i - 1] in _VOCAB.not_troops:
        return None
    if i + 1 < len(low) and low[i + 1] in _VOCAB.speaker_verbs:
        return None  # 'the Sudanese army said': a speaker
    names, start, owned = _demonyms_before(low, words, i)
    names.reverse()
    if owned and not names:
        if not (fighters and start > 0 and low[start - 1] in ("its", "their")):
            return None
        names = _owner_nation(low, words, start - 1)  # "India said 45 of its citizens"
    if not names:
        names = _origin_after(low, words, i)
    if not names and i + 2 < len(low) and low[i + 1] in _VOCAB.speaking:
        names = _demonym_at(low, words, i + 2)  # 'fighters speaking Korean'
    names = names or _sender_before(low, words, i)
    return _Hit(tuple(dict.fromkeys(names)), i, start) if names else None


def _demonym_at(low: Sequence[str], words: Sequence[str], start: int) -> list[str]:
    for end in range(min(len(low), start + 3), start, -1):
        hit = name_before(DEMONYMS, low, words, end)
        if hit is not None and hit[1] == start and hit[0] not in GAZETTE.combatants:
            return [hit[0]]
    return []


def _owner_nation(low: Sequence[str], words: Sequence[str], pronoun: int) -> list[str]:
    """The nation an 'its'/'their' refers to: the nearest one named before it, if foreign."""
    for end in range(pronoun, 0, -1):
        hit = _nation_before(low, words, end)
        if hit is not None:
            return [] if hit[0] in GAZETTE.combatants else [hit[0]]
    return []


def _reports(
    sentence: Sentence, hit: _Hit, quantities: dict[int, Quantity], theatre: Theatre
) -> list[TroopReport]:
    low = sentence.tokens.low
    quantity = count_before(quantities, low, hit.start, hit.noun) if len(hit.nationalities) == 1 else None
    if quantity is None and hit.single:
        quantity = Quantity(hit.start - 1, hit.start, 1)
    activity = activity_of(low, hit.noun)
    return [
        TroopReport(
            nationality=name,
            count=quantity.value if quantity else None,
            count_max=quantity.value_max if quantity else None,
            lower_bound=quantity.lower_bound if quantity else None,
            qualifier=quantity.qualifier if quantity else None,
            side=side_of(name, low, hit.noun),
            activity=activity,
            evidence=sentence.text[:500],
            theatre=theatre,
        )
        for name in hit.nationalities
    ]


def _markers(low: Sequence[str], words: Sequence[str], sentence: Sentence) -> list[tuple[int, str]]:
    """The sentence's war markers, less the countries named as where people come from ('one
    each from Cuba, Somalia and Sierra Leone': Somalia's war is not theirs)."""
    return [
        (p, label)
        for p, label in signals(low, sentence.places)
        if not (label == "other" and p > 0 and low[p - 1] in _ORIGIN_GLUE and country_at(low, words, p))
    ]


def _sentence_troops(sentence: Sentence, weak: Callable[[], Theatre | None]) -> list[TroopReport]:
    low = sentence.tokens.low
    words = sentence.tokens.words
    fighters = not _VOCAB.fighter_context.isdisjoint(low)
    reports: list[TroopReport] = []
    found: list[tuple[int, str]] | None = None
    for i, word in enumerate(low):
        if word not in _HEADS and not (fighters and word in _SINGLE_HEADS):
            continue
        hit = _hit_at(low, words, i, fighters)
        if hit is None:
            continue
        found = _markers(low, words, sentence) if found is None else found
        places = frozenset(place.start for place in sentence.places)
        theatre = war_tie(low, words, found, (hit.start, hit.noun), weak, places)
        if theatre == "russia-ukraine":  # troops of other wars are not this monitor's facts
            quantities = {q.end: q for q in sentence.quantities} if sentence.has_number else {}
            reports.extend(_reports(sentence, hit, quantities, theatre))
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
    seen: set[tuple[object, ...]] = set()
    unique: list[TroopReport] = []
    for report in reports:
        # every field but the evidence; the fields are plain strings, numbers and None, so equal
        # values are equal JSON and no dump is needed
        key = tuple(value for name, value in report if name != "evidence")
        if key not in seen:
            seen.add(key)
            unique.append(report)
    return tuple(r for r in unique if not _covered(r, unique))


def _may_hold_troops(sentence: Sentence) -> bool:
    """Cheap tests first: the cue scan saw a troop noun and a nation, one C pass finds a
    foreign (not Russian or Ukrainian) nation as a capitalized whole word, and the tokens hold
    a troop noun of troops.yaml."""
    wanted = Cue.TROOP | Cue.NATION
    if sentence.cues & wanted != wanted:
        return False
    if not names_foreign_nation(sentence.text, sentence.lower, _VOCAB.troop_nouns):
        return False
    return _HEAD_WORDS.found(sentence.text, sentence.lower)


def _carried_troops(before: Sentence, sentence: Sentence) -> list[TroopReport]:
    """'Colombia has many veterans. Hundreds now fight for Ukraine.': the second sentence's
    bare subject takes the one foreign nation of the sentence just before."""
    wanted = Cue.TROOP | Cue.NATION
    if before.index != sentence.index - 1 or not sentence.cues & Cue.TROOP or before.cues & wanted != wanted:
        return []
    if not opens_bare(sentence.text) or not _HEAD_WORDS.found(before.text, before.lower):
        return []
    if not names_foreign_nation(before.text, before.lower):
        return []
    counts = [(q.start, q.end) for q in sentence.quantities] if sentence.has_number else []
    low = sentence.tokens.low
    found = carried((before.tokens.low, before.tokens.words), low, counts, sentence.places)
    if found is None:
        return []
    quantities = {q.end: q for q in sentence.quantities} if counts else {}
    hit = _Hit((found.nationality,), found.subject_end - 1, found.subject_end)
    return _reports(sentence, hit, quantities, "russia-ukraine")


def find_troops(sentences: list[Sentence]) -> tuple[TroopReport, ...]:
    """Foreign troop reports of an article (never Russian or Ukrainian forces)."""
    reports: list[TroopReport] = []
    for k, sentence in enumerate(sentences):
        found = (
            _sentence_troops(sentence, partial(neighbour_theatre, sentences, k))
            if _may_hold_troops(sentence)
            else []
        )
        if not found and k > 0:
            found = _carried_troops(sentences[k - 1], sentence)
        reports.extend(found)
    return _dedupe(reports)
