"""Strikes: per-sentence drafts from counted mentions, merged across an article's sentences."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from monitor.extract.breakdown import add_mentions, split_total
from monitor.extract.camps import (
    PhraseSet,
    aliased,
    other_story,
    this_war_clauses,
    this_war_text,
    writer_camp,
)
from monitor.extract.context import CLAIM_WORDS, Framing, framing
from monitor.extract.cues import Cue
from monitor.extract.document import Sentence
from monitor.extract.drafter import Drafter
from monitor.extract.drafts import Draft, absorb_repeat, merge_drafts
from monitor.extract.lexicon import (
    ATTACK_NOUNS,
    COMPOUND_HEADS,
    DECOY_WORDS,
    DEFENCE_SUBJECTS,
    FRONT_LINE_DRONES,
    FRONT_LINE_REPORTS,
    IMPACT_NOUNS,
    IMPACT_OBJECTS,
    IMPACT_VERBS,
    ORDINARY_WORD_MODELS,
    REST_WORDS,
    SIDE_WORDS,
    SMALLER,
    WEAPON_NOUNS,
)
from monitor.extract.mentions import Mention, find_mentions
from monitor.extract.revisions import DEFAULT_POLICY, Policy, revise
from monitor.extract.roles import role_spans
from monitor.extract.scorer import SHIPPED, Scorer, draft_features
from monitor.extract.sides import other
from monitor.extract.strike_places import NeighbourPlaces, launch_sites
from monitor.extract.tokens import Tokens
from monitor.models.facts import Side, Strike, WeaponKind

_RECORDISH = re.compile(r"record|larg|bigg|heav|massive|unprecedented")
#: 'a Ukrainian drone was shot down': one weapon counted by its article (checked by the grammar).
_SINGLE = re.compile(
    r"\b(?:an?|single)\s+(?:[\w-]+\s+){0,3}?(?:drone|uav|missile|rocket|bomb)\b(?:\s+([\w-]+))?"
)
ROLES = ("launched", "shot_down", "suppressed", "neutralized")
_MAIN_ORDER = ("launched", "neutralized", "shot_down", "suppressed")
_MAX_EVIDENCE = 800
#: Words that count without a number ("both missiles", "none of them", "another KAB").
COUNT_WORDS = frozenset(("both", "none", "neither", "another", "single"))


def _group(
    mentions: list[Mention],
) -> tuple[dict[tuple[WeaponKind | None, Side | None], list[Mention]], list[Mention]]:
    """Mentions by (kind, attacker); beside a total of targets the kinds' counts are its parts
    ('76 targets: 49 drones and 27 missiles', '741 targets in all')."""
    groups: dict[tuple[WeaponKind | None, Side | None], list[Mention]] = {}
    total = any(mention.kind == "targets" for mention in mentions)
    parts = [m for m in mentions if total and m.kind not in ("targets", None)]
    for mention in mentions:
        if not (total and mention.kind not in ("targets", None)):
            groups.setdefault((mention.kind, mention.attacker), []).append(mention)
    return groups, parts


def _distinct_models(mentions: list[Mention]) -> bool:
    models = [m.models for m in mentions]
    return len(models) > 1 and all(models) and len(set(models)) == len(models)


def _with_decoys(totals: list[Mention], low: Sequence[str]) -> bool:
    """'31 Shahed strike UAVs and 20 imitator drones': strike drones, then decoys, one launch."""

    def decoy(m: Mention) -> bool:  # not a part: 'about fifty of them Gerbera imitators'
        after = low[m.quantity.end : m.quantity.end + 3]
        return "of" not in after[:1] and not DECOY_WORDS.isdisjoint(after)

    return len(totals) > 1 and not decoy(totals[0]) and all(decoy(m) for m in totals[1:])


def _counts(
    mentions: list[Mention], low: Sequence[str]
) -> tuple[dict[str, int], set[str], dict[str, Mention]]:
    counts: dict[str, int] = {}
    parts: set[str] = set()
    main: dict[str, Mention] = {}
    for role in ROLES:
        exact = [m for m in mentions if m.role == role and m.quantity.value is not None]
        totals = [m for m in exact if m.place is None and not m.listed]
        stated = [m for m in exact if m.total]
        if stated:  # 'destroyed 74 over Moscow; the total over Russian regions was put at 337'
            counts[role] = stated[-1].quantity.value or 0
            main[role] = stated[-1]
        elif len(totals) > 1 and (
            _distinct_models(totals) or _with_decoys(totals, low)
        ):  # '6 Kh-101 and 4 Kalibr' is 10
            counts[role] = sum(m.quantity.value or 0 for m in totals)
            main[role] = totals[0]
        elif totals:
            counts[role] = totals[0].quantity.value or 0
            main[role] = totals[0]
        elif exact:
            counts[role] = sum(m.quantity.value or 0 for m in exact)
            parts.add(role)
            main[role] = exact[0]
    return counts, parts, main


def _draft(
    key: tuple[WeaponKind | None, Side | None], mentions: list[Mention], sentence: Sentence
) -> Draft | None:
    if any(m.role != "launched" for m in mentions):  # 'intercepted 75 drones, other 19 hit'
        mentions = [m for m in mentions if not (m.another and m.role == "launched")] or mentions
    counts, parts, main = _counts(mentions, sentence.tokens.low)
    vague = [m.quantity.lower_bound for m in mentions if m.quantity.lower_bound is not None]
    if not counts and not vague:
        return None
    draft = Draft(key[0], key[1], counts, parts, sentence.index)
    draft.lower_bound = None if counts else vague[0]
    first = next((main[r] for r in _MAIN_ORDER if r in main), mentions[0])
    draft.qualifier = first.quantity.qualifier
    if "launched" in main:
        draft.launched_max = main["launched"].quantity.value_max
    draft.another = all(m.another for m in mentions)
    draft.remainder = any(m.remainder for m in mentions)
    draft.total = all(m.total for m in mentions)
    draft.places = [m.place for m in mentions if m.place is not None]
    draft.models = [name for m in mentions for name in m.models]
    draft.evidence = [sentence.text]
    return draft


def _apply_framing(draft: Draft, frame: Framing, main: bool = True) -> None:
    if main:
        draft.record = draft.record or frame.record
        draft.scope = draft.scope or frame.scope
        draft.previous_record = draft.previous_record or frame.previous_record
    draft.time_ref = draft.time_ref or frame.time_ref


def reading(sentence: Sentence, camp: Side) -> Tokens:
    """The sentence as the strike grammar reads it: aliases turned into sides ('the enemy' ->
    'russian' in a Ukrainian text), other wars' clauses and other stories blanked out."""
    low = this_war_clauses(aliased(sentence.tokens.low, camp))
    return Tokens(sentence.tokens.words, low)


