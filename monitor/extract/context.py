"""Sentence framing around counts: record claims, previous records, time, cumulative totals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, pairwise

from monitor.extract.camps import PhraseSet
from monitor.extract.lexicon import (
    ATTACK_NOUNS,
    CUMULATIVE_AFTER_SINCE,
    EARLIER_NIGHTS,
    LONG_PERIODS,
    MONTHS,
    NEVER_COMPARATIVES,
    PERIOD_PHRASES,
    PREVIOUS_POSSESSIVE,
    PREVIOUS_WORDS,
    RATE_UNITS,
    RECORD_HEDGES,
    RECORD_SUPERLATIVES,
    SEASONS,
    SET_EARLIER,
    SINCE_WAR,
    SURPASS_WORDS,
    WEEKDAYS,
)
from monitor.extract.numbers import quantity_at
from monitor.extract.tokens import Tokens
from monitor.extract.vocabulary import Phrase

_SCOPE_STOPS = frozenset(
    [
        "since",
        "so",
        "ever",
        "yet",
        "this",
        "that",
        "which",
        "when",
        "as",
        "with",
        "using",
        "involving",
        "amid",
        "after",
        ",",
        ";",
        ":",
        ".",
        "(",
        ")",
        "—",
        "–",
        '"',
        "”",
        "“",
        "to",
    ]
)
_PERIODS_SET = PhraseSet(PERIOD_PHRASES)
_EARLIER_NIGHTS = PhraseSet(EARLIER_NIGHTS)
#: A word every earlier-night phrase holds beyond 'the', 'a', 'on', 'night', 'day': a cheap first test.
_EARLIER_KEYS = frozenset(w for p in EARLIER_NIGHTS for w in p) - {"the", "a", "on", "one", "night", "day"}
#: Words that may open a clause before an earlier night: 'and the night before', 'while a day earlier'.
_CLAUSE_OPENERS = frozenset(("and", "but", "while", "whereas", "on", ",", ";", "—", "-", "–"))
_PERIOD_TRIGGERS = frozenset(
    (
        "since",
        "this",
        "last",
        "so",
        "thus",
        "throughout",
        "during",
        "in",
        "for",
        "over",
        "a",
        "per",
        "each",
        "every",
    )
)
_STRONG_BREAKS = frozenset((";", "-", "–", "—", ":"))
_PEAK_SPANS = frozenset(("weeks", "months", "days"))
_HEDGE_SIZES = sorted({len(h) for h in RECORD_HEDGES})
_RECORD_NOUNS = frozenset(("record", "high", "peak"))
_PERIODS = frozenset(("morning", "night", "evening", "afternoon"))
_RECORD_WORDS = _RECORD_NOUNS | RECORD_SUPERLATIVES | {"most"}
#: Without one of these words a sentence claims no record and names no previous one: framing's
#: record reading finds nothing (the strike grammar skips such sentences that count nothing).
CLAIM_WORDS = _RECORD_WORDS | {"never"}
_TIME_WORDS = WEEKDAYS | {"overnight", "night"}


@dataclass(frozen=True, slots=True)
class Framing:
    """What a sentence says about its counts as a whole."""

    record: bool = False
    scope: str | None = None
    previous_record: int | None = None
    hidden: tuple[int, ...] = ()  # token positions of numbers that are not this event's counts
    time_ref: str | None = None
    cumulative: bool = False
    until: int | None = None  # counts from here on belong to a period total
    since: int | None = None  # counts before here belong to a period total


def _scope(tokens: Tokens, start: int) -> str | None:
    low = tokens.low
    end = start
    while end < len(low) and end - start < 8 and low[end] not in _SCOPE_STOPS:
        if low[end][:1].isdigit():
            break
        end += 1
    return tokens.text(start, end) if end > start else None


def _previous_record(low: Sequence[str], i: int, reach: int = 4) -> tuple[int, int] | None:
    """'previous record of 728' -> (728, position of the number); with a longer ``reach`` the
    first count of the clause ('the previous largest salvo, five days earlier, counted 539')."""
    j, end = i + 1, min(i + reach, len(low))
    while j < end:
        quantity = quantity_at(low, j)
        if quantity is not None and quantity.value is not None:
            return quantity.value, j
        close = _aside_end(low, j) if reach <= 4 else None
        if close is not None:  # 'the previous record, set last month, was 472'
            end, j = min(len(low), end + close - j), close + 1
            continue
        if low[j] == ";" or (reach <= 4 and low[j] not in ("of", ",", "was", "is", "stood", "at", "set")):
            return None
        j += 1
    return None


def _aside_end(low: Sequence[str], j: int) -> int | None:
    """The comma closing an aside that opens at j (', set last month,'), if it holds no number."""
    if low[j] != ",":
        return None
    for k in range(j + 1, min(j + 7, len(low))):
        if low[k] == ",":
            return k
        if quantity_at(low, k) is not None or low[k] == ";":
            return None
    return None


def _superlative_at(low: Sequence[str], i: int) -> int | None:
    """Index after 'largest'/'most massive' when followed by an attack noun, else None."""
    word = low[i]
    after = i + 1
    if word == "most" and i + 1 < len(low) and low[i + 1] in ("massive", "intense", "powerful"):
        after = i + 2
    elif word not in RECORD_SUPERLATIVES:
        return None
    if word == "unprecedented" or any(w in ATTACK_NOUNS for w in low[after : after + 4]):
        return after
    if any(w in ATTACK_NOUNS for w in low[max(0, i - 8) : i]) and low[i - 1 : i] == ("the",):
        return after  # 'Sunday's attack on Kyiv was the largest of the war'
    return None


def _previous_marker(low: Sequence[str], i: int) -> bool:
    """'the previous record', "last month's record" (possessive stripped: 'last month record'),
    'the record of 810 drones, set on 7 September'."""
    before = low[i - 1]
    if before in PREVIOUS_WORDS or (before in PREVIOUS_POSSESSIVE and low[i - 2 : i - 1] == ("last",)):
        return True
    window = low[i + 1 : i + 10]
    return any(tuple(window[k : k + len(p)]) == p for p in SET_EARLIER for k in range(len(window)))


def _local_peak(low: Sequence[str], after: int) -> bool:
    """'the most massive attack on Kharkiv since spring': a local peak, not a record, unless it is
    the largest since the war began."""
    window = low[after : after + 10]
    if _PEAK_SPANS.intersection(window):
        return True  # 'the heaviest bombardment for several weeks', 'in months'
    if "since" not in window:
        return False
    k = window.index("since")
    return not SINCE_WAR.intersection(window[k + 1 : k + 6])


def _hedged(low: Sequence[str], i: int) -> bool:
    """'one of the largest', 'among the biggest': a comparison, not a record claim."""
    return any(tuple(low[max(0, i - n) : i]) in RECORD_HEDGES for n in _HEDGE_SIZES)


def _surpass(low: Sequence[str], i: int) -> bool:
    return any(w in SURPASS_WORDS for w in low[max(0, i - 3) : i])


def _more_than(low: Sequence[str], i: int) -> bool:
    """'189 more than the previous record of 539': this attack beat it."""
    window = low[max(0, i - 5) : i]
    return any(window[k : k + 2] == ("more", "than") for k in range(len(window)))


def _never_claim(low: Sequence[str]) -> bool:
    """'had never faced a larger UAV attack', 'never faced as many drones in one night'."""
    if "never" not in low:
        return False
    k = low.index("never")
    window = low[k + 1 : k + 8]
    return any(tuple(window[j : j + len(p)]) == p for p in NEVER_COMPARATIVES for j in range(len(window)))


def _claim_at(low: Sequence[str], i: int) -> tuple[bool, int | None]:
    """(hedged, where the claim's scope starts) for the record word at i: 'record' claims with no
    scope, 'the largest attack on Kyiv' with one; 'one of the largest' and 'the largest since
    spring' claim nothing."""
    if _hedged(low, i):
        return True, None
    if low[i] == "record":
        return False, (None if low[i - 1 : i] == ("on",) else i)
    after = _superlative_at(low, i)
    return False, (None if after is None or _local_peak(low, after) else after)


def _records(tokens: Tokens) -> tuple[bool, str | None, int | None, tuple[int, ...], int]:
    low = tokens.low
    claim, scope, previous, hidden, first = False, None, None, [], -1
    if not _RECORD_WORDS.intersection(low):
        never = _never_claim(low)
        return never, None, None, (), low.index("never") if never else -1
    for i, word in enumerate(low):
        if word not in _RECORD_WORDS:
            continue
        if word in _RECORD_NOUNS and i > 0 and (_previous_marker(low, i) or _surpass(low, i)):
            found = _previous_record(low, i)
            if found is not None:
                previous = found[0]
                hidden.append(found[1])
                claim = claim or any(w in SURPASS_WORDS for w in low[:i]) or _more_than(low, i)
                first = i if first < 0 else first
            continue
        if word in RECORD_SUPERLATIVES and low[i - 1 : i] and low[i - 1] in PREVIOUS_WORDS:
            found = _previous_record(low, i, 14)  # 'the previous largest salvo ... counted 539'
            if found is not None:
                previous = found[0]
                hidden.append(found[1])
                first = i if first < 0 else first
            continue
        hedged, after = _claim_at(low, i)
        if hedged and first < 0:
            first = i  # 'among the biggest this year': the period is the comparison's, not a total
        if after is not None:
            claim = True
            scope = scope or (None if word == "record" else _scope(tokens, after))
        if claim and first < 0:
            first = i
    if not claim and _never_claim(low):
        claim, first = True, low.index("never")
    return claim, scope, previous, tuple(hidden), first


def _earlier_attack(low: Sequence[str]) -> tuple[int, int] | None:
    """'far above the 144 drones of last September's raid': a count of an earlier attack
    (value, position); the possessive is stripped ('last september raid')."""
    if "last" not in low:
        return None
    for i, word in enumerate(low[:-2]):
        if word != "last" or low[i + 1] not in PREVIOUS_POSSESSIVE or low[i + 2] not in ATTACK_NOUNS:
            continue
        if low[i - 1 : i] not in (("of",), ("in",), ("during",)):
            continue
        for j in range(max(0, i - 5), i - 1):
            quantity = quantity_at(low, j)
            if quantity is not None and quantity.value is not None:
                return quantity.value, j
    return None


def time_ref(tokens: Tokens) -> str | None:
    """'overnight', 'last night', 'on Sunday', 'Sunday morning'."""
    low = tokens.low
    if _TIME_WORDS.isdisjoint(low):
        return None
    for i, word in enumerate(low):
        if word == "overnight":
            return "overnight"
        if word == "night" and i > 0 and low[i - 1] == "last":
            return "last night"
        if word in WEEKDAYS:
            if i + 1 < len(low) and low[i + 1] in _PERIODS:
                return f"{tokens.words[i]} {low[i + 1]}"
            if i > 0 and low[i - 1] in ("on", "early", "late"):
                return f"{low[i - 1]} {tokens.words[i]}"
            return tokens.words[i]
    return None


def _cumulative_at(low: Sequence[str], i: int) -> bool:
    word = low[i]
    nxt = low[i + 1] if i + 1 < len(low) else ""
    if word == "since":
        return any(w in CUMULATIVE_AFTER_SINCE for w in low[i + 1 : i + 5])
    if word in ("this", "last") and nxt in SEASONS:
        return low[i + 2 : i + 3] not in (("record",), ("high",), ("peak",))  # "last month's record"
    if word in ("so", "thus") and nxt == "far":
        return True
    if word in ("throughout", "during") and low[i + 1 : i + 3] == ("the", "war"):
        return True
    if word in ("in", "for") and nxt in MONTHS:  # 'in March', 'summary for November'
        return not (i + 2 < len(low) and low[i + 2][:1].isdigit())
    if word == "over" and low[i + 1 : i + 3] in (("the", "past"), ("the", "last")):
        return any(w in LONG_PERIODS for w in low[i + 3 : i + 5])
    rate = word in ("a", "per", "each", "every") and nxt in RATE_UNITS
    return rate and low[i + 2 : i + 3] != ("ago",)


_RECORD_NOUN_TOKENS = tuple((w,) for w in _RECORD_NOUNS)


def _period_at(low: Sequence[str], i: int, phrase: Phrase) -> bool:
    """'this month', 'during the past week' (the period ``phrase`` at i) - but not "last month's
    record" (an earlier attack)."""
    return low[i + len(phrase) : i + len(phrase) + 1] not in _RECORD_NOUN_TOKENS


def _period_marker(low: Sequence[str], first: int) -> int | None:
    """Position of the first period or cumulative marker ('this month', 'since February 2022',
    'a night') that is not part of a record's scope ('the largest attack this year')."""
    # only the first period counts: the scan stops there
    period = next((i for i, phrase in _PERIODS_SET.matches(low) if _period_at(low, i, phrase)), None)
    triggers = set(compress(range(len(low)), map(_PERIOD_TRIGGERS.__contains__, low)))
    for i in sorted(triggers if period is None else triggers | {period}):
        word = low[i]
        after_record = 0 <= first < i
        if period == i and not after_record:
            return i
        if word in ("since", "this", "last", "so", "thus", "throughout", "during", "in", "for", "over"):
            compared = "than" in low[max(0, i - 5) : i]  # 'more than in any night since February 2022'
            if _cumulative_at(low, i) and not after_record and not compared:
                return i
        elif word in ("a", "per", "each", "every") and _cumulative_at(low, i):
            return i
    return None


#: Words that open a clause of its own after a period total.
_CLAUSE_JOINS = frozenset(("and", "but", "while", ";"))
#: Time words that date a clause to one attack: 'and on Sunday morning it attacked ...'.
_ONE_TIME = WEEKDAYS | {"overnight", "tonight", "today"}


def _dated_clause(low: Sequence[str], marker: int) -> int | None:
    """Where a clause dated to one attack begins after a period total, if one does; its counts
    stand ('Within a week Russia used 300 Shaheds, and on Sunday morning it attacked with 13')."""
    for k in range(marker + 1, len(low) - 1):
        if low[k] not in _CLAUSE_JOINS:
            continue
        window = low[k + 1 : k + 5]
        dated = not _ONE_TIME.isdisjoint(window) or ("last", "night") in pairwise(window)
        if dated and _period_marker(low[k + 1 :], -1) is None:
            return k + 1
    return None


def _earlier_night(low: Sequence[str]) -> int | None:
    """Where a clause about the previous night starts ('The night before, Russia launched 44';
    '...; the night before it had sent 60'), if one does."""
    if _EARLIER_KEYS.isdisjoint(low):
        return None
    for i, _ in _EARLIER_NIGHTS.matches(low):
        opener = i
        while opener > 0 and low[opener - 1] in _CLAUSE_OPENERS:
            opener -= 1
        if opener == 0 or opener < i:
            return opener
    return None


def framing(tokens: Tokens) -> Framing:
    """Record claim, previous record, time reference and cumulative marker of a sentence. A
    marker after a dash or semicolon frames only its own clause: the counts before it stand."""
    low = tokens.low
    claim, scope, previous, hidden, first = _records(tokens)
    earlier = _earlier_attack(low)
    if earlier is not None:  # an earlier attack's count is no count of this one
        hidden = (*hidden, earlier[1])
        previous = previous or (earlier[0] if claim else None)
    marker = _period_marker(low, first)
    until, since = None, None
    if marker is not None:
        strong = list(compress(range(len(low)), map(_STRONG_BREAKS.__contains__, low)))
        breaks = [k for k in strong if k < marker]
        later = [k for k in strong if k >= marker]
        until = breaks[-1] if breaks else None
        heading = bool(later) and low[later[0]] == ":" and later[0] <= 6  # a heading: 'Summary for November:'
        since = (
            later[0] + 1 if later and until is None and not heading else None
        )  # 'Summary for November: ...'
    if marker is not None and until is None and since is None:
        since = _dated_clause(low, marker)  # 'Within a week ..., and on Sunday it attacked with 13'
    if since is not None and _period_marker(low[since:], -1) is not None:
        since = None  # '... a month; in July alone it fired 6,297': both clauses are periods
    cumulative = marker is not None and until is None and since is None
    earlier_night = _earlier_night(low)
    if earlier_night == 0:
        cumulative = True  # the whole sentence tells the night before
    elif earlier_night is not None:
        until = earlier_night if until is None else min(until, earlier_night)
    return Framing(claim, scope, previous, hidden, time_ref(tokens), cumulative, until, since)
