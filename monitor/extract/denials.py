"""Denials and retractions: a headline or lead saying an earlier report is false, withdrawn or corrected."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from monitor.extract.datafiles import DATA_DIR, load_data
from monitor.extract.gazetteer import find_places
from monitor.extract.sentences import split_sentences
from monitor.extract.tokens import Tokens, tokenize
from monitor.models.facts import Denial, DenialKind, Side, WeaponKind
from monitor.models.item import Article

DENIALS_FILE = DATA_DIR / "denials.yaml"
_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)*")
_STRENGTH: tuple[DenialKind, ...] = ("retracted", "denied", "corrected")
#: Only the headline and the first sentence are read: a denial is what the article is about,
#: not a line deep in a strike report. A lead longer than this is cut.
LEAD_CHARS = 600


def _lower(text: str) -> str:
    if not text.strip() or text != text.lower():
        raise ValueError(f"write non-empty phrases in lowercase: {text!r}")
    return " ".join(text.split())


Word = Annotated[str, AfterValidator(_lower)]


class DenialVocabulary(BaseModel):
    """vocab/denials.yaml: the words each denial pattern reads (see the file's comments)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    deny_verbs: frozenset[Word]
    report_nouns: frozenset[Word]
    lead_in: frozenset[Word]
    call_verbs: frozenset[Word]
    pronouns: frozenset[Word]
    false_words: frozenset[Word]
    copulas: frozenset[Word]
    hedges: frozenset[Word]
    no_event: frozenset[Word]
    retract_words: frozenset[Word]
    retract_nouns: frozenset[Word]
    correct_words: frozenset[Word]
    correct_nouns: frozenset[Word]
    sides: dict[Side, frozenset[Word]]
    weapons: dict[WeaponKind, frozenset[Word]]


@cache
def denial_vocabulary(path: Path = DENIALS_FILE) -> DenialVocabulary:
    """The vocabulary, loaded once (errors name file:line:col)."""
    return load_data(path, DenialVocabulary)


@cache
def _triggers() -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """The words a pattern starts from (single words, and the words of each phrase): most leads
    hold none and are never split or tokenized."""
    v = denial_vocabulary()
    phrases = v.deny_verbs | v.call_verbs | v.false_words | v.retract_words | v.correct_words | v.no_event
    single = frozenset(p for p in phrases if " " not in p)
    return single, tuple(frozenset(p.split()) for p in phrases if " " in p)


def _triggered(text: str) -> bool:
    words = set(_WORDS.findall(text.lower()))
    single, phrases = _triggers()
    return not words.isdisjoint(single) or any(phrase <= words for phrase in phrases)


def _at(low: Sequence[str], i: int, phrases: frozenset[str]) -> int:
    """The length in tokens of the phrase of ``phrases`` starting at token ``i`` (0: none)."""
    for size in (3, 2, 1):
        if i + size <= len(low) and " ".join(low[i : i + size]) in phrases:
            return size
    return 0


def _denied(low: Sequence[str], v: DenialVocabulary) -> bool:
    for i, word in enumerate(low):
        if word in v.deny_verbs:
            j = i + 1
            while j < len(low) and j - i <= 3 and low[j] in v.lead_in:
                j += 1
            if j < len(low) and low[j] in v.report_nouns:
                return True
        if word in v.call_verbs:
            window = low[i + 1 : i + 11]
            named = any(w in v.report_nouns or w in v.pronouns for w in window)
            if named and any(w in v.false_words for w in window):
                return True
        if word in v.report_nouns and _said_false(low, i, v):
            return True
        if _at(low, i, v.no_event):
            return True
    return False


def _said_false(low: Sequence[str], i: int, v: DenialVocabulary) -> bool:
    """'the report was false': a copula within eight tokens of the noun, then a false word; or
    a headline's 'claims fake' (the false word right after the noun)."""
    if i + 1 < len(low) and low[i + 1] in v.false_words:
        return True
    for j in range(i + 1, min(i + 9, len(low))):
        if low[j] in v.copulas:
            k = j + 1
            while k < len(low) and k - j <= 2 and low[k] in v.hedges:
                k += 1
            return k < len(low) and low[k] in v.false_words
    return False


def _near(low: Sequence[str], words: frozenset[str], nouns: frozenset[str], reach: int = 5) -> bool:
    for i in range(len(low)):
        size = _at(low, i, words)
        if size and any(w in nouns for w in low[max(0, i - reach) : i + size + reach]):
            return True
    return False


def _kind(tokens: Tokens, v: DenialVocabulary) -> DenialKind | None:
    low = tokens.low
    if _near(low, v.retract_words, v.retract_nouns):
        return "retracted"
    if _near(low, v.correct_words, v.correct_nouns) or low[:1] == ("correction",):
        return "corrected"
    return "denied" if _denied(low, v) else None


def lead_of(article: Article) -> list[str]:
    """The headline and the first sentence of the text (each bounded)."""
    found = [article.title.strip()[:LEAD_CHARS]] if article.title.strip() else []
    text = article.text.strip()[:LEAD_CHARS]
    spans = split_sentences(text)
    if spans:
        start, end = spans[0]
        first = text[start:end].strip()[:LEAD_CHARS]
        if first and first not in found:
            found.append(first)
    return found


def find_denials(article: Article) -> tuple[Denial, ...]:
    """The denial an article's headline or lead makes (at most one), with the sides, weapon
    kinds and places they name: what ties it to the story it denies."""
    v = denial_vocabulary()
    if not _triggered(f"{article.title[:LEAD_CHARS]}\n{article.text[:LEAD_CHARS]}"):
        return ()  # the usual case, without splitting sentences
    sentences = [s for s in lead_of(article) if _triggered(s)]
    if not sentences:
        return ()
    lead = [(sentence, tokenize(sentence)) for sentence in lead_of(article)]
    found = [
        (kind, sentence) for sentence, tokens in lead if sentence in sentences and (kind := _kind(tokens, v))
    ]
    if not found:
        return ()
    # the strongest of the headline's and the lead's: a retraction, then a denial, then a correction
    kind, sentence = min(found, key=lambda pair: _STRENGTH.index(pair[0]))
    words = {w for _, t in lead for w in t.low}
    places = dict.fromkeys(p.name for _, t in lead for p in find_places(t.low, t.words))
    denial = Denial(
        kind=kind,
        sides=tuple(side for side, names in v.sides.items() if words & names),
        weapons=tuple(weapon for weapon, names in v.weapons.items() if words & names),
        places=tuple(places),
        evidence=sentence,
    )
    return (denial,)
