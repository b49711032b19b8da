"""One name per concept: the fact-kind registry agrees with the models and the rules' schema."""

from __future__ import annotations

from typing import get_args

from monitor.models import Facts
from monitor.models.kinds import FACT_KINDS, ITEM, FactKindName
from monitor.rules.model import Rule


def test_fact_kind_names_are_the_registry_and_item() -> None:
    assert set(get_args(FactKindName)) == {*FACT_KINDS, ITEM}
    fact_annotation: object = Rule.model_fields["fact"].annotation
    assert fact_annotation == FactKindName


def test_every_facts_field_is_a_registered_kind() -> None:
    assert {kind.attr for kind in FACT_KINDS.values()} == set(Facts.model_fields)
    for kind in FACT_KINDS.values():
        assert Facts.model_fields[kind.attr].annotation == tuple[kind.model, ...]  # type: ignore[name-defined]
