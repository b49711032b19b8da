"""A fact test answered by set lookups gives the same verdict as the test as written."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from monitor.models import Item
from monitor.rules.condition import Predicate
from monitor.rules.conditions import FactNode, ItemView, SetTest
from monitor.rules.predicates import check_field

TESTS: list[Any] = [
    "Odesa",
    ["odesa", "KHARKIV", 3, True],
    [1.0, "x"],
    [0, "drone"],
    Predicate.model_validate({"in": ["Shahed-136", "geran-2", 100]}),
    Predicate.model_validate({"in": [float("nan"), 2]}),
    Predicate.model_validate({"in": ["a"], "ne": "b"}),
    Predicate.model_validate({"contains": "odesa"}),
    Predicate.model_validate({"contains": 0}),
    Predicate.model_validate({"not_in": ["plan", 3]}),
    Predicate.model_validate({"eq": "DRONE", "not_in": ["x"]}),
    Predicate.model_validate({"ne": 1}),
    Predicate.model_validate({"in": ["odesa", 3], "gte": 2}),
    Predicate.model_validate({"exists": True}),
    Predicate.model_validate({}),
    [],
]
VALUES: list[Any] = [
    None, "odesa", "ODESA", "Kharkiv", 3, 3.0, 1, True, False, 0, 0.0, "drone", "DRONE",
    ["Lviv", "odesa"], ("x", "y"), ["SHAHED-136"], [[1]], {"a": 1}, [], float("nan"), 100.0, "1",
]  # fmt: skip


@pytest.mark.parametrize(("check", "value"), list(itertools.product(TESTS, VALUES)))
def test_set_lookup_agrees_with_the_test_as_written(check: Any, value: Any) -> None:
    node = FactNode("field", check)
    view = ItemView(Item(id="i", source="s", title="t"), frozenset())
    assert node.test(view, {"field": value}) is check_field(value, check)


def test_only_equality_and_membership_become_sets() -> None:
    assert FactNode("f", ["A", 2]).sets == SetTest((frozenset({"a", 2}),))
    both = FactNode("f", Predicate.model_validate({"in": ["a"], "ne": "B"})).sets
    assert both == SetTest((frozenset({"a"}),), (frozenset({"b"}),))
    assert FactNode("f", Predicate.model_validate({"gte": 3})).sets is None
    assert FactNode("f", Predicate.model_validate({"exists": True})).sets is None
    assert FactNode("f", [float("nan")]).sets is None
