"""Counted weapon mentions in one sentence: the number, what it counts and the verb's role."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress

from monitor.extract.lexicon import (
    ATTACK_NOUNS,
    DEFENCE_SUBJECTS,
    NOUN_MODIFIERS,
    PAIR_NOUNS,
    ROLE_PHRASES,
    SIDE_WORDS,
    SUPPRESSION_AGENTS,
    TACTICAL_DRONES,
    TOTAL_WORDS,
    UKRAINIAN_WEAPON_WORDS,
    WEAPON_NOUNS,
    WHOLE_OF,
    Role,
    words,
)
from monitor.extract.numbers import Quantity, find_quantities
from monitor.extract.roles import PASSIVE_SKIP, RoleSpan, find_role, role_spans
from monitor.extract.sides import (
    actor_before,
    actors,
    agent_after,
    launcher,
    other,
    reporter,
    target_after,
)
from monitor.extract.weapons_lexicon import STRIKE_KINDS, WEAPON_ALIASES
from monitor.models.facts import Side, WeaponKind

#: The sentence's places by token, computed only when a count has a preposition after it.
PlaceLookup = Callable[[], Mapping[int, str]]
_OF_PART = frozenset(("them", "these", "which", "those"))
_PART_PREPS = words("over in above near at on toward towards targeting across")
_SIDE_ADJECTIVES: dict[str, Side] = {"russian": "Russia", "ukrainian": "Ukraine"}
_ONE_WORDS = frozenset(("a", "an", "another"))
_REMAINDER = frozenset((("other",), ("remaining",)))
_ATTACK_COUNTS = frozenset((w,) for w in ("attacks", "strikes", "raids", "assaults", "waves", "hits"))
#: 'a third struck a building': the ordinal is how many were launched in all.
_ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}
_ALL_WORDS = frozenset(("all", "every", "each"))
#: 'what' is machine translation's relative pronoun: 'the 24 drons, what Russia has launched'.
_CLAUSE_STOPS = frozenset((";", ":", "and", "but", "while", "which", "that", "what"))
_AUXILIARY_AFTER = frozenset((w,) for w in ("were", "was", "have", "had", "are"))
_WHOLE_WORDS = frozenset(("both", "none", "neither", "the")) | _ONE_WORDS
_UNIT_WORDS = words("unit units pieces pcs items")
#: The words a whole count can open with in _with_wholes.
_WHOLE_FIRSTS = frozenset(("both", "none", "neither", "a", "the")) | _ONE_WORDS
_EVERY = frozenset((("every",), ("each",)))
_EVERY_ONE_OF = frozenset((("every", "one", "of"), ("each", "one", "of")))
_OF_PART_TOKENS = frozenset((w,) for w in ("them", "these", "which", "those"))
_SINGULAR = words("drone uav missile rocket bomb kab shahed vehicle")
_ATTACK_AFTER = words("attack attacks strike strikes raid raids barrage assault wave threat alert danger")


#: Every word noun_after reads on: weapon nouns (and the last word of two-word ones), tactical
#: drones, the words of Ukraine's weapons, the first words of model names, side adjectives and
#: noun modifiers. Any other word ends the noun phrase without a lookup in each table.
_NOUN_PHRASE_WORDS = frozenset(
    (
        *WEAPON_NOUNS,
        *(last for _, last in PAIR_NOUNS),
        *TACTICAL_DRONES,
        *UKRAINIAN_WEAPON_WORDS,
        *(alias[0] for alias in WEAPON_ALIASES),
        *_SIDE_ADJECTIVES,
        *NOUN_MODIFIERS,
    )
)


@dataclass(slots=True)
class Mention:
    """One count of weapons with its role ('launched', 'shot_down', ...) and attachments."""

    quantity: Quantity
    kind: WeaponKind | None
    role: Role
    verb: int
    verb_end: int
    side: Side | None = None
    place: str | None = None
    bare: bool = False
    another: bool = False
    remainder: bool = False  # 'other 19', 'the remaining 12': the rest of a count already given
    listed: bool = False  # '..., 17 over the Sea of Azov': one item of a list of sub-counts
    total: bool = False  # 'put the night's total at 337': the whole of what was counted before
    models: tuple[str, ...] = ()
    attacker: Side | None = None
    impact: bool = False  # '3 drones hit targets': a count of what got through, not launched


@dataclass(frozen=True, slots=True)
class Noun:
    """The weapon noun phrase after a number."""

    kind: WeaponKind
    side: Side | None
    models: tuple[str, ...]
    end: int


def _noun_at(
    low: Sequence[str], j: int, kind: WeaponKind, side: Side | None, models: list[str]
) -> Noun | None:
    """The noun at j, with 'and decoys' (same kind) and an owner ('of the Kyiv regime') after it."""
    end = j + 1
    after = tuple(low[end : end + 2])
    post = WEAPON_ALIASES.get(after) or WEAPON_ALIASES.get(after[:1])
    if post is not None and post[1] == kind:  # 'eight missiles Atacms': the model after its noun
        models = [*models, *post[0]]
        side = "Ukraine" if after[0] in UKRAINIAN_WEAPON_WORDS else side
        end += 2 if after in WEAPON_ALIASES else 1
    joined = WEAPON_NOUNS.get(low[end + 1]) if low[end : end + 1] == ("and",) and end + 1 < len(low) else None
    if joined is not None:  # 'drones and decoys'; 'almost 600 drones and missiles' is a mixed total
        kind, end = (kind if joined == kind else "targets"), end + 2
    if low[end : end + 1] == ("of",):
        k = end + 1
        while k < len(low) and low[k] == "the":
            k += 1
        owner = _SIDE_ADJECTIVES.get(low[k]) if k < len(low) else None
        if owner is not None:  # '21 drones of the Ukrainian armed forces', 'UAVs of the Kyiv regime'
            side, end = owner, k + 1 + (low[k + 1 : k + 2] in (("armed",), ("forces",), ("army",)))
    if low[end : end + 1] in _ATTACK_COUNTS or (
        low[end : end + 1] == ("and",) and low[end + 2 : end + 3] in _ATTACK_COUNTS
    ):
        return None  # '40 drone strikes', '150 missile and drone attacks': attacks are counted
    return Noun(kind, side, tuple(models), end)


def noun_after(low: Sequence[str], k: int) -> Noun | None:
    """'Russian attack drones', 'Shahed-136/131 UAVs', 'Kalibrs' after a number at k."""
    side: Side | None = None
    models: list[str] = []
    model_kind = ""
    tactical = False
    j, n = k, len(low)
    while j < n and j - k < 7:
        word = low[j]
        if word not in _NOUN_PHRASE_WORDS:
            break  # every test below needs the word in one of the tables: most counts end here
        kind = WEAPON_NOUNS.get(word) or PAIR_NOUNS.get((low[j - 1], word))
        if kind is not None:  # 'drones', 'unmanned aerial vehicles', 'air attack means'
            return None if tactical and kind == "drone" else _noun_at(low, j, kind, side, models)
        if word in TACTICAL_DRONES:
            tactical = True  # '251 FPV drones', '23 Lancets': a front-line tally, not an air attack
            j += 1
            continue
        if word in UKRAINIAN_WEAPON_WORDS:
            side = "Ukraine"  # '21 Neptune missiles', 'four Storm Shadow cruise missiles'
        alias = WEAPON_ALIASES.get((word,)) or WEAPON_ALIASES.get(tuple(low[j : j + 2]))
        if alias is not None:
            models.extend(alias[0])
            model_kind = alias[1]
            j += 2 if tuple(low[j : j + 2]) in WEAPON_ALIASES else 1
            continue
        if word in _SIDE_ADJECTIVES:
            side = _SIDE_ADJECTIVES[word]
        elif word not in NOUN_MODIFIERS:
            break
        j += 1
    if tactical:
        return None
    if models and model_kind in STRIKE_KINDS and low[j : j + 1] not in _ATTACK_COUNTS:
        return Noun(model_kind, side, tuple(models), j)  # type: ignore[arg-type]
    return None


def attached_place(low: Sequence[str], j: int, place_at: PlaceLookup, spans: list[RoleSpan]) -> str | None:
    """A place right after the count phrase: '18 over Bryansk', 'destroyed over the Kursk region'."""
    ends = {span.start: span.end for span in spans}
    while j < len(low) and (low[j] in PASSIVE_SKIP or j in ends):
        j = ends.get(j, j + 1)
    if j >= len(low) or low[j] not in _PART_PREPS:
        return None
    j += 1
    while j < len(low) and low[j] in ("the", "russia", "ukraine"):
        j += 1
    return place_at().get(j)


def sentence_quantities(found: list[Quantity], hidden: tuple[int, ...]) -> list[Quantity]:
    """Quantities that may be counts (not a quoted previous record)."""
    if not hidden:
        return found
    return [q for q in found if not any(q.start <= h < q.end for h in hidden)]


def is_another(low: Sequence[str], quantity: Quantity) -> bool:
    """'another 36 drones', 'a further 12', '12 more drones'."""
    before = low[quantity.start - 1] if quantity.start > 0 else ""
    after = low[quantity.end] if quantity.end < len(low) else ""
    return before in ("another", "further", "additional", "other", "remaining") or after == "more"


@dataclass(frozen=True, slots=True)
class _Sentence:
    low: Sequence[str]
    spans: list[RoleSpan]
    place_at: PlaceLookup
    acts: list[tuple[int, Side]]
    first_kind: WeaponKind | None


def _agent_near(low: Sequence[str], spans: list[RoleSpan], start: int) -> Side | None:
    """'drones launched by Ukraine' -> Ukraine; 'shot down by Ukrainian air defence' -> Russia."""
    for k in range(start, min(start + 5, len(low))):
        if low[k] != "by":
            continue
        side = next((SIDE_WORDS[w] for w in low[k + 1 : k + 4] if w in SIDE_WORDS), None)
        roles = [s.role for s in spans if start <= s.start < k]
        return side if not roles or roles[-1] == "launched" else other(side)
    return None


def _attacker(low: Sequence[str], s: _Sentence, mention: Mention, end: int) -> Side | None:
    """Attacker from the verb's subject: 'Russia launched' or 'Ukrainian air defence shot down'."""
    if mention.side is not None:
        return mention.side
    near = _agent_near(low, s.spans, end)
    if near is not None:
        return near
    agent = agent_after(low, mention.verb_end) if mention.verb >= 0 else None
    if mention.role == "launched":
        found = agent or launcher(low, s.acts, mention.verb)
        return found or other(target_after(low, max(mention.verb_end, end)))
    before = min(mention.verb, mention.quantity.start)
    launching = None if agent else _launching_actor(s, before)
    if launching is not None:
        return launching  # 'Russia launched an attack, with air defences destroying all eight'
    shooter = agent or actor_before(s.acts, before)
    return other(shooter or reporter(low, s.acts))


