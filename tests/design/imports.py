"""The package import graph of monitor/, read from the source (every import, lazy ones too)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import monitor

ROOT = Path(monitor.__file__).resolve().parent


def unit(module: str) -> str:
    """The package (or top-level module) a dotted module name belongs to: monitor.rules.engine -> rules."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def imported(module: str, path: Path) -> Iterator[str]:
    """Every monitor module ``module`` imports, wherever the import statement is."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("monitor"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            if base.startswith("monitor"):
                yield base


def package_graph() -> dict[str, set[str]]:
    """Package -> the other packages it imports."""
    graph: dict[str, set[str]] = {}
    for module, path in modules():
        source = unit(module)
        if not source:
            continue
        targets = graph.setdefault(source, set())
        for target in imported(module, path):
            other = unit(target)
            if other and other != source:
                targets.add(other)
    return graph


def module_graph() -> dict[str, set[str]]:
    """Module -> the other monitor modules it imports (an import of a package counts as its
    __init__)."""
    found = dict(modules())
    return {
        module: {target for target in imported(module, path) if target in found and target != module}
        for module, path in found.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as a path (first node repeated at the end), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None