def sentence_drafts(sentence: Sentence, frame: Framing, low: Sequence[str]) -> list[Draft]:
    """The strikes one sentence reports (read as ``low``), before merging with its neighbours."""
    if frame.until is not None:
        low = (*low[: frame.until], *["_"] * (len(low) - frame.until))
    if frame.since is not None:  # 'no attack since the start of the war had ...: 54 Shaheds flew'
        low = (*["_"] * frame.since, *low[frame.since :])
    if frame.cumulative or all(word == "_" for word in low):
        return []
    if not sentence.quantities and COUNT_WORDS.isdisjoint(low) and not _single(sentence):
        return []  # no number the grammar can count: skip the places and the parse
    mentions = find_mentions(low, _attack_places(sentence), frame.hidden, sentence.quantities)
    mentions = [m for m in mentions if not _past_or_ordinary(sentence, m, frame)]
    # impacts of a launch told elsewhere are one more report of it, like 'another 19 hit'
    mentions = [replace(m, another=True) if _impacts(low, m) else m for m in mentions]
    mentions = [replace(m, role="shot_down") if _defence_hit(low, m) else m for m in mentions]
    if _front_line_report(low):
        mentions = [m for m in mentions if not _front_line_tally(low, m)]
    groups, parts = _group(mentions)
    drafts = [d for key, ms in groups.items() if (d := _draft(key, ms, sentence)) is not None]
    if not drafts:
        return drafts
    rest = _rest_role(low)
    if rest is not None:  # '25 shaheds, 21 of them shot down, the rest lost locationally'
        _main(drafts).rest = rest
    total = next((d for d in drafts if d.kind == "targets"), None)
    if total is not None:
        add_mentions(total, parts)
    attackers = {d.attacker for d in drafts}
    sites = launch_sites(sentence)
    located = [p.name for p in sentence.places if p.locative and p.start not in sites]
    for draft in drafts:
        _apply_framing(draft, frame, draft is _main(drafts))
        if len(attackers) == 1:
            draft.places.extend(located)
    return drafts


