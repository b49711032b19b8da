"""The foreign-troop vocabulary (vocab/troops.yaml), checked strictly and read once."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import ahocorasick
from pydantic import BaseModel, ConfigDict, Field

from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.models.facts import Side, TroopActivity

TROOPS_FILE = DATA_DIR / "troops.yaml"


class TroopVocabulary(BaseModel):
    """Every word the troop grammar reads."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    troop_nouns: frozenset[str] = Field(description="Nouns that name soldiers on their own.")
    people_nouns: frozenset[str] = Field(description="Nouns that name fighters only in context.")
    singular: frozenset[str] = Field(description="Nouns of one person ('a Kenyan mercenary').")
    fighter_context: frozenset[str] = Field(description="Words that make people nouns fighters.")
    carry_subjects: frozenset[str] = Field(description="Sentence openers that refer back to troops.")
    carry_verbs: frozenset[str] = Field(description="Verbs that make such a sentence a troop report.")
    speaking: frozenset[str] = Field(description="'fighters speaking Korean': the language names them.")
    modifiers: frozenset[str] = Field(description="Words between a nationality and its noun.")
    not_troops: frozenset[str] = Field(description="'task force', 'labour force': not soldiers.")
    send_words: frozenset[str] = Field(description="Verbs and nouns of sending troops.")
    speaker_verbs: frozenset[str] = Field(description="After a troop noun: a speaker ('the army said').")
    plan_cues: frozenset[str] = Field(description="Plans and proposals (words or phrases).")
    activities: dict[TroopActivity, frozenset[str]] = Field(description="Activity cue words.")
    for_ukraine: tuple[str, ...] = Field(description="Phrases putting troops on Ukraine's side.")
    for_russia: tuple[str, ...] = Field(description="Phrases putting troops on Russia's side.")


@cache
def troop_vocabulary() -> TroopVocabulary:
    """The shipped troop vocabulary, read once per process."""
    return load_data(TROOPS_FILE, TroopVocabulary)


class Phrases:
    """Words and multi-word phrases, matched against tokens without building strings: single
    words by one set test, phrases only where their first word occurs."""

    def __init__(self, phrases: frozenset[str] | tuple[str, ...]) -> None:
        keys = [tuple(p.split()) for p in phrases]
        self.words = frozenset(k[0] for k in keys if len(k) == 1)
        self.firsts = frozenset(k[0] for k in keys if len(k) > 1)
        self.phrases = frozenset(k for k in keys if len(k) > 1)
        self.sizes = sorted({len(k) for k in self.phrases})

    def found(self, low: Sequence[str]) -> bool:
        if not self.words.isdisjoint(low):
            return True
        if self.firsts.isdisjoint(low):
            return False
        return any(
            tuple(low[i : i + size]) in self.phrases
            for i, word in enumerate(low)
            if word in self.firsts
            for size in self.sizes
        )


class SidePhrases:
    """Phrases that put troops on a side, matched longest first at a token position."""

    def __init__(self, by_side: dict[Side, tuple[str, ...]]) -> None:
        self.table = {tuple(p.split()): side for side, phrases in by_side.items() for p in phrases}
        self.firsts = frozenset(k[0] for k in self.table)
        self.sizes = sorted({len(k) for k in self.table}, reverse=True)

    def longest_at(self, low: Sequence[str], i: int) -> tuple[int, Side] | None:
        """(length, side) of the longest phrase starting at token ``i``."""
        if low[i] not in self.firsts:
            return None
        for size in self.sizes:
            side = self.table.get(tuple(low[i : i + size]))
            if side is not None:
                return size, side
        return None


class WholeWords:
    """Whether a text holds one of some words as a whole word, in one C pass (ahead of tokenizing)."""

    def __init__(self, words: frozenset[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            self._automaton.add_word(word, len(word))
        self._automaton.make_automaton()

    def found(self, text: str, lower: str | None = None) -> bool:
        """``lower`` is ``text.lower()`` when the caller has it."""
        lower = text.lower() if lower is None else lower
        if len(lower) != len(text):
            return True  # a rare character changed length when lowercased: let the grammar decide
        for end, size in self._automaton.iter(lower):
            start = end - size + 1
            if (start == 0 or not lower[start - 1].isalnum()) and (
                end + 1 == len(lower) or not lower[end + 1].isalnum()
            ):
                return True
        return False
