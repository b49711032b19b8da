"""The extractor's shortcuts keep its answers: bounded tables, fast exits equal to the full search."""

from __future__ import annotations

import random
import re

from monitor.extract import cues, tokens
from monitor.extract.mentions import noun_after
from monitor.extract.nations import COUNTRIES, DEMONYMS, name_before
from monitor.extract.numbers import find_quantities
from monitor.extract.sentences import split_sentences
from monitor.extract.tokens import WordTable, tokenize


def test_word_table_stays_bounded_and_right_after_it_refills() -> None:
    limit = tokens._NORMALS.limit
    found = tokenize(" ".join(f"Drone{i}'s" for i in range(limit + 500)))
    assert 0 < len(tokens._NORMALS) <= limit
    assert found.low[0] == "drone0" and found.low[-1] == f"drone{limit + 499}"
    assert tokenize("Russia's Shaheds’s U.S.").low == ("russia", "shaheds", "u.s", ".")


def test_word_table_computes_each_word_once_until_full() -> None:
    calls: list[str] = []

    def upper(word: str) -> str:
        calls.append(word)
        return word.upper()

    table = WordTable(upper, limit=3)
    assert list(map(table.__getitem__, ["a", "b", "a", "c", "b"])) == ["A", "B", "A", "C", "B"]
    assert calls == ["a", "b", "c"]
    assert table["d"] == "D" and len(table) == 1  # full: started again with the new word
    assert calls == ["a", "b", "c", "d"]


def test_quantities_found_alike_by_the_start_table() -> None:
    low = tokenize("About 120 drones, twenty-two missiles and a hundred glide bombs; a drone fell").low
    found = [(q.start, q.end, q.value, q.qualifier) for q in find_quantities(low)]
    assert found == [(0, 2, 120, "about"), (4, 5, 22, None), (7, 9, 100, None)]


def test_name_before_without_a_last_word_table_searches_every_size() -> None:
    sentence = tokenize("Troops from North Korea and Latin American mercenaries")
    low, words = sentence.low, sentence.words
    own = {("north", "korea"): "North Korean", ("american",): "American"}  # not a shipped table
    assert name_before(own, low, words, 4) == ("North Korean", 2)
    assert name_before(COUNTRIES, low, words, 4) == ("North Korean", 2)
    assert name_before(DEMONYMS, low, words, 7) is None  # 'Latin American' names no nation
    assert name_before(DEMONYMS, low, words, 3) is None  # 'north' ends no name
    assert name_before(DEMONYMS, low, words, len(low) + 1) is None


def _hits_of_lowered_text(text: str) -> list[tuple[int, int]]:
    """The cue scan as written before curly punctuation was read as NUL: the reference."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    found = [
        (end - size + 1, cue)
        for end, (size, cue) in cues._AUTOMATON.iter(lower)
        if end - size + 1 == 0 or not lower[end - size].isalnum()
    ]
    return sorted(found)


def test_cue_scan_reads_curly_punctuation_as_a_plain_boundary() -> None:
    texts = [
        "“Russia’s drones” – 40 Shaheds—and ‘missiles’ were shot down.",
        "Ukraine’s air force: “U.S.” troops—North Korean soldiers’ casualties – killed",
        "İstanbul talks ΟΔΥΣΣΕΑΣ’ drones; Kyiv’s “dron” attack—rocket",
        "\x00drone’s NUL and ’uav’ and –missile– and “strike”",
    ]
    for text in texts:
        assert cues.hits(text) == _hits_of_lowered_text(text), text
    assert any(cue & cues.Cue.STRIKE for _, cue in cues.hits(texts[0]))


def test_sentence_ends_found_alike_with_and_without_other_marks() -> None:
    plain = 'Russia launched 40 drones. "Most were downed." Gen. Smith said so. 12 hit Kyiv.'
    marked = 'Russia launched 40 drones! "Most were downed?" Gen. Smith said so. 12 hit Kyiv.'
    expected = ["Russia launched 40 drones.", '"Most were downed."', "Gen. Smith said so.", "12 hit Kyiv."]
    assert [plain[s:e].strip() for s, e in split_sentences(plain)] == expected
    assert [marked[s:e].strip() for s, e in split_sentences(marked)] == [
        "Russia launched 40 drones!",
        '"Most were downed?"',
        "Gen. Smith said so.",
        "12 hit Kyiv.",
    ]
    assert split_sentences(plain) == split_sentences(marked)


def test_blank_pieces_are_dropped_and_others_kept() -> None:
    text = "  \n40 drones.   \n \t\n Kyiv was hit.\n"
    assert [text[s:e].strip() for s, e in split_sentences(text)] == ["40 drones.", "Kyiv was hit."]


def test_an_end_before_a_lowercase_word_or_the_line_end_splits_nothing() -> None:
    text = "The U.S. officials said 40 drones. e.g. ten more.\nKyiv was hit (again.) 5 fell.\n"
    pieces = [text[s:e].strip() for s, e in split_sentences(text)]
    assert pieces == ["The U.S. officials said 40 drones. e.g. ten more.", "Kyiv was hit (again.)", "5 fell."]


def test_noun_after_reads_every_kind_of_noun_phrase_word() -> None:
    def noun(text: str) -> tuple[str, str | None, tuple[str, ...]] | None:
        found = noun_after(tokenize(text).low, 1)
        return None if found is None else (found.kind, found.side, found.models)

    assert noun("45 Russian attack drones") == ("drone", "Russia", ())
    assert noun("4 Storm Shadow cruise missiles") == ("missile", "Ukraine", ("Storm Shadow",))
    assert noun("12 unmanned aerial vehicles") == ("drone", None, ())
    kalibrs = noun("7 Kalibrs were fired")
    assert kalibrs is not None and kalibrs[0] == "missile"
    assert noun("23 FPV drones") is None
    assert noun("45 people were hurt") is None


def test_piece_table_stays_bounded_and_right_after_it_refills() -> None:
    limit = tokens.PIECES.limit
    text = " ".join(f"piece{i}, x" for i in range(limit + 500))
    found = tokenize(text)
    assert len(tokens.PIECES.table) > limit  # one text may pass the limit; the next starts again
    again = tokenize(text[:200])
    assert 0 < len(tokens.PIECES.table) <= limit
    assert found.words[:3] == ("piece0", ",", "x") and found.low[-3:] == (f"piece{limit + 499}", ",", "x")
    assert again.words == tuple(tokens._TOKEN.findall(text[:200]))


def test_tokens_found_piece_by_piece_are_the_patterns_tokens_over_the_whole_text() -> None:
    """tokenize runs the pattern only on whitespace-free pieces that are not one plain word:
    the same tokens as the pattern over the whole text, checked on random strings of word
    characters (letters, digits of other scripts, '_', a combining mark), separators,
    punctuation and several kinds of space."""
    alphabet = "ab1_ -'’/.,!?é²٣\u0307\n\t\u00a0\u2003\u3000"
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert tokenize(text).words == tuple(tokens._TOKEN.findall(text)), repr(text)


def test_possessive_token_pattern_gives_the_backtracking_patterns_tokens() -> None:
    """The token pattern's possessive quantifiers change no token: nothing follows them that
    could need characters given back. Checked against the plain pattern on random strings of
    word characters, separators, punctuation and spaces."""
    plain = re.compile(r"\w+(?:[-'’/.,]\w+)*|[^\w\s]")
    alphabet = "ab1_ -'’/.,!?é\n"
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert tokens._TOKEN.findall(text) == plain.findall(text), text
