"""Strikes told as background, not reported: retellings, tallies from documents, misfires."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from monitor.extract.camps import PhraseSet
from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.extract.nations import COUNTRIES, key_of
from monitor.extract.tokens import tokenize
from monitor.models.facts import Strike

RETELLINGS_FILE = DATA_DIR / "retellings.yaml"
#: How far after a fall verb the ground it fell on may be named ('fell on Russian soil').
_REACH = 5


class RetellingWords(BaseModel):
    """The retellings file (vocab/retellings.yaml)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    frames: list[str] = Field(description="Phrases that make a sentence a retelling or a tally.")
    fall_verbs: frozenset[str] = Field(description="Verbs of a weapon coming down ('fell', 'landed').")
    own_words: frozenset[str] = Field(description="Owners that make the ground the attacker's ('own').")
    ground_nouns: frozenset[str] = Field(description="Ground a weapon falls on ('soil', 'territory').")


_WORDS = load_data(RETELLINGS_FILE, RetellingWords)
_FRAMES = PhraseSet(key_of(phrase) for phrase in _WORDS.frames)


def _fell_at_home(low: Sequence[str], attacker: str | None) -> bool:
    """'bombs aimed at Kharkiv fell on Russian soil' with Russia the attacker: a misfire."""
    demonym = COUNTRIES.get(key_of(attacker)) if attacker else None
    own = set(_WORDS.own_words) | ({demonym.lower()} if demonym else set())
    for i, word in enumerate(low):
        if word not in _WORDS.fall_verbs:
            continue
        after = low[i + 1 : i + 1 + _REACH]
        for k, noun in enumerate(after):
            if noun in _WORDS.ground_nouns and k > 0 and after[k - 1] in own:
                return True
    return False


def retold(strike: Strike) -> bool:
    """The strike's sentences retell past launches or count misfires: no attack of their own."""
    low = tokenize(strike.evidence).low
    return _FRAMES.found(low) or _fell_at_home(low, strike.attacker)


def reported(strikes: Sequence[Strike]) -> tuple[Strike, ...]:
    """The strikes an article reports, less those it only retells."""
    return tuple(strike for strike in strikes if not retold(strike))
