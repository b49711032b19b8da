"""Fact predicates: the tests a rule's ``where:`` applies to one fact field."""

from __future__ import annotations

from typing import Any

from monitor.rules.model import FieldTest, Predicate, Scalar


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _eq(value: Any, expected: Scalar) -> bool:
    if isinstance(value, list | tuple):
        return any(_fold(v) == _fold(expected) for v in value)
    return bool(_fold(value) == _fold(expected))


def _in(value: Any, options: list[Scalar]) -> bool:
    return any(_eq(value, option) for option in options)


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _bounds(value: Any, test: Predicate) -> bool:
    bounds = (test.gte, test.gt, test.lte, test.lt)
    if all(b is None for b in bounds):
        return True
    number = _number(value)
    if number is None:
        return False
    return (
        (test.gte is None or number >= test.gte)
        and (test.gt is None or number > test.gt)
        and (test.lte is None or number <= test.lte)
        and (test.lt is None or number < test.lt)
    )


def check_predicate(value: Any, test: Predicate) -> bool:
    """Every key set on ``test`` holds for ``value``."""
    checks = (
        test.exists is None or (value is not None) == test.exists,
        test.eq is None or _eq(value, test.eq),
        test.ne is None or not _eq(value, test.ne),
        test.in_ is None or _in(value, test.in_),
        test.not_in is None or not _in(value, test.not_in),
        test.contains is None or _eq(value or (), test.contains),
    )
    return all(checks) and _bounds(value, test)


def check_field(value: Any, test: FieldTest) -> bool:
    """A scalar means equality, a list means 'one of', a mapping is a Predicate."""
    if isinstance(test, Predicate):
        return check_predicate(value, test)
    if isinstance(test, list):
        return _in(value, test)
    return _eq(value, test)