def _attack_places(sentence: Sentence) -> Callable[[], Mapping[int, str]]:
    """The sentence's places by start token, launch sites left out; the gazetteer runs only when
    a count asks for a place."""
    found: list[Mapping[int, str]] = []

    def place_at() -> Mapping[int, str]:
        if not found:
            sites = launch_sites(sentence)
            found.append({k: name for k, name in sentence.place_at().items() if k not in sites})
        return found[0]

    return place_at


def _counts_weapons(sentence: Sentence) -> bool:
    """A number before a weapon or attack noun ('180 missile and drone attacks', '5,446 UAVs')."""
    low = sentence.tokens.low
    return any(
        word in WEAPON_NOUNS or word in ATTACK_NOUNS
        for q in sentence.quantities
        for word in low[q.end : q.end + 4]
    )


def _past_or_ordinary(sentence: Sentence, mention: Mention, frame: Framing) -> bool:
    """Counts that are no new attack: one launched only by a possessive-named attack with no time
    of its own ("Ukraine's record raid on Moscow, with 337 drones, did more damage ..."), and a
    model name that is also an ordinary word written in lower case ('20,000 flamingos')."""
    words = sentence.tokens.words
    q = mention.quantity
    if mention.models and not any(w in WEAPON_NOUNS for w in sentence.tokens.low[q.end : q.end + 4]):
        name = words[q.end] if q.end < len(words) else ""
        if name.lower() in ORDINARY_WORD_MODELS and name.islower():
            return True
    if mention.role != "launched" or frame.time_ref is not None or mention.verb < 0:
        return False
    if sentence.tokens.low[mention.verb] not in ATTACK_NOUNS:
        return False
    start = max(0, mention.verb - 3)
    return any(  # a side's attack: "Ukraine's record raid" (not "Today's attack")
        w.endswith(("'s", "’s")) and low in SIDE_WORDS
        for w, low in zip(words[start : mention.verb], sentence.tokens.low[start : mention.verb], strict=True)
    )


_FRONT_LINE = PhraseSet(FRONT_LINE_REPORTS)


def _impacts(low: Sequence[str], mention: Mention) -> bool:
    """A launched-looking count that counts impacts: 'hits of 13 drones were recorded', '23 strike
    UAVs hit 10 locations' (the count is the subject of 'hit' and a place count or object follows)."""
    q = mention.quantity
    if mention.role != "launched" or low[q.start] in ("a", "the"):  # 'a third struck': an ordinal
        return False
    if not IMPACT_NOUNS.isdisjoint(low[max(0, q.start - 4) : q.start]):
        return True
    if mention.verb <= q.start or low[mention.verb] not in IMPACT_VERBS:
        return False
    after = low[mention.verb_end : mention.verb_end + 3]
    return any(w[:1].isdigit() or w in IMPACT_OBJECTS for w in after)


def _defence_hit(low: Sequence[str], mention: Mention) -> bool:
    """'air defence systems hit 83 Ukrainian UAVs': air defence hitting drones downs them."""
    verb = mention.verb
    if (
        mention.role != "launched"
        or verb < 0
        or verb > mention.quantity.start
        or low[verb] not in IMPACT_VERBS
    ):
        return False
    return verb > 0 and low[verb - 1] in DEFENCE_SUBJECTS


def _front_line_report(low: Sequence[str]) -> bool:
    """A General Staff daily line: it counts shellings or combat engagements."""
    return _FRONT_LINE.found(low)


def _front_line_tally(low: Sequence[str], mention: Mention) -> bool:
    """'used 3,100 kamikaze drones' beside shellings: the front's tally of small drones, and any
    bare part of the tallies ('3,870 shellings, 94 of them from multiple rocket launchers')."""
    q = mention.quantity
    return mention.kind == "drone" and (
        mention.bare or not FRONT_LINE_DRONES.isdisjoint(low[q.end : q.end + 3])
    )


