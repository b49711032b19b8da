"""Named weapon mentions of this war, and whether the text reports the weapon used in an attack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.theatre import clause_of, nearest, neighbour_theatre, signals
from monitor.extract.weapons_lexicon import (
    BARE,
    NOT_AFTER,
    NOT_BEFORE,
    USE_WORDS,
    WEAPON_FIRST_WORDS,
    WEAPON_INFO,
    WEAPON_MAX_TOKENS,
    WeaponInfo,
)
from monitor.models.facts import Strike, Theatre, WeaponMention

#: The use vocabulary (vocab/weapons.yaml, section 'use'): what each word list means is written there.
_USE = USE_WORDS
_USE_BEFORE = _USE.use_before
_USE_AFTER = _USE.use_after
_BLOCKERS = _USE.blockers
_AFTER_SKIP = _USE.after_skip
_SENT = _USE.sent
_DELIVERED_TO = _USE.delivered_to
_WITH_VERBS = _USE.with_verbs
_STRIKE_NOUNS = _USE.strike_nouns
_NOT_WAR_USE = _USE.not_war_use
#: Kinds whose use is an attack; a clause about an attack that names one reports it used.
_ATTACK_KINDS = frozenset(("drone", "missile", "glide_bomb", "rocket launcher", "naval drone"))
_TARGET_KINDS = frozenset(("air defense", "armour", "electronic warfare", "reconnaissance drone"))
_ATTACK_WORDS = _USE.attack_words
_CLAUSE_BLOCKERS = _USE.clause_blockers
_HEDGES = _USE.hedges
_SCOPE_BREAKS = _USE.scope_breaks
_HIT_VERBS = _USE.hit_verbs
_PLATFORMS = _USE.platforms
_DEFENCE_AFTER = _USE.defence_after
_ATTACKS_OF = _USE.attacks_of
_FIRED_BEFORE = _USE.fired_before
_DETERMINERS = frozenset(("a", "an", "the", "one"))
_WEAPON_CONTEXT = _USE.weapon_context


_LIST_GLUE = frozenset((",", "and", "or", "&", "/"))
_QUOTES = frozenset(('"', "“", "”", "'", "‘", "’", "«", "»"))


@dataclass(frozen=True, slots=True)
class _Name:
    info: WeaponInfo
    start: int
    end: int


def _in_context(low: Sequence[str], original: Sequence[str], start: int, end: int) -> bool:
    """An ambiguous name counts when capitalized with a weapon noun just after ('Patriot air
    defence system', 'Lancet loitering munitions') or a 'type'/'of the' frame before it."""
    if not original[start][:1].isupper():
        return False
    after = low[end : end + 2]
    if any(word in _WEAPON_CONTEXT or word.endswith("-type") for word in after):
        return True
    before = [word for word in low[max(0, start - 3) : start] if word not in _QUOTES]
    if before and before[-1] in _WEAPON_CONTEXT:
        return True
    if start >= 2 and low[start - 1] == "of" and low[start - 2] in _ATTACKS_OF:
        return True  # 'precise strikes of Lancet balls' (a machine translation)
    verb = start - 2 if start >= 2 and low[start - 1] in _DETERMINERS else start - 1
    if verb >= 0 and low[verb] in _FIRED_BEFORE:
        return True  # 'air defences intercepted a Flamingo'
    return start >= 2 and low[start - 1] in ("the", "a", "an") and low[start - 2] in ("of", "by")


def _appositive_says_not(low: Sequence[str], end: int) -> bool:
    """'The Bulava, the hetman's ceremonial mace, ...': the appositive names something else."""
    if low[end] != ",":
        return False
    for word in low[end + 1 : end + 7]:
        if word == ",":
            return False
        if word in NOT_AFTER:
            return True
    return False


def _reads_as_weapon(
    info: WeaponInfo, key: tuple[str, ...], low: Sequence[str], original: Sequence[str], start: int, end: int
) -> bool:
    if end < len(low) and (low[end] in NOT_AFTER or _appositive_says_not(low, end)):
        return False
    before = [word for word in low[max(0, start - 3) : start] if word not in _QUOTES and word != ","]
    if before and before[-1] in NOT_BEFORE:
        return False
    if not info.context:
        return True
    if key in BARE and original[start][:1].isupper():
        return True
    return _in_context(low, original, start, end) or (
        original[start][:1].isupper() and _used_after(low, end)  # 'every Storm Shadow launched'
    )


def _glued(word: str) -> WeaponInfo | None:
    """'Patriot-systems', 'Lancet-drones': a name with its weapon noun glued on (translated
    copy), which reads as the name beside that noun."""
    head, _, tail = word.rpartition("-")
    return WEAPON_INFO.get((head,)) if head and tail in _WEAPON_CONTEXT else None


def _names(low: Sequence[str], original: Sequence[str]) -> list[_Name]:
    found: list[_Name] = []
    waiting: list[_Name] = []  # capitalized context names with no weapon noun beside them
    done = 0  # tokens before this belong to the weapon name just read
    starts = [k for k, word in enumerate(low) if word in WEAPON_FIRST_WORDS or "-" in word]
    for i in starts:  # other words start no name
        if i < done:
            continue
        if low[i] not in WEAPON_FIRST_WORDS:
            glued = _glued(low[i])
            if glued is not None and (not glued.context or original[i][:1].isupper()):
                found.append(_Name(glued, i, i + 1))
            continue
        for size in range(WEAPON_MAX_TOKENS, 0, -1):
            key = tuple(low[i : i + size])
            info = WEAPON_INFO.get(key)
            if info is None:
                continue
            name = _Name(info, i, i + size)
            if _reads_as_weapon(info, key, low, original, i, i + size):
                found.append(name)
            elif info.context and original[i][:1].isupper():
                waiting.append(name)
                continue
            else:
                continue
            done = i + size
            break
    if waiting and found:  # 'Shaheds, Gerberas and other types': listed beside a weapon
        found.extend(w for w in waiting if any(_listed_beside(low, w, f) for f in found))
        found.sort(key=lambda name: name.start)
    return found


def _listed_beside(low: Sequence[str], name: _Name, other: _Name) -> bool:
    gap = low[other.end : name.start] if other.end <= name.start else low[name.end : other.start]
    return 0 < len(gap) <= 2 and all(word in _LIST_GLUE for word in gap)


def _compound(low: Sequence[str], t: int) -> bool:
    """'U.S.-supplied ATACMS', 'the armed forces', 'delivered a massive strike': a blocker word
    that blocks nothing here."""
    if (t > 0 and low[t - 1] == "-") or (low[t] == "armed" and low[t + 1 : t + 2] == ["forces"]):
        return True
    return low[t] in ("delivered", "delivering") and not _STRIKE_NOUNS.isdisjoint(low[t + 1 : t + 4])


def _blocked(low: Sequence[str], at: int) -> bool:
    start = max(0, at - 3)
    return any(low[t] in _BLOCKERS and not _compound(low, t) for t in range(start, at))


def _used_before(
    low: Sequence[str], start: int, attack_kind: bool = True, platform: bool = False
) -> bool | None:
    for t in range(start - 1, max(-1, start - 7), -1):
        word = low[t]
        if word in _BLOCKERS and not _compound(low, t):
            return False
        if word == "by":
            return None  # 'shot down by a Patriot': the weapon is the defender
        if word == "with" and not any(w in _WITH_VERBS for w in low[max(0, t - 4) : t]):
            continue
        if word in _USE_BEFORE:
            if (platform or not attack_kind) and word in _HIT_VERBS:
                return False  # 'destroyed an American M777 howitzer', 'a HIMARS launcher': the target
            return not _blocked(low, t)
    return None


def _on_the_ground(low: Sequence[str], end: int) -> bool:
    """'destroying two Bayraktar TB2 drones on the ground': targets, not weapons in use."""
    return ("on", "the", "ground") in {tuple(low[j : j + 3]) for j in range(end, min(len(low), end + 4))}


def _sent_at_target(low: Sequence[str], start: int, end: int) -> bool:
    """'the Russians sent 16 Shahed-type drones': sending drones or missiles is launching them,
    unless they go to someone ('Iran sent Shaheds to Russia')."""
    if _SENT.isdisjoint(low[max(0, start - 5) : start]):
        return False
    j = end
    while j < len(low) and j - end < 4 and low[j] in _AFTER_SKIP:
        j += 1
    return j >= len(low) or low[j] not in _DELIVERED_TO


def _defends(low: Sequence[str], end: int) -> bool:
    """'Ukraine's F-16s shot down several cruise missiles': an aircraft in air defence."""
    j = end
    while j < len(low) and j - end < 4 and low[j] in _AFTER_SKIP:
        j += 1
    return j < len(low) and low[j] in _DEFENCE_AFTER


def _used_after(low: Sequence[str], end: int) -> bool:
    j = end
    while j < len(low) and j - end < 4 and low[j] in _AFTER_SKIP:
        j += 1
    return j < len(low) and low[j] in _USE_AFTER and not _blocked(low, end)


def _use_scope(low: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """The name's clause, cut at the scope breaks on either side of it."""
    left, right = clause_of(low, start, end)
    before = [k for k in range(left, start) if low[k] in _SCOPE_BREAKS]
    after = [k for k in range(end, right) if low[k] in _SCOPE_BREAKS]
    return (before[-1] + 1 if before else left), (after[0] if after else right)


def used(low: Sequence[str], start: int, end: int, kind: str | None = None) -> bool:
    """Reported in use: 'the use of the Oreshnik', 'launched an Oreshnik', 'Kh-101s were shot down',
    '31 drones, including Shaheds' in a clause about an attack."""
    if kind in _TARGET_KINDS:
        return False  # air defence, armour, EW: destroyed or defending, never an attack
    left, right = _use_scope(low, start, end)
    if not _NOT_WAR_USE.isdisjoint(low[left:right]) or not _HEDGES.isdisjoint(low[left:right]):
        return False  # a test launch, an exercise, a parade, a guess: not use in the war
    if kind in _ATTACK_KINDS and _sent_at_target(low, start, end):
        return True
    if _on_the_ground(low, end):
        return False
    before = _used_before(low, start, kind in _ATTACK_KINDS, end < len(low) and low[end] in _PLATFORMS)
    if before is not None:
        return before
    if _used_after(low, end):
        return kind in _ATTACK_KINDS or not _defends(low, end)
    if kind not in _ATTACK_KINDS:
        return False
    scope = low[left:right]
    blocked = any(w in _CLAUSE_BLOCKERS and not _compound(scope, i) for i, w in enumerate(scope))
    first, last = clause_of(low, start, end)  # the attack may be told before a colon
    return not blocked and any(w in _ATTACK_WORDS for w in low[first:last])


def _this_war(
    sentence: Sentence, names: list[_Name], name: _Name, weak: Callable[[], Theatre | None], in_strike: bool
) -> bool:
    """The war nearest to the name in its sentence is this one; a weapon only Russia or
    Ukraine fields (Geran, Kinzhal, Neptune), read as a weapon, names this war by itself. When the sentence
    names no war at all, a strike of this war read from it decides ('air defence shot down
    four Storm Shadow missiles' in a ministry summary, whose sides the strike found), else the
    sentences just before it (a weak signal). In a sentence
    about an exercise, a Russian or Ukrainian place alone does not name the war (tanks issued
    for drills near Nizhny Novgorod are no weapons of this war)."""
    found = signals(sentence.tokens.low, sentence.places)
    if any(label == "exercise" for _, label in found):  # drills in Russia name no war by a place
        places = {place.start for place in sentence.places}
        found = [(p, label) for p, label in found if p not in places]
    found.extend((n.start, "russia-ukraine") for n in names if n.info.maker is not None)
    theatre = nearest(sorted(found), name.start, name.end)
    if theatre is None and in_strike:
        return True
    return (theatre or weak()) == "russia-ukraine"


def find_weapons(sentences: list[Sentence], strikes: Sequence[Strike] = ()) -> tuple[WeaponMention, ...]:
    """One mention per named weapon of this war in the article; used when any sentence says so.
    ``strikes`` are the article's strikes: the sentences they were read from are of their war."""
    war_evidence = [strike.evidence for strike in strikes if strike.theatre == "russia-ukraine"]
    mentions: dict[str, WeaponMention] = {}
    for k, sentence in enumerate(sentences):
        if not sentence.cues & Cue.WEAPON:
            continue
        low = sentence.tokens.low
        names = _names(low, sentence.tokens.words)
        weak = partial(neighbour_theatre, sentences, k)
        in_strike = any(sentence.text in evidence for evidence in war_evidence)
        for name in names:
            if not _this_war(sentence, names, name, weak, in_strike):
                continue
            was_used = used(low, name.start, name.end, name.info.kind)
            for canonical in name.info.names:
                known = mentions.get(canonical)
                if known is None or (was_used and not known.used):
                    mentions[canonical] = WeaponMention(
                        name=canonical,
                        kind=name.info.kind,
                        used=was_used,
                        evidence=sentence.text[:500],
                        theatre="russia-ukraine",
                    )
    return tuple(mentions.values())
