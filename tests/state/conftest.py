"""The state tests share the rules tests' fixtures: rules from YAML text, a store in this test's namespace."""

from tests.rules.conftest import rules_from, store

__all__ = ["rules_from", "store"]