def _says_nothing(sentence: Sentence) -> bool:
    """Cheap test before reading and framing a candidate: no quantity, no count word and no single
    weapon give sentence_drafts nothing to count (aliases and blanked clauses only remove words),
    and without a record word or 'never' framing claims no record and names no previous one, so
    the article would gain nothing from the sentence."""
    low = sentence.tokens.low
    if sentence.quantities or not COUNT_WORDS.isdisjoint(low) or not CLAIM_WORDS.isdisjoint(low):
        return False
    return not (sentence.cues & Cue.STRIKE and _single(sentence))


#: The weapon nouns _SINGLE ends on: without one of them as a substring it cannot match.
_SINGLE_NOUNS = ("drone", "uav", "missile", "rocket", "bomb")


def _single(sentence: Sentence) -> bool:
    """One weapon counted by its article; not a modifier of another noun ('a drone workshop').
    Substring tests first: the pattern opens with no literal, so the regex engine tries it at
    every offset of a sentence that names no weapon at all."""
    if not any(noun in sentence.lower for noun in _SINGLE_NOUNS):
        return False
    return any(m.group(1) not in COMPOUND_HEADS for m in _SINGLE.finditer(sentence.lower))


def _rest_role(low: Sequence[str]) -> str | None:
    """The outcome of 'the rest' ('the rest was lost locationally'), if the sentence tells one."""
    if REST_WORDS.isdisjoint(low):
        return None
    k = next(i for i, word in enumerate(low) if word in REST_WORDS)
    if low[k - 1 : k] != ("the",) or "or" in low[k + 1 : k + 9]:
        return None  # 'the remainder were lost or flew into Belarus': no one fate to count
    spans = [span for span in role_spans(low[k + 1 : k + 6]) if span.role not in ("launched", "block")]
    return spans[0].role if spans else None


def _main(drafts: list[Draft]) -> Draft:
    """The sentence's main strike: a record claim or a previous record is its, not every kind's
    ('a record 810 drones and 13 missiles')."""
    return max(drafts, key=lambda d: max(d.counts.values(), default=0))


def _place_sides(draft: Draft, sides: dict[str, Side | None]) -> Side | None:
    found = {sides.get(name) for name in draft.places} - {None}
    return found.pop() if len(found) == 1 else None


def to_strike(draft: Draft, sides: dict[str, Side | None], default: Side | None = None) -> Strike | None:
    """The final Strike: neutralized filled in, sides completed from places, else ``default``
    (the article's attacker); a strike tied to neither side is not this war's."""
    if draft.kind is None:
        return None
    counts = dict(draft.counts)
    told = counts.get("shot_down", 0) + counts.get("suppressed", 0)
    if draft.rest is not None and draft.rest not in counts and counts.get("launched", 0) > told:
        counts[draft.rest] = counts["launched"] - told - counts.get("neutralized", 0) * (told == 0)
    if "neutralized" not in counts and ("shot_down" in counts or "suppressed" in counts):
        counts["neutralized"] = counts.get("shot_down", 0) + counts.get("suppressed", 0)
    attacker = draft.attacker
    target = other(attacker) if attacker else _place_sides(draft, sides)
    attacker = attacker or other(target) or default
    target = target or other(attacker)
    evidence = " ".join(draft.evidence)[:_MAX_EVIDENCE]
    return Strike(
        weapon=draft.kind,
        models=tuple(dict.fromkeys(draft.models)),
        launched=counts.get("launched"),
        launched_max=draft.launched_max,
        shot_down=counts.get("shot_down"),
        suppressed=counts.get("suppressed"),
        neutralized=counts.get("neutralized"),
        lower_bound=draft.lower_bound,
        attacker=attacker,
        target=target,
        places=tuple(dict.fromkeys(draft.places)),
        qualifier=draft.qualifier,
        record_claim=draft.record,
        record_scope=draft.scope if draft.record else None,
        previous_record=draft.previous_record,
        time_ref=draft.time_ref,
        evidence=evidence,
        theatre="russia-ukraine" if attacker is not None else "other",
        single_attack=draft.verdict,
    )