def _launching_actor(s: _Sentence, before: int) -> Side | None:
    """The actor before ``before`` when a launch verb stands between it and ``before``."""
    found = [(p, side) for p, side in s.acts if p < before]
    if not found:
        return None
    position, side = found[-1]
    launched = any(span.role == "launched" and position < span.start < before for span in s.spans)
    k = position - 1
    while k > 0 and s.low[k] == "the":
        k -= 1
    agent = s.low[k] == "by" and any(span.role == "launched" and span.end == k for span in s.spans)
    return side if launched or agent else None  # 'launched by the enemy, 106 were shot down'


def _parts_follow(low: Sequence[str], end: int) -> bool:
    """A later 'N of them' in the sentence: the count before it is the whole."""
    rest = low[end : end + 12]
    return any(
        rest[k] == "of" and rest[k + 1] in _OF_PART and rest[k - 1][:1].isdigit()
        for k in range(1, len(rest) - 1)
    )


def _whole(low: Sequence[str], q: Quantity) -> bool:
    """'most of the 135 drones', 'some of the 40': the count is the whole that was launched."""
    return q.start >= 3 and low[q.start - 2 : q.start] == ("of", "the") and low[q.start - 3] in WHOLE_OF


def _counted(s: _Sentence, q: Quantity, noun: Noun) -> Mention | None:
    verb = find_role(s.low, s.spans, q.start, noun.end)
    if verb is None and _parts_follow(s.low, noun.end):
        verb = RoleSpan(q.start, q.start, "launched")  # 'it was 48 Shaheds; 40 of them were taken down'
    if verb is not None and _whole(s.low, q):
        verb = RoleSpan(verb.start, verb.end, "launched")
    if verb is None and "of" in s.low[max(0, q.start - 2) : q.start]:
        verb = RoleSpan(q.start, q.start, "launched")  # 'Of the 145 drones, 62 were shot down'
    if verb is None or verb.role == "block":
        return None
    place = attached_place(s.low, noun.end, s.place_at, s.spans)
    mention = Mention(q, noun.kind, verb.role, verb.start, verb.end, noun.side, place)
    mention.another = is_another(s.low, q) or s.low[q.start] == "another"  # 'another KAB'
    mention.remainder = s.low[q.start - 1 : q.start] in _REMAINDER
    mention.models = noun.models
    mention.attacker = _attacker(s.low, s, mention, noun.end)
    return mention


