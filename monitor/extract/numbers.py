"""Number parsing over tokens: separators, number words, ranges, hedges and vague amounts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from monitor.extract.lexicon import MONTHS, words
from monitor.extract.tokens import WordTable
from monitor.models.facts import Qualifier

UNITS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS: dict[str, int] = {
    w: 20 + 10 * i
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
SCALES: dict[str, int] = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
#: Vague plurals and the lower bound each implies ("dozens of" is at least two dozen).
VAGUE: dict[str, int] = {"dozens": 24, "hundreds": 200, "thousands": 2_000, "scores": 40}
QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    ("more", "than"): "more than",
    ("in", "excess", "of"): "more than",
    ("over",): "over",
    ("above",): "over",
    ("upwards", "of"): "over",
    ("at", "least"): "at least",
    ("no", "fewer", "than"): "at least",
    ("nearly",): "nearly",
    ("almost",): "almost",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("up", "to"): "up to",
    ("as", "many", "as"): "up to",
    ("at", "most"): "up to",
}
_QUALIFIER_FIRST = frozenset(key[0] for key in QUALIFIERS)
_CURRENCY = words("$ € £ us$ usd eur uah")
_NOT_COUNTED = words(
    "% percent per dollars euros pounds hryvnias hryvnia rubles roubles km kilometers "
    "kilometres kilometer kilometre miles mile meters metres years year-old hours minutes "
    "days weeks months nights "
    "a.m p.m am pm kg tons tonnes degrees : / th st nd rd"
)
_RANGE_WORDS = frozenset(("to", "-", "–", "—", "or"))
_WORD_STARTS = frozenset((*UNITS, *TENS, "a", *VAGUE, "tens", "several"))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found at tokens [start, end): exact value or range, or only a lower bound."""

    start: int
    end: int
    value: int | None
    value_max: int | None = None
    lower_bound: int | None = None
    qualifier: Qualifier | None = None


def parse_digits(token: str) -> float | None:
    """'1,200' -> 1200, '4.5' -> 4.5; None for anything that is not a plain ASCII number."""
    if not token or not token.isascii() or not token[0].isdigit():
        return None
    if token.isdigit():
        return int(token)
    if "," in token:
        head, *rest = token.split(",")
        grouped = head.isdigit() and len(head) <= 3 and all(len(p) == 3 for p in rest)
        if grouped and all(p.isdigit() for p in rest):
            return int(token.replace(",", ""))
        return None
    whole, dot, frac = token.partition(".")
    if dot and whole.isdigit() and frac.isdigit():
        return float(token)
    return None


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2099


def _small(token: str) -> int | None:
    """A number word below one hundred: 'four', 'twenty', 'twenty-two'."""
    if token in UNITS:
        return UNITS[token]
    if token in TENS:
        return TENS[token]
    tens, dash, unit = token.partition("-")
    if dash and tens in TENS and unit in UNITS and 0 < UNITS[unit] < 10:
        return TENS[tens] + UNITS[unit]
    return None


def _words_at(low: Sequence[str], i: int) -> tuple[int, int] | None:
    """Number words from i: 'a hundred and twenty-two' -> (122, end)."""
    total, current, last, j, n = 0, 0, "", i, len(low)
    while j < n:
        token = low[j]
        small = _small(token)
        if token == "a" and j == i and j + 1 < n and low[j + 1] in ("hundred", "thousand", "dozen"):
            current, last = 1, "a"
        elif token == "and" and last in ("hundred", "scale") and j + 1 < n and _small(low[j + 1]):
            pass
        elif small is not None and (last in ("", "hundred", "scale") or (last == "tens" and small < 10)):
            current += small
            last = "tens" if token in TENS else "unit"
        elif token == "hundred" and last in ("unit", "a") and current < 20:
            current, last = current * 100, "hundred"
        elif token == "dozen" and last in ("unit", "a"):
            current, last = current * 12, "hundred"
        elif token in SCALES and last in ("unit", "tens", "hundred", "a"):
            total, current, last = total + current * SCALES[token], 0, "scale"
        else:
            break
        j += 1
    if last in ("", "a"):
        return None
    return total + current, j


def _number_at(low: Sequence[str], k: int) -> tuple[int, int | None, int] | None:
    """(value, range maximum, end) of a plain number starting at token k."""
    if k >= len(low):
        return None
    token = low[k]
    first, dash, second = token.partition("-")
    if dash and first.isdigit() and second.isdigit() and not _is_year(first):
        low_value, high_value = int(first), int(second)
        return (low_value, high_value, k + 1) if high_value > low_value else None
    digits = _DIGITS[token]
    if digits is not None:
        if _is_year(token):
            return None
        if k + 1 < len(low) and low[k + 1] in SCALES:
            return int(digits * SCALES[low[k + 1]]), None, k + 2
        return (digits, None, k + 1) if isinstance(digits, int) else None
    words = _words_at(low, k)
    return None if words is None else (words[0], None, words[1])


