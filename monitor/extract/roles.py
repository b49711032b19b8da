"""Role verbs ('launched', 'shot down', 'locationally lost') and which count each governs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.extract.lexicon import ADJACENT_ROLES, MODALS, ROLE_COMPOUNDS, ROLE_PHRASES, Role, words

_ROLE_FIRST = frozenset(key[0] for key in ROLE_PHRASES)
_COMPOUND_SIZES = sorted({len(c) for c in ROLE_COMPOUNDS}, reverse=True)
_COMPOUND_FIRST = frozenset(c[0] for c in ROLE_COMPOUNDS)
_FIRSTS = _ROLE_FIRST | _COMPOUND_FIRST
PASSIVE_SKIP = words(
    "were was had have has been being reportedly successfully also all subsequently later "
    "then reported said allegedly ultimately eventually more others other"
) | frozenset(("'", '"', "\u201c", "\u201d", "\u2018", "\u2019"))  # 'were "lost"'
_BACK_WINDOW = 22
_AUXILIARIES = words("were was been being")
_PHRASE_STARTS = words("over near towards toward at in on from aimed launched sent headed bound")
_CLAUSE_ENDS = frozenset((",", ";", ":", "and", "but", "while", "which", "that", "what", "(", ")"))


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role verb phrase at tokens [start, end)."""

    start: int
    end: int
    role: Role


def role_spans(low: Sequence[str]) -> list[RoleSpan]:
    """Role verb phrases, longest match first at each position."""
    spans: list[RoleSpan] = []
    done = 0  # tokens before this belong to a compound or a role phrase already read
    for i in [k for k, word in enumerate(low) if word in _FIRSTS]:  # other words start nothing
        if i < done:
            continue
        compound = low[i] in _COMPOUND_FIRST and next(
            (size for size in _COMPOUND_SIZES if tuple(low[i : i + size]) in ROLE_COMPOUNDS), 0
        )
        if compound:  # 'HIMARS multiple launch rocket systems': a noun, not the verb 'launch'
            done = i + compound
            continue
        if low[i] in _ROLE_FIRST:
            for size in (4, 3, 2, 1):
                role = ROLE_PHRASES.get(tuple(low[i : i + size]))
                if role is not None:
                    spans.append(RoleSpan(i, i + size, role))
                    done = i + size
                    break
    return spans


def _date(low: Sequence[str], j: int) -> bool:
    """'May 14', '14 May': the month, not the modal."""
    return low[j + 1][:1].isdigit() or (j > 0 and low[j - 1][:1].isdigit())


def _hypothetical(low: Sequence[str], verb: int) -> bool:
    for j in range(max(0, verb - 4), verb):
        word = low[j]
        if word in MODALS and not (word == "may" and _date(low, j)):
            return True
    return "if" in low[:verb]


def _forward(
    low: Sequence[str], at: dict[int, RoleSpan], j: int, skip_launch: bool
) -> tuple[RoleSpan | None, bool]:
    """The verb right after a count, and whether an auxiliary ('were') came before it."""
    steps, aux = 0, False
    while j < len(low) and steps < 6:
        span = at.get(j)
        if span is not None:
            if not (skip_launch and span.role == "launched"):
                return span, aux
            j = span.end
        elif low[j] in PASSIVE_SKIP:
            aux = aux or low[j] in _AUXILIARIES
            j += 1
        else:
            return None, aux
        steps += 1
    return None, aux


def _passive_ahead(low: Sequence[str], at: dict[int, RoleSpan], j: int) -> RoleSpan | None:
    """'74 drones flying towards Moscow had been downed': the subject's passive verb past a
    participle or prepositional phrase, within the clause and before any other number ('ten
    direct hits were recorded' has none: its verb is its own)."""
    if j >= len(low) or not (low[j].endswith("ing") or low[j] in _PHRASE_STARTS):
        return None
    for k in range(j, min(j + 9, len(low) - 1)):
        word = low[k]
        if word in _CLAUSE_ENDS or word[:1].isdigit():
            return None
        if word in _AUXILIARIES:
            span = at.get(k + 1) or (at.get(k + 2) if low[k + 1] in _AUXILIARIES else None)
            if span is not None:
                return span
    return None


def _backward(low: Sequence[str], spans: list[RoleSpan], start: int) -> RoleSpan | None:
    for span in reversed(spans):
        if span.end > start or (tuple(low[span.start : span.end]) in ADJACENT_ROLES and start - span.end > 2):
            continue  # 'there was 15 drones, 12 of them ...': 'there was' governs only the 15
        if start - span.end > _BACK_WINDOW or ";" in low[span.end : start]:
            return None
        return span
    return None


def find_role(
    low: Sequence[str], spans: list[RoleSpan], start: int, after: int, *, part: bool = False
) -> RoleSpan | None:
    """The verb governing a count: a passive/active verb right after it, else the nearest before."""
    at = {span.start: span for span in spans}
    span, aux = _forward(low, at, after, part)
    back = _backward(low, spans, start)
    if span is None and back is None:
        span = _passive_ahead(low, at, after)
    if span is None or (span.role == "launched" and not aux and back is not None and back.role != "block"):
        span = back  # '45 drones launched by Ukraine' after 'intercepted': the participle is not the verb
    if span is not None and _hypothetical(low, span.start):
        return RoleSpan(span.start, span.end, "block")
    return span
