"""The package layout holds: no import cycle, packages import downward only, one exception tree."""

from __future__ import annotations

import importlib
import inspect

import pytest

import monitor.errors
from monitor.errors import MonitorError
from tests.design.imports import find_cycle, module_graph, modules, package_graph

#: Bottom to top: a package may import only packages of a lower layer (or its own).
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"errors", "clock", "counts", "pools"}),
    frozenset({"safefiles"}),
    frozenset({"safeyaml"}),
    frozenset({"models", "yamldoc"}),
    frozenset({"settings", "extract", "state"}),
    frozenset({"rules", "sources", "sinks", "stories"}),
    frozenset({"pipeline", "outbox"}),
    frozenset({"assembly"}),
    frozenset({"tools", "observability", "interact", "digest"}),
    frozenset({"console"}),
    frozenset({"service"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)


def layer_of(package: str) -> int:
    for index, members in enumerate(LAYERS):
        if package in members:
            return index
    raise AssertionError(f"package {package!r} has no layer in LAYERS: place it there")


def test_no_import_cycle_between_packages() -> None:
    assert find_cycle(package_graph()) is None


def test_no_import_cycle_between_modules() -> None:
    assert find_cycle(module_graph()) is None


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_packages_import_downward_only() -> None:
    upward = [
        f"{source} (layer {layer_of(source)}) imports {target} (layer {layer_of(target)})"
        for source, targets in sorted(package_graph().items())
        for target in sorted(targets)
        if layer_of(target) >= layer_of(source)
    ]
    assert upward == []


def test_the_rules_core_does_no_io() -> None:
    # the loader and the reloader read rule files through the bounded readers; nothing else
    assert package_graph()["rules"] <= {"errors", "models", "yamldoc", "safeyaml", "safefiles"}


def _exception_classes() -> list[type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for name, _ in modules():
        if name.endswith("__main__"):
            continue
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == name:
                found[f"{name}.{value.__name__}"] = value
    return list(found.values())


@pytest.mark.parametrize("error", _exception_classes(), ids=lambda e: e.__name__)
def test_every_exception_is_a_monitor_error_drawn_in_the_tree(error: type[BaseException]) -> None:
    assert issubclass(error, MonitorError)
    assert error.__name__ in (monitor.errors.__doc__ or "")
