"""Rules filed by what they ask, so a fact reaches only the rules whose conditions it can satisfy.

Each enabled rule is filed once, under one *anchor*: a condition every match of the rule must
meet. By preference (the most selective first):

1. equality or membership on a fact field with an open domain (``places: Odesa``,
   ``models: [Shahed-136, Geran-2]``, ``nationality: $allies``, ``name: Oreshnik``);
2. keywords (``required``: one of them must occur; found by the shared automaton);
3. a numeric bound (``launched: {gte: 100}``, a ``threshold:`` rule), kept as a sorted list
   of lower bounds (or upper bounds) per field and cut with a binary search;
4. equality on a field with a small fixed domain (``weapon: drone``, ``attacker: Russia``);
5. nothing indexable: the rule is in ``always`` and is tested on every fact of its kind.

The anchor only narrows: every candidate's whole condition is still tested, so the index can
over-select but never miss (tests/rules/test_index.py checks it against a linear scan).
"""

from __future__ import annotations

import math
import types
import typing
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from monitor.models.kinds import FACT_KINDS
from monitor.rules.compiled import CompiledRule
from monitor.rules.conditions import AllNode, FactNode, Node
from monitor.rules.model import Predicate

#: Anchor preference: lower is more selective.
_OPEN_EQUAL, _WORDS, _BOUND, _CLOSED_EQUAL = range(4)


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _number(value: Any) -> float | None:
    return None if isinstance(value, bool) or not isinstance(value, int | float) else value


def _is_closed(annotation: Any) -> bool:
    """A Literal or bool type (optional or not): a field with a handful of values."""
    if annotation is bool or typing.get_origin(annotation) is Literal:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a is not types.NoneType]
        return bool(members) and all(_is_closed(a) for a in members)
    return False


def _closed_fields() -> dict[str, frozenset[str]]:
    """Per fact kind, the fields whose type is a Literal or bool: few values, poor anchors."""
    return {
        name: frozenset(f for f, info in kind.model.model_fields.items() if _is_closed(info.annotation))
        for name, kind in FACT_KINDS.items()
    }


_CLOSED = _closed_fields()


@dataclass(frozen=True)
class _Equal:
    field: str
    values: tuple[Hashable, ...]


@dataclass(frozen=True)
class _Bound:
    field: str
    lower: float | None
    upper: float | None


Anchor = _Equal | _Bound | frozenset[str] | None


def _conjuncts(node: Node) -> Iterator[Node]:
    """The nodes that must all hold for ``node`` to hold (nested ``all`` flattened)."""
    if isinstance(node, AllNode):
        for child in node.children:
            yield from _conjuncts(child)
    else:
        yield node


def _bound(field_name: str, lows: Iterable[float | None], highs: Iterable[float | None]) -> _Bound | None:
    """The tightest lower and upper bound; None when there is none (a NaN bound is left to the
    full test: it would break the sorted order)."""
    lower = max((b for b in lows if b is not None), default=None)
    upper = min((b for b in highs if b is not None), default=None)
    if any(b is not None and math.isnan(b) for b in (lower, upper)) or (lower is None and upper is None):
        return None
    return _Bound(field_name, lower, upper)


def _field_anchor(node: FactNode) -> _Equal | _Bound | None:
    test = node.check
    if not isinstance(test, Predicate) and node.sets is not None:  # folded already (a list's set)
        return _Equal(node.name, tuple(node.sets.accept[0]))
    if isinstance(test, list):
        return _Equal(node.name, tuple(_fold(v) for v in test))
    if not isinstance(test, Predicate):
        return _Equal(node.name, (_fold(test),))
    for value in (test.eq, test.contains):
        if value is not None:
            return _Equal(node.name, (_fold(value),))
    if test.in_ is not None:
        return _Equal(node.name, tuple(_fold(v) for v in test.in_))
    return _bound(node.name, (test.gte, test.gt), (test.lte, test.lt))


def _spec_bound(compiled: CompiledRule) -> _Bound | None:
    """A ``threshold:`` rule's bounds: a fact outside them never matches (engine.state_check)."""
    rule = compiled.rule
    spec: Any = rule.spec
    if rule.type != "threshold" or spec is None:
        return None
    return _bound(spec.field, (spec.gte, spec.gt), (spec.lte, spec.lt))


