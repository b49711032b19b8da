"""A rule made ready to run: templates compiled, keywords normalized, fact fields checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from monitor.models import Casualty, Strike, TroopReport, WeaponMention
from monitor.rules.keywords import normalize
from monitor.rules.model import Rule
from monitor.rules.templates import Template

#: Fact kind -> model; the kind names are the ``fact:`` values rules use.
FACT_MODELS: dict[str, type[BaseModel] | None] = {
    "strike": Strike,
    "troops": TroopReport,
    "weapon": WeaponMention,
    "casualty": Casualty,
    "item": None,
}


def fact_fields(kind: str) -> set[str]:
    model = FACT_MODELS[kind]
    if model is None:
        return set()
    return set(model.model_fields) | set(model.model_computed_fields)


@dataclass(frozen=True)
class CompiledRule:
    """A validated rule with its templates compiled and keywords normalized."""

    rule: Rule
    title: Template
    dedup_key: Template
    group: Template | None
    any_words: frozenset[str]
    all_words: frozenset[str]
    none_words: frozenset[str]

    @classmethod
    def build(cls, rule: Rule) -> CompiledRule:
        """Compile; raises TemplateError for a template that does not compile."""
        group_src = None
        if rule.record is not None:
            group_src = rule.record.group
        elif rule.new_term is not None:
            group_src = rule.new_term.group
        kw = rule.keywords
        return cls(
            rule=rule,
            title=Template(rule.title),
            dedup_key=Template(rule.dedup_key),
            group=Template(group_src) if group_src is not None else None,
            any_words=frozenset(normalize(w) for w in kw.any) if kw else frozenset(),
            all_words=frozenset(normalize(w) for w in kw.all) if kw else frozenset(),
            none_words=frozenset(normalize(w) for w in kw.none) if kw else frozenset(),
        )

    @property
    def keywords(self) -> frozenset[str]:
        return self.any_words | self.all_words | self.none_words


def sample_context(rule: Rule) -> dict[str, Any]:
    """A context with every field present, to check templates strictly at load time."""
    fact = {name: "x" for name in fact_fields(rule.fact)}
    item = {"id": "x", "source": "x", "url": "x", "title": "x", "published": "x", "tags": []}
    return {"fact": fact, "item": item, "rule": {"id": rule.id, "title": rule.title}}
