"""The one registry of fact kinds: the ``fact:`` name a rule uses, the Facts field and the model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from monitor.models.facts import Casualty, Denial, Facts, Strike, TroopReport, WeaponMention

#: The values of a rule's ``fact:`` key; ``item`` matches the article itself, without a fact.
FactKindName = Literal["strike", "troops", "weapon", "casualty", "denial", "item"]
ITEM = "item"


@dataclass(frozen=True)
class FactKind:
    """One kind of fact the extractor finds."""

    name: str
    #: The Facts field holding the facts of this kind.
    attr: str
    model: type[BaseModel]

    def found(self, facts: Facts) -> tuple[BaseModel, ...]:
        found: tuple[BaseModel, ...] = getattr(facts, self.attr)
        return found

    def fields(self) -> set[str]:
        """What a rule may test on this kind: the model's fields and computed fields."""
        return set(self.model.model_fields) | set(self.model.model_computed_fields)


FACT_KINDS: dict[str, FactKind] = {
    kind.name: kind
    for kind in (
        FactKind("strike", "strikes", Strike),
        FactKind("troops", "troops", TroopReport),
        FactKind("weapon", "weapons", WeaponMention),
        FactKind("casualty", "casualties", Casualty),
        FactKind("denial", "denials", Denial),
    )
}


def fact_fields(name: str) -> set[str]:
    """The fields a rule of ``fact: name`` may test (none for ``item``)."""
    return set() if name == ITEM else FACT_KINDS[name].fields()


def facts_of(name: str, facts: Facts) -> Iterator[dict[str, Any]]:
    """The facts of one kind as plain data; ``item`` yields one empty fact (the article)."""
    if name == ITEM:
        yield {}
        return
    for fact in FACT_KINDS[name].found(facts):
        yield fact.model_dump(mode="json")


def count_by_kind(facts: Facts) -> dict[str, int]:
    """How many facts of each kind (by Facts field name) ``facts`` holds; kinds with none left out."""
    counts = {kind.attr: len(kind.found(facts)) for kind in FACT_KINDS.values()}
    return {attr: n for attr, n in counts.items() if n}
