"""Compiled conditions: a small tree of tests over an item and one fact, able to explain itself."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import re2

from monitor.models import Item
from monitor.rules.condition import FieldTest, Predicate
from monitor.rules.keywords import normalize
from monitor.rules.predicates import check_field
from monitor.rules.words import seen, written


@dataclass
class ItemView:
    """What conditions look at: the item, the keywords found in it, its source names."""

    item: Item
    words: frozenset[str]
    names: frozenset[str] = field(init=False)
    regex_cache: dict[int, bool] = field(default_factory=dict)
    #: Each fact field's values folded once per item, whatever the number of rules testing it
    #: (keyed by the fact's id; the fact is kept beside its values, so an id is never reused).
    folded_cache: dict[tuple[int, str], tuple[dict[str, Any], frozenset[Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.names = frozenset({self.item.source.casefold(), *(t.casefold() for t in self.item.tags)})

    def folded(self, fact: dict[str, Any], name: str) -> frozenset[Any]:
        """The values of ``fact[name]`` (its elements, for a list) folded; unhashable ones left out."""
        key = (id(fact), name)
        found = self.folded_cache.get(key)
        if found is None or found[0] is not fact:
            found = (fact, _fold_all(fact.get(name)))
            self.folded_cache[key] = found
        return found[1]

    def part(self, on: str) -> str:
        if on == "title":
            return self.item.title
        if on == "text":
            return self.item.text
        return f"{self.item.title}\n{self.item.text}"


@dataclass(frozen=True)
class Explained:
    """One node's verdict for explain output."""

    label: str
    matched: bool
    children: tuple[Explained, ...] = ()

    def lines(self, depth: int = 0) -> list[str]:
        mark = "yes" if self.matched else "no "
        out = [f"{'  ' * depth}[{mark}] {self.label}"]
        for child in self.children:
            out.extend(child.lines(depth + 1))
        return out


class Node(Protocol):
    @property
    def required(self) -> frozenset[str] | None:
        """Words one of which must occur for the node to hold; None when no such set is known."""

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool: ...

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained: ...


@dataclass(frozen=True)
class AllNode:
    children: tuple[Node, ...]
    label: str = "all"

    @property
    def required(self) -> frozenset[str] | None:
        known = [c.required for c in self.children if c.required is not None]
        return min(known, key=len) if known else None

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool:
        return all(c.test(view, fact) for c in self.children)

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained:
        parts = tuple(c.explain(view, fact) for c in self.children)
        return Explained(self.label, all(p.matched for p in parts), parts)


@dataclass(frozen=True)
class AnyNode:
    children: tuple[Node, ...]

    @property
    def required(self) -> frozenset[str] | None:
        sets = [c.required for c in self.children]
        if not sets or any(s is None for s in sets):
            return None
        return frozenset().union(*(s for s in sets if s is not None))

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool:
        return any(c.test(view, fact) for c in self.children)

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained:
        parts = tuple(c.explain(view, fact) for c in self.children)
        return Explained("any", any(p.matched for p in parts), parts)


@dataclass(frozen=True)
class NotNode:
    child: Node
    required: frozenset[str] | None = None

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool:
        return not self.child.test(view, fact)

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained:
        inner = self.child.explain(view, fact)
        return Explained("not", not inner.matched, (inner,))


@dataclass(frozen=True)
class WordsNode:
    """Keyword test: ``any`` (one occurs), ``all`` (each occurs) or ``none`` (none occurs)."""

    words: frozenset[str]
    mode: str = "any"
    #: The words as the rule file writes them ('[$war_words]'), for explain; kept raw and
    #: turned into text only when explained (loading 10,000 rules must not pay for it).
    as_written: tuple[str, ...] = ()

    @property
    def required(self) -> frozenset[str] | None:
        if self.mode == "any" and self.words:
            return self.words
        if self.mode == "all" and self.words:
            return frozenset({max(sorted(self.words), key=len)})
        return None

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool:
        if self.mode == "any":
            return bool(self.words & view.words)
        if self.mode == "all":
            return self.words <= view.words
        return not self.words & view.words

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained:
        found = ", ".join(sorted(self.words & view.words)) or "none of them"
        shown = written(list(self.as_written)) if self.as_written else sorted(self.words)
        label = f"keywords {self.mode}: {shown}; found: {found}"
        return Explained(label, self.test(view, fact))


@dataclass(frozen=True)
class RegexNode:
    pattern: str
    on: str
    compiled: Any
    required: frozenset[str] | None = None

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool:
        if self.on.startswith("fact."):
            value = fact.get(self.on[5:])
            values = value if isinstance(value, list | tuple) else [value]
            return any(v is not None and self.compiled.search(str(v)) for v in values)
        key = id(self)
        if key not in view.regex_cache:
            view.regex_cache[key] = self.compiled.search(view.part(self.on)) is not None
        return view.regex_cache[key]

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained:
        return Explained(f"regex: {written(self.pattern)}, in: {self.on}", self.test(view, fact))