class _Article:
    """Drafts gathered sentence by sentence, with the framing waiting for the next count."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.sides: dict[str, Side | None] = {}
        self.pending: tuple[int, Framing] | None = None
        self.counted: set[int] = set()  # sentences whose counts gave drafts

    def add(self, sentence: Sentence, frame: Framing, found: list[Draft]) -> None:
        if not found:
            self._frame_only(sentence, frame)
            return
        smaller = not SMALLER.isdisjoint(sentence.tokens.low)  # 'Today's attack was smaller: 144'
        if self.pending is not None and sentence.index - self.pending[0] <= 2 and not smaller:
            for draft in found:
                _apply_framing(draft, self.pending[1], draft is _main(found))
        self.pending = None
        self.counted.add(sentence.index)
        sites = launch_sites(sentence)
        self.sides.update((p.name, p.side) for p in sentence.places if p.start not in sites)
        self.drafts.extend(found)

    def whole(self, sentence: Sentence) -> None:
        """'Air defences destroyed all of them over the Moscow region': the outcome the sentence
        tells is the whole launch the sentence before (or the one before that) counted."""
        if not self.drafts or not _names_whole(sentence.lower):
            return
        last = self.drafts[-1]
        spans = [s for s in role_spans(sentence.tokens.low) if s.role not in ("launched", "block")]
        if sentence.index - last.sentence > 2 or "launched" not in last.counts or not spans:
            return
        if spans[0].role not in last.counts:
            last.counts[spans[0].role] = last.counts["launched"]
            last.evidence.append(sentence.text)

    def _frame_only(self, sentence: Sentence, frame: Framing) -> None:
        """A sentence without counts: its previous record joins the claimed attack ('The previous
        record, 728, was set in July.'); its record claim waits for the next count."""
        if frame.previous_record is not None and self.drafts:
            claimed = next((d for d in reversed(self.drafts[-12:]) if d.record), self.drafts[-1])
            claimed.previous_record = claimed.previous_record or frame.previous_record
        if frame.record and not frame.cumulative:
            self.pending = (sentence.index, frame)


def set_aside(sentences: list[Sentence], scorer: Scorer = SHIPPED) -> list[str]:
    """The counts ``scorer`` drops as no single attack's, each with its verdict, for explain:
    '800 glide_bomb in sentence 1: p=0.12: kinds:many -1.01, ...'."""
    lines: list[str] = []

    def note(draft: Draft, features: list[str], gated: bool) -> None:
        verdict = scorer.verdict(features)
        if not gated and not verdict.keep:
            size = max(draft.counts.values(), default=draft.lower_bound)
            lines.append(f"{size} {draft.kind} in sentence {draft.sentence}: {verdict.text()}")

    find_strikes(sentences, scorer=None, observe=note)
    return lines


def _candidates(sentences: list[Sentence]) -> tuple[list[Sentence], set[int]]:
    """The sentences the strike grammar reads, and those among them with a record word."""
    cut = next((s.index for s in sentences if ":" in s.text[:32] and other_story(s.text)), None)
    candidates: list[Sentence] = []
    recordish: set[int] = set()
    for s in sentences:
        if not s.cues & (Cue.STRIKE | Cue.EVENT) or (cut is not None and s.index >= cut):
            continue
        if _RECORDISH.search(s.lower):
            recordish.add(s.index)
        strike = s.cues & Cue.STRIKE
        if s.has_number or s.index in recordish or (strike and (_single(s) or _names_whole(s.lower))):
            candidates.append(s)
    return candidates, recordish


#: 'destroyed all of them': the outcome of every weapon the sentence before counted.
_WHOLE = ("all of them", "every one of them", "each of them", "all of the drones", "all the drones")


def _names_whole(lower: str) -> bool:
    return any(phrase in lower for phrase in _WHOLE)


#: Sees every draft the scorer reads: the draft, its features, and whether the grammar had
#: already set it aside as a period total (the scorer's training reads those too).
Observer = Callable[[Draft, list[str], bool], None]


def _judged(
    found: list[Draft],
    sentence: Sentence,
    low: Sequence[str],
    scorer: Scorer | None,
    observe: Observer | None,
) -> list[Draft]:
    """The drafts the scorer takes for one attack's counts, each carrying its verdict."""
    if scorer is None and observe is None:
        return found
    kept: list[Draft] = []
    for draft in found:
        features = draft_features(draft, low, sentence.quantities, len(found))
        if observe is not None:
            observe(draft, features, False)
        if scorer is not None:
            verdict = scorer.verdict(features)
            if not verdict.keep:
                continue
            draft.verdict = verdict.text()
        kept.append(draft)
    return kept


def _observe_gated(sentence: Sentence, frame: Framing, low: Sequence[str], observe: Observer) -> None:
    """Show the observer what a period total would have counted (examples of what is no attack)."""
    gated = sentence_drafts(sentence, replace(frame, cumulative=False), low)
    for draft in gated:
        observe(draft, draft_features(draft, low, sentence.quantities, len(gated)), True)


def find_strikes(
    sentences: list[Sentence],
    scorer: Scorer | None = SHIPPED,
    observe: Observer | None = None,
    drafter: Drafter | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> tuple[Strike, ...]:
    """All strikes of an article, one per attack however many sentences report it; ``scorer``
    drops drafts whose count it does not take for one attack's, ``drafter`` revises the finished
    strikes as ``policy`` allows (None here: the grammar alone; extract() passes the shipped one)."""
    candidates, recordish = _candidates(sentences)
    # every sentence about the attack speaks for the camp: 'the Kyiv regime' often stands in one
    # with no count
    camp = writer_camp(s.lower for s in sentences if s.cues & (Cue.STRIKE | Cue.EVENT))
    article = _Article()
    carry = -1  # the sentence right after a period total, which it frames too unless it says when
    for sentence in candidates:
        if not sentence.cues & Cue.STRIKE and sentence.index not in recordish:
            continue  # an attack word without a weapon count only matters for a record claim
        if _says_nothing(sentence):
            article.whole(sentence)  # 'Air defences destroyed all of them': no count of its own
            continue  # neither a count nor a claim: its reading and framing would go unused
        tokens = reading(sentence, camp)
        frame = framing(tokens)
        if sentence.index == carry and frame.time_ref is None and not frame.record:
            frame = replace(frame, cumulative=True)  # 'Since January, ... Among the weapons were 11 Kinzhals'
        carry = sentence.index + 1 if frame.cumulative and _counts_weapons(sentence) else carry
        found = sentence_drafts(sentence, frame, tokens.low) if sentence.cues & Cue.STRIKE else []
        if not sentence.has_number:  # 'a Ukrainian drone was shot down': only an outcome counts alone
            found = [d for d in found if set(d.counts) - {"launched"}]
        if observe is not None and frame.cumulative and sentence.cues & Cue.STRIKE:
            _observe_gated(sentence, frame, tokens.low, observe)
        article.add(sentence, frame, _judged(found, sentence, tokens.low, scorer, observe))
    merged = _merged(article, sentences)
    default = _article_attacker(merged, camp, candidates, sentences)
    strikes = tuple(s for d in merged if (s := to_strike(d, article.sides, default)) is not None)
    return strikes if drafter is None else revise(strikes, sentences, drafter, policy)


def _merged(article: _Article, sentences: list[Sentence]) -> list[Draft]:
    """The article's drafts merged into one per attack, with places from neighbouring sentences
    where a count names none, and totals split by kind."""
    merged: list[Draft] = []
    neighbours = NeighbourPlaces(sentences, article.counted)
    for draft in merge_drafts(article.drafts):
        if not draft.places:  # '... 48 drones. Debris fell in Kharkiv and Sumy oblasts.'
            draft.places = neighbours.places(draft)
        parts = split_total(draft)
        # a total split by kind may repeat a headline's per-kind figures ('122 missiles and 36 Shaheds')
        merged.extend(p for p in parts if len(parts) == 1 or not absorb_repeat(merged, p))
    return merged


def _article_attacker(
    drafts: list[Draft], camp: Side, sentences: list[Sentence], everything: list[Sentence]
) -> Side | None:
    """Who attacks in this article when a count's own sentence does not say: the side most of its
    strikes name, else the side the writer's camp is attacked by, if the article is this war's."""
    named = [d.attacker for d in drafts if d.attacker is not None]
    if named:
        # a tie goes to the side named first (never to set order, which the hash seed decides)
        return max(dict.fromkeys(named), key=named.count)
    # a text in the Russian camp's words ('the Kyiv regime', 'fixed-wing UAVs') is this war's
    tied = (
        camp == "Russia" or any(s.places for s in sentences) or any(this_war_text(s.text) for s in everything)
    )
    return other(camp) if tied else None