def _bare(s: _Sentence, q: Quantity, previous: Mention | None) -> Mention | None:
    """A count without its own noun: '76 were shot down', '48 of them', 'two over Voronezh'."""
    low, j = s.low, q.end
    part = j + 1 < len(low) and low[j] in ("of", "from") and low[j + 1] in _OF_PART
    named = low[j : j + 2] == ("of", "the") and j + 2 < len(low) and low[j + 2] in WEAPON_NOUNS
    part = part or named  # '47 of the drones over Rostov'
    relative = _relative(low, q.start)
    unit = j < len(low) and low[j] in _UNIT_WORDS  # '810 unit' (machine translation)
    after = j + 3 if named else j + 2 if part else j + 1 if unit else j
    place = attached_place(low, after, s.place_at, s.spans)
    verb = find_role(low, s.spans, q.start, after, part=True)
    part = part or relative
    if verb is None and part:  # '10 of them over Kyiv and 14 over Dnipro were shot down'
        verb = _outcome_after(s, after)
    direct = _span_at(s, after)
    if direct is not None and direct.role == "launched" and not part and low[after] not in ATTACK_NOUNS:
        verb = direct  # 'the air force counted 54 launched by Russia and 52 brought down'
    listed = _listed(low, q, after, previous)
    total = _total_at(low, q.start)
    if total:  # the total's role is the count's before it, or the article's (see drafts)
        verb = (
            RoleSpan(previous.verb, previous.verb_end, previous.role)
            if previous
            else RoleSpan(j, j, "launched")
        )
        place = None
    if (verb is None or listed) and (place is not None or listed) and previous is not None:
        verb = RoleSpan(previous.verb, previous.verb_end, previous.role)  # '..., 17 over Rostov'
    if (
        verb is None
        or verb.role == "block"
        or not (part or unit or place or listed or total or verb.start >= j or _outcome_object(low, verb, q))
    ):
        return None
    kind = previous.kind if previous is not None else _kind_before(low, q.start) or s.first_kind
    role: Role = "shot_down" if q.value == 0 else verb.role
    mention = Mention(q, kind, role, verb.start, verb.end, None, place, bare=True, listed=listed)
    mention.total = total
    mention.another = is_another(low, q)
    mention.remainder = low[q.start - 1 : q.start] in _REMAINDER
    inherited = previous.attacker if previous is not None else None
    mention.attacker = inherited or _attacker(low, s, mention, after)
    return mention


