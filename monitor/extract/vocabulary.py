"""The strike vocabulary (vocab/strikes.yaml): loaded once, checked strictly, errors at file:line:col."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from monitor.models.facts import Side, WeaponKind
from monitor.yamldoc import ProblemsError, load_document

VOCAB_DIR = Path(__file__).resolve().parent / "vocab"
STRIKES_FILE = VOCAB_DIR / "strikes.yaml"

Phrase = tuple[str, ...]


def _phrase(text: str) -> str:
    if not text.strip():
        raise ValueError("a phrase must not be empty")
    if text != text.lower():
        raise ValueError(f"write phrases in lowercase: {text!r}")
    return " ".join(text.split())


Word = Annotated[str, AfterValidator(_phrase)]
_STRICT = ConfigDict(frozen=True, extra="forbid")


class Roles(BaseModel):
    """Phrases that give a count its role."""

    model_config = _STRICT

    launched: list[Word] = Field(description="Launch verbs and nouns: 'launched', 'a barrage of'.")
    shot_down: list[Word] = Field(description="Destroyed, intercepted and destroyed, downed.")
    neutralized: list[Word] = Field(description="Totals put out of action: 'shot down or suppressed'.")
    suppressed: list[Word] = Field(description="Jammed, 'locationally lost', electronic warfare.")
    block: list[Word] = Field(description="Verbs whose counts are never an attack: 'produced'.")


class Period(BaseModel):
    """Markers of period and cumulative totals."""

    model_config = _STRICT

    after_since: list[Word] = Field(description="'since the start/February/2022': cumulative.")
    rate_units: list[Word] = Field(description="'a night', 'per day': rates, not one attack.")
    long_periods: list[Word] = Field(description="'over the past year/weeks': cumulative.")
    seasons: list[Word] = Field(description="'this/last year/winter': cumulative.")
    phrases: list[Word] = Field(description="Whole phrases marking a period total.")
    earlier_nights: list[Word] = Field(
        description="Opening a sentence, an earlier night's attack: 'The night before, Russia launched 44'."
    )


class Records(BaseModel):
    """Record claims, hedged superlatives and previous records."""

    model_config = _STRICT

    superlatives: list[Word] = Field(description="Words claiming a record: 'largest'.")
    attack_nouns: list[Word] = Field(description="Nouns a superlative must qualify: 'attack'.")
    surpass: list[Word] = Field(description="'surpassing the previous record of N'.")
    hedges: list[Word] = Field(description="Before a superlative, no claim: 'one of the'.")
    previous: list[Word] = Field(description="'previous record', 'earlier record'.")
    previous_possessive: list[Word] = Field(description="'last month's record of N'.")
    since_war: list[Word] = Field(description="'largest since the start of the war' stays a claim.")
    set_earlier: list[Word] = Field(description="'the record of N, set in July': a quoted record.")
    smaller: list[Word] = Field(description="'Today's attack was smaller': no record claim.")
    never_comparatives: list[Word] = Field(description="'never faced a larger attack': a record claim.")
    whole_of: list[Word] = Field(description="'most of the N drones': N is the whole launched.")


class StrikeVocabulary(BaseModel):
    """Every word the strike grammar reads; the code holds structure only."""

    model_config = _STRICT

    weapon_nouns: dict[WeaponKind, list[Word]] = Field(description="Nouns counted, by weapon kind.")
    pair_nouns: dict[WeaponKind, list[Word]] = Field(
        description="Two-word nouns counted by their last word: 'aerial vehicles', 'attack means'."
    )
    noun_modifiers: list[Word] = Field(description="Words allowed between a count and its noun.")
    sides: dict[Side, list[Word]] = Field(description="Words naming a side.")
    attacker_aliases: dict[Side, list[Word]] = Field(
        description="What a side's own bulletins call the other side, by the side meant."
    )
    camp_relative: list[Word] = Field(description="Aliases meaning Ukraine in a Russian-camp text.")
    russian_camp_markers: list[Word] = Field(description="Phrases of texts from the Russian camp.")
    ukrainian_camp_markers: list[Word] = Field(
        description="Phrases of Ukrainian bulletins that name no side: 'the Air Forces command', 'OVA'."
    )
    roles: Roles
    modals: list[Word] = Field(description="Words that make a verb hypothetical.")
    adjacent_roles: list[Word] = Field(
        description="Role phrases that govern only a count right after them: 'there were 37 Shaheds'."
    )
    role_compounds: list[Word] = Field(
        description="Nouns holding a role word that is no verb: 'multiple launch rocket systems'."
    )
    period: Period
    records: Records
    related_links: list[Word] = Field(description="Markers of another story in the same line.")
    tactical_drones: list[Word] = Field(description="Front-line drones whose counts are not attacks.")
    launch_site_glue: list[Word] = Field(
        description="Words between 'from' and a place that keep it a launch site: 'from the directions of'."
    )
    decoy_words: list[Word] = Field(
        description="Decoy drones counted beside the strike drones: '31 Shaheds and 20 imitators' is 51."
    )
    impact_nouns: list[Word] = Field(description="'hits of 13 drones were recorded': impacts, not launches.")
    impact_verbs: list[Word] = Field(description="'23 strike UAVs hit 10 locations': impacts, not launches.")
    impact_objects: list[Word] = Field(description="What impacts hit: '46 drones hit 32 sites'.")
    defence_subjects: list[Word] = Field(
        description="Air defence as the subject of 'hit': 'air defence systems hit 83 UAVs' is shot down."
    )
    compound_heads: list[Word] = Field(
        description="Nouns after 'a drone' that make it a modifier, not one weapon: 'a drone workshop'."
    )
    front_line_reports: list[Word] = Field(
        description="Words of a daily front-line report: beside them, 'kamikaze drones' are a tally."
    )
    front_line_drones: list[Word] = Field(
        description="Drone words that are a front-line tally in a front-line report: 'kamikaze'."
    )
    ordinary_word_models: list[Word] = Field(
        description="Weapon names that are ordinary words ('flamingos'): weapons only when capitalized."
    )
    region_adjectives: list[Word] = Field(description="'in eastern Ukraine': a place, not an actor.")
    rest_words: list[Word] = Field(
        description="'the rest was lost': the launched count less the outcomes told."
    )
    total_words: list[Word] = Field(description="'put the night's total at 337': a total's nouns.")
    suppression_agents: list[Word] = Field(
        description="Agents after 'by' that make an outcome jamming: 'taken out by electronic warfare'."
    )
    other_wars: list[Word] = Field(description="Words marking another war's sentence.")
    other_war_exceptions: list[Word] = Field(description="Other-war words that name this war's weapons.")
    not_weapons: list[Word] = Field(description="Phrases naming drones and rockets that are not weapons.")
    russian_weapons: list[Word] = Field(description="Russia's weapons: an article naming them is this war's.")
    ukrainian_weapons: list[Word] = Field(description="Ukraine's long-range weapons: attacker Ukraine.")


def tokens_of(phrase: str) -> Phrase:
    """A vocabulary phrase as the token tuple the grammar matches."""
    return tuple(phrase.split())


def load_vocabulary(path: Path = STRIKES_FILE) -> StrikeVocabulary:
    """Load and check a vocabulary file; raises ProblemsError naming every error's line."""
    doc = load_document(path)
    vocabulary, problems = doc.validate(StrikeVocabulary)
    if vocabulary is None:
        raise ProblemsError(problems)
    return vocabulary


@cache
def strike_vocabulary() -> StrikeVocabulary:
    """The shipped vocabulary, read once per process."""
    return load_vocabulary()
