"""A loaded, immutable set of rules, its shared keyword automaton and its rule index."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from monitor.rules.compiled import CompiledRule
from monitor.rules.condition import Scalar
from monitor.rules.index import RuleIndex
from monitor.rules.keywords import KeywordIndex


@dataclass(frozen=True)
class RuleSet:
    """The rules in force; swapped whole on reload, never edited in place.

    ``matcher`` files the rules by fact kind and by what they ask (monitor.rules.index): a
    fact only costs the rules whose conditions it can satisfy. ``candidates`` is the coarser
    keyword-only filter ``explain`` reports.
    """

    rules: tuple[CompiledRule, ...] = ()
    lists: dict[str, list[Scalar]] = field(default_factory=dict)
    index: KeywordIndex = field(init=False)
    by_word: dict[str, tuple[int, ...]] = field(init=False)
    always: tuple[int, ...] = field(init=False)
    matcher: RuleIndex = field(init=False)

    def __post_init__(self) -> None:
        words = [w for r in self.rules for w in r.keywords]
        object.__setattr__(self, "index", KeywordIndex(words))
        by_word: dict[str, list[int]] = defaultdict(list)
        always: list[int] = []
        for position, compiled in enumerate(self.rules):
            if not compiled.rule.enabled or compiled.rule.type == "flatline":
                continue
            required = compiled.required
            if required is None:
                always.append(position)
            for word in required or ():
                by_word[word].append(position)
        object.__setattr__(self, "by_word", {w: tuple(p) for w, p in by_word.items()})
        object.__setattr__(self, "always", tuple(always))
        object.__setattr__(self, "matcher", RuleIndex(self.rules))

    @functools.cached_property
    def enabled(self) -> tuple[CompiledRule, ...]:
        return tuple(r for r in self.rules if r.rule.enabled)

    @functools.cached_property
    def corroborating(self) -> bool:
        """Some enabled rule holds its alerts for min_sources (the pipeline skips hold and
        corroboration work per batch otherwise)."""
        return any(r.rule.min_sources for r in self.enabled)

    @functools.cached_property
    def flatlines(self) -> tuple[CompiledRule, ...]:
        """Asked once per item (the pipeline notes what they watch): computed once."""
        return tuple(r for r in self.enabled if r.rule.type == "flatline")

    def candidates(self, words: frozenset[str]) -> list[CompiledRule]:
        """The enabled rules that can match a text containing ``words``, in rule order."""
        positions = set(self.always)
        for word in words:
            positions.update(self.by_word.get(word, ()))
        return [self.rules[p] for p in sorted(positions)]

    @functools.cached_property
    def by_id(self) -> dict[str, CompiledRule]:
        """Each rule by its id (the first, should a set hold an id twice)."""
        found: dict[str, CompiledRule] = {}
        for compiled in self.rules:
            found.setdefault(compiled.rule.id, compiled)
        return found

    def get(self, rule_id: str) -> CompiledRule | None:
        return self.by_id.get(rule_id)

    def only(self, rule_id: str) -> RuleSet:
        """A rule set holding just one rule (examples and explain run a rule alone)."""
        return RuleSet(tuple(r for r in self.rules if r.rule.id == rule_id), lists=self.lists)