def _vague_at(low: Sequence[str], k: int) -> tuple[int, int] | None:
    """(lower bound, end) for 'dozens of', 'tens of thousands of', 'several hundred'."""
    n = len(low)
    token = low[k]
    if token in ("several", "few") and k + 1 < n and low[k + 1] in ("hundred", "thousand"):
        return VAGUE[low[k + 1] + "s"], k + 2
    if token == "tens" and low[k + 1 : k + 3] == ("of", "thousands"):
        return 20_000, k + 4 if low[k + 3 : k + 4] == ("of",) else k + 3
    if token not in VAGUE or k + 1 >= n or low[k + 1] not in ("of", "more"):
        return None
    if token == "hundreds" and low[k + 1 : k + 3] == ("of", "thousands"):
        return 200_000, k + 4 if low[k + 3 : k + 4] == ("of",) else k + 3
    return VAGUE[token], k + 2 if low[k + 1] == "of" else k + 1


def _excluded(low: Sequence[str], start: int, end: int) -> bool:
    """Money, percentages, units, dates and times are never counts."""
    before = low[start - 1] if start > 0 else ""
    after = low[end] if end < len(low) else ""
    if before in _CURRENCY or before in MONTHS or before in ("no", "number", "#"):
        return True
    return after in _NOT_COUNTED or after in MONTHS


def _qualifier_at(low: Sequence[str], i: int) -> tuple[Qualifier | None, int]:
    if low[i] in _QUALIFIER_FIRST:
        for size in (3, 2, 1):
            found = QUALIFIERS.get(tuple(low[i : i + size]))
            if found is not None:
                return found, i + size
    return None, i


def _with_range(low: Sequence[str], i: int, value: int, end: int) -> tuple[int, int | None, int]:
    """Extend '11,000 to 12,000', '11 to 12,000' (elided thousands) and 'between 5 and 7'."""
    joiner = low[end] if end < len(low) else ""
    between = i > 0 and low[i - 1] == "between" and joiner == "and"
    if not (joiner in _RANGE_WORDS or between) or (i > 0 and low[i - 1] == "from"):
        return value, None, end
    second = _number_at(low, end + 1)
    if second is None or second[1] is not None:
        return value, None, end
    high = second[0]
    if value < 1_000 <= high and value * 1_000 <= high < value * 2_000:
        value *= 1_000
    return (value, high, second[2]) if high > value else (value, None, end)


def quantity_at(low: Sequence[str], i: int) -> Quantity | None:
    """The quantity starting at token i (with its hedge), or None."""
    qualifier, k = _qualifier_at(low, i)
    if k >= len(low):
        return None
    vague = _vague_at(low, k)
    if vague is not None:
        return Quantity(i, vague[1], None, lower_bound=vague[0], qualifier=qualifier)
    number = _number_at(low, k)
    if number is None:
        return None
    value, high, end = number
    if high is None:
        value, high, end = _with_range(low, k, value, end)
    if _excluded(low, k, end):
        return None
    return Quantity(i, end, value, high, qualifier=qualifier)


def _may_start(token: str) -> bool:
    """A digit, a number word or its first half ('twenty-two'), 'a' (before 'hundred')."""
    starts = _WORD_STARTS
    return token in starts or token[:1].isdigit() or ("-" in token and token.partition("-")[0] in starts)


_STARTS = WordTable(_may_start)
#: parse_digits of each token, remembered: the same figures recur across a feed's sentences.
_DIGITS = WordTable(parse_digits)


def find_quantities(low: Sequence[str]) -> list[Quantity]:
    """Every quantity in the tokens, left to right, without overlaps."""
    # the tokens that may start a number, picked in C: a Python test per token cost more than
    # the parse of the few that pass
    picked = compress(range(len(low)), map(_STARTS.__getitem__, low))
    numbers = [k for k in picked if low[k] != "a" or _numeric(low, k)]
    if not numbers:
        return []
    # a hedge ('more than', 'as many as', 'in excess of') starts a quantity only before a number
    near = _near(numbers)
    hedging = compress(range(len(low)), map(_QUALIFIER_FIRST.__contains__, low))
    hedges = [k for k in hedging if k + 1 in near]
    found: list[Quantity] = []
    end = 0
    for i in sorted({*numbers, *hedges}):
        if i < end:
            continue  # inside the quantity just found
        quantity = quantity_at(low, i)
        if quantity is not None:
            found.append(quantity)
            end = quantity.end
    return found


def _near(numbers: list[int]) -> set[int]:
    """Positions a hedge of up to three words may stand just before (as k + 1)."""
    return {k - back for k in numbers for back in (0, 1, 2)}


def _numeric(low: Sequence[str], k: int) -> bool:
    """A digit or number word, or 'a' only before 'hundred', 'thousand' or 'dozen'."""
    return low[k] != "a" or low[k + 1 : k + 2] in (("hundred",), ("thousand",), ("dozen",))
