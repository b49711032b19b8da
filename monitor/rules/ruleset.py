"""A loaded, immutable set of rules with their shared keyword index."""

from __future__ import annotations

from dataclasses import dataclass, field

from monitor.rules.compiled import CompiledRule
from monitor.rules.keywords import KeywordIndex


@dataclass(frozen=True)
class RuleSet:
    """The rules in force; swapped whole on reload, never edited in place."""

    rules: tuple[CompiledRule, ...] = ()
    index: KeywordIndex = field(init=False)

    def __post_init__(self) -> None:
        words = [w for r in self.rules for w in r.keywords]
        object.__setattr__(self, "index", KeywordIndex(words))

    @property
    def enabled(self) -> tuple[CompiledRule, ...]:
        return tuple(r for r in self.rules if r.rule.enabled)

    def get(self, rule_id: str) -> CompiledRule | None:
        return next((r for r in self.rules if r.rule.id == rule_id), None)