def _rank(anchor: Anchor, kind: str) -> int:
    if isinstance(anchor, _Equal):
        closed = anchor.field in _CLOSED.get(kind, frozenset())
        return _CLOSED_EQUAL if closed else _OPEN_EQUAL
    return _BOUND if isinstance(anchor, _Bound) else _WORDS


def anchor_of(compiled: CompiledRule) -> Anchor:
    """The condition a rule is filed under (None: tested on every fact of its kind)."""
    found: list[Anchor] = []
    for node in _conjuncts(compiled.condition):
        if isinstance(node, FactNode):
            found.append(_field_anchor(node))
    found.append(_spec_bound(compiled))
    if compiled.required:
        found.append(compiled.required)
    usable = [a for a in found if a is not None and (not isinstance(a, _Equal) or a.values)]
    kind = compiled.rule.fact
    return min(usable, key=lambda a: _rank(a, kind), default=None)


@dataclass
class _Sorted:
    """Bounds in ascending order with the rule positions they belong to."""

    bounds: list[float] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)

    def add(self, bound: float, position: int) -> None:
        at = bisect_right(self.bounds, bound)
        self.bounds.insert(at, bound)
        self.positions.insert(at, position)

    def up_to(self, value: float) -> list[int]:
        """Positions whose bound is <= value."""
        return self.positions[: bisect_right(self.bounds, value)]

    def from_(self, value: float) -> list[int]:
        """Positions whose bound is >= value."""
        return self.positions[bisect_left(self.bounds, value) :]


@dataclass
class KindIndex:
    """The rules of one fact kind, filed by anchor."""

    always: list[int] = field(default_factory=list)
    by_word: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    equal: dict[str, dict[Hashable, list[int]]] = field(default_factory=dict)
    lower: dict[str, _Sorted] = field(default_factory=lambda: defaultdict(_Sorted))
    upper: dict[str, _Sorted] = field(default_factory=lambda: defaultdict(_Sorted))

    def add(self, position: int, anchor: Anchor) -> None:
        if anchor is None:
            self.always.append(position)
        elif isinstance(anchor, frozenset):
            for word in anchor:
                self.by_word[word].append(position)
        elif isinstance(anchor, _Equal):
            table = self.equal.setdefault(anchor.field, {})
            for value in set(anchor.values):
                table.setdefault(value, []).append(position)
        elif anchor.lower is not None:
            self.lower[anchor.field].add(anchor.lower, position)
        elif anchor.upper is not None:
            self.upper[anchor.field].add(anchor.upper, position)

    def for_words(self, words: Iterable[str]) -> set[int]:
        """Rules anchored on keywords, given the keywords found in the item."""
        found: set[int] = set(self.always)
        for word in words:
            found.update(self.by_word.get(word, ()))
        return found

    def for_fact(self, fact: dict[str, Any]) -> set[int]:
        """Rules anchored on a field test the fact can satisfy."""
        found: set[int] = set()
        for name, table in self.equal.items():
            value = fact.get(name)
            for key in value if isinstance(value, list | tuple) else (value,):
                try:
                    found.update(table.get(_fold(key), ()))
                except TypeError:  # an unhashable value equals no scalar
                    continue
        for name, bounds in self.lower.items():
            number = _number(fact.get(name))
            if number is not None:
                found.update(bounds.up_to(number))
        for name, bounds in self.upper.items():
            number = _number(fact.get(name))
            if number is not None:
                found.update(bounds.from_(number))
        return found


class RuleIndex:
    """Every enabled, non-flatline rule filed by fact kind and anchor."""

    def __init__(self, rules: Iterable[CompiledRule]) -> None:
        self.kinds: dict[str, KindIndex] = {}
        for position, compiled in enumerate(rules):
            rule = compiled.rule
            if not rule.enabled or rule.type == "flatline":
                continue
            self.kinds.setdefault(rule.fact, KindIndex()).add(position, anchor_of(compiled))
