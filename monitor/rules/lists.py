"""Named lists: defined once under a top-level ``lists:`` and referenced as '$name' or in_list."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from monitor.rules.condition import FieldTest, Predicate, Scalar

Loc = tuple[str | int, ...]
#: Called with the location (relative to the rule) and the message of a bad reference.
Report = Callable[[Loc, str], None]
Lists = Mapping[str, Sequence[Scalar]]


class ListResolver:
    """Expands list references against the lists of every loaded file, noting which were used."""

    def __init__(self, lists: Lists) -> None:
        self.lists = lists
        self.used: set[str] = set()

    def named(self, name: str, loc: Loc, report: Report) -> list[Scalar]:
        if name not in self.lists:
            known = ", ".join(sorted(self.lists)) or "none defined"
            report(loc, f"unknown list {name!r} (known: {known})")
            return []
        self.used.add(name)
        return list(self.lists[name])

    def expand(self, values: Sequence[Scalar], loc: Loc, report: Report) -> list[Scalar]:
        """The values with every '$name' item replaced by the values of that list."""
        out: list[Scalar] = []
        for index, value in enumerate(values):
            if isinstance(value, str) and value.startswith("$"):
                out.extend(self.named(value[1:], (*loc, index), report))
            else:
                out.append(value)
        return out

    def words(self, values: Sequence[str], loc: Loc, report: Report) -> list[str]:
        return [str(v) for v in self.expand(values, loc, report)]

    def test(self, test: FieldTest, loc: Loc, report: Report) -> FieldTest:
        """A field test with its list references resolved ('$name' scalar means in_list)."""
        if isinstance(test, str) and test.startswith("$"):
            return self.named(test[1:], loc, report)
        if isinstance(test, list):
            return self.expand(test, loc, report)
        if not isinstance(test, Predicate):
            return test
        update: dict[str, object] = {}
        for key, alias in (("in_", "in"), ("not_in", "not_in")):
            values = getattr(test, key)
            if values is not None:
                update[key] = self.expand(values, (*loc, alias), report)
        for key, target in (("in_list", "in_"), ("not_in_list", "not_in")):
            name = getattr(test, key)
            if name is not None:
                current = update.get(target) or getattr(test, target) or []
                assert isinstance(current, list)
                update[target] = [*current, *self.named(name, (*loc, key), report)]
                update[key] = None
        return test.model_copy(update=update) if update else test