def _outcome_object(low: Sequence[str], verb: RoleSpan, q: Quantity) -> bool:
    """'Air defence shot down 7; one hit ...': an outcome verb's object that ends its clause."""
    ends = q.end >= len(low) or low[q.end] in (";", ",", ".", ":", "-", "–", "—")
    return ends and verb.end == q.start and verb.role in ("shot_down", "suppressed", "neutralized")


def _total_at(low: Sequence[str], start: int) -> bool:
    """'put the night's total over Russian regions at 337', 'brought the tally to 43'."""
    if start < 2 or low[start - 1] not in ("at", "to"):
        return False
    return not TOTAL_WORDS.isdisjoint(low[max(0, start - 9) : start - 1])


def _relative(low: Sequence[str], start: int) -> bool:
    """'171 drones, of which its air defence shot down 75': a part of the count before."""
    window = low[max(0, start - 8) : start]
    return any(
        window[k] == "of" and window[k + 1] in _OF_PART and k > 0 and window[k - 1] == ","
        for k in range(len(window) - 1)
    )


def _kind_before(low: Sequence[str], start: int) -> WeaponKind | None:
    """The weapon noun nearest before a bare count ('drones went for Kryvyi Rih ... 17 of them')."""
    return next(filter(None, map(WEAPON_NOUNS.get, reversed(low[:start]))), None)  # looked up in C


