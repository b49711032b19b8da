"""Word sets the extractor reads: strike words from vocab/strikes.yaml, troop words, dates."""

from __future__ import annotations

from typing import Literal

from monitor.extract.vocabulary import strike_vocabulary, tokens_of
from monitor.models.facts import Side, WeaponKind


def words(text: str) -> frozenset[str]:
    """A word set written as one space-separated string."""
    return frozenset(text.split())


Role = Literal["launched", "shot_down", "suppressed", "neutralized", "block"]

_VOCAB = strike_vocabulary()

#: Nouns naming what was launched, by the weapon kind they count.
WEAPON_NOUNS: dict[str, WeaponKind] = {w: kind for kind, ws in _VOCAB.weapon_nouns.items() for w in ws}

#: Two-word nouns by their last word: ('aerial', 'vehicles') counts drones.
PAIR_NOUNS: dict[tuple[str, str], WeaponKind] = {
    (first, last): kind
    for kind, phrases in _VOCAB.pair_nouns.items()
    for first, _, last in (p.partition(" ") for p in phrases)
}

#: Words allowed between a count and its weapon noun ("145 Russian attack drones").
NOUN_MODIFIERS = frozenset(_VOCAB.noun_modifiers)

SIDE_WORDS: dict[str, Side] = {w: side for side, ws in _VOCAB.sides.items() for w in ws}

#: Token phrases that give a count its role; the longest phrase wins at each position.
ROLE_COMPOUNDS = frozenset(tokens_of(p) for p in _VOCAB.role_compounds)
ADJACENT_ROLES = frozenset(tokens_of(p) for p in _VOCAB.adjacent_roles)
ROLE_PHRASES: dict[tuple[str, ...], Role] = {
    tokens_of(phrase): role  # type: ignore[misc]
    for role, phrases in _VOCAB.roles.model_dump().items()
    for phrase in phrases
}

#: Words that make the following verb hypothetical ("could launch 1,000 drones").
MODALS = frozenset(_VOCAB.modals)

#: Quantities right after these are cumulative totals or rates, not one attack.
CUMULATIVE_AFTER_SINCE = frozenset(_VOCAB.period.after_since)
RATE_UNITS = frozenset(_VOCAB.period.rate_units)
#: 'over the past year' is a cumulative total; 'over the past day' is one daily report.
LONG_PERIODS = frozenset(_VOCAB.period.long_periods)
SEASONS = frozenset(_VOCAB.period.seasons)
PERIOD_PHRASES = frozenset(tokens_of(p) for p in _VOCAB.period.phrases)
EARLIER_NIGHTS = frozenset(tokens_of(p) for p in _VOCAB.period.earlier_nights)
MONTHS = words(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")

RECORD_SUPERLATIVES = frozenset(_VOCAB.records.superlatives)
ATTACK_NOUNS = frozenset(_VOCAB.records.attack_nouns)
SURPASS_WORDS = frozenset(_VOCAB.records.surpass)
RECORD_HEDGES = frozenset(tokens_of(p) for p in _VOCAB.records.hedges)
PREVIOUS_WORDS = frozenset(_VOCAB.records.previous)
PREVIOUS_POSSESSIVE = frozenset(_VOCAB.records.previous_possessive)
SINCE_WAR = frozenset(_VOCAB.records.since_war)
SET_EARLIER = frozenset(tokens_of(p) for p in _VOCAB.records.set_earlier)
WHOLE_OF = frozenset(_VOCAB.records.whole_of)
SMALLER = frozenset(_VOCAB.records.smaller)
NEVER_COMPARATIVES = frozenset(tokens_of(p) for p in _VOCAB.records.never_comparatives)
TACTICAL_DRONES = frozenset(_VOCAB.tactical_drones)
COMPOUND_HEADS = frozenset(_VOCAB.compound_heads)
IMPACT_NOUNS = frozenset(_VOCAB.impact_nouns)
IMPACT_VERBS = frozenset(_VOCAB.impact_verbs)
IMPACT_OBJECTS = frozenset(_VOCAB.impact_objects)
DEFENCE_SUBJECTS = frozenset(_VOCAB.defence_subjects)
DECOY_WORDS = frozenset(_VOCAB.decoy_words)
LAUNCH_SITE_GLUE = frozenset(_VOCAB.launch_site_glue)
FRONT_LINE_REPORTS = frozenset(tokens_of(p) for p in _VOCAB.front_line_reports)
FRONT_LINE_DRONES = frozenset(_VOCAB.front_line_drones)
#: Agents of an outcome that make it jamming: 'taken out by electronic warfare'.
SUPPRESSION_AGENTS = frozenset(_VOCAB.suppression_agents)
#: 'put the night's total at 337': nouns of a total that sums the reports before it.
TOTAL_WORDS = frozenset(_VOCAB.total_words)
#: Weapon names that are ordinary words too: a weapon only when written with a capital.
ORDINARY_WORD_MODELS = frozenset(_VOCAB.ordinary_word_models)
#: 'in eastern Ukraine': a side word after a preposition and one of these is a place.
REGION_ADJECTIVES = frozenset(_VOCAB.region_adjectives)
#: 'the rest was lost locationally': the launched count less the outcomes already told.
REST_WORDS = frozenset(_VOCAB.rest_words)
#: Words of Ukraine's long-range weapons' names: a count of these was launched by Ukraine.
UKRAINIAN_WEAPON_WORDS = frozenset(w for p in _VOCAB.ukrainian_weapons for w in p.split()) - {"long"}

TROOP_NOUNS = words(
    "troops soldiers soldier fighters mercenaries mercenary recruits personnel servicemen "
    "forces force peacekeepers contingent contingents battalion battalions brigade brigades "
    "units conscripts volunteers combatants infantry army instructors"
)
