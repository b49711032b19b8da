"""The extractor's shortcuts keep its answers: bounded tables, fast exits equal to the full search."""

from __future__ import annotations

from monitor.extract import tokens
from monitor.extract.nations import COUNTRIES, DEMONYMS, name_before
from monitor.extract.tokens import tokenize


def test_word_table_stays_bounded_and_right_after_it_refills() -> None:
    text = " ".join(f"Drone{i}'s" for i in range(tokens._MAX_NORMALS + 500))
    found = tokenize(text)
    assert len(tokens._NORMALS) <= tokens._MAX_NORMALS
    assert found.low[0] == "drone0" and found.low[-1] == f"drone{tokens._MAX_NORMALS + 499}"
    assert tokenize("Russia's Shaheds’s U.S.").low == ("russia", "shaheds", "u.s", ".")


def test_name_before_without_a_last_word_table_searches_every_size() -> None:
    sentence = tokenize("Troops from North Korea and Latin American mercenaries")
    low, words = sentence.low, sentence.words
    own = {("north", "korea"): "North Korean", ("american",): "American"}  # not a shipped table
    assert name_before(own, low, words, 4) == ("North Korean", 2)
    assert name_before(COUNTRIES, low, words, 4) == ("North Korean", 2)
    assert name_before(DEMONYMS, low, words, 7) is None  # 'Latin American' names no nation
    assert name_before(DEMONYMS, low, words, 3) is None  # 'north' ends no name
    assert name_before(DEMONYMS, low, words, len(low) + 1) is None