def _listed(low: Sequence[str], q: Quantity, after: int, previous: Mention | None) -> bool:
    """'47 UAVs over Rostov, 8 over Krasnodar and 17 over the Sea of Azov': a list item."""
    if previous is None or previous.verb < 0 or q.start == 0 or after >= len(low):
        return False
    return low[q.start - 1] in (",", "and") and low[after] in _PART_PREPS


def _outcome_after(s: _Sentence, start: int) -> RoleSpan | None:
    """'104 of the 131 drones launched by Russian forces overnight were shot down': the outcome
    verb a few words on, past the launch clause."""
    for span in s.spans:
        if span.start >= start and span.role != "launched":
            gap = s.low[start : span.start]
            return span if len(gap) <= 10 and ";" not in gap else None
    return None


def _whole_only(s: _Sentence, total: Quantity, noun: Noun) -> list[Mention]:
    """'31 of the 90 drones launched overnight were armed Shaheds': the part is no outcome, but
    the whole was launched."""
    span = _span_at(s, noun.end)
    if span is None or span.role != "launched":
        return []
    whole = Mention(total, noun.kind, "launched", span.start, span.end, noun.side, None, models=noun.models)
    whole.attacker = _attacker(s.low, s, whole, noun.end)
    return [whole]


def _span_at(s: _Sentence, start: int) -> RoleSpan | None:
    return next((span for span in s.spans if span.start == start), None)


def _of_pair(s: _Sentence, part: Quantity, total: Quantity) -> list[Mention]:
    """'62 of the 145 drones were neutralized': a part and the launched total it belongs to."""
    noun = noun_after(s.low, total.end)
    if noun is None:
        return []
    verb = find_role(s.low, s.spans, part.start, noun.end, part=True) or _outcome_after(s, noun.end)
    if verb is None or verb.role == "block":
        return _whole_only(s, total, noun)
    role: Role = "shot_down" if part.value == 0 else verb.role
    first = Mention(part, noun.kind, role, verb.start, verb.end, noun.side, None)
    first.models = noun.models
    first.attacker = _attacker(s.low, s, first, noun.end)
    whole = Mention(total, noun.kind, "launched", -1, -1, noun.side, None, models=noun.models)
    whole.attacker = first.attacker
    return [whole, first]


def _coordinated(s: _Sentence, waiting: list[tuple[Quantity, Noun]], found: Mention) -> list[Mention]:
    """Counts joined by 'and' to a later count share its verb."""
    shared: list[Mention] = []
    for q, noun in waiting:
        mention = Mention(q, noun.kind, found.role, found.verb, found.verb_end, noun.side, None)
        mention.models = noun.models
        mention.attacker = _attacker(s.low, s, mention, noun.end)
        shared.append(mention)
    return shared


