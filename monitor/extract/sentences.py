"""Sentence splitting: lines, then sentence ends that are not abbreviations; linear time."""

from __future__ import annotations

import re

from monitor.extract.lexicon import words

# One end-of-sentence mark, optional closing quotes, then whitespace. Single character classes
# joined without overlap, and possessive: the engine never backtracks. An end before a lowercase
# ASCII letter or the line's end starts no sentence, so the pattern leaves it out (the loop
# below would skip it); none of its characters can start another match.
_END = re.compile(r"[.!?][\"”’')\]]*+\s++(?![a-z]|\Z)")
#: The same for a line without '!' or '?': a literal first character lets the regex engine skip
#: ahead to each period in a tight loop, where a character class is tested at every offset.
_PERIOD_END = re.compile(r"\.[\"”’')\]]*+\s++(?![a-z]|\Z)")
_ABBREVIATIONS = words(
    "mr mrs ms dr gen maj col lt sgt capt rep sen gov st u.s u.k e.g i.e no vs jan feb mar "
    "apr jun jul aug sep sept oct nov dec a.m p.m inc corp ltd jr sr prof adm cmdr"
)
#: Longest piece handed on as one sentence; longer runs (garbage, lists) are cut at spaces.
MAX_SENTENCE_CHARS = 1_500


def _last_word(text: str, end: int) -> str:
    start = text.rfind(" ", max(0, end - 12), end) + 1
    return text[start:end].lower().lstrip("(\"“‘'")


def _chunks(line: str) -> list[tuple[int, int]]:
    """Cut an overlong line at whitespace so no piece exceeds MAX_SENTENCE_CHARS."""
    spans: list[tuple[int, int]] = []
    start, n = 0, len(line)
    while n - start > MAX_SENTENCE_CHARS:
        cut = line.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _split_line(line: str, base: int, out: list[tuple[int, int]]) -> None:
    start = 0
    ends = _END if "!" in line or "?" in line else _PERIOD_END
    for match in ends.finditer(line):
        end = match.end()
        nxt = line[end : end + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'("):
            continue
        if _last_word(line, match.start()) in _ABBREVIATIONS:
            continue
        out.append((base + start, base + end))
        start = end
    out.append((base + start, base + len(line)))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``, blank pieces dropped."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        for start, end in _chunks(line):
            _split_line(line[start:end], offset + start, spans)
        offset += len(line)
    # a piece is blank only if its first character is: most are tested without a copy
    return [(s, e) for s, e in spans if s < e and not (text[s].isspace() and text[s:e].isspace())]