@dataclass(frozen=True)
class FactNode:
    name: str
    check: FieldTest
    required: frozenset[str] | None = None
    #: The test as the rule file writes it (before list references are resolved) and the
    #: clause it sits in ('where'), so explain can say 'where attacker: $war_sides'. Kept raw
    #: and turned into text only when explained: loading 10,000 rules must not pay for it.
    as_written: Any = None
    clause: str = ""
    #: The test as set lookups when it is equality or membership (most ``where:`` tests are);
    #: None: it runs as written (bounds, ``exists``).
    sets: SetTest | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sets", set_test(self.check))

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool:
        if self.sets is not None:
            return self.sets.holds_folded(fact.get(self.name), view.folded(fact, self.name))
        return check_field(fact.get(self.name), self.check)

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained:
        if self.as_written is not None:
            shown = f"{self.clause} {self.name}: {written(self.as_written)}".strip()
        else:
            shown = f"{self.name}: {written(self.check)}"
        label = f"{shown}; the fact's {self.name}: {seen(fact.get(self.name))}"
        return Explained(label, self.test(view, fact))


@dataclass(frozen=True)
class SourceNode:
    include: frozenset[str]
    exclude: frozenset[str] = frozenset()
    required: frozenset[str] | None = None

    def test(self, view: ItemView, fact: dict[str, Any]) -> bool:
        if self.include and not self.include & view.names:
            return False
        return not self.exclude & view.names

    def explain(self, view: ItemView, fact: dict[str, Any]) -> Explained:
        label = f"source {sorted(view.names)} in {sorted(self.include) or 'any'}"
        if self.exclude:
            label += f", not in {sorted(self.exclude)}"
        return Explained(label, self.test(view, fact))


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


#: Predicate keys a SetTest answers: each names a set of values a field must (or must not) hold.
_ACCEPT = ("eq", "in_", "contains")
_REFUSE = ("ne", "not_in")


@dataclass(frozen=True)
class SetTest:
    """An equality or membership test (a scalar, a list, or ``eq``/``ne``/``in``/``not_in``/
    ``contains``) answered by set lookups: what predicates.check_field answers, without scanning
    a rule's list of 500 places for every candidate fact."""

    accept: tuple[frozenset[Any], ...]
    refuse: tuple[frozenset[Any], ...] = ()
    #: ``contains``: an empty or zero value holds nothing (check_predicate tests ``value or ()``).
    truthy: bool = False

    def holds(self, value: Any) -> bool:
        return self.holds_folded(value, _fold_all(value))

    def holds_folded(self, value: Any, folded: frozenset[Any]) -> bool:
        """``holds`` given the value's elements folded already (``_fold_all``)."""
        if self.truthy and not value:
            return False
        for accepted in self.accept:  # a loop, not all(): this runs for every candidate rule
            if folded.isdisjoint(accepted):
                return False
        return not self.refuse or all(folded.isdisjoint(refused) for refused in self.refuse)


def _folded(values: list[Any]) -> frozenset[Any] | None:
    """None for a NaN value: equal to nothing, while a set finds the very same NaN object."""
    return _folded_once(tuple(values))


@functools.lru_cache(maxsize=1024)
def _folded_once(values: tuple[Any, ...]) -> frozenset[Any] | None:
    """Folded once per distinct list: 10,000 rules name the same lists of 500 places."""
    if any(isinstance(v, float) and math.isnan(v) for v in values):
        return None
    return frozenset(_fold(v) for v in values)


def set_test(check: FieldTest) -> SetTest | None:
    """The test as set lookups; None when it has keys sets cannot answer (bounds, exists)."""
    if not isinstance(check, Predicate):
        found = _folded(check if isinstance(check, list) else [check])
        return None if found is None else SetTest((found,))
    present = {name: value for name, value in check if value is not None}
    if not present.keys() <= {*_ACCEPT, *_REFUSE}:
        return None
    sets: dict[str, frozenset[Any] | None] = {
        name: _folded(value if isinstance(value, list) else [value]) for name, value in present.items()
    }
    if any(found is None for found in sets.values()):
        return None
    accept = tuple(found for name, found in sets.items() if name in _ACCEPT and found is not None)
    refuse = tuple(found for name, found in sets.items() if name in _REFUSE and found is not None)
    return SetTest(accept, refuse, truthy="contains" in present)


def _fold_all(value: Any) -> frozenset[Any]:
    """A value's elements (the value itself when scalar) folded, unhashable ones left out (an
    unhashable value equals no scalar). Equal numbers hash alike, True and 1 included, as
    ``==`` treats them; a NaN is found only as the very same object."""
    elements = value if isinstance(value, list | tuple) else (value,)
    try:
        return frozenset(_fold(e) for e in elements)
    except TypeError:  # an unhashable element equals no scalar
        found: set[Any] = set()
        for element in elements:
            try:
                found.add(_fold(element))
            except TypeError:
                continue
        return frozenset(found)


def compile_regex(pattern: str) -> Any:
    """Compile with RE2 (linear time), case-insensitive; raises re2.error on a bad pattern."""
    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False
    return re2.compile(pattern, options)


def words_node(words: Sequence[str], mode: str, as_written: Sequence[str] = ()) -> WordsNode:
    return WordsNode(frozenset(w for w in (normalize(x) for x in words) if w), mode, tuple(as_written))