def _of_link(low: Sequence[str], q: Quantity, nxt: Quantity) -> bool:
    """'62 of the 145', '6 from 9' (machine translation), '51 out of the 64', '14 UAVs from 17
    UAVs' (the noun told with both counts)."""
    k = q.end
    while (
        k < min(q.end + 3, len(low))
        and k < nxt.start
        and (low[k] in WEAPON_NOUNS or low[k] in NOUN_MODIFIERS)
    ):
        k += 1
    if k > q.end and (k >= len(low) or low[k] != "from" or low[k - 1] not in WEAPON_NOUNS):
        k = q.end  # only machine translation's '14 UAVs from 17 UAVs' tells the noun twice
    k = k + 1 if low[k : k + 2] == ("out", "of") else k
    if k >= len(low) or low[k] not in ("of", "from"):
        return False
    return nxt.start == k + 1 or (nxt.start == k + 2 and low[k + 1] == "the")


def _first_kind(low: Sequence[str]) -> WeaponKind | None:
    return next(filter(None, map(WEAPON_NOUNS.get, low)), None)  # every kind is a non-empty word


def find_mentions(
    low: Sequence[str],
    place_at: PlaceLookup,
    hidden: tuple[int, ...] = (),
    parsed: list[Quantity] | None = None,
) -> list[Mention]:
    """Every counted weapon mention of a sentence with a role, in order."""
    quantities = sentence_quantities(find_quantities(low) if parsed is None else parsed, hidden)
    quantities = _with_wholes(low, [q for q in quantities if low[q.start - 1 : q.start] not in _EVERY])
    if not quantities:
        return []
    s = _Sentence(low, role_spans(low), place_at, actors(low), _first_kind(low))
    mentions: list[Mention] = []
    waiting: list[tuple[Quantity, Noun]] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and _of_link(low, q, nxt):
            mentions.extend(_of_pair(s, q, nxt))
            i += 2
            continue
        noun = noun_after(low, q.end)
        previous = mentions[-1] if mentions else None
        found = _counted(s, q, noun) if noun is not None else _bare(s, q, previous)
        if found is not None:
            mentions.extend(_coordinated(s, waiting, found))
            mentions.append(found)
            waiting = []
        elif noun is not None and noun.end < len(low) and low[noun.end] in ("and", ","):
            waiting.append((q, noun))  # '300 drones and 30 missiles were launched'
        else:
            waiting = []
        i += 1
    mentions.extend(_all_of(s, mentions))
    for mention in mentions:
        if _suppression_agent(low, mention):
            mention.role = "suppressed"
    _share_sides(mentions)
    return mentions


def _launched_before(low: Sequence[str], i: int) -> bool:
    """'launched 112 drones and a missile', 'dropped a guided bomb' - not 'a Russian missile hit'."""
    return low[i - 1 : i] == ("and",) or any(
        ROLE_PHRASES.get((w,)) == "launched" for w in low[max(0, i - 4) : i]
    )


def _single_weapon(low: Sequence[str], k: int) -> Noun | None:
    """'a ballistic missile', 'another KAB' - but not 'a drone attack' (an attack, not a count)."""
    noun = noun_after(low, k)
    if noun is None or low[noun.end - 1] not in _SINGULAR:
        return None
    return None if _ATTACK_AFTER.intersection(low[noun.end : noun.end + 3]) else noun


def _counted_one(low: Sequence[str], i: int, k: int) -> bool:
    """'another KAB', 'launched ... and a missile', 'a drone ... was shot down': one weapon."""
    single = _single_weapon(low, k)
    if single is None:
        return False
    return (
        low[i] == "another"
        or _launched_before(low, i)
        or _outcome_follows(low, single.end)
        or _outcome_before(low, i)
    )


_OUTCOMES = ("shot_down", "suppressed", "neutralized")


