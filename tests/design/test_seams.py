"""The seams hold: dependencies come in through constructors, and one function assembles the parts."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT
from tests.design.imports import modules

LIBRARY = [
    (name, path) for name, path in modules() if not name.startswith(("monitor.settings", "monitor.cli"))
]


def _offenders(pattern: str, files: list[tuple[str, Path]]) -> list[str]:
    found = re.compile(pattern)
    return [name for name, path in files if found.search(path.read_text(encoding="utf-8"))]


def test_library_code_never_reads_the_environment_or_loads_settings() -> None:
    assert _offenders(r"os\.environ|getenv\(|load_settings\(|dotenv", LIBRARY) == []


def test_only_the_assembly_builds_pipelines_and_delivery_workers() -> None:
    everywhere = [*modules(), *((p.stem, p) for p in (ROOT / "benchmarks").glob("*.py"))]
    assert _offenders(r"\b(Pipeline|DeliveryWorker)\(", everywhere) == ["monitor.assembly"]


def test_sinks_get_redis_through_their_constructor() -> None:
    assert _offenders(r"def attach\(|\.attach\(", list(modules())) == []