def _outcome_before(low: Sequence[str], i: int) -> bool:
    """'shot down a HIMARS rocket and destroyed 106 drones', 'shot down nine rockets, a Neptune
    missile and 72 UAVs': the object of an outcome verb right before it, or an item of that verb's
    list, in a tally that counts other weapons with figures ('a Patriot shot down a Kinzhal over
    Kyiv' alone is left to the weapon facts); with air defence as the subject ('air defences
    destroyed a UAV', 'our defenders shot down an enemy Shahed') one is counted alone."""
    tally = any(w[:1].isdigit() for w in low)
    for k in range(max(0, i - 4), i):
        if ROLE_PHRASES.get(tuple(low[k:i])) in _OUTCOMES:
            return tally or (k > 0 and low[k - 1] in DEFENCE_SUBJECTS)
    if not tally:
        return False
    if low[i - 1 : i] not in ((",",), ("and",)):
        return False
    for k in range(i - 1, max(0, i - 20), -1):
        if low[k] in (";", ":", "."):
            return False
        if (
            ROLE_PHRASES.get((low[k],)) in _OUTCOMES
            or ROLE_PHRASES.get(tuple(low[k - 1 : k + 1])) in _OUTCOMES
        ):
            return True
    return False


def _outcome_follows(low: Sequence[str], j: int) -> bool:
    """'a Ukrainian drone heading for Moscow had been jammed': the subject's outcome verb
    follows within its clause."""
    for k in range(j, min(j + 10, len(low))):
        if low[k] in _CLAUSE_STOPS or low[k][:1].isdigit():
            return False
        for size in (4, 3, 2, 1):
            role = ROLE_PHRASES.get(tuple(low[k : k + size]))
            if role is not None and role not in ("launched", "block"):
                return True
    return False


def _launch_word(low: Sequence[str], k: int) -> bool:
    return k < len(low) and ROLE_PHRASES.get((low[k],)) == "launched"


def _weapon_noun_after(low: Sequence[str], j: int) -> bool:
    """A weapon noun at j, after at most two modifiers ('cruise missiles', 'Kh-101 missiles')."""
    for k in range(j, min(j + 3, len(low))):
        if low[k] in WEAPON_NOUNS:
            return True
        if low[k] not in NOUN_MODIFIERS:
            return False
    return False


def _with_wholes(low: Sequence[str], quantities: list[Quantity]) -> list[Quantity]:
    """'both missiles' (2) and 'none of which' (0) as counts beside the parsed numbers."""
    extra: list[Quantity] = []
    if _WHOLE_WORDS.isdisjoint(low):
        return quantities
    # the words tested below, picked in C
    for i in compress(range(len(low) - 1), map(_WHOLE_FIRSTS.__contains__, low)):
        word, nxt = low[i], low[i + 1]
        if word == "both" and (nxt == "of" or _weapon_noun_after(low, i + 1)):
            extra.append(Quantity(i, i + 1, 2))  # 'both missiles', 'both cruise missiles'
        elif word in ("none", "neither") and nxt == "of" and low[i + 2 : i + 3] and low[i + 2] in _OF_PART:
            extra.append(Quantity(i, i + 1, 0))
        elif word in ("a", "the") and nxt in _ORDINALS and _launch_word(low, i + 2):
            extra.append(Quantity(i, i + 2, _ORDINALS[nxt]))  # 'two were shot down, a third struck'
        elif word in _ONE_WORDS and _counted_one(low, i, i + 1 + (nxt == "single")):
            extra.append(Quantity(i, i + 1 + (nxt == "single"), 1))  # 'a single drone'

    if not extra:
        return quantities
    return sorted([*quantities, *extra], key=lambda q: q.start)


def _all_of(s: _Sentence, mentions: list[Mention]) -> list[Mention]:
    """'all 35 drones launched ... were destroyed', 'destroying all eight drones', 'both of the
    missiles': the whole count is both launched and put out of action."""
    added: list[Mention] = []
    for m in mentions:
        q = m.quantity
        whole = s.low[q.start] == "both" or (q.start > 0 and s.low[q.start - 1] == "all")
        if not whole or m.bare:
            continue
        role: Role | None = "launched" if m.role != "launched" else None
        if role is None:
            span = _outcome_after(s, q.end)
            role = span.role if span is not None else None
        if role is not None and role != "block":
            twin = Mention(q, m.kind, role, m.verb, m.verb_end, m.side, None, models=m.models)
            twin.attacker = m.attacker
            added.append(twin)
    return added + _all_of_them(s, mentions)


def _whole_reference(low: Sequence[str], i: int) -> int:
    """Length of 'all of them', 'every one of them' or 'all' before 'were' at i, else 0."""
    size = 2 if low[i : i + 2] == ("all", "of") else 3 if low[i : i + 3] in _EVERY_ONE_OF else 0
    if size:
        return size + 1 if low[i + size : i + size + 1] in _OF_PART_TOKENS else 0
    return 1 if low[i] == "all" and low[i + 1 : i + 2] in _AUXILIARY_AFTER else 0


def _all_of_them(s: _Sentence, mentions: list[Mention]) -> list[Mention]:
    """'using 112 drones; all of them were destroyed', 'all were destroyed', 'destroyed every one
    of them': the launched count was put out of action."""
    launched = [m for m in mentions if m.role == "launched" and m.quantity.value is not None]
    added: list[Mention] = []
    if not launched or _ALL_WORDS.isdisjoint(s.low):
        return added
    # only 'all', 'every' and 'each' open a whole reference
    for i in compress(range(len(s.low) - 1), map(_ALL_WORDS.__contains__, s.low)):
        size = _whole_reference(s.low, i)
        if not size:
            continue
        before = next((span for span in s.spans if span.end == i and span.role != "launched"), None)
        span = before or _outcome_after(s, i + size)
        total = launched[-1]
        if span is not None and span.role != "block" and total.quantity.start < i:
            twin = Mention(total.quantity, total.kind, span.role, span.start, span.end, total.side, None)
            twin.attacker = total.attacker
            added.append(twin)
    return added


def _suppression_agent(low: Sequence[str], mention: Mention) -> bool:
    """'taken out by electronic warfare', 'put out of action by EW means': jammed, not shot down."""
    verb = low[mention.verb : mention.verb_end]
    if mention.role not in ("shot_down", "neutralized") or "or" in verb or mention.verb < 0:
        return False
    after: list[str] = []
    for word in low[mention.verb_end : mention.verb_end + 6]:
        if word == "and" and "by" in after:
            return False  # 'by EW assets and mobile fire groups': jammed and shot down alike
        if word in (",", ";", "and") or word[:1].isdigit():
            break  # '62 were shot down and 50 were jammed by EW': the agent is the next clause's
        after.append(word)
    return "by" in after and not SUPPRESSION_AGENTS.isdisjoint(after[after.index("by") :])


def _share_sides(mentions: list[Mention]) -> None:
    """One attack per kind and sentence: an adjective ('48 Russian drones') or the launch's
    attacker names the side of the kind's other counts; a lone known side fills the rest."""
    adjective: dict[WeaponKind | None, set[Side]] = {}
    launched: dict[WeaponKind | None, set[Side]] = {}
    for m in mentions:
        if m.side is not None:
            adjective.setdefault(m.kind, set()).add(m.side)
        if m.role == "launched" and m.attacker is not None:
            launched.setdefault(m.kind, set()).add(m.attacker)
    for m in mentions:
        anchor = adjective.get(m.kind) or (launched.get(m.kind) if m.role != "launched" else None)
        if m.side is None and anchor is not None and len(anchor) == 1:
            m.attacker = next(iter(anchor))
    known = {m.attacker for m in mentions if m.attacker is not None}
    if len(known) == 1:
        for m in mentions:
            m.attacker = m.attacker or next(iter(known))
